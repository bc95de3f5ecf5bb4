//! The tokenizer of the comment index, `lifa_words`, registered every time the index opens:
//! jieba in search mode (long compounds and their 2–3 character sub-words), with lifa's
//! dictionary of legislative terms and the workspace's own `userdict.txt`. It ranks results;
//! which comments hit is decided by the character pairs of [`super::grams`], so recall never
//! depends on how jieba happened to cut a word. [`fold`] folds characters for both.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use jieba_rs::Jieba;

use crate::segment::has_word_char;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// lifa's shipped dictionary of legislative terms (jieba format: word, frequency, tag).
pub const LEGISLATIVE_TERMS: &str = include_str!("../../data/userdict.txt");

/// Marks the end of a text, so that its last character has a gram of its own.
pub const END: char = '\u{3}';

/// Folds a character for both indexing and querying: ASCII and full-width letters to lower
/// case, full-width digits and letters to half-width.
pub fn fold(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        c => c,
    };
    c.to_ascii_lowercase()
}

/// A jieba segmenter with the legislative dictionary and, when the workspace has one,
/// `userdict.txt`. Loading costs about 0.1 s, so it happens on first use, not when the index
/// opens (queries never need it).
#[derive(Clone)]
pub struct Words {
    jieba: Arc<OnceLock<Jieba>>,
    user_dict: Option<Arc<str>>,
}

impl Words {
    /// A tokenizer that will load the workspace's `userdict.txt` (if any) besides lifa's own.
    pub fn new(workspace: &Path) -> Words {
        let user_dict = std::fs::read_to_string(workspace.join("userdict.txt"))
            .ok()
            .map(Arc::from);
        Words {
            jieba: Arc::new(OnceLock::new()),
            user_dict,
        }
    }

    /// The segmenter, loaded on first use.
    pub fn jieba(&self) -> &Jieba {
        self.jieba.get_or_init(|| {
            let mut j = Jieba::new();
            let _ = j.load_dict(&mut LEGISLATIVE_TERMS.as_bytes());
            if let Some(d) = &self.user_dict {
                let _ = j.load_dict(&mut d.as_bytes());
            }
            j
        })
    }

    /// The words of a text as indexed: search mode, lower-cased, tokens with no letter or digit
    /// dropped.
    pub fn words<'a>(&self, text: &'a str) -> Vec<(&'a str, usize, usize)> {
        self.jieba()
            .cut_for_search(text, false)
            .into_iter()
            .filter(|t| has_word_char(t.word))
            .map(|t| (t.word, t.byte_start, t.byte_end))
            .collect()
    }
}

impl Tokenizer for Words {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        WordStream {
            words: self.jieba().cut_for_search(text, false).into_iter(),
            token: Token::default(),
            position: 0,
        }
    }
}

/// Streams the words of a text (see [`Words::words`]), folded into one reused token: no
/// allocation per word (an index of a million comments has about 47 million of them).
pub struct WordStream<'a> {
    words: std::vec::IntoIter<jieba_rs::Token<'a>>,
    token: Token,
    position: usize,
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        for w in self.words.by_ref() {
            if !has_word_char(w.word) {
                continue;
            }
            self.token.text.clear();
            // Only ASCII letters and full-width forms (U+FF01–U+FF5E, bytes EF BC/BD …) fold.
            if w.word.bytes().any(|b| b.is_ascii_uppercase() || b == 0xEF) {
                self.token.text.extend(w.word.chars().map(fold));
            } else {
                self.token.text.push_str(w.word);
            }
            self.token.offset_from = w.byte_start;
            self.token.offset_to = w.byte_end;
            self.token.position = self.position;
            self.token.position_length = 1;
            self.position += 1;
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_words_are_the_folded_words() {
        let w = Words::new(Path::new("/nonexistent"));
        let text = "建议禁止网箱养殖，App 要能举报；ＡＢＣ罚款5000元。";
        let want: Vec<(String, usize, usize)> = w
            .words(text)
            .into_iter()
            .map(|(s, a, b)| (s.chars().map(fold).collect(), a, b))
            .collect();
        let mut tokenizer = w.clone();
        let mut stream = tokenizer.token_stream(text);
        let mut got = Vec::new();
        while stream.advance() {
            let t = stream.token();
            assert_eq!(t.position, got.len());
            got.push((t.text.clone(), t.offset_from, t.offset_to));
        }
        assert_eq!(got, want);
        assert!(got.iter().any(|t| t.0 == "app"), "{got:?}");
    }

    #[test]
    fn legislative_terms_are_words() {
        let w = Words::new(Path::new("/nonexistent"));
        let words: Vec<&str> = w
            .words("建议通过基层立法联系点征求意见，禁止网箱养殖。")
            .into_iter()
            .map(|t| t.0)
            .collect();
        assert!(words.contains(&"基层立法联系点"), "{words:?}");
        assert!(words.contains(&"网箱养殖"), "{words:?}");
        assert!(!words.contains(&"，"));
    }

    #[test]
    fn a_workspace_extends_the_dictionary() {
        let dir = tempfile::tempdir().unwrap();
        let text = "建议整治澜溪口湿地。";
        let before: Vec<String> = Words::new(dir.path())
            .words(text)
            .into_iter()
            .map(|t| t.0.to_string())
            .collect();
        assert!(!before.contains(&"澜溪口湿地".to_string()), "{before:?}");
        std::fs::write(dir.path().join("userdict.txt"), "澜溪口湿地 500 ns\n").unwrap();
        let after: Vec<String> = Words::new(dir.path())
            .words(text)
            .into_iter()
            .map(|t| t.0.to_string())
            .collect();
        assert!(after.contains(&"澜溪口湿地".to_string()), "{after:?}");
    }
}
