//! Renderers: finished models → bytes. Nothing here computes; every figure comes from the model.
//!
//! Last stage of the pipeline. `commands/` picks a [`Format`] and decides where the bytes go.

pub mod attribute;
pub mod chart;
pub mod comments;
pub mod disposition;
pub mod docx;
pub mod feedback;
mod html;
mod json;
mod markdown;
pub mod notes;
#[cfg(test)]
mod office_samples;
pub mod revision;
pub mod search;
pub mod sheet;
pub mod stats;
mod term;

use crate::chain::Chain;
use crate::diff::DraftDiff;

/// Output format of the listing commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Readable in a terminal (colour when it is one).
    Term,
    /// Markdown.
    Md,
    /// A self-contained HTML page.
    Html,
    /// The stable JSON documented in the README.
    Json,
}

/// Presentation choices that are not part of the model.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Show unchanged articles too (JSON always has them).
    pub show_unchanged: bool,
    /// Use ANSI colours (terminal format only).
    pub color: bool,
}

/// Renders a two-version comparison.
pub fn render_diff(diff: &DraftDiff, format: Format, opts: Options) -> Vec<u8> {
    render_attributed(diff, format, opts, None)
}

/// Renders a two-version comparison with, under each edit, the comments attributed to it
/// (`notes.attribution.diff` must be `diff`).
pub fn render_attributed(
    diff: &DraftDiff,
    format: Format,
    opts: Options,
    notes: Option<&attribute::Attributed<'_>>,
) -> Vec<u8> {
    match format {
        Format::Term => term::diff(diff, opts, notes).into_bytes(),
        Format::Md => markdown::diff(diff, opts, notes).into_bytes(),
        Format::Html => html::diff(diff, opts, notes).into_bytes(),
        Format::Json => json::diff(diff, notes),
    }
}

/// Renders the version chain.
pub fn render_chain(chain: &Chain, format: Format, opts: Options) -> Vec<u8> {
    match format {
        Format::Term => term::chain(chain, opts).into_bytes(),
        Format::Md => markdown::chain(chain, opts).into_bytes(),
        Format::Html => html::chain(chain, opts).into_bytes(),
        Format::Json => json::chain(chain),
    }
}

/// Chinese description of a row's change: `修改；移动；条号变化`.
pub(crate) fn describe(a: &crate::diff::ArticleDiff) -> String {
    use crate::diff::Change;
    let mut parts: Vec<String> = Vec::new();
    if a.change != Change::Unchanged || (!a.moved && !a.renumbered) {
        parts.push(a.change.label_zh().to_string());
    }
    if a.moved {
        parts.push("移动".into());
    }
    if a.renumbered {
        parts.push("条号变化".into());
    }
    if let Some(s) = &a.split_from {
        parts.push(format!("由{s}拆分而来"));
    }
    if let Some(m) = &a.merged_into {
        parts.push(format!("并入{m}"));
    }
    if a.manual {
        parts.push("人工对齐".into());
    }
    parts.join("；")
}

/// The summary sentence staff quote.
pub(crate) fn summary_lines(d: &DraftDiff) -> Vec<String> {
    let s = &d.summary;
    let added = if s.articles_split > 0 {
        format!(
            "新增 {} 条（其中由原条文拆分 {} 条）",
            s.articles_added, s.articles_split
        )
    } else {
        format!("新增 {} 条", s.articles_added)
    };
    let deleted = if s.articles_merged > 0 {
        format!(
            "删除 {} 条（其中并入他条 {} 条）",
            s.articles_deleted, s.articles_merged
        )
    } else {
        format!("删除 {} 条", s.articles_deleted)
    };
    let mut first = format!(
        "{} 条 → {} 条：修改 {} 条，{added}，{deleted}，移动 {} 条，条号变化 {} 条，仅引用条号调整 {} 条",
        s.articles_old,
        s.articles_new,
        s.articles_modified,
        s.articles_moved,
        s.articles_renumbered,
        s.articles_consequential,
    );
    if s.articles_manual > 0 {
        first.push_str(&format!("；人工对齐 {} 条", s.articles_manual));
    }
    vec![
        first,
        format!(
            "共 {} 处修改：实质性修改 {} 处，引用条号调整 {} 处",
            s.edits, s.substantive_edits, s.consequential_edits
        ),
    ]
}

/// `第十二条 → 第十四条`, `（新增）第九条`, `第三十条（删除）`.
pub(crate) fn pair_title(a: &crate::diff::ArticleDiff) -> String {
    match (&a.old, &a.new) {
        (Some(o), Some(n)) if o.label != n.label => format!("{} → {}", o.label, n.label),
        (Some(o), Some(_)) => o.label.clone(),
        (None, Some(n)) => format!("（新增）{}", n.label),
        (Some(o), None) => format!("{}（删除）", o.label),
        (None, None) => String::new(),
    }
}
