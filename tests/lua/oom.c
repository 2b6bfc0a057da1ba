/*
 * oom.c: the Lua module must not leak a document when a Lua error (here:
 * running out of memory while the result tables are built) unwinds past it.
 *
 *   oom <article>      (LUA_CPATH locates the 5.4 precis.so)
 *
 * A Lua 5.4 state whose allocator fails after the N-th allocation calls
 * precis.summarize() and precis.sentences() for N = 0, 1, 2, ... until a call
 * succeeds. Every failure must be a memory error, and after a full garbage
 * collection the process heap, less what Lua itself holds, must be back where
 * it started: a precis_doc that a longjmp skipped would stay behind.
 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

/* How far the heap may stand above its start and not be a leak: malloc's
 * per-thread caches hold freed small blocks that it still counts as in
 * use, a few kilobytes that move with the order of allocations (a calloc
 * in the library once tipped a 4 KB slack). A leaked document of the test
 * article holds about 66 KB. */
#define LEAK_SLACK 16384

typedef struct budget {
	long left;      /* allocations still allowed; < 0: no limit */
	size_t in_use;  /* bytes Lua holds */
} budget;

static void *lalloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	budget *b = (budget *)ud;
	void *p;
	if (ptr == NULL)
		osize = 0;
	if (nsize == 0) {
		free(ptr);
		b->in_use -= osize;
		return NULL;
	}
	if (b->left == 0 && nsize > osize)
		return NULL;
	if (b->left > 0 && nsize > osize)
		b->left--;
	p = realloc(ptr, nsize);
	if (p != NULL)
		b->in_use += nsize - osize;
	return p;
}

/* Bytes malloc has handed out and not had back, less Lua's own. */
static long long outside_lua(const budget *b)
{
	struct mallinfo2 mi = mallinfo2();
	return (long long)mi.uordblks - (long long)b->in_use;
}

static const char chunk[] =
	"local precis = require('precis')\n"
	"local f = assert(io.open(..., 'rb'))\n"
	"local text = f:read('a')\n"
	"f:close()\n"
	"return function()\n"
	"  local r = assert(precis.summarize(text, { sentences = 3 }))\n"
	"  local all = assert(precis.sentences(text))\n"
	"  return #r.sentences + #all + #precis.headline(text)\n"
	"end\n";

int main(int argc, char **argv)
{
	budget b = { -1, 0 };
	lua_State *L;
	long n;
	long long base = 0, now;
	int ok_in_a_row = 0, failures = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: oom <article>\n");
		return 2;
	}
	L = lua_newstate(lalloc, &b);
	if (L == NULL)
		return 1;
	luaL_openlibs(L);
	if (luaL_loadstring(L, chunk) != LUA_OK) {
		fprintf(stderr, "%s\n", lua_tostring(L, -1));
		return 1;
	}
	lua_pushstring(L, argv[1]);
	if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
		fprintf(stderr, "%s\n", lua_tostring(L, -1));
		return 1;
	}
	/* The function to run is at index 1 from now on. One run without a
	 * limit first, so that anything loaded once is loaded. */
	lua_pushvalue(L, 1);
	if (lua_pcall(L, 0, 1, 0) != LUA_OK) {
		fprintf(stderr, "%s\n", lua_tostring(L, -1));
		return 1;
	}
	lua_pop(L, 1);

	for (n = 0; ok_in_a_row < 3; n++) {
		int status;
		lua_pushvalue(L, 1);
		b.left = n;
		status = lua_pcall(L, 0, 1, 0);
		b.left = -1;
		if (status == LUA_OK) {
			ok_in_a_row++;
		} else if (status == LUA_ERRMEM) {
			ok_in_a_row = 0;
			failures++;
		} else {
			fprintf(stderr, "allocation %ld: unexpected error: %s\n", n,
			        lua_tostring(L, -1));
			return 1;
		}
		lua_pop(L, 1);
		lua_gc(L, LUA_GCCOLLECT, 0);
		lua_gc(L, LUA_GCCOLLECT, 0);
		now = outside_lua(&b);
		if (n == 0)
			base = now;
		else if (now > base + LEAK_SLACK) {
			fprintf(stderr, "allocation %ld: %lld bytes outside Lua, "
			        "%lld at the start: a document leaked\n", n, now, base);
			return 1;
		}
	}
	lua_close(L);
	printf("%d failed allocations, up to %ld; nothing leaked\n", failures, n);
	return failures > 0 ? 0 : 1;
}
