//! Chinese word segmentation (jieba) shared by the diff and, later, the index.
//!
//! The dictionary costs about 0.1 s and 33 MB to load, so it is loaded once per process, on
//! first use.

use std::sync::OnceLock;

use jieba_rs::Jieba;

/// The process-wide segmenter with jieba's default dictionary.
pub fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// Splits `text` into words (jieba default mode, no HMM, so the result depends only on the
/// dictionary). Every byte of `text` belongs to exactly one word.
pub fn words(text: &str) -> Vec<&str> {
    jieba()
        .cut(text, false)
        .into_iter()
        .map(|t| t.word)
        .collect()
}

/// Letters, digits and Chinese characters: `char::is_alphanumeric`, with the common CJK block,
/// ASCII and the punctuation of Chinese text (，。、“”：；！？（）《》…—) checked first: they
/// are most of the text, and the general lookup is slow.
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c {
        '\u{4e00}'..='\u{9fff}' => true,
        '\0'..='\x7f' => c.is_ascii_alphanumeric(),
        // General punctuation (“”‘’…—), CJK punctuation (、。《》【】「」, but not 々〆〇 or
        // the Hangzhou numerals), full-width punctuation (，：；！？（）).
        '\u{2000}'..='\u{206f}'
        | '\u{3000}'..='\u{3004}'
        | '\u{3008}'..='\u{3020}'
        | '\u{3030}'
        | '\u{303d}'..='\u{303f}'
        | '\u{ff01}'..='\u{ff0f}'
        | '\u{ff1a}'..='\u{ff20}'
        | '\u{ff3b}'..='\u{ff40}'
        | '\u{ff5b}'..='\u{ff65}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// Whether `word` has a letter, digit or Chinese character (is not only punctuation or space).
#[inline]
pub fn has_word_char(word: &str) -> bool {
    word.chars().any(is_word_char)
}

#[cfg(test)]
mod tests {
    #[test]
    fn word_chars_are_the_alphanumeric_ones() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(super::is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
        assert!(super::has_word_char("，网箱"));
        assert!(!super::has_word_char("，。——"));
    }

    #[test]
    fn words_cover_the_text() {
        let text = "禁止在湖泊管理范围内倾倒垃圾，违者处一万元罚款。";
        let w = super::words(text);
        assert_eq!(w.concat(), text);
        assert!(w.contains(&"湖泊"), "{w:?}");
    }
}
