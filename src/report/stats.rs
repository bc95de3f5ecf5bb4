//! 统计: the figures of a reading as staff quote them — the headline sentence (共收到意见建议
//! N 条……修改稿共作出 E 处修改……), then tables (Markdown) or tables and bar charts (HTML) of
//! the comments by channel, source, submitter kind, article and disposition, adoption rates,
//! and the edits by kind and by whether an adopted comment drove them.
//!
//! A renderer over an [`Attributed`]: every figure comes from the attribution and its corpus;
//! the comments counted are the ones the attribution considered (made on the old version).
//! Also home of the small helpers the other reading reports share ([`considered`],
//! [`headline`], the HTML page).

use std::fmt::Write as _;

use super::attribute::Attributed;
use super::chart::bar_svg;
use super::html::escape;
use crate::decisions::Status;
use crate::diff::EditKind;
use crate::opinions::{self, Count};

/// Rows of the by-article table.
const TOP_ARTICLES: usize = 15;

/// The comments the attribution considered (indices into `corpus.comments`): those this reading
/// answers (see `Attribution::considered`).
pub(crate) fn considered(n: &Attributed<'_>) -> Vec<usize> {
    (0..n.corpus.comments.len())
        .filter(|&i| n.attribution.considered(i))
        .collect()
}

pub(crate) fn pct(part: usize, whole: usize) -> String {
    if whole == 0 {
        "0.0%".into()
    } else {
        format!("{:.1}%", part as f64 * 100.0 / whole as f64)
    }
}

/// The regulation's title as the old draft gives it (`青澜市青澜湖保护条例（草案）`).
pub(crate) fn regulation_title(n: &Attributed<'_>) -> String {
    let d = &n.attribution.diff;
    d.old
        .title
        .clone()
        .or_else(|| d.new.title.clone())
        .or_else(|| d.regulation.clone())
        .unwrap_or_else(|| "草案".into())
}

/// `一审稿` or the version id.
pub(crate) fn stage(v: &crate::diff::VersionInfo) -> String {
    v.stage.clone().unwrap_or_else(|| v.version.clone())
}

/// Counts of the considered comments by disposition.
pub(crate) fn status_counts(n: &Attributed<'_>, comments: &[usize]) -> Vec<(Status, usize)> {
    Status::ALL
        .iter()
        .map(|&s| {
            (
                s,
                comments
                    .iter()
                    .filter(|&&i| n.corpus.status(i) == s)
                    .count(),
            )
        })
        .collect()
}

/// Contact points with at least one comment (a blank source is not one).
fn source_count(n: &Attributed<'_>) -> usize {
    n.attribution
        .totals
        .by_source
        .iter()
        .filter(|r| !r.name.trim().is_empty())
        .count()
}

/// The sentence staff write: comments received, opinions, adoptions; edits made.
pub(crate) fn headline(n: &Attributed<'_>) -> String {
    let t = &n.attribution.totals;
    let comments = considered(n);
    let counts = status_counts(n, &comments);
    let of = |s: Status| counts.iter().find(|c| c.0 == s).map_or(0, |c| c.1);
    let mut adopted = format!("采纳（含部分采纳）{}条", t.adopted);
    if of(Status::PartlyAdopted) > 0 {
        adopted.push_str(&format!("，其中部分采纳{}条", of(Status::PartlyAdopted)));
    }
    let others: Vec<String> = [
        Status::ReflectedElsewhere,
        Status::NotAdopted,
        Status::Pending,
        Status::Undecided,
    ]
    .iter()
    .filter(|&&s| of(s) > 0)
    .map(|&s| format!("{}{}条", s.zh(), of(s)))
    .collect();
    let others = if others.is_empty() {
        String::new()
    } else {
        format!("，{}", others.join("，"))
    };
    let consequential = t.edits - t.substantive_edits;
    let kinds = if consequential > 0 {
        format!(
            "（实质性修改{}处，引用条号调整{}处）",
            t.substantive_edits, consequential
        )
    } else {
        String::new()
    };
    format!(
        "共收到意见建议{}条（来自{}个基层立法联系点，合并重复和联名后{}种意见），{adopted}{others}；修改稿共作出{}处修改{kinds}，其中{}处采纳了意见。",
        t.comments,
        source_count(n),
        t.opinions,
        t.edits,
        t.edits_with_adopted,
    )
}

/// A table: title, column heads, rows of cells.
struct Table {
    title: String,
    heads: Vec<&'static str>,
    rows: Vec<Vec<String>>,
    /// Bars for the HTML chart: (label, value).
    bars: Vec<(String, f64)>,
    /// A line under the table.
    note: Option<String>,
}

/// Every table of the statistics, in order.
fn tables(n: &Attributed<'_>) -> Vec<Table> {
    let a = n.attribution;
    let t = &a.totals;
    let comments = considered(n);
    let old = &a.diff.old.version;
    let s = opinions::stats(n.corpus, &comments, std::slice::from_ref(old), &|_| {
        String::new()
    });
    let mut out = Vec::new();
    let count_rows = |counts: &[Count]| -> Vec<Vec<String>> {
        counts
            .iter()
            .map(|c| {
                vec![
                    c.name.clone(),
                    c.comments.to_string(),
                    pct(c.comments, t.comments),
                    c.opinions.to_string(),
                ]
            })
            .collect()
    };
    let bars = |counts: &[Count]| -> Vec<(String, f64)> {
        counts
            .iter()
            .map(|c| (c.name.clone(), c.comments as f64))
            .collect()
    };

    out.push(Table {
        title: "按征集渠道".into(),
        heads: vec!["渠道", "意见（条）", "占比", "意见（种）"],
        rows: count_rows(&s.by_channel),
        bars: bars(&s.by_channel),
        note: None,
    });

    // By source: the attribution's rates, with the distinct opinions of each.
    let rate_rows = |rates: &[crate::attribute::Rate], counts: &[Count]| -> Vec<Vec<String>> {
        rates
            .iter()
            .map(|r| {
                let opinions = counts
                    .iter()
                    .find(|c| c.name == r.name)
                    .map_or(0, |c| c.opinions);
                vec![
                    if r.name.trim().is_empty() {
                        "（未注明）".into()
                    } else {
                        r.name.clone()
                    },
                    r.comments.to_string(),
                    opinions.to_string(),
                    r.adopted.to_string(),
                    pct(r.adopted, r.comments),
                ]
            })
            .collect()
    };
    let rate_bars = |rates: &[crate::attribute::Rate]| -> Vec<(String, f64)> {
        rates
            .iter()
            .map(|r| (r.name.clone(), r.comments as f64))
            .collect()
    };
    out.push(Table {
        title: "按基层立法联系点".into(),
        heads: vec!["联系点", "意见（条）", "意见（种）", "采纳（条）", "采纳率"],
        rows: rate_rows(&t.by_source, &s.by_source),
        bars: rate_bars(&t.by_source),
        note: Some("采纳含部分采纳。".into()),
    });
    out.push(Table {
        title: "按提出人类型".into(),
        heads: vec!["提出人", "意见（条）", "意见（种）", "采纳（条）", "采纳率"],
        rows: rate_rows(&t.by_kind, &s.by_kind),
        bars: rate_bars(&t.by_kind),
        note: Some("采纳含部分采纳。".into()),
    });

    // By article: the most commented, numbered as in the old draft.
    let unspecified = s.by_article.iter().find(|c| c.name == "未注明条款");
    let mut articles: Vec<&Count> = s
        .by_article
        .iter()
        .filter(|c| c.name != "未注明条款")
        .collect();
    let cited = articles.len();
    // Stable: ties keep article order.
    articles.sort_by_key(|c| std::cmp::Reverse(c.comments));
    articles.truncate(TOP_ARTICLES);
    let old_name = stage(&a.diff.old);
    let mut note = format!("条号为{old_name}条号；共有{cited}条条文收到意见");
    if let Some(u) = unspecified {
        note.push_str(&format!("，另有{}条意见未注明条款", u.comments));
    }
    note.push_str("。一条意见涉及多条条文的，分别计入。");
    out.push(Table {
        title: format!("意见最多的条文（前{}条）", articles.len()),
        heads: vec!["条文", "意见（条）", "意见（种）"],
        rows: articles
            .iter()
            .map(|c| {
                vec![
                    c.name.clone(),
                    c.comments.to_string(),
                    c.opinions.to_string(),
                ]
            })
            .collect(),
        bars: articles
            .iter()
            .map(|c| (c.name.clone(), c.comments as f64))
            .collect(),
        note: Some(note),
    });

    out.push(Table {
        title: "按处理情况".into(),
        heads: vec!["处理情况", "意见（条）", "占比", "意见（种）"],
        rows: count_rows(&s.by_status),
        bars: bars(&s.by_status),
        note: None,
    });

    out.push(Table {
        title: "不同意见".into(),
        heads: vec!["项目", "数量"],
        rows: vec![
            vec!["意见建议（条）".into(), t.comments.to_string()],
            vec!["合并重复和联名后（种）".into(), t.opinions.to_string()],
            vec!["联名意见（条）".into(), s.campaign_comments.to_string()],
            vec!["重复提交（条）".into(), s.duplicate_comments.to_string()],
            vec!["采纳的意见（种）".into(), t.adopted_opinions.to_string()],
        ],
        bars: Vec::new(),
        note: Some(
            "同一意见经不同渠道重复提交、或多人联名提出的，合并为一种意见；重复提交指同一种意见中第一条以外的各条。"
                .into(),
        ),
    });

    // Edits by kind.
    let mut by_kind: Vec<(EditKind, usize)> = [
        EditKind::Insert,
        EditKind::Delete,
        EditKind::Replace,
        EditKind::Move,
        EditKind::Consequential,
    ]
    .iter()
    .map(|&k| (k, 0))
    .collect();
    for e in a.diff.articles.iter().flat_map(|x| &x.edits) {
        if let Some(r) = by_kind.iter_mut().find(|r| r.0 == e.kind) {
            r.1 += 1;
        }
    }
    out.push(Table {
        title: "修改按类型".into(),
        heads: vec!["类型", "处数", "占比"],
        rows: by_kind
            .iter()
            .map(|(k, c)| vec![k.label_zh().to_string(), c.to_string(), pct(*c, t.edits)])
            .chain(std::iter::once(vec![
                "合计".into(),
                t.edits.to_string(),
                pct(t.edits, t.edits),
            ]))
            .collect(),
        bars: by_kind
            .iter()
            .map(|(k, c)| (k.label_zh().to_string(), *c as f64))
            .collect(),
        note: None,
    });

    let rest = t
        .edits
        .saturating_sub(t.edits_with_adopted + t.edits_unexplained);
    out.push(Table {
        title: "修改与采纳的意见".into(),
        heads: vec!["修改", "处数", "占比"],
        rows: vec![
            vec![
                "有采纳的意见对应".into(),
                t.edits_with_adopted.to_string(),
                pct(t.edits_with_adopted, t.edits),
            ],
            vec![
                "　其中已确认".into(),
                t.edits_confirmed.to_string(),
                pct(t.edits_confirmed, t.edits),
            ],
            vec![
                "实质性修改中没有采纳的意见对应".into(),
                t.edits_unexplained.to_string(),
                pct(t.edits_unexplained, t.edits),
            ],
            vec![
                "其余（引用条号调整）".into(),
                rest.to_string(),
                pct(rest, t.edits),
            ],
        ],
        bars: vec![
            ("有采纳的意见对应".into(), t.edits_with_adopted as f64),
            ("没有采纳的意见对应".into(), t.edits_unexplained as f64),
            ("引用条号调整".into(), rest as f64),
        ],
        note: Some(format!(
            "“有采纳的意见对应”指工作人员已确认，或系统建议得分不低于{:.2}的采纳意见。标为采纳、但修改稿中找不到对应修改的意见{}种。",
            a.threshold, t.not_reflected
        )),
    });
    out
}

/// Title of the statistics.
fn stats_title(n: &Attributed<'_>) -> String {
    format!("《{}》征求意见情况统计", regulation_title(n))
}

/// `一审稿（v1）→ 二审稿（v2）`.
fn versions_line(n: &Attributed<'_>) -> String {
    format!(
        "{} → {}",
        n.attribution.diff.old.display_name(),
        n.attribution.diff.new.display_name()
    )
}

/// Escapes text for Markdown (table cells and paragraphs).
pub(crate) fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\\' | '*' | '_' | '~' | '`' | '[' | ']' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// The statistics in Markdown.
///
/// ```ignore
/// let md = lifa::report::stats::stats_md(&attributed);
/// assert!(md.contains("共收到意见建议"));
/// ```
pub fn stats_md(n: &Attributed<'_>) -> String {
    let mut out = format!("# {}\n\n", md(&stats_title(n)));
    let _ = writeln!(out, "{}\n", md(&versions_line(n)));
    let _ = writeln!(out, "{}\n", md(&headline(n)));
    for (i, t) in tables(n).iter().enumerate() {
        let _ = writeln!(out, "## {}、{}\n", zh_number(i + 1), md(&t.title));
        let _ = writeln!(out, "| {} |", t.heads.join(" | "));
        let _ = writeln!(out, "|{}", "---|".repeat(t.heads.len()));
        for r in &t.rows {
            let cells: Vec<String> = r.iter().map(|c| md(c)).collect();
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
        if let Some(note) = &t.note {
            let _ = writeln!(out, "\n注：{}", md(note));
        }
        out.push('\n');
    }
    out
}

/// `一`, `十二`.
pub(crate) fn zh_number(n: usize) -> String {
    crate::draft::numbering::to_chinese(n as u32)
}

const STYLE: &str = r#"
body{font-family:"FangSong","仿宋","FangSong_GB2312","仿宋_GB2312","SimSun","Songti SC","Noto Serif CJK SC",serif;margin:2em auto;max-width:960px;padding:0 1em;color:#111;line-height:1.7}
h1{font-family:"SimHei","黑体","Noto Sans CJK SC",sans-serif;text-align:center;font-size:1.6em;margin-bottom:.2em}
h2{font-family:"SimHei","黑体","Noto Sans CJK SC",sans-serif;font-size:1.2em;margin-top:1.4em}
.sub{text-align:center;color:#444;margin-bottom:1em}
.summary{border:1px solid #bbb;background:#f7f7f4;padding:.6em 1em;margin:1em 0}
p.body{text-indent:2em;margin:.3em 0}
table{border-collapse:collapse;margin:.5em 0;width:100%}
th,td{border:1px solid #888;padding:.3em .6em;vertical-align:top;text-align:left}
th{background:#e8e8e2}
td.num{text-align:right;white-space:nowrap}
.note{color:#444;font-size:.9em}
svg{max-width:100%;height:auto;display:block;margin:.5em 0}
@media print{body{max-width:none}tr,svg{page-break-inside:avoid}}
"#;

/// A self-contained, printable page.
pub(crate) fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
        escape(title),
        STYLE,
        body
    )
}

/// Whether a cell holds a figure (right-aligned).
fn numeric(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '%')
}

/// The statistics as a self-contained, printable HTML page with SVG bar charts.
///
/// ```ignore
/// let html = lifa::report::stats::stats_html(&attributed);
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// ```
pub fn stats_html(n: &Attributed<'_>) -> String {
    let title = stats_title(n);
    let mut b = format!("<h1>{}</h1>\n", escape(&title));
    let _ = writeln!(b, "<p class=\"sub\">{}</p>", escape(&versions_line(n)));
    let _ = writeln!(
        b,
        "<div class=\"summary\"><p class=\"body\">{}</p></div>",
        escape(&headline(n))
    );
    for (i, t) in tables(n).iter().enumerate() {
        let _ = writeln!(b, "<h2>{}、{}</h2>", zh_number(i + 1), escape(&t.title));
        if t.bars.iter().any(|(_, v)| *v > 0.0) {
            b.push_str(&bar_svg(&t.title, &t.bars));
        }
        b.push_str("<table>\n<thead><tr>");
        for h in &t.heads {
            let _ = write!(b, "<th>{}</th>", escape(h));
        }
        b.push_str("</tr></thead>\n<tbody>\n");
        for r in &t.rows {
            b.push_str("<tr>");
            for c in r {
                if numeric(c) {
                    let _ = write!(b, "<td class=\"num\">{}</td>", escape(c));
                } else {
                    let _ = write!(b, "<td>{}</td>", escape(c));
                }
            }
            b.push_str("</tr>\n");
        }
        b.push_str("</tbody>\n</table>\n");
        if let Some(note) = &t.note {
            let _ = writeln!(b, "<p class=\"note\">注：{}</p>", escape(note));
        }
    }
    page(&title, &b)
}

#[cfg(test)]
pub(crate) mod testing {
    //! The repository's sample workspace, attributed once for every report test.

    use std::sync::OnceLock;

    use crate::attribute::{self, Attribution};
    use crate::opinions::Corpus;
    use crate::report::attribute::Attributed;
    use crate::workspace::Workspace;

    /// The sample regulation's v1 → v2 attribution and its corpus.
    pub(crate) fn sample() -> &'static (Attribution, Corpus) {
        static SAMPLE: OnceLock<(Attribution, Corpus)> = OnceLock::new();
        SAMPLE.get_or_init(|| {
            let ws = Workspace::new(env!("CARGO_MANIFEST_DIR"));
            attribute::load(&ws, "qinglanhu", Some(("v1", "v2")), &Default::default()).unwrap()
        })
    }

    /// A view of the sample, masked.
    pub(crate) fn attributed<'a>(a: &'a Attribution, corpus: &'a Corpus) -> Attributed<'a> {
        Attributed {
            attribution: a,
            corpus,
            include_personal: false,
            sections: true,
        }
    }

    /// The sample with hostile text in a comment and in a contact point's name.
    pub(crate) fn hostile() -> (Attribution, Corpus) {
        let (a, c) = sample();
        let mut c = c.clone();
        let a = a.clone();
        let i = a
            .edits
            .iter()
            .find_map(|e| e.confirmed.first())
            .map_or(0, |l| l.comment);
        c.comments[i].text =
            "<script>alert(1)</script> =HYPERLINK(\"http://x\",\"y\") 😀𠀀 联系电话13900001234"
                .into();
        let source = c.comments[i].source.clone();
        let hostile = "<b>湖滨</b>联系点&";
        for x in &mut c.comments {
            if x.source == source {
                x.source = hostile.into();
            }
        }
        let mut a = a;
        for r in &mut a.totals.by_source {
            if r.name == source {
                r.name = hostile.into();
            }
        }
        (a, c)
    }

    /// Phone numbers of the sample (1390000xxxx) in a text.
    pub(crate) fn phones(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        for w in chars.windows(11) {
            let s: String = w.iter().collect();
            if s.starts_with("1390000") && s.chars().all(|c| c.is_ascii_digit()) {
                out.push(s);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{attributed, hostile, phones, sample};
    use super::*;

    #[test]
    fn figures_equal_totals() {
        let (a, c) = sample();
        let n = attributed(a, c);
        let t = &a.totals;
        assert_eq!(considered(&n).len(), t.comments);
        assert_eq!(t.comments, 567);
        let h = headline(&n);
        assert!(
            h.starts_with(&format!("共收到意见建议{}条（来自{}个基层立法联系点，合并重复和联名后{}种意见），采纳（含部分采纳）{}条",
                t.comments, t.by_source.len(), t.opinions, t.adopted)),
            "{h}"
        );
        assert!(
            h.contains(&format!(
                "修改稿共作出{}处修改（实质性修改{}处",
                t.edits, t.substantive_edits
            )),
            "{h}"
        );
        assert!(
            h.contains(&format!("其中{}处采纳了意见", t.edits_with_adopted)),
            "{h}"
        );
        let md = stats_md(&n);
        for r in &t.by_source {
            assert!(
                md.contains(&format!("| {} | {} |", super::md(&r.name), r.comments)),
                "{}",
                r.name
            );
        }
        for r in &t.by_kind {
            assert!(md.contains(&format!("| {} | {} |", r.name, r.comments)));
        }
        // Channels add up to the total.
        let tabs = tables(&n);
        let sum: usize = tabs[0]
            .rows
            .iter()
            .map(|r| r[1].parse::<usize>().unwrap())
            .sum();
        assert_eq!(sum, t.comments);
        // Edits by kind add up to the edits.
        let kinds = tabs.iter().find(|x| x.title == "修改按类型").unwrap();
        let sum: usize = kinds.rows[..5]
            .iter()
            .map(|r| r[1].parse::<usize>().unwrap())
            .sum();
        assert_eq!(sum, t.edits);
        assert_eq!(t.edits, 161);
        // At most 15 articles, most commented first.
        let arts = tabs
            .iter()
            .find(|x| x.title.starts_with("意见最多的条文"))
            .unwrap();
        assert!(arts.rows.len() <= TOP_ARTICLES && !arts.rows.is_empty());
        let counts: Vec<usize> = arts.rows.iter().map(|r| r[1].parse().unwrap()).collect();
        assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
        assert!(arts.rows[0][0].starts_with('第') && arts.rows[0][0].ends_with('条'));
        assert!(phones(&md).is_empty());
    }

    #[test]
    fn html_is_self_contained_and_escaped() {
        let (a, c) = hostile();
        let n = attributed(&a, &c);
        let html = stats_html(&n);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<svg"));
        assert!(!html.contains("<script") && !html.contains("<b>湖滨"));
        assert!(html.contains("&lt;b&gt;湖滨&lt;/b&gt;联系点&amp;"));
        assert!(!html.contains("http-equiv") && !html.contains("src=\"http"));
        assert!(html.contains(&escape(&headline(&n))));
        assert!(phones(&html).is_empty());
        let md = stats_md(&n);
        assert!(!md.contains("<b>") && md.contains("&lt;b&gt;湖滨"));
    }
}
