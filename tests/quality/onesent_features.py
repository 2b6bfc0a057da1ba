#!/usr/bin/env python3
"""One-sentence summaries (xsum, fr-sum): would a feature a careful editor
uses pick a better sentence than precis does? (issue 4)

    python3 tests/quality/onesent_features.py --lib BUILD/core/libprecis.so [--eval DIR]

Every sentence of every document is scored alone, as harness.py scores a
one-sentence summary (R1 F1). Printed per task:
  - precis's pick and its best-ranked sentence;
  - re-picks by the share of the document's top K key phrases a sentence
    holds: among precis's M best-ranked sentences and its pick, the one
    holding most (ties: precis's pick, then rank);
  - the mean R1 of precis's five best-ranked sentences with and without a
    feature (a quotation in it or opening it, a pronoun or connective
    opening it, a verb of saying, a figure, a full name, a colon): a
    feature that marked poor summaries would score lower.

Nothing here is used by the library; it only reads its public API.
"""
import collections
import os
import re
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

TASKS = [("xsum", "xsum_frank.dev.jsonl", "sum1"),
         ("fr-sum", "orangesum_fr.dev.jsonl", "sum1-uni")]
OPENERS = {"he", "she", "it", "they", "his", "her", "its", "their", "this", "that",
           "these", "those", "but", "however", "and", "so", "yet", "also", "we",
           "i", "you", "there"}


def doc_info(precis, text, lang):
    """precis's sentences (text, rank, score, selected) for one sentence,
    and its key phrases."""
    ss, kws = precis.sentences(text, lang, 1)
    return ss, [k.lower() for k in kws]


def features(t):
    w = t.split()
    first = w[0].lower().strip("\"'“‘") if w else ""
    return {"quotation": '"' in t or "“" in t, "opens with a quotation": t[:1] in "\"'“‘",
            "pronoun or connective first": first in OPENERS,
            "said/says/told/added": bool(re.search(r"\b(said|says|told|added)\b", t)),
            "a figure": bool(re.search(r"\d", t)),
            "a full name": bool(re.search(r"\b[A-Z][a-z]+ [A-Z][a-z]+", t)), "a colon": ":" in t}


def main():
    ap = harness.script_args(__doc__)
    args = ap.parse_args()
    precis = harness.Precis(args.lib)
    for task, fname, kind in TASKS:
        rows = []
        for rec in harness.load(args.eval, fname, 0):
            refs = harness.references(task, kind, rec)
            ss, kws = doc_info(precis, rec["text"], rec["lang"])
            if not ss:
                continue
            for s in ss:
                s["f1"] = harness.score(kind, [s["t"]], refs)["1"][2]
            rows.append((ss, kws))

        def mean_of(rule):
            return 100 * sum(ss[rule(ss, kws)]["f1"] for ss, kws in rows) / len(rows)

        def pick(ss, kws):
            return next(i for i, s in enumerate(ss) if s["sel"])

        def best_ranked(ss, kws):
            return min(range(len(ss)), key=lambda i: ss[i]["rank"])
        print(f"{task} ({len(rows)} documents): R1 F1 of precis's pick {mean_of(pick):.2f}, "
              f"of its best-ranked sentence {mean_of(best_ranked):.2f}")
        for k in (3, 5, 10):
            line = []
            for m in (2, 3, 5):
                def by_phrases(ss, kws, k=k, m=m):
                    p = pick(ss, kws)
                    cand = [i for i, s in enumerate(ss) if s["rank"] <= m] + [p]
                    return max(cand, key=lambda i: (sum(x in ss[i]["t"].lower() for x in kws[:k]),
                                                    i == p, -ss[i]["rank"]))
                line.append(f"M={m} {mean_of(by_phrases):.2f}")
            print(f"  most of the top {k} key phrases: " + ", ".join(line))
        agg = collections.defaultdict(list)
        for ss, _ in rows:
            for s in ss:
                if s["rank"] <= 5:
                    for name, v in features(s["t"]).items():
                        agg[(name, v)].append(s["f1"])
        print("  precis's 5 best-ranked sentences, mean R1 with / without:")
        for name in features(""):
            a, b = agg[(name, True)], agg[(name, False)]
            if a and b:
                print(f"    {name:28} {100 * statistics.mean(a):5.1f} ({len(a)})"
                      f"  {100 * statistics.mean(b):5.1f} ({len(b)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
