//! `lifa search`: the query language, its translation to index queries, filters, facets and
//! hits (one per opinion: duplicates and campaigns folded, with their count).
//!
//! Query language: words separated by spaces must all occur (`网箱 养殖`); `OR` (or `|`) joins
//! alternatives; `NOT` or a leading `-` excludes; `"…"` (or `“…”`) quotes a phrase that may
//! contain spaces; parentheses group. Every word or phrase matches exactly the comments that
//! contain it as a substring (letter case ignored): the index's character-pair field with
//! positions guarantees it. Results are ranked by BM25 over jieba words: the query's sub-words
//! that exist in the index's word field.

use std::collections::BTreeMap;
use std::ops::Bound;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;

use rustc_hash::FxHashMap;

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader, Term};

use crate::comment::{Channel, Comment, Date, Kind};
use crate::decisions::{self, Status};
use crate::error::{Error, Result};
use crate::index::groups::Groups;
use crate::index::tokens::fold;
use crate::index::{SearchIndex, article_key, comment_key};
use crate::workspace::{Version, Workspace};

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// A word or phrase: comments containing it.
    Text(String),
    /// All of these.
    And(Vec<Expr>),
    /// Any of these.
    Or(Vec<Expr>),
    /// Not this.
    Not(Box<Expr>),
}

impl Expr {
    /// The words and phrases a hit must contain somewhere (for ranking and highlighting).
    pub fn positive_texts(&self) -> Vec<&str> {
        match self {
            Expr::Text(t) => vec![t.as_str()],
            Expr::And(v) | Expr::Or(v) => v.iter().flat_map(Expr::positive_texts).collect(),
            Expr::Not(_) => Vec::new(),
        }
    }

    /// Whether a text matches (the reference semantics the index must reproduce).
    pub fn matches(&self, text: &str) -> bool {
        match self {
            Expr::Text(t) => contains_folded(text, t),
            Expr::And(v) => v.iter().all(|e| e.matches(text)),
            Expr::Or(v) => v.iter().any(|e| e.matches(text)),
            Expr::Not(e) => !e.matches(text),
        }
    }
}

/// Case-insensitive (and full-width-insensitive) substring test.
pub fn contains_folded(text: &str, needle: &str) -> bool {
    let t: String = text.chars().map(fold).collect();
    let n: String = needle.chars().map(fold).collect();
    t.contains(&n)
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Word(String),
    Phrase(String),
    Open,
    Close,
    Or,
    And,
    Not,
}

fn lex(q: &str) -> Result<Vec<Tok>> {
    let mut out = Vec::new();
    let mut chars = q.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '(' | '（' => {
                chars.next();
                out.push(Tok::Open);
            }
            ')' | '）' => {
                chars.next();
                out.push(Tok::Close);
            }
            '"' | '“' | '”' | '「' => {
                chars.next();
                let close: &[char] = match c {
                    '“' => &['”', '"'],
                    '「' => &['」'],
                    _ => &['"', '”'],
                };
                let mut s = String::new();
                loop {
                    match chars.next() {
                        Some(x) if close.contains(&x) => break,
                        Some(x) => s.push(x),
                        None => return Err(Error::Query(format!("引号没有配对：{q}"))),
                    }
                }
                out.push(Tok::Phrase(s));
            }
            '|' => {
                chars.next();
                out.push(Tok::Or);
            }
            '&' => {
                chars.next();
                out.push(Tok::And);
            }
            // A `-` starting a token excludes what follows (`湖 -网箱`); inside a word it is
            // just a character (`PM-2`).
            '-' => {
                chars.next();
                match chars.peek() {
                    Some(n) if !n.is_whitespace() => out.push(Tok::Not),
                    _ => out.push(Tok::Word("-".into())),
                }
            }
            _ => {
                let mut s = String::new();
                while let Some(&x) = chars.peek() {
                    if x.is_whitespace()
                        || matches!(x, '(' | ')' | '（' | '）' | '"' | '“' | '”' | '「' | '|')
                    {
                        break;
                    }
                    s.push(x);
                    chars.next();
                }
                out.push(match s.as_str() {
                    "OR" | "或" => Tok::Or,
                    "AND" | "且" => Tok::And,
                    "NOT" | "非" => Tok::Not,
                    _ => Tok::Word(s),
                });
            }
        }
    }
    Ok(out)
}

/// Parses a query (see the module documentation).
///
/// ```
/// use lifa::search::{parse_query, Expr};
/// let e = parse_query("网箱 养殖 OR \"禁止 垂钓\" -游船").unwrap();
/// assert!(e.matches("建议禁止网箱养殖"));
/// assert!(e.matches("湖边禁止 垂钓"));
/// assert!(!e.matches("湖边禁止 垂钓，游船也要管"));
/// ```
pub fn parse_query(q: &str) -> Result<Expr> {
    let toks = lex(q)?;
    if toks.is_empty() {
        return Err(Error::Query("检索词为空".into()));
    }
    let mut p = Parser {
        toks: &toks,
        pos: 0,
    };
    let e = p.or()?;
    if p.pos < toks.len() {
        return Err(Error::Query(format!("多余的右括号：{q}")));
    }
    Ok(e)
}

struct Parser<'a> {
    toks: &'a [Tok],
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn or(&mut self) -> Result<Expr> {
        let mut parts = vec![self.and()?];
        while self.peek() == Some(&Tok::Or) {
            self.pos += 1;
            parts.push(self.and()?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Expr::Or(parts)
        })
    }

    fn and(&mut self) -> Result<Expr> {
        let mut parts = vec![self.unary()?];
        loop {
            match self.peek() {
                Some(Tok::And) => {
                    self.pos += 1;
                    parts.push(self.unary()?);
                }
                Some(Tok::Word(_) | Tok::Phrase(_) | Tok::Open | Tok::Not) => {
                    parts.push(self.unary()?)
                }
                _ => break,
            }
        }
        if parts.iter().all(|p| matches!(p, Expr::Not(_))) {
            return Err(Error::Query("检索式不能只有 NOT：请给出要找的词".into()));
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Expr::And(parts)
        })
    }

    fn unary(&mut self) -> Result<Expr> {
        match self.peek().cloned() {
            Some(Tok::Not) => {
                self.pos += 1;
                Ok(Expr::Not(Box::new(self.unary()?)))
            }
            Some(Tok::Open) => {
                self.pos += 1;
                let e = self.or()?;
                if self.peek() != Some(&Tok::Close) {
                    return Err(Error::Query("括号没有配对".into()));
                }
                self.pos += 1;
                Ok(e)
            }
            Some(Tok::Word(w) | Tok::Phrase(w)) => {
                self.pos += 1;
                if w.trim().is_empty() {
                    return Err(Error::Query("引号中没有内容".into()));
                }
                Ok(Expr::Text(w))
            }
            Some(t) => Err(Error::Query(format!(
                "“{}”的位置不对",
                match t {
                    Tok::Or => "OR",
                    Tok::And => "AND",
                    Tok::Close => "）",
                    _ => "?",
                }
            ))),
            None => Err(Error::Query("检索式不完整".into())),
        }
    }
}

/// Filters, as `lifa search` takes them.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Regulation.
    pub reg: Option<String>,
    /// Article (with `version`, numbered as in that version; else in the draft commented on).
    pub article: Option<crate::draft::ArticleNumber>,
    /// The version `article` is numbered in.
    pub version: Option<String>,
    /// Disposition.
    pub status: Option<Status>,
    /// Contact point contains this.
    pub source: Option<String>,
    /// Submitter kind.
    pub kind: Option<Kind>,
    /// Channel.
    pub channel: Option<Channel>,
    /// Received on or after.
    pub since: Option<Date>,
    /// Received on or before.
    pub until: Option<Date>,
}

/// One result: an opinion (its best-ranked comment) with the number of matching copies.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// The comment shown.
    pub comment: Comment,
    /// BM25 score over jieba words.
    pub score: f32,
    /// Comments of this opinion among the hits.
    pub copies: u64,
    /// The opinion's size (duplicates and campaign copies).
    pub supporters: u64,
    /// Its disposition.
    pub status: Status,
}

/// The answer to a search.
#[derive(Debug, Clone, Default)]
pub struct Results {
    /// Matching comments.
    pub total: u64,
    /// Matching opinions.
    pub opinions: u64,
    /// The hits of the requested page.
    pub hits: Vec<Hit>,
    /// Counts of matching comments by source, kind, channel, article, status.
    pub facets: Facets,
}

/// Facet counts (comments), by name.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facets {
    /// By contact point.
    pub source: BTreeMap<String, u64>,
    /// By submitter kind (Chinese label).
    pub kind: BTreeMap<String, u64>,
    /// By channel (Chinese label).
    pub channel: BTreeMap<String, u64>,
    /// By article cited (`qinglanhu 一审稿第十四条`).
    pub article: BTreeMap<String, u64>,
    /// By disposition (Chinese label).
    pub status: BTreeMap<String, u64>,
}

/// What a search derives from the workspace rather than from the index: the drafts (to label
/// article facets and resolve `--article`) and the dispositions. Built once per
/// [`SearchIndex`] and rebuilt when a draft or a disposition file changes (by modification
/// time) or the index is updated.
pub(crate) struct Context {
    stamp: Vec<(PathBuf, Option<SystemTime>)>,
    regs_versions: Vec<(String, Vec<Version>)>,
    labels: FxHashMap<u64, String>,
    statuses: FxHashMap<u64, Status>,
}

/// The files and folders whose modification times tell whether a [`Context`] is stale.
fn stamp(ws: &Workspace) -> Vec<(PathBuf, Option<SystemTime>)> {
    let mtime = |p: &std::path::Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let mut paths = vec![ws.root.join("drafts")];
    for reg in ws.regulations() {
        let dir = ws.root.join("drafts").join(&reg);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        paths.push(dir);
        paths.extend(files);
        paths.push(decisions::path(ws, &reg));
    }
    paths
        .into_iter()
        .map(|p| {
            let t = mtime(&p);
            (p, t)
        })
        .collect()
}

impl Context {
    fn load(ws: &Workspace, stamp: Vec<(PathBuf, Option<SystemTime>)>) -> Result<Context> {
        let mut regs_versions: Vec<(String, Vec<Version>)> = Vec::new();
        for reg in ws.regulations() {
            if let Ok(v) = ws.versions(&reg) {
                regs_versions.push((reg, v));
            }
        }
        let mut labels = FxHashMap::default();
        for (reg, versions) in &regs_versions {
            for v in versions {
                let stage = v.draft.meta.stage.clone().unwrap_or_else(|| v.id.clone());
                for a in &v.draft.articles {
                    labels.insert(
                        article_key(reg, &v.id, a.number.main, a.number.sub),
                        format!("{reg} {stage}{}", a.number),
                    );
                }
            }
        }
        let mut statuses = FxHashMap::default();
        for (reg, _) in &regs_versions {
            for (id, d) in decisions::current(ws, reg)? {
                statuses.insert(comment_key(&id), d.status);
            }
        }
        Ok(Context {
            stamp,
            regs_versions,
            labels,
            statuses,
        })
    }

    /// The index's context, built or rebuilt if needed.
    fn of(ws: &Workspace, index: &SearchIndex) -> Result<Arc<Context>> {
        let now = stamp(ws);
        let mut slot = index.search_cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(c) = &*slot
            && c.stamp == now
        {
            return Ok(Arc::clone(c));
        }
        let c = Arc::new(Context::load(ws, now)?);
        *slot = Some(Arc::clone(&c));
        Ok(c)
    }
}

/// Runs a query.
pub fn search(
    ws: &Workspace,
    index: &SearchIndex,
    expr: &Expr,
    filters: &Filters,
    limit: usize,
    page: usize,
) -> Result<Results> {
    let searcher = index.searcher();
    let f = &index.fields;
    let ctx = Context::of(ws, index)?;
    let recall = to_query(expr, f.grams);
    let mut clauses: Vec<(Occur, Box<dyn Query>)> =
        vec![(Occur::Must, Box::new(ConstScoreQuery::new(recall, 0.0)))];
    // Ranking: the query's sub-words that the index knows as jieba words.
    for t in expr.positive_texts() {
        for w in known_words(&searcher, f.words, t) {
            clauses.push((
                Occur::Should,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.words, &w),
                    IndexRecordOption::WithFreqs,
                )),
            ));
        }
    }
    // Filters.
    let regs_versions: Vec<&(String, Vec<Version>)> = ctx
        .regs_versions
        .iter()
        .filter(|(reg, _)| filters.reg.as_ref().is_none_or(|r| r == reg))
        .collect();
    if let Some(reg) = &filters.reg {
        if regs_versions.is_empty() {
            ws.versions(reg)?;
        }
        clauses.push((Occur::Must, term_text(f.reg, reg)));
    }
    if let Some(k) = filters.kind {
        clauses.push((
            Occur::Must,
            term_u64(
                f.kind,
                Kind::ALL.iter().position(|x| *x == k).unwrap_or(0) as u64,
            ),
        ));
    }
    if let Some(c) = filters.channel {
        clauses.push((
            Occur::Must,
            term_u64(
                f.channel,
                Channel::ALL.iter().position(|x| *x == c).unwrap_or(0) as u64,
            ),
        ));
    }
    if filters.since.is_some() || filters.until.is_some() {
        let lo = filters.since.map_or(Bound::Unbounded, |d| {
            Bound::Included(Term::from_field_i64(f.received, d.days()))
        });
        let hi = filters.until.map_or(Bound::Unbounded, |d| {
            Bound::Included(Term::from_field_i64(f.received, d.days()))
        });
        clauses.push((Occur::Must, Box::new(RangeQuery::new(lo, hi))));
    }
    if let Some(s) = &filters.source {
        let names: Vec<String> = field_terms(&searcher, f.source)
            .into_iter()
            .filter(|n| n.contains(s.as_str()))
            .collect();
        clauses.push((
            Occur::Must,
            any_of(names.iter().map(|n| term_text(f.source, n)).collect()),
        ));
    }
    if let Some(want) = filters.article {
        let mut keys = Vec::new();
        for (reg, versions) in regs_versions.iter().map(|x| (&x.0, &x.1)) {
            match &filters.version {
                Some(ver) => {
                    if !versions.iter().any(|v| &v.id == ver) {
                        continue;
                    }
                    let lineage = crate::lineage::Lineage::build(ws, reg, versions)?;
                    for v in versions {
                        for a in &v.draft.articles {
                            let mapped = lineage.map(&v.id, a.number, ver).unwrap_or_default();
                            if mapped.contains(&want) {
                                keys.push(article_key(reg, &v.id, a.number.main, a.number.sub));
                            }
                        }
                    }
                }
                None => {
                    for v in versions {
                        keys.push(article_key(reg, &v.id, want.main, want.sub));
                    }
                }
            }
        }
        clauses.push((
            Occur::Must,
            any_of(keys.into_iter().map(|k| term_u64(f.articles, k)).collect()),
        ));
    }
    let query = BooleanQuery::new(clauses);

    let collector = HitCollector {
        ctx: Arc::clone(&ctx),
        groups: index.groups(),
        status: filters.status,
    };
    let fruit = searcher
        .search(&query, &collector)
        .map_err(|e| Error::Index {
            path: "index".into(),
            message: e.to_string(),
        })?;

    let mut out = Results {
        total: fruit.total,
        opinions: fruit.groups.len() as u64,
        ..Results::default()
    };
    for (i, n) in fruit.kinds.iter().enumerate() {
        if *n > 0 {
            out.facets.kind.insert(Kind::ALL[i].zh().to_string(), *n);
        }
    }
    for (i, n) in fruit.channels.iter().enumerate() {
        if *n > 0 {
            out.facets
                .channel
                .insert(Channel::ALL[i].zh().to_string(), *n);
        }
    }
    for (i, n) in fruit.statuses.iter().enumerate() {
        if *n > 0 {
            out.facets
                .status
                .insert(Status::ALL[i].zh().to_string(), *n);
        }
    }
    for (k, n) in &fruit.articles {
        let label = ctx
            .labels
            .get(k)
            .cloned()
            .unwrap_or_else(|| format!("#{k:x}"));
        *out.facets.article.entry(label).or_default() += n;
    }
    out.facets.source = fruit.sources.clone();

    // One hit per opinion, best first; ties by date, newest first.
    let mut groups: Vec<&GroupBest> = fruit.groups.iter().collect();
    let first = page.saturating_sub(1) * limit;
    let order = |a: &&GroupBest, b: &&GroupBest| {
        b.score
            .total_cmp(&a.score)
            .then(b.received.cmp(&a.received))
            .then(a.key.cmp(&b.key))
    };
    if first + limit < groups.len() {
        groups.select_nth_unstable_by(first + limit, order);
        groups.truncate(first + limit);
    }
    groups.sort_by(order);
    let paths = index.batch_paths();
    for g in groups.iter().skip(first).take(limit) {
        let seg = searcher.segment_reader(g.segment);
        let ff = seg.fast_fields();
        let column = |name: &str| {
            ff.u64(name).map_err(|e| Error::Index {
                path: "index".into(),
                message: e.to_string(),
            })
        };
        let batch = column("batch")?.first(g.doc).unwrap_or(0);
        let offset = column("offset")?.first(g.doc).unwrap_or(0);
        let Some(path) = paths.get(&batch) else {
            continue;
        };
        let comment = crate::store::read_comment_at(path, offset)?;
        out.hits.push(Hit {
            status: ctx
                .statuses
                .get(&g.key)
                .copied()
                .unwrap_or(Status::Undecided),
            comment,
            score: g.score,
            copies: g.copies,
            supporters: g.size,
        });
    }
    Ok(out)
}

fn term_text(f: Field, s: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(f, s),
        IndexRecordOption::Basic,
    ))
}

fn term_u64(f: Field, v: u64) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_u64(f, v),
        IndexRecordOption::Basic,
    ))
}

/// Matches documents matching any of `qs` (none when `qs` is empty).
fn any_of(qs: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    if qs.is_empty() {
        return Box::new(BooleanQuery::new(vec![
            (Occur::Must, Box::new(AllQuery)),
            (Occur::MustNot, Box::new(AllQuery)),
        ]));
    }
    Box::new(BooleanQuery::new(
        qs.into_iter().map(|q| (Occur::Should, q)).collect(),
    ))
}

/// The index query for an expression over the character-pair field.
fn to_query(e: &Expr, grams: Field) -> Box<dyn Query> {
    match e {
        Expr::Text(t) => substring_query(t, grams),
        Expr::And(v) => Box::new(BooleanQuery::new(
            v.iter()
                .map(|x| match x {
                    Expr::Not(inner) => (Occur::MustNot, excluded(to_query(inner, grams))),
                    _ => (Occur::Must, to_query(x, grams)),
                })
                .collect(),
        )),
        Expr::Or(v) => Box::new(BooleanQuery::new(
            v.iter()
                .map(|x| (Occur::Should, to_query(x, grams)))
                .collect(),
        )),
        Expr::Not(inner) => Box::new(BooleanQuery::new(vec![
            (Occur::Must, Box::new(AllQuery)),
            (Occur::MustNot, excluded(to_query(inner, grams))),
        ])),
    }
}

/// A query to exclude. tantivy checks an excluded document set with `seek_danger` at every
/// candidate, which may lie behind where the set stands; its phrase scorer does not allow that
/// (a debug assertion in tantivy 0.27), while the default `DocSet::seek_danger` does. This
/// wrapper's scorer uses the default.
fn excluded(q: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(Excluded(q))
}

#[derive(Debug)]
struct Excluded(Box<dyn Query>);

impl Clone for Excluded {
    fn clone(&self) -> Excluded {
        Excluded(self.0.box_clone())
    }
}

impl Query for Excluded {
    fn weight(
        &self,
        scoring: tantivy::query::EnableScoring<'_>,
    ) -> tantivy::Result<Box<dyn tantivy::query::Weight>> {
        Ok(Box::new(ExcludedWeight(self.0.weight(scoring)?)))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.0.query_terms(visitor)
    }
}

struct ExcludedWeight(Box<dyn tantivy::query::Weight>);

impl tantivy::query::Weight for ExcludedWeight {
    fn scorer(
        &self,
        reader: &SegmentReader,
        boost: Score,
    ) -> tantivy::Result<Box<dyn tantivy::query::Scorer>> {
        Ok(Box::new(ExcludedScorer(self.0.scorer(reader, boost)?)))
    }

    fn explain(
        &self,
        reader: &SegmentReader,
        doc: DocId,
    ) -> tantivy::Result<tantivy::query::Explanation> {
        self.0.explain(reader, doc)
    }
}

struct ExcludedScorer(Box<dyn tantivy::query::Scorer>);

impl tantivy::DocSet for ExcludedScorer {
    fn advance(&mut self) -> DocId {
        self.0.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.0.seek(target)
    }

    fn doc(&self) -> DocId {
        self.0.doc()
    }

    fn size_hint(&self) -> u32 {
        self.0.size_hint()
    }
}

impl tantivy::query::Scorer for ExcludedScorer {
    fn score(&mut self) -> Score {
        self.0.score()
    }
}

/// Comments containing `text`: a phrase of its character pairs; one character: every pair
/// starting with it (including the end-of-text pair).
fn substring_query(text: &str, grams: Field) -> Box<dyn Query> {
    let chars: Vec<char> = text.chars().map(fold).collect();
    match chars.len() {
        0 => Box::new(AllQuery),
        1 => {
            let c = chars[0];
            let lo = Term::from_field_text(grams, &c.to_string());
            let next = char::from_u32(c as u32 + 1).unwrap_or(char::MAX);
            let hi = Term::from_field_text(grams, &next.to_string());
            Box::new(RangeQuery::new(Bound::Included(lo), Bound::Excluded(hi)))
        }
        2 => Box::new(TermQuery::new(
            Term::from_field_text(grams, &chars.iter().collect::<String>()),
            IndexRecordOption::Basic,
        )),
        _ => {
            let terms = chars
                .windows(2)
                .enumerate()
                .map(|(i, w)| {
                    (
                        i,
                        Term::from_field_text(grams, &w.iter().collect::<String>()),
                    )
                })
                .collect();
            Box::new(PhraseQuery::new_with_offset(terms))
        }
    }
}

/// Sub-strings of `text` (2 to 8 characters) that are words in the index.
fn known_words(searcher: &tantivy::Searcher, words: Field, text: &str) -> Vec<String> {
    let chars: Vec<char> = text
        .chars()
        .map(fold)
        .filter(|c| c.is_alphanumeric())
        .collect();
    let mut out = Vec::new();
    if chars.len() == 1 {
        let w = chars[0].to_string();
        if searcher
            .doc_freq(&Term::from_field_text(words, &w))
            .unwrap_or(0)
            > 0
        {
            out.push(w);
        }
        return out;
    }
    for len in 2..=chars.len().min(8) {
        for start in 0..=chars.len() - len {
            let w: String = chars[start..start + len].iter().collect();
            if !out.contains(&w)
                && searcher
                    .doc_freq(&Term::from_field_text(words, &w))
                    .unwrap_or(0)
                    > 0
            {
                out.push(w);
            }
        }
    }
    out
}

/// Every term of a raw (STRING) field, over all segments.
fn field_terms(searcher: &tantivy::Searcher, field: Field) -> Vec<String> {
    let mut out = std::collections::BTreeSet::new();
    for seg in searcher.segment_readers() {
        let Ok(inv) = seg.inverted_index(field) else {
            continue;
        };
        let Ok(mut stream) = inv.terms().stream() else {
            continue;
        };
        while stream.advance() {
            if let Ok(s) = std::str::from_utf8(stream.key()) {
                out.insert(s.to_string());
            }
        }
    }
    out.into_iter().collect()
}

/// Best hit of an opinion group.
#[derive(Debug, Clone)]
struct GroupBest {
    score: f32,
    received: i64,
    key: u64,
    segment: SegmentOrdinal,
    doc: DocId,
    copies: u64,
    size: u64,
}

impl GroupBest {
    /// Adds another hit of the same opinion: the opinion ranks by its best score, and is shown
    /// by its earliest copy (so the copy shown does not depend on scores, which shift slightly
    /// while deleted documents await a merge).
    fn absorb(&mut self, other: GroupBest) {
        let score = self.score.max(other.score);
        let copies = self.copies + other.copies;
        if (other.received, other.key) < (self.received, self.key) {
            *self = other;
        }
        self.score = score;
        self.copies = copies;
    }
}

#[derive(Debug, Default)]
struct Fruit {
    total: u64,
    kinds: [u64; 6],
    channels: [u64; 7],
    statuses: [u64; 6],
    sources: BTreeMap<String, u64>,
    articles: FxHashMap<u64, u64>,
    /// One per opinion among the hits.
    groups: Vec<GroupBest>,
    /// The opinion (its representative's ordinal) of each of `groups`.
    group_ids: Vec<u32>,
}

struct HitCollector {
    ctx: Arc<Context>,
    groups: Arc<Groups>,
    status: Option<Status>,
}

/// The columns a segment's hits are counted from.
struct Columns {
    key: tantivy::columnar::Column<u64>,
    ord: tantivy::columnar::Column<u64>,
    kind: tantivy::columnar::Column<u64>,
    channel: tantivy::columnar::Column<u64>,
    received: tantivy::columnar::Column<i64>,
    articles: tantivy::columnar::Column<u64>,
    source: Option<tantivy::columnar::StrColumn>,
}

/// A segment's hits, counted when the segment is done (see [`HitSegment::count`]).
struct SegmentHits {
    segment: SegmentOrdinal,
    docs: Vec<DocId>,
    scores: Vec<Score>,
    columns: Columns,
}

/// Collects a segment's hits, then counts their facets and opinions column by column.
/// Segments are searched in parallel (see `SearchIndex::open`).
struct HitSegment {
    ctx: Arc<Context>,
    groups: Arc<Groups>,
    status: Option<Status>,
    hits: SegmentHits,
}

impl Collector for HitCollector {
    type Fruit = Fruit;
    type Child = HitSegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        seg: &SegmentReader,
    ) -> tantivy::Result<HitSegment> {
        let ff = seg.fast_fields();
        Ok(HitSegment {
            ctx: Arc::clone(&self.ctx),
            groups: Arc::clone(&self.groups),
            status: self.status,
            hits: SegmentHits {
                segment,
                docs: Vec::new(),
                scores: Vec::new(),
                columns: Columns {
                    key: ff.u64("key")?,
                    ord: ff.u64("ord")?,
                    kind: ff.u64("kind")?,
                    channel: ff.u64("channel")?,
                    received: ff.i64("received")?,
                    articles: ff.u64("articles")?,
                    source: ff.str("source")?,
                },
            },
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Fruit>) -> tantivy::Result<Fruit> {
        let mut out = Fruit::default();
        let mut slot_of: Vec<u32> = vec![0; self.groups.group.len() + 1];
        for f in fruits {
            out.total += f.total;
            for i in 0..6 {
                out.kinds[i] += f.kinds[i];
                out.statuses[i] += f.statuses[i];
            }
            for i in 0..7 {
                out.channels[i] += f.channels[i];
            }
            for (k, v) in f.sources {
                *out.sources.entry(k).or_default() += v;
            }
            if out.articles.is_empty() {
                out.articles = f.articles;
            } else {
                for (k, v) in f.articles {
                    *out.articles.entry(k).or_default() += v;
                }
            }
            for (best, g) in f.groups.into_iter().zip(f.group_ids) {
                let g = g as usize;
                if g >= slot_of.len() {
                    slot_of.resize(g + 1, 0);
                }
                match slot_of[g] {
                    0 => {
                        out.groups.push(best);
                        out.group_ids.push(g as u32);
                        slot_of[g] = out.groups.len() as u32;
                    }
                    s => out.groups[s as usize - 1].absorb(best),
                }
            }
        }
        Ok(out)
    }
}

impl HitSegment {
    /// Facets and opinions of the segment's hits: columns read in blocks, opinions kept in an
    /// array indexed by their representative's ordinal (no hashing per hit).
    fn count(self) -> Fruit {
        const BLOCK: usize = 1024;
        let mut f = Fruit::default();
        let mut slot_of: Vec<u32> = vec![0; self.groups.group.len() + 1];
        let undecided = Status::ALL
            .iter()
            .position(|s| *s == Status::Undecided)
            .unwrap_or(5);
        let mut keys = vec![None; BLOCK];
        let mut ords = vec![None; BLOCK];
        let mut kinds = vec![None; BLOCK];
        let mut channels = vec![None; BLOCK];
        let mut received = vec![None; BLOCK];
        {
            let seg = &self.hits;
            let c = &seg.columns;
            let mut source_ords = vec![0u64; c.source.as_ref().map_or(0, |s| s.num_terms())];
            for (docs, scores) in seg.docs.chunks(BLOCK).zip(seg.scores.chunks(BLOCK)) {
                let n = docs.len();
                c.key.first_vals(docs, &mut keys[..n]);
                c.ord.first_vals(docs, &mut ords[..n]);
                c.kind.first_vals(docs, &mut kinds[..n]);
                c.channel.first_vals(docs, &mut channels[..n]);
                c.received.first_vals(docs, &mut received[..n]);
                for i in 0..n {
                    let key = keys[i].unwrap_or(0);
                    let status = if self.ctx.statuses.is_empty() {
                        undecided
                    } else {
                        let s = self.ctx.statuses.get(&key).copied();
                        Status::ALL
                            .iter()
                            .position(|x| Some(*x) == s)
                            .unwrap_or(undecided)
                    };
                    if self
                        .status
                        .is_some_and(|s| Status::ALL.get(status) != Some(&s))
                    {
                        continue;
                    }
                    f.total += 1;
                    f.statuses[status.min(5)] += 1;
                    if let Some(k) = kinds[i] {
                        f.kinds[(k as usize).min(5)] += 1;
                    }
                    if let Some(ch) = channels[i] {
                        f.channels[(ch as usize).min(6)] += 1;
                    }
                    let doc = docs[i];
                    let mut seen = [0u64; 8];
                    for (j, a) in c.articles.values_for_doc(doc).enumerate() {
                        if seen[..j.min(8)].contains(&a) {
                            continue;
                        }
                        if j < 8 {
                            seen[j] = a;
                        }
                        *f.articles.entry(a).or_default() += 1;
                    }
                    if let Some(src) = &c.source
                        && let Some(o) = src.term_ords(doc).next()
                        && let Some(n) = source_ords.get_mut(o as usize)
                    {
                        *n += 1;
                    }
                    let (g, size) = self.groups.of(ords[i].unwrap_or(0) as u32);
                    let best = GroupBest {
                        score: scores[i],
                        received: received[i].unwrap_or(0),
                        key,
                        segment: seg.segment,
                        doc,
                        copies: 1,
                        size: u64::from(size),
                    };
                    let g = g as usize;
                    if g >= slot_of.len() {
                        slot_of.resize(g + 1, 0);
                    }
                    match slot_of[g] {
                        0 => {
                            f.groups.push(best);
                            f.group_ids.push(g as u32);
                            slot_of[g] = f.groups.len() as u32;
                        }
                        s => f.groups[s as usize - 1].absorb(best),
                    }
                }
            }
            if let Some(src) = &c.source {
                let mut name = String::new();
                for (o, n) in source_ords.iter().enumerate() {
                    name.clear();
                    if *n > 0 && src.ord_to_str(o as u64, &mut name).unwrap_or(false) {
                        *f.sources.entry(name.clone()).or_default() += n;
                    }
                }
            }
        }
        f
    }
}

impl SegmentCollector for HitSegment {
    type Fruit = Fruit;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.hits.docs.push(doc);
        self.hits.scores.push(score);
    }

    fn harvest(self) -> Fruit {
        self.count()
    }
}

/// A snippet of `text` around the first match of any of `needles`, at most `width`
/// characters, with the character ranges of every match in it.
pub fn snippet(text: &str, needles: &[&str], width: usize) -> (String, Vec<(usize, usize)>) {
    let chars: Vec<char> = text.chars().collect();
    let folded: Vec<char> = chars.iter().map(|&c| fold(c)).collect();
    let needles: Vec<Vec<char>> = needles
        .iter()
        .map(|n| n.chars().map(fold).collect::<Vec<_>>())
        .filter(|n| !n.is_empty())
        .collect();
    let find_all = |from: usize, to: usize| -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = from;
        while i < to {
            let m = needles
                .iter()
                .filter(|n| i + n.len() <= folded.len() && folded[i..i + n.len()] == n[..])
                .map(Vec::len)
                .max();
            match m {
                Some(len) => {
                    out.push((i, i + len));
                    i += len;
                }
                None => i += 1,
            }
        }
        out
    };
    let first = find_all(0, chars.len()).first().map_or(0, |m| m.0);
    let start = if chars.len() <= width {
        0
    } else {
        first.saturating_sub(width / 3).min(chars.len() - width)
    };
    let end = (start + width).min(chars.len());
    let marks = find_all(start, end)
        .into_iter()
        .map(|(a, b)| (a - start, b.min(end) - start))
        .collect();
    let mut s: String = chars[start..end].iter().collect();
    if start > 0 {
        s.insert(0, '…');
    }
    if end < chars.len() {
        s.push('…');
    }
    let shift = usize::from(start > 0);
    let marks = marks_shift(marks, shift);
    (s, marks)
}

fn marks_shift(marks: Vec<(usize, usize)>, shift: usize) -> Vec<(usize, usize)> {
    marks
        .into_iter()
        .map(|(a, b)| (a + shift, b + shift))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::importer::{Importer, Options};
    use std::path::Path;

    /// Boolean queries over words of three or more characters (phrases of pairs), with
    /// exclusions, agree with [`Expr::matches`] over every stored comment.
    #[test]
    fn boolean_queries_equal_substring_matching() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = tempfile::tempdir().unwrap();
        let drafts = dir.path().join("drafts").join("qinglanhu");
        std::fs::create_dir_all(&drafts).unwrap();
        for e in std::fs::read_dir(root.join("drafts").join("qinglanhu"))
            .unwrap()
            .flatten()
        {
            std::fs::copy(e.path(), drafts.join(e.file_name())).unwrap();
        }
        let ws = Workspace::new(dir.path());
        let upload = root.join("tests/fixtures/uploads/online-2026-05.jsonl");
        Importer::new(&ws, "qinglanhu")
            .unwrap()
            .import(&upload, &Options::default())
            .unwrap();
        SearchIndex::rebuild(&ws).unwrap();
        let index = SearchIndex::open(&ws).unwrap();
        let texts: Vec<String> = crate::store::Store::open(&ws, "qinglanhu")
            .comments()
            .unwrap()
            .into_iter()
            .map(|c| c.text)
            .collect();
        for q in [
            "青澜湖",
            "青澜湖 NOT 网箱养殖",
            "湖 -青澜湖",
            "NOT 保护区 湖",
            "保护区 OR 青澜湖",
            "(青澜湖 OR 垃圾) -\"不能关起门\"",
            "“应当向社会”",
            "APP",
        ] {
            let e = parse_query(q).unwrap();
            let want = texts.iter().filter(|t| e.matches(t)).count() as u64;
            let got = search(&ws, &index, &e, &Filters::default(), 5, 1).unwrap();
            assert_eq!(got.total, want, "{q}");
        }
    }
}
