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
set -u
if [[ ${1##*/} == valgrind ]]; then
	exec "$@" # the test runs valgrind itself (test_alloc-valgrind)
fi
logs=$(mktemp -d "${TMPDIR:-/tmp}/precis-valgrind.XXXXXX") || exit 1
valgrind --quiet --error-exitcode=1 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect \
	--show-leak-kinds=definite,indirect \
	--trace-children=yes \
	--trace-children-skip='*/python3*,*/lua*,*/luajit*,*/nvim,*/sh,*/bash' \
	--log-file="$logs/%p.log" "$@"
rc=$?
for f in "$logs"/*.log; do
	if [[ -s $f ]]; then
		echo "valgrind: errors in process ${f##*/}:" >&2
		cat "$f" >&2
		rc=1
	fi
done
rm -rf "$logs"
exit $rc
