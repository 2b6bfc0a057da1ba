#!/usr/bin/env bash
# Run one libFuzzer target for a given time:
#
#   tests/fuzz/run.sh TARGET SECONDS [libFuzzer options...]
#
# TARGET is doc, segment, cli or jsonl (see README.md). The first run sets up
# a clang build with -Dfuzz=true in $PRECIS_FUZZ_BUILD (default build-fuzz).
# New inputs go to a work corpus outside the repository
# ($PRECIS_FUZZ_WORK/TARGET, default /tmp/precis-fuzz/TARGET); the seeds in
# tests/fuzz/corpus/TARGET are read, never written. A crash is saved as
# crash-* in the work directory: copy it into corpus/TARGET/ (it becomes a
# regression input that `meson test --suite fuzz` replays) and fix the bug.
# The last lines libFuzzer prints give the executions (#N, exec/s) and the
# coverage (cov: edges, ft: features).
set -euo pipefail
if (($# < 2)); then
	echo "usage: $0 TARGET SECONDS [libFuzzer options...]" >&2
	exit 2
fi
target=$1 seconds=$2
shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${PRECIS_FUZZ_BUILD:-$root/build-fuzz}
work=${PRECIS_FUZZ_WORK:-/tmp/precis-fuzz}/$target
seeds=$root/tests/fuzz/corpus/$target
if [[ ! -d $seeds ]]; then
	echo "$0: no target '$target' (no $seeds)" >&2
	exit 2
fi
if [[ ! -f $build/build.ninja ]]; then
	CC=clang meson setup "$build" "$root" -Dfuzz=true >/dev/null
fi
meson compile -C "$build" "tests/fuzz/fuzz-$target" >/dev/null
mkdir -p "$work"
dict=$root/tests/fuzz/$target.dict
[[ -f $dict ]] || dict=$root/tests/fuzz/text.dict
exec "$build/tests/fuzz/fuzz-$target" -max_total_time="$seconds" \
	-artifact_prefix="$work/" -print_final_stats=1 -dict="$dict" "$@" "$work" "$seeds"
