//! Attribution: for each edit of a diff, the comments that drove it — first the links staff
//! confirmed (`decisions.jsonl`), then ranked suggestions, each with a score in 0..1 and the
//! evidence behind it — and, the other way round, the adopted comments no edit reflects.
//!
//! Evidence, strongest first:
//! - **a drafting proposal that is the edit** (`建议将“A”修改为“B”`, `删除“A”`, `在“A”后增加“B”`,
//!   `删去第X条`): the quoted words are found in the article, over the edit's own span;
//! - **the article**: the comment cites it (numbered as in the draft it commented on, mapped
//!   through the alignment), or staff's 对应条文 names it;
//! - **word overlap** with the deleted and inserted wording (character pairs weighted by how
//!   rare they are among the draft's articles), which also tells which of an article's edits a
//!   comment is about;
//! - **paraphrase**: a comment with no article number is matched to the articles whose wording
//!   is closest to its own (tf-idf cosine over character pairs), then to their edits.
//!
//! A proposal the new text contradicts (it asks to add words the article still lacks) pulls the
//! score down: that is how an adopted comment on an article that *was* edited, but not as the
//! comment asked, is still reported as not reflected.
//!
//! Everything is in memory and linear in the number of comments; no index, no dictionary.

use std::collections::{HashMap, HashSet};

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::comment::Comment;
use crate::decisions::Status;
use crate::diff::{ArticleDiff, DraftDiff, EditKind, SegmentOp};
use crate::draft::ArticleNumber;
use crate::draft::numbering::scan_label;
use crate::lineage::Lineage;
use crate::opinions::Corpus;
use crate::proposal::{self, Proposal};

/// The score from which staff may confirm suggestions in bulk after review
/// (`lifa decide --accept-suggestions`): on the evaluation cases no distractor reaches it.
pub const RECOMMENDED_THRESHOLD: f32 = 0.7;

/// A suggestion at least this strong counts as "the comment shows in the new draft" when the
/// adopted-but-not-reflected list is drawn up.
pub const REFLECTED_MIN: f32 = 0.4;

/// Tuning of [`attribute`].
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Suggestions below this score are not listed.
    pub floor: f32,
    /// At most this many suggested opinions per edit (the best).
    pub per_edit: usize,
    /// The bulk-confirmation threshold shown in reports.
    pub threshold: f32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            floor: 0.25,
            per_edit: 8,
            threshold: RECOMMENDED_THRESHOLD,
        }
    }
}

/// An edit of the diff: `diff.articles[article].edits[edit]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EditRef {
    /// Index into [`DraftDiff::articles`].
    pub article: usize,
    /// Index into that article's edits.
    pub edit: usize,
}

/// Why a comment is linked to an edit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Evidence {
    /// Staff recorded the link (`lifa decide --edit`).
    Confirmed,
    /// The comment cites the article, as numbered in the draft it commented on.
    Article {
        /// `一审稿第三十七条` or `第三十七条`.
        cited: String,
    },
    /// Staff's 对应条文 names the article.
    Location {
        /// As staff wrote it.
        text: String,
    },
    /// The comment cites the chapter the article is in.
    Chapter {
        /// `第三章`.
        cited: String,
    },
    /// A drafting proposal of the comment matches the edit.
    Proposal {
        /// The proposal as the comment worded it, in short.
        text: String,
        /// 1 when both what it removes and what it adds match, less for one side.
        strength: f32,
    },
    /// Quoted wording of the comment lies in the edited words.
    Quote {
        /// The quoted words.
        text: String,
    },
    /// Words the comment shares with the deleted and inserted wording.
    Overlap {
        /// Share of the edit's (rarity-weighted) wording found in the comment, 0..1.
        share: f32,
        /// Some of the shared words (character pairs).
        words: Vec<String>,
    },
    /// The comment's wording is close to the article's (no article number given).
    Paraphrase {
        /// Cosine similarity to the article, 0..1.
        similarity: f32,
    },
    /// The comment proposes wording that the new text does not carry.
    Contradicted {
        /// The proposed words.
        text: String,
    },
}

/// One comment (standing for its opinion: duplicates and campaign signatures) linked to an edit.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// Index into [`Corpus::comments`] of the opinion's representative among the comments
    /// considered.
    pub comment: usize,
    /// Comments of the same opinion (itself included).
    pub supporters: usize,
    /// Its disposition.
    pub status: Status,
    /// 1 for a confirmed link; else the suggestion's score, 0..1.
    pub score: f32,
    /// What the score rests on.
    pub evidence: Vec<Evidence>,
}

/// An edit with its comments.
#[derive(Debug, Clone)]
pub struct EditLinks {
    /// Which edit.
    pub at: EditRef,
    /// Links staff confirmed.
    pub confirmed: Vec<Link>,
    /// Suggestions not (yet) confirmed: adopted comments first, then the others; best first.
    pub suggested: Vec<Link>,
}

impl EditLinks {
    /// Whether an adopted comment is confirmed for the edit, or suggested at `threshold` or
    /// above.
    pub fn explained(&self, threshold: f32) -> bool {
        self.confirmed.iter().any(|l| l.status.is_adopted())
            || self
                .suggested
                .iter()
                .any(|l| l.status.is_adopted() && l.score >= threshold)
    }
}

/// An adopted opinion that no edit reflects.
#[derive(Debug, Clone)]
pub struct NotReflected {
    /// The representative comment (index into [`Corpus::comments`]).
    pub comment: usize,
    /// Comments of the same opinion.
    pub supporters: usize,
    /// Staff's 对应条文, if any.
    pub location: Option<String>,
    /// The closest edit and its score, if any came near.
    pub closest: Option<(EditRef, f32)>,
}

/// Comments and adoptions of one source or one kind of submitter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rate {
    /// The source or the kind (Chinese label).
    pub name: String,
    /// Comments received.
    pub comments: usize,
    /// Adopted in whole or in part.
    pub adopted: usize,
}

/// The figures staff quote ("225 comments submitted, 117 adopted").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Edits in the diff.
    pub edits: usize,
    /// Edits that are not only renumbered references.
    pub substantive_edits: usize,
    /// Edits with an adopted comment confirmed or suggested at the threshold.
    pub edits_with_adopted: usize,
    /// Edits with a confirmed adopted comment.
    pub edits_confirmed: usize,
    /// Substantive edits no adopted comment explains.
    pub edits_unexplained: usize,
    /// Comments received on the drafts before the new version.
    pub comments: usize,
    /// Distinct opinions among them.
    pub opinions: usize,
    /// Comments adopted in whole or in part.
    pub adopted: usize,
    /// Distinct opinions adopted.
    pub adopted_opinions: usize,
    /// Adopted opinions no edit reflects.
    pub not_reflected: usize,
    /// By source (contact point), most comments first.
    pub by_source: Vec<Rate>,
    /// By submitter kind, in the vocabulary's order.
    pub by_kind: Vec<Rate>,
}

/// The whole attribution of a diff.
#[derive(Debug, Clone)]
pub struct Attribution {
    /// The diff attributed.
    pub diff: DraftDiff,
    /// One entry per edit, in the diff's order.
    pub edits: Vec<EditLinks>,
    /// Substantive edits no adopted comment explains.
    pub unexplained: Vec<EditRef>,
    /// Adopted opinions no edit reflects.
    pub not_reflected: Vec<NotReflected>,
    /// The figures.
    pub totals: Totals,
    /// The bulk-confirmation threshold the figures use.
    pub threshold: f32,
    /// Which comments this reading answers (indexed like [`Corpus::comments`]).
    pub answered: Vec<bool>,
    /// For every comment considered, its best suggestions (edit, score), best first (at most
    /// three; empty when nothing came near). Indexed like [`Corpus::comments`]; comments not
    /// considered (made on a later draft) have none.
    pub best: Vec<Vec<(EditRef, f32)>>,
}

impl Attribution {
    /// Whether comment `i` is one this reading answers (made on the old version).
    pub fn considered(&self, i: usize) -> bool {
        self.answered.get(i).copied().unwrap_or(false)
    }

    /// The links of an edit.
    pub fn links(&self, at: EditRef) -> Option<&EditLinks> {
        // `edits` is in the diff's order, which is `EditRef`'s order.
        self.edits
            .binary_search_by_key(&at, |e| e.at)
            .ok()
            .map(|k| &self.edits[k])
    }

    /// The opinions among the comments this reading answers, in order of their first member:
    /// each the indices of its members this reading answers, lowest (the representative) first.
    pub fn opinions(&self, corpus: &Corpus) -> Vec<Vec<usize>> {
        opinions(corpus, &self.answered)
    }

    /// The edit with this id.
    pub fn find_edit(&self, id: &str) -> Option<EditRef> {
        self.diff.articles.iter().enumerate().find_map(|(a, ad)| {
            ad.edits
                .iter()
                .position(|e| e.id == id)
                .map(|edit| EditRef { article: a, edit })
        })
    }
}

/// Loads a regulation's drafts and comments and attributes the edits between two versions:
/// the named ones (id or stage), or by default the reading that answers the latest comments —
/// the last version with comments made on it, and the next one (the last two when no comment
/// names its draft).
pub fn load(
    ws: &crate::workspace::Workspace,
    reg: &str,
    versions: Option<(&str, &str)>,
    opts: &Options,
) -> crate::error::Result<(Attribution, Corpus)> {
    let all = ws.versions(reg)?;
    let corpus = Corpus::load(ws, reg)?;
    let latest = all[..all.len().saturating_sub(1)]
        .iter()
        .rposition(|v| corpus.comments.iter().any(|c| c.draft == v.id));
    let versions =
        versions.or_else(|| latest.map(|k| (all[k].id.as_str(), all[k + 1].id.as_str())));
    let (old, new) = crate::workspace::pick(&all, reg, versions)?;
    let diff = ws.compare(reg, old, new)?;
    let lineage = Lineage::build(ws, reg, &all)?;
    let a = attribute(diff, &corpus, Some(&lineage), opts);
    Ok((a, corpus))
}

/// Attributes the edits of `diff` to the comments of `corpus`. `lineage` maps the article
/// numbers comments cite (in the draft each commented on) to the diff's versions; without it
/// comments are taken to cite the old version's numbers.
pub fn attribute(
    diff: DraftDiff,
    corpus: &Corpus,
    lineage: Option<&Lineage>,
    opts: &Options,
) -> Attribution {
    let model = Model::new(&diff);
    let considered = considered(&diff, corpus, lineage);
    let mut answered = vec![false; corpus.comments.len()];
    for &i in &considered {
        answered[i] = true;
    }
    // Each comment's disposition, looked up once.
    let status: Vec<Status> = (0..corpus.comments.len())
        .map(|i| corpus.status(i))
        .collect();
    let edit_ids: FxHashSet<&str> = diff
        .articles
        .iter()
        .flat_map(|a| a.edits.iter().map(|e| e.id.as_str()))
        .collect();
    let mut best: Vec<Vec<(EditRef, f32)>> = vec![Vec::new(); corpus.comments.len()];
    // (edit) -> (comment, score, evidence)
    let mut per_edit: FxHashMap<EditRef, Vec<(usize, f32, Vec<Evidence>)>> = FxHashMap::default();
    // Comments are scored independently: split them over the cores.
    let score_one = |i: usize| {
        let c = &corpus.comments[i];
        let location = if status[i] == Status::Undecided {
            None
        } else {
            corpus
                .decisions
                .get(&c.id)
                .and_then(|d| d.location.as_deref())
        };
        let adopted = status[i].is_adopted();
        let mut scored = model.score(c, adopted, location, lineage, opts.floor);
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        (i, scored)
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let chunk = considered.len().div_ceil(threads).max(1024);
    let results: Vec<Vec<(usize, Scored)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = considered
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|&i| score_one(i)).collect()))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("scoring does not panic"))
            .collect()
    });
    for (i, scored) in results.into_iter().flatten() {
        best[i] = scored
            .iter()
            .filter(|x| x.1 > 0.0)
            .take(3)
            .map(|(e, s, _)| (*e, *s))
            .collect();
        for (e, s, ev) in scored {
            if s >= opts.floor {
                per_edit.entry(e).or_default().push((i, s, ev));
            }
        }
    }

    // Confirmed links, by edit id.
    let mut confirmed: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, c) in corpus.comments.iter().enumerate() {
        if let Some(d) = corpus.decisions.get(&c.id) {
            for e in &d.edits {
                confirmed.entry(e.as_str()).or_default().push(i);
            }
        }
    }

    // Opinions staff already linked to an edit of this diff: below the threshold, their other
    // suggestions are noise.
    let linked_groups: FxHashSet<u32> = confirmed
        .iter()
        .filter(|(id, _)| edit_ids.contains(*id))
        .flat_map(|(_, cs)| cs.iter().map(|&i| corpus.grouping.group_of[i]))
        .collect();
    let mut edits = Vec::new();
    for (ai, a) in diff.articles.iter().enumerate() {
        for (ei, e) in a.edits.iter().enumerate() {
            let at = EditRef {
                article: ai,
                edit: ei,
            };
            let conf = fold(
                corpus,
                &status,
                confirmed
                    .get(e.id.as_str())
                    .into_iter()
                    .flatten()
                    .map(|&i| (i, 1.0, vec![Evidence::Confirmed])),
                usize::MAX,
                &HashSet::new(),
            );
            let taken: HashSet<u32> = confirmed
                .get(e.id.as_str())
                .into_iter()
                .flatten()
                .map(|&i| corpus.grouping.group_of[i])
                .collect();
            let sugg = fold(
                corpus,
                &status,
                per_edit
                    .remove(&at)
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|(i, s, _)| {
                        *s >= opts.threshold
                            || !linked_groups.contains(&corpus.grouping.group_of[*i])
                    }),
                opts.per_edit,
                &taken,
            );
            edits.push(EditLinks {
                at,
                confirmed: conf,
                suggested: sugg,
            });
        }
    }

    let unexplained: Vec<EditRef> = edits
        .iter()
        .filter(|l| {
            diff.articles[l.at.article].edits[l.at.edit]
                .kind
                .is_substantive()
        })
        .filter(|l| !l.explained(opts.threshold))
        .map(|l| l.at)
        .collect();

    // Adopted opinions that nothing reflects.
    let mut not_reflected = Vec::new();
    for members in opinions(corpus, &answered) {
        let adopted = members.iter().any(|&m| status[m].is_adopted());
        if !adopted {
            continue;
        }
        let linked = members.iter().any(|&m| {
            corpus
                .decisions
                .get(&corpus.comments[m].id)
                .is_some_and(|d| d.edits.iter().any(|id| edit_ids.contains(id.as_str())))
        });
        let top = members
            .iter()
            .filter_map(|&m| best[m].first().copied())
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if linked || top.is_some_and(|(_, s)| s >= REFLECTED_MIN) {
            continue;
        }
        let rep = members[0];
        not_reflected.push(NotReflected {
            comment: rep,
            supporters: members.len(),
            location: members.iter().find_map(|&m| {
                corpus
                    .decisions
                    .get(&corpus.comments[m].id)
                    .and_then(|d| d.location.clone())
            }),
            closest: top,
        });
    }

    let mut totals = totals(&diff, corpus, &status, &considered, &edits, opts.threshold);
    totals.edits_unexplained = unexplained.len();
    totals.not_reflected = not_reflected.len();
    Attribution {
        answered,
        diff,
        edits,
        unexplained,
        not_reflected,
        totals,
        threshold: opts.threshold,
        best,
    }
}

/// The opinions among the comments `answered` marks: see [`Attribution::opinions`].
fn opinions(corpus: &Corpus, answered: &[bool]) -> Vec<Vec<usize>> {
    let mut seen: FxHashSet<u32> = FxHashSet::default();
    let mut out = Vec::new();
    for i in (0..answered.len()).filter(|&i| answered[i]) {
        let g = corpus.grouping.group_of[i];
        if seen.insert(g) {
            out.push(
                corpus.grouping.groups[g as usize]
                    .members
                    .iter()
                    .map(|&m| m as usize)
                    .filter(|&m| answered[m])
                    .collect(),
            );
        }
    }
    out
}

/// The comments this reading answers: those made on the old version (or on a draft between
/// the two, or on a draft the lineage does not know). Comments on earlier drafts were answered
/// by earlier readings.
fn considered(diff: &DraftDiff, corpus: &Corpus, lineage: Option<&Lineage>) -> Vec<usize> {
    let pos = |v: &str| lineage.and_then(|l| l.versions().iter().position(|x| x == v));
    let (old, new) = (pos(&diff.old.version), pos(&diff.new.version));
    corpus
        .comments
        .iter()
        .enumerate()
        .filter(|(_, c)| match (pos(&c.draft), old, new) {
            (Some(d), Some(o), Some(n)) => o <= d && d < n,
            _ => true,
        })
        .map(|(i, _)| i)
        .collect()
}

/// Folds scored comments into one link per opinion (the best-scored member stands for it,
/// evidence of the members merged), adopted opinions first, best first, at most `limit`.
fn fold(
    corpus: &Corpus,
    status: &[Status],
    scored: impl Iterator<Item = (usize, f32, Vec<Evidence>)>,
    limit: usize,
    skip_groups: &HashSet<u32>,
) -> Vec<Link> {
    let mut by_group: FxHashMap<u32, (usize, f32, Vec<Evidence>, usize, Status)> =
        FxHashMap::default();
    for (i, s, ev) in scored {
        let g = corpus.grouping.group_of[i];
        if skip_groups.contains(&g) {
            continue;
        }
        let st = status[i];
        match by_group.entry(g) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert((i, s, ev, 1, st));
            }
            std::collections::hash_map::Entry::Occupied(mut o) => {
                let entry = o.get_mut();
                entry.3 += 1;
                if st.is_adopted() && !entry.4.is_adopted() {
                    entry.4 = st;
                }
                if s > entry.1 {
                    entry.0 = i;
                    entry.1 = s;
                    entry.2 = ev;
                }
            }
        }
    }
    let mut links: Vec<Link> = by_group
        .into_values()
        .map(|(i, s, ev, n, status)| Link {
            comment: i,
            supporters: n,
            status,
            score: s,
            evidence: ev,
        })
        .collect();
    links.sort_by(|a, b| {
        b.status
            .is_adopted()
            .cmp(&a.status.is_adopted())
            .then(b.score.total_cmp(&a.score))
            .then(b.supporters.cmp(&a.supporters))
            .then(a.comment.cmp(&b.comment))
    });
    links.truncate(limit);
    links
}

fn totals(
    diff: &DraftDiff,
    corpus: &Corpus,
    status: &[Status],
    considered: &[usize],
    edits: &[EditLinks],
    threshold: f32,
) -> Totals {
    let mut groups = FxHashSet::default();
    let mut adopted_groups = FxHashSet::default();
    let mut adopted = 0;
    let mut by_source: Vec<Rate> = Vec::new();
    let mut by_kind: Vec<Rate> = crate::comment::Kind::ALL
        .iter()
        .map(|k| Rate {
            name: k.zh().to_string(),
            comments: 0,
            adopted: 0,
        })
        .collect();
    for &i in considered {
        let c = &corpus.comments[i];
        let g = corpus.grouping.group_of[i];
        groups.insert(g);
        let is = status[i].is_adopted();
        if is {
            adopted += 1;
            adopted_groups.insert(g);
        }
        let s = match by_source.iter_mut().find(|r| r.name == c.source) {
            Some(r) => r,
            None => {
                by_source.push(Rate {
                    name: c.source.clone(),
                    comments: 0,
                    adopted: 0,
                });
                by_source.last_mut().expect("just pushed")
            }
        };
        s.comments += 1;
        s.adopted += usize::from(is);
        let k = crate::comment::Kind::ALL
            .iter()
            .position(|k| *k == c.submitter.kind)
            .expect("every kind is listed");
        by_kind[k].comments += 1;
        by_kind[k].adopted += usize::from(is);
    }
    by_source.sort_by(|a, b| b.comments.cmp(&a.comments).then(a.name.cmp(&b.name)));
    by_kind.retain(|r| r.comments > 0);
    Totals {
        edits: diff.summary.edits,
        substantive_edits: diff.summary.substantive_edits,
        edits_with_adopted: edits.iter().filter(|l| l.explained(threshold)).count(),
        edits_confirmed: edits
            .iter()
            .filter(|l| l.confirmed.iter().any(|c| c.status.is_adopted()))
            .count(),
        edits_unexplained: 0,
        comments: considered.len(),
        opinions: groups.len(),
        adopted,
        adopted_opinions: adopted_groups.len(),
        not_reflected: 0,
        by_source,
        by_kind,
    }
}

// ---------------------------------------------------------------------------------------------
// The scoring model.

/// A comment's scores against the edits it may be about, with the evidence of those shown.
type Scored = Vec<(EditRef, f32, Vec<Evidence>)>;

/// A character pair (two chars packed) or a hashed ASCII word (top bit set).
type Gram = u64;

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// The grams of a text: pairs of adjacent Chinese characters, and ASCII words and numbers
/// (lower-cased), sorted, without repeats.
fn grams(text: &str) -> Vec<Gram> {
    let mut out = Vec::with_capacity(text.len() / 3);
    let mut prev: Option<char> = None;
    let mut word: u64 = 0;
    let mut in_word = false;
    for c in text.chars() {
        if is_han(c) {
            if let Some(p) = prev {
                out.push(((p as u64) << 21) | c as u64);
            }
            prev = Some(c);
        } else {
            prev = None;
        }
        if c.is_ascii_alphanumeric() {
            word = word
                .wrapping_mul(0x100000001b3)
                .wrapping_add(c.to_ascii_lowercase() as u64);
            in_word = true;
        } else if in_word {
            out.push(word | 1 << 63);
            word = 0;
            in_word = false;
        }
    }
    if in_word {
        out.push(word | 1 << 63);
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn gram_text(g: Gram) -> Option<String> {
    if g >> 63 == 1 {
        return None;
    }
    let a = char::from_u32((g >> 21) as u32)?;
    let b = char::from_u32((g & 0x1F_FFFF) as u32)?;
    Some([a, b].iter().collect())
}

/// Text reduced to letters and digits (lower-cased), with the byte offset in the original of
/// every kept byte — so wording matches whatever the punctuation and spacing.
struct Folded {
    text: String,
    /// `orig[i]`: offset in the original of the char that folded byte `i` belongs to;
    /// `orig[text.len()]` is the original's length.
    orig: Vec<usize>,
}

impl Folded {
    fn new(s: &str) -> Folded {
        let mut text = String::with_capacity(s.len());
        let mut orig = Vec::with_capacity(s.len() + 1);
        for (at, c) in s.char_indices() {
            if crate::segment::is_word_char(c) {
                for l in c.to_lowercase() {
                    let before = text.len();
                    text.push(l);
                    orig.extend(std::iter::repeat_n(at, text.len() - before));
                }
            }
        }
        orig.push(s.len());
        Folded { text, orig }
    }

    /// Original byte ranges where `needle` (already folded) occurs.
    fn find(&self, needle: &Needle) -> Vec<(usize, usize)> {
        let len = needle.text.len();
        if len == 0 {
            return Vec::new();
        }
        needle
            .finder
            .find_iter(self.text.as_bytes())
            .map(|i| (self.orig[i], self.orig[i + len - 1] + 1))
            .collect()
    }

    fn count(&self, needle: &Needle) -> usize {
        needle.finder.find_iter(self.text.as_bytes()).count()
    }
}

/// Folded words to look for, with their searcher built once.
struct Needle {
    text: String,
    finder: memchr::memmem::Finder<'static>,
}

impl Needle {
    fn new(s: &str) -> Needle {
        let text = fold_str(s);
        let finder = memchr::memmem::Finder::new(text.as_bytes()).into_owned();
        Needle { text, finder }
    }
}

fn fold_str(s: &str) -> String {
    s.chars()
        .filter(|&c| crate::segment::is_word_char(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// One edit, as the scorer sees it.
struct EditModel {
    at: EditRef,
    kind: EditKind,
    /// Byte span in the old and new article texts (empty at the point of an insertion).
    old_span: (usize, usize),
    new_span: (usize, usize),
    /// Grams of the deleted and inserted wording (with a character of context each side), with
    /// their weights, sorted.
    grams: Vec<(Gram, f32)>,
    weight: f32,
}

/// One article pair with edits.
struct PairModel {
    old_number: Option<ArticleNumber>,
    new_number: Option<ArticleNumber>,
    chapter_old: Option<u32>,
    chapter_new: Option<u32>,
    old_folded: Folded,
    new_folded: Folded,
    edits: Vec<EditModel>,
}

struct Model {
    idf: FxHashMap<Gram, f32>,
    /// gram → (pair slot, idf²) for the paraphrase cosine.
    postings: FxHashMap<Gram, Vec<u32>>,
    /// Norm of each pair's tf-idf vector.
    norms: Vec<f32>,
    pairs: Vec<PairModel>,
    old_version: String,
    new_version: String,
    new_stage: Option<String>,
    old_stage: Option<String>,
}

fn chapter_of(side: Option<&crate::diff::ArticleSide>) -> Option<u32> {
    let first = side?.divisions.first()?;
    scan_label(first.trim(), '章').map(|(n, _)| n.main)
}

/// A byte range `(from, to)`.
type Span = (usize, usize);

/// Byte spans of each edit in the article's old and new texts.
fn spans(a: &ArticleDiff) -> Vec<(Span, Span)> {
    let mut out: Vec<Option<(Span, Span)>> = vec![None; a.edits.len()];
    let (mut o, mut n) = (0usize, 0usize);
    for s in &a.segments {
        let (o0, n0) = (o, n);
        match s.op {
            SegmentOp::Equal => {
                o += s.text.len();
                n += s.text.len();
            }
            SegmentOp::Delete => o += s.text.len(),
            SegmentOp::Insert => n += s.text.len(),
        }
        if let Some(k) = s.edit {
            let e = out[k].get_or_insert(((o0, o0), (n0, n0)));
            e.0.0 = e.0.0.min(o0);
            e.0.1 = e.0.1.max(o);
            e.1.0 = e.1.0.min(n0);
            e.1.1 = e.1.1.max(n);
        }
    }
    let (old_len, new_len) = (o, n);
    out.into_iter()
        .map(|s| s.unwrap_or(((0, old_len), (0, new_len))))
        .collect()
}

/// `text[from..to]` widened by one character each side.
fn widen(text: &str, (from, to): (usize, usize)) -> &str {
    let start = text[..from]
        .char_indices()
        .next_back()
        .map_or(0, |(i, _)| i);
    let end = text[to..].chars().next().map_or(to, |c| to + c.len_utf8());
    &text[start..end]
}

impl Model {
    fn new(diff: &DraftDiff) -> Model {
        // Document frequencies over every article text of both versions.
        let mut df: FxHashMap<Gram, u32> = FxHashMap::default();
        let mut docs = 0u32;
        let texts: Vec<(String, String)> = diff
            .articles
            .iter()
            .map(|a| (a.old_text(), a.new_text()))
            .collect();
        for (a, (old, new)) in diff.articles.iter().zip(&texts) {
            for (side, t) in [(a.old.is_some(), old), (a.new.is_some(), new)] {
                if side {
                    docs += 1;
                    for g in grams(t) {
                        *df.entry(g).or_default() += 1;
                    }
                }
            }
        }
        let n = docs.max(1) as f32;
        let idf: FxHashMap<Gram, f32> = df
            .into_iter()
            .map(|(g, d)| (g, (1.0 + n / d as f32).ln()))
            .collect();
        let mut pairs = Vec::new();
        let mut postings: FxHashMap<Gram, Vec<u32>> = FxHashMap::default();
        let mut norms = Vec::new();
        for (i, (a, (old, new))) in diff.articles.iter().zip(&texts).enumerate() {
            if a.old.is_none() && a.new.is_none() {
                continue;
            }
            let slot = pairs.len() as u32;
            let mut all = grams(old);
            all.extend(grams(new));
            all.sort_unstable();
            all.dedup();
            let mut norm = 0.0;
            for g in &all {
                let w = idf.get(g).copied().unwrap_or(0.0);
                norm += w * w;
                postings.entry(*g).or_default().push(slot);
            }
            norms.push(norm.sqrt().max(1e-6));
            let edits = spans(a)
                .into_iter()
                .enumerate()
                .map(|(k, (os, ns))| {
                    let mut g = grams(widen(old, os));
                    g.extend(grams(widen(new, ns)));
                    g.sort_unstable();
                    g.dedup();
                    let g: Vec<(Gram, f32)> = g
                        .into_iter()
                        .map(|g| (g, idf.get(&g).copied().unwrap_or(0.0)))
                        .collect();
                    let weight = g.iter().map(|x| x.1).sum();
                    EditModel {
                        at: EditRef {
                            article: i,
                            edit: k,
                        },
                        kind: a.edits[k].kind,
                        old_span: os,
                        new_span: ns,
                        grams: g,
                        weight,
                    }
                })
                .collect();
            pairs.push(PairModel {
                old_number: a.old.as_ref().map(|s| s.number),
                new_number: a.new.as_ref().map(|s| s.number),
                chapter_old: chapter_of(a.old.as_ref()),
                chapter_new: chapter_of(a.new.as_ref()),
                old_folded: Folded::new(old),
                new_folded: Folded::new(new),
                edits,
            });
        }
        Model {
            idf,
            postings,
            norms,
            pairs,
            old_version: diff.old.version.clone(),
            new_version: diff.new.version.clone(),
            old_stage: diff.old.stage.clone(),
            new_stage: diff.new.stage.clone(),
        }
    }

    /// Article numbers of the old and new version that `n` of `draft` corresponds to.
    fn map_number(
        &self,
        lineage: Option<&Lineage>,
        draft: &str,
        n: ArticleNumber,
    ) -> (Vec<ArticleNumber>, Vec<ArticleNumber>) {
        match lineage {
            Some(l) if l.versions().iter().any(|v| v == draft) => (
                l.map(draft, n, &self.old_version).unwrap_or_default(),
                l.map(draft, n, &self.new_version).unwrap_or_default(),
            ),
            _ => (vec![n], Vec::new()),
        }
    }

    /// The pair slots a decision's 对应条文 (`二审稿第十五条`) names.
    fn located(&self, lineage: Option<&Lineage>, location: &str) -> Vec<usize> {
        let Some(at) = location.find('第') else {
            return Vec::new();
        };
        let Some((n, _)) = scan_label(&location[at..], '条') else {
            return Vec::new();
        };
        let prefix = location[..at].trim();
        let is = |v: &str, stage: &Option<String>| {
            prefix.contains(v) || stage.as_deref().is_some_and(|s| prefix.contains(s))
        };
        // Staff name the version the comment shows in; by default the new one.
        let (olds, news) = if prefix.is_empty() || is(&self.new_version, &self.new_stage) {
            (Vec::new(), vec![n])
        } else if is(&self.old_version, &self.old_stage) {
            (vec![n], Vec::new())
        } else {
            match lineage {
                Some(l) => {
                    let v = l.versions().iter().find(|v| prefix.contains(v.as_str()));
                    match v {
                        Some(v) => self.map_number(lineage, v, n),
                        None => (Vec::new(), vec![n]),
                    }
                }
                None => (Vec::new(), vec![n]),
            }
        };
        self.slots_for(&olds, &news)
    }

    fn slots_for(&self, olds: &[ArticleNumber], news: &[ArticleNumber]) -> Vec<usize> {
        self.pairs
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                p.old_number.is_some_and(|n| olds.contains(&n))
                    || p.new_number.is_some_and(|n| news.contains(&n))
            })
            .map(|(s, _)| s)
            .collect()
    }

    /// Scores comment `c` against every edit it may be about.
    fn score(
        &self,
        c: &Comment,
        adopted: bool,
        location: Option<&str>,
        lineage: Option<&Lineage>,
        floor: f32,
    ) -> Scored {
        let cg = grams(&c.text);

        // Articles cited, mapped to the diff's versions.
        let mut cited: FxHashMap<usize, String> = FxHashMap::default();
        for (main, sub) in c.cites.article_numbers() {
            let n = ArticleNumber { main, sub };
            let (olds, news) = self.map_number(lineage, &c.draft, n);
            for s in self.slots_for(&olds, &news) {
                cited.entry(s).or_insert_with(|| n.to_string());
            }
        }
        let cites_articles = c.cites.article_numbers().next().is_some();
        let mut located: FxHashMap<usize, String> = FxHashMap::default();
        if let Some(loc) = location {
            for s in self.located(lineage, loc) {
                located.insert(s, loc.to_string());
            }
        }
        let chapters: Vec<u32> = c.cites.chapters.clone();

        // Paraphrase: cosine of the comment to each article pair.
        let mut cos = vec![0.0f32; self.pairs.len()];
        let mut cnorm = 0.0f32;
        for g in &cg {
            if let Some(&w) = self.idf.get(g) {
                cnorm += w * w;
                if let Some(ps) = self.postings.get(g) {
                    for &p in ps {
                        cos[p as usize] += w * w;
                    }
                }
            }
        }
        let cnorm = cnorm.sqrt().max(1e-6);
        for (d, n) in cos.iter_mut().zip(&self.norms) {
            *d /= cnorm * n;
        }
        // The three closest articles with edits.
        let mut closest: Vec<(usize, f32)> = Vec::with_capacity(4);
        for (p, &v) in cos.iter().enumerate() {
            if v > 0.0 && !self.pairs[p].edits.is_empty() {
                closest.push((p, v));
                closest.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                closest.truncate(3);
            }
        }
        let top_cos = cos.iter().copied().fold(0.0f32, f32::max);

        // Drafting proposals and quotes.
        let props: Vec<Prepared> = if c.text.contains(['“', '"', '「', '‘', '删']) {
            proposal::proposals(&c.text)
                .into_iter()
                .map(|pr| {
                    // Articles a proposal deletes, as numbered in the old version.
                    let deleted = match &pr {
                        Proposal::DeleteArticles(cs) => cs
                            .iter()
                            .flat_map(|ct| {
                                let n = ArticleNumber {
                                    main: ct.article,
                                    sub: ct.sub,
                                };
                                self.map_number(lineage, &c.draft, n).0
                            })
                            .collect(),
                        _ => Vec::new(),
                    };
                    let removed = pr.removed().map(Needle::new).filter(|n| !n.text.is_empty());
                    let added = pr.added().map(Needle::new).filter(|n| !n.text.is_empty());
                    Prepared {
                        proposal: pr,
                        deleted,
                        removed,
                        added,
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        let quotes: Vec<Needle> = if c.text.contains(['“', '"', '「', '‘']) {
            proposal::quotes(&c.text)
                .into_iter()
                .map(|q| Needle::new(&q.text))
                .filter(|q| q.text.chars().count() >= 2)
                .collect()
        } else {
            Vec::new()
        };

        // Candidate pairs: cited, located, in a cited chapter, close in wording, or matched by
        // a proposal.
        let mut cand: FxHashSet<usize> = FxHashSet::default();
        cand.extend(cited.keys());
        cand.extend(located.keys());
        for (s, p) in self.pairs.iter().enumerate() {
            if p.edits.is_empty() {
                continue;
            }
            if chapters
                .iter()
                .any(|ch| p.chapter_old == Some(*ch) || p.chapter_new == Some(*ch))
            {
                cand.insert(s);
            }
        }
        cand.extend(closest.iter().map(|x| x.0));
        let mut prop_hits: FxHashMap<EditRef, (f32, String)> = FxHashMap::default();
        let mut contradicted: FxHashMap<usize, String> = FxHashMap::default();
        if !props.is_empty() {
            for pr in &props {
                // Where this proposal lands: (edit, strength, pair slot).
                let mut hits: Vec<(EditRef, f32, usize)> = Vec::new();
                for (s, p) in self.pairs.iter().enumerate() {
                    if p.edits.is_empty() {
                        continue;
                    }
                    let (strength, contra) = self.match_proposal(p, pr);
                    hits.extend(strength.into_iter().map(|(k, st)| (p.edits[k].at, st, s)));
                    let about = cited.contains_key(&s) || located.contains_key(&s);
                    if about && let Some(t) = contra {
                        contradicted.entry(s).or_insert(t);
                    }
                }
                // Where it lands in full, its partial matches elsewhere (the old words of an
                // article that was deleted and merged into the one carrying the new words)
                // are not what it asked for.
                let top = hits.iter().map(|h| h.1).fold(0.0f32, f32::max);
                for (e, st, s) in hits {
                    if st < top && st < 0.8 {
                        continue;
                    }
                    let entry = prop_hits.entry(e).or_insert((0.0, String::new()));
                    if st > entry.0 {
                        *entry = (st, describe(&pr.proposal));
                    }
                    cand.insert(s);
                }
            }
        }
        let landed = prop_hits.values().any(|(st, _)| *st >= 0.8);
        // A proposal whose wording changed in several articles is a change of terms throughout
        // the draft (“湖泊管理机构”改为“青澜湖保护管理机构”): it drove every one of them, whichever
        // article the comment cites.
        let articles_at = |min: f32| {
            prop_hits
                .iter()
                .filter(|(_, (st, _))| *st >= min)
                .map(|(e, _)| e.article)
                .collect::<FxHashSet<_>>()
                .len()
        };
        let throughout = [
            "全文",
            "统一",
            "一律",
            "通篇",
            "各条",
            "相应修改",
            "均改为",
            "都改为",
        ]
        .iter()
        .any(|w| c.text.contains(w));
        let global = articles_at(1.0) >= 2 || (throughout && articles_at(0.8) >= 2);
        // A contradiction only counts when no proposal of the comment landed in that article.
        contradicted.retain(|s, _| {
            !self.pairs[*s]
                .edits
                .iter()
                .any(|e| prop_hits.contains_key(&e.at))
        });

        let mut out = Vec::new();
        for &s in &cand {
            let p = &self.pairs[s];
            if p.edits.is_empty() {
                continue;
            }
            let quote_hits: Vec<(&Needle, Vec<Span>, Vec<Span>)> = quotes
                .iter()
                .map(|q| (q, p.old_folded.find(q), p.new_folded.find(q)))
                .filter(|(_, o, n)| !o.is_empty() || !n.is_empty())
                .collect();
            let lex: Vec<f32> = p
                .edits
                .iter()
                .map(|e| {
                    let mut w = 0.0;
                    intersect(&e.grams, &cg, |_, idf| w += idf);
                    (w / e.weight.max(1e-6)).min(1.0)
                })
                .collect();
            let lex_sum: f32 = lex.iter().sum();
            let n_edits = p
                .edits
                .iter()
                .filter(|e| e.kind.is_substantive())
                .count()
                .max(1);
            let similarity = cos[s];
            for (k, e) in p.edits.iter().enumerate() {
                if !e.kind.is_substantive() {
                    continue;
                }
                let share = lex[k];
                let within = if n_edits == 1 {
                    1.0
                } else if lex_sum > 0.0 {
                    share / lex_sum
                } else {
                    1.0 / n_edits as f32
                };
                let prop = prop_hits.get(&e.at);
                let quoted = quote_hits
                    .iter()
                    .find(|(_, old, new)| {
                        old.iter().any(|r| overlaps(*r, e.old_span))
                            || new.iter().any(|r| overlaps(*r, e.new_span))
                    })
                    .map(|(q, _, _)| &q.text);
                let mut score;
                let here = cited.contains_key(&s) || located.contains_key(&s);
                if let Some((st, _)) = prop
                    && (here || global || (!cites_articles && location.is_none()))
                {
                    score = 0.82 + 0.13 * st + 0.05 * within;
                } else if let Some((st, _)) = prop {
                    // The same wording, asked for in another article.
                    score = 0.3 + 0.1 * st;
                } else if cited.contains_key(&s) || located.contains_key(&s) {
                    // About this article: how much of the change's wording it uses decides
                    // how sure we are, and which of the article's edits it is about.
                    let lexf = ((share - 0.1) / 0.35).clamp(0.0, 1.0);
                    score = 0.5 + 0.12 * within + 0.33 * lexf;
                    if quoted.is_some() {
                        score += 0.05;
                    }
                    // Staff said an adopted comment shows in this article.
                    if adopted && located.contains_key(&s) {
                        score += 0.15;
                    }
                } else if quoted.is_some() {
                    score = 0.45 + 0.2 * within + 0.1 * share;
                } else if !cites_articles && location.is_none() {
                    // Paraphrase: how much closer this article is than the others, how close
                    // at all, and how much of the edit's wording the comment uses.
                    let rel = if top_cos > 0.0 {
                        similarity / top_cos
                    } else {
                        0.0
                    };
                    let strength = (similarity / 0.2).min(1.0);
                    let chap = if chapters
                        .iter()
                        .any(|ch| p.chapter_old == Some(*ch) || p.chapter_new == Some(*ch))
                    {
                        0.1
                    } else {
                        0.0
                    };
                    score = (0.3 * rel * strength + 0.3 * share + 0.1 * within * strength + chap)
                        .min(0.65);
                } else {
                    // The comment is about other articles: only shared wording links it.
                    score = 0.3 * share * within;
                }
                if contradicted.contains_key(&s) {
                    score *= 0.4;
                }
                // A comment whose proposal is another edit exactly is about that edit.
                if prop.is_none() && landed {
                    score *= 0.6;
                }
                let score = round2(score.clamp(0.0, 1.0));
                if score < floor {
                    out.push((e.at, score, Vec::new()));
                    continue;
                }
                // The evidence, for the suggestions that will be shown.
                let mut ev = Vec::new();
                if let Some((st, text)) = prop {
                    ev.push(Evidence::Proposal {
                        text: text.clone(),
                        strength: *st,
                    });
                }
                if let Some(t) = cited.get(&s) {
                    ev.push(Evidence::Article {
                        cited: if c.draft == self.old_version || c.draft.is_empty() {
                            t.clone()
                        } else {
                            format!("{}{}", c.draft, t)
                        },
                    });
                }
                if let Some(l) = located.get(&s) {
                    ev.push(Evidence::Location { text: l.clone() });
                }
                if let Some(ch) = chapters
                    .iter()
                    .find(|ch| p.chapter_old == Some(**ch) || p.chapter_new == Some(**ch))
                {
                    ev.push(Evidence::Chapter {
                        cited: format!("第{}章", crate::draft::numbering::to_chinese(*ch)),
                    });
                }
                if let Some(q) = quoted
                    && prop.is_none()
                {
                    ev.push(Evidence::Quote { text: q.clone() });
                }
                if share > 0.0 {
                    let mut words: Vec<(f32, String)> = Vec::new();
                    intersect(&e.grams, &cg, |g, idf| {
                        if let Some(t) = gram_text(g) {
                            words.push((idf, t));
                        }
                    });
                    words.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                    ev.push(Evidence::Overlap {
                        share: round2(share),
                        words: words.into_iter().take(6).map(|w| w.1).collect(),
                    });
                }
                if similarity > 0.0 && !cites_articles {
                    ev.push(Evidence::Paraphrase {
                        similarity: round2(similarity),
                    });
                }
                if let Some(t) = contradicted.get(&s) {
                    ev.push(Evidence::Contradicted { text: t.clone() });
                }
                out.push((e.at, score, ev));
            }
        }
        out
    }

    /// How strongly proposal `pr` matches each edit of pair `p` (edit index → strength), and,
    /// when it matches none but is about this article, the wording the new text lacks.
    fn match_proposal(
        &self,
        p: &PairModel,
        prepared: &Prepared,
    ) -> (Vec<(usize, f32)>, Option<String>) {
        let mut out = Vec::new();
        let pr = &prepared.proposal;
        if let Proposal::DeleteArticles(_) = pr {
            if p.new_number.is_none() && p.old_number.is_some_and(|n| prepared.deleted.contains(&n))
            {
                out.extend((0..p.edits.len()).map(|k| (k, 1.0)));
            }
            return (out, None);
        }
        let old_hits = prepared
            .removed
            .as_ref()
            .map(|r| p.old_folded.find(r))
            .unwrap_or_default();
        let new_hits = prepared
            .added
            .as_ref()
            .map(|a| p.new_folded.find(a))
            .unwrap_or_default();
        let still_there = prepared
            .removed
            .as_ref()
            .is_some_and(|r| !old_hits.is_empty() && p.new_folded.count(r) >= old_hits.len());
        for (k, e) in p.edits.iter().enumerate() {
            if !e.kind.is_substantive() {
                continue;
            }
            let o = old_hits.iter().any(|r| overlaps(*r, e.old_span));
            let n = new_hits.iter().any(|r| overlaps(*r, e.new_span));
            let st = match pr {
                Proposal::Replace { .. } => match (o, n) {
                    (true, true) => 1.0,
                    (false, true) => 0.8,
                    (true, false) => 0.5,
                    _ => 0.0,
                },
                Proposal::Delete(_) => {
                    if o && !still_there {
                        1.0
                    } else if o {
                        0.5
                    } else {
                        0.0
                    }
                }
                Proposal::Insert { .. } => {
                    if n {
                        1.0
                    } else {
                        0.0
                    }
                }
                Proposal::DeleteArticles(_) => 0.0,
            };
            if st > 0.0 {
                out.push((k, st));
            }
        }
        let contra = if out.is_empty() {
            match pr {
                Proposal::Insert { new, .. } | Proposal::Replace { new, .. }
                    if prepared.added.is_some() && new_hits.is_empty() =>
                {
                    Some(new.clone())
                }
                Proposal::Delete(old) if still_there => Some(old.clone()),
                _ => None,
            }
        } else {
            None
        };
        (out, contra)
    }
}

/// A proposal of the comment, ready to be matched against every article.
struct Prepared {
    proposal: Proposal,
    /// Articles it deletes, numbered as in the old version.
    deleted: Vec<ArticleNumber>,
    /// What it removes and adds, folded.
    removed: Option<Needle>,
    added: Option<Needle>,
}

/// Calls `f` with every gram of `edit` (and its weight) that `comment` holds; both sorted.
fn intersect(edit: &[(Gram, f32)], comment: &[Gram], mut f: impl FnMut(Gram, f32)) {
    let (mut i, mut j) = (0, 0);
    while i < edit.len() && j < comment.len() {
        match edit[i].0.cmp(&comment[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                f(edit[i].0, edit[i].1);
                i += 1;
                j += 1;
            }
        }
    }
}

fn overlaps(r: (usize, usize), span: (usize, usize)) -> bool {
    if span.0 == span.1 {
        r.0 <= span.0 && span.0 <= r.1
    } else {
        r.0 < span.1 && span.0 < r.1
    }
}

fn describe(p: &Proposal) -> String {
    match p {
        Proposal::Replace { old, new } => format!("将“{old}”修改为“{new}”"),
        Proposal::Delete(old) => format!("删除“{old}”"),
        Proposal::Insert {
            after: Some(a),
            new,
        } => format!("在“{a}”后增加“{new}”"),
        Proposal::Insert { after: None, new } => format!("增加“{new}”"),
        Proposal::DeleteArticles(c) => format!(
            "删除{}",
            c.iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join("、")
        ),
    }
}

fn round2(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}
