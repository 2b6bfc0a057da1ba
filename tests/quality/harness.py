#!/usr/bin/env python3
"""The quality harness: precis and the plain baselines over the dev files of
../shared/eval, scored as ../shared/eval/PROTOCOL.md says.

    python3 tests/quality/harness.py --lib BUILD/core/libprecis.so [--eval DIR]

prints, per task, ROUGE-1/2/L (recall for headlines, F1 for summaries, x100)
of precis and of the baselines side by side. precis runs in-process through
ctypes (the shared library's public API only), with its default options and
the task's budget; the language is passed only when the library knows it.

Other modes (used by the meson tests in this directory):
  --check-baselines   exit 1 unless every baseline row of PROTOCOL.md is
                      reproduced within 0.5 points (the rows in KNOWN within
                      their own, measured tolerance)
  --check-ahead       exit 1 if precis falls below a baseline on R1 (and on
                      R2 where the issue's target names it) on the tasks in
                      AHEAD (with --limit N: their first N documents)
  --tasks a,b         only these tasks;  --limit N  only the first N documents
  --show N            print precis's output for the first N documents
"""
import argparse
import ctypes
import json
import math
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rouge  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_EVAL = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "eval"))


def script_args(doc):
    """The command line the diagnostic scripts share: --lib (required) and
    --eval; doc is the script's docstring, whose first line describes it."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--lib", required=True)
    ap.add_argument("--eval", default=os.environ.get("PRECIS_EVAL", DEFAULT_EVAL))
    return ap

# task -> (file, kind, language); kind says what is output and how it is scored
TASKS = [
    ("headline-duc04", "duc2004_task1.dev.jsonl", "headline"),
    ("headline-duc03", "duc2003_task1.dev.jsonl", "headline"),
    ("headline-bbc", "bbc_news_summary.dev.jsonl", "headline"),
    ("cnndm", "cnndm_frank.dev.jsonl", "sum3"),
    ("xsum", "xsum_frank.dev.jsonl", "sum1"),
    ("bbc", "bbc_news_summary.dev.jsonl", "sum40"),
    ("fr-head", "orangesum_fr.dev.jsonl", "headline-uni"),
    ("fr-sum", "orangesum_fr.dev.jsonl", "sum1-uni"),
    ("pt-sum", "temario_pt.dev.jsonl", "sum30-uni"),
    ("zh-head", "lcsts_zh.dev.jsonl", "headline-zh"),
]

# PROTOCOL.md's baseline rows (official ROUGE-1.5.5): task -> system -> R1, R2, RL
PROTOCOL = {
    "headline-duc04": {"first sentence": (20.16, 5.75, 17.71), "PREFIX": (21.46, 6.16, 18.73)},
    "headline-duc03": {"first sentence": (14.59, 4.26, 13.14), "PREFIX": (17.22, 5.10, 15.43)},
    "headline-bbc": {"first sentence": (38.04, 7.47, 33.63)},
    "cnndm": {"first k": (43.52, 20.81, 33.33)},
    "xsum": {"first k": (15.94, 1.95, 12.26)},
    "bbc": {"first k": (64.52, 51.40, 57.38)},
    "fr-head": {"PREFIX": (19.74, 7.32, 16.56)},
    "fr-sum": {"first k": (21.98, 6.73, 15.71)},
    "pt-sum": {"first k": (43.96, 15.15, 23.14)},
    "zh-head": {"first sentence": (27.03, 15.56, 22.85)},
}

# Rows that no reading of ROUGE-1.5.5 reproduces from the dev files, with the
# narrowest tolerance each metric needs (0.05 steps); every other row and
# metric is held to 0.5. The scorer follows the Perl script rule for rule
# (rouge.py) and reproduces the bbc, fr, pt and zh rows to 0.05 or better,
# the bbc row through the same reading, tokens, stemmer and summary-level
# ROUGE-L; README.md, "Quality", gives the evidence. In short: the PREFIX
# peers are fixed by the text (its first 75 bytes) and the first-sentence
# peers by the plain splitter, which the bbc, fr and pt rows confirm; no rule
# of ROUGE (stemmer, exception list, -b on peers and references, -f A pooled
# or averaged, reference lines) moves R1 by more than a third of a point on
# these rows, and the byte cut that would fit one row (78 for duc04, 72 for
# duc03, 70 for headline-bbc) breaks the others. cnndm's R2 of 20.81 is above the R2 F1 of
# any lead of these texts against these references (LEAD-1..5: 11.9-18.2;
# the first 300-500 bytes: at most 19.2). Each gap is at most 1.1 standard
# errors of the row's mean (cnndm 2.0-2.5), the size expected if the figures
# were measured on other documents or references.
# (task, system) -> largest |ours - PROTOCOL| allowed for R1, R2, RL
KNOWN = {
    ("headline-duc04", "first sentence"): (0.75, 0.5, 0.55),
    ("headline-duc04", "PREFIX"): (0.85, 0.5, 0.6),
    ("headline-duc03", "first sentence"): (0.8, 0.5, 0.5),
    ("headline-bbc", "first sentence"): (1.5, 0.75, 1.05),
    ("cnndm", "first k"): (2.35, 2.6, 2.6),
    ("xsum", "first k"): (0.6, 0.5, 0.5),
}

# what --check-ahead holds precis to: task -> metrics that must not fall
# below any baseline: every task of PROTOCOL.md, R1, and R2 where the
# issues' targets name it (cnndm and bbc). The thinnest margins on the first
# 150 documents are cnndm's (about 0.8 R1 over LEAD-3) and fr-head's (about
# 1.1 over PREFIX) (README.md, "Quality").
AHEAD = {
    "headline-duc04": ("1",), "headline-duc03": ("1",), "headline-bbc": ("1",),
    "cnndm": ("1", "2"), "xsum": ("1",), "bbc": ("1", "2"),
    "fr-head": ("1",), "fr-sum": ("1",), "pt-sum": ("1",), "zh-head": ("1",),
}


# ------------------------------------------------------------------ precis


class Options(ctypes.Structure):
    """The leading fields of precis_options (fields are only ever appended,
    so this prefix stays valid); the tail is room for newer fields, which
    precis_options_init() fills with their defaults."""
    _fields_ = [
        ("version", ctypes.c_uint), ("flags", ctypes.c_uint),
        ("sentences", ctypes.c_size_t), ("ratio", ctypes.c_double),
        ("words", ctypes.c_size_t), ("bytes", ctypes.c_size_t),
        ("lang", ctypes.c_char_p), ("format", ctypes.c_int),
        ("similarity", ctypes.c_int), ("damping", ctypes.c_double),
        ("tolerance", ctypes.c_double), ("max_iterations", ctypes.c_uint),
        ("headline_bytes", ctypes.c_size_t), ("keywords", ctypes.c_size_t),
        ("max_bytes", ctypes.c_size_t),
        ("headline_chars", ctypes.c_size_t),  # version 2
        ("_tail", ctypes.c_char * 512),
    ]


class Precis:
    def __init__(self, path):
        lib = ctypes.CDLL(path)
        vp, sz = ctypes.c_void_p, ctypes.c_size_t
        lib.precis_options_init.argtypes = [ctypes.POINTER(Options)]
        lib.precis_doc_new.argtypes = [ctypes.POINTER(vp), ctypes.c_char_p, sz,
                                       ctypes.POINTER(Options)]
        lib.precis_doc_free.argtypes = [vp]
        lib.precis_doc_selected_count.argtypes = [vp]
        lib.precis_doc_selected_count.restype = sz
        lib.precis_doc_selected.argtypes = [vp, sz]
        lib.precis_doc_selected.restype = sz
        lib.precis_doc_sentence_text.argtypes = [vp, sz, ctypes.POINTER(sz)]
        lib.precis_doc_sentence_text.restype = ctypes.c_void_p
        lib.precis_doc_headline.argtypes = [vp, ctypes.POINTER(sz)]
        lib.precis_doc_headline.restype = ctypes.c_void_p
        lib.precis_languages.restype = ctypes.POINTER(ctypes.c_char_p)
        lib.precis_strerror.restype = ctypes.c_char_p
        self.lib = lib
        self.overrides = {}
        langs = lib.precis_languages()
        self.languages = set()
        i = 0
        while langs[i]:
            self.languages.add(langs[i].decode())
            i += 1

    def sentences(self, text, lang, k):
        """precis's sentences of text with a budget of k sentences, in
        document order, as dicts (t: text, rank, score, sel: selected), and
        its key phrases (for the diagnostic scripts)."""
        lib = self.lib
        vp, sz = ctypes.c_void_p, ctypes.c_size_t
        lib.precis_doc_sentence_count.argtypes = [vp]
        lib.precis_doc_sentence_count.restype = sz
        for name, res in (("precis_doc_sentence_rank", sz), ("precis_doc_sentence_selected", ctypes.c_int),
                          ("precis_doc_sentence_score", ctypes.c_double)):
            getattr(lib, name).argtypes = [vp, sz]
            getattr(lib, name).restype = res
        lib.precis_doc_keyword_count.argtypes = [vp]
        lib.precis_doc_keyword_count.restype = sz
        lib.precis_doc_keyword.restype = ctypes.c_char_p
        lib.precis_doc_keyword.argtypes = [vp, sz, ctypes.POINTER(sz)]
        o = Options()
        lib.precis_options_init(ctypes.byref(o))
        o.lang = lang.encode() if lang in self.languages else None
        o.sentences = k
        b = text.encode()
        doc = vp()
        if lib.precis_doc_new(ctypes.byref(doc), b, len(b), ctypes.byref(o)) != 0:
            raise RuntimeError("precis_doc_new failed")
        n = sz()
        try:
            ss = []
            for i in range(lib.precis_doc_sentence_count(doc)):
                p = lib.precis_doc_sentence_text(doc, i, ctypes.byref(n))
                ss.append({"t": ctypes.string_at(p, n.value).decode(),
                           "rank": lib.precis_doc_sentence_rank(doc, i),
                           "score": lib.precis_doc_sentence_score(doc, i),
                           "sel": lib.precis_doc_sentence_selected(doc, i)})
            kws = []
            for j in range(lib.precis_doc_keyword_count(doc)):
                p = lib.precis_doc_keyword(doc, j, ctypes.byref(n))
                kws.append(ctypes.string_at(p, n.value).decode())
        finally:
            lib.precis_doc_free(doc)
        return ss, kws

    def run(self, text, lang, sentences=0, headline_bytes=0, headline_chars=0):
        """(selected sentences in document order, headline)."""
        lib = self.lib
        o = Options()
        lib.precis_options_init(ctypes.byref(o))
        for k, v in self.overrides.items():
            setattr(o, k, type(getattr(o, k))(v))
        o.lang = lang.encode() if lang in self.languages else None
        if sentences:
            o.sentences = sentences
        if headline_bytes:
            o.headline_bytes = headline_bytes
        if headline_chars and o.version >= 2:
            o.headline_chars = headline_chars
        b = text.encode()
        doc = ctypes.c_void_p()
        rc = lib.precis_doc_new(ctypes.byref(doc), b, len(b), ctypes.byref(o))
        if rc != 0:
            raise RuntimeError(lib.precis_strerror(rc).decode())
        try:
            n = ctypes.c_size_t()
            sents = []
            for k in range(lib.precis_doc_selected_count(doc)):
                i = lib.precis_doc_selected(doc, k)
                p = lib.precis_doc_sentence_text(doc, i, ctypes.byref(n))
                sents.append(ctypes.string_at(p, n.value).decode())
            p = lib.precis_doc_headline(doc, ctypes.byref(n))
            head = ctypes.string_at(p, n.value).decode()
        finally:
            lib.precis_doc_free(doc)
        return sents, head


# ------------------------------------------------------------------ tasks


def load(eval_dir, name, limit):
    out = []
    with open(os.path.join(eval_dir, name), encoding="utf-8") as f:
        for line in f:
            out.append(json.loads(line))
            if limit and len(out) >= limit:
                break
    return out


def budget(kind, text):
    """Sentences for a summary task, from the plain splitter."""
    if kind.startswith("sum1"):
        return 1
    if kind == "sum3":
        return 3
    s = len(rouge.plain_sentences(text))
    share = 0.4 if kind == "sum40" else 0.3
    return max(1, math.ceil(share * s - 1e-9))


def references(task, kind, rec):
    if kind.startswith("headline"):
        return rec["headlines"]
    if kind.startswith("sum") and not kind.endswith("-uni"):
        # each reference is one line, as the string stands (bbc's ROUGE-L is
        # reproduced that way, 57.39 against PROTOCOL.md's 57.38; with the
        # reference one sentence a line it would be 63.37)
        return [[s] for s in rec["summaries"]]
    return rec["summaries"]


def score(kind, peer_lines, refs):
    """ROUGE dict for one document; peer_lines is the system's output."""
    if kind == "headline":
        return rouge.rouge_en(peer_lines, [[r] for r in refs], byte_limit=75)
    if kind == "headline-uni":
        return rouge.rouge_unicode(rouge.cut_bytes(" ".join(peer_lines), 75), refs)
    if kind == "headline-zh":
        text = "".join(peer_lines)
        return rouge.rouge_unicode(text[:30], refs, chars=True)
    if kind.endswith("-uni"):
        return rouge.rouge_unicode("\n".join(peer_lines), refs)
    return rouge.rouge_en(peer_lines, refs)


def metric_index(kind):
    return 0 if kind.startswith("headline") and kind != "headline-zh" else 2


def systems_for(kind):
    if kind.startswith("headline"):
        return ["first sentence", "PREFIX"]
    return ["first k"]


def baseline_output(system, kind, text):
    sents = rouge.plain_sentences(text)
    if system == "PREFIX":
        return [text]
    if system == "first sentence":
        return sents[:1]
    return sents[:budget(kind, text)]


def run_task(task, fname, kind, args, precis):
    recs = load(args.eval, fname, args.limit)
    mi = metric_index(kind)
    systems = ([] if precis is None else ["precis"]) + systems_for(kind)
    totals = {s: {"1": 0.0, "2": 0.0, "L": 0.0} for s in systems}
    shown = 0
    for rec in recs:
        text, refs = rec["text"], references(task, kind, rec)
        for s in systems:
            if s == "precis":
                if kind.startswith("headline"):
                    # zh: 30 characters (and room for them in bytes)
                    zh = kind == "headline-zh"
                    _, head = precis.run(text, rec["lang"], headline_bytes=120 if zh else 0,
                                         headline_chars=30 if zh else 0)
                    out = [head]
                else:
                    out, _ = precis.run(text, rec["lang"], sentences=budget(kind, text))
                if shown < args.show:
                    print(f"  [{rec['id']}] " + " | ".join(out))
                    if kind.startswith("headline"):
                        print(f"      ref: {refs[0]}")
                    shown += 1
            else:
                out = baseline_output(s, kind, text)
            res = score(kind, out, refs)
            for m in ("1", "2", "L"):
                totals[s][m] += res[m][mi]
    n = max(1, len(recs))
    return {s: tuple(100.0 * totals[s][m] / n for m in ("1", "2", "L")) for s in systems}, len(recs)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lib", help="path to libprecis.so (omit for baselines only)")
    ap.add_argument("--eval", default=os.environ.get("PRECIS_EVAL", DEFAULT_EVAL))
    ap.add_argument("--tasks", default="")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                    help="set a precis_options field (similarity=1, damping=0.5)")
    ap.add_argument("--check-baselines", action="store_true")
    ap.add_argument("--check-ahead", action="store_true")
    args = ap.parse_args()
    if not os.path.isdir(args.eval):
        print(f"no evaluation data at {args.eval}: skipped")
        return 77
    precis = None if args.check_baselines or not args.lib else Precis(args.lib)
    for kv in args.set:
        k, v = kv.split("=", 1)
        precis.overrides[k] = float(v) if "." in v else int(v)
    want = set(args.tasks.split(",")) if args.tasks else None
    if args.check_ahead:
        want = want or set(AHEAD)
    failures = []
    t0 = time.time()
    print(f"{'task':15} {'system':15} {'R1':>6} {'R2':>6} {'RL':>6}   docs  metric")
    for task, fname, kind in TASKS:
        if want and task not in want:
            continue
        res, ndocs = run_task(task, fname, kind, args, precis)
        metric = "recall" if metric_index(kind) == 0 else "F1"
        for s, (r1, r2, rl) in res.items():
            line = f"{task:15} {s:15} {r1:6.2f} {r2:6.2f} {rl:6.2f}   {ndocs:4d}  {metric}"
            if args.check_baselines and s in PROTOCOL.get(task, {}):
                ref = PROTOCOL[task][s]
                diffs = [abs(a - b) for a, b in zip((r1, r2, rl), ref)]
                line += (f"   PROTOCOL {ref[0]:.2f} {ref[1]:.2f} {ref[2]:.2f}"
                         f"  max diff {max(diffs):.2f}")
                tols = KNOWN.get((task, s), (0.5, 0.5, 0.5))
                if max(tols) > 0.5:
                    line += " (known, <= " + "/".join(f"{t:g}" for t in tols) + ")"
                for m, d, t in zip(("R1", "R2", "RL"), diffs, tols):
                    if d > t:
                        failures.append(f"{task} {s}: {m} off by {d:.2f} (> {t:g})")
            print(line)
        if args.check_ahead and task in AHEAD and "precis" in res:
            for m in AHEAD[task]:
                i = {"1": 0, "2": 1}[m]
                for s in res:
                    if s != "precis" and res["precis"][i] < res[s][i]:
                        failures.append(f"{task}: precis R{m} {res['precis'][i]:.2f} "
                                        f"below {s} {res[s][i]:.2f}")
        sys.stdout.flush()
    print(f"({time.time() - t0:.1f} s)")
    for f in failures:
        print("FAIL: " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
