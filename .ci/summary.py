#!/usr/bin/env python3
"""Print "N passed, M failed" over one or more of meson's testlog.json files
(the plain build's and the sanitizer build's); exit 1 if any failed. A
missing log counts as one failure: that build did not get as far as its
tests."""
import json
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    p = f = 0
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                r = json.loads(line).get("result")
                if r in ("OK", "EXPECTEDFAIL"):
                    p += 1
                elif r == "SKIP":
                    skipped += 1
                else:
                    f += 1
    except OSError as e:
        print("no test log: %s" % e, file=sys.stderr)
        f += 1
    if len(sys.argv) > 2:
        print("%s: %d passed, %d failed" % (path, p, f))
    passed += p
    failed += f
if skipped:
    print("(%d skipped)" % skipped)
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
