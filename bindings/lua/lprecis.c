/*
 * lprecis.c: the Lua binding of libprecis, one source for Lua 5.4 and
 * LuaJIT 2.1 (the Lua 5.1 API that Neovim embeds).
 *
 *   local precis = require("precis")
 *   local r = precis.summarize(text, { sentences = 3 })
 *
 * Conventions (bindings/lua/README.md has the whole story):
 *  - Programmer mistakes raise: a text that is not a string, an options value
 *    that is not a table, an unknown option, a mistyped or out-of-range value.
 *  - Bad data returns nil, message, code: invalid UTF-8 ("utf8"), input over
 *    max_bytes ("too_big"), a language this build does not know ("lang"), the
 *    library running out of memory ("nomem").
 *  - Indices and offsets are 1-based, end offsets inclusive, so that
 *    text:sub(s.byte_start, s.byte_end) is the sentence's bytes.
 *  - A precis_doc lives in a userdata whose __gc/__close free it, created
 *    empty before precis_doc_new(), so a Lua error (out of memory while the
 *    result tables are built) can never leak it.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "precis.h"

/* ------------------------------------------------------------------------ */
/* Compatibility: Lua 5.1 / LuaJIT 2.1 and Lua 5.2-5.4                       */

#if LUA_VERSION_NUM < 502
#  ifndef luaL_newlib /* plain Lua 5.1; LuaJIT 2.1 has these */
static void lp_setfuncs(lua_State *L, const luaL_Reg *l)
{
	for (; l->name != NULL; l++) {
		lua_pushcfunction(L, l->func);
		lua_setfield(L, -2, l->name);
	}
}
#    define luaL_newlib(L, l) (lua_newtable(L), lp_setfuncs(L, l))
#  endif
#endif

#if defined(__GNUC__) && __GNUC__ >= 4
#  define LP_EXPORT __attribute__((visibility("default")))
#else
#  define LP_EXPORT
#endif

/* The largest count accepted from a Lua number: every integer up to 2^53 is
 * exact in a double, on every Lua. */
#define LP_MAX_EXACT 9007199254740992.0

#define LP_DOC_MT "precis.doc"

/* ------------------------------------------------------------------------ */
/* The document handle                                                       */

typedef struct lp_handle {
	precis_doc *doc;
} lp_handle;

/* The one finalizer behind __gc, __close and the explicit release after a
 * result is built; safe to run any number of times. */
static int lp_handle_free(lua_State *L)
{
	lp_handle *h = (lp_handle *)luaL_checkudata(L, 1, LP_DOC_MT);
	if (h->doc != NULL) {
		precis_doc_free(h->doc);
		h->doc = NULL;
	}
	return 0;
}

/* Push a new, empty handle: everything that can raise happens here, before
 * there is anything to leak. */
static lp_handle *lp_handle_new(lua_State *L)
{
	lp_handle *h = (lp_handle *)lua_newuserdata(L, sizeof *h);
	h->doc = NULL;
	luaL_getmetatable(L, LP_DOC_MT);
	lua_setmetatable(L, -2);
	return h;
}

static void lp_handle_release(lp_handle *h)
{
	precis_doc_free(h->doc);
	h->doc = NULL;
}

/* ------------------------------------------------------------------------ */
/* Options                                                                   */

/* Options start at stack index 2 in every function. */
#define LP_OPTS 2

/* Render the value at idx for an error message: numbers and strings as
 * they are, anything else by its type name. The same text on every Lua
 * (5.4 would say "2.0" where LuaJIT says "2", so numbers go through %.14g). */
static const char *lp_describe(lua_State *L, int idx)
{
	char buf[64];
	switch (lua_type(L, idx)) {
	case LUA_TNUMBER:
#if LUA_VERSION_NUM >= 503
		if (lua_isinteger(L, idx)) {
			snprintf(buf, sizeof buf, "%lld", (long long)lua_tointeger(L, idx));
			break;
		}
#endif
		snprintf(buf, sizeof buf, "%.14g", (double)lua_tonumber(L, idx));
		break;
	case LUA_TSTRING: {
		/* Quote at most 40 bytes, cut on a character boundary. */
		size_t len, cut;
		const char *s = lua_tolstring(L, idx, &len);
		if (len <= 40)
			return lua_pushfstring(L, "\"%s\"", s);
		for (cut = 37; cut > 0 && (s[cut] & 0xC0) == 0x80; cut--)
			;
		lua_pushlstring(L, s, cut);
		return lua_pushfstring(L, "\"%s...\"", lua_tostring(L, -1));
	}
	default:
		return lua_pushfstring(L, "%s", luaL_typename(L, idx));
	}
	return lua_pushfstring(L, "%s", buf);
}

/* Raise "bad option 'name' (<expected> expected, got <value>)" against the
 * options argument. The value is on top of the stack. Never returns. */
static int lp_opterror(lua_State *L, const char *name, const char *expected)
{
	const char *got = lp_describe(L, -1);
	return luaL_argerror(L, LP_OPTS,
		lua_pushfstring(L, "bad option '%s' (%s expected, got %s)",
		                name, expected, got));
}

/* A count: an integer from 1 to max, given as a Lua integer or as a float
 * with an integral value (LuaJIT has no integer subtype; 3.0 is 3). */
static size_t lp_optcount(lua_State *L, const char *name, double max)
{
	double n;
	if (lua_type(L, -1) != LUA_TNUMBER)
		return (size_t)lp_opterror(L, name, "integer >= 1");
#if LUA_VERSION_NUM >= 503
	if (lua_isinteger(L, -1)) {
		lua_Integer v = lua_tointeger(L, -1);
		if (v < 1 || (double)v > max)
			goto range;
		return (size_t)v;
	}
#endif
	n = (double)lua_tonumber(L, -1);
	if (!(n >= 1.0 && n <= max) || n != (double)(unsigned long long)n)
		goto range;
	return (size_t)n;
range:
	if (max < LP_MAX_EXACT) {
		char expected[64];
		snprintf(expected, sizeof expected, "integer in [1, %.0f]", max);
		lua_pushstring(L, expected);
		lua_insert(L, -2);
		return (size_t)lp_opterror(L, name, lua_tostring(L, -2));
	}
	return (size_t)lp_opterror(L, name, "integer >= 1");
}

static double lp_optnumber(lua_State *L, const char *name,
                           const char *expected)
{
	if (lua_type(L, -1) != LUA_TNUMBER)
		lp_opterror(L, name, expected);
	return (double)lua_tonumber(L, -1);
}

/* One of a NULL-terminated list of names; returns its position. */
static int lp_optenum(lua_State *L, const char *name,
                      const char *const names[], const char *expected)
{
	const char *s;
	int i;
	if (lua_type(L, -1) != LUA_TSTRING)
		return lp_opterror(L, name, expected);
	s = lua_tostring(L, -1);
	for (i = 0; names[i] != NULL; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return lp_opterror(L, name, expected);
}

static int lp_optboolean(lua_State *L, const char *name)
{
	if (lua_type(L, -1) != LUA_TBOOLEAN)
		return lp_opterror(L, name, "boolean");
	return lua_toboolean(L, -1);
}

static const char *const lp_formats[] = { "auto", "plain", "markdown", NULL };
static const char *const lp_similarities[] = {
	"textrank", "bm25", "cosine", NULL };
static const char *const lp_orders[] = { "document", "score", NULL };

/* Read the options table at LP_OPTS (absent or nil: every default) into
 * *o. Strings (lang) stay owned by the table, which stays on the stack for
 * as long as *o is used. Every key is checked: an unknown one is an error. */
static void lp_getoptions(lua_State *L, precis_options *o)
{
	precis_options_init(o);
	if (lua_isnoneornil(L, LP_OPTS))
		return;
	luaL_checktype(L, LP_OPTS, LUA_TTABLE);
	lua_pushnil(L);
	while (lua_next(L, LP_OPTS) != 0) {
		const char *k;
		if (lua_type(L, -2) != LUA_TSTRING) {
			lua_pushvalue(L, -2);
			luaL_argerror(L, LP_OPTS, lua_pushfstring(L,
				"bad option key (string expected, got %s)",
				lp_describe(L, -1)));
		}
		k = lua_tostring(L, -2);
		if (strcmp(k, "sentences") == 0) {
			o->sentences = lp_optcount(L, k, LP_MAX_EXACT);
		} else if (strcmp(k, "ratio") == 0) {
			o->ratio = lp_optnumber(L, k, "number in (0, 1]");
			if (!(o->ratio > 0.0 && o->ratio <= 1.0))
				lp_opterror(L, k, "number in (0, 1]");
		} else if (strcmp(k, "words") == 0) {
			o->words = lp_optcount(L, k, LP_MAX_EXACT);
		} else if (strcmp(k, "bytes") == 0) {
			o->bytes = lp_optcount(L, k, LP_MAX_EXACT);
		} else if (strcmp(k, "lang") == 0) {
			if (lua_type(L, -1) != LUA_TSTRING)
				lp_opterror(L, k, "string");
			o->lang = lua_tostring(L, -1);
			if (strcmp(o->lang, "auto") == 0)
				o->lang = NULL;
		} else if (strcmp(k, "format") == 0) {
			static const precis_format v[] = { PRECIS_FORMAT_AUTO,
				PRECIS_FORMAT_PLAIN, PRECIS_FORMAT_MARKDOWN };
			o->format = v[lp_optenum(L, k, lp_formats,
				"\"auto\", \"plain\" or \"markdown\"")];
		} else if (strcmp(k, "similarity") == 0) {
			static const precis_similarity v[] = { PRECIS_SIM_TEXTRANK,
				PRECIS_SIM_BM25, PRECIS_SIM_COSINE };
			o->similarity = v[lp_optenum(L, k, lp_similarities,
				"\"textrank\", \"bm25\" or \"cosine\"")];
		} else if (strcmp(k, "order") == 0) {
			if (lp_optenum(L, k, lp_orders,
			               "\"document\" or \"score\"") == 1)
				o->flags |= PRECIS_FLAG_ORDER_BY_SCORE;
			else
				o->flags &= ~PRECIS_FLAG_ORDER_BY_SCORE;
		} else if (strcmp(k, "headline_bytes") == 0) {
			o->headline_bytes = lp_optcount(L, k, LP_MAX_EXACT);
		} else if (strcmp(k, "keywords") == 0) {
			o->keywords = lp_optcount(L, k, LP_MAX_EXACT);
		} else if (strcmp(k, "replace_invalid") == 0) {
			if (lp_optboolean(L, k))
				o->flags |= PRECIS_FLAG_REPLACE_INVALID;
			else
				o->flags &= ~PRECIS_FLAG_REPLACE_INVALID;
		} else if (strcmp(k, "headline_topics") == 0) {
			if (lp_optboolean(L, k))
				o->flags |= PRECIS_FLAG_HEADLINE_TOPICS;
			else
				o->flags &= ~PRECIS_FLAG_HEADLINE_TOPICS;
		} else if (strcmp(k, "headline_label") == 0) {
			if (lp_optboolean(L, k))
				o->flags &= ~PRECIS_FLAG_HEADLINE_NO_LABEL;
			else
				o->flags |= PRECIS_FLAG_HEADLINE_NO_LABEL;
		} else if (strcmp(k, "max_bytes") == 0) {
			o->max_bytes = lp_optcount(L, k, 4294967295.0);
		} else if (strcmp(k, "damping") == 0) {
			o->damping = lp_optnumber(L, k, "number in (0, 1)");
			if (!(o->damping > 0.0 && o->damping < 1.0))
				lp_opterror(L, k, "number in (0, 1)");
		} else if (strcmp(k, "tolerance") == 0) {
			o->tolerance = lp_optnumber(L, k, "number > 0");
			if (!(o->tolerance > 0.0 && o->tolerance < 1e308))
				lp_opterror(L, k, "number > 0");
		} else if (strcmp(k, "max_iterations") == 0) {
			o->max_iterations = (unsigned int)lp_optcount(L, k,
				(double)UINT_MAX);
		} else {
			luaL_argerror(L, LP_OPTS, lua_pushfstring(L,
				"unknown option '%s'", k));
		}
		lua_pop(L, 1);
	}
}

/* ------------------------------------------------------------------------ */
/* Building a document                                                       */

/* The short, stable code a script can test for. */
static const char *lp_code(int status)
{
	switch (status) {
	case PRECIS_ENOMEM: return "nomem";
	case PRECIS_EINVAL: return "invalid";
	case PRECIS_EUTF8: return "utf8";
	case PRECIS_EVERSION: return "version";
	case PRECIS_ELANG: return "lang";
	case PRECIS_ETOOBIG: return "too_big";
	case PRECIS_ERANGE: return "range";
	default: return "error";
	}
}

/* Check the arguments, read the options and build the document into a new
 * handle left on top of the stack. On bad data push nil, message, code and
 * return NULL; the caller returns those 3 values. */
static precis_doc *lp_build(lua_State *L, precis_options *o)
{
	size_t len;
	const char *text;
	lp_handle *h;
	int status;

	luaL_checktype(L, 1, LUA_TSTRING);
	text = lua_tolstring(L, 1, &len);
	lp_getoptions(L, o);
	h = lp_handle_new(L);
	status = precis_doc_new(&h->doc, text, len, o);
	if (status == PRECIS_OK)
		return h->doc;
	if (status == PRECIS_EINVAL || status == PRECIS_EVERSION)
		/* Options were checked above: this is a bug on one side. */
		luaL_error(L, "precis: %s", precis_strerror(status));
	lua_pushnil(L);
	if (status == PRECIS_EUTF8) {
		char msg[64];
		size_t bad = 0;
		precis_utf8_check(text, len, &bad);
		snprintf(msg, sizeof msg, "invalid UTF-8 at byte %zu", bad + 1);
		lua_pushstring(L, msg);
	} else if (status == PRECIS_ELANG) {
		lua_pushfstring(L, "unsupported language '%s'",
		                o->lang ? o->lang : "auto");
	} else {
		lua_pushstring(L, precis_strerror(status));
	}
	lua_pushstring(L, lp_code(status));
	return NULL;
}

/* ------------------------------------------------------------------------ */
/* Lines and columns                                                         */

typedef struct lp_pos {
	size_t line, col, end_line, end_col;
} lp_pos;

typedef struct lp_cursor {
	const char *text;
	size_t len;
	size_t at;         /* the next byte to look at */
	size_t line;       /* 1-based line of byte `at` */
	size_t line_start; /* offset of that line's first byte */
} lp_cursor;

/* Move to byte `to` and return its 1-based line and column (in bytes).
 * Lines end at LF, CRLF or a lone CR; the CR of a CRLF ends nothing, its
 * LF does. Sentences come in document order, so one forward scan serves
 * all of them; should an offset ever go backwards, the scan restarts. */
static void lp_seek(lp_cursor *c, size_t to, size_t *line, size_t *col)
{
	if (to > c->len)
		to = c->len;
	if (to < c->at) {
		c->at = 0;
		c->line = 1;
		c->line_start = 0;
	}
	for (; c->at < to; c->at++) {
		char ch = c->text[c->at];
		if (ch == '\n' || (ch == '\r' && (c->at + 1 >= c->len ||
		                                  c->text[c->at + 1] != '\n'))) {
			c->line++;
			c->line_start = c->at + 1;
		}
	}
	*line = c->line;
	*col = to - c->line_start + 1;
}

/* Positions of every sentence, in a userdata left on the stack (so that an
 * error frees it too). */
static lp_pos *lp_positions(lua_State *L, const precis_doc *doc)
{
	size_t n = precis_doc_sentence_count(doc), i;
	lp_pos *p = (lp_pos *)lua_newuserdata(L, (n ? n : 1) * sizeof *p);
	lp_cursor c;
	c.text = lua_tolstring(L, 1, &c.len);
	c.at = 0;
	c.line = 1;
	c.line_start = 0;
	for (i = 0; i < n; i++) {
		size_t s = precis_doc_sentence_start(doc, i);
		size_t e = precis_doc_sentence_end(doc, i);
		lp_seek(&c, s, &p[i].line, &p[i].col);
		if (e > s)
			lp_seek(&c, e - 1, &p[i].end_line, &p[i].end_col);
		else {
			p[i].end_line = p[i].line;
			p[i].end_col = p[i].col;
		}
	}
	return p;
}

/* ------------------------------------------------------------------------ */
/* Result tables                                                             */

static void lp_setint(lua_State *L, const char *k, size_t v)
{
	lua_pushinteger(L, (lua_Integer)v);
	lua_setfield(L, -2, k);
}

static int lp_narr(size_t n)
{
	return n > (size_t)INT_MAX ? INT_MAX : (int)n;
}

/* Push the table of sentence i. */
static void lp_pushsentence(lua_State *L, const precis_doc *doc, size_t i,
                            const lp_pos *p)
{
	size_t len = 0;
	const char *s = precis_doc_sentence_text(doc, i, &len);
	size_t start = precis_doc_sentence_start(doc, i);
	size_t end = precis_doc_sentence_end(doc, i);

	lua_createtable(L, 0, 12);
	lua_pushlstring(L, s ? s : "", s ? len : 0);
	lua_setfield(L, -2, "text");
	lua_pushnumber(L, (lua_Number)precis_doc_sentence_score(doc, i));
	lua_setfield(L, -2, "score");
	lp_setint(L, "rank", precis_doc_sentence_rank(doc, i));
	lp_setint(L, "index", i + 1);
	lp_setint(L, "byte_start", start + 1);
	lp_setint(L, "byte_end", end);
	lp_setint(L, "line", p[i].line);
	lp_setint(L, "col", p[i].col);
	lp_setint(L, "end_line", p[i].end_line);
	lp_setint(L, "end_col", p[i].end_col);
	lua_pushboolean(L, precis_doc_sentence_selected(doc, i));
	lua_setfield(L, -2, "selected");
}

static void lp_pushkeywords(lua_State *L, const precis_doc *doc)
{
	size_t n = precis_doc_keyword_count(doc), k;
	lua_createtable(L, lp_narr(n), 0);
	for (k = 0; k < n; k++) {
		size_t len = 0;
		const char *s = precis_doc_keyword(doc, k, &len);
		lua_createtable(L, 0, 2);
		lua_pushlstring(L, s ? s : "", s ? len : 0);
		lua_setfield(L, -2, "text");
		lua_pushnumber(L, (lua_Number)precis_doc_keyword_score(doc, k));
		lua_setfield(L, -2, "score");
		lua_rawseti(L, -2, (int)(k + 1));
	}
}

static void lp_pushheadline(lua_State *L, const precis_doc *doc)
{
	size_t len = 0;
	const char *s = precis_doc_headline(doc, &len);
	lua_pushlstring(L, s ? s : "", s ? len : 0);
}

/* ------------------------------------------------------------------------ */
/* The module's functions                                                    */

/* precis.summarize(text [, opts]) -> { headline, language, format, keywords,
 * sentences } | nil, message, code */
static int lp_summarize(lua_State *L)
{
	precis_options o;
	precis_doc *doc = lp_build(L, &o);
	lp_handle *h;
	const lp_pos *p;
	size_t n, k;

	if (doc == NULL)
		return 3;
	h = (lp_handle *)lua_touserdata(L, -1);
	p = lp_positions(L, doc);
	lua_createtable(L, 0, 5);
	lp_pushheadline(L, doc);
	lua_setfield(L, -2, "headline");
	lua_pushstring(L, precis_doc_language(doc));
	lua_setfield(L, -2, "language");
	lua_pushstring(L, precis_doc_format(doc) == PRECIS_FORMAT_MARKDOWN ?
	                  "markdown" : "plain");
	lua_setfield(L, -2, "format");
	lp_pushkeywords(L, doc);
	lua_setfield(L, -2, "keywords");
	n = precis_doc_selected_count(doc);
	lua_createtable(L, lp_narr(n), 0);
	for (k = 0; k < n; k++) {
		size_t i = precis_doc_selected(doc, k);
		if (i >= precis_doc_sentence_count(doc))
			break;
		lp_pushsentence(L, doc, i, p);
		lua_rawseti(L, -2, (int)(k + 1));
	}
	lua_setfield(L, -2, "sentences");
	lp_handle_release(h);
	return 1;
}

/* precis.headline(text [, opts]) -> string | nil, message, code */
static int lp_headline(lua_State *L)
{
	precis_options o;
	precis_doc *doc = lp_build(L, &o);
	if (doc == NULL)
		return 3;
	lp_pushheadline(L, doc);
	lp_handle_release((lp_handle *)lua_touserdata(L, -2));
	return 1;
}

/* precis.keywords(text [, opts]) -> { { text, score }, ... } | nil, msg, code */
static int lp_keywords(lua_State *L)
{
	precis_options o;
	precis_doc *doc = lp_build(L, &o);
	if (doc == NULL)
		return 3;
	lp_pushkeywords(L, doc);
	lp_handle_release((lp_handle *)lua_touserdata(L, -2));
	return 1;
}

/* precis.sentences(text [, opts]) -> every sentence in document order, each
 * with its score, rank and whether the summary selects it. */
static int lp_sentences(lua_State *L)
{
	precis_options o;
	precis_doc *doc = lp_build(L, &o);
	lp_handle *h;
	const lp_pos *p;
	size_t n, i;

	if (doc == NULL)
		return 3;
	h = (lp_handle *)lua_touserdata(L, -1);
	p = lp_positions(L, doc);
	n = precis_doc_sentence_count(doc);
	lua_createtable(L, lp_narr(n), 0);
	for (i = 0; i < n; i++) {
		lp_pushsentence(L, doc, i, p);
		lua_rawseti(L, -2, (int)(i + 1));
	}
	lp_handle_release(h);
	return 1;
}

static const luaL_Reg lp_funcs[] = {
	{ "summarize", lp_summarize },
	{ "headline", lp_headline },
	{ "keywords", lp_keywords },
	{ "sentences", lp_sentences },
	{ NULL, NULL }
};

LP_EXPORT int luaopen_precis(lua_State *L);

LP_EXPORT int luaopen_precis(lua_State *L)
{
	const char *const *langs;
	int i;

	if (luaL_newmetatable(L, LP_DOC_MT)) {
		lua_pushcfunction(L, lp_handle_free);
		lua_setfield(L, -2, "__gc");
		lua_pushcfunction(L, lp_handle_free);
		lua_setfield(L, -2, "__close");
		lua_pushliteral(L, "precis.doc");
		lua_setfield(L, -2, "__metatable");
	}
	lua_pop(L, 1);

	luaL_newlib(L, lp_funcs);
	lua_pushstring(L, precis_version());
	lua_setfield(L, -2, "version");
	lua_newtable(L);
	langs = precis_languages();
	for (i = 0; langs != NULL && langs[i] != NULL; i++) {
		lua_pushstring(L, langs[i]);
		lua_rawseti(L, -2, i + 1);
	}
	lua_setfield(L, -2, "languages");
	return 1;
}
