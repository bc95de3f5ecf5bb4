//! The comment store: `comments/<reg>/batches/<batch-id>.jsonl`, one file per accepted upload,
//! immutable once written.
//!
//! Each file starts with one line `{"lifa_batch": {…}}` describing the upload, followed by one
//! comment per line. A batch is written to a temporary file in the same folder, flushed to disk,
//! renamed into place and the folder flushed: a process killed at any point leaves either the
//! whole batch or nothing (a stray `.tmp-*` file, ignored and cleaned up by the next import).

use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use crate::comment::{Comment, Date};
use crate::error::{Error, Result};
use crate::workspace::Workspace;

/// What the first line of a batch file records about the upload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchMeta {
    /// The batch id (`b` + 12 hex digits), derived from its comments' ids.
    pub id: String,
    /// The regulation.
    pub regulation: String,
    /// The uploaded file's name.
    pub file: String,
    /// `CSV`, `Excel` or `JSONL`.
    pub format: String,
    /// Text encoding of a CSV/JSONL file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// The sheet read from a workbook.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// blake3 of the uploaded bytes (16 hex digits).
    pub file_hash: String,
    /// When it was imported (UTC, RFC 3339).
    pub imported_at: String,
    /// Data rows in the file.
    pub rows: usize,
    /// Comments stored in this batch.
    pub comments: usize,
}

/// A batch: its description and its comments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch {
    /// The first line.
    pub meta: BatchMeta,
    /// The comments, in file order.
    pub comments: Vec<Comment>,
}

#[derive(Serialize, Deserialize)]
struct Header {
    lifa_batch: BatchMeta,
}

/// The batch id for a set of comments: the same comments (in any order) give the same id.
pub fn batch_id(comments: &[Comment]) -> String {
    let mut ids: Vec<&str> = comments.iter().map(|c| c.id.as_str()).collect();
    ids.sort_unstable();
    let mut h = blake3::Hasher::new();
    for id in ids {
        h.update(id.as_bytes());
        h.update(b"\n");
    }
    format!("b{}", &h.finalize().to_hex()[..12])
}

/// The current time as `2026-05-06T08:30:00.123Z` (milliseconds keep the order of batches
/// imported by one command).
pub fn now_rfc3339() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let secs = now.as_secs() as i64;
    let date = Date::from_days(secs.div_euclid(86_400)).map_or_else(String::new, |d| d.to_string());
    let t = secs.rem_euclid(86_400);
    format!(
        "{date}T{:02}:{:02}:{:02}.{:03}Z",
        t / 3600,
        t / 60 % 60,
        t % 60,
        now.subsec_millis()
    )
}

/// A stored batch as a record derived from the store knows it: its id, its number of comments
/// and a hash of its file's bytes ([`content_hash`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchKey {
    /// The batch id (its file name without `.jsonl`).
    pub id: String,
    /// Comments in the file.
    pub comments: usize,
    /// [`content_hash`] of the file.
    pub hash: u64,
}

/// A hash of a batch file's bytes (the first 8 bytes of BLAKE3).
pub fn content_hash(bytes: &[u8]) -> u64 {
    first_u64(&blake3::hash(bytes))
}

/// The first 8 bytes of a BLAKE3 hash, as [`content_hash`] keeps them.
fn first_u64(h: &blake3::Hash) -> u64 {
    u64::from_le_bytes(h.as_bytes()[..8].try_into().unwrap_or_default())
}

/// One regulation's comments folder.
#[derive(Debug, Clone)]
pub struct Store {
    regulation: String,
    dir: PathBuf,
}

impl Store {
    /// The store of `reg` in a workspace (the folder need not exist yet).
    pub fn open(ws: &Workspace, reg: &str) -> Store {
        Store {
            regulation: reg.to_string(),
            dir: ws.root.join("comments").join(reg).join("batches"),
        }
    }

    /// `comments/<reg>/batches/`.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file a batch is stored in.
    pub fn path_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.jsonl"))
    }

    /// The batch files present, sorted by name (temporary files excluded).
    pub fn files(&self) -> Result<Vec<PathBuf>> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => {
                return Err(Error::Io {
                    path: self.dir.display().to_string(),
                    source,
                });
            }
        };
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.extension().is_some_and(|x| x == "jsonl")
                    && !p
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        files.sort();
        Ok(files)
    }

    /// Whether a batch with this id is stored.
    pub fn contains(&self, id: &str) -> bool {
        self.path_of(id).is_file()
    }

    /// Loads every batch, in import order (then by id).
    pub fn batches(&self) -> Result<Vec<Batch>> {
        let mut out = self
            .files()?
            .iter()
            .map(|p| read_batch(p))
            .collect::<Result<Vec<_>>>()?;
        out.sort_by(|a, b| import_order(&a.meta, &b.meta));
        Ok(out)
    }

    /// The batch files with their [`BatchMeta`], in import order (then by id) as
    /// [`Store::batches`] loads them; only each file's first line is read.
    pub fn files_in_import_order(&self) -> Result<Vec<(BatchMeta, PathBuf)>> {
        let mut metas = self
            .files()?
            .into_iter()
            .map(|p| Ok((read_meta(&p)?, p)))
            .collect::<Result<Vec<_>>>()?;
        metas.sort_by(|a, b| import_order(&a.0, &b.0));
        Ok(metas)
    }

    /// Every stored comment, in import order.
    pub fn comments(&self) -> Result<Vec<Comment>> {
        Ok(self.comments_and_keys()?.0)
    }

    /// Every stored comment, in import order, and the batches they come from, in that order.
    pub fn comments_and_keys(&self) -> Result<(Vec<Comment>, Vec<BatchKey>)> {
        let mut batches = self
            .files()?
            .iter()
            .map(|path| {
                let bytes = read_file(path)?;
                let batch = parse_batch(path, &bytes)?;
                let key = BatchKey {
                    id: file_id(path),
                    comments: batch.comments.len(),
                    hash: content_hash(&bytes),
                };
                Ok((batch, key))
            })
            .collect::<Result<Vec<_>>>()?;
        batches.sort_by(|a, b| import_order(&a.0.meta, &b.0.meta));
        let keys = batches.iter().map(|b| b.1.clone()).collect();
        let comments = batches.into_iter().flat_map(|b| b.0.comments).collect();
        Ok((comments, keys))
    }

    /// The ids of every stored comment.
    pub fn ids(&self) -> Result<FxHashSet<String>> {
        Ok(self
            .batches()?
            .into_iter()
            .flat_map(|b| b.comments.into_iter().map(|c| c.id))
            .collect())
    }

    /// Writes a batch to a temporary file and flushes it to disk; nothing is visible in the
    /// store until [`Staged::commit`].
    pub fn stage(&self, batch: &Batch) -> Result<Staged> {
        assert_eq!(batch.meta.regulation, self.regulation);
        let io = |path: &Path, source| Error::Io {
            path: path.display().to_string(),
            source,
        };
        std::fs::create_dir_all(&self.dir).map_err(|e| io(&self.dir, e))?;
        let target = self.path_of(&batch.meta.id);
        let tmp = self.dir.join(format!(
            ".tmp-{}-{}.jsonl",
            batch.meta.id,
            std::process::id()
        ));
        // The content hash of the bytes as they are written (the same as `content_hash` of the
        // file).
        let mut hasher = blake3::Hasher::new();
        let mut write = || -> std::io::Result<()> {
            let mut w = std::io::BufWriter::new(HashingWriter {
                inner: File::create(&tmp)?,
                hasher: &mut hasher,
            });
            serde_json::to_writer(
                &mut w,
                &Header {
                    lifa_batch: batch.meta.clone(),
                },
            )?;
            w.write_all(b"\n")?;
            for c in &batch.comments {
                serde_json::to_writer(&mut w, c)?;
                w.write_all(b"\n")?;
            }
            let f = w.into_inner().map_err(|e| e.into_error())?;
            f.inner.sync_all()
        };
        if let Err(e) = write() {
            let _ = std::fs::remove_file(&tmp);
            return Err(io(&tmp, e));
        }
        let hash = first_u64(&hasher.finalize());
        Ok(Staged { tmp, target, hash })
    }

    /// Stages and commits a batch: the file's path and [`content_hash`].
    pub fn write(&self, batch: &Batch) -> Result<(PathBuf, u64)> {
        let staged = self.stage(batch)?;
        let hash = staged.hash();
        Ok((staged.commit()?, hash))
    }

    /// Removes temporary files left by an import that was killed before it finished.
    pub fn clean_up(&self) -> usize {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return 0;
        };
        entries
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(".tmp-"))
            .filter(|e| std::fs::remove_file(e.path()).is_ok())
            .count()
    }
}

/// A batch written to disk under a temporary name.
#[derive(Debug)]
#[must_use = "a staged batch is not in the store until it is committed"]
pub struct Staged {
    tmp: PathBuf,
    target: PathBuf,
    /// The [`content_hash`] of the bytes written.
    hash: u64,
}

/// A writer that hashes what it passes on.
struct HashingWriter<'h> {
    inner: File,
    hasher: &'h mut blake3::Hasher,
}

impl Write for HashingWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

impl Staged {
    /// The content hash of the staged file ([`content_hash`] of its bytes).
    pub fn hash(&self) -> u64 {
        self.hash
    }

    /// Renames the batch into place and flushes the folder, making it part of the store.
    pub fn commit(self) -> Result<PathBuf> {
        let io = |source| Error::Io {
            path: self.target.display().to_string(),
            source,
        };
        std::fs::rename(&self.tmp, &self.target).map_err(io)?;
        #[cfg(unix)]
        if let Some(dir) = self.target.parent() {
            File::open(dir).and_then(|d| d.sync_all()).map_err(io)?;
        }
        Ok(self.target.clone())
    }
}

/// A batch file's name without `.jsonl`.
pub fn file_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The order batches are read in: import time, then id.
fn import_order(a: &BatchMeta, b: &BatchMeta) -> std::cmp::Ordering {
    (&a.imported_at, &a.id).cmp(&(&b.imported_at, &b.id))
}

/// Reads only a batch file's first line, its [`BatchMeta`].
pub fn read_meta(path: &Path) -> Result<BatchMeta> {
    let f = File::open(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })?;
    let mut first = Vec::new();
    BufReader::new(f)
        .read_until(b'\n', &mut first)
        .map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })?;
    parse_meta(path, &first)
}

/// The batch line (the file's first line, its bytes).
fn parse_meta(path: &Path, first: &[u8]) -> Result<BatchMeta> {
    let corrupt = |message: String| Error::Store {
        path: path.display().to_string(),
        line: 1,
        message,
    };
    if first.trim_ascii().is_empty() {
        return Err(corrupt("缺少批次信息行".into()));
    }
    Ok(serde_json::from_slice::<Header>(first)
        .map_err(|e| corrupt(format!("批次信息行有误：{e}")))?
        .lifa_batch)
}

/// Reads one batch file.
pub fn read_batch(path: &Path) -> Result<Batch> {
    parse_batch(path, &read_file(path)?)
}

/// Parses the bytes of batch file `path`.
fn parse_batch(path: &Path, bytes: &[u8]) -> Result<Batch> {
    let first = bytes
        .split_inclusive(|&b| b == b'\n')
        .next()
        .unwrap_or_default();
    let meta = parse_meta(path, first)?;
    let lines: Vec<(usize, usize, &[u8])> = comment_lines(bytes).collect();
    let parse = |part: &[(usize, usize, &[u8])]| {
        part.iter()
            .map(|&(i, _, line)| parse_line(path, i, line))
            .collect::<Result<Vec<Comment>>>()
    };
    // A large batch (a national consultation's upload) is parsed on every core, in parts kept
    // in order; the first bad line of the file is the one reported.
    let threads = crate::index::num_threads();
    let comments = if threads > 1 && lines.len() >= PARALLEL_LINES {
        let parts: Vec<Result<Vec<Comment>>> = std::thread::scope(|s| {
            let handles: Vec<_> = lines
                .chunks(lines.len().div_ceil(threads))
                .map(|part| s.spawn(move || parse(part)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        let mut all = Vec::with_capacity(lines.len());
        for part in parts {
            all.extend(part?);
        }
        all
    } else {
        parse(&lines)?
    };
    check_count(path, &meta, comments.len())?;
    Ok(Batch { meta, comments })
}

/// Comment lines from which a batch file is parsed on several threads.
const PARALLEL_LINES: usize = 20_000;

/// Parses line `i` (counted from 0, the batch line) of a batch file, naming the file and the
/// line in the error.
pub fn parse_line<'a, T: serde::Deserialize<'a>>(
    path: &Path,
    i: usize,
    line: &'a [u8],
) -> Result<T> {
    serde_json::from_slice(line).map_err(|e| Error::Store {
        path: path.display().to_string(),
        line: i + 1,
        message: format!("意见记录有误：{e}"),
    })
}

/// Refuses a batch file with fewer or more comments than its first line says (a file cut
/// short or added to by hand).
pub fn check_count(path: &Path, meta: &BatchMeta, found: usize) -> Result<()> {
    if found == meta.comments {
        return Ok(());
    }
    Err(Error::Store {
        path: path.display().to_string(),
        line: found + 1,
        message: format!(
            "批次应有 {} 条意见，实际 {} 条（文件不完整）",
            meta.comments, found
        ),
    })
}

/// Writes a file through a temporary file in the same folder, then renames it into place. The
/// temporary file's name carries the process id and a counter, so that two processes (or two
/// threads) writing the same file never write into one temporary file: the last rename wins,
/// and each is whole. Temporary files that a killed process left in the folder more than an
/// hour ago are removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let io = |source| Error::Io {
        path: path.display().to_string(),
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.{}-{n}{TEMPORARY}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    sweep_temporaries(dir, TEMPORARY_AGE);
    result.map_err(io)
}

/// How the name of a temporary file of [`write_atomic`] ends (it begins with a dot).
const TEMPORARY: &str = ".lifa-tmp";

/// How old a temporary file of [`write_atomic`] must be to be taken for a dead process's: a
/// write takes seconds.
const TEMPORARY_AGE: std::time::Duration = std::time::Duration::from_secs(3600);

/// Removes the temporary files of [`write_atomic`] in `dir` last written more than `age` ago.
/// Returns how many.
fn sweep_temporaries(dir: &Path, age: std::time::Duration) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let now = std::time::SystemTime::now();
    entries
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with('.') && name.ends_with(TEMPORARY)
        })
        .filter(|e| {
            e.metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| now.duration_since(t).is_ok_and(|d| d > age))
        })
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

/// Reads the comments of a batch file with the byte offset of each one's line (the search index
/// keeps the offset to read a hit back).
pub fn read_batch_lines(path: &Path) -> Result<Vec<(u64, Comment)>> {
    let bytes = read_file(path)?;
    comment_lines(&bytes)
        .map(|(i, start, line)| Ok((start as u64, parse_line(path, i, line)?)))
        .collect()
}

/// A batch file's bytes.
pub fn read_file(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })
}

/// The comment lines of a batch file's bytes: each one's number (counted from 0, the batch
/// line, which is left out, as are blank lines), byte offset in the file, and bytes.
pub fn comment_lines(bytes: &[u8]) -> impl Iterator<Item = (usize, usize, &[u8])> {
    let mut offset = 0usize;
    bytes
        .split_inclusive(|&b| b == b'\n')
        .enumerate()
        .filter_map(move |(i, line)| {
            let start = offset;
            offset += line.len();
            (i > 0 && !line.trim_ascii().is_empty()).then_some((i, start, line))
        })
}

/// Reads the comment whose line starts at `offset` in a batch file.
pub fn read_comment_at(path: &Path, offset: u64) -> Result<Comment> {
    use std::io::{Seek, SeekFrom};
    let shown = path.display().to_string();
    let io = |source| Error::Io {
        path: shown.clone(),
        source,
    };
    let mut f = File::open(path).map_err(io)?;
    f.seek(SeekFrom::Start(offset)).map_err(io)?;
    let mut line = Vec::with_capacity(1024);
    let mut r = BufReader::new(f);
    r.read_until(b'\n', &mut line).map_err(io)?;
    serde_json::from_slice(&line).map_err(|e| {
        // The line number, for the message: the lines before the offset, counted.
        let line = std::fs::read(path).map_or(0, |bytes| {
            let before = &bytes[..(offset as usize).min(bytes.len())];
            before.iter().filter(|&&b| b == b'\n').count() + 1
        });
        Error::Store {
            path: shown.clone(),
            line,
            message: format!("索引与意见库不一致（{e}）：请运行 lifa index --rebuild"),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A batch large enough to be parsed on several threads reads back in file order, and the
    /// first bad line of the file is the one reported, whichever part it lies in.
    #[test]
    fn a_large_batch_reads_in_order_and_names_its_first_bad_line() {
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("comments/qinglanhu/batches");
        let one = read_batch(
            &std::fs::read_dir(sample)
                .unwrap()
                .flatten()
                .next()
                .unwrap()
                .path(),
        )
        .unwrap();
        let n = PARALLEL_LINES + 5_000;
        let mut meta = one.meta.clone();
        meta.comments = n;
        let mut lines = vec![serde_json::to_string(&Header { lifa_batch: meta }).unwrap()];
        for row in 1..=n {
            let mut c = one.comments[row % one.comments.len()].clone();
            c.row = row;
            lines.push(serde_json::to_string(&c).unwrap());
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b1.jsonl");
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        let rows: Vec<usize> = read_batch(&path)
            .unwrap()
            .comments
            .iter()
            .map(|c| c.row)
            .collect();
        assert_eq!(rows, (1..=n).collect::<Vec<_>>());
        // Lines (counted from 1, the batch line) in the last part, then also in the first.
        for bad in [[n - 10, n - 1], [n - 10, 10]] {
            let mut broken = lines.clone();
            for &b in &bad {
                broken[b - 1] = "{\"id\":".into();
            }
            std::fs::write(&path, broken.join("\n") + "\n").unwrap();
            match read_batch(&path) {
                Err(Error::Store { line, .. }) => assert_eq!(line, bad[0].min(bad[1]), "{bad:?}"),
                other => panic!("{bad:?}: {:?}", other.map(|b| b.comments.len())),
            }
        }
    }

    /// Temporary files of another process, older than an hour, are removed by a write to
    /// their folder; young ones and other files are left.
    #[test]
    fn a_write_removes_the_temporaries_a_killed_process_left() {
        let dir = tempfile::tempdir().unwrap();
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 3600);
        let touch = |name: &str, when: Option<std::time::SystemTime>| {
            let f = std::fs::File::create(dir.path().join(name)).unwrap();
            if let Some(t) = when {
                f.set_modified(t).unwrap();
            }
        };
        touch(".columns-3.bin.4242-0.lifa-tmp", Some(old));
        touch(".lifa-state.json.4242-1.lifa-tmp", None);
        touch("columns-3.bin", Some(old));
        touch("notes.lifa-tmp", Some(old));
        write_atomic(&dir.path().join("lifa-state.json"), b"{}").unwrap();
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".lifa-state.json.4242-1.lifa-tmp",
                "columns-3.bin",
                "lifa-state.json",
                "notes.lifa-tmp"
            ]
        );
    }

    /// The hash a write reports is the content hash of the file as it lies in the store.
    #[test]
    fn a_written_batch_reports_the_hash_of_its_bytes() {
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("comments/qinglanhu/batches");
        let mut files: Vec<_> = std::fs::read_dir(sample)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        let batch = read_batch(&files[0]).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&Workspace::new(dir.path()), &batch.meta.regulation);
        let (path, hash) = store.write(&batch).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.len() > 10_000, "{}", bytes.len());
        assert_eq!(hash, content_hash(&bytes));
        assert_ne!(hash, content_hash(&bytes[1..]));
    }

    #[test]
    fn a_comment_not_where_the_index_points_is_reported_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b1.jsonl");
        let lines = ["{\"lifa_batch\":{}}\n", "{\"id\":\"c1\"}\n", "条例很好\n"];
        std::fs::write(&path, lines.concat()).unwrap();
        let offset = (lines[0].len() + lines[1].len()) as u64;
        match read_comment_at(&path, offset) {
            Err(Error::Store { line, message, .. }) => {
                assert_eq!(line, 3);
                assert!(message.contains("lifa index --rebuild"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }
}
