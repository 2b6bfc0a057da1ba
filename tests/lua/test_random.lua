-- test_random.lua: the precis module called thousands of times with random
-- arguments, right and wrong: wrong types, missing arguments, huge and
-- negative numbers, NaN, infinities, non-string text, unknown options.
--
-- Every call must either return (a result, or nil, message, code for bad
-- data) or raise an error that names the argument ("bad argument #1") and,
-- for an option, the option. Values that are certainly wrong must raise.
-- Nothing may crash the interpreter. The same file runs under Lua 5.4 and
-- LuaJIT; the sequence is a fixed pseudo-random one (own generator, so both
-- interpreters see the same calls). PRECIS_RANDOM_CALLS sets how many.

local precis = require("precis")
local calls = tonumber(os.getenv("PRECIS_RANDOM_CALLS") or "") or 5000

local state = 12345
local function rnd(n) -- 1..n
  state = (state * 16807) % 2147483647 -- exact in doubles too (LuaJIT)
  return math.floor(state / 16) % n + 1
end
local function pick(t) return t[rnd(#t)] end

local nan = 0 / 0
local inf = math.huge
local texts = {
  "", "One.", "Mr. Smith went to Washington. He left at 5 p.m. The U.S. Navy said no.",
  "# Title\n\nSome *markdown* text. With [a link](x).\n\n- a list item. Another.\n",
  "bad \255 byte. Then more text here.", "\0\0\0", ("word "):rep(2000),
  ("Same again. "):rep(300), "\xEF\xBB\xBFBOM. \r\nCRLF.\rCR.", "日本語の文。次の文！",
}
local not_strings = { false, true, 0, 1, -1, 3.5, nan, inf, {}, { "x" }, print,
  coroutine.create(function() end), io.stdout }
-- numbers: huge, negative, NaN, infinite, fractional, ordinary
local numbers = { 0, 1, 2, 3, 10, -1, -3, 0.5, 1.5, 0.999, 1e-300, 2 ^ 31, 2 ^ 32,
  2 ^ 53, 2 ^ 63, 1e308, -1e308, nan, inf, -inf, -0.0 }
local others = { "3", "auto", "plain", "markdown", "bm25", "cosine", "textrank", "score",
  "document", "en", "xx", "", true, false, {}, print }

local int_opts = { sentences = true, words = true, bytes = true, headline_bytes = true,
  keywords = true, max_bytes = true, max_iterations = true }
local enum_opts = {
  format = { auto = true, plain = true, markdown = true },
  similarity = { textrank = true, bm25 = true, cosine = true },
  order = { document = true, score = true },
}
local option_names = { "sentences", "ratio", "words", "bytes", "lang", "format",
  "similarity", "order", "headline_bytes", "keywords", "replace_invalid", "max_bytes",
  "damping", "tolerance", "max_iterations" }

-- Is value v certainly wrong for option k?
local function certainly_wrong(k, v)
  local tv = type(v)
  if int_opts[k] then
    return tv ~= "number" or v ~= v or v < 1 or v ~= math.floor(v)
  elseif k == "ratio" then
    return tv ~= "number" or not (v > 0 and v <= 1)
  elseif k == "damping" then
    return tv ~= "number" or not (v > 0 and v < 1)
  elseif k == "tolerance" then
    return tv ~= "number" or not (v > 0)
  elseif k == "replace_invalid" then
    return tv ~= "boolean"
  elseif enum_opts[k] then
    return tv ~= "string" or not enum_opts[k][v]
  elseif k == "lang" then
    return tv ~= "string" -- an unknown code is bad data: nil, msg, "lang"
  end
  return true -- an unknown option
end

local function random_value()
  local r = rnd(3)
  if r == 1 then return pick(numbers) elseif r == 2 then return pick(others) end
  return pick(not_strings)
end

local function good_value(k)
  if int_opts[k] then return pick({ 1, 2, 3, 20 }) end
  if k == "ratio" or k == "damping" then return pick({ 0.1, 0.5, 0.9 }) end
  if k == "tolerance" then return 1e-4 end
  if k == "replace_invalid" then return true end
  if k == "lang" then return pick({ "auto", "en" }) end
  local set = {}
  for v in pairs(enum_opts[k]) do set[#set + 1] = v end
  table.sort(set)
  return pick(set)
end

local funcs = { "summarize", "headline", "keywords", "sentences" }
local failures, raised, returned, databad = 0, 0, 0, 0
local function fail(i, what)
  failures = failures + 1
  io.stderr:write(("call %d: %s\n"):format(i, what))
  if failures > 20 then error("too many failures") end
end

for i = 1, calls do
  local fname = pick(funcs)
  -- the text: usually a string, sometimes anything else or nothing
  local text_ok = rnd(5) > 1
  local text = text_ok and pick(texts) or pick(not_strings)
  local nargs = 2
  if not text_ok and rnd(4) == 1 then text, nargs = nil, 0 end
  -- the options: nil, not a table, or a table with some good options and at
  -- most one random one (its key may be unknown or not a string)
  local opts, bad_key, opts_wrong
  local r = rnd(10)
  if r == 1 then
    opts = nil
  elseif r == 2 then
    opts = pick({ 1, "x", true, print, nan })
    opts_wrong = true
  else
    opts = {}
    for _ = 1, rnd(3) - 1 do
      local k = pick(option_names)
      opts[k] = good_value(k)
    end
    if rnd(3) > 1 then
      local kr = rnd(10)
      if kr == 1 then bad_key = pick({ "sentence", "Ratio", "", "nope" })
      elseif kr == 2 then bad_key = pick({ 1, 2.5, true })
      else bad_key = pick(option_names) end
      opts[bad_key] = random_value()
      opts_wrong = type(bad_key) ~= "string" or certainly_wrong(bad_key, opts[bad_key])
    end
  end
  -- the budget options meet in summarize; keep a tiny max_bytes out of
  -- the good ones so that most calls go all the way
  local ok, a, b, c
  if nargs == 0 then
    ok, a, b, c = pcall(precis[fname])
  else
    ok, a, b, c = pcall(precis[fname], text, opts)
  end
  local desc = ("precis.%s(%s, %s%s)"):format(fname, type(text), type(opts),
    bad_key ~= nil and (" with " .. tostring(bad_key) .. "=" .. tostring(opts[bad_key])) or "")
  if ok then
    returned = returned + 1
    if type(text) ~= "string" then
      fail(i, desc .. ": a text that is not a string was accepted")
    elseif opts_wrong then
      fail(i, desc .. ": a wrong option was accepted")
    elseif a == nil then
      databad = databad + 1
      if type(b) ~= "string" or type(c) ~= "string" then
        fail(i, desc .. ": nil without a message and a code")
      end
    elseif fname == "headline" and type(a) ~= "string" then
      fail(i, desc .. ": headline is not a string")
    elseif fname ~= "headline" and type(a) ~= "table" then
      fail(i, desc .. ": result is not a table")
    end
  else
    raised = raised + 1
    local msg = tostring(a)
    if type(a) ~= "string" then
      fail(i, desc .. ": error is not a string")
    elseif type(text) ~= "string" then
      if not msg:find("bad argument #1", 1, true) then
        fail(i, desc .. ": error does not name argument #1: " .. msg)
      end
    elseif not msg:find("bad argument #2", 1, true) then
      fail(i, desc .. ": error does not name argument #2: " .. msg)
    elseif type(opts) == "table" then
      local named = type(bad_key) == "string" and msg:find("'" .. bad_key .. "'", 1, true)
        or type(bad_key) ~= "string" and msg:find("option key", 1, true)
      if not named then
        fail(i, desc .. ": error does not name the option: " .. msg)
      end
    end
  end
end

-- the module is still whole after all that
assert(precis.headline("The module still works. Yes it does.") ~= nil)
collectgarbage()
print(("%d calls: %d returned (%d of them nil, message, code), %d raised, %d failures")
  :format(calls, returned, databad, raised, failures))
os.exit(failures == 0 and 0 or 1)
