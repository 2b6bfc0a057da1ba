#!/usr/bin/env python3
"""How much the choice of the topic label could still move English headlines.

    python3 tests/quality/headline_label_choice.py --lib build/core/libprecis.so \
        [--tasks headline-duc04,headline-duc03,headline-bbc] [--show 20] [--top 5]

For each document it builds the headline without a label
(PRECIS_FLAG_HEADLINE_NO_LABEL) and then puts each of the document's first
--top key phrases in front of it as a label, the way headline.c does: "Label:
" and the sentence cut back to the 75 bytes between words, dangling function
words dropped (the clause-boundary cut aside, which moves few headlines). It
checks the emulation on the labels the library chose (how many it scores
exactly) and prints, per task and on the even and odd documents apart, R1 of
the library's headlines, of no label, and of two bounds: the best candidate
where the library put a label, and the best candidate or none everywhere.
The gap between the library and those bounds is what a better rule for which
key phrase labels the headline could still gain; --show N lists the N
documents where the best candidate beats the library's choice most, with
every candidate's R1.
"""
import ctypes
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
import headline_label_diag as diag  # noqa: E402

# the English function words headline.c drops from the end of a cut
# (is_trailing_junk)
TRAILING = set("""the a an of to and or in on at by for from with as that which who
but his her its their is was are were be than after before into about over under
between against during amid while when because if not will would could should can
may has have had been this these those our your through without including since
until toward towards whose where whether like such very he she they we""".split())


def keyphrases(lib, text):
    """The document's key phrases, in rank order, as the library gives them
    with its default options for English."""
    vp, sz = ctypes.c_void_p, ctypes.c_size_t
    lib.precis_doc_keyword_count.argtypes = [vp]
    lib.precis_doc_keyword_count.restype = sz
    lib.precis_doc_keyword.argtypes = [vp, sz, ctypes.POINTER(sz)]
    lib.precis_doc_keyword.restype = vp
    o = harness.Options()
    lib.precis_options_init(ctypes.byref(o))
    o.lang = b"en"
    b = text.encode()
    doc = vp()
    if lib.precis_doc_new(ctypes.byref(doc), b, len(b), ctypes.byref(o)) != 0:
        return []
    n = sz()
    out = []
    try:
        for k in range(lib.precis_doc_keyword_count(doc)):
            p = lib.precis_doc_keyword(doc, k, ctypes.byref(n))
            out.append(ctypes.string_at(p, n.value).decode())
    finally:
        lib.precis_doc_free(doc)
    return out


def cut(s, limit=75):
    """s cut between words to limit bytes, dangling function words and
    punctuation dropped."""
    if len(s.encode()) <= limit:
        return s
    head = s.encode()[:limit + 1].decode(errors="ignore")
    words = head[:head.rfind(" ")].rstrip(" ,;:").split(" ")
    while len(words) > 1 and words[-1].lstrip("'\"`") in TRAILING:
        words.pop()
    return " ".join(words).rstrip(" ,;:")


def shares_word(label, head):
    return any(re.search(r"(?<![A-Za-z])" + re.escape(w) + r"s?(?![A-Za-z])", head, re.I)
               for w in label.split())


def task_rows(args, fname, kind):
    rows = []
    for idx, rec, a, b, r1, lib in diag.headlines(args, fname, kind):
        cands = []
        for k, kp in enumerate(keyphrases(lib, rec["text"])[:args.top]):
            if shares_word(kp, b):
                continue
            h = cut(kp[0].upper() + kp[1:] + ": " + b)
            cands.append((kp, k, h, r1(h)))
        rows.append({"idx": idx, "a": a, "b": b, "ra": r1(a), "rb": r1(b), "cands": cands})
    return rows


def report(task, rows, show):
    labelled = [r for r in rows if r["a"] != r["b"]]
    exact = sum(any(c[2] == r["a"] for c in r["cands"]) for r in labelled)
    print(f"{task}: {len(rows)} documents, {len(labelled)} with a label, "
          f"{exact} of them emulated exactly")
    for part, sel in (("all", rows), ("even", rows[0::2]), ("odd", rows[1::2])):
        m = max(1, len(sel))
        lib = sum(r["ra"] for r in sel) / m
        none = sum(r["rb"] for r in sel) / m
        choice = sum(max([r["ra"]] + [c[3] for c in r["cands"]]) if r["a"] != r["b"]
                     else r["ra"] for r in sel) / m
        best = sum(max([r["ra"], r["rb"]] + [c[3] for c in r["cands"]]) for r in sel) / m
        print(f"  {part:4s}  library {lib:6.2f}  no label {none:6.2f}"
              f"  best candidate where labelled {choice:6.2f}  best candidate or none {best:6.2f}")
    gaps = sorted(rows, key=lambda r: r["ra"] - max([r["ra"]] + [c[3] for c in r["cands"]]))
    for r in gaps[:show]:
        top = max([r["ra"]] + [c[3] for c in r["cands"]])
        if top <= r["ra"]:
            break
        print(f"  {r['idx']:4d}  library {r['ra']:5.1f}  {r['a']}")
        for kp, k, _, sc in r["cands"]:
            print(f"          {sc:5.1f}  #{k} {kp}")


def main():
    ap = diag.headline_args(__doc__)
    ap.add_argument("--top", type=int, default=5)
    args = ap.parse_args()
    tasks = diag.headline_tasks(args)
    if tasks is None:
        return 77
    for task, fname, kind in tasks:
        report(task, task_rows(args, fname, kind), args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
