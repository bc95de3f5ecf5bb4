//! The workspace: `drafts/<reg>/*.md` (one file per version) and the manual alignment
//! overrides in `drafts/<reg>/alignment.toml`.
//!
//! Loads what the pipeline stages take; stages themselves never touch paths.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::align::Override;
use crate::draft::{ArticleNumber, Draft};
use crate::error::{Error, Result};

/// A workspace root.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// The root folder (holding `drafts/`, `comments/`, `index/`).
    pub root: PathBuf,
}

/// One version of a regulation, loaded.
#[derive(Debug, Clone)]
pub struct Version {
    /// Version id (front matter `version`, else the file stem).
    pub id: String,
    /// The parsed draft.
    pub draft: Draft,
}

impl Version {
    /// Whether staff name this version by `name`: its id (`v2`) or its stage (`二审稿`).
    pub fn answers_to(&self, name: &str) -> bool {
        self.id == name || self.draft.meta.stage.as_deref() == Some(name)
    }

    /// How messages list it: `v2（二审稿）`, or the id alone when the draft names no stage.
    pub fn label(&self) -> String {
        match &self.draft.meta.stage {
            Some(s) if *s != self.id => format!("{}（{s}）", self.id),
            _ => self.id.clone(),
        }
    }
}

/// How messages list the versions there are: `v1（一审稿）、v2（二审稿）`.
pub fn labels(versions: &[Version]) -> String {
    versions
        .iter()
        .map(Version::label)
        .collect::<Vec<_>>()
        .join("、")
}

impl Workspace {
    /// A workspace rooted at `root`.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        let root = root.into();
        // Paths in messages and JSON stay relative (`drafts/hu/v1.md`, not `./drafts/…`).
        let root = if root == Path::new(".") {
            PathBuf::new()
        } else {
            root
        };
        Workspace { root }
    }

    /// Refuses a folder that is not a workspace (no regulation under `drafts/` or
    /// `comments/`): a command run in the wrong folder (the home folder, a typo in
    /// `--workspace` or `LIFA_WORKSPACE`) must not leave an `index/` there or answer as if the
    /// workspace had no comments.
    pub fn check(&self) -> Result<()> {
        if !self.folders_in("drafts").is_empty() || !self.folders_in("comments").is_empty() {
            return Ok(());
        }
        let (shown, what) = if self.root.as_os_str().is_empty() {
            ("当前目录".to_string(), "不是 lifa 工作区")
        } else if !self.root.exists() {
            (format!("{} ", self.root.display()), "不存在")
        } else {
            (format!("{} ", self.root.display()), "不是 lifa 工作区")
        };
        Err(Error::Usage(format!(
            "{shown}{what}（工作区的 drafts/ 或 comments/ 下有各法规的文件夹）：请在工作区目录中运行，或用 --workspace（或环境变量 LIFA_WORKSPACE）指定工作区"
        )))
    }

    /// `drafts/<reg>/`.
    pub fn drafts_dir(&self, reg: &str) -> PathBuf {
        self.root.join("drafts").join(reg)
    }

    /// The regulations that have a folder under `drafts/`, sorted.
    pub fn regulations(&self) -> Vec<String> {
        self.folders_in("drafts")
    }

    /// The names of the folders in `dir` (under the root), sorted.
    pub(crate) fn folders_in(&self, dir: &str) -> Vec<String> {
        let mut out: Vec<String> = std::fs::read_dir(self.root.join(dir))
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.path().is_dir())
            .filter_map(|e| e.file_name().to_str().map(str::to_string))
            .collect();
        out.sort();
        out
    }

    /// Loads every version of a regulation, oldest first (by front matter `date`, then by file
    /// name).
    pub fn versions(&self, reg: &str) -> Result<Vec<Version>> {
        let dir = self.drafts_dir(reg);
        let unknown = || Error::UnknownRegulation {
            reg: reg.to_string(),
            dir: dir.display().to_string(),
            known: self.regulations(),
        };
        let entries = std::fs::read_dir(&dir).map_err(|_| unknown())?;
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(unknown());
        }
        let mut versions = Vec::new();
        for path in files {
            let draft = Draft::load(&path)?;
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let id = draft.version_or(&stem).to_string();
            if let Some(prev) = versions.iter().find(|v: &&Version| v.id == id) {
                return Err(Error::DuplicateVersion {
                    version: id,
                    first: prev.draft.source.clone(),
                    second: draft.source.clone(),
                });
            }
            versions.push(Version { id, draft });
        }
        // Stable sort: undated drafts keep file-name order among themselves.
        versions.sort_by(|a, b| match (&a.draft.meta.date, &b.draft.meta.date) {
            (Some(x), Some(y)) => x.cmp(y),
            _ => std::cmp::Ordering::Equal,
        });
        Ok(versions)
    }

    /// Reads the manual overrides for one pair of versions from `drafts/<reg>/alignment.toml`
    /// (none when the file does not exist).
    pub fn overrides(&self, reg: &str, old: &Version, new: &Version) -> Result<Vec<Override>> {
        let path = self.drafts_dir(reg).join("alignment.toml");
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => {
                return Err(Error::Io {
                    path: path.display().to_string(),
                    source,
                });
            }
        };
        let versions = self.versions(reg)?;
        parse_overrides(&path, &text, &versions, old, new)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OverrideFile {
    #[serde(default, rename = "match")]
    matches: Vec<toml::Spanned<MatchEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MatchEntry {
    from: toml::Spanned<String>,
    to: toml::Spanned<String>,
    #[serde(default)]
    old: Option<toml::Spanned<String>>,
    #[serde(default)]
    new: Option<toml::Spanned<String>>,
    #[serde(default)]
    #[allow(dead_code)] // kept for people reading the file; lifa does not use it
    note: Option<String>,
}

/// A TOML file's mistake as staff read it: serde's usual complaints in Chinese, anything else
/// (a syntax error) as the parser says it.
pub(crate) fn toml_message(e: &toml::de::Error) -> String {
    let m = e.message().trim();
    let quoted = |s: &str| -> Vec<String> {
        s.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    };
    if let Some(rest) = m.strip_prefix("unknown field ") {
        let q = quoted(rest);
        if let Some((field, allowed)) = q.split_first() {
            return format!("不认识“{field}”这一项（可写的项：{}）", allowed.join("、"));
        }
    }
    if let Some(rest) = m.strip_prefix("missing field ")
        && let Some(field) = quoted(rest).first()
    {
        return format!("缺少“{field}”这一项");
    }
    if let Some(rest) = m.strip_prefix("invalid type: ") {
        let wanted = match rest.rsplit_once("expected ").map(|(_, w)| w) {
            Some(w) if w.contains("sequence") => "方括号里的列表，如 [\"甲\", \"乙\"]",
            Some(w) if w.contains("string") => "引号里的文字，如 \"甲\"",
            Some(w) if w.contains("map") || w.contains("struct") => "一个 [[…]] 表",
            _ => "别的写法",
        };
        return format!("这里应写{wanted}");
    }
    format!("不是有效的 TOML（{m}）")
}

/// The line (from 1) of a byte offset in a text.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Parses `alignment.toml` and keeps the entries for `old → new`, resolved to article indices.
///
/// Each `[[match]]` names `from` and `to` versions and `old` and/or `new` article labels:
/// both for "these are the same article", only `new` for "this is a new article", only `old` for
/// "this article was deleted".
pub fn parse_overrides(
    path: &Path,
    text: &str,
    versions: &[Version],
    old: &Version,
    new: &Version,
) -> Result<Vec<Override>> {
    let err = |line: usize, message: String| Error::Alignment {
        path: path.display().to_string(),
        line,
        message,
    };
    let file: OverrideFile = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1);
        err(line, toml_message(&e))
    })?;
    let mut out = Vec::new();
    for m in &file.matches {
        let line = line_of(text, m.span().start);
        let m = m.get_ref();
        for v in [&m.from, &m.to] {
            if !versions.iter().any(|x| &x.id == v.get_ref()) {
                let known: Vec<&str> = versions.iter().map(|x| x.id.as_str()).collect();
                return Err(err(
                    line_of(text, v.span().start),
                    format!(
                        "没有版本“{}”（已有版本：{}）",
                        v.get_ref(),
                        known.join("、")
                    ),
                ));
            }
        }
        if m.from.get_ref() != &old.id || m.to.get_ref() != &new.id {
            continue;
        }
        let resolve = |label: &toml::Spanned<String>, draft: &Draft, version: &str| {
            let l = line_of(text, label.span().start);
            let number = ArticleNumber::parse_label(label.get_ref()).ok_or_else(|| {
                err(
                    l,
                    format!(
                        "“{}”不是条文编号，应写成“第十二条”或“第十二条之一”",
                        label.get_ref()
                    ),
                )
            })?;
            draft
                .articles
                .iter()
                .position(|a| a.number == number)
                .ok_or_else(|| err(l, format!("版本“{version}”中没有{number}")))
        };
        let o = m
            .old
            .as_ref()
            .map(|l| resolve(l, &old.draft, &old.id))
            .transpose()?;
        let n = m
            .new
            .as_ref()
            .map(|l| resolve(l, &new.draft, &new.id))
            .transpose()?;
        out.push(match (o, n) {
            (Some(o), Some(n)) => Override::Pair(o, n),
            (Some(o), None) => Override::Deleted(o),
            (None, Some(n)) => Override::Added(n),
            (None, None) => {
                return Err(err(
                    line,
                    "每个 [[match]] 至少要写 old 或 new 之一".to_string(),
                ));
            }
        });
    }
    Ok(out)
}

/// The two versions to compare: the named ones (by id or stage, `v1` or `一审稿`), or the last
/// two.
pub fn pick<'a>(
    versions: &'a [Version],
    reg: &str,
    named: Option<(&str, &str)>,
) -> Result<(&'a Version, &'a Version)> {
    if versions.len() < 2 {
        return Err(Error::TooFewVersions {
            reg: reg.to_string(),
            count: versions.len(),
        });
    }
    match named {
        None => Ok((&versions[versions.len() - 2], &versions[versions.len() - 1])),
        Some((f, t)) => Ok((find(versions, reg, f)?, find(versions, reg, t)?)),
    }
}

/// The version of `reg` staff call `name` (its id or its stage), or an error listing the
/// versions there are.
pub fn find<'a>(versions: &'a [Version], reg: &str, name: &str) -> Result<&'a Version> {
    versions
        .iter()
        .find(|v| v.answers_to(name))
        .ok_or_else(|| Error::UnknownVersion {
            reg: reg.to_string(),
            version: name.to_string(),
            known: labels(versions),
        })
}

impl Workspace {
    /// Aligns two versions of `reg` (with its `alignment.toml` overrides) and diffs them.
    pub fn compare(
        &self,
        reg: &str,
        old: &Version,
        new: &Version,
    ) -> Result<crate::diff::DraftDiff> {
        let overrides = self.overrides(reg, old, new)?;
        let a = crate::align::align(&old.draft, &new.draft, &overrides);
        Ok(crate::diff::diff(
            Some(reg),
            &old.draft,
            &new.draft,
            &a,
            &old.id,
            &new.id,
        ))
    }
}
