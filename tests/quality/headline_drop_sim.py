#!/usr/bin/env python3
"""What a class of words is worth to an English headline: drop it from the
uncut headline, cut to 75 bytes, score.

    python3 tests/quality/headline_drop_sim.py --lib build/core/libprecis.so \
        [--task headline-duc04]

For each document it builds the headline at a limit so large that nothing
is cut (the long form of headline_diag.py: the rules that run only while
room is short have not run), then, for each class of words below, strikes
every word of the class, lets ROUGE cut what is left at 75 bytes and scores
it against the references. The "none" row is the long form cut as it is;
a class that scores well above it holds words that spend bytes for little,
so that a rule dropping them (readably) would bring in words from past the
cut. This is a bound, not a rule: the classes take no account of grammar
("rare lower case" strikes verbs and nouns alike).

Classes: words the text names in one sentence only (by stem, plain
splitter) in lower case; the same before another content word (a
premodifier); articles; function words; "-ly" words; numbers; capitalised
words named once; titles before a capitalised word.
"""
import os
import re
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
import rouge  # noqa: E402

FUNCTION = set("the a an of to in on at for by with from as and or but that which who is are "
               "was were be been has have had will would its his her their".split())
PREPOSITIONS = set("outside inside within after before during amid between under against "
                   "through across toward into onto upon about around near over than when "
                   "while if because since until".split())
TITLES = set("president prime minister premier sen. senator rep. gov. governor gen. general "
             "dr. mr. mrs. ms. secretary chancellor vice attorney speaker".split())


def core(w):
    return re.sub(r"[^\w'-]", "", w).lower()


def stem(w):
    c = core(w)
    return rouge.porter(c) if len(c) > 3 else c


def classes(words, sdf):
    """name -> one flag per word: True if the class strikes it."""
    def rare_lower(w):
        return w[:1].islower() and sdf[stem(w)] <= 1 and core(w) not in FUNCTION

    def premodifier(i, w):
        if not (rare_lower(w) and re.match(r"^[a-z-]+$", w)) or i + 1 >= len(words):
            return False
        nx = words[i + 1]
        return bool(re.match(r"^[A-Za-z]", nx)) and core(nx) not in FUNCTION | PREPOSITIONS

    return {
        "rare lower case": [rare_lower(w) for w in words],
        "rare premodifier": [premodifier(i, w) for i, w in enumerate(words)],
        "articles": [core(w) in ("the", "a", "an") for w in words],
        "function words": [core(w) in FUNCTION for w in words],
        "-ly words": [w[:1].islower() and core(w).endswith("ly") and len(core(w)) > 4
                      for w in words],
        "numbers": [bool(re.match(r"^[\d,.$]+$", w)) for w in words],
        "rare capitalised": [i > 0 and w[:1].isupper() and sdf[stem(w)] <= 1
                             for i, w in enumerate(words)],
        "titles": [w.lower() in TITLES and i + 1 < len(words) and words[i + 1][:1].isupper()
                   for i, w in enumerate(words)],
    }


def main():
    ap = harness.script_args(__doc__)
    ap.add_argument("--task", default="headline-duc04")
    ap.add_argument("--long", type=int, default=2000)
    args = ap.parse_args()
    if not os.path.isdir(args.eval):
        print(f"no evaluation data at {args.eval}: skipped")
        return 77
    fname, kind = {t: (f, k) for t, f, k in harness.TASKS}[args.task]
    if kind != "headline":
        print("English headline tasks only")
        return 2
    precis = harness.Precis(args.lib)
    total, n = Counter(), 0
    for rec in harness.load(args.eval, fname, 0):
        refs = rec["headlines"]
        _, head = precis.run(rec["text"], rec["lang"])
        _, longf = precis.run(rec["text"], rec["lang"], headline_bytes=args.long)
        sdf = Counter()
        for sent in rouge.plain_sentences(rec["text"]):
            sdf.update(set(rouge.tokens_en(sent, True)))
        words = longf.split()

        def r1(ws):
            return harness.score(kind, [" ".join(ws)], refs)["1"][0]
        total["headline (as scored)"] += r1([head])
        total["none"] += r1(words)
        for name, struck in classes(words, sdf).items():
            total[name] += r1([w for w, s in zip(words, struck) if not s])
        n += 1
    print(f"{args.task}: {n} documents, R1 recall at 75 bytes of the long form less each class")
    for name, v in total.items():
        print(f"  {name:22s} {100 * v / max(1, n):6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
