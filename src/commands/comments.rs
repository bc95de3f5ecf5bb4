//! `lifa comments`: list, filter and count a regulation's comments.

use crate::cli::{CommentsArgs, FilterArgs, ListFormat};
use crate::draft::ArticleNumber;
use crate::error::{Error, Result};
use crate::lineage::Lineage;
use crate::opinions::{self, Corpus, Filter};
use crate::report::comments::{self as render, View};
use crate::workspace::Workspace;

pub(super) fn run(ws: &Workspace, args: &CommentsArgs) -> Result<()> {
    let format = crate::cli::list_format(args.output.format, args.output.out.as_deref())?;
    let versions = ws.versions(&args.reg)?;
    let corpus = Corpus::load(ws, &args.reg)?;
    let mut filter = filter(&args.filter)?;
    if let Some(v) = &filter.version {
        // 二审稿 names v2 as it does for lifa diff.
        filter.version = Some(crate::workspace::find(&versions, &args.reg, v)?.id.clone());
    }
    let lineage = if filter.version.is_some() {
        Some(Lineage::build(ws, &args.reg, &versions)?)
    } else {
        None
    };
    let selected = filter.apply(&corpus, lineage.as_ref());
    let stage = |id: &str| {
        versions
            .iter()
            .find(|v| v.id == id)
            .and_then(|v| v.draft.meta.stage.clone())
            .unwrap_or_else(|| id.to_string())
    };
    // The version by its stage, as the articles are named in the listing (二审稿 第十四条).
    let described = Filter {
        version: filter.version.as_deref().map(stage),
        ..filter.clone()
    }
    .describe();
    let view = View {
        corpus: &corpus,
        selected: &selected,
        include_personal: args.output.include_personal,
        color: super::use_color(args.output.color, args.output.out.is_some()),
        stage: &stage,
        grouped: !args.each,
        filters: &described,
    };
    let title = versions
        .last()
        .and_then(|v| v.draft.title.clone().or_else(|| v.draft.meta.title.clone()))
        .unwrap_or_else(|| args.reg.clone());
    let name = super::out_name(args.output.out.as_deref());
    let bytes = if args.stats {
        let ids: Vec<String> = versions.iter().map(|v| v.id.clone()).collect();
        let stats = opinions::stats(&corpus, &selected, &ids, &stage);
        super::points_hint(
            &corpus.points,
            corpus.comments.iter().map(|c| c.source.as_str()),
        );
        match format {
            ListFormat::Term => render::stats_term(&stats, &described, view.color).into_bytes(),
            ListFormat::Json => render::stats_json(&stats),
            ListFormat::Csv => render::stats_csv(&stats),
            ListFormat::Xlsx => render::stats_xlsx(&stats, &title, &described, &name)?,
        }
    } else {
        match format {
            ListFormat::Term => render::list_term(&view).into_bytes(),
            ListFormat::Json => render::list_json(&view),
            ListFormat::Csv => render::list_csv(&view),
            ListFormat::Xlsx => render::list_xlsx(&view, &title, &described, &name)?,
        }
    };
    super::emit(&bytes, args.output.out.as_deref())
}

/// The filters as given on the command line (the article parsed).
pub(super) fn filter(args: &FilterArgs) -> Result<Filter> {
    let article = match &args.article {
        Some(a) => Some(parse_article(a)?),
        None => None,
    };
    Ok(Filter {
        article,
        version: args.version.clone(),
        source: args.source.clone(),
        kind: args.kind,
        channel: args.channel,
        since: args.since,
        until: args.until,
        status: args.status,
    })
}

/// `第十四条`, `14`, `第十二条之一`, `十四`; a paragraph or item of an article
/// (`第十四条第二款`, `第十四条第（三）项`) stands for its article, which is what the
/// comments are indexed by.
fn parse_article(s: &str) -> Result<ArticleNumber> {
    let t: String = crate::cite::normalize(s.trim()).into_iter().collect();
    let t = t.as_str();
    if let Some(n) = ArticleNumber::parse_label(t) {
        return Ok(n);
    }
    let bare = t.trim_start_matches('第').trim_end_matches('条');
    if let Some(n) = crate::draft::numbering::parse_number(bare) {
        return Ok(ArticleNumber::new(n));
    }
    let cited = crate::cite::parse_field(t);
    let articles: Vec<(u32, u32)> = cited
        .as_ref()
        .map(|c| crate::cite::distinct_articles(&c.articles).collect())
        .unwrap_or_default();
    match articles[..] {
        [(main, sub)] => Ok(ArticleNumber { main, sub }),
        [_, _, ..] => Err(Error::Usage(format!(
            "--article {s}：只能指定一条（可分几次检索，或不加 --article 看条文分布）"
        ))),
        [] if cited.is_some_and(|c| !c.chapters.is_empty()) => Err(Error::Usage(format!(
            "--article {s}：这是章，不是条；--article 只能指定一条"
        ))),
        [] => Err(Error::Usage(format!(
            "--article {s}：无法识别的条号（可写作 第十四条、14、第十二条之一 或 第十四条第二款）"
        ))),
    }
}
