//! `lifa diff`: compare two versions (of a regulation in the workspace, or two loose files), or
//! follow every article through all versions with `--all`.

use std::path::Path;

use crate::align::align;
use crate::chain::chain;
use crate::cli::DiffArgs;
use crate::diff::{DraftDiff, diff};
use crate::draft::Draft;
use crate::error::{Error, Result};
use crate::report::attribute::Attributed;
use crate::report::{self, Options};
use crate::workspace::{Version, Workspace};

pub(super) fn run(ws: &Workspace, args: &DiffArgs) -> Result<()> {
    let format = crate::cli::report_format(args.format, args.out.as_deref())?;
    let opts = Options {
        show_unchanged: args.unchanged,
        color: super::use_color(args.color, args.out.is_some()),
    };
    let bytes = if looks_like_file(&args.target) {
        let Some(new_path) = args.from.as_deref() else {
            return Err(Error::Usage(format!(
                "只给了一个文件 {}；直接对照文件时请给出旧稿和新稿两个文件：lifa diff 旧稿.md 新稿.md",
                args.target
            )));
        };
        if args.to.is_some() || args.all {
            return Err(Error::Usage("直接对照文件时只能给出两个文件".into()));
        }
        if args.comments {
            return Err(Error::Usage(
                "--comments 需要工作区中的法规（drafts/<法规>/ 与 comments/<法规>/），直接对照文件时没有意见可列".into(),
            ));
        }
        let old = Draft::load(Path::new(&args.target))?;
        let new = Draft::load(Path::new(new_path))?;
        let d = diff(
            None,
            &old,
            &new,
            &align(&old, &new, &[]),
            &stem(&args.target),
            &stem(new_path),
        );
        report::render_diff(&d, format, opts)
    } else {
        let reg = args.target.as_str();
        let versions = ws.versions(reg)?;
        if versions.len() < 2 {
            return Err(Error::TooFewVersions {
                reg: reg.to_string(),
                count: versions.len(),
            });
        }
        if args.all {
            let diffs = versions
                .windows(2)
                .map(|w| compare(ws, reg, &w[0], &w[1]))
                .collect::<Result<Vec<_>>>()?;
            report::render_chain(&chain(&diffs), format, opts)
        } else {
            let (old, new) = pick(
                &versions,
                reg,
                match (&args.from, &args.to) {
                    (Some(f), Some(t)) => Some((f.as_str(), t.as_str())),
                    (Some(_), None) => {
                        return Err(Error::Usage(format!(
                            "请同时给出旧版本和新版本，例如：lifa diff {reg} {} {}",
                            versions[0].id,
                            versions[versions.len() - 1].id
                        )));
                    }
                    _ => None,
                },
            )?;
            if args.comments {
                let (a, corpus) = super::attribute::build(
                    ws,
                    reg,
                    Some((old.id.as_str(), new.id.as_str())),
                    crate::attribute::RECOMMENDED_THRESHOLD,
                )?;
                let notes = Attributed {
                    attribution: &a,
                    corpus: &corpus,
                    include_personal: false,
                    sections: false,
                };
                report::render_attributed(&a.diff, format, opts, Some(&notes))
            } else {
                let d = compare(ws, reg, old, new)?;
                report::render_diff(&d, format, opts)
            }
        }
    };
    super::emit(&bytes, args.out.as_deref())
}

/// The two versions to compare: the named ones, or the last two.
pub(super) fn pick<'a>(
    versions: &'a [Version],
    reg: &str,
    named: Option<(&str, &str)>,
) -> Result<(&'a Version, &'a Version)> {
    crate::workspace::pick(versions, reg, named)
}

pub(super) fn compare(
    ws: &Workspace,
    reg: &str,
    old: &Version,
    new: &Version,
) -> Result<DraftDiff> {
    ws.compare(reg, old, new)
}

fn looks_like_file(target: &str) -> bool {
    let p = Path::new(target);
    p.extension()
        .is_some_and(|e| e == "md" || e == "markdown" || e == "txt")
        || p.is_file()
}

fn stem(path: &str) -> String {
    Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}
