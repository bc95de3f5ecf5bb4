#!/usr/bin/env bash
# Makes the corpora and runs both peers on them, one process at a time; JSON reports and stderr
# logs go to OUT (default /tmp/lifa-peers), never into the repository.
#   usage: benches/peers/run.sh [OUT] [SIZES...]      e.g. benches/peers/run.sh /tmp/lifa-peers 50000 200000
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-/tmp/lifa-peers}; shift || true
sizes=("${@:-50000}")
mkdir -p "$out"
for n in "${sizes[@]}"; do
  "$here/gen_corpus_rust.sh" "$n" "$out/gen-$n.jsonl"
  python3 "$here/gen_corpus.py" --sample "$here/../../tests/fixtures/uploads/online-2026-05.jsonl" \
    --docs "$n" --out "$out/sample-$n.jsonl"
  for c in "gen-$n" "sample-$n"; do
    common=(--corpus "$out/$c.jsonl" --queries "$here/queries.txt" --workdir "$out/index")
    python3 "$here/fts5.py" "${common[@]}" > "$out/$c-fts5.json" 2> "$out/$c-fts5.err"
    if python3 -c "import pysqlite3" 2>/dev/null; then
      python3 "$here/fts5.py" --pysqlite3 "${common[@]}" > "$out/$c-fts5-new.json" 2> "$out/$c-fts5-new.err"
    fi
    python3 "$here/whoosh_jieba.py" "${common[@]}" > "$out/$c-whoosh.json" 2> "$out/$c-whoosh.err"
    python3 "$here/summarize.py" "$out/$c"-*.json
  done
done
rm -rf "$out/index"
