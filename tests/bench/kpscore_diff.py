#!/usr/bin/env python3
"""kpscore_diff.py OLD_DIR NEW_DIR: compare two outputs.sh directories,
ignoring only the key-phrase "score" values.

Everything else (key-phrase texts and their order, headlines, summaries,
sentence scores and ranks, ...) must be identical. For the key-phrase scores
it reports the largest relative difference and how many differ in their
first four significant digits (as %g prints them, rounded to 4 digits).
Exit status 0 when nothing but key-phrase scores moved and every score
agrees to 4 significant digits, 1 otherwise.

Paths ("file" fields) are compared after replacing /work/wt-* by /work/main.
"""
import json
import math
import os
import re
import sys


def documents(path):
    """Every JSON value in the file, one a line or one after another."""
    dec = json.JSONDecoder()
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"/work/wt-[A-Za-z0-9_-]+", "/work/main", text)
    at = 0
    while True:
        while at < len(text) and text[at].isspace():
            at += 1
        if at >= len(text):
            return
        value, at = dec.raw_decode(text, at)
        yield value


def split_scores(doc, scores):
    """doc with its key-phrase scores taken out (into scores)."""
    if isinstance(doc, dict):
        out = {}
        for k, v in doc.items():
            if k == "keywords" and isinstance(v, list):
                kws = []
                for kw in v:
                    kw = dict(kw)
                    scores.append(kw.pop("score", None))
                    kws.append(kw)
                out[k] = kws
            else:
                out[k] = split_scores(v, scores)
        return out
    if isinstance(doc, list):
        return [split_scores(v, scores) for v in doc]
    return doc


def digits4(x):
    return float("%.4g" % x)


def main():
    if len(sys.argv) != 3:
        sys.stderr.write("usage: kpscore_diff.py OLD_DIR NEW_DIR\n")
        return 2
    old_dir, new_dir = sys.argv[1:]
    ok = True
    total = differ = differ4 = 0
    worst = 0.0
    for name in sorted(os.listdir(old_dir)):
        old_docs = list(documents(os.path.join(old_dir, name)))
        new_docs = list(documents(os.path.join(new_dir, name)))
        if len(old_docs) != len(new_docs):
            print("%s: %d documents, now %d" % (name, len(old_docs), len(new_docs)))
            ok = False
            continue
        for i, (a, b) in enumerate(zip(old_docs, new_docs)):
            sa, sb = [], []
            if split_scores(a, sa) != split_scores(b, sb) or len(sa) != len(sb):
                print("%s: document %d differs beyond key-phrase scores" % (name, i))
                ok = False
                continue
            for x, y in zip(sa, sb):
                total += 1
                if x == y:
                    continue
                differ += 1
                rel = abs(x - y) / max(abs(x), abs(y))
                worst = max(worst, rel)
                if digits4(x) != digits4(y):
                    differ4 += 1
                    print("%s: document %d: score %g -> %g" % (name, i, x, y))
    print("key-phrase scores: %d, changed %d, changed in the first 4 digits %d, "
          "largest relative change %.3g" % (total, differ, differ4, worst))
    print("everything else identical" if ok else "OTHER OUTPUT DIFFERS")
    return 0 if ok and differ4 == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
