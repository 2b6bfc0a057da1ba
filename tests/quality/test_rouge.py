#!/usr/bin/env python3
"""The scorer on small hand-made cases whose ROUGE is worked out by hand
(Lin 2004's examples among them). Exit status 0 when all pass."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rouge  # noqa: E402

failures = 0
count = 0


def check(name, got, want, tol=1e-9):
    global failures, count
    count += 1
    if isinstance(want, (int, float)):
        ok = abs(got - want) <= tol
    else:
        ok = got == want
    print(("ok " if ok else "not ok ") + f"{count} - {name}" + ("" if ok else f": got {got!r}, want {want!r}"))
    if not ok:
        failures += 1


def en(peer, refs, **kw):
    return rouge.rouge_en(peer, refs, **kw)


# tokens: ROUGE-1.5.5's rules
check("tokens: case, hyphen, punctuation, $",
      rouge.tokens_en("The U.S.-led coalition's $5 cost -- ok", stem=False),
      ["the", "u", "s", "led", "coalition", "s", "5", "cost", "ok"])
check("tokens: non-ASCII letters are deleted", rouge.tokens_en("déjà vu", stem=False),
      ["d", "j", "vu"])
check("tokens: A-Z only is lower-cased, other letters are deleted",
      rouge.tokens_en("\u0130stanbul \u212aelvin", stem=False), ["stanbul", "elvin"])
check("stem: Porter on words longer than 3", rouge.tokens_en("running dogs ran was"),
      ["run", "dog", "ran", "was"])
check("stem: words of 3 letters or fewer are left alone", rouge.tokens_en("was has its news"),
      ["was", "has", "its", "new"])
check("stem: Porter, not Porter2", rouge.porter("generously"), "gener")
# ROUGE's own Porter (the Perl release and Lin's step 4), not Snowball's "porter"
check("stem: -ement, -ment and -ent tried in turn", rouge.rouge_porter("agreement"), "agreem")
check("stem: -ement, -ment and -ent tried in turn (plural)", rouge.rouge_porter("settlements"), "settlem")
check("stem: step 2 bli -> ble", rouge.rouge_porter("possibly"), "possibl")
check("stem: step 2 logi -> log", rouge.rouge_porter("archaeology"), "archaeolog")
check("stem: y after a consonant is a vowel", rouge.rouge_porter("happy"), "happi")
check("stem: an initial y is a consonant", rouge.rouge_porter("yelling"), "yell")
check("stem: m = 1 and cvc keeps the e", rouge.rouge_porter("hoping"), "hope")
check("stem: double consonant", rouge.rouge_porter("hopping"), "hop")
check("stem: -tion after m > 1", rouge.rouge_porter("conditional"), "condit")
if rouge.wordnet_exceptions():
    check("stem: WordNet's exception list before Porter", rouge.porter("sought"), "seek")

# ROUGE-N, clipped
r = en(["police kill the gunman"], [["police killed the gunman"]], stem=False)
check("Lin 2004: R1 recall", r["1"][0], 3 / 4)
check("Lin 2004: R2 recall", r["2"][0], 1 / 3)
check("Lin 2004: RL recall (in order)", r["L"][0], 3 / 4)
r = en(["the gunman kill police"], [["police killed the gunman"]], stem=False)
check("Lin 2004: RL recall (reordered)", r["L"][0], 2 / 4)
check("Lin 2004: R1 the same for both", r["1"][0], 3 / 4)
r = en(["the the the"], [["the cat"]])
check("clipped unigram recall", r["1"][0], 1 / 2)
check("clipped unigram precision", r["1"][1], 1 / 3)
check("F1", r["1"][2], 2 * (1 / 2) * (1 / 3) / (1 / 2 + 1 / 3))
r = en(["a b c"], [["a b c"]])
check("identical: R1 F1 = 1", r["1"][2], 1.0)
check("identical: R2 F1 = 1", r["2"][2], 1.0)
check("identical: RL F1 = 1", r["L"][2], 1.0)
r = en(["x y z"], [["a b c"]])
check("disjoint: 0", r["1"][2] + r["2"][2] + r["L"][2], 0.0)
check("bigrams run across sentences", en(["a b.", "c d."], [["b c"]])["2"][0], 1.0)

# summary-level union LCS (Lin 2004, section 3.2)
r = en(["w1 w2 w6 w7 w8", "w1 w3 w8 w9 w5"], [["w1 w2 w3 w4 w5"]], stem=False)
check("union LCS recall", r["L"][0], 4 / 5)
check("union LCS precision", r["L"][1], 4 / 10)
r = en(["w1 w2 w3 w4 w5"], [["w1 w2 w6 w7 w8", "w1 w3 w8 w9 w5"]], stem=False)
# w1 of the peer is used up by the first reference line's LCS, so the
# second line's LCS (w1 w3 w5) scores only w3 and w5: 4 hits of 10
check("union LCS counts a peer token once", r["L"][0], 4 / 10)

# several references are pooled (ROUGE -f A)
r = en(["a b"], [["a b"], ["a c d e"]])
check("pooled recall over references", r["1"][0], 3 / 6)
check("pooled precision over references", r["1"][1], 3 / 4)

# -b 75
long = "word " * 30
check("75-byte cut", len(rouge.cut_bytes(long, 75).encode()), 75)
check("byte cut never splits a character", rouge.cut_bytes("é" * 40, 75), "é" * 37)
r = en([long + "target"], [["target"]], byte_limit=75)
check("words after 75 bytes do not count", r["1"][0], 0.0)
r = en(["abc " * 17 + "target"], [["target"]], byte_limit=75)
check("words within 75 bytes count", r["1"][0], 1.0)

# -b as ROUGE-1.5.5's readText does it: the spaces that join the lines are
# not counted, whitespace inside a line is
r = en(["abc", "def"], [["def"]], byte_limit=6, stem=False)
check("-b: joining spaces are not counted", r["1"][0], 1.0)
r = en(["abc   def"], [["def"]], byte_limit=6, stem=False)
check("-b: spaces inside a line are counted", r["1"][0], 0.0)
r = en(["abc", "", "def"], [["def"]], byte_limit=6, stem=False)
check("-b: empty lines are skipped", r["1"][0], 1.0)
check("-b: a string is read as its lines", en("abc\n\ndef", [["def"]], byte_limit=6, stem=False)["1"][0], 1.0)
r = en(["abc def ghi"], [["abc def ghi"]], byte_limit=6, stem=False)
check("-b: the references are cut too", r["1"][0], 1.0)
check("-b: the references are cut too (bigrams)", r["2"][0], 1.0)
# readText_LCS never adds up what it took: "r s" (3 bytes) is kept whole for
# ROUGE-L although readText stops at "r". The LCS of "s r" with "r s" marks
# "s", which readText's counts do not hold, so ROUGE-L has no hit while
# ROUGE-1 finds "r".
r = en(["p q", "r s"], [["s r"]], byte_limit=4, stem=False)
check("-b: ROUGE-1 sees the text cut at 4 bytes", r["1"][0], 1 / 2)
check("-b: ROUGE-L sees lines shorter than 4 bytes whole", r["L"][0], 0.0)
r = en(["p q", "r s"], [["s r"]], stem=False)
check("no -b: the same pair", r["L"][0], 1 / 2)

# Unicode and character ROUGE
check("unicode tokens", rouge.tokens_unicode("Déjà vu, l'Été 2024"), ["déjà", "vu", "l", "été", "2024"])
r = rouge.rouge_unicode("l'été est là", ["L'été arrive"])
check("unicode R1 recall", r["1"][0], 2 / 3)
check("unicode R1 precision", r["1"][1], 2 / 4)
check("unicode RL", r["L"][0], 2 / 3)
r = rouge.rouge_unicode("中药材检出农药", ["中药材农药残留"], chars=True)
check("character R1 recall", r["1"][0], 5 / 7)
check("character R2 recall", r["2"][0], 3 / 6)
check("character RL recall", r["L"][0], 5 / 7)
r = rouge.rouge_unicode("a b", ["c d", "a b"])
check("best reference by ROUGE-1", r["1"][2], 1.0)

# the plain splitter that sets budgets
check("plain splitter",
      rouge.plain_sentences('He said "Stop." Then left!\n\nNew para\nsame. 3.5 is a number. 好。好'),
      ['He said "Stop.', "Then left!", "New para\nsame.", "3.5 is a number.", "好。好"])

print(f"1..{count}")
sys.exit(1 if failures else 0)
