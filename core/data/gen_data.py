#!/usr/bin/env python3
"""Compile core/data/ (languages.txt, <code>.stop, <code>.abbrev) into C.

Usage: gen_data.py DATA_DIR OUTPUT.c
Abbreviations of several words or with a hyphen go to a second list, longest
first, that the sentence splitter matches as text.
Lists are sorted byte-wise; the stop words and the one-word abbreviations
are also placed in open-addressing tables that the library probes.
keyphrase.txt (filler words and the words that come before verbs, per
language) becomes one more open-addressing table, as the stop words do.
"""
import os
import sys
import unicodedata

KINDS = {"title": 1, "general": 2, "number": 3}


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


def word_hash(b):
    """stop_hash() in core/src/lang.c: the same function, so the tables
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
    """stop_tag() in core/src/lang.c: the hash's top 24 bits and the
    length (1 to 254, never 0, so 0 marks an empty slot)."""
    return (word_hash(b) & 0xFFFFFF00) | len(b)


def open_slots(words, what):
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
        h = word_hash(b) & (size - 1)
        while slots[h] is not None:
            h = (h + 1) & (size - 1)
        slots[h] = k
    return slots


def lang_stop_table(stop, what="stop word"):
    """One language's stop words (or abbreviations) as an open-addressing
    table of tags (stop_tag()) and indexes into its sorted list, under half
    full: the lookup a document in that language makes for each of its
    words, in a few kilobytes rather than the all-languages table's
    hundreds."""
    if len(stop) >= 65536:
        sys.exit("gen_data.py: more %ss than 16-bit indexes hold" % what)
    slots = open_slots(stop, what)
    tags = [stop_tag(stop[k].encode("utf-8")) if k is not None else 0 for k in slots]
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
    keys = sorted(masks, key=lambda w: w.encode("utf-8"))
    slots = [keys[k] if k is not None else None for k in open_slots(keys, "stop word")]
    size = len(slots)
    out = ["/* All stop words: %d words in %d slots (open addressing, stop_hash()). */" % (len(masks), size),
           "const char *const pr_stop_any[] = {"]
    out += ["\t%s," % (c_str(w) if w is not None else "NULL") for w in slots]
    out.append("};")
    # stop_tag() in core/src/lang.c: a probe compares these four bytes
    # (most of the hash and the length) and reads a word only when they
    # agree, so a miss touches this array alone
    out.append("const uint32_t pr_stop_any_tag[] = {")
    out += ["\t%#x," % (stop_tag(w.encode("utf-8")) if w is not None else 0) for w in slots]
    out.append("};")
    out.append("const unsigned long long pr_stop_any_langs[] = {")
    out += ["\t%#xull," % (masks[w] if w is not None else 0) for w in slots]
    out.append("};")
    out.append("const size_t pr_stop_any_mask = %d;" % (size - 1))
    out.append("")
    return out


def keyphrase_table(path, codes):
    """keyphrase.txt: for each word, a bit per language (bit i =
    pr_languages[i]) where it is a filler word, one where a verb follows it
    one where it is a title that heads a name and one where it is filler
    even when capitalized (days, months); and the languages that
    capitalize every noun. Probed with the same
    hash as the stop words."""
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
    words = sorted(set(filler) | set(verb) | set(title) | set(always) | set(before_infinitive), key=lambda w: w.encode("utf-8"))
    slots = [words[k] if k is not None else None for k in open_slots(words, "keyphrase.txt word")]
    size = len(slots)
    out = ["/* Key-phrase words (keyphrase.txt): %d words in %d slots (open addressing, stop_hash()). */"
           % (len(words), size),
           "const char *const pr_kp_word[] = {"]
    out += ["\t%s," % (c_str(w) if w is not None else "NULL") for w in slots]
    out.append("};")
    # as pr_stop_any_tag: a probe reads a word only when its tag agrees
    out.append("const uint32_t pr_kp_word_tag[] = {")
    out += ["\t%#x," % (stop_tag(w.encode("utf-8")) if w is not None else 0) for w in slots]
    out.append("};")
    out.append("const unsigned long long pr_kp_filler_langs[] = {")
    out += ["\t%#xull," % (filler.get(w, 0) if w is not None else 0) for w in slots]
    out.append("};")
    out.append("const unsigned long long pr_kp_verb_next_langs[] = {")
    out += ["\t%#xull," % (verb.get(w, 0) if w is not None else 0) for w in slots]
    out.append("};")
    out.append("const unsigned long long pr_kp_title_langs[] = {")
    out += ["\t%#xull," % (title.get(w, 0) if w is not None else 0) for w in slots]
    out.append("};")
    out.append("const unsigned long long pr_kp_always_langs[] = {")
    out += ["\t%#xull," % (always.get(w, 0) if w is not None else 0) for w in slots]
    out.append("};")
    out.append("const unsigned long long pr_kp_before_infinitive_langs[] = {")
    out += ["\t%#xull," % (before_infinitive.get(w, 0) if w is not None else 0) for w in slots]
    out.append("};")
    for name, table, what in (("pr_kp_suffixes", suffixes, "filler words"),
                              ("pr_kp_verb_endings", verb_endings, "infinitives")):
        out.append("/* Endings of %s, per language (pr_languages order), "
                   "NUL-separated, an empty one last; NULL for none. */" % what)
        out.append("const char *const %s[] = {" % name)
        for c in codes:
            sfx = table.get(c)
            out.append("\t%s," % (c_str("\0".join(sfx) + "\0")[:-1] + '\\000"' if sfx else "NULL"))
        out.append("};")
    out.append("const size_t pr_kp_word_mask = %d;" % (size - 1))
    out.append("const unsigned long long pr_kp_capitalized_nouns_langs = %#xull;" % capitalized)
    out.append("")
    return out


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
        stop = sorted(set(fold(w) for w in read_lines(os.path.join(data_dir, code + ".stop"))),
                      key=lambda w: w.encode("utf-8"))
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
        keys = sorted(abbr, key=lambda w: w.encode("utf-8"))
        mkeys = sorted(multi, key=lambda w: (-len(w.encode("utf-8")), w.encode("utf-8")))
        out.append("static const char *const stop_%s[] = {" % ident)
        out += ["\t%s," % c_str(w) for w in stop] or ["\t0,"]
        out.append("};")
        tags, words, stop_mask = lang_stop_table(stop)
        out.append("static const uint32_t stop_tag_%s[] = {" % ident)
        out += ["\t%#x," % t for t in tags]
        out.append("};")
        out.append("static const uint16_t stop_word_%s[] = {" % ident)
        out += ["\t%d," % k for k in words]
        out.append("};")
        out.append("static const char *const abbrev_%s[] = {" % ident)
        out += ["\t%s," % c_str(w) for w in keys] or ["\t0,"]
        out.append("};")
        out.append("static const unsigned char abbrev_kind_%s[] = {" % ident)
        out += ["\t%d," % abbr[w] for w in keys] or ["\t0,"]
        out.append("};")
        tags, words, abbrev_mask = lang_stop_table(keys, "abbreviation")
        out.append("static const uint32_t abbrev_tag_%s[] = {" % ident)
        out += ["\t%#x," % t for t in tags]
        out.append("};")
        out.append("static const uint16_t abbrev_word_%s[] = {" % ident)
        out += ["\t%d," % k for k in words]
        out.append("};")
        out.append("static const char *const abbrev_multi_%s[] = {" % ident)
        out += ["\t%s," % c_str(w) for w in mkeys] or ["\t0,"]
        out.append("};")
        out.append("static const unsigned char abbrev_multi_kind_%s[] = {" % ident)
        out += ["\t%d," % multi[w] for w in mkeys] or ["\t0,"]
        out.append("};")
        out.append("")
        out.append("/* %s: %d stop words, %d abbreviations */" % (name, len(stop), len(keys) + len(mkeys)))
        out.append("")
        out.append("#define LANG_%s { %s, %s, %s, stop_%s, %d, abbrev_%s, abbrev_kind_%s, %d, "
                   "abbrev_multi_%s, abbrev_multi_kind_%s, %d, %d, stop_tag_%s, stop_word_%s, %d, "
                   "abbrev_tag_%s, abbrev_word_%s, %d }" % (
            ident, c_str(code), c_str(name), "NULL" if stemmer == "-" else c_str(stemmer),
            ident, len(stop), ident, ident, len(keys), ident, ident, len(mkeys), ordinal,
            ident, ident, stop_mask, ident, ident, abbrev_mask))
        out.append("")
    out += stop_table(stop_lists)
    out += keyphrase_table(os.path.join(data_dir, "keyphrase.txt"), [c for c, _, _ in langs])
    out.append("const pr_lang pr_languages[] = {")
    out += ["\tLANG_%s," % c.replace("-", "_") for c, _, _ in langs]
    out.append("};")
    out.append("const size_t pr_nlanguages = %d;" % len(langs))
    out.append("const char *const pr_language_codes[] = {")
    out += ["\t%s," % c_str(c) for c, _, _ in langs]
    out.append("\tNULL,")
    out.append("};")
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
