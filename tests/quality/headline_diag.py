#!/usr/bin/env python3
"""Where an English headline loses the reference words: the compression or
the cut to the byte limit?

    python3 tests/quality/headline_diag.py --lib build/core/libprecis.so \
        [--task headline-duc04] [--show 20] [--words 40]

For each document of the task it builds the headline twice: at the task's
limit (what is scored) and at a limit so large that nothing is cut (the
source sentence with only the rules that always apply, and the topic label
if the sentence does not name it: the sentence before the cut, less the
rules that run only while room is short). It pools the
references' tokens (ROUGE's tokens and stems, as harness.py scores them)
and counts, per document, the reference tokens the long form holds, the
ones the scored headline holds, and so the ones the cut and the
room-dependent rules lost. Then, over all documents, the words of the
scored headlines that match no reference (what spends bytes for nothing),
and the words of the long form that match a reference but did not reach
the scored headline (what the cut throws away most often), and how often a
word of the headline matches a reference by the number of the text's
sentences (plain splitter) that name its stem: a word the text names once
is a detail of the telling. --show N prints
N documents: long form, scored headline, and the matched reference words
each lost.
"""
import os
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
import rouge  # noqa: E402

TASK_FILES = {t: (f, k) for t, f, k in harness.TASKS}


def toks(text, stem=True):
    return rouge.tokens_en(text, stem)


def plain_words(text):
    """(surface word, stem) pairs in ROUGE's tokenization."""
    out = []
    for w in toks(text, stem=False):
        out.append((w, rouge.porter(w) if len(w) > 3 else w))
    return out


def main():
    ap = harness.script_args(__doc__)
    ap.add_argument("--task", default="headline-duc04")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--words", type=int, default=40)
    ap.add_argument("--long", type=int, default=2000,
                    help="the limit for the uncut form (bytes)")
    args = ap.parse_args()
    if not os.path.isdir(args.eval):
        print(f"no evaluation data at {args.eval}: skipped")
        return 77
    fname, kind = TASK_FILES[args.task]
    if kind != "headline":
        print("English headline tasks only")
        return 2
    precis = harness.Precis(args.lib)
    waste, waste_bytes, lost, kept = Counter(), Counter(), Counter(), Counter()
    by_df = Counter()      # (sentences naming it, capitalised?) -> words
    by_df_hit = Counter()  # ... of them matching a reference
    tot = {"ref": 0, "long": 0, "head": 0, "docs": 0, "long_bytes": 0}
    shown = 0
    for rec in harness.load(args.eval, fname, 0):
        refs = rec["headlines"]
        _, head = precis.run(rec["text"], rec["lang"])
        _, longf = precis.run(rec["text"], rec["lang"], headline_bytes=args.long)
        ref_cs = [Counter(toks(r)) for r in refs]
        ref_c = Counter()
        for c in ref_cs:
            ref_c |= c
        scored = rouge.cut_bytes(head, 75)
        hw = plain_words(scored)
        lw = plain_words(longf)
        head_c = Counter(s for _, s in hw)
        long_c = Counter(s for _, s in lw)

        def hits(c):
            # pooled as ROUGE pools them (-f A): hits summed over references
            return sum(min(c[w], rc[w]) for rc in ref_cs for w in c)
        tot["ref"] += sum(sum(c.values()) for c in ref_cs)
        tot["long"] += hits(long_c)
        tot["head"] += hits(head_c)
        tot["docs"] += 1
        tot["long_bytes"] += len(longf.encode())
        sdf = Counter()
        for sent in rouge.plain_sentences(rec["text"]):
            sdf.update(set(toks(sent)))
        surface = {}
        for word in scored.split():
            core = word.strip(",.;:'\"()`").lower()
            if core and core not in surface:
                surface[core] = word.lstrip("'\"(`")[:1].isupper()
        for w, s in hw:
            if w.isalpha() and len(w) > 3:
                k = (min(sdf[s], 5), surface.get(w, False))
                by_df[k] += 1
                by_df_hit[k] += ref_c[s] > 0
        for w, s in hw:
            if ref_c[s] == 0:
                waste[w] += 1
                waste_bytes[w] += len(w) + 1
            else:
                kept[w] += 1
        gone = []
        for w, s in lw:
            if ref_c[s] and head_c[s] == 0:
                lost[w] += 1
                gone.append(w)
        if shown < args.show:
            print(f"[{rec['id']}]")
            print(f"  long: {longf}")
            print(f"  head: {head}")
            print(f"  ref0: {refs[0]}")
            print(f"  lost at the cut: {' '.join(gone)}")
            print(f"  spent for nothing: {' '.join(w for w, s in hw if ref_c[s] == 0)}")
            shown += 1
    n = max(1, tot["docs"])
    print(f"{args.task}: {n} documents; long form {tot['long_bytes'] / n:.0f} bytes on average")
    print(f"  reference tokens matched by the long form  {100 * tot['long'] / tot['ref']:.2f} %")
    print(f"  reference tokens matched by the headline   {100 * tot['head'] / tot['ref']:.2f} %")
    print("\nheadline words of four letters or more, by the sentences naming them:")
    for k in sorted(by_df):
        kind = "capitalised" if k[1] else "lower case"
        print(f"  {k[0]}{'+' if k[0] == 5 else ' '} sentences, {kind:11s} {by_df[k]:5d} words,"
              f" {100 * by_df_hit[k] / by_df[k]:5.1f} % match a reference")
    print(f"\nwords of the headlines matching no reference (count, bytes):")
    for w, c in waste.most_common(args.words):
        print(f"  {w:15s} {c:4d} {waste_bytes[w]:5d}   (matched {kept[w]})")
    print(f"\nreference-matching words of the long form lost by the headline:")
    for w, c in lost.most_common(args.words):
        print(f"  {w:15s} {c:4d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
