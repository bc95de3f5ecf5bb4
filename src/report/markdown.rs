//! Markdown rendering: the 条文对照表 as a table (原条文 | 修改后条文 | 说明), deletions as
//! `~~删除~~`, insertions as `**增加**`.

use super::attribute::Attributed;
use super::{Options, describe, pair_title, summary_lines};
use crate::attribute::EditRef;
use crate::chain::Chain;
use crate::diff::{ArticleDiff, DraftDiff, SegmentOp};

/// Escapes text for a Markdown table cell.
fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\\' | '*' | '_' | '~' | '`' | '<' | '>' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("<br>"),
            _ => out.push(c),
        }
    }
    out
}

fn side(a: &ArticleDiff, keep: SegmentOp, mark: &str, label: Option<&str>) -> String {
    let mut out = String::new();
    if let Some(l) = label {
        out.push_str(&format!("**{l}**　"));
    }
    for s in &a.segments {
        if s.op != SegmentOp::Equal && s.op != keep {
            continue;
        }
        for (k, piece) in s.text.split('\n').enumerate() {
            if k > 0 {
                out.push_str("<br>");
            }
            if piece.is_empty() {
                continue;
            }
            if s.op == SegmentOp::Equal {
                out.push_str(&cell(piece));
            } else {
                out.push_str(&format!("{mark}{}{mark}", cell(piece)));
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
    out.push_str(&format!("# {title} 条文对照表\n\n"));
    out.push_str(&format!(
        "{} → {}\n\n",
        d.old.display_name(),
        d.new.display_name()
    ));
    for l in summary_lines(d) {
        out.push_str(&format!("- {l}\n"));
    }
    out.push_str("\n说明：~~删除线~~ 为删除的文字，**加粗** 为增加的文字。\n\n");
    out.push_str(&format!(
        "| {} | {} | 说明 |\n|---|---|---|\n",
        d.old.display_name(),
        d.new.display_name()
    ));
    let mut hidden = 0;
    for (ai, a) in d.articles.iter().enumerate() {
        if !opts.show_unchanged && !a.is_change() {
            hidden += 1;
            continue;
        }
        let old = a
            .old
            .as_ref()
            .map(|o| side(a, SegmentOp::Delete, "~~", Some(&o.label)))
            .unwrap_or_default();
        let new = a
            .new
            .as_ref()
            .map(|n| side(a, SegmentOp::Insert, "**", Some(&n.label)))
            .unwrap_or_default();
        let mut note = format!("{}：{}", cell(&pair_title(a)), cell(&describe(a)));
        if !a.edits.is_empty() {
            let ids: Vec<&str> = a.edits.iter().map(|e| e.id.as_str()).collect();
            note.push_str(&format!("<br>{} 处（{}）", a.edits.len(), ids.join("、")));
        }
        if let Some(n) = notes {
            for (ei, e) in a.edits.iter().enumerate() {
                for l in n.lines(EditRef {
                    article: ai,
                    edit: ei,
                }) {
                    note.push_str(&format!(
                        "<br>[{}] **{}** {}：{}",
                        e.id,
                        cell(&l.tag),
                        cell(&l.head),
                        cell(&l.text)
                    ));
                    if !l.evidence.is_empty() {
                        note.push_str(&format!("（{}）", cell(&l.evidence)));
                    }
                }
            }
        }
        out.push_str(&format!("| {old} | {new} | {note} |\n"));
    }
    if hidden > 0 {
        out.push_str(&format!("\n其余 {hidden} 条未作修改，未列出。\n"));
    }
    if let Some(n) = notes.filter(|n| n.sections) {
        out.push_str(&super::attribute::md_sections(n, cell));
    }
    out
}

pub(super) fn chain(c: &Chain, opts: Options) -> String {
    let mut out = String::new();
    let title = c
        .versions
        .last()
        .and_then(|v| v.title.clone())
        .or_else(|| c.regulation.clone())
        .unwrap_or_default();
    out.push_str(&format!("# {title} 条文对照表（各审次）\n\n"));
    let names: Vec<String> = c.versions.iter().map(|v| v.display_name()).collect();
    out.push_str(&format!("| {} |\n", names.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(names.len())));
    let mut hidden = 0;
    for r in &c.rows {
        if !opts.show_unchanged && !r.changed() {
            hidden += 1;
            continue;
        }
        let cells: Vec<String> = r
            .cells
            .iter()
            .map(|c| match c {
                Some(c) => format!("**{}**　{}", c.label, cell(&c.text)),
                None => "—".to_string(),
            })
            .collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    if hidden > 0 {
        out.push_str(&format!("\n其余 {hidden} 条在各稿中均未修改，未列出。\n"));
    }
    out
}
