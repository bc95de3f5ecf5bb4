//! Dispositions: what became of each comment (采纳, 未采纳…), kept in the append-only
//! `comments/<reg>/decisions.jsonl`. The last entry for a comment wins; every entry keeps who
//! decided and when.

use std::collections::HashMap;
use std::fmt;
use std::io::BufRead;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::workspace::Workspace;

/// The disposition of a comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// 采纳
    Adopted,
    /// 部分采纳
    PartlyAdopted,
    /// 已在他条体现
    ReflectedElsewhere,
    /// 未采纳
    NotAdopted,
    /// 待研究
    Pending,
    /// 未处理: no decision recorded yet.
    Undecided,
}

impl Status {
    /// Every status, in the order of the disposition table.
    pub const ALL: [Status; 6] = [
        Status::Adopted,
        Status::PartlyAdopted,
        Status::ReflectedElsewhere,
        Status::NotAdopted,
        Status::Pending,
        Status::Undecided,
    ];

    /// The Chinese label.
    pub fn zh(self) -> &'static str {
        match self {
            Status::Adopted => "采纳",
            Status::PartlyAdopted => "部分采纳",
            Status::ReflectedElsewhere => "已在他条体现",
            Status::NotAdopted => "未采纳",
            Status::Pending => "待研究",
            Status::Undecided => "未处理",
        }
    }

    /// The wire name (`adopted`).
    pub fn wire(self) -> &'static str {
        match self {
            Status::Adopted => "adopted",
            Status::PartlyAdopted => "partly-adopted",
            Status::ReflectedElsewhere => "reflected-elsewhere",
            Status::NotAdopted => "not-adopted",
            Status::Pending => "pending",
            Status::Undecided => "undecided",
        }
    }

    /// Reads a status as staff write it (Chinese label, English name, common variants).
    pub fn parse(s: &str) -> Option<Status> {
        let k: String = s
            .trim()
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        Some(match k.as_str() {
            "采纳" | "已采纳" | "采用" | "adopted" => Status::Adopted,
            "部分采纳" | "部分采用" | "partly-adopted" | "partlyadopted" | "partial" => {
                Status::PartlyAdopted
            }
            "已在他条体现"
            | "已在其他条款体现"
            | "在他条体现"
            | "已体现"
            | "reflected-elsewhere"
            | "reflectedelsewhere" => Status::ReflectedElsewhere,
            "未采纳" | "不采纳" | "不予采纳" | "未采用" | "not-adopted" | "notadopted"
            | "rejected" => Status::NotAdopted,
            "待研究" | "研究" | "暂缓" | "pending" => Status::Pending,
            "未处理" | "待处理" | "undecided" | "" => Status::Undecided,
            _ => return None,
        })
    }

    /// The accepted labels, for messages.
    pub fn labels() -> String {
        Status::ALL.map(Status::zh).join("、")
    }

    /// Adopted in whole or in part: the comment should show in the new draft.
    pub fn is_adopted(self) -> bool {
        matches!(self, Status::Adopted | Status::PartlyAdopted)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.zh())
    }
}

/// One line of `decisions.jsonl`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// The comment's lifa id.
    pub comment: String,
    /// The disposition.
    pub status: Status,
    /// Why (required for 未采纳 in practice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Edit ids (from `lifa diff`) the comment drove.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub edits: Vec<String>,
    /// Where the comment shows in the new draft, as staff wrote it (`二审稿第十五条`).
    #[serde(rename = "where", default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Who decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// When (RFC 3339).
    pub at: String,
}

/// `comments/<reg>/decisions.jsonl`.
pub fn path(ws: &Workspace, reg: &str) -> PathBuf {
    ws.root.join("comments").join(reg).join("decisions.jsonl")
}

/// The decision in force for each comment (the last entry per comment).
pub fn current(ws: &Workspace, reg: &str) -> Result<HashMap<String, Decision>> {
    let p = path(ws, reg);
    let shown = p.display().to_string();
    let f = match std::fs::File::open(&p) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(HashMap::new()),
        Err(source) => {
            return Err(Error::Io {
                path: shown,
                source,
            });
        }
    };
    let mut out = HashMap::new();
    for (i, line) in std::io::BufReader::new(f).lines().enumerate() {
        let line = line.map_err(|source| Error::Io {
            path: shown.clone(),
            source,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let d: Decision = serde_json::from_str(&line).map_err(|e| Error::Store {
            path: shown.clone(),
            line: i + 1,
            message: format!("处理记录有误：{e}"),
        })?;
        out.insert(d.comment.clone(), d);
    }
    Ok(out)
}

/// Appends decisions to `decisions.jsonl` all at once: the file is rewritten through a temporary
/// file (old lines + new lines), flushed and renamed, so a crash leaves the old file or the new
/// one, never half a sheet.
pub fn append(ws: &Workspace, reg: &str, new: &[Decision]) -> Result<()> {
    let p = path(ws, reg);
    let mut bytes = match std::fs::read(&p) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(source) => {
            return Err(Error::Io {
                path: p.display().to_string(),
                source,
            });
        }
    };
    if !bytes.is_empty() && !bytes.ends_with(b"\n") {
        bytes.push(b'\n');
    }
    for d in new {
        serde_json::to_writer(&mut bytes, d).map_err(|e| Error::Store {
            path: p.display().to_string(),
            line: 0,
            message: e.to_string(),
        })?;
        bytes.push(b'\n');
    }
    if let Some(dir) = p.parent() {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.display().to_string(),
            source,
        })?;
    }
    crate::store::write_atomic(&p, &bytes)
}

/// Finds the comment a disposition sheet or a command line means: a lifa id (`c1a2…`), or the
/// batch's own number (编号), narrowed by the uploaded file's name when several batches use it.
pub fn resolve<'a>(
    comments: &'a [crate::comment::Comment],
    files: &HashMap<String, String>,
    reference: &str,
    file: Option<&str>,
) -> std::result::Result<&'a crate::comment::Comment, String> {
    let reference = reference.trim();
    if let Some(c) = comments.iter().find(|c| c.id == reference) {
        return Ok(c);
    }
    let matches: Vec<&crate::comment::Comment> = comments
        .iter()
        .filter(|c| c.reference.as_deref() == Some(reference))
        .filter(|c| file.is_none_or(|f| files.get(&c.batch).is_some_and(|name| name == f.trim())))
        .collect();
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(match file {
            Some(f) => format!("找不到文件“{f}”中编号为“{reference}”的意见"),
            None => format!("找不到编号为“{reference}”的意见（可写 lifa 编号，如 c1a2b3c4d5e6f）"),
        }),
        many => Err(format!(
            "编号“{reference}”对应 {} 条意见（来自 {}），请注明来源文件",
            many.len(),
            many.iter()
                .filter_map(|c| files.get(&c.batch).map(String::as_str))
                .collect::<Vec<_>>()
                .join("、")
        )),
    }
}

/// Edit ids (10 hex digits, as `lifa diff` prints them) in a cell.
pub fn edit_ids(cell: &str) -> Vec<String> {
    cell.split(|c: char| !c.is_ascii_hexdigit())
        .filter(|w| w.len() == 10)
        .map(|w| w.to_ascii_lowercase())
        .collect()
}
