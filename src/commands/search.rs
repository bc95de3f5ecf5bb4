//! `lifa search`: query the index (brought up to date first) and print hits with facets.

use crate::cli::{ListFormat, SearchArgs};
use crate::error::{Error, Result};
use crate::index::SearchIndex;
use crate::opinions;
use crate::report::search as render;
use crate::search::{Expr, Filters, PAIRED_MARKS, is_long_word, parse_query, search};
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
    // JSON or CSV on stdout is read by a program: it gets only the hints that cost one search,
    // not those that load jieba (70 ms) or try many (a cold query stays fast).
    let person = format == ListFormat::Term || args.output.out.is_some();
    if results.total == 0
        && let Some(hint) = hint(
            &Asked {
                ws,
                index: &index,
                expr: &expr,
                filters: &filters,
                described: &described,
            },
            person,
        )
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

/// A search that found nothing, as the hints look at it.
struct Asked<'a> {
    ws: &'a Workspace,
    index: &'a SearchIndex,
    expr: &'a Expr,
    filters: &'a Filters,
    /// `filters` described.
    described: &'a str,
}

impl Asked<'_> {
    /// How many comments `e` finds under `filters` (none if the search fails).
    fn found(&self, e: &Expr, filters: &Filters) -> u64 {
        search(self.ws, self.index, e, filters, 1, 1).map_or(0, |r| r.total)
    }

    /// A note that the other options of the command stay as they were (none if there are
    /// none).
    fn same_options(&self) -> &'static str {
        if self.described.is_empty() {
            ""
        } else {
            "（其他选项照旧）"
        }
    }
}

/// What to say when a query finds nothing: why, and what would find something
/// ([`text_hint`], else [`filter_hint`]). `person`: a person reads the answer, and may wait
/// for the hints that cost more than a search.
fn hint(asked: &Asked, person: bool) -> Option<String> {
    text_hint(asked, person).or_else(|| person.then(|| filter_hint(asked)).flatten())
}

/// What to say when a query finds nothing because of how its texts are written: `*` and `?`,
/// which search engines taught staff as wildcards, quotes or brackets run together with words
/// or left without a partner, spaces inside a phrase (`“禁止 垂钓”`: the search is by the text
/// as written, and Chinese puts no spaces between words), or a whole sentence or long phrase
/// typed as one text (`建议禁止网箱养殖和垂钓`). Suggests the query with its texts split at
/// those marks, the phrase without its spaces (else split at them), or the texts cut into
/// their words, the operators, groups and other phrases kept, and only when that finds
/// something under the same filters. Words are cut (by jieba) only for a `person`.
fn text_hint(asked: &Asked, person: bool) -> Option<String> {
    let expr = asked.expr;
    const WILDCARDS: [char; 4] = ['*', '＊', '?', '？'];
    let texts = expr.positive_texts();
    let marks: Vec<char> = WILDCARDS.iter().chain(&PAIRED_MARKS).copied().collect();
    let (why, after, tries) = if texts.iter().any(|t| t.contains(WILDCARDS)) {
        (
            "检索按原文逐字查找，* 和 ? 不是通配符",
            "去掉后",
            vec![expr.split_at(&marks)],
        )
    } else if texts.iter().any(|t| t.contains(PAIRED_MARKS)) {
        (
            "与词语相连或不成对的引号、括号按原文（连同这些符号）查找",
            "去掉后",
            vec![expr.split_at(&marks)],
        )
    } else if texts.iter().any(|t| t.contains(char::is_whitespace)) {
        (
            "引号内的空格也按原文查找（中文词语之间通常没有空格）",
            "去掉后",
            vec![expr.without_inner_spaces(), expr.phrases_as_words()],
        )
    } else if person && texts.iter().any(|t| t.chars().count() >= 4) {
        let jieba = asked.index.words().jieba();
        let cut = |t: &str| -> Vec<String> {
            jieba
                .cut(t, false)
                .into_iter()
                .map(|w| w.word.to_string())
                .collect()
        };
        if let Expr::Text(t) = expr {
            return sentence_hint(asked, &cut(t));
        }
        (
            "检索按原文逐字查找，整句或长的词组往往找不到",
            "分成词语后",
            vec![expr.as_words(&cut)],
        )
    } else {
        return None;
    };
    let (plain, found) = tries.into_iter().flatten().find_map(|plain| {
        if plain == *expr || plain.positive_texts().is_empty() {
            return None;
        }
        let found = asked.found(&plain, asked.filters);
        (found > 0).then_some((plain, found))
    })?;
    Some(format!(
        "提示：{why}；{after}可找到 {found} 条{}：lifa search {}",
        asked.same_options(),
        shell_query(&plain)
    ))
}

/// What to say when a sentence or long phrase typed alone (`建议禁止网箱养殖和垂钓`) finds
/// nothing: the most of its words (of two characters or more) that occur together in some
/// comment under the same filters — all of them, else all but one, and so on, down to two (one
/// of two) —, the set with the most comments at each size, naming the words left out. Of a
/// sentence of more than six words, the six longest are tried.
fn sentence_hint(asked: &Asked, cut: &[String]) -> Option<String> {
    let mut all: Vec<&str> = Vec::new();
    for w in cut {
        if is_long_word(w) && !all.contains(&w.as_str()) {
            all.push(w);
        }
    }
    // Beyond this, too many combinations to try at once: the longest words are kept (the
    // first of equal length), in their order.
    const MOST: usize = 6;
    let mut kept: Vec<usize> = (0..all.len()).collect();
    kept.sort_by_key(|&i| std::cmp::Reverse(all[i].chars().count()));
    kept.truncate(MOST);
    kept.sort_unstable();
    let words: Vec<&str> = kept.iter().map(|&i| all[i]).collect();
    let n = words.len();
    if n < 2 {
        return None;
    }
    let smallest = if n == 2 { 1 } else { 2 };
    let (mask, found) = (smallest..=n).rev().find_map(|size| {
        (1u32..1 << n)
            .filter(|m| m.count_ones() as usize == size)
            .filter_map(|m| {
                let found = asked.found(&words_expr(&words, m), asked.filters);
                (found > 0).then_some((m, found))
            })
            .max_by_key(|&(m, found)| (found, std::cmp::Reverse(m)))
    })?;
    let chosen: Vec<&str> = (0..n)
        .filter(|i| mask & (1 << i) != 0)
        .map(|i| words[i])
        .collect();
    let left_out: Vec<String> = all
        .iter()
        .filter(|w| !chosen.contains(w))
        .map(|w| format!("“{w}”"))
        .collect();
    let left_out = if left_out.is_empty() {
        String::new()
    } else {
        format!("（不含{}）", left_out.join(""))
    };
    Some(format!(
        "提示：检索按原文逐字查找，整句或长的词组往往找不到；分成词语后{left_out}可找到 {found} 条{}：lifa search {}",
        asked.same_options(),
        shell_query(&words_expr(&words, mask))
    ))
}

/// The words of `words` whose bits are set in `mask`, all to occur.
fn words_expr(words: &[&str], mask: u32) -> Expr {
    let mut v: Vec<Expr> = (0..words.len())
        .filter(|i| mask & (1 << i) != 0)
        .map(|i| Expr::Text(words[i].to_string()))
        .collect();
    if v.len() == 1 {
        v.remove(0)
    } else {
        Expr::And(v)
    }
}

/// What to say when a query finds nothing under its filters but something without them: the
/// options that, each taken away alone, let it find comments, with how many; else how many it
/// finds with none.
fn filter_hint(asked: &Asked) -> Option<String> {
    let filters = asked.filters;
    let found = |f: &Filters| asked.found(asked.expr, f);
    let c = &filters.comments;
    let mut options: Vec<(String, Filters)> = Vec::new();
    let mut without = |label: String, drop: &dyn Fn(&mut Filters)| {
        let mut f = filters.clone();
        drop(&mut f);
        options.push((label, f));
    };
    if let Some(r) = &filters.reg {
        without(format!("--reg {r}"), &|f| f.reg = None);
    }
    if let Some(a) = c.article {
        // --version goes with --article (it says how the article is numbered).
        let label = match &c.version {
            Some(v) => format!("--article {a} --version {v}"),
            None => format!("--article {a}"),
        };
        without(label, &|f| {
            f.comments.article = None;
            f.comments.version = None;
        });
    }
    if let Some(s) = &c.source {
        without(format!("--source {s}"), &|f| f.comments.source = None);
    }
    if let Some(k) = c.kind {
        without(format!("--kind {}", k.zh()), &|f| f.comments.kind = None);
    }
    if let Some(ch) = c.channel {
        without(format!("--channel {}", ch.zh()), &|f| {
            f.comments.channel = None
        });
    }
    if let Some(s) = c.status {
        without(format!("--status {}", s.zh()), &|f| {
            f.comments.status = None
        });
    }
    if let Some(d) = c.since {
        without(format!("--since {d}"), &|f| f.comments.since = None);
    }
    if let Some(d) = c.until {
        without(format!("--until {d}"), &|f| f.comments.until = None);
    }
    if options.is_empty() {
        return None;
    }
    let each: Vec<String> = options
        .iter()
        .filter_map(|(label, f)| {
            let n = found(f);
            (n > 0).then(|| format!("去掉 {label} 可找到 {n} 条"))
        })
        .collect();
    if !each.is_empty() {
        return Some(format!("提示：{}", each.join("；")));
    }
    let all = found(&Filters::default());
    (all > 0).then(|| format!("提示：没有同时满足这些条件的意见；不加任何条件可找到 {all} 条"))
}

/// A query as a shell needs it typed.
fn shell_query(e: &Expr) -> String {
    let query = e.to_query();
    if query.contains(['(', ')', '"', '\'', '|', '&', ';', '<', '>', '$', '`', '\\']) {
        format!("'{}'", query.replace('\'', "'\\''"))
    } else {
        query
    }
}
