//! The search index in `index/`: a tantivy index of every comment in the workspace, derived
//! from `comments/` and always rebuildable (deleting `index/` loses nothing).
//!
//! What is indexed, and why so little: the comment text is tokenized twice — jieba words
//! (frequencies only, for ranking) and character pairs (with positions, for exact substring
//! recall) — and nothing is stored but small fast fields. A hit's text is read back from its
//! batch file through the byte offset kept in the index, so the index holds no second copy of
//! the comments.
//!
//! `index/lifa-state.json` lists the batch files indexed; [`SearchIndex::update`] indexes new
//! batches, drops removed ones, and re-indexes comments whose opinion group changed (a new
//! copy can turn a duplicate into a campaign), so an update equals a rebuild.

pub mod tokens;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::collector::Collector;
use tantivy::query::TermQuery;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::comment::Comment;
use crate::error::{Error, Result};
use crate::group;
use crate::store::{self, Store};
use crate::workspace::Workspace;

/// Bumped when the schema or the tokenizers change: an index of another version is rebuilt.
const SCHEMA_VERSION: u32 = 1;
/// Indexing memory budget (split across threads).
const WRITER_BUDGET: usize = 200_000_000;

/// The fields of the index.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// The comment id as a number (`c` + 12 hex digits → 48 bits).
    pub key: Field,
    /// The batch, as a number.
    pub batch: Field,
    /// Byte offset of the comment's line in its batch file.
    pub offset: Field,
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
    /// The opinion group: the key of its first comment.
    pub group: Field,
    /// How many comments the group has.
    pub group_size: Field,
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
    let reg = b.add_text_field("reg", STRING | FAST);
    let source = b.add_text_field("source", STRING | FAST);
    let kind = b.add_u64_field("kind", num.clone());
    let channel = b.add_u64_field("channel", num.clone());
    let received = b.add_i64_field("received", num.clone());
    let articles = b.add_u64_field("articles", num);
    let group = b.add_u64_field("group", FAST);
    let group_size = b.add_u64_field("group_size", FAST);
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
            reg,
            source,
            kind,
            channel,
            received,
            articles,
            group,
            group_size,
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
        let index = if has_index && state.schema == SCHEMA_VERSION {
            Index::open_in_dir(&dir).map_err(|e| index_error(&dir, e))?
        } else {
            clear_index_files(&dir).map_err(io)?;
            Index::create_in_dir(&dir, schema).map_err(|e| index_error(&dir, e))?
        };
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
                batches: BTreeMap::new(),
            }
        };
        Ok(SearchIndex {
            dir,
            root: ws.root.clone(),
            index,
            reader,
            fields,
            state,
            words,
        })
    }

    /// A searcher over the committed index.
    pub fn searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }

    /// The batch file (absolute) of a batch key, for reading hits back.
    pub fn batch_paths(&self) -> HashMap<u64, PathBuf> {
        self.state
            .batches
            .iter()
            .map(|(k, p)| {
                let id = k.rsplit('/').next().unwrap_or(k);
                (comment_key(id), self.root.join(p))
            })
            .collect()
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
        let mut writer: IndexWriter<TantivyDocument> = self
            .index
            .writer_with_num_threads(num_threads(), WRITER_BUDGET)
            .map_err(|e| index_error(&self.dir, e))?;
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
            // Every comment of the regulation, with where it is, and its opinion group.
            let mut all: Vec<(u64, u64, Comment)> = Vec::new();
            let mut new_batches = BTreeSet::new();
            for (id, path) in &batches {
                let bkey = comment_key(id);
                for (offset, c) in store::read_batch_lines(path)? {
                    all.push((bkey, offset, c));
                }
                let k = format!("{reg}/{id}");
                if !self.state.batches.contains_key(&k) {
                    new_batches.insert(bkey);
                    stats.batches_added += 1;
                }
            }
            let texts: Vec<&str> = all.iter().map(|(_, _, c)| c.text.as_str()).collect();
            let grouping = group::group(&texts);
            let old_groups = self.groups_of(reg)?;
            for (i, (bkey, offset, c)) in all.iter().enumerate() {
                let g = &grouping.groups[grouping.group_of[i] as usize];
                let gkey = comment_key(&all[g.members[0] as usize].2.id);
                let size = g.members.len() as u64;
                let key = comment_key(&c.id);
                let fresh = new_batches.contains(bkey);
                if !fresh && old_groups.get(&key) == Some(&(gkey, size)) {
                    continue;
                }
                if !fresh {
                    writer.delete_term(Term::from_field_u64(self.fields.key, key));
                }
                writer
                    .add_document(self.document(c, *bkey, *offset, gkey, size))
                    .map_err(|e| index_error(&self.dir, e))?;
                stats.comments_indexed += 1;
            }
            for (id, path) in &batches {
                let rel = path.strip_prefix(&ws.root).unwrap_or(path);
                self.state
                    .batches
                    .insert(format!("{reg}/{id}"), rel.display().to_string());
            }
        }
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
        stats.comments_total = self.searcher().num_docs();
        Ok(stats)
    }

    /// (group key, group size) of every indexed comment of a regulation.
    fn groups_of(&self, reg: &str) -> Result<HashMap<u64, (u64, u64)>> {
        let searcher = self.searcher();
        let q = TermQuery::new(
            Term::from_field_text(self.fields.reg, reg),
            IndexRecordOption::Basic,
        );
        searcher
            .search(&q, &GroupsCollector)
            .map_err(|e| index_error(&self.dir, e))
    }

    fn document(
        &self,
        c: &Comment,
        batch: u64,
        offset: u64,
        group: u64,
        size: u64,
    ) -> TantivyDocument {
        let f = &self.fields;
        let mut d = TantivyDocument::default();
        d.add_u64(f.key, comment_key(&c.id));
        d.add_u64(f.batch, batch);
        d.add_u64(f.offset, offset);
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
        for (main, sub) in c.cites.article_numbers() {
            d.add_u64(f.articles, article_key(&c.regulation, &c.draft, main, sub));
        }
        d.add_u64(f.group, group);
        d.add_u64(f.group_size, size);
        d.add_text(f.words, &c.text);
        d.add_text(f.grams, &c.text);
        d
    }
}

/// Collects (key → (group, size)) from fast fields.
struct GroupsCollector;

struct GroupsSegment {
    key: tantivy::columnar::Column<u64>,
    group: tantivy::columnar::Column<u64>,
    size: tantivy::columnar::Column<u64>,
    out: HashMap<u64, (u64, u64)>,
}

impl Collector for GroupsCollector {
    type Fruit = HashMap<u64, (u64, u64)>;
    type Child = GroupsSegment;

    fn for_segment(
        &self,
        _: tantivy::SegmentOrdinal,
        segment: &tantivy::SegmentReader,
    ) -> tantivy::Result<GroupsSegment> {
        let ff = segment.fast_fields();
        Ok(GroupsSegment {
            key: ff.u64("key")?,
            group: ff.u64("group")?,
            size: ff.u64("group_size")?,
            out: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl tantivy::collector::SegmentCollector for GroupsSegment {
    type Fruit = HashMap<u64, (u64, u64)>;

    fn collect(&mut self, doc: tantivy::DocId, _: tantivy::Score) {
        if let Some(k) = self.key.first(doc) {
            let g = self.group.first(doc).unwrap_or(k);
            let s = self.size.first(doc).unwrap_or(1);
            self.out.insert(k, (g, s));
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
