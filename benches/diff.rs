//! `lifa diff` speed on the criminal law (刑法, 505 articles, 218 KB) and on the sample
//! regulation, compared in the same run with `git diff --no-index --word-diff=porcelain` on the
//! same files — what a staff member with git would use instead.
//!
//! Run: `cargo bench --bench diff`. Results and ratios: benches/README.md.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;

use criterion::{Criterion, criterion_group, criterion_main};
use lifa::align::align;
use lifa::diff::diff;
use lifa::draft::parse;

fn pair(old: &Path, new: &Path) -> (String, String) {
    (
        std::fs::read_to_string(old).unwrap(),
        std::fs::read_to_string(new).unwrap(),
    )
}

/// Parsing, alignment and diff of two texts: everything `lifa diff` does but printing.
fn lifa_diff(old: &str, new: &str) -> usize {
    let o = parse("old.md", old).unwrap();
    let n = parse("new.md", new).unwrap();
    let a = align(&o, &n, &[]);
    diff(None, &o, &n, &a, "old", "new").summary.edits
}

fn git_word_diff(old: &Path, new: &Path) {
    let out = Command::new("git")
        .args(["diff", "--no-index", "--word-diff=porcelain"])
        .arg(old)
        .arg(new)
        .output()
        .expect("git");
    assert!(out.status.code() == Some(1), "git found differences");
    black_box(out.stdout.len());
}

fn lifa_process(old: &Path, new: &Path) {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_lifa"));
    let out = Command::new(bin)
        .args(["diff", "--format", "json"])
        .arg(old)
        .arg(new)
        .output()
        .expect("lifa");
    assert!(out.status.success());
    black_box(out.stdout.len());
}

fn bench(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    // Load jieba's dictionary once, as a long-running process would.
    lifa::segment::words("预热");

    let sample_old = root.join("drafts/qinglanhu/v1.md");
    let sample_new = root.join("drafts/qinglanhu/v2.md");
    let (so, sn) = pair(&sample_old, &sample_new);
    let mut g = c.benchmark_group("sample v1→v2 (67→71 articles, 161 edits)");
    g.bench_function("lifa in-process", |b| {
        b.iter(|| lifa_diff(black_box(&so), black_box(&sn)))
    });
    g.bench_function("git word-diff process", |b| {
        b.iter(|| git_word_diff(&sample_old, &sample_new))
    });
    g.finish();

    let corpus = root.join("../shared/corpus/laws/xingfa");
    if !corpus.join("old.md").is_file() {
        eprintln!(
            "skipped the 刑法 benchmark: corpus not found at {}",
            corpus.display()
        );
        return;
    }
    let (xo, xn) = (corpus.join("old.md"), corpus.join("new.md"));
    let (old, new) = pair(&xo, &xn);
    let mut g = c.benchmark_group("刑法 (505 articles, 218 KB)");
    g.bench_function("lifa in-process", |b| {
        b.iter(|| lifa_diff(black_box(&old), black_box(&new)))
    });
    g.bench_function("lifa parse only", |b| {
        b.iter(|| {
            parse("old.md", black_box(&old)).unwrap();
            parse("new.md", black_box(&new)).unwrap();
        })
    });
    g.bench_function("git word-diff process", |b| {
        b.iter(|| git_word_diff(&xo, &xn))
    });
    g.sample_size(20);
    g.bench_function("lifa process (cold, JSON)", |b| {
        b.iter(|| lifa_process(&xo, &xn))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
