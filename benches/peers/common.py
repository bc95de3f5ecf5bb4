"""What both peer scripts share: the command line, reading the inputs, timing, the report."""
import argparse
import json
import os
import resource
import shutil
import statistics
import sys
import time

REPEATS = 5  # timed runs per query, after one warm-up pass over all queries


def args(description, extra=None):
    ap = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True, help="JSON Lines with at least `id` and `text`")
    ap.add_argument("--queries", required=True, help="one query per line")
    ap.add_argument("--workdir", required=True, help="the index is built here, from scratch")
    ap.add_argument("--limit-docs", type=int, help="index only the first N documents")
    if extra:
        extra(ap)
    return ap.parse_args()


def note(*parts):
    print(*parts, file=sys.stderr, flush=True)


def load(a):
    """Returns (ids, texts, queries, parse_seconds): reading and parsing the JSON, timed alone."""
    t0 = time.perf_counter()
    ids, texts = [], []
    with open(a.corpus, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            if a.limit_docs is not None and len(texts) >= a.limit_docs:
                break
            row = json.loads(line)
            ids.append(str(row["id"]))
            texts.append(row["text"] or "")
    parse_seconds = time.perf_counter() - t0
    with open(a.queries, encoding="utf-8") as f:
        queries = [q.strip() for q in f if q.strip()]
    return ids, texts, queries, parse_seconds


def fresh_dir(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def dir_mb(path):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs) / 1e6


def median_ms(run):
    """Median wall time of REPEATS calls of run(), in milliseconds, and run()'s last result."""
    times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000, result


def percentile(values, p):
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    s = sorted(values)
    return s[max(0, min(len(s) - 1, -(-p * len(s) // 100) - 1))]


def report(tool, texts, parse_seconds, index_seconds, workdir, queries, extra=None):
    """Prints the one JSON object to stdout."""
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    medians = [q["median_ms"] for q in queries]
    long_medians = [q["median_ms"] for q in queries if len(q["q"]) >= 3] or [float("nan")]
    out = {
        "tool": tool,
        "docs": len(texts),
        "bytes": nbytes,
        "parse_seconds": round(parse_seconds, 3),
        "index_seconds": round(index_seconds, 3),
        "index_plus_parse_seconds": round(index_seconds + parse_seconds, 3),
        "index_mb_per_s": round(nbytes / 1e6 / index_seconds, 3),
        "index_disk_mb": round(dir_mb(workdir), 2),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "repeats": REPEATS,
        **(extra or {}),
        "queries": queries,
        "p50_ms": round(percentile(medians, 50), 4),
        "p99_ms": round(percentile(medians, 99), 4),
        # The same over the queries of 3+ characters only (those FTS5 trigram can MATCH).
        "p50_ms_3plus": round(percentile(long_medians, 50), 4),
        "p99_ms_3plus": round(percentile(long_medians, 99), 4),
    }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    print()
