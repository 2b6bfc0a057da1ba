#!/bin/sh
# The pandoc filter, through the real pandoc: fields in the metadata (JSON)
# and through a template, the abstract only when the document has none, and
# code never in the summary.
#   test_pandoc.sh PRECIS_BINARY SOURCE_ROOT
set -eu
precis=$1
root=$2
filter=$root/plugins/pandoc/precis.lua
doc=$root/tests/integration/doc.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "not ok - $*"; exit 1; }

pandoc --lua-filter "$filter" -M precis-command="$precis" -t json "$doc" > "$tmp/out.json"
python3 - "$tmp/out.json" <<'PY' || fail "metadata fields"
import json, sys
meta = json.load(open(sys.argv[1]))["meta"]
def text(v):
    if v["t"] == "MetaInlines":
        return "".join(i.get("c", " ") if i["t"] == "Str" else " " for i in v["c"])
    raise SystemExit("unexpected " + v["t"])
assert meta["headline"]["t"] == "MetaInlines", meta["headline"]
h = text(meta["headline"])
assert 0 < len(h.encode()) <= 75, h
assert h == "Solar panels for every school", h
summary = [text(x) for x in meta["summary"]["c"]]
assert len(summary) == 3, summary
assert all("print(" not in s for s in summary), summary
assert all(s.endswith(".") for s in summary), summary
keywords = [text(x) for x in meta["keywords"]["c"]]
assert 1 <= len(keywords) <= 10, keywords
assert any("solar" in k.lower() or "panel" in k.lower() for k in keywords), keywords
assert meta["abstract"]["t"] == "MetaBlocks"
print("ok - metadata: headline, 3 sentences, %d keywords, abstract" % len(keywords))
PY

pandoc --lua-filter "$filter" -M precis-command="$precis" --template "$root/tests/integration/fields.tpl" -t plain "$doc" > "$tmp/out.txt"
grep -q '^headline: Solar panels for every school$' "$tmp/out.txt" || fail "template headline: $(cat "$tmp/out.txt")"
[ "$(grep -c '^summary: ' "$tmp/out.txt")" = 3 ] || fail "template summary"
grep -q '^keyword: ' "$tmp/out.txt" || fail "template keywords"
echo "ok - template fields"

# an existing abstract is kept; -M precis-sentences changes the count
printf -- '---\nabstract: Mine.\n---\n\n%s\n' "$(sed '1,/^---$/d' "$doc")" > "$tmp/own.md"
pandoc --lua-filter "$filter" -M precis-command="$precis" -M precis-abstract=true \
	-M precis-sentences=2 --template "$root/tests/integration/fields.tpl" -t plain "$tmp/own.md" > "$tmp/own.txt"
grep -q '^abstract: Mine\.$' "$tmp/own.txt" || fail "own abstract kept: $(cat "$tmp/own.txt")"
[ "$(grep -c '^summary: ' "$tmp/own.txt")" = 2 ] || fail "precis-sentences=2"
echo "ok - an abstract of the author's own is kept"

# a bad setting leaves the document alone, with a message
pandoc --lua-filter "$filter" -M precis-command="$precis" -M precis-sentences=zero -t json "$doc" \
	> "$tmp/bad.json" 2> "$tmp/bad.err"
grep -q 'precis-sentences must be a positive integer' "$tmp/bad.err" || fail "bad setting message"
python3 -c "import json,sys; m=json.load(open(sys.argv[1]))['meta']; assert 'headline' not in m" "$tmp/bad.json" \
	|| fail "bad setting leaves metadata alone"
echo "ok - a bad setting is refused and the document left as it was"
