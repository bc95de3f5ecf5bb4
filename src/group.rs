//! Duplicate comments and campaigns: the same opinion sent several times is one opinion with N
//! supporters. Nothing is deleted; grouping is computed from the texts, and recorded for the
//! store it was computed from ([`crate::index::groups`]) so that the next command need not.
//!
//! [`group`] takes the texts of every comment of a regulation and returns a [`Grouping`]: each
//! comment's group, and each group's members and [`GroupKind`]. It is a pure function of the
//! texts and their order; its callers (`opinions`, the importer) keep the comments.
//!
//! # When two comments are one opinion
//!
//! 1. **Equal after [`normalize`]** (whitespace, punctuation and symbols dropped, full-width
//!    ASCII folded, lower-cased): the same comment sent through two channels, with a comma
//!    changed or a space added.
//! 2. **Near-identical**, for texts of at least [`MIN_NEAR_CHARS`] normalized characters: the
//!    Jaccard index of their sets of character 4-shingles (every run of four consecutive
//!    normalized characters) is at least [`NEAR_DUPLICATE_SIMILARITY`], and they do not cite
//!    disjoint sets of articles (`建议删除第二十二条` and `建议删除第二十三条` are two opinions,
//!    however alike the words). Near-identical texts join through union-find, so a chain of
//!    near-copies is one group — as a petition is when each signer changes the salutation, a
//!    word or two and the signature, and adds a sentence of their own.
//!
//! A text with no letter or digit at all normalizes to nothing and stays on its own.
//!
//! # Finding near-identical pairs
//!
//! Comparing every pair is quadratic, so candidates come from MinHash with LSH banding. Each text
//! gets 128 min-hashes by one-permutation hashing: four passes of 32 bins, one multiply per
//! shingle and pass, empty bins borrowing from a fixed sequence of other bins ("optimal
//! densification"). Band `j` is bin `j` of the four passes, so its four min-hashes come from
//! independent hash functions even in a short text whose bins mostly borrow. Texts with an equal
//! band are candidates. A text's signature keeps one byte of each min-hash (128 bytes; a band's
//! key is its four bytes), and a candidate pair whose signatures agree in too few bytes to reach
//! [`PREFILTER`] is passed over; the others are checked with the exact Jaccard index and the
//! article rule. A pair at similarity 0.45 becomes a candidate with probability
//! 1 − (1 − 0.45⁴)³² ≈ 0.74, at 0.6 ≈ 0.99, at 0.2 ≈ 0.05 (on the sample uploads, over 100
//! seeds, the measured rates are within 0.05 of these). A missed pair rarely matters: a
//! campaign's near-copies are joined through many pairs.
//!
//! The work per text is bounded: in a bucket of candidates a text is compared with a few
//! members of each group already formed there, and with a limited number of groups in all, so
//! neither a bucket of 10,000 near-copies nor one of thousands of unrelated short texts opening
//! with the same words (`建议加强…`) is quadratic.
//!
//! The hash seeds are fixed: the same texts in the same order always give the same grouping.
//! Reordering the texts leaves it unchanged except in rare borderline cases, where the
//! comparison limits let a pair go unchecked.
//!
//! The first half of the bands and the second half join into two union-finds, on two threads
//! when there are two cores and many texts, and are merged: the result does not depend on the
//! machine.
//!
//! Cost: about 3 µs per text of 80 characters on one core (100,000 texts in about 0.3 s on one
//! thread, 0.2 s on two; see `benches/group.rs`), linear in the number of texts, and 128 bytes
//! of signature per text while grouping. The million comments of the search bench, whose templated sentences make
//! 15 million candidate pairs, take about 3.0–3.4 s on two cores (12 s before the signature
//! prefilter and the second thread).

use std::collections::hash_map::Entry;

use rustc_hash::FxHashMap;

use crate::draft::numbering::scan_label;

/// A group of at least this many near-identical texts is a campaign (联名/倡议); smaller groups
/// of two or more are duplicates.
pub const CAMPAIGN_MIN: usize = 5;

/// Two texts are near-identical when the Jaccard index of their sets of character 4-shingles
/// (after [`normalize`]) is at least this.
///
/// Measured on the sample uploads (`tests/fixtures/uploads`: 567 comments, 552 distinct after
/// normalization). The 45 near-copies of the cage-farming petition are connected by pairs at
/// 0.539 or more (the least similar two of them are at 0.30, joined through others); the most
/// similar two comments that are different opinions are at 0.360 (two proposals for the same
/// fine in 第五十四条). 0.45 sits between them, 0.09 from either side. With 3-shingles the gap
/// was narrower (0.553 against 0.417).
pub const NEAR_DUPLICATE_SIMILARITY: f64 = 0.45;

/// Texts with fewer normalized characters than this are grouped only with texts equal to them
/// after [`normalize`]: in so short a text one changed character makes another opinion.
pub const MIN_NEAR_CHARS: usize = 6;

/// Characters per shingle.
const SHINGLE: usize = 4;
/// One-permutation-hashing passes, each with `BINS` bins. LSH band `j` is bin `j` of each
/// pass: `BINS` bands of `PASSES` min-hashes.
const PASSES: usize = 4;
const BIN_BITS: u32 = 5;
const BINS: usize = 1 << BIN_BITS;
const BANDS: usize = BINS;
const _: () = assert!(PASSES == 4, "a band key packs four passes' bins");
/// Donor bins tried per empty bin before the deterministic scan.
const DONOR_TRIES: usize = 16;
/// The version of the grouping rules, as records of a grouping made by them carry it
/// ([`crate::index::groups`]). Bump it with any change that can move a text to another group
/// (normalising, shingles, seeds, thresholds, the candidate limits): a record of other rules
/// is then not taken. `tests::the_sample_groups_as_recorded` fails when the sample's grouping
/// changes, as a reminder.
pub const RULES: u32 = 1;

/// Hash seed (fixed: the grouping must not change from run to run).
const SEED: u64 = 0x6c69_6661_2d67_726f;
/// In a bucket of candidates, a text is compared with at most `PROBES` members of each cluster
/// of texts already joined there, and looks at most at `BUDGET` clusters and members in all.
/// A stray text in a bucket of 10,000 near-copies costs 16 comparisons, and a bucket of
/// thousands of unrelated short texts sharing an opening (`建议加强…`) is not quadratic. A pair
/// passed over here is usually found in another band.
const PROBES: usize = 16;
const BUDGET: usize = 64;

/// Normalizes a comment for comparison: drops whitespace (including the ideographic space
/// U+3000), punctuation (CJK and ASCII: “”‘’《》、，。！？：；…—·（）【】 …) and symbols — every
/// character that is not a letter or a digit — folds full-width ASCII (`ＡＢＣ１２３`) to
/// half-width and lower-cases.
///
/// ```
/// use lifa::group::normalize;
/// assert_eq!(normalize("建议：第十二条 “定期”改为“按季度”！"), "建议第十二条定期改为按季度");
/// assert_eq!(normalize("ＰＭ２.５　超标，Ok?"), "pm25超标ok");
/// ```
pub fn normalize(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for_each_normalized(text, |c| s.push(c));
    s
}

/// Replaces `chars` with the characters of the normalized `text`.
fn normalize_into(text: &str, chars: &mut Vec<char>) {
    chars.clear();
    for_each_normalized(text, |c| chars.push(c));
}

/// Calls `f` with each character of the normalized `text`, in order (see [`normalize`]).
#[inline]
fn for_each_normalized(text: &str, mut f: impl FnMut(char)) {
    for c in text.chars() {
        match c {
            '\0'..='\x7f' => {
                if c.is_ascii_alphanumeric() {
                    f(c.to_ascii_lowercase());
                }
            }
            '\u{4E00}'..='\u{9FFF}' => f(c),
            // General punctuation, CJK punctuation and brackets, vertical and small forms:
            // nothing to keep, and no need to look them up.
            '\u{2000}'..='\u{206F}'
            | '\u{3000}'..='\u{3004}'
            | '\u{3008}'..='\u{3020}'
            | '\u{FE10}'..='\u{FE6F}' => {}
            '\u{FF01}'..='\u{FF5E}' => {
                let a = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
                if a.is_ascii_alphanumeric() {
                    f(a.to_ascii_lowercase());
                }
            }
            _ => {
                if c.is_alphanumeric() {
                    c.to_lowercase().for_each(&mut f);
                }
            }
        }
    }
}

/// What a group is, by its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GroupKind {
    /// A comment with no copy.
    Single,
    /// Two to [`CAMPAIGN_MIN`]` - 1` copies of one comment: usually one person sending the same
    /// opinion through two channels.
    Duplicate,
    /// [`CAMPAIGN_MIN`] or more near-identical comments: a petition or a letter campaign.
    Campaign,
}

impl GroupKind {
    /// The kind of a group with `members` members.
    pub fn of_size(members: usize) -> GroupKind {
        match members {
            0 | 1 => GroupKind::Single,
            m if m < CAMPAIGN_MIN => GroupKind::Duplicate,
            _ => GroupKind::Campaign,
        }
    }
}

/// One opinion: comments that are the same text or near-identical.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Indices of the member texts, ascending. The first, the lowest index, is the
    /// representative: the opinion is shown with its text.
    pub members: Vec<u32>,
    /// Single, duplicate or campaign, by the number of members.
    pub kind: GroupKind,
}

impl Group {
    /// The representative text's index (the lowest member).
    pub fn representative(&self) -> u32 {
        self.members[0]
    }
}

/// The result of [`group`]: every text's group, and the groups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grouping {
    /// `group_of[i]` is the index in `groups` of text `i`'s group.
    pub group_of: Vec<u32>,
    /// The groups, in order of their lowest member; every text is in exactly one.
    pub groups: Vec<Group>,
}

/// The grouping of every comment of one regulation's store, with the batches it covers: the
/// importer groups the whole store with each import (to count duplicates), and the search index
/// takes that grouping rather than computing it again, when its batches are the ones the index
/// reads, in the same order.
#[derive(Debug, Clone)]
pub struct StoreGrouping {
    /// The regulation.
    pub regulation: String,
    /// The batches in import order (the order of the texts grouped), each with its number of
    /// comments and content hash.
    pub batches: Vec<crate::store::BatchKey>,
    /// The grouping of the texts of those batches, in that order.
    pub grouping: Grouping,
}

/// Groups `texts` into opinions: equal after [`normalize`], or near-identical (see the module
/// documentation). Deterministic, and linear in the number of texts.
///
/// ```
/// use lifa::group::{group, GroupKind};
/// let texts = [
///     "建议将第二十四条中的“定期”修改为“按季度”。",
///     "建议将第二十四条中的“定期”修改为“按季度”",     // punctuation only
///     "湖边垃圾填埋场离水太近，应该禁止新建。",
/// ];
/// let g = group(&texts);
/// assert_eq!(g.groups.len(), 2);
/// assert_eq!(g.groups[0].members, [0, 1]);
/// assert_eq!(g.groups[0].kind, GroupKind::Duplicate);
/// assert_eq!(g.group_of, [0, 0, 1]);
/// ```
///
/// # Panics
///
/// With more than `u32::MAX` texts.
pub fn group(texts: &[&str]) -> Grouping {
    let threads = if texts.len() >= PARALLEL_MIN {
        crate::index::num_threads().min(2)
    } else {
        1
    };
    group_seeded(texts, SEED, threads)
}

/// [`group`] with another hash seed (tests check that the result does not hinge on the seed).
/// On `threads` threads (one or two): the result is the same.
fn group_seeded(texts: &[&str], seed: u64, threads: usize) -> Grouping {
    assert!(
        u32::try_from(texts.len()).is_ok(),
        "group: more than u32::MAX texts"
    );
    let mut uf = UnionFind::new(texts.len());
    let sketches = sketch_all(texts, seed, &mut uf, threads);
    // Each half of the bands joins the sketched texts (by rank) in its own union-find: the
    // same result on one core or two.
    let mut near = [
        UnionFind::new(sketches.texts.len()),
        UnionFind::new(sketches.texts.len()),
    ];
    let [low, high] = &mut near;
    if threads > 1 {
        std::thread::scope(|s| {
            s.spawn(|| join_near(texts, &sketches, BANDS / 2..BANDS, high));
            join_near(texts, &sketches, 0..BANDS / 2, low);
        });
    } else {
        join_near(texts, &sketches, 0..BANDS / 2, low);
        join_near(texts, &sketches, BANDS / 2..BANDS, high);
    }
    for half in &mut near {
        for (r, &text) in sketches.texts.iter().enumerate() {
            let root = half.find(r as u32);
            if root != r as u32 {
                uf.union(text, sketches.texts[root as usize]);
            }
        }
    }
    uf.into_grouping()
}

/// Below this many texts, grouping runs on one thread.
const PARALLEL_MIN: usize = 20_000;

/// Bytes of a text's signature: the low byte of each of its 128 min-hashes, band `j`'s four at
/// `4j..4j + 4`.
const SIG: usize = BANDS * PASSES;

/// Signatures agreeing in fewer bytes than this estimate a similarity below [`PREFILTER`]:
/// their texts are not compared (unless one is too short to tell).
const PREFILTER_BYTES: usize = {
    // A byte agrees with probability J + (1 − J) / 256.
    let p = PREFILTER_PERCENT * 255 + 100;
    (SIG * p).div_ceil(100 * 256)
};
/// [`PREFILTER`] in percent (const arithmetic).
const PREFILTER_PERCENT: usize = 35;
/// Candidates whose signatures estimate a similarity below this are passed over without the
/// exact comparison. The estimate from 128 min-hashes has a standard deviation of about 0.044
/// at 0.45, so a pair at the threshold is passed over with probability about 0.012 (the LSH
/// bands already miss it with probability 0.26), one at 0.54 (the weakest link of the sample
/// petition) about 10⁻⁵; a pair at 0.2, the typical unrelated candidate, almost always. On the
/// search bench's million comments, 0.35 instead of 0.30 halves the exact comparisons (3.4 to
/// 1.6 million; almost all of them failed, at estimates of 0.30–0.45) and the grouping's time
/// (4.4 → 3.0–3.4 s), and joins 53 fewer of 189,447 pairs: 34 more groups of 881,000.
pub const PREFILTER: f64 = PREFILTER_PERCENT as f64 / 100.0;
/// Texts with fewer bins of their own than this (of 128) are always compared exactly: their
/// other bins borrow, which makes the estimate coarse. 68 is what 24 distinct shingles fill on
/// average. (Over the 15 million candidate pairs of the bench's million comments, of 24
/// shingles or more, the estimate's error had a standard deviation of 0.031 to 0.034 at every
/// length, and was never below −0.17.)
const PREFILTER_MIN_FILLED: u8 = 68;

/// The texts that take part in the near-identical search, with their signatures.
struct Sketches {
    /// Text indices, ascending: the first of each exact class, when long enough.
    texts: Vec<u32>,
    /// `sigs[r]`: the signature of `texts[r]`.
    sigs: Vec<[u8; SIG]>,
    /// `filled[r]`: how many of the 128 bins of `texts[r]` hold a min-hash of their own.
    filled: Vec<u8>,
}

impl Sketches {
    /// Band `b`'s key of rank `r`.
    fn key(&self, r: usize, b: usize) -> u32 {
        let s = &self.sigs[r];
        u32::from_le_bytes([s[4 * b], s[4 * b + 1], s[4 * b + 2], s[4 * b + 3]])
    }

    /// Whether ranks `a` and `b` may be near-identical: their signatures agree in enough
    /// bytes, or one of them is too short to tell.
    fn may_be_near(&self, a: usize, b: usize) -> bool {
        if self.filled[a].min(self.filled[b]) < PREFILTER_MIN_FILLED {
            return true;
        }
        agreeing(&self.sigs[a], &self.sigs[b]) >= PREFILTER_BYTES
    }
}

/// Bytes equal in both signatures, eight at a time: a byte of `x ^ y` is zero where they
/// agree.
fn agreeing(a: &[u8; SIG], b: &[u8; SIG]) -> usize {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    a.chunks_exact(8)
        .zip(b.chunks_exact(8))
        .map(|(x, y)| {
            let word = |c: &[u8]| u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
            let d = word(x) ^ word(y);
            // The high bit of each byte of `nonzero` is set when that byte of `d` is not zero.
            let nonzero = ((d & LOW7) + LOW7) | d;
            8 - (nonzero & !LOW7).count_ones() as usize
        })
        .sum()
}

/// What pass one learns of a text besides its signature: the hash of its normalized text
/// (`None` when it normalizes to nothing), and how many of its signature's min-hashes are its
/// own (not borrowed) — 0 when it is too short to be near-identical to another and was not
/// sketched (a sketched text fills at least one bin in each pass).
struct Sketched {
    hash: Option<u64>,
    filled: u8,
}

/// Pass one: joins texts equal after normalization, and sketches the first text of each class.
/// The texts are normalized and sketched on `threads` threads, the classes found in order.
fn sketch_all(texts: &[&str], seed: u64, uf: &mut UnionFind, threads: usize) -> Sketches {
    let sketcher = Sketcher::new(seed);
    let mut sigs: Vec<[u8; SIG]> = vec![[0; SIG]; texts.len()];
    let sketch = |texts: &[&str], sigs: &mut [[u8; SIG]]| -> Vec<Sketched> {
        let mut chars: Vec<char> = Vec::new();
        texts
            .iter()
            .zip(sigs)
            .map(|(text, sig)| {
                normalize_into(text, &mut chars);
                let filled = if chars.len() >= MIN_NEAR_CHARS {
                    sketcher.signature(&chars, sig)
                } else {
                    0
                };
                Sketched {
                    hash: (!chars.is_empty()).then(|| text_hash(&chars)),
                    filled,
                }
            })
            .collect()
    };
    let info: Vec<Sketched> = if threads > 1 {
        let mid = texts.len() / 2;
        let (sig_lo, sig_hi) = sigs.split_at_mut(mid);
        let (mut lo, hi) = std::thread::scope(|s| {
            let hi = s.spawn(|| sketch(&texts[mid..], sig_hi));
            (sketch(&texts[..mid], sig_lo), hi.join())
        });
        lo.extend(hi.unwrap_or_else(|e| std::panic::resume_unwind(e)));
        lo
    } else {
        sketch(texts, &mut sigs)
    };

    let mut first_of: FxHashMap<u64, u32> = FxHashMap::default();
    first_of.reserve(texts.len());
    // Classes whose normalized-text hash collided with another class's (never seen in practice).
    let mut collided: Vec<(u64, u32)> = Vec::new();
    let mut out = Sketches {
        texts: Vec::new(),
        sigs: Vec::new(),
        filled: Vec::new(),
    };
    let mut chars: Vec<char> = Vec::new();
    let mut kept = 0;
    for (i, s) in info.iter().enumerate() {
        let i = i as u32;
        let Some(h) = s.hash else { continue };
        match first_of.entry(h) {
            Entry::Vacant(e) => {
                e.insert(i);
            }
            Entry::Occupied(e) => {
                let first = *e.get();
                normalize_into(texts[i as usize], &mut chars);
                let same = if normalized_eq(texts[first as usize], &chars) {
                    Some(first)
                } else {
                    collided
                        .iter()
                        .find(|&&(hh, j)| hh == h && normalized_eq(texts[j as usize], &chars))
                        .map(|&(_, j)| j)
                };
                if let Some(first) = same {
                    uf.union(first, i);
                    continue;
                }
                collided.push((h, i));
            }
        }
        if s.filled > 0 {
            out.texts.push(i);
            out.filled.push(s.filled);
            // Compact in place: `kept <= i`.
            sigs[kept] = sigs[i as usize];
            kept += 1;
        }
    }
    // Not shrunk: reallocating would hold both copies for a moment, at the peak of a rebuild.
    sigs.truncate(kept);
    out.sigs = sigs;
    out
}

/// Pass two: for each band of `bands`, texts with the same key are candidates; joins those
/// that are near-identical.
fn join_near(texts: &[&str], sk: &Sketches, bands: std::ops::Range<usize>, uf: &mut UnionFind) {
    let mut sorted: Vec<u64> = Vec::new();
    let mut scratch: Vec<u64> = Vec::new();
    let mut checker = Checker::new(texts, sk);
    for band in bands {
        sorted.clear();
        sorted.extend((0..sk.texts.len()).map(|r| (u64::from(sk.key(r, band)) << 32) | r as u64));
        radix_sort_by_key(&mut sorted, &mut scratch);
        for run in sorted.chunk_by(|a, b| a >> 32 == b >> 32) {
            if run.len() > 1 {
                checker.bucket(run.iter().map(|&e| e as u32), uf);
            }
        }
    }
}

/// Sorts `key << 32 | rank` entries by key, keeping ranks in order within a key: LSD radix
/// sort on the key, in three digits of 11, 11 and 10 bits.
fn radix_sort_by_key(v: &mut Vec<u64>, scratch: &mut Vec<u64>) {
    const BITS: usize = 11;
    const MASK: usize = (1 << BITS) - 1;
    let digit = |e: u64, d: usize| (e >> (32 + BITS * d)) as usize & MASK;
    let mut counts = [[0u32; 1 << BITS]; 3];
    for &e in v.iter() {
        for (d, c) in counts.iter_mut().enumerate() {
            c[digit(e, d)] += 1;
        }
    }
    scratch.clear();
    scratch.resize(v.len(), 0);
    for (d, c) in counts.iter_mut().enumerate() {
        let mut sum = 0;
        for n in c.iter_mut() {
            (*n, sum) = (sum, sum + *n);
        }
        for &e in v.iter() {
            let slot = &mut c[digit(e, d)];
            scratch[*slot as usize] = e;
            *slot += 1;
        }
        std::mem::swap(v, scratch);
    }
}

/// Min-hash signatures of normalized texts.
struct Sketcher {
    mults: [u64; PASSES],
    /// `donors[bin * DONOR_TRIES + k]`: the k-th bin an empty `bin` borrows from.
    donors: [u8; BINS * DONOR_TRIES],
}

impl Sketcher {
    fn new(seed: u64) -> Self {
        let mut mults = [0u64; PASSES];
        for (t, m) in mults.iter_mut().enumerate() {
            *m = splitmix(seed ^ (t as u64 + 1).wrapping_mul(0x1000_0000_01B3)) | 1;
        }
        let mut donors = [0u8; BINS * DONOR_TRIES];
        for (k, d) in donors.iter_mut().enumerate() {
            *d = (splitmix(seed.rotate_left(17) ^ k as u64) % BINS as u64) as u8;
        }
        Sketcher { mults, donors }
    }

    /// The signature of `chars` (at least `SHINGLE` characters): 128 densified min-hashes,
    /// one byte of each. Returns how many bins were filled by a shingle (not borrowed).
    fn signature(&self, chars: &[char], sig: &mut [u8; SIG]) -> u8 {
        let mut mins = [[u32::MAX; BINS]; PASSES];
        for w in chars.windows(SHINGLE) {
            let h = shingle_hash(w);
            for (t, pass) in mins.iter_mut().enumerate() {
                let x = h.wrapping_mul(self.mults[t]);
                let bin = (x >> (64 - BIN_BITS)) as usize;
                let val = (x >> (32 - BIN_BITS)) as u32;
                pass[bin] = pass[bin].min(val);
            }
        }
        let mut dense = mins;
        let mut filled = 0;
        for (pass, out) in mins.iter().zip(dense.iter_mut()) {
            let mut empty = 0u32;
            for (bin, &v) in pass.iter().enumerate() {
                empty |= u32::from(v == u32::MAX) << bin;
            }
            filled += BINS as u32 - empty.count_ones();
            while empty != 0 {
                let bin = empty.trailing_zeros() as usize;
                out[bin] = self.borrow(pass, bin);
                empty &= empty - 1;
            }
        }
        // Band j is bin j of every pass: four independent permutations, so that a short
        // text, whose bins mostly borrow from the same few shingles, still needs four
        // independent agreements to collide. A min-hash's low byte is as good as random
        // between different minimal shingles, so the four bytes are the band's key.
        for (j, band) in sig.chunks_exact_mut(PASSES).enumerate() {
            for (t, b) in band.iter_mut().enumerate() {
                *b = dense[t][j] as u8;
            }
        }
        filled as u8
    }

    /// The value an empty bin takes: that of the first non-empty bin in its fixed donor
    /// sequence (optimal densification), so that similar texts borrow alike.
    fn borrow(&self, pass: &[u32; BINS], bin: usize) -> u32 {
        let tries = &self.donors[bin * DONOR_TRIES..(bin + 1) * DONOR_TRIES];
        tries
            .iter()
            .map(|&d| pass[d as usize])
            .chain((1..BINS).map(|o| pass[(bin + o) % BINS]))
            .find(|&v| v != u32::MAX)
            .unwrap_or(u32::MAX)
    }
}

/// Checks candidate pairs. Each text's profile (sorted shingle hashes, cited articles) is
/// computed when first needed and kept until the cache reaches `CACHE_SHINGLES`.
struct Checker<'a> {
    texts: &'a [&'a str],
    sk: &'a Sketches,
    /// The bucket being checked (ranks in `sk`).
    members: Vec<u32>,
    /// Clusters of the bucket: positions in `members` known to be in one component.
    clusters: Vec<Vec<u32>>,
    spare: Vec<Vec<u32>>,
    profiles: FxHashMap<u32, Profile>,
    shingles: Vec<u32>,
    articles: Vec<(u32, u32)>,
    chars: Vec<char>,
    norm: String,
}

/// Shingle hashes kept in a checker's profile cache before it is emptied (4 bytes each:
/// 32 MiB).
const CACHE_SHINGLES: usize = 1 << 23;

/// Where a text's sorted shingle hashes and cited articles sit in the checker's arrays.
#[derive(Clone, Copy)]
struct Profile {
    shingles: (u32, u32),
    articles: (u32, u32),
}

impl<'a> Checker<'a> {
    fn new(texts: &'a [&'a str], sk: &'a Sketches) -> Self {
        Checker {
            texts,
            sk,
            members: Vec::new(),
            clusters: Vec::new(),
            spare: Vec::new(),
            profiles: FxHashMap::default(),
            shingles: Vec::new(),
            articles: Vec::new(),
            chars: Vec::new(),
            norm: String::new(),
        }
    }

    /// Joins the near-identical texts of one bucket (ranks ascending). A text is
    /// compared with the bucket's clusters in order, at most `PROBES` members of each and
    /// `BUDGET` clusters and members in all; a cluster already in its component costs one
    /// look and no comparison.
    fn bucket(&mut self, members: impl Iterator<Item = u32>, uf: &mut UnionFind) {
        self.members.clear();
        self.members.extend(members);
        for mut c in self.clusters.drain(..) {
            c.clear();
            self.spare.push(c);
        }
        for pos in 0..self.members.len() {
            let m = self.members[pos];
            let mut root = uf.find(m);
            let mut budget = BUDGET;
            let mut seen = 0;
            while seen < self.clusters.len() && budget > 0 {
                let cluster = &self.clusters[seen];
                seen += 1;
                budget -= 1;
                if uf.find(self.members[cluster[0] as usize]) == root {
                    continue;
                }
                let probes = cluster.len().min(PROBES).min(budget);
                budget -= probes;
                for q in 0..probes {
                    let other = self.members[self.clusters[seen - 1][q] as usize];
                    if self.near(m, other) {
                        uf.union(m, other);
                        root = uf.find(m);
                        break;
                    }
                }
            }
            // Merge the clusters seen that are now in m's component, and add m to them.
            let mut into: Option<usize> = None;
            let mut ci = 0;
            while ci < seen {
                if uf.find(self.members[self.clusters[ci][0] as usize]) != root {
                    ci += 1;
                } else if let Some(f) = into {
                    let mut c = self.clusters.remove(ci);
                    self.clusters[f].append(&mut c);
                    self.spare.push(c);
                    seen -= 1;
                } else {
                    into = Some(ci);
                    ci += 1;
                }
            }
            match into {
                Some(f) => self.clusters[f].push(pos as u32),
                None => {
                    let mut c = self.spare.pop().unwrap_or_default();
                    c.push(pos as u32);
                    self.clusters.push(c);
                }
            }
        }
    }

    /// Whether the texts of ranks `a` and `b` are near-identical.
    fn near(&mut self, a: u32, b: u32) -> bool {
        if !self.sk.may_be_near(a as usize, b as usize) {
            return false;
        }
        if self.shingles.len() > CACHE_SHINGLES {
            self.profiles.clear();
            self.shingles.clear();
            self.articles.clear();
        }
        let pa = self.profile(a);
        let pb = self.profile(b);
        let (la, lb) = (pa.shingles.1 as usize, pb.shingles.1 as usize);
        // |A ∩ B| / |A ∪ B| ≤ min / max.
        if (la.min(lb) as f64) < NEAR_DUPLICATE_SIMILARITY * la.max(lb) as f64 {
            return false;
        }
        let common = intersection(
            range(&self.shingles, pa.shingles),
            range(&self.shingles, pb.shingles),
        );
        let jaccard = common as f64 / (la + lb - common) as f64;
        if jaccard < NEAR_DUPLICATE_SIMILARITY {
            return false;
        }
        let (aa, ab) = (
            range(&self.articles, pa.articles),
            range(&self.articles, pb.articles),
        );
        aa.is_empty() || ab.is_empty() || intersection(aa, ab) > 0
    }

    fn profile(&mut self, rank: u32) -> Profile {
        if let Some(p) = self.profiles.get(&rank) {
            return *p;
        }
        normalize_into(
            self.texts[self.sk.texts[rank as usize] as usize],
            &mut self.chars,
        );
        let s0 = self.shingles.len();
        self.shingles.extend(
            self.chars
                .windows(SHINGLE)
                .map(|w| (shingle_hash(w) >> 32) as u32),
        );
        self.shingles[s0..].sort_unstable();
        let len = dedup_sorted(&mut self.shingles[s0..]);
        self.shingles.truncate(s0 + len);
        let a0 = self.articles.len();
        if self.chars.contains(&'第') {
            self.norm.clear();
            self.norm.extend(&self.chars);
            for (at, _) in self.norm.match_indices('第') {
                if let Some((n, _)) = scan_label(&self.norm[at..], '条') {
                    self.articles.push((n.main, n.sub));
                }
            }
        }
        self.articles[a0..].sort_unstable();
        let alen = dedup_sorted(&mut self.articles[a0..]);
        self.articles.truncate(a0 + alen);
        let p = Profile {
            shingles: (s0 as u32, len as u32),
            articles: (a0 as u32, alen as u32),
        };
        self.profiles.insert(rank, p);
        p
    }
}

fn range<T>(v: &[T], (start, len): (u32, u32)) -> &[T] {
    &v[start as usize..(start + len) as usize]
}

/// Moves the distinct values of sorted `v` to its front; returns how many there are.
fn dedup_sorted<T: PartialEq + Copy>(v: &mut [T]) -> usize {
    let mut w = 0;
    for r in 0..v.len() {
        if w == 0 || v[r] != v[w - 1] {
            v[w] = v[r];
            w += 1;
        }
    }
    w
}

/// The number of values in both sorted, duplicate-free slices (a branch-free merge: the
/// comparisons are unpredictable).
fn intersection<T: Ord + Copy>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n
}

/// Union-find over indices; a component's root is its lowest index.
struct UnionFind {
    parent: Vec<u32>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n as u32).collect(),
        }
    }

    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let grand = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = grand;
            x = grand;
        }
        x
    }

    fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[hi as usize] = lo;
    }

    /// The components as groups, in order of their lowest member.
    fn into_grouping(mut self) -> Grouping {
        let n = self.parent.len();
        let mut group_of = vec![0u32; n];
        let mut groups: Vec<Group> = Vec::new();
        for i in 0..n as u32 {
            let root = self.find(i);
            let g = if root == i {
                groups.push(Group {
                    members: Vec::new(),
                    kind: GroupKind::Single,
                });
                (groups.len() - 1) as u32
            } else {
                group_of[root as usize]
            };
            group_of[i as usize] = g;
            groups[g as usize].members.push(i);
        }
        for g in &mut groups {
            g.kind = GroupKind::of_size(g.members.len());
        }
        Grouping { group_of, groups }
    }
}

/// Whether `text` normalizes to `chars`.
fn normalized_eq(text: &str, chars: &[char]) -> bool {
    let mut at = 0;
    let mut same = true;
    for_each_normalized(text, |c| {
        same = same && chars.get(at) == Some(&c);
        at += 1;
    });
    same && at == chars.len()
}

/// A 64-bit hash of a normalized text.
fn text_hash(chars: &[char]) -> u64 {
    let mut h = SEED;
    for pair in chars.chunks(2) {
        let c = pair.iter().fold(0u64, |a, &c| (a << 32) | c as u64);
        h = (h.rotate_left(5) ^ c).wrapping_mul(0x517C_C1B7_2722_0A95);
    }
    splitmix(h ^ chars.len() as u64)
}

/// A 64-bit hash of a shingle of `SHINGLE` characters (21 bits each).
#[inline]
fn shingle_hash(w: &[char]) -> u64 {
    let a = ((w[0] as u64) << 42) | ((w[1] as u64) << 21) | w[2] as u64;
    mum(
        a ^ 0x2D35_8DCC_AA6C_78A5,
        w[3] as u64 ^ 0x8BB8_4B93_962E_ACC9,
    )
}

/// Folded 64×64→128-bit multiply (as in wyhash).
#[inline]
fn mum(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    (p as u64) ^ (p >> 64) as u64
}

const fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::draft::numbering::to_chinese;

    /// SplitMix64: deterministic test data without a dependency.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            splitmix(self.0)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
        /// One of the `|`-separated choices (an empty one included).
        fn pick<'a>(&mut self, choices: &'a str) -> &'a str {
            let n = choices.split('|').count();
            choices.split('|').nth(self.below(n)).unwrap_or_default()
        }
    }

    const TOPICS: &str = "禁渔期|网箱养殖|入湖排污口|湖岸带|生活垃圾|游船|垂钓|湿地公园|\
        候鸟栖息地|水质监测|农业面源污染|饮用水水源|河道采砂|餐饮船|生态补偿|巡湖制度|信息公开|\
        护湖志愿者|畜禽养殖|化肥农药|雨污分流|污水处理厂|蓝藻防控|外来物种|水生植物|取水口|\
        旅游开发|违法建筑|渔民转产|执法检查|生态缓冲带|入湖河口|湖泊清淤|船舶污染|岸线利用";
    const ASPECTS: &str = "责任主体|具体标准|时间节点|处罚幅度|监督方式|资金来源|审批程序|\
        适用范围|公众参与|考核办法|报告制度|应急措施";
    const DEPTS: &str = "生态环境部门|水行政主管部门|农业农村部门|乡镇人民政府|湖泊管理机构|\
        公安机关|文化旅游部门|街道办事处";
    const ACTIONS: &str = "日常巡查|监督管理|执法检查|定期评估|宣传教育|统筹协调|跟踪监测|综合治理";
    const REASONS: &str = "现在执行起来没有依据|群众反映很强烈|外地已经有成熟经验|\
        否则很难落到实处|这个问题每年夏天都很突出|基层工作人员不好把握|与上位法的表述不一致|\
        实际操作中容易推诿|老百姓看不懂|罚得太轻起不到作用|条文之间存在矛盾|缺少配套措施|\
        增加了群众负担|涉及面广需要慎重|建议听取渔民意见|各地做法差别很大";
    const SPEAKERS: &str = "我是湖边长大的|作为一名老渔民|我在湖边开了十年农家乐|\
        我们社区离湖很近|作为律师|我常年在湖边散步|我们学校组织学生调查过|作为人大代表|\
        我们村靠打鱼为生|我是一名环保志愿者";
    const WORDS: &str = "定期|按季度|及时|严格|原则上|必要时|逐步|全面|适当|优先|每年|依法";

    /// One opinion of its own, as staff receive hundreds on one regulation: three clauses,
    /// each from a different frame, on random articles and topics — sharing the vocabulary
    /// (and, in frame 10, the topic of the petition below) but not the text.
    fn opinion(rng: &mut Rng) -> String {
        let mut out = String::new();
        let mut used = Vec::new();
        while used.len() < 3 {
            let frame = rng.below(12);
            if used.contains(&frame) {
                continue;
            }
            used.push(frame);
            let art = format!("第{}条", to_chinese(1 + rng.below(70) as u32));
            let topic = rng.pick(TOPICS);
            let clause = match frame {
                0 => format!(
                    "建议将{art}中的“{}”修改为“{}”。",
                    rng.pick(WORDS),
                    rng.pick(WORDS)
                ),
                1 => format!(
                    "{art}关于{topic}的规定过于原则，建议细化{}。",
                    rng.pick(ASPECTS)
                ),
                2 => format!("建议在{art}增加有关{topic}{}的内容。", rng.pick(ASPECTS)),
                3 => format!("{topic}的问题{}，{}。", rng.pick(WORDS), rng.pick(REASONS)),
                4 => format!(
                    "建议{}{}加强对{topic}的{}。",
                    rng.pick(DEPTS),
                    rng.pick(WORDS),
                    rng.pick(ACTIONS)
                ),
                5 => format!(
                    "{}，希望{topic}的罚款提高到{}万元。",
                    rng.pick(SPEAKERS),
                    2 + rng.below(90)
                ),
                6 => format!(
                    "{art}规定的{}米范围太小，建议扩大到{}米。",
                    100 * (1 + rng.below(9)),
                    500 * (2 + rng.below(9))
                ),
                7 => format!(
                    "{}，{topic}应当由{}牵头{}。",
                    rng.pick(SPEAKERS),
                    rng.pick(DEPTS),
                    rng.pick(ACTIONS)
                ),
                8 => format!("建议删除{art}，{}。", rng.pick(REASONS)),
                9 => format!(
                    "{topic}和{}要统筹考虑，{}。",
                    rng.pick(TOPICS),
                    rng.pick(REASONS)
                ),
                10 => format!(
                    "燃油游船{}，建议{}{}，{}不宜一律禁止。",
                    rng.pick(REASONS),
                    rng.pick(DEPTS),
                    rng.pick(ACTIONS),
                    rng.pick(WORDS)
                ),
                _ => format!(
                    "{}，{art}的{}应当{}公布。",
                    rng.pick(SPEAKERS),
                    rng.pick(ASPECTS),
                    rng.pick(WORDS)
                ),
            };
            out.push_str(&clause);
        }
        out
    }

    const SALUTATIONS: &str =
        "||尊敬的市人大常委会：|各位领导：|您好，|市人大法工委：|尊敬的立法工作人员：";
    const URGES: &str = "强烈呼吁|恳切呼吁|郑重建议|强烈建议|恳请";
    const DEADLINES: &str = "一年内|两年内|三年内|限期";
    const ADDED: &str = "|||湖边的水一年比一年差，我们都看在眼里。|孩子们已经不敢到湖边玩了。|\
        游船的柴油味在岸上都能闻到。|希望条例尽快通过。";
    const SIGNATURES: &str =
        "||一名老居民|署名：湖滨社区居民|——一位退休教师|一个关心青澜湖的市民|湖滨街道志愿者";

    /// The petition with the given salutation, intensifier, deadline, added sentence and
    /// signature.
    fn petition_with(salute: &str, urge: &str, deadline: &str, added: &str, sign: &str) -> String {
        format!(
            "{salute}我们{urge}在条例中明确规定：青澜湖水域禁止燃油机动游船通行，现有燃油游船\
             {deadline}全部改为电动船。燃油游船大量排放尾气和油污，是湖水石油类污染的主要来源。\
             {added}为了青澜湖的碧水蓝天，恳请立法机关采纳！{sign}"
        )
    }

    /// One signer's copy of the petition: every part varied, and two phrases of the body.
    fn petition(rng: &mut Rng) -> String {
        petition_with(
            rng.pick(SALUTATIONS),
            rng.pick(URGES),
            rng.pick(DEADLINES),
            rng.pick(ADDED),
            rng.pick(SIGNATURES),
        )
        .replace("大量", rng.pick("大量|长期|每天"))
        .replace("主要来源", rng.pick("主要来源|重要原因|罪魁祸首之一"))
    }

    /// 500 opinions with 50 copies of the petition scattered among them; returns the texts
    /// and the petition copies' indices.
    fn campaign_among_opinions(seed: u64) -> (Vec<String>, Vec<u32>) {
        let mut rng = Rng(seed);
        let mut texts: Vec<(bool, String)> = (0..500).map(|_| (false, opinion(&mut rng))).collect();
        for _ in 0..50 {
            let at = rng.below(texts.len() + 1);
            texts.insert(at, (true, petition(&mut rng)));
        }
        let campaign = (0..texts.len() as u32)
            .filter(|&i| texts[i as usize].0)
            .collect();
        (texts.into_iter().map(|(_, t)| t).collect(), campaign)
    }

    fn refs(texts: &[String]) -> Vec<&str> {
        texts.iter().map(String::as_str).collect()
    }

    /// A text's set of shingle hashes, as the checker computes it.
    fn shingle_set(text: &str) -> Vec<u32> {
        let chars: Vec<char> = normalize(text).chars().collect();
        let mut v: Vec<u32> = chars
            .windows(SHINGLE)
            .map(|w| (shingle_hash(w) >> 32) as u32)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    fn jaccard_of_sets(a: &[u32], b: &[u32]) -> f64 {
        let common = intersection(a, b);
        common as f64 / (a.len() + b.len() - common) as f64
    }

    /// The exact similarity of two texts.
    fn jaccard(a: &str, b: &str) -> f64 {
        jaccard_of_sets(&shingle_set(a), &shingle_set(b))
    }

    /// The groups of two or more, as member lists.
    fn multi(g: &Grouping) -> Vec<Vec<u32>> {
        g.groups
            .iter()
            .filter(|g| g.members.len() > 1)
            .map(|g| g.members.clone())
            .collect()
    }

    /// What every grouping promises: a partition, listed by lowest member, members ascending,
    /// `group_of` consistent, kinds by size.
    fn assert_well_formed(g: &Grouping, n: usize) {
        assert_eq!(g.group_of.len(), n);
        let mut seen = vec![false; n];
        let mut last_first = None;
        for (gi, grp) in g.groups.iter().enumerate() {
            assert!(
                grp.members.windows(2).all(|w| w[0] < w[1]),
                "members ascending"
            );
            assert!(last_first < Some(grp.members[0]), "groups by lowest member");
            last_first = Some(grp.members[0]);
            assert_eq!(grp.representative(), grp.members[0]);
            assert_eq!(grp.kind, GroupKind::of_size(grp.members.len()));
            for &m in &grp.members {
                assert!(!seen[m as usize], "text {m} in two groups");
                seen[m as usize] = true;
                assert_eq!(g.group_of[m as usize], gi as u32);
            }
        }
        assert!(seen.iter().all(|&s| s), "every text in a group");
    }

    #[test]
    fn normalize_drops_whitespace_punctuation_and_symbols() {
        assert_eq!(
            normalize("“建议”‘删除’《条例》、，。！？：；…—·（）【】"),
            "建议删除条例"
        );
        assert_eq!(normalize(" 第 十二 条\t\r\n　（二）"), "第十二条二");
        assert_eq!(
            normalize("a,b.c;d:e!f?g(h)i[j]k\"l'm-n_o/p"),
            "abcdefghijklmnop"
        );
        assert_eq!(normalize("罚款 5% ～ 10%，约¥2,000 ℃ 👍"), "罚款510约2000");
        assert_eq!(normalize("二〇二六年"), "二〇二六年");
        assert_eq!(normalize(""), "");
        assert_eq!(normalize("。。。 ！"), "");
    }

    #[test]
    fn normalize_folds_full_width_and_case() {
        assert_eq!(normalize("ＰＭ２．５超标"), "pm25超标");
        assert_eq!(normalize("ＡＢＣ abc Ａｂｃ"), "abcabcabc");
        assert_eq!(normalize("第１２条"), normalize("第12条"));
        assert_eq!(normalize("COD、ＢＯＤ５"), "codbod5");
        assert_eq!(normalize("Ärger ΣΑΣ"), "ärgerσασ");
    }

    #[test]
    fn copies_differing_in_punctuation_whitespace_or_width_are_one_group() {
        let texts = [
            "建议将第二十四条中的“定期”修改为“按季度”。",
            "湖边垃圾填埋场离水太近，应该禁止新建。",
            " 建议将第二十四条中的\"定期\"修改为\"按季度\" ",
            "湖边垃圾填埋场离水太近,应该禁止新建",
            "建议将第二十四条中的「定期」修改为「按季度」！",
            "ＰＭ２.５监测点太少，建议增加。",
            "pm2.5 监测点太少, 建议增加",
            "第三十条的罚款太低了。",
        ];
        let g = group(&texts);
        assert_well_formed(&g, texts.len());
        assert_eq!(multi(&g), [vec![0, 2, 4], vec![1, 3], vec![5, 6]]);
        assert_eq!(g.groups[0].kind, GroupKind::Duplicate);
        assert_eq!(g.group_of, [0, 1, 0, 1, 0, 2, 2, 3]);
        assert_eq!(g.groups[3].kind, GroupKind::Single);
    }

    /// The issue's case: 50 near-copies of a petition among 500 opinions of the same
    /// vocabulary are one campaign; every opinion stays single.
    #[test]
    fn generated_campaign_is_one_group_among_distinct_opinions() {
        let (texts, campaign) = campaign_among_opinions(42);
        let texts = refs(&texts);
        // The copies really differ, and the opinions are really distinct.
        let distinct: BTreeSet<String> = campaign
            .iter()
            .map(|&i| normalize(texts[i as usize]))
            .collect();
        assert!(distinct.len() >= 40, "{} distinct copies", distinct.len());
        let opinions: Vec<Vec<u32>> = (0..texts.len() as u32)
            .filter(|i| !campaign.contains(i))
            .map(|i| shingle_set(texts[i as usize]))
            .collect();
        let closest = opinions
            .iter()
            .enumerate()
            .flat_map(|(i, a)| opinions[i + 1..].iter().map(move |b| jaccard_of_sets(a, b)))
            .fold(0.0, f64::max);
        assert!(closest < 0.44, "generated opinions too alike: {closest:.3}");

        let g = group(&texts);
        assert_well_formed(&g, texts.len());
        assert_eq!(multi(&g), std::slice::from_ref(&campaign));
        assert_eq!(
            g.groups[g.group_of[campaign[0] as usize] as usize].kind,
            GroupKind::Campaign
        );
        assert_eq!(g.groups.len(), 501);
        for i in 0..texts.len() as u32 {
            if !campaign.contains(&i) {
                assert_eq!(
                    g.groups[g.group_of[i as usize] as usize].kind,
                    GroupKind::Single
                );
            }
        }
    }

    #[test]
    fn small_groups_are_duplicates_and_five_make_a_campaign() {
        let copies = [
            petition_with("", "强烈呼吁", "一年内", "", ""),
            petition_with("各位领导：", "强烈呼吁", "一年内", "", ""),
            petition_with("", "恳切呼吁", "一年内", "", "一名老居民"),
            petition_with("", "强烈呼吁", "两年内", "", "——一位退休教师"),
            petition_with("您好，", "郑重建议", "一年内", "希望条例尽快通过。", ""),
        ];
        let mut rng = Rng(7);
        let others: Vec<String> = (0..20).map(|_| opinion(&mut rng)).collect();
        for n in 2..=copies.len() {
            let mut texts: Vec<&str> = others.iter().map(String::as_str).collect();
            texts.extend(copies[..n].iter().map(String::as_str));
            let g = group(&texts);
            assert_well_formed(&g, texts.len());
            let expected: Vec<u32> = (20..20 + n as u32).collect();
            assert_eq!(multi(&g), [expected]);
            let kind = g.groups[g.group_of[20] as usize].kind;
            let want = if n < CAMPAIGN_MIN {
                GroupKind::Duplicate
            } else {
                GroupKind::Campaign
            };
            assert_eq!(kind, want, "{n} copies");
        }
        assert_eq!(GroupKind::of_size(1), GroupKind::Single);
        assert_eq!(GroupKind::of_size(4), GroupKind::Duplicate);
        assert_eq!(GroupKind::of_size(5), GroupKind::Campaign);
    }

    #[test]
    fn near_copies_chain_into_one_group() {
        // b changes a's opening, c changes b's closing: a and c share only the middle.
        let middle = "青澜湖水域禁止燃油机动游船通行，现有燃油游船一年内全部改为电动船。";
        let (open_a, open_bc) = (
            "我们强烈呼吁在条例中明确规定：",
            "各位领导好，大家恳切建议写明：",
        );
        let (close_ab, close_c) = (
            "为了碧水蓝天，恳请立法机关采纳！",
            "柴油味岸上都能闻到。署名：湖滨居民",
        );
        let a = &format!("{open_a}{middle}{close_ab}");
        let b = &format!("{open_bc}{middle}{close_ab}");
        let c = &format!("{open_bc}{middle}{close_c}");
        assert!(jaccard(a, b) >= NEAR_DUPLICATE_SIMILARITY + 0.1);
        assert!(jaccard(b, c) >= NEAR_DUPLICATE_SIMILARITY + 0.1);
        assert!(jaccard(a, c) < NEAR_DUPLICATE_SIMILARITY);
        let g = group(&[a, "另一条意见：禁渔期应当延长到七月底。", c, b]);
        assert_eq!(multi(&g), [vec![0, 2, 3]]);
    }

    #[test]
    fn near_copies_citing_different_articles_stay_apart() {
        let a =
            "建议将第二十四条中的“定期”修改为“按季度”，否则基层执行起来没有依据，群众反映很强烈。";
        let b =
            "建议将第二十五条中的“定期”修改为“按季度”，否则基层执行起来没有依据，群众反映很强烈。";
        let c = "建议将本条中的“定期”修改为“按季度”，否则基层执行起来没有依据，群众反映很强烈。";
        let d = "建议将第24条中的“定期”修改为“按季度”，否则基层执行起来没有依据，群众反映很强烈！";
        assert!(jaccard(a, b) > 0.6);
        let g = group(&[a, b]);
        assert_eq!(multi(&g), Vec::<Vec<u32>>::new());
        // Without an article, or with the same one written in digits, they are copies.
        let g = group(&[a, c, d]);
        assert_eq!(multi(&g), [vec![0, 1, 2]]);
    }

    #[test]
    fn short_texts_group_only_when_equal() {
        let texts = [
            "同意。",
            "同意",
            "不同意",
            "同意！！",
            "支持第十条",
            "支持第七条",
            "好",
        ];
        let g = group(&texts);
        assert_eq!(multi(&g), [vec![0, 1, 3]]);
        // Five characters differing in one: apart, though most of the text is shared.
        let g = group(&["禁止网箱养", "禁止网箱养殖", "禁止围网养殖"]);
        assert_eq!(multi(&g), Vec::<Vec<u32>>::new());
    }

    #[test]
    fn texts_without_letters_or_digits_stay_single() {
        let texts = ["", "  ", "。。。", "👍", "", "同意", "同意"];
        let g = group(&texts);
        assert_well_formed(&g, texts.len());
        assert_eq!(multi(&g), [vec![5, 6]]);
    }

    #[test]
    fn agreeing_counts_the_equal_bytes() {
        let mut rng = Rng(5);
        for _ in 0..200 {
            let mut a = [0u8; SIG];
            let mut b = [0u8; SIG];
            for (x, y) in a.iter_mut().zip(b.iter_mut()) {
                *x = rng.below(256) as u8;
                // Equal about half the time, and differing in one bit or in many.
                *y = match rng.below(4) {
                    0 | 1 => *x,
                    2 => *x ^ (1 << rng.below(8)),
                    _ => rng.below(256) as u8,
                };
            }
            let naive = a.iter().zip(&b).filter(|(x, y)| x == y).count();
            assert_eq!(agreeing(&a, &b), naive);
        }
        assert_eq!(agreeing(&[7; SIG], &[7; SIG]), SIG);
        assert_eq!(agreeing(&[0; SIG], &[0x80; SIG]), 0);
    }

    /// The signature estimate never passes over a near-identical pair of generated comments,
    /// and does pass over most unrelated ones.
    #[test]
    fn prefilter_keeps_near_pairs_and_drops_unrelated_ones() {
        let sketcher = Sketcher::new(SEED);
        let (mut near, mut unrelated, mut dropped) = (0, 0, 0);
        for seed in [42, 9] {
            let (texts, _) = campaign_among_opinions(seed);
            let texts: Vec<&String> = texts.iter().collect();
            let sets: Vec<Vec<u32>> = texts.iter().map(|t| shingle_set(t)).collect();
            let sketches = sketched(&sketcher, &texts);
            for a in 0..texts.len() {
                for b in a + 1..texts.len() {
                    let j = jaccard_of_sets(&sets[a], &sets[b]);
                    let kept = sketches.may_be_near(a, b);
                    if j >= NEAR_DUPLICATE_SIMILARITY {
                        near += 1;
                        assert!(kept, "pair at {j:.3} passed over");
                    } else if j < 0.2 {
                        unrelated += 1;
                        dropped += usize::from(!kept);
                    }
                }
            }
        }
        assert!(near >= 1500, "{near} near pairs");
        assert!(
            dropped * 10 >= unrelated * 9,
            "{dropped} of {unrelated} dropped"
        );
        // Texts too short for the estimate are always compared, however unlike.
        let short = ["禁止在湖区网箱养殖", "建议延长禁渔期限"];
        let long = "建议将第二十四条中的定期修改为按季度，否则基层执行起来没有依据，群众反映很强烈";
        let sk = sketched(&sketcher, &[short[0], short[1], long]);
        assert!(sk.filled[0] < PREFILTER_MIN_FILLED && sk.filled[2] >= PREFILTER_MIN_FILLED);
        assert!(agreeing(&sk.sigs[0], &sk.sigs[1]) < PREFILTER_BYTES);
        assert!(sk.may_be_near(0, 1) && sk.may_be_near(0, 2));
    }

    /// The sketches of `texts`, every one taking part.
    fn sketched(sketcher: &Sketcher, texts: &[impl AsRef<str>]) -> Sketches {
        let mut sk = Sketches {
            texts: (0..texts.len() as u32).collect(),
            sigs: Vec::new(),
            filled: Vec::new(),
        };
        for t in texts {
            let chars: Vec<char> = normalize(t.as_ref()).chars().collect();
            let mut sig = [0; SIG];
            sk.filled.push(sketcher.signature(&chars, &mut sig));
            sk.sigs.push(sig);
        }
        sk
    }

    /// Whatever either half of the bands joins on its own is joined in the result.
    #[test]
    fn both_halves_of_the_bands_count() {
        let (texts, _) = campaign_among_opinions(42);
        let texts = refs(&texts);
        let g = group(&texts);
        let mut uf = UnionFind::new(texts.len());
        let sk = sketch_all(&texts, SEED, &mut uf, 1);
        for half in [0..BANDS / 2, BANDS / 2..BANDS] {
            let mut near = UnionFind::new(sk.texts.len());
            join_near(&texts, &sk, half.clone(), &mut near);
            let mut joined = 0;
            for r in 0..sk.texts.len() as u32 {
                let root = near.find(r);
                if root != r {
                    joined += 1;
                    let (a, b) = (sk.texts[r as usize], sk.texts[root as usize]);
                    assert_eq!(g.group_of[a as usize], g.group_of[b as usize], "{half:?}");
                }
            }
            assert!(joined >= 40, "{half:?} joined {joined}");
        }
    }

    #[test]
    fn one_thread_or_two_give_the_same_grouping() {
        for seed in [42, 9] {
            let (texts, campaign) = campaign_among_opinions(seed);
            let texts = refs(&texts);
            let g = group_seeded(&texts, SEED, 2);
            assert_eq!(g, group_seeded(&texts, SEED, 1));
            assert_eq!(multi(&g), [campaign]);
        }
    }

    #[test]
    fn grouping_is_deterministic_and_independent_of_input_order() {
        let (texts, campaign) = campaign_among_opinions(9);
        let texts = refs(&texts);
        let g = group(&texts);
        assert_eq!(g, group(&texts));
        assert_eq!(multi(&g), [campaign]);
        let as_sets = |g: &Grouping, original: &[u32]| -> BTreeSet<BTreeSet<u32>> {
            g.groups
                .iter()
                .map(|grp| grp.members.iter().map(|&m| original[m as usize]).collect())
                .collect()
        };
        let identity: Vec<u32> = (0..texts.len() as u32).collect();
        let mut rng = Rng(3);
        for _ in 0..3 {
            let mut order = identity.clone();
            for i in (1..order.len()).rev() {
                order.swap(i, rng.below(i + 1));
            }
            let shuffled: Vec<&str> = order.iter().map(|&i| texts[i as usize]).collect();
            let h = group(&shuffled);
            assert_well_formed(&h, texts.len());
            assert_eq!(as_sets(&h, &order), as_sets(&g, &identity));
        }
    }

    /// The threshold and the LSH parameters leave room: the campaign is found whatever the
    /// hash seed, not only with the one shipped.
    #[test]
    fn result_does_not_hinge_on_the_hash_seed() {
        let (texts, campaign) = campaign_among_opinions(42);
        let texts = refs(&texts);
        for seed in 1..=20 {
            let g = group_seeded(&texts, seed, 1);
            assert_eq!(multi(&g), std::slice::from_ref(&campaign), "seed {seed}");
        }
    }

    /// A fingerprint of the grouping of 4,000 texts built to sit on each rule's edge: texts of
    /// a small alphabet mixed with ASCII, full-width letters and digits, punctuation and spaces,
    /// each with up to eight copies edited at random (characters replaced, case changed, folded
    /// to full width, punctuation added), so that many pairs lie near the similarity threshold;
    /// some copies cite another article; short texts under [`MIN_NEAR_CHARS`] with their
    /// copies; and two buckets of 150 near-copies each (the candidate limits). Grouped on one
    /// thread and on two. Records of a grouping ([`crate::index::groups`]) are taken only under
    /// the same [`RULES`]: a change that moves any of these texts, or of the rules' constants,
    /// must bump it (and then update the fingerprint here).
    #[test]
    fn the_sample_groups_as_recorded() {
        let mut x: u64 = 2026;
        let mut next = move |n: usize| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) as usize % n
        };
        // A small alphabet, so that unrelated texts share shingles too.
        let alphabet: Vec<char> = "湖水鱼网箱养殖垃圾罚款条例建议禁止保护渔民游船湿地执法村AbCpm25"
            .chars()
            .collect();
        let marks: Vec<char> = "，。！？“”、 　（）".chars().collect();
        let articles = [
            "第十二条",
            "第十三条",
            "第12条",
            "第二十条之一",
            "第五十四条",
        ];
        let mut texts: Vec<String> = Vec::new();
        let copies_of = |base: &[char],
                         n: usize,
                         edits: usize,
                         next: &mut dyn FnMut(usize) -> usize,
                         texts: &mut Vec<String>| {
            for _ in 0..n {
                let mut copy = base.to_vec();
                for _ in 0..=next(edits + 1) {
                    let at = next(copy.len());
                    let c = copy[at];
                    copy[at] = match next(6) {
                        // Case and width: the same after normalizing.
                        0 if c.is_ascii_alphanumeric() => {
                            char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
                        }
                        1 => c.to_ascii_uppercase(),
                        2 => marks[next(marks.len())],
                        _ => alphabet[next(alphabet.len())],
                    };
                }
                if next(5) == 0 {
                    copy.extend(articles[next(articles.len())].chars());
                }
                texts.push(copy.iter().collect());
            }
        };
        let mut bases = Vec::new();
        for i in 0..700 {
            let len = if i % 7 == 0 {
                2 + i % 5
            } else {
                8 + (i * 37) % 60
            };
            let mut base: Vec<char> = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
            if i % 3 == 0 {
                let at = (i * 13) % base.len();
                base.splice(at..at, articles[i % articles.len()].chars());
            }
            bases.push(base);
        }
        for (i, base) in bases.iter().enumerate() {
            texts.push(base.iter().collect());
            let (n, edits) = match i {
                0 | 1 => (150, 3),
                _ if base.len() < MIN_NEAR_CHARS => (i % 4, 1),
                _ => (i % 9, base.len() / 2),
            };
            copies_of(base, n, edits, &mut next, &mut texts);
        }
        texts.truncate(4000);
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let g = group_seeded(&refs, SEED, 1);
        assert_eq!(g, group_seeded(&refs, SEED, 2), "two threads group alike");
        let mut h = blake3::Hasher::new();
        for r in g.group_of.iter().map(|&k| g.groups[k as usize].members[0]) {
            h.update(&r.to_le_bytes());
        }
        let sizes = |k: GroupKind| g.groups.iter().filter(|x| x.kind == k).count();
        let constants = format!(
            "{CAMPAIGN_MIN} {NEAR_DUPLICATE_SIMILARITY} {MIN_NEAR_CHARS} {SHINGLE} {PASSES} \
             {BIN_BITS} {DONOR_TRIES} {SEED:x} {PROBES} {BUDGET} {PREFILTER_PERCENT} \
             {PREFILTER_MIN_FILLED}"
        );
        assert_eq!(
            (
                RULES,
                constants.as_str(),
                g.groups.len(),
                sizes(GroupKind::Duplicate),
                sizes(GroupKind::Campaign),
                &h.finalize().to_hex()[..16]
            ),
            (
                1,
                "5 0.45 6 4 4 5 16 6c6966612d67726f 16 64 35 68",
                2836,
                347,
                19,
                "3c0b6b55e33324f1"
            ),
            "the grouping changed: bump group::RULES and update this fingerprint"
        );
    }

    /// The sample uploads of `tests/fixtures/uploads`: the 45 petition comments are one
    /// campaign, the 15 duplicate pairs are pairs, and nothing else is grouped.
    #[test]
    fn sample_uploads_match_the_ground_truth() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/uploads");
        let mut comments: Vec<(String, String, String)> = Vec::new(); // file, ref, text
        let mut csv_file = |name: &str, text: String, id: &str, body: &str| {
            let mut rd = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
            let header = rd.headers().unwrap().clone();
            let col = |h: &str| header.iter().position(|x| x == h).unwrap();
            let (id, body) = (col(id), col(body));
            for row in rd.records() {
                let row = row.unwrap();
                comments.push((name.into(), row[id].into(), row[body].into()));
            }
        };
        let read = |name: &str| std::fs::read(dir.join(name)).unwrap();
        let gbk = encoding_rs::GBK
            .decode(&read("hubin-2026-04.csv"))
            .0
            .into_owned();
        csv_file("hubin-2026-04.csv", gbk, "序号", "意见内容");
        let utf8 = |name: &str| String::from_utf8(read(name)).unwrap();
        csv_file(
            "yumincun-2026-05.csv",
            utf8("yumincun-2026-05.csv"),
            "编号",
            "内容",
        );
        csv_file(
            "lvxie-2026-05.csv",
            utf8("lvxie-2026-05.csv"),
            "序号",
            "意见内容",
        );
        for line in utf8("online-2026-05.jsonl").lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let s = |k: &str| v[k].as_str().unwrap().to_string();
            comments.push(("online-2026-05.jsonl".into(), s("id"), s("text")));
        }
        use calamine::Reader;
        let mut book = calamine::open_workbook_auto(dir.join("daxue-2026-04.xlsx")).unwrap();
        let sheet = book.worksheet_range("意见汇总").unwrap();
        let mut rows = sheet.rows();
        let header: Vec<String> = rows.next().unwrap().iter().map(|c| c.to_string()).collect();
        let col = |h: &str| header.iter().position(|x| x == h).unwrap();
        let (id, body) = (col("编号"), col("意见建议"));
        for row in rows {
            let name = "daxue-2026-04.xlsx".to_string();
            comments.push((name, row[id].to_string(), row[body].to_string()));
        }
        assert_eq!(comments.len(), 567);

        let index = |file: &str, r: &str| {
            comments
                .iter()
                .position(|(f, x, _)| f == file && x == r)
                .unwrap_or_else(|| panic!("{file} {r}")) as u32
        };
        let truth = |name: &str| -> Vec<Vec<String>> {
            utf8(name)
                .lines()
                .skip(1)
                .map(|l| l.split('\t').map(String::from).collect())
                .collect()
        };
        let mut campaign: Vec<u32> = truth("truth-campaign.tsv")
            .iter()
            .map(|r| index(&r[0], &r[1]))
            .collect();
        campaign.sort_unstable();
        let mut expected: Vec<Vec<u32>> = truth("truth-duplicates.tsv")
            .iter()
            .map(|r| {
                let (a, b) = (index(&r[0], &r[1]), index(&r[2], &r[3]));
                vec![a.min(b), a.max(b)]
            })
            .collect();
        assert_eq!((campaign.len(), expected.len()), (45, 15));
        expected.push(campaign.clone());
        expected.sort();

        let texts: Vec<&str> = comments.iter().map(|(_, _, t)| t.as_str()).collect();
        let g = group(&texts);
        assert_well_formed(&g, texts.len());
        let mut found = multi(&g);
        found.sort();
        assert_eq!(found, expected);
        assert_eq!(g.groups.len(), 567 - 15 - 44);
        let kind = |i: u32| g.groups[g.group_of[i as usize] as usize].kind;
        assert_eq!(kind(campaign[0]), GroupKind::Campaign);
        assert_eq!(
            kind(index("online-2026-05.jsonl", "OL0073")),
            GroupKind::Duplicate
        );
    }
}
