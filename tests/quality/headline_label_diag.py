#!/usr/bin/env python3
"""What the topic label ("Hurricane Mitch: ...") does to English headlines.

    python3 tests/quality/headline_label_diag.py --lib build/core/libprecis.so \
        [--tasks headline-duc04,headline-duc03,headline-bbc] [--show 20]

For each document it builds the headline twice, with the default options
and with PRECIS_FLAG_HEADLINE_NO_LABEL, and scores both as harness.py does
(R1 recall of the first 75 bytes). It prints, per task: how many headlines
have a label, R1 with and without labels, the oracle that picks the better
of the two per document (a bound on any rule that decides label or no
label), and how many labels help or hurt, on the even and odd documents
apart. Then the weighing headline.c uses to decide (label_pays): the label's
words against the words of the sentence it pushes past the cut, each word
weighing log(1 + the number of the text's sentences naming its stem); here
emulated with the plain splitter and ROUGE's tokens and stems, so it ranks
the labels as headline.c does without matching it to the last word. With
--scan, it prints what dropping the labels whose weight is under THR times
that of the words they push out would change (THR from 0.6 to 1.4; the
library's rule is THR = 1 on its own tokens), to check that the threshold is
not tuned to one half of a file. --show N prints the N labels that cost
most.
"""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
import rouge  # noqa: E402

NO_LABEL = 0x8  # PRECIS_FLAG_HEADLINE_NO_LABEL


def stop_words():
    """English stop words as precis reads them (core/data/en.stop, its "+"
    lines too): words that weigh nothing in the label's weighing."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "core",
                        "data", "en.stop")
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                out.update(line.lstrip("+").split())
    return out


STOP = stop_words()


def stem(w):
    return rouge.porter(w) if len(w) > 3 else w


def weight(words, sents):
    """Sum of log(1 + sentences naming the stem) over words, stop words
    aside."""
    return sum(math.log(1 + sum(stem(w) in s for s in sents)) for w in words
               if w not in STOP)


def headlines(args, fname, kind):
    """For each document of the file: (index, record, its headline, its
    headline without a label, a function that gives a headline's R1 against
    the document's references), and the library's handle."""
    lab = harness.Precis(args.lib)
    bare = harness.Precis(args.lib)
    bare.overrides["flags"] = NO_LABEL
    for idx, rec in enumerate(harness.load(args.eval, fname, 0)):
        _, a = lab.run(rec["text"], rec["lang"])
        _, b = bare.run(rec["text"], rec["lang"])

        def r1(h, refs=rec["headlines"]):
            return 100 * harness.score(kind, [h], refs)["1"][0]

        yield idx, rec, a, b, r1, lab.lib


def task_rows(args, task, fname, kind):
    rows = []
    for idx, rec, a, b, r1, _ in headlines(args, fname, kind):
        ra, rb = r1(a), r1(b)
        row = {"idx": idx, "with": ra, "without": rb, "a": a, "b": b, "w_label": 0.0,
               "w_pushed": 0.0}
        if a != b and ": " in a:
            sents = [set(stem(w) for w in rouge.tokens_en(s, False))
                     for s in rouge.plain_sentences(rec["text"])]
            label, body = a.split(": ", 1)
            bw = rouge.tokens_en(b, False)
            pushed = bw[len(rouge.tokens_en(body, False)):]
            row["w_label"] = weight(rouge.tokens_en(label, False), sents)
            row["w_pushed"] = weight(pushed, sents)
        rows.append(row)
    return rows


def report(task, rows, show, scan):
    n = len(rows)
    labelled = [r for r in rows if r["a"] != r["b"]]
    print(f"{task}: {n} documents, {len(labelled)} with a label")
    for part, sel in (("all", rows), ("even", rows[0::2]), ("odd", rows[1::2])):
        m = max(1, len(sel))
        lab = [r for r in sel if r["a"] != r["b"]]
        print(f"  {part:4s}  label {sum(r['with'] for r in sel) / m:6.2f}"
              f"  no label {sum(r['without'] for r in sel) / m:6.2f}"
              f"  oracle {sum(max(r['with'], r['without']) for r in sel) / m:6.2f}"
              f"  labels up {sum(r['with'] > r['without'] for r in lab):3d}"
              f" down {sum(r['with'] < r['without'] for r in lab):3d}")
    if scan:
        for thr in (0.6, 0.8, 1.0, 1.2, 1.4):
            moved = {0: 0.0, 1: 0.0}
            k = 0
            for r in labelled:
                if r["w_label"] < thr * r["w_pushed"]:
                    moved[r["idx"] % 2] += r["without"] - r["with"]
                    k += 1
            half = max(1, n / 2)
            print(f"  no label where weight < {thr:.1f} x pushed out: {k:3d} labels,"
                  f" R1 {(moved[0] + moved[1]) / n:+.2f}"
                  f" (even {moved[0] / half:+.2f}, odd {moved[1] / half:+.2f})")
    for r in sorted(labelled, key=lambda r: r["with"] - r["without"])[:show]:
        print(f"  {r['with'] - r['without']:+6.1f}  weight {r['w_label']:.2f} vs"
              f" {r['w_pushed']:.2f}\n      {r['a']}\n      {r['b']}")


def headline_args(doc):
    """The command line of the label diagnostics: --lib, --eval, --tasks
    (English headline tasks) and --show N."""
    ap = harness.script_args(doc)
    ap.add_argument("--tasks", default="headline-duc04,headline-duc03,headline-bbc")
    ap.add_argument("--show", type=int, default=0)
    return ap


def headline_tasks(args):
    """(task, file, kind) for each English headline task of --tasks; None
    when there is no evaluation data (the script is then skipped)."""
    if not os.path.isdir(args.eval):
        print(f"no evaluation data at {args.eval}: skipped")
        return None
    files = {t: (f, k) for t, f, k in harness.TASKS}
    out = []
    for task in args.tasks.split(","):
        fname, kind = files[task]
        if kind != "headline":
            print(f"{task}: English headline tasks only")
            continue
        out.append((task, fname, kind))
    return out


def main():
    ap = headline_args(__doc__)
    ap.add_argument("--scan", action="store_true")
    args = ap.parse_args()
    tasks = headline_tasks(args)
    if tasks is None:
        return 77
    for task, fname, kind in tasks:
        report(task, task_rows(args, task, fname, kind), args.show, args.scan)
    return 0


if __name__ == "__main__":
    sys.exit(main())
