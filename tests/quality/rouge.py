"""ROUGE as ../shared/eval/PROTOCOL.md defines it, for the quality harness.

English follows ROUGE-1.5.5: lower-case; every character outside
[A-Za-z0-9-] becomes a space and '-' a token of its own; tokens that do not
start with [a-z0-9$] are dropped; with stemming, tokens longer than three
characters go through the original Porter stemmer (Snowball's "porter",
from libstemmer, the library precis itself links). ROUGE-N counts clipped
n-gram matches across sentence boundaries; ROUGE-L is the summary-level
union LCS over the lines; several references are pooled (ROUGE's -f A:
hits and counts summed over references); -b N cuts the text to its first N
bytes first. French and Portuguese use Unicode ROUGE (\\w+ runs, Unicode
lower-case, no stemming, LCS over the whole text, best reference by
ROUGE-1); Chinese uses character ROUGE (every letter or digit a token).

Scores are (recall, precision, f1) triples in [0, 1].
"""
import ctypes
import ctypes.util
import os
import re
from collections import Counter

# ------------------------------------------------------------------ stemming


class Porter:
    """Snowball's "porter" algorithm through libstemmer, memoised."""

    def __init__(self):
        name = ctypes.util.find_library("stemmer") or "libstemmer.so.0d"
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            lib = ctypes.CDLL("libstemmer.so.0d")
        lib.sb_stemmer_new.restype = ctypes.c_void_p
        lib.sb_stemmer_new.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        lib.sb_stemmer_stem.restype = ctypes.c_void_p
        lib.sb_stemmer_stem.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.sb_stemmer_length.restype = ctypes.c_int
        lib.sb_stemmer_length.argtypes = [ctypes.c_void_p]
        self._lib = lib
        self._st = lib.sb_stemmer_new(b"porter", b"UTF_8")
        if not self._st:
            raise RuntimeError("libstemmer has no 'porter' algorithm")
        self._cache = {}

    def __call__(self, word):
        s = self._cache.get(word)
        if s is None:
            b = word.encode()
            p = self._lib.sb_stemmer_stem(self._st, b, len(b))
            n = self._lib.sb_stemmer_length(self._st)
            s = ctypes.string_at(p, n).decode()
            self._cache[word] = s
        return s


_porter = None
_exceptions = None
WORDNET = "/usr/share/wordnet"


def wordnet_exceptions(folder=WORDNET):
    """ROUGE-1.5.5's -m first looks a word up in WordNet's exception lists
    (irregular forms: "sought" -> "seek") and only then stems it. ROUGE
    ships WordNet 2.0's lists; Debian's wordnet-base has 3.0's, which differ
    in a handful of entries. Empty if the files are missing."""
    exc = {}
    for pos in ("adj", "adv", "noun", "verb"):
        try:
            with open(os.path.join(folder, pos + ".exc"), encoding="utf-8") as f:
                for line in f:
                    w = line.split()
                    if len(w) >= 2:
                        exc[w[0]] = w[1]
        except OSError:
            pass
    return exc


def porter(word):
    """ROUGE's MorphStem: the exception table, else Porter."""
    global _porter, _exceptions
    if _porter is None:
        _porter = Porter()
        _exceptions = wordnet_exceptions()
    base = _exceptions.get(word)
    return base if base is not None else _porter(word)


# ------------------------------------------------------------------ tokens

_NOT_ROUGE = re.compile(r"[^a-z0-9-]")
_KEEP = re.compile(r"^[a-z0-9$]")


def tokens_en(text, stem=True):
    """ROUGE-1.5.5's tokens of one line."""
    text = text.lower().replace("-", " - ")
    text = _NOT_ROUGE.sub(" ", text)
    out = []
    for w in text.split():
        if not _KEEP.match(w):
            continue
        if stem and len(w) > 3:
            w = porter(w)
        out.append(w)
    return out


_WORD = re.compile(r"\w+")


def tokens_unicode(text):
    return _WORD.findall(text.lower())


def tokens_chars(text):
    return [c for w in _WORD.findall(text.lower()) for c in w]


def cut_bytes(text, limit):
    """The first `limit` bytes of the text, whitespace runs read as one
    space (ROUGE joins the lines with a space before it cuts)."""
    b = " ".join(text.split()).encode()[:limit]
    return b.decode("utf-8", "ignore")


# ------------------------------------------------------------------ scores


def _prf(hit, ref_total, peer_total):
    r = hit / ref_total if ref_total else 0.0
    p = hit / peer_total if peer_total else 0.0
    f = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return (r, p, f)


def ngrams(toks, n):
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def ngram_hits(peer, ref, n):
    """(hits, ref count, peer count) of n-grams over token lists."""
    p, r = ngrams(peer, n), ngrams(ref, n)
    hit = sum(min(c, p[g]) for g, c in r.items() if g in p)
    return hit, sum(r.values()), sum(p.values())


def _lcs_table(a, b):
    n, m = len(a), len(b)
    t = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        ai, ti, tp = a[i - 1], t[i], t[i - 1]
        for j in range(1, m + 1):
            if ai == b[j - 1]:
                ti[j] = tp[j - 1] + 1
            else:
                ti[j] = ti[j - 1] if ti[j - 1] > tp[j] else tp[j]
    return t


def lcs_len(a, b):
    if not a or not b:
        return 0
    return _lcs_table(a, b)[len(a)][len(b)]


def _lcs_positions(a, b):
    """Positions in a of one LCS of a and b (ROUGE-1.5.5's back-trace)."""
    t = _lcs_table(a, b)
    i, j, pos = len(a), len(b), []
    while i > 0 and j > 0:
        if a[i - 1] == b[j - 1]:
            pos.append(i - 1)
            i -= 1
            j -= 1
        elif t[i - 1][j] >= t[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return pos


def union_lcs_hits(peer_lines, ref_lines):
    """Summary-level LCS (Lin 2004, ROUGE-1.5.5): for each reference line the
    union of its LCS hits with every peer line, each token counted at most
    as often as it is left in both summaries."""
    ref_left = Counter(w for line in ref_lines for w in line)
    peer_left = Counter(w for line in peer_lines for w in line)
    hit = 0
    for r in ref_lines:
        hits = set()
        for p in peer_lines:
            hits.update(_lcs_positions(r, p))
        for k in sorted(hits):
            w = r[k]
            if ref_left[w] > 0 and peer_left[w] > 0:
                hit += 1
                ref_left[w] -= 1
                peer_left[w] -= 1
    return hit, sum(len(x) for x in ref_lines), sum(len(x) for x in peer_lines)


def rouge_en(peer_lines, refs, byte_limit=0, stem=True):
    """ROUGE-1/2/L of peer (a list of sentences) against refs (a list of
    references, each a list of sentences), ROUGE-1.5.5 style. Returns a dict
    {'1': (r, p, f), '2': ..., 'L': ...}."""
    def prep(lines):
        lines = [" ".join(x.split()) for x in lines]
        lines = [x for x in lines if x]
        if byte_limit:
            # -b: ROUGE joins the lines and keeps the first N bytes
            lines = [cut_bytes(" ".join(lines), byte_limit)]
        return [tokens_en(x, stem) for x in lines]

    peer = prep(peer_lines)
    peer_flat = [w for x in peer for w in x]
    res = {}
    for n in (1, 2):
        h = rt = pt = 0
        for ref in refs:
            rf = [w for x in prep(ref) for w in x]
            a, b, c = ngram_hits(peer_flat, rf, n)
            h, rt, pt = h + a, rt + b, pt + c
        res[str(n)] = _prf(h, rt, pt)
    h = rt = pt = 0
    for ref in refs:
        a, b, c = union_lcs_hits(peer, prep(ref))
        h, rt, pt = h + a, rt + b, pt + c
    res["L"] = _prf(h, rt, pt)
    return res


def rouge_unicode(peer_text, refs, chars=False):
    """Unicode (or, with chars, character) ROUGE-1/2/L of one output text
    against refs (strings); the best reference by ROUGE-1 F1."""
    tok = tokens_chars if chars else tokens_unicode
    peer = tok(peer_text)
    best = None
    for ref in refs:
        rf = tok(ref)
        res = {}
        for n in (1, 2):
            res[str(n)] = _prf(*ngram_hits(peer, rf, n))
        res["L"] = _prf(lcs_len(peer, rf), len(rf), len(peer))
        if best is None or res["1"][2] > best["1"][2]:
            best = res
    if best is None:
        z = (0.0, 0.0, 0.0)
        best = {"1": z, "2": z, "L": z}
    return best


# ------------------------------------------------------------------ budgets

_PLAIN = re.compile(r"(?<=[.!?\u3002\uff01\uff1f])[\"'\u201d\u2019)]*\s+|\n\s*\n")


def plain_sentences(text):
    """PROTOCOL.md's plain splitter: the one that sets every budget."""
    return [p for p in _PLAIN.split(text) if p and p.strip()]
