#!/bin/sh
# Lua 5.4 and LuaJIT must give byte-identical results:
#   same.sh <lua5.4> <5.4 module dir> <luajit> <luajit module dir> <test_precis.lua>
a=$(LUA_CPATH="$2/?.so" "$1" "$5" dump) || exit 1
b=$(LUA_CPATH="$4/?.so" "$3" "$5" dump) || exit 1
test -n "$a" || { echo "empty dump" >&2; exit 1; }
if [ "$a" != "$b" ]; then
	printf '%s\n' "$a" > "${TMPDIR:-/tmp}/precis-lua54.dump"
	printf '%s\n' "$b" > "${TMPDIR:-/tmp}/precis-luajit.dump"
	diff -u "${TMPDIR:-/tmp}/precis-lua54.dump" "${TMPDIR:-/tmp}/precis-luajit.dump" | head -40
	exit 1
fi
echo "identical: $(printf '%s\n' "$a" | wc -l) lines"
