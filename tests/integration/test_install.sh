#!/bin/sh
# Installing precis the way a distribution would, and using what was
# installed: a C program through pkg-config (shared and static), the header
# alone under -std=c99 -pedantic and as C++, the Lua module from the installed
# tree and through `luarocks make`, the Neovim plugin from site/pack and from a
# checkout, and `meson uninstall` leaving nothing behind.
#   test_install.sh BUILD_DIR SOURCE_ROOT
set -eu
build=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dest=$tmp/dest
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
fail() { echo "not ok - $*"; exit 1; }

meson install -C "$build" --no-rebuild --destdir "$dest" --quiet >/dev/null
prefix=$(meson introspect "$build" --buildoptions |
	python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"][0])')
libdir=$(meson introspect "$build" --buildoptions |
	python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"] == "libdir"][0])')
case $libdir in /*) ;; *) libdir=$prefix/$libdir ;; esac
P=$dest$prefix
L=$dest$libdir
[ -f "$P/include/precis.h" ] && [ -f "$P/include/precis_version.h" ] || fail "headers installed"
[ -x "$P/bin/precis" ] || fail "precis installed"
[ -f "$L/pkgconfig/precis.pc" ] || fail "pkg-config file installed"
ok "installed into a DESTDIR"

# --- C consumers through pkg-config -----------------------------------------
export PKG_CONFIG_PATH="$L/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$dest"
cc=${CC:-cc}
# shellcheck disable=SC2046
$cc -std=c99 -Wall -Wextra -pedantic -Werror -o "$tmp/shared" "$root/tests/integration/consumer.c" \
	$(pkg-config --cflags --libs precis)
out=$(LD_LIBRARY_PATH="$L" "$tmp/shared") || fail "shared consumer runs"
case $out in "ok "*) ;; *) fail "shared consumer output: $out" ;; esac
LD_LIBRARY_PATH="$L" ldd "$tmp/shared" | grep -q "libprecis.so.0 => $L" || fail "links the installed libprecis.so.0"
ok "a C program builds with pkg-config --cflags --libs precis and runs (shared)"

static_libs=$(pkg-config --static --libs precis | sed 's/-lprecis\b/-l:libprecis.a/')
# shellcheck disable=SC2046,SC2086
$cc -std=c99 -Wall -Wextra -pedantic -Werror -o "$tmp/static" "$root/tests/integration/consumer.c" \
	$(pkg-config --cflags precis) $static_libs
if ldd "$tmp/static" | grep -q libprecis; then fail "static consumer must not need libprecis.so"; fi
[ "$("$tmp/static")" = "$out" ] || fail "static consumer output"
ok "the same program links libprecis.a with pkg-config --static"

echo '#include <precis.h>' > "$tmp/alone.c"
$cc -std=c99 -pedantic -Wall -Wextra -Werror -fsyntax-only $(pkg-config --cflags precis) "$tmp/alone.c" ||
	fail "precis.h alone under -std=c99 -pedantic -Werror"
if command -v c++ >/dev/null 2>&1; then
	# shellcheck disable=SC2046
	c++ -std=c++11 -pedantic -Wall -Wextra -Werror -o "$tmp/cxx" "$root/tests/integration/header.cc" \
		$(pkg-config --cflags --libs precis) || fail "precis.h as C++"
	LD_LIBRARY_PATH="$L" "$tmp/cxx" || fail "C++ program runs"
	ok "precis.h compiles alone as C99 -pedantic and as C++11"
else
	ok "precis.h compiles alone as C99 -pedantic (# SKIP no c++)"
fi

# --- Lua --------------------------------------------------------------------
if command -v lua5.4 >/dev/null 2>&1; then
	cmod=$(find "$dest" -path '*/lua/5.4/precis.so' | head -1)
	[ -n "$cmod" ] || fail "Lua 5.4 module installed"
	h=$(LUA_CPATH="$(dirname "$cmod")/?.so" lua5.4 -e 'print(require("precis").headline(io.read("a")))' \
		< "$root/tests/data/sample.txt")
	[ -n "$h" ] || fail "lua5.4 headline from the installed module"
	ok "lua5.4 -e 'print(require(\"precis\").headline(io.read(\"a\")))' from the installed tree: $h"
fi
if command -v luarocks >/dev/null 2>&1 && command -v lua5.4 >/dev/null 2>&1; then
	# luarocks make builds in the current directory: give it a copy
	mkdir -p "$tmp/src/bindings/lua"
	cp "$root"/precis-*.rockspec "$tmp/src/"
	cp "$root/bindings/lua/lprecis.c" "$tmp/src/bindings/lua/"
	(cd "$tmp/src" && luarocks --lua-version 5.4 --tree "$tmp/rocks" make precis-*.rockspec \
		PRECIS_INCDIR="$P/include" PRECIS_LIBDIR="$L" >"$tmp/rocks.log" 2>&1) ||
		{ cat "$tmp/rocks.log"; fail "luarocks make"; }
	v=$(LUA_CPATH="$tmp/rocks/lib/lua/5.4/?.so" lua5.4 -e 'print(require("precis").version)')
	[ "$v" = "$("$P/bin/precis" --version | sed 's/^precis //')" ] || fail "luarocks module version: $v"
	ok "luarocks make builds the module into a local tree against the installed library"
else
	ok "luarocks make (# SKIP luarocks or lua5.4 not installed)"
fi

# --- Neovim -----------------------------------------------------------------
if command -v nvim >/dev/null 2>&1; then
	site=$(find "$dest" -type d -path '*/nvim/site' | head -1)
	[ -d "$site/pack/precis/start/precis/plugin" ] || fail "plugin installed under site/pack/*/start"
	printf 'The council voted for solar panels on every school. Parents welcomed the plan.\n' > "$tmp/buf.txt"
	# XDG_DATA_HOME/nvim/site is on 'packpath': the installed package loads at
	# startup, and finds the LuaJIT module under the prefix it was installed in
	XDG_DATA_HOME="$(dirname "$(dirname "$site")")" XDG_CONFIG_HOME="$tmp/cfg" XDG_STATE_HOME="$tmp/state" \
		nvim --headless -u NORC -i NONE -n "$tmp/buf.txt" \
		-c 'redir! > '"$tmp"'/nvim.out' -c 'Precis headline' \
		-c 'lua print(require("precis.backend").describe and require("precis.backend").describe() or "")' \
		-c 'redir END' -c 'qa!' >/dev/null 2>&1 || true
	grep -qi 'council voted for solar panels' "$tmp/nvim.out" ||
		fail "the installed plugin answers :Precis headline: $(cat "$tmp/nvim.out")"
	ok "the plugin works from meson install into site/pack/precis/start"

	# a checkout on 'runtimepath' after its build step finds build*/ by
	# itself; the checkout is made here (the plugin and a build/ beside it),
	# so the test holds wherever the build directory of this run is
	mkdir -p "$tmp/checkout/plugins"
	cp -R "$root/plugins/nvim" "$tmp/checkout/plugins/nvim"
	ln -s "$(cd "$build" && pwd)" "$tmp/checkout/build"
	XDG_DATA_HOME="$tmp/empty" XDG_CONFIG_HOME="$tmp/cfg" XDG_STATE_HOME="$tmp/state" \
		nvim --headless -u NORC -i NONE -n --cmd "set rtp^=$tmp/checkout/plugins/nvim" "$tmp/buf.txt" \
		-c 'redir! > '"$tmp"'/rtp.out' -c 'Precis headline' -c 'redir END' -c 'qa!' >/dev/null 2>&1 || true
	grep -qi 'council voted for solar panels' "$tmp/rtp.out" ||
		fail "a checkout on runtimepath answers :Precis headline: $(cat "$tmp/rtp.out")"
	ok "the plugin works from a checkout put on runtimepath after its build step"
fi

# --- uninstall --------------------------------------------------------------
(cd "$build" && DESTDIR="$dest" meson --internal uninstall >/dev/null 2>&1) ||
	ninja -C "$build" uninstall >/dev/null
left=$([ -d "$dest" ] && find "$dest" \( -type f -o -type l \) | head -5 || true)
[ -z "$left" ] || fail "uninstall leaves files behind: $left"
ok "uninstall from the build tree removes every installed file"
echo "1..$n"
