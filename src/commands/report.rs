//! `lifa report`: the documents staff hand in after a reading, from the workspace — the
//! comparison table, the redline, the disposition table, statistics, feedback to each contact
//! point and a draft of the report on the revisions. The file's extension picks the format.

use std::path::{Path, PathBuf};

use crate::chain::chain;
use crate::cli::{ReportArgs, ReportKind, UnchangedArg};
use crate::error::{Error, Result};
use crate::report::attribute::{Attributed, disposition_rows};
use crate::report::docx::{DocxOptions, Unchanged};
use crate::report::notes::NoNotes;
use crate::report::{self, Format, Options};
use crate::workspace::Workspace;

/// One output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ext {
    Docx,
    Xlsx,
    Html,
    Md,
}

impl Ext {
    fn of(path: &Path) -> Option<Ext> {
        let e = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match e.as_str() {
            "docx" => Ext::Docx,
            "xlsx" => Ext::Xlsx,
            "html" | "htm" => Ext::Html,
            "md" | "markdown" => Ext::Md,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Ext::Docx => "docx",
            Ext::Xlsx => "xlsx",
            Ext::Html => "html",
            Ext::Md => "md",
        }
    }
}

/// The formats each kind comes in, the first being the one `--kind all` writes first.
fn formats(kind: ReportKind) -> &'static [Ext] {
    match kind {
        ReportKind::Comparison | ReportKind::Chain => &[Ext::Docx, Ext::Html, Ext::Md],
        ReportKind::Redline => &[Ext::Docx],
        ReportKind::Disposition => &[Ext::Xlsx, Ext::Docx, Ext::Md],
        ReportKind::Stats => &[Ext::Html, Ext::Md],
        ReportKind::Feedback => &[Ext::Docx, Ext::Html, Ext::Md],
        ReportKind::Revision => &[Ext::Docx, Ext::Md],
        ReportKind::All => &[],
    }
}

/// The file name `--kind all` gives each kind.
fn file_name(kind: ReportKind) -> &'static str {
    match kind {
        ReportKind::Comparison => "条文对照表",
        ReportKind::Chain => "各稿对照表",
        ReportKind::Redline => "修改稿（修订模式）",
        ReportKind::Disposition => "意见采纳情况表",
        ReportKind::Stats => "意见统计",
        ReportKind::Feedback => "反馈",
        ReportKind::Revision => "修改情况的报告（草稿）",
        ReportKind::All => "",
    }
}

pub(super) fn run(ws: &Workspace, args: &ReportArgs) -> Result<()> {
    let to_dir = Ext::of(&args.out).is_none();
    let kind = args.kind.unwrap_or(if to_dir {
        ReportKind::All
    } else {
        ReportKind::Comparison
    });
    let (attribution, corpus) = super::attribute::load(ws, &args.attribution)?;
    let notes = Attributed {
        attribution: &attribution,
        corpus: &corpus,
        include_personal: args.attribution.include_personal,
        sections: false,
    };
    let job = Job { ws, args, notes };
    let mut written = Vec::new();
    if kind == ReportKind::All {
        make_dir(&args.out)?;
        for k in [
            ReportKind::Comparison,
            ReportKind::Redline,
            ReportKind::Disposition,
            ReportKind::Stats,
            ReportKind::Feedback,
            ReportKind::Revision,
            ReportKind::Chain,
        ] {
            if k == ReportKind::Chain && ws.versions(&args.attribution.reg)?.len() < 3 {
                continue;
            }
            if k == ReportKind::Feedback {
                written.extend(job.feedback(&args.out.join(file_name(k)), &[Ext::Docx, Ext::Md])?);
                continue;
            }
            for &ext in formats(k) {
                let path = args.out.join(format!("{}.{}", file_name(k), ext.name()));
                written.push(job.write(k, ext, &path)?);
            }
        }
    } else if kind == ReportKind::Feedback && (args.per_source || to_dir) {
        let exts: Vec<Ext> = match Ext::of(&args.out) {
            Some(e) => vec![e],
            None => vec![Ext::Docx, Ext::Md],
        };
        let dir = if to_dir {
            args.out.clone()
        } else {
            args.out.with_extension("")
        };
        written.extend(job.feedback(&dir, &exts)?);
    } else {
        let Some(ext) = Ext::of(&args.out) else {
            return Err(Error::Usage(format!(
                "--out {}：请给出文件扩展名（{}），或用 --kind all 写入文件夹",
                args.out.display(),
                names(formats(kind))
            )));
        };
        written.push(job.write(kind, ext, &args.out)?);
    }
    let d = &attribution.diff;
    println!(
        "{} {} → {}",
        regulation_title(&job.notes),
        d.old.display_name(),
        d.new.display_name()
    );
    for l in job.notes.summary() {
        println!("{l}");
    }
    for p in &written {
        println!("已写入 {}", p.display());
    }
    super::points_hint(
        &corpus.points,
        corpus.comments.iter().map(|c| c.source.as_str()),
    );
    Ok(())
}

fn names(exts: &[Ext]) -> String {
    exts.iter()
        .map(|e| format!(".{}", e.name()))
        .collect::<Vec<_>>()
        .join("、")
}

fn make_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Io {
        path: dir.display().to_string(),
        source,
    })
}

struct Job<'a> {
    ws: &'a Workspace,
    args: &'a ReportArgs,
    notes: Attributed<'a>,
}

impl Job<'_> {
    fn docx_options(&self) -> DocxOptions {
        DocxOptions {
            unchanged: match self.args.unchanged {
                UnchangedArg::Fold => Unchanged::Fold,
                UnchangedArg::List => Unchanged::List,
                UnchangedArg::Omit => Unchanged::Omit,
            },
            ..DocxOptions::default()
        }
    }

    /// Renders one kind in one format and writes it.
    fn write(&self, kind: ReportKind, ext: Ext, path: &Path) -> Result<PathBuf> {
        if !formats(kind).contains(&ext) {
            return Err(Error::Usage(format!(
                "{}：{} 只能生成 {} 文件",
                path.display(),
                file_name(kind),
                names(formats(kind))
            )));
        }
        let a = self.notes.attribution;
        let n = &self.notes;
        let md_html = |format: Format| {
            let opts = Options {
                show_unchanged: self.args.unchanged == UnchangedArg::List,
                color: false,
            };
            report::render_attributed(&a.diff, format, opts, Some(n))
        };
        let bytes = match (kind, ext) {
            (ReportKind::Comparison, Ext::Docx) => {
                report::docx::comparison_docx(&a.diff, n, &self.docx_options())?
            }
            (ReportKind::Comparison, Ext::Html) => md_html(Format::Html),
            (ReportKind::Comparison, _) => md_html(Format::Md),
            (ReportKind::Chain, _) => {
                let versions = self.ws.versions(&self.args.attribution.reg)?;
                let diffs = versions
                    .windows(2)
                    .map(|w| {
                        super::diff::compare(self.ws, &self.args.attribution.reg, &w[0], &w[1])
                    })
                    .collect::<Result<Vec<_>>>()?;
                let c = chain(&diffs);
                let opts = Options {
                    show_unchanged: self.args.unchanged == UnchangedArg::List,
                    color: false,
                };
                match ext {
                    Ext::Docx => report::docx::chain_docx(&c, &NoNotes, &self.docx_options())?,
                    Ext::Html => report::render_chain(&c, Format::Html, opts),
                    _ => report::render_chain(&c, Format::Md, opts),
                }
            }
            (ReportKind::Redline, _) => {
                report::docx::redline_docx(&a.diff, n, &self.docx_options())?
            }
            (ReportKind::Disposition, _) => {
                let rows = disposition_rows(n);
                let title = format!("{}意见采纳情况表", regulation_title(n));
                match ext {
                    Ext::Xlsx => report::disposition::disposition_xlsx(&rows, &title)?,
                    Ext::Docx => report::disposition::disposition_docx(&rows, &title)?,
                    _ => report::disposition::disposition_md(&rows, &title).into_bytes(),
                }
            }
            (ReportKind::Stats, Ext::Html) => report::stats::stats_html(n).into_bytes(),
            (ReportKind::Stats, _) => report::stats::stats_md(n).into_bytes(),
            (ReportKind::Revision, Ext::Docx) => report::revision::revision_docx(n)?,
            (ReportKind::Revision, _) => report::revision::revision_md(n).into_bytes(),
            (ReportKind::Feedback, _) => {
                return Err(Error::Usage(
                    "反馈按联系点分别成文：请用 --per-source 并给出文件夹".into(),
                ));
            }
            (ReportKind::All, _) => unreachable!("handled by the caller"),
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            make_dir(dir)?;
        }
        super::emit(&bytes, Some(path))?;
        Ok(path.to_path_buf())
    }

    /// One feedback file per contact point, in each format, under `dir`.
    fn feedback(&self, dir: &Path, exts: &[Ext]) -> Result<Vec<PathBuf>> {
        make_dir(dir)?;
        let n = &self.notes;
        let mut out = Vec::new();
        for source in report::feedback::sources(n) {
            for &ext in exts {
                let bytes = match ext {
                    Ext::Docx => report::feedback::feedback_docx(n, &source)?,
                    Ext::Html => report::feedback::feedback_html(n, &source).into_bytes(),
                    Ext::Md => report::feedback::feedback_md(n, &source).into_bytes(),
                    Ext::Xlsx => {
                        return Err(Error::Usage("反馈只能生成 .docx、.html、.md 文件".into()));
                    }
                };
                let path = dir.join(format!("{}.{}", safe_name(&source), ext.name()));
                super::emit(&bytes, Some(&path))?;
                out.push(path);
            }
        }
        Ok(out)
    }
}

fn regulation_title(n: &Attributed<'_>) -> String {
    let d = &n.attribution.diff;
    d.new
        .title
        .clone()
        .or_else(|| d.regulation.clone())
        .unwrap_or_default()
}

/// A contact point's name as a file name (no path separators or characters Windows refuses).
fn safe_name(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect()
}
