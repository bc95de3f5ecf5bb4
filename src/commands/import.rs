//! `lifa import`: read each uploaded file, validate it row by row, and store it as one batch —
//! all or nothing, never twice.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

use crate::cli::ImportArgs;
use crate::comment::Comment;
use crate::error::{Error, Result};
use crate::importer::{Importer, Options, Outcome, Phase};
use crate::intake::validate::{self, BatchDefaults, Checked};
use crate::intake::{HeaderMap, Upload};
use crate::workspace::Workspace;
use anstyle::{AnsiColor, Style};

/// Problems listed in full before the rest are only counted.
const SHOWN_PROBLEMS: usize = 50;
/// Accepted rows previewed by `--dry-run`.
const PREVIEW_ROWS: usize = 20;

pub(super) fn run(ws: &Workspace, args: &ImportArgs) -> Result<()> {
    let opts = Options {
        sheet: args.sheet.clone(),
        map: HeaderMap::parse(&args.map)?,
        defaults: BatchDefaults {
            draft: args.draft.clone(),
            source: args.source.clone(),
            channel: args.channel,
            kind: args.kind,
            date: args.date,
            round: args.round.clone(),
        },
        dry_run: args.dry_run,
        skip_invalid: args.skip_invalid,
    };
    let mut importer = Importer::new(ws, &args.reg)?;
    let color = super::use_color(args.color, false);
    let several = args.files.len() > 1;
    let mut failed: Option<Error> = None;
    let mut totals = Receipt::default();
    for file in &args.files {
        let progress = progress_bar(file);
        let result = importer.import_with(file, &opts, &mut |phase| {
            progress.set_message(match phase {
                Phase::Reading => "读取、解码".to_string(),
                Phase::Checking(n) => format!("逐行检查 {n} 行"),
                Phase::Grouping(n) => format!("查找重复和联名意见（共 {n} 条）"),
                Phase::Writing(n) => format!("写入 {n} 条"),
            });
        });
        progress.finish_and_clear();
        let result = result.and_then(|o| {
            let r = receipt(&o);
            print(&render(ws, &importer, file, &o, args.dry_run, color));
            if o.refused {
                Err(Error::Refused {
                    path: file.display().to_string(),
                    count: o.checked.refused.len(),
                })
            } else {
                Ok(r)
            }
        });
        match result {
            Ok(r) => totals.add(&r),
            Err(e) if several => {
                // Other files still go in; the exit status says one did not.
                super::report_error(&e);
                failed = Some(Error::Reported);
            }
            Err(e) => failed = Some(e),
        }
    }
    // Keep the search index up to date (it is derived: a failure here loses nothing).
    // The importer grouped every stored comment already: the index takes its grouping.
    if !args.dry_run && totals.accepted > 0 {
        let grouping = importer.take_grouping();
        let updated = crate::index::SearchIndex::open(ws).and_then(|mut index| {
            let stats = index.update_with(ws, grouping.as_ref())?;
            Ok((index, stats))
        });
        match updated {
            Ok((index, stats)) => {
                println!("{}", super::index::describe(&stats));
                sources_hint(ws, &index);
            }
            Err(e) => eprintln!("提醒：检索索引未能更新（{e}）；可稍后运行 lifa index"),
        }
    }
    if several {
        println!(
            "合计：读取 {} 行，接受 {} 条，拒绝 {} 行，重复 {} 条，新增独立意见 {} 条",
            totals.rows, totals.accepted, totals.refused, totals.duplicates, totals.new_opinions
        );
    }
    failed.map_or(Ok(()), Err)
}

/// After an import, the contact points of the whole workspace (as the index holds them) that
/// look like one point written two ways.
fn sources_hint(ws: &Workspace, index: &crate::index::SearchIndex) {
    let Ok(points) = crate::points::ContactPoints::load(ws) else {
        return; // a broken table is reported by the commands that use it
    };
    if let Some(cols) = index.columns() {
        // Only the names live comments carry: a batch removed from the store leaves its names
        // in the index's table.
        let mut live = vec![!cols.has_dead(); cols.sources.len()];
        if cols.has_dead() {
            for o in (0..cols.len() as u32).filter(|&o| cols.alive(o)) {
                if let Some(l) = live.get_mut(usize::from(cols.rec_of(o).source)) {
                    *l = true;
                }
            }
        }
        let names = cols.sources.iter().zip(live).filter(|(_, l)| *l);
        super::points_hint(&points, names.map(|(s, _)| points.name(s)));
    }
}

/// The figures of one import.
#[derive(Debug, Default, Clone, Copy)]
struct Receipt {
    rows: usize,
    accepted: usize,
    refused: usize,
    duplicates: usize,
    new_opinions: usize,
}

impl Receipt {
    fn add(&mut self, o: &Receipt) {
        self.rows += o.rows;
        self.accepted += o.accepted;
        self.refused += o.refused;
        self.duplicates += o.duplicates;
        self.new_opinions += o.new_opinions;
    }
}

fn receipt(o: &Outcome) -> Receipt {
    Receipt {
        rows: o.upload.rows.len(),
        accepted: o.accepted,
        refused: o.checked.refused.len(),
        duplicates: o.duplicates,
        new_opinions: o.new_opinions,
    }
}

fn render(
    ws: &Workspace,
    importer: &Importer,
    file: &Path,
    o: &Outcome,
    dry_run: bool,
    color: bool,
) -> String {
    let mut out = String::new();
    let style = |s: Style, t: &str| {
        if color {
            format!("{}{t}{}", s.render(), s.render_reset())
        } else {
            t.to_string()
        }
    };
    let bold = Style::new().bold();
    let red = Style::new().fg_color(Some(AnsiColor::Red.into()));
    let yellow = Style::new().fg_color(Some(AnsiColor::Yellow.into()));
    let _ = writeln!(
        out,
        "{}  {}",
        style(bold, &file.display().to_string()),
        describe(&o.upload)
    );
    if !o.upload.columns.unused.is_empty() {
        let _ = writeln!(
            out,
            "  未使用的列：{}（如需导入可用 --map 表头=字段）",
            o.upload.columns.unused.join("、")
        );
    }
    let r = receipt(o);
    let checked = &o.checked;
    if !checked.refused.is_empty() {
        let _ = writeln!(
            out,
            "  {}",
            style(red, &format!("未通过检查 {} 行：", checked.refused.len()))
        );
        for p in checked
            .refused
            .iter()
            .flat_map(|(_, ps)| ps)
            .take(SHOWN_PROBLEMS)
        {
            let _ = writeln!(out, "    {p}");
        }
        let total: usize = checked.refused.iter().map(|(_, ps)| ps.len()).sum();
        if total > SHOWN_PROBLEMS {
            let _ = writeln!(out, "    ……另有 {} 处问题未列出", total - SHOWN_PROBLEMS);
        }
    }
    write_warnings(&mut out, checked, yellow, &style);
    if o.refused {
        let _ = writeln!(
            out,
            "  读取 {} 行：可接受 {} 条，拒绝 {} 行。整批未导入，意见库没有任何改动。",
            r.rows, r.accepted, r.refused
        );
        return out;
    }
    if !checked.refused.is_empty() {
        let _ = match &o.refused_file {
            Some(p) => writeln!(
                out,
                "  未通过检查的 {} 行已另存为 {}（改正后可再导入）",
                checked.refused.len(),
                p.display()
            ),
            None => writeln!(
                out,
                "  （正式导入时，未通过检查的 {} 行将另存为 {}）",
                checked.refused.len(),
                crate::importer::refused_path(file).display()
            ),
        };
    }
    let Some(batch) = &o.batch else {
        let _ = writeln!(
            out,
            "  读取 {} 行：这 {} 条意见已全部在意见库中（此前已导入过），未重复添加。",
            r.rows, o.already_stored
        );
        return out;
    };
    let mut drafts: Vec<&str> = batch.comments.iter().map(|c| c.draft.as_str()).collect();
    drafts.sort_unstable();
    drafts.dedup();
    let drafts = drafts
        .iter()
        .map(|d| {
            importer
                .versions()
                .iter()
                .find(|v| v.id == *d)
                .map_or(d.to_string(), |v| {
                    format!("{}（{d}）", validate::stage_name(v))
                })
        })
        .collect::<Vec<_>>()
        .join("、");
    let mut line = format!(
        "  读取 {} 行：接受 {} 条，拒绝 {} 行；重复 {} 条；新增独立意见 {} 条",
        r.rows, r.accepted, r.refused, r.duplicates, r.new_opinions
    );
    if o.already_stored > 0 {
        let _ = write!(line, "；其中 {} 条此前已导入，未重复添加", o.already_stored);
    }
    let _ = writeln!(out, "{line}");
    match &o.written {
        None => {
            let _ = writeln!(out, "  意见针对：{drafts}");
            preview(&mut out, &batch.comments);
            let _ = writeln!(out, "  （试运行：未写入意见库）");
        }
        Some(path) => {
            let shown = path.strip_prefix(&ws.root).unwrap_or(path);
            let _ = writeln!(
                out,
                "  {} {}（批次 {}，意见针对{drafts}）",
                style(
                    Style::new().fg_color(Some(AnsiColor::Green.into())),
                    "已写入"
                ),
                shown.display(),
                batch.meta.id
            );
        }
    }
    let _ = dry_run;
    out
}

fn print(s: &str) {
    let mut stdout = anstream::stdout().lock();
    let _ = stdout.write_all(s.as_bytes());
    let _ = stdout.flush();
}

fn describe(u: &Upload) -> String {
    let mut parts = vec![u.format.label().to_string()];
    if let Some(e) = u.encoding {
        parts.push(format!("{e} 编码"));
    }
    if let Some(s) = &u.sheet {
        parts.push(format!("工作表“{s}”"));
    }
    parts.push(format!("{} 行数据", u.rows.len()));
    if u.blank_rows > 0 {
        parts.push(format!("跳过空行 {}", u.blank_rows));
    }
    parts.join(" · ")
}

fn write_warnings(
    out: &mut String,
    checked: &Checked,
    s: Style,
    style: &dyn Fn(Style, &str) -> String,
) {
    if checked.warnings.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "  {}",
        style(
            s,
            &format!("提醒 {} 处（不影响导入）：", checked.warnings.len())
        )
    );
    for w in checked.warnings.iter().take(SHOWN_PROBLEMS) {
        let _ = writeln!(out, "    {w}");
    }
    if checked.warnings.len() > SHOWN_PROBLEMS {
        let _ = writeln!(
            out,
            "    ……另有 {} 处提醒未列出",
            checked.warnings.len() - SHOWN_PROBLEMS
        );
    }
}

fn preview(out: &mut String, comments: &[Comment]) {
    let _ = writeln!(
        out,
        "  将导入的意见（前 {} 条）：",
        PREVIEW_ROWS.min(comments.len())
    );
    for c in comments.iter().take(PREVIEW_ROWS) {
        let cites: Vec<String> = c.cites.articles.iter().map(ToString::to_string).collect();
        let text: String = c.text.chars().take(40).collect();
        let more = if c.text.chars().count() > 40 {
            "……"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "    第 {} 行 {} {} · {} · {} · {} · {}{}",
            c.row,
            c.reference
                .as_deref()
                .map(|r| format!("[{r}]"))
                .unwrap_or_default(),
            if cites.is_empty() {
                "（未注明条款）".to_string()
            } else {
                cites.join("、")
            },
            c.submitter.kind,
            c.channel,
            c.received,
            crate::privacy::mask_text(&text, &[]),
            more
        );
    }
    if comments.len() > PREVIEW_ROWS {
        let _ = writeln!(out, "    ……另有 {} 条", comments.len() - PREVIEW_ROWS);
    }
}

fn progress_bar(file: &Path) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new_spinner().with_prefix(file.display().to_string());
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {prefix} {msg} {elapsed}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}
