#!/bin/bash
# outputs.sh BUILD OUT: every output precis gives on ../shared (the eval
# files through batch mode, with 3 sentences and with 1; the bench files and
# the samples with --json) written to OUT, with their md5 sums. A speed
# change must leave them byte-identical: run it on the build before and
# after, then `diff -r OUT1 OUT2`.
set -euo pipefail
if [ $# -ne 2 ]; then
	echo "usage: $0 BUILD_DIR OUT_DIR" >&2
	exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
shared=${PRECIS_SHARED:-$here/../../../shared}
precis=$1/bindings/cli/precis
out=$2
rm -rf "$out"
mkdir -p "$out"
cat "$shared"/eval/*.jsonl | "$precis" --jsonl -j 2 > "$out/eval.jsonl"
cat "$shared"/eval/*.jsonl | "$precis" --jsonl -j 2 --sentences 1 > "$out/eval1.jsonl"
"$precis" --json "$shared/bench/bench-1mb.txt" > "$out/1mb.json"
"$precis" --json "$shared/bench/bench-10mb.txt" > "$out/10mb.json"
for f in "$shared"/samples/*.txt; do
	"$precis" --json "$f"
done > "$out/samples.json"
(cd "$out" && md5sum ./*)
