#!/usr/bin/env python3
"""Compile core/data/ (languages.txt, <code>.stop, <code>.abbrev) into C.

Usage: gen_data.py DATA_DIR OUTPUT.c
Abbreviations of several words or with a hyphen go to a second list, longest
first, that the sentence splitter matches as text.
Lists are sorted byte-wise; the one-word abbreviations are also placed in
an open-addressing table that the library probes, and the stop words in
another (below).
keyphrase.txt (filler words and the words that come before verbs, per
language) and the stop words make one more open-addressing table per
language, each word's key-phrase flags and stop mark in its record, so
that the tokenizer's one probe answers both.
In a .stop file, a line that begins with "+" lists stop words that the
sentence graph counts as terms ("graph words"): the words of one such line
are one term, numbered from 1 in the order of the lines: a short list per
language of the graph words and their terms (lang.c, pr_lang_graph_word()),
behind a 64-bit filter of them (graph_bit()).
"""
import os
import sys
import unicodedata

KINDS = {"title": 1, "general": 2, "number": 3}
# a key-phrase word's flags: PR_KP_* in core/src/lang.h
PR_KP = {"filler": 1, "verb_next": 2, "title": 4, "always": 16, "before_infinitive": 64}
# a stop word's mark in the same records: PR_WORD_STOP in core/src/lang.h
PR_WORD_STOP = 256
# at most this many graph terms a language: PR_GRAPH_TERMS_MAX in core/src/lang.h
GRAPH_TERMS_MAX = 16


def read_lines(path):
    if not os.path.exists(path):
        return []
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
            if line:
                out.append(line)
    return out


def fold(w):
    """As the library folds words: NFKC, case folding, NFC."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFKC", w).casefold())


def c_str(s):
    b = s.encode("utf-8")
    return '"' + "".join(chr(c) if 32 <= c < 127 and chr(c) not in '"\\?' else "\\%03o" % c for c in b) + '"'


def byte_sorted(words):
    """words sorted byte-wise, as every list is."""
    return sorted(words, key=lambda w: w.encode("utf-8"))


def static_array(ctype, name, items):
    """The C lines of a static array of the already formatted items (one
    0 when there are none: C has no empty array)."""
    body = ["\t%s," % x for x in items] or ["\t0,"]
    return ["static const %s %s[] = {" % (ctype, name)] + body + ["};"]


def word_hash(b):
    """pr_stop_hash() in core/src/lang.h: the same function, so the tables
    generated here are probed by the library. Four bytes a round, read
    little-endian; the bytes left over make a last round with the last
    four bytes (or, under four, all of them); the length seeds it."""
    def rnd(h, w):
        return ((((h << 5) | (h >> 27)) & 0xFFFFFFFF) ^ w) * 0x9E3779B1 & 0xFFFFFFFF
    n = len(b)
    h, i = n, 0
    while i + 4 <= n:
        h = rnd(h, int.from_bytes(b[i:i + 4], "little"))
        i += 4
    if i < n:
        h = rnd(h, int.from_bytes(b[max(n - 4, 0):], "little"))
    return h ^ (h >> 16)


def stop_tag(b):
    """pr_slot_check() in core/src/hash.h: the hash's top 24 bits and the
    length (1 to 254, never 0, so 0 marks an empty slot)."""
    return (word_hash(b) & 0xFFFFFF00) | len(b)


def open_slots(words, what, hash_of=None):
    """Where each word goes in an open-addressing table under half full,
    probed linearly from word_hash(), the words placed in the order given:
    slots[i] is the index in words of the word at slot i, or None."""
    size = 1
    while size < 2 * len(words):
        size *= 2
    slots = [None] * size
    for k, w in enumerate(words):
        b = w.encode("utf-8")
        if not 0 < len(b) < 255:
            sys.exit("gen_data.py: %s %r: 1 to 254 bytes, please" % (what, w))
        h = (hash_of or word_hash)(b) & (size - 1)
        while slots[h] is not None:
            h = (h + 1) & (size - 1)
        slots[h] = k
    return slots


def c_chars(b):
    """The bytes b as C character constants: a pool is too long for one
    string literal (-Woverlength-strings)."""
    return "".join("'%s', " % (chr(c) if 32 <= c < 127 and chr(c) not in "'\\" else "\\%03o" % c)
                   for c in b)


def pool_table(prefix, rtype, slots, fields, what, storage="", off_bits=32):
    """An open-addressing table as a record per slot (type rtype: the tag
    of stop_tag(), the word's offset in the pool, then fields(w)) and a
    pool of the words in slot order, each followed by a NUL. A probe
    reads the records alone until a tag agrees, and a hit one place of
    the pool more, near its neighbours'. Offset 0 is a NUL of its own,
    for the empty slots. slots[i]: the word at slot i, or None. Returns
    the C lines of prefix_pool[] and prefix_slot[]."""
    pool = ["\t0,"]
    offs, size = {}, 1
    for w in slots:
        if w is not None:
            b = w.encode("utf-8")
            offs[w] = size
            pool.append("\t%s0," % c_chars(b))
            size += len(b) + 1
    if size >= 1 << off_bits:
        sys.exit("gen_data.py: %ss take more than %d-bit offsets" % (what, off_bits))
    out = ["%sconst char %s_pool[] = {" % (storage, prefix)] + pool + ["};"]
    # a cache line holds whole records (8 or 16 bytes)
    out.append("%s_Alignas(64) const %s %s_slot[] = {" % (storage, rtype, prefix))
    for w in slots:
        tag = stop_tag(w.encode("utf-8")) if w is not None else 0
        out.append("\t{ %#x, %d, %s }," % (tag, offs.get(w, 0), fields(w)))
    out.append("};")
    return out


def lang_table(prefix, words, what, flags):
    """One language's stop words and key-phrase words with their flags
    (PR_KP_*, PR_WORD_STOP) as a table of pr_word_slot records under half
    full: the lookup a document in that language makes for its words, in
    a few kilobytes rather than the all-languages table's hundreds.
    Returns the C lines and the mask."""
    slots = [words[k] if k is not None else None for k in open_slots(words, what)]
    out = pool_table(prefix, "pr_word_slot", slots,
                     lambda w: "%d" % (flags[w] if w is not None else 0),
                     what, "static ", 16)
    return out, len(slots) - 1


def abbrev_table(keys):
    """One language's one-word abbreviations as an open-addressing table
    of tags (stop_tag()) and indexes into its sorted list (and kinds),
    under half full."""
    if len(keys) >= 65536:
        sys.exit("gen_data.py: more abbreviations than 16-bit indexes hold")
    slots = open_slots(keys, "abbreviation")
    tags = [stop_tag(keys[k].encode("utf-8")) if k is not None else 0 for k in slots]
    words = [k if k is not None else 0 for k in slots]
    return tags, words, len(slots) - 1


def stop_table(stop_lists):
    """Every stop word of every language, with a bit per language that holds
    it (bit i = pr_languages[i]): one probe answers for all languages at once,
    which is what language detection asks."""
    if len(stop_lists) > 64:
        sys.exit("gen_data.py: more than 64 languages do not fit the stop-word masks")
    masks = {}
    for i, stop in enumerate(stop_lists):
        for w in stop:
            masks[w] = masks.get(w, 0) | (1 << i)
    keys = byte_sorted(masks)
    slots = [keys[k] if k is not None else None for k in open_slots(keys, "stop word")]
    size = len(slots)
    out = ["/* All stop words: %d words in %d slots (open addressing, pr_stop_hash()). */" % (len(masks), size)]
    # a record holds the tag, the offset and the languages: a hit reads
    # its record and its word, nothing else
    out += pool_table("pr_stop_any", "pr_any_slot", slots,
                      lambda w: "%#xull" % (masks[w] if w is not None else 0), "stop word")
    out.append("const size_t pr_stop_any_mask = %d;" % (size - 1))
    out += bloom_filter("pr_stop_any_filter", keys)[0]
    out += short_stop_table(keys, masks)
    out.append("")
    return out


def short_hash(b):
    """pr_stop_short_hash() in core/src/lang.h: the hash of a word of one to
    eight bytes held as one number, its first byte lowest."""
    f = int.from_bytes(b, "little")
    f ^= f >> 29
    return ((f * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF) >> 32


def short_stop_table(keys, masks):
    """The stop words of one to eight ASCII bytes again, for language
    detection, which looks most words up by their folded bytes held as
    one number (detect.c, short_word_probe()): a record per slot, the
    word as that number (its first byte lowest, zeros after it; 0 for an
    empty slot) and its languages. A probe compares the numbers and
    reads nothing else, in a table half the size of the whole one's,
    behind a filter of its own."""
    short = [w for w in keys if w.isascii() and len(w) <= 8]
    slots = open_slots(short, "stop word", short_hash)
    out = ["/* Stop words of up to eight ASCII bytes: %d words in %d slots. */" % (
        len(short), len(slots))]
    out.append("_Alignas(64) const pr_short_slot pr_stop_short_slot[] = {")
    for k in slots:
        if k is None:
            out.append("\t{ 0, 0 },")
        else:
            b = short[k].encode("ascii")
            out.append("\t{ %#xull, %#xull }," % (int.from_bytes(b, "little"), masks[short[k]]))
    out.append("};")
    out.append("const size_t pr_stop_short_mask = %d;" % (len(slots) - 1))
    out.append("const size_t pr_stop_short_empty = %d;" % slots.index(None))
    # and a filter of their own, half the size of the whole table's: the
    # fewer of its lines detection waits for
    out += bloom_filter("pr_stop_short_filter", short, hash_of=short_hash)[0]
    return out


def filter_place(h, mask):
    """pr_filter_may_hold() in core/src/lang.h: the 64-bit word of the
    filter a hash picks and the two bits it sets there."""
    return (h >> 16) & mask, (1 << (h >> 26)) | (1 << (h & 63))


def bloom_filter(name, words, storage="", hash_of=None):
    """A Bloom filter of words, eight bits a word, two of them set in one
    64-bit word: most words asked about are not listed, and the filter
    (for all stop words eight kilobytes, the table's 1/32) tells nearly
    all of them so without a probe of the table."""
    n = 1
    # at most 1024 words: hash bits 16 to 25 pick one, filter_place()
    while n * 8 < len(words) and n < 1024:
        n *= 2
    bits = [0] * n
    for w in words:
        k, b = filter_place((hash_of or word_hash)(w.encode("utf-8")), n - 1)
        bits[k] |= b
    out = ["%sconst uint64_t %s[] = {" % (storage, name)]
    out += ["\t%#xull," % b for b in bits]
    out.append("};")
    if not storage:
        out.append("const size_t %s_mask = %d;" % (name, n - 1))
    return out, n - 1


def graph_bit(b):
    """pr_graph_bit() in core/src/lang.h: the bit of a graph word in its
    language's graph_filter, from its first and last bytes and length."""
    return (b[0] + 3 * b[-1] + 5 * len(b)) & 63


def stop_words(path, code):
    """A .stop file's words, folded and sorted, and its graph words: for
    each word of a "+" line, the line's term number (1 for the first such
    line, 2 for the next, ...)."""
    words, graph = set(), {}
    for line in read_lines(path):
        if not line.startswith("+"):
            words.add(fold(line))
            continue
        term = len(set(graph.values())) + 1
        if term > GRAPH_TERMS_MAX:
            sys.exit("%s.stop: more than %d graph terms" % (code, GRAPH_TERMS_MAX))
        forms = [fold(w) for w in line[1:].split()]
        if not forms:
            sys.exit("%s.stop: a \"+\" line without words" % code)
        for w in forms:
            if w in graph:
                sys.exit("%s.stop: graph word %r on two lines" % (code, w))
            graph[w] = term
            words.add(w)
    return byte_sorted(words), graph


def keyphrase_table(path, codes, stop_lists):
    """keyphrase.txt: for each word, a bit per language (bit i =
    pr_languages[i]) where it is a filler word, one where a verb follows it
    one where it is a title that heads a name and one where it is filler
    even when capitalized (days, months); and the languages that
    capitalize every noun. Returns the C lines, with a table per language
    of its key-phrase words and stop words, their flags (PR_KP_*, and
    PR_WORD_STOP for a stop word) behind a Bloom filter, and per language
    the table's and the filter's masks."""
    filler, verb, title, always, capitalized, lang = {}, {}, {}, {}, 0, None
    suffixes, verb_endings, before_infinitive = {}, {}, {}
    for line in read_lines(path):
        if line.startswith("[") and line.endswith("]"):
            lang = line[1:-1]
            if lang not in codes:
                sys.exit("keyphrase.txt: unknown language %r" % lang)
            continue
        if lang is None:
            sys.exit("keyphrase.txt: words before the first [code]")
        bit = 1 << codes.index(lang)
        if line == "!capitalized-nouns":
            capitalized |= bit
            continue
        if line.startswith("~"):
            suffixes.setdefault(lang, []).extend(fold(w) for w in line[1:].split())
            continue
        if line.startswith("="):
            verb_endings.setdefault(lang, []).extend(fold(w) for w in line[1:].split())
            continue
        into = filler
        if line.startswith(">"):
            into, line = verb, line[1:]
        elif line.startswith("^"):
            into, line = title, line[1:]
        elif line.startswith("@"):
            into, line = always, line[1:]
        elif line.startswith("<"):
            into, line = before_infinitive, line[1:]
        for w in line.split():
            w = fold(w)
            into[w] = into.get(w, 0) | bit
            if into is always:
                filler[w] = filler.get(w, 0) | bit
    # per language, each word's flags (lang.h, PR_KP_*, PR_WORD_STOP) in
    # a table of its own, which a document's words probe
    out, masks = [], []
    for i, code in enumerate(codes):
        flags = {w: PR_WORD_STOP for w in stop_lists[i]}
        for table, flag in ((filler, PR_KP["filler"]), (verb, PR_KP["verb_next"]),
                            (title, PR_KP["title"]), (always, PR_KP["always"]),
                            (before_infinitive, PR_KP["before_infinitive"])):
            for w, langs in table.items():
                if langs >> i & 1:
                    flags[w] = flags.get(w, 0) | flag
        words = byte_sorted(flags)
        out.append("/* Key-phrase and stop words of %s (keyphrase.txt, %s.stop): %d */" % (
            code, code, len(words)))
        ident = code.replace("-", "_")
        lines, mask = lang_table("word_" + ident, words, "keyphrase.txt or stop word", flags)
        out += lines
        # most words of a document are not listed
        lines, fmask = bloom_filter("word_%s_filter" % ident, words, "static ")
        out += lines
        masks.append((mask, fmask))
    for name, table, what in (("pr_kp_suffixes", suffixes, "filler words"),
                              ("pr_kp_verb_endings", verb_endings, "infinitives")):
        out.append("/* Endings of %s, per language (pr_languages order), "
                   "NUL-separated, an empty one last; NULL for none. */" % what)
        out.append("const char *const %s[] = {" % name)
        for c in codes:
            sfx = table.get(c)
            out.append("\t%s," % (c_str("\0".join(sfx) + "\0")[:-1] + '\\000"' if sfx else "NULL"))
        out.append("};")
    out.append("const unsigned long long pr_kp_capitalized_nouns_langs = %#xull;" % capitalized)
    out.append("")
    return out, masks


def main():
    data_dir, out_path = sys.argv[1], sys.argv[2]
    langs = []
    stop_lists = []
    for line in read_lines(os.path.join(data_dir, "languages.txt")):
        code, stemmer, name = line.split(None, 2)
        langs.append((code, stemmer, name))
    out = ['/* Generated by core/data/gen_data.py from core/data/: do not edit. */',
           '#include "lang.h"', '']
    for code, stemmer, name in langs:
        ident = code.replace("-", "_")
        stop, graph = stop_words(os.path.join(data_dir, code + ".stop"), code)
        stop_lists.append(stop)
        abbr, multi, ordinal = {}, {}, 0
        for line in read_lines(os.path.join(data_dir, code + ".abbrev")):
            word, kind = line.rsplit(None, 1)
            if kind not in KINDS:
                sys.exit("%s.abbrev: unknown kind %r" % (code, kind))
            if word == "<ordinal>":
                ordinal = 1
                continue
            word = " ".join(fold(word).split())
            # several words ("z. b") or a hyphen ("j.-c"): matched as text
            # from an earlier word start, not as the one word before a stop
            if " " in word or "-" in word:
                multi[word] = KINDS[kind]
            else:
                abbr[word] = KINDS[kind]
        keys = byte_sorted(abbr)
        mkeys = sorted(multi, key=lambda w: (-len(w.encode("utf-8")), w.encode("utf-8")))
        out += static_array("char *const", "stop_" + ident, [c_str(w) for w in stop])
        out += static_array("char *const", "abbrev_" + ident, [c_str(w) for w in keys])
        out += static_array("unsigned char", "abbrev_kind_" + ident, ["%d" % abbr[w] for w in keys])
        tags, words, abbrev_mask = abbrev_table(keys)
        out += static_array("uint32_t", "abbrev_tag_" + ident, ["%#x" % t for t in tags])
        out += static_array("uint16_t", "abbrev_word_" + ident, ["%d" % k for k in words])
        out += static_array("char *const", "abbrev_multi_" + ident, [c_str(w) for w in mkeys])
        out += static_array("unsigned char", "abbrev_multi_kind_" + ident,
                            ["%d" % multi[w] for w in mkeys])
        out.append("")
        gkeys = byte_sorted(graph)
        out += static_array("char *const", "graph_" + ident, [c_str(w) for w in gkeys])
        out += static_array("unsigned char", "graph_len_" + ident,
                            ["%d" % len(w.encode("utf-8")) for w in gkeys])
        out += static_array("unsigned char", "graph_term_" + ident, ["%d" % graph[w] for w in gkeys])
        graph_filter = 0
        for w in gkeys:
            graph_filter |= 1 << graph_bit(w.encode("utf-8"))
        out.append("/* %s: %d stop words (%d graph words in %d terms), %d abbreviations */" % (
            name, len(stop), len(graph), len(set(graph.values())), len(keys) + len(mkeys)))
        out.append("")
        out.append("#define LANG_%s(word_mask, word_filter_mask) { %s, %s, %s, stop_%s, %d, abbrev_%s, abbrev_kind_%s, %d, "
                   "abbrev_multi_%s, abbrev_multi_kind_%s, %d, %d, graph_%s, graph_len_%s, graph_term_%s, %d, %d, %#xull, "
                   "abbrev_tag_%s, abbrev_word_%s, %d, word_%s_slot, word_%s_pool, word_mask, "
                   "word_%s_filter, word_filter_mask }" % (
            ident, c_str(code), c_str(name), "NULL" if stemmer == "-" else c_str(stemmer),
            ident, len(stop), ident, ident, len(keys), ident, ident, len(mkeys), ordinal,
            ident, ident, ident, len(gkeys),
            len(set(graph.values())),
            graph_filter,
            ident, ident, abbrev_mask,
            ident, ident, ident))
        out.append("")
    out += stop_table(stop_lists)
    lines, word_masks = keyphrase_table(os.path.join(data_dir, "keyphrase.txt"), [c for c, _, _ in langs],
                                     stop_lists)
    out += lines
    out.append("const pr_lang pr_languages[] = {")
    out += ["\tLANG_%s(%d, %d)," % (c.replace("-", "_"), m, f) for (c, _, _), (m, f) in zip(langs, word_masks)]
    out.append("};")
    out.append("const size_t pr_nlanguages = %d;" % len(langs))
    out.append("const char *const pr_language_codes[] = {")
    out += ["\t%s," % c_str(c) for c, _, _ in langs]
    out.append("\tNULL,")
    out.append("};")
    # language detection reads every language's code for each text: as
    # numbers in one small array, not a string behind each pr_lang record
    out.append("const uint16_t pr_language_code2[] = {")
    out += ["\t%#x," % (ord(c[0]) << 8 | ord(c[1]) if len(c) == 2 else 0) for c, _, _ in langs]
    out.append("};")
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
