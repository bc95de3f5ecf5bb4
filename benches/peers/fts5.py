#!/usr/bin/env python3
"""Peer baseline: SQLite FTS5 with the trigram tokenizer (Python's sqlite3 module).

    python3 fts5.py --corpus comments.jsonl --queries queries.txt --workdir DIR [--limit-docs N]
                    [--pysqlite3]

Index: one FTS5 table `t(id UNINDEXED, text)`, all rows inserted in one transaction, committed,
then FTS5's 'optimize' (merges the b-trees into one; timed separately, included in index_seconds).
Query: `SELECT rowid FROM t WHERE t MATCH ?` with the query as an FTS5 string ("..."), all rows
fetched. For comparison, on the same table and timed the same way:
- like: `text LIKE '%q%'`, which FTS5 answers from the trigram index (SQLite >= 3.34);
- scan: `text LIKE '%q%' ESCAPE '\\'`, which FTS5 is not given (it takes no ESCAPE), so SQLite
  reads every row's text and tests it: a true full scan, always exact.
`fallback_*` is what an application gets with MATCH for 3+ characters and the scan below that.
--pysqlite3 uses pysqlite3-binary's newer SQLite instead of the one Python was built with (also
used, when installed, if the built-in one is older than 3.34 and has no trigram tokenizer).
"""
import os
import sqlite3
import time

from common import args, fresh_dir, load, median_ms, note, percentile, report


def version(module):
    return tuple(map(int, module.sqlite_version.split(".")))


def main():
    global sqlite3
    a = args(__doc__, lambda ap: ap.add_argument(
        "--pysqlite3", action="store_true", help="use pysqlite3-binary's SQLite"))
    if a.pysqlite3 or version(sqlite3) < (3, 34, 0):
        try:
            import pysqlite3.dbapi2 as sqlite3
        except ImportError:
            raise SystemExit(f"SQLite {sqlite3.sqlite_version} here; for trigram (3.34+) or "
                             "--pysqlite3: pip install pysqlite3-binary")
    ids, texts, queries, parse_seconds = load(a)
    note(f"sqlite {sqlite3.sqlite_version}; {len(texts)} docs parsed in {parse_seconds:.2f} s")

    db = os.path.join(fresh_dir(a.workdir), "fts5.db")
    con = sqlite3.connect(db)
    t0 = time.perf_counter()
    con.execute("CREATE VIRTUAL TABLE t USING fts5(id UNINDEXED, text, tokenize='trigram')")
    con.executemany("INSERT INTO t(rowid, id, text) VALUES (?, ?, ?)",
                    zip(range(1, len(texts) + 1), ids, texts))
    con.commit()
    t1 = time.perf_counter()
    con.execute("INSERT INTO t(t) VALUES ('optimize')")
    con.commit()
    t2 = time.perf_counter()
    note(f"indexed in {t1 - t0:.2f} s + optimize {t2 - t1:.2f} s")

    def match(q):
        return con.execute("SELECT rowid FROM t WHERE t MATCH ?",
                           ('"' + q.replace('"', '""') + '"',)).fetchall()

    def like(q):  # the queries here hold no % or _; any that did would be wildcards
        return con.execute("SELECT rowid FROM t WHERE text LIKE ?", (f"%{q}%",)).fetchall()

    def scan(q):
        pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return con.execute("SELECT rowid FROM t WHERE text LIKE ? ESCAPE '\\'",
                           (pattern,)).fetchall()

    for q in queries:  # warm-up pass
        match(q), like(q), scan(q)
    results = []
    for q in queries:
        ms, rows = median_ms(lambda: match(q))
        like_ms, like_rows = median_ms(lambda: like(q))
        scan_ms, scan_rows = median_ms(lambda: scan(q))
        results.append({
            "q": q,
            "chars": len(q),
            "median_ms": round(ms, 4),
            "hits": len(rows),
            "substring_hits": sum(q in t for t in texts),
            "true_hits": sum(q in texts[r - 1] for (r,) in rows),
            "like_hits": len(like_rows),
            "like_median_ms": round(like_ms, 4),
            "scan_hits": len(scan_rows),
            "scan_median_ms": round(scan_ms, 4),
        })
        note(results[-1])
    con.close()
    fallback = [r["median_ms"] if r["chars"] >= 3 else r["scan_median_ms"] for r in results]
    report("sqlite-fts5-trigram", texts, parse_seconds, t2 - t0, a.workdir, results, {
        "sqlite_version": sqlite3.sqlite_version,
        "insert_commit_seconds": round(t1 - t0, 3),
        "optimize_seconds": round(t2 - t1, 3),
        "fallback_p50_ms": round(percentile(fallback, 50), 4),
        "fallback_p99_ms": round(percentile(fallback, 99), 4),
    })


if __name__ == "__main__":
    main()
