//! `lifa search`: query the index (brought up to date first) and print hits with facets.

use crate::cli::{ListFormat, SearchArgs};
use crate::error::{Error, Result};
use crate::index::SearchIndex;
use crate::opinions;
use crate::report::search as render;
use crate::search::{Expr, Filters, PAIRED_MARKS, parse_query, search};
use crate::workspace::Workspace;

pub(super) fn run(ws: &Workspace, args: &SearchArgs) -> Result<()> {
    let format = crate::cli::list_format(args.output.format, args.output.out.as_deref())?;
    let q = args.query.join(" ");
    let expr = parse_query(&q)?;
    // A file of results (a workbook, CSV or JSON) holds every opinion unless a page was asked
    // for.
    let export = args.output.out.is_some() && format != ListFormat::Term;
    let limit = match args.limit {
        // A worksheet's rows bound a spreadsheet's page.
        Some(n) if export && format != ListFormat::Json => n.min(render::ALL),
        Some(n) => n,
        None if export && args.page == 1 => render::ALL,
        None => 20,
    };
    if limit == 0 || args.page == 0 {
        return Err(Error::Usage("--limit 和 --page 须为正整数".into()));
    }
    if args
        .page
        .checked_mul(limit)
        .is_none_or(|n| n > u32::MAX as usize)
    {
        return Err(Error::Usage(format!(
            "--page {} 与 --limit {limit}：页码太大",
            args.page
        )));
    }
    let comments = super::comments::filter(&args.filter)?;
    ws.check()?;
    let mut index = SearchIndex::open(ws)?;
    if let Some(notice) = super::indexing_notice(index.unindexed_bytes(ws, false)) {
        eprintln!("{notice}");
    }
    let stats = index.update(ws)?;
    if stats.comments_total == 0 {
        eprintln!("提示：工作区中还没有意见。请先用 lifa import 导入联系点上报的意见。");
    }
    let filters = Filters {
        reg: args.reg.clone(),
        comments,
    };
    let results = search(ws, &index, &expr, &filters, limit, args.page)?;
    let described = Filters {
        reg: filters.reg.clone(),
        comments: opinions::Filter {
            version: filters
                .comments
                .version
                .as_deref()
                .map(|v| stage_of(ws, filters.reg.as_deref(), v)),
            ..filters.comments.clone()
        },
    }
    .describe();
    if results.total == 0
        && let Some(hint) = hint(ws, &index, &expr, &filters, &described)
    {
        eprintln!("{hint}");
    }
    let needles = expr.positive_texts();
    let view = render::View {
        results: &results,
        needles: &needles,
        include_personal: args.output.include_personal,
        color: super::use_color(args.output.color, args.output.out.is_some()),
        limit,
        page: args.page,
        query: &q,
        filters: &described,
    };
    let bytes = match format {
        ListFormat::Term => render::term(&view).into_bytes(),
        ListFormat::Json => render::json(&view),
        ListFormat::Csv => render::csv(&view),
        ListFormat::Xlsx => render::xlsx(&view, &super::out_name(args.output.out.as_deref()))?,
    };
    super::emit(&bytes, args.output.out.as_deref())
}

/// A version as titles name it: by its stage (二审稿), however it was written, when every
/// regulation searched gives that version one and the same stage; else as written.
fn stage_of(ws: &Workspace, reg: Option<&str>, version: &str) -> String {
    let regs = match reg {
        Some(r) => vec![r.to_string()],
        None => ws.regulations(),
    };
    let stages: std::collections::BTreeSet<String> = regs
        .iter()
        .filter_map(|r| ws.versions(r).ok())
        .flatten()
        .filter(|v| v.answers_to(version))
        .map(|v| v.draft.meta.stage.clone().unwrap_or(v.id))
        .collect();
    match stages.len() {
        1 => stages.into_iter().next().unwrap_or_default(),
        _ => version.to_string(),
    }
}

/// What to say when a query finds nothing because of marks that are taken as text: `*` and
/// `?`, which search engines taught staff as wildcards, quotes or brackets run together with
/// words or left without a partner, and spaces inside a phrase (`“禁止 垂钓”`: the search is
/// by the text as written, and Chinese puts no spaces between words). Suggests the query with
/// its texts split at those marks, or the phrase without its spaces (else split at them), the
/// operators, groups and other phrases kept, and only when that finds something under the same
/// filters.
/// `described` is `filters` described.
fn hint(
    ws: &Workspace,
    index: &SearchIndex,
    expr: &Expr,
    filters: &Filters,
    described: &str,
) -> Option<String> {
    const WILDCARDS: [char; 4] = ['*', '＊', '?', '？'];
    let texts = expr.positive_texts();
    let marks: Vec<char> = WILDCARDS.iter().chain(&PAIRED_MARKS).copied().collect();
    let (why, tries) = if texts.iter().any(|t| t.contains(WILDCARDS)) {
        (
            "检索按原文逐字查找，* 和 ? 不是通配符",
            vec![expr.split_at(&marks)],
        )
    } else if texts.iter().any(|t| t.contains(PAIRED_MARKS)) {
        (
            "与词语相连或不成对的引号、括号按原文（连同这些符号）查找",
            vec![expr.split_at(&marks)],
        )
    } else if texts.iter().any(|t| t.contains(char::is_whitespace)) {
        (
            "引号内的空格也按原文查找（中文词语之间通常没有空格）",
            vec![expr.without_inner_spaces(), expr.phrases_as_words()],
        )
    } else {
        return None;
    };
    let (plain, found) = tries.into_iter().flatten().find_map(|plain| {
        if plain == *expr || plain.positive_texts().is_empty() {
            return None;
        }
        let found = search(ws, index, &plain, filters, 1, 1).ok()?.total;
        (found > 0).then_some((plain, found))
    })?;
    let query = plain.to_query();
    // As a shell would need it.
    let query = if query.contains(['(', ')', '"', '\'', '|', '&', ';', '<', '>', '$', '`', '\\']) {
        format!("'{}'", query.replace('\'', "'\\''"))
    } else {
        query
    };
    let same = if described.is_empty() {
        ""
    } else {
        "（其他选项照旧）"
    };
    Some(format!(
        "提示：{why}；去掉后可找到 {found} 条：lifa search {query}{same}"
    ))
}
