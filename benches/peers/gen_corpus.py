#!/usr/bin/env python3
"""Makes a bigger corpus from a small JSON Lines sample by repeating and mutating its texts.

Deterministic (fixed seed). Each output text is one to three clauses of sample texts, cut at
Chinese punctuation and recombined, so every word of the sample recurs at realistic density but
the texts are not exact copies. Only `id` and `text` are written.

    python3 gen_corpus.py --sample ../../tests/fixtures/uploads/online-2026-05.jsonl \
        --docs 50000 --out /tmp/peerdata/sample-50k.jsonl
"""
import argparse
import json
import random
import re


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", required=True)
    ap.add_argument("--docs", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=2026)
    a = ap.parse_args()

    texts = [json.loads(line)["text"] for line in open(a.sample, encoding="utf-8") if line.strip()]
    # Clauses ending at Chinese (or ASCII) sentence and clause punctuation, punctuation kept.
    clauses = [c for t in texts for c in re.findall(r"[^，。；！？,;!?]+[，。；！？,;!?]?", t)]
    rng = random.Random(a.seed)
    with open(a.out, "w", encoding="utf-8") as out:
        for i in range(a.docs):
            if rng.random() < 0.3:  # an exact repeat of a sample text (another submitter)
                text = rng.choice(texts)
            else:  # a new text from one to three clauses
                text = "".join(rng.choice(clauses) for _ in range(rng.randint(1, 3)))
            out.write(json.dumps({"id": f"G{i + 1:07d}", "text": text}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
