#!/usr/bin/env python3
"""precis --help and precis(1) list the same options.

   test_manpage.py PRECIS_BINARY SOURCE_ROOT [ROFF]

With ROFF (the page scdoc built), also check that it renders with man(1)."""
import re
import shutil
import subprocess
import sys

precis, root = sys.argv[1], sys.argv[2]
help_text = subprocess.run([precis, "--help"], check=True, capture_output=True,
                           text=True).stdout
scd = open(root + "/bindings/cli/precis.1.scd", encoding="utf-8").read()

# options in --help: the lines that start with "  -x, --long" or "      --long"
in_help = set(re.findall(r"^\s+(?:-\w, )?(--[a-z][a-z-]*)", help_text, re.M))
in_help |= set(re.findall(r"^\s+(-\w),", help_text, re.M))
# options in the page: the *--long* and *-x* terms that open an OPTIONS item
options = scd.split("# OPTIONS", 1)[1].split("\n# ", 1)[0]
in_page = set()
for line in options.splitlines():
    if line.startswith("*-"):
        in_page |= set(re.findall(r"\*(--?[a-zA-Z][a-z-]*)\*", line))

status = 0
for opt in sorted(in_help - in_page):
    print("not ok - %s is in precis --help but not in bindings/cli/precis.1.scd" % opt)
    status = 1
for opt in sorted(in_page - in_help):
    print("not ok - %s is in bindings/cli/precis.1.scd but not in precis --help" % opt)
    status = 1
if len(in_help) < 20:
    print("not ok - found only %d options in --help: %s" % (len(in_help), sorted(in_help)))
    status = 1
if status == 0:
    print("ok 1 - precis --help and precis(1) list the same %d options" % len(in_help))

if len(sys.argv) > 3 and shutil.which("man"):
    out = subprocess.run(["man", "-l", "-P", "cat", sys.argv[3]], capture_output=True,
                         text=True, env={"MANWIDTH": "80", "PATH": "/usr/bin:/bin"})
    if out.returncode != 0 or "EXIT STATUS" not in out.stdout or "--sentences" not in out.stdout:
        print("not ok - man -l renders the page: %s" % out.stderr[:200])
        status = 1
    else:
        print("ok 2 - man -l renders precis.1")
sys.exit(status)
