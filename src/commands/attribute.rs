//! `lifa attribute`: each edit with the comments that drove it (and `lifa diff --comments`,
//! `lifa decide --accept-suggestions`, which start from the same attribution).

use crate::attribute::{self, Attribution};
use crate::cli::{AttributeArgs, AttributionArgs};
use crate::error::{Error, Result};
use crate::opinions::Corpus;
use crate::report::attribute::Attributed;
use crate::report::{self, Options};
use crate::workspace::Workspace;

pub(super) fn run(ws: &Workspace, args: &AttributeArgs) -> Result<()> {
    let format = crate::cli::report_format(args.format, args.out.as_deref())?;
    let (attribution, corpus) = load(ws, &args.attribution)?;
    let notes = Attributed {
        attribution: &attribution,
        corpus: &corpus,
        include_personal: args.attribution.include_personal,
        sections: true,
    };
    let opts = Options {
        show_unchanged: false,
        color: super::use_color(args.color, args.out.is_some()),
    };
    let bytes = report::render_attributed(&attribution.diff, format, opts, Some(&notes));
    super::emit(&bytes, args.out.as_deref())
}

/// The attribution `lifa attribute` and `lifa report` are asked for.
pub(super) fn load(ws: &Workspace, a: &AttributionArgs) -> Result<(Attribution, Corpus)> {
    build(
        ws,
        &a.reg,
        a.from.as_deref().zip(a.to.as_deref()),
        a.min_score,
    )
}

/// Diffs two versions of `reg` and attributes the edits to the regulation's comments.
pub(super) fn build(
    ws: &Workspace,
    reg: &str,
    versions: Option<(&str, &str)>,
    threshold: f32,
) -> Result<(Attribution, Corpus)> {
    if !(0.0..=1.0).contains(&threshold) {
        return Err(Error::Usage(format!(
            "--min-score {threshold} 不在 0 到 1 之间（建议 {}）",
            attribute::RECOMMENDED_THRESHOLD
        )));
    }
    let opts = attribute::Options {
        threshold,
        ..attribute::Options::default()
    };
    attribute::load(ws, reg, versions, &opts)
}
