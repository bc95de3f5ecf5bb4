//! The search index in `index/`: a tantivy index of every comment in the workspace, derived
//! from `comments/` and always rebuildable (deleting `index/` loses nothing).
//!
//! What is indexed, and why so little: the comment text is tokenized twice — jieba words
//! (frequencies only, for ranking) and character pairs (with positions, for exact substring
//! recall) — and nothing is stored but small fast fields. A hit's text is read back from its
//! batch file through the byte offset kept in the index, so the index holds no second copy of
//! the comments.
//!
//! Opinion groups are not in the index: `index/groups.bin` ([`groups`]) maps each comment's
//! ordinal to its group, and is rewritten after every update, so a new copy that turns a
//! duplicate into a campaign re-indexes nothing.
//!
//! `index/lifa-state.json` lists the batch files indexed; [`SearchIndex::update`] indexes new
//! batches, drops removed ones and regroups the regulations they belong to, so an update
//! equals a rebuild.

pub mod groups;
pub(crate) mod rows;
pub mod tokens;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use tantivy::collector::Collector;
use tantivy::indexer::NoMergePolicy;
use tantivy::query::TermQuery;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::error::{Error, Result};
use crate::group;
use crate::store::{self, Store};
use crate::workspace::Workspace;

use self::groups::Groups;
use self::rows::Row;

/// Bumped when the schema or the tokenizers change: an index of another version is rebuilt.
const SCHEMA_VERSION: u32 = 4;
/// Indexing memory budget (split across threads). Segments are never merged while indexing,
/// so the budget also sets how many segments a rebuild leaves (one per indexing thread for
/// 200,000 generated comments).
const WRITER_BUDGET: usize = 400_000_000;

/// The fields of the index.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// The comment id as a number (`c` + 12 hex digits → 48 bits).
    pub key: Field,
    /// The batch, as a number.
    pub batch: Field,
    /// Byte offset of the comment's line in its batch file.
    pub offset: Field,
    /// The comment's ordinal in `groups.bin`.
    pub ord: Field,
    /// The regulation.
    pub reg: Field,
    /// The contact point.
    pub source: Field,
    /// Submitter kind (index into [`crate::comment::Kind::ALL`]).
    pub kind: Field,
    /// Channel (index into [`crate::comment::Channel::ALL`]).
    pub channel: Field,
    /// Date received, as days since 1970-01-01.
    pub received: Field,
    /// Articles cited, as [`article_key`]s (several per comment).
    pub articles: Field,
    /// jieba words of the text.
    pub words: Field,
    /// Character pairs of the text.
    pub grams: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let num = INDEXED | FAST;
    let key = b.add_u64_field("key", num.clone());
    let batch = b.add_u64_field("batch", num.clone());
    let offset = b.add_u64_field("offset", FAST);
    let ord = b.add_u64_field("ord", FAST);
    let reg = b.add_text_field("reg", STRING | FAST);
    let source = b.add_text_field("source", STRING | FAST);
    let kind = b.add_u64_field("kind", num.clone());
    let channel = b.add_u64_field("channel", num.clone());
    let received = b.add_i64_field("received", num.clone());
    let articles = b.add_u64_field("articles", num);
    let words = b.add_text_field(
        "words",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("lifa_words")
                .set_fieldnorms(true)
                .set_index_option(IndexRecordOption::WithFreqs),
        ),
    );
    let grams = b.add_text_field(
        "grams",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("lifa_grams")
                .set_fieldnorms(false)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        ),
    );
    (
        b.build(),
        Fields {
            key,
            batch,
            offset,
            ord,
            reg,
            source,
            kind,
            channel,
            received,
            articles,
            words,
            grams,
        },
    )
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
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct State {
    schema: u32,
    /// Indexed batch files, `<reg>/<batch-id>` → path relative to the workspace.
    batches: BTreeMap<String, String>,
    /// The next comment ordinal to hand out.
    #[serde(default)]
    next_ord: u32,
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
    groups: Mutex<Option<Arc<Groups>>>,
    /// What `crate::search` derives from the workspace once (article labels, dispositions).
    pub(crate) search_cache: Mutex<Option<Arc<crate::search::Context>>>,
}

impl SearchIndex {
    /// `index/` of a workspace.
    pub fn dir(ws: &Workspace) -> PathBuf {
        ws.root.join("index")
    }

    /// Opens the index, creating an empty one when there is none (or one of an older schema).
    /// The tokenizers are registered every time.
    pub fn open(ws: &Workspace) -> Result<SearchIndex> {
        let dir = Self::dir(ws);
        let io = |e: std::io::Error| Error::Io {
            path: dir.display().to_string(),
            source: e,
        };
        std::fs::create_dir_all(&dir).map_err(io)?;
        let state: State = std::fs::read(dir.join("lifa-state.json"))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        let (schema, fields) = schema();
        let has_index = dir.join("meta.json").exists();
        let mut index = if has_index && state.schema == SCHEMA_VERSION {
            Index::open_in_dir(&dir).map_err(|e| index_error(&dir, e))?
        } else {
            clear_index_files(&dir).map_err(io)?;
            Index::create_in_dir(&dir, schema).map_err(|e| index_error(&dir, e))?
        };
        // Queries search the segments in parallel (a rebuild leaves several, never merged).
        index
            .set_multithread_executor(num_threads())
            .map_err(|e| index_error(&dir, e))?;
        let words = tokens::Words::new(&ws.root);
        index.tokenizers().register("lifa_words", words.clone());
        index.tokenizers().register("lifa_grams", tokens::Grams);
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
            groups: Mutex::new(None),
            search_cache: Mutex::new(None),
        };
        idx.paths = idx.compute_paths();
        Ok(idx)
    }

    /// A searcher over the committed index.
    pub fn searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }

    fn compute_paths(&self) -> HashMap<u64, PathBuf> {
        self.state
            .batches
            .iter()
            .map(|(k, p)| {
                let id = k.rsplit('/').next().unwrap_or(k);
                (comment_key(id), self.root.join(p))
            })
            .collect()
    }

    /// The batch file (absolute) of a batch key, for reading hits back.
    pub fn batch_paths(&self) -> &HashMap<u64, PathBuf> {
        &self.paths
    }

    /// The opinion groups (`groups.bin`), read once.
    pub fn groups(&self) -> Arc<Groups> {
        let mut g = self.groups.lock().unwrap_or_else(|e| e.into_inner());
        Arc::clone(g.get_or_insert_with(|| Arc::new(Groups::read(&self.dir.join("groups.bin")))))
    }

    /// The jieba segmenter the index uses (loaded on first use).
    pub fn words(&self) -> &tokens::Words {
        &self.words
    }

    /// Throws the index away and indexes every comment again.
    pub fn rebuild(ws: &Workspace) -> Result<UpdateStats> {
        let dir = Self::dir(ws);
        if dir.exists() {
            clear_index_files(&dir).map_err(|source| Error::Io {
                path: dir.display().to_string(),
                source,
            })?;
        }
        let mut idx = SearchIndex::open(ws)?;
        let mut stats = idx.update(ws)?;
        stats.rebuilt = true;
        Ok(stats)
    }

    /// Brings the index up to date with `comments/`.
    pub fn update(&mut self, ws: &Workspace) -> Result<UpdateStats> {
        let mut stats = UpdateStats::default();
        // Batch files on disk, per regulation.
        let mut on_disk: BTreeMap<String, BTreeMap<String, PathBuf>> = BTreeMap::new();
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
                let id = p
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                on_disk.entry(reg.clone()).or_default().insert(id, p);
            }
        }
        let indexed: BTreeSet<String> = self.state.batches.keys().cloned().collect();
        let present: BTreeSet<String> = on_disk
            .iter()
            .flat_map(|(r, b)| b.keys().map(move |id| format!("{r}/{id}")))
            .collect();
        let changed_regs: BTreeSet<String> = indexed
            .symmetric_difference(&present)
            .filter_map(|k| k.split('/').next().map(str::to_string))
            .collect();
        if changed_regs.is_empty() {
            stats.comments_total = self.searcher().num_docs();
            return Ok(stats);
        }
        let fresh = self.searcher().num_docs() == 0;
        let mut writer: IndexWriter<TantivyDocument> = self
            .index
            .writer_with_num_threads(num_threads(), WRITER_BUDGET)
            .map_err(|e| index_error(&self.dir, e))?;
        if fresh {
            // Nothing to merge into: merging would only copy the new segments once more.
            writer.set_merge_policy(Box::new(NoMergePolicy));
        }
        let mut groups = if fresh {
            Groups::default()
        } else {
            (*self.groups()).clone()
        };
        for reg in &changed_regs {
            let batches = on_disk.get(reg).cloned().unwrap_or_default();
            // Removed batches: drop their comments.
            for key in indexed.iter().filter(|k| k.starts_with(&format!("{reg}/"))) {
                let id = &key[reg.len() + 1..];
                if !batches.contains_key(id) {
                    writer.delete_term(Term::from_field_u64(self.fields.batch, comment_key(id)));
                    self.state.batches.remove(key);
                    stats.batches_removed += 1;
                }
            }
            self.index_regulation(reg, &batches, &writer, &mut groups, &mut stats)?;
            for (id, path) in &batches {
                let rel = path.strip_prefix(&ws.root).unwrap_or(path);
                self.state
                    .batches
                    .insert(format!("{reg}/{id}"), rel.display().to_string());
            }
        }
        // The groups first: a crash before the commit leaves groups of comments not yet
        // indexed, which nothing reads.
        store::write_atomic(&self.dir.join("groups.bin"), &groups.to_bytes())?;
        writer.commit().map_err(|e| index_error(&self.dir, e))?;
        writer
            .wait_merging_threads()
            .map_err(|e| index_error(&self.dir, e))?;
        self.state.schema = SCHEMA_VERSION;
        let state = serde_json::to_vec_pretty(&self.state).unwrap_or_default();
        store::write_atomic(&self.dir.join("lifa-state.json"), &state)?;
        self.reader
            .reload()
            .map_err(|e| index_error(&self.dir, e))?;
        self.paths = self.compute_paths();
        *self.groups.lock().unwrap_or_else(|e| e.into_inner()) = Some(Arc::new(groups));
        *self.search_cache.lock().unwrap_or_else(|e| e.into_inner()) = None;
        stats.comments_total = self.searcher().num_docs();
        Ok(stats)
    }

    /// Indexes the new batches of a regulation and regroups all of its comments. The grouping
    /// runs on a thread of its own, fed each batch file as it is read, while this thread parses
    /// the batches and tantivy's threads index them.
    fn index_regulation(
        &mut self,
        reg: &str,
        batches: &BTreeMap<String, PathBuf>,
        writer: &IndexWriter<TantivyDocument>,
        groups: &mut Groups,
        stats: &mut UpdateStats,
    ) -> Result<()> {
        let old_ords = if batches
            .keys()
            .any(|id| self.state.batches.contains_key(&format!("{reg}/{id}")))
        {
            self.ords_of(reg)?
        } else {
            FxHashMap::default()
        };
        // Every comment of the regulation, in reading order: its ordinal.
        let mut ords: Vec<u32> = Vec::new();
        let mut next_ord = self.state.next_ord;
        let grouping = std::thread::scope(|s| -> Result<group::Grouping> {
            let (tx, rx) = std::sync::mpsc::channel::<Arc<Vec<u8>>>();
            let grouper = s.spawn(move || {
                let mut texts: Vec<String> = Vec::new();
                for bytes in rx {
                    for (_, _, line) in rows::lines(&bytes) {
                        let text = rows::text_span(line)
                            .and_then(|(a, n)| rows::span_text(&line[a..a + n]))
                            .map(std::borrow::Cow::into_owned)
                            .or_else(|| {
                                serde_json::from_slice::<Row>(line)
                                    .ok()
                                    .map(|r| r.text.into_owned())
                            });
                        texts.push(text.unwrap_or_default());
                    }
                }
                let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
                group::group(&refs)
            });
            for (id, path) in batches {
                let shown = path.display().to_string();
                let bytes = Arc::new(std::fs::read(path).map_err(|source| Error::Io {
                    path: shown.clone(),
                    source,
                })?);
                let _ = tx.send(Arc::clone(&bytes));
                let bkey = comment_key(id);
                let fresh = !self.state.batches.contains_key(&format!("{reg}/{id}"));
                if fresh {
                    stats.batches_added += 1;
                }
                for (i, start, line) in rows::lines(&bytes) {
                    let corrupt = |e: serde_json::Error| Error::Store {
                        path: shown.clone(),
                        line: i + 1,
                        message: format!("意见记录有误：{e}"),
                    };
                    if !fresh {
                        #[derive(Deserialize)]
                        struct Id<'a> {
                            #[serde(borrow)]
                            id: std::borrow::Cow<'a, str>,
                        }
                        let row: Id = serde_json::from_slice(line).map_err(corrupt)?;
                        ords.push(
                            old_ords
                                .get(&comment_key(&row.id))
                                .copied()
                                .unwrap_or(u32::MAX),
                        );
                        continue;
                    }
                    let row: Row = serde_json::from_slice(line).map_err(corrupt)?;
                    let ord = next_ord;
                    next_ord = next_ord.checked_add(1).ok_or_else(|| Error::Index {
                        path: self.dir.display().to_string(),
                        message: "too many comments: run lifa index --rebuild".into(),
                    })?;
                    ords.push(ord);
                    writer
                        .add_document(self.document(&row, bkey, start as u64, ord))
                        .map_err(|e| index_error(&self.dir, e))?;
                    stats.comments_indexed += 1;
                }
            }
            drop(tx);
            grouper.join().map_err(|_| Error::Index {
                path: self.dir.display().to_string(),
                message: "grouping failed".into(),
            })
        })?;
        self.state.next_ord = next_ord;
        groups.grow(next_ord as usize);
        for g in &grouping.groups {
            let rep = ords[g.members[0] as usize];
            for &m in &g.members {
                let ord = ords[m as usize];
                if ord != u32::MAX {
                    groups.group[ord as usize] = if rep == u32::MAX { ord } else { rep };
                    groups.size[ord as usize] = g.members.len() as u32;
                }
            }
        }
        Ok(())
    }

    /// Comment key → ordinal of every indexed comment of a regulation.
    fn ords_of(&self, reg: &str) -> Result<FxHashMap<u64, u32>> {
        let searcher = self.searcher();
        let q = TermQuery::new(
            Term::from_field_text(self.fields.reg, reg),
            IndexRecordOption::Basic,
        );
        searcher
            .search(&q, &OrdsCollector)
            .map_err(|e| index_error(&self.dir, e))
    }

    fn document(&self, c: &Row, batch: u64, offset: u64, ord: u32) -> TantivyDocument {
        let f = &self.fields;
        let mut d = TantivyDocument::default();
        d.add_u64(f.key, comment_key(&c.id));
        d.add_u64(f.batch, batch);
        d.add_u64(f.offset, offset);
        d.add_u64(f.ord, u64::from(ord));
        d.add_text(f.reg, &c.regulation);
        d.add_text(f.source, &c.source);
        d.add_u64(
            f.kind,
            crate::comment::Kind::ALL
                .iter()
                .position(|k| *k == c.submitter.kind)
                .unwrap_or(0) as u64,
        );
        d.add_u64(
            f.channel,
            crate::comment::Channel::ALL
                .iter()
                .position(|k| *k == c.channel)
                .unwrap_or(0) as u64,
        );
        d.add_i64(f.received, c.received.days());
        for (main, sub) in c.article_numbers() {
            d.add_u64(f.articles, article_key(&c.regulation, &c.draft, main, sub));
        }
        d.add_text(f.words, &c.text);
        d.add_text(f.grams, &c.text);
        d
    }
}

/// Collects (key → ordinal) from fast fields.
struct OrdsCollector;

struct OrdsSegment {
    key: tantivy::columnar::Column<u64>,
    ord: tantivy::columnar::Column<u64>,
    out: FxHashMap<u64, u32>,
}

impl Collector for OrdsCollector {
    type Fruit = FxHashMap<u64, u32>;
    type Child = OrdsSegment;

    fn for_segment(
        &self,
        _: tantivy::SegmentOrdinal,
        segment: &tantivy::SegmentReader,
    ) -> tantivy::Result<OrdsSegment> {
        let ff = segment.fast_fields();
        Ok(OrdsSegment {
            key: ff.u64("key")?,
            ord: ff.u64("ord")?,
            out: FxHashMap::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl tantivy::collector::SegmentCollector for OrdsSegment {
    type Fruit = FxHashMap<u64, u32>;

    fn collect(&mut self, doc: tantivy::DocId, _: tantivy::Score) {
        if let (Some(k), Some(o)) = (self.key.first(doc), self.ord.first(doc)) {
            self.out.insert(k, o as u32);
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.out
    }
}

fn num_threads() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 8)
}

/// Removes tantivy's files (and lifa's state) from `index/`, keeping its README.
fn clear_index_files(dir: &Path) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)?.flatten() {
        let name = e.file_name();
        if name == "README.md" || name == ".gitignore" {
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

fn index_error(dir: &Path, e: impl std::fmt::Display) -> Error {
    Error::Index {
        path: dir.display().to_string(),
        message: e.to_string(),
    }
}
