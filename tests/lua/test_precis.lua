-- tests/lua/test_precis.lua: the precis Lua module through a real interpreter.
--
-- Runs unchanged under Lua 5.4 and LuaJIT 2.1 (plain Lua 5.1 syntax):
--
--   LUA_CPATH='build/bindings/lua/5.4/?.so' lua5.4 tests/lua/test_precis.lua
--   LUA_CPATH='build/bindings/lua/luajit/?.so' luajit tests/lua/test_precis.lua
--
-- With the argument "dump" it prints a canonical serialization of a fixed set
-- of results instead; tests/lua/same.sh checks both interpreters print the
-- same bytes. PRECIS_SOURCE_ROOT (set by meson) locates test data; the shared
-- sample article is used when present and skipped otherwise.
--
-- The core is still being written: these tests check properties the public
-- contract promises (counts, offsets, order, limits, errors), not exact
-- sentences or scores.

local precis = require("precis")

local unpack = table.unpack or unpack
local root = os.getenv("PRECIS_SOURCE_ROOT")
	or (arg and arg[0] and arg[0]:match("^(.*)/tests/lua/[^/]*$")) or "."

local function readfile(path)
	local f = io.open(path, "rb")
	if not f then return nil end
	local s = f:read("*a")
	f:close()
	return s
end

local article = assert(readfile(root .. "/tests/lua/article.txt"),
	"tests/lua/article.txt not found; set PRECIS_SOURCE_ROOT")
local sample = readfile(root .. "/tests/data/sample.txt")
local straits = readfile(root .. "/../shared/samples/straits-times-2018-06-01.txt")

-- Several short sentences, one per line, no markup: every sentence's text is
-- exactly its bytes.
local plain = table.concat({
	"The river rose two metres overnight after the storm.",
	"Farmers moved their cattle to the hills before dawn.",
	"The bridge on the east road was closed by the police.",
	"Schools in the valley will stay shut until Thursday.",
	"Volunteers filled sandbags outside the town hall all morning.",
	"The weather service expects the river to fall by the weekend.",
}, "\n") .. "\n"

---------------------------------------------------------------------------
-- Canonical serialization (for "dump" and for determinism checks)

local function ser(v, out)
	local t = type(v)
	if t == "table" then
		local keys = {}
		for k in pairs(v) do keys[#keys + 1] = k end
		table.sort(keys, function(a, b)
			if type(a) == type(b) then return a < b end
			return type(a) == "number"
		end)
		out[#out + 1] = "{"
		for _, k in ipairs(keys) do
			out[#out + 1] = (type(k) == "number" and string.format("[%d]=", k)
				or k .. "=")
			ser(v[k], out)
			out[#out + 1] = ","
		end
		out[#out + 1] = "}"
	elseif t == "number" then
		if v == math.floor(v) and math.abs(v) < 2^53 then
			out[#out + 1] = string.format("%d", v)
		else
			out[#out + 1] = string.format("%.17g", v)
		end
	elseif t == "string" then
		out[#out + 1] = string.format("%q", v)
	else
		out[#out + 1] = tostring(v)
	end
	return out
end

local function serialize(...)
	local out = {}
	local n = select("#", ...)
	for i = 1, n do
		ser((select(i, ...)), out)
		out[#out + 1] = i < n and ", " or ""
	end
	return table.concat(out)
end

if arg and arg[1] == "dump" then
	local texts = { plain = plain, article = article, sample = sample,
		straits = straits, crlf = plain:gsub("\n", "\r\n"), empty = "" }
	local names = {}
	for k in pairs(texts) do names[#names + 1] = k end
	table.sort(names)
	local optsets = {
		{}, { sentences = 1 }, { sentences = 2, order = "score" },
		{ ratio = 0.5, similarity = "bm25" }, { words = 40, similarity = "cosine" },
		{ bytes = 200, format = "markdown" }, { headline_bytes = 30, keywords = 3 },
	}
	for _, name in ipairs(names) do
		local text = texts[name]
		for i, o in ipairs(optsets) do
			print(name, i, "summarize", serialize(precis.summarize(text, o)))
			print(name, i, "headline", serialize(precis.headline(text, o)))
			print(name, i, "keywords", serialize(precis.keywords(text, o)))
		end
		print(name, "sentences", serialize(precis.sentences(text)))
	end
	print("utf8", serialize(precis.summarize("ab\255cd")))
	print("lang", serialize(precis.summarize("Some text.", { lang = "xx" })))
	-- Lua 5.4 names the function 'precis.summarize', LuaJIT '?' under pcall.
	local ok, err = pcall(precis.summarize, "x", { ratio = 2 })
	print("error", serialize(ok, (err:gsub("^bad argument #2 to '[^']*'", ""))))
	os.exit(0)
end

---------------------------------------------------------------------------
-- A tiny runner

local passed, failed, skipped = 0, 0, 0

local function t(name, fn)
	local ok, err = xpcall(fn, debug.traceback)
	if ok then
		passed = passed + 1
	elseif type(err) == "string" and err:find("^SKIP: ") then
		skipped = skipped + 1
		print("skip " .. name .. ": " .. err:sub(7):match("[^\n]*"))
	else
		failed = failed + 1
		print("FAIL " .. name .. "\n  " .. tostring(err):gsub("\n", "\n  "))
	end
end

local function skip(why) error("SKIP: " .. why, 0) end

local function eq(got, want, what)
	if got ~= want then
		error(string.format("%s: expected %s, got %s", what or "value",
			serialize(want), serialize(got)), 2)
	end
end

local function raises(pattern, f, ...)
	local ok, err = pcall(f, ...)
	if ok then error("expected an error matching '" .. pattern .. "'", 2) end
	if not tostring(err):find(pattern, 1, true) then
		error(string.format("error %q does not contain %q", tostring(err),
			pattern), 2)
	end
	return err
end

local function squash(s) return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", "")) end

-- Reference line/column of a 1-based byte offset, written independently of
-- the C: count LF, CRLF and lone CR line ends before it.
local function linecol(text, pos)
	local line, start, i = 1, 1, 1
	while i < pos do
		local c = text:sub(i, i)
		if c == "\n" then
			line, start = line + 1, i + 1
		elseif c == "\r" then
			if text:sub(i + 1, i + 1) == "\n" then
				if i + 1 < pos then line, start = line + 1, i + 2 end
				i = i + 1
			else
				line, start = line + 1, i + 1
			end
		end
		i = i + 1
	end
	return line, pos - start + 1
end

local function isint(x) return type(x) == "number" and x == math.floor(x) end

local function check_sentence(s, text, where)
	for _, k in ipairs({ "score", "rank", "index", "byte_start", "byte_end",
			"line", "col", "end_line", "end_col" }) do
		assert(type(s[k]) == "number", where .. ": " .. k .. " is not a number")
	end
	for _, k in ipairs({ "rank", "index", "byte_start", "byte_end", "line",
			"col", "end_line", "end_col" }) do
		assert(isint(s[k]) and s[k] >= 1, where .. ": " .. k .. " is not a positive integer")
	end
	assert(type(s.text) == "string" and #s.text > 0, where .. ": empty text")
	assert(type(s.selected) == "boolean", where .. ": selected is not a boolean")
	assert(s.byte_start <= s.byte_end and s.byte_end <= #text,
		where .. ": offsets out of range")
	assert(s.score >= 0 and s.score <= 1, where .. ": score out of [0, 1]")
	local l, c = linecol(text, s.byte_start)
	eq(s.line, l, where .. ": line")
	eq(s.col, c, where .. ": col")
	l, c = linecol(text, s.byte_end)
	eq(s.end_line, l, where .. ": end_line")
	eq(s.end_col, c, where .. ": end_col")
end

-- Every documented property of one summarize() result.
local function check_result(r, text, where)
	assert(type(r) == "table", where .. ": no result")
	assert(type(r.headline) == "string", where .. ": headline")
	assert(type(r.language) == "string" and #r.language > 0, where .. ": language")
	assert(r.format == "plain" or r.format == "markdown", where .. ": format")
	assert(type(r.keywords) == "table", where .. ": keywords")
	assert(type(r.sentences) == "table", where .. ": sentences")
	for i, s in ipairs(r.sentences) do
		check_sentence(s, text, where .. " sentence " .. i)
		eq(s.selected, true, where .. ": selected")
	end
	local last
	for i, k in ipairs(r.keywords) do
		assert(type(k.text) == "string" and #k.text > 0, where .. ": keyword text")
		assert(k.score > 0 and k.score <= 1, where .. ": keyword score in (0, 1]")
		if last then assert(k.score <= last, where .. ": keywords best first") end
		last = k.score
		eq(i == 1 and k.score or 1, 1, where .. ": best keyword scores 1")
	end
end

---------------------------------------------------------------------------
-- The module

t("module shape", function()
	eq(type(precis.summarize), "function", "summarize")
	eq(type(precis.headline), "function", "headline")
	eq(type(precis.keywords), "function", "keywords")
	eq(type(precis.sentences), "function", "sentences")
	assert(type(precis.version) == "string" and precis.version:find("^%d+%.%d+%.%d+$"),
		"version is MAJOR.MINOR.PATCH")
	assert(type(precis.languages) == "table" and #precis.languages >= 1, "languages")
	local en = false
	for _, l in ipairs(precis.languages) do en = en or l == "en" end
	assert(en, "languages include en")
	eq(package.loaded.precis, precis, "package.loaded")
end)

---------------------------------------------------------------------------
-- summarize

t("summarize returns the requested number of sentences", function()
	local all = #precis.sentences(plain)
	assert(all >= 4, "plain text has at least 4 sentences, got " .. all)
	for n = 1, 3 do
		local r = assert(precis.summarize(plain, { sentences = n }))
		check_result(r, plain, "sentences=" .. n)
		eq(#r.sentences, n, "#sentences for sentences=" .. n)
	end
	eq(#assert(precis.summarize(plain)).sentences, 3, "default is 3 sentences")
	eq(#assert(precis.summarize(plain, { sentences = 1000 })).sentences, all,
		"a budget above the count gives every sentence")
end)

t("integral floats count as integers", function()
	eq(#assert(precis.summarize(plain, { sentences = 2.0 })).sentences, 2, "2.0")
end)

t("ratio", function()
	local all = #precis.sentences(plain)
	local r = assert(precis.summarize(plain, { ratio = 0.5 }))
	assert(#r.sentences >= 1 and #r.sentences <= math.ceil(all * 0.5),
		"ratio 0.5 of " .. all .. " gave " .. #r.sentences)
	r = assert(precis.summarize(plain, { ratio = 1e-9 }))
	eq(#r.sentences, 1, "a tiny ratio still gives one sentence")
end)

t("words and bytes budgets", function()
	for _, n in ipairs({ 12, 25, 60 }) do
		local r = assert(precis.summarize(plain, { words = n }))
		local words = 0
		for _, s in ipairs(r.sentences) do
			for _ in s.text:gmatch("%S+") do words = words + 1 end
		end
		assert(words <= n or #r.sentences <= 1,
			"words=" .. n .. " gave " .. words .. " words")
		r = assert(precis.summarize(plain, { bytes = n * 5 }))
		local bytes = 0
		for _, s in ipairs(r.sentences) do bytes = bytes + #s.text end
		assert(bytes <= n * 5 or #r.sentences <= 1,
			"bytes=" .. n * 5 .. " gave " .. bytes .. " bytes")
	end
end)

t("offsets point at the sentence's bytes", function()
	for _, text in ipairs({ plain, article }) do
		for _, s in ipairs(assert(precis.sentences(text, { format = "plain" }))) do
			eq(text:sub(s.byte_start, s.byte_end), s.text, "text:sub of sentence " .. s.index)
		end
	end
end)

t("document order by default, best first with order = score", function()
	local r = assert(precis.summarize(article, { sentences = 4 }))
	check_result(r, article, "document order")
	eq(#r.sentences, 4, "#sentences")
	for i = 2, #r.sentences do
		assert(r.sentences[i - 1].index < r.sentences[i].index, "indices ascend")
		assert(r.sentences[i - 1].byte_end < r.sentences[i].byte_start, "offsets ascend")
	end
	local same = assert(precis.summarize(article, { sentences = 4, order = "document" }))
	eq(serialize(same), serialize(r), "order = document is the default")

	local b = assert(precis.summarize(article, { sentences = 4, order = "score" }))
	check_result(b, article, "score order")
	eq(#b.sentences, 4, "#sentences")
	for i = 2, #b.sentences do
		assert(b.sentences[i - 1].rank < b.sentences[i].rank, "ranks ascend")
		assert(b.sentences[i - 1].score >= b.sentences[i].score, "scores descend")
	end
	-- The same sentences either way.
	local function set(res)
		local idx = {}
		for _, s in ipairs(res.sentences) do idx[#idx + 1] = s.index end
		table.sort(idx)
		return table.concat(idx, ",")
	end
	eq(set(b), set(r), "same selection")
end)

t("line and col with LF, CRLF and CR line ends", function()
	local lines = {
		"First line has one sentence.",
		"Second line has two sentences. This is the second of them.",
		"",
		"  An indented paragraph starts here.",
		"It goes on for one more line.",
	}
	local results = {}
	for _, nl in ipairs({ "\n", "\r\n", "\r" }) do
		local text = table.concat(lines, nl) .. nl
		local all = assert(precis.sentences(text, { format = "plain" }))
		assert(#all >= 4, "at least 4 sentences with " .. serialize(nl))
		local where = {}
		for i, s in ipairs(all) do
			check_sentence(s, text, serialize(nl) .. " sentence " .. i)
			where[#where + 1] = string.format("%d:%d-%d:%d", s.line, s.col,
				s.end_line, s.end_col)
			assert(not s.text:find("[\r\n]"), "no line end inside a sentence's text")
		end
		results[#results + 1] = table.concat(where, " ")
		-- Fixed points that do not depend on how sentences are split.
		eq(all[1].line, 1, "first sentence line")
		eq(all[1].col, 1, "first sentence col")
		local last = all[#all]
		eq(last.end_line, 5, "last sentence ends on line 5")
		eq(last.end_col, #lines[5], "last sentence ends at the period")
		local found
		for _, s in ipairs(all) do
			if s.text:find("^An indented") then found = s end
		end
		assert(found, "the indented sentence")
		eq(found.line, 4, "indented sentence line")
		eq(found.col, 3, "indented sentence col")
	end
	eq(results[2], results[1], "CRLF positions equal LF positions")
end)

t("multi-line sentences: positions span lines", function()
	local text = "This sentence is wrapped\nover two lines. And this one\nis too.\n"
	local all = assert(precis.sentences(text, { format = "plain" }))
	for i, s in ipairs(all) do
		check_sentence(s, text, "wrapped " .. i)
		eq(squash(s.text), squash(text:sub(s.byte_start, s.byte_end)),
			"wrapped sentence text")
	end
	eq(all[1].line, 1, "line")
	eq(all[#all].end_line, 3, "end_line")
end)

t("headline fits headline_bytes", function()
	for _, text in ipairs({ plain, article, sample or plain, straits or plain }) do
		eq(precis.headline(text), assert(precis.summarize(text)).headline,
			"headline() equals summarize().headline")
		assert(#precis.headline(text) <= 75, "default headline_bytes is 75")
		for _, n in ipairs({ 1, 10, 20, 40, 200 }) do
			local h = assert(precis.headline(text, { headline_bytes = n }))
			assert(type(h) == "string", "a string")
			assert(#h <= n, "headline of " .. #h .. " bytes for headline_bytes " .. n)
			assert(not h:find("\n"), "no newline in the headline")
		end
	end
	assert(#precis.headline(article) > 0, "the article has a headline")
end)

t("headline_label", function()
	local mitch = "Rescue teams worked through the night to reach villages cut off by the floods.\n\n"
		.. "Hurricane Mitch destroyed bridges and roads across the region. Officials said "
		.. "Hurricane Mitch had killed hundreds of people in the north.\n\n"
		.. "Aid from abroad began to arrive as Hurricane Mitch moved away. Survivors of "
		.. "Hurricane Mitch waited for food and clean water in the villages.\n"
	local h = assert(precis.headline(mitch))
	assert(h:find("^Hurricane Mitch: Rescue teams"), "a topic label: " .. h)
	h = assert(precis.headline(mitch, { headline_label = false }))
	assert(h:find("^Rescue teams worked") and not h:find(":"), "headline_label = false: " .. h)
	eq(assert(precis.headline(mitch, { headline_label = true })), assert(precis.headline(mitch)),
		"headline_label = true is the default")
end)

t("keywords", function()
	for _, text in ipairs({ article, sample or plain }) do
		local kw = assert(precis.keywords(text))
		assert(type(kw) == "table" and #kw <= 10, "at most 10 by default")
		eq(serialize(kw), serialize(assert(precis.summarize(text)).keywords),
			"keywords() equals summarize().keywords")
		for i, k in ipairs(kw) do
			assert(type(k.text) == "string" and #k.text > 0, "keyword text")
			assert(k.score > 0 and k.score <= 1, "keyword score in (0, 1]")
			if i > 1 then assert(k.score <= kw[i - 1].score, "best first") end
		end
		assert(#assert(precis.keywords(text, { keywords = 2 })) <= 2, "keywords = 2")
	end
end)

t("sentences() lists every sentence with its score and rank", function()
	for _, text in ipairs({ plain, article }) do
		local all = assert(precis.sentences(text, { sentences = 2 }))
		local r = assert(precis.summarize(text, { sentences = 2 }))
		local ranks, total, selected = {}, 0, {}
		for i, s in ipairs(all) do
			check_sentence(s, text, "sentence " .. i)
			eq(s.index, i, "index")
			if i > 1 then assert(all[i - 1].byte_end < s.byte_start, "document order") end
			assert(not ranks[s.rank], "rank " .. s.rank .. " given twice")
			ranks[s.rank] = true
			total = total + s.score
			if s.selected then selected[#selected + 1] = s.index end
		end
		for k = 1, #all do assert(ranks[k], "ranks are 1.." .. #all) end
		assert(math.abs(total - 1) < 1e-6, "scores sum to 1, got " .. total)
		local chosen = {}
		for _, s in ipairs(r.sentences) do
			chosen[#chosen + 1] = s.index
			eq(serialize(s), serialize(all[s.index]), "summarize's sentence equals sentences()'s")
		end
		eq(table.concat(selected, ","), table.concat(chosen, ","),
			"selected flags match the summary")
	end
end)

t("every similarity and format is accepted", function()
	for _, sim in ipairs({ "textrank", "bm25", "cosine" }) do
		local r = assert(precis.summarize(article, { similarity = sim, sentences = 2 }))
		check_result(r, article, sim)
		eq(#r.sentences, 2, sim)
	end
	eq(assert(precis.summarize(article, { format = "plain" })).format, "plain", "plain")
	eq(assert(precis.summarize(article, { format = "markdown" })).format, "markdown", "markdown")
	check_result(assert(precis.summarize(article, { format = "auto" })), article, "auto")
	check_result(assert(precis.summarize(article, { lang = "en" })), article, "en")
	eq(assert(precis.summarize(article, { lang = "auto" })).language, "en", "auto finds en")
	check_result(assert(precis.summarize(article, { damping = 0.5, tolerance = 1e-3,
		max_iterations = 5 })), article, "pagerank options")
end)

t("deterministic", function()
	local o = { sentences = 3, order = "score" }
	eq(serialize(precis.summarize(article, o)), serialize(precis.summarize(article, o)),
		"the same call gives the same result")
end)

---------------------------------------------------------------------------
-- Errors

t("a non-string text raises", function()
	for _, f in ipairs({ precis.summarize, precis.headline, precis.keywords,
			precis.sentences }) do
		raises("string expected", f, 42)
		raises("string expected", f, nil)
		raises("string expected", f)
		raises("string expected", f, {})
		raises("table expected", f, "text", "not a table")
		raises("table expected", f, "text", 3)
	end
end)

t("every option error names its option", function()
	local nan = 0 / 0
	local cases = {
		{ "sentences", 0 }, { "sentences", -1 }, { "sentences", 2.5 },
		{ "sentences", "3" }, { "sentences", true }, { "sentences", 1 / 0 },
		{ "sentences", nan },
		{ "ratio", 0 }, { "ratio", 2 }, { "ratio", -0.5 }, { "ratio", nan },
		{ "ratio", "0.5" }, { "ratio", 1.0000001 },
		{ "words", 0 }, { "words", 1.5 }, { "words", {} },
		{ "bytes", 0 }, { "bytes", -3 }, { "bytes", "many" },
		{ "lang", 5 }, { "lang", true },
		{ "format", "html" }, { "format", 1 },
		{ "similarity", "jaccard" }, { "similarity", false },
		{ "order", "random" }, { "order", 1 },
		{ "headline_bytes", 0 }, { "headline_bytes", 0.5 },
		{ "keywords", 0 }, { "keywords", -2 }, { "keywords", "ten" },
		{ "replace_invalid", "yes" }, { "replace_invalid", 1 },
		{ "max_bytes", 0 }, { "max_bytes", 2^40 }, { "max_bytes", 1.25 },
		{ "damping", 0 }, { "damping", 1 }, { "damping", 1.5 }, { "damping", "high" },
		{ "tolerance", 0 }, { "tolerance", -1 }, { "tolerance", 1 / 0 },
		{ "max_iterations", 0 }, { "max_iterations", 2^33 }, { "max_iterations", 1.5 },
	}
	for _, f in ipairs({ precis.summarize, precis.headline, precis.keywords,
			precis.sentences }) do
		for _, c in ipairs(cases) do
			local err = raises("bad option '" .. c[1] .. "'", f, "Some text.", { [c[1]] = c[2] })
			assert(err:find("expected, got ", 1, true), "says what it got: " .. err)
		end
	end
	local err = raises("bad option 'ratio' (number in (0, 1] expected, got 2)",
		precis.summarize, "x", { ratio = 2 })
	assert(err:find("#2", 1, true), "names the argument: " .. err)
	raises("bad option 'sentences' (integer >= 1 expected, got 3.5)",
		precis.summarize, "x", { sentences = 3.5 })
	raises("bad option 'format' (\"auto\", \"plain\" or \"markdown\" expected, got \"html\")",
		precis.summarize, "x", { format = "html" })
	raises("got \"" .. string.rep("x", 37) .. "...\")", precis.summarize, "x",
		{ format = string.rep("x", 100) })
	raises("unknown option 'sentence'", precis.summarize, "x", { sentence = 3 })
	raises("unknown option 'Ratio'", precis.headline, "x", { Ratio = 0.5 })
	raises("bad option key", precis.summarize, "x", { 3 })
	raises("bad option key", precis.keywords, "x", { [true] = 1 })
end)

t("one bad option among good ones raises", function()
	raises("bad option 'words'", precis.summarize, "x",
		{ sentences = 2, ratio = 0.5, words = -1, lang = "en" })
end)

t("invalid UTF-8 returns nil, message, 'utf8'", function()
	local bad = "Good text here.\nAnd then a bad byte: \255 there."
	local pos = bad:find("\255", 1, true)
	for _, f in ipairs({ precis.summarize, precis.headline, precis.keywords,
			precis.sentences }) do
		local v, msg, code = f(bad)
		eq(v, nil, "value")
		eq(code, "utf8", "code")
		assert(type(msg) == "string" and msg:find("byte " .. pos, 1, true),
			"message gives the 1-based offset " .. pos .. ": " .. tostring(msg))
	end
	local v, msg, code = precis.summarize("\192\128") -- overlong NUL
	eq(v, nil, "overlong")
	eq(code, "utf8", "overlong code")
	assert(msg:find("byte 1", 1, true), msg)
	v, msg, code = precis.summarize("ok \237\160\128") -- a surrogate
	eq(code, "utf8", "surrogate code")
	assert(msg:find("byte 4", 1, true), msg)
end)

t("replace_invalid reads bad bytes as U+FFFD", function()
	local bad = "Good text here.\nAnd then a bad byte: \255 there.\n"
	local r = assert(precis.summarize(bad, { replace_invalid = true }))
	check_result(r, bad, "replaced")
	assert(#r.sentences >= 1, "some sentence")
	local all = assert(precis.sentences(bad, { replace_invalid = true }))
	local seen = false
	for _, s in ipairs(all) do
		check_sentence(s, bad, "replaced")
		if s.text:find("\239\191\189", 1, true) then
			seen = true
			local raw = bad:sub(s.byte_start, s.byte_end)
			assert(raw:find("\255", 1, true), "offsets still point at the original bytes")
		end
	end
	assert(seen, "U+FFFD in the sentence text")
	eq((precis.summarize(bad, { replace_invalid = false })), nil, "replace_invalid = false")
end)

t("max_bytes returns nil, message, 'too_big'", function()
	local v, msg, code = precis.summarize(article, { max_bytes = 100 })
	eq(v, nil, "value")
	eq(code, "too_big", "code")
	assert(type(msg) == "string" and #msg > 0, "message")
	assert(precis.summarize(article, { max_bytes = #article }), "exactly max_bytes is fine")
end)

t("an unknown language returns nil, message, 'lang'", function()
	for _, f in ipairs({ precis.summarize, precis.headline, precis.keywords,
			precis.sentences }) do
		local v, msg, code = f("Some text here.", { lang = "xx" })
		eq(v, nil, "value")
		eq(code, "lang", "code")
		assert(msg:find("'xx'", 1, true), "names the language: " .. tostring(msg))
	end
end)

t("empty input", function()
	local r = assert(precis.summarize(""))
	check_result(r, "", "empty")
	eq(#r.sentences, 0, "no sentences")
	eq(r.headline, "", "headline")
	eq(#r.keywords, 0, "keywords")
	eq(precis.headline(""), "", "headline()")
	eq(#precis.sentences(""), 0, "sentences()")
	eq(#precis.keywords(""), 0, "keywords()")
	for _, blank in ipairs({ " ", "\n\n\n", "\r\n \t\r\n" }) do
		eq(#assert(precis.summarize(blank)).sentences, 0, serialize(blank))
	end
end)

t("embedded NUL bytes are text like any other", function()
	local text = "First sentence here.\0 Second sentence here. Third one.\n"
	for _, s in ipairs(assert(precis.sentences(text))) do check_sentence(s, text, "nul") end
end)

t("many documents and the garbage collector", function()
	for i = 1, 3000 do
		local text = plain .. string.rep("Extra sentence number " .. i .. ". ", i % 7)
		local r = precis.summarize(text, { sentences = 2 })
		assert(#r.sentences == 2)
		if i % 3 == 0 then precis.sentences(text) end
		if i % 5 == 0 then pcall(precis.summarize, text, { ratio = 5 }) end
		if i % 7 == 0 then precis.summarize(text .. "\255") end
		if i % 500 == 0 then collectgarbage() end
	end
	collectgarbage()
	collectgarbage()
end)

t("large input", function()
	local big = string.rep(article .. "\n", 200)
	local r = assert(precis.summarize(big, { sentences = 5 }))
	check_result(r, big, "big")
	eq(#r.sentences, 5, "#sentences")
	eq(#precis.sentences(big), 200 * #precis.sentences(article), "sentences scale")
end)

t("the shared sample article", function()
	if not straits then skip("../shared/samples/straits-times-2018-06-01.txt absent") end
	local r = assert(precis.summarize(straits, { sentences = 3 }))
	check_result(r, straits, "straits")
	eq(#r.sentences, 3, "#sentences")
	assert(#r.headline > 0 and #r.headline <= 75, "headline")
	for _, s in ipairs(precis.sentences(straits)) do
		eq(squash(s.text), squash(straits:sub(s.byte_start, s.byte_end)), "offsets")
	end
end)

t("tests/data/sample.txt", function()
	if not sample then skip("tests/data/sample.txt absent") end
	local r = assert(precis.summarize(sample, { ratio = 0.3 }))
	check_result(r, sample, "sample")
	assert(#r.sentences >= 1, "something selected")
	assert(#r.headline > 0, "headline")
end)

print(string.format("%s: %d passed, %d failed, %d skipped",
	(jit and jit.version or _VERSION), passed, failed, skipped))
os.exit(failed == 0 and 0 or 1, true)
