//! Cross-references inside article text: `本条例第十二条`, `第十二条第二款第三项`,
//! `《中华人民共和国水法》第十二条` (a reference to another law, which renumbering never touches).
//!
//! Used by the alignment (articles that differ only in reference numbers still match) and by the
//! diff (edits that only follow renumbering are *consequential*).

use std::ops::Range;

use crate::draft::ArticleNumber;
use crate::draft::numbering::scan_label;

/// One reference to an article found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleRef {
    /// Byte range of the whole reference (`第十二条第二款`).
    pub range: Range<usize>,
    /// The article referred to.
    pub number: ArticleNumber,
    /// What follows the article label inside the reference (`第二款第三项`), verbatim.
    pub suffix: String,
    /// False when the reference points into another law (`《…》第十二条`).
    pub internal: bool,
}

/// Finds every article reference in `text`.
///
/// ```
/// let refs = lifa::refs::find("违反本条例第十二条第二款、《中华人民共和国水法》第三条规定的");
/// assert_eq!(refs.len(), 2);
/// assert_eq!((refs[0].number.main, refs[0].suffix.as_str(), refs[0].internal), (12, "第二款", true));
/// assert!(!refs[1].internal);
/// ```
pub fn find(text: &str) -> Vec<ArticleRef> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(off) = text[pos..].find('第') {
        let start = pos + off;
        match scan_label(&text[start..], '条') {
            Some((number, len)) => {
                let mut end = start + len;
                // 第二款, 第三项 directly after the article.
                loop {
                    let rest = &text[end..];
                    let next = scan_label(rest, '款').or_else(|| scan_label(rest, '项'));
                    match next {
                        Some((_, l)) => end += l,
                        None => break,
                    }
                }
                out.push(ArticleRef {
                    range: start..end,
                    number,
                    suffix: text[start + len..end].to_string(),
                    internal: is_internal(&text[..start]),
                });
                pos = end;
            }
            None => pos = start + '第'.len_utf8(),
        }
    }
    out
}

/// How a text names itself: `本条例第十二条` is a reference into the same instrument.
pub(crate) const OWN_NAMES: [&str; 7] = [
    "本法",
    "本条例",
    "本办法",
    "本规定",
    "本决定",
    "本细则",
    "本规则",
];

/// A reference is internal unless the text right before it names another instrument.
fn is_internal(before: &str) -> bool {
    let before = before.trim_end();
    if before.ends_with('》') || before.ends_with('>') {
        return false;
    }
    for own in OWN_NAMES {
        if before.ends_with(own) {
            return true;
        }
    }
    !["法", "条例", "办法", "规定", "决定", "细则", "规则"]
        .iter()
        .any(|s| before.ends_with(s))
}

/// The text with the numbers of internal article references replaced by `#`
/// (`本条例第十二条` → `本条例第#条`), so that texts differing only by renumbering compare equal.
pub fn mask(text: &str) -> String {
    let refs = find(text);
    if refs.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for r in refs.iter().filter(|r| r.internal) {
        out.push_str(&text[pos..r.range.start]);
        out.push_str("第#条");
        out.push_str(&r.suffix);
        pos = r.range.end;
    }
    out.push_str(&text[pos..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_references_with_paragraphs_and_items() {
        let r = find("依照本条例第十四条第三项、第四项和第二十条之一规定");
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].suffix, "第三项");
        assert_eq!(r[1].number, ArticleNumber { main: 20, sub: 1 });
        assert_eq!(
            &"依照本条例第十四条第三项、第四项和第二十条之一规定"[r[0].range.clone()],
            "第十四条第三项"
        );
    }

    #[test]
    fn external_references() {
        for t in [
            "《中华人民共和国水法》第十二条",
            "依照水法第十二条",
            "行政处罚法第十二条",
        ] {
            assert!(!find(t)[0].internal, "{t}");
        }
        for t in ["本条例第十二条", "违反第十二条", "本法第十二条"] {
            assert!(find(t)[0].internal, "{t}");
        }
    }

    #[test]
    fn masking() {
        assert_eq!(
            mask("违反本条例第十二条第二款规定，依照《水法》第三条处罚"),
            "违反本条例第#条第二款规定，依照《水法》第三条处罚"
        );
        assert_eq!(mask("第三章"), "第三章");
    }
}
