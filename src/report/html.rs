//! HTML rendering: a self-contained, printable side-by-side comparison page. Deletions are
//! struck through, insertions bold and underlined, as Chinese legislative documents mark them.

use super::attribute::Attributed;
use super::{Options, describe, pair_title, summary_lines};
use crate::attribute::EditRef;
use crate::chain::Chain;
use crate::diff::{ArticleDiff, DraftDiff, SegmentOp};

const STYLE: &str = r#"
body{font-family:"FangSong","仿宋","FangSong_GB2312","仿宋_GB2312","SimSun","Songti SC","Noto Serif CJK SC",serif;margin:2em auto;max-width:1400px;padding:0 1em;color:#111;line-height:1.7}
h1{font-family:"SimHei","黑体","Noto Sans CJK SC",sans-serif;text-align:center;font-size:1.6em;margin-bottom:.2em}
.versions{text-align:center;color:#444;margin-bottom:1em}
.summary{border:1px solid #bbb;background:#f7f7f4;padding:.6em 1em;margin:1em 0}
.summary p{margin:.2em 0}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #888;padding:.4em .6em;vertical-align:top;text-align:left}
th{background:#e8e8e2;position:sticky;top:0}
th.note,td.note{width:16%}
td p{margin:0 0 .3em 0;text-indent:2em}
td p.first{text-indent:0}
.label{font-weight:bold;font-family:"SimHei","黑体",sans-serif}
del{color:#b00;text-decoration:line-through}
ins{text-decoration:underline;font-weight:bold;color:#063;}
tr.division td{background:#f1f1ec;font-weight:bold;text-align:center;font-family:"SimHei","黑体",sans-serif}
.id{font-family:monospace;font-size:.85em;color:#555}
.legend{color:#444;font-size:.9em}
ul.comments{margin:.2em 0 .5em 0;padding-left:1.2em;font-size:.9em}
ul.comments li{margin:.2em 0}
ul.comments li.confirmed .tag{color:#035;font-weight:bold}
ul.comments li.suggested .tag{color:#666}
.chead{color:#333}
.why{color:#666;font-size:.9em}
table.rates{width:auto;margin:.5em 0}
table.attributed th.note,table.attributed td.note{width:34%}
@media print{th{position:static}body{max-width:none}tr{page-break-inside:avoid}}
"#;

/// Escapes text for HTML element content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
        escape(title),
        STYLE,
        body
    )
}

/// One side of a pair as paragraphs, keeping equal text and the pieces of `keep`.
fn side(a: &ArticleDiff, keep: SegmentOp, label: &str) -> String {
    let mut paras: Vec<String> = vec![format!("<span class=\"label\">{}</span>　", escape(label))];
    for s in &a.segments {
        if s.op != SegmentOp::Equal && s.op != keep {
            continue;
        }
        for (k, piece) in s.text.split('\n').enumerate() {
            if k > 0 {
                paras.push(String::new());
            }
            if piece.is_empty() {
                continue;
            }
            let last = paras.last_mut().expect("at least one paragraph");
            match s.op {
                SegmentOp::Equal => last.push_str(&escape(piece)),
                SegmentOp::Delete => last.push_str(&format!("<del>{}</del>", escape(piece))),
                SegmentOp::Insert => last.push_str(&format!("<ins>{}</ins>", escape(piece))),
            }
        }
    }
    paras
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let class = if k == 0 { " class=\"first\"" } else { "" };
            format!("<p{class}>{p}</p>")
        })
        .collect()
}

pub(super) fn diff(d: &DraftDiff, opts: Options, notes: Option<&Attributed<'_>>) -> String {
    let title = d
        .new
        .title
        .clone()
        .or_else(|| d.regulation.clone())
        .unwrap_or_default();
    let mut b = String::new();
    b.push_str(&format!("<h1>{} 条文对照表</h1>\n", escape(&title)));
    b.push_str(&format!(
        "<p class=\"versions\">{} → {}</p>\n<div class=\"summary\">\n",
        escape(&d.old.display_name()),
        escape(&d.new.display_name())
    ));
    for l in summary_lines(d) {
        b.push_str(&format!("<p>{}</p>\n", escape(&l)));
    }
    b.push_str("<p class=\"legend\">说明：<del>删除线</del>为删除的文字，<ins>加粗下划线</ins>为增加的文字。</p>\n</div>\n");
    b.push_str(&format!(
        "<table{}>\n<thead><tr><th>{}</th><th>{}</th><th class=\"note\">说明</th></tr></thead>\n<tbody>\n",
        if notes.is_some() {
            " class=\"attributed\""
        } else {
            ""
        },
        escape(&d.old.display_name()),
        escape(&d.new.display_name())
    ));
    let mut hidden = 0;
    let mut current_division: std::sync::Arc<[String]> = std::sync::Arc::from(Vec::new());
    for (ai, a) in d.articles.iter().enumerate() {
        if let Some(n) = &a.new
            && n.divisions != current_division
        {
            current_division = n.divisions.clone();
            if !current_division.is_empty() && (opts.show_unchanged || a.is_change()) {
                b.push_str(&format!(
                    "<tr class=\"division\"><td colspan=\"3\">{}</td></tr>\n",
                    escape(&current_division.join("　"))
                ));
            }
        }
        if !opts.show_unchanged && !a.is_change() {
            hidden += 1;
            continue;
        }
        let old = a
            .old
            .as_ref()
            .map(|o| side(a, SegmentOp::Delete, &o.label))
            .unwrap_or_default();
        let new = a
            .new
            .as_ref()
            .map(|n| side(a, SegmentOp::Insert, &n.label))
            .unwrap_or_default();
        let mut note = format!(
            "<p class=\"first\">{}</p><p class=\"first\">{}</p>",
            escape(&pair_title(a)),
            escape(&describe(a))
        );
        if !a.edits.is_empty() {
            note.push_str(&format!("<p class=\"first\">{} 处修改</p>", a.edits.len()));
            for (ei, e) in a.edits.iter().enumerate() {
                note.push_str(&format!(
                    "<p class=\"first\"><span class=\"id\">{}</span> {}</p>",
                    escape(&e.id),
                    escape(e.kind.label_zh())
                ));
                if let Some(n) = notes {
                    note.push_str(&super::attribute::html_lines(
                        n,
                        EditRef {
                            article: ai,
                            edit: ei,
                        },
                    ));
                }
            }
        }
        b.push_str(&format!(
            "<tr><td>{old}</td><td>{new}</td><td class=\"note\">{note}</td></tr>\n"
        ));
    }
    b.push_str("</tbody>\n</table>\n");
    if hidden > 0 {
        b.push_str(&format!(
            "<p class=\"legend\">其余 {hidden} 条未作修改，未列出。</p>\n"
        ));
    }
    if let Some(n) = notes.filter(|n| n.sections) {
        b.push_str(&super::attribute::html_sections(n));
    }
    page(&format!("{title} 条文对照表"), &b)
}

pub(super) fn chain(c: &Chain, opts: Options) -> String {
    let title = c
        .versions
        .last()
        .and_then(|v| v.title.clone())
        .or_else(|| c.regulation.clone())
        .unwrap_or_default();
    let mut b = format!(
        "<h1>{} 条文对照表（各审次）</h1>\n<table>\n<thead><tr>",
        escape(&title)
    );
    for v in &c.versions {
        b.push_str(&format!("<th>{}</th>", escape(&v.display_name())));
    }
    b.push_str("</tr></thead>\n<tbody>\n");
    let mut hidden = 0;
    for r in &c.rows {
        if !opts.show_unchanged && !r.changed() {
            hidden += 1;
            continue;
        }
        b.push_str("<tr>");
        for cell in &r.cells {
            match cell {
                Some(c) => {
                    b.push_str(&format!(
                        "<td><p class=\"first\"><span class=\"label\">{}</span>　",
                        escape(&c.label)
                    ));
                    b.push_str(&escape(&c.text).replace('\n', "</p><p>"));
                    b.push_str("</p></td>");
                }
                None => b.push_str("<td>—</td>"),
            }
        }
        b.push_str("</tr>\n");
    }
    b.push_str("</tbody>\n</table>\n");
    if hidden > 0 {
        b.push_str(&format!(
            "<p class=\"legend\">其余 {hidden} 条在各稿中均未修改，未列出。</p>\n"
        ));
    }
    page(&format!("{title} 条文对照表（各审次）"), &b)
}
