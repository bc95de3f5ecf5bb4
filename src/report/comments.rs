//! Renderers for `lifa comments`: the listing and the statistics, as terminal text, JSON and
//! CSV. Personal information is masked unless the view says otherwise.

use std::borrow::Cow;
use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use crate::comment::Comment;
use crate::error::Result;
use crate::group::GroupKind;
use crate::opinions::{Corpus, Count, Stats};
use crate::privacy;
use crate::report::sheet::{self, Cell, Column, Table, col, in_brackets};

/// What to show of a corpus.
pub struct View<'a> {
    /// All comments.
    pub corpus: &'a Corpus,
    /// The ones passing the filters, in corpus order.
    pub selected: &'a [usize],
    /// Show names, phones and ID numbers unmasked.
    pub include_personal: bool,
    /// ANSI colours.
    pub color: bool,
    /// Version id → stage name (`v1` → `一审稿`).
    pub stage: &'a dyn Fn(&str) -> String,
    /// One row per opinion (duplicates and campaign copies folded) in the terminal listing.
    pub grouped: bool,
    /// The filters in force, described (empty: none).
    pub filters: &'a str,
}

/// `按专家、2026-05-01 起筛选，` before a count, when filters are in force.
fn filtered_by(filters: &str) -> String {
    if filters.is_empty() {
        String::new()
    } else {
        format!("按{filters}筛选，")
    }
}

/// A comment as it may leave the store (text, name, contact): masked unless personal data was
/// asked for.
pub(crate) fn shown<'c>(
    c: &'c Comment,
    include_personal: bool,
) -> (Cow<'c, str>, Option<String>, Option<String>) {
    if include_personal {
        return (
            Cow::Borrowed(&c.text),
            c.submitter.name.clone(),
            c.submitter.contact.clone(),
        );
    }
    let names: Vec<&str> = c.submitter.name.as_deref().into_iter().collect();
    (
        privacy::mask_text(&c.text, &names),
        c.submitter.name.as_deref().map(privacy::mask_name),
        c.submitter.contact.as_deref().map(privacy::mask_contact),
    )
}

fn paint(color: bool, style: Style, text: &str) -> String {
    if color {
        format!("{}{text}{}", style.render(), style.render_reset())
    } else {
        text.to_string()
    }
}

fn cites(c: &Comment, stage: &dyn Fn(&str) -> String) -> String {
    let mut parts: Vec<String> = c.cites.articles.iter().map(ToString::to_string).collect();
    parts.extend(
        c.cites
            .chapters
            .iter()
            .map(|n| format!("第{}章", crate::draft::numbering::to_chinese(*n))),
    );
    if parts.is_empty() {
        "未注明条款".into()
    } else {
        format!("{}{}", stage(&c.draft), parts.join("、"))
    }
}

/// The terminal listing.
pub fn list_term(v: &View) -> String {
    let mut out = String::new();
    let corpus = v.corpus;
    let dim = Style::new().dimmed();
    let bold = Style::new().bold();
    let mut shown_groups = rustc_hash::FxHashSet::default();
    let mut rows = 0;
    for &i in v.selected {
        let grp = corpus.opinion(i);
        if v.grouped && !shown_groups.insert(corpus.grouping.group_of[i]) {
            continue;
        }
        rows += 1;
        let c = &corpus.comments[i];
        let (text, name, _) = shown(c, v.include_personal);
        let mut head = format!(
            "{} · {} · {} · {}",
            cites(c, v.stage),
            c.submitter.kind,
            c.channel,
            c.received
        );
        if let Some(n) = name {
            let _ = write!(head, " · {n}");
        }
        let _ = writeln!(out, "{}", paint(v.color, bold, &head));
        let mut meta = c.source.clone();
        if let Some(r) = &c.reference {
            let _ = write!(meta, "（编号 {r}）");
        }
        let _ = write!(meta, " · {} · {}", corpus.status(i), c.id);
        if grp.members.len() > 1 {
            let what = match grp.kind {
                GroupKind::Campaign => "联名意见",
                _ => "重复意见",
            };
            let _ = write!(meta, " · {what}，共 {} 份", grp.members.len());
        }
        let _ = writeln!(out, "  {}", paint(v.color, dim, &meta));
        for line in text.lines() {
            let _ = writeln!(out, "  {line}");
        }
        out.push('\n');
    }
    let opinions: rustc_hash::FxHashSet<u32> = v
        .selected
        .iter()
        .map(|&i| corpus.grouping.group_of[i])
        .collect();
    let _ = writeln!(
        out,
        "{}共 {} 条意见，{} 个独立意见{}",
        filtered_by(v.filters),
        v.selected.len(),
        opinions.len(),
        if v.grouped && rows < v.selected.len() {
            "（重复、联名意见已合并；逐份列出请加 --each）"
        } else {
            ""
        }
    );
    out
}

#[derive(Serialize)]
struct JsonComment<'a> {
    id: &'a str,
    #[serde(rename = "ref")]
    reference: Option<&'a str>,
    batch: &'a str,
    draft: &'a str,
    row: usize,
    #[serde(flatten)]
    cites: &'a crate::cite::Citations,
    text: Cow<'a, str>,
    submitter: JsonSubmitter,
    source: &'a str,
    channel: &'a str,
    received: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    round: Option<&'a str>,
    status: &'a str,
    opinion: &'a str,
    supporters: usize,
    group: &'a str,
}

/// A submitter in JSON (`lifa comments` and `lifa search`): the name and contact as
/// [`shown`] gives them.
#[derive(Serialize)]
pub(crate) struct JsonSubmitter {
    kind: &'static str,
    name: Option<String>,
    contact: Option<String>,
}

impl JsonSubmitter {
    pub(crate) fn new(c: &Comment, name: Option<String>, contact: Option<String>) -> Self {
        JsonSubmitter {
            kind: c.submitter.kind.wire(),
            name,
            contact,
        }
    }
}

/// A JSON array of `len` elements made one at a time by `make` as they are written (`lifa
/// comments` and `lifa search`): an export of a million comments never holds a tree of them
/// all. Each goes through a `Value`, so its keys come out sorted as in the rest of the
/// document.
pub(crate) struct EachSorted<F> {
    pub(crate) len: usize,
    pub(crate) make: F,
}

impl<F, T> Serialize for EachSorted<F>
where
    F: Fn(usize) -> T,
    T: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error as _, SerializeSeq as _};
        let mut seq = s.serialize_seq(Some(self.len))?;
        for i in 0..self.len {
            let value = serde_json::to_value((self.make)(i)).map_err(S::Error::custom)?;
            seq.serialize_element(&value)?;
        }
        seq.end()
    }
}

/// `{"comments": [...], "total": N, "opinions": M}` — every selected comment, each with the
/// opinion it belongs to (`opinion`: the id of its first copy) and that opinion's supporters.
/// Keys in alphabetical order at every level.
pub fn list_json(v: &View) -> Vec<u8> {
    /// The document, its fields in the order of their names.
    #[derive(Serialize)]
    #[serde(bound(serialize = "EachSorted<F>: Serialize"))]
    struct Doc<F> {
        comments: EachSorted<F>,
        opinions: usize,
        total: usize,
    }
    let corpus = v.corpus;
    let comments = EachSorted {
        len: v.selected.len(),
        make: |k: usize| {
            let i = v.selected[k];
            let c = &corpus.comments[i];
            let (text, name, contact) = shown(c, v.include_personal);
            let grp = corpus.opinion(i);
            JsonComment {
                id: &c.id,
                reference: c.reference.as_deref(),
                batch: &c.batch,
                draft: &c.draft,
                row: c.row,
                cites: &c.cites,
                text,
                submitter: JsonSubmitter::new(c, name, contact),
                source: &c.source,
                channel: c.channel.wire(),
                received: c.received.to_string(),
                round: c.round.as_deref(),
                status: corpus.status(i).wire(),
                opinion: corpus.opinion_id(i),
                supporters: grp.members.len(),
                group: match grp.kind {
                    GroupKind::Single => "single",
                    GroupKind::Duplicate => "duplicate",
                    GroupKind::Campaign => "campaign",
                },
            }
        },
    };
    let opinions: rustc_hash::FxHashSet<u32> = v
        .selected
        .iter()
        .map(|&i| corpus.grouping.group_of[i])
        .collect();
    let doc = Doc {
        total: comments.len,
        opinions: opinions.len(),
        comments,
    };
    let mut out = serde_json::to_vec_pretty(&doc).unwrap_or_default();
    out.push(b'\n');
    out
}

/// The columns of the listing as a table.
const LIST_COLUMNS: &[Column] = &[
    col("编号", 15.0),
    col("原编号", 9.0),
    col("批次", 15.0),
    col("行号", 6.0),
    col("针对稿", 8.0),
    col("条款", 12.0),
    col("意见内容", 50.0),
    col("提出人", 8.0),
    col("提出人类型", 8.0),
    col("联系方式", 13.0),
    col("联系点", 18.0),
    col("渠道", 7.0),
    col("日期", 11.0),
    col("征询任务", 12.0),
    col("处理情况", 12.0),
    col("意见组", 15.0),
    col("同组份数", 7.0),
];

/// Every selected comment as one row, under `title` (the regulation) and `filters` (those in
/// force, described; empty: none).
pub fn list_table<'v>(v: &'v View, title: &str, filters: &str) -> Table<'v> {
    let corpus = v.corpus;
    let rows = v.selected.iter().map(move |&i| {
        let c = &corpus.comments[i];
        let (text, name, contact) = shown(c, v.include_personal);
        let articles: Vec<String> = c.cites.articles.iter().map(ToString::to_string).collect();
        vec![
            c.id.as_str().into(),
            c.reference.as_deref().unwrap_or("").into(),
            c.batch.as_str().into(),
            Cell::count(c.row as u64),
            (v.stage)(&c.draft).into(),
            articles.join("、").into(),
            text.into(),
            name.unwrap_or_default().into(),
            c.submitter.kind.zh().into(),
            contact.unwrap_or_default().into(),
            c.source.as_str().into(),
            c.channel.zh().into(),
            c.received.to_string().into(),
            c.round.as_deref().unwrap_or("").into(),
            corpus.status(i).zh().into(),
            corpus.opinion_id(i).into(),
            Cell::count(corpus.opinion(i).members.len() as u64),
        ]
    });
    Table {
        sheet: "意见清单",
        title: format!(
            "{title}意见清单{}：{} 条意见",
            in_brackets(filters),
            v.selected.len()
        ),
        columns: LIST_COLUMNS,
        len: v.selected.len(),
        rows: Box::new(rows),
        choices: None,
    }
}

/// Every selected comment as one CSV row (UTF-8 with BOM, so Excel opens it as such).
pub fn list_csv(v: &View) -> Vec<u8> {
    sheet::csv(list_table(v, "", ""))
}

/// Every selected comment as one row of an Excel workbook (see [`list_table`]); `name` names
/// the file in errors.
pub fn list_xlsx(v: &View, title: &str, filters: &str, name: &str) -> Result<Vec<u8>> {
    sheet::xlsx(list_table(v, title, filters), name)
}

/// Statistics as aligned terminal tables.
pub fn stats_term(s: &Stats, filters: &str, color: bool) -> String {
    let mut out = String::new();
    let bold = Style::new().bold();
    let _ = writeln!(
        out,
        "{}",
        paint(
            color,
            bold,
            &format!(
                "{}共收到意见 {} 条，独立意见 {} 个（重复 {} 条，联名 {} 条）",
                filtered_by(filters),
                s.total.comments,
                s.total.opinions,
                s.duplicate_comments,
                s.campaign_comments
            )
        )
    );
    for (title, rows) in [
        ("按联系点", &s.by_source),
        ("按渠道", &s.by_channel),
        ("按提出人类型", &s.by_kind),
        ("按处理情况", &s.by_status),
        ("按条文", &s.by_article),
    ] {
        let _ = writeln!(
            out,
            "\n{}",
            paint(
                color,
                Style::new().fg_color(Some(AnsiColor::Cyan.into())),
                title
            )
        );
        let width = rows
            .iter()
            .map(|r| display_width(&r.name))
            .max()
            .unwrap_or(0);
        let _ = writeln!(out, "  {}  意见数  独立意见", pad("", width));
        for r in rows {
            let _ = writeln!(
                out,
                "  {}  {:>6}  {:>8}",
                pad(&r.name, width),
                r.comments,
                r.opinions
            );
        }
    }
    out
}

/// Terminal columns a string takes (CJK characters are two wide).
fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            if (c as u32) >= 0x1100 && !c.is_ascii() {
                2
            } else {
                1
            }
        })
        .sum()
}

fn pad(s: &str, width: usize) -> String {
    format!("{s}{}", " ".repeat(width.saturating_sub(display_width(s))))
}

/// Statistics as JSON.
pub fn stats_json(s: &Stats) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(s).unwrap_or_default();
    out.push(b'\n');
    out
}

/// The columns of the statistics as a table.
const STATS_COLUMNS: &[Column] = &[
    col("维度", 12.0),
    col("名称", 36.0),
    col("意见数", 9.0),
    col("独立意见数", 11.0),
];

/// The statistics as a table, one row per heading, the total first, under `title` and
/// `filters` (as [`list_table`]).
pub fn stats_table(s: &Stats, title: &str, filters: &str) -> Table<'static> {
    let row = |dim: &str, c: &Count| {
        vec![
            dim.into(),
            c.name.as_str().into(),
            Cell::count(c.comments as u64),
            Cell::count(c.opinions as u64),
        ]
    };
    let mut rows = vec![row("合计", &s.total)];
    for (dim, counts) in [
        ("联系点", &s.by_source),
        ("渠道", &s.by_channel),
        ("提出人类型", &s.by_kind),
        ("处理情况", &s.by_status),
        ("条文", &s.by_article),
    ] {
        rows.extend(counts.iter().map(|c| row(dim, c)));
    }
    Table {
        sheet: "意见统计",
        title: format!(
            "{title}意见统计{}：共 {} 条，独立意见 {} 个（重复 {} 条，联名 {} 条）",
            in_brackets(filters),
            s.total.comments,
            s.total.opinions,
            s.duplicate_comments,
            s.campaign_comments
        ),
        columns: STATS_COLUMNS,
        len: rows.len(),
        rows: Box::new(rows.into_iter()),
        choices: None,
    }
}

/// Statistics as CSV (UTF-8 with BOM).
pub fn stats_csv(s: &Stats) -> Vec<u8> {
    sheet::csv(stats_table(s, "", ""))
}

/// Statistics as an Excel workbook (see [`stats_table`]); `name` names the file in errors.
pub fn stats_xlsx(s: &Stats, title: &str, filters: &str, name: &str) -> Result<Vec<u8>> {
    sheet::xlsx(stats_table(s, title, filters), name)
}
