//! Terminal rendering: a 条文对照 readable in a terminal, deletions struck through in red and
//! insertions underlined in green; without colour, git-style `[-删除-]` and `{+增加+}` marks.

use anstyle::{AnsiColor, Effects, Style};

use super::attribute::Attributed;
use super::{Options, describe, pair_title, summary_lines};
use crate::attribute::EditRef;
use crate::chain::Chain;
use crate::diff::{ArticleDiff, DraftDiff, SegmentOp};

const DEL: Style = AnsiColor::Red.on_default().effects(Effects::STRIKETHROUGH);
const INS: Style = AnsiColor::Green
    .on_default()
    .effects(Effects::UNDERLINE)
    .effects(Effects::BOLD);
const HEAD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();

fn paint(out: &mut String, style: Style, text: &str, color: bool) {
    if color {
        out.push_str(&format!(
            "{}{}{}",
            style.render(),
            text,
            style.render_reset()
        ));
    } else {
        out.push_str(text);
    }
}

fn inline(a: &ArticleDiff, color: bool) -> String {
    let mut out = String::new();
    for s in &a.segments {
        // Keep marks on one line each: a mark spanning a paragraph break is split.
        for (k, piece) in s.text.split('\n').enumerate() {
            if k > 0 {
                out.push_str("\n    ");
            }
            if piece.is_empty() {
                continue;
            }
            match (s.op, color) {
                (SegmentOp::Equal, _) => out.push_str(piece),
                (SegmentOp::Delete, true) => paint(&mut out, DEL, piece, true),
                (SegmentOp::Insert, true) => paint(&mut out, INS, piece, true),
                (SegmentOp::Delete, false) => out.push_str(&format!("[-{piece}-]")),
                (SegmentOp::Insert, false) => out.push_str(&format!("{{+{piece}+}}")),
            }
        }
    }
    out
}

pub(super) fn diff(d: &DraftDiff, opts: Options, notes: Option<&Attributed<'_>>) -> String {
    let mut out = String::new();
    let title = d
        .new
        .title
        .clone()
        .or_else(|| d.regulation.clone())
        .unwrap_or_default();
    paint(
        &mut out,
        HEAD,
        &format!(
            "{title}\n{} → {}",
            d.old.display_name(),
            d.new.display_name()
        ),
        opts.color,
    );
    out.push('\n');
    for l in summary_lines(d) {
        out.push_str(&l);
        out.push('\n');
    }
    let mut hidden = 0;
    for (ai, a) in d.articles.iter().enumerate() {
        if !opts.show_unchanged && !a.is_change() {
            hidden += 1;
            continue;
        }
        out.push('\n');
        let head = format!("{}  〔{}〕", pair_title(a), describe(a));
        paint(&mut out, HEAD, &head, opts.color);
        if !a.edits.is_empty() {
            out.push_str(&format!("  {} 处", a.edits.len()));
        }
        out.push_str("\n    ");
        out.push_str(&inline(a, opts.color));
        out.push('\n');
        for (ei, e) in a.edits.iter().enumerate() {
            let body = match (e.old.is_empty(), e.new.is_empty()) {
                (true, _) => format!("“{}”", one_line(&e.new)),
                (_, true) => format!("“{}”", one_line(&e.old)),
                _ => format!("“{}” → “{}”", one_line(&e.old), one_line(&e.new)),
            };
            paint(
                &mut out,
                DIM,
                &format!("    [{}] {}：{}", e.id, e.kind.label_zh(), body),
                opts.color,
            );
            out.push('\n');
            if let Some(n) = notes {
                comment_lines(
                    &mut out,
                    n,
                    EditRef {
                        article: ai,
                        edit: ei,
                    },
                    opts.color,
                );
            }
        }
    }
    if hidden > 0 {
        out.push_str(&format!(
            "\n（另有 {hidden} 条未作修改，未列出；加 --unchanged 显示全部）\n"
        ));
    }
    if let Some(n) = notes.filter(|n| n.sections) {
        out.push_str(&super::attribute::term_sections(n));
    }
    out
}

const CONFIRMED: Style = AnsiColor::Blue.on_default().effects(Effects::BOLD);

fn comment_lines(out: &mut String, n: &Attributed<'_>, at: EditRef, color: bool) {
    for l in n.lines(at) {
        out.push_str("        ");
        paint(
            out,
            if l.confirmed { CONFIRMED } else { HEAD },
            &format!("〔{}〕", l.tag),
            color,
        );
        out.push_str(&format!("{}  {}\n", l.head, l.id));
        out.push_str(&format!("          {}\n", l.text));
        if !l.evidence.is_empty() {
            paint(out, DIM, &format!("          依据：{}", l.evidence), color);
            out.push('\n');
        }
    }
}

fn one_line(s: &str) -> String {
    let s = s.replace('\n', "⏎");
    if s.chars().count() > 60 {
        let mut t: String = s.chars().take(58).collect();
        t.push('…');
        t
    } else {
        s
    }
}

pub(super) fn chain(c: &Chain, opts: Options) -> String {
    let mut out = String::new();
    let names: Vec<String> = c.versions.iter().map(|v| v.display_name()).collect();
    paint(&mut out, HEAD, &names.join(" → "), opts.color);
    out.push('\n');
    let mut hidden = 0;
    for r in &c.rows {
        if !opts.show_unchanged && !r.changed() {
            hidden += 1;
            continue;
        }
        let labels: Vec<String> = r
            .cells
            .iter()
            .map(|c| c.as_ref().map_or("—".to_string(), |c| c.label.clone()))
            .collect();
        let steps: Vec<String> = r
            .steps
            .iter()
            .map(|s| match s {
                None => "—".to_string(),
                Some(s) => {
                    let mut t = s.change.label_zh().to_string();
                    if s.moved {
                        t.push_str("·移动");
                    }
                    t
                }
            })
            .collect();
        out.push('\n');
        paint(&mut out, HEAD, &labels.join(" → "), opts.color);
        out.push_str(&format!("  〔{}〕\n", steps.join(" | ")));
        if let Some(last) = r.cells.iter().rev().flatten().next() {
            out.push_str("    ");
            out.push_str(&last.text.replace('\n', "\n    "));
            out.push('\n');
        }
    }
    if hidden > 0 {
        out.push_str(&format!("\n（另有 {hidden} 条在各稿中均未修改，未列出）\n"));
    }
    out
}
