#!/usr/bin/env bash
# The exe_wrapper of `meson test --setup valgrind` (see the top-level
# meson.build): run one test under memcheck, following every child process,
# and fail if any process reported an error or a leak.
#
# valgrind's own exit status is not enough: Criterion runs each test in a
# worker process and reads its result through a pipe, so a worker's
# --error-exitcode never reaches meson. Every process logs to its own file
# instead, and any non-empty log fails the test (with --quiet, valgrind
# writes only errors and leaks).
#
# A test that is a script (the CLI tests are Python) runs as it is; the
# programs it is handed as arguments (the precis binary) run under valgrind
# instead, through a small wrapper put in their place.
set -u
if [[ ${1##*/} == valgrind ]]; then
	exec "$@" # the test runs valgrind itself (test_alloc-valgrind)
fi
export PRECIS_VALGRIND=1 # for the few tests that cannot run under it
logs=$(mktemp -d "${TMPDIR:-/tmp}/precis-valgrind.XXXXXX") || exit 1
memcheck=(valgrind --quiet --error-exitcode=1 --leak-check=full
	--errors-for-leak-kinds=definite,indirect
	--show-leak-kinds=definite,indirect
	--trace-children=yes
	--trace-children-skip='*/python3*,*/lua*,*/luajit*,*/nvim,*/sh,*/bash'
	--log-file="$logs/%p.log")

is_elf() {
	[[ -f $1 && -x $1 && $(head -c 4 "$1" 2>/dev/null | od -An -c | tr -d ' ') == '177ELF' ]]
}

if is_elf "$(command -v "$1" 2>/dev/null || echo "$1")" &&
	[[ $(command -v "$1") != */python* ]]; then
	"${memcheck[@]}" "$@"
	rc=$?
else
	args=("$1")
	shift
	n=0
	for a in "$@"; do
		if is_elf "$a"; then
			a=$(realpath "$a")
			w=$logs/wrap-$((n++))
			printf '#!/bin/sh\nexec' >"$w"
			printf ' %q' "${memcheck[@]}" "$a" >>"$w"
			printf ' "$@"\n' >>"$w"
			chmod +x "$w"
			a=$w
		fi
		args+=("$a")
	done
	"${args[@]}"
	rc=$?
fi
for f in "$logs"/*.log; do
	if [[ -s $f ]]; then
		echo "valgrind: errors in process ${f##*/}:" >&2
		cat "$f" >&2
		rc=1
	fi
done
rm -rf "$logs"
exit $rc
