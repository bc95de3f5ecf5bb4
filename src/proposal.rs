//! Drafting proposals inside comments: the wording changes a comment asks for, in the forms
//! staff and experts write them — `建议将“A”修改为“B”`, `建议删除“A”`, `建议在“A”后增加“B”`,
//! `建议增加“B”`, `建议删去第X条`. The attribution matches these against the edits of a diff:
//! a comment whose proposal *is* an edit is the strongest evidence there is.

use crate::cite::{self, Citation};

/// One proposed change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Proposal {
    /// Replace `old` with `new` (`将“A”修改为“B”`, `“A”改为“B”`, `把“A”改成“B”`).
    Replace {
        /// The words to replace.
        old: String,
        /// The words to put instead.
        new: String,
    },
    /// Delete words (`删除“A”`, `删去“A”`, `去掉“A”`).
    Delete(String),
    /// Insert words, after an anchor when one is given (`在“A”后增加“B”`, `增加“B”`).
    Insert {
        /// The words after which to insert.
        after: Option<String>,
        /// The words to insert.
        new: String,
    },
    /// Delete whole articles (`删除第二十二条`, `删去第二十二条`).
    DeleteArticles(Vec<Citation>),
}

impl Proposal {
    /// The words the proposal removes, if any.
    pub fn removed(&self) -> Option<&str> {
        match self {
            Proposal::Replace { old, .. } | Proposal::Delete(old) => Some(old),
            _ => None,
        }
    }

    /// The words the proposal adds, if any.
    pub fn added(&self) -> Option<&str> {
        match self {
            Proposal::Replace { new, .. } | Proposal::Insert { new, .. } => Some(new),
            _ => None,
        }
    }
}

const OPEN: [char; 4] = ['“', '"', '「', '‘'];

fn closing(open: char) -> &'static [char] {
    match open {
        '“' => &['”', '"'],
        '「' => &['」'],
        '‘' => &['’'],
        _ => &['"', '”'],
    }
}

/// A quoted piece of the text: its content and the byte range of the whole quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// What is inside the quotes.
    pub text: String,
    /// Byte offset of the opening quote.
    pub start: usize,
    /// Byte offset just past the closing quote.
    pub end: usize,
}

/// Every quoted piece of a text (`“…”`, `"…"`, `「…」`, `‘…’`), in order.
pub fn quotes(text: &str) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !OPEN.contains(&c) {
            continue;
        }
        let close = closing(c);
        let mut inner = String::new();
        let mut end = None;
        for (j, d) in it.by_ref() {
            if close.contains(&d) {
                end = Some(j + d.len_utf8());
                break;
            }
            inner.push(d);
        }
        match end {
            Some(e) if !inner.trim().is_empty() => out.push(Quote {
                text: inner,
                start: i,
                end: e,
            }),
            Some(_) => {}
            None => break,
        }
    }
    out
}

/// Verbs that introduce the new wording after a quoted old wording.
const CHANGE_TO: [&str; 10] = [
    "修改为",
    "修改成",
    "改为",
    "改成",
    "调整为",
    "表述为",
    "替换为",
    "换成",
    "修订为",
    "更改为",
];
/// Verbs of deletion.
const DELETE: [&str; 5] = ["删除", "删去", "去掉", "删掉", "去除"];
/// Verbs of insertion.
const INSERT: [&str; 8] = [
    "增加", "增写", "加上", "补充", "增设", "新增", "添加", "加入",
];

/// Reads the proposals of a comment.
///
/// ```
/// use lifa::proposal::{proposals, Proposal};
/// let p = proposals("建议将第二十四条中的“定期”修改为“按季度”，并删除“原则上”。");
/// assert_eq!(p[0], Proposal::Replace { old: "定期".into(), new: "按季度".into() });
/// assert_eq!(p[1], Proposal::Delete("原则上".into()));
/// ```
pub fn proposals(text: &str) -> Vec<Proposal> {
    let qs = quotes(text);
    let mut out = Vec::new();
    let mut used = vec![false; qs.len()];
    for i in 0..qs.len() {
        if used[i] {
            continue;
        }
        let q = &qs[i];
        let before = &text[..q.start];
        let after_q = &text[q.end..];
        // “A”修改为“B”
        if let Some(next) = qs.get(i + 1) {
            let between = text[q.end..next.start].trim();
            if CHANGE_TO.iter().any(|v| between.ends_with(v)) && between.chars().count() <= 8 {
                out.push(Proposal::Replace {
                    old: q.text.clone(),
                    new: next.text.clone(),
                });
                used[i] = true;
                used[i + 1] = true;
                continue;
            }
            // 在“A”后增加“B” / 在“A”之后增加“B” / 在“A”后面加上“B”
            if ends_with_any(before.trim_end(), &["在"])
                && between.starts_with(['后', '前', '之'])
                && INSERT.iter().any(|v| between.ends_with(v))
            {
                out.push(Proposal::Insert {
                    after: Some(q.text.clone()),
                    new: next.text.clone(),
                });
                used[i] = true;
                used[i + 1] = true;
                continue;
            }
        }
        let lead = tail_chars(before, 6);
        let head: String = after_q.trim_start().chars().take(6).collect();
        let deleted_after = DELETE.iter().any(|v| head.contains(v)) && !head.contains(OPEN);
        if verb_then_place(&tail_chars(before, 16), &DELETE) {
            out.push(Proposal::Delete(q.text.clone()));
            used[i] = true;
        } else if INSERT.iter().any(|v| lead.ends_with(v))
            || (lead.ends_with('为') && INSERT.iter().any(|v| tail_chars(before, 10).contains(v)))
        {
            out.push(Proposal::Insert {
                after: None,
                new: q.text.clone(),
            });
            used[i] = true;
        } else if deleted_after {
            // “A”应当删除 / “A”一词删去
            out.push(Proposal::Delete(q.text.clone()));
            used[i] = true;
        }
    }
    // 删除第二十二条 (whole articles, outside quotes).
    for verb in DELETE {
        let mut from = 0;
        while let Some(off) = text[from..].find(verb) {
            let at = from + off + verb.len();
            let rest = &text[at..];
            if rest.starts_with('第') || rest.starts_with("本条例第") || rest.starts_with("草案第")
            {
                let span: String = rest.chars().take(24).collect();
                let cut = span
                    .find(['，', '。', '；', ',', ';', '（', '('])
                    .map_or(span.as_str(), |e| &span[..e]);
                let c = cite::parse_text(cut);
                // A reference to a 款 or 项 deletes words, not the article.
                let whole: Vec<Citation> = c
                    .articles
                    .into_iter()
                    .filter(|a| a.paragraph.is_none() && a.item.is_none())
                    .collect();
                if !whole.is_empty() && !cut.contains('中') {
                    out.push(Proposal::DeleteArticles(whole));
                }
            }
            from = at;
        }
    }
    out
}

/// Whether `lead` ends with one of `verbs`, possibly followed by where (`删去第五条中的`,
/// `删除其中的`).
fn verb_then_place(lead: &str, verbs: &[&str]) -> bool {
    verbs.iter().any(|v| {
        lead.rfind(v).is_some_and(|pos| {
            let rest = &lead[pos + v.len()..];
            rest.is_empty()
                || rest == "其中的"
                || (rest.starts_with('第') && (rest.ends_with("中的") || rest.ends_with('的')))
        })
    })
}

fn ends_with_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.ends_with(w))
}

fn tail_chars(s: &str, n: usize) -> String {
    let chars: Vec<char> = s.trim_end().chars().collect();
    chars[chars.len().saturating_sub(n)..].iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Proposal {
        let p = proposals(text);
        assert_eq!(p.len(), 1, "{text}: {p:?}");
        p.into_iter().next().unwrap()
    }

    #[test]
    fn replacements() {
        for t in [
            "建议将“应当”修改为“必须”。",
            "建议把\"应当\"改为\"必须\"",
            "第十条中的“应当”建议改成“必须”",
            "“应当”一词修改为“必须”",
        ] {
            assert_eq!(
                one(t),
                Proposal::Replace {
                    old: "应当".into(),
                    new: "必须".into()
                },
                "{t}"
            );
        }
    }

    #[test]
    fn deletions_and_insertions() {
        assert_eq!(
            one("建议删除“原则上”三个字"),
            Proposal::Delete("原则上".into())
        );
        assert_eq!(
            one("建议删去第五条中的“有关”"),
            Proposal::Delete("有关".into())
        );
        assert_eq!(one("“等”字应当删除"), Proposal::Delete("等".into()));
        assert_eq!(
            one("建议在“划定”后增加“并公布”"),
            Proposal::Insert {
                after: Some("划定".into()),
                new: "并公布".into()
            }
        );
        assert_eq!(
            one("第二十一条建议增加“饮用水水源保护区内禁止游泳、垂钓、露营”。"),
            Proposal::Insert {
                after: None,
                new: "饮用水水源保护区内禁止游泳、垂钓、露营".into()
            }
        );
        assert_eq!(
            one("建议增加一款，内容为“入湖河口，是指入湖河流与青澜湖水域的交汇处”"),
            Proposal::Insert {
                after: None,
                new: "入湖河口，是指入湖河流与青澜湖水域的交汇处".into()
            }
        );
    }

    #[test]
    fn deleting_whole_articles() {
        let p = one("节约用水与湖泊保护关系不大，建议删除第二十二条。");
        let Proposal::DeleteArticles(a) = p else {
            panic!("{p:?}")
        };
        assert_eq!(a.iter().map(|c| c.article).collect::<Vec<_>>(), [22]);
        // Deleting words inside an article is not deleting the article.
        assert!(
            proposals("建议删除第五条中的“有关”")
                .iter()
                .all(|p| !matches!(p, Proposal::DeleteArticles(_)))
        );
    }

    #[test]
    fn quotes_that_are_not_proposals() {
        assert!(proposals("第三十条只管“航行”的船，停泊的船也要管。").is_empty());
        assert!(proposals("我们呼吁在《青澜市青澜湖保护条例》中明确规定").is_empty());
        assert!(proposals("没有引号也没有建议").is_empty());
        assert!(proposals("未闭合的“引号").is_empty());
    }
}
