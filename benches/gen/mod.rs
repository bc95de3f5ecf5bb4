//! Synthetic citizens' comments on the sample regulation (`drafts/qinglanhu/v1.md`, 青澜湖保护条例
//! 一审稿), for benchmarks that need many realistic rows: the import benchmark (100,000 rows) and
//! the search benchmark (a million). Deterministic from a seed, no dependencies beyond the crate's
//! own, and fast on one core: 0.73–0.85 million comments a second in memory (benches/README.md
//! for the writers).
//!
//! What the rows look like, after the hand-made uploads in `tests/fixtures/uploads/`:
//! - texts of 30–200 characters (84.7 on average) composed sentence by sentence: a topic of the
//!   regulation (网箱养殖, 禁渔期, 垂钓, 垃圾, 生态补偿… 41 in all), an optional greeting and
//!   self-introduction, then observations, proposals behind varied openers (建议, 希望, 强烈呼吁,
//!   能不能…？, 麻烦领导研究一下，…), reasons, consequences and feelings in one of several orders,
//!   sometimes a second proposal on another topic; expert wording (建议将“A”修改为“B”，理由…
//!   《…法》第N条), fishermen's colloquial speech, deputies', departments' and firms' voices, and
//!   off-topic remarks. Every sentence is a template with choices (`{a|b|c}`, nested, compiled
//!   once) and slots (place, river, person, number, time, who, the topic's nouns, article,
//!   department, law); [`SYNONYMS`] turns some 160 common words of the material (现在, 湖边,
//!   经常, 群众, 明确…) into choices of their variants, and generic sentences and proposals
//!   about any of a topic's nouns ([`GENERIC_OBS`], [`GENERIC_PROPS`]) mix with each topic's own.
//!   Invented place and person names (荻家湾, 鹭埠村, 石小琳) that are not in jieba's dictionary;
//!   occasional Latin letters and digits (App, COD, GPS, 12345), ASCII commas and quotes, and a
//!   few cells with line breaks;
//! - ≈2% exact repeats of an earlier text (another submitter) and ≈1% near-copies of one of six
//!   campaign texts (联名). Nothing else repeats much: 2.3% of 100,000 texts and 2.4% of a
//!   million equal an earlier one after `lifa::group::normalize`, and `lifa::group::group` puts
//!   9.5% of 200,000 texts (seed 2026) in groups of two or more — the repeats, the six campaigns
//!   (320–400 texts each) and groups of at most ≈120 texts making the same point on one article
//!   (the generator before 2026-11-27: 90.8%, one group of 159,724; grouping the 200,000 took
//!   1.1 s instead of 2.6 s). jieba-rs `cut_for_search` segments these texts at about the speed
//!   of real legal text (38 MB/s against 36–38 MB/s over the laws of the shared corpus on one
//!   core; before: 49 MB/s, repeated sentences segment faster);
//! - an article column written as staff write it (空, 第十二条, 第12条, 第十二条第二款,
//!   第十四条第（三）项, 第三章, 第三十条、第三十一条, 总体), submitter kinds skewed to 群众, 30 contact
//!   points, seven channels, three date spellings, and fake phones (`1390000xxxx`) or e-mails
//!   (`@example.com`). Every name, phone and address is invented.
//!
//! Hits of the search benchmark's words in 200,000 texts (seed 2026; substring counts):
//! 基层立法联系点 0, 人民代表大会常务委员会 0, 饮用水水源保护区 1,929, 中华人民共和国 6,808,
//! 盐子埠 5, 荻港村 1,956, 地笼 5,285, App 2,867, 湖 132,560, 鱼 35,415, 垃圾 14,313, 罚款 15,470,
//! 游船 6,412, 网箱养殖 6,700, 禁止垂钓 1,730, 别光写在纸上 7,271, 禁渔期 11,511, 垂钓 9,818,
//! 钓鱼 4,068; 网箱养殖 AND 禁渔期 99, 垂钓 OR 钓鱼 11,557, 游船 NOT 罚款 6,245, 罚款 by 专家
//! 2,948.
//!
//! Every row passes `lifa import` validation (kind, channel, date and contact point are always
//! valid) without a warning (a cited 款 or 项 exists in the first draft), so a batch of them is
//! stored whole. [`self_check`] tests the generator's promises; call it once from a benchmark.
//!
//! Used as `#[path = "gen/mod.rs"] mod generator;` (`gen` is a reserved word in Rust 2024).

// Shared by several benchmarks; each uses part of it.
#![allow(dead_code)]

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::sync::OnceLock;

/// One comment as a contact point exports it (the columns of `hubin-2026-04.csv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 序号: 1, 2, 3…
    pub id: String,
    /// 条款: `第十二条`, `第12条`, empty, `第三章`, `第十二条第二款`…
    pub article: String,
    /// 意见内容: 30–200 characters.
    pub text: String,
    /// 提出人: a person, a screen name, `匿名`, a department, an organisation, a firm, or empty.
    pub name: String,
    /// 提出人类型: 群众 专家 人大代表 部门 社会组织 企业 (mostly 群众).
    pub kind: &'static str,
    /// 联系点: one of 30 contact points.
    pub source: String,
    /// 渠道: 面对面 网上 掌上 屏对屏 座谈会 问卷 信函.
    pub channel: &'static str,
    /// 日期: `2026-04-08`, `2026/4/8` or `2026年4月8日`, between 2026-03-21 and 2026-05-31.
    pub date: String,
    /// 联系方式: `1390000xxxx`, `qlh123@example.com` or empty.
    pub contact: String,
}

/// The CSV header, as `hubin-2026-04.csv` has it.
pub const CSV_HEADER: [&str; 9] = [
    "序号",
    "条款",
    "意见内容",
    "提出人",
    "提出人类型",
    "联系点",
    "渠道",
    "日期",
    "联系方式",
];

/// `n` comments, the same for the same seed.
pub fn rows(n: usize, seed: u64) -> impl Iterator<Item = Row> {
    let mut g = Generator::new(seed);
    (0..n).map(move |i| g.row(i))
}

/// What a writer wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Data rows (the header not counted).
    pub rows: usize,
    /// File size in bytes.
    pub bytes: u64,
}

/// Writes rows as Chinese Excel saves CSV: GBK, CRLF, no BOM, header `序号,条款,意见内容,…`.
pub fn write_csv_gbk(
    path: impl AsRef<Path>,
    rows: impl IntoIterator<Item = Row>,
) -> io::Result<Written> {
    let sink = GbkSink {
        file: File::create(path)?,
        utf8: Vec::with_capacity(1 << 20),
        gbk: Vec::with_capacity(1 << 20),
        bytes: 0,
    };
    let mut w = csv_writer(sink);
    w.write_record(CSV_HEADER)?;
    let mut n = 0;
    for row in rows {
        write_record(&mut w, &row)?;
        n += 1;
    }
    w.flush()?;
    let mut sink = w.into_inner().map_err(|e| e.into_error())?;
    sink.encode(sink.utf8.len())?;
    Ok(Written {
        rows: n,
        bytes: sink.bytes,
    })
}

/// Writes rows as Excel's "CSV UTF-8": UTF-8 with BOM, CRLF.
pub fn write_csv_utf8(
    path: impl AsRef<Path>,
    rows: impl IntoIterator<Item = Row>,
) -> io::Result<Written> {
    let mut file = BufWriter::with_capacity(1 << 20, File::create(path)?);
    file.write_all(b"\xEF\xBB\xBF")?;
    let mut w = csv_writer(file);
    w.write_record(CSV_HEADER)?;
    let mut n = 0;
    for row in rows {
        write_record(&mut w, &row)?;
        n += 1;
    }
    w.flush()?;
    let file = w.into_inner().map_err(|e| e.into_error())?;
    let file = file.into_inner().map_err(|e| e.into_error())?;
    Ok(Written {
        rows: n,
        bytes: file.metadata()?.len(),
    })
}

/// Writes rows as JSON Lines (UTF-8, LF) with the keys `id, article, text, name, kind, source,
/// channel, date, contact`; an empty article, name or contact is `null`, as in
/// `online-2026-05.jsonl`.
pub fn write_jsonl(
    path: impl AsRef<Path>,
    rows: impl IntoIterator<Item = Row>,
) -> io::Result<Written> {
    #[derive(serde::Serialize)]
    struct Line<'a> {
        id: &'a str,
        article: Option<&'a str>,
        text: &'a str,
        name: Option<&'a str>,
        kind: &'a str,
        source: &'a str,
        channel: &'a str,
        date: &'a str,
        contact: Option<&'a str>,
    }
    fn some(s: &str) -> Option<&str> {
        (!s.is_empty()).then_some(s)
    }
    let mut file = BufWriter::with_capacity(1 << 20, File::create(path)?);
    let mut n = 0;
    let mut bytes = 0u64;
    let mut line = Vec::with_capacity(1024);
    for r in rows {
        line.clear();
        serde_json::to_writer(
            &mut line,
            &Line {
                id: &r.id,
                article: some(&r.article),
                text: &r.text,
                name: some(&r.name),
                kind: r.kind,
                source: &r.source,
                channel: r.channel,
                date: &r.date,
                contact: some(&r.contact),
            },
        )?;
        line.push(b'\n');
        file.write_all(&line)?;
        bytes += line.len() as u64;
        n += 1;
    }
    file.flush()?;
    Ok(Written { rows: n, bytes })
}

fn csv_writer<W: Write>(w: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(w)
}

fn write_record<W: Write>(w: &mut csv::Writer<W>, r: &Row) -> csv::Result<()> {
    w.write_record([
        r.id.as_str(),
        &r.article,
        &r.text,
        &r.name,
        r.kind,
        &r.source,
        r.channel,
        &r.date,
        &r.contact,
    ])
}

/// Collects the CSV writer's UTF-8 output and writes it to the file GBK-encoded, a megabyte
/// at a time, cut after a line feed so no character is split.
struct GbkSink {
    file: File,
    utf8: Vec<u8>,
    gbk: Vec<u8>,
    bytes: u64,
}

impl GbkSink {
    /// Encodes and writes the first `end` bytes of the UTF-8 buffer.
    fn encode(&mut self, end: usize) -> io::Result<()> {
        let text = std::str::from_utf8(&self.utf8[..end]).map_err(io::Error::other)?;
        self.gbk.clear();
        encode_gbk(text, &mut self.gbk);
        self.file.write_all(&self.gbk)?;
        self.bytes += self.gbk.len() as u64;
        self.utf8.drain(..end);
        Ok(())
    }
}

impl Write for GbkSink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.utf8.extend_from_slice(buf);
        if self.utf8.len() >= 1 << 20 {
            let end = self
                .utf8
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            self.encode(end)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// GBK encoding through a table built once from encoding_rs's GBK decoder. encoding_rs's own
/// encoder looks Hanzi up without an index unless the crate is built with `fast-gb-hanzi-encode`
/// (≈ 13 MB/s here, slower than generating the text); this runs at memory speed. Characters
/// the table lacks go through encoding_rs (so the bytes are what `GBK.encode` gives).
pub fn encode_gbk(text: &str, out: &mut Vec<u8>) {
    let table = gbk_table();
    out.reserve(text.len());
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c.is_ascii() {
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        start = i + c.len_utf8();
        match table.get(c as usize) {
            Some(&[a, b]) if a != 0 => out.extend_from_slice(&[a, b]),
            _ => {
                let mut buf = [0; 4];
                let (enc, _, _) = encoding_rs::GBK.encode(c.encode_utf8(&mut buf));
                out.extend_from_slice(&enc);
            }
        }
    }
    out.extend_from_slice(&bytes[start..]);
}

/// Basic Multilingual Plane code point → GBK two-byte sequence (`[0, 0]`: none).
fn gbk_table() -> &'static [[u8; 2]] {
    static TABLE: OnceLock<Vec<[u8; 2]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = vec![[0u8; 2]; 0x10000];
        let mut dec = String::with_capacity(8);
        for lead in 0x81..=0xFEu8 {
            for trail in (0x40..=0xFEu8).filter(|&b| b != 0x7F) {
                dec.clear();
                let pair = [lead, trail];
                let (s, bad) = encoding_rs::GBK.decode_without_bom_handling(&pair);
                if bad {
                    continue;
                }
                dec.push_str(&s);
                let mut cs = dec.chars();
                if let (Some(c), None) = (cs.next(), cs.next()) {
                    let slot = &mut t[c as usize];
                    // The first (lowest) sequence wins, as in the WHATWG index.
                    if (c as u32) < 0x10000 && slot[0] == 0 {
                        *slot = [lead, trail];
                    }
                }
            }
        }
        t
    })
}

// ---------------------------------------------------------------------------------------------
// Randomness

/// SplitMix64: tiny, fast, good enough for test data.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n < 2³²).
    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }

    /// True with probability `per_mille / 1000`.
    fn chance(&mut self, per_mille: u32) -> bool {
        self.below(1000) < per_mille as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn word(&mut self, words: &[&'static str]) -> &'static str {
        words[self.below(words.len())]
    }

    /// An index drawn with the given weights.
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut x = self.below(total as usize) as u32;
        for (i, &w) in weights.iter().enumerate() {
            if x < w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }

    /// Skewed to the front: index `⌊n·u²⌋`.
    fn front(&mut self, n: usize) -> usize {
        let u = self.below(1 << 16) as u64;
        ((u * u * n as u64) >> 32) as usize
    }
}

// ---------------------------------------------------------------------------------------------
// The generator

/// Earlier texts kept for exact repeats.
const RING: usize = 2048;

struct Generator {
    rng: Rng,
    ring: Vec<String>,
    /// Reused buffer for one rendered sentence.
    piece: String,
    /// The topic of the comment being written (for `#X`).
    topic: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Voice {
    Citizen,
    Fisher,
    Expert,
    Deputy,
    Department,
    Organization,
    Enterprise,
}

impl Generator {
    fn new(seed: u64) -> Generator {
        let mut rng = Rng(seed ^ 0x6C69_6661_2D67_656E);
        rng.next();
        Generator {
            rng,
            ring: Vec::with_capacity(RING),
            piece: String::with_capacity(512),
            topic: 0,
        }
    }

    fn row(&mut self, i: usize) -> Row {
        let kind_i = self.rng.weighted(&KIND_WEIGHTS);
        let kind = KINDS[kind_i];
        let channel = CHANNELS[self.rng.weighted(&CHANNEL_WEIGHTS)];
        let source_i = self.rng.front(SOURCES.len());
        let source = SOURCES[source_i];
        let voice = match kind_i {
            0 if source.contains("渔") || self.rng.chance(60) => Voice::Fisher,
            0 => Voice::Citizen,
            1 => Voice::Expert,
            2 => Voice::Deputy,
            3 => Voice::Department,
            4 => Voice::Organization,
            _ => Voice::Enterprise,
        };
        let ti = self.rng.weighted(topic_weights());
        let topic = &TOPICS[ti];
        let article_no = (!topic.arts.is_empty()).then(|| *self.rng.pick(topic.arts));

        let mut text = String::with_capacity(400);
        let roll = self.rng.below(1000);
        if roll < 20 && !self.ring.is_empty() {
            let j = self.rng.below(self.ring.len());
            text.push_str(&self.ring[j]);
        } else if roll < 30 {
            self.campaign(&mut text);
        } else {
            self.compose(&mut text, voice, ti, article_no);
        }
        if self.ring.len() < RING {
            self.ring.push(text.clone());
        } else {
            let slot = &mut self.ring[i % RING];
            slot.clear();
            slot.push_str(&text);
        }

        let mut article = String::new();
        self.article_cell(&mut article, topic, article_no);
        Row {
            id: (i + 1).to_string(),
            article,
            text,
            name: self.name(kind_i, channel),
            kind,
            source: source.to_string(),
            channel,
            date: self.date(),
            contact: self.contact(kind_i),
        }
    }

    /// A comment in one voice, on one topic, between 30 and 200 characters: an optional
    /// greeting and self-introduction, then observations, proposals, reasons and consequences in
    /// one of several orders, every sentence rendered from a template with alternatives and slots.
    fn compose(&mut self, out: &mut String, voice: Voice, ti: usize, art: Option<u32>) {
        let m = material();
        let t = &m.topics[ti];
        self.topic = ti;
        // Most comments are short; a few run to the limit.
        let target = 30 + self.rng.front(171).max(self.rng.below(90));
        let mut len = 0;
        let numbered = self.rng.chance(5);

        if self.rng.chance(40) {
            self.add_from(out, &mut len, &m.greetings, art);
        }
        match voice {
            Voice::Citizen => {
                if self.rng.chance(250) {
                    self.add_from(out, &mut len, &m.self_intros, art);
                }
            }
            Voice::Fisher => {
                self.add_from(out, &mut len, &m.fisher_intros, art);
                for _ in 0..1 + self.rng.below(2) {
                    if len < target {
                        self.add_from(out, &mut len, &m.fisher_sayings, art);
                    }
                }
            }
            Voice::Expert => {}
            Voice::Deputy => self.add_from(out, &mut len, &m.deputy_intros, art),
            Voice::Department => self.add_from(out, &mut len, &m.department_intros, art),
            Voice::Organization => self.add_from(out, &mut len, &m.organization_intros, art),
            Voice::Enterprise => self.add_from(out, &mut len, &m.enterprise_intros, art),
        }
        if art.is_some() && voice != Voice::Expert && self.rng.chance(300) {
            self.add_from(out, &mut len, &m.article_intros, art);
        }

        if voice == Voice::Expert {
            self.expert(out, &mut len, ti, art);
        } else {
            let mut prev = usize::MAX;
            match self.rng.below(10) {
                // Proposal first, then why.
                0..3 => {
                    self.proposal(out, &mut len, ti, art, &mut prev);
                    if !t.obs.is_empty() && len < target + 20 {
                        self.piece.clear();
                        let because = self.rng.word(BECAUSE);
                        self.piece.push_str(because);
                        let s = self.observation(ti);
                        self.render_into_piece(s, art);
                        self.commit(out, &mut len);
                    }
                    if len < target && self.rng.chance(400) {
                        self.add_from(out, &mut len, &m.consequences, art);
                    }
                }
                // Observation, consequence or feeling, proposal, reason.
                _ => {
                    if !t.obs.is_empty() && (len < 30 || self.rng.chance(700)) {
                        self.piece.clear();
                        if self.rng.chance(550) {
                            let lead = self.rng.pick(&m.observation_leads);
                            self.render_into_piece(lead, art);
                        }
                        let s = self.observation(ti);
                        self.render_into_piece(s, art);
                        self.commit(out, &mut len);
                        if self.rng.chance(300) {
                            self.add_from(out, &mut len, &m.consequences, art);
                        }
                    }
                    if numbered {
                        out.push_str("1.");
                        len += 2;
                    }
                    self.proposal(out, &mut len, ti, art, &mut prev);
                    if len < target && !t.reasons.is_empty() && self.rng.chance(550) {
                        self.piece.clear();
                        if self.rng.chance(400) {
                            let because = self.rng.word(BECAUSE);
                            self.piece.push_str(because);
                        }
                        let s = self.rng.pick(&t.reasons);
                        self.render_into_piece(s, art);
                        self.commit(out, &mut len);
                    }
                }
            }
            if len < target && (numbered || self.rng.chance(300)) {
                if numbered {
                    out.push_str("\n2.");
                    len += 3;
                    self.proposal(out, &mut len, ti, art, &mut prev);
                } else {
                    self.add_from(out, &mut len, &m.also, art);
                    if self.rng.chance(400) {
                        // Another subject altogether.
                        let other = self.rng.weighted(topic_weights());
                        self.topic = other;
                        let mut p = usize::MAX;
                        self.proposal(out, &mut len, other, None, &mut p);
                        self.topic = ti;
                    } else {
                        self.proposal(out, &mut len, ti, art, &mut prev);
                    }
                }
            }
            if len + 20 < target && self.rng.chance(500) {
                self.add_from(out, &mut len, &m.consequences, art);
            }
        }
        while len < 30 {
            self.add_from(out, &mut len, &m.fillers, art);
        }
        if len < target && self.rng.chance(250) {
            self.add_from(out, &mut len, &m.closings, art);
        }
        self.touch_up(out);
    }

    /// An observation on topic `ti`: one of its own, or a generic one about one of its nouns.
    fn observation(&mut self, ti: usize) -> &'static Tpl {
        let m = material();
        if m.topics[ti].obs.is_empty() || self.rng.chance(400) {
            self.rng.pick(&m.generic_obs)
        } else {
            self.rng.pick(&m.topics[ti].obs)
        }
    }

    /// Renders one of `list` and appends it.
    fn add_from(&mut self, out: &mut String, len: &mut usize, list: &[Tpl], art: Option<u32>) {
        let s = self.rng.pick(list);
        self.add(out, len, s, art);
    }

    /// An opener, a proposal from the topic, and the punctuation the opener calls for. The
    /// `k`-th proposal of a comment is never the same as the one before.
    fn proposal(
        &mut self,
        out: &mut String,
        len: &mut usize,
        ti: usize,
        art: Option<u32>,
        first: &mut usize,
    ) {
        let m = material();
        let (opener, end) = self.rng.pick(&m.openers);
        let props = if m.topics[ti].props.is_empty() || self.rng.chance(350) {
            &m.generic_props
        } else {
            &m.topics[ti].props
        };
        let k = if *first == usize::MAX || *first >= props.len() {
            self.rng.below(props.len())
        } else {
            (*first + 1 + self.rng.below(props.len().max(2) - 1)) % props.len()
        };
        *first = k;
        self.piece.clear();
        self.render_into_piece(opener, art);
        self.render_into_piece(&props[k], art);
        if self.rng.chance(450) {
            let tail = self.rng.pick(&m.proposal_tails);
            self.render_into_piece(tail, art);
        }
        self.piece.push_str(end);
        self.commit(out, len);
    }

    /// Legal wording: a change of wording with a reason, or a proposal tied to a law.
    fn expert(&mut self, out: &mut String, len: &mut usize, ti: usize, art: Option<u32>) {
        let m = material();
        let topic = &TOPICS[ti];
        let t = &m.topics[ti];
        let ascii = self.rng.chance(150);
        let (lq, rq) = if ascii { ("\"", "\"") } else { ("“", "”") };
        if !topic.quotes.is_empty() && self.rng.chance(600) {
            let (a, b) = *self.rng.pick(topic.quotes);
            self.piece.clear();
            self.render_into_piece(
                "{建议将|建议把|宜将|拟修改为：将|可考虑将|建议对|我们建议将|本人建议将}",
                art,
            );
            if art.is_some() {
                self.render_into_piece("{草案|一审稿|征求意见稿|}#A中的", art);
            }
            for s in [lq, a, rq] {
                self.piece.push_str(s);
            }
            self.render_into_piece("{修改为|改为|调整为|修改成}", art);
            for s in [lq, b, rq, "。"] {
                self.piece.push_str(s);
            }
            self.commit(out, len);
            self.add_from(out, len, &m.expert_notes, art);
        } else {
            self.add_from(out, len, &m.expert_frames, art);
            let mut prev = usize::MAX;
            self.proposal(out, len, ti, art, &mut prev);
        }
        self.piece.clear();
        self.render_into_piece("{理由：|理由是：|主要考虑：|理由如下：|}", art);
        let reason = if !t.reasons.is_empty() && self.rng.chance(400) {
            self.rng.pick(&t.reasons)
        } else {
            self.rng.pick(&m.legal_reasons)
        };
        self.render_into_piece(reason, art);
        self.commit(out, len);
        if *len < 120 && self.rng.chance(400) {
            self.add_from(out, len, &m.legal_reasons, art);
        }
    }

    /// A near-copy of one of the campaign texts: greeting, a personal line, the ending and some
    /// punctuation vary.
    fn campaign(&mut self, out: &mut String) {
        let c = *self.rng.pick(CAMPAIGNS);
        if self.rng.chance(500) {
            out.push_str(self.rng.word(&[
                "各位领导好！",
                "尊敬的市人大常委会：",
                "您好！",
                "大家好，",
            ]));
        }
        let (first, rest) = c.split_once('。').unwrap_or((c, ""));
        out.push_str(first);
        out.push('。');
        if self.rng.chance(400) {
            let s = *self.rng.pick(&[
                "我家就住在#P，",
                "我是#P的老居民，",
                "我们#P的群众都很关心这件事，",
                "#Q和我都",
            ]);
            let mut len = 0;
            self.add(out, &mut len, s, None);
            if s.ends_with('都') {
                out.push_str("同意这个意见。");
            } else {
                out.push_str("深有体会。");
            }
        }
        out.push_str(rest);
        match self.rng.below(6) {
            0 => out.push_str("谢谢！"),
            1 => out.push_str("望采纳。"),
            2 => {
                out.push_str("——");
                self.person(out);
            }
            3 => {
                out.push_str("联名：");
                for k in 0..3 {
                    if k > 0 {
                        out.push('、');
                    }
                    self.person(out);
                }
            }
            _ => {}
        }
        if self.rng.chance(300) {
            *out = out.replacen('！', "。", 1);
        }
    }

    /// Renders a template into the sentence buffer and appends it if the text stays ≤ 200
    /// characters.
    fn add<T: Template + ?Sized>(
        &mut self,
        out: &mut String,
        len: &mut usize,
        tpl: &T,
        art: Option<u32>,
    ) {
        self.piece.clear();
        self.render_into_piece(tpl, art);
        self.commit(out, len);
    }

    fn commit(&mut self, out: &mut String, len: &mut usize) {
        let n = self.piece.chars().count();
        if *len + n <= 200 {
            out.push_str(&self.piece);
            *len += n;
        }
    }

    /// ASCII punctuation as typed with an English input method, and stray spaces.
    fn touch_up(&mut self, out: &mut String) {
        match self.rng.below(1000) {
            0..30 => *out = out.replace('，', ","),
            30..40 => out.push(' '),
            40..45 => *out = out.replace('？', "?"),
            _ => {}
        }
    }

    /// Renders a template into the sentence buffer. `{a|b|c}` is one of the alternatives
    /// (nested braces allowed, `{a|}` is an optional `a`); `#X` slots: `#A` the article, `#P` a
    /// place, `#R` a river, `#Q` a person, `#N` a small number, `#D` a department, `#L` a law,
    /// `#S` another region's regulation, `#I` a trade, `#T` a time, `#W` who did it, `#G` a
    /// degree word.
    fn render_into_piece<T: Template + ?Sized>(&mut self, tpl: &T, art: Option<u32>) {
        let mut piece = std::mem::take(&mut self.piece);
        tpl.render(self, &mut piece, art);
        self.piece = piece;
    }

    /// Renders a compiled template.
    fn render_tpl(&mut self, piece: &mut String, t: &Tpl, art: Option<u32>) {
        for p in t.0.iter() {
            match p {
                Part::Lit(s) => piece.push_str(s),
                Part::Slot(c) => self.slot(piece, *c, art),
                Part::Choice(alts) => {
                    let a = &alts[self.rng.below(alts.len())];
                    self.render_tpl(piece, a, art);
                }
            }
        }
    }

    fn expand(&mut self, piece: &mut String, tpl: &str, art: Option<u32>) {
        let b = tpl.as_bytes();
        let (mut i, mut start) = (0, 0);
        while i < b.len() {
            match b[i] {
                b'#' => {
                    piece.push_str(&tpl[start..i]);
                    let slot = b.get(i + 1).copied().unwrap_or(b' ');
                    self.slot(piece, slot, art);
                    i = (i + 2).min(b.len());
                    start = i;
                }
                b'{' => {
                    piece.push_str(&tpl[start..i]);
                    // Bounds of the alternatives: the brace, each top-level bar, the close.
                    let mut cuts = [0usize; 40];
                    let mut n = 1;
                    cuts[0] = i;
                    let mut depth = 0;
                    let mut j = i + 1;
                    loop {
                        match b[j] {
                            b'{' => depth += 1,
                            b'}' if depth == 0 => break,
                            b'}' => depth -= 1,
                            b'|' if depth == 0 => {
                                cuts[n] = j;
                                n += 1;
                            }
                            _ => {}
                        }
                        j += 1;
                    }
                    cuts[n] = j;
                    let k = self.rng.below(n);
                    self.expand(piece, &tpl[cuts[k] + 1..cuts[k + 1]], art);
                    i = j + 1;
                    start = i;
                }
                _ => i += 1,
            }
        }
        piece.push_str(&tpl[start..]);
    }

    fn slot(&mut self, piece: &mut String, slot: u8, art: Option<u32>) {
        match slot {
            b'A' => self.article_ref(piece, art),
            b'P' => self.place(piece),
            b'R' => self.river(piece),
            b'Q' => self.person(piece),
            b'N' => {
                let n = 2 + self.rng.below(19);
                push_num(piece, n);
            }
            b'D' => piece.push_str(self.rng.word(DEPARTMENTS)),
            b'L' => piece.push_str(self.rng.word(LAWS)),
            b'S' => piece.push_str(self.rng.word(OTHER_REGULATIONS)),
            b'I' => piece.push_str(self.rng.word(TRADES)),
            b'T' => {
                let m = material();
                let s = self.rng.pick(&m.times);
                self.render_tpl(piece, s, art);
            }
            b'W' => {
                let m = material();
                let s = self.rng.pick(&m.who);
                self.render_tpl(piece, s, art);
            }
            b'G' => piece.push_str(self.rng.word(DEGREES)),
            b'X' => piece.push_str(self.rng.word(TOPIC_NOUNS[self.topic])),
            _ => piece.push('#'),
        }
    }

    /// An article as written inside a text.
    fn article_ref(&mut self, out: &mut String, art: Option<u32>) {
        let a = art.unwrap_or_else(|| 1 + self.rng.below(67) as u32);
        match self.rng.below(20) {
            0..2 => {
                out.push('第');
                push_num(out, a as usize);
                out.push('条');
            }
            2 if paragraphs(a) > 1 => {
                push_article(out, a);
                self.paragraph(out, a);
            }
            _ => push_article(out, a),
        }
    }

    /// The article column.
    fn article_cell(&mut self, out: &mut String, topic: &Topic, art: Option<u32>) {
        let Some(a) = art else {
            if self.rng.chance(150) {
                out.push_str("总体");
            }
            return;
        };
        match self.rng.below(100) {
            0..35 => {}
            35..70 => push_article(out, a),
            70..80 => {
                out.push('第');
                push_num(out, a as usize);
                out.push('条');
            }
            80..87 if paragraphs(a) > 1 => {
                push_article(out, a);
                self.paragraph(out, a);
            }
            87..90 if items(a) > 0 => {
                push_article(out, a);
                out.push_str("第（");
                push_zh(out, 1 + self.rng.below(items(a) as usize) as u32);
                out.push_str("）项");
            }
            80..90 => push_article(out, a),
            90..96 => {
                out.push('第');
                push_zh(out, chapter_of(a));
                out.push('章');
            }
            96..99 if topic.arts.len() > 1 => {
                let b = *self.rng.pick(topic.arts);
                push_article(out, a.min(b));
                if a != b {
                    out.push('、');
                    push_article(out, a.max(b));
                }
            }
            _ => out.push_str(self.rng.word(&["总体", "整体", "全文"])),
        }
    }

    /// `第二款`: one of the article's paragraphs in the first draft.
    fn paragraph(&mut self, out: &mut String, a: u32) {
        out.push('第');
        push_zh(out, 1 + self.rng.below(paragraphs(a) as usize) as u32);
        out.push('款');
    }

    fn name(&mut self, kind: usize, channel: &str) -> String {
        let mut s = String::with_capacity(24);
        match kind {
            0 => match self.rng.below(100) {
                0..8 => {}
                8..12 => s.push_str("匿名"),
                12..24 if matches!(channel, "网上" | "掌上") => {
                    let n = *self.rng.pick(SCREEN_NAMES);
                    s.push_str(n);
                    if self.rng.chance(300) {
                        push_num(&mut s, self.rng.below(10_000));
                    }
                }
                _ => self.person(&mut s),
            },
            3 => s.push_str(self.rng.word(DEPARTMENT_NAMES)),
            4 => s.push_str(self.rng.word(ORGANIZATION_NAMES)),
            5 => {
                if self.rng.chance(500) {
                    s.push_str(self.rng.word(ENTERPRISE_NAMES));
                } else {
                    s.push_str(self.rng.word(&["青澜", "澜湖", "东岸", "西溪", "湖滨"]));
                    s.push_str(self.rng.word(BRAND));
                    s.push_str(self.rng.word(TRADE_FIRMS));
                }
            }
            _ => self.person(&mut s),
        }
        s
    }

    fn person(&mut self, out: &mut String) {
        if self.rng.chance(15) {
            out.push_str(self.rng.word(COMPOUND_SURNAMES));
        } else {
            out.push(*self.rng.pick(SURNAMES));
        }
        out.push(*self.rng.pick(GIVEN));
        if self.rng.chance(750) {
            out.push(*self.rng.pick(GIVEN));
        }
    }

    fn place(&mut self, out: &mut String) {
        if self.rng.chance(250) {
            out.push_str(self.rng.word(KNOWN_PLACES));
            return;
        }
        out.push(*self.rng.pick(PLACE_HEADS));
        let tail = self.rng.word(PLACE_TAILS);
        if self.rng.chance(550) || tail.chars().count() == 1 {
            let mid = *self.rng.pick(PLACE_MIDS);
            if !tail.starts_with(mid) {
                out.push(mid);
            }
        }
        out.push_str(tail);
    }

    fn river(&mut self, out: &mut String) {
        if self.rng.chance(600) {
            out.push_str(self.rng.word(&["青溪河", "白沙河", "马坊河"]));
        } else {
            out.push(*self.rng.pick(PLACE_HEADS));
            out.push_str(self.rng.word(&["河", "港", "溪", "沟", "渠", "家河"]));
        }
    }

    fn date(&mut self) -> String {
        // 2026-03-21 … 2026-05-31, most in April.
        let d = (self.rng.below(72) + self.rng.below(72)) / 2;
        let (m, day) = match d {
            0..11 => (3, d + 21),
            11..41 => (4, d - 10),
            _ => (5, d - 40),
        };
        match self.rng.below(10) {
            0..4 => format!("2026-{m:02}-{day:02}"),
            4..8 => format!("2026/{m}/{day}"),
            _ => format!("2026年{m}月{day}日"),
        }
    }

    fn contact(&mut self, kind: usize) -> String {
        let mut s = String::with_capacity(20);
        match self.rng.below(100) {
            0..25 => {}
            25..30 if kind != 0 => {
                s.push_str("qlh");
                push_num(&mut s, self.rng.below(1000));
                s.push_str("@example.com");
            }
            _ => {
                s.push_str("1390000");
                let n = self.rng.below(10_000);
                for d in [n / 1000, n / 100 % 10, n / 10 % 10, n % 10] {
                    s.push(char::from(b'0' + d as u8));
                }
            }
        }
        s
    }
}

fn push_num(out: &mut String, n: usize) {
    use std::fmt::Write as _;
    let _ = write!(out, "{n}");
}

/// `第三十六条`.
fn push_article(out: &mut String, a: u32) {
    out.push('第');
    push_zh(out, a);
    out.push('条');
}

/// Chinese numerals for 1–99 as regulations write them (十二, 二十, 三十六).
fn push_zh(out: &mut String, n: u32) {
    const D: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let (tens, ones) = (n / 10, n % 10);
    if tens > 1 {
        out.push(D[tens as usize]);
    }
    if tens > 0 {
        out.push('十');
    }
    if ones > 0 || tens == 0 {
        out.push(D[ones as usize]);
    }
}

/// The chapter of an article in the first draft.
fn chapter_of(a: u32) -> u32 {
    match a {
        0..=10 => 1,
        11..=18 => 2,
        19..=32 => 3,
        33..=40 => 4,
        41..=46 => 5,
        47..=52 => 6,
        53..=65 => 7,
        _ => 8,
    }
}

/// Paragraphs (款) of articles 1–67 in the first draft.
const PARAGRAPHS: [u8; 67] = [
    1, 2, 1, 3, 1, 3, 1, 1, 2, 2, 3, 2, 1, 1, 1, 1, 2, 1, 2, 2, 2, 1, 1, 2, 2, 1, 2, 2, 2, 2, 1, 2,
    1, 1, 1, 1, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1,
];
/// Items (项) of articles 1–67 in the first draft.
const ITEMS: [u8; 67] = [
    0, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 2, 0, 7, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 3, 0,
];

fn paragraphs(a: u32) -> u8 {
    PARAGRAPHS.get(a as usize - 1).copied().unwrap_or(1)
}

fn items(a: u32) -> u8 {
    ITEMS.get(a as usize - 1).copied().unwrap_or(0)
}

fn topic_weights() -> &'static [u32] {
    static W: OnceLock<Vec<u32>> = OnceLock::new();
    W.get_or_init(|| TOPICS.iter().map(|t| t.weight).collect())
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const KINDS: [&str; 6] = ["群众", "专家", "人大代表", "部门", "社会组织", "企业"];
const KIND_WEIGHTS: [u32; 6] = [72, 8, 6, 5, 5, 4];
const CHANNELS: [&str; 7] = ["面对面", "网上", "掌上", "屏对屏", "座谈会", "问卷", "信函"];
const CHANNEL_WEIGHTS: [u32; 7] = [25, 25, 20, 5, 12, 8, 5];

/// Contact points, the busiest first.
const SOURCES: &[&str] = &[
    "澜湖区湖滨街道基层立法联系点",
    "市环保志愿者协会信息采集点",
    "东岸县渔业村基层立法联系点",
    "青澜大学法学院基层立法联系点",
    "西溪县白沙河社区基层立法联系点",
    "澜湖区湖心街道基层立法联系点",
    "青澜市人大代表之家联络站",
    "东岸县芦湾镇基层立法联系点",
    "西溪县律师协会立法联络点",
    "澜湖区鹭洲街道基层立法联系点",
    "西溪县马坊镇基层立法联系点",
    "东岸县荻港村基层立法联系点",
    "澜湖区望湖社区基层立法联系点",
    "青澜市渔业协会信息采集点",
    "西溪县青溪街道基层立法联系点",
    "东岸县城关镇基层立法联系点",
    "青澜湖旅游度假区管委会立法联系点",
    "东岸县柳塘乡人大代表联络站",
    "西溪县石埠村基层立法联系点",
    "青澜市律师协会立法联络点",
    "青澜职业技术学院基层立法联系点",
    "东岸县水产养殖协会信息采集点",
    "青澜市工商业联合会立法联系点",
    "西溪县旅游协会信息采集点",
    "澜湖区人民法院立法联络点",
    "青澜湖湿地公园管理处信息采集点",
    "青澜市老年大学立法联系点",
    "青澜日报社立法信息采集点",
    "青澜市生态环境局立法联系点",
    "湖滨街道基层立法联系点",
];

const SURNAMES: &[char] = &[
    '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭',
    '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾',
    '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡', '余', '杜', '叶', '程', '苏', '魏', '吕', '丁',
    '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金', '石', '廖', '贾', '夏',
    '韦', '付', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '闫', '段', '雷', '侯',
    '龙', '史', '陶', '黎', '贺', '顾', '毛', '郝', '龚', '邵', '万', '钱', '严', '覃', '武', '戴',
    '莫', '孔', '向', '汤', '柏', '甘', '聂', '章', '鲁', '葛', '伍', '岳', '滕', '殷', '庞', '樊',
];
const COMPOUND_SURNAMES: &[&str] = &["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "慕容"];
const GIVEN: &[char] = &[
    '伟', '芳', '娜', '秀', '英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟',
    '涛', '明', '超', '兰', '霞', '平', '刚', '桂', '华', '建', '国', '志', '红', '玉', '春', '梅',
    '海', '燕', '小', '琳', '思', '龙', '新', '荣', '金', '丹', '德', '胜', '家', '辉', '俊', '斌',
    '宏', '文', '晓', '东', '婷', '雪', '慧', '涵', '浩', '然', '宇', '轩', '欣', '怡', '萱', '诺',
    '佳', '泽', '睿', '博', '子', '晨', '阳', '帆', '琪', '瑶', '峰', '岚', '鹏', '飞', '云', '波',
    '澜', '湖', '清', '源', '沛', '淼', '鑫', '磊', '彬', '璐', '蕾', '薇', '菁', '翠', '凤', '桃',
    '根', '生', '福', '贵', '发', '财', '旺', '水', '山', '石', '林', '森', '树', '松', '柏', '苗',
    '守', '望', '立', '成', '仁', '义', '礼', '智', '信', '安', '康', '宁', '乐', '善', '美', '卿',
];
const SCREEN_NAMES: &[&str] = &[
    "一个老青澜",
    "湖边散步的人",
    "钓鱼佬老张",
    "澜湖小市民",
    "蓝天白云",
    "青青河边草",
    "热心市民",
    "lake_lover",
    "Lanhu2026",
    "晨跑的阿伟",
    "老渔民",
    "路过",
    "网友",
    "鹭鸶",
    "西溪老李",
    "荻花秋",
    "湖畔人家",
    "qinglan_birder",
    "水清岸绿",
    "一只水獭",
    "东岸小王",
    "退休老教师",
    "user",
    "爱湖人士",
];
const DEPARTMENT_NAMES: &[&str] = &[
    "澜湖区水务局",
    "东岸县农业农村局",
    "西溪县生态环境分局",
    "湖滨街道办事处",
    "芦湾镇人民政府",
    "青澜湖湖泊管理中心",
    "市自然资源和规划局",
    "市文化广电和旅游局",
    "市交通运输局",
    "市林业局",
    "市城市管理局",
    "市财政局",
    "市司法局",
    "澜湖区住房和城乡建设局",
    "东岸县水利局",
    "马坊镇人民政府",
    "湖心街道办事处",
    "市公安局水上分局",
];
const ORGANIZATION_NAMES: &[&str] = &[
    "市环保志愿者协会",
    "青澜市钓鱼协会",
    "绿水青山生态保护促进会",
    "青澜市观鸟协会",
    "东岸县渔业合作联社",
    "青澜湖守护者志愿服务队",
    "市垂钓运动协会",
    "市摄影家协会",
    "市律师协会环境资源法专业委员会",
    "市旅游行业协会",
    "澜湖区老年人协会",
    "青澜大学绿色社团",
];
const ENTERPRISE_NAMES: &[&str] = &[
    "青澜湖旅游开发有限公司",
    "青澜湖游船有限公司",
    "东岸县鲜丰水产养殖有限公司",
    "青澜水务集团有限公司",
    "西溪县白沙建材有限公司",
    "澜湖区湖畔农家乐",
    "青澜湖大酒店",
    "澜湖鑫源砂石有限公司",
    "马坊渔业专业合作社",
    "青澜绿源生态农业有限公司",
];
const BRAND: &[&str] = &[
    "鑫源", "恒泰", "绿源", "碧波", "金澜", "瑞丰", "宏达", "润泽", "鹭鸣", "湖光", "永盛", "天合",
    "水韵", "华达", "丰源", "福临", "锦程", "嘉禾",
];
const TRADE_FIRMS: &[&str] = &[
    "水产养殖有限公司",
    "游船有限公司",
    "旅游开发有限公司",
    "生态农业有限公司",
    "建材有限公司",
    "餐饮管理有限公司",
    "民宿",
    "农家乐",
    "渔业专业合作社",
    "化工有限公司",
    "物流有限公司",
    "房地产开发有限公司",
];
const TRADES: &[&str] = &[
    "游船经营",
    "水产养殖",
    "旅游开发",
    "砂石运输",
    "餐饮民宿",
    "苗木种植",
    "渔具销售",
    "水上运动",
];

const KNOWN_PLACES: &[&str] = &[
    "湖滨街道",
    "湖心岛",
    "东岸县",
    "西溪县",
    "渔业村",
    "白沙河口",
    "马坊镇",
    "青溪河入湖口",
    "湖心街道",
    "鹭洲街道",
    "望湖社区",
    "芦湾镇",
    "荻港村",
    "柳塘乡",
    "石埠村",
    "城关镇",
];
const PLACE_HEADS: &[char] = &[
    '芦', '鹭', '柳', '荻', '蒲', '菱', '苇', '藕', '杉', '枫', '桑', '槐', '石', '沙', '泥', '渔',
    '鸭', '鹅', '蚌', '螺', '蟹', '汀', '渚', '樟', '梅', '桃', '杏', '莲', '荷', '竹', '松', '枣',
    '茶', '麻', '龟', '鹤', '雁', '鸥', '凫', '蓼', '葭', '茭', '芡', '菰', '潭', '岗', '坝', '堰',
    '畈', '墩', '澜', '溪', '滨', '陶', '谢', '邹', '吕', '葛', '姚', '黄', '金', '银', '铜', '盐',
];
const PLACE_MIDS: &[char] = &[
    '家', '花', '子', '头', '林', '塘', '山', '庄', '口', '河', '湾', '下', '上', '新', '老', '东',
    '西', '南', '北', '鸣', '洲', '港', '桥', '墩', '嘴',
];
const PLACE_TAILS: &[&str] = &[
    "村", "村", "村", "湾", "洲", "港", "埠", "圩", "嘴", "桥", "社区", "码头", "渡口", "岛", "滩",
    "小区", "组", "片区", "湖湾",
];

const DEPARTMENTS: &[&str] = &[
    "水行政主管部门",
    "生态环境主管部门",
    "农业农村主管部门",
    "湖泊管理机构",
    "林业主管部门",
    "文化和旅游主管部门",
    "交通运输主管部门",
    "城市管理部门",
    "公安机关",
    "乡镇人民政府",
    "街道办事处",
    "自然资源和规划主管部门",
];
const LAWS: &[&str] = &[
    "《中华人民共和国水法》",
    "《中华人民共和国水污染防治法》",
    "《中华人民共和国湿地保护法》",
    "《中华人民共和国渔业法》",
    "《中华人民共和国防洪法》",
    "《中华人民共和国行政处罚法》",
    "《中华人民共和国长江保护法》",
    "《中华人民共和国野生动物保护法》",
    "《中华人民共和国环境保护法》",
    "《中华人民共和国固体废物污染环境防治法》",
    "《中华人民共和国立法法》",
    "《中华人民共和国生物安全法》",
    "《中华人民共和国民法典》",
];
const OTHER_REGULATIONS: &[&str] = &[
    "云南省滇池保护条例",
    "江苏省太湖水污染防治条例",
    "安徽省巢湖流域水污染防治条例",
    "杭州西湖风景名胜区管理条例",
    "湖北省湖泊保护条例",
    "江西省鄱阳湖生态环境保护条例",
    "青海省青海湖流域生态环境保护条例",
];

const GREETINGS: &[&str] = &[
    "{各位领导|领导|各位}{好|你们好}！",
    "尊敬的{市人大常委会|法制工作委员会|立法机关|各位领导}：",
    "{您好|你好|你们好}，",
    "{领导们|同志们|工作人员}辛苦了，",
    "{你好|您好}！",
];
const SELF_INTROS: &[&str] = &[
    "我{是|算是}#P{的|土生土长的|的一个}{居民|村民|老住户|租户|普通居民}，",
    "我家{住在|就在|在}#P{附近|边上|那边|}，{离湖|离湖边|到湖边}{不到|大概|只有}#N00米，",
    "{作为|我是}一名在{湖边|湖滨|青澜湖边}{住了|生活了|待了}#N年的{老居民|老人|市民}，",
    "我是一名{退休教师|退休工人|个体户|外卖骑手|中学老师|公务员|护士|在校大学生|网约车司机|环卫工人|小学生家长}，",
    "我{每天|几乎每天|每周都|一有空就}{早上|傍晚|晚饭后|周末}{在|去}湖边{晨跑|散步|遛狗|骑车|打太极|拍照}，",
    "我在{青澜湖边|#P|湖滨}{开了|干了|跑了}#N年{出租车|小卖部|饭店|民宿|快递|理发店}，",
    "我是{外地游客|来出差的|从省城来的|来探亲的}，{去年|前年|上个月|今年春天|国庆}{来过|去过|玩过}青澜湖，",
    "我和{邻居|老伴|同事|朋友|几个老同学}#Q{经常|常常|每周}去湖边{散步|钓鱼|拍照|跑步|看鸟}，",
    "本人{是|系}#P{的一名|的}{普通市民|居民|党员|退休干部}，",
    "{我们一家|我家|我们家}{三代|几代人|祖孙三代}都{住在|生活在}#P，",
];
const FISHER_INTROS: &[&str] = &[
    "我们#P的{渔民|打鱼人|乡亲}{祖祖辈辈|世世代代|几辈子}{靠湖吃饭|都在湖上讨生活|靠打鱼过日子}，",
    "{俺|我}家{三代|两代|几辈人}都是{打鱼的|渔民|在湖上讨生活的}，",
    "我在湖上{打了|捕了|干了}#N年{鱼|渔|的鱼}，",
    "我是#P的{老渔民|渔民|一个打鱼的|渔业户}，",
    "我们{村|组|那个湾}#N0多户{都是渔民|都靠打鱼|以前都打鱼}，",
    "{说句实在话|说句掏心窝子的话|不怕你们笑话|讲句老实话}，",
    "{我今年|俺今年}{五十|六十|快六十|五十七|六十三}{多|}岁了，{打了一辈子鱼|一直在湖上|只会打鱼}，",
];
const FISHER_SAYINGS: &[&str] = &[
    "禁渔期一禁{就是|少说也是|动不动就是}{几个月|三四个月|小半年}，{家里老小|一家老小|娃娃和老人}{吃啥喝啥|靠啥吃饭|咋过日子}？",
    "网箱是{前些年|那几年|十几年前}{镇上|乡里|村里}{动员|号召|鼓励}我们{搞|上|弄}的，现在{说拆就拆|一句话就要拆|要全拆}，{投进去的钱|借的贷款|这些年的投入}{谁来赔|谁管|找谁要}？",
    "上岸{以后|之后|了}{我们|俺们}{这把年纪|这岁数|五六十岁的人}{能干啥|去哪找活|能做什么}？",
    "电鱼的{都是|大多是|基本是}{外地人|外村的人|城里来的}{半夜|夜里|天不亮}{来的|偷偷来的|开车来的}，{我们自己人|本地渔民|我们村的人}{从来不干这个|不干这种事|看不上这个}。",
    "补偿标准{要公开|得公开|要张榜}，{不能|别|不能让}{干部说多少就是多少|村干部一句话定了|暗箱操作}。",
    "鱼{少了|少了是真的|是一年比一年少}{是事实|}，{可也不全是|但不能全怪|也不光是}{我们打少的|渔民的错}，{污水|工厂排的水|农田的化肥}才是{大头|根子|主要原因}。",
    "{娃娃|孩子|闺女}还在{上学|读大学|念高中}，{一年|大半年|几个月}没{收入|进项|钱进来}{咋整嘛|怎么办|日子咋过}。",
    "{希望|盼着|求}政府{帮着|帮我们|给我们}{找点活路|想想出路|安排点事做}，{搞搞培训|学个手艺|去合作社干活}也行。",
    "#Q他们{几户|几家|那几个}{已经上岸了|早就上岸了|去年上岸的}，{到现在|等到今天|拖了#N个月}{补偿款还没拿到|钱还没到手|一分钱没见着}。",
    "湖里的事{我们最晓得|俺们最清楚|渔民最有发言权}，定规矩{前|之前|以前}{多来村里问问我们|到船上来看看|听听我们的}。",
    "{现在|如今|这两年}湖里的鱼{越来越小|个头小了|少得可怜}，一网下去{没几条像样的|净是小杂鱼|就几条}。",
    "{船|渔船}也卖不掉，网也{用不上|没处用|烂了}，{堆在家里|扔在院子里|放在岸上}{占地方|生锈|发霉}。",
    "政府说话{要算数|得算话|要讲信用}，{莫让|别让|不能让}{老实人|守规矩的人|我们这些老渔民}吃亏。",
    "{俺们|我们}不是不支持{保护|禁渔|拆网箱}，是{要有个过渡|得给条活路|要给点时间}。",
    "{我们|俺们}{打了|干了}一辈子鱼，{别的|其他}{也不会|啥也不会|什么都不懂}，{上岸|转产}{谈何容易|说起来容易做起来难}。",
    "{以前|早年|那时候}一{网|船}能{打|捞}#N0{斤|来斤}，{现在|如今}{一天|一晚上}{也就|才}#N斤{出头|左右|}。",
];
const DEPUTY_INTROS: &[&str] = &[
    "我在#P{走访选民|下基层|联系群众}时，{群众|选民|大家}{普遍|多次|一致}反映，",
    "作为来自#P的{人大代表|市人大代表|区人大代表}，",
    "在{代表小组活动|代表联络站接待|代表座谈会}中，{大家|代表们|不少群众}提出，",
    "{多位|好几位|#N位}选民{向我反映|找到我说|给我打电话说}，",
    "我{联系的|走访的}#P{选民|群众|村民}{认为|提出|反映}，",
    "结合{近期|前段时间|#T}在#P的{调研|走访|视察}，",
];
const DEPARTMENT_INTROS: &[&str] = &[
    "{我局|我委|我单位|本局}{认为|经研究认为|提出如下意见}，",
    "我{街道|镇|乡}辖区内有青澜湖岸线{约|大约|共}#N公里，",
    "经{研究|认真研究|集体研究}，我{单位|局|办}提出{如下意见|以下意见|几点意见}：",
    "从{执法实践|基层执法|近年工作}{看|来看}，",
    "结合{我镇|我街道|我局|本部门}{实际|工作实际|职责}，",
    "经征求#D意见，",
];
const ORGANIZATION_INTROS: &[&str] = &[
    "我会{志愿者|会员|巡护队员}在#P巡护时发现，",
    "我们协会有{会员|注册志愿者}#N00多人，",
    "本会{长期|多年来|一直}关注青澜湖{水鸟|湿地|水质|渔业资源}保护，",
    "我们{志愿服务队|志愿者|社团}{每周|每月|周末}都去#P{捡垃圾|巡河|做宣传}，",
    "根据我会{会员|志愿者}{的调查|#T的调查|的观察记录}，",
];
const ENTERPRISE_INTROS: &[&str] = &[
    "我公司在青澜湖从事#I{多年|#N年|十几年}，",
    "作为沿湖企业，我们{支持|拥护|赞成}条例出台，但",
    "我们合作社有#N{户|家}社员，",
    "我们是在#P经营#I的{个体户|小商户|家庭作坊}，",
    "我司员工#N00余人，{大多是|不少是|一半以上是}沿湖{村民|居民}，",
];
const ARTICLE_INTROS: &[&str] = &[
    "{关于|对于|针对}#A，",
    "#A：",
    "{针对|关于}{草案|一审稿|征求意见稿}#A，",
    "{看了|读了|仔细看了}#A的{规定|内容|条文}，",
    "{对|就}#A提{一点|几点|个}{意见|建议|看法}：",
    "{草案|条例}#A{写得不够具体|太原则了|有问题|需要修改}，",
];
const EXPERT_FRAMES: &[&str] = &[
    "#A的规定与#L的有关规定{衔接不够|不够协调|存在冲突|有出入}。",
    "#A的表述{过于原则|不够严谨|较为笼统|可操作性不强}。",
    "从{立法技术|法律适用|执法实践}{上|角度}看，#A{存在以下问题|有待完善|还需斟酌}。",
    "#A对{违法行为|法律责任|行政处罚}的设定{不够周延|不够明确|偏于宽松}。",
    "{建议参照|可以借鉴|不妨参考}《#S》的{做法|规定|经验}。",
];
const EXPERT_NOTES: &[&str] = &[
    "{这样修改|如此表述|修改后|调整后}{更加|更为|较为}{严谨|准确|周延|明确|规范}，{也便于|有利于|方便}{执法|基层执行|群众理解|与上位法衔接|司法适用}。",
    "{原表述|现行表述|草案的写法}{容易产生歧义|范围过窄|不够具体|难以操作}，{实践中|执法时|适用时}{易生争议|容易扯皮|无所适从}。",
    "{其他省市|兄弟省份|#S}{已有类似规定|有成熟做法|也是这样规定的}，{可资借鉴|效果较好|值得参考}。",
];
/// (opener, closing punctuation): the proposals read after any of them.
const OPENERS: &[(&str, &str)] = &[
    ("{建议|我建议|我们建议|特此建议|在此建议}", "。"),
    ("建议", "。"),
    ("{希望|真心希望|衷心希望|很希望|我们希望}", "。"),
    (
        "{我认为可以|我觉得应该|个人认为应当|依我看最好|我看可以}",
        "。",
    ),
    ("{强烈呼吁|强烈建议|恳切希望|迫切希望|坚决要求}", "！"),
    ("{恳请|请求|诚恳建议|请}", "。"),
    ("{能不能|可不可以|是不是可以|能否|可否}", "？"),
    ("{最好|最好是|最好能}", "。"),
    ("{应该|应当|必须|一定要}", "。"),
    ("{请考虑|请研究|建议考虑|请立法机关考虑}", "。"),
    ("{建议条例|条例应当|条例最好|条例里应该}", "。"),
    (
        "{麻烦|请|烦请}{领导|政府|你们|有关部门}{考虑一下|研究一下|想想办法}，",
        "。",
    ),
    ("{赶紧|抓紧|尽快|早点}", "！"),
];
/// Put before an observation.
const OBSERVATION_LEADS: &[&str] = &[
    "#T{我|我和老伴|我们几个邻居|我带孩子|我和朋友}{在|去|路过}#P{附近|一带|那边|}，{看到|发现|亲眼看见}",
    "{据我观察|据我了解|我注意到|我发现|实话实说|不瞒你们说|说句心里话|我反映个情况}，",
    "{听|据}#P{的|那边的}{人|村民|老乡|朋友}{说|讲|反映}，",
    "#T{我去#P|#Q带我去#P|我们到#P}{转了转|走了一圈|看过}，",
    "{这几年|最近|这两年|近来|一直以来}，",
    "{大家都知道|谁都知道|众所周知|有目共睹}，",
    "#T#Q{跟我说|给我打电话说|在群里说|告诉我}，",
    "{实际情况是|现实情况是|说白了|老实讲}，",
    "{我们那边|我们村|我们小区|我们单位附近}，",
    "#T在#P，",
];
const CONSEQUENCES: &[&str] = &[
    "{这样下去|长此以往|再不管的话|照这样下去|要是不管}，{湖水|青澜湖|湖里的鱼|水质|子孙后代}{迟早要|早晚会|肯定会|只会}{出大问题|遭殃|毁掉|越来越差|吃大亏}。",
    "{说到底|归根结底|总之|说白了}，{还是|就是}{管得不严|执法不到位|没人负责|钱没到位|制度没落实|违法成本太低}{的问题|造成的|}。",
    "{这种现象|这类问题|这个情况}{在#P|在我们那边|在湖边}{很普遍|不是个别的|已经#N年了|一直存在}{，大家都有意见|，群众意见很大|，却没人管|}。",
    "{群众|老百姓|大家|周边住户}{对此|对这件事|对这个}{意见很大|反映强烈|非常不满|有不少怨言|议论纷纷}。",
    "{看着|眼看着|每次看到}{心里|真是|实在}{着急|难受|痛心|不是滋味|憋屈}。",
    "{我|我们}{打过|拨过}{12345热线|热线电话|镇里的电话}{好几次|#N次|不止一次}，{都没下文|没人回|说是转给有关部门了}。",
    "{问题不解决|管不住的话|不抓紧的话}，{条例|立法|这部法规}{就是一纸空文|也白定了|起不到作用}。",
    "{这可不是|这绝不是|这并非}小事，{关系到|牵涉到|影响到}{几万人的饮水|沿湖群众的生计|下游的水质|青澜湖的名声}。",
];
const BECAUSE: &[&str] = &[
    "因为",
    "毕竟",
    "原因是",
    "要知道，",
    "说实在的，",
    "",
    "",
    "",
];
/// Put after a proposal, before its punctuation.
const PROPOSAL_TAILS: &[&str] = &[
    "，{越快越好|越早越好|宜早不宜迟}",
    "，{不能再拖了|别再拖了|拖不起了}",
    "，{并且要|还要|更要}{抓落实|真抓实干|一抓到底}",
    "，这样{群众|老百姓|大家}才{满意|放心|服气}",
    "，具体办法{可以由市政府另行制定|由政府部门细化|可以另行规定}",
    "，请{认真研究|慎重考虑|充分论证}",
    "，让老百姓{看得见|摸得着|得实惠}",
    "，最好在条例里{写清楚|写明白|规定死}",
    "，可以先在#P试点",
    "，#N年内落实到位",
    "，别光写在纸上",
    "，并定期向社会{公布进展|通报情况|公开结果}",
    "，这个钱{不能省|该花就得花|省不得}",
    "，{不要|别}{搞形式主义|走过场|一阵风}",
];
const ALSO: &[&str] = &[
    "{另外|还有|同时|此外|再一个|顺便说一句|还有一点}，",
    "{第二|其次|再者}，",
];
const CLOSINGS: &[&str] = &[
    "{谢谢|谢谢领导|感谢|谢谢各位}！",
    "{望采纳|恳请采纳|希望采纳|敬请采纳}。",
    "以上意见{供参考|仅供参考|请酌}。",
    "请立法机关认真考虑。",
    "{希望|盼望}能够{采纳|重视|回复}。",
    "盼复。",
    "{辛苦了|辛苦各位了}！",
];
const FILLERS: &[&str] = &[
    "{青澜湖|这片湖|咱们的湖}是{我们|大家|全市人民}{共同的家园|的母亲湖|的宝贝|的命根子}，{保护好它|守护好它|把它保护好}是{每个人|我们每个人|全社会}的{责任|义务|事}。",
    "{条例的方向|立法的方向|这个条例的思路}是{对的|好的|正确的}，{关键在|重点在|难点在}{落实|执行|执法|监督}。",
    "{这个问题|这些问题|这事}{老百姓|群众|我们}{反映|说|提}了{很多年|好多年|不止一次|#N年}了{，一直没解决|，就是没人管|}。",
    "{希望|盼望|期待}条例{出台以后|实施以后|通过以后}{真正管用|能真正落地|不走过场|说到做到}。",
    "{执法要严|监管要严|管理要到位}，{宣传|教育|引导}也{要跟上|不能少|得同步}。",
    "{这件事|这个事情|湖的事}{关系到|关乎|牵涉}{沿湖几十万群众|全市人民|子孙后代|上万渔民}的{切身利益|饭碗|健康}。",
];
const LEGAL_REASONS: &[&str] = &[
    "上位法对此{已有规定|已作规定|已有明确规定}，地方性法规不宜{简单重复|照抄|重复规定}。",
    "{现行|草案|目前的}表述{过于原则|较为笼统|不够具体}，{缺乏|欠缺|没有}可操作性。",
    "“有关部门”表述指向不明，{容易导致|易导致|可能造成}{推诿|多头管理|相互推诿}。",
    "{与|以便与|应与}#L的规定相衔接。",
    "符合#L关于地方性法规不重复上位法的要求。",
    "罚款幅度应当与违法行为的{性质、情节和社会危害程度|事实、性质、情节|危害后果}相当。",
    "根据#L第#N条，地方性法规可以在上位法规定的{行为、种类和幅度的范围内|范围内}作出具体规定。",
    "《#S》第#N条{已有类似规定|也有相同规定|作了类似规定}，{实施效果较好|可资借鉴|运行良好}。",
    "义务性规定{缺少|没有|缺乏}相应的法律责任，{难以执行|难以落实|形同虚设}。",
    "该{款|项|条}与第#N条的规定存在{交叉|重复|矛盾}，建议{统筹表述|合并规定|一并修改}。",
];
const TIMES: &[&str] = &[
    "{去年|前年|今年}{夏天|冬天|春天|秋天|汛期|枯水期}",
    "{上个月|上周|上周末|前几天|前两天|昨天|大前天}",
    "{有一回|有一次|有天}{早上|晚上|下午|傍晚|}",
    "{今年|去年}{五一|国庆|春节|端午|清明}{前后|期间|假期}",
    "{2024|2025}年{一|三|五|六|七|八|九|十|十一|十二}月",
    "{每到|每逢|一到}{周末|节假日|夏天|晚上|雨季}",
    "{早上|凌晨|晚上}{五|六|九|十|十一}点多",
];
const WHO: &[&str] = &[
    "{有些|有的|个别|一些}{人|村民|游客|商户|钓友|企业|外地人}",
    "{几个|一帮|一伙}{年轻人|外地人|开车来的人|小孩}",
    "{附近的|沿湖的|周边的}{住户|饭店|农家乐|养殖户|工地}",
];
const DEGREES: &[&str] = &[
    "非常", "特别", "十分", "相当", "实在", "真的", "确实", "太", "很", "挺", "极其", "格外",
];

/// Words the material is read with: each occurrence of a key (outside quotation marks) becomes
/// one of its forms, so the same sentence comes out in many wordings.
const SYNONYMS: &[(&str, &str)] = &[
    ("现在", "{现在|目前|眼下|如今|现如今}"),
    ("很多", "{很多|不少|好多|许多|大量}"),
    ("不少", "{不少|很多|好些}"),
    ("一直", "{一直|始终|长期|一直都}"),
    ("没有人", "{没有人|没人|没有谁}"),
    ("没人", "{没人|没有人|没谁}"),
    ("根本", "{根本|压根|完全}"),
    ("越来越", "{越来越|是越来越|愈来愈}"),
    ("太多", "{太多|太多了|过多|特别多}"),
    ("太少", "{太少|太少了|偏少|少得可怜}"),
    ("太小", "{太小|过小|小得很}"),
    ("太窄", "{太窄|过窄|窄了}"),
    ("太低", "{太低|偏低|过低}"),
    ("太轻", "{太轻|偏轻|过轻}"),
    ("太晚", "{太晚|太迟|晚了点}"),
    ("太短", "{太短|短了|过短}"),
    ("太大", "{太大|过大|偏大}"),
    ("太早", "{太早|过早|早了点}"),
    ("太危险", "{太危险|很危险|危险得很}"),
    ("太专业", "{太专业|专业性太强|太深奥}"),
    ("到处都是", "{到处都是|随处可见|满地都是|哪儿都是}"),
    ("湖边", "{湖边|湖岸边|沿湖|湖畔|湖边上}"),
    ("湖里", "{湖里|湖中|湖水里|湖里头}"),
    ("湖面", "{湖面|水面|湖上}"),
    ("岸边", "{岸边|岸上|水边|湖岸}"),
    ("村民", "{村民|老乡|乡亲们|村里人}"),
    ("群众", "{群众|老百姓|居民|市民}"),
    ("老百姓", "{老百姓|群众|普通人|咱老百姓}"),
    ("游客", "{游客|外地游客|来玩的人|游人}"),
    ("公布", "{公布|公开|公示|发布}"),
    ("公开", "{公开|公示|公布}"),
    ("每年", "{每年|每一年|年年}"),
    ("经常", "{经常|常常|时常|老是|动不动就}"),
    ("晚上", "{晚上|夜里|半夜|天黑以后}"),
    ("夜里", "{夜里|晚上|半夜|深夜}"),
    ("早上", "{早上|清早|早晨}"),
    ("偷偷", "{偷偷|偷偷摸摸地|悄悄|趁没人}"),
    ("全部", "{全部|一律|统统|全都}"),
    ("到底", "{到底|究竟}"),
    ("问题", "{问题|情况|现象}"),
    ("情况", "{情况|状况|现象}"),
    ("严重", "{严重|厉害|突出}"),
    ("大家", "{大家|大伙|大伙儿|各方}"),
    ("这几年", "{这几年|近几年|这些年|近年来}"),
    ("前几年", "{前几年|前些年|早几年}"),
    ("以后", "{以后|之后|过后}"),
    ("及时", "{及时|尽快|第一时间}"),
    ("必须", "{必须|一定要|务必}"),
    ("不能", "{不能|不可以|不应该|不该}"),
    ("容易", "{容易|很容易|往往会}"),
    ("很难", "{很难|难以|不好}"),
    ("很大", "{很大|挺大|不小|非常大}"),
    ("很少", "{很少|极少|没多少}"),
    ("很", "{很|挺|非常|相当}"),
    ("一下雨", "{一下雨|下大雨的时候|一到雨天|雨一大}"),
    ("清理", "{清理|清除|清走|处理掉}"),
    ("老人", "{老人|老年人|上了年纪的人}"),
    ("看不到", "{看不到|看不见|见不着}"),
    ("不知道", "{不知道|搞不清楚|弄不明白}"),
    ("知道", "{知道|清楚|晓得}"),
    ("说清楚", "{说清楚|讲明白|说明白}"),
    ("写清楚", "{写清楚|写明白|规定清楚}"),
    ("写明确", "{写明确|写清楚|写明白}"),
    ("没有结果", "{没有结果|石沉大海|不了了之}"),
    ("没有", "{没有|没}"),
    ("我们", "{我们|咱们|我们}"),
    ("应该", "{应该|应当|该}"),
    ("应当", "{应当|应该}"),
    ("加强", "{加强|强化|加大}"),
    ("加大", "{加大|提高|加重}"),
    ("提高", "{提高|提升|加大}"),
    ("尽快", "{尽快|抓紧|早日}"),
    ("支持", "{支持|赞成|拥护}"),
    ("附近", "{附近|周边|旁边|一带}"),
    ("周边", "{周边|周围|附近}"),
    ("一带", "{一带|附近|那边|周围}"),
    ("那边", "{那边|那一块|那里}"),
    ("发现", "{发现|看到|注意到}"),
    ("看到", "{看到|看见|瞧见}"),
    ("好几", "{好几|多}"),
    ("特别", "{特别|格外|尤其}"),
    ("非常", "{非常|十分|相当}"),
    ("比较", "{比较|相对|较为|有些}"),
    ("大量", "{大量|成批|大肆}"),
    ("具体", "{具体|详细|明确}"),
    ("标准", "{标准|数额|办法}"),
    ("处罚", "{处罚|处理|惩处}"),
    ("违法", "{违法|违规}"),
    ("设置", "{设置|设立|增设}"),
    ("建立", "{建立|建起|健全}"),
    ("这个", "{这个|这}"),
    ("就是", "{就是|便是}"),
    ("只有", "{只有|仅有|就}"),
    ("还有", "{还有|另有|仍有}"),
    ("还在", "{还在|仍在|依然在}"),
    ("已经", "{已经|早已|早就}"),
    ("管理", "{管理|管控|监管}"),
    ("影响", "{影响|危害}"),
    ("多少", "{多少|几何}"),
    ("方便", "{方便|便于}"),
    ("才能", "{才能|才可以|才}"),
    ("禁止垂钓", "禁止垂钓"),
    ("网箱养殖", "网箱养殖"),
    ("饮用水水源保护区", "饮用水水源保护区"),
    ("禁止", "{禁止|严禁|不准|不许}"),
    ("不明确", "{不明确|不清楚|不清晰}"),
    ("明确", "{明确|写明|清楚规定}"),
    ("实行", "{实行|推行|实施}"),
    ("增加", "{增加|增设|补充}"),
    ("严格", "{严格|从严}"),
    ("给予", "{给予|给|予以}"),
    ("合理", "{合理|适当|足额}"),
    ("发放", "{发放|发|支付}"),
    ("限期", "{限期|在限定期限内|按期}"),
    ("开展", "{开展|组织|进行}"),
    ("向社会", "{向社会|向公众|对外}"),
    ("渔民", "{渔民|打鱼的|渔户}"),
    ("干部", "{干部|村干部|领导}"),
    ("企业", "{企业|厂家|公司}"),
    ("工厂", "{工厂|厂子|企业}"),
    ("事情", "{事情|事|事儿}"),
    ("觉得", "{觉得|认为|感觉}"),
    ("几个", "{几个|几名|好几个}"),
    ("效果", "{效果|成效|作用}"),
    ("作用", "{作用|效果}"),
    ("负责", "{负责|牵头|担责}"),
    ("落实", "{落实|兑现|执行}"),
    ("执行", "{执行|实施|落地}"),
    ("监督", "{监督|监管|督促}"),
    ("部门", "{部门|单位|机关}"),
    ("单位", "{单位|部门}"),
    ("设施", "{设施|设备}"),
    ("经费", "{经费|资金|钱}"),
    ("资金", "{资金|钱款|经费}"),
    ("沿湖", "{沿湖|环湖|湖边}"),
    ("普遍", "{普遍|大面积|广泛}"),
    ("其他", "{其他|其它|别的}"),
    ("每天", "{每天|天天|每日}"),
    ("周末", "{周末|周六周日|双休日}"),
    ("夏天", "{夏天|夏季|暑天}"),
    ("冬天", "{冬天|冬季|入冬以后}"),
    ("节假日", "{节假日|过节放假|假期}"),
    ("所以", "{所以|因此|因而}"),
    ("如果", "{如果|要是|假如}"),
    ("而且", "{而且|并且|还}"),
    ("但是", "{但是|可是|不过|然而}"),
    ("治理", "{治理|整治|治}"),
    ("整改", "{整改|改正|整治}"),
    ("处理", "{处理|处置}"),
    ("污水处理", "污水处理"),
    ("禁止行为", "{禁止行为|禁止性行为|禁止的行为}"),
    ("怎么", "{怎么|咋|如何}"),
    ("什么", "{什么|啥}"),
    ("多久", "{多久|多长时间}"),
    ("地方", "{地方|地儿|地段}"),
    ("可以", "{可以|能够|可}"),
    ("都是", "{都是|全是|基本都是}"),
    ("只说", "{只说|只写了|仅规定}"),
    ("没有提", "{没有提|没提|只字未提}"),
    ("差距很大", "{差距很大|差距不小|差得远}"),
    ("一定范围", "一定范围"),
];

/// The material with every synonym turned into a choice, built once.
struct Material {
    topics: Vec<TopicText>,
    greetings: Vec<Tpl>,
    self_intros: Vec<Tpl>,
    fisher_intros: Vec<Tpl>,
    fisher_sayings: Vec<Tpl>,
    deputy_intros: Vec<Tpl>,
    department_intros: Vec<Tpl>,
    organization_intros: Vec<Tpl>,
    enterprise_intros: Vec<Tpl>,
    article_intros: Vec<Tpl>,
    expert_frames: Vec<Tpl>,
    expert_notes: Vec<Tpl>,
    openers: Vec<(Tpl, &'static str)>,
    observation_leads: Vec<Tpl>,
    consequences: Vec<Tpl>,
    proposal_tails: Vec<Tpl>,
    also: Vec<Tpl>,
    closings: Vec<Tpl>,
    fillers: Vec<Tpl>,
    legal_reasons: Vec<Tpl>,
    times: Vec<Tpl>,
    who: Vec<Tpl>,
    generic_obs: Vec<Tpl>,
    generic_props: Vec<Tpl>,
}

/// A topic's observations, proposals and reasons, prepared.
struct TopicText {
    obs: Vec<Tpl>,
    props: Vec<Tpl>,
    reasons: Vec<Tpl>,
}

fn material() -> &'static Material {
    static M: OnceLock<Material> = OnceLock::new();
    M.get_or_init(|| {
        assert_eq!(TOPIC_NOUNS.len(), TOPICS.len());
        let v = |xs: &[&str]| xs.iter().map(|s| compile(&vary(s))).collect::<Vec<Tpl>>();
        Material {
            topics: TOPICS
                .iter()
                .map(|t| TopicText {
                    obs: v(t.obs),
                    props: v(t.props),
                    reasons: v(t.reasons),
                })
                .collect(),
            greetings: v(GREETINGS),
            self_intros: v(SELF_INTROS),
            fisher_intros: v(FISHER_INTROS),
            fisher_sayings: v(FISHER_SAYINGS),
            deputy_intros: v(DEPUTY_INTROS),
            department_intros: v(DEPARTMENT_INTROS),
            organization_intros: v(ORGANIZATION_INTROS),
            enterprise_intros: v(ENTERPRISE_INTROS),
            article_intros: v(ARTICLE_INTROS),
            expert_frames: v(EXPERT_FRAMES),
            expert_notes: v(EXPERT_NOTES),
            openers: OPENERS
                .iter()
                .map(|&(o, e)| (compile(&vary(o)), e))
                .collect(),
            observation_leads: v(OBSERVATION_LEADS),
            consequences: v(CONSEQUENCES),
            proposal_tails: v(PROPOSAL_TAILS),
            also: v(ALSO),
            closings: v(CLOSINGS),
            fillers: v(FILLERS),
            legal_reasons: v(LEGAL_REASONS),
            times: v(TIMES),
            who: v(WHO),
            generic_obs: v(GENERIC_OBS),
            generic_props: v(GENERIC_PROPS),
        }
    })
}

/// Turns every synonym key outside quotation marks (“…”, 《…》) and outside `{…}` choices into
/// the choice of its forms; longer keys first.
fn vary(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    let (mut quoted, mut braces) = (0i32, 0i32);
    let mut rest = s;
    'outer: while let Some(c) = rest.chars().next() {
        match c {
            '“' | '《' => quoted += 1,
            '”' | '》' => quoted -= 1,
            '{' => braces += 1,
            '}' => braces -= 1,
            _ => {}
        }
        if quoted == 0 && braces == 0 {
            let mut best: Option<&(&str, &str)> = None;
            for e in SYNONYMS {
                if rest.starts_with(e.0) && best.is_none_or(|b| b.0.len() < e.0.len()) {
                    best = Some(e);
                }
            }
            if let Some(&(k, forms)) = best {
                out.push_str(forms);
                rest = &rest[k.len()..];
                continue 'outer;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// A template compiled once: literal text, `#X` slots and `{a|b}` choices.
struct Tpl(Box<[Part]>);

enum Part {
    Lit(Box<str>),
    Slot(u8),
    Choice(Box<[Tpl]>),
}

/// Something [`Generator::render_into_piece`] renders: a compiled template or template text.
trait Template {
    fn render(&self, g: &mut Generator, piece: &mut String, art: Option<u32>);
}

impl Template for str {
    fn render(&self, g: &mut Generator, piece: &mut String, art: Option<u32>) {
        g.expand(piece, self, art);
    }
}

impl Template for Tpl {
    fn render(&self, g: &mut Generator, piece: &mut String, art: Option<u32>) {
        g.render_tpl(piece, self, art);
    }
}

fn compile(s: &str) -> Tpl {
    let mut i = 0;
    let t = compile_seq(s, &mut i);
    assert_eq!(i, s.len(), "unbalanced braces in {s}");
    t
}

/// A sequence up to the end, or up to a `|` or `}` of the enclosing choice.
fn compile_seq(s: &str, i: &mut usize) -> Tpl {
    let b = s.as_bytes();
    let mut parts = Vec::new();
    let mut start = *i;
    let lit = |parts: &mut Vec<Part>, from: usize, to: usize| {
        if to > from {
            parts.push(Part::Lit(s[from..to].into()));
        }
    };
    while *i < b.len() {
        match b[*i] {
            b'#' => {
                lit(&mut parts, start, *i);
                parts.push(Part::Slot(b.get(*i + 1).copied().unwrap_or(b' ')));
                *i = (*i + 2).min(b.len());
                start = *i;
            }
            b'{' => {
                lit(&mut parts, start, *i);
                *i += 1;
                let mut alts = Vec::new();
                loop {
                    alts.push(compile_seq(s, i));
                    let end = b.get(*i).copied();
                    *i += 1;
                    if end != Some(b'|') {
                        assert_eq!(end, Some(b'}'), "unclosed brace in {s}");
                        break;
                    }
                }
                parts.push(Part::Choice(alts.into()));
                start = *i;
            }
            b'|' | b'}' => break,
            _ => *i += 1,
        }
    }
    lit(&mut parts, start, *i);
    Tpl(parts.into())
}

const CAMPAIGNS: &[&str] = &[
    "我们郑重建议在《青澜市青澜湖保护条例》中明确规定：全面禁止在青澜湖水域从事网箱养殖，现有网箱一年内全部清理。网箱养鱼大量投饵投药，残饵和鱼粪是湖水富营养化、蓝藻暴发的重要原因。为了子孙后代的一湖清水，请立法机关采纳！",
    "强烈要求条例保留传统垂钓区域！垂钓是广大市民亲近自然的健康休闲方式，绝大多数钓友都自觉带走垃圾。一刀切禁止垂钓既不合理，也难以执行。建议划定垂钓区，实行登记管理。",
    "我们是东岸县的渔民，请求在条例中写明：禁渔期内按月发放生活补助，退捕上岸的渔民纳入社会保障，优先安排公益性岗位。没有生计保障，禁渔就禁不住。",
    "建议把湖岸线全部向公众开放，拆除私人会所和围墙，建设环湖步道。青澜湖是全体市民的青澜湖，不能成为少数人的后花园！",
    "呼吁立法保护青澜湖越冬候鸟。候鸟越冬期间禁止在栖息地周边使用无人机、燃放烟花爆竹和驱赶拍摄，违者从重处罚。",
    "反对在青澜湖建设高尔夫球场和别墅项目！二级保护区内已建的高尔夫球场应当限期关闭，恢复湿地。",
];

/// One subject of the regulation: the first draft's articles on it and what people say.
struct Topic {
    weight: u32,
    arts: &'static [u32],
    /// Observations (whole sentences).
    obs: &'static [&'static str],
    /// Proposals (clauses read after an opener such as 建议 or 能不能).
    props: &'static [&'static str],
    /// Reasons (whole sentences).
    reasons: &'static [&'static str],
    /// Wording changes: (draft text, proposed text).
    quotes: &'static [(&'static str, &'static str)],
}

const TOPICS: &[Topic] = &[
    Topic {
        weight: 2,
        arts: &[1],
        obs: &[
            "第一条{立法依据|依据}{只列了|仅列举了|只写了}{水法、水污染防治法和湿地保护法|三部法律}{，不够全面|，漏了几部|}。",
            "青澜湖{承担着|还有|担负着}{区域蓄洪调洪的功能|蓄洪调洪的任务|防洪的功能}，{立法依据里|第一条里|依据中}{却没有防洪法|没列防洪法|偏偏漏了防洪法}。",
            "条例多处涉及渔业管理，依据中没有渔业法。",
        ],
        props: &[
            "在立法依据中增加《中华人民共和国防洪法》",
            "把《中华人民共和国渔业法》列入立法依据",
            "在立法目的中写上“促进人与自然和谐共生”",
        ],
        reasons: &[
            "第六条规定了防洪职责，依据中缺少防洪法不妥。",
            "这样立法依据更完整，也便于执法时援引。",
        ],
        quotes: &[("推进生态文明建设", "推进生态文明建设，促进人与自然和谐共生")],
    },
    Topic {
        weight: 5,
        arts: &[2, 12],
        obs: &[
            "第二条说入湖河流沿岸“一定范围”，这个范围到底多大没有说清楚。",
            "我家在#P，离湖大概#N00米，不知道算不算保护范围。",
            "现在湖边的界桩很多已经倒了，有的被人拿去垫路。",
            "一级保护区{只划到|只到|仅划到}最高蓄水位线外五十米，{湖边的餐馆、民宿|沿湖的饭店、民宿|那些农家乐}{都在五十米以外|全在范围外|一个也管不到}。",
        ],
        props: &[
            "把一级保护区的陆域范围从五十米扩大到一百米",
            "明确入湖河流沿岸保护范围的具体宽度",
            "保护范围划定后在#P等村口设置醒目的标识牌",
            "划定保护范围时听取沿湖村民的意见",
            "公布保护范围的电子地图，方便群众用手机App查询",
        ],
        reasons: &[
            "范围不明确，执法时容易扯皮。",
            "五十米太窄，起不到缓冲作用。",
            "很多老百姓根本不知道自己家是不是在保护区里。",
        ],
        quotes: &[
            ("五十米", "一百米"),
            ("一定范围", "五百米范围"),
            ("五百米", "一千米"),
        ],
    },
    Topic {
        weight: 2,
        arts: &[3],
        obs: &[
            "条例整体写得比较原则，很多条款都是“应当加强”“应当建立”。",
            "第三条的原则写得很全面，但缺少“全民参与”的提法。",
        ],
        props: &[
            "增加“科学利用”“共建共享”的原则",
            "把“公众参与”改为“全民参与、共建共享”",
            "每个“应当加强”后面都写上具体由谁负责、什么时候完成",
        ],
        reasons: &["原则性的话多了，到基层就不好落实。", "立法要管用，不在多。"],
        quotes: &[("损害担责", "损害担责、全民行动")],
    },
    Topic {
        weight: 3,
        arts: &[4],
        obs: &[
            "第四条{说|规定}经费列入本级财政预算，{但|可}沿湖{区县|各县区}{财力差距很大|穷的穷富的富|财政状况不一样}。",
            "{东岸县和西溪县|东岸县|西溪县}财政{比较紧张|很困难|吃紧}，{光靠县里|单靠县级财政|县里自己}{很难完成治理任务|拿不出这么多钱|根本治不过来}。",
        ],
        props: &[
            "明确市级财政对东岸县、西溪县给予专项转移支付",
            "把沿湖街道办事处的职责写具体",
            "建立青澜湖保护专项资金，每年向社会公开使用情况",
        ],
        reasons: &[
            "没有钱，规定得再好也落实不了。",
            "资金公开了，老百姓才放心。",
        ],
        quotes: &[(
            "所需经费列入本级财政预算",
            "所需经费列入本级财政预算，并保障逐年有所增长",
        )],
    },
    Topic {
        weight: 3,
        arts: &[5, 39],
        obs: &[
            "湖泊管理机构是事业单位，能不能行使行政处罚权有争议。",
            "第五条列了七项职责，但没有执法手段。",
            "现在湖边巡查的只有几个临时工，#P那边一个月都看不到人。",
        ],
        props: &[
            "明确湖泊管理机构的执法主体资格",
            "给湖泊管理机构配备足够的编制和执法船只",
            "在第五条职责中增加“组织开展蓝藻监测和打捞”",
            "把湖泊管理机构的巡查频次写进条例，至少每周一次",
        ],
        reasons: &[
            "委托执法在实践中问题很多，最好由条例直接授权。",
            "职责写了一大堆，没人没钱也是空的。",
        ],
        quotes: &[(
            "依法行使市人民政府或者有关部门委托的行政处罚权",
            "依法相对集中行使青澜湖保护范围内的行政处罚权",
        )],
    },
    Topic {
        weight: 3,
        arts: &[6],
        obs: &[
            "第六条列了一长串部门，“按照各自职责”等于没说。",
            "湖边的事情水务、环保、农业、城管都能管，结果谁都不管。",
        ],
        props: &[
            "明确#D和#D在岸线管理上的职责分工",
            "对多头管理的事项规定牵头部门",
            "增加公安机关打击电鱼、炸鱼等违法行为的职责",
        ],
        reasons: &[
            "“有关部门”指向不明，容易导致推诿。",
            "出了问题要能找到具体的责任单位。",
        ],
        quotes: &[(
            "按照各自职责做好青澜湖保护的相关工作",
            "按照本条例规定和各自职责做好青澜湖保护的相关工作",
        )],
    },
    Topic {
        weight: 3,
        arts: &[7],
        obs: &[
            "第七条{三级湖长|湖长体系}{只写到乡镇|只到乡镇一级}，{街道也有湖岸线|可街道也有岸线|漏了街道和村}。",
            "我们#P也设了村级湖长，但条例里没有。",
            "湖长公示牌上的电话打过去经常没人接。",
        ],
        props: &[
            "把湖长制延伸到村（社区），设立四级湖长",
            "将街道一并写入湖长体系",
            "规定湖长公示牌上的电话必须有人接听",
            "建立民间湖长制度，让热心群众参与监督",
        ],
        reasons: &[
            "最了解湖的是住在湖边的人。",
            "村级湖长在实践中作用很大，应当在条例中确认。",
        ],
        quotes: &[(
            "市、区县、乡镇三级湖长",
            "市、区县、乡镇（街道）、村（社区）四级湖长",
        )],
    },
    Topic {
        weight: 6,
        arts: &[8, 45],
        obs: &[
            "第八条{生态补偿|关于补偿}{只说了|只写了一句}“给予补偿”，{补偿标准、对象|补多少、补给谁|标准和程序}{都没有写|一概没提|全是空白}。",
            "我们#P的村民为了保护湖水，养殖场拆了、地也不让种了，补偿一直没有落实。",
            "上游的西溪县为保护水质付出了很大代价。",
        ],
        props: &[
            "明确生态补偿的标准、程序和资金来源",
            "建立上下游横向生态补偿机制",
            "补偿资金直接发放到户，并张榜公示",
            "对退渔上岸的渔民给予社保补贴和就业培训",
        ],
        reasons: &[
            "保护湖泊不能让沿湖群众吃亏。",
            "补偿不到位，群众就没有保护的积极性。",
            "#N年前退田还湖时答应的补偿，到现在还有一部分没有兑现。",
        ],
        quotes: &[(
            "给予补偿",
            "给予合理补偿，补偿标准由市人民政府制定并向社会公布",
        )],
    },
    Topic {
        weight: 2,
        arts: &[9],
        obs: &[
            "很多游客根本不知道青澜湖有保护条例。",
            "学校里关于青澜湖的环保教育很少。",
        ],
        props: &[
            "把青澜湖保护知识纳入中小学地方课程",
            "在湖边步道设置宣传栏和二维码，扫码就能看条例全文",
            "每年设立“青澜湖保护日”",
            "设一个固定的青澜湖保护宣传月",
        ],
        reasons: &["保护意识要从娃娃抓起。", "光靠罚款不行，还是要让大家自觉。"],
        quotes: &[],
    },
    Topic {
        weight: 4,
        arts: &[10, 50],
        obs: &[
            "举报电话{打过去|打了好几次}，{经常是|往往|每次都}{转来转去|推来推去|让等通知}没有结果。",
            "我曾经举报过#P有人夜里电鱼，过了#N天才有人来。",
            "第五十条说查证属实给予奖励，奖多少没说。",
        ],
        props: &[
            "开通“随手拍”举报渠道，可以用微信小程序上传照片",
            "规定举报后#N个工作日内反馈处理结果",
            "明确举报奖励的标准，并对举报人信息严格保密",
            "把12345热线和湖长公示电话打通",
            "举报电话24小时有人接听",
        ],
        reasons: &[
            "群众的眼睛最雪亮。",
            "反馈不及时，大家就不愿意再举报了。",
            "举报人被打击报复的事情在#P发生过。",
        ],
        quotes: &[("给予奖励", "按照规定给予奖励，并对举报人的信息予以保密")],
    },
    Topic {
        weight: 3,
        arts: &[11, 13],
        obs: &[
            "第十一条{规划编制|编规划}{只说报省政府批准|只写了报批|只提到省政府批准}，{没有提公众参与|公众参与一个字都没有|没说要听群众意见}。",
            "以前的旅游规划把湖边好几处湿地都规划成了酒店。",
        ],
        props: &[
            "规划编制向社会公开征求意见，并听取专家意见",
            "规划每五年评估一次，评估结果向社会公布",
            "明确其他专项规划与保护规划冲突时以保护规划为准",
        ],
        reasons: &["规划不能关起门来编。", "规划是龙头，规划错了后面都错。"],
        quotes: &[(
            "报省人民政府批准后公布实施",
            "向社会公开征求意见，报省人民政府批准后公布实施",
        )],
    },
    Topic {
        weight: 10,
        arts: &[14, 56],
        obs: &[
            "#P那一片湖面全是网箱，远看像个城墙。",
            "{网箱养鱼|养网箱的|网箱里养鱼}{大量投饵投药|把饲料和药往湖里撒|天天投饵喂药}，{残饵和鱼粪|吃剩的饲料和鱼粪|饵料鱼粪}{是|就是|正是}{湖水富营养化|湖水变绿发臭|水质变差}的{重要原因|主要原因|罪魁祸首}。",
            "第十四条只禁止一级保护区内围网养殖，没有禁止网箱养殖。",
            "夜里还有人在#P一带电鱼，电瓶一开，大鱼小鱼全死了。",
        ],
        props: &[
            "全面禁止在青澜湖水域从事网箱养殖",
            "把“围网养殖”修改为“围网、网箱养殖”",
            "在禁止行为中增加“使用地笼、迷魂阵等密眼网具捕捞”",
            "现有网箱在#N年内全部清理，并给予养殖户合理补偿",
            "对电鱼、炸鱼、毒鱼的行为加大处罚力度",
        ],
        reasons: &[
            "网箱不拆，水质好不了。",
            "地笼网眼太小，连鱼苗都不放过。",
            "禁止行为列得越具体，执法越有依据。",
        ],
        quotes: &[
            ("围湖造地、围网养殖", "围湖造地、围网养殖、网箱养殖"),
            (
                "使用炸鱼、毒鱼、电鱼等方法捕捞",
                "使用炸鱼、毒鱼、电鱼以及地笼、迷魂阵等禁用渔具捕捞",
            ),
        ],
    },
    Topic {
        weight: 3,
        arts: &[15],
        obs: &[
            "二级保护区内已经有#N家养殖场，条例只禁止新建，老的怎么办？",
            "#P旁边还有一个高尔夫球场在营业。",
            "二级保护区禁止的行为太少了。",
        ],
        props: &[
            "对二级保护区内现有的规模化畜禽养殖场限期搬迁",
            "在二级保护区禁止行为中增加“新建、扩建化工、造纸、印染等项目”",
            "对已建成的高尔夫球场明确处理办法",
        ],
        reasons: &[
            "只管新的不管老的，等于给老的开了口子。",
            "含磷洗涤剂、化肥对湖水影响很大。",
        ],
        quotes: &[("新建规模化畜禽养殖场", "新建、扩建规模化畜禽养殖场")],
    },
    Topic {
        weight: 3,
        arts: &[16, 13],
        obs: &[
            "湖边这几年新盖了不少民宿，有的就在#P水边上。",
            "环评都是走过场，报告写得好看，实际上没人管。",
        ],
        props: &[
            "环评专门评价对青澜湖水质和生态的影响",
            "湖边建设项目的审批结果向社会公开",
            "对违规建设的民宿、农家乐限期整改",
        ],
        reasons: &[
            "一般的环评看不出对湖的影响。",
            "审批公开了，才能接受群众监督。",
        ],
        quotes: &[(
            "依法进行环境影响评价",
            "依法进行环境影响评价，并专章论证对青澜湖水质和生态系统的影响",
        )],
    },
    Topic {
        weight: 3,
        arts: &[17, 18],
        obs: &[
            "第十八条说逐步关停、搬迁不符合规划的企业，“逐步”是多久？",
            "我们厂在#P办了#N年，一下子要搬，工人怎么办？",
            "沿湖的砂石厂、小化工还在偷偷生产。",
        ],
        props: &[
            "把“逐步关停、搬迁”改为明确的期限",
            "对搬迁企业给予合理的过渡期和补偿",
            "鼓励沿湖发展生态农业和生态旅游，给予税收优惠",
        ],
        reasons: &[
            "没有期限，“逐步”就会变成“不动”。",
            "企业也愿意配合，但要给条活路。",
        ],
        quotes: &[("逐步关停、搬迁", "在三年内关停、搬迁")],
    },
    Topic {
        weight: 2,
        arts: &[19, 20, 22],
        obs: &[
            "前年大旱，青澜湖水位降到历史最低，#P的码头都露底了。",
            "湖边有些单位私自抽水浇地，从来没人管。",
            "节约用水是全市都要做的事，放在湖泊保护条例里意义不大。",
        ],
        props: &[
            "在条例中直接规定最低生态水位的确定程序和公布方式",
            "对私自取水的行为明确罚则",
            "推广再生水用于绿化、洗车",
        ],
        reasons: &[
            "水位太低，湖里的水草和鱼都受影响。",
            "水少了，污染物浓度就上去了。",
        ],
        quotes: &[(
            "限制或者暂停其他取水",
            "限制或者暂停农业、工业和景观用水等其他取水",
        )],
    },
    Topic {
        weight: 2,
        arts: &[21],
        obs: &[
            "我们#P几千人喝的都是青澜湖的水。",
            "饮用水水源保护区里还有人游泳、洗衣服。",
        ],
        props: &[
            "向社会公布饮用水水源保护区的范围",
            "在饮用水水源保护区设置隔离网和视频监控",
            "定期公布饮用水水源水质检测结果",
        ],
        reasons: &["喝水安全是头等大事。", "老百姓有权知道自己喝的水怎么样。"],
        quotes: &[("青澜湖作为城市饮用水水源的", "青澜湖作为城市饮用水水源地，")],
    },
    Topic {
        weight: 6,
        arts: &[23, 24, 49],
        obs: &[
            "{现在的|目前|眼下}水质监测数据{只有每月一次|一个月才测一次|更新很慢}，{公众|老百姓|我们}{根本查不到|上网也找不到|想看都看不到}。",
            "#R入湖口的水经常发黑发臭。",
            "湖边{有个|立着一个|那个}水质自动监测站，{屏幕上的数字|显示屏上的数|上面的数据}{好几年没变过|从来没变过|一直是那几个数|常年黑屏}。",
        ],
        props: &[
            "在各主要入湖河流设立水质自动监测站，数据实时公开",
            "每月在政府网站和App上公布水质监测结果，包括总磷、总氮和COD",
            "水质异常时及时向沿湖居民发布预警",
            "把“定期发布”改为“每月发布”",
        ],
        reasons: &[
            "数据公开了，大家才知道治理有没有效果。",
            "总磷超标是蓝藻暴发的主要原因，要重点监测。",
            "去年#R的水质只有Ⅴ类，个别月份甚至劣Ⅴ类。",
        ],
        quotes: &[
            ("定期发布水环境质量状况", "每月向社会发布水环境质量状况"),
            (
                "掌握入湖水量和水质变化情况",
                "实时掌握入湖水量和水质变化情况，监测数据向社会公开",
            ),
        ],
    },
    Topic {
        weight: 5,
        arts: &[25, 27],
        obs: &[
            "#P的生活污水直接排进湖里，雨天更严重。",
            "污水处理厂晚上偷偷停运，第二天早上水面上全是泡沫。",
            "雨污分流{喊了好多年|说了十几年|年年提}，{老城区|#P一带|很多小区}{还是混着排|照样雨污混流|管子还是一根}。",
        ],
        props: &[
            "规定沿湖城镇污水处理厂的出水标准不低于地表水Ⅳ类",
            "对农村生活污水处理设施建成后的运行维护经费作出规定",
            "加快#P片区的雨污分流改造，#N年内完成",
            "雨污分流改造时分段施工，少影响出行",
        ],
        reasons: &["建了不运行，等于没建。", "农村污水设施很多建好了就晒太阳。"],
        quotes: &[(
            "提高污水收集率和处理率",
            "提高污水收集率和处理率，城镇污水集中收集率达到百分之九十以上",
        )],
    },
    Topic {
        weight: 4,
        arts: &[26, 14],
        obs: &[
            "#P附近有个暗管，晚上往湖里排黄水。",
            "湖边的排污口到底有多少，没有人说得清。",
            "有的工厂把排污口藏在水面以下。",
        ],
        props: &[
            "对入湖排污口进行全面排查，建立档案并向社会公布",
            "禁止在保护范围内新设排污口，现有排污口限期整治",
            "排污单位的自动监测数据与湖泊管理机构联网",
        ],
        reasons: &["排污口是污染的源头，必须管住。", "偷排的成本太低了。"],
        quotes: &[("设置排污口", "新设、改设或者扩大排污口")],
    },
    Topic {
        weight: 8,
        arts: &[27, 14, 57],
        obs: &[
            "{周末|节假日|一到晚上}湖边垃圾{特别多|多得吓人|堆成山}，{塑料瓶、外卖盒|饮料瓶、零食袋|烧烤签子、啤酒瓶}{到处都是|扔得满地|漂在水面上}。",
            "#P岸边堆了好几堆建筑垃圾，一直没人清理。",
            "农村的垃圾桶太少，村民就把垃圾往沟里倒，一下雨全冲进湖里。",
            "湖边的垃圾桶满了也没人倒，风一吹到处飞。",
        ],
        props: &[
            "在湖边步道每隔#N00米设置一组分类垃圾桶",
            "明确湖边垃圾的清运责任单位和频次",
            "对乱扔垃圾的游客处以罚款，并公开曝光",
            "在#P设置建筑垃圾临时堆放点，禁止往湖边倒",
        ],
        reasons: &[
            "垃圾问题看起来小，但群众感受最直接。",
            "垃圾不清，湖再美也没人愿意来。",
        ],
        quotes: &[(
            "对个人处二百元以上二千元以下罚款",
            "对个人处五百元以上五千元以下罚款",
        )],
    },
    Topic {
        weight: 4,
        arts: &[28, 29],
        obs: &[
            "湖边的农田化肥用得太多，一下雨全冲进湖里。",
            "#P一带种藕、种菱角的都在大量用药。",
            "畜禽粪污直接排到沟渠里，臭得不行。",
        ],
        props: &[
            "在一级保护区内禁止使用化肥",
            "推广有机肥替代化肥，政府给予补贴",
            "对散养畜禽同样规定粪污处理要求",
            "建设生态沟渠和湿地，拦截农田退水",
        ],
        reasons: &[
            "农业面源污染已经超过工业污染，成了最大的污染源。",
            "光禁止剧毒农药不够。",
        ],
        quotes: &[(
            "禁止使用剧毒、高毒农药",
            "禁止使用剧毒、高毒、高残留农药和化学除草剂",
        )],
    },
    Topic {
        weight: 5,
        arts: &[30, 38, 59],
        obs: &[
            "湖上的游船{越来越多|一年比一年多|多得数不过来}，{柴油味很重|一股柴油味|突突突冒黑烟}。",
            "有的游船直接往湖里倒垃圾、排污水。",
            "节假日游船太多，#P码头经常排长队，安全也有隐患。",
            "码头的污染物接收设施形同虚设。",
        ],
        props: &[
            "逐步淘汰燃油游船，改用电动船",
            "控制游船数量，实行总量控制",
            "规定游船生活污水一律上岸处理，船上安装GPS定位和监控",
            "明确船舶污染物接收设施的运营单位和费用",
        ],
        reasons: &["燃油船漏油对水质影响很大。", "游船太多，湖就成了马路。"],
        quotes: &[
            (
                "控制经营性船舶的数量",
                "实行经营性船舶总量控制，并逐步推广使用新能源船舶",
            ),
            ("处二千元以上二万元以下罚款", "处五千元以上五万元以下罚款"),
        ],
    },
    Topic {
        weight: 1,
        arts: &[31, 60],
        obs: &[
            "湖边经常有人在水边洗车，洗的还有拉化肥的农用车。",
            "#P码头有人用湖水清洗装过油的桶。",
        ],
        props: &[
            "在禁止行为中增加“在湖中洗车”",
            "对在湖边洗车的个人同样规定处罚",
        ],
        reasons: &["洗车的油污直接进了湖。"],
        quotes: &[("车辆和容器", "车辆、船舶和容器")],
    },
    Topic {
        weight: 1,
        arts: &[32],
        obs: &[
            "前几年#R发生过一次死鱼事件，到现在也没说清原因。",
            "应急预案放在柜子里，真出事了没人知道怎么办。",
        ],
        props: &[
            "每年至少组织一次水污染突发事件应急演练",
            "突发事件发生后#N小时内向社会通报",
            "把应急物资储备点设在湖边",
        ],
        reasons: &["出事以后信息不公开，谣言满天飞。"],
        quotes: &[(
            "报市人民政府批准后实施",
            "报市人民政府批准后实施，并定期组织演练",
        )],
    },
    Topic {
        weight: 4,
        arts: &[33, 34, 35, 40],
        obs: &[
            "湖边的私人会所把岸线围起来了，老百姓走不过去。",
            "#P一带的岸线被违章建筑占了好长一段。",
            "有的开发商把湖湾填了盖房子。",
        ],
        props: &[
            "湖岸线向公众开放，禁止任何单位圈占",
            "对违法占用岸线的建筑限期拆除",
            "把岸线利用管理规划向社会公开",
            "建设环湖步道和自行车道，贯通全部岸线",
        ],
        reasons: &[
            "湖是大家的，不能成了少数人的后花园。",
            "等效替代说起来容易，做起来很难核实。",
        ],
        quotes: &[(
            "恢复湖岸自然形态",
            "恢复湖岸自然形态，湖岸线原则上向公众开放",
        )],
    },
    Topic {
        weight: 9,
        arts: &[36, 61],
        obs: &[
            "湖边{钓鱼的人|钓鱼的|钓友}{太多|一到周末就扎堆|越来越多}，{扔的鱼线、饵料袋|鱼线、饵料袋、烟头|丢下的鱼钩鱼线}到处都是。",
            "每年夏天都有人在#P野泳，去年还淹死了人。",
            "第三十六条{说|规定}在划定区域垂钓，{但区域在哪没公布|可垂钓区到现在也没划|哪里能钓谁也说不清}。",
            "我钓了#N年鱼，从来都是把垃圾带走的，不能一刀切。",
        ],
        props: &[
            "湖边全部禁止垂钓",
            "划定专门的垂钓区，实行实名登记",
            "保留传统垂钓区域，禁止使用多钩、爆炸钩和电子诱鱼器",
            "在野泳多发的#P设置警示牌和救生圈",
            "把违规垂钓的罚款提高到五百元",
            "设立全年开放的垂钓区，并允许夜钓",
        ],
        reasons: &[
            "钓鱼是很多退休老人的爱好，全禁不合适。",
            "罚款五十元太少了，没人当回事。",
            "野泳太危险，光靠劝不管用。",
        ],
        quotes: &[
            (
                "可以处五十元以上二百元以下罚款",
                "处二百元以上一千元以下罚款",
            ),
            ("游泳、垂钓等活动", "游泳、垂钓、露营、烧烤等活动"),
        ],
    },
    Topic {
        weight: 9,
        arts: &[37, 62],
        obs: &[
            "禁渔期{由农业农村部门确定|由部门说了算|是农业农村部门定的}，{每年时间都不一样|年年时间都在变|有时三月有时四月}，{渔民|我们渔民|打鱼的}{搞不清楚|记不住|经常弄错}{，一不小心就违规了|，稀里糊涂就被罚了|}。",
            "禁渔期{一禁就是|一下子禁|一禁}{四个月|一百多天|大半个春夏}，{我们打鱼的|俺们渔民|一家老小}{靠啥过日子|吃什么|怎么活}？",
            "禁渔期{夜里|半夜|天不亮}{还有人偷偷下网|照样有人下地笼|有人开快艇偷捕}，#P{那边最多|一带最严重|几乎天天有}。",
        ],
        props: &[
            "把禁渔期直接写成每年三月一日至六月三十日",
            "禁渔期内给渔民发放生活补助",
            "实行全年禁渔，对渔民统一转产安置",
            "没收的渔具当众销毁",
        ],
        reasons: &[
            "写在条例里更有权威。",
            "鱼越打越小，再不禁就没有鱼了。",
            "渔民上岸以后年纪大了，找工作很难。",
        ],
        quotes: &[
            (
                "禁渔期和禁渔区由农业农村主管部门确定并向社会公布",
                "每年三月一日至六月三十日为禁渔期",
            ),
            ("没收渔获物和渔具", "没收渔获物、渔具和渔船"),
        ],
    },
    Topic {
        weight: 3,
        arts: &[39, 51],
        obs: &[
            "巡查发现违法建设光制止不行，还要拍照留存、做好记录。",
            "#P那边违建拆了又建，建了又拆。",
            "几个部门联合执法，结果一个部门来一次，群众被折腾。",
            "湖边巡查的人太少了，一个人骑个电动车巡十几公里。",
        ],
        props: &[
            "巡查发现的问题建立台账，逐项销号",
            "利用无人机和AI摄像头开展智能巡查",
            "建立综合执法机制，一支队伍管到底",
        ],
        reasons: &["以后处理才有依据。", "人力巡查覆盖不了几十公里岸线。"],
        quotes: &[(
            "及时制止，并通报有关部门依法处理",
            "及时制止，做好记录，并通报有关部门依法处理",
        )],
    },
    Topic {
        weight: 4,
        arts: &[41, 42, 45],
        obs: &[
            "#P的湿地这几年越来越小了，芦苇被割了建停车场。",
            "人工湿地建了不少，但是没有人维护，长满了杂草。",
            "退田还湖以后，#P那边的水鸟明显多了。",
        ],
        props: &[
            "把湿地面积不减少写进条例",
            "对生态缓冲带的宽度作出具体规定，不少于#N0米",
            "明确人工湿地建成后的管护责任",
        ],
        reasons: &["湿地是湖的肾，不能再减少了。", "修复比破坏难得多。"],
        quotes: &[("种植水生植物", "因地制宜种植本土水生植物")],
    },
    Topic {
        weight: 4,
        arts: &[43, 63],
        obs: &[
            "湖里的清道夫、鳄雀鳝都出现过，都是有人乱放生的。",
            "每到初一十五就有人来#P放生，放的还有巴西龟。",
            "增殖放流的鱼苗来源不清楚。",
        ],
        props: &[
            "明确禁止随意放生，放生要到指定地点",
            "对放生外来物种的个人同样给予处罚",
            "增殖放流选用本地物种，并接受社会监督",
        ],
        reasons: &[
            "乱放生其实是杀生，也破坏生态。",
            "外来物种一旦泛滥就很难清除。",
        ],
        quotes: &[("禁止向青澜湖投放外来物种", "禁止向青澜湖投放、放生外来物种")],
    },
    Topic {
        weight: 4,
        arts: &[44, 64],
        obs: &[
            "{每年冬天|入冬以后|十一月前后}#P{那边|一带}{来很多候鸟|有成群的候鸟|落满了水鸟}，{有人为了拍照驱赶鸟|拍鸟的人拿石头赶鸟|有人放无人机追着鸟拍}。",
            "有人在湖边用网捕鸟，还有投毒的。",
            "候鸟越冬期间，湖边的烟花爆竹声音很大。",
            "第四十四条说“候鸟越冬期间”，到底是几月到几月？",
        ],
        props: &[
            "明确候鸟越冬期的起止时间，例如每年十一月至次年三月",
            "在鸟类栖息区域禁止使用无人机",
            "禁止在鸟类栖息区周边燃放烟花爆竹",
            "在鸟类栖息区划出专门的观鸟拍摄点",
        ],
        reasons: &["候鸟是青澜湖的名片。", "惊扰候鸟的事情越来越多。"],
        quotes: &[(
            "影响鸟类栖息的活动",
            "捕猎、驱赶、投喂、燃放烟花爆竹等影响鸟类栖息的活动",
        )],
    },
    Topic {
        weight: 4,
        arts: &[46],
        obs: &[
            "{每年夏天|一到七八月|天一热}湖水{都发绿发臭|就变绿变臭|绿得像油漆}，蓝藻{一层一层的|厚厚一层|漂得到处都是}。",
            "#P湖湾的蓝藻最严重，打捞船根本忙不过来。",
        ],
        props: &[
            "蓝藻打捞以后及时无害化处理，不能堆在岸边",
            "建立蓝藻预警信息发布制度，通过短信提醒沿湖居民",
            "从源头控制氮磷入湖",
        ],
        reasons: &["打捞只能治标，控源才能治本。", "蓝藻堆在岸上又臭又招苍蝇。"],
        quotes: &[("及时打捞、处置蓝藻", "及时打捞蓝藻并进行无害化处置")],
    },
    Topic {
        weight: 2,
        arts: &[47, 48],
        obs: &[
            "考核结果只在内部通报，老百姓看不到。",
            "人大听报告是一年一次，平时监督不够。",
        ],
        props: &[
            "考核结果向社会公开，并与干部任用挂钩",
            "市人民政府每年向人大常委会报告时，同时公布水质数据",
            "人大常委会定期开展执法检查",
        ],
        reasons: &["没有考核，就没有压力。"],
        quotes: &[(
            "报告青澜湖保护工作情况",
            "报告青澜湖保护工作情况和保护目标完成情况",
        )],
    },
    Topic {
        weight: 1,
        arts: &[49],
        obs: &["各部门的数据各管各的，不共享。"],
        props: &[
            "建设青澜湖智慧监管平台，开发手机App，群众也能看",
            "信息共享平台向公众开放查询",
        ],
        reasons: &["信息孤岛是执法难的原因之一。"],
        quotes: &[],
    },
    Topic {
        weight: 2,
        arts: &[52],
        obs: &[
            "我们志愿者每周在#P捡垃圾，但是没有任何保障。",
            "志愿者巡护的时候发现问题，不知道找谁反映。",
            "很多大学生愿意参加湖边的志愿活动。",
        ],
        props: &[
            "为志愿者购买意外保险",
            "建立志愿者发现问题的快速反馈渠道",
            "对表现突出的志愿组织给予表彰",
        ],
        reasons: &["志愿者是保护青澜湖的重要力量。"],
        quotes: &[],
    },
    Topic {
        weight: 6,
        arts: &[54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64],
        obs: &[
            "{法律责任部分|法律责任一章|最后几条}的{罚款|罚款数额}{普遍偏低|都太低|低得不痛不痒}{，起不到震慑作用|，违法的人根本不怕|}。",
            "{罚款幅度|罚款的上下限}{跨度太大|差了好几倍|拉得太开}，{执法人员|执法的人|基层执法}{自由裁量空间太大|说罚多少就罚多少|容易搞人情执法}。",
            "污水处理厂{擅自停运|偷偷停运|不正常运行}{危害很大|后果严重|对湖水伤害极大}，{但|可|然而}法律责任一章{没有对应的罚则|找不到对应的处罚|没写怎么罚}。",
        ],
        props: &[
            "提高罚款数额，对单位和个人分别规定",
            "对情节严重的增加按日连续处罚",
            "罚款收入专项用于青澜湖保护",
        ],
        reasons: &[
            "违法成本低，守法成本高。",
            "罚得太轻，企业宁愿交罚款也不整改。",
        ],
        quotes: &[
            (
                "可以处一千元以上五千元以下罚款",
                "处二千元以上一万元以下罚款",
            ),
            ("处五千元以上五万元以下罚款", "处一万元以上十万元以下罚款"),
            ("处一万元以上五万元以下罚款", "处五万元以上二十万元以下罚款"),
        ],
    },
    Topic {
        weight: 2,
        arts: &[66, 67],
        obs: &[
            "第六十六条{只解释了|仅解释了|就解释了}{三个|3个}用语，{“生态水位”|“生态缓冲带”|“入湖河流”}{也应当解释|也该解释一下|同样需要界定|却没有解释}。",
            "条例{2027年1月1日施行|要到2027年才施行|定在2027年施行}，{时间太晚了|等得太久了|拖得太长了}。",
        ],
        props: &[
            "增加“生态缓冲带”“湖泊管理机构”等用语的含义",
            "把施行日期提前到2026年10月1日",
        ],
        reasons: &["湖等不起。", "用语不清，执法时容易产生争议。"],
        quotes: &[("本条例自2027年1月1日起施行", "本条例自2026年10月1日起施行")],
    },
    Topic {
        weight: 4,
        arts: &[],
        obs: &[
            "节假日湖边游客太多，停车难、如厕难。",
            "#P一带的农家乐越来越多，污水处理跟不上。",
            "湖边没有公共厕所，游客就随地解决。",
        ],
        props: &[
            "在湖边增设公共厕所和停车场",
            "对环湖景区实行游客限流，节假日网上预约",
            "要求农家乐的污水全部接入管网",
            "在湖边增设一些充电桩",
        ],
        reasons: &["旅游发展了，保护也要跟上。"],
        quotes: &[],
    },
    Topic {
        weight: 2,
        arts: &[],
        obs: &[
            "征求意见的时间太短，很多村民还不知道就结束了。",
            "条例写得太专业，老百姓看不懂。",
        ],
        props: &[
            "立法过程中多到沿湖村开座谈会",
            "条例通过后印发通俗版解读",
            "把征求意见稿发到每个村的微信群里",
        ],
        reasons: &["立法是为了老百姓，要让老百姓说话。"],
        quotes: &[],
    },
    Topic {
        weight: 3,
        arts: &[],
        obs: &[
            "湖滨街道的老旧小区加装电梯什么时候能落实？",
            "小区门口的路灯坏了好久了，也没人修。",
            "湖边公园晚上九点就关门了，太早了。",
            "我们#P到市区的公交车一个小时才一班。",
        ],
        props: &[
            "多开几条到湖边的公交线路",
            "湖边公园晚上开放到十点",
            "在#P修一个篮球场",
        ],
        reasons: &["这些都是群众身边的小事。"],
        quotes: &[],
    },
];

/// What each topic (in the order of [`TOPICS`]) is about, for the generic sentences (`#X`).
const TOPIC_NOUNS: [&[&str]; 41] = [
    &["立法依据", "立法目的", "上位法依据"],
    &["保护范围", "一级保护区的范围", "界桩", "保护区的边界"],
    &["基本原则", "条例的原则性规定", "公众参与"],
    &["保护经费", "财政投入", "专项资金"],
    &["湖泊管理机构", "湖管中心", "执法主体"],
    &["部门职责", "多头管理", "职责分工"],
    &["湖长制", "村级湖长", "湖长公示牌"],
    &["生态补偿", "补偿款", "退田还湖的补偿", "补偿标准"],
    &["宣传教育", "普法宣传", "环保教育"],
    &["举报奖励", "举报电话", "群众举报"],
    &["保护规划", "规划编制", "旅游规划"],
    &["网箱养殖", "电鱼", "地笼", "网箱", "围网养殖", "非法捕捞"],
    &["二级保护区", "畜禽养殖场", "高尔夫球场"],
    &["环评", "湖边的民宿", "违规建设", "农家乐"],
    &["企业搬迁", "砂石厂", "沿湖小化工", "关停企业"],
    &["生态水位", "私自取水", "抽水浇地"],
    &["饮用水水源", "饮用水水源保护区", "自来水"],
    &["水质监测", "监测数据", "总磷超标", "入湖河流水质"],
    &["污水处理", "生活污水", "雨污分流", "污水管网"],
    &["排污口", "偷排", "暗管"],
    &["垃圾", "建筑垃圾", "垃圾清运", "乱扔垃圾", "生活垃圾"],
    &["化肥农药", "面源污染", "畜禽粪污"],
    &["游船", "燃油游船", "游船码头", "船舶污染"],
    &["湖边洗车", "洗车", "清洗油桶"],
    &["应急预案", "死鱼事件", "突发污染"],
    &["岸线", "私人会所", "违章建筑", "环湖步道"],
    &["垂钓", "钓鱼", "野泳", "夜钓", "垂钓区"],
    &["禁渔期", "禁渔", "偷捕", "退捕渔民"],
    &["巡查", "综合执法", "违建"],
    &["湿地", "芦苇荡", "生态缓冲带", "人工湿地"],
    &["放生", "外来物种", "增殖放流", "巴西龟"],
    &["候鸟", "水鸟", "鸟类栖息地", "观鸟"],
    &["蓝藻", "蓝藻打捞", "水华"],
    &["考核", "人大监督", "目标责任"],
    &["信息共享", "智慧监管平台", "数据共享"],
    &["志愿者", "志愿服务", "巡护志愿者"],
    &["罚款", "法律责任", "处罚力度", "罚款数额"],
    &["用语解释", "施行日期", "附则"],
    &["旅游", "停车", "公共厕所", "游客"],
    &["征求意见", "立法宣传", "座谈会"],
    &["公交", "路灯", "小区加装电梯"],
];

/// Sentences about any topic: `#X` is one of the topic's nouns.
const GENERIC_OBS: &[&str] = &[
    "{关于|说到|说起}#X{的问题|这件事|这一块}，{我们|老百姓|大家|周围的人}{意见很大|有话要说|关注很久了|一直很关心}。",
    "#X{这个问题|这件事|这块}{在#P|在我们那边|在湖边}{拖了|存在了|反映了}{#N年|好多年|很久}了{，一直没解决|，没人管|，越拖越难办|}。",
    "{条例|草案}{对|关于}#X的{规定|条款|内容}{太原则|不够具体|太笼统|可操作性不强|写得太粗}，{基层|执法人员|老百姓|我们}{不好执行|无所适从|看不明白|心里没底}。",
    "{我|我今天}{最关心的是|主要想说说|想反映一下|就说一件事：}#X{的事|这块|的问题|}。",
    "{#X管好了|#X的事解决了|#X落实了}，{湖|青澜湖|水质|湖里的生态}{才能|自然就能|才会}{好起来|变清|慢慢恢复|有起色}。",
    "{现在|目前|这些年}#X{管得|抓得}{还不够|太松|不严|时紧时松}，#W{钻空子|无所顾忌|照样我行我素|屡教不改}。",
    "#T{我|我们几个}{专门|特意|顺路}{去#P|到#P}{看了|了解了|问了}#X的{情况|事|落实情况}，{和条例写的|和宣传的|和报纸上说的}{差得远|不是一回事|两样}。",
    "{在#X上|#X方面}，{#P|东岸县|西溪县|澜湖区}{做得|搞得}{还可以|不错|很差|一般}，{可以|值得|应该}{总结推广|好好学学|引以为戒}。",
    "{我看|依我看|说句实话}，#X{不是小事|是大事|是老大难}，{光靠|单靠|只靠}{一个部门|罚款|宣传|喊口号}{解决不了|不行|管不住}。",
    "{有人说|网上有人说|也有人担心}#X{管严了|一刀切|搞得太急}{会影响生计|老百姓吃不消|企业受不了}，{我觉得|我认为|我看}{要兼顾|得两头顾|要有过渡}。",
];
/// Proposals about any topic (read after an opener).
const GENERIC_PROPS: &[&str] = &[
    "{对|针对|就}#X{作出|制定|写上}{更具体|更严格|更细|更管用}的{规定|办法|条款}",
    "{把|将}#X{的管理|的责任|这件事}{落实到人|落实到具体部门|纳入考核|写进湖长职责}",
    "{加大|加强|强化}对#X的{监管|执法检查|巡查|督查}{力度|频次|}",
    "{就|对}#X{开展|组织|搞一次}{专项整治|专项检查|联合执法|集中整治}",
    "#X{的事|这块|的问题}{交给|由}{一个部门|湖泊管理机构|乡镇政府|街道}{统一管|牵头负责|负总责}",
    "{在#P|先在#P|选几个村}{搞|开展}#X{试点|示范}，{成熟了|效果好了|总结经验后}再{推开|全面推广|写进条例}",
    "{每年|每半年|每个季度}{向社会|向人大|向沿湖群众}{通报|公布|报告}#X的{进展|情况|整治结果}",
    "{听取|多听听|征求}{沿湖群众|渔民|村民|专家|企业}{对#X的意见|关于#X的看法}，{再定|再作规定|不要拍脑袋}",
];

/// Checks the generator's promises on a few thousand rows (benchmarks call it once; a
/// `harness = false` target runs no `#[test]`s): same rows for the same seed, texts of 30–200
/// characters, and GBK bytes identical to encoding_rs's encoder.
pub fn self_check() {
    let a: Vec<Row> = rows(3000, 7).collect();
    assert_eq!(a, rows(3000, 7).collect::<Vec<_>>(), "not deterministic");
    for r in &a {
        let n = r.text.trim().chars().count();
        assert!((30..=200).contains(&n), "{n} characters: {}", r.text);
    }
    let text: String = a
        .iter()
        .flat_map(|r| [r.text.as_str(), &r.name, &r.source, &r.article, &r.date])
        .collect();
    let mut ours = Vec::new();
    encode_gbk(&text, &mut ours);
    let (theirs, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable, "a character outside GBK");
    assert!(ours == *theirs, "GBK table differs from encoding_rs");
}
