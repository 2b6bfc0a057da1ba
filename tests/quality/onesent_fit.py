#!/usr/bin/env python3
"""One-sentence summaries (xsum, fr-sum): the fit select.c weighs a lone
sentence by, re-run over precis's own ranking with other settings (issue 4).

    python3 tests/quality/onesent_fit.py --lib BUILD/core/libprecis.so [--eval DIR]

For every document it reads precis's sentences at a budget of one (text,
PageRank score, the one selected) and rebuilds the worth select.c orders
them by without the fit: the score to the power 0.85 times the position
prior (1 / sqrt(position + 1), normalised) to the power 0.15 for texts of
five sentences or more, the lead span's decay ((position + 1) / 4)^-2 past
the fourth sentence, and the discount of sentences past 40 words. The
noise weights of the prior are not in the public API, so a few documents
pick otherwise than the library would. Then it picks by that worth times
fit^power, the fit as select.c computes it (FIT_STOP) but on this script's
words: ROUGE's Porter stems for English, lower-case words otherwise, stop
words from core/data. Printed per task, R1 F1 over all documents and over
the even and odd ones, and the documents whose R1 rose and fell against
the emulated pick without the fit:
  - the rates the fit stands on: the share of the sentences' stop words,
    and of their other words by how many sentences use the word's stem,
    whose lower-case form the reference uses; the reference's length;
  - precis's own pick, and the emulated picks without and with the fit;
  - the fit with other rates, intro lengths (0: expected matches per word,
    what a sentence covers per word alone) and powers;
  - the fit times a factor for a sentence that opens with a quotation,
    asks a question, or opens with a pronoun or connective (refers back).

Nothing here is used by the library; it only reads its public API.
"""
import math
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
import rouge  # noqa: E402

TASKS = [("xsum", "xsum_frank.dev.jsonl", "sum1"),
         ("fr-sum", "orangesum_fr.dev.jsonl", "sum1-uni")]
WORD = re.compile(r"[^\W_]+")
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "core", "data")
BACK = {"he", "she", "it", "they", "this", "these", "those", "his", "her", "their", "its",
        "but", "however", "meanwhile", "also", "and", "so", "il", "elle", "ils", "elles",
        "mais", "cependant", "ce", "cette", "ces"}


def stop_words(lang):
    """The stop list of core/data (the graph's own terms, "+" lines, too)."""
    words = set()
    path = os.path.join(DATA, lang + ".stop")
    if not os.path.exists(path):
        return words
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                words.update(w.lower() for w in line.lstrip("+").split())
    return words


def worth(ss):
    """select.c's worth of each sentence at a budget of one, without the fit."""
    n = len(ss)
    prior = [1 / math.sqrt(k + 1) for k in range(n)]
    total = sum(prior)
    out = []
    for i, s in enumerate(ss):
        w = s["score"] * n
        if n >= 5:
            w = w ** 0.85 * (prior[i] / total * n) ** 0.15
        if i >= 4:
            w *= ((i + 1) / 4) ** -2
        over = len(s["words"]) / 40
        if over > 1:
            w /= over * over
        out.append(w)
    return out


def fit(s, df, stop_rate, rate, intro):
    """select.c's fit_of(): 2 * expected matches / (words + intro)."""
    matches = sum(stop_rate if stop else rate * (df[t] - 1) / (df[t] + 1)
                  for t, stop in s["words"])
    return 2 * matches / max(1.0, len(s["words"]) + intro)


def load_task(precis, eval_dir, task, fname, kind):
    """Per document: its sentences with their words and R1, and the df."""
    docs = []
    for rec in harness.load(eval_dir, fname, 0):
        refs = harness.references(task, kind, rec)
        lang = rec["lang"]
        stops = stop_words(lang)
        ss = []
        for sent in precis.sentences(rec["text"], lang, 1)[0]:
            text, words = sent["t"], []
            for w in WORD.findall(text):
                lw = w.lower()
                stop = lw in stops
                words.append((lw if stop or lang != "en" else rouge.porter(lw), stop))
            ss.append({"t": text, "score": sent["score"], "sel": sent["sel"], "words": words,
                       "f1": harness.score(kind, [text], refs)["1"][2]})
        if not ss:
            continue
        df = {}
        for s in ss:
            for t in {t for t, stop in s["words"] if not stop}:
                df[t] = df.get(t, 0) + 1
        ref_texts = [r if isinstance(r, str) else " ".join(r) for r in refs]
        ref_words = {w.lower() for r in ref_texts for w in WORD.findall(r)}
        ref_length = sum(len(WORD.findall(r)) for r in ref_texts) / len(ref_texts)
        docs.append((ss, df, worth(ss), ref_words, ref_length))
    return docs


def rates(docs):
    """The share of the sentences' words in the reference, by kind."""
    seen = {}
    for ss, df, _, ref_words, _ in docs:
        for s in ss:
            for (t, stop), w in zip(s["words"], WORD.findall(s["t"])):
                kind = "stop words" if stop else f"used in {df[t]}" if df[t] < 6 else "used in 6+"
                hit, total = seen.get(kind, (0, 0))
                seen[kind] = (hit + (w.lower() in ref_words), total + 1)
    length = sum(d[4] for d in docs) / len(docs)
    print("  in the reference: " + ", ".join(f"{k} {100 * h / n:.0f}%" for k, (h, n) in sorted(seen.items()))
          + f"; reference of {length:.1f} words")


def report(docs, name, pick, base):
    """R1 of pick over all, even and odd documents; ups and downs against base."""
    r1 = [ss[pick(ss, df, w)]["f1"] for ss, df, w, _, _ in docs]
    b1 = [ss[base(ss, df, w)]["f1"] for ss, df, w, _, _ in docs]
    part = [100 * sum(r1[k::2]) / max(1, len(r1[k::2])) for k in (0, 1)]
    up = sum(a > b + 1e-12 for a, b in zip(r1, b1))
    down = sum(a < b - 1e-12 for a, b in zip(r1, b1))
    print(f"  {name:48} {100 * sum(r1) / len(r1):6.2f}  even {part[0]:6.2f}  odd {part[1]:6.2f}"
          f"  up {up:3} down {down:3}")


def by_fit(stop_rate=0.3, rate=0.3, intro=30.0, power=2, factor=None):
    def pick(ss, df, w):
        def key(i):
            f = fit(ss[i], df, stop_rate, rate, intro)
            if factor:
                f *= factor(ss[i]["t"])
            return w[i] * f ** power
        return max(range(len(ss)), key=lambda i: (key(i), -i))
    return pick


def main():
    ap = harness.script_args(__doc__)
    args = ap.parse_args()
    precis = harness.Precis(args.lib)
    for task, fname, kind in TASKS:
        docs = load_task(precis, args.eval, task, fname, kind)
        print(f"{task} ({len(docs)} documents)")
        rates(docs)
        print("  R1 F1:")

        def own(ss, df, w):
            return next(i for i, s in enumerate(ss) if s["sel"])

        def no_fit(ss, df, w):
            return max(range(len(ss)), key=lambda i: (w[i], -i))
        report(docs, "precis's pick", own, no_fit)
        report(docs, "emulated, no fit", no_fit, no_fit)
        report(docs, "emulated, fit (0.3, 0.3, 30 words, squared)", by_fit(), no_fit)
        for stop_rate in (0.2, 0.4):
            report(docs, f"  stop words {stop_rate}", by_fit(stop_rate=stop_rate), no_fit)
        for rate in (0.2, 0.4):
            report(docs, f"  repeated words {rate}", by_fit(rate=rate), no_fit)
        for intro in (0.0, 20.0, 45.0):
            report(docs, f"  intro of {intro:.0f} words", by_fit(intro=intro), no_fit)
        for power in (1, 3, 4):
            report(docs, f"  power {power}", by_fit(power=power), no_fit)
        report(docs, "  stop words only (repeated 0)", by_fit(rate=0.0), no_fit)
        report(docs, "  no stop words (stop 0)", by_fit(stop_rate=0.0), no_fit)
        factors = [
            ("opens with a quotation", lambda t: t[:1] in "\"'“‘«"),
            ("asks a question", lambda t: t.rstrip().endswith("?")),
            ("opens with a pronoun or connective",
             lambda t: bool(WORD.match(t)) and WORD.match(t).group().lower() in BACK),
        ]
        for name, test in factors:
            for f in (0.7, 0.85):
                report(docs, f"  x{f} if it {name}",
                       by_fit(factor=lambda t, test=test, f=f: f if test(t) else 1.0), no_fit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
