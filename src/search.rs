//! `lifa search`: the query language, its translation to index queries, filters, facets and
//! hits (one per opinion: duplicates and campaigns folded, with their count).
//!
//! Query language: words separated by spaces must all occur (`网箱 养殖`); `OR` (`或`, `|`)
//! joins alternatives; `NOT` (`非`) or a leading `-` excludes (both at once, `NOT -罚款`,
//! exclude once); `"…"` (or `“…”`, `‘…’`, `「…」`, `『…』`) quotes a phrase that may contain
//! spaces; parentheses group (`(垃圾 OR 污水) 罚款`, `NOT(网箱)`). Quotes run together with
//! words, brackets around a single word, and either without a partner are characters of the
//! text (`将“禁止”改为“限制”`, `第（三）项`, `（一）`, `改为“在`), so that a fragment pasted
//! from a comment finds the comments that contain it.
//! Full-width `（）－｜＆＂` mean what their ASCII forms do. Every word or phrase matches
//! exactly the comments that contain it as a substring (letter case ignored): the index's
//! character pairs with positions ([`crate::index::grams`]) guarantee it, and the expression is
//! evaluated as set operations on comment ordinals. Filters and facets read the index's
//! per-comment columns ([`crate::index::columns`]). Results are ranked by BM25 over jieba words
//! (tantivy): the query's sub-words that exist in the index's word field.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader, Term};

use crate::comment::{Channel, Comment, Date, Kind};
use crate::decisions::{self, Status};
use crate::error::{Error, Result};
use crate::index::columns::Rec;
use crate::index::tokens::fold;
use crate::index::{IndexColumns, SearchIndex, article_key, comment_key, num_threads};
use crate::points::ContactPoints;
use crate::workspace::{Version, Workspace};

/// Hits from which a query's scoring and counting are shared between two threads.
const PARALLEL_HITS: usize = 20_000;

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

    /// The expression written back as a query that [`parse_query`] reads as it: a text with
    /// a space, or one that would read as an operator, in quotes; alternatives within an AND
    /// in brackets.
    pub fn to_query(&self) -> String {
        match self {
            Expr::Text(t) => {
                let bare = !t.is_empty()
                    && !t.contains(char::is_whitespace)
                    && operator(t).is_none()
                    && !t.starts_with(['-', '－', '|', '｜', '&', '＆'])
                    && parse_query(t).is_ok_and(|e| e == *self);
                if bare {
                    t.clone()
                } else if t.contains('"') {
                    format!("“{t}”")
                } else {
                    format!("\"{t}\"")
                }
            }
            Expr::And(v) => v
                .iter()
                .map(|e| match e {
                    Expr::Or(_) => format!("({})", e.to_query()),
                    _ => e.to_query(),
                })
                .collect::<Vec<_>>()
                .join(" "),
            Expr::Or(v) => v
                .iter()
                .map(Expr::to_query)
                .collect::<Vec<_>>()
                .join(" OR "),
            Expr::Not(e) => match **e {
                Expr::Text(_) => format!("NOT {}", e.to_query()),
                _ => format!("NOT ({})", e.to_query()),
            },
        }
    }

    /// The expression with every text split at `marks` into words that must all occur
    /// (`禁止*养殖` → `禁止 养殖`); `None` if nothing is left.
    pub fn split_at(&self, marks: &[char]) -> Option<Expr> {
        self.rewrite(&|t| t.split(marks).map(str::to_string).collect())
    }

    /// The expression with the whitespace inside its phrases dropped (`"禁止 垂钓"` →
    /// `禁止垂钓`: Chinese is written without spaces between words).
    pub fn without_inner_spaces(&self) -> Option<Expr> {
        self.rewrite(&|t| vec![t.split_whitespace().collect()])
    }

    /// The expression with its phrases split at whitespace into words that must all occur
    /// (`"禁止 垂钓"` → `禁止 垂钓`).
    pub fn phrases_as_words(&self) -> Option<Expr> {
        self.rewrite(&|t| t.split_whitespace().map(str::to_string).collect())
    }

    /// The expression with each text it looks for cut into the words `cut` makes of it, all
    /// of which must occur (`建议禁止网箱养殖` → `建议 禁止 网箱养殖`); words of one character
    /// are left out unless the text has no other. What it excludes is kept as it is: cut into
    /// words, it would exclude other comments.
    pub fn as_words(&self, cut: &dyn Fn(&str) -> Vec<String>) -> Option<Expr> {
        if let Expr::Not(_) = self {
            return Some(self.clone());
        }
        if let Expr::And(v) | Expr::Or(v) = self {
            let parts: Vec<Expr> = v.iter().filter_map(|e| e.as_words(cut)).collect();
            return Some(match self {
                Expr::And(_) => Expr::And(parts),
                _ => Expr::Or(parts),
            });
        }
        self.rewrite(&|t| {
            let words: Vec<String> = cut(t).into_iter().filter(|w| is_long_word(w)).collect();
            if words.is_empty() {
                vec![t.to_string()]
            } else {
                words
            }
        })
    }

    /// The expression with every text replaced by the texts `f` makes of it, all of which must
    /// occur (trimmed; empty ones dropped); `None` if nothing is left.
    fn rewrite(&self, f: &dyn Fn(&str) -> Vec<String>) -> Option<Expr> {
        let all = |v: &[Expr]| -> Vec<Expr> { v.iter().filter_map(|e| e.rewrite(f)).collect() };
        let one = |mut v: Vec<Expr>, join: fn(Vec<Expr>) -> Expr| match v.len() {
            0 => None,
            1 => v.pop(),
            _ => Some(join(v)),
        };
        match self {
            Expr::Text(t) => one(
                f(t).iter()
                    .map(|w| w.trim())
                    .filter(|w| !w.is_empty())
                    .map(|w| Expr::Text(w.to_string()))
                    .collect(),
                Expr::And,
            ),
            Expr::And(v) => one(all(v), Expr::And),
            Expr::Or(v) => one(all(v), Expr::Or),
            Expr::Not(e) => e.rewrite(f).map(|e| Expr::Not(Box::new(e))),
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

/// Whether a word has two letters, digits or characters or more: the words a text is cut into
/// for a hint ([`Expr::as_words`]) leave out the others (particles, punctuation).
pub fn is_long_word(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphanumeric()).count() > 1
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

/// The closing marks of a quote that can open a phrase, if `c` is one.
fn quote_closers(c: char) -> Option<&'static [char]> {
    Some(match c {
        '“' => &['”', '"'],
        '「' => &['」'],
        '『' => &['』'],
        '‘' => &['’', '\''],
        '"' | '＂' => &['"', '”', '＂'],
        _ => return None,
    })
}

/// Where the quote at `cs[i]` is closed, if it is one that opens a phrase and has a partner.
fn quote_end(cs: &[char], i: usize) -> Option<usize> {
    let close = quote_closers(cs[i])?;
    cs[i + 1..]
        .iter()
        .position(|x| close.contains(x))
        .map(|j| i + 1 + j)
}

fn is_open(c: char) -> bool {
    matches!(c, '(' | '（')
}

fn is_close(c: char) -> bool {
    matches!(c, ')' | '）')
}

/// Every quote and bracket the query reader pairs; where they are not syntax, they are
/// characters of the text.
pub const PAIRED_MARKS: [char; 14] = [
    '"', '“', '”', '「', '」', '『', '』', '‘', '’', '＂', '(', ')', '（', '）',
];

/// The operator a word is (`湖 NOT 游船`), in either language.
fn operator(word: &str) -> Option<Tok> {
    match word {
        "OR" | "或" => Some(Tok::Or),
        "AND" | "且" => Some(Tok::And),
        "NOT" | "非" => Some(Tok::Not),
        _ => None,
    }
}

/// Whether the token before `cs[o]` (attached to it, or before the spaces in front of it) is
/// an operator: `NOT(网箱)`, `- (网箱)`, `湖 OR (网箱)`.
fn after_operator(cs: &[char], o: usize) -> bool {
    let mut j = o;
    while j > 0 && cs[j - 1].is_whitespace() {
        j -= 1;
    }
    let end = j;
    while j > 0 && !cs[j - 1].is_whitespace() && !is_open(cs[j - 1]) {
        j -= 1;
    }
    let prev: String = cs[j..end].iter().collect();
    operator(&prev).is_some() || matches!(prev.as_str(), "-" | "－" | "|" | "｜" | "&" | "＆")
}

/// Which brackets of a query group: for each position, the closing bracket of the group an
/// opening bracket there opens. A pair of brackets groups when what it holds has a space or a
/// `|` or `&` in it (`(垃圾 OR 污水) 罚款`, `罚款(垃圾 OR 污水)`), or when it follows an
/// operator and stands apart (`NOT(网箱)`, `湖 非（网箱）`); around one word (`（一）`,
/// `第（三）项`), or without a partner, brackets are text. Brackets inside a quoted span do not
/// pair with those outside it.
fn groups(cs: &[char]) -> Vec<Option<usize>> {
    let mut out = vec![None; cs.len()];
    let mut open: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if let Some(e) = quote_end(cs, i) {
            i = e + 1;
            continue;
        }
        if is_open(c) {
            open.push(i);
        } else if is_close(c)
            && let Some(o) = open.pop()
        {
            let inner = &cs[o + 1..i];
            // After an operator, a group of one word stands apart: `或（二）项`, pasted from
            // `第（一）项或（二）项`, is text.
            let apart = cs
                .get(i + 1)
                .is_none_or(|&n| n.is_whitespace() || is_close(n) || matches!(n, '|' | '｜'));
            let groups = inner
                .iter()
                .any(|&x| x.is_whitespace() || matches!(x, '|' | '｜' | '&' | '＆'))
                || (apart && after_operator(cs, o));
            if groups {
                out[o] = Some(i);
            }
        }
        i += 1;
    }
    out
}

/// Splits a query into tokens. Nothing is refused here: a fragment pasted from a comment is
/// looked for as it is written. A quoted phrase stands apart (a space, a `|`, the end of a
/// group or of the query after it); otherwise its quotes are characters of the text
/// (`将“禁止”改为“限制”`), as is a quote without a partner (`改为“在`). Brackets group as
/// [`groups`] says; otherwise they are text (`第（三）项`, `（一）`, `第十五条第（三`).
fn lex(q: &str) -> Vec<Tok> {
    let cs: Vec<char> = q.chars().collect();
    let group_close = groups(&cs);
    let mut closes = vec![false; cs.len()];
    for &c in group_close.iter().flatten() {
        closes[c] = true;
    }
    // A phrase at `i`: its closing quote, when the phrase stands apart.
    let phrase = |i: usize| {
        quote_end(&cs, i).filter(|&e| {
            cs.get(e + 1)
                .is_none_or(|&n| n.is_whitespace() || matches!(n, '|' | '｜') || closes[e + 1])
        })
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if group_close[i].is_some() {
            out.push(Tok::Open);
            i += 1;
            continue;
        }
        if closes[i] {
            out.push(Tok::Close);
            i += 1;
            continue;
        }
        if let Some(end) = phrase(i) {
            out.push(Tok::Phrase(cs[i + 1..end].iter().collect()));
            i = end + 1;
            continue;
        }
        match c {
            '|' | '｜' => {
                out.push(Tok::Or);
                i += 1;
                continue;
            }
            '&' | '＆' => {
                out.push(Tok::And);
                i += 1;
                continue;
            }
            // A `-` (or a full-width `－`, as a Chinese input method types it) starting a
            // token excludes what follows (`湖 -网箱`); inside a word it is just a character
            // (`PM-2`).
            '-' | '－' if cs.get(i + 1).is_some_and(|n| !n.is_whitespace()) => {
                out.push(Tok::Not);
                i += 1;
                continue;
            }
            _ => {}
        }
        // A word: up to a space, a bar, or a bracket that opens or closes a group; an
        // operator word also ends before a phrase (`NOT“禁止 垂钓”`). Quotes and brackets
        // in it are text.
        let mut s = String::from(c);
        i += 1;
        while let Some(&x) = cs.get(i) {
            if x.is_whitespace()
                || matches!(x, '|' | '｜')
                || group_close[i].is_some()
                || closes[i]
                || (operator(&s).is_some() && phrase(i).is_some())
            {
                break;
            }
            s.push(x);
            i += 1;
        }
        out.push(operator(&s).unwrap_or(Tok::Word(s)));
    }
    out
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
    let toks = lex(q);
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
                // A word marked twice (`NOT -罚款`, as a shell passes `NOT` and `-罚款`) is
                // excluded once: nobody writes two markers to mean “must contain”.
                while self.peek() == Some(&Tok::Not) {
                    self.pos += 1;
                }
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

/// Filters, as `lifa search` takes them: a regulation, and those `lifa comments` takes.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Regulation.
    pub reg: Option<String>,
    /// Article, disposition, contact point, kind, channel and dates.
    pub comments: crate::opinions::Filter,
}

impl Filters {
    /// The filters in force, as a title names them (see [`crate::opinions::Filter::describe`],
    /// with the regulation first); empty when there are none.
    pub fn describe(&self) -> String {
        let rest = self.comments.describe();
        match &self.reg {
            Some(reg) if rest.is_empty() => format!("法规 {reg}"),
            Some(reg) => format!("法规 {reg}、{rest}"),
            None => rest,
        }
    }
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
/// article facets and resolve `--article`) and the dispositions, by comment ordinal. Built once
/// per [`SearchIndex`] and rebuilt when a draft, a disposition file or the contact-point table
/// changes (by modification time and length) or the index is updated.
pub(crate) struct Context {
    stamp: Vec<(PathBuf, Option<(SystemTime, u64)>)>,
    regs_versions: Vec<(String, Vec<Version>)>,
    labels: FxHashMap<u64, String>,
    /// Index into [`Status::ALL`] by ordinal; empty when nothing is decided.
    status_of: Vec<u8>,
    /// Contact points written more than one way: facets, `--source` and hits use their names.
    points: ContactPoints,
}

/// The files and folders whose modification times tell whether a [`Context`] is stale.
fn stamp(ws: &Workspace) -> Vec<(PathBuf, Option<(SystemTime, u64)>)> {
    // The time and the length: an edit within the file system's time resolution (a small
    // file saved twice in a second) still changes the length, mostly.
    let mtime = |p: &std::path::Path| {
        std::fs::metadata(p)
            .and_then(|m| Ok((m.modified()?, m.len())))
            .ok()
    };
    let mut paths = vec![ws.root.join("drafts"), crate::points::path(ws)];
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

fn status_index(s: Status) -> u8 {
    Status::ALL.iter().position(|x| *x == s).unwrap_or(0) as u8
}

impl Context {
    fn load(
        ws: &Workspace,
        index: &SearchIndex,
        stamp: Vec<(PathBuf, Option<(SystemTime, u64)>)>,
    ) -> Result<Context> {
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
        let mut status_of = Vec::new();
        if let Some(cols) = index.columns() {
            let undecided = status_index(Status::Undecided);
            for (reg, _) in &regs_versions {
                for (id, d) in decisions::current(ws, reg)? {
                    if let Some(o) = cols.ord_of(comment_key(&id)) {
                        if status_of.is_empty() {
                            status_of = vec![undecided; cols.len()];
                        }
                        status_of[o as usize] = status_index(d.status);
                    }
                }
            }
        }
        Ok(Context {
            stamp,
            regs_versions,
            labels,
            status_of,
            points: ContactPoints::load(ws)?,
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
        let c = Arc::new(Context::load(ws, index, now)?);
        *slot = Some(Arc::clone(&c));
        Ok(c)
    }

    fn status(&self, o: u32) -> u8 {
        match self.status_of.get(o as usize) {
            Some(&s) => s,
            None => status_index(Status::Undecided),
        }
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
    let ctx = Context::of(ws, index)?;
    if let Some(reg) = &filters.reg
        && !ctx.regs_versions.iter().any(|(r, _)| r == reg)
    {
        ws.versions(reg)?;
    }
    let Some(cols) = index.columns() else {
        return Ok(Results::default());
    };
    let filter = Filter::new(ws, &ctx, cols, filters)?;
    let mut hits = eval(index, expr);
    if filter.any() {
        let mut kept = Vec::with_capacity(hits.len());
        cols.visit(&hits, |_, o, r| {
            if filter.keeps(cols, &ctx, o, r) {
                kept.push(o);
            }
        });
        hits = kept;
    }
    let hits = Arc::new(hits);

    let mut out = Results {
        total: hits.len() as u64,
        ..Results::default()
    };
    // A large query is scored and counted on both cores.
    let parallel = hits.len() >= PARALLEL_HITS && num_threads() > 1;
    let scores = scores(index, expr, &hits, parallel)?;
    let keep = page.max(1) * limit;
    let mut tally = Tally::count_all(cols, &ctx, keep, &hits, &scores, parallel);
    out.opinions = tally.singles + tally.groups.len() as u64;
    let opinions = tally.ranked(cols);
    let Tally {
        kinds,
        channels,
        statuses,
        sources,
        articles,
        ..
    } = tally;
    for (i, n) in kinds.iter().enumerate() {
        if *n > 0 {
            out.facets.kind.insert(Kind::ALL[i].zh().to_string(), *n);
        }
    }
    for (i, n) in channels.iter().enumerate() {
        if *n > 0 {
            out.facets
                .channel
                .insert(Channel::ALL[i].zh().to_string(), *n);
        }
    }
    for (i, n) in statuses.iter().enumerate() {
        if *n > 0 {
            out.facets
                .status
                .insert(Status::ALL[i].zh().to_string(), *n);
        }
    }
    for (i, n) in sources.iter().enumerate() {
        if *n > 0 {
            *out.facets
                .source
                .entry(ctx.points.name(&cols.sources[i]).to_string())
                .or_default() += n;
        }
    }
    for (id, n) in articles.iter().enumerate() {
        if *n == 0 {
            continue;
        }
        let k = cols.article_key(id as u32);
        let label = ctx
            .labels
            .get(&k)
            .cloned()
            .unwrap_or_else(|| format!("#{k:x}"));
        *out.facets.article.entry(label).or_default() += n;
    }

    // One hit per opinion, best first; ties by date, newest first.
    let first = page.saturating_sub(1) * limit;
    let paths = index.batch_paths();
    for g in opinions.iter().skip(first).take(limit) {
        let Some(path) = paths.get(&cols.batch(g.ord)) else {
            continue;
        };
        let mut comment = crate::store::read_comment_at(path, cols.offset(g.ord))?;
        ctx.points.rename(&mut comment.source);
        out.hits.push(Hit {
            status: Status::ALL
                .get(usize::from(ctx.status(g.ord)))
                .copied()
                .unwrap_or(Status::Undecided),
            comment,
            score: g.score,
            copies: g.copies,
            supporters: u64::from(g.size),
        });
    }
    Ok(out)
}

/// Facet counts and opinions of some hits.
struct Tally {
    kinds: Vec<u64>,
    channels: Vec<u64>,
    statuses: Vec<u64>,
    sources: Vec<u64>,
    /// By index in the columns' table of articles.
    articles: Vec<u64>,
    /// Opinions of one comment go straight to the running selection of the page's candidates.
    top: TopOpinions,
    singles: u64,
    /// Opinions of several comments (with their representative), gathered before they join
    /// `top`.
    groups: Vec<(u32, Best)>,
    /// The index in `groups` of each group, by representative.
    slot: FxHashMap<u32, usize>,
}

impl Tally {
    /// Counts `hits` with their `scores`; if `parallel`, on both cores, half of the hits each.
    fn count_all(
        cols: &IndexColumns,
        ctx: &Context,
        keep: usize,
        hits: &[u32],
        scores: &Scores,
        parallel: bool,
    ) -> Tally {
        let half = if parallel { hits.len() / 2 } else { hits.len() };
        let (mut tally, rest) = std::thread::scope(|s| {
            let rest = (half < hits.len()).then(|| {
                let (h, sc) = (&hits[half..], scores.from(half as u32));
                s.spawn(move || Tally::count(cols, ctx, keep, h, sc))
            });
            let mine = Tally::count(cols, ctx, keep, &hits[..half], scores.from(0));
            (mine, rest.map(|h| h.join()))
        });
        if let Some(rest) = rest {
            tally.merge(rest.unwrap_or_else(|e| std::panic::resume_unwind(e)), cols);
        }
        tally
    }

    /// Counts `hits`, whose scores `scores` reads (its first for the first of them).
    fn count(
        cols: &IndexColumns,
        ctx: &Context,
        keep: usize,
        hits: &[u32],
        mut scores: ScoreCursor,
    ) -> Tally {
        let mut t = Tally {
            kinds: vec![0; Kind::ALL.len()],
            channels: vec![0; Channel::ALL.len()],
            statuses: vec![0; Status::ALL.len()],
            sources: vec![0; cols.sources.len()],
            articles: vec![0; cols.article_count()],
            top: TopOpinions::new(keep),
            singles: 0,
            groups: Vec::new(),
            slot: FxHashMap::default(),
        };
        cols.visit(hits, |i, o, r| {
            let bump = |v: &mut Vec<u64>, i: usize| {
                if let Some(n) = v.get_mut(i) {
                    *n += 1;
                }
            };
            bump(&mut t.kinds, usize::from(r.kind));
            bump(&mut t.channels, usize::from(r.channel));
            bump(&mut t.statuses, usize::from(ctx.status(o)));
            bump(&mut t.sources, usize::from(r.source));
            for a in cols.articles_of(o, r) {
                bump(&mut t.articles, a as usize);
            }
            let best = Best {
                score: scores.next(i as u32),
                received: r.received,
                key: NO_KEY,
                ord: o,
                copies: 1,
                // A group's size is read once, by `add_group`.
                size: u32::from(!r.grouped),
            };
            if r.grouped {
                t.add_group(r.group, best, cols);
            } else {
                t.singles += 1;
                t.top.push(best, cols);
            }
        });
        t
    }

    /// Adds a hit of the group represented by `rep`. The group's size is read from the cold
    /// column once, when the group is first hit; keys only to break a tie of dates.
    fn add_group(&mut self, rep: u32, mut best: Best, cols: &IndexColumns) {
        match self.slot.entry(rep) {
            std::collections::hash_map::Entry::Occupied(e) => {
                self.groups[*e.get()].1.absorb(best, cols)
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                if best.size == 0 {
                    best.size = cols.size(best.ord).max(1);
                }
                e.insert(self.groups.len());
                self.groups.push((rep, best));
            }
        }
    }

    /// The first opinions, best first: the groups hit join the single comments' selection.
    fn ranked(&mut self, cols: &IndexColumns) -> Vec<Best> {
        let mut top = std::mem::replace(&mut self.top, TopOpinions::new(0));
        for (_, g) in self.groups.drain(..) {
            top.push(g, cols);
        }
        top.finish()
    }

    /// Adds another part's counts.
    fn merge(&mut self, other: Tally, cols: &IndexColumns) {
        for (a, b) in [
            (&mut self.kinds, &other.kinds),
            (&mut self.channels, &other.channels),
            (&mut self.statuses, &other.statuses),
            (&mut self.sources, &other.sources),
            (&mut self.articles, &other.articles),
        ] {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
        self.singles += other.singles;
        for b in other.top.buf {
            self.top.push(b, cols);
        }
        for (rep, b) in other.groups {
            self.add_group(rep, b, cols);
        }
    }
}

/// The filters, resolved against the index's columns.
struct Filter {
    reg: Option<Option<u16>>,
    kind: Option<u8>,
    channel: Option<u8>,
    since: Option<i64>,
    until: Option<i64>,
    /// Contact points (by index) that match.
    sources: Option<Vec<bool>>,
    /// Articles (by index in the columns' table) that match.
    articles: Option<Vec<bool>>,
    status: Option<u8>,
}

impl Filter {
    fn new(ws: &Workspace, ctx: &Context, cols: &IndexColumns, all: &Filters) -> Result<Filter> {
        let f = &all.comments;
        if let Some(ver) = &f.version {
            let in_scope: Vec<&(String, Vec<Version>)> = ctx
                .regs_versions
                .iter()
                .filter(|(r, _)| all.reg.as_ref().is_none_or(|x| x == r))
                .collect();
            if !in_scope
                .iter()
                .any(|(_, vs)| vs.iter().any(|v| v.answers_to(ver)))
            {
                return Err(match in_scope[..] {
                    [(reg, vs)] => Error::UnknownVersion {
                        reg: reg.clone(),
                        version: ver.clone(),
                        known: crate::workspace::labels(vs),
                    },
                    [] => Error::Usage(format!("--version {ver}：工作区中还没有草案")),
                    _ => Error::Usage(format!(
                        "--version {ver}：没有哪部法规有这一稿（{}）",
                        in_scope
                            .iter()
                            .map(|(r, vs)| format!("{r}：{}", crate::workspace::labels(vs)))
                            .collect::<Vec<_>>()
                            .join("；")
                    )),
                });
            }
        }
        let articles = match f.article {
            None => None,
            Some(want) => {
                let mut keys = FxHashSet::default();
                for (reg, versions) in &ctx.regs_versions {
                    if all.reg.as_ref().is_some_and(|r| r != reg) {
                        continue;
                    }
                    match &f.version {
                        Some(ver) => {
                            // Each regulation's own version of that name (v2, or 二审稿).
                            let Some(ver) = versions.iter().find(|v| v.answers_to(ver)) else {
                                continue;
                            };
                            let ver = &ver.id;
                            let lineage = crate::lineage::Lineage::build(ws, reg, versions)?;
                            for v in versions {
                                for a in &v.draft.articles {
                                    let mapped =
                                        lineage.map(&v.id, a.number, ver).unwrap_or_default();
                                    if mapped.contains(&want) {
                                        keys.insert(article_key(
                                            reg,
                                            &v.id,
                                            a.number.main,
                                            a.number.sub,
                                        ));
                                    }
                                }
                            }
                        }
                        None => {
                            for v in versions {
                                keys.insert(article_key(reg, &v.id, want.main, want.sub));
                            }
                        }
                    }
                }
                let mut by_id = vec![false; cols.article_count()];
                for k in keys {
                    if let Some(id) = cols.article_id(k) {
                        by_id[id as usize] = true;
                    }
                }
                Some(by_id)
            }
        };
        Ok(Filter {
            reg: all
                .reg
                .as_ref()
                .map(|r| cols.regs.iter().position(|x| x == r).map(|i| i as u16)),
            kind: f
                .kind
                .map(|k| Kind::ALL.iter().position(|x| *x == k).unwrap_or(0) as u8),
            channel: f
                .channel
                .map(|c| Channel::ALL.iter().position(|x| *x == c).unwrap_or(0) as u8),
            since: f.since.map(Date::days),
            until: f.until.map(Date::days),
            sources: f.source.as_ref().map(|s| {
                cols.sources
                    .iter()
                    .map(|n| ctx.points.matches(ctx.points.name(n), s))
                    .collect()
            }),
            articles,
            status: f.status.map(status_index),
        })
    }

    /// Whether any filter is set.
    fn any(&self) -> bool {
        self.reg.is_some()
            || self.kind.is_some()
            || self.channel.is_some()
            || self.since.is_some()
            || self.until.is_some()
            || self.sources.is_some()
            || self.articles.is_some()
            || self.status.is_some()
    }

    fn keeps(&self, cols: &IndexColumns, ctx: &Context, o: u32, r: &Rec) -> bool {
        if let Some(reg) = self.reg
            && reg != Some(cols.reg(o))
        {
            return false;
        }
        if self.kind.is_some_and(|k| k != r.kind) || self.channel.is_some_and(|c| c != r.channel) {
            return false;
        }
        let d = i64::from(r.received);
        if self.since.is_some_and(|s| d < s) || self.until.is_some_and(|u| d > u) {
            return false;
        }
        if let Some(s) = &self.sources
            && !s.get(usize::from(r.source)).copied().unwrap_or(false)
        {
            return false;
        }
        if let Some(a) = &self.articles
            && !cols
                .articles_of(o, r)
                .any(|id| a.get(id as usize).copied().unwrap_or(false))
        {
            return false;
        }
        self.status.is_none_or(|s| s == ctx.status(o))
    }
}

/// The comments an expression matches: ordinals, ascending.
fn eval(index: &SearchIndex, e: &Expr) -> Vec<u32> {
    match e {
        Expr::Text(t) => index.containing(t),
        Expr::And(v) => {
            let (neg, pos): (Vec<&Expr>, Vec<&Expr>) =
                v.iter().partition(|x| matches!(x, Expr::Not(_)));
            let mut acc = match pos.split_first() {
                Some((first, rest)) => {
                    let mut acc = eval(index, first);
                    for x in rest {
                        if acc.is_empty() {
                            break;
                        }
                        acc = intersect(&acc, &eval(index, x));
                    }
                    acc
                }
                None => index.containing(""),
            };
            for x in neg {
                if let Expr::Not(inner) = x {
                    if acc.is_empty() {
                        break;
                    }
                    acc = minus(&acc, &eval(index, inner));
                }
            }
            acc
        }
        Expr::Or(v) => v
            .iter()
            .fold(Vec::new(), |acc, x| union(&acc, &eval(index, x))),
        Expr::Not(inner) => minus(&index.containing(""), &eval(index, inner)),
    }
}

/// The values of both ascending lists: the shorter walked, the longer galloped through.
fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut out = Vec::with_capacity(short.len());
    for_each_common(short, long, |i, _| out.push(short[i]));
    out
}

/// Calls `f(i, j)` for every value `walk[i] == through[j]` of two ascending lists, in order:
/// `walk` is walked, `through` galloped through (so `walk` should be the shorter).
fn for_each_common(walk: &[u32], through: &[u32], mut f: impl FnMut(usize, usize)) {
    let mut j = 0;
    for (i, &x) in walk.iter().enumerate() {
        j = gallop(through, j, x);
        match through.get(j) {
            None => break,
            Some(&y) if y == x => f(i, j),
            Some(_) => {}
        }
    }
}

/// The first index at or after `from` of ascending `v` whose value is at least `target`
/// (`v.len()` if none): steps of 1, 2, 4, … then a binary search, so O(log distance).
#[inline]
fn gallop(v: &[u32], from: usize, target: u32) -> usize {
    // Dense lists: most often the answer is `from` or the next one.
    match v.get(from..from + 2) {
        Some(&[a, _]) if a >= target => return from,
        Some(&[_, b]) if b >= target => return from + 1,
        _ => {}
    }
    let (mut lo, mut hi, mut step) = (from, from, 1);
    while hi < v.len() && v[hi] < target {
        lo = hi + 1;
        hi += step;
        step *= 2;
    }
    let hi = hi.min(v.len());
    lo + v[lo..hi].partition_point(|&x| x < target)
}

fn union(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::with_capacity(a.len() + b.len()));
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

fn minus(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut j = 0;
    a.iter()
        .copied()
        .filter(|&x| {
            j = gallop(b, j, x);
            b.get(j) != Some(&x)
        })
        .collect()
}

/// The scores of a query's hits: each tantivy segment's `(index in the hits, score)`, by index
/// (a hit without any of the query's words has none). Read in order by [`ScoreCursor`]: no list
/// as long as the hits is filled in (for 湖, 662,891 hits, that was 2.6 MB of fresh memory in a
/// process that lives 40 ms).
#[derive(Debug, Default)]
struct Scores(Vec<Vec<(u32, f32)>>);

impl Scores {
    /// A reader of the scores of hits `from` and after, numbered from `from`: a thread that
    /// counts `hits[from..]` asks for its `i`-th hit.
    fn from(&self, from: u32) -> ScoreCursor<'_> {
        ScoreCursor {
            parts: self
                .0
                .iter()
                .map(|p| &p[p.partition_point(|e| e.0 < from)..])
                .collect(),
            base: from,
        }
    }
}

/// Reads [`Scores`] hit by hit, in ascending order.
struct ScoreCursor<'a> {
    parts: Vec<&'a [(u32, f32)]>,
    base: u32,
}

impl ScoreCursor<'_> {
    /// The score of hit `base + i` (0 if it has none); `i` ascends from one call to the next.
    fn next(&mut self, i: u32) -> f32 {
        let i = self.base + i;
        let mut best = 0f32;
        for p in &mut self.parts {
            while let Some((&(j, s), rest)) = p.split_first() {
                if j > i {
                    break;
                }
                if j == i {
                    best = best.max(s);
                }
                *p = rest;
            }
        }
        best
    }
}

/// BM25 over jieba words of each hit (none for hits without any of the query's words, and
/// none at all when no word of the query is in the index). tantivy scores only the hits: its
/// query is the hits (required) and the words (optional). `parallel`: the index's segments
/// are scored on two threads.
fn scores(
    index: &SearchIndex,
    expr: &Expr,
    hits: &Arc<Vec<u32>>,
    parallel: bool,
) -> Result<Scores> {
    let searcher = index.searcher();
    let f = index.fields;
    if hits.is_empty() {
        return Ok(Scores::default());
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut postings = 0u64;
    for t in expr.positive_texts() {
        for (w, df) in known_words(&searcher, f.words, t) {
            postings += df;
            clauses.push((
                Occur::Should,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.words, &w),
                    IndexRecordOption::WithFreqs,
                )),
            ));
        }
    }
    if clauses.is_empty() {
        return Ok(Scores::default());
    }
    let index_error = |e: tantivy::TantivyError| Error::Index {
        path: "index".into(),
        message: e.to_string(),
    };
    let query = HitDocs {
        hits: Arc::clone(hits),
        ords: index.doc_ords(),
    };
    // When the words' postings are few beside the hits, tantivy walks them all and the
    // collector keeps the hits; otherwise the hits drive and the words are looked up.
    if postings > 2 * hits.len() as u64 {
        clauses.push((Occur::Must, Box::new(query.clone())));
    }
    let scored = search_segments(&searcher, &BooleanQuery::new(clauses), &query, parallel)
        .map_err(index_error)?;
    let mut parts = scored;
    for p in &mut parts {
        // A merged segment's documents need not follow their ordinals.
        if !p.is_sorted_by_key(|e| e.0) {
            p.sort_unstable_by_key(|e| e.0);
        }
    }
    Ok(Scores(parts))
}

/// `searcher.search(query, collector)`, with the segments split between two threads if
/// `parallel` (a rebuild leaves one large segment per indexing thread).
fn search_segments<C: Collector>(
    searcher: &tantivy::Searcher,
    query: &dyn Query,
    collector: &C,
    parallel: bool,
) -> tantivy::Result<C::Fruit> {
    let segs = searcher.segment_readers();
    if !parallel || segs.len() < 2 {
        return searcher.search(query, collector);
    }
    let weight = query.weight(tantivy::query::EnableScoring::enabled_from_searcher(
        searcher,
    ))?;
    let total: u64 = segs.iter().map(|s| u64::from(s.max_doc())).sum();
    let (mut split, mut acc) = (0, 0u64);
    while split < segs.len() - 1 && 2 * (acc + u64::from(segs[split].max_doc())) <= total {
        acc += u64::from(segs[split].max_doc());
        split += 1;
    }
    let split = split.max(1);
    type Part<C> = Vec<<<C as Collector>::Child as SegmentCollector>::Fruit>;
    let collect = |range: std::ops::Range<usize>| -> tantivy::Result<Part<C>> {
        range
            .map(|i| collector.collect_segment(weight.as_ref(), i as SegmentOrdinal, &segs[i]))
            .collect()
    };
    let (first, rest) = std::thread::scope(|s| {
        let first = s.spawn(|| collect(0..split));
        let rest = collect(split..segs.len());
        (
            first
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            rest,
        )
    });
    let mut fruits = first?;
    fruits.extend(rest?);
    collector.merge_fruits(fruits)
}

/// The hits as tantivy documents: a query (matching them, score 0) and a collector of
/// `(index in the hits, score)`. A segment's documents map to ordinals through its `ord`
/// column ([`crate::index::DocOrds`]); in a segment whose ordinals ascend with its documents,
/// both sides are walked in step.
#[derive(Clone)]
struct HitDocs {
    /// Ordinals, ascending.
    hits: Arc<Vec<u32>>,
    ords: crate::index::DocOrds,
}

impl std::fmt::Debug for HitDocs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("HitDocs")
    }
}

impl Query for HitDocs {
    fn weight(
        &self,
        _: tantivy::query::EnableScoring<'_>,
    ) -> tantivy::Result<Box<dyn tantivy::query::Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl tantivy::query::Weight for HitDocs {
    fn scorer(
        &self,
        reader: &SegmentReader,
        _: Score,
    ) -> tantivy::Result<Box<dyn tantivy::query::Scorer>> {
        let seg = self.ords.of(reader)?;
        let hits = &self.hits;
        let mut docs = Vec::new();
        if seg.sorted {
            // Walk the shorter of the hits and the segment's ordinals, gallop through the other.
            let ords = &seg.ords;
            if hits.len() < ords.len() {
                for_each_common(hits, ords, |_, d| docs.push(d as DocId));
            } else {
                for_each_common(ords, hits, |d, _| docs.push(d as DocId));
            }
        } else {
            for (d, &o) in seg.ords.iter().enumerate() {
                if hits.binary_search(&o).is_ok() {
                    docs.push(d as DocId);
                }
            }
        }
        Ok(Box::new(tantivy::query::ConstScorer::new(
            Docs { docs, at: 0 },
            0.0,
        )))
    }

    fn explain(&self, _: &SegmentReader, _: DocId) -> tantivy::Result<tantivy::query::Explanation> {
        Ok(tantivy::query::Explanation::new("lifa hit", 0.0))
    }
}

/// Sorted documents.
struct Docs {
    docs: Vec<DocId>,
    at: usize,
}

impl tantivy::DocSet for Docs {
    fn advance(&mut self) -> DocId {
        self.at = (self.at + 1).min(self.docs.len());
        self.doc()
    }

    fn doc(&self) -> DocId {
        self.docs
            .get(self.at)
            .copied()
            .unwrap_or(tantivy::TERMINATED)
    }

    fn size_hint(&self) -> u32 {
        self.docs.len() as u32
    }
}

struct HitSegment {
    hits: Arc<Vec<u32>>,
    ords: crate::index::SegOrds,
    /// Where the last ordinal collected lies in the hits, and that ordinal: documents come in
    /// order, and in a segment one indexing thread wrote so do their ordinals, so each is
    /// looked for from the last one on (from the start when one goes back).
    at: usize,
    last: u32,
    out: Vec<(u32, f32)>,
}

impl Collector for HitDocs {
    /// Each segment's `(index in the hits, score)`.
    type Fruit = Vec<Vec<(u32, f32)>>;
    type Child = HitSegment;

    fn for_segment(&self, _: SegmentOrdinal, seg: &SegmentReader) -> tantivy::Result<HitSegment> {
        Ok(HitSegment {
            hits: Arc::clone(&self.hits),
            ords: self.ords.lookup(seg)?,
            at: 0,
            last: 0,
            // Reserved, not touched: a segment never collects more than this.
            out: Vec::with_capacity(self.hits.len().min(seg.max_doc() as usize)),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<(u32, f32)>>) -> tantivy::Result<Self::Fruit> {
        Ok(fruits)
    }
}

impl SegmentCollector for HitSegment {
    type Fruit = Vec<(u32, f32)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let Some(o) = self.ords.get(doc) else {
            return;
        };
        let from = if o >= self.last { self.at } else { 0 };
        self.at = gallop(&self.hits, from, o);
        self.last = o;
        if self.hits.get(self.at) == Some(&o) {
            self.out.push((self.at as u32, score));
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.out
    }
}

/// The words of `text` that rank its hits: from left to right, the longest sub-string (2 to 8
/// characters; a query of one character is its own word) that is a word in the index, as
/// jieba's default mode would cut a query, with its document frequency. Long words have short
/// postings, so ranking costs little beside finding the hits.
fn known_words(searcher: &tantivy::Searcher, words: Field, text: &str) -> Vec<(String, u64)> {
    let chars: Vec<char> = text
        .chars()
        .map(fold)
        .filter(|&c| crate::segment::is_word_char(c))
        .collect();
    // The word and its document frequency, if it is in the index.
    let known = |w: String| {
        let df = searcher
            .doc_freq(&Term::from_field_text(words, &w))
            .unwrap_or(0);
        (df > 0).then_some((w, df))
    };
    let mut out: Vec<(String, u64)> = Vec::new();
    if chars.len() == 1 {
        out.extend(known(chars[0].to_string()));
        return out;
    }
    let mut start = 0;
    while start < chars.len() {
        let longest = (2..=(chars.len() - start).min(8))
            .rev()
            .find_map(|len| known(chars[start..start + len].iter().collect()));
        match longest {
            Some((w, df)) => {
                start += w.chars().count();
                if !out.iter().any(|(x, _)| *x == w) {
                    out.push((w, df));
                }
            }
            None => start += 1,
        }
    }
    out
}

/// The order of hits: best score first; ties by date, newest first, then by comment id.
fn order(a: &Best, b: &Best) -> std::cmp::Ordering {
    b.score
        .total_cmp(&a.score)
        .then(b.received.cmp(&a.received))
        .then(a.key.cmp(&b.key))
}

/// The first `keep` opinions in [`order`], selected as they come: the buffer is cut back to
/// `keep` whenever it doubles, so a query of 600,000 opinions never holds them all.
struct TopOpinions {
    keep: usize,
    buf: Vec<Best>,
    /// The last of the first `keep` at the latest cut: nothing after it can make the page.
    bar: Option<Best>,
}

impl TopOpinions {
    fn new(keep: usize) -> TopOpinions {
        TopOpinions {
            keep,
            // An export asks for up to a million: the buffer grows as opinions come.
            buf: Vec::with_capacity(2 * keep.clamp(1, 4096)),
            bar: None,
        }
    }

    /// Offers an opinion; its key (read from the cold column) is looked up only if it may
    /// make the page.
    fn push(&mut self, mut b: Best, cols: &IndexColumns) {
        if self.keep == 0 {
            return;
        }
        if let Some(bar) = &self.bar {
            let rough = bar
                .score
                .total_cmp(&b.score)
                .then(bar.received.cmp(&b.received));
            if rough == std::cmp::Ordering::Greater {
                return;
            }
            if rough == std::cmp::Ordering::Equal {
                b.read_key(cols);
                if order(&b, bar) != std::cmp::Ordering::Less {
                    return;
                }
            }
        }
        b.read_key(cols);
        self.buf.push(b);
        if self.buf.len() >= 2 * self.keep.max(512) {
            self.cut();
        }
    }

    fn cut(&mut self) {
        if self.buf.len() > self.keep {
            self.buf.select_nth_unstable_by(self.keep, order);
            self.buf.truncate(self.keep);
            self.bar = self.buf.iter().max_by(|a, b| order(a, b)).cloned();
        }
    }

    fn finish(mut self) -> Vec<Best> {
        self.cut();
        self.buf.sort_by(order);
        self.buf
    }
}

/// A [`Best`] whose key has not been read yet.
const NO_KEY: u64 = u64::MAX;

/// Best hit of an opinion group.
#[derive(Debug, Clone)]
struct Best {
    score: f32,
    received: i32,
    key: u64,
    ord: u32,
    copies: u64,
    size: u32,
}

impl Best {
    /// Reads the comment's id key from the cold column, if not yet read.
    fn read_key(&mut self, cols: &IndexColumns) {
        if self.key == NO_KEY {
            self.key = cols.key(self.ord);
        }
    }

    /// Adds another hit of the same opinion: the opinion ranks by its best score, and is shown
    /// by its earliest copy (so the copy shown does not depend on scores). Keys are read only
    /// when the dates are equal.
    fn absorb(&mut self, mut other: Best, cols: &IndexColumns) {
        let earlier = match other.received.cmp(&self.received) {
            std::cmp::Ordering::Less => true,
            std::cmp::Ordering::Greater => false,
            std::cmp::Ordering::Equal => {
                self.read_key(cols);
                other.read_key(cols);
                other.key < self.key
            }
        };
        let (score, copies, size) = (
            self.score.max(other.score),
            self.copies + other.copies,
            self.size.max(other.size),
        );
        if earlier {
            *self = other;
        }
        self.score = score;
        self.copies = copies;
        self.size = size;
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

    /// Quotes as a Chinese input method types them open a phrase only where a word starts:
    /// inside a word they are its characters (an apostrophe typed as `‘`). A quote without
    /// its partner is a character too.
    #[test]
    fn curly_single_quotes_quote_only_at_the_start_of_a_word() {
        let e = parse_query("don‘t ‘禁止 垂钓’").unwrap();
        assert!(e.matches("I don‘t agree: 湖边禁止 垂钓"));
        assert!(!e.matches("I don‘t agree: 湖边禁止垂钓"));
        assert_eq!(e.positive_texts(), ["don‘t", "禁止 垂钓"]);
        assert_eq!(
            parse_query("‘禁止垂钓").unwrap(),
            Expr::Text("‘禁止垂钓".into())
        );
    }

    /// Quotes run together with words, brackets around one word, and either without a
    /// partner are text (a fragment pasted from a comment); a phrase stands apart, and
    /// brackets group what has a space or an operator in it, or what follows an operator.
    #[test]
    fn quotes_and_brackets_read_as_staff_mean_them() {
        let text = |s: &str| Expr::Text(s.into());
        let not = |e: Expr| Expr::Not(Box::new(e));
        for q in [
            "将“禁止”改为“限制”",
            "改为“在",
            "预防为主”",
            "第十五条第（三",
            "第（三）项",
            "（三）项",
            "（一）",
            "（一）在湖区",
            "）湖",
            "”的“定期”",
            "“湖泊”)",
            "（湖）或（网箱）",
            "或（二）项",
        ] {
            assert_eq!(parse_query(q).unwrap(), text(q), "{q}");
        }
        let or = Expr::Or(vec![text("垃圾"), text("污水")]);
        for q in [
            "(垃圾 OR 污水) 罚款",
            "罚款(垃圾 OR 污水)",
            "罚款 （垃圾｜污水）",
            "(垃圾|污水)罚款",
        ] {
            let got = parse_query(q).unwrap();
            let Expr::And(parts) = &got else {
                panic!("{q}: {got:?}")
            };
            assert!(
                parts.contains(&or) && parts.contains(&text("罚款")),
                "{q}: {got:?}"
            );
        }
        for q in [
            "湖 NOT(网箱)",
            "湖 非（网箱）",
            "湖 -(网箱)",
            "湖 NOT (网箱)",
        ] {
            assert_eq!(
                parse_query(q).unwrap(),
                Expr::And(vec![text("湖"), not(text("网箱"))]),
                "{q}"
            );
        }
        assert_eq!(
            parse_query("NOT(湖 OR 网箱) 垂钓").unwrap(),
            Expr::And(vec![
                not(Expr::Or(vec![text("湖"), text("网箱")])),
                text("垂钓")
            ])
        );
        assert_eq!(
            parse_query("湖 NOT“禁止 垂钓”").unwrap(),
            Expr::And(vec![text("湖"), not(text("禁止 垂钓"))])
        );
        assert_eq!(
            parse_query("“禁止 垂钓” OR 网箱（三）").unwrap(),
            Expr::Or(vec![text("禁止 垂钓"), text("网箱（三）")])
        );
        assert_eq!(
            parse_query("（湖 “禁止 垂钓”）").unwrap(),
            Expr::And(vec![text("湖"), text("禁止 垂钓")])
        );
        // A bracket inside a phrase is the phrase's.
        assert_eq!(
            parse_query("(湖 OR “三)”)").unwrap(),
            Expr::Or(vec![text("湖"), text("三)")])
        );
        assert_eq!(parse_query("(「）」").unwrap(), text("(「）」"));
    }

    /// An expression written back as a query reads as itself; split at marks, its texts
    /// become words that must all occur, its operators kept.
    #[test]
    fn expressions_write_back_as_queries() {
        for q in [
            "网箱",
            "(垃圾 OR 污水) 罚款",
            "湖 NOT 网箱",
            "NOT(湖 OR 网箱) 垂钓",
            "“禁止 垂钓” OR 网箱",
            "\"OR\" 湖",
            "\"-湖\" 网箱",
            "第（三）项 湖",
            "湖 “a \"b c”",
        ] {
            let e = parse_query(q).unwrap();
            assert_eq!(
                parse_query(&e.to_query()).unwrap(),
                e,
                "{q} → {}",
                e.to_query()
            );
        }
        let split = |q: &str| {
            parse_query(q)
                .unwrap()
                .split_at(&['*', '（', '）'])
                .map(|e| e.to_query())
        };
        assert_eq!(split("禁止*养殖 保护").as_deref(), Some("禁止 养殖 保护"));
        assert_eq!(
            split("(垃圾 OR 污水) 罚款*").as_deref(),
            Some("(垃圾 OR 污水) 罚款")
        );
        assert_eq!(
            split("网箱 -第（三）项").as_deref(),
            Some("网箱 NOT (第 三 项)")
        );
        assert_eq!(split("* 网箱").as_deref(), Some("网箱"));
        assert_eq!(split("*"), None);
    }

    /// The set operations on ascending ordinals agree with a naive filter, for lists of
    /// every relative size (galloping is used when one is much shorter).
    #[test]
    fn set_operations_equal_naive_ones() {
        let mut x: u64 = 17;
        let mut list = |n: usize, spread: u64| -> Vec<u32> {
            let mut v: Vec<u32> = (0..n)
                .map(|_| {
                    x = x
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((x >> 33) % spread) as u32
                })
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        for (na, nb) in [(0, 10), (5, 5000), (300, 300), (5000, 7), (2000, 2000)] {
            let (a, b) = (list(na, 10_000), list(nb, 10_000));
            let naive_and: Vec<u32> = a.iter().copied().filter(|v| b.contains(v)).collect();
            let naive_minus: Vec<u32> = a.iter().copied().filter(|v| !b.contains(v)).collect();
            assert_eq!(intersect(&a, &b), naive_and, "{na} AND {nb}");
            assert_eq!(intersect(&b, &a), naive_and, "{nb} AND {na}");
            assert_eq!(minus(&a, &b), naive_minus, "{na} NOT {nb}");
            for t in [0, 1, 4999, 9999, 10_000] {
                for from in [0, a.len() / 2, a.len()] {
                    let want = from + a[from..].iter().take_while(|&&v| v < t).count();
                    assert_eq!(gallop(&a, from, t), want, "gallop {t} from {from}");
                }
            }
        }
    }

    /// A workspace in `dir` with the sample regulation's drafts and no comments.
    fn with_sample_drafts(dir: &Path) -> Workspace {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let drafts = dir.join("drafts").join("qinglanhu");
        std::fs::create_dir_all(&drafts).unwrap();
        for e in std::fs::read_dir(root.join("drafts").join("qinglanhu"))
            .unwrap()
            .flatten()
        {
            std::fs::copy(e.path(), drafts.join(e.file_name())).unwrap();
        }
        Workspace::new(dir)
    }

    /// Scoring the index's segments on two threads gives every hit the score one thread
    /// gives it.
    #[test]
    fn segments_scored_on_two_threads_score_as_on_one() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = tempfile::tempdir().unwrap();
        let ws = with_sample_drafts(dir.path());
        let mut index = SearchIndex::open(&ws).unwrap();
        for upload in ["online-2026-05.jsonl", "hubin-2026-04.csv"] {
            Importer::new(&ws, "qinglanhu")
                .unwrap()
                .import(
                    &root.join("tests/fixtures/uploads").join(upload),
                    &Options::default(),
                )
                .unwrap();
            index.update(&ws).unwrap();
        }
        assert!(index.searcher().segment_readers().len() >= 2);
        for q in ["湖", "网箱养殖", "保护 OR 罚款", "湖 -网箱"] {
            let e = parse_query(q).unwrap();
            let hits = Arc::new(eval(&index, &e));
            let dense = |s: &Scores| -> Vec<f32> {
                let mut c = s.from(0);
                (0..hits.len() as u32).map(|i| c.next(i)).collect()
            };
            let single = scores(&index, &e, &hits, false).unwrap();
            let mut want = vec![0f32; hits.len()];
            for &(i, x) in single.0.iter().flatten() {
                want[i as usize] = want[i as usize].max(x);
            }
            let one = dense(&single);
            assert_eq!(one, want, "{q}");
            let double = scores(&index, &e, &hits, true).unwrap();
            assert!(one.iter().any(|&s| s > 0.0), "{q}");
            assert_eq!(one, dense(&double), "{q}");
            // Read from the middle on, as the second counting thread does: its own hits
            // numbered from 0.
            let mid = hits.len() as u32 / 2;
            let mut c = double.from(mid);
            let tail: Vec<f32> = (0..hits.len() as u32 - mid).map(|i| c.next(i)).collect();
            assert_eq!(tail, one[mid as usize..], "{q}");
            // Counted on two threads, half of the hits each, as on one: the same facets, and
            // the same opinions first with the same scores.
            let ctx = Context::of(&ws, &index).unwrap();
            let cols = index.columns().unwrap();
            let page = |parallel: bool| {
                let mut t = Tally::count_all(cols, &ctx, 30, &hits, &double, parallel);
                let counts = (t.kinds.clone(), t.sources.clone(), t.articles.clone());
                let opinions = t.singles + t.groups.len() as u64;
                let best: Vec<(u32, f32, u64)> = t
                    .ranked(cols)
                    .iter()
                    .map(|b| (b.ord, b.score, b.copies))
                    .collect();
                (counts, opinions, best)
            };
            let (alone, split) = (page(false), page(true));
            assert!(alone.2.iter().any(|b| b.1 > 0.0), "{q}");
            assert_eq!(alone, split, "{q}");
        }
    }

    /// An open index answers under the contact points' names as soon as the table is written
    /// or changed, without an update: the table is part of what the search context watches.
    #[test]
    fn an_open_index_follows_the_contact_point_table() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = tempfile::tempdir().unwrap();
        let ws = with_sample_drafts(dir.path());
        let upload = root.join("tests/fixtures/uploads/hubin-2026-04.csv");
        Importer::new(&ws, "qinglanhu")
            .unwrap()
            .import(&upload, &Options::default())
            .unwrap();
        let mut index = SearchIndex::open(&ws).unwrap();
        index.update(&ws).unwrap();
        let e = parse_query("的").unwrap();
        let sources = |index: &SearchIndex| {
            let r = search(&ws, index, &e, &Filters::default(), 5, 1).unwrap();
            r.facets.source
        };
        let (full, short) = ("澜湖区湖滨街道基层立法联系点", "湖滨街道基层立法联系点");
        let apart = sources(&index);
        assert!(apart[short] > 0, "{apart:?}");
        let table = crate::points::path(&ws);
        std::fs::write(
            &table,
            format!("[[point]]\nname = \"{full}\"\naliases = [\"{short}\"]\n"),
        )
        .unwrap();
        let joined = sources(&index);
        assert_eq!(joined.get(short), None);
        assert_eq!(joined[full], apart[full] + apart[short]);
        // Changed again at once (the same second, most likely): the length tells.
        std::fs::write(&table, format!("[[point]]\nname = \"{full}\"\n")).unwrap();
        assert_eq!(sources(&index), apart);
    }

    /// What an update would read: the batch files the index does not hold yet (all of them
    /// for a rebuild), nothing once it is up to date.
    #[test]
    fn the_index_says_how_much_is_left_to_index() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = tempfile::tempdir().unwrap();
        let ws = with_sample_drafts(dir.path());
        let mut importer = Importer::new(&ws, "qinglanhu").unwrap();
        let u = root.join("tests/fixtures/uploads");
        let first = importer
            .import(&u.join("hubin-2026-04.csv"), &Options::default())
            .unwrap();
        let len = |p: &Path| std::fs::metadata(p).unwrap().len();
        let a = len(first.written.as_deref().unwrap());
        let mut index = SearchIndex::open(&ws).unwrap();
        assert_eq!(index.unindexed_bytes(&ws, false), a);
        index.update(&ws).unwrap();
        assert_eq!(index.unindexed_bytes(&ws, false), 0);
        let second = importer
            .import(&u.join("lvxie-2026-05.csv"), &Options::default())
            .unwrap();
        let b = len(second.written.as_deref().unwrap());
        assert_eq!(index.unindexed_bytes(&ws, false), b);
        assert_eq!(index.unindexed_bytes(&ws, true), a + b);
    }

    #[test]
    fn texts_cut_into_words_keep_the_operators() {
        let cut = |t: &str| -> Vec<String> {
            match t {
                "建议禁止网箱养殖" => vec!["建议", "禁止", "网箱养殖"],
                "湖里" => vec!["湖", "里"],
                _ => vec![t],
            }
            .into_iter()
            .map(str::to_string)
            .collect()
        };
        let q = parse_query("(建议禁止网箱养殖 OR 湖里) -罚款").unwrap();
        assert_eq!(
            q.as_words(&cut).unwrap().to_query(),
            "(建议 禁止 网箱养殖 OR 湖里) NOT 罚款"
        );
        let q = parse_query("湖里 -建议禁止网箱养殖").unwrap();
        assert_eq!(
            q.as_words(&cut).unwrap().to_query(),
            "湖里 NOT 建议禁止网箱养殖"
        );
    }

    /// Boolean queries over words of three or more characters (phrases of pairs), with
    /// exclusions, agree with [`Expr::matches`] over every stored comment.
    #[test]
    fn boolean_queries_equal_substring_matching() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = tempfile::tempdir().unwrap();
        let ws = with_sample_drafts(dir.path());
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
