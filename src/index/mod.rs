//! The search index in `index/`, derived from `comments/` and always rebuildable (deleting
//! `index/` loses nothing). Three parts, each doing what it is best at:
//!
//! - a tantivy index of the jieba words of every comment (frequencies and field norms, no
//!   positions, nothing stored) with each comment's ordinal as a fast field: it ranks the hits
//!   by BM25;
//! - [`grams`]: character-pair postings with positions, by ordinal: they decide which comments
//!   hit — exactly those containing the query text, whatever jieba made of it;
//! - [`columns`]: per ordinal, what a search filters and counts by (regulation, contact point,
//!   kind, channel, date, articles, opinion group) and where the comment lies in its batch file,
//!   so a hit's text is read back from the store and the index holds no second copy of it.
//!
//! `index/lifa-state.json` lists the batch files indexed (with their lengths, modification
//! times and content hashes) and the current grams and columns files; [`SearchIndex::update`]
//! indexes new batches, drops removed ones, indexes again those whose files changed, and
//! regroups the regulations they belong to (their comments in store order), so an update
//! equals a rebuild.
//! After an import, [`SearchIndex::update_with`] takes the importer's grouping of the same
//! comments instead of computing it again, and otherwise the grouping recorded in
//! `index/groups/` ([`groups`]) when it was made from the same batches. The state is written last: a
//! crash before it leaves the previous index in force.

pub mod columns;
pub mod grams;
pub mod groups;
pub(crate) mod rows;
pub mod tokens;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use tantivy::directory::{Directory, MmapDirectory, OwnedBytes};
use tantivy::indexer::NoMergePolicy;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::error::{Error, Result};
use crate::group;
use crate::store::{self, Store};
use crate::workspace::Workspace;

use self::columns::{Columns, ColumnsBuf};
use self::grams::{GramBuilder, GramSegment};
use self::rows::Row;

/// Bumped when the schema, the tokenizers or lifa's own files change: an index of another
/// version is rebuilt.
const SCHEMA_VERSION: u32 = 11;
/// Indexing memory budget (split across threads). Segments are never merged while a rebuild
/// indexes, so the budget also sets how many segments a rebuild leaves.
const WRITER_BUDGET: usize = 300_000_000;
/// Characters per grams file: about 120 MB of memory while it is built (12 bytes a
/// character), 150,000 comments of 76 characters.
const GRAMS_PER_SEGMENT: usize = 10_000_000;

/// The fields of the tantivy index.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// The comment's ordinal (its row in [`columns`] and in [`grams`]).
    pub ord: Field,
    /// The batch, as a number (to delete a batch's comments).
    pub batch: Field,
    /// jieba words of the text.
    pub words: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let ord = b.add_u64_field("ord", FAST);
    let batch = b.add_u64_field("batch", INDEXED);
    let words = b.add_text_field(
        "words",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("lifa_words")
                .set_fieldnorms(true)
                .set_index_option(IndexRecordOption::WithFreqs),
        ),
    );
    (b.build(), Fields { ord, batch, words })
}

/// A comment id (`c1a2b3c4d5e6f`) as a number.
pub fn comment_key(id: &str) -> u64 {
    u64::from_str_radix(id.trim_start_matches(['c', 'b']), 16).unwrap_or_else(|_| {
        let h = blake3::hash(id.as_bytes());
        u64::from_le_bytes(h.as_bytes()[..8].try_into().unwrap_or_default()) >> 16
    })
}

/// An article of a version of a regulation as a number: 24 bits of (regulation, version), then
/// the article number and its `之N`.
pub fn article_key(reg: &str, version: &str, main: u32, sub: u32) -> u64 {
    let h = blake3::hash(format!("{reg}\u{0}{version}").as_bytes());
    let v = u64::from(h.as_bytes()[0]) << 16
        | u64::from(h.as_bytes()[1]) << 8
        | u64::from(h.as_bytes()[2]);
    v << 40 | u64::from(main.min(0xFF_FFFF)) << 16 | u64::from(sub.min(0xFFFF))
}

/// What `index/lifa-state.json` records.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct State {
    schema: u32,
    /// Indexed batch files, `<reg>/<batch-id>` → path relative to the workspace.
    batches: BTreeMap<String, String>,
    /// Each indexed batch file's length, modification time and content hash when it was read:
    /// a file changed since (edited by hand, restored from an older copy) is indexed again; one
    /// whose time alone changed (the workspace copied by a tool that does not keep times) is
    /// not.
    #[serde(default)]
    stamps: BTreeMap<String, Stamp>,
    /// The columns file in force.
    #[serde(default)]
    columns: Option<String>,
    /// The grams files in force, in ordinal order.
    #[serde(default)]
    grams: Vec<String>,
    /// A number for the next file written (files are never overwritten in place).
    #[serde(default)]
    next_file: u64,
}

/// A file's length, modification time (nanoseconds since 1970) and the hash of the content
/// indexed (0: not known, in an index written before lifa recorded it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    len: u64,
    modified: u64,
    #[serde(default)]
    hash: u64,
}

impl Stamp {
    /// The stamp of a file as it is now (`None` if it cannot be read).
    fn of(path: &Path) -> Option<Stamp> {
        let m = std::fs::metadata(path).ok()?;
        let modified = m
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as u64);
        Some(Stamp {
            len: m.len(),
            modified,
            hash: 0,
        })
    }

    /// Whether the file at `path`, whose length or time differs from this stamp's (`now`,
    /// without a hash), may hold other content than the one this stamp recorded: its length
    /// differs, or its content hash (read only then) is not the one recorded (or none was).
    fn changed(&self, now: &Stamp, path: &Path) -> bool {
        now.len != self.len
            || self.hash == 0
            || std::fs::read(path).map_or(true, |bytes| store::content_hash(&bytes) != self.hash)
    }
}

/// The figures of an update.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UpdateStats {
    /// Batches newly indexed.
    pub batches_added: usize,
    /// Batches whose files are gone, removed from the index.
    pub batches_removed: usize,
    /// Comments (re)indexed.
    pub comments_indexed: usize,
    /// Comments in the index afterwards.
    pub comments_total: u64,
    /// The whole index was rebuilt.
    pub rebuilt: bool,
}

/// The workspace's search index.
pub struct SearchIndex {
    dir: PathBuf,
    root: PathBuf,
    index: Index,
    reader: IndexReader,
    /// The fields.
    pub fields: Fields,
    state: State,
    words: tokens::Words,
    paths: HashMap<u64, PathBuf>,
    columns: Option<IndexColumns>,
    grams: Vec<GramSegment<OwnedBytes>>,
    /// What `crate::search` derives from the workspace once (article labels, dispositions).
    pub(crate) search_cache: Mutex<Option<Arc<crate::search::Context>>>,
    doc_ords: DocOrds,
    /// `index/lifa.lock`, locked, while this process writes the index ([`WriteLock`]).
    lock: Option<WriteLock>,
}

/// The lock a process holds on `index/lifa.lock` while it writes the index (an update, a
/// rebuild, a fresh index created): another `lifa import`, `lifa index` or `lifa search` that
/// has something to index waits for it, says so once, and then goes on from what the first one
/// wrote. Searches that have nothing to index never take it. The operating system releases it
/// when the process ends, however it ends.
#[derive(Debug)]
struct WriteLock {
    #[allow(dead_code)]
    file: std::fs::File,
    /// Whether the lock is held (`false` on a file system without locks).
    held: bool,
}

impl WriteLock {
    /// Locks `index/lifa.lock` under `dir`, waiting for the process that holds it. Returns the
    /// lock, and whether it had to wait.
    ///
    /// Where the file system cannot lock files (some network shares), lifa says so and goes on
    /// without the lock, as it did before it had one: tantivy's own lock still keeps two
    /// writers of the index apart.
    fn take(dir: &Path) -> Result<(WriteLock, bool)> {
        let path = dir.join(LOCK_FILE);
        let io = |source| Error::Io {
            path: path.display().to_string(),
            source,
        };
        let f = Self::file(dir).map_err(io)?;
        match f.try_lock() {
            Ok(()) => Ok((WriteLock::held(f), false)),
            Err(std::fs::TryLockError::WouldBlock) => {
                // The holder's process id, for staff to find a process that hangs (not
                // readable where locks bar reading, as on Windows).
                let holder = std::fs::read_to_string(&path)
                    .ok()
                    .and_then(|s| s.trim().parse::<u32>().ok())
                    .map(|pid| format!("，进程号 {pid}"))
                    .unwrap_or_default();
                eprintln!("另一个 lifa 进程正在更新检索索引（index/{holder}），等它完成后继续…");
                f.lock().map_err(io)?;
                Ok((WriteLock::held(f), true))
            }
            Err(std::fs::TryLockError::Error(e)) if cannot_lock(&e) => {
                eprintln!(
                    "注意：{} 所在的文件系统不支持文件锁，多个 lifa 进程同时更新检索索引时可能互相冲突（{e}）",
                    path.display()
                );
                Ok((
                    WriteLock {
                        file: f,
                        held: false,
                    },
                    false,
                ))
            }
            Err(std::fs::TryLockError::Error(e)) => Err(io(e)),
        }
    }

    /// The lock if no other process holds it now, without waiting; `None` if one does or the
    /// lock cannot be taken.
    fn try_take(dir: &Path) -> Option<WriteLock> {
        let f = Self::file(dir).ok()?;
        f.try_lock().ok()?;
        Some(WriteLock::held(f))
    }

    /// The lock of `f`, now held, with this process's id written in it.
    fn held(mut f: std::fs::File) -> WriteLock {
        use std::io::Write;
        let _ = f
            .set_len(0)
            .and_then(|()| write!(f, "{}", std::process::id()));
        WriteLock {
            file: f,
            held: true,
        }
    }

    fn file(dir: &Path) -> std::io::Result<std::fs::File> {
        std::fs::create_dir_all(dir)?;
        std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(LOCK_FILE))
    }
}

/// Whether a failure to lock says the file system has no locks (rather than that something
/// is wrong with the file): `Unsupported`, or `ENOLCK`, what Linux's NFS without a lock daemon
/// and some FUSE file systems answer.
fn cannot_lock(e: &std::io::Error) -> bool {
    const ENOLCK: Option<i32> = if cfg!(target_os = "linux") {
        Some(37)
    } else if cfg!(unix) {
        Some(77)
    } else {
        None
    };
    e.kind() == std::io::ErrorKind::Unsupported || (ENOLCK.is_some() && e.raw_os_error() == ENOLCK)
}

/// The lock file of [`WriteLock`], kept when the index's files are cleared.
const LOCK_FILE: &str = "lifa.lock";

/// The file of [`State`].
const STATE_FILE: &str = "lifa-state.json";

/// The state recorded in `dir`, if there is one that reads.
fn read_state(dir: &Path) -> Option<State> {
    std::fs::read(dir.join(STATE_FILE))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
}

/// The index's columns file, memory-mapped.
pub type IndexColumns = Columns<OwnedBytes>;

/// The ordinal of every document of each tantivy segment, decoded once per segment when a
/// process needs it a second time (a one-query process reads the few it needs from the column:
/// decoding a million ordinals costs more than the query's lookups, mostly in fresh pages of
/// memory).
#[derive(Clone, Default)]
pub struct DocOrds(Arc<Mutex<rustc_hash::FxHashMap<tantivy::index::SegmentId, Seen>>>);

#[derive(Clone)]
enum Seen {
    Once,
    Decoded(Arc<SegmentOrds>),
}

/// A segment's ordinals, as [`DocOrds::lookup`] gives them.
pub enum SegOrds {
    /// Read from tantivy's column, one document at a time.
    Column(tantivy::columnar::Column<u64>),
    /// Decoded.
    Decoded(Arc<SegmentOrds>),
}

impl SegOrds {
    /// The ordinal of a document.
    #[inline]
    pub fn get(&self, doc: u32) -> Option<u32> {
        match self {
            SegOrds::Column(c) => c.first(doc).map(|o| o as u32),
            SegOrds::Decoded(d) => d.ords.get(doc as usize).copied(),
        }
    }
}

/// The ordinals of a segment's documents.
pub struct SegmentOrds {
    /// `ords[doc]`.
    pub ords: Vec<u32>,
    /// Whether they strictly ascend, as in every segment one indexing thread writes (a merged
    /// segment's may not).
    pub sorted: bool,
}

impl DocOrds {
    /// A segment's ordinals for looking a few up: decoded if this process has asked before,
    /// else the column.
    pub fn lookup(&self, seg: &tantivy::SegmentReader) -> tantivy::Result<SegOrds> {
        let id = seg.segment_id();
        let seen = self
            .0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&id)
            .cloned();
        match seen {
            Some(Seen::Decoded(d)) => Ok(SegOrds::Decoded(d)),
            Some(Seen::Once) => Ok(SegOrds::Decoded(self.of(seg)?)),
            None => {
                self.0
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(id, Seen::Once);
                Ok(SegOrds::Column(seg.fast_fields().u64("ord")?))
            }
        }
    }

    /// The ordinals of a segment's documents, decoded.
    pub fn of(&self, seg: &tantivy::SegmentReader) -> tantivy::Result<Arc<SegmentOrds>> {
        let id = seg.segment_id();
        if let Some(Seen::Decoded(v)) = self.0.lock().unwrap_or_else(|e| e.into_inner()).get(&id) {
            return Ok(Arc::clone(v));
        }
        let col = seg.fast_fields().u64("ord")?;
        let n = seg.max_doc();
        let mut ords: Vec<u32> = Vec::with_capacity(n as usize);
        if col.get_cardinality() == tantivy::columnar::Cardinality::Full {
            // Every document has its ordinal: decode them in blocks.
            let mut block = [0u64; 1024];
            for start in (0..n).step_by(block.len()) {
                let len = (n - start).min(block.len() as u32) as usize;
                col.values.get_range(u64::from(start), &mut block[..len]);
                ords.extend(block[..len].iter().map(|&o| o as u32));
            }
        } else {
            ords.extend((0..n).map(|d| col.first(d).map_or(u32::MAX, |o| o as u32)));
        }
        let ords = Arc::new(SegmentOrds {
            sorted: ords.windows(2).all(|w| w[0] < w[1]),
            ords,
        });
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id, Seen::Decoded(Arc::clone(&ords)));
        Ok(ords)
    }
}

impl SearchIndex {
    /// `index/` of a workspace.
    pub fn dir(ws: &Workspace) -> PathBuf {
        ws.root.join("index")
    }

    /// Opens the index, creating an empty one when there is none (or one of an older schema).
    /// The tokenizers are registered every time.
    ///
    /// An index that does not open (its files removed by a rebuild in another process after
    /// this one read the state) is opened again once the process writing it is done; one that
    /// still does not because a file of it is missing or damaged, while this process holds the
    /// lock and no other wrote since, is cleared, to be indexed again: it is derived from
    /// `comments/`, and staff should not have to know the command that rebuilds it. Other
    /// failures (of the system, not of the index's files) are reported.
    pub fn open(ws: &Workspace) -> Result<SearchIndex> {
        let dir = Self::dir(ws);
        let first = match Self::open_locked(ws, None) {
            Ok(idx) => return Ok(idx),
            Err(e) => e,
        };
        let Ok((lock, _)) = WriteLock::take(&dir) else {
            return Err(first);
        };
        let held = lock.held;
        let seen = read_state(&dir);
        let damage = match Self::open_locked(ws, Some(lock)) {
            Ok(idx) => return Ok(idx),
            Err(e) => e,
        };
        if !held || !is_damage(&damage) {
            return Err(damage);
        }
        let Ok((lock, waited)) = WriteLock::take(&dir) else {
            return Err(damage);
        };
        if waited || read_state(&dir) != seen {
            // Another process wrote the index in between: what it wrote is opened instead.
            return Self::open_locked(ws, Some(lock));
        }
        eprintln!(
            "检索索引（index/）已损坏（{}），将重新建立（意见库 comments/ 不受影响）…",
            damage_of(&damage)
        );
        clear_index_files(&dir).map_err(|source| Error::Io {
            path: dir.display().to_string(),
            source,
        })?;
        Self::open_locked(ws, Some(lock))
    }

    /// [`SearchIndex::open`], holding `lock` if given. An index to be created (or cleared, of
    /// an older schema) is created under the lock, taken here if not given.
    fn open_locked(ws: &Workspace, mut lock: Option<WriteLock>) -> Result<SearchIndex> {
        let dir = Self::dir(ws);
        let io = |e: std::io::Error| Error::Io {
            path: dir.display().to_string(),
            source: e,
        };
        std::fs::create_dir_all(&dir).map_err(io)?;
        let read_state = || read_state(&dir).unwrap_or_default();
        let usable =
            |state: &State| state.schema == SCHEMA_VERSION && dir.join("meta.json").exists();
        let mut state = read_state();
        if !usable(&state) && lock.is_none() {
            // Another process may be creating it right now: wait, then look again.
            lock = Some(WriteLock::take(&dir)?.0);
            state = read_state();
        }
        let (schema, fields) = schema();
        let index = if usable(&state) {
            Index::open_in_dir(&dir).map_err(|e| index_error(&dir, e))?
        } else {
            clear_index_files(&dir).map_err(io)?;
            Index::create_in_dir(&dir, schema).map_err(|e| index_error(&dir, e))?
        };
        let words = tokens::Words::new(&ws.root);
        index.tokenizers().register("lifa_words", words.clone());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| index_error(&dir, e))?;
        let state = if state.schema == SCHEMA_VERSION {
            state
        } else {
            State {
                schema: SCHEMA_VERSION,
                ..State::default()
            }
        };
        let mut idx = SearchIndex {
            dir,
            root: ws.root.clone(),
            index,
            reader,
            fields,
            state,
            words,
            paths: HashMap::new(),
            columns: None,
            grams: Vec::new(),
            search_cache: Mutex::new(None),
            doc_ords: DocOrds::default(),
            lock,
        };
        idx.load_files()?;
        Ok(idx)
    }

    /// Maps the columns and grams files the state names, and the batch paths.
    fn load_files(&mut self) -> Result<()> {
        self.paths = self
            .state
            .batches
            .iter()
            .map(|(k, p)| {
                let id = k.rsplit('/').next().unwrap_or(k);
                (comment_key(id), self.root.join(p))
            })
            .collect();
        let mmap = MmapDirectory::open(&self.dir).map_err(|e| index_error(&self.dir, e))?;
        let read = |name: &str| -> Result<OwnedBytes> {
            mmap.open_read(Path::new(name))
                .map_err(|e| index_error(&self.dir, e))?
                .read_bytes()
                .map_err(|e| index_error(&self.dir, e))
        };
        let broken = |name: &str| Error::Index {
            path: self.dir.join(name).display().to_string(),
            message: format!("{DAMAGED}{REBUILD}"),
        };
        self.columns = match &self.state.columns {
            Some(name) => Some(Columns::new(read(name)?).ok_or_else(|| broken(name))?),
            None => None,
        };
        self.grams = self
            .state
            .grams
            .iter()
            .map(|name| GramSegment::new(read(name)?).ok_or_else(|| broken(name)))
            .collect::<Result<_>>()?;
        Ok(())
    }

    /// A searcher over the committed index.
    pub fn searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }

    /// The batch file (absolute) of a batch key, for reading hits back.
    pub fn batch_paths(&self) -> &HashMap<u64, PathBuf> {
        &self.paths
    }

    /// Per-comment columns (`None` while nothing is indexed).
    pub fn columns(&self) -> Option<&IndexColumns> {
        self.columns.as_ref()
    }

    /// The ordinals of the live comments whose text contains `text` (folded), ascending.
    pub fn containing(&self, text: &str) -> Vec<u32> {
        let chars: Vec<char> = text.chars().map(tokens::fold).collect();
        let Some(cols) = &self.columns else {
            return Vec::new();
        };
        let n = cols.len() as u32;
        let mut out: Vec<u32> = Vec::new();
        if chars.is_empty() {
            if cols.has_dead() {
                out.extend((0..n).filter(|&o| cols.alive(o)));
            } else {
                out.extend(0..n);
            }
            return out;
        }
        let mut sorted = true;
        for seg in &self.grams {
            let start = out.len();
            seg.containing_into(&chars, &mut out);
            if start > 0 && out.len() > start {
                sorted &= out[start - 1] < out[start];
            }
        }
        if !sorted {
            out.sort_unstable();
            out.dedup();
        }
        if cols.has_dead() {
            out.retain(|&o| o < n && cols.alive(o));
        } else {
            out.truncate(out.partition_point(|&o| o < n));
        }
        out
    }

    /// The ordinals of tantivy's documents.
    pub fn doc_ords(&self) -> DocOrds {
        self.doc_ords.clone()
    }

    /// The jieba segmenter the index uses (loaded on first use).
    pub fn words(&self) -> &tokens::Words {
        &self.words
    }

    /// Bytes of the batch files in `comments/` that an update would read and index: those the
    /// index does not hold yet, or with `all`, every one (what a rebuild reads).
    pub fn unindexed_bytes(&self, ws: &Workspace, all: bool) -> u64 {
        let mut bytes = 0;
        for reg in ws.folders_in("comments") {
            for p in Store::open(ws, &reg).files().unwrap_or_default() {
                let key = format!("{reg}/{}", store::file_id(&p));
                if all || !self.state.batches.contains_key(&key) {
                    bytes += std::fs::metadata(&p).map_or(0, |m| m.len());
                }
            }
        }
        bytes
    }

    /// Throws the index away and indexes every comment again.
    pub fn rebuild(ws: &Workspace) -> Result<UpdateStats> {
        let dir = Self::dir(ws);
        let (lock, _) = WriteLock::take(&dir)?;
        clear_index_files(&dir).map_err(|source| Error::Io {
            path: dir.display().to_string(),
            source,
        })?;
        let mut idx = SearchIndex::open_locked(ws, Some(lock))?;
        let mut stats = idx.update(ws)?;
        stats.rebuilt = true;
        Ok(stats)
    }

    /// Brings the index up to date with `comments/`.
    pub fn update(&mut self, ws: &Workspace) -> Result<UpdateStats> {
        self.update_with(ws, None)
    }

    /// Brings the index up to date with `comments/`, taking the grouping of a regulation's
    /// comments from `known` (the importer's, [`crate::importer::Importer::take_grouping`])
    /// when it covers exactly the batches stored, instead of grouping them again.
    pub fn update_with(
        &mut self,
        ws: &Workspace,
        known: Option<&group::StoreGrouping>,
    ) -> Result<UpdateStats> {
        let mut stats = UpdateStats::default();
        // Batch files on disk, per regulation.
        let mut on_disk: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        // Indexed batches whose files changed since: indexed again, as new ones.
        let mut changed: BTreeSet<String> = BTreeSet::new();
        // Indexed batches whose files changed only in time: their stamps are renewed.
        let mut touched: BTreeMap<String, Stamp> = BTreeMap::new();
        let comments_dir = ws.root.join("comments");
        for entry in std::fs::read_dir(&comments_dir)
            .into_iter()
            .flatten()
            .flatten()
        {
            if !entry.path().is_dir() {
                continue;
            }
            let reg = entry.file_name().to_string_lossy().into_owned();
            let store = Store::open(ws, &reg);
            for p in store.files()? {
                let id = store::file_id(&p);
                let key = format!("{reg}/{id}");
                if let Some(was) = self.state.stamps.get(&key)
                    && let Some(now) = Stamp::of(&p)
                    && (now.len, now.modified) != (was.len, was.modified)
                {
                    if was.changed(&now, &p) {
                        changed.insert(key);
                    } else {
                        touched.insert(
                            key,
                            Stamp {
                                hash: was.hash,
                                ..now
                            },
                        );
                    }
                }
                on_disk.entry(reg.clone()).or_default().insert(id);
            }
        }
        let indexed: BTreeSet<String> = self.state.batches.keys().cloned().collect();
        let present: BTreeSet<String> = on_disk
            .iter()
            .flat_map(|(r, b)| b.iter().map(move |id| format!("{r}/{id}")))
            .collect();
        let changed_regs: BTreeSet<String> = indexed
            .symmetric_difference(&present)
            .chain(&changed)
            .filter_map(|k| k.split('/').next().map(str::to_string))
            .collect();
        if changed_regs.is_empty() {
            if !touched.is_empty() {
                self.renew_stamps(touched);
            }
            self.lock = None;
            stats.comments_total = self.live();
            return Ok(stats);
        }
        if self.lock.is_none() {
            let (lock, waited) = WriteLock::take(&self.dir)?;
            // Another process may have written the index since this one read its state, while
            // this one waited or just before: then start again from what it wrote.
            if waited || read_state(&self.dir).as_ref() != Some(&self.state) {
                *self = SearchIndex::open_locked(ws, Some(lock))?;
                return self.update_with(ws, known);
            }
            self.lock = Some(lock);
        }
        let result = self.write_changes(
            ws,
            known,
            stats,
            Changes {
                regs: changed_regs,
                indexed,
                changed,
                touched,
                on_disk,
            },
        );
        self.lock = None;
        result
    }

    /// The second half of [`SearchIndex::update_with`], under the lock: indexes what changed.
    fn write_changes(
        &mut self,
        ws: &Workspace,
        known: Option<&group::StoreGrouping>,
        mut stats: UpdateStats,
        changes: Changes,
    ) -> Result<UpdateStats> {
        let Changes {
            regs: changed_regs,
            indexed,
            changed,
            touched,
            on_disk,
        } = changes;
        let fresh = self.columns.as_ref().is_none_or(|c| c.is_empty());
        let mut writer: IndexWriter<TantivyDocument> = self
            .index
            .writer_with_num_threads(num_threads(), WRITER_BUDGET)
            .map_err(|e| index_error(&self.dir, e))?;
        if fresh {
            // Nothing to merge into: merging would only copy the new segments once more.
            writer.set_merge_policy(Box::new(NoMergePolicy));
        }
        let mut cols = match &self.columns {
            Some(c) if !fresh => c.to_buf(),
            _ => ColumnsBuf::default(),
        };
        let mut state = self.state.clone();
        state.stamps.extend(touched);
        let mut written: Vec<String> = Vec::new();
        let result = (|| -> Result<()> {
            for reg in &changed_regs {
                // In store order (import time, then id): the order the importer groups in.
                let batches = if on_disk.contains_key(reg) {
                    Store::open(ws, reg)
                        .files_in_import_order()?
                        .into_iter()
                        .map(|(_, p)| (store::file_id(&p), p))
                        .collect()
                } else {
                    Vec::new()
                };
                let stored: BTreeSet<&str> = batches.iter().map(|b| b.0.as_str()).collect();
                // Removed batches, and changed ones: drop their comments.
                let prefix = format!("{reg}/");
                for key in indexed.iter().filter(|k| k.starts_with(&prefix)) {
                    let id = &key[prefix.len()..];
                    if !stored.contains(id) || changed.contains(key) {
                        let bkey = comment_key(id);
                        writer.delete_term(Term::from_field_u64(self.fields.batch, bkey));
                        for (o, b) in cols.batch.iter().enumerate() {
                            if *b == bkey {
                                cols.alive[o] = 0;
                            }
                        }
                        state.batches.remove(key);
                        state.stamps.remove(key);
                        if !changed.contains(key) {
                            stats.batches_removed += 1;
                        }
                    }
                }
                // The batches indexed now (new, or changed) are stamped before they are read:
                // a file changed while it is read is read again by the next update. The others
                // keep the stamps of when they were read (one changed since the scan above is
                // found by the next update).
                let mut stamps: HashMap<&PathBuf, Stamp> = batches
                    .iter()
                    .filter(|(id, _)| !state.batches.contains_key(&format!("{reg}/{id}")))
                    .filter_map(|(_, p)| Some((p, Stamp::of(p)?)))
                    .collect();
                let Indexed { files, hashes } = self.index_regulation(
                    reg, &batches, known, &writer, &mut cols, &mut state, &mut stats,
                )?;
                for (path, hash) in hashes {
                    if let Some(stamp) = stamps.get_mut(path) {
                        stamp.hash = hash;
                    }
                }
                written.extend(files.iter().cloned());
                state.grams.extend(files);
                for (id, path) in &batches {
                    let rel = path.strip_prefix(&ws.root).unwrap_or(path);
                    let key = format!("{reg}/{id}");
                    if let Some(stamp) = stamps.get(path) {
                        state.stamps.insert(key.clone(), *stamp);
                    }
                    state.batches.insert(key, rel.display().to_string());
                }
            }
            let name = format!("columns-{}.bin", state.next_file);
            state.next_file += 1;
            store::write_atomic(&self.dir.join(&name), &cols.to_bytes())?;
            written.push(name.clone());
            let old = state.columns.replace(name);
            writer.commit().map_err(|e| index_error(&self.dir, e))?;
            writer
                .wait_merging_threads()
                .map_err(|e| index_error(&self.dir, e))?;
            state.schema = SCHEMA_VERSION;
            let json = serde_json::to_vec_pretty(&state).unwrap_or_default();
            store::write_atomic(&self.dir.join(STATE_FILE), &json)?;
            if let Some(old) = old {
                let _ = std::fs::remove_file(self.dir.join(old));
            }
            Ok(())
        })();
        if let Err(e) = result {
            // Nothing the state names was touched: remove what this update wrote.
            for name in written {
                let _ = std::fs::remove_file(self.dir.join(name));
            }
            return Err(e);
        }
        self.state = state;
        self.reader
            .reload()
            .map_err(|e| index_error(&self.dir, e))?;
        self.load_files()?;
        *self.search_cache.lock().unwrap_or_else(|e| e.into_inner()) = None;
        // The segments may have changed: their documents' ordinals are read again when needed.
        self.doc_ords = DocOrds::default();
        stats.comments_total = self.live();
        Ok(stats)
    }

    /// Records the new times of batch files whose content did not change, when nothing else
    /// is to be updated. Best effort: only if the lock is free at once (a search does not
    /// wait for it), and the state is read again under it and written only if no other
    /// process changed the index meanwhile; if it cannot be written (a read-only copy), the
    /// next update checks the files again.
    fn renew_stamps(&mut self, touched: BTreeMap<String, Stamp>) {
        let Some(_lock) = WriteLock::try_take(&self.dir) else {
            return;
        };
        let path = self.dir.join(STATE_FILE);
        let Some(mut now) = read_state(&self.dir) else {
            return;
        };
        if (&now.columns, &now.grams, &now.batches)
            != (&self.state.columns, &self.state.grams, &self.state.batches)
        {
            return;
        }
        now.stamps.extend(touched);
        let json = serde_json::to_vec_pretty(&now).unwrap_or_default();
        if store::write_atomic(&path, &json).is_ok() {
            self.state = now;
        }
    }

    /// Live comments.
    fn live(&self) -> u64 {
        self.columns.as_ref().map_or(0, |c| c.live() as u64)
    }

    /// Indexes the new batches of a regulation and regroups all of its comments. One thread
    /// reads and parses the batch files and hands documents to tantivy's threads; another
    /// takes each new file's bytes and builds the character pairs of its comments. Unless the
    /// importer's grouping of the same batches is at hand (`known`), that thread also collects
    /// every text of the regulation (the files already indexed are read again for it) and
    /// groups them when the last file is read. Returns the grams files written, and the content
    /// hash of each batch file indexed.
    #[allow(clippy::too_many_arguments)]
    fn index_regulation<'b>(
        &self,
        reg: &str,
        batches: &'b [(String, PathBuf)],
        known: Option<&group::StoreGrouping>,
        writer: &IndexWriter<TantivyDocument>,
        cols: &mut ColumnsBuf,
        state: &mut State,
        stats: &mut UpdateStats,
    ) -> Result<Indexed<'b>> {
        // The ordinals of each indexed batch's live comments: ascending, they follow the lines
        // of its file, since a batch's comments are numbered in reading order.
        let reg_id = ColumnsBuf::intern(&mut cols.regs, reg);
        let mut old_ords: rustc_hash::FxHashMap<u64, Vec<u32>> = rustc_hash::FxHashMap::default();
        for o in 0..cols.len() {
            if cols.alive[o] != 0 && cols.reg[o] == reg_id {
                old_ords.entry(cols.batch[o]).or_default().push(o as u32);
            }
        }
        // The importer's grouping, or else the record of the last grouping of this store
        // ([`groups`]), is taken only for the same batches in the same order, each batch
        // already indexed with as many live comments and the same content hash (a file changed
        // since it was indexed is read again, and its comments matched by id); a batch read now
        // is checked once read.
        let recorded: Option<group::StoreGrouping>;
        let known = match known.filter(|k| k.regulation == reg) {
            Some(k) => Some(k),
            None => {
                recorded =
                    groups::read(&self.dir, reg).map(|(batches, grouping)| group::StoreGrouping {
                        regulation: reg.to_string(),
                        batches,
                        grouping,
                    });
                recorded.as_ref()
            }
        };
        let known = known.filter(|k| {
            k.batches.len() == batches.len()
                && k.batches.iter().zip(batches).all(|(kb, (b, _))| {
                    let key = format!("{reg}/{b}");
                    kb.id == *b
                        && (!state.batches.contains_key(&key)
                            || (old_ords.get(&comment_key(b)).map_or(0, Vec::len) == kb.comments
                                && state.stamps.get(&key).is_some_and(|s| s.hash == kb.hash)))
                })
        });
        // Every comment of the regulation, in reading order: its ordinal; and how many each
        // batch has.
        let mut ords: Vec<u32> = Vec::new();
        let mut counts: Vec<usize> = Vec::with_capacity(batches.len());
        let mut hashes: Vec<(&PathBuf, u64)> = Vec::new();
        // Each batch's content hash: of the bytes read now, else as the state has it.
        let mut batch_hashes: Vec<u64> = Vec::with_capacity(batches.len());
        let first_file = state.next_file;
        let dir = self.dir.clone();
        let collect_texts = known.is_none();
        let (grouping, files) =
            std::thread::scope(|s| -> Result<(Option<group::Grouping>, Vec<String>)> {
                let (tx, rx) = std::sync::mpsc::sync_channel::<(Arc<Vec<u8>>, Option<u32>)>(2);
                let aux = s.spawn(move || -> Result<(Option<group::Grouping>, Vec<String>)> {
                    let mut texts: Vec<String> = Vec::new();
                    let mut grams = GramBuilder::default();
                    let mut files = Vec::new();
                    let mut next_file = first_file;
                    let mut flush = |grams: GramBuilder, files: &mut Vec<String>| -> Result<()> {
                        if grams.is_empty() {
                            return Ok(());
                        }
                        let name = format!("grams-{next_file}.bin");
                        next_file += 1;
                        grams::write(&dir.join(&name), grams)?;
                        files.push(name);
                        Ok(())
                    };
                    for (bytes, first_ord) in rx {
                        for (i, (_, _, line)) in store::comment_lines(&bytes).enumerate() {
                            let text = rows::text_of(line);
                            if let Some(first) = first_ord {
                                grams.add(first + i as u32, &text);
                                if grams.len() >= GRAMS_PER_SEGMENT {
                                    flush(std::mem::take(&mut grams), &mut files)?;
                                }
                            }
                            if collect_texts {
                                texts.push(text.into_owned());
                            }
                        }
                    }
                    flush(grams, &mut files)?;
                    let grouping = collect_texts.then(|| {
                        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
                        group::group(&refs)
                    });
                    Ok((grouping, files))
                });
                let sent = (|| -> Result<()> {
                    for (id, path) in batches {
                        let bkey = comment_key(id);
                        let fresh = !state.batches.contains_key(&format!("{reg}/{id}"));
                        let before = ords.len();
                        if !fresh && !collect_texts {
                            // Indexed, and grouped already: the file need not be read.
                            ords.extend(old_ords.remove(&bkey).unwrap_or_default());
                            counts.push(ords.len() - before);
                            batch_hashes.push(
                                state
                                    .stamps
                                    .get(&format!("{reg}/{id}"))
                                    .map_or(0, |s| s.hash),
                            );
                            continue;
                        }
                        let bytes = Arc::new(store::read_file(path)?);
                        let first_ord = cols.len() as u32;
                        let hash = store::content_hash(&bytes);
                        batch_hashes.push(hash);
                        if fresh {
                            hashes.push((path, hash));
                            stats.batches_added += 1;
                            // Leftovers of an update that crashed before its state was written.
                            writer.delete_term(Term::from_field_u64(self.fields.batch, bkey));
                        }
                        if tx
                            .send((Arc::clone(&bytes), fresh.then_some(first_ord)))
                            .is_err()
                        {
                            return Ok(());
                        }
                        if !fresh {
                            let old = old_ords.remove(&bkey).unwrap_or_default();
                            if store::comment_lines(&bytes).count() == old.len() {
                                ords.extend(old);
                            } else {
                                // The file no longer matches what was indexed: map its
                                // comments by id (those not indexed stay out of the groups).
                                let by_key: rustc_hash::FxHashMap<u64, u32> =
                                    old.iter().map(|&o| (cols.key[o as usize], o)).collect();
                                for (i, _, line) in store::comment_lines(&bytes) {
                                    #[derive(Deserialize)]
                                    struct Id<'a> {
                                        #[serde(borrow)]
                                        id: std::borrow::Cow<'a, str>,
                                    }
                                    let row: Id = store::parse_line(path, i, line)?;
                                    ords.push(
                                        by_key
                                            .get(&comment_key(&row.id))
                                            .copied()
                                            .unwrap_or(u32::MAX),
                                    );
                                }
                            }
                            counts.push(ords.len() - before);
                            continue;
                        }
                        for (i, start, line) in store::comment_lines(&bytes) {
                            let row: Row = store::parse_line(path, i, line)?;
                            let ord = cols.len() as u32;
                            ords.push(ord);
                            push_row(cols, &row, reg_id, bkey, start as u64);
                            let mut d = TantivyDocument::default();
                            d.add_u64(self.fields.ord, u64::from(ord));
                            d.add_u64(self.fields.batch, bkey);
                            d.add_text(self.fields.words, &row.text);
                            writer
                                .add_document(d)
                                .map_err(|e| index_error(&self.dir, e))?;
                            stats.comments_indexed += 1;
                        }
                        counts.push(ords.len() - before);
                    }
                    Ok(())
                })();
                drop(tx);
                let aux = aux.join().map_err(|_| Error::Index {
                    path: self.dir.display().to_string(),
                    message: "grouping failed".into(),
                })?;
                sent?;
                aux
            })?;
        state.next_file += files.len() as u64;
        let keys: Vec<store::BatchKey> = batches
            .iter()
            .zip(counts.iter().zip(&batch_hashes))
            .map(|((id, _), (&comments, &hash))| store::BatchKey {
                id: id.clone(),
                comments,
                hash,
            })
            .collect();
        let grouping = match (grouping, known) {
            (None, Some(k)) if k.batches == keys => std::borrow::Cow::Borrowed(&k.grouping),
            (grouping, _) => {
                // Grouped here, or the grouping at hand did not fit the files after all:
                // grouped from the files now. Recorded for the commands that read the store.
                let g = match grouping {
                    Some(g) => {
                        groups::save(&self.dir, reg, &keys, &g);
                        g
                    }
                    None => {
                        // Keyed by the bytes grouped (the index's own keys may be the state's
                        // for batches not read here).
                        let (g, read) = group_files(batches)?;
                        groups::save(&self.dir, reg, &read, &g);
                        g
                    }
                };
                std::borrow::Cow::Owned(g)
            }
        };
        for &o in &ords {
            if o != u32::MAX {
                cols.group[o as usize] = o;
                cols.size[o as usize] = 1;
            }
        }
        for g in &grouping.groups {
            let members: Vec<u32> = g
                .members
                .iter()
                .map(|&m| ords.get(m as usize).copied().unwrap_or(u32::MAX))
                .filter(|&o| o != u32::MAX)
                .collect();
            let Some(&rep) = members.first() else {
                continue;
            };
            for &o in &members {
                cols.group[o as usize] = rep;
                cols.size[o as usize] = members.len() as u32;
            }
        }
        Ok(Indexed { files, hashes })
    }
}

/// What an update found changed in `comments/` since the index was written.
struct Changes {
    /// The regulations with batches to index or drop.
    regs: BTreeSet<String>,
    /// The batches indexed (`<reg>/<id>`).
    indexed: BTreeSet<String>,
    /// Indexed batches whose files changed since: indexed again, as new ones.
    changed: BTreeSet<String>,
    /// Indexed batches whose files changed only in time: their stamps are renewed.
    touched: BTreeMap<String, Stamp>,
    /// Batch files on disk, per regulation.
    on_disk: BTreeMap<String, BTreeSet<String>>,
}

/// What [`SearchIndex::index_regulation`] wrote and read.
struct Indexed<'b> {
    /// The grams files written.
    files: Vec<String>,
    /// The content hash of each batch file indexed.
    hashes: Vec<(&'b PathBuf, u64)>,
}

/// Groups the texts of batch files, read in the given order, with the keys of the bytes read.
fn group_files(batches: &[(String, PathBuf)]) -> Result<(group::Grouping, Vec<store::BatchKey>)> {
    let mut texts: Vec<String> = Vec::new();
    let mut keys = Vec::with_capacity(batches.len());
    for (id, path) in batches {
        let bytes = store::read_file(path)?;
        let before = texts.len();
        for (_, _, line) in store::comment_lines(&bytes) {
            texts.push(rows::text_of(line).into_owned());
        }
        keys.push(store::BatchKey {
            id: id.clone(),
            comments: texts.len() - before,
            hash: store::content_hash(&bytes),
        });
    }
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    Ok((group::group(&refs), keys))
}

/// Appends a stored comment's columns (its group is set once the regulation is grouped).
fn push_row(cols: &mut ColumnsBuf, row: &Row, reg: u16, batch: u64, offset: u64) {
    if cols.art_start.len() != cols.len() + 1 {
        cols.art_start
            .resize(cols.len() + 1, cols.art_keys.len() as u32);
    }
    cols.key.push(comment_key(&row.id));
    cols.batch.push(batch);
    cols.offset.push(offset);
    cols.reg.push(reg);
    let source = ColumnsBuf::intern(&mut cols.sources, &row.source);
    cols.source.push(source);
    cols.kind.push(
        crate::comment::Kind::ALL
            .iter()
            .position(|k| *k == row.submitter.kind)
            .unwrap_or(0) as u8,
    );
    cols.channel.push(
        crate::comment::Channel::ALL
            .iter()
            .position(|k| *k == row.channel)
            .unwrap_or(0) as u8,
    );
    cols.received.push(
        row.received
            .days()
            .clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
    );
    cols.alive.push(1);
    cols.group.push(cols.key.len() as u32 - 1);
    cols.size.push(1);
    for (main, sub) in row.article_numbers() {
        cols.art_keys
            .push(article_key(&row.regulation, &row.draft, main, sub));
    }
    cols.art_start.push(cols.art_keys.len() as u32);
}

/// Threads for work split over the machine's cores.
pub(crate) fn num_threads() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 8)
}

/// Removes tantivy's files (and lifa's) from `index/`, keeping its README and the records of
/// opinion groups ([`groups`]: they do not depend on the index, and are taken only for the
/// very batches they were made from).
fn clear_index_files(dir: &Path) -> std::io::Result<()> {
    // The state first: a process that opens the index meanwhile finds none, and waits for the
    // lock (held by the caller) instead of opening files being removed.
    match std::fs::remove_file(dir.join(STATE_FILE)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    for e in std::fs::read_dir(dir)?.flatten() {
        let name = e.file_name();
        if name == "README.md" || name == ".gitignore" || name == "groups" || name == LOCK_FILE {
            continue;
        }
        let p = e.path();
        if p.is_dir() {
            std::fs::remove_dir_all(&p)?;
        } else {
            std::fs::remove_file(&p)?;
        }
    }
    Ok(())
}

/// The message of a failure to open the index that says a file of it is missing or damaged
/// (tantivy's or lifa's own), as opposed to a failure of the system (files open, memory, a
/// share that went away), which a rebuild would not mend.
fn is_damage(e: &Error) -> bool {
    let Error::Index { message, .. } = e else {
        return false;
    };
    let m = message.to_lowercase();
    BROKEN.iter().any(|b| m.contains(b))
}

/// What [`is_damage`] looks for: tantivy's words for a missing or damaged file, and lifa's.
const BROKEN: [&str; 6] = [
    "does not exist",
    "corrupt",
    "deserialize",
    "checksum",
    "unexpected end",
    DAMAGED,
];

/// lifa's word for a columns or grams file that does not read.
const DAMAGED: &str = "文件已损坏";

/// The advice that follows [`DAMAGED`] where the index is not mended by itself.
const REBUILD: &str = "，请运行 lifa index --rebuild";

/// A damage as said to staff: the file and what is wrong with it, without advice.
fn damage_of(e: &Error) -> String {
    match e {
        Error::Index { path, message } => format!("{path}：{}", message.trim_end_matches(REBUILD)),
        other => other.to_string(),
    }
}

fn index_error(dir: &Path, e: impl std::fmt::Display) -> Error {
    Error::Index {
        path: dir.display().to_string(),
        message: e.to_string(),
    }
}
