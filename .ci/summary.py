#!/usr/bin/env python3
"""Print "N passed, M failed" from meson's testlog.json; exit 1 if any failed."""
import json
import sys

passed = failed = skipped = 0
try:
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line).get("result")
            if r in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif r == "SKIP":
                skipped += 1
            else:
                failed += 1
except OSError as e:
    print("no test log: %s" % e, file=sys.stderr)
    failed += 1
if skipped:
    print("(%d skipped)" % skipped)
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
