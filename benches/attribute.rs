//! `lifa attribute` on the sample regulation (一审稿 → 二审稿, 161 edits) against 100,000
//! generated comments (`benches/gen`, the same generator as the search benchmark), 40% of them
//! marked 采纳 in `decisions.jsonl`.
//!
//! Run: `cargo bench --bench attribute`. Target (the attribution issue): attributing every edit
//! against 100,000 comments in under 2 seconds. Reported beside it, in the same run: reading the
//! store alone (`Store::comments`, the floor for anything that looks at every comment), loading
//! the corpus (store + decisions + duplicate/campaign grouping), and the whole `lifa attribute
//! --format json` process. `LIFA_BENCH_DOCS` changes the number of comments; `LIFA_BENCH_KEEP=DIR`
//! keeps the workspace in DIR.

#[path = "gen/mod.rs"]
mod generator;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::Criterion;
use lifa::attribute::{Options as AttrOptions, attribute};
use lifa::decisions::{self, Decision, Status};
use lifa::importer::{Importer, Options};
use lifa::intake::validate::BatchDefaults;
use lifa::lineage::Lineage;
use lifa::opinions::Corpus;
use lifa::store::Store;
use lifa::workspace::Workspace;

const REG: &str = "qinglanhu";

fn main() {
    let test = std::env::args().any(|a| a == "--test");
    let docs: usize = std::env::var("LIFA_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if test { 2_000 } else { 100_000 });
    let dir = tempfile::tempdir().unwrap();
    // LIFA_BENCH_KEEP=DIR builds the workspace in DIR and keeps it (for profiling the command).
    let keep = std::env::var_os("LIFA_BENCH_KEEP").map(std::path::PathBuf::from);
    let root = keep.clone().unwrap_or_else(|| dir.path().to_path_buf());
    let _ = std::fs::remove_dir_all(root.join("comments"));
    let ws = Workspace::new(&root);
    let drafts = ws.drafts_dir(REG);
    std::fs::create_dir_all(&drafts).unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("drafts")
        .join(REG);
    for e in std::fs::read_dir(from).unwrap().flatten() {
        if e.path().is_file() {
            std::fs::copy(e.path(), drafts.join(e.file_name())).unwrap();
        }
    }
    let upload = root.join("upload.jsonl");
    generator::write_jsonl(&upload, generator::rows(docs, 2026)).unwrap();
    let mut imp = Importer::new(&ws, REG).unwrap();
    let out = imp
        .import(
            &upload,
            &Options {
                defaults: BatchDefaults {
                    draft: Some("v1".into()),
                    ..Default::default()
                },
                ..Default::default()
            },
        )
        .unwrap();
    assert!(!out.refused);
    let comments = Store::open(&ws, REG).comments().unwrap();
    let n = comments.len();
    let marked: Vec<Decision> = comments
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 5 < 2)
        .map(|(_, c)| Decision {
            comment: c.id.clone(),
            status: Status::Adopted,
            reason: None,
            edits: Vec::new(),
            location: None,
            by: Some("bench".into()),
            at: "2026-06-01T00:00:00.000Z".into(),
        })
        .collect();
    decisions::append(&ws, REG, &marked).unwrap();
    drop(comments);

    let versions = ws.versions(REG).unwrap();
    let lineage = Lineage::build(&ws, REG, &versions).unwrap();
    let diff = ws.compare(REG, &versions[0], &versions[1]).unwrap();
    let corpus = Corpus::load(&ws, REG).unwrap();

    let mut c = Criterion::default().configure_from_args().sample_size(10);
    let mut g = c.benchmark_group(format!("attribute_{n}"));
    g.measurement_time(Duration::from_secs(if test { 1 } else { 20 }));
    g.bench_function("store_read", |b| {
        b.iter(|| Store::open(&ws, REG).comments().unwrap().len())
    });
    g.bench_function("corpus_load_with_grouping", |b| {
        b.iter(|| Corpus::load(&ws, REG).unwrap().comments.len())
    });
    g.bench_function("attribute_all_edits", |b| {
        b.iter(|| {
            attribute(
                diff.clone(),
                &corpus,
                Some(&lineage),
                &AttrOptions::default(),
            )
            .edits
            .len()
        })
    });
    g.finish();

    // The whole command, as staff run it.
    let bin = env!("CARGO_BIN_EXE_lifa");
    let mut times = Vec::new();
    for _ in 0..if test { 1 } else { 5 } {
        let t = Instant::now();
        let o = Command::new(bin)
            .args(["--workspace", root.to_str().unwrap()])
            .args(["attribute", REG, "v1", "v2", "--format", "json"])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        times.push(t.elapsed());
    }
    times.sort();
    let a = attribute(
        diff.clone(),
        &corpus,
        Some(&lineage),
        &AttrOptions::default(),
    );
    println!(
        "{n} comments, {} edits: `lifa attribute --format json` process median {:.0} ms (min {:.0}); \
         {} edits with an adopted comment at the threshold, {} adopted opinions not reflected",
        a.diff.summary.edits,
        times[times.len() / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        a.totals.edits_with_adopted,
        a.totals.not_reflected,
    );
    c.final_summary();
}
