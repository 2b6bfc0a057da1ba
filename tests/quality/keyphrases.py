#!/usr/bin/env python3
"""Key phrases: a rough, objective figure for them, and lists to read.

    python3 tests/quality/keyphrases.py BUILD/core/libprecis.so [figure|samples|both]

There is no reference set of key phrases in ../shared/eval, so "figure" counts,
over every dev document, the share of precis's 10 key phrases whose words all
occur in the document's reference headlines or summaries (for Chinese: the
phrase occurs in them), and the share of their words that do. "samples" prints
the key phrases of tests/data/*.txt, the shared samples and a few dev
documents next to their reference. A benchmark, not a test: it needs
../shared."""
import ctypes, json, os, re, sys, unicodedata
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
import harness  # noqa: E402

lib_path = sys.argv[1]
mode = sys.argv[2] if len(sys.argv) > 2 else "both"
P = harness.Precis(lib_path)
lib = P.lib
sz = ctypes.c_size_t
lib.precis_doc_keyword_count.argtypes = [ctypes.c_void_p]
lib.precis_doc_keyword_count.restype = sz
lib.precis_doc_keyword.argtypes = [ctypes.c_void_p, sz, ctypes.POINTER(sz)]
lib.precis_doc_keyword.restype = ctypes.c_void_p

def kws(text, lang=None, n=10):
    o = harness.Options()
    lib.precis_options_init(ctypes.byref(o))
    o.lang = lang.encode() if lang else None
    o.keywords = n
    b = text.encode()
    doc = ctypes.c_void_p()
    rc = lib.precis_doc_new(ctypes.byref(doc), b, len(b), ctypes.byref(o))
    assert rc == 0
    out = []
    ln = sz()
    for k in range(lib.precis_doc_keyword_count(doc)):
        p = lib.precis_doc_keyword(doc, k, ctypes.byref(ln))
        out.append(ctypes.string_at(p, ln.value).decode())
    lib.precis_doc_free(doc)
    return out

E = os.path.join(ROOT, "..", "shared", "eval") + "/"
def load(name, n=None):
    r = []
    for line in open(E + name, encoding="utf-8"):
        r.append(json.loads(line))
        if n and len(r) >= n: break
    return r

if mode in ("both", "samples"):
    data = os.path.join(ROOT, "tests", "data")
    for f in [os.path.join(data, x) for x in sorted(os.listdir(data))] + \
             [os.path.join(ROOT, "..", "shared", "samples", "straits-times-2018-06-01.txt")]:
        print(os.path.basename(f), kws(open(f, encoding="utf-8").read()))
    for name, k in [("bbc_news_summary.dev.jsonl", 3), ("duc2004_task1.dev.jsonl", 2),
                    ("orangesum_fr.dev.jsonl", 3), ("temario_pt.dev.jsonl", 2), ("lcsts_zh.dev.jsonl", 3)]:
        for r in load(name, k):
            print(name.split("_")[0], r["id"], "|", (r["headlines"] or r["summaries"])[0][:90])
            print("   ", kws(r["text"], r["lang"]))

def words(s):
    s = unicodedata.normalize("NFKC", s).lower()
    return re.findall(r"\w+", s)

def norm(w):
    # crude stem: plural s
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"): w = w[:-1]
    return w

if mode in ("both", "figure"):
    tot_ph = tot_ok = tot_w = tot_wok = 0
    rows = []
    for name in ["bbc_news_summary.dev.jsonl", "duc2004_task1.dev.jsonl", "duc2003_task1.dev.jsonl",
                 "cnndm_frank.dev.jsonl", "xsum_frank.dev.jsonl", "orangesum_fr.dev.jsonl",
                 "temario_pt.dev.jsonl", "lcsts_zh.dev.jsonl"]:
        ph = ok = nw = wok = 0
        for r in load(name):
            refs = " ".join(r["headlines"] + r["summaries"])
            zh = r["lang"] == "zh"
            refw = set(norm(w) for w in words(refs))
            for p in kws(r["text"], r["lang"]):
                ph += 1
                if zh:
                    good = unicodedata.normalize("NFKC", p) in unicodedata.normalize("NFKC", refs)
                    ok += good; nw += 1; wok += good
                else:
                    ws = [norm(w) for w in words(p)]
                    good = all(w in refw for w in ws)
                    ok += good
                    nw += len(ws); wok += sum(w in refw for w in ws)
        rows.append((name, ph, ok, nw, wok))
        tot_ph += ph; tot_ok += ok; tot_w += nw; tot_wok += wok
        print("%-28s phrases %5d  all-in-ref %5.1f%%  words-in-ref %5.1f%%  words/phrase %.2f" %
              (name, ph, 100 * ok / max(ph, 1), 100 * wok / max(nw, 1), nw / max(ph, 1)))
    print("%-28s phrases %5d  all-in-ref %5.1f%%  words-in-ref %5.1f%%" %
          ("TOTAL", tot_ph, 100 * tot_ok / tot_ph, 100 * tot_wok / tot_w))
