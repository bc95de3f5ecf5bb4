//! Article alignment: which article of the old draft became which article of the new one.
//!
//! Second stage of the drafting pipeline: `(old: &Draft, new: &Draft, overrides)` →
//! [`Alignment`]. Articles are matched by content, never by number: identical text first, then
//! text identical except for cross-reference numbers, then the most similar remaining articles
//! (character-bigram Dice coefficient, with a bonus for keeping document order). Pairs that
//! break document order, or that land in another chapter, are *moved*. An added article whose
//! text came out of an old article is a *split*; a deleted one whose text went into a new
//! article is a *merge*. Manual overrides from `alignment.toml` win over all of this.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use crate::draft::{Article, ArticleNumber, Draft};
use crate::refs;
use crate::segment::is_word_char;

/// One row of the alignment: an old article, a new article, or both.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticlePair {
    /// Index into the old draft's articles.
    pub old: Option<usize>,
    /// Index into the new draft's articles.
    pub new: Option<usize>,
    /// Bigram similarity of the two texts (1.0 for identical text).
    pub similarity: f64,
    /// The article left its place in the order, or changed chapter.
    pub moved: bool,
    /// The pair (or the added/deleted status) comes from `alignment.toml`.
    pub manual: bool,
    /// For an added article: the old article (index) its text was split from.
    pub split_from: Option<usize>,
    /// For a deleted article: the new article (index) it was merged into.
    pub merged_into: Option<usize>,
}

/// The result of aligning two drafts: pairs in reading order (new draft order, each deleted
/// article after its predecessor).
#[derive(Debug, Clone, Default)]
pub struct Alignment {
    /// All rows.
    pub pairs: Vec<ArticlePair>,
}

impl Alignment {
    /// Maps each old article number to the new number of the article it became.
    pub fn number_map(&self, old: &Draft, new: &Draft) -> HashMap<ArticleNumber, ArticleNumber> {
        self.pairs
            .iter()
            .filter_map(|p| Some((old.articles[p.old?].number, new.articles[p.new?].number)))
            .collect()
    }

    /// The new article index an old article index became, if any.
    pub fn new_of(&self, old: usize) -> Option<usize> {
        self.pairs
            .iter()
            .find(|p| p.old == Some(old))
            .and_then(|p| p.new)
    }
}

/// A decision made by hand, already resolved to article indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Override {
    /// These two articles are the same article.
    Pair(usize, usize),
    /// This new article is new.
    Added(usize),
    /// This old article was deleted.
    Deleted(usize),
}

/// Minimum similarity for two otherwise unmatched articles to be paired.
const MIN_SIMILARITY: f64 = 0.5;
/// Minimum similarity when the pair also keeps document order.
const MIN_SIMILARITY_IN_ORDER: f64 = 0.3;
/// Minimum similarity for the only old and the only new article of a gap to be one article.
const MIN_SIMILARITY_IN_GAP: f64 = 0.05;
/// Share of an added (deleted) article's text that must come from (go into) a neighbour for a
/// split (merge).
const MIN_CONTAINMENT: f64 = 0.6;

/// Aligns two drafts.
///
/// ```
/// use lifa::{align::align, draft::parse};
/// let old = parse("a.md", "第一条　甲乙丙丁。\n\n第二条　戊己庚辛。\n").unwrap();
/// let new = parse("b.md", "第一条　新增的条文内容。\n\n第二条　甲乙丙丁。\n\n第三条　戊己庚辛。\n").unwrap();
/// let a = align(&old, &new, &[]);
/// assert_eq!(a.pairs.iter().filter(|p| p.old.is_some() && p.new.is_some()).count(), 2);
/// assert!(a.pairs.iter().any(|p| p.old.is_none() && p.new == Some(0)));
/// ```
pub fn align(old: &Draft, new: &Draft, overrides: &[Override]) -> Alignment {
    let n_old = old.articles.len();
    let n_new = new.articles.len();
    let mut old_to_new: Vec<Option<usize>> = vec![None; n_old];
    let mut new_to_old: Vec<Option<usize>> = vec![None; n_new];
    let mut old_fixed = vec![false; n_old];
    let mut new_fixed = vec![false; n_new];
    let mut manual_old = vec![false; n_old];
    let mut manual_new = vec![false; n_new];

    for o in overrides {
        match *o {
            Override::Pair(a, b) if a < n_old && b < n_new => {
                old_to_new[a] = Some(b);
                new_to_old[b] = Some(a);
                old_fixed[a] = true;
                new_fixed[b] = true;
                manual_old[a] = true;
                manual_new[b] = true;
            }
            Override::Added(b) if b < n_new => {
                new_fixed[b] = true;
                manual_new[b] = true;
            }
            Override::Deleted(a) if a < n_old => {
                old_fixed[a] = true;
                manual_old[a] = true;
            }
            _ => {}
        }
    }

    let old_bodies: Vec<&str> = old.articles.iter().map(Article::body).collect();
    let new_bodies: Vec<&str> = new.articles.iter().map(Article::body).collect();

    // 1. Identical text, 2. identical once cross-reference numbers are masked.
    exact_matches(
        &old_bodies,
        &new_bodies,
        &mut old_to_new,
        &mut new_to_old,
        &old_fixed,
        &new_fixed,
    );
    let masked_old: Vec<String> = (0..n_old)
        .map(|i| {
            if old_to_new[i].is_none() {
                refs::mask(old_bodies[i])
            } else {
                String::new()
            }
        })
        .collect();
    let masked_new: Vec<String> = (0..n_new)
        .map(|j| {
            if new_to_old[j].is_none() {
                refs::mask(new_bodies[j])
            } else {
                String::new()
            }
        })
        .collect();
    exact_matches(
        &masked_old,
        &masked_new,
        &mut old_to_new,
        &mut new_to_old,
        &old_fixed,
        &new_fixed,
    );

    // 3. Most similar remaining articles, preferring pairs that keep document order.
    // Bigrams only for what exact matching left over, and its neighbours (splits and merges
    // look at those).
    let needed = |matched: &[Option<usize>], k: usize| {
        (k.saturating_sub(2)..(k + 3).min(matched.len())).any(|x| matched[x].is_none())
    };
    let old_grams: Vec<Vec<u64>> = (0..n_old)
        .map(|i| {
            if needed(&old_to_new, i) {
                bigrams(old_bodies[i])
            } else {
                Vec::new()
            }
        })
        .collect();
    let new_grams: Vec<Vec<u64>> = (0..n_new)
        .map(|j| {
            if needed(&new_to_old, j) {
                bigrams(new_bodies[j])
            } else {
                Vec::new()
            }
        })
        .collect();
    let free_old: Vec<usize> = (0..n_old)
        .filter(|&i| old_to_new[i].is_none() && !old_fixed[i])
        .collect();
    let free_new: Vec<usize> = (0..n_new)
        .filter(|&j| new_to_old[j].is_none() && !new_fixed[j])
        .collect();
    if !free_old.is_empty() && !free_new.is_empty() {
        let bounds = order_bounds(&old_to_new, n_new);
        let mut cands: Vec<(f64, f64, usize, usize)> = Vec::new();
        // Shared bigrams of every (old, new) pair through an inverted index of the new side:
        // far fewer steps than merging every pair's bigram lists.
        let mut postings: FxHashMap<u64, Vec<(u32, u32)>> = FxHashMap::default();
        for &j in &free_new {
            for (g, c) in runs(&new_grams[j]) {
                postings.entry(g).or_default().push((j as u32, c));
            }
        }
        let mut shared = vec![0u32; n_new];
        for &i in &free_old {
            for (g, c) in runs(&old_grams[i]) {
                if let Some(p) = postings.get(&g) {
                    for &(j, cn) in p {
                        shared[j as usize] += c.min(cn);
                    }
                }
            }
            for &j in &free_new {
                let common = std::mem::take(&mut shared[j]) as usize;
                let sim = resemblance_from(common, old_grams[i].len(), new_grams[j].len());
                let (lo, hi) = bounds[i];
                let in_order = j >= lo && j < hi;
                let ok = sim >= MIN_SIMILARITY || (in_order && sim >= MIN_SIMILARITY_IN_ORDER);
                if ok {
                    let score = sim + if in_order { 0.15 } else { 0.0 };
                    cands.push((score, sim, i, j));
                }
            }
        }
        cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)).then(a.3.cmp(&b.3)));
        for (_, _, i, j) in cands {
            if old_to_new[i].is_none() && new_to_old[j].is_none() {
                old_to_new[i] = Some(j);
                new_to_old[j] = Some(i);
            }
        }
    }

    // 3b. Rewritten in place: an old and a new article alone in the same gap between matched
    // neighbours are one article rewritten ("将第X条修改为"), if they share any real wording.
    pair_in_gaps(
        &mut old_to_new,
        &mut new_to_old,
        &old_fixed,
        &new_fixed,
        &old_grams,
        &new_grams,
    );

    // 4. Splits and merges among what is left.
    let mut split_from: Vec<Option<usize>> = vec![None; n_new];
    for j in 0..n_new {
        if new_to_old[j].is_some() || manual_new[j] {
            continue;
        }
        // The neighbours of an added article that came from an old article.
        let mut best: Option<(f64, usize)> = None;
        for nb in neighbours(j, n_new) {
            let Some(i) = new_to_old[nb] else { continue };
            let from_old = containment(&new_grams[j], &old_grams[i]);
            let from_sibling = containment(&new_grams[j], &new_grams[nb]);
            if from_old >= MIN_CONTAINMENT
                && from_old - from_sibling >= 0.4
                && best.is_none_or(|(s, _)| from_old > s)
            {
                best = Some((from_old, i));
            }
        }
        split_from[j] = best.map(|(_, i)| i);
    }
    let mut merged_into: Vec<Option<usize>> = vec![None; n_old];
    for i in 0..n_old {
        if old_to_new[i].is_some() || manual_old[i] {
            continue;
        }
        let mut best: Option<(f64, usize)> = None;
        for nb in neighbours(i, n_old) {
            let Some(j) = old_to_new[nb] else { continue };
            let into_new = containment(&old_grams[i], &new_grams[j]);
            let into_sibling = containment(&old_grams[i], &old_grams[nb]);
            if into_new >= MIN_CONTAINMENT
                && into_new - into_sibling >= 0.4
                && best.is_none_or(|(s, _)| into_new > s)
            {
                best = Some((into_new, j));
            }
        }
        merged_into[i] = best.map(|(_, j)| j);
    }

    // 5. Moves: pairs off the longest order-preserving chain, or in another chapter.
    let mut moved_old = vec![false; n_old];
    let matched: Vec<(usize, usize)> = (0..n_old)
        .filter_map(|i| old_to_new[i].map(|j| (i, j)))
        .collect();
    let keep = longest_increasing(&matched.iter().map(|&(_, j)| j).collect::<Vec<_>>());
    for (k, &(i, _)) in matched.iter().enumerate() {
        if !keep[k] {
            moved_old[i] = true;
        }
    }
    let chapter_map = chapter_majority(old, new, &matched);
    for &(i, j) in &matched {
        let oc = old.chapter_of(&old.articles[i]);
        let nc = new.chapter_of(&new.articles[j]);
        if let (Some(oc), Some(nc)) = (oc, nc)
            && let Some(&(mapped, share)) = chapter_map.get(&oc)
            && share > 0.5
            && mapped != nc
        {
            moved_old[i] = true;
        }
    }

    // 6. Rows in reading order.
    let mut pairs: Vec<(f64, ArticlePair)> = Vec::new();
    for j in 0..n_new {
        let old_i = new_to_old[j];
        let similarity = match old_i {
            Some(i) if old_bodies[i] == new_bodies[j] => 1.0,
            Some(i) => dice(&old_grams[i], &new_grams[j]),
            None => 0.0,
        };
        pairs.push((
            j as f64,
            ArticlePair {
                old: old_i,
                new: Some(j),
                similarity,
                moved: old_i.is_some_and(|i| moved_old[i]),
                manual: manual_new[j],
                split_from: split_from[j],
                merged_into: None,
            },
        ));
    }
    let mut anchor = -0.5f64;
    for i in 0..n_old {
        match old_to_new[i] {
            Some(j) if !moved_old[i] => anchor = j as f64,
            Some(_) => {}
            None => {
                anchor += 1e-3;
                pairs.push((
                    anchor,
                    ArticlePair {
                        old: Some(i),
                        new: None,
                        similarity: 0.0,
                        moved: false,
                        manual: manual_old[i],
                        split_from: None,
                        merged_into: merged_into[i],
                    },
                ));
            }
        }
    }
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
    Alignment {
        pairs: pairs.into_iter().map(|(_, p)| p).collect(),
    }
}

/// Pairs the unmatched articles of each gap between matched neighbours when the gap holds as
/// many old as new articles and each pair, in order, shares some wording.
fn pair_in_gaps(
    old_to_new: &mut [Option<usize>],
    new_to_old: &mut [Option<usize>],
    old_fixed: &[bool],
    new_fixed: &[bool],
    old_grams: &[Vec<u64>],
    new_grams: &[Vec<u64>],
) {
    let n_old = old_to_new.len();
    let n_new = new_to_old.len();
    let mut i = 0;
    let mut prev_new: Option<usize> = None; // new index of the last matched old article
    while i < n_old {
        if let Some(j) = old_to_new[i] {
            prev_new = Some(j);
            i += 1;
            continue;
        }
        // A run of unmatched old articles i..k.
        let mut k = i;
        while k < n_old && old_to_new[k].is_none() {
            k += 1;
        }
        let lo = prev_new.map_or(0, |j| j + 1);
        let hi = if k < n_old {
            old_to_new[k].unwrap_or(n_new)
        } else {
            n_new
        };
        if lo < hi {
            let olds: Vec<usize> = (i..k).filter(|&x| !old_fixed[x]).collect();
            let news: Vec<usize> = (lo..hi)
                .filter(|&y| new_to_old[y].is_none() && !new_fixed[y])
                .collect();
            let all_free = (lo..hi).all(|y| new_to_old[y].is_none());
            if all_free
                && olds.len() == news.len()
                && olds.len() <= 3
                && olds.iter().zip(&news).all(|(&a, &b)| {
                    resemblance(&old_grams[a], &new_grams[b]) >= MIN_SIMILARITY_IN_GAP
                })
            {
                for (&a, &b) in olds.iter().zip(&news) {
                    old_to_new[a] = Some(b);
                    new_to_old[b] = Some(a);
                }
            }
        }
        i = k;
    }
}

/// Pairs unmatched articles whose keys are equal, first come first served.
fn exact_matches<S: AsRef<str>>(
    old_keys: &[S],
    new_keys: &[S],
    old_to_new: &mut [Option<usize>],
    new_to_old: &mut [Option<usize>],
    old_fixed: &[bool],
    new_fixed: &[bool],
) {
    let mut by_text: FxHashMap<&str, std::collections::VecDeque<usize>> = FxHashMap::default();
    for (j, t) in new_keys.iter().enumerate() {
        if new_to_old[j].is_none() && !new_fixed[j] {
            by_text.entry(t.as_ref()).or_default().push_back(j);
        }
    }
    for (i, t) in old_keys.iter().enumerate() {
        if old_to_new[i].is_some() || old_fixed[i] {
            continue;
        }
        if let Some(j) = by_text.get_mut(t.as_ref()).and_then(|c| c.pop_front()) {
            old_to_new[i] = Some(j);
            new_to_old[j] = Some(i);
        }
    }
}

fn neighbours(k: usize, len: usize) -> impl Iterator<Item = usize> {
    [k.wrapping_sub(2), k.wrapping_sub(1), k + 1, k + 2]
        .into_iter()
        .filter(move |&x| x < len)
}

/// For each old article, the range of new positions that keeps document order with the
/// matched articles around it: (new index of previous match + 1, new index of next match).
fn order_bounds(old_to_new: &[Option<usize>], n_new: usize) -> Vec<(usize, usize)> {
    let n = old_to_new.len();
    let mut lo = vec![0usize; n];
    let mut hi = vec![n_new; n];
    let mut last = 0usize;
    for i in 0..n {
        lo[i] = last;
        if let Some(j) = old_to_new[i] {
            last = last.max(j + 1);
        }
    }
    let mut next = n_new;
    for i in (0..n).rev() {
        hi[i] = next;
        if let Some(j) = old_to_new[i] {
            next = next.min(j);
        }
    }
    lo.into_iter().zip(hi).collect()
}

/// For each old chapter, the new chapter most of its matched articles went to, and the share.
fn chapter_majority(
    old: &Draft,
    new: &Draft,
    matched: &[(usize, usize)],
) -> HashMap<usize, (usize, f64)> {
    let mut votes: HashMap<usize, HashMap<usize, usize>> = HashMap::new();
    for &(i, j) in matched {
        if let (Some(oc), Some(nc)) = (
            old.chapter_of(&old.articles[i]),
            new.chapter_of(&new.articles[j]),
        ) {
            *votes.entry(oc).or_default().entry(nc).or_default() += 1;
        }
    }
    votes
        .into_iter()
        .map(|(oc, v)| {
            let total: usize = v.values().sum();
            let (nc, n) = v
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                .unwrap_or((0, 0));
            (oc, (nc, n as f64 / total.max(1) as f64))
        })
        .collect()
}

/// Marks the members of one longest strictly increasing subsequence.
fn longest_increasing(xs: &[usize]) -> Vec<bool> {
    let n = xs.len();
    let mut tails: Vec<usize> = Vec::new(); // index into xs of the tail of each length
    let mut prev = vec![usize::MAX; n];
    for k in 0..n {
        let pos = tails.partition_point(|&t| xs[t] < xs[k]);
        if pos > 0 {
            prev[k] = tails[pos - 1];
        }
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut keep = vec![false; n];
    let mut cur = tails.last().copied();
    while let Some(k) = cur {
        keep[k] = true;
        cur = (prev[k] != usize::MAX).then_some(prev[k]);
    }
    keep
}

/// Sorted multiset of character bigrams (hashed), ignoring whitespace and punctuation.
fn bigrams(text: &str) -> Vec<u64> {
    let chars: Vec<char> = text.chars().filter(|&c| is_word_char(c)).collect();
    let mut out: Vec<u64> = if chars.len() == 1 {
        vec![chars[0] as u64]
    } else {
        chars
            .windows(2)
            .map(|w| ((w[0] as u64) << 32) | w[1] as u64)
            .collect()
    };
    out.sort_unstable();
    out
}

fn intersection(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Dice coefficient of two bigram multisets.
fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * intersection(a, b) as f64 / (a.len() + b.len()) as f64
}

/// Distinct values of a sorted list with their counts.
fn runs(sorted: &[u64]) -> impl Iterator<Item = (u64, u32)> + '_ {
    sorted
        .chunk_by(|a, b| a == b)
        .map(|c| (c[0], c.len() as u32))
}

/// [`resemblance`] from the number of shared bigrams and the two sizes.
fn resemblance_from(common: usize, a: usize, b: usize) -> f64 {
    if a == 0 && b == 0 {
        return 1.0;
    }
    let d = 2.0 * common as f64 / (a + b) as f64;
    let short = a.min(b);
    if short >= 15 {
        d.max(0.8 * common as f64 / short as f64)
    } else {
        d
    }
}

/// How much two articles resemble each other: the Dice coefficient, or — when one is much
/// shorter and still substantial — how much of the shorter one is found in the longer one
/// (an article rewritten as a short summary of itself, or cut down to one paragraph).
fn resemblance(a: &[u64], b: &[u64]) -> f64 {
    let d = dice(a, b);
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() >= 15 {
        d.max(0.8 * containment(short, long))
    } else {
        d
    }
}

/// Share of `part`'s bigrams found in `whole`.
fn containment(part: &[u64], whole: &[u64]) -> f64 {
    if part.is_empty() {
        return 0.0;
    }
    intersection(part, whole) as f64 / part.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::parse;

    fn draft(articles: &[&str]) -> Draft {
        let text: String = articles
            .iter()
            .enumerate()
            .map(|(k, a)| format!("{}　{}\n\n", ArticleNumber::new(k as u32 + 1), a))
            .collect();
        parse("t.md", &text).unwrap()
    }

    fn rows(a: &Alignment) -> Vec<(Option<usize>, Option<usize>, bool)> {
        a.pairs.iter().map(|p| (p.old, p.new, p.moved)).collect()
    }

    const A: &str = "为了加强湖泊保护，改善水生态环境，制定本条例。";
    const B: &str = "市人民政府应当将湖泊保护纳入国民经济和社会发展规划。";
    const C: &str = "禁止在湖泊管理范围内倾倒垃圾、渣土和其他废弃物。";
    const D: &str = "违反本条例第三条规定的，由主管部门责令改正，处一万元罚款。";
    const X: &str = "公民、法人和其他组织有权举报破坏湖泊生态环境的行为。";

    #[test]
    fn insertion_renumbers_without_modifying() {
        let old = draft(&[A, B, C]);
        let new = draft(&[A, X, B, C]);
        let a = align(&old, &new, &[]);
        assert_eq!(
            rows(&a),
            [
                (Some(0), Some(0), false),
                (None, Some(1), false),
                (Some(1), Some(2), false),
                (Some(2), Some(3), false)
            ]
        );
    }

    #[test]
    fn masked_references_still_match() {
        let old = draft(&[A, C, D]);
        let new = draft(&[A, X, C, &D.replace("第三条", "第四条")]);
        let a = align(&old, &new, &[]);
        assert_eq!(a.new_of(2), Some(3));
    }

    #[test]
    fn deletion_and_move() {
        let old = draft(&[A, B, C, D, X]);
        let new = draft(&[A, C, X, D]);
        let a = align(&old, &new, &[]);
        assert_eq!(a.new_of(1), None);
        let moved: Vec<_> = a.pairs.iter().filter(|p| p.moved).map(|p| p.old).collect();
        assert_eq!(moved.len(), 1, "{:?}", rows(&a));
        // The deleted article sits after its predecessor.
        assert_eq!(a.pairs[1].old, Some(1));
        assert_eq!(a.pairs[1].new, None);
    }

    #[test]
    fn split_and_merge_are_recognised() {
        let old = draft(&[A, &format!("{B}\n\n{C}"), D]);
        let new = draft(&[A, B, C, D]);
        let a = align(&old, &new, &[]);
        let split: Vec<_> = a
            .pairs
            .iter()
            .filter_map(|p| p.split_from.map(|o| (o, p.new)))
            .collect();
        assert_eq!(split, [(1, Some(2))], "{:?}", a.pairs);

        let a = align(&new, &old, &[]);
        let merged: Vec<_> = a
            .pairs
            .iter()
            .filter_map(|p| p.merged_into.map(|n| (p.old, n)))
            .collect();
        assert_eq!(merged, [(Some(2), 1)], "{:?}", a.pairs);
    }

    #[test]
    fn overrides_win() {
        let old = draft(&[A, B]);
        let new = draft(&[A, B]);
        let a = align(&old, &new, &[Override::Deleted(1), Override::Added(1)]);
        assert_eq!(a.new_of(1), None);
        assert!(
            a.pairs
                .iter()
                .all(|p| p.manual == (p.old == Some(1) || p.new == Some(1)))
        );
        let a = align(&old, &new, &[Override::Pair(0, 1), Override::Pair(1, 0)]);
        assert_eq!(a.new_of(0), Some(1));
    }

    #[test]
    fn lis_marks_one_longest_chain() {
        assert_eq!(
            longest_increasing(&[0, 1, 5, 2, 3, 4]),
            [true, true, false, true, true, true]
        );
        assert_eq!(longest_increasing(&[]), Vec::<bool>::new());
    }
}
