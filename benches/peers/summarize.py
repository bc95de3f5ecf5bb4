#!/usr/bin/env python3
"""Markdown tables from the peers' JSON reports: python3 summarize.py A.json B.json ...

One row per report, then one row per query with each report's figures side by side
(median ms / hits; for Whoosh also how many hits hold the string and the phrase query's hits;
for FTS5 also the LIKE and full-scan counts and times)."""
import json
import sys

reports = [(path.rsplit("/", 1)[-1].removesuffix(".json"), json.load(open(path, encoding="utf-8")))
           for path in sys.argv[1:]]
print("| report | SQLite | docs | text MB | index s (+ JSON s) | MB/s | on disk MB "
      "| p50 / p99 ms | 3+ chars p50 / p99 ms | MATCH+scan p50 / p99 ms |")
print("|---" * 10 + "|")
for name, r in reports:
    fb = (f"{r['fallback_p50_ms']:.3f} / {r['fallback_p99_ms']:.3f}"
          if "fallback_p50_ms" in r else "")
    print(f"| {name} | {r.get('sqlite_version', '')} | {r['docs']:,} | {r['bytes'] / 1e6:.1f} "
          f"| {r['index_seconds']:.2f} (+{r['parse_seconds']:.2f}) | {r['index_mb_per_s']:.2f} "
          f"| {r['index_disk_mb']:.1f} | {r['p50_ms']:.3f} / {r['p99_ms']:.3f} "
          f"| {r['p50_ms_3plus']:.3f} / {r['p99_ms_3plus']:.3f} | {fb} |")
print()
print("| query | in | " + " | ".join(name for name, _ in reports) + " |")
print("|---" * (len(reports) + 2) + "|")
for i, q0 in enumerate(reports[0][1]["queries"]):
    cells = []
    for _, r in reports:
        x = r["queries"][i]
        cell = f"{x['median_ms']:.2f} ms / {x['hits']}"
        if "phrase_hits" in x:
            cell += f" ({x['true_hits']} hold it; phrase {x['phrase_hits']})"
        if "like_hits" in x:
            cell += (f"; LIKE {x['like_hits']} in {x['like_median_ms']:.1f} ms"
                     f"; scan {x['scan_hits']} in {x['scan_median_ms']:.1f} ms")
        cells.append(cell)
    print(f"| {q0['q']} | {q0['substring_hits']} | " + " | ".join(cells) + " |")
