#!/usr/bin/env python3
"""Tests for the precis command, through the real binary.

    test_cli.py PRECIS SOURCE_ROOT GROUP

runs one group of tests and reports them in TAP, which meson reads. The
library's ranking and segmentation are still changing, so the tests assert
properties of the output (whole sentences, document order, budgets, offsets
that slice back to the text), not particular sentences.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback

PRECIS = None
ROOT = None
TMP = None
GROUPS = {}


class Skip(Exception):
    pass


def test(group):
    def register(fn):
        GROUPS.setdefault(group, []).append(fn)
        return fn
    return register


class Result:
    def __init__(self, rc, out, err):
        self.rc, self.out, self.err = rc, out, err

    @property
    def text(self):
        return self.out.decode("utf-8")

    @property
    def lines(self):
        return self.text.splitlines()

    def __repr__(self):
        return "rc=%r out=%r err=%r" % (self.rc, self.out[:300], self.err[:300])


def run(*args, stdin=b"", cwd=None):
    p = subprocess.run([PRECIS] + [a for a in args], input=stdin,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       cwd=cwd, timeout=60)
    return Result(p.returncode, p.stdout, p.stderr)


def check(cond, what, result=None):
    if not cond:
        raise AssertionError(what + ("" if result is None else "\n  " + repr(result)))


def ok(r, what="precis"):
    check(r.rc == 0, what + " should exit 0", r)
    check(r.err == b"", what + " should print nothing on stderr", r)
    return r


def usage_error(r, fragment):
    check(r.rc == 2, "a usage error exits 2", r)
    check(r.out == b"", "a usage error prints nothing on stdout", r)
    lines = r.err.decode().splitlines()
    check(len(lines) == 2, "a usage error is two lines on stderr", r)
    check(lines[0].startswith("precis: ") and fragment in lines[0],
          "the message names the problem (%r)" % fragment, r)
    check(lines[1] == "Try 'precis --help'.", "then points at --help", r)


def input_error(r, message):
    check(r.rc == 1, "an input error exits 1", r)
    check(r.err.decode() == "precis: " + message + "\n",
          "stderr should be exactly 'precis: %s'" % message, r)


def tmpfile(name, data):
    path = os.path.join(TMP, name)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def sample_path():
    return os.path.join(ROOT, "tests", "data", "sample.txt")


def sample_bytes():
    with open(sample_path(), "rb") as f:
        return f.read()


def published_body():
    """The published sample without its first line (its headline)."""
    path = os.path.join(ROOT, "..", "shared", "samples",
                        "straits-times-2018-06-01.txt")
    if not os.path.exists(path):
        path = "/work/shared/samples/straits-times-2018-06-01.txt"
    if not os.path.exists(path):
        raise Skip("the published sample is not in this checkout")
    with open(path, "rb") as f:
        data = f.read()
    return data.split(b"\n", 1)[1] if b"\n" in data else b""


def squash(s):
    return " ".join(s.split())


def positions_in(lines, text):
    """Where each line occurs in text (whitespace squashed), each searched
    after the one before: fails if a line is not a run of the input or the
    lines are out of document order."""
    flat = squash(text)
    at, cursor = [], 0
    for line in lines:
        check(line.strip() != "", "no output line is empty: %r" % lines)
        piece = squash(line)
        check(piece in flat, "output line is a piece of the input: %r" % line)
        i = flat.find(piece, cursor)
        check(i >= 0, "lines come in document order: %r after %r" % (line, at))
        at.append(i)
        cursor = i + len(piece)
    return at


def reader(s):
    """Text as precis shows it: control characters blank, spaces squashed."""
    return squash(re.sub("[\x00-\x1f\x7f]", " ", s))


def as_json(r):
    ok(r)
    check(r.out.endswith(b"\n"), "JSON output ends in a newline", r)
    lines = r.out.decode("utf-8").split("\n")[:-1]
    return [json.loads(line) for line in lines]


def words(s):
    return [w for w in s.split() if any(ch.isalnum() for ch in w)]


def line_col(data, off):
    """The reference for line and column: a line ends at LF, CRLF or CR."""
    line, start, i = 1, 0, 0
    while i < off:
        c = data[i:i + 1]
        if c == b"\n" or (c == b"\r" and data[i + 1:i + 2] != b"\n"):
            line += 1
            start = i + 1
        i += 1
    return line, off - start + 1


# ---------------------------------------------------------------------------
# The summary

@test("summary")
def default_is_three_whole_sentences_in_document_order():
    r = ok(run(sample_path()))
    lines = r.lines
    check(len(lines) == 3, "three sentences by default", r)
    at = positions_in(lines, sample_bytes().decode())
    check(at == sorted(at), "sentences come in document order", r)
    doc = as_json(run("--json", sample_path()))[0]
    texts = {s["text"] for s in doc["sentences"]}
    for line in lines:
        check(line in texts, "each line is one whole sentence: %r" % line)


@test("summary")
def sentences_option_spellings_agree():
    want = ok(run("-n", "5", sample_path())).out
    check(len(want.splitlines()) == 5, "-n 5 gives five lines")
    s = sample_path()
    for args in (["-n5", s], ["--sentences", "5", s], ["--sentences=5", s],
                 [s, "-n", "5"], ["-n", "2", "-n", "5", s]):
        r = ok(run(*args))
        check(r.out == want, "%s gives what -n 5 gives" % args, r)


@test("summary")
def summary_matches_json_selection():
    r = ok(run("-n", "4", sample_path()))
    doc = as_json(run("--json", "-n", "4", sample_path()))[0]
    by_index = {s["index"]: s for s in doc["sentences"]}
    check(r.lines == [by_index[i]["text"] for i in doc["summary"]],
          "text output is the JSON summary, in order", r)


@test("summary")
def ratio_limits_the_share():
    doc = as_json(run("--json", sample_path()))[0]
    n = len(doc["sentences"])
    r = ok(run("--ratio", "0.2", sample_path()))
    check(1 <= len(r.lines) <= max(1, -(-n // 5)),
          "--ratio 0.2 of %d sentences gives at most %d" % (n, -(-n // 5)), r)
    r = ok(run("--ratio=1", sample_path()))
    # the sample opens with a title line: it is the headline, never a summary
    # sentence, so --ratio 1 gives every sentence but that one
    title = doc["sentences"][0]["text"]
    check(len(r.lines) == n - 1 and title not in r.lines,
          "--ratio 1 gives every sentence but the title", r)
    at = positions_in(r.lines, sample_bytes().decode())
    check(at == sorted(at), "in document order", r)


@test("summary")
def words_and_bytes_budgets():
    r = ok(run("--words", "60", sample_path()))
    check(len(words(r.text)) <= 60, "--words 60 keeps to 60 words", r)
    r = ok(run("--bytes", "400", sample_path()))
    check(sum(len(l.encode()) for l in r.lines) <= 400,
          "--bytes 400 keeps to 400 bytes of sentence text", r)
    r = ok(run("--bytes", "400", "--ratio", "1", sample_path()))
    check(sum(len(l.encode()) for l in r.lines) <= 400,
          "all budgets apply together", r)


@test("summary")
def order_score_is_best_first():
    r = ok(run("--order", "score", "-n", "4", sample_path()))
    doc = as_json(run("--json", "--order", "score", "-n", "4", sample_path()))[0]
    by_index = {s["index"]: s for s in doc["sentences"]}
    ranks = [by_index[i]["rank"] for i in doc["summary"]]
    check(len(ranks) == 4 and ranks == sorted(ranks),
          "--order score lists ranks ascending: %r" % ranks)
    check(r.lines == [by_index[i]["text"] for i in doc["summary"]],
          "text output follows the same order", r)
    doc = as_json(run("--json", "--order=document", "-n", "4", sample_path()))[0]
    check(doc["summary"] == sorted(doc["summary"]), "--order document sorts by index")


@test("summary")
def tuning_options_are_accepted():
    for args in (["--similarity", "bm25"], ["--similarity=cosine"],
                 ["--similarity", "textrank"], ["--format", "plain"],
                 ["--format=auto"], ["--lang", "en"], ["--lang=auto"],
                 ["--damping", "0.5"], ["--tolerance", "1e-4"],
                 ["--max-iterations", "5"], ["--max-bytes", "100000"],
                 ["--replace-invalid"]):
        r = ok(run(*(args + [sample_path()])), " ".join(args))
        check(len(r.lines) == 3, "%s still gives three sentences" % args, r)
        positions_in(r.lines, sample_bytes().decode())


HEADLINE_CASES = (([], 75), (["--headline-bytes", "30"], 30),
                  (["--headline-bytes=40"], 40))


@test("summary")
def headline_fits_its_limit():
    for args, limit in HEADLINE_CASES:
        r = ok(run("--headline", *(args + [sample_path()])))
        check(len(r.lines) == 1, "one headline line", r)
        h = r.lines[0]
        check(0 < len(h.encode()) <= limit, "headline within %d bytes" % limit, r)


@test("summary")
def headline_ends_on_a_whole_word():
    data = sample_bytes().decode()
    for args, limit in HEADLINE_CASES:
        r = ok(run("--headline", *(args + [sample_path()])))
        h = r.lines[0]
        check(h == h.strip(), "no surrounding spaces", r)
        last = re.sub(r"[\W_]+$", "", h.split()[-1])
        check(last == "" or re.search(r"(?<!\w)" + re.escape(last) + r"(?!\w)", data),
              "headline ends on a whole word (%r)" % last, r)


MITCH = (b"Rescue teams worked through the night to reach villages cut off by the floods.\n\n"
         b"Hurricane Mitch destroyed bridges and roads across the region. Officials said "
         b"Hurricane Mitch had killed hundreds of people in the north.\n\n"
         b"Aid from abroad began to arrive as Hurricane Mitch moved away. Survivors of "
         b"Hurricane Mitch waited for food and clean water in the villages.\n")


@test("summary")
def headline_topic_label_and_its_opt_out():
    r = ok(run("--headline", stdin=MITCH))
    check(r.lines[0].startswith("Hurricane Mitch: Rescue teams"), "a topic label", r)
    r = ok(run("--headline", "--headline-no-label", stdin=MITCH))
    check(r.lines[0].startswith("Rescue teams worked") and ":" not in r.lines[0],
          "--headline-no-label: the sentence alone", r)


@test("summary")
def keywords_best_first_and_from_the_text():
    data = squash(sample_bytes().decode()).lower()
    r = ok(run("--keywords", sample_path()))
    kws = r.lines
    check(len(kws) <= 10, "at most 10 key phrases by default", r)
    check(len(set(kws)) == len(kws), "no phrase twice", r)
    for k in kws:
        check(k.strip() and squash(k).lower() in data,
              "a key phrase comes from the text: %r" % k)
    doc = as_json(run("--json", sample_path()))[0]
    check([k["text"] for k in doc["keywords"]] == kws, "same phrases as --json", r)
    scores = [k["score"] for k in doc["keywords"]]
    check(scores == sorted(scores, reverse=True), "best first")
    r = ok(run("--keywords", "--keyword-count", "3", sample_path()))
    check(r.lines == kws[:3], "--keyword-count 3 keeps the best three", r)


@test("summary")
def headline_and_keywords_together():
    h = ok(run("--headline", sample_path())).out
    k = ok(run("--keywords", sample_path())).out
    r = ok(run("--keywords", "--headline", sample_path()))
    check(r.out == h + (b"\n" + k if k else b""),
          "headline, a blank line, then the key phrases", r)
    r = ok(run("--headline", "--keywords", "--json", sample_path()))
    check(isinstance(json.loads(r.out), dict), "--json wins", r)


@test("summary")
def double_dash_ends_options():
    path = tmpfile("-n", sample_bytes())
    r = ok(run("--", "-n", cwd=TMP))
    check(len(r.lines) == 3, "a file named -n after --", r)
    r = run("--", "--help", cwd=TMP)
    input_error(r, "--help: No such file or directory")


@test("summary")
def published_sample():
    body = published_body()
    path = tmpfile("published.txt", body)
    r = ok(run("-n", "3", path))
    check(len(r.lines) == 3, "three sentences", r)
    at = positions_in(r.lines, body.decode())
    check(at == sorted(at), "in document order", r)
    h = ok(run("--headline", path)).lines
    check(len(h) == 1 and len(h[0].encode()) <= 75, "a headline of at most 75 bytes")
    k = ok(run("--keywords", path)).lines
    check(len(k) <= 10, "at most 10 key phrases")
    doc = as_json(run("--json", path))[0]
    check_offsets(body, doc)


# ---------------------------------------------------------------------------
# Errors

@test("errors")
def missing_file():
    input_error(run("missing.txt", cwd=TMP), "missing.txt: No such file or directory")


@test("errors")
def directory():
    os.makedirs(os.path.join(TMP, "dir"), exist_ok=True)
    input_error(run("dir/", cwd=TMP), "dir/: Is a directory")
    input_error(run("--json", "dir", cwd=TMP), "dir: Is a directory")


@test("errors")
def invalid_utf8_names_the_byte():
    data = "Caf\u00e9 one. Two three four.".encode() + b" \xff bad. Five six."
    bad = data.index(b"\xff")
    tmpfile("bad.txt", data)
    input_error(run("bad.txt", cwd=TMP), "bad.txt: invalid UTF-8 at byte %d" % bad)
    input_error(run(stdin=data), "<stdin>: invalid UTF-8 at byte %d" % bad)
    input_error(run("-", stdin=b"\xc3("), "<stdin>: invalid UTF-8 at byte 0")
    r = ok(run("--replace-invalid", "--ratio", "1", "bad.txt", cwd=TMP))
    check("\ufffd" in r.text, "the bad byte reads as U+FFFD", r)
    doc = as_json(run("--replace-invalid", "--json", "bad.txt", cwd=TMP))[0]
    check(any("\ufffd" in s["text"] for s in doc["sentences"]), "also in JSON")


@test("errors")
def max_bytes_refuses_larger_input():
    r = run("--max-bytes", "100", sample_path())
    check(r.rc == 1 and r.out == b"", "too large is an input error", r)
    check(r.err.decode().startswith("precis: %s: " % sample_path()), "names the file", r)
    ok(run("--max-bytes", str(len(sample_bytes())), sample_path()))


@test("errors")
def max_bytes_message_is_exact():
    input_error(run("--max-bytes", "100", "-", stdin=sample_bytes()),
                "<stdin>: input too large (more than 100 bytes)")
    big = tmpfile("over.txt", b"word " * 30)
    input_error(run("--max-bytes=149", big),
                "%s: input too large (more than 149 bytes)" % big)
    ok(run("--max-bytes=150", big))


@test("errors")
def unreadable_file():
    if os.geteuid() == 0:
        raise Skip("root reads a mode-000 file")
    path = tmpfile("secret.txt", "Hidden text. More of it.")
    os.chmod(path, 0)
    try:
        input_error(run("secret.txt", cwd=TMP), "secret.txt: Permission denied")
    finally:
        os.chmod(path, 0o600)


@test("errors")
def binary_file():
    # an executable's bytes: NULs are whitespace, but 0x7F-0xFF junk is
    # not UTF-8, so the file is refused with the offset of the first bad byte
    data = b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x03\x00\x3e\x00" + \
        bytes(range(256)) * 4
    bad = data.index(b"\x80")
    tmpfile("a.out", data)
    input_error(run("a.out", cwd=TMP), "a.out: invalid UTF-8 at byte %d" % bad)
    r = run("--replace-invalid", "--json", "a.out", cwd=TMP)
    ok(r)
    as_json(r)
    # text with NUL bytes between its words is text
    r = ok(run("--ratio", "1", stdin=b"First\x00sentence here.\x00\x00Second one."))
    check(r.lines == ["First sentence here.", "Second one."], "NULs read as spaces", r)


@test("io")
def stdin_is_a_directory():
    d = os.open(ROOT, os.O_RDONLY)
    try:
        p = subprocess.run([PRECIS], stdin=d, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=60)
    finally:
        os.close(d)
    input_error(Result(p.returncode, p.stdout, p.stderr), "<stdin>: Is a directory")


@test("io")
def stdout_closed_before_start():
    # `precis file >&-`: no stdout at all; the failure is reported, not lost
    if os.environ.get("PRECIS_VALGRIND"):
        raise Skip("valgrind's log would take the free descriptor 1")
    p = subprocess.run([PRECIS, sample_path()], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, timeout=60,
                       preexec_fn=lambda: os.close(1))
    input_error(Result(p.returncode, b"", p.stderr), "<stdout>: Bad file descriptor")


@test("errors")
def usage_errors():
    s = sample_path()
    cases = [
        (["--bogus", s], "--bogus"),
        (["--bogus=1", s], "--bogus"),
        (["-x", s], "-x"),
        (["-n", "0", s], "-n"),
        (["-n", "-1", s], "-1"),
        (["-n", "3x", s], "3x"),
        (["--sentences=", s], "--sentences"),
        (["--ratio", "2", s], "--ratio"),
        (["--ratio", "0", s], "--ratio"),
        (["--ratio", "-0.5", s], "--ratio"),
        (["--ratio", "nan", s], "--ratio"),
        (["--ratio", "abc", s], "abc"),
        (["--words", "abc", s], "--words"),
        (["--bytes", "-5", s], "--bytes"),
        (["--headline-bytes", "0", s], "--headline-bytes"),
        (["--keyword-count", "x", s], "--keyword-count"),
        (["--max-bytes", "0", s], "--max-bytes"),
        (["--max-iterations", "99999999999", s], "--max-iterations"),
        (["--damping", "1", s], "--damping"),
        (["--tolerance", "0", s], "--tolerance"),
        (["--format", "xml", s], "--format"),
        (["--similarity", "jaccard", s], "--similarity"),
        (["--order", "random", s], "--order"),
        (["--lang", "xx", s], "xx"),
        (["--json=yes", s], "--json"),
        ([s, "-n"], "-n"),
        ([s, "--ratio"], "--ratio"),
        ([s, "-o"], "-o"),
        (["--sent", "3", s], "--sent"),
    ]
    for args, fragment in cases:
        try:
            usage_error(run(*args), fragment)
        except AssertionError as e:
            raise AssertionError("precis %s: %s" % (" ".join(args), e))


@test("errors")
def several_files_one_bad():
    a = tmpfile("a.txt", "Apples grow on trees. Pears do too. Plums are purple.\n")
    b = tmpfile("b.txt", "Cars need fuel. Bikes need legs. Trains need rails.\n")
    r = run("a.txt", "missing.txt", "b.txt", cwd=TMP)
    check(r.rc == 1, "exit 1 when any input failed", r)
    check(r.err == b"precis: missing.txt: No such file or directory\n",
          "one message for the bad file", r)
    one_a = ok(run("a.txt", cwd=TMP)).out
    one_b = ok(run("b.txt", cwd=TMP)).out
    check(r.out == b"==> a.txt <==\n" + one_a + b"\n==> b.txt <==\n" + one_b,
          "the good files are summarized, with head(1) headers", r)
    r = run("missing.txt", "a.txt", cwd=TMP)
    check(r.rc == 1 and r.out == b"==> a.txt <==\n" + one_a,
          "no blank line before the first header printed", r)
    r = run("--json", "a.txt", "missing.txt", "b.txt", cwd=TMP)
    check(r.rc == 1, "exit 1 with --json too", r)
    docs = [json.loads(l) for l in r.out.decode().splitlines()]
    check([d["file"] for d in docs] == ["a.txt", "b.txt"], "JSON Lines, one per good input", r)


# ---------------------------------------------------------------------------
# Input and output

@test("io")
def stdin_is_the_default_and_dash():
    want = ok(run(sample_path())).out
    check(ok(run(stdin=sample_bytes())).out == want, "no file reads stdin")
    check(ok(run("-", stdin=sample_bytes())).out == want, "- reads stdin")
    doc = as_json(run("--json", stdin=sample_bytes()))[0]
    check(doc["file"] == "-", "stdin is \"-\" in JSON")
    r = ok(run("-", sample_path(), stdin=sample_bytes()))
    check(r.out == b"==> <stdin> <==\n" + want + b"\n==> " +
          sample_path().encode() + b" <==\n" + want, "stdin's header says <stdin>", r)


@test("io")
def empty_input_is_empty_output():
    for data in (b"", b"\n\n  \n"):
        for extra in ([], ["--headline"], ["--keywords"], ["--headline", "--keywords"]):
            r = ok(run(*extra, stdin=data))
            check(r.out == b"", "empty input gives empty output", r)
        path = tmpfile("empty.txt", data)
        check(ok(run(path)).out == b"", "an empty file too")
        doc = as_json(run("--json", stdin=data))[0]
        check(doc["sentences"] == [] and doc["summary"] == [] and
              doc["keywords"] == [] and doc["headline"] == "",
              "JSON of empty input is an object with nothing in it: %r" % doc)


@test("io")
def output_file():
    out = os.path.join(TMP, "out.txt")
    want = ok(run(sample_path())).out
    r = ok(run("-o", out, sample_path()))
    check(r.out == b"", "nothing on stdout with -o", r)
    with open(out, "rb") as f:
        check(f.read() == want, "the summary is in the file")
    ok(run("--output=" + out, "-n", "1", sample_path()))
    with open(out, "rb") as f:
        check(len(f.read().splitlines()) == 1, "-o replaces the file")
    r = ok(run("-o", "-", sample_path()))
    check(r.out == want, "-o - is stdout", r)
    r = run("-o", os.path.join(TMP, "no", "such", "dir"), sample_path())
    check(r.rc == 1 and b"No such file or directory" in r.err, "unwritable -o", r)


@test("io")
def full_disk():
    if not os.path.exists("/dev/full"):
        raise Skip("no /dev/full")
    input_error(run("-o", "/dev/full", sample_path()),
                "/dev/full: No space left on device")
    input_error(run("--json", "-o", "/dev/full", sample_path()),
                "/dev/full: No space left on device")
    with open("/dev/full", "wb") as full:
        p = subprocess.run([PRECIS, sample_path()], stdout=full,
                           stderr=subprocess.PIPE, timeout=60)
    input_error(Result(p.returncode, b"", p.stderr),
                "<stdout>: No space left on device")


@test("io")
def closed_stdout_is_quiet():
    big = tmpfile("big.txt", sample_bytes() * 300)
    for args in (["--json", big], ["--ratio", "1", big], [big, big, big]):
        p = subprocess.Popen([PRECIS] + args, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        p.stdout.read(10)
        p.stdout.close()
        err = p.stderr.read()
        rc = p.wait(timeout=60)
        check(rc in (0, 1), "%s with stdout closed exits 0 or 1, not by a "
              "signal (%d)" % (args[0], rc))
        check(err == b"", "and says nothing: %r" % err[:200])


@test("io")
def help_and_version():
    r = ok(run("--help"))
    check(r.out == ok(run("-h")).out, "-h is --help")
    check(r.text.startswith("Usage: precis "), "starts with a usage line", r)
    for opt in ("-n, --sentences", "--ratio", "--words", "--bytes", "--headline",
                "--headline-bytes", "--keywords", "--keyword-count", "--json",
                "--format", "--lang", "--list-languages", "--similarity",
                "--order", "--replace-invalid", "--max-bytes", "--damping",
                "--tolerance", "--max-iterations", "-o, --output", "-h, --help",
                "-V, --version"):
        check(re.search(r"^ +" + re.escape(opt) + r"\b", r.text, re.M),
              "--help lists %s" % opt, r)
    check(all(len(l) < 80 for l in r.lines), "--help fits 80 columns", r)
    v = ok(run("--version"))
    check(re.fullmatch(r"precis \d+\.\d+\.\d+\n", v.text), "precis X.Y.Z", v)
    check(ok(run("-V")).out == v.out, "-V is --version")
    r = ok(run("--list-languages"))
    check("en" in r.lines, "--list-languages lists en", r)
    check(ok(run("--help", "missing.txt")).out.startswith(b"Usage:"),
          "--help reads no input")


# ---------------------------------------------------------------------------
# JSON

SENTENCE_KEYS = {"index": int, "start": int, "end": int, "line": int,
                 "column": int, "end_line": int, "end_column": int,
                 "text": str, "score": (int, float), "rank": int,
                 "selected": bool}


def check_schema(doc):
    for key, typ in (("file", str), ("language", str), ("format", str),
                     ("headline", str), ("keywords", list), ("summary", list),
                     ("sentences", list)):
        check(isinstance(doc.get(key), typ), "%r is a %s" % (key, typ.__name__))
    check(doc["format"] in ("plain", "markdown"), "format is plain or markdown")
    for k in doc["keywords"]:
        check(set(k) == {"text", "score"} and isinstance(k["text"], str) and
              isinstance(k["score"], (int, float)) and 0 < k["score"] <= 1,
              "a keyword is {text, score in (0, 1]}: %r" % k)
    n = len(doc["sentences"])
    for i, s in enumerate(doc["sentences"]):
        check(set(s) == set(SENTENCE_KEYS), "sentence keys: %r" % sorted(s))
        for key, typ in SENTENCE_KEYS.items():
            check(isinstance(s[key], typ) and (typ is bool or not isinstance(s[key], bool)),
                  "sentence %r is a %r" % (key, typ))
        check(s["index"] == i, "sentences are listed by index")
        check(0 <= s["start"] < s["end"], "a sentence is a non-empty range")
        check(s["line"] >= 1 and s["column"] >= 1, "1-based positions")
        check(s["selected"] == (i in doc["summary"]), "selected iff in the summary")
    check(sorted(s["rank"] for s in doc["sentences"]) == list(range(1, n + 1)),
          "ranks are 1..n")
    check(all(isinstance(i, int) and 0 <= i < n for i in doc["summary"]),
          "summary holds sentence indices")
    check(len(set(doc["summary"])) == len(doc["summary"]), "no index twice")
    starts = [s["start"] for s in doc["sentences"]]
    check(starts == sorted(starts), "sentences in document order")
    if n:
        total = sum(s["score"] for s in doc["sentences"])
        check(abs(total - 1) < 1e-3, "scores sum to 1 (%r)" % total)


def check_offsets(data, doc):
    """Offsets and positions against the input bytes."""
    for s in doc["sentences"]:
        check(s["end"] <= len(data), "offsets lie within the input")
        piece = data[s["start"]:s["end"]]
        piece.decode("utf-8")  # a sentence never starts or ends mid-character
        if b"\n" not in piece and b"\r" not in piece and not re.search(rb"[*_`\[]", piece):
            check(reader(piece.decode()) == reader(s["text"]),
                  "input[start:end] is the sentence text: %r vs %r" % (piece, s["text"]))
        check((s["line"], s["column"]) == line_col(data, s["start"]),
              "line/column of start for %r" % s["text"])
        check((s["end_line"], s["end_column"]) == line_col(data, s["end"]),
              "end_line/end_column of end for %r" % s["text"])


@test("json")
def schema_on_the_sample():
    docs = as_json(run("--json", sample_path()))
    check(len(docs) == 1, "one object for one input")
    doc = docs[0]
    check_schema(doc)
    check(doc["file"] == sample_path(), "file is the name given")
    check(doc["language"] == "en", "the sample is English")
    check(len(doc["summary"]) == 3, "three sentences by default")
    check(doc["summary"] == sorted(doc["summary"]), "document order")
    check(doc["headline"] == ok(run("--headline", sample_path())).lines[0],
          "the headline is --headline's")
    check_offsets(sample_bytes(), doc)
    check(list(doc)[:7] == ["file", "language", "format", "headline",
                            "keywords", "summary", "sentences"], "key order")


@test("json")
def json_lines_for_several_inputs():
    r = ok(run("--json", sample_path(), "-", sample_path(), stdin=b"One. Two."))
    lines = r.out.split(b"\n")
    check(len(lines) == 4 and lines[-1] == b"", "one line per input", r)
    docs = [json.loads(l) for l in lines[:-1]]
    check([d["file"] for d in docs] == [sample_path(), "-", sample_path()], "names", r)
    for d in docs:
        check_schema(d)
    check(b"==>" not in r.out, "no headers in JSON Lines", r)


@test("json")
def crlf_and_cr_positions():
    data = (b"First line here.\r\nSecond sentence \xc3\xa9t\xc3\xa9 now. Third one"
            b" follows.\r\n\r\nA new paragraph starts.\rAnd a lone CR line.\n"
            b"\r\nLast words here.")
    path = tmpfile("crlf.txt", data)
    doc = as_json(run("--json", "--format", "plain", path))[0]
    check_schema(doc)
    check_offsets(data, doc)
    by_text = {s["text"]: s for s in doc["sentences"]}
    s = by_text.get("Second sentence \u00e9t\u00e9 now.")
    check(s is not None and
          (s["line"], s["column"], s["end_line"], s["end_column"]) ==
          (2, 1, 2, 1 + len("Second sentence \u00e9t\u00e9 now.".encode())),
          "CRLF: line 2, columns count bytes: %r" % s)
    s = by_text.get("Third one follows.")
    check(s is not None and (s["line"], s["column"]) == (2, 28),
          "a column in bytes, after two-byte characters: %r" % s)
    s = by_text.get("And a lone CR line.")
    if s is not None:
        check((s["line"], s["column"]) == (5, 1), "a lone CR ends a line: %r" % s)
    s = by_text.get("Last words here.")
    check(s is not None and (s["line"], s["column"], s["end_line"], s["end_column"])
          == (7, 1, 7, 17), "the last sentence: %r" % s)


@test("json")
def escaping():
    data = ('He said "stop" \\ then\ttabbed. Bell \x01 rang \x1f here. '
            'Snow \u2603 and \U0001F600 pass.\n').encode()
    path = tmpfile("esc.txt", data)
    r = ok(run("--json", "--ratio", "1", path))
    check(not any(b < 0x20 and b != 0x0a for b in r.out), "no raw control bytes", r)
    doc = json.loads(r.out)
    joined = " ".join(s["text"] for s in doc["sentences"])
    # Sentence text is what a reader sees (control characters are blanks);
    # the escaper itself is checked on file names below.
    for piece in ('"stop"', "\\", "\u2603", "\U0001F600"):
        check(piece in joined, "%r survives the round trip" % piece, r)
    check_offsets(data, doc)
    # A file name is bytes, not text: invalid UTF-8 becomes U+FFFD.
    raw = os.path.join(TMP.encode(), b"caf\xe9.txt")
    with open(raw, "wb") as f:
        f.write(b"One sentence here. Another one there.")
    p = subprocess.run([PRECIS.encode(), b"--json", raw], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=60)
    doc = as_json(Result(p.returncode, p.stdout, p.stderr))[0]
    check(doc["file"].endswith("caf\ufffd.txt"), "an invalid name is still JSON: %r" % doc["file"])
    # Every control character in a name comes back as it went in.
    name = "a\tb\nc\x01d\x7f\"q\"\\e \u00e9.txt"
    tmpfile(name, "One sentence here. Another one there.")
    doc = as_json(run("--json", name, cwd=TMP))[0]
    check(doc["file"] == name, "the name round-trips: %r" % doc["file"])


# ---------------------------------------------------------------------------
# Markdown. These depend on the Markdown block parser in core (segmentation);
# while core still reads Markdown as plain paragraphs (the fence lines show up
# in sentences), they are reported as skipped, not passed.

MARKDOWN = b"""# Field notes on the river survey

The survey team measured the river at six stations this week.
Water levels were lower than in any May since records began.

```python
# Zebra marmalade quantum sentence inside a code block.
print("Zebra marmalade quantum output.")
```

The team will repeat the measurements after the summer rains.
Local farmers asked for the results to plan their irrigation.

    Indented marmalade zebra code block line.

- The first station sits below the old mill.
- The second station is near the bridge.
"""


def markdown_doc(*args, stdin=None):
    if stdin is None:
        r = run("--json", "--ratio", "1", *args, tmpfile("notes.md", MARKDOWN))
    else:
        r = run("--json", "--ratio", "1", *args, stdin=stdin)
    doc = as_json(r)[0]
    check_schema(doc)
    if any("```" in s["text"] for s in doc["sentences"]):
        raise Skip("TODO(core segmentation): Markdown blocks not parsed yet")
    return doc


@test("markdown")
def code_blocks_are_never_summarized():
    doc = markdown_doc("--format", "markdown")
    check(doc["format"] == "markdown", "read as Markdown")
    check(doc["sentences"], "the prose is there")
    for s in doc["sentences"]:
        check("marmalade" not in s["text"].lower(), "no code in sentences: %r" % s["text"])
    check(all("survey" in s["text"] or "marmalade" not in s["text"]
              for s in doc["sentences"]), "prose sentences remain")
    r = ok(run("--format", "markdown", "--ratio", "1", stdin=MARKDOWN))
    check(b"marmalade" not in r.out.lower(), "nor in text output", r)
    check(b"```" not in r.out and not r.out.startswith(b"#"), "no markup", r)
    check(any("measured the river" in l for l in r.lines), "prose is kept", r)


@test("markdown")
def markdown_offsets_point_into_the_source():
    doc = markdown_doc("--format", "markdown")
    for s in doc["sentences"]:
        piece = MARKDOWN[s["start"]:s["end"]].decode()
        first = s["text"].split()[0]
        check(first in piece, "the range covers the sentence: %r" % s)
        check((s["line"], s["column"]) == line_col(MARKDOWN, s["start"]), "positions")


@test("markdown")
def markdown_detected_on_stdin():
    doc = markdown_doc(stdin=MARKDOWN)
    if doc["format"] != "markdown":
        raise Skip("TODO(core segmentation): Markdown auto-detection not there yet")
    for s in doc["sentences"]:
        check("marmalade" not in s["text"].lower(), "no code in sentences")


# ---------------------------------------------------------------------------
# batch: --jsonl

ARTICLE = ("The council approved a new budget for the harbour on Monday. "
           "The harbour budget pays for a new sea wall and dredging. "
           "Fishermen welcomed the budget but asked for more moorings. "
           "The work starts in spring and ends next year.")


def jsonl(*records):
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n"
                   for r in records).encode("utf-8")


def records(r):
    return [json.loads(line) for line in r.lines]


def batch_input(n=40):
    out = []
    for k in range(n):
        text = " ".join("Sentence %d of document %d talks about topic %d and the harbour."
                        % (i, k, (i * k) % 7) for i in range(3 + k % 9))
        out.append({"id": "doc-%d" % k, "text": text})
    return out


@test("batch")
def batch_one_result_per_line_in_input_order():
    docs = batch_input()
    r = ok(run("--jsonl", "--jobs", "2", stdin=jsonl(*docs)))
    recs = records(r)
    check([x["id"] for x in recs] == [d["id"] for d in docs], "ids in input order", r)
    for rec, d in zip(recs, docs):
        check("error" not in rec, "no error", r)
        check("file" not in rec, "an id, not a file name", r)
        for s in rec["sentences"]:
            check(d["text"].encode()[s["start"]:s["end"]].decode() == s["text"],
                  "offsets slice the record's own text", r)
        check(len(rec["summary"]) == min(3, len(rec["sentences"])), "default budget", r)


@test("batch")
def batch_result_is_the_json_object():
    r1 = ok(run("--json", stdin=ARTICLE.encode()))
    r2 = ok(run("--jsonl", stdin=jsonl({"id": 7, "text": ARTICLE})))
    one, two = json.loads(r1.text), records(r2)[0]
    del one["file"]
    check(two.pop("id") == 7, "the id", r2)
    check(one == two, "the same object as --json gives", r2)


@test("batch")
def batch_jobs_1_and_2_identical():
    data = jsonl(*batch_input(60))
    a = ok(run("--jsonl", "--jobs", "1", stdin=data))
    b = ok(run("--jsonl", "--jobs", "2", stdin=data))
    c = ok(run("--jsonl", "-j", "7", stdin=data))
    check(a.out == b.out == c.out, "the same bytes for any number of jobs")


@test("batch")
def batch_ids_of_any_json_type():
    ids = [1, -2.5e3, "s", "ü\u00e9\"", None, True, False, [1, {"a": []}], {"k": "v"}]
    r = ok(run("--jsonl", stdin=jsonl(*[{"id": i, "text": ARTICLE} for i in ids])))
    got = [x["id"] for x in records(r)]
    check(got == ids, "each id comes back as it was", r)
    r = ok(run("--jsonl", stdin=jsonl({"text": ARTICLE})))
    check(records(r)[0]["id"] is None, "no id: null", r)


@test("batch")
def batch_bad_lines_give_error_records_and_the_rest_go_on():
    lines = [
        {"id": "a", "text": ARTICLE},
        "this is not JSON",
        '{"id": "b", "text": "unterminated}',
        "[1, 2]",
        {"id": "c"},
        {"id": "d", "text": 42},
        {"id": "e", "text": ARTICLE, "ratio": 2},
        {"id": "f", "text": ARTICLE, "sentences": 0},
        {"id": "g", "text": ARTICLE, "lang": "xx"},
        {"id": "h", "text": ARTICLE, "format": "html"},
        '{"id": "i", "text": "\\ud800 lone surrogate"}',
        {"id": "j", "text": ARTICLE},
    ]
    r = run("--jsonl", "--jobs", "2", stdin=jsonl(*lines))
    check(r.rc == 1, "exit status 1 when a line failed", r)
    check(r.err == b"precis: <stdin>: 10 of 12 documents failed (see their error records)\n",
          "and says so on stderr, once", r)
    recs = records(r)
    check(len(recs) == len(lines), "one record per line", r)
    check("error" not in recs[0] and "error" not in recs[-1], "good lines go on", r)
    for n, rec in enumerate(recs[1:-1], 2):
        check(set(rec) == {"id", "error", "line"}, "an error record", r)
        check(rec["line"] == n, "the line number", r)
        check(isinstance(rec["error"], str) and rec["error"], "a message", r)
    check(recs[1]["id"] is None and recs[4]["id"] == "c", "the id when there is one", r)
    check("text" in recs[4]["error"] and "ratio" in recs[6]["error"], "says what", r)
    check("language" in recs[8]["error"], "an unknown language", r)


@test("batch")
def batch_per_document_options():
    long_text = " ".join("Line %d mentions the harbour budget and the council." % i
                         for i in range(20))
    r = ok(run("--jsonl", stdin=jsonl(
        {"id": 1, "text": long_text, "sentences": 5},
        {"id": 2, "text": long_text, "ratio": 0.5},
        {"id": 3, "text": long_text},
        {"id": 4, "text": ARTICLE, "headline_bytes": 20},
        {"id": 5, "text": "# Title here\n\nSome text about things. More text.", "format": "plain"},
        {"id": 6, "text": long_text, "order": "score", "keywords": 2},
        {"id": 7, "text": ARTICLE, "title": "Harbour budget approved"})))
    recs = records(r)
    check(len(recs[0]["summary"]) == 5, "sentences", r)
    check(len(recs[1]["summary"]) == 10, "ratio", r)
    check(len(recs[2]["summary"]) == 3, "the command line's budget otherwise", r)
    check(len(recs[3]["headline"].encode()) <= 20, "headline_bytes", r)
    check(recs[4]["format"] == "plain", "format", r)
    check(len(recs[5]["keywords"]) <= 2, "keywords", r)
    ranks = [recs[5]["sentences"][i]["rank"] for i in recs[5]["summary"]]
    check(ranks == sorted(ranks), "order: best first", r)
    check(recs[6]["headline"] == "Harbour budget approved", "the title is the headline", r)
    r = ok(run("--jsonl", "-n", "2", stdin=jsonl({"text": long_text}, {"text": long_text, "sentences": 4})))
    recs = records(r)
    check(len(recs[0]["summary"]) == 2 and len(recs[1]["summary"]) == 4,
          "a line's option replaces the command line's", r)


@test("batch")
def batch_progress_on_a_terminal_and_the_failures_on_lines_of_their_own():
    import pty
    bad = tmpfile("bad.jsonl", jsonl({"id": 1, "text": ARTICLE}) + b"\n" + b"not JSON\n")
    good = tmpfile("good.jsonl", jsonl({"id": 2, "text": ARTICLE}))
    master, slave = pty.openpty()
    p = subprocess.Popen([PRECIS, "--jsonl", bad, good], stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    err = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        err += chunk
    out, _ = p.communicate(timeout=60)
    os.close(master)
    r = Result(p.returncode, out, err)
    check(r.rc == 1 and len(out.splitlines()) == 3, "three records, status 1", r)
    lines = err.replace(b"\r\n", b"\n").split(b"\n")
    check(lines[-1] == b"", "stderr ends with a newline", r)
    message = b"precis: %s: 1 of 2 documents failed (see their error records)" % bad.encode()
    check(message in lines, "the failures on a line of their own", r)
    progress = [l for l in lines if l.startswith(b"\rprecis: ")]
    check(progress and all(b"documents," in l and b"failed" in l for l in progress),
          "progress lines, each rewritten in place", r)
    check(b"3 documents, 1 failed" in progress[-1], "the last progress line counts all", r)


@test("batch")
def batch_files_blank_lines_and_no_progress_when_not_a_terminal():
    p = tmpfile("in.jsonl", jsonl({"id": 1, "text": ARTICLE}) + b"\n   \n" +
                jsonl({"id": 2, "text": ARTICLE}))
    r = ok(run("--jsonl", p, p))
    check([x["id"] for x in records(r)] == [1, 2, 1, 2], "both files, blank lines skipped", r)
    r = run("--jsonl", p, os.path.join(TMP, "missing.jsonl"))
    check(r.rc == 1 and len(r.lines) == 2 and b"missing.jsonl" in r.err,
          "a missing file is reported, the others go on", r)
    r = ok(run("--jsonl", "--jobs", "1", stdin=b""))
    check(r.out == b"", "no input, no output", r)


@test("batch")
def batch_jobs_is_checked():
    usage_error(run("--jsonl", "--jobs", "0"), "--jobs")
    usage_error(run("--jsonl", "--jobs", "x"), "--jobs")


# ---------------------------------------------------------------------------

def main():
    global PRECIS, ROOT, TMP
    if len(sys.argv) != 4 or sys.argv[3] not in GROUPS and sys.argv[3] != "all":
        sys.stderr.write("usage: test_cli.py PRECIS SOURCE_ROOT GROUP (%s|all)\n"
                         % "|".join(GROUPS))
        return 2
    PRECIS = os.path.abspath(sys.argv[1])
    ROOT = os.path.abspath(sys.argv[2])
    groups = list(GROUPS) if sys.argv[3] == "all" else [sys.argv[3]]
    tests = [t for g in groups for t in GROUPS[g]]
    print("1..%d" % len(tests))
    failed = 0
    for n, t in enumerate(tests, 1):
        TMP = tempfile.mkdtemp(prefix="precis-cli-")
        try:
            t()
            print("ok %d - %s" % (n, t.__name__))
        except Skip as e:
            print("ok %d - %s # SKIP %s" % (n, t.__name__, e))
        except Exception:
            failed += 1
            print("not ok %d - %s" % (n, t.__name__))
            for line in traceback.format_exc().splitlines():
                print("# " + line)
        finally:
            shutil.rmtree(TMP, ignore_errors=True)
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
