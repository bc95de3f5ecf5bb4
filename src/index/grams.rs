//! Character-pair postings by comment ordinal (`index/grams-N.bin`): what makes every search
//! find exactly the comments that contain the query text.
//!
//! Every character of a text gives one pair, the character and the next one (the last
//! character pairs with [`END`]), at the character's position; characters are folded as
//! [`fold`] folds them. A query of one character is the union of the pairs it starts, a query
//! of two characters one pair, a longer one the comments where its pairs follow one another.
//!
//! These postings are built by lifa, not by tantivy: a million comments hold about 76 million
//! pairs, and hashing each of them through tantivy's postings writer cost more than all the rest
//! of indexing together. Here each pair is looked up once in a small hash table of the pairs
//! seen, then the postings are laid out by counting sort and written with variable-length
//! integers. tantivy keeps the jieba words that rank the hits.
//!
//! A segment file: `lifagrm2`, the number of pairs `n`, the lowest and highest ordinal, the
//! pairs' keys in ascending order (`u64`: first character << 32 | second), `n + 1` offsets into
//! the postings, then each pair's postings: per comment the ordinal's difference from the
//! previous one, the length in bytes of its positions, and the positions' differences (LEB128).
//! The length lets a reader that needs only the comments, or only some of them, step over the
//! positions without decoding them.

use std::path::Path;

use rustc_hash::FxHashMap;

use super::tokens::{END, fold};

const MAGIC: &[u8; 8] = b"lifagrm2";
const HEADER: usize = 8 + 8 + 4 + 4;

fn key(a: char, b: char) -> u64 {
    u64::from(a as u32) << 32 | u64::from(b as u32)
}

/// Collects the pairs of comments, in ascending ordinal order, into one segment.
#[derive(Default)]
pub struct GramBuilder {
    term_of: FxHashMap<u64, u32>,
    keys: Vec<u64>,
    counts: Vec<u32>,
    /// The pair of every character, comment after comment.
    entries: Vec<u32>,
    /// `(ordinal, first entry)` of each comment.
    docs: Vec<(u32, u32)>,
}

impl GramBuilder {
    /// Adds a comment (ordinals must ascend).
    pub fn add(&mut self, ord: u32, text: &str) {
        if text.is_empty() {
            return;
        }
        self.docs.push((ord, self.entries.len() as u32));
        let mut chars = text.chars().map(fold).peekable();
        while let Some(c) = chars.next() {
            let k = key(c, chars.peek().copied().unwrap_or(END));
            let next = self.keys.len() as u32;
            let t = *self.term_of.entry(k).or_insert(next);
            if t == next {
                self.keys.push(k);
                self.counts.push(0);
            }
            self.counts[t as usize] += 1;
            self.entries.push(t);
        }
    }

    /// Characters added so far.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing was added.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The segment file's bytes.
    pub fn finish(self) -> Vec<u8> {
        let n = self.keys.len();
        // Counting sort: each pair's (ordinal, position) entries, in comment order.
        let mut start = Vec::with_capacity(n + 1);
        let mut at = 0u32;
        for c in &self.counts {
            start.push(at);
            at += c;
        }
        start.push(at);
        let mut fill = start.clone();
        let mut slots = vec![(0u32, 0u32); self.entries.len()];
        for (d, &(ord, first)) in self.docs.iter().enumerate() {
            let end = self
                .docs
                .get(d + 1)
                .map_or(self.entries.len(), |x| x.1 as usize);
            for (i, &t) in self.entries[first as usize..end].iter().enumerate() {
                let s = &mut fill[t as usize];
                slots[*s as usize] = (ord, i as u32);
                *s += 1;
            }
        }
        drop(self.entries);
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_unstable_by_key(|&t| self.keys[t as usize]);
        let mut data = Vec::with_capacity(slots.len() * 3);
        let mut offsets = Vec::with_capacity(n + 1);
        let mut positions = Vec::new();
        for &t in &order {
            offsets.push(data.len() as u64);
            let run = &slots[start[t as usize] as usize..start[t as usize + 1] as usize];
            let mut prev_ord = 0u32;
            let mut i = 0;
            while i < run.len() {
                let ord = run[i].0;
                let mut j = i;
                while j < run.len() && run[j].0 == ord {
                    j += 1;
                }
                put(&mut data, ord - prev_ord);
                positions.clear();
                let mut prev = 0;
                for &(_, p) in &run[i..j] {
                    put(&mut positions, p - prev);
                    prev = p;
                }
                put(&mut data, positions.len() as u32);
                data.extend_from_slice(&positions);
                prev_ord = ord;
                i = j;
            }
        }
        offsets.push(data.len() as u64);
        let lo = self.docs.first().map_or(0, |d| d.0);
        let hi = self.docs.last().map_or(0, |d| d.0);
        let mut out = Vec::with_capacity(HEADER + 16 * n + 8 + data.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(n as u64).to_le_bytes());
        out.extend_from_slice(&lo.to_le_bytes());
        out.extend_from_slice(&hi.to_le_bytes());
        for &t in &order {
            out.extend_from_slice(&self.keys[t as usize].to_le_bytes());
        }
        for o in offsets {
            out.extend_from_slice(&o.to_le_bytes());
        }
        out.extend_from_slice(&data);
        out
    }
}

fn put(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

#[inline(always)]
fn get(data: &[u8], at: &mut usize) -> u32 {
    // Most differences fit in one byte.
    match data.get(*at) {
        Some(&b) if b < 0x80 => {
            *at += 1;
            u32::from(b)
        }
        _ => get_long(data, at),
    }
}

/// Reads a comment's entry header at `*at`: adds its ordinal's difference to `*ord`, reads the
/// length of its positions, leaves `*at` on the first position and returns where they end.
#[inline(always)]
fn entry(data: &[u8], at: &mut usize, ord: &mut u32) -> usize {
    *ord += get(data, at);
    let len = get(data, at) as usize;
    (*at + len).min(data.len())
}

#[inline(never)]
fn get_long(data: &[u8], at: &mut usize) -> u32 {
    let mut v = 0u32;
    let mut shift = 0;
    while let Some(&b) = data.get(*at) {
        *at += 1;
        v |= u32::from(b & 0x7F) << shift;
        if b < 0x80 {
            break;
        }
        shift += 7;
    }
    v
}

/// A segment file, read in place (memory-mapped by the caller).
pub struct GramSegment<B> {
    bytes: B,
    n: usize,
    lo: u32,
    hi: u32,
}

/// One pair's postings, decoded.
#[derive(Default)]
struct Postings {
    ords: Vec<u32>,
    /// `starts[i]..starts[i + 1]`: positions of `ords[i]` in `pos`.
    starts: Vec<u32>,
    pos: Vec<u32>,
}

impl<B: std::ops::Deref<Target = [u8]>> GramSegment<B> {
    /// Checks the header; `None` if the bytes are not a segment file.
    pub fn new(bytes: B) -> Option<GramSegment<B>> {
        if bytes.len() < HEADER || &bytes[..8] != MAGIC {
            return None;
        }
        let n = u64::from_le_bytes(bytes[8..16].try_into().ok()?) as usize;
        let lo = u32::from_le_bytes(bytes[16..20].try_into().ok()?);
        let hi = u32::from_le_bytes(bytes[20..24].try_into().ok()?);
        if bytes.len() < HEADER + 16 * n + 8 {
            return None;
        }
        Some(GramSegment { bytes, n, lo, hi })
    }

    fn key(&self, i: usize) -> u64 {
        let at = HEADER + 8 * i;
        u64::from_le_bytes(self.bytes[at..at + 8].try_into().unwrap_or_default())
    }

    fn offset(&self, i: usize) -> usize {
        let at = HEADER + 8 * self.n + 8 * i;
        u64::from_le_bytes(self.bytes[at..at + 8].try_into().unwrap_or_default()) as usize
    }

    fn data(&self, i: usize) -> &[u8] {
        let base = HEADER + 16 * self.n + 8;
        let (a, b) = (self.offset(i), self.offset(i + 1));
        self.bytes.get(base + a..base + b).unwrap_or_default()
    }

    /// The first pair whose key is not below `k`.
    fn lower_bound(&self, k: u64) -> usize {
        let (mut lo, mut hi) = (0, self.n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.key(mid) < k {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    fn find(&self, k: u64) -> Option<usize> {
        let i = self.lower_bound(k);
        (i < self.n && self.key(i) == k).then_some(i)
    }

    /// Ordinals of one pair's postings, appended to `out` (ascending).
    fn ords_into(&self, i: usize, out: &mut Vec<u32>) {
        let data = self.data(i);
        let (mut at, mut ord) = (0, 0u32);
        while at < data.len() {
            at = entry(data, &mut at, &mut ord);
            out.push(ord);
        }
    }

    fn postings(&self, i: usize) -> Postings {
        let data = self.data(i);
        let mut p = Postings::default();
        let (mut at, mut ord) = (0, 0u32);
        while at < data.len() {
            let end = entry(data, &mut at, &mut ord);
            p.ords.push(ord);
            p.starts.push(p.pos.len() as u32);
            let mut pos = 0;
            while at < end {
                pos += get(data, &mut at);
                p.pos.push(pos);
            }
        }
        p.starts.push(p.pos.len() as u32);
        p
    }

    /// Ordinals where pair `terms[i]` occurs at `p + i` for every `i`, appended to `out`.
    ///
    /// The pair with the shortest postings is decoded first: its comments, and in each the
    /// positions where the phrase could start, are the candidates. Every other pair's
    /// postings are then walked once, from the rarest, keeping the starts it confirms, and
    /// only as far as the last candidate left.
    fn phrase(&self, terms: &[usize], out: &mut Vec<u32>) {
        let mut order: Vec<usize> = (0..terms.len()).collect();
        order.sort_by_key(|&i| self.data(terms[i]).len());
        let first = order[0];
        let p = self.postings(terms[first]);
        // Candidates: (ordinal, range of its starts in `starts`).
        let mut cands: Vec<(u32, u32, u32)> = Vec::with_capacity(p.ords.len());
        let mut starts: Vec<u32> = Vec::new();
        for (k, &ord) in p.ords.iter().enumerate() {
            let from = starts.len() as u32;
            for &pos in &p.pos[p.starts[k] as usize..p.starts[k + 1] as usize] {
                if let Some(s) = pos.checked_sub(first as u32) {
                    starts.push(s);
                }
            }
            if starts.len() as u32 > from {
                cands.push((ord, from, starts.len() as u32));
            }
        }
        let mut positions: Vec<u32> = Vec::new();
        for &li in &order[1..] {
            if cands.is_empty() {
                return;
            }
            let data = self.data(terms[li]);
            let (mut at, mut ord, mut c) = (0usize, 0u32, 0usize);
            let mut kept = 0usize;
            while at < data.len() && c < cands.len() {
                let end = entry(data, &mut at, &mut ord);
                while c < cands.len() && cands[c].0 < ord {
                    c += 1;
                }
                if c < cands.len() && cands[c].0 == ord {
                    positions.clear();
                    let mut pos = 0;
                    while at < end {
                        pos += get(data, &mut at);
                        positions.push(pos);
                    }
                    let (o, a, b) = cands[c];
                    let mut w = a;
                    for r in a..b {
                        let s = starts[r as usize];
                        if positions.binary_search(&(s + li as u32)).is_ok() {
                            starts[w as usize] = s;
                            w += 1;
                        }
                    }
                    if w > a {
                        cands[kept] = (o, a, w);
                        kept += 1;
                    }
                    c += 1;
                } else {
                    at = end;
                }
            }
            cands.truncate(kept);
        }
        out.extend(cands.iter().map(|c| c.0));
    }

    /// The ordinals of this segment's comments that contain `chars` (folded), ascending,
    /// appended to `out` (a query's hits over every segment are one list, never copied from
    /// one per segment).
    pub fn containing_into(&self, chars: &[char], out: &mut Vec<u32>) {
        match chars {
            [] => {}
            [c] => {
                let (a, b) = (
                    self.lower_bound(key(*c, '\0')),
                    self.lower_bound(u64::from(*c as u32 + 1) << 32),
                );
                if b == a + 1 {
                    self.ords_into(a, out);
                } else if b > a {
                    let span = (self.hi - self.lo) as usize + 1;
                    let mut bits = vec![0u64; span.div_ceil(64)];
                    let mut ords = Vec::new();
                    for i in a..b {
                        ords.clear();
                        self.ords_into(i, &mut ords);
                        for &o in &ords {
                            let d = o.wrapping_sub(self.lo) as usize;
                            if let Some(w) = bits.get_mut(d / 64) {
                                *w |= 1 << (d % 64);
                            }
                        }
                    }
                    out.reserve(bits.iter().map(|w| w.count_ones() as usize).sum());
                    for (w, &word) in bits.iter().enumerate() {
                        let mut word = word;
                        while word != 0 {
                            let b = word.trailing_zeros() as usize;
                            out.push(self.lo + (w * 64 + b) as u32);
                            word &= word - 1;
                        }
                    }
                }
            }
            [a, b] => {
                if let Some(i) = self.find(key(*a, *b)) {
                    self.ords_into(i, out);
                }
            }
            _ => {
                let mut terms = Vec::with_capacity(chars.len() - 1);
                for w in chars.windows(2) {
                    match self.find(key(w[0], w[1])) {
                        Some(i) => terms.push(i),
                        None => return,
                    }
                }
                self.phrase(&terms, out);
            }
        }
    }
}

/// Writes a segment file.
pub fn write(path: &Path, builder: GramBuilder) -> crate::error::Result<()> {
    crate::store::write_atomic(path, &builder.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn containing(seg: &GramSegment<Vec<u8>>, chars: &[char]) -> Vec<u32> {
        let mut out = Vec::new();
        seg.containing_into(chars, &mut out);
        out
    }

    fn segment(texts: &[&str]) -> GramSegment<Vec<u8>> {
        let mut b = GramBuilder::default();
        for (i, t) in texts.iter().enumerate() {
            b.add(i as u32 * 3 + 5, t);
        }
        GramSegment::new(b.finish()).unwrap()
    }

    #[test]
    fn finds_exactly_the_texts_that_contain_the_query() {
        let texts = [
            "建议禁止网箱养殖，保护青澜湖。",
            "网箱养鱼要管，养殖户也要补偿",
            "湖",
            "ＡＰＰ举报太难",
            "哈哈哈哈",
            "",
            "青澜湖湖边的网箱养殖户",
        ];
        let seg = segment(&texts);
        for q in [
            "网箱养殖",
            "网箱",
            "湖",
            "养",
            "app",
            "哈哈哈",
            "哈哈哈哈哈",
            "湖。",
            "，",
            "青澜湖湖",
            "不存在",
            "殖户",
        ] {
            let chars: Vec<char> = q.chars().map(fold).collect();
            let want: Vec<u32> = texts
                .iter()
                .enumerate()
                .filter(|(_, t)| crate::search::contains_folded(t, q))
                .map(|(i, _)| i as u32 * 3 + 5)
                .collect();
            assert_eq!(containing(&seg, &chars), want, "{q}");
        }
    }

    /// A comment with more than 127 bytes of positions for one pair (a length of two bytes),
    /// between comments that have the same pair: each is stepped over or read correctly.
    #[test]
    fn long_runs_of_positions() {
        let long = format!("{}湖{}", "哈".repeat(300), "网箱".repeat(100));
        let texts = ["哈哈湖", long.as_str(), "网箱哈哈", "湖哈哈"];
        let seg = segment(&texts);
        for q in ["哈哈", "哈湖", "湖哈", "哈哈哈", "箱网箱", "网箱哈", "湖网"] {
            let chars: Vec<char> = q.chars().collect();
            let want: Vec<u32> = texts
                .iter()
                .enumerate()
                .filter(|(_, t)| t.contains(q))
                .map(|(i, _)| i as u32 * 3 + 5)
                .collect();
            assert_eq!(containing(&seg, &chars), want, "{q}");
        }
    }

    #[test]
    fn rejects_other_files() {
        assert!(GramSegment::new(b"not a segment".to_vec()).is_none());
        assert!(GramSegment::new(Vec::new()).is_none());
    }
}
