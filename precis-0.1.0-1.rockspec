-- luarocks: `luarocks make` builds the Lua module against an installed
-- libprecis (meson install; pkg-config name "precis"). Point PRECIS_DIR (or
-- PRECIS_INCDIR / PRECIS_LIBDIR) at it when it is not under /usr or /usr/local:
--   luarocks --lua-version 5.4 make PRECIS_DIR=/opt/precis
rockspec_format = "3.0"
package = "precis"
version = "0.1.0-1"
source = {
   url = "git+file:///dev/null", -- a checkout: build it with `luarocks make`
}
description = {
   summary = "Offline summarization: key sentences, key phrases and a headline",
   detailed = [[
The Lua binding of libprecis: TextRank over a sparse sentence graph, with
byte offsets, scores and ranks for every sentence.]],
   license = "MIT",
}
dependencies = {
   "lua >= 5.1",
}
external_dependencies = {
   PRECIS = {
      header = "precis.h",
      library = "precis",
   },
}
build = {
   type = "builtin",
   modules = {
      precis = {
         sources = { "bindings/lua/lprecis.c" },
         libraries = { "precis" },
         incdirs = { "$(PRECIS_INCDIR)" },
         libdirs = { "$(PRECIS_LIBDIR)" },
      },
   },
}
