#!/usr/bin/env python3
"""Diagnostics for the summary tasks (issue 4): what the references favour
and how far precis is from the best it could pick.

    python3 tests/quality/summary_diag.py --lib BUILD/core/libprecis.so [--eval DIR]

For the one-sentence tasks (xsum, fr-sum) it scores every sentence of every
document (precis's own sentences, scored alone as the harness scores a
summary) and prints the oracle (the best single sentence per document), the
first sentence, precis's pick, and where the oracle sentence stands.

For bbc, whose references are article sentences (meta.summary_sents), it
prints per position, length and quote bucket the share of sentences that are
in the reference and the share precis selects, and the precision of the
selection (selected sentences that are reference sentences).

Nothing here is used by the library; it only reads its public API.
"""
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402


def sentences(precis, text, lang, k):
    """precis's sentences of text: (text, rank, selected) with a budget of k."""
    return [(s["t"], s["rank"], s["sel"]) for s in precis.sentences(text, lang, k)[0]]


def one_sentence(precis, eval_dir, task, fname, kind):
    recs = harness.load(eval_dir, fname, 0)
    tot = collections.Counter()
    where = collections.Counter()
    for rec in recs:
        refs = harness.references(task, kind, rec)
        ss = sentences(precis, rec["text"], rec["lang"], 1)
        if not ss:
            continue
        f1 = [harness.score(kind, [s[0]], refs)["1"][2] for s in ss]
        best = max(range(len(ss)), key=lambda i: f1[i])
        pick = [i for i, s in enumerate(ss) if s[2]]
        tot["oracle"] += f1[best]
        tot["first"] += f1[0]
        tot["precis"] += f1[pick[0]] if pick else 0.0
        where[min(best, 10)] += 1
    n = max(1, len(recs))
    print(f"{task}: R1 F1 of one sentence (precis's sentences): oracle "
          f"{100 * tot['oracle'] / n:.2f}, first {100 * tot['first'] / n:.2f}, "
          f"precis {100 * tot['precis'] / n:.2f}")
    print("  oracle sentence's position (10 = 10 or later): " +
          ", ".join(f"{p}: {where[p]}" for p in sorted(where)))


def bbc(precis, eval_dir):
    recs = harness.load(eval_dir, "bbc_news_summary.dev.jsonl", 0)
    norm = lambda s: re.sub(r"\s+", " ", s).strip().rstrip('"')  # noqa: E731
    buckets = {name: collections.defaultdict(lambda: [0, 0, 0])
               for name in ("position", "relative position", "words", "quote")}
    sel = hit = 0
    for rec in recs:
        k = harness.budget("sum40", rec["text"])
        ref = set(norm(s) for s in rec["meta"]["summary_sents"])
        ss = sentences(precis, rec["text"], rec["lang"], k)
        for i, (t, _, chosen) in enumerate(ss):
            inref = norm(t) in ref
            sel += chosen
            hit += chosen and inref
            keys = {"position": min(i, 12), "relative position": int(10 * i / len(ss)),
                    "words": min(len(t.split()) // 10 * 10, 50), "quote": '"' in t}
            for name, key in keys.items():
                b = buckets[name][key]
                b[0] += 1
                b[1] += inref
                b[2] += chosen
    print(f"bbc: {hit} of {sel} selected sentences are reference sentences "
          f"({100 * hit / max(1, sel):.1f}%)")
    for name, b in buckets.items():
        print(f"  {name}: bucket, sentences, share in reference, share selected")
        for key in sorted(b):
            n, r, s = b[key]
            print(f"    {str(key):>6} {n:5d}  {r / n:.2f}  {s / n:.2f}")


def main():
    ap = harness.script_args(__doc__)
    args = ap.parse_args()
    precis = harness.Precis(args.lib)
    one_sentence(precis, args.eval, "xsum", "xsum_frank.dev.jsonl", "sum1")
    one_sentence(precis, args.eval, "fr-sum", "orangesum_fr.dev.jsonl", "sum1-uni")
    bbc(precis, args.eval)
    return 0


if __name__ == "__main__":
    sys.exit(main())
