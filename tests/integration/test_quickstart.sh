#!/bin/sh
# The README's quick start on a machine that ran only `bash .ci/deps`: the
# build packages, not the test ones. The command is taken from the README
# itself (its first line that starts with `bash .ci/deps &&`), run in a copy
# of the source tree with Criterion hidden from pkg-config, and must print
# what this build's precis prints for the same sample.
#   test_quickstart.sh PRECIS_CLI SOURCE_ROOT
set -eu
cli=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
fail() { echo "not ok - $*"; exit 1; }

line=$(grep -m1 '^bash \.ci/deps && ' "$root/README.md") || fail "README has a quick start line"
cmd=${line#bash .ci/deps && }
ok "quick start: $cmd"

mkdir "$tmp/src"
for f in README.md LICENSE NOTICE meson.build meson_options.txt core bindings plugins tests .ci; do
	cp -R "$root/$f" "$tmp/src/"
done
# a pkg-config that has never heard of Criterion, as on a machine without the
# test packages
mkdir "$tmp/bin"
cat >"$tmp/bin/pkg-config" <<'WRAP'
#!/bin/sh
for a; do case $a in criterion*) exit 1 ;; esac; done
exec pkg-config "$@"
WRAP
chmod +x "$tmp/bin/pkg-config"

(cd "$tmp/src" && PKG_CONFIG=$tmp/bin/pkg-config sh -c "$cmd") >"$tmp/out" 2>"$tmp/err" || {
	tail -20 "$tmp/err"
	fail "the quick start command exits 0 without Criterion"
}
grep -q 'Criterion not found' "$tmp/src/build/meson-logs/meson-log.txt" ||
	fail "the build really ran without Criterion"
ok "builds and runs without Criterion"

sample=$(printf '%s\n' "$cmd" | grep -o 'tests/data/[^ ]*' | head -n1)
[ -n "$sample" ] || fail "the quick start summarizes a bundled sample"
"$cli" "$root/$sample" >"$tmp/want"
[ -s "$tmp/want" ] || fail "precis prints a summary of $sample"
# meson's own output comes first; the summary is the last lines
tail -n "$(wc -l <"$tmp/want")" "$tmp/out" >"$tmp/got"
cmp -s "$tmp/want" "$tmp/got" || {
	diff "$tmp/want" "$tmp/got" | head
	fail "the quick start prints what precis prints for $sample"
}
ok "prints the summary of $sample"
echo "1..$n"
