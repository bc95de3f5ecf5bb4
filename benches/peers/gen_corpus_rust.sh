#!/usr/bin/env bash
# Writes N synthetic comments as JSON Lines with the crate's own benchmark generator
# (benches/gen/mod.rs, seed 2026 as in the import benchmark), so the peers index the same text
# that lifa's benchmarks use. Builds a throwaway crate in a temporary folder that includes
# benches/gen/mod.rs by path; nothing in the repository is written except OUT.
#   usage: benches/peers/gen_corpus_rust.sh N OUT.jsonl [SEED]
set -euo pipefail
n=${1:?rows}; out=$(realpath -m "${2:?output .jsonl}"); seed=${3:-2026}
gen=$(realpath "$(dirname "$0")/../gen/mod.rs")
dir=${LIFA_PEER_GEN_DIR:-${TMPDIR:-/tmp}/lifa-peer-gen}
mkdir -p "$dir/src"
cat > "$dir/Cargo.toml" <<TOML
[package]
name = "lifa-peer-gen"
version = "0.0.0"
edition = "2024"
publish = false
[workspace]
[dependencies]
csv = "1.4"
encoding_rs = "0.8"
serde = { version = "1.0", features = ["derive"] }
serde_json = "1.0"
[profile.release]
debug = false
TOML
cat > "$dir/src/main.rs" <<RS
#[path = "$gen"]
mod generator;
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let (n, seed): (usize, u64) = (a[1].parse().unwrap(), a[2].parse().unwrap());
    let w = generator::write_jsonl(&a[3], generator::rows(n, seed)).unwrap();
    eprintln!("wrote {} rows, {} bytes to {}", w.rows, w.bytes, a[3]);
}
RS
cargo run --quiet --release --manifest-path "$dir/Cargo.toml" -- "$n" "$seed" "$out"
