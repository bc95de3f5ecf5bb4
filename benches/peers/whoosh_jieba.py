#!/usr/bin/env python3
"""Peer baseline: Whoosh with jieba's ChineseAnalyzer.

    python3 whoosh_jieba.py --corpus comments.jsonl --queries queries.txt --workdir DIR [--limit-docs N]

Schema: `id` (ID, stored) and `text` (TEXT with jieba.analyse.ChineseAnalyzer, not stored). Index:
one writer (limitmb=256, one process), every document added, one commit (a fresh index from one
writer is a single segment, so there is nothing to optimize). jieba's dictionary is loaded before
the clock starts (jieba_init_seconds). Query: QueryParser("text") over the query as typed, searched
with limit=None (every hit scored and collected) by one searcher kept open across queries; the
parse is inside the timing. `phrase_hits` is the same query in double quotes (a phrase), counted once.
"""
import logging
import os
import time

import jieba
import whoosh
from jieba.analyse import ChineseAnalyzer
from whoosh.fields import ID, TEXT, Schema
from whoosh.index import create_in
from whoosh.qparser import QueryParser

from common import args, fresh_dir, load, median_ms, note, report


def main():
    a = args(__doc__)
    ids, texts, queries, parse_seconds = load(a)
    note(f"whoosh {whoosh.versionstring()}, jieba {jieba.__version__}; "
         f"{len(texts)} docs parsed in {parse_seconds:.2f} s")
    jieba.setLogLevel(logging.WARNING)
    t0 = time.perf_counter()
    jieba.initialize()
    jieba_init_seconds = time.perf_counter() - t0

    path = fresh_dir(os.path.join(a.workdir, "whoosh"))
    ix = create_in(path, Schema(id=ID(stored=True), text=TEXT(analyzer=ChineseAnalyzer())))
    t0 = time.perf_counter()
    w = ix.writer(limitmb=256)
    for i, t in zip(ids, texts):
        w.add_document(id=i, text=t)
    t1 = time.perf_counter()
    w.commit()
    t2 = time.perf_counter()
    note(f"added in {t1 - t0:.2f} s + commit {t2 - t1:.2f} s; segments: {len(ix.reader().leaf_readers())}")

    position = {i: n for n, i in enumerate(ids)}
    parser = QueryParser("text", ix.schema)
    results = []
    with ix.searcher() as s:
        def search(q):
            return s.search(parser.parse(q), limit=None).docs()  # the set of all hits' docnums

        for q in queries:  # warm-up pass
            search(q)
        for q in queries:
            ms, hits = median_ms(lambda: search(q))
            hit_texts = [texts[position[s.stored_fields(d)["id"]]] for d in hits]
            phrase = '"' + q.replace('"', "") + '"'
            results.append({
                "q": q,
                "chars": len(q),
                "median_ms": round(ms, 4),
                "hits": len(hits),
                "substring_hits": sum(q in t for t in texts),
                "true_hits": sum(q in t for t in hit_texts),
                "parsed": str(parser.parse(q)),
                "phrase_hits": len(s.search(parser.parse(phrase), limit=None).docs()),
                "tokens": [t.text for t in ChineseAnalyzer()(q)],
            })
            note(results[-1])
    report("whoosh-jieba", texts, parse_seconds, t2 - t0, a.workdir, results, {
        "whoosh_version": whoosh.versionstring(),
        "jieba_version": jieba.__version__,
        "jieba_init_seconds": round(jieba_init_seconds, 3),
        "add_seconds": round(t1 - t0, 3),
        "commit_seconds": round(t2 - t1, 3),
    })


if __name__ == "__main__":
    main()
