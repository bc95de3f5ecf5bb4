//! Article pairs → edits: the inline diff of each aligned pair and the edit count.
//!
//! Third stage of the drafting pipeline: `(old, new, Alignment)` → [`DraftDiff`], the plain
//! data every renderer in [`crate::report`] takes. The only module that imports `similar`.
//!
//! Texts are compared over words (jieba tokens; article references such as `第十二条第二款`
//! are one token each). **Counting edits (处):** each maximal run of changed words in a matched
//! article, after merging runs separated only by punctuation or whitespace, is one edit; an
//! added article is one edit; a deleted article is one edit; a move is one edit; pure
//! renumbering is zero. A run whose only changes are internal references that follow the
//! renumbering (`第十二条` → `第十三条` where article 12 became 13) is a *consequential* edit,
//! counted apart from the substantive ones. For display, changed words are refined to
//! characters.

use std::collections::HashMap;
use std::sync::Arc;

use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::align::{Alignment, ArticlePair};
use crate::draft::{Article, ArticleNumber, Draft};
use crate::refs::{self, ArticleRef};
use crate::segment;

/// The comparison of two versions of a regulation.
#[derive(Debug, Clone)]
pub struct DraftDiff {
    /// The regulation's folder name, when the drafts came from a workspace.
    pub regulation: Option<String>,
    /// The older version.
    pub old: VersionInfo,
    /// The newer version.
    pub new: VersionInfo,
    /// Every article of both versions, in reading order.
    pub articles: Vec<ArticleDiff>,
    /// Counts.
    pub summary: Summary,
}

/// What identifies one version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionInfo {
    /// Short id (`v1`), from the front matter or the file name.
    pub version: String,
    /// Reading stage (一审稿…).
    pub stage: Option<String>,
    /// Date as written.
    pub date: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// The file.
    pub source: String,
    /// Number of articles.
    pub articles: usize,
}

impl VersionInfo {
    /// Describes a draft; `fallback` is used when it has no `version` in its front matter.
    pub fn of(draft: &Draft, fallback: &str) -> Self {
        VersionInfo {
            version: draft.version_or(fallback).to_string(),
            stage: draft.meta.stage.clone(),
            date: draft.meta.date.clone(),
            title: draft.meta.title.clone().or_else(|| draft.title.clone()),
            source: draft.source.clone(),
            articles: draft.articles.len(),
        }
    }

    /// `二审稿（v2）` or just `v2`.
    pub fn display_name(&self) -> String {
        match &self.stage {
            Some(s) => format!("{s}（{}）", self.version),
            None => self.version.clone(),
        }
    }
}

/// How an article changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Change {
    /// Same text (it may still be renumbered or moved).
    Unchanged,
    /// The text changed substantively.
    Modified,
    /// Only cross-reference numbers changed, following the renumbering.
    Consequential,
    /// New in the new version.
    Added,
    /// Gone from the new version.
    Deleted,
}

impl Change {
    /// The name used in JSON: `unchanged`, `modified`, `consequential`, `added`, `deleted`.
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Unchanged => "unchanged",
            Change::Modified => "modified",
            Change::Consequential => "consequential",
            Change::Added => "added",
            Change::Deleted => "deleted",
        }
    }

    /// The word staff use: 未修改, 修改, 引用条号调整, 新增, 删除.
    pub fn label_zh(self) -> &'static str {
        match self {
            Change::Unchanged => "未修改",
            Change::Modified => "修改",
            Change::Consequential => "引用条号调整",
            Change::Added => "新增",
            Change::Deleted => "删除",
        }
    }
}

/// One side of an article pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleSide {
    /// `第十二条`.
    pub label: String,
    /// Its number.
    pub number: ArticleNumber,
    /// Line of the label in its file.
    pub line: usize,
    /// Enclosing divisions, outermost first (`第三章　水污染防治`).
    pub divisions: Arc<[String]>,
}

impl ArticleSide {
    fn of(article: &Article, paths: &DivisionPaths) -> Self {
        ArticleSide {
            label: article.number.to_string(),
            number: article.number,
            line: article.line,
            divisions: paths.of(article),
        }
    }
}

/// The heading path of every division of a draft, computed once and shared by its articles.
struct DivisionPaths(Vec<Arc<[String]>>, Arc<[String]>);

impl DivisionPaths {
    fn new(draft: &Draft) -> Self {
        let mut paths: Vec<Arc<[String]>> = Vec::with_capacity(draft.divisions.len());
        for d in &draft.divisions {
            let mut p: Vec<String> = d.parent.map(|i| paths[i].to_vec()).unwrap_or_default();
            p.push(d.heading());
            paths.push(p.into());
        }
        DivisionPaths(paths, Arc::from(Vec::new()))
    }

    fn of(&self, article: &Article) -> Arc<[String]> {
        article
            .division
            .map_or_else(|| self.1.clone(), |i| self.0[i].clone())
    }
}

/// One row of the comparison.
#[derive(Debug, Clone)]
pub struct ArticleDiff {
    /// How the text changed.
    pub change: Change,
    /// The article left its place or its chapter.
    pub moved: bool,
    /// Its number changed.
    pub renumbered: bool,
    /// The pairing was set by hand in `alignment.toml`.
    pub manual: bool,
    /// The old article.
    pub old: Option<ArticleSide>,
    /// The new article.
    pub new: Option<ArticleSide>,
    /// For an added article split off an old one: that old article's label.
    pub split_from: Option<String>,
    /// For a deleted article merged into a new one: that new article's label.
    pub merged_into: Option<String>,
    /// Text similarity of the pair (0 for added/deleted).
    pub similarity: f64,
    /// The text of both sides as one sequence of equal, deleted and inserted pieces; blocks are
    /// separated by `\n`.
    pub segments: Vec<Segment>,
    /// The counted edits.
    pub edits: Vec<Edit>,
}

impl ArticleDiff {
    /// The old text (equal and deleted pieces).
    pub fn old_text(&self) -> String {
        self.segments
            .iter()
            .filter(|s| s.op != SegmentOp::Insert)
            .map(|s| s.text.as_str())
            .collect()
    }

    /// The new text (equal and inserted pieces).
    pub fn new_text(&self) -> String {
        self.segments
            .iter()
            .filter(|s| s.op != SegmentOp::Delete)
            .map(|s| s.text.as_str())
            .collect()
    }

    /// Whether anything about the article changed (text, number or place).
    pub fn is_change(&self) -> bool {
        self.change != Change::Unchanged || self.moved || self.renumbered
    }
}

/// A piece of text in a pair's inline diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Equal, deleted or inserted.
    pub op: SegmentOp,
    /// The text.
    pub text: String,
    /// Index into [`ArticleDiff::edits`] of the edit this piece belongs to.
    pub edit: Option<usize>,
}

/// Kind of a [`Segment`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentOp {
    /// In both texts.
    Equal,
    /// Only in the old text.
    Delete,
    /// Only in the new text.
    Insert,
}

/// One counted edit (处).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// Stable id derived from the content of the two articles and of the edit.
    pub id: String,
    /// What kind of edit.
    pub kind: EditKind,
    /// Old wording (empty for an insertion).
    pub old: String,
    /// New wording (empty for a deletion).
    pub new: String,
}

/// Kind of an [`Edit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EditKind {
    /// Words (or a whole article) added.
    Insert,
    /// Words (or a whole article) removed.
    Delete,
    /// Words replaced.
    Replace,
    /// The article moved to another place or chapter.
    Move,
    /// Reference numbers updated because of renumbering.
    Consequential,
}

impl EditKind {
    /// JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            EditKind::Insert => "insert",
            EditKind::Delete => "delete",
            EditKind::Replace => "replace",
            EditKind::Move => "move",
            EditKind::Consequential => "consequential",
        }
    }

    /// Chinese name: 增加, 删除, 修改, 移动, 引用条号调整.
    pub fn label_zh(self) -> &'static str {
        match self {
            EditKind::Insert => "增加",
            EditKind::Delete => "删除",
            EditKind::Replace => "修改",
            EditKind::Move => "移动",
            EditKind::Consequential => "引用条号调整",
        }
    }

    /// Whether the edit is substantive (everything but consequential).
    pub fn is_substantive(self) -> bool {
        self != EditKind::Consequential
    }
}

/// Counts over a whole comparison.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// All counted edits (substantive + consequential).
    pub edits: usize,
    /// Edits that are not consequential.
    pub substantive_edits: usize,
    /// Reference updates that only follow renumbering.
    pub consequential_edits: usize,
    /// Articles in the old version.
    pub articles_old: usize,
    /// Articles in the new version.
    pub articles_new: usize,
    /// Pairs with identical text.
    pub articles_unchanged: usize,
    /// Pairs with substantive text changes.
    pub articles_modified: usize,
    /// Pairs whose only change is reference numbers.
    pub articles_consequential: usize,
    /// New articles.
    pub articles_added: usize,
    /// Deleted articles.
    pub articles_deleted: usize,
    /// Moved articles.
    pub articles_moved: usize,
    /// Pairs whose number changed.
    pub articles_renumbered: usize,
    /// Added articles split off an old one.
    pub articles_split: usize,
    /// Deleted articles merged into a new one.
    pub articles_merged: usize,
    /// Rows set by hand.
    pub articles_manual: usize,
}

/// Compares two aligned drafts.
///
/// ```
/// use lifa::{align::align, diff::diff, draft::parse};
/// let old = parse("a.md", "第一条　单位应当报告。\n").unwrap();
/// let new = parse("b.md", "第一条　单位必须及时报告。\n").unwrap();
/// let d = diff(None, &old, &new, &align(&old, &new, &[]), "旧", "新");
/// assert_eq!(d.summary.edits, 1); // 应当 → 必须及时: one run of changed words
/// ```
pub fn diff(
    regulation: Option<&str>,
    old: &Draft,
    new: &Draft,
    alignment: &Alignment,
    old_fallback: &str,
    new_fallback: &str,
) -> DraftDiff {
    let numbers = alignment.number_map(old, new);
    let paths = (DivisionPaths::new(old), DivisionPaths::new(new));
    let articles: Vec<ArticleDiff> = alignment
        .pairs
        .iter()
        .map(|p| diff_pair(old, new, p, &numbers, &paths))
        .collect();
    let summary = summarise(old, new, &articles);
    DraftDiff {
        regulation: regulation.map(str::to_string),
        old: VersionInfo::of(old, old_fallback),
        new: VersionInfo::of(new, new_fallback),
        articles,
        summary,
    }
}

fn summarise(old: &Draft, new: &Draft, articles: &[ArticleDiff]) -> Summary {
    let mut s = Summary {
        articles_old: old.articles.len(),
        articles_new: new.articles.len(),
        ..Summary::default()
    };
    for a in articles {
        for e in &a.edits {
            s.edits += 1;
            if e.kind.is_substantive() {
                s.substantive_edits += 1;
            } else {
                s.consequential_edits += 1;
            }
        }
        match a.change {
            Change::Unchanged => s.articles_unchanged += 1,
            Change::Modified => s.articles_modified += 1,
            Change::Consequential => s.articles_consequential += 1,
            Change::Added => s.articles_added += 1,
            Change::Deleted => s.articles_deleted += 1,
        }
        s.articles_moved += a.moved as usize;
        s.articles_renumbered += a.renumbered as usize;
        s.articles_split += a.split_from.is_some() as usize;
        s.articles_merged += a.merged_into.is_some() as usize;
        s.articles_manual += a.manual as usize;
    }
    s
}

fn edit_id(parts: &[&str]) -> String {
    let mut h = blake3::Hasher::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update(&[0]);
    }
    h.finalize().to_hex()[..10].to_string()
}

fn diff_pair(
    old: &Draft,
    new: &Draft,
    pair: &ArticlePair,
    numbers: &HashMap<ArticleNumber, ArticleNumber>,
    paths: &(DivisionPaths, DivisionPaths),
) -> ArticleDiff {
    let old_a = pair.old.map(|i| &old.articles[i]);
    let new_a = pair.new.map(|j| &new.articles[j]);
    let mut out = ArticleDiff {
        change: Change::Unchanged,
        moved: pair.moved,
        renumbered: matches!((old_a, new_a), (Some(o), Some(n)) if o.number != n.number),
        manual: pair.manual,
        old: old_a.map(|a| ArticleSide::of(a, &paths.0)),
        new: new_a.map(|a| ArticleSide::of(a, &paths.1)),
        split_from: pair.split_from.map(|i| old.articles[i].number.to_string()),
        merged_into: pair.merged_into.map(|j| new.articles[j].number.to_string()),
        similarity: pair.similarity,
        segments: Vec::new(),
        edits: Vec::new(),
    };
    match (old_a, new_a) {
        (None, Some(n)) => {
            let body = n.body().to_string();
            out.change = Change::Added;
            out.edits.push(Edit {
                id: edit_id(&["add", &body]),
                kind: EditKind::Insert,
                old: String::new(),
                new: body.clone(),
            });
            out.segments.push(Segment {
                op: SegmentOp::Insert,
                text: body,
                edit: Some(0),
            });
        }
        (Some(o), None) => {
            let body = o.body().to_string();
            out.change = Change::Deleted;
            out.edits.push(Edit {
                id: edit_id(&["delete", &body]),
                kind: EditKind::Delete,
                old: body.clone(),
                new: String::new(),
            });
            out.segments.push(Segment {
                op: SegmentOp::Delete,
                text: body,
                edit: Some(0),
            });
        }
        (Some(o), Some(n)) => {
            let (ob, nb) = (o.body(), n.body());
            if pair.moved {
                let from = describe_place(old, o);
                let to = describe_place(new, n);
                out.edits.push(Edit {
                    id: edit_id(&["move", ob, nb]),
                    kind: EditKind::Move,
                    old: from,
                    new: to,
                });
            }
            if ob == nb {
                out.segments.push(Segment {
                    op: SegmentOp::Equal,
                    text: nb.to_string(),
                    edit: None,
                });
            } else {
                inline_diff(ob, nb, numbers, &mut out);
                let substantive = out
                    .edits
                    .iter()
                    .any(|e| e.kind.is_substantive() && e.kind != EditKind::Move);
                out.change = if substantive {
                    Change::Modified
                } else {
                    Change::Consequential
                };
            }
        }
        (None, None) => {}
    }
    out
}

fn describe_place(draft: &Draft, article: &Article) -> String {
    let mut parts: Vec<String> = draft
        .division_path(article)
        .iter()
        .map(|d| d.heading())
        .collect();
    parts.push(article.number.to_string());
    parts.join(" ")
}

/// A word of an article's text.
struct Token<'a> {
    text: &'a str,
    /// Only punctuation or whitespace (including the block separator `\n`).
    separator: bool,
    /// The token is an article reference.
    reference: Option<ArticleRef>,
    /// The token is the label of an item or sub-item (`（三）`, `2.`) at the start of a block.
    label: bool,
}

fn tokenize(text: &str) -> Vec<Token<'_>> {
    fn push_words<'a>(piece: &'a str, at_block_start: bool, out: &mut Vec<Token<'a>>) {
        for (k, mut line) in piece.split('\n').enumerate() {
            if k > 0 {
                out.push(Token {
                    text: "\n",
                    separator: true,
                    reference: None,
                    label: false,
                });
            }
            if (k > 0 || at_block_start)
                && let Some((_, len)) = crate::draft::block_label(line)
            {
                out.push(Token {
                    text: &line[..len],
                    separator: false,
                    reference: None,
                    label: true,
                });
                line = &line[len..];
            }
            for w in segment::words(line) {
                out.push(Token {
                    text: w,
                    separator: !crate::segment::has_word_char(w),
                    reference: None,
                    label: false,
                });
            }
        }
    }
    let mut out = Vec::new();
    let mut pos = 0;
    for r in refs::find(text) {
        let start = pos == 0 || text[..pos].ends_with('\n');
        push_words(&text[pos..r.range.start], start, &mut out);
        out.push(Token {
            text: &text[r.range.clone()],
            separator: false,
            reference: Some(r.clone()),
            label: false,
        });
        pos = r.range.end;
    }
    let start = pos == 0 || text[..pos].ends_with('\n');
    push_words(&text[pos..], start, &mut out);
    out
}

/// One token-level step of the diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Same word on both sides.
    Equal(usize, usize),
    /// A reference whose number only follows the renumbering.
    Renumbered(usize, usize),
    /// An item label renumbered because an item before it was added or removed: shown, not
    /// counted.
    Relabelled(usize, usize),
    /// Old word removed.
    Delete(usize),
    /// New word added.
    Insert(usize),
}

fn inline_diff(
    old_text: &str,
    new_text: &str,
    numbers: &HashMap<ArticleNumber, ArticleNumber>,
    out: &mut ArticleDiff,
) {
    let old_toks = tokenize(old_text);
    let new_toks = tokenize(new_text);
    // Old references are compared under their new numbers, so `第十六条` that became
    // `第十五条` lines up with it instead of with an unrelated `第十六条`.
    let old_keys: Vec<String> = old_toks
        .iter()
        .map(|t| match &t.reference {
            Some(r) if r.internal => match numbers.get(&r.number) {
                Some(n) => format!("{n}{}", r.suffix),
                None => t.text.to_string(),
            },
            _ if t.label => label_key(t.text),
            _ => t.text.to_string(),
        })
        .collect();
    let new_keys: Vec<String> = new_toks
        .iter()
        .map(|t| {
            if t.label {
                label_key(t.text)
            } else {
                t.text.to_string()
            }
        })
        .collect();
    let old_key_refs: Vec<&str> = old_keys.iter().map(String::as_str).collect();
    let new_key_refs: Vec<&str> = new_keys.iter().map(String::as_str).collect();
    let ops = capture_diff_slices(Algorithm::Myers, &old_key_refs, &new_key_refs);
    let mut steps: Vec<Step> = Vec::new();
    for op in &ops {
        let (tag, o, n) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {
                for (a, b) in o.zip(n) {
                    steps.push(if old_toks[a].text == new_toks[b].text {
                        Step::Equal(a, b)
                    } else if old_toks[a].label {
                        Step::Relabelled(a, b)
                    } else {
                        Step::Renumbered(a, b)
                    });
                }
            }
            _ => {
                steps.extend(o.map(Step::Delete));
                steps.extend(n.map(Step::Insert));
            }
        }
    }

    slide_to_block_starts(&mut steps, &old_toks, &new_toks, &old_keys, &new_keys);

    // Group steps into runs: a run is changes of one sort (substantive or renumbering), with
    // equal separators between two changes of the same sort joined into it.
    let is_sep = |s: &Step| matches!(s, Step::Equal(a, _) if old_toks[*a].separator);
    let sort = |s: &Step| match s {
        Step::Equal(..) => 0,
        Step::Renumbered(..) => 2,
        Step::Relabelled(..) => 3,
        _ => 1,
    };
    let mut pieces: Vec<(usize, std::ops::Range<usize>)> = Vec::new(); // (sort, step range)
    let mut k = 0;
    while k < steps.len() {
        let s = sort(&steps[k]);
        if s == 0 {
            let start = k;
            while k < steps.len() && sort(&steps[k]) == 0 {
                k += 1;
            }
            pieces.push((0, start..k));
            continue;
        }
        let start = k;
        let mut end = k + 1;
        let mut probe = end;
        loop {
            while probe < steps.len() && sort(&steps[probe]) == s {
                probe += 1;
            }
            end = end.max(probe);
            // Skip separators; continue if a change of the same sort follows.
            let mut q = probe;
            while q < steps.len() && is_sep(&steps[q]) {
                q += 1;
            }
            if q > probe && q < steps.len() && sort(&steps[q]) == s {
                probe = q;
                continue;
            }
            break;
        }
        pieces.push((s, start..end));
        k = end;
    }

    let mut seen: HashMap<(EditKind, String, String), usize> = HashMap::new();
    for (s, range) in pieces {
        if s == 0 {
            let text: String = steps[range]
                .iter()
                .map(|st| match st {
                    Step::Equal(_, b) => new_toks[*b].text,
                    _ => "",
                })
                .collect();
            push_segment(&mut out.segments, SegmentOp::Equal, text, None);
            continue;
        }
        if s == 3 {
            for st in &steps[range] {
                match *st {
                    Step::Relabelled(a, b) => {
                        push_segment(
                            &mut out.segments,
                            SegmentOp::Delete,
                            old_toks[a].text.to_string(),
                            None,
                        );
                        push_segment(
                            &mut out.segments,
                            SegmentOp::Insert,
                            new_toks[b].text.to_string(),
                            None,
                        );
                    }
                    Step::Equal(_, b) => push_segment(
                        &mut out.segments,
                        SegmentOp::Equal,
                        new_toks[b].text.to_string(),
                        None,
                    ),
                    _ => {}
                }
            }
            continue;
        }
        let edit_index = out.edits.len();
        let (mut old_s, mut new_s) = (String::new(), String::new());
        let (mut del, mut ins) = (String::new(), String::new());
        let (mut deleted_words, mut inserted_words) = (0usize, 0usize);
        let flush = |del: &mut String, ins: &mut String, segs: &mut Vec<Segment>| {
            if !del.is_empty() && !ins.is_empty() {
                refine(del, ins, edit_index, segs);
            } else {
                push_segment(segs, SegmentOp::Delete, del.clone(), Some(edit_index));
                push_segment(segs, SegmentOp::Insert, ins.clone(), Some(edit_index));
            }
            del.clear();
            ins.clear();
        };
        for st in &steps[range] {
            match *st {
                Step::Equal(a, _) => {
                    flush(&mut del, &mut ins, &mut out.segments);
                    old_s.push_str(old_toks[a].text);
                    new_s.push_str(old_toks[a].text);
                    push_segment(
                        &mut out.segments,
                        SegmentOp::Equal,
                        old_toks[a].text.to_string(),
                        Some(edit_index),
                    );
                }
                Step::Renumbered(a, b) | Step::Relabelled(a, b) => {
                    flush(&mut del, &mut ins, &mut out.segments);
                    old_s.push_str(old_toks[a].text);
                    new_s.push_str(new_toks[b].text);
                    refine(
                        old_toks[a].text,
                        new_toks[b].text,
                        edit_index,
                        &mut out.segments,
                    );
                }
                Step::Delete(a) => {
                    old_s.push_str(old_toks[a].text);
                    del.push_str(old_toks[a].text);
                    deleted_words += !old_toks[a].separator as usize;
                }
                Step::Insert(b) => {
                    new_s.push_str(new_toks[b].text);
                    ins.push_str(new_toks[b].text);
                    inserted_words += !new_toks[b].separator as usize;
                }
            }
        }
        flush(&mut del, &mut ins, &mut out.segments);
        let (deleted_any, inserted_any) = if deleted_words + inserted_words == 0 {
            // Only punctuation changed.
            (
                !del_chars_empty(&old_s, &new_s),
                !del_chars_empty(&new_s, &old_s),
            )
        } else {
            (deleted_words > 0, inserted_words > 0)
        };
        let kind = if s == 2 {
            EditKind::Consequential
        } else if !deleted_any {
            EditKind::Insert
        } else if !inserted_any {
            EditKind::Delete
        } else {
            EditKind::Replace
        };
        // An insertion removes nothing and a deletion adds nothing, whatever separators the
        // run took in.
        match kind {
            EditKind::Insert => old_s.clear(),
            EditKind::Delete => new_s.clear(),
            _ => {}
        }
        let old_s = old_s.trim_matches('\n').to_string();
        let new_s = new_s.trim_matches('\n').to_string();
        let nth = seen
            .entry((kind, old_s.clone(), new_s.clone()))
            .and_modify(|k| *k += 1)
            .or_insert(0);
        out.edits.push(Edit {
            id: edit_id(&[
                kind.as_str(),
                old_text,
                new_text,
                &old_s,
                &new_s,
                &nth.to_string(),
            ]),
            kind,
            old: old_s,
            new: new_s,
        });
    }
}

/// Where an inserted (deleted) stretch could equally sit one or more words earlier — because
/// the word before it equals its last word, as item labels compared without their numbers do —
/// move it so that it starts at the start of a block: an inserted item then reads `（四）……；`
/// rather than `……；（五）`.
fn slide_to_block_starts(
    steps: &mut [Step],
    old_toks: &[Token],
    new_toks: &[Token],
    old_keys: &[String],
    new_keys: &[String],
) {
    let matched = |st: &Step| match *st {
        Step::Equal(a, b) | Step::Renumbered(a, b) | Step::Relabelled(a, b) => Some((a, b)),
        _ => None,
    };
    let remake = |a: usize, b: usize| {
        if old_toks[a].text == new_toks[b].text {
            Step::Equal(a, b)
        } else if old_toks[a].label {
            Step::Relabelled(a, b)
        } else {
            Step::Renumbered(a, b)
        }
    };
    let mut k = 0;
    while k < steps.len() {
        let insert = matches!(steps[k], Step::Insert(_));
        let delete = matches!(steps[k], Step::Delete(_));
        if !insert && !delete {
            k += 1;
            continue;
        }
        let mut e = k;
        while e < steps.len()
            && matches!(steps[e], Step::Insert(_)) == insert
            && matches!(steps[e], Step::Delete(_)) == delete
        {
            e += 1;
        }
        // Slide left while possible, remembering the best start.
        let at_block_start = |steps: &[Step], start: usize| -> bool {
            let first = match steps[start] {
                Step::Insert(b) => (b, true),
                Step::Delete(a) => (a, false),
                _ => return false,
            };
            let toks = if first.1 { new_toks } else { old_toks };
            first.0 == 0 || toks[first.0 - 1].text == "\n"
        };
        let mut best: Option<Vec<Step>> = None;
        let mut start = k;
        let mut end = e;
        let mut work: Vec<Step> = steps.to_vec();
        if !at_block_start(&work, start) {
            while start > 0 {
                let Some((a, b)) = matched(&work[start - 1]) else {
                    break;
                };
                let ok = match work[end - 1] {
                    Step::Insert(bl) => new_keys[b] == new_keys[bl],
                    Step::Delete(al) => old_keys[a] == old_keys[al],
                    _ => false,
                };
                if !ok {
                    break;
                }
                let replaced = match work[end - 1] {
                    Step::Insert(bl) => {
                        // New words b..bl are now the inserted ones; old a pairs with new bl.
                        for (x, y) in (start - 1..end - 1).zip(b..bl) {
                            work[x] = Step::Insert(y);
                        }
                        remake(a, bl)
                    }
                    Step::Delete(al) => {
                        for (x, y) in (start - 1..end - 1).zip(a..al) {
                            work[x] = Step::Delete(y);
                        }
                        remake(al, b)
                    }
                    _ => unreachable!(),
                };
                work[end - 1] = replaced;
                start -= 1;
                end -= 1;
                if at_block_start(&work, start) {
                    best = Some(work.clone());
                    break;
                }
            }
        }
        if let Some(b) = best {
            steps.copy_from_slice(&b);
            k = end;
        } else {
            k = e;
        }
    }
}

/// Key under which item labels are compared: the label's shape without its number.
fn label_key(label: &str) -> String {
    let mut out = String::new();
    for c in label.chars() {
        if crate::draft::numbering::is_numeral_char(c) {
            if !out.ends_with('#') {
                out.push('#');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// True when `a` has no characters beyond what `b` has (as multisets), i.e. going from `a` to
/// `b` deleted nothing.
fn del_chars_empty(a: &str, b: &str) -> bool {
    let mut counts: HashMap<char, i32> = HashMap::new();
    for c in b.chars() {
        *counts.entry(c).or_default() += 1;
    }
    a.chars().all(|c| {
        let e = counts.entry(c).or_default();
        *e -= 1;
        *e >= 0
    })
}

fn push_segment(segments: &mut Vec<Segment>, op: SegmentOp, text: String, edit: Option<usize>) {
    if text.is_empty() {
        return;
    }
    if let Some(last) = segments.last_mut()
        && last.op == op
        && last.edit == edit
    {
        last.text.push_str(&text);
        return;
    }
    segments.push(Segment { op, text, edit });
}

/// Character-level display of a replaced stretch: the characters both sides share stay plain,
/// unless they are single characters stranded between changes (which only hinder reading).
fn refine(old: &str, new: &str, edit: usize, segments: &mut Vec<Segment>) {
    let oc: Vec<char> = old.chars().collect();
    let nc: Vec<char> = new.chars().collect();
    let ops = capture_diff_slices(Algorithm::Myers, &oc, &nc);
    let shared: usize = ops
        .iter()
        .filter(|o| o.tag() == DiffTag::Equal)
        .map(|o| o.old_range().len())
        .sum();
    if shared * 3 < oc.len().min(nc.len()) {
        push_segment(segments, SegmentOp::Delete, old.to_string(), Some(edit));
        push_segment(segments, SegmentOp::Insert, new.to_string(), Some(edit));
        return;
    }
    let mut del = String::new();
    let mut ins = String::new();
    let flush = |del: &mut String, ins: &mut String, segments: &mut Vec<Segment>| {
        push_segment(segments, SegmentOp::Delete, std::mem::take(del), Some(edit));
        push_segment(segments, SegmentOp::Insert, std::mem::take(ins), Some(edit));
    };
    let last = ops.len().saturating_sub(1);
    for (k, op) in ops.iter().enumerate() {
        let (tag, o, n) = op.as_tag_tuple();
        let o_text: String = oc[o].iter().collect();
        let n_text: String = nc[n].iter().collect();
        match tag {
            DiffTag::Equal if o_text.chars().count() <= 1 && k > 0 && k < last => {
                del.push_str(&o_text);
                ins.push_str(&o_text);
            }
            DiffTag::Equal => {
                flush(&mut del, &mut ins, segments);
                push_segment(segments, SegmentOp::Equal, o_text, Some(edit));
            }
            _ => {
                del.push_str(&o_text);
                ins.push_str(&n_text);
            }
        }
    }
    flush(&mut del, &mut ins, segments);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::align;
    use crate::draft::parse;

    fn run(old: &str, new: &str) -> DraftDiff {
        let o = parse("old.md", old).unwrap();
        let n = parse("new.md", new).unwrap();
        diff(None, &o, &n, &align(&o, &n, &[]), "old", "new")
    }

    #[test]
    fn runs_separated_by_punctuation_are_one_edit() {
        let d = run(
            "第一条　单位应当报告、登记，并且公开。\n",
            "第一条　单位应当申报、备案，并且及时公开。\n",
        );
        // 报告、登记 → 申报、备案 is one run across the 、; 并且 separates it from 及时.
        let a = &d.articles[0];
        assert_eq!(a.change, Change::Modified);
        let e: Vec<_> = a
            .edits
            .iter()
            .map(|e| (e.kind, e.old.as_str(), e.new.as_str()))
            .collect();
        assert_eq!(
            e,
            [
                (EditKind::Replace, "报告、登记", "申报、备案"),
                (EditKind::Insert, "", "及时"),
            ],
            "{:?}",
            a.segments
        );
        assert_eq!(a.old_text(), "单位应当报告、登记，并且公开。");
        assert_eq!(a.new_text(), "单位应当申报、备案，并且及时公开。");
    }

    #[test]
    fn renumbered_reference_is_consequential() {
        let d = run(
            "第一条　甲乙丙丁。\n\n第二条　戊己庚辛。\n\n第三条　违反本条例第二条规定的，处罚款。\n",
            "第一条　甲乙丙丁。\n\n第二条　新增加的条文。\n\n第三条　戊己庚辛。\n\n第四条　违反本条例第三条规定的，处罚款。\n",
        );
        let last = d.articles.last().unwrap();
        assert_eq!(last.change, Change::Consequential);
        assert_eq!(last.edits[0].kind, EditKind::Consequential);
        assert!(last.renumbered);
        assert_eq!(d.summary.substantive_edits, 1);
        assert_eq!(d.summary.consequential_edits, 1);
        assert_eq!(d.summary.articles_added, 1);
        assert_eq!(d.summary.articles_renumbered, 2);
        assert_eq!(d.summary.articles_modified, 0);
    }

    #[test]
    fn reference_to_a_different_article_is_substantive() {
        let d = run(
            "第一条　甲乙丙丁。\n\n第二条　戊己庚辛。\n\n第三条　违反本条例第二条规定的，处罚款。\n",
            "第一条　甲乙丙丁。\n\n第二条　戊己庚辛。\n\n第三条　违反本条例第一条规定的，处罚款。\n",
        );
        assert_eq!(d.articles[2].change, Change::Modified);
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        let a = run(
            "第一条　单位应当报告，个人应当登记。\n",
            "第一条　单位必须报告，个人必须登记。\n",
        );
        let b = run(
            "第一条　单位应当报告，个人应当登记。\n",
            "第一条　单位必须报告，个人必须登记。\n",
        );
        let ids: Vec<_> = a.articles[0].edits.iter().map(|e| e.id.clone()).collect();
        assert_eq!(
            ids,
            b.articles[0]
                .edits
                .iter()
                .map(|e| e.id.clone())
                .collect::<Vec<_>>()
        );
        assert_eq!(ids.len(), 2);
        assert_ne!(ids[0], ids[1]);
    }

    #[test]
    fn inserted_item_renumbers_the_rest_without_edits() {
        let d = run(
            "第一条　职责如下：\n\n（一）巡查；\n\n（二）监测；\n\n（三）其他职责。\n",
            "第一条　职责如下：\n\n（一）巡查；\n\n（二）预警；\n\n（三）监测；\n\n（四）其他职责。\n",
        );
        let a = &d.articles[0];
        let e: Vec<_> = a.edits.iter().map(|e| (e.kind, e.new.as_str())).collect();
        assert_eq!(e, [(EditKind::Insert, "（二）预警；")], "{:?}", a.segments);
        assert_eq!(
            a.new_text(),
            "职责如下：\n（一）巡查；\n（二）预警；\n（三）监测；\n（四）其他职责。"
        );
        assert_eq!(
            a.old_text(),
            "职责如下：\n（一）巡查；\n（二）监测；\n（三）其他职责。"
        );
    }

    #[test]
    fn added_deleted_and_paragraphs() {
        let d = run(
            "第一条　甲乙丙丁。\n\n第二条　戊己庚辛。\n\n第三条　子丑寅卯。\n",
            "第一条　甲乙丙丁。\n\n新增一款内容。\n\n第二条　子丑寅卯。\n",
        );
        assert_eq!(d.summary.articles_deleted, 1);
        assert_eq!(d.summary.edits, 2);
        let first = &d.articles[0];
        assert_eq!(first.edits[0].kind, EditKind::Insert);
        assert_eq!(first.edits[0].new, "新增一款内容。");
    }
}
