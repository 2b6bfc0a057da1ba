#!/usr/bin/env python3
"""What selects bbc's reference sentences? Emulations of candidate sentence
scorers, measured against meta.summary_sents (issue 4).

    python3 tests/quality/bbc_emulate.py [--eval DIR] [--half even|odd]
                                         [--lib BUILD/core/libprecis.so]

Every article is split by PROTOCOL.md's plain splitter (the one that sets
the budget, k = ceil(0.4 S)); each scorer ranks those sentences, and the
table gives per scorer:
  P@ref  share of its top len(ref) sentences that are reference sentences
  tau    Kendall's tau between its order and the order of summary_sents
         (over pairs of reference sentences; the references are not in
         document order, and their order may be the generator's ranking)
  R1 R2  ROUGE F1 of its top k sentences, in document order, as the
         harness scores bbc
With --lib, precis's own ranking is scored the same way (its sentences
mapped to plain ones by text; the text it ranks is the plain sentences a
paragraph each, so its figures are close to, not the same as, harness.py's).

"precis-like" is graph.c's TextRank (stems, the same form counting 1.5,
distinct terms in the length), "cover cosine" the cosine graph.c adds for
a summary that covers the text (stem counts, the same form 3 times; or
1.5), and "precis-like + 2 cover" the two as graph.c sums them.
Scorer names: "textrank" and "overlap" are Mihalcea and Tarau's shared
words over the sum of log lengths, "cos-tf"/"cos-idf"/"cos-bin" cosine
similarity of term counts / tf-idf / word sets, each under PageRank
(d = 0.85) unless "degree" (sum of similarities); "raw" words or Porter
"stem"s; stop words: precis's English list (no suffix), "snowball" its
Snowball part alone, "graph" the list precis's sentence graph uses
(graph.c: without said, say, says, told, mr, mrs, ms, dr), "+stop" none
removed.

Nothing here is used by the library.
"""
import argparse
import collections
import math
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
import rouge  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
STOP_FILE = os.path.join(HERE, "..", "..", "core", "data", "en.stop")


def stop_words():
    out = set()
    with open(STOP_FILE, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                out.add(line)
    return out


STOP = stop_words()
# the Snowball list alone, without the words precis adds to it
SNOWBALL = set()
with open(STOP_FILE, encoding="utf-8") as f:
    for line in f:
        if line.startswith("# --- added"):
            break
        if line.strip() and not line.startswith("#"):
            SNOWBALL.add(line.strip())
# the list precis's sentence graph uses (graph.c, graph_words_en)
GRAPH_STOP = STOP - {"said", "say", "says", "told", "mr", "mrs", "ms", "dr"}
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(s, stem=False, keep_stop=False, stop=None):
    STOP = stop if stop is not None else globals()["STOP"]
    out = []
    for w in WORD.findall(s.lower()):
        if not keep_stop and (w in STOP or w.split("'")[0] in STOP):
            continue
        w = w.split("'")[0]
        out.append(rouge.rouge_porter(w) if stem and len(w) > 2 else w)
    return out


def pagerank(w, d=0.85, prior=None, iters=200):
    n = len(w)
    if n == 0:
        return []
    out = [sum(row) for row in w]
    nb = [[(j, w[j][i] / out[j]) for j in range(n) if w[j][i] > 0 and out[j] > 0]
          for i in range(n)]
    p = prior or [1.0 / n] * n
    r = [1.0 / n] * n
    for _ in range(iters):
        nr = [(1 - d) * p[i] + d * sum(x * r[j] for j, x in nb[i]) for i in range(n)]
        done = max(abs(a - b) for a, b in zip(r, nr)) < 1e-10
        r = nr
        if done:
            break
    return r


def sim_overlap(a, b):
    """Mihalcea and Tarau: shared words over the sum of log lengths."""
    if len(a) < 1 or len(b) < 1:
        return 0.0
    sa = set(a)
    n = len(sa & set(b))
    den = math.log(max(len(a), 2)) + math.log(max(len(b), 2))
    return n / den if den > 0 else 0.0


def sim_cosine_tf(a, b):
    ca, cb = collections.Counter(a), collections.Counter(b)
    num = sum(ca[t] * cb[t] for t in ca)
    den = math.sqrt(sum(v * v for v in ca.values())) * math.sqrt(sum(v * v for v in cb.values()))
    return num / den if den else 0.0


def sim_cosine_bin(a, b):
    sa, sb = set(a), set(b)
    return len(sa & sb) / math.sqrt(len(sa) * len(sb)) if sa and sb else 0.0


def sim_jaccard(a, b):
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0


def sim_overlap_tf(a, b):
    """Shared words counted with multiplicity (min of the counts), over
    the sum of log lengths."""
    ca, cb = collections.Counter(a), collections.Counter(b)
    n = sum(min(v, cb[t]) for t, v in ca.items())
    den = math.log(max(len(a), 2)) + math.log(max(len(b), 2))
    return n / den


def forms(a):
    """stem -> the word forms a sentence uses it in, from (stem, word) pairs."""
    out = collections.defaultdict(set)
    for st, w in a:
        out[st].add(w)
    return out


def sim_precis(a, b):
    """precis's TextRank (graph.c): shared stems, one used in the same single
    form in both counting 1.5, over the sum of the logs of the numbers of
    distinct terms; a and b are lists of (stem, word)."""
    fa, fb = forms(a), forms(b)
    n = sum(1.5 if len(fa[t]) == 1 and fa[t] == fb[t] else 1.0 for t in fa if t in fb)
    return n / (math.log(max(len(fa), 2)) + math.log(max(len(fb), 2)))


def sim_cover(a, b, same=3.0):
    """graph.c's cover cosine: the cosine of the stem counts, a stem both
    use in the same single form counting `same` times."""
    fa, fb = forms(a), forms(b)
    ca = collections.Counter(st for st, _ in a)
    cb = collections.Counter(st for st, _ in b)
    num = sum(ca[t] * cb[t] * (same if len(fa[t]) == 1 and fa[t] == fb[t] else 1.0)
              for t in ca if t in cb)
    den = math.sqrt(sum(v * v for v in ca.values())) * math.sqrt(sum(v * v for v in cb.values()))
    return num / den if den else 0.0


def stem_words(s):
    """(Porter stem, word) of each word of s, graph.c's stop list."""
    return [(rouge.rouge_porter(w) if len(w) > 2 else w, w)
            for w in words(s, stop=GRAPH_STOP)]


def degree(toks, sim):
    n = len(toks)
    return [sum(sim(toks[i], toks[j]) for j in range(n) if j != i) for i in range(n)]


def make_cosine_idf(toks):
    n = len(toks)
    df = collections.Counter(t for s in toks for t in set(s))
    idf = {t: math.log((1 + n) / (1 + v)) + 1 for t, v in df.items()}

    def sim(a, b):
        ca, cb = collections.Counter(a), collections.Counter(b)
        num = sum(ca[t] * cb[t] * idf[t] ** 2 for t in ca if t in cb)
        na = math.sqrt(sum((v * idf[t]) ** 2 for t, v in ca.items()))
        nb = math.sqrt(sum((v * idf[t]) ** 2 for t, v in cb.items()))
        return num / (na * nb) if na and nb else 0.0
    return sim


def textrank(toks, sim, d=0.85, prior=None):
    n = len(toks)
    w = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            x = sim(toks[i], toks[j])
            w[i][j] = w[j][i] = x
    return pagerank(w, d, prior)


def freq_scores(toks, norm_len=False, max_norm=True):
    """Luhn-style: a sentence scores the document frequencies of its words
    (each over the largest), summed, or averaged over its length."""
    f = collections.Counter(t for s in toks for t in s)
    top = max(f.values()) if f else 1
    out = []
    for s in toks:
        v = sum(f[t] / (top if max_norm else 1) for t in s)
        if norm_len:
            v = v / len(s) if s else 0
        out.append(v)
    return out


def centroid(toks):
    n = len(toks)
    df = collections.Counter(t for s in toks for t in set(s))
    tf = collections.Counter(t for s in toks for t in s)
    cen = {t: tf[t] * math.log((1 + n) / (1 + df[t])) for t in tf}
    out = []
    for s in toks:
        c = collections.Counter(s)
        num = sum(c[t] * cen[t] for t in c)
        den = math.sqrt(sum(v * v for v in c.values())) * math.sqrt(sum(v * v for v in cen.values()))
        out.append(num / den if den else 0.0)
    return out


def centroid_tf(toks):
    """Cosine of each sentence's term counts with the whole text's."""
    doc = collections.Counter(t for s in toks for t in s)
    nd = math.sqrt(sum(v * v for v in doc.values()))
    out = []
    for s in toks:
        c = collections.Counter(s)
        num = sum(v * doc[t] for t, v in c.items())
        den = math.sqrt(sum(v * v for v in c.values())) * nd
        out.append(num / den if den else 0.0)
    return out


def scorers():
    """name -> function(sentences) -> scores (higher is better)."""
    def tr(stem, keep_stop=False, simf=sim_overlap):
        return gen(simf, stem, keep_stop)

    def tr_idf(stem):
        def f(ss):
            toks = [words(s, stem) for s in ss]
            return textrank(toks, make_cosine_idf(toks))
        return f

    def fr(stem, norm_len=False, keep_stop=False):
        def f(ss):
            toks = [words(s, stem, keep_stop) for s in ss]
            return freq_scores(toks, norm_len)
        return f

    def cen(stem):
        def f(ss):
            return centroid([words(s, stem) for s in ss])
        return f

    def gen(simf, stem=False, keep_stop=False, d=0.85, rank=True, stop=None):
        def f(ss):
            toks = [words(s, stem, keep_stop, stop) for s in ss]
            return textrank(toks, simf, d) if rank else degree(toks, simf)
        return f

    def pairs(simf):
        def f(ss):
            return textrank([stem_words(s) for s in ss], simf)
        return f

    extra = {
        "precis-like": pairs(sim_precis),
        "cover cosine": pairs(sim_cover),
        "cover cosine same=1.5": pairs(lambda a, b: sim_cover(a, b, 1.5)),
        "precis-like + 2 cover": pairs(lambda a, b: sim_precis(a, b) + 2 * sim_cover(a, b)),
        "precis-like + 2 cover1.5": pairs(lambda a, b: sim_precis(a, b) +
                                          2 * sim_cover(a, b, 1.5)),
        "centroid-tf raw graph": lambda ss: centroid_tf([words(s, stop=GRAPH_STOP) for s in ss]),
        "centroid-tf stem graph": lambda ss: centroid_tf([words(s, True, stop=GRAPH_STOP) for s in ss]),
        "centroid-idf raw graph": lambda ss: centroid([words(s, stop=GRAPH_STOP) for s in ss]),
        "overlap raw graph": gen(sim_overlap, stop=GRAPH_STOP),
        "overlap stem graph": gen(sim_overlap, True, stop=GRAPH_STOP),
        "cos-tf raw graph": gen(sim_cosine_tf, stop=GRAPH_STOP),
        "cos-tf stem graph": gen(sim_cosine_tf, True, stop=GRAPH_STOP),
        "cos-bin stem graph": gen(sim_cosine_bin, True, stop=GRAPH_STOP),
        "overlap-tf stem graph": gen(sim_overlap_tf, True, stop=GRAPH_STOP),
        "cos-tf raw snowball": gen(sim_cosine_tf, stop=SNOWBALL),
        "overlap raw snowball": gen(sim_overlap, stop=SNOWBALL),
        "overlap stem snowball": gen(sim_overlap, True, stop=SNOWBALL),
        "cos-tf stem snowball": gen(sim_cosine_tf, True, stop=SNOWBALL),
        "cos-tf stem": gen(sim_cosine_tf, True),
        "cos-tf raw +stop": gen(sim_cosine_tf, False, True),
        "cos-tf raw d=.5": gen(sim_cosine_tf, d=0.5),
        "cos-tf raw d=.95": gen(sim_cosine_tf, d=0.95),
        "cos-tf raw degree": gen(sim_cosine_tf, rank=False),
        "cos-bin raw": gen(sim_cosine_bin),
        "jaccard raw": gen(sim_jaccard),
        "overlap-tf raw": gen(sim_overlap_tf),
        "overlap raw degree": gen(sim_overlap, rank=False),
    }
    return dict(extra, **{
        "lead": lambda ss: [-i for i in range(len(ss))],
        "length (words)": lambda ss: [len(words(s, keep_stop=True)) for s in ss],
        "textrank raw": tr(False),
        "textrank stem": tr(True),
        "textrank raw +stop": tr(False, True),
        "textrank cos-tf raw": tr(False, simf=sim_cosine_tf),
        "textrank cos-idf raw": tr_idf(False),
        "textrank cos-idf stem": tr_idf(True),
        "freq sum raw": fr(False),
        "freq sum stem": fr(True),
        "freq mean raw": fr(False, True),
        "freq sum raw +stop": fr(False, False, True),
        "centroid raw": cen(False),
    })


def kendall(order_a, score):
    """tau between reference order (earlier = better) and scores."""
    c = d = 0
    for x in range(len(order_a)):
        for y in range(x + 1, len(order_a)):
            sa, sb = score[order_a[x]], score[order_a[y]]
            if sa > sb:
                c += 1
            elif sa < sb:
                d += 1
    return c, d


def load(eval_dir, half):
    recs = harness.load(eval_dir, "bbc_news_summary.dev.jsonl", 0)
    if half == "even":
        recs = recs[0::2]
    elif half == "odd":
        recs = recs[1::2]
    return recs


def ref_index(ss, ref):
    norm = [s.strip() for s in ss]
    out = []
    for r in ref:
        r = r.strip()
        k = next((i for i, s in enumerate(norm) if s == r), -1)
        if k < 0:
            k = next((i for i, s in enumerate(norm) if r in s or s in r), -1)
        out.append(k)
    return out


def evaluate(recs, fn):
    tot = collections.Counter()
    for rec in recs:
        ss = rouge.plain_sentences(rec["text"])
        ref = rec["meta"]["summary_sents"]
        ri = [i for i in ref_index(ss, ref) if i >= 0]
        sc = fn(ss)
        order = sorted(range(len(ss)), key=lambda i: (-sc[i], i))
        m = len(ri)
        tot["hit"] += len(set(order[:m]) & set(ri))
        tot["m"] += m
        c, d = kendall(ri, sc)
        tot["c"] += c
        tot["d"] += d
        k = harness.budget("sum40", rec["text"])
        pick = sorted(order[:k])
        res = harness.score("sum40", [ss[i] for i in pick], harness.references("bbc", "sum40", rec))
        tot["r1"] += res["1"][2]
        tot["r2"] += res["2"][2]
    n = max(1, len(recs))
    return (100 * tot["hit"] / max(1, tot["m"]),
            (tot["c"] - tot["d"]) / max(1, tot["c"] + tot["d"]),
            100 * tot["r1"] / n, 100 * tot["r2"] / n)


def precis_ranking(lib):
    """A scorer from precis's ranks: each plain sentence scores minus the
    rank of precis's sentence of the same text (or holding it, or held by
    it); one precis does not have scores below every ranked one."""
    import summary_diag
    precis = harness.Precis(lib)

    def f(ss):
        text = "\n\n".join(ss)
        ps = summary_diag.sentences(precis, text, "en", 1)
        out = []
        for s in ss:
            s = s.strip()
            r = next((p[1] for p in ps if p[0].strip() == s), None)
            if r is None:
                r = next((p[1] for p in ps if s in p[0] or p[0].strip() in s), 10 ** 6)
            out.append(-float(r))
        return out
    return f


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval", default=harness.DEFAULT_EVAL)
    ap.add_argument("--half", choices=["even", "odd"])
    ap.add_argument("--only", default="", help="comma-separated scorer names")
    ap.add_argument("--lib", help="also precis's ranking (its sentences by text)")
    args = ap.parse_args()
    recs = load(args.eval, args.half)
    want = set(args.only.split(",")) if args.only else None
    print(f"{'scorer':24} {'P@ref':>6} {'tau':>6} {'R1':>6} {'R2':>6}   ({len(recs)} docs)")
    table = scorers()
    if args.lib:
        table = dict({"precis rank": precis_ranking(args.lib)}, **table)
    for name, fn in table.items():
        if want and name not in want:
            continue
        p, tau, r1, r2 = evaluate(recs, fn)
        print(f"{name:24} {p:6.2f} {tau:6.3f} {r1:6.2f} {r2:6.2f}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
