#!/bin/sh
# The one-liner from bindings/lua/README.md, through a real shell and stdin:
#   stdin.sh <lua interpreter> <article>
# passes when it prints exactly one non-empty line.
out=$("$1" -e 'print(require("precis").headline(io.read("a")))' < "$2") || exit 1
test -n "$out" || { echo "empty headline" >&2; exit 1; }
test "$(printf '%s\n' "$out" | wc -l)" -eq 1 || { echo "not one line: $out" >&2; exit 1; }
printf '%s\n' "$out"
