//! `lifa index` and `lifa search` on a million generated comments (`benches/gen`, seed 2026),
//! beside what else could do the job, all in one run:
//!
//! (a) indexing speed in MB/s of comment text: `SearchIndex::rebuild` (both cores) against raw
//!     jieba-rs search-mode segmentation (`Jieba::new()`, `cut_for_search(text, false)` over
//!     every text, one core) — the reference ceiling; the ratio is the figure (target ≥ 0.6×);
//!     beside it, bare tantivy + jieba pipelines on the same texts (tantivy's usual text field
//!     with positions and the text stored; then lifa's words field alone), to show what the
//!     index's own extra work (character pairs, columns, opinion groups) costs;
//! (b) the peers in `benches/peers/` on the same text: SQLite FTS5 trigram on the whole corpus
//!     and Python jieba + whoosh on a 100,000-comment prefix (it is too slow for a million),
//!     compared with lifa on the same documents (a second, 100,000-comment workspace for whoosh);
//! (c) query latency in-process, warm, over 20 representative queries (criterion per query,
//!     then a plain timing loop for p50 and p99; targets 5 ms and 50 ms);
//! (d) a cold `lifa search --format json` process, start to last byte (target < 50 ms), beside
//!     the cost of loading jieba's dictionary, which lifa's query path avoids;
//! (e) peak resident memory of the rebuild (VmHWM after a reset; target < 1.5 GB);
//! then, last (it changes the workspace), a `lifa import` process adding 1,000 more comments to
//! the million, the index updated by the same command, beside the rebuild's time;
//! and recall: every query's `total` must equal the number of generated comments whose text
//! contains it (letter case ignored), checked by brute force over the whole corpus.
//!
//! The million-document build is too slow for criterion's repetitions: it is timed directly.
//!
//! Environment: `LIFA_BENCH_DOCS` (default 1,000,000), `LIFA_BENCH_WHOOSH_DOCS` (100,000),
//! `LIFA_BENCH_PEERS=0` skips the Python peers, `LIFA_BENCH_REBUILDS` (2) sets how many rebuilds are timed,
//! `LIFA_BENCH_KEEP=DIR` builds the workspaces in DIR and keeps them (for profiling).
//!
//! Run: `cargo bench --bench search` (about 10 minutes). Results: benches/README.md.

#[path = "gen/mod.rs"]
mod generator;

use std::fmt::Write as _;
use std::hint::black_box;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use jieba_rs::Jieba;
use lifa::comment::Kind;
use lifa::importer::{Importer, Options};
use lifa::index::SearchIndex;
use lifa::index::tokens::{self, fold};
use lifa::intake::validate::BatchDefaults;
use lifa::search::{self, Expr, Filters};
use lifa::store::{self, Store};
use lifa::workspace::Workspace;
use memchr::memmem::Finder;
use tantivy::tokenizer::{TokenStream, Tokenizer};

const SEED: u64 = 2026;
const REG: &str = "qinglanhu";
/// Comments per imported file (the importer re-groups every stored text per file, so fewer,
/// bigger files import faster).
const CHUNK: usize = 250_000;
/// Comments in criterion's jieba sample.
const JIEBA_SAMPLE: usize = 20_000;

/// A benchmark query.
struct Q {
    /// As typed.
    q: &'static str,
    /// What it stands for.
    class: &'static str,
    /// A `--kind` filter.
    kind: Option<Kind>,
    /// The query given to the peers (plain words only: they have no AND/OR/NOT of ours).
    peer: Option<&'static str>,
}

const fn q(q: &'static str, class: &'static str, peer: Option<&'static str>) -> Q {
    Q {
        q,
        class,
        kind: None,
        peer,
    }
}

/// Twenty queries: long compounds, words jieba does not know, single characters, two-character
/// words, quoted phrases, AND, OR, NOT and a filter.
const QUERIES: &[Q] = &[
    q("基层立法联系点", "long compound", Some("基层立法联系点")),
    q(
        "人民代表大会常务委员会",
        "long compound",
        Some("人民代表大会常务委员会"),
    ),
    q(
        "饮用水水源保护区",
        "long compound",
        Some("饮用水水源保护区"),
    ),
    q("中华人民共和国", "long compound", Some("中华人民共和国")),
    q("盐子埠", "OOV place", Some("盐子埠")),
    q("荻港村", "OOV place", Some("荻港村")),
    q("地笼", "OOV word", Some("地笼")),
    q("app", "Latin, case", Some("App")),
    q("湖", "1 char", Some("湖")),
    q("鱼", "1 char", Some("鱼")),
    q("垃圾", "2 chars", Some("垃圾")),
    q("罚款", "2 chars", Some("罚款")),
    q("游船", "2 chars", Some("游船")),
    q("网箱养殖", "word", Some("网箱养殖")),
    q("\"禁止垂钓\"", "phrase", Some("禁止垂钓")),
    q("“别光写在纸上”", "phrase", Some("别光写在纸上")),
    q("网箱养殖 禁渔期", "AND", None),
    q("垂钓 OR 钓鱼", "OR", None),
    q("游船 NOT 罚款", "NOT", None),
    Q {
        q: "罚款",
        class: "--kind 专家",
        kind: Some(Kind::Expert),
        peer: None,
    },
];

/// Settings from the environment.
struct Config {
    docs: usize,
    whoosh_docs: usize,
    peers: bool,
    rebuilds: usize,
    keep: Option<PathBuf>,
    /// `cargo test --benches`: a small corpus, no peers, few repetitions.
    test: bool,
}

impl Config {
    fn get() -> Config {
        let test = std::env::args().any(|a| a == "--test");
        let num = |k: &str, d: usize| {
            std::env::var(k)
                .ok()
                .and_then(|v| v.replace(['_', ','], "").parse().ok())
                .unwrap_or(d)
        };
        let docs = num("LIFA_BENCH_DOCS", if test { 5_000 } else { 1_000_000 });
        Config {
            docs,
            whoosh_docs: num("LIFA_BENCH_WHOOSH_DOCS", 100_000).min(docs),
            peers: !test && std::env::var("LIFA_BENCH_PEERS").map_or(true, |v| v != "0"),
            rebuilds: num("LIFA_BENCH_REBUILDS", if test { 1 } else { 2 }).max(1),
            keep: std::env::var_os("LIFA_BENCH_KEEP").map(PathBuf::from),
            test,
        }
    }
}

fn options() -> Options {
    Options {
        defaults: BatchDefaults {
            draft: Some("v1".into()),
            ..Default::default()
        },
        ..Default::default()
    }
}

/// A new workspace folder with the sample regulation's drafts.
fn new_workspace(dir: &Path) -> Workspace {
    let _ = std::fs::remove_dir_all(dir);
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("drafts")
        .join(REG);
    let to = dir.join("drafts").join(REG);
    std::fs::create_dir_all(&to).unwrap();
    for e in std::fs::read_dir(&from).unwrap().flatten() {
        if e.path().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
    Workspace::new(dir)
}

/// Splits a JSON Lines file into files of `per` lines.
fn split_jsonl(path: &Path, per: usize, dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut w: Option<BufWriter<std::fs::File>> = None;
    let lines = BufReader::with_capacity(1 << 20, std::fs::File::open(path).unwrap()).split(b'\n');
    for (n, line) in lines.enumerate() {
        let line = line.unwrap();
        if n % per == 0 {
            if let Some(mut w) = w.take() {
                w.flush().unwrap();
            }
            let p = dir.join(format!("意见-{:02}.jsonl", out.len()));
            w = Some(BufWriter::with_capacity(
                1 << 20,
                std::fs::File::create(&p).unwrap(),
            ));
            out.push(p);
        }
        let w = w.as_mut().unwrap();
        w.write_all(&line).unwrap();
        w.write_all(b"\n").unwrap();
    }
    if let Some(mut w) = w {
        w.flush().unwrap();
    }
    out
}

/// What an import of several files did.
struct Imported {
    time: Duration,
    stored: usize,
    duplicates: usize,
    files: usize,
}

fn import(ws: &Workspace, files: &[PathBuf]) -> Imported {
    let t = Instant::now();
    let mut imp = Importer::new(ws, REG).unwrap();
    let (mut stored, mut duplicates) = (0, 0);
    for f in files {
        let o = imp.import(f, &options()).unwrap();
        assert!(
            !o.refused && o.checked.refused.is_empty(),
            "{} refused rows",
            f.display()
        );
        stored += o.accepted - o.already_stored;
        duplicates += o.duplicates;
    }
    Imported {
        time: t.elapsed(),
        stored,
        duplicates,
        files: files.len(),
    }
}

/// A rebuild, timed, with CPU time and peak memory.
struct Build {
    time: Duration,
    cpu: Cpu,
    start_kb: Option<u64>,
    peak_kb: Option<u64>,
    indexed: u64,
}

fn rebuild(ws: &Workspace) -> Build {
    let start_kb = reset_peak();
    let m = Meter::start();
    let stats = SearchIndex::rebuild(ws).unwrap();
    let (time, cpu) = m.stop();
    let peak_kb = start_kb.and_then(|_| status_kb("VmHWM:"));
    Build {
        time,
        cpu,
        start_kb,
        peak_kb,
        indexed: stats.comments_total,
    }
}

/// CPU seconds used during a stretch of time: by this process, and by everything else on the
/// machine (other people's builds on a shared machine skew timings; this says when).
#[derive(Debug, Clone, Copy, Default)]
struct Cpu {
    own: f64,
    others: f64,
}

impl Cpu {
    fn show(&self, wall: Duration) -> String {
        let mut s = format!("CPU {:.1} s", self.own);
        if self.others > 0.05 * wall.as_secs_f64() {
            let _ = write!(s, "; other processes {:.1} CPU-s", self.others);
        }
        s
    }
}

struct Meter {
    t: Instant,
    own: Option<f64>,
    busy: Option<f64>,
}

impl Meter {
    fn start() -> Meter {
        Meter {
            own: cpu_seconds(),
            busy: machine_busy(),
            t: Instant::now(),
        }
    }

    fn stop(&self) -> (Duration, Cpu) {
        let wall = self.t.elapsed();
        let own = cpu_seconds().zip(self.own).map_or(f64::NAN, |(b, a)| b - a);
        let busy = machine_busy()
            .zip(self.busy)
            .map_or(f64::NAN, |(b, a)| b - a);
        (
            wall,
            Cpu {
                own,
                others: (busy - own).max(0.0),
            },
        )
    }
}

/// The tokens a tokenizer gives for a text, as the index consumes them.
/// Builds the character-pair postings of `texts` as the index does (segments of 10 million
/// characters, encoded but not written); returns the characters seen.
fn gram_segments<S: AsRef<str>>(texts: &[S]) -> usize {
    let mut total = 0;
    let mut b = lifa::index::grams::GramBuilder::default();
    for (o, t) in texts.iter().enumerate() {
        b.add(o as u32, t.as_ref());
        if b.len() >= 10_000_000 {
            total += b.len();
            black_box(std::mem::take(&mut b).finish());
        }
    }
    total += b.len();
    black_box(b.finish());
    total
}

fn count_tokens<T: Tokenizer>(t: &mut T, text: &str) -> usize {
    let mut s = t.token_stream(text);
    let mut n = 0;
    while s.advance() {
        black_box(s.token());
        n += 1;
    }
    n
}

/// A bare tantivy + jieba pipeline over `texts`, on both cores, with lifa's tokenizer: each
/// text one document, fed from this thread. `full`: tantivy's usual text field (positions, the
/// text stored); else lifa's words field (frequencies and norms only, nothing stored).
fn bare_tantivy(texts: &[String], words: &tokens::Words, full: bool) -> (Duration, Cpu) {
    use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
    let dir = tempfile::tempdir().unwrap();
    let mut b = Schema::builder();
    let indexing = TextFieldIndexing::default()
        .set_tokenizer("lifa_words")
        .set_fieldnorms(true)
        .set_index_option(if full {
            IndexRecordOption::WithFreqsAndPositions
        } else {
            IndexRecordOption::WithFreqs
        });
    let mut opts = TextOptions::default().set_indexing_options(indexing);
    if full {
        opts = opts.set_stored();
    }
    let field = b.add_text_field("words", opts);
    let index = tantivy::Index::create_in_dir(dir.path(), b.build()).unwrap();
    index.tokenizers().register("lifa_words", words.clone());
    let m = Meter::start();
    let mut w: tantivy::IndexWriter<tantivy::TantivyDocument> =
        index.writer_with_num_threads(2, 300_000_000).unwrap();
    for t in texts {
        let mut d = tantivy::TantivyDocument::default();
        d.add_text(field, t);
        w.add_document(d).unwrap();
    }
    w.commit().unwrap();
    w.wait_merging_threads().unwrap();
    m.stop()
}

/// Runs `f` on a new thread, timed.
fn in_new_thread<R: Send>(f: impl FnOnce() -> R + Send) -> (R, Duration, Cpu) {
    std::thread::scope(|s| {
        s.spawn(|| {
            let m = Meter::start();
            let r = f();
            let (d, c) = m.stop();
            (r, d, c)
        })
        .join()
        .unwrap()
    })
}

/// A query with its filters, ready to run.
struct Prepared {
    q: &'static Q,
    expr: Expr,
    filters: Filters,
}

fn prepare() -> Vec<Prepared> {
    QUERIES
        .iter()
        .map(|q| Prepared {
            q,
            expr: search::parse_query(q.q).unwrap(),
            filters: Filters {
                comments: lifa::opinions::Filter {
                    kind: q.kind,
                    ..Default::default()
                },
                ..Filters::default()
            },
        })
        .collect()
}

/// One search as `lifa search` runs it in-process (parse included), first page of 20.
fn run_query(ws: &Workspace, idx: &SearchIndex, p: &Prepared) -> search::Results {
    let expr = search::parse_query(p.q.q).unwrap();
    search::search(ws, idx, &expr, &p.filters, 20, 1).unwrap()
}

/// An expression over folded texts, for the brute-force recall check.
enum Pat {
    Text(Box<Finder<'static>>),
    And(Vec<Pat>),
    Or(Vec<Pat>),
    Not(Box<Pat>),
}

impl Pat {
    fn new(e: &Expr) -> Pat {
        match e {
            Expr::Text(t) => Pat::Text(Box::new(Finder::new(&fold_str(t)).into_owned())),
            Expr::And(v) => Pat::And(v.iter().map(Pat::new).collect()),
            Expr::Or(v) => Pat::Or(v.iter().map(Pat::new).collect()),
            Expr::Not(e) => Pat::Not(Box::new(Pat::new(e))),
        }
    }

    fn matches(&self, folded: &[u8]) -> bool {
        match self {
            Pat::Text(f) => f.find(folded).is_some(),
            Pat::And(v) => v.iter().all(|p| p.matches(folded)),
            Pat::Or(v) => v.iter().any(|p| p.matches(folded)),
            Pat::Not(p) => !p.matches(folded),
        }
    }
}

fn fold_str(s: &str) -> String {
    s.chars().map(fold).collect()
}

/// Comments (of `folded`, with their kinds) matching a query, counted on both cores.
fn brute_force(p: &Prepared, folded: &[String], kinds: &[Option<Kind>]) -> u64 {
    let pat = Pat::new(&p.expr);
    let half = folded.len() / 2;
    let count = |from: usize, to: usize| {
        (from..to)
            .filter(|&i| {
                p.q.kind.is_none_or(|k| kinds[i] == Some(k)) && pat.matches(folded[i].as_bytes())
            })
            .count() as u64
    };
    std::thread::scope(|s| {
        let a = s.spawn(|| count(0, half));
        count(half, folded.len()) + a.join().unwrap()
    })
}

/// Median and nearest-rank percentiles of durations, in milliseconds.
fn pct(v: &[f64], p: f64) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let rank = ((p / 100.0 * s.len() as f64).ceil() as usize).clamp(1, s.len());
    s[rank - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn median_ms(mut f: impl FnMut() -> Duration, runs: usize) -> f64 {
    let v: Vec<f64> = (0..runs).map(|_| ms(f())).collect();
    pct(&v, 50.0)
}

/// Sizes of files under a folder, in bytes.
fn dir_bytes(p: &Path) -> u64 {
    let mut n = 0;
    for e in std::fs::read_dir(p).into_iter().flatten().flatten() {
        let m = e.metadata().unwrap();
        n += if m.is_dir() {
            dir_bytes(&e.path())
        } else {
            m.len()
        };
    }
    n
}

/// Returns freed memory to the kernel and resets the peak-RSS counter to the current RSS;
/// returns that RSS (kB), or `None` where this is not possible.
fn reset_peak() -> Option<u64> {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            fn malloc_trim(pad: usize) -> std::ffi::c_int;
        }
        // SAFETY: glibc's malloc_trim has no preconditions.
        unsafe {
            malloc_trim(0);
        }
    }
    std::fs::write("/proc/self/clear_refs", "5").ok()?;
    status_kb("VmRSS:")
}

/// A `kB` line of `/proc/self/status`.
fn status_kb(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    line[key.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

/// CPU time (user + system, all threads) of this process so far.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let f: Vec<&str> = stat[stat.rfind(')')? + 2..].split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / clock_ticks())
}

/// CPU time (everything but idle and I/O wait) of the whole machine since boot.
fn machine_busy() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let f: Vec<f64> = stat
        .lines()
        .next()?
        .split_whitespace()
        .skip(1)
        .take(8)
        .filter_map(|v| v.parse().ok())
        .collect();
    let idle = f.get(3)? + f.get(4)?;
    Some((f.iter().sum::<f64>() - idle) / clock_ticks())
}

fn clock_ticks() -> f64 {
    #[cfg(target_os = "linux")]
    {
        unsafe extern "C" {
            fn sysconf(name: std::ffi::c_int) -> std::ffi::c_long;
        }
        // SAFETY: sysconf has no preconditions; 2 is _SC_CLK_TCK on Linux.
        (unsafe { sysconf(2) }) as f64
    }
    #[cfg(not(target_os = "linux"))]
    100.0
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

/// `1,234,567`.
fn thousands(v: u64) -> String {
    let s = v.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A peer's report (see `benches/peers/common.py`).
struct Peer {
    tool: String,
    docs: u64,
    bytes: u64,
    index_seconds: f64,
    index_mb_per_s: f64,
    max_rss_mb: f64,
    queries: Vec<PeerQuery>,
}

/// One query of a peer's report.
struct PeerQuery {
    q: String,
    /// Median of 5 (MATCH for FTS5).
    median_ms: f64,
    hits: u64,
    /// Documents holding the query (Python `q in text`).
    substring_hits: u64,
    /// FTS5: a LIKE … ESCAPE full scan, always exact.
    scan_ms: Option<f64>,
}

impl PeerQuery {
    fn long(&self) -> bool {
        self.q.chars().count() >= 3
    }
}

impl Peer {
    /// p50 and p99 over the per-query medians of the queries `keep` keeps; with `fallback`,
    /// FTS5's full scan stands in where MATCH cannot answer (under three characters).
    fn latency(&self, keep: impl Fn(&PeerQuery) -> bool, fallback: bool) -> (f64, f64) {
        let v: Vec<f64> = self
            .queries
            .iter()
            .filter(|q| keep(q))
            .map(|q| match q.scan_ms {
                Some(s) if fallback && !q.long() => s,
                _ => q.median_ms,
            })
            .collect();
        if v.is_empty() {
            return (f64::NAN, f64::NAN);
        }
        (pct(&v, 50.0), pct(&v, 99.0))
    }

    /// Queries answered with exactly the documents holding them.
    fn exact(&self) -> usize {
        self.queries
            .iter()
            .filter(|q| q.hits == q.substring_hits)
            .count()
    }
}

/// lifa's p50 and p99 over the per-query medians of the peer queries `keep` keeps.
fn lifa_latency(medians: &[(&str, f64)], keep: impl Fn(&str) -> bool) -> (f64, f64) {
    let v: Vec<f64> = medians
        .iter()
        .filter(|(q, _)| keep(q))
        .map(|x| x.1)
        .collect();
    if v.is_empty() {
        return (f64::NAN, f64::NAN);
    }
    (pct(&v, 50.0), pct(&v, 99.0))
}

fn run_peer(
    script: &str,
    corpus: &Path,
    queries: &Path,
    work: &Path,
    limit: Option<usize>,
) -> Result<Peer, String> {
    let peers = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("benches")
        .join("peers");
    let path = peers.join(script);
    if !path.exists() {
        return Err(format!("{} is missing", path.display()));
    }
    let mut cmd = Command::new("python3");
    cmd.arg(&path)
        .arg("--corpus")
        .arg(corpus)
        .arg("--queries")
        .arg(queries)
        .arg("--workdir")
        .arg(work)
        .current_dir(&peers);
    if let Some(n) = limit {
        cmd.arg("--limit-docs").arg(n.to_string());
    }
    let t = Instant::now();
    let out = cmd.output().map_err(|e| format!("python3: {e}"))?;
    let _ = std::fs::remove_dir_all(work);
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let tail: Vec<&str> = err.lines().rev().take(15).collect();
        return Err(format!(
            "{script} failed ({}):\n{}",
            out.status,
            tail.into_iter().rev().collect::<Vec<_>>().join("\n")
        ));
    }
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .map_err(|e| format!("{script}: unreadable output: {e}"))?;
    let f = |k: &str| v[k].as_f64().unwrap_or(f64::NAN);
    let peer = Peer {
        tool: v["tool"].as_str().unwrap_or(script).to_string(),
        docs: v["docs"].as_u64().unwrap_or(0),
        bytes: v["bytes"].as_u64().unwrap_or(0),
        index_seconds: f("index_seconds"),
        index_mb_per_s: f("index_mb_per_s"),
        max_rss_mb: f("max_rss_mb"),
        queries: v["queries"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|q| PeerQuery {
                q: q["q"].as_str().unwrap_or("").to_string(),
                median_ms: q["median_ms"].as_f64().unwrap_or(f64::NAN),
                hits: q["hits"].as_u64().unwrap_or(0),
                substring_hits: q["substring_hits"].as_u64().unwrap_or(0),
                scan_ms: q["scan_median_ms"].as_f64(),
            })
            .collect(),
    };
    println!(
        "  {}: {} docs, index {:.1} s ({:.2} MB/s), max RSS {:.0} MB, {:.0} s in all",
        peer.tool,
        thousands(peer.docs),
        peer.index_seconds,
        peer.index_mb_per_s,
        peer.max_rss_mb,
        t.elapsed().as_secs_f64()
    );
    Ok(peer)
}

/// lifa under the peers' protocol: one warm-up pass, then per query the median of 5 runs.
fn lifa_peer_medians(ws: &Workspace, idx: &SearchIndex, ps: &[Prepared]) -> Vec<f64> {
    let ps: Vec<&Prepared> = ps.iter().filter(|p| p.q.peer.is_some()).collect();
    for p in &ps {
        black_box(run_query(ws, idx, p));
    }
    ps.iter()
        .map(|p| {
            median_ms(
                || {
                    let t = Instant::now();
                    black_box(run_query(ws, idx, p));
                    t.elapsed()
                },
                5,
            )
        })
        .collect()
}

/// Everything the summary needs.
#[derive(Default)]
struct Report {
    lines: Vec<String>,
}

impl Report {
    fn add(&mut self, s: impl Into<String>) {
        self.lines.push(s.into());
    }
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let cfg = Config::get();
    let tmp;
    let root = match &cfg.keep {
        Some(d) => {
            std::fs::create_dir_all(d).unwrap();
            d.clone()
        }
        None => {
            tmp = tempfile::tempdir().unwrap();
            tmp.path().to_path_buf()
        }
    };
    let n = cfg.docs;
    let mut rep = Report::default();
    let run_started = Instant::now();
    println!(
        "search benchmark: {} generated comments in {}",
        thousands(n as u64),
        root.display()
    );

    // The corpus: one JSON Lines file (the peers read it), imported as files of 100,000.
    generator::self_check();
    let corpus = root.join("corpus.jsonl");
    let t = Instant::now();
    let written = generator::write_jsonl(&corpus, generator::rows(n, SEED)).unwrap();
    println!(
        "corpus: {} comments, JSONL {:.0} MB, generated and written in {:.1} s",
        thousands(n as u64),
        mb(written.bytes),
        t.elapsed().as_secs_f64()
    );
    let chunks_dir = root.join("uploads");
    std::fs::create_dir_all(&chunks_dir).unwrap();
    let chunks = split_jsonl(&corpus, CHUNK, &chunks_dir);
    let ws_dir = root.join("ws");
    let ws = new_workspace(&ws_dir);
    let imp = import(&ws, &chunks);
    let _ = std::fs::remove_dir_all(&chunks_dir);
    println!(
        "import: {} files, {} comments stored ({} counted as duplicates) in {:.1} s",
        imp.files,
        thousands(imp.stored as u64),
        thousands(imp.duplicates as u64),
        imp.time.as_secs_f64()
    );
    if imp.stored != n {
        println!("!!! the store holds {} comments, not {n}", imp.stored);
    }

    // (e) and the indexing side of (a): the rebuild, with nothing big held by this process.
    let mut builds = Vec::new();
    for i in 0..cfg.rebuilds {
        let b = rebuild(&ws);
        println!(
            "rebuild {}: {} comments in {:.1} s ({}), peak RSS {} MB (from {} MB)",
            i + 1,
            thousands(b.indexed),
            b.time.as_secs_f64(),
            b.cpu.show(b.time),
            b.peak_kb.map_or("n/a".into(), |k| (k / 1024).to_string()),
            b.start_kb.map_or("n/a".into(), |k| (k / 1024).to_string()),
        );
        builds.push(b);
    }
    // The rebuilds above take the opinion groups the import recorded (index/groups/); with
    // index/ deleted a rebuild groups the store as well.
    let _ = std::fs::remove_dir_all(SearchIndex::dir(&ws));
    let cold = rebuild(&ws);
    println!(
        "rebuild with index/ deleted (the store grouped again): {:.1} s ({}), peak RSS {} MB",
        cold.time.as_secs_f64(),
        cold.cpu.show(cold.time),
        cold.peak_kb
            .map_or("n/a".into(), |k| (k / 1024).to_string()),
    );
    let index_bytes = dir_bytes(&SearchIndex::dir(&ws));
    let store_bytes = dir_bytes(&ws_dir.join("comments"));

    // What the indexer's own steps cost, one core each, through the public API.
    let mut phases: Vec<(&str, Duration, Cpu)> = Vec::new();
    // Each runs in a thread of its own, nearer to a fresh process: after this process's import
    // and its millions of short-lived strings, glibc's main arena made the same small
    // allocations up to 7× slower (the old allocating `tokens::grams`: 30 s on the main
    // thread, 4 s on a new one). Allocation-heavy steps still vary with the allocator's state.
    let (stored_texts, d, c) = in_new_thread(|| {
        let mut texts: Vec<String> = Vec::with_capacity(n);
        for p in Store::open(&ws, REG).files().unwrap() {
            texts.extend(
                store::read_batch_lines(&p)
                    .unwrap()
                    .into_iter()
                    .map(|(_, c)| c.text),
            );
        }
        texts
    });
    phases.push(("read + parse the store (store::read_batch_lines)", d, c));
    let words = tokens::Words::new(&ws.root);
    black_box(words.jieba());
    let (nwords, d, c) = in_new_thread(|| {
        let mut w = words.clone();
        stored_texts
            .iter()
            .map(|s| count_tokens(&mut w, s))
            .sum::<usize>()
    });
    phases.push(("jieba words (the lifa_words tokenizer)", d, c));
    let (ngrams, d, c) = in_new_thread(|| gram_segments(&stored_texts));
    phases.push(("character pairs (index::grams::GramBuilder)", d, c));
    let ((), d, c) = in_new_thread(|| {
        let refs: Vec<&str> = stored_texts.iter().map(String::as_str).collect();
        black_box(lifa::group::group(&refs));
    });
    phases.push(("opinion groups (group::group)", d, c));
    for (name, d, c) in &phases {
        println!("  {name:<50} {:>6.1} s  ({})", d.as_secs_f64(), c.show(*d));
    }
    println!(
        "  ({} jieba tokens, {} character pairs)",
        thousands(nwords as u64),
        thousands(ngrams as u64)
    );
    let stored_bytes: u64 = stored_texts.iter().map(|s| s.len() as u64).sum();
    let stored_sum = text_checksum(stored_texts.iter().map(String::as_str));
    drop(stored_texts);

    // The texts as generated, for jieba's ceiling and the recall check.
    let (texts, kinds): (Vec<String>, Vec<Option<Kind>>) = generator::rows(n, SEED)
        .map(|r| (r.text, Kind::parse(r.kind)))
        .unzip();
    let bytes: u64 = texts.iter().map(|s| s.len() as u64).sum();
    if text_checksum(texts.iter().map(String::as_str)) != stored_sum {
        let trimmed = texts.iter().filter(|t| t.trim() != t.as_str()).count();
        if text_checksum(texts.iter().map(|t| t.trim())) == stored_sum {
            println!(
                "stored texts = generated texts, but for the surrounding whitespace the importer \
                 trimmed from {trimmed} of them ({stored_bytes} bytes stored, {bytes} generated)"
            );
        } else {
            println!(
                "!!! the stored texts differ from the generated ones ({stored_bytes} bytes stored, \
                 {bytes} generated): recall below is checked against the generated texts"
            );
        }
    }
    println!(
        "text: {:.1} MB ({:.0} bytes, {:.0} characters per comment)",
        mb(bytes),
        bytes as f64 / n as f64,
        texts.iter().map(|t| t.chars().count()).sum::<usize>() as f64 / n as f64
    );

    // (a) jieba-rs alone: the dictionary load, then every text in search mode on one core.
    let load_ms = median_ms(
        || {
            let t = Instant::now();
            black_box(Jieba::new());
            t.elapsed()
        },
        if cfg.test { 1 } else { 5 },
    );
    let jieba = Jieba::new();
    let (ntok, jieba_t, jieba_cpu) = in_new_thread(|| {
        texts
            .iter()
            .map(|s| jieba.cut_for_search(s, false).len())
            .sum::<usize>()
    });
    let jieba_mbs = mb(bytes) / jieba_t.as_secs_f64();
    println!(
        "jieba-rs cut_for_search, one core: {:.1} s for {:.1} MB = {:.1} MB/s ({} tokens); \
         Jieba::new() {:.0} ms",
        jieba_t.as_secs_f64(),
        mb(bytes),
        jieba_mbs,
        thousands(ntok as u64),
        load_ms
    );

    // What a bare tantivy + jieba pipeline reaches on the same texts: tantivy's usual text field,
    // then only what lifa's words field keeps.
    let bare: Vec<(&str, Duration, Cpu)> = [true, false]
        .into_iter()
        .map(|full| {
            let (d, c) = bare_tantivy(&texts, &words, full);
            let name = if full {
                "bare tantivy+jieba, positions + stored text"
            } else {
                "bare tantivy+jieba, freqs only (lifa's words)"
            };
            println!("{name}: {:.1} s ({})", d.as_secs_f64(), c.show(d));
            (name, d, c)
        })
        .collect();

    // Recall, by brute force over every generated text.
    let prepared = prepare();
    let folded: Vec<String> = texts.iter().map(|t| fold_str(t)).collect();
    let idx = SearchIndex::open(&ws).unwrap();
    let mut mismatches = Vec::new();
    let mut totals = Vec::new();
    println!("recall (lifa total vs comments containing the query):");
    for p in &prepared {
        // The reference semantics, `Expr::matches`, agree with the brute force on a sample.
        let pat = Pat::new(&p.expr);
        for (i, t) in texts.iter().enumerate().take(20_000) {
            let by_expr = p.expr.matches(t) && p.q.kind.is_none_or(|k| kinds[i] == Some(k));
            let by_pat =
                pat.matches(folded[i].as_bytes()) && p.q.kind.is_none_or(|k| kinds[i] == Some(k));
            assert_eq!(
                by_expr, by_pat,
                "brute force disagrees with Expr::matches on {}",
                p.q.q
            );
        }
        let want = brute_force(p, &folded, &kinds);
        let r = run_query(&ws, &idx, p);
        let ok = r.total == want;
        println!(
            "  {} {:<24} {:>9} {:>9}  ({} opinions, {} hits shown)",
            if ok { "ok" } else { "!!" },
            label(p.q),
            thousands(r.total),
            thousands(want),
            thousands(r.opinions),
            r.hits.len()
        );
        if !ok {
            mismatches.push(format!(
                "{}: lifa {} vs {} containing it",
                label(p.q),
                r.total,
                want
            ));
        }
        totals.push((r.total, want));
    }
    for m in &mismatches {
        println!("!!! RECALL MISMATCH {m}");
    }
    drop(folded);

    // Criterion: jieba on a sample (a), each query warm (c).
    let mut c = Criterion::default().configure_from_args();
    {
        let sample: Vec<&str> = texts
            .iter()
            .take(JIEBA_SAMPLE)
            .map(String::as_str)
            .collect();
        let sb: u64 = sample.iter().map(|s| s.len() as u64).sum();
        let mut g = c.benchmark_group(format!("segment the first {} comments", sample.len()));
        g.throughput(Throughput::Bytes(sb));
        g.sample_size(10);
        g.warm_up_time(Duration::from_millis(500));
        g.measurement_time(Duration::from_secs(4));
        g.bench_function("jieba-rs cut_for_search (one core)", |b| {
            b.iter(|| {
                sample
                    .iter()
                    .map(|s| jieba.cut_for_search(s, false).len())
                    .sum::<usize>()
            })
        });
        g.bench_function("lifa_words tokenizer (one core)", |b| {
            let mut w = words.clone();
            b.iter(|| {
                sample
                    .iter()
                    .map(|s| count_tokens(&mut w, s))
                    .sum::<usize>()
            })
        });
        g.bench_function("character-pair postings, GramBuilder (one core)", |b| {
            b.iter(|| gram_segments(&sample))
        });
        g.finish();
    }
    {
        let mut g = c.benchmark_group(format!("search {} comments, warm", thousands(n as u64)));
        g.sample_size(10);
        g.warm_up_time(Duration::from_millis(300));
        g.measurement_time(Duration::from_millis(1500));
        for (i, p) in prepared.iter().enumerate() {
            g.bench_function(format!("q{:02} {}", i + 1, label(p.q)), |b| {
                b.iter(|| run_query(&ws, &idx, p))
            });
        }
        g.finish();
    }
    c.final_summary();
    drop(texts);

    // (c) p50 and p99: every query timed 2 + RUNS times, the first two thrown away (on a new
    // thread, as a server's worker would run them, away from this process's worn main arena).
    let runs = if cfg.test { 3 } else { 21 };
    let (per_query, _, _) = in_new_thread(|| {
        let mut per_query: Vec<Vec<f64>> = Vec::new();
        for p in &prepared {
            let mut v = Vec::new();
            for i in 0..runs + 2 {
                let t = Instant::now();
                black_box(run_query(&ws, &idx, p));
                if i >= 2 {
                    v.push(ms(t.elapsed()));
                }
            }
            per_query.push(v);
        }
        per_query
    });
    let medians: Vec<f64> = per_query.iter().map(|v| pct(v, 50.0)).collect();
    let pooled: Vec<f64> = per_query.iter().flatten().copied().collect();

    // (d) cold processes.
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_lifa"));
    let spawn = |args: &[&str]| {
        let t = Instant::now();
        let out = Command::new(&bin).args(args).output().unwrap();
        let d = t.elapsed();
        assert!(
            out.status.success(),
            "lifa {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        (d, out.stdout.len())
    };
    let ws_arg = ws_dir.to_str().unwrap();
    let cold_args = |p: &Prepared| {
        let mut a = vec!["--workspace", ws_arg, "search", p.q.q, "--format", "json"];
        if p.q.kind.is_some() {
            a.extend(["--kind", "专家"]);
        }
        a
    };
    let cold_runs = if cfg.test { 2 } else { 21 };
    spawn(&cold_args(&prepared[13]));
    let mut json_bytes = 0;
    let cold_main = median_ms(
        || {
            let (d, b) = spawn(&cold_args(&prepared[13]));
            json_bytes = b;
            d
        },
        cold_runs,
    );
    let version_ms = median_ms(|| spawn(&["--version"]).0, cold_runs);
    let cold_each: Vec<f64> = prepared
        .iter()
        .map(|p| median_ms(|| spawn(&cold_args(p)).0, if cfg.test { 1 } else { 3 }))
        .collect();

    println!();
    println!(
        "per query ({} comments; warm in-process: median / max of {runs} runs; cold process: \
         median of 3):",
        thousands(n as u64)
    );
    println!(
        "  {:<26} {:>10} {:>10} {:>10} {:>10}",
        "query", "hits", "median ms", "max ms", "cold ms"
    );
    for (i, p) in prepared.iter().enumerate() {
        println!(
            "  {:<26} {:>10} {:>10.3} {:>10.3} {:>10.1}",
            label(p.q),
            thousands(totals[i].0),
            medians[i],
            pct(&per_query[i], 100.0),
            cold_each[i]
        );
    }

    // lifa on the whoosh prefix, and the peers.
    let mut peers_note = String::new();
    let mut fts5 = None;
    let mut whoosh = None;
    let mut small: Option<(Build, Vec<f64>, u64)> = None;
    let peer_q: Vec<&str> = QUERIES.iter().filter_map(|q| q.peer).collect();
    let lifa_peer_1m = in_new_thread(|| lifa_peer_medians(&ws, &idx, &prepared)).0;
    if cfg.peers {
        let qfile = root.join("peer-queries.txt");
        std::fs::write(&qfile, peer_q.join("\n") + "\n").unwrap();
        if cfg.whoosh_docs < n {
            let sub = root.join("ws-prefix");
            let ws2 = new_workspace(&sub);
            let file = root.join(format!("前{}条.jsonl", cfg.whoosh_docs));
            generator::write_jsonl(&file, generator::rows(cfg.whoosh_docs, SEED)).unwrap();
            import(&ws2, std::slice::from_ref(&file));
            let _ = std::fs::remove_file(&file);
            let b = rebuild(&ws2);
            let idx2 = SearchIndex::open(&ws2).unwrap();
            let m = in_new_thread(|| lifa_peer_medians(&ws2, &idx2, &prepared)).0;
            let b2: u64 = generator::rows(cfg.whoosh_docs, SEED)
                .map(|r| r.text.len() as u64)
                .sum();
            println!(
                "lifa on the first {} comments: rebuild {:.2} s ({:.1} MB/s)",
                thousands(cfg.whoosh_docs as u64),
                b.time.as_secs_f64(),
                mb(b2) / b.time.as_secs_f64()
            );
            small = Some((b, m, b2));
            drop(idx2);
            let _ = std::fs::remove_dir_all(&sub);
        }
        println!("peers (python3 benches/peers/…):");
        match run_peer("fts5.py", &corpus, &qfile, &root.join("peer-fts5"), None) {
            Ok(p) => fts5 = Some(p),
            Err(e) => {
                println!("!!! {e}");
                let _ = writeln!(peers_note, "FTS5: {e}");
            }
        }
        let limit = (cfg.whoosh_docs < n).then_some(cfg.whoosh_docs);
        match run_peer(
            "whoosh_jieba.py",
            &corpus,
            &qfile,
            &root.join("peer-whoosh"),
            limit,
        ) {
            Ok(p) => whoosh = Some(p),
            Err(e) => {
                println!("!!! {e}");
                let _ = writeln!(peers_note, "whoosh: {e}");
            }
        }
    } else {
        peers_note.push_str("peers skipped (LIFA_BENCH_PEERS=0 or test mode)");
    }

    // A batch arriving at the million: `lifa import` of 1,000 more generated comments, as
    // staff run it (the index brought up to date by the same command), beside a rebuild.
    let extra = root.join("新增1000条.jsonl");
    generator::write_jsonl(&extra, generator::rows(1_000, SEED + 1)).unwrap();
    let t = Instant::now();
    let out = Command::new(&bin)
        .args(["--workspace", ws_arg, "import", REG])
        .arg(&extra)
        .args(["--draft", "v1"])
        .output()
        .unwrap();
    let import_t = t.elapsed();
    assert!(
        out.status.success(),
        "lifa import: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let import_out = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(import_out.contains("索引已更新"), "{import_out}");
    println!(
        "lifa import of 1,000 comments into the {}: {:.1} s",
        thousands(n as u64),
        import_t.as_secs_f64()
    );

    // The summary.
    let b0 = &builds[0];
    let best = builds.iter().map(|b| b.time).min().unwrap();
    let lifa_mbs = mb(bytes) / best.as_secs_f64();
    rep.add(format!(
        "lifa search benchmark, {} generated comments, {:.1} MB of text ({:.0} B/comment); \
         index {:.0} MB on disk, store {:.0} MB; run took {:.0} s",
        thousands(n as u64),
        mb(bytes),
        bytes as f64 / n as f64,
        mb(index_bytes),
        mb(store_bytes),
        run_started.elapsed().as_secs_f64()
    ));
    rep.add("(a) indexing, MB/s of comment text".to_string());
    rep.add(format!(
        "    jieba-rs cut_for_search, 1 core (ceiling)   {:>8.1} MB/s  ({:.1} s, {})",
        jieba_mbs,
        jieba_t.as_secs_f64(),
        jieba_cpu.show(jieba_t)
    ));
    for (i, b) in builds.iter().enumerate() {
        rep.add(format!(
            "    lifa SearchIndex::rebuild #{}, 2 threads     {:>8.1} MB/s  ({:.1} s, {} comments/s, {})",
            i + 1,
            mb(bytes) / b.time.as_secs_f64(),
            b.time.as_secs_f64(),
            thousands((n as f64 / b.time.as_secs_f64()) as u64),
            b.cpu.show(b.time),
        ));
    }
    rep.add(format!(
        "    lifa rebuild, index/ deleted (groups too)   {:>8.1} MB/s  ({:.1} s, {}) = {:.2}× the ceiling",
        mb(bytes) / cold.time.as_secs_f64(),
        cold.time.as_secs_f64(),
        cold.cpu.show(cold.time),
        jieba_t.as_secs_f64() / cold.time.as_secs_f64()
    ));
    for (name, d, c) in &bare {
        rep.add(format!(
            "    {name:<46}{:>6.1} MB/s  ({:.1} s, {}) = {:.2}× the ceiling",
            mb(bytes) / d.as_secs_f64(),
            d.as_secs_f64(),
            c.show(*d),
            jieba_t.as_secs_f64() / d.as_secs_f64()
        ));
    }
    rep.add(format!(
        "    ratio lifa (best) / jieba ceiling           {:>8.2}×  (target ≥ 0.6×)",
        lifa_mbs / jieba_mbs
    ));
    rep.add(format!(
        "    lifa import of 1,000 more comments into the {} (a process; the index updated): \
         {:.1} s = {:.2}× the rebuild's time",
        thousands(n as u64),
        import_t.as_secs_f64(),
        import_t.as_secs_f64() / best.as_secs_f64(),
    ));
    rep.add(format!(
        "    one-core costs of its steps: {}; rebuild CPU {:.1} s, wall {:.1} s",
        phases
            .iter()
            .map(|(name, d, _)| format!(
                "{} {:.1} s",
                name.split(" (").next().unwrap_or(name),
                d.as_secs_f64()
            ))
            .collect::<Vec<_>>()
            .join(", "),
        b0.cpu.own,
        b0.time.as_secs_f64()
    ));
    rep.add(
        "(b) peers: ratios are the peer's time / lifa's on the same documents and queries (> 1: lifa faster)"
            .to_string(),
    );
    let lifa_1m: Vec<(&str, f64)> = peer_q
        .iter()
        .copied()
        .zip(lifa_peer_1m.iter().copied())
        .collect();
    let long = |q: &str| q.chars().count() >= 3;
    let (l50, l99) = lifa_latency(&lifa_1m, |_| true);
    let (ll50, ll99) = lifa_latency(&lifa_1m, long);
    rep.add(format!(
        "    lifa, {} docs: index {:.1} s ({:.2} MB/s); {} plain queries (median of 5 each): p50 {:.2} ms, \
         p99 {:.1} ms; the {} of 3+ characters: p50 {:.2} ms, p99 {:.1} ms",
        thousands(n as u64),
        best.as_secs_f64(),
        lifa_mbs,
        peer_q.len(),
        l50,
        l99,
        peer_q.iter().filter(|q| long(q)).count(),
        ll50,
        ll99
    ));
    if let Some(p) = &fts5 {
        let (m50, m99) = p.latency(|q| q.long(), false);
        let (f50, f99) = p.latency(|_| true, true);
        rep.add(format!(
            "    SQLite FTS5 trigram, {} docs: index {:.1} s ({:.2} MB/s) = {:.2}× lifa's time; RSS {:.0} MB",
            thousands(p.docs),
            p.index_seconds,
            p.index_mb_per_s,
            p.index_seconds / best.as_secs_f64(),
            p.max_rss_mb
        ));
        rep.add(format!(
            "      MATCH, 3+ characters: p50 {:.2} ms ({:.2}×), p99 {:.1} ms ({:.2}×); MATCH exact on \
             {}/{} queries (nothing under 3 characters)",
            m50,
            m50 / ll50,
            m99,
            m99 / ll99,
            p.exact(),
            p.queries.len()
        ));
        rep.add(format!(
            "      MATCH + full-scan fallback under 3 characters (finds everything): p50 {:.1} ms ({:.1}×), \
             p99 {:.1} ms ({:.1}×)",
            f50,
            f50 / l50,
            f99,
            f99 / l99
        ));
        if p.bytes != bytes {
            rep.add(format!(
                "    !!! FTS5 read {} bytes of text, lifa {}",
                p.bytes, bytes
            ));
        }
    }
    if let Some(p) = &whoosh {
        let (w50, w99) = p.latency(|_| true, false);
        let (b_secs, (s50, s99)) = match &small {
            Some((b, m, sb)) => {
                let sm: Vec<(&str, f64)> = peer_q.iter().copied().zip(m.iter().copied()).collect();
                let lat = lifa_latency(&sm, |_| true);
                rep.add(format!(
                    "    lifa, first {} docs: index {:.2} s ({:.2} MB/s); p50 {:.2} ms, p99 {:.1} ms",
                    thousands(p.docs),
                    b.time.as_secs_f64(),
                    mb(*sb) / b.time.as_secs_f64(),
                    lat.0,
                    lat.1
                ));
                (b.time.as_secs_f64(), lat)
            }
            None => (best.as_secs_f64(), (l50, l99)),
        };
        rep.add(format!(
            "    jieba+whoosh, first {} docs: index {:.1} s ({:.3} MB/s) = {:.0}× lifa's time; p50 {:.1} ms \
             ({:.1}×), p99 {:.1} ms ({:.1}×); exact on {}/{} queries; RSS {:.0} MB",
            thousands(p.docs),
            p.index_seconds,
            p.index_mb_per_s,
            p.index_seconds / b_secs,
            w50,
            w50 / s50,
            w99,
            w99 / s99,
            p.exact(),
            p.queries.len(),
            p.max_rss_mb
        ));
    }
    for l in peers_note.lines() {
        rep.add(format!("    {l}"));
    }
    rep.add(format!(
        "(c) {} queries, warm, in-process (limit 20, page 1, parse included; {runs} runs each)",
        prepared.len()
    ));
    rep.add(format!(
        "    per-query medians: p50 {:.3} ms, p99 {:.3} ms (target p50 < 5 ms, p99 < 50 ms); slowest: {}",
        pct(&medians, 50.0),
        pct(&medians, 99.0),
        {
            let i = (0..medians.len()).max_by(|&a, &b| medians[a].total_cmp(&medians[b])).unwrap();
            format!("{} {:.1} ms", label(prepared[i].q), medians[i])
        }
    ));
    rep.add(format!(
        "    all {} calls pooled: p50 {:.3} ms, p99 {:.3} ms",
        pooled.len(),
        pct(&pooled, 50.0),
        pct(&pooled, 99.0)
    ));
    rep.add("(d) cold `lifa search … --format json` process, start to last byte".to_string());
    rep.add(format!(
        "    网箱养殖: median {:.1} ms of {cold_runs} ({} bytes of JSON); all 20 queries: p50 {:.1} ms, \
         max {:.1} ms (target < 50 ms)",
        cold_main,
        json_bytes,
        pct(&cold_each, 50.0),
        pct(&cold_each, 100.0)
    ));
    rep.add(format!(
        "    `lifa --version` process {:.1} ms; Jieba::new() in-process {:.0} ms (what the query path avoids)",
        version_ms, load_ms
    ));
    rep.add("(e) peak memory of the rebuild (VmHWM after reset)".to_string());
    for (i, b) in builds.iter().enumerate() {
        rep.add(format!(
            "    rebuild #{}: peak {} MB, rise {} MB above {} MB (target < 1.5 GB)",
            i + 1,
            b.peak_kb.map_or("n/a".into(), |k| (k / 1024).to_string()),
            b.peak_kb
                .zip(b.start_kb)
                .map_or("n/a".into(), |(p, s)| (p.saturating_sub(s) / 1024)
                    .to_string()),
            b.start_kb.map_or("n/a".into(), |k| (k / 1024).to_string()),
        ));
    }
    rep.add(format!(
        "    rebuild with index/ deleted: peak {} MB",
        cold.peak_kb
            .map_or("n/a".into(), |k| (k / 1024).to_string()),
    ));
    if mismatches.is_empty() {
        rep.add(format!(
            "recall: all {} queries return exactly the comments containing them",
            prepared.len()
        ));
    } else {
        rep.add(format!(
            "!!! RECALL: {} of {} queries wrong:",
            mismatches.len(),
            prepared.len()
        ));
        for m in &mismatches {
            rep.add(format!("!!!   {m}"));
        }
    }
    println!();
    println!("{}", "=".repeat(100));
    for l in &rep.lines {
        println!("{l}");
    }
    println!("{}", "=".repeat(100));
    if cfg.keep.is_some() {
        println!("kept: {}", root.display());
    }
}

/// An order-independent checksum of texts.
fn text_checksum<'a>(texts: impl Iterator<Item = &'a str>) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    texts.fold(0u64, |acc, t| {
        let mut h = DefaultHasher::new();
        t.hash(&mut h);
        acc.wrapping_add(h.finish())
    })
}

/// `网箱养殖 [word]`.
fn label(q: &Q) -> String {
    format!("{} [{}]", q.q, q.class)
}
