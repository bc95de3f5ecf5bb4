//! `lifa decide`: record dispositions for comments on the command line or from the disposition
//! sheet (意见采纳情况表) staff keep — all rows checked first, then appended at once.

use std::collections::{BTreeMap, HashMap};

use crate::cli::DecideArgs;
use crate::comment::Comment;
use crate::decisions::{self, Decision, Status};
use crate::error::{Error, Result};
use crate::intake::header_key;
use crate::opinions::Corpus;
use crate::points::ContactPoints;
use crate::store::{Store, now_rfc3339};
use crate::workspace::Workspace;

pub(super) fn run(ws: &Workspace, args: &DecideArgs) -> Result<()> {
    ws.versions(&args.reg)?;
    // Dispositions are recorded by comment id: the contact-point table is not needed (a
    // mistake in it is reported by the commands that count by contact point).
    let corpus = Corpus::load_with(ws, &args.reg, ContactPoints::default())?;
    let files: HashMap<String, String> = Store::open(ws, &args.reg)
        .batches()?
        .into_iter()
        .map(|b| (b.meta.id, b.meta.file))
        .collect();
    let by = args
        .by
        .clone()
        .or_else(|| std::env::var("USER").ok().filter(|u| !u.is_empty()));
    let at = now_rfc3339();
    if args.accept_suggestions {
        return accept_suggestions(ws, args, by.as_deref(), &at);
    }
    let new = match &args.sheet {
        Some(sheet) => from_sheet(&corpus.comments, &files, sheet, by.as_deref(), &at)?,
        None => from_args(&corpus, &files, args, by.as_deref(), &at)?,
    };
    let mut counts: BTreeMap<Status, usize> = BTreeMap::new();
    for d in &new {
        *counts.entry(d.status).or_default() += 1;
    }
    let summary = counts
        .iter()
        .map(|(s, n)| format!("{s} {n}"))
        .collect::<Vec<_>>()
        .join("，");
    if args.dry_run {
        println!(
            "检查通过：将记录 {} 条处理意见（{summary}）（试运行：未写入）",
            new.len()
        );
        return Ok(());
    }
    decisions::append(ws, &args.reg, &new)?;
    println!(
        "已记录 {} 条处理意见（{summary}），写入 {}",
        new.len(),
        decisions::path(ws, &args.reg)
            .strip_prefix(&ws.root)
            .unwrap_or(&decisions::path(ws, &args.reg))
            .display()
    );
    Ok(())
}

fn from_args(
    corpus: &Corpus,
    files: &HashMap<String, String>,
    args: &DecideArgs,
    by: Option<&str>,
    at: &str,
) -> Result<Vec<Decision>> {
    if args.comments.is_empty() {
        return Err(Error::Usage(
            "请给出要处理的意见编号，或用 --sheet 导入意见采纳情况表".into(),
        ));
    }
    let status = args.status.unwrap_or(Status::Undecided);
    let mut edits = Vec::new();
    for e in &args.edits {
        let ids = decisions::edit_ids(e);
        if ids.is_empty() {
            return Err(Error::Usage(format!(
                "--edit {e}：修改编号应为 lifa diff 给出的 10 位编号（如 5ad14ce926）"
            )));
        }
        edits.extend(ids);
    }
    let mut out: Vec<Decision> = Vec::new();
    for r in &args.comments {
        let c = decisions::resolve(&corpus.comments, files, r, None).map_err(Error::Usage)?;
        let i = corpus
            .comments
            .iter()
            .position(|x| x.id == c.id)
            .unwrap_or_default();
        let members: Vec<usize> = if args.group {
            corpus
                .opinion(i)
                .members
                .iter()
                .map(|&m| m as usize)
                .collect()
        } else {
            vec![i]
        };
        for m in members {
            let id = &corpus.comments[m].id;
            if out.iter().any(|d| &d.comment == id) {
                continue;
            }
            out.push(Decision {
                comment: id.clone(),
                status,
                reason: args.reason.clone(),
                edits: edits.clone(),
                location: args.location.clone(),
                by: by.map(str::to_string),
                at: at.to_string(),
            });
        }
    }
    Ok(out)
}

/// Columns of the disposition sheet.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Col {
    Ref,
    File,
    Status,
    Reason,
    Where,
}

fn column(header: &str) -> Option<Col> {
    Some(match header_key(header).as_str() {
        "编号" | "序号" | "意见编号" | "id" | "ref" | "comment" => Col::Ref,
        "来源文件" | "文件" | "文件名" | "批次" | "file" | "batch" => Col::File,
        "采纳情况" | "处理情况" | "处理结果" | "处理意见" | "是否采纳" | "status" => {
            Col::Status
        }
        "理由" | "说明" | "处理理由" | "不予采纳理由" | "未采纳理由" | "reason" => {
            Col::Reason
        }
        "对应修改" | "对应条文" | "修改情况" | "体现条文" | "对应条款" | "where" | "edits" => {
            Col::Where
        }
        _ => return None,
    })
}

fn from_sheet(
    comments: &[Comment],
    files: &HashMap<String, String>,
    sheet: &std::path::Path,
    by: Option<&str>,
    at: &str,
) -> Result<Vec<Decision>> {
    let shown = sheet.display().to_string();
    let table = crate::intake::read_table(sheet, None)?;
    let Some(h) = table
        .rows
        .iter()
        .take(10)
        .position(|r| r.iter().any(|c| column(c) == Some(Col::Status)))
    else {
        return Err(Error::Upload {
            path: shown,
            message: "找不到“采纳情况”列（表头应为 编号、来源文件、采纳情况、理由、对应修改）"
                .into(),
        });
    };
    let cols: Vec<Option<Col>> = table.rows[h].iter().map(|c| column(c)).collect();
    let find = |want: Col| cols.iter().position(|c| *c == Some(want));
    let Some(ref_col) = find(Col::Ref) else {
        return Err(Error::Upload {
            path: shown,
            message: "找不到“编号”列".into(),
        });
    };
    let status_col = find(Col::Status).unwrap_or_default();
    let cell = |row: &[String], c: Option<usize>| {
        c.and_then(|c| row.get(c))
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (i, row) in table.rows.iter().enumerate().skip(h + 1) {
        let n = table.first_row + i;
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let Some(r) = cell(row, Some(ref_col)) else {
            problems.push(format!("第 {n} 行：编号为空"));
            continue;
        };
        let file = cell(row, find(Col::File));
        let c = match decisions::resolve(comments, files, &r, file.as_deref()) {
            Ok(c) => c,
            Err(e) => {
                problems.push(format!("第 {n} 行：{e}"));
                continue;
            }
        };
        let raw_status = cell(row, Some(status_col)).unwrap_or_default();
        let Some(status) = Status::parse(&raw_status) else {
            problems.push(format!(
                "第 {n} 行“采纳情况”列：“{raw_status}”不是已知的处理情况（应为 {} 之一）",
                Status::labels()
            ));
            continue;
        };
        let location = cell(row, find(Col::Where));
        out.push(Decision {
            comment: c.id.clone(),
            status,
            reason: cell(row, find(Col::Reason)),
            edits: location
                .as_deref()
                .map(decisions::edit_ids)
                .unwrap_or_default(),
            location,
            by: by.map(str::to_string),
            at: at.to_string(),
        });
    }
    if !problems.is_empty() {
        for p in problems.iter().take(50) {
            eprintln!("  {p}");
        }
        if problems.len() > 50 {
            eprintln!("  ……另有 {} 处问题未列出", problems.len() - 50);
        }
        return Err(Error::Upload {
            path: shown,
            message: format!(
                "有 {} 行未通过检查，整表未导入，处理记录没有任何改动",
                problems.len()
            ),
        });
    }
    Ok(out)
}

/// `--accept-suggestions`: for every adopted (or partly adopted) comment, records the edits
/// suggested for it at `--min-score` or above as confirmed links, keeping its disposition,
/// reason and 对应条文. Comments not adopted are never linked this way.
fn accept_suggestions(ws: &Workspace, args: &DecideArgs, by: Option<&str>, at: &str) -> Result<()> {
    let versions = match args.versions.as_slice() {
        [from, to] => Some((from.as_str(), to.as_str())),
        _ => None,
    };
    let (a, corpus) = super::attribute::build(ws, &args.reg, versions, args.min_score)?;
    let mut new = Vec::new();
    let mut links = 0;
    let mut waiting = 0;
    for (i, best) in a.best.iter().enumerate() {
        let picked: Vec<&str> = best
            .iter()
            .filter(|(_, s)| *s >= args.min_score)
            .map(|(e, _)| a.diff.articles[e.article].edits[e.edit].id.as_str())
            .collect();
        if picked.is_empty() {
            continue;
        }
        let c = &corpus.comments[i];
        let Some(d) = corpus
            .decisions
            .get(&c.id)
            .filter(|d| d.status.is_adopted())
        else {
            if corpus.status(i) == Status::Undecided || corpus.status(i) == Status::Pending {
                waiting += 1;
            }
            continue;
        };
        let mut edits = d.edits.clone();
        let before = edits.len();
        for id in picked {
            if !edits.iter().any(|e| e == id) {
                edits.push(id.to_string());
            }
        }
        if edits.len() == before {
            continue;
        }
        links += edits.len() - before;
        if args.dry_run {
            println!(
                "{}  {}  → {}",
                c.id,
                c.reference.as_deref().unwrap_or("-"),
                edits[before..].join("、")
            );
        }
        new.push(Decision {
            comment: c.id.clone(),
            status: d.status,
            reason: d.reason.clone(),
            edits,
            location: d.location.clone(),
            by: by.map(str::to_string),
            at: at.to_string(),
        });
    }
    let note = if waiting > 0 {
        format!("；另有 {waiting} 条未处理或待研究的意见也有得分达标的建议，处理为采纳后可再确认")
    } else {
        String::new()
    };
    if args.dry_run {
        println!(
            "将确认 {} 条已采纳意见与修改的 {links} 个对应关系（得分 ≥ {}）{note}（试运行：未写入）",
            new.len(),
            args.min_score
        );
        return Ok(());
    }
    decisions::append(ws, &args.reg, &new)?;
    println!(
        "已确认 {} 条已采纳意见与修改的 {links} 个对应关系（得分 ≥ {}）{note}",
        new.len(),
        args.min_score
    );
    Ok(())
}
