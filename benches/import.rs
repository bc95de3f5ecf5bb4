//! `lifa import` speed and memory on a 100,000-row GBK CSV (synthetic comments from
//! `benches/gen`), beside what the csv crate alone does with the same file: read it, decode GBK
//! with encoding_rs, parse every record. The ratio says what lifa's import costs on top of
//! reading the file.
//!
//! lifa's figure is the real import as a library call — `Importer::new` (parsing the three drafts
//! of the sample regulation) and `import` (read, detect the encoding, decode, parse, map columns,
//! validate every row, give ids, count duplicates, write the batch atomically with fsync) — into
//! an empty store each time.
//!
//! After criterion's groups, each side runs once more with its peak resident memory measured
//! (Linux: the kernel's high-water mark, reset through `/proc/self/clear_refs`), and the import
//! is split into phases through lifa's public API. Set `LIFA_BENCH_GEN_ROWS=1000000` to also time
//! the generator on that many rows.
//!
//! Run: `cargo bench --bench import`. Results: benches/README.md.

#[path = "gen/mod.rs"]
mod generator;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, Throughput};
use lifa::comment::Date;
use lifa::importer::{Importer, Options, Outcome};
use lifa::intake::validate::BatchDefaults;
use lifa::intake::{self, HeaderMap};
use lifa::store::Store;
use lifa::workspace::Workspace;

const ROWS: usize = 100_000;
const SEED: u64 = 2026;
const REG: &str = "qinglanhu";

/// A temporary workspace holding the sample regulation's drafts and the upload.
struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
    csv: PathBuf,
    bytes: u64,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().to_path_buf();
        let drafts = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("drafts")
            .join(REG);
        let to = root.join("drafts").join(REG);
        std::fs::create_dir_all(&to).unwrap();
        for entry in std::fs::read_dir(&drafts).unwrap().flatten() {
            let p = entry.path();
            if p.extension().is_some_and(|x| x == "md" || x == "toml") {
                std::fs::copy(&p, to.join(entry.file_name())).unwrap();
            }
        }
        generator::self_check();
        let t = Instant::now();
        let n = generator::rows(ROWS, SEED)
            .map(|r| r.text.len())
            .sum::<usize>();
        let generate = t.elapsed();
        black_box(n);
        let csv = root.join("湖区意见-10万条.csv");
        let t = Instant::now();
        let written = generator::write_csv_gbk(&csv, generator::rows(ROWS, SEED)).unwrap();
        let write = t.elapsed();
        assert_eq!(written.rows, ROWS);
        println!(
            "fixture: {ROWS} comments, GBK CSV {:.1} MB; generator {} comments/s, generating and \
             writing GBK CSV {} comments/s",
            mb(written.bytes),
            per_s(ROWS, generate),
            per_s(ROWS, write),
        );
        Fixture {
            _dir: dir,
            root,
            csv,
            bytes: written.bytes,
        }
    }

    fn workspace(&self) -> Workspace {
        Workspace::new(&self.root)
    }

    /// Empties the comment store so the next import writes the whole batch.
    fn empty_store(&self) {
        let _ = std::fs::remove_dir_all(self.root.join("comments"));
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

/// What the csv crate alone does with the file: read it, decode GBK (encoding_rs's GB18030
/// decoder, as lifa uses), parse every record. Returns the number of fields.
fn csv_alone(path: &Path) -> usize {
    let bytes = std::fs::read(path).unwrap();
    let (text, bad) = encoding_rs::GB18030.decode_without_bom_handling(&bytes);
    assert!(!bad);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut fields = 0;
    while reader.read_record(&mut record).unwrap() {
        fields += record.len();
    }
    assert_eq!(fields, (ROWS + 1) * generator::CSV_HEADER.len());
    fields
}

/// The real import, into whatever store the workspace has.
fn lifa_import(fx: &Fixture) -> Outcome {
    let mut imp = Importer::new(&fx.workspace(), REG).unwrap();
    let outcome = imp.import(&fx.csv, &options()).unwrap();
    assert!(!outcome.refused && outcome.checked.refused.is_empty());
    assert_eq!(outcome.accepted, ROWS);
    assert_eq!(outcome.batch.as_ref().map(|b| b.comments.len()), Some(ROWS));
    outcome
}

fn bench(c: &mut Criterion, fx: &Fixture) {
    // Load the regulation once outside the timings (page cache, lazy statics).
    fx.empty_store();
    drop(lifa_import(fx));

    let mut g = c.benchmark_group(format!(
        "import {ROWS} rows, GBK CSV {:.0} MB",
        mb(fx.bytes)
    ));
    g.throughput(Throughput::Elements(ROWS as u64));
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(8));
    g.bench_function("csv crate alone (read, decode, parse)", |b| {
        b.iter(|| csv_alone(black_box(&fx.csv)))
    });
    g.bench_function("lifa intake::read", |b| {
        b.iter(|| intake::read(black_box(&fx.csv), None, &HeaderMap::default()).unwrap())
    });
    g.measurement_time(Duration::from_secs(20));
    g.bench_function("lifa import (empty store, fsync)", |b| {
        b.iter_batched(
            || fx.empty_store(),
            |()| lifa_import(fx),
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

/// One more run of each side, timed, with its peak memory; then the phases of the import.
fn summary(fx: &Fixture) {
    println!();
    println!(
        "one run each, {ROWS} rows, GBK CSV {:.1} MB (peak = VmHWM after reset; rise = above the \
         RSS at the start)",
        mb(fx.bytes)
    );
    let (_, csv_t, csv_peak) = measured(|| csv_alone(&fx.csv));
    fx.empty_store();
    let (_, lifa_t, lifa_peak) = measured(|| lifa_import(fx));
    let (_, read_t, read_peak) =
        measured(|| intake::read(&fx.csv, None, &HeaderMap::default()).unwrap());
    for (name, t, peak) in [
        ("csv crate alone", csv_t, &csv_peak),
        ("lifa import", lifa_t, &lifa_peak),
        ("lifa intake::read only", read_t, &read_peak),
    ] {
        println!(
            "  {name:<24} {:>8.3} s {:>10} rows/s   peak {}",
            t.as_secs_f64(),
            per_s(ROWS, t),
            show_peak(peak)
        );
    }
    let ratio = lifa_t.as_secs_f64() / csv_t.as_secs_f64();
    println!(
        "  ratio lifa/csv: {ratio:.1}× the time ({:.3}× the rows/s)",
        1.0 / ratio
    );
    if let (Some(l), Some(c)) = (&lifa_peak, &csv_peak) {
        println!(
            "  peak rise lifa/csv: {:.1}× ({} MB / {} MB)",
            l.rise_kb() as f64 / c.rise_kb().max(1) as f64,
            l.rise_kb() / 1024,
            c.rise_kb() / 1024
        );
    }

    // Phases through the public API, one run each, in the order import runs them.
    println!("  phases of the import (one run each):");
    fx.empty_store();
    let ws = fx.workspace();
    let t = Instant::now();
    let imp = Importer::new(&ws, REG).unwrap();
    let new_t = t.elapsed();
    let t = Instant::now();
    let upload = intake::read(&fx.csv, None, &HeaderMap::default()).unwrap();
    let read_t = t.elapsed();
    let t = Instant::now();
    let checked = intake::validate::check(
        &upload,
        REG,
        imp.versions(),
        &options().defaults,
        Date::today(),
    )
    .unwrap();
    let check_t = t.elapsed();
    assert_eq!(checked.comments.len(), ROWS);
    drop((checked, upload, imp));
    fx.empty_store();
    let outcome = lifa_import(fx);
    let batch = outcome.batch.as_ref().unwrap();
    fx.empty_store();
    let t = Instant::now();
    let (written, _) = Store::open(&ws, REG).write(batch).unwrap();
    let write_t = t.elapsed();
    let stored = std::fs::metadata(&written).map_or(0, |m| m.len());
    let rest = lifa_t.saturating_sub(new_t + read_t + check_t + write_t);
    for (name, t) in [
        ("Importer::new (3 drafts)", new_t),
        ("intake::read", read_t),
        ("validate::check", check_t),
        ("store write (fsync)", write_t),
        ("the rest (≈ full − above)", rest),
    ] {
        println!(
            "    {name:<26} {:>8.3} s {:>5.1}%",
            t.as_secs_f64(),
            100.0 * t.as_secs_f64() / lifa_t.as_secs_f64()
        );
    }
    println!("    (batch file {:.1} MB)", mb(stored));
    drop(outcome);

    if let Some(n) = std::env::var("LIFA_BENCH_GEN_ROWS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        let t = Instant::now();
        let chars: usize = generator::rows(n, SEED)
            .map(|r| r.text.chars().count())
            .sum();
        let generate = t.elapsed();
        let path = fx.root.join("gen.csv");
        let t = Instant::now();
        let w = generator::write_csv_gbk(&path, generator::rows(n, SEED)).unwrap();
        let write = t.elapsed();
        let _ = std::fs::remove_file(&path);
        println!(
            "generator, {n} comments ({:.0} characters each on average): {} comments/s \
             ({:.2} s); writing a GBK CSV of {:.0} MB: {} comments/s ({:.2} s)",
            chars as f64 / n as f64,
            per_s(n, generate),
            generate.as_secs_f64(),
            mb(w.bytes),
            per_s(n, write),
            write.as_secs_f64()
        );
    }
}

/// Peak resident memory of one run.
struct Peak {
    start_kb: u64,
    peak_kb: u64,
}

impl Peak {
    fn rise_kb(&self) -> u64 {
        self.peak_kb.saturating_sub(self.start_kb)
    }
}

fn show_peak(p: &Option<Peak>) -> String {
    match p {
        Some(p) => format!(
            "{:>5} MB (rise {:>4} MB)",
            p.peak_kb / 1024,
            p.rise_kb() / 1024
        ),
        None => "n/a".into(),
    }
}

/// Runs `f` once, timing it and measuring the peak resident memory while its result is alive.
fn measured<R>(f: impl FnOnce() -> R) -> (R, Duration, Option<Peak>) {
    let start = reset_peak();
    let t = Instant::now();
    let r = f();
    let elapsed = t.elapsed();
    let peak =
        start.and_then(|start_kb| status_kb("VmHWM:").map(|peak_kb| Peak { start_kb, peak_kb }));
    (r, elapsed, peak)
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

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

/// `123,456`.
fn per_s(n: usize, t: Duration) -> String {
    let v = (n as f64 / t.as_secs_f64()).round() as u64;
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

fn main() {
    let list = std::env::args().any(|a| a == "--list");
    let fx = Fixture::new();
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c, &fx);
    c.final_summary();
    if !list {
        summary(&fx);
    }
}
