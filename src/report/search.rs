//! Renderers for `lifa search`: facets, then one hit per opinion with a highlighted snippet.
//! Personal information is masked unless asked for.

use std::borrow::Cow;
use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use super::comments::{EachSorted, JsonSubmitter, shown};
use super::sheet::{self, Cell, Column, Table, col};
use crate::comment::Comment;
use crate::search::{Results, snippet};

/// The page size that asks for every opinion (an export to a file): as many as a worksheet
/// holds.
pub const ALL: usize = super::sheet::MAX_ROWS;

/// Snippet width, in characters.
const SNIPPET: usize = 80;

/// What to print.
pub struct View<'a> {
    /// The results.
    pub results: &'a Results,
    /// The query's words and phrases, to highlight.
    pub needles: &'a [&'a str],
    /// Show personal information.
    pub include_personal: bool,
    /// ANSI colours.
    pub color: bool,
    /// Page size.
    pub limit: usize,
    /// Page number (from 1).
    pub page: usize,
    /// The query as typed.
    pub query: &'a str,
    /// The filters in force, described (empty: none).
    pub filters: &'a str,
}

fn cites(c: &Comment) -> String {
    let a: Vec<String> = c.cites.articles.iter().map(ToString::to_string).collect();
    if a.is_empty() {
        "未注明条款".into()
    } else {
        a.join("、")
    }
}

/// Terminal output.
pub fn term(v: &View) -> String {
    let r = v.results;
    let mut out = String::new();
    let paint = |s: Style, t: &str| {
        if v.color {
            format!("{}{t}{}", s.render(), s.render_reset())
        } else {
            t.to_string()
        }
    };
    let bold = Style::new().bold();
    let dim = Style::new().dimmed();
    let hl = Style::new().bold().fg_color(Some(AnsiColor::Red.into()));
    let _ = writeln!(
        out,
        "{}",
        paint(
            bold,
            &format!(
                "“{}”{}：{} 条意见，{} 个独立意见",
                v.query,
                sheet::in_brackets(v.filters),
                r.total,
                r.opinions
            )
        )
    );
    let facet = |name: &str, m: &std::collections::BTreeMap<String, u64>| {
        let mut items: Vec<(&String, &u64)> = m.iter().collect();
        items.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let shown: Vec<String> = items
            .iter()
            .take(8)
            .map(|(k, n)| format!("{k} {n}"))
            .collect();
        let more = if items.len() > 8 {
            format!(" …等 {} 项", items.len())
        } else {
            String::new()
        };
        format!("  {name}：{}{more}", shown.join("，"))
    };
    if r.total > 0 {
        for (name, m) in [
            ("联系点", &r.facets.source),
            ("身份", &r.facets.kind),
            ("渠道", &r.facets.channel),
            ("条文", &r.facets.article),
            ("处理", &r.facets.status),
        ] {
            let _ = writeln!(out, "{}", paint(dim, &facet(name, m)));
        }
    }
    out.push('\n');
    let first = (v.page - 1) * v.limit;
    for (i, h) in r.hits.iter().enumerate() {
        let c = &h.comment;
        let (text, name, _) = shown(c, v.include_personal);
        let (snip, marks) = snippet(&text, v.needles, SNIPPET);
        let chars: Vec<char> = snip.chars().collect();
        let mut line = String::new();
        let mut pos = 0;
        for (a, b) in marks {
            line.extend(&chars[pos..a]);
            line.push_str(&paint(hl, &chars[a..b].iter().collect::<String>()));
            pos = b;
        }
        line.extend(&chars[pos..]);
        let mut head = format!(
            "{}. {} · {} · {} · {} · {}",
            first + i + 1,
            c.regulation,
            cites(c),
            c.submitter.kind,
            c.channel,
            c.received
        );
        if let Some(n) = name {
            let _ = write!(head, " · {n}");
        }
        let _ = writeln!(out, "{}", paint(bold, &head));
        let mut meta = format!("  {} · {} · {}", c.source, h.status, c.id);
        if h.supporters > 1 {
            let _ = write!(
                meta,
                " · 同一意见共 {} 份（本次命中 {} 份）",
                h.supporters, h.copies
            );
        }
        let _ = writeln!(out, "{}", paint(dim, &meta));
        let _ = writeln!(out, "  {line}\n");
    }
    let pages = r.opinions.div_ceil(v.limit as u64);
    if pages > 1 {
        let _ = writeln!(
            out,
            "第 {} / {} 页（--page 翻页，--limit 每页条数）",
            v.page, pages
        );
    }
    out
}

#[derive(Serialize)]
struct JsonHit<'a> {
    id: &'a str,
    #[serde(rename = "ref")]
    reference: Option<&'a str>,
    batch: &'a str,
    regulation: &'a str,
    draft: &'a str,
    #[serde(flatten)]
    cites: &'a crate::cite::Citations,
    text: Cow<'a, str>,
    score: f32,
    snippet: String,
    highlights: Vec<(usize, usize)>,
    submitter: JsonSubmitter,
    source: &'a str,
    channel: &'static str,
    received: String,
    status: &'static str,
    supporters: u64,
    copies: u64,
}

/// `{"total", "opinions", "page", "limit", "hits": [...], "facets": {...}}`, keys in
/// alphabetical order at every level.
///
/// The hits are turned into JSON one at a time as they are written: an export of every
/// opinion of a million comments would otherwise hold a tree of them all.
pub fn json(v: &View) -> Vec<u8> {
    /// The document, its fields in the order of their names.
    #[derive(Serialize)]
    #[serde(bound(serialize = "EachSorted<F>: Serialize"))]
    struct Doc<'a, F> {
        facets: serde_json::Value,
        hits: EachSorted<F>,
        limit: usize,
        opinions: u64,
        page: usize,
        query: &'a str,
        total: u64,
    }
    let hits = EachSorted {
        len: v.results.hits.len(),
        make: |i: usize| {
            let h = &v.results.hits[i];
            let c = &h.comment;
            let (text, name, contact) = shown(c, v.include_personal);
            let (snip, marks) = snippet(&text, v.needles, SNIPPET);
            JsonHit {
                id: &c.id,
                reference: c.reference.as_deref(),
                batch: &c.batch,
                regulation: &c.regulation,
                draft: &c.draft,
                cites: &c.cites,
                score: h.score,
                snippet: snip,
                highlights: marks,
                text,
                submitter: JsonSubmitter::new(c, name, contact),
                source: &c.source,
                channel: c.channel.wire(),
                received: c.received.to_string(),
                status: h.status.wire(),
                supporters: h.supporters,
                copies: h.copies,
            }
        },
    };
    let doc = Doc {
        facets: serde_json::to_value(&v.results.facets).unwrap_or_default(),
        hits,
        limit: v.limit,
        opinions: v.results.opinions,
        page: v.page,
        query: v.query,
        total: v.results.total,
    };
    let mut out = serde_json::to_vec_pretty(&doc).unwrap_or_default();
    out.push(b'\n');
    out
}

/// The columns of the hits as a table.
const COLUMNS: &[Column] = &[
    col("编号", 15.0),
    col("原编号", 9.0),
    col("法规", 11.0),
    col("针对稿", 7.0),
    col("条款", 11.0),
    col("意见内容", 50.0),
    col("提出人", 8.0),
    col("提出人类型", 8.0),
    col("联系点", 18.0),
    col("渠道", 7.0),
    col("日期", 11.0),
    col("处理情况", 12.0),
    col("同一意见份数", 12.0),
    col("得分", 7.0),
];

/// The hits of the page as a table: one row per opinion, personal data masked unless asked
/// for; the title names the query, the counts and the rows' place among all the opinions.
pub fn table<'v>(v: &'v View) -> Table<'v> {
    let r = v.results;
    let first = (v.page - 1).saturating_mul(v.limit);
    let mut title = format!(
        "检索“{}”{}：{} 条意见，{} 个独立意见",
        v.query,
        sheet::in_brackets(v.filters),
        r.total,
        r.opinions
    );
    if r.hits.is_empty() && r.opinions > 0 {
        title.push_str(&format!(
            "（第 {} 页没有结果：每页 {} 个，共 {} 页）",
            v.page,
            v.limit,
            r.opinions.div_ceil(v.limit as u64)
        ));
    } else if (r.hits.len() as u64) < r.opinions {
        title.push_str(&format!(
            "（本表为第 {}–{} 个）",
            first + 1,
            first + r.hits.len()
        ));
    }
    let rows = r.hits.iter().map(|h| {
        let c = &h.comment;
        let (text, name, _) = shown(c, v.include_personal);
        vec![
            c.id.as_str().into(),
            c.reference.as_deref().unwrap_or("").into(),
            c.regulation.as_str().into(),
            c.draft.as_str().into(),
            cites(c).into(),
            text.into(),
            name.unwrap_or_default().into(),
            c.submitter.kind.zh().into(),
            c.source.as_str().into(),
            c.channel.zh().into(),
            c.received.to_string().into(),
            h.status.zh().into(),
            Cell::count(h.supporters),
            Cell::Number(f64::from(h.score), 3),
        ]
    });
    Table {
        sheet: "检索结果",
        title,
        columns: COLUMNS,
        len: r.hits.len(),
        rows: Box::new(rows),
        choices: None,
    }
}

/// The hits of the page as CSV (UTF-8 with BOM).
pub fn csv(v: &View) -> Vec<u8> {
    sheet::csv(table(v))
}

/// The hits of the page as an Excel workbook; `name` names the file in errors.
pub fn xlsx(v: &View, name: &str) -> crate::error::Result<Vec<u8>> {
    sheet::xlsx(table(v), name)
}
