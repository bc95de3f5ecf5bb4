//! Row-by-row validation: raw rows → [`Comment`]s, with every problem naming the row, the
//! column and what is wrong, in Chinese. Errors refuse the row; warnings (an article the draft
//! does not have, a date in the future) do not.

use std::fmt;

use super::{Field, Upload};
use crate::cite::{self, Citations};
use crate::comment::{Channel, Comment, Date, Kind, Submitter};
use crate::error::{Error, Result};
use crate::workspace::Version;

/// Values given once for the whole batch on the command line. A cell's own value wins; these
/// fill empty cells and missing columns.
#[derive(Debug, Clone, Default)]
pub struct BatchDefaults {
    /// `--draft`: the version commented on.
    pub draft: Option<String>,
    /// `--source`: the contact point.
    pub source: Option<String>,
    /// `--channel`.
    pub channel: Option<Channel>,
    /// `--kind`.
    pub kind: Option<Kind>,
    /// `--date`.
    pub date: Option<Date>,
    /// `--round`: the consultation round.
    pub round: Option<String>,
}

/// A problem with one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Spreadsheet row (header = 1) or JSONL line.
    pub row: usize,
    /// The batch's own number for the row, with its header (`序号 4`), if any.
    pub reference: Option<String>,
    /// The column as headed in the file.
    pub column: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "第 {} 行", self.row)?;
        if let Some(r) = &self.reference {
            write!(f, "（{r}）")?;
        }
        if let Some(c) = &self.column {
            write!(f, "“{c}”列")?;
        }
        write!(f, "：{}", self.message)
    }
}

/// The outcome of validating an upload.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    /// Rows that passed, as comments (their `batch` is still empty).
    pub comments: Vec<Comment>,
    /// Rows refused, each with all its problems.
    pub refused: Vec<(usize, Vec<Problem>)>,
    /// Problems that do not refuse a row.
    pub warnings: Vec<Problem>,
}

/// Checks a read upload against the regulation's versions.
pub fn check(
    upload: &Upload,
    regulation: &str,
    versions: &[Version],
    defaults: &BatchDefaults,
    today: Date,
) -> Result<Checked> {
    let path = upload.path.display().to_string();
    // A required column that is missing with no batch-wide value refuses the file at once,
    // rather than every row.
    if upload.columns.get(Field::Text).is_none() && upload.rows.iter().any(|r| r.broken.is_none()) {
        return Err(Error::Upload {
            path,
            message: format!(
                "找不到“意见内容”字段（现有：{}）；可用 --map 指定，例如 --map 意见=text",
                upload.headers.join("、")
            ),
        });
    }
    for (field, given, flag) in [
        (
            Field::Source,
            defaults.source.is_some(),
            "--source 联系点名称",
        ),
        (
            Field::Channel,
            defaults.channel.is_some(),
            "--channel 面对面",
        ),
        (Field::Kind, defaults.kind.is_some(), "--kind 群众"),
        (Field::Date, defaults.date.is_some(), "--date 2026-05-01"),
    ] {
        if upload.columns.get(field).is_none() && !given && !upload.rows.is_empty() {
            return Err(Error::Upload {
                path,
                message: format!(
                    "文件中没有“{}”列，命令行也没有为整批指定（可加 {flag}；若该列表头不同，可用 --map 表头={}）",
                    field.zh(),
                    field.wire()
                ),
            });
        }
    }
    let fixed_draft = match &defaults.draft {
        Some(v) => Some(crate::workspace::find(versions, regulation, v)?),
        None => None,
    };
    let dated: Vec<(Option<Date>, &Version)> = versions
        .iter()
        .map(|v| (v.draft.meta.date.as_deref().and_then(Date::parse), v))
        .collect();

    let mut out = Checked::default();
    let mut seen_refs: rustc_hash::FxHashMap<&str, usize> = Default::default();
    for raw in &upload.rows {
        let reference = raw.get(Field::Id).map(str::to_string);
        let shown_ref = reference
            .as_ref()
            .map(|r| format!("{} {r}", upload.columns.header(Field::Id).unwrap_or("编号")));
        let problem = |field: Option<Field>, message: String| Problem {
            row: raw.row,
            reference: shown_ref.clone(),
            column: field.map(|f| upload.columns.header(f).unwrap_or(f.zh()).to_string()),
            message,
        };
        if let Some(b) = &raw.broken {
            out.refused.push((raw.row, vec![problem(None, b.clone())]));
            continue;
        }
        let mut errors = Vec::new();
        if let Some(r) = raw.get(Field::Id)
            && let Some(prev) = seen_refs.insert(r, raw.row)
        {
            out.warnings.push(problem(
                Some(Field::Id),
                format!("编号“{r}”与第 {prev} 行重复"),
            ));
        }
        let text = raw.get(Field::Text).unwrap_or("");
        if text.is_empty() {
            errors.push(problem(Some(Field::Text), "为空".into()));
        }
        let kind = match raw.get(Field::Kind) {
            Some(v) => Kind::parse(v).or_else(|| {
                errors.push(problem(
                    Some(Field::Kind),
                    format!("“{v}”不是已知的提出人类型（应为 {} 之一）", Kind::labels()),
                ));
                None
            }),
            None => defaults.kind.or_else(|| {
                errors.push(problem(
                    Some(Field::Kind),
                    "为空（可用 --kind 为整批指定提出人类型）".into(),
                ));
                None
            }),
        };
        let channel = match raw.get(Field::Channel) {
            Some(v) => Channel::parse(v).or_else(|| {
                errors.push(problem(
                    Some(Field::Channel),
                    format!("“{v}”不是已知的渠道（应为 {} 之一）", Channel::labels()),
                ));
                None
            }),
            None => defaults.channel.or_else(|| {
                errors.push(problem(
                    Some(Field::Channel),
                    "为空（可用 --channel 为整批指定渠道）".into(),
                ));
                None
            }),
        };
        let received = match raw.get(Field::Date) {
            Some(v) => Date::parse(v).or_else(|| {
                errors.push(problem(
                    Some(Field::Date),
                    format!("“{v}”不是有效的日期（可写作 2026-05-06、2026/5/6 或 2026年5月6日）"),
                ));
                None
            }),
            None => defaults.date.or_else(|| {
                errors.push(problem(
                    Some(Field::Date),
                    "为空（可用 --date 为整批指定日期）".into(),
                ));
                None
            }),
        };
        let source = raw
            .get(Field::Source)
            .map(normalize_space)
            .or_else(|| defaults.source.clone());
        if source.is_none() {
            errors.push(problem(
                Some(Field::Source),
                "为空（可用 --source 为整批指定联系点）".into(),
            ));
        }
        let (Some(kind), Some(channel), Some(received), Some(source), true) =
            (kind, channel, received, source, errors.is_empty())
        else {
            out.refused.push((raw.row, errors));
            continue;
        };
        if received > today {
            out.warnings.push(problem(
                Some(Field::Date),
                format!("日期 {received} 晚于今天"),
            ));
        }
        let version = fixed_draft.unwrap_or_else(|| draft_on(&dated, received));
        let mut cites = Citations::default();
        if let Some(a) = raw.get(Field::Article) {
            match cite::parse_field(a) {
                Some(c) => cites.extend(c),
                None => out.warnings.push(problem(
                    Some(Field::Article),
                    format!("无法识别条款“{a}”，已忽略（正文中的条号仍会识别）"),
                )),
            }
        }
        cites.extend(cite::parse_text_in(text, title_of(version)));
        for w in cite::check(&cites, &version.draft) {
            out.warnings.push(problem(
                Some(Field::Article),
                format!("{w}（按{}）", stage_name(version)),
            ));
        }
        out.comments.push(Comment {
            id: String::new(),
            reference,
            batch: String::new(),
            regulation: regulation.to_string(),
            draft: version.id.clone(),
            row: raw.row,
            cites,
            text: text.to_string(),
            submitter: Submitter {
                kind,
                name: raw.get(Field::Name).map(str::to_string),
                contact: raw.get(Field::Contact).map(str::to_string),
            },
            source,
            channel,
            received,
            round: raw
                .get(Field::Round)
                .map(str::to_string)
                .or_else(|| defaults.round.clone()),
        });
    }
    assign_ids(&mut out.comments);
    Ok(out)
}

/// The draft a comment was most likely made on: the newest version dated on or before the day
/// it was received (the first version when none is).
fn draft_on<'a>(dated: &[(Option<Date>, &'a Version)], received: Date) -> &'a Version {
    dated
        .iter()
        .rev()
        .find(|(d, _)| d.is_some_and(|d| d <= received))
        .or_else(|| dated.iter().find(|(d, _)| d.is_none()))
        .or(dated.first())
        .map(|(_, v)| *v)
        .expect("a regulation has at least one version")
}

/// The draft's title (`# 青澜市青澜湖保护条例（草案）`, else front matter `title`).
fn title_of(v: &Version) -> Option<&str> {
    v.draft.title.as_deref().or(v.draft.meta.title.as_deref())
}

/// `一审稿` for messages, else the version id.
pub fn stage_name(v: &Version) -> String {
    v.draft.meta.stage.clone().unwrap_or_else(|| v.id.clone())
}

/// Contact-point names: inner runs of whitespace collapsed (`湖滨街道 联系点`).
fn normalize_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Gives each comment its id: a hash of what the submitter sent (not of the file, the row or
/// the batch), so the same comment re-exported in another file, encoding or order keeps its
/// id. Identical rows within one upload are told apart by their occurrence number.
pub fn assign_ids(comments: &mut [Comment]) {
    let mut seen: rustc_hash::FxHashMap<[u8; 32], u32> = Default::default();
    for c in comments {
        let mut h = blake3::Hasher::new();
        for part in [
            c.regulation.as_str(),
            c.source.as_str(),
            c.reference.as_deref().unwrap_or(""),
            c.text.as_str(),
            c.submitter.name.as_deref().unwrap_or(""),
            c.submitter.kind.wire(),
            c.submitter.contact.as_deref().unwrap_or(""),
            c.channel.wire(),
            &c.received.to_string(),
        ] {
            h.update(&(part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
        let base = *h.finalize().as_bytes();
        let n = seen.entry(base).or_insert(0);
        let mut h = blake3::Hasher::new();
        h.update(&base);
        h.update(&n.to_le_bytes());
        *n += 1;
        c.id = format!("c{}", &h.finalize().to_hex()[..12]);
    }
}
