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

#[cfg(test)]
mod tests {
    #[test]
    fn words_cover_the_text() {
        let text = "禁止在湖泊管理范围内倾倒垃圾，违者处一万元罚款。";
        let w = super::words(text);
        assert_eq!(w.concat(), text);
        assert!(w.contains(&"湖泊"), "{w:?}");
    }
}
