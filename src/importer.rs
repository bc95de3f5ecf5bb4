//! Importing batches into the store: read → validate → leave out what is already stored →
//! count duplicates and new opinions → write atomically. All or nothing per file.
//!
//! ```text
//! upload ──intake::read──▶ Upload ──validate::check──▶ Checked ──(new ids only)──▶ Batch ──store──▶ batches/<id>.jsonl
//! ```

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashSet;

use crate::comment::{Comment, Date};
use crate::error::Result;
use crate::group;
use crate::intake::validate::{self, BatchDefaults, Checked, Problem};
use crate::intake::{self, HeaderMap, Upload};
use crate::store::{self, Batch, BatchMeta, Store};
use crate::workspace::{Version, Workspace};

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The workbook sheet to read (name or 1-based number).
    pub sheet: Option<String>,
    /// Extra header mappings.
    pub map: HeaderMap,
    /// Batch-wide values.
    pub defaults: BatchDefaults,
    /// Check only; write nothing.
    pub dry_run: bool,
    /// Store the valid rows of a batch that has invalid ones (and write those aside).
    pub skip_invalid: bool,
}

/// What happened to one file.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The file as read.
    pub upload: Upload,
    /// Validation results: refused rows and warnings (the accepted comments have moved into
    /// `batch`).
    pub checked: Checked,
    /// Rows accepted.
    pub accepted: usize,
    /// The batch was refused whole (invalid rows and no `--skip-invalid`).
    pub refused: bool,
    /// Accepted comments already in the store (the same upload again).
    pub already_stored: usize,
    /// New comments that repeat an opinion already held (stored, or earlier in this batch).
    pub duplicates: usize,
    /// Opinions no stored comment held before.
    pub new_opinions: usize,
    /// The batch stored (or that would be stored, on a dry run); `None` when nothing was new.
    pub batch: Option<Batch>,
    /// Where it was written (`None` on a dry run).
    pub written: Option<PathBuf>,
    /// Where the refused rows were written (`--skip-invalid`).
    pub refused_file: Option<PathBuf>,
}

/// What an import is doing, for progress displays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Reading and decoding the file.
    Reading,
    /// Validating this many rows.
    Checking(usize),
    /// Grouping this many comments (stored + new) into opinions.
    Grouping(usize),
    /// Writing this many comments.
    Writing(usize),
}

/// Imports files into one regulation's store, keeping track of what is stored between files.
pub struct Importer {
    regulation: String,
    store: Store,
    versions: Vec<Version>,
    /// Texts of the stored comments, in store order (for duplicate counts).
    existing: Vec<Box<str>>,
    /// The stored batches in store order, with their number of comments and content hash.
    batches: Vec<store::BatchKey>,
    /// `index/`, where the grouping of the store is recorded.
    index_dir: std::path::PathBuf,
    known: FxHashSet<String>,
    today: Date,
    /// The grouping of the whole store, as the last import written left it.
    grouping: Option<group::StoreGrouping>,
}

impl Importer {
    /// Opens the store of `reg` (whose drafts must exist) and removes temporary files a killed
    /// import left behind.
    pub fn new(ws: &Workspace, reg: &str) -> Result<Importer> {
        let versions = ws.versions(reg)?;
        let store = Store::open(ws, reg);
        // Only the ids and texts of the stored comments are needed: read just those.
        #[derive(serde::Deserialize)]
        struct IdText<'a> {
            #[serde(borrow)]
            id: Cow<'a, str>,
            #[serde(borrow)]
            text: Cow<'a, str>,
        }
        let mut known = FxHashSet::default();
        let mut existing = Vec::new();
        let mut batches = Vec::new();
        for (meta, path) in store.files_in_import_order()? {
            let bytes = store::read_file(&path)?;
            let before = existing.len();
            for (i, _, line) in store::comment_lines(&bytes) {
                // As lifa writes a line, its id and text are found without parsing the rest
                // (a line broken by hand after its text is then found by the index's reading,
                // which parses every field, not here).
                let (id, text) = match crate::index::rows::id_and_text(line) {
                    Some((id, text)) => (Cow::Borrowed(id), text),
                    None => {
                        let row: IdText = store::parse_line(&path, i, line)?;
                        (row.id, row.text)
                    }
                };
                known.insert(id.into_owned());
                existing.push(text.into_owned().into_boxed_str());
            }
            store::check_count(&path, &meta, existing.len() - before)?;
            batches.push(store::BatchKey {
                id: store::file_id(&path),
                comments: existing.len() - before,
                hash: store::content_hash(&bytes),
            });
        }
        Ok(Importer {
            regulation: reg.to_string(),
            store,
            versions,
            existing,
            batches,
            index_dir: crate::index::SearchIndex::dir(ws),
            known,
            today: Date::today(),
            grouping: None,
        })
    }

    /// The regulation's versions, oldest first.
    pub fn versions(&self) -> &[Version] {
        &self.versions
    }

    /// The grouping of every stored comment that the last import which wrote a batch computed
    /// (`None` before one has): hand it to [`crate::index::SearchIndex::update_with`] so that
    /// the index does not group the same texts again.
    pub fn take_grouping(&mut self) -> Option<group::StoreGrouping> {
        self.grouping.take()
    }

    /// Imports one file.
    pub fn import(&mut self, file: &Path, opts: &Options) -> Result<Outcome> {
        self.import_with(file, opts, &mut |_| {})
    }

    /// Imports one file, telling `progress` which phase it is in (for a progress display).
    pub fn import_with(
        &mut self,
        file: &Path,
        opts: &Options,
        progress: &mut dyn FnMut(Phase),
    ) -> Result<Outcome> {
        progress(Phase::Reading);
        let upload = intake::read(file, opts.sheet.as_deref(), &opts.map)?;
        progress(Phase::Checking(upload.rows.len()));
        let checked = validate::check(
            &upload,
            &self.regulation,
            &self.versions,
            &opts.defaults,
            self.today,
        )?;
        let mut outcome = Outcome {
            refused: !checked.refused.is_empty() && !opts.skip_invalid,
            accepted: checked.comments.len(),
            already_stored: 0,
            duplicates: 0,
            new_opinions: 0,
            batch: None,
            written: None,
            refused_file: None,
            upload,
            checked,
        };
        if outcome.refused {
            return Ok(outcome);
        }
        if !outcome.checked.refused.is_empty() && !opts.dry_run {
            let path = refused_path(file);
            store::write_atomic(
                &path,
                &refused_csv(&outcome.upload, &outcome.checked.refused),
            )?;
            outcome.refused_file = Some(path);
        }

        // The accepted comments move into the batch; `checked` keeps only their count.
        let accepted = std::mem::take(&mut outcome.checked.comments);
        outcome.accepted = accepted.len();
        let mut seen_now: FxHashSet<String> = FxHashSet::default();
        let fresh: Vec<Comment> = accepted
            .into_iter()
            .filter(|c| !self.known.contains(&c.id) && seen_now.insert(c.id.clone()))
            .collect();
        drop(seen_now);
        outcome.already_stored = outcome.accepted - fresh.len();
        if fresh.is_empty() {
            return Ok(outcome);
        }
        progress(Phase::Grouping(self.existing.len() + fresh.len()));
        let (duplicates, new_opinions, grouping) = opinion_counts(&self.existing, &fresh);
        outcome.duplicates = duplicates;
        outcome.new_opinions = new_opinions;

        let id = store::batch_id(&fresh);
        let mut batch = Batch {
            meta: BatchMeta {
                id: id.clone(),
                regulation: self.regulation.clone(),
                file: file
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                format: outcome.upload.format.label().to_string(),
                encoding: outcome.upload.encoding.map(str::to_string),
                sheet: outcome.upload.sheet.clone(),
                file_hash: outcome.upload.file_hash.clone(),
                imported_at: store::now_rfc3339(),
                rows: outcome.upload.rows.len(),
                comments: fresh.len(),
            },
            comments: fresh,
        };
        for c in &mut batch.comments {
            c.batch = id.clone();
        }
        if !opts.dry_run {
            progress(Phase::Writing(batch.comments.len()));
            self.store.clean_up();
            let (written, hash) = self.store.write(&batch)?;
            outcome.written = Some(written);
            self.known
                .extend(batch.comments.iter().map(|c| c.id.clone()));
            self.existing.extend(
                batch
                    .comments
                    .iter()
                    .map(|c| c.text.clone().into_boxed_str()),
            );
            // The batch just written is the newest: it comes last in store order, as its texts
            // came last in the grouping. The grouping is recorded for the commands that read
            // the whole store (and the index), which then need not group it again.
            self.batches.push(store::BatchKey {
                id: id.clone(),
                comments: batch.comments.len(),
                hash,
            });
            crate::index::groups::save(&self.index_dir, &self.regulation, &self.batches, &grouping);
            self.grouping = Some(group::StoreGrouping {
                regulation: self.regulation.clone(),
                batches: self.batches.clone(),
                grouping,
            });
        }
        outcome.batch = Some(batch);
        Ok(outcome)
    }
}

/// How many of `fresh` repeat an opinion already held (stored or earlier in the batch), how
/// many opinions are entirely new, and the grouping of the stored texts followed by the fresh.
fn opinion_counts(existing: &[Box<str>], fresh: &[Comment]) -> (usize, usize, group::Grouping) {
    let texts: Vec<&str> = existing
        .iter()
        .map(|t| &**t)
        .chain(fresh.iter().map(|c| c.text.as_str()))
        .collect();
    let g = group::group(&texts);
    let first_new = existing.len() as u32;
    let mut duplicates = 0;
    let mut new_opinions = 0;
    for grp in &g.groups {
        let lowest = grp.members[0];
        if lowest >= first_new {
            new_opinions += 1;
        }
        duplicates += grp
            .members
            .iter()
            .filter(|&&m| m >= first_new && m != lowest)
            .count();
    }
    (duplicates, new_opinions, g)
}

/// `湖滨意见.csv` → `湖滨意见.未通过.csv`, beside the upload.
pub fn refused_path(file: &Path) -> PathBuf {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    file.with_file_name(format!("{stem}.未通过.csv"))
}

/// The refused rows as CSV (UTF-8 with BOM, so Excel opens it): the row number, what is
/// wrong, then the row's cells under the original headers.
fn refused_csv(upload: &Upload, refused: &[(usize, Vec<Problem>)]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let mut header = vec!["原行号".to_string(), "问题".to_string()];
    header.extend(upload.headers.iter().cloned());
    let _ = w.write_record(&header);
    for (row, problems) in refused {
        let Some(raw) = upload.rows.iter().find(|r| r.row == *row) else {
            continue;
        };
        let mut rec = vec![
            row.to_string(),
            problems
                .iter()
                .map(|p| match &p.column {
                    Some(c) => format!("“{c}”列：{}", p.message),
                    None => p.message.clone(),
                })
                .collect::<Vec<_>>()
                .join("；"),
        ];
        rec.extend(raw.cells.iter().cloned());
        let _ = w.write_record(&rec);
    }
    w.into_inner().unwrap_or_default()
}
