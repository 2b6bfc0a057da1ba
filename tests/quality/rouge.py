"""ROUGE as ../shared/eval/PROTOCOL.md defines it, for the quality harness.

English follows ROUGE-1.5.5 (the Perl script) rule for rule, on the bytes of
the peer and model "files" it would read (one sentence per line):

- reading: each line is one sentence; empty lines are skipped; A-Z (ASCII
  only) is lower-cased.
- -b N (readText): the lines are taken in order while the bytes taken so far
  plus the next line stay under N; the line that reaches N is cut to the
  bytes still allowed and reading stops. The spaces that join the lines are
  not counted, and whitespace inside a line is counted as it stands. ROUGE-L
  reads the same file with its own routine (readText_LCS), which never adds
  up what it took: every line shorter than N is kept whole, the first line of
  N bytes or more is cut to N bytes, and reading stops there.
- tokens: '-' becomes a token of its own, every other byte outside
  [A-Za-z0-9-] a space (so non-ASCII letters are deleted); tokens that do not
  start with [a-z0-9$] are dropped (every '-').
- -m: a token longer than three characters is looked up in WordNet's
  exception lists ("sought" -> "seek") and otherwise goes through ROUGE's own
  Porter stemmer: Martin Porter's Perl release with its two departures from
  the 1980 paper (step 2 "bli" -> "ble", "logi" -> "log") and Chin-Yew Lin's
  change to step 4 (-ement/-ment/-ent tried one after the other). This is
  not Snowball's "porter" ("agreement" -> "agreem" here).
- ROUGE-N counts clipped n-gram matches across sentence boundaries; ROUGE-L
  is the summary-level union LCS over the lines, each hit clipped by the
  unigram counts of the two texts as read by readText; several references
  are pooled (-f A: hits and counts summed over references).

French and Portuguese use Unicode ROUGE (\\w+ runs, Unicode lower-case, no
stemming, LCS over the whole text, best reference by ROUGE-1); Chinese uses
character ROUGE (every letter or digit a token).

Scores are (recall, precision, f1) triples in [0, 1], not rounded (ROUGE
prints each document's scores to 5 decimals; the difference in a mean over
documents is below 0.001 points).
"""
import os
import re
from collections import Counter

# ------------------------------------------------------------------ stemming
#
# ROUGE-1.5.5's Porter stemmer, written here from its rules. Letters are
# consonants except a, e, i, o, u, and except a y that follows a consonant;
# a word's measure m counts its vowel-consonant sequences ([C](VC)^m[V]).

_VOWELS = frozenset("aeiou")


def _is_cons(w, i):
    ch = w[i]
    if ch in _VOWELS:
        return False
    if ch == "y":
        return i == 0 or not _is_cons(w, i - 1)
    return True


def _measure(w):
    m, i, n = 0, 0, len(w)
    while i < n and _is_cons(w, i):
        i += 1
    while i < n:
        while i < n and not _is_cons(w, i):
            i += 1
        if i >= n:
            break
        while i < n and _is_cons(w, i):
            i += 1
        m += 1
    return m


def _has_vowel(w):
    return any(not _is_cons(w, i) for i in range(len(w)))


def _double_cons(w):
    return len(w) >= 2 and w[-1] == w[-2] and _is_cons(w, len(w) - 1)


def _cvc1(w):
    """The whole of w is consonants, one vowel, one consonant other than
    w, x or y (the Perl release's form of m = 1 and *o)."""
    if len(w) < 3 or w[-1] in "wxy" or not _is_cons(w, len(w) - 1):
        return False
    if _is_cons(w, len(w) - 2) or not _is_cons(w, len(w) - 3):
        return False
    return all(_is_cons(w, i) for i in range(len(w) - 2))


_STEP2 = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance",
    "izer": "ize", "bli": "ble", "alli": "al", "entli": "ent", "eli": "e",
    "ousli": "ous", "ization": "ize", "ation": "ate", "ator": "ate",
    "alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous",
    "aliti": "al", "iviti": "ive", "biliti": "ble", "logi": "log",
}
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic",
          "ical": "ic", "ful": "", "ness": ""}
_STEP4 = ("al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement",
          "ou", "ism", "ate", "iti", "ous", "ive", "ize")


def _longest_suffix(w, suffixes):
    best = ""
    for s in suffixes:
        if len(s) > len(best) and w.endswith(s):
            best = s
    return best


def rouge_porter(word):
    """ROUGE-1.5.5's stem() of one lower-case word."""
    if len(word) < 3:
        return word
    y = word[0] == "y"
    w = "Y" + word[1:] if y else word   # an initial y is a consonant
    # step 1a
    if w.endswith("sses") or w.endswith("ies"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    # step 1b
    if w.endswith("eed"):
        if _measure(w[:-3]) > 0:
            w = w[:-1]
    else:
        for suf in ("ed", "ing"):
            if w.endswith(suf) and _has_vowel(w[:-len(suf)]):
                w = w[:-len(suf)]
                if w.endswith(("at", "bl", "iz")):
                    w += "e"
                elif _double_cons(w) and w[-1] not in "lsz":
                    w = w[:-1]
                elif _cvc1(w):
                    w += "e"
                break
    # step 1c
    if w.endswith("y") and _has_vowel(w[:-1]):
        w = w[:-1] + "i"
    # steps 2 and 3: the longest listed suffix, replaced if m > 0
    for table in (_STEP2, _STEP3):
        s = _longest_suffix(w, table)
        if s and _measure(w[:-len(s)]) > 0:
            w = w[:-len(s)] + table[s]
    # step 4, with the -ement / -ment / -ent rules one after the other
    s = _longest_suffix(w, _STEP4)
    if s and _measure(w[:-len(s)]) > 1:
        w = w[:-len(s)]
    if w.endswith("ment") and _measure(w[:-4]) > 1:
        w = w[:-4]
    if w.endswith("ent"):
        if _measure(w[:-3]) > 1:
            w = w[:-3]
    elif w.endswith(("sion", "tion")) and _measure(w[:-3]) > 1:
        w = w[:-3]
    # step 5
    if w.endswith("e"):
        m = _measure(w[:-1])
        if m > 1 or (m == 1 and not _cvc1(w[:-1])):
            w = w[:-1]
    if w.endswith("ll") and _measure(w) > 1:
        w = w[:-1]
    return "y" + w[1:] if y else w


_exceptions = None
_stems = {}
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
    """ROUGE's MorphStem: the exception table, else ROUGE's Porter."""
    global _exceptions
    s = _stems.get(word)
    if s is None:
        if _exceptions is None:
            _exceptions = wordnet_exceptions()
        s = _exceptions.get(word)
        if s is None:
            s = rouge_porter(word)
        _stems[word] = s
    return s


# ------------------------------------------------------------------ reading
#
# The functions below work on bytes, as the Perl script does.

_NOT_ROUGE = re.compile(rb"[^a-z0-9-]")


def _lines(text):
    """The sentences of one "file": its lines as bytes, A-Z lower-cased,
    empty lines skipped. text is a string (split at newlines) or a list of
    sentences (each of which may still hold newlines)."""
    if isinstance(text, str):
        text = [text]
    out = []
    for s in text:
        for line in s.encode("utf-8").split(b"\n"):
            if line:
                out.append(line.lower())   # bytes.lower() is ASCII only
    return out


def read_text(lines, limit=0):
    """readText: the lines joined by spaces, cut at `limit` bytes (0: no
    limit) without counting the joining spaces."""
    if not limit:
        return b" ".join(lines)
    parts, used = [], 0
    for s in lines:
        if used + len(s) < limit:
            parts.append(s)
            used += len(s)
        else:
            parts.append(s[:limit - used])
            break
    return b" ".join(parts)


def read_text_lcs(lines, limit=0):
    """readText_LCS: the lines for ROUGE-L; with a limit, every line shorter
    than it is kept whole and the first one that is not is cut to `limit`
    bytes and ends the text (the script never adds up what it took)."""
    if not limit:
        return list(lines)
    out = []
    for s in lines:
        if len(s) < limit:
            out.append(s)
        else:
            out.append(s[:limit])
            break
    return out


def _tokens(b, stem):
    b = _NOT_ROUGE.sub(b" ", b.replace(b"-", b" - "))
    out = []
    for w in b.split():
        c = w[0]
        if not (97 <= c <= 122 or 48 <= c <= 57):   # [a-z0-9]
            continue
        w = w.decode("ascii")
        out.append(porter(w) if stem and len(w) > 3 else w)
    return out


def tokens_en(text, stem=True):
    """ROUGE-1.5.5's tokens of one text (its lines joined, no limit)."""
    return _tokens(read_text(_lines(text)), stem)


_WORD = re.compile(r"\w+")


def tokens_unicode(text):
    return _WORD.findall(text.lower())


def tokens_chars(text):
    return [c for w in _WORD.findall(text.lower()) for c in w]


def cut_bytes(text, limit):
    """The first `limit` bytes of the text, whitespace runs read as one
    space; never splits a character (Unicode ROUGE's 75-byte headlines)."""
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


def union_lcs_hits(peer_lines, ref_lines, peer_counts=None, ref_counts=None):
    """Summary-level LCS (Lin 2004, ROUGE-1.5.5): for each reference line the
    union of its LCS hits with every peer line, each token counted at most
    as often as it is left in both texts. The counts are the unigram counts
    of the two texts (ROUGE takes them from readText; by default, those of
    the lines). Returns (hits, reference tokens in the lines)."""
    if peer_counts is None:
        peer_counts = Counter(w for line in peer_lines for w in line)
    if ref_counts is None:
        ref_counts = Counter(w for line in ref_lines for w in line)
    ref_left, peer_left = Counter(ref_counts), Counter(peer_counts)
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
    return hit, sum(len(x) for x in ref_lines)


def rouge_en(peer, refs, byte_limit=0, stem=True):
    """ROUGE-1/2/L of a peer against references, ROUGE-1.5.5 style (-f A;
    -b byte_limit when it is not 0; -m when stem). The peer and each
    reference are what one file would hold: a list of sentences (one per
    line) or a string (its lines). Returns {'1': (r, p, f), '2': ...,
    'L': ...}."""
    def read(text):
        lines = _lines(text)
        toks = _tokens(read_text(lines, byte_limit), stem)
        lcs = [_tokens(x, stem) for x in read_text_lcs(lines, byte_limit)]
        return toks, lcs

    peer_toks, peer_lcs = read(peer)
    models = [read(r) for r in refs]
    res = {}
    for n in (1, 2):
        h = rt = pt = 0
        for model_toks, _ in models:
            a, b, c = ngram_hits(peer_toks, model_toks, n)
            h, rt, pt = h + a, rt + b, pt + c
        res[str(n)] = _prf(h, rt, pt)
    h = rt = pt = 0
    peer_counts = Counter(peer_toks)
    for model_toks, model_lcs in models:
        a, b = union_lcs_hits(peer_lcs, model_lcs, peer_counts, Counter(model_toks))
        h, rt, pt = h + a, rt + b, pt + len(peer_toks)
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
