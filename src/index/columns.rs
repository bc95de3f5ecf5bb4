//! `index/columns-N.bin`: what a search counts and filters by, one value per comment ordinal —
//! regulation, contact point, kind, channel, date, articles cited, opinion group — and where
//! each comment lies in its batch file.
//!
//! A query's hits are ordinals in ascending order, so counting their facets walks these arrays
//! forwards, one small value per hit, straight from the memory-mapped file: a cold process
//! touches only the pages its hits lie on. Opinion groups live here, beside the index, so a new
//! copy that turns a duplicate into a campaign re-indexes nothing.
//!
//! Layout: `lifacol1`, the length of a JSON header (`n` comments, `m` article citations, the
//! regulations' and contact points' names), the header, then the arrays in [`Section`] order,
//! little-endian.

use serde::{Deserialize, Serialize};

const MAGIC: &[u8; 8] = b"lifacol1";

/// Everything the file holds, as vectors (built by an update, then written).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnsBuf {
    /// Comment id as a number ([`super::comment_key`]).
    pub key: Vec<u64>,
    /// Batch id as a number.
    pub batch: Vec<u64>,
    /// Byte offset of the comment's line in its batch file.
    pub offset: Vec<u64>,
    /// Index into `regs`.
    pub reg: Vec<u16>,
    /// Index into `sources`.
    pub source: Vec<u16>,
    /// Index into [`crate::comment::Kind::ALL`].
    pub kind: Vec<u8>,
    /// Index into [`crate::comment::Channel::ALL`].
    pub channel: Vec<u8>,
    /// Date received, days since 1970-01-01.
    pub received: Vec<i32>,
    /// 0 once the comment's batch file is gone.
    pub alive: Vec<u8>,
    /// The ordinal of the representative of the comment's opinion group.
    pub group: Vec<u32>,
    /// The size of that group.
    pub size: Vec<u32>,
    /// `art_start[o]..art_start[o + 1]`: the comment's articles in `art_keys`.
    pub art_start: Vec<u32>,
    /// Articles cited ([`super::article_key`]).
    pub art_keys: Vec<u64>,
    /// Regulation names.
    pub regs: Vec<String>,
    /// Contact point names.
    pub sources: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    n: usize,
    m: usize,
    /// Comments no longer alive.
    #[serde(default)]
    dead: usize,
    /// Distinct articles cited.
    #[serde(default)]
    k: usize,
    regs: Vec<String>,
    sources: Vec<String>,
}

/// The arrays, in file order.
#[derive(Debug, Clone, Copy)]
enum Section {
    /// Per comment, what a query reads for every hit, in one 16-byte record (one cache miss
    /// per hit, not one per column, and a million of them fit in a processor's last-level
    /// cache): received (4 bytes), first article (4), group (4), contact point (2), number of
    /// articles (1; 255 for 255 or more, which end where the next comment's begin), in a group
    /// of several << 7 | kind << 3 | channel (1).
    Rec,
    /// Per comment, what fewer queries read: key (8 bytes), group size (4; 0 once the
    /// comment's batch is gone), regulation (2), 2 unused.
    Cold,
    Batch,
    Offset,
    /// Keys sorted, for finding a comment's ordinal by its id.
    SortedKey,
    /// The ordinal of each of `SortedKey`.
    SortedOrd,
    /// Articles cited, each as its index in `ArtTable` (so counting them needs no hashing).
    ArtIds,
    /// The distinct articles cited, ascending.
    ArtTable,
}

const SECTIONS: [Section; 8] = [
    Section::Rec,
    Section::Cold,
    Section::Batch,
    Section::Offset,
    Section::SortedKey,
    Section::SortedOrd,
    Section::ArtIds,
    Section::ArtTable,
];

const REC: usize = 16;
const COLD: usize = 16;

impl Section {
    /// Bytes taken by `n` comments, `m` citations of `k` articles.
    fn len(self, n: usize, m: usize, k: usize) -> usize {
        match self {
            Section::Rec => REC * n,
            Section::Cold => COLD * n,
            Section::Batch | Section::Offset | Section::SortedKey => 8 * n,
            Section::SortedOrd => 4 * n,
            Section::ArtIds => 4 * m,
            Section::ArtTable => 8 * k,
        }
    }
}

impl ColumnsBuf {
    /// Comments held.
    pub fn len(&self) -> usize {
        self.key.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.key.is_empty()
    }

    /// The index of a name in a name list, added if new.
    pub fn intern(names: &mut Vec<String>, name: &str) -> u16 {
        match names.iter().position(|n| n == name) {
            Some(i) => i as u16,
            None => {
                names.push(name.to_string());
                (names.len() - 1).min(u16::MAX as usize) as u16
            }
        }
    }

    /// The file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let n = self.len();
        let m = self.art_keys.len();
        let mut table = self.art_keys.clone();
        table.sort_unstable();
        table.dedup();
        let k = table.len();
        let header = serde_json::to_vec(&Header {
            n,
            m,
            k,
            dead: self.alive.iter().filter(|&&a| a == 0).count(),
            regs: self.regs.clone(),
            sources: self.sources.clone(),
        })
        .unwrap_or_default();
        let mut sorted: Vec<(u64, u32)> = self
            .key
            .iter()
            .enumerate()
            .map(|(o, &k)| (k, o as u32))
            .collect();
        sorted.sort_unstable();
        let body: usize = SECTIONS.iter().map(|s| s.len(n, m, k)).sum();
        let mut out = Vec::with_capacity(12 + header.len() + body);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(header.len() as u32).to_le_bytes());
        out.extend_from_slice(&header);
        let mut art_start = self.art_start.clone();
        art_start.resize(n + 1, m as u32);
        for s in SECTIONS {
            match s {
                Section::Rec => {
                    for o in 0..n {
                        let (a, b) = (art_start[o], art_start[o + 1].max(art_start[o]));
                        out.extend(self.received[o].to_le_bytes());
                        out.extend(a.to_le_bytes());
                        out.extend(self.group[o].to_le_bytes());
                        out.extend(self.source[o].to_le_bytes());
                        out.push((b - a).min(255) as u8);
                        let grouped = self.size[o] > 1 && self.alive[o] != 0;
                        out.push(
                            u8::from(grouped) << 7
                                | (self.kind[o] & 7) << 3
                                | (self.channel[o] & 7),
                        );
                    }
                }
                Section::Cold => {
                    for o in 0..n {
                        let size = if self.alive[o] == 0 {
                            0
                        } else {
                            self.size[o].max(1)
                        };
                        out.extend(self.key[o].to_le_bytes());
                        out.extend(size.to_le_bytes());
                        out.extend(self.reg[o].to_le_bytes());
                        out.extend([0, 0]);
                    }
                }
                Section::Batch => self.batch.iter().for_each(|v| out.extend(v.to_le_bytes())),
                Section::Offset => self.offset.iter().for_each(|v| out.extend(v.to_le_bytes())),
                Section::SortedKey => sorted.iter().for_each(|v| out.extend(v.0.to_le_bytes())),
                Section::SortedOrd => sorted.iter().for_each(|v| out.extend(v.1.to_le_bytes())),
                Section::ArtIds => self.art_keys.iter().for_each(|key| {
                    let id = table.binary_search(key).unwrap_or(0) as u32;
                    out.extend(id.to_le_bytes());
                }),
                Section::ArtTable => table.iter().for_each(|v| out.extend(v.to_le_bytes())),
            }
        }
        out
    }
}

/// A comment's record, decoded (see [`Section::Rec`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct Rec {
    /// See [`ColumnsBuf::received`].
    pub received: i32,
    art: u32,
    /// See [`ColumnsBuf::group`].
    pub group: u32,
    /// See [`ColumnsBuf::source`].
    pub source: u16,
    nart: u8,
    /// Whether the comment's group holds others too.
    pub grouped: bool,
    /// See [`ColumnsBuf::kind`].
    pub kind: u8,
    /// See [`ColumnsBuf::channel`].
    pub channel: u8,
}

impl Rec {
    fn decode(b: &[u8; REC]) -> Rec {
        let u32_at = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        Rec {
            received: u32_at(0) as i32,
            art: u32_at(4),
            group: u32_at(8),
            source: u16::from_le_bytes([b[12], b[13]]),
            nart: b[14],
            grouped: b[15] >> 7 != 0,
            kind: b[15] >> 3 & 7,
            channel: b[15] & 7,
        }
    }
}

/// The file, read in place.
pub struct Columns<B> {
    bytes: B,
    n: usize,
    m: usize,
    k: usize,
    dead: usize,
    /// Regulation names.
    pub regs: Vec<String>,
    /// Contact point names.
    pub sources: Vec<String>,
    at: [usize; 8],
}

macro_rules! read {
    ($self:ident, $sec:expr, $ty:ty, $i:expr) => {{
        const W: usize = std::mem::size_of::<$ty>();
        let at = $self.at[$sec as usize] + W * $i;
        <$ty>::from_le_bytes($self.bytes[at..at + W].try_into().unwrap_or([0; W]))
    }};
}

impl<B: std::ops::Deref<Target = [u8]>> Columns<B> {
    /// Checks the header and the length; `None` if the bytes are not a columns file.
    pub fn new(bytes: B) -> Option<Columns<B>> {
        if bytes.len() < 12 || &bytes[..8] != MAGIC {
            return None;
        }
        let hlen = u32::from_le_bytes(bytes[8..12].try_into().ok()?) as usize;
        let header: Header = serde_json::from_slice(bytes.get(12..12 + hlen)?).ok()?;
        let (n, m, k) = (header.n, header.m, header.k);
        let mut at = [0usize; 8];
        let mut pos = 12 + hlen;
        for s in SECTIONS {
            at[s as usize] = pos;
            pos += s.len(n, m, k);
        }
        if bytes.len() != pos {
            return None;
        }
        Some(Columns {
            bytes,
            n,
            m,
            k,
            dead: header.dead,
            regs: header.regs,
            sources: header.sources,
            at,
        })
    }

    /// Comments held (ordinals `0..len`).
    pub fn len(&self) -> usize {
        self.n
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Bytes `at..at + W` of a comment's record.
    #[inline]
    fn rec<const W: usize>(&self, o: u32, at: usize) -> [u8; W] {
        let i = self.at[Section::Rec as usize] + REC * o as usize + at;
        self.bytes[i..i + W].try_into().unwrap_or([0; W])
    }

    /// Bytes `at..at + W` of a comment's cold record.
    #[inline]
    fn cold<const W: usize>(&self, o: u32, at: usize) -> [u8; W] {
        let i = self.at[Section::Cold as usize] + COLD * o as usize + at;
        self.bytes[i..i + W].try_into().unwrap_or([0; W])
    }

    /// See [`ColumnsBuf::key`].
    #[inline]
    pub fn key(&self, o: u32) -> u64 {
        u64::from_le_bytes(self.cold(o, 0))
    }
    /// See [`ColumnsBuf::size`] (0 for a comment no longer alive).
    #[inline]
    pub fn size(&self, o: u32) -> u32 {
        u32::from_le_bytes(self.cold(o, 8))
    }
    /// See [`ColumnsBuf::reg`].
    #[inline]
    pub fn reg(&self, o: u32) -> u16 {
        u16::from_le_bytes(self.cold(o, 12))
    }
    /// See [`ColumnsBuf::alive`].
    #[inline]
    pub fn alive(&self, o: u32) -> bool {
        self.size(o) != 0
    }
    /// See [`ColumnsBuf::batch`].
    #[inline]
    pub fn batch(&self, o: u32) -> u64 {
        read!(self, Section::Batch, u64, o as usize)
    }
    /// See [`ColumnsBuf::offset`].
    #[inline]
    pub fn offset(&self, o: u32) -> u64 {
        read!(self, Section::Offset, u64, o as usize)
    }

    /// Comments still alive.
    pub fn live(&self) -> usize {
        self.n - self.dead
    }

    /// Whether some comments are no longer alive.
    pub fn has_dead(&self) -> bool {
        self.dead > 0
    }

    /// The record of a comment.
    #[inline]
    pub fn rec_of(&self, o: u32) -> Rec {
        Rec::decode(&self.rec(o, 0))
    }

    /// Visits the records of many comments (a query's hits): `f(i, ords[i], record)`. They are
    /// copied a chunk at a time, in a loop that does nothing else, so the processor fetches
    /// many at once: a query's hits are spread over the whole file and each record is a cache
    /// miss.
    pub fn visit(&self, ords: &[u32], mut f: impl FnMut(usize, u32, &Rec)) {
        const CHUNK: usize = 1024;
        let mut raw: Vec<[u8; REC]> = Vec::with_capacity(CHUNK.min(ords.len()));
        for (c, chunk) in ords.chunks(CHUNK).enumerate() {
            raw.clear();
            raw.extend(chunk.iter().map(|&o| self.rec::<REC>(o, 0)));
            for (j, (&o, r)) in chunk.iter().zip(&raw).enumerate() {
                f(c * CHUNK + j, o, &Rec::decode(r));
            }
        }
    }

    /// The articles of comment `o`, whose record is `r`, as indexes into the table of
    /// articles cited.
    pub fn articles_of(&self, o: u32, r: &Rec) -> impl Iterator<Item = u32> + '_ {
        let a = r.art as usize;
        let end = if r.nart < u8::MAX {
            a + usize::from(r.nart)
        } else if (o as usize) + 1 < self.n {
            // 255 or more: they run up to the next comment's first.
            u32::from_le_bytes(self.rec::<4>(o + 1, 4)) as usize
        } else {
            self.m
        };
        (a..end.min(self.m)).map(move |i| read!(self, Section::ArtIds, u32, i))
    }

    /// How many distinct articles are cited.
    pub fn article_count(&self) -> usize {
        self.k
    }

    /// The article ([`super::article_key`]) of an index into the table.
    pub fn article_key(&self, id: u32) -> u64 {
        if (id as usize) < self.k {
            read!(self, Section::ArtTable, u64, id as usize)
        } else {
            0
        }
    }

    /// The index of an article in the table.
    pub fn article_id(&self, key: u64) -> Option<u32> {
        let (mut lo, mut hi) = (0, self.k);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match read!(self, Section::ArtTable, u64, mid).cmp(&key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid as u32),
            }
        }
        None
    }

    /// The ordinal of a comment id's key: its live row if it has one (a batch indexed again
    /// leaves its comments' old rows behind, dead, under the same keys).
    pub fn ord_of(&self, key: u64) -> Option<u32> {
        let (mut lo, mut hi) = (0, self.n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if read!(self, Section::SortedKey, u64, mid) < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let mut first = None;
        for i in (lo..self.n).take_while(|&i| read!(self, Section::SortedKey, u64, i) == key) {
            let o = read!(self, Section::SortedOrd, u32, i);
            if self.alive(o) {
                return Some(o);
            }
            first.get_or_insert(o);
        }
        first
    }

    /// Every value, as vectors (for an update).
    pub fn to_buf(&self) -> ColumnsBuf {
        let n = self.n as u32;
        let recs: Vec<Rec> = (0..n).map(|o| self.rec_of(o)).collect();
        ColumnsBuf {
            key: (0..n).map(|o| self.key(o)).collect(),
            batch: (0..n).map(|o| self.batch(o)).collect(),
            offset: (0..n).map(|o| self.offset(o)).collect(),
            reg: (0..n).map(|o| self.reg(o)).collect(),
            source: recs.iter().map(|r| r.source).collect(),
            kind: recs.iter().map(|r| r.kind).collect(),
            channel: recs.iter().map(|r| r.channel).collect(),
            received: recs.iter().map(|r| r.received).collect(),
            alive: (0..n).map(|o| u8::from(self.alive(o))).collect(),
            group: recs.iter().map(|r| r.group).collect(),
            size: (0..n).map(|o| self.size(o).max(1)).collect(),
            art_start: recs
                .iter()
                .map(|r| r.art)
                .chain(std::iter::once(self.m as u32))
                .collect(),
            art_keys: (0..self.m)
                .map(|i| self.article_key(read!(self, Section::ArtIds, u32, i)))
                .collect(),
            regs: self.regs.clone(),
            sources: self.sources.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A comment may cite more articles than a record's count byte holds (an expert's review
    /// of a long code): all of them are read back, before another comment and as the last one.
    #[test]
    fn a_comment_citing_hundreds_of_articles_keeps_them_all() {
        let mut b = ColumnsBuf::default();
        let cited = [300u64, 2, 255, 256];
        for (o, &k) in cited.iter().enumerate() {
            b.key.push(o as u64 + 1);
            b.batch.push(1);
            b.offset.push(o as u64);
            b.reg.push(ColumnsBuf::intern(&mut b.regs, "minfadian"));
            b.source.push(ColumnsBuf::intern(&mut b.sources, "甲"));
            b.kind.push(0);
            b.channel.push(0);
            b.received.push(20_000);
            b.alive.push(1);
            b.group.push(o as u32);
            b.size.push(1);
            b.art_start.push(b.art_keys.len() as u32);
            b.art_keys.extend((0..k).map(|a| a * 7 + o as u64));
        }
        b.art_start.push(b.art_keys.len() as u32);
        let c = Columns::new(b.to_bytes()).unwrap();
        for (o, &k) in cited.iter().enumerate() {
            let o = o as u32;
            let got: Vec<u64> = c
                .articles_of(o, &c.rec_of(o))
                .map(|id| c.article_key(id))
                .collect();
            let want: Vec<u64> = (0..k).map(|a| a * 7 + u64::from(o)).collect();
            assert_eq!(got, want, "comment {o}");
        }
    }

    #[test]
    fn round_trip() {
        let mut b = ColumnsBuf::default();
        for (o, key) in [(0u32, 900u64), (1, 7), (2, 55)] {
            b.key.push(key);
            b.batch.push(3);
            b.offset.push(u64::from(o) * 100);
            b.reg.push(ColumnsBuf::intern(&mut b.regs, "qinglanhu"));
            b.source.push(ColumnsBuf::intern(
                &mut b.sources,
                ["甲", "乙", "甲"][o as usize],
            ));
            b.kind.push(o as u8);
            b.channel.push(2);
            b.received.push(20_000 + o as i32);
            b.alive.push(u8::from(o != 1));
            b.group.push(if o == 2 { 0 } else { o });
            b.size.push(if o == 1 { 1 } else { 2 });
            b.art_start.push(b.art_keys.len() as u32);
            b.art_keys.extend((0..o).map(u64::from));
        }
        b.art_start.push(b.art_keys.len() as u32);
        let c = Columns::new(b.to_bytes()).unwrap();
        assert_eq!(c.to_buf(), b);
        assert_eq!(c.ord_of(55), Some(2));
        assert_eq!(c.ord_of(8), None);
        // A key whose comment was indexed again: its live row, whichever comes first.
        for dead_first in [true, false] {
            let mut d = b.clone();
            let o = d.len();
            for v in [&mut d.key, &mut d.batch, &mut d.offset] {
                v.push(v[2]);
            }
            d.reg.push(d.reg[2]);
            d.source.push(d.source[2]);
            d.kind.push(d.kind[2]);
            d.channel.push(d.channel[2]);
            d.received.push(d.received[2]);
            d.group.push(o as u32);
            d.size.push(1);
            d.alive.push(1);
            d.art_start.push(d.art_keys.len() as u32);
            if dead_first {
                d.alive[2] = 0;
            } else {
                d.alive[o] = 0;
            }
            let c = Columns::new(d.to_bytes()).unwrap();
            let want = if dead_first { o as u32 } else { 2 };
            assert_eq!(c.ord_of(55), Some(want), "dead first: {dead_first}");
        }
        let articles: Vec<u64> = c
            .articles_of(2, &c.rec_of(2))
            .map(|id| c.article_key(id))
            .collect();
        assert_eq!(articles, [0, 1]);
        assert!(!c.alive(1));
        assert_eq!(c.sources[usize::from(c.rec_of(2).source)], "甲");
        assert!(c.rec_of(0).grouped && !c.rec_of(1).grouped);
        assert!(Columns::new(b"lifacol1\0\0\0\0".to_vec()).is_none());
    }
}
