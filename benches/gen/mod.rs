//! Synthetic citizens' comments on the sample regulation (`drafts/qinglanhu/v1.md`, 青澜湖保护条例
//! 一审稿), for benchmarks that need many realistic rows: the import benchmark (100,000 rows) and
//! the search benchmark (a million). Deterministic from a seed, no dependencies beyond the crate's
//! own, and fast on one core: about a million comments a second in memory, 260–470 thousand a
//! second written as a GBK CSV (benches/README.md).
//!
//! What the rows look like, after the hand-made uploads in `tests/fixtures/uploads/`:
//! - texts of 30–200 characters from many templates × slots: a topic of the regulation (网箱养殖,
//!   禁渔期, 垂钓, 垃圾, 生态补偿…), observations, proposals behind varied openers (建议, 希望,
//!   强烈呼吁, 能不能…？), reasons, expert wording (建议将“A”修改为“B”，理由…《…法》第N条),
//!   fishermen's colloquial speech, deputies', departments' and firms' voices, and off-topic
//!   remarks; invented place and person names (荻家湾, 鹭埠村, 石小琳) that are not in jieba's
//!   dictionary; occasional Latin letters and digits (App, COD, GPS, 12345), ASCII commas and
//!   quotes, and a few cells with line breaks;
//! - ≈2% exact repeats of an earlier text (another submitter) and ≈1% near-copies of one of six
//!   campaign texts (联名); with the short texts that come out the same by chance, lifa counts
//!   3.4% duplicates in 100,000 rows, and 7% of a million texts repeat another;
//! - an article column written as staff write it (空, 第十二条, 第12条, 第十二条第二款,
//!   第十四条第（三）项, 第三章, 第三十条、第三十一条, 总体), submitter kinds skewed to 群众, 30 contact
//!   points, seven channels, three date spellings, and fake phones (`1390000xxxx`) or e-mails
//!   (`@example.com`). Every name, phone and address is invented.
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
        let topic = &TOPICS[self.rng.weighted(topic_weights())];
        let article_no = (!topic.arts.is_empty()).then(|| *self.rng.pick(topic.arts));

        let mut text = String::with_capacity(400);
        let roll = self.rng.below(1000);
        if roll < 20 && !self.ring.is_empty() {
            let j = self.rng.below(self.ring.len());
            text.push_str(&self.ring[j]);
        } else if roll < 30 {
            self.campaign(&mut text);
        } else {
            self.compose(&mut text, voice, topic, article_no);
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

    /// A comment in one voice, on one topic, between 30 and 200 characters.
    fn compose(&mut self, out: &mut String, voice: Voice, topic: &Topic, art: Option<u32>) {
        // Most comments are short; a few run to the limit.
        let target = 30 + self.rng.front(171).max(self.rng.below(90));
        let mut len = 0;
        let numbered = self.rng.chance(5);

        if self.rng.chance(40) {
            let g = *self.rng.pick(GREETINGS);
            self.add(out, &mut len, g, art);
        }
        match voice {
            Voice::Citizen => {
                if self.rng.chance(220) {
                    let s = *self.rng.pick(SELF_INTROS);
                    self.add(out, &mut len, s, art);
                }
            }
            Voice::Fisher => {
                let s = *self.rng.pick(FISHER_INTROS);
                self.add(out, &mut len, s, art);
                let (start, step) = (self.rng.below(FISHER_SAYINGS.len()), 1 + self.rng.below(3));
                for k in 0..1 + self.rng.below(3) {
                    let s = FISHER_SAYINGS[(start + k * step) % FISHER_SAYINGS.len()];
                    if len < target {
                        self.add(out, &mut len, s, art);
                    }
                }
            }
            Voice::Expert => {}
            Voice::Deputy => {
                let s = *self.rng.pick(DEPUTY_INTROS);
                self.add(out, &mut len, s, art);
            }
            Voice::Department => {
                let s = *self.rng.pick(DEPARTMENT_INTROS);
                self.add(out, &mut len, s, art);
            }
            Voice::Organization => {
                let s = *self.rng.pick(ORGANIZATION_INTROS);
                self.add(out, &mut len, s, art);
            }
            Voice::Enterprise => {
                let s = *self.rng.pick(ENTERPRISE_INTROS);
                self.add(out, &mut len, s, art);
            }
        }
        if art.is_some() && voice != Voice::Expert && self.rng.chance(300) {
            let s = *self.rng.pick(ARTICLE_INTROS);
            self.add(out, &mut len, s, art);
        }

        if voice == Voice::Expert {
            self.expert(out, &mut len, topic, art);
        } else {
            if !topic.obs.is_empty() && (len < 30 || self.rng.chance(600)) {
                self.piece.clear();
                if self.rng.chance(450) {
                    let lead = self.rng.word(OBSERVATION_LEADS);
                    self.render_into_piece(lead, art);
                }
                let s = *self.rng.pick(topic.obs);
                self.render_into_piece(s, art);
                self.commit(out, &mut len);
            }
            if numbered {
                out.push_str("1.");
                len += 2;
            }
            let mut prev = usize::MAX;
            self.proposal(out, &mut len, topic, art, &mut prev);
            if len < target && !topic.reasons.is_empty() && self.rng.chance(550) {
                let s = *self.rng.pick(topic.reasons);
                self.add(out, &mut len, s, art);
            }
            if len < target && (numbered || self.rng.chance(250)) {
                if numbered {
                    out.push_str("\n2.");
                    len += 3;
                } else {
                    let s = *self.rng.pick(ALSO);
                    self.add(out, &mut len, s, art);
                }
                self.proposal(out, &mut len, topic, art, &mut prev);
            }
        }
        while len < 30 {
            let s = *self.rng.pick(FILLERS);
            self.add(out, &mut len, s, art);
        }
        if len < target && self.rng.chance(200) {
            let s = *self.rng.pick(CLOSINGS);
            self.add(out, &mut len, s, art);
        }
        self.touch_up(out);
    }

    /// An opener, a proposal from the topic, and the punctuation the opener calls for. The
    /// `k`-th proposal of a comment is never the same as the one before.
    fn proposal(
        &mut self,
        out: &mut String,
        len: &mut usize,
        topic: &Topic,
        art: Option<u32>,
        first: &mut usize,
    ) {
        let (opener, end) = *self.rng.pick(OPENERS);
        let props = if topic.props.is_empty() {
            FILLERS
        } else {
            topic.props
        };
        let k = if *first == usize::MAX {
            self.rng.below(props.len())
        } else {
            (*first + 1 + self.rng.below(props.len().max(2) - 1)) % props.len()
        };
        *first = k;
        let body = props[k];
        self.piece.clear();
        self.piece.push_str(opener);
        self.render_into_piece(body, art);
        if self.rng.chance(450) {
            let tail = self.rng.word(PROPOSAL_TAILS);
            self.render_into_piece(tail, art);
        }
        self.piece.push_str(end);
        self.commit(out, len);
    }

    /// Legal wording: a change of wording with a reason, or a proposal tied to a law.
    fn expert(&mut self, out: &mut String, len: &mut usize, topic: &Topic, art: Option<u32>) {
        let ascii = self.rng.chance(150);
        let (lq, rq) = if ascii { ("\"", "\"") } else { ("“", "”") };
        if !topic.quotes.is_empty() && self.rng.chance(650) {
            let (a, b) = *self.rng.pick(topic.quotes);
            self.piece.clear();
            self.piece
                .push_str(self.rng.word(&["建议将", "建议把", "宜将", "拟修改为：将"]));
            if art.is_some() {
                self.render_into_piece("#A中的", art);
            }
            for s in [lq, a, rq, "修改为", lq, b, rq, "。"] {
                self.piece.push_str(s);
            }
            self.commit(out, len);
        } else {
            let s = *self.rng.pick(EXPERT_FRAMES);
            self.add(out, len, s, art);
            let mut prev = usize::MAX;
            self.proposal(out, len, topic, art, &mut prev);
        }
        self.piece.clear();
        self.piece
            .push_str(self.rng.word(&["理由：", "理由是：", "主要考虑：", ""]));
        let reason = if !topic.reasons.is_empty() && self.rng.chance(400) {
            *self.rng.pick(topic.reasons)
        } else {
            *self.rng.pick(LEGAL_REASONS)
        };
        self.render_into_piece(reason, art);
        self.commit(out, len);
        if *len < 120 && self.rng.chance(350) {
            let s = *self.rng.pick(LEGAL_REASONS);
            self.add(out, len, s, art);
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
    fn add(&mut self, out: &mut String, len: &mut usize, tpl: &str, art: Option<u32>) {
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

    /// Expands `#X` slots: `#A` the article, `#P` a place, `#R` a river, `#Q` a person, `#N` a
    /// small number, `#D` a department, `#L` a law, `#S` another region's regulation, `#I` a trade.
    fn render_into_piece(&mut self, tpl: &str, art: Option<u32>) {
        let mut piece = std::mem::take(&mut self.piece);
        let mut rest = tpl;
        while let Some(k) = rest.find('#') {
            piece.push_str(&rest[..k]);
            let slot = rest.as_bytes().get(k + 1).copied().unwrap_or(b' ');
            rest = &rest[(k + 2).min(rest.len())..];
            match slot {
                b'A' => self.article_ref(&mut piece, art),
                b'P' => self.place(&mut piece),
                b'R' => self.river(&mut piece),
                b'Q' => self.person(&mut piece),
                b'N' => {
                    let n = 2 + self.rng.below(19);
                    push_num(&mut piece, n);
                }
                b'D' => piece.push_str(self.rng.word(DEPARTMENTS)),
                b'L' => piece.push_str(self.rng.word(LAWS)),
                b'S' => piece.push_str(self.rng.word(OTHER_REGULATIONS)),
                b'I' => piece.push_str(self.rng.word(TRADES)),
                _ => piece.push('#'),
            }
        }
        piece.push_str(rest);
        self.piece = piece;
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
    "各位领导好！",
    "尊敬的市人大常委会：",
    "您好，",
    "领导们辛苦了，",
    "你好！",
];
const SELF_INTROS: &[&str] = &[
    "我是#P的居民，",
    "我家住在#P附近，",
    "作为一名在湖边住了#N年的老居民，",
    "我是一名退休教师，",
    "我每天早上都在湖边晨跑，",
    "我是#P的村民，",
    "我在青澜湖边开了#N年出租车，",
    "我是外地游客，去年来过青澜湖，",
    "我是一名在校大学生，",
    "我在#P住了大半辈子，",
    "本人是#P的一名普通市民，",
    "我和邻居#Q经常去湖边散步，",
];
const FISHER_INTROS: &[&str] = &[
    "我们#P的渔民祖祖辈辈靠湖吃饭，",
    "俺家三代都是打鱼的，",
    "我在湖上打了#N年鱼，",
    "我是#P的老渔民，",
    "我们村#N0多户都是渔民，",
    "说句实在话，",
];
const FISHER_SAYINGS: &[&str] = &[
    "禁渔期一禁就是几个月，家里老小吃啥喝啥？",
    "网箱是前些年镇上动员我们搞的，现在说拆就拆，投进去的钱谁来赔？",
    "上岸以后我们这把年纪能干啥？",
    "电鱼的都是外地人半夜来的，我们自己人从来不干这个。",
    "补偿标准要公开，不能干部说多少就是多少。",
    "鱼少了是事实，可也不全是我们打少的，污水才是大头。",
    "娃娃还在上学，一年没收入咋整嘛。",
    "希望政府帮着找点活路，搞搞培训也行。",
    "#Q他们几户已经上岸了，到现在补偿款还没拿到。",
    "湖里的事我们最晓得，定规矩前多来村里问问我们。",
    "现在湖里的鱼越来越小，一网下去没几条像样的。",
    "船也卖不掉，网也用不上，堆在家里占地方。",
    "政府说话要算数，莫让老实人吃亏。",
    "俺们不是不支持保护，是要有个过渡。",
];
const DEPUTY_INTROS: &[&str] = &[
    "我在#P走访选民时，群众普遍反映，",
    "作为来自#P的人大代表，",
    "在代表小组活动中，大家提出，",
    "多位选民向我反映，",
    "我联系的#P选民认为，",
    "结合近期在#P的调研，",
];
const DEPARTMENT_INTROS: &[&str] = &[
    "我局认为，",
    "我街道辖区内有青澜湖岸线约#N公里，",
    "经研究，我单位提出如下意见：",
    "从执法实践看，",
    "结合我镇实际，",
    "经征求#D意见，",
];
const ORGANIZATION_INTROS: &[&str] = &[
    "我会志愿者在#P巡护时发现，",
    "我们协会有会员#N00多人，",
    "本会长期关注青澜湖水鸟保护，",
    "我们志愿服务队每周都去#P捡垃圾，",
    "根据我会会员的调查，",
];
const ENTERPRISE_INTROS: &[&str] = &[
    "我公司在青澜湖从事#I多年，",
    "作为沿湖企业，我们支持条例出台，但",
    "我们合作社有#N户社员，",
    "我们是在#P经营#I的个体户，",
    "我司员工#N00余人，大多是沿湖村民，",
];
const ARTICLE_INTROS: &[&str] = &[
    "关于#A，",
    "#A：",
    "针对草案#A，",
    "看了#A的规定，",
    "对#A提一点意见：",
    "草案#A写得不够具体，",
];
const EXPERT_FRAMES: &[&str] = &[
    "#A的规定与#L的有关规定衔接不够。",
    "#A的表述过于原则。",
    "从立法技术上看，#A存在以下问题。",
    "#A对违法行为的设定不够周延。",
    "建议参照《#S》的做法。",
];
/// (opener, closing punctuation): the proposals read after any of them.
const OPENERS: &[(&str, &str)] = &[
    ("建议", "。"),
    ("建议", "。"),
    ("建议", "。"),
    ("希望", "。"),
    ("希望", "。"),
    ("我认为可以", "。"),
    ("强烈呼吁", "！"),
    ("强烈建议", "！"),
    ("恳请", "。"),
    ("能不能", "？"),
    ("可否", "？"),
    ("最好", "。"),
    ("应该", "。"),
    ("请考虑", "。"),
    ("我们希望", "。"),
    ("建议条例", "。"),
];
/// Put before an observation.
const OBSERVATION_LEADS: &[&str] = &[
    "我发现",
    "现在",
    "据我观察，",
    "这几年",
    "大家都知道，",
    "说实话，",
    "我注意到",
    "听#P的人说，",
    "去年夏天我去看过，",
    "上个月#Q跟我说，",
    "不瞒你们说，",
    "实际情况是，",
    "我们那边",
    "周末带孩子去湖边，看到",
];
/// Put after a proposal, before its punctuation.
const PROPOSAL_TAILS: &[&str] = &[
    "，越快越好",
    "，不能再拖了",
    "，并且要抓落实",
    "，这样群众才满意",
    "，具体办法可以由市政府另行制定",
    "，请认真研究",
    "，让老百姓看得见",
    "，最好在条例里写清楚",
    "，可以先在#P试点",
    "，#N年内落实到位",
    "，别光写在纸上",
    "，并定期向社会公布进展",
    "，这个钱不能省",
];
const ALSO: &[&str] = &["另外，", "还有，", "同时，", "此外，", "再一个，"];
const CLOSINGS: &[&str] = &[
    "谢谢！",
    "望采纳。",
    "以上意见供参考。",
    "请立法机关认真考虑。",
    "希望能够采纳。",
    "盼复。",
    "辛苦了！",
];
const FILLERS: &[&str] = &[
    "青澜湖是我们共同的家园，保护好它是每个人的责任。",
    "条例的方向是对的，关键在落实。",
    "这个问题老百姓反映很多年了。",
    "希望条例出台以后真正管用。",
    "湖变好了，大家都看得见。",
    "执法要严，宣传也要跟上。",
    "这件事关系到沿湖几十万群众的切身利益。",
];
const LEGAL_REASONS: &[&str] = &[
    "上位法对此已有规定，地方性法规不宜简单重复。",
    "现行表述过于原则，缺乏可操作性。",
    "“有关部门”表述指向不明，容易导致推诿。",
    "与#L的规定相衔接。",
    "符合#L关于地方性法规不重复上位法的要求。",
    "罚款幅度应当与违法行为的性质、情节和社会危害程度相当。",
    "根据#L第#N条，地方性法规可以在上位法规定的行为、种类和幅度的范围内作出具体规定。",
    "《#S》第#N条已有类似规定，实施效果较好。",
    "义务性规定缺少相应的法律责任，难以执行。",
    "该款与第#N条的规定存在交叉，建议统筹表述。",
];

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
            "第一条立法依据只列了水法、水污染防治法和湿地保护法。",
            "青澜湖承担着区域蓄洪调洪的功能，立法依据里却没有防洪法。",
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
            "一级保护区只划到最高蓄水位线外五十米，湖边的餐馆、民宿都在五十米以外。",
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
            "第四条说经费列入本级财政预算，但沿湖区县财力差距很大。",
            "东岸县和西溪县财政比较紧张，光靠县里很难完成治理任务。",
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
            "第七条三级湖长只写到乡镇，街道也有湖岸线。",
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
            "第八条生态补偿只说了“给予补偿”，补偿标准、对象都没有写。",
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
            "举报电话打过去，经常是转来转去没有结果。",
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
            "第十一条规划编制只说报省政府批准，没有提公众参与。",
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
            "网箱养鱼大量投饵投药，残饵和鱼粪是湖水富营养化的重要原因。",
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
            "现在的水质监测数据只有每月一次，公众根本查不到。",
            "#R入湖口的水经常发黑发臭。",
            "湖边有个水质自动监测站，屏幕上的数字好几年没变过。",
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
            "雨污分流喊了好多年，老城区还是混着排。",
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
            "周末湖边垃圾特别多，塑料瓶、外卖盒到处都是。",
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
            "湖上的游船越来越多，柴油味很重。",
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
            "湖边钓鱼的人太多，扔的鱼线、饵料袋到处都是。",
            "每年夏天都有人在#P野泳，去年还淹死了人。",
            "第三十六条说在划定区域垂钓，但区域在哪没公布。",
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
            "禁渔期由农业农村部门确定，每年时间都不一样，渔民搞不清楚。",
            "禁渔期一禁就是四个月，我们打鱼的靠啥过日子？",
            "禁渔期夜里还有人偷偷下网，#P那边最多。",
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
            "每年冬天#P那边来很多候鸟，有人为了拍照驱赶鸟。",
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
            "每年夏天湖水都发绿发臭，蓝藻一层一层的。",
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
            "法律责任部分的罚款普遍偏低。",
            "罚款幅度跨度太大，执法人员自由裁量空间太大。",
            "污水处理厂擅自停运危害很大，但法律责任一章没有对应的罚则。",
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
            "第六十六条只解释了三个用语，“生态水位”也应当解释。",
            "条例2027年1月1日施行，时间太晚了。",
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
