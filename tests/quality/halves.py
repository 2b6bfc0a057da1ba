#!/usr/bin/env python3
"""A quality change on both halves of each dev file: is it a rule or luck?

    python3 tests/quality/halves.py --lib NEW/core/libprecis.so \
        [--base OLD/core/libprecis.so] [--tasks xsum,cnndm] [--eval DIR]

scores precis on each task as harness.py does (same budgets, references and
scorer), and prints R1/R2/RL over all documents, over the documents of even
index (0, 2, 4, ...) and over those of odd index. With --base, it scores the
other library too and prints both and the difference, with the number of
documents whose output changed; a change that helps one half and hurts the
other is likely tuned to the dev documents. With --wins, also how many
documents' R1 rose and fell (a sign test of the change).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402


def per_doc(precis, fname, kind, eval_dir):
    """[(output lines, (R1, R2, RL))] for every document of the task."""
    out = []
    mi = harness.metric_index(kind)
    for rec in harness.load(eval_dir, fname, 0):
        refs = harness.references(None, kind, rec)
        if kind.startswith("headline"):
            zh = kind == "headline-zh"
            _, head = precis.run(rec["text"], rec["lang"], headline_bytes=120 if zh else 0,
                                 headline_chars=30 if zh else 0)
            lines = [head]
        else:
            lines, _ = precis.run(rec["text"], rec["lang"],
                                  sentences=harness.budget(kind, rec["text"]))
        res = harness.score(kind, lines, refs)
        out.append((lines, tuple(100.0 * res[m][mi] for m in ("1", "2", "L"))))
    return out


def means(rows, part):
    sel = [r for k, r in enumerate(rows) if part == "all" or k % 2 == (part == "odd")]
    n = max(1, len(sel))
    return tuple(sum(r[1][m] for r in sel) / n for m in range(3))


def main():
    ap = harness.script_args(__doc__)
    ap.add_argument("--base")
    ap.add_argument("--tasks", default="")
    ap.add_argument("--wins", action="store_true",
                    help="with --base: documents whose R1 rose / fell")
    args = ap.parse_args()
    if not os.path.isdir(args.eval):
        print(f"no evaluation data at {args.eval}: skipped")
        return 77
    new = harness.Precis(args.lib)
    old = harness.Precis(args.base) if args.base else None
    want = set(args.tasks.split(",")) if args.tasks else None
    fmt = "{:6.2f} {:6.2f} {:6.2f}"
    head = f"{'task':15} {'part':5} {'R1':>6} {'R2':>6} {'RL':>6}"
    if old:
        head += f"   {'base R1':>7} {'R2':>6} {'RL':>6}   {'dR1':>6} {'dR2':>6} {'dRL':>6}  changed"
    print(head)
    for task, fname, kind in harness.TASKS:
        if want and task not in want:
            continue
        rows = per_doc(new, fname, kind, args.eval)
        base = per_doc(old, fname, kind, args.eval) if old else None
        for part in ("all", "even", "odd"):
            a = means(rows, part)
            line = f"{task:15} {part:5} " + fmt.format(*a)
            if base:
                b = means(base, part)
                changed = sum(1 for k, (r, q) in enumerate(zip(rows, base))
                              if (part == "all" or k % 2 == (part == "odd")) and r[0] != q[0])
                line += "   " + fmt.format(*b).rjust(20) + "   " + \
                    "{:+6.2f} {:+6.2f} {:+6.2f}".format(*(x - y for x, y in zip(a, b))) + \
                    f"  {changed:4d}"
                if args.wins:
                    pairs = [(r[1][0], q[1][0]) for k, (r, q) in enumerate(zip(rows, base))
                             if part == "all" or k % 2 == (part == "odd")]
                    line += f"  R1 up {sum(x > y + 1e-9 for x, y in pairs)}" \
                            f" down {sum(x < y - 1e-9 for x, y in pairs)}"
            print(line)
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
