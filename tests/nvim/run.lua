-- tests/nvim/run.lua: the precis plugin through the real editor.
--
--   PRECIS_NVIM_ENGINE=native PRECIS_LUAJIT_MODULE=<build>/bindings/lua/luajit/precis.so \
--   PRECIS_CLI=<build>/bindings/cli/precis \
--   nvim --headless -u NONE -i NONE -n --cmd 'set rtp^=plugins/nvim' \
--        -c 'luafile tests/nvim/run.lua'
--
-- PRECIS_NVIM_ENGINE picks the engine the plugin must use: "native" (the
-- LuaJIT module at PRECIS_LUAJIT_MODULE, the command turned off) or "cli"
-- (the native module turned off, the command at PRECIS_CLI). The runner drives
-- the real :Precis commands and mappings and checks what a user would see:
-- the float's lines, the cursor after a jump, the extmarks, the messages.
-- It stops at the first failure and exits non-zero (:cquit); it exits 77
-- (meson's "skipped") when the engine it was asked for is not built.

local api = vim.api
local uv = vim.uv or vim.loop

local function out(s)
  io.stdout:write(s, "\n")
  io.stdout:flush()
end

local here = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h")
local fixtures = here .. "/fixtures"
local engine = os.getenv("PRECIS_NVIM_ENGINE") or "native"
local module_path = os.getenv("PRECIS_LUAJIT_MODULE") or ""
local cli_path = os.getenv("PRECIS_CLI") or ""

local function skip(why)
  out(("nvim (%s): SKIP: %s"):format(engine, why))
  vim.cmd("cquit 77")
end

if engine == "native" then
  if module_path == "" or uv.fs_stat(module_path) == nil then
    skip("no LuaJIT module (PRECIS_LUAJIT_MODULE=" .. module_path .. ")")
  end
  vim.g.precis_library = module_path
  vim.g.precis_cli = false
elseif engine == "cli" then
  if cli_path == "" or vim.fn.executable(cli_path) == 0 then
    skip("no precis command (PRECIS_CLI=" .. cli_path .. ")")
  end
  vim.g.precis_library = false
  vim.g.precis_cli = cli_path
else
  out("nvim: PRECIS_NVIM_ENGINE must be native or cli, not " .. engine)
  vim.cmd("cquit 1")
end

vim.o.columns = 100
vim.o.lines = 40
vim.o.hidden = true
vim.cmd("runtime plugin/precis.lua")

-- Messages: vim.notify is what the plugin reports through; record it.
local notes = {}
vim.notify = function(msg, level)
  notes[#notes + 1] = { msg = msg, level = level }
end

---------------------------------------------------------------------------
-- A small harness

local tests = {}
local function test(name, fn)
  tests[#tests + 1] = { name = name, fn = fn }
end

local function fail(msg, level)
  error(msg, (level or 1) + 1)
end

local function eq(got, want, what)
  if not vim.deep_equal(got, want) then
    fail(("%s: expected %s, got %s"):format(what or "value", vim.inspect(want), vim.inspect(got)), 2)
  end
end

local function check(cond, what)
  if not cond then
    fail(what or "check failed", 2)
  end
end

local function squash(s)
  return (vim.trim(s):gsub("%s+", " "))
end

local function floats()
  local list = {}
  for _, w in ipairs(api.nvim_list_wins()) do
    if api.nvim_win_get_config(w).relative ~= "" then
      list[#list + 1] = w
    end
  end
  return list
end

local function reset()
  for _, w in ipairs(floats()) do
    api.nvim_win_close(w, true)
  end
  vim.cmd("silent! only!")
  vim.cmd("enew!")
  vim.cmd("silent! %bwipeout!")
  require("precis").setup({})
  notes = {}
end

-- A scratch buffer holding a fixture (or the given lines), filetype ft.
local function buffer(content, ft)
  local lines = type(content) == "table" and content or vim.fn.readfile(fixtures .. "/" .. content)
  local buf = api.nvim_get_current_buf()
  api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  api.nvim_buf_set_option(buf, "filetype", ft or "text")
  api.nvim_win_set_cursor(0, { 1, 0 })
  vim.cmd("let &g:undolevels = &g:undolevels") -- an undo break: tests undo only their own change
  return buf
end

local function text_of(buf, first, last)
  return squash(table.concat(api.nvim_buf_get_lines(buf, (first or 1) - 1, last or -1, false), " "))
end

local function tick(buf)
  return api.nvim_buf_get_var(buf, "changedtick")
end

local function keys(k)
  api.nvim_feedkeys(api.nvim_replace_termcodes(k, true, false, true), "x", false)
end

-- nvim_exec() is deprecated from 0.10 on, in favour of nvim_exec2().
local function exec(cmd)
  if api.nvim_exec2 then
    return api.nvim_exec2(cmd, { output = true }).output
  end
  return api.nvim_exec(cmd, true)
end

local function messages()
  return exec("messages")
end

-- The float precis opened: its window and what it shows, split into title
-- and sections.
local function the_float()
  local list = floats()
  eq(#list, 1, "number of floating windows")
  local win = list[1]
  local buf = api.nvim_win_get_buf(win)
  local lines = api.nvim_buf_get_lines(buf, 0, -1, false)
  local cfg = api.nvim_win_get_config(win)
  check(cfg.border ~= nil and cfg.border ~= "none", "the float has a border")
  local title, first = nil, 1
  if type(cfg.title) == "table" or type(cfg.title) == "string" then
    title = type(cfg.title) == "string" and cfg.title or cfg.title[1][1]
  else
    title, first = lines[1], 2
  end
  local f = { win = win, buf = buf, lines = lines, title = title, sections = {}, first = first }
  local current
  for i = first, #lines do
    local l = lines[i]
    if l == "Headline" or l == "Key sentences" or l == "Key phrases" then
      current = { line = i, items = {} }
      f.sections[l] = current
    elseif l ~= "" and current then
      current.items[#current.items + 1] = { line = i, text = l }
    end
  end
  return f
end

-- The sentences of a summary float, without their "N. " numbers.
local function sentences_of(f)
  local list = {}
  for _, it in ipairs(f.sections["Key sentences"].items) do
    local text = it.text:match("^%d+%. (.*)$")
    check(text, "sentence line is numbered: " .. it.text)
    list[#list + 1] = { line = it.line, text = text }
  end
  return list
end

local function note(level, pattern)
  for _, n in ipairs(notes) do
    if n.level == level and n.msg:find(pattern) then
      return n
    end
  end
  fail(("no %s message matching %q; messages: %s"):format(
    level == vim.log.levels.WARN and "WARN" or "ERROR", pattern, vim.inspect(notes)), 2)
end

local function extmarks(buf)
  return api.nvim_buf_get_extmarks(buf, require("precis.highlight").ns, 0, -1, { details = true })
end

-- The text an extmark covers, squashed.
local function mark_text(buf, m)
  local row, col, d = m[2], m[3], m[4]
  local lines = api.nvim_buf_get_lines(buf, row, d.end_row + 1, false)
  lines[#lines] = lines[#lines]:sub(1, d.end_col)
  lines[1] = lines[1]:sub(col + 1)
  return squash(table.concat(lines, " "))
end

---------------------------------------------------------------------------
-- The tests

test("the plugin file defines :Precis and <Plug> mappings, no default keys", function()
  eq(vim.fn.exists(":Precis"), 2, ":Precis exists")
  eq(vim.g.loaded_precis, 1, "load guard")
  for _, name in ipairs({ "summary", "headline", "highlight", "keywords" }) do
    check(vim.fn.maparg("<Plug>(precis-" .. name .. ")", "n") ~= "" or
      #vim.fn.maparg("<Plug>(precis-" .. name .. ")", "n", false, true) > 0,
      "normal <Plug>(precis-" .. name .. ")")
    check(next(vim.fn.maparg("<Plug>(precis-" .. name .. ")", "x", false, true)) ~= nil,
      "visual <Plug>(precis-" .. name .. ")")
  end
  for _, mode in ipairs({ "n", "x", "i" }) do
    for _, m in ipairs(api.nvim_get_keymap(mode)) do
      if not m.lhs:find("^<Plug>") then
        check(not (m.rhs or ""):find("[Pp]recis") and not (m.desc or ""):find("^precis"),
          "a default mapping: " .. m.lhs)
      end
    end
  end
end)

test("the engine is the one asked for", function()
  local info = require("precis.backend").info()
  eq(info.kind, engine, "engine kind")
  local want = engine == "native" and module_path or cli_path
  eq(uv.fs_realpath(info.path), uv.fs_realpath(want), "engine path")
end)

test(":Precis completes subcommands", function()
  eq(vim.fn.getcompletion("Precis h", "cmdline"), { "headline", "highlight" }, "completion of h")
  eq(#vim.fn.getcompletion("Precis ", "cmdline"), 5, "all subcommands")
  eq(vim.fn.getcompletion("Precis summary ", "cmdline"), {}, "nothing after a subcommand")
end)

test(":Precis summary shows headline, key sentences and key phrases in a float", function()
  local buf = buffer("article.txt")
  local before = tick(buf)
  local src_win = api.nvim_get_current_win()
  vim.cmd("Precis summary")
  local f = the_float()
  check(f.title:find("precis: summary", 1, true), "title: " .. f.title)
  check(f.sections["Headline"], "a Headline section")
  local headline = f.sections["Headline"].items[1].text
  check(#vim.trim(headline) > 0, "headline is not empty")
  -- a compressed headline drops words ("the", "on Monday") but adds none
  local lower = text_of(buf):lower()
  for word in headline:gmatch("[%w']+") do
    check(lower:find(word:lower(), 1, true), "headline word '" .. word .. "' comes from the text: " .. headline)
  end
  local list = sentences_of(f)
  eq(#list, 3, "default number of sentences")
  local body = text_of(buf)
  local last = 0
  for _, s in ipairs(list) do
    local at = body:find(s.text, 1, true)
    check(at, "sentence is in the buffer: " .. s.text)
    check(at > last, "sentences are in document order")
    last = at
  end
  check(f.sections["Key phrases"], "a Key phrases section")
  check(#f.sections["Key phrases"].items[1].text > 2, "key phrases listed")
  eq(api.nvim_get_current_win(), f.win, "the float has the focus")
  eq(api.nvim_win_get_cursor(f.win)[1], list[1].line, "cursor on the first sentence")
  eq(tick(buf), before, "buffer untouched")
  check(src_win ~= f.win, "a new window")
end)

test(":Precis summary N and setup{ sentences } set the number of sentences", function()
  buffer("article.txt")
  vim.cmd("Precis summary 2")
  eq(#sentences_of(the_float()), 2, ":Precis summary 2")
  reset()
  require("precis").setup({ sentences = 4 })
  buffer("article.txt")
  vim.cmd("Precis")
  eq(#sentences_of(the_float()), 4, "setup{ sentences = 4 } and :Precis alone")
end)

test(":Precis from inside the float works on the buffer behind it", function()
  local buf = buffer("article.txt")
  local win = api.nvim_get_current_win()
  vim.cmd("Precis summary")
  the_float()
  vim.cmd("Precis keywords 4")
  local f = the_float()
  check(f.title:find("key phrases", 1, true), "the key phrases float replaced the summary")
  eq(#f.sections["Key phrases"].items, 4, "four key phrases of the article")
  keys("q")
  eq(api.nvim_get_current_win(), win, "back in the source window")
  eq(api.nvim_get_current_buf(), buf, "the article")
end)

test("q and <Esc> close the float", function()
  buffer("article.txt")
  local win = api.nvim_get_current_win()
  vim.cmd("Precis summary")
  the_float()
  keys("q")
  eq(#floats(), 0, "closed by q")
  eq(api.nvim_get_current_win(), win, "back in the source window")
  vim.cmd("Precis summary")
  the_float()
  keys("<Esc>")
  eq(#floats(), 0, "closed by <Esc>")
end)

test("<CR> on a sentence jumps to it in the source window (line and column)", function()
  local buf = buffer("article.txt")
  local win = api.nvim_get_current_win()
  vim.cmd("Precis summary 5")
  local list = sentences_of(the_float())
  local some_mid_line = false
  for i, s in ipairs(list) do
    if i > 1 then
      vim.cmd("Precis summary 5")
    end
    local f = the_float()
    api.nvim_win_set_cursor(f.win, { s.line, 0 })
    keys("<CR>")
    eq(#floats(), 0, "the float closed")
    eq(api.nvim_get_current_win(), win, "in the source window")
    local pos = api.nvim_win_get_cursor(win)
    local rest = api.nvim_buf_get_lines(buf, pos[1] - 1, -1, false)
    rest[1] = rest[1]:sub(pos[2] + 1)
    local here_text = squash(table.concat(rest, " "))
    eq(here_text:sub(1, #s.text), s.text, "text at the cursor after jumping to sentence " .. i)
    some_mid_line = some_mid_line or pos[2] > 0
  end
  check(some_mid_line, "at least one sentence starts in the middle of a line")
  -- Jumps follow edits made after the summary was shown.
  vim.cmd("Precis summary 5")
  local f = the_float()
  local s = sentences_of(f)[2]
  api.nvim_buf_set_lines(buf, 0, 0, false, { "A new first line.", "" })
  api.nvim_set_current_win(f.win)
  api.nvim_win_set_cursor(f.win, { s.line, 0 })
  keys("<CR>")
  local pos = api.nvim_win_get_cursor(win)
  local rest = api.nvim_buf_get_lines(buf, pos[1] - 1, -1, false)
  rest[1] = rest[1]:sub(pos[2] + 1)
  eq(squash(table.concat(rest, " ")):sub(1, #s.text), s.text, "jump after an edit above")
end)

test(":Precis highlight marks the key sentences; :Precis clear removes them", function()
  local buf = buffer("article.txt")
  local before = tick(buf)
  vim.cmd("Precis summary")
  local list = sentences_of(the_float())
  keys("q")
  vim.cmd("Precis highlight")
  local marks = extmarks(buf)
  eq(#marks, #list, "one extmark per key sentence")
  local multi = false
  for i, m in ipairs(marks) do
    eq(m[4].hl_group, "PrecisSentence", "highlight group")
    eq(mark_text(buf, m), list[i].text, "extmark " .. i .. " spans the sentence")
    check(m[4].virt_text and m[4].virt_text[1][1]:match("^#%d+$"), "rank as virtual text")
    multi = multi or m[4].end_row > m[2]
  end
  check(multi, "a sentence spanning lines is marked across them")
  eq(vim.fn.hlexists("PrecisSentence"), 1, "PrecisSentence is defined")
  check(exec("highlight PrecisSentence"):find("links to"), "default-linked")
  -- Marks follow edits.
  local rows = vim.tbl_map(function(m) return m[2] end, marks)
  api.nvim_buf_set_lines(buf, 0, 0, false, { "inserted" })
  local moved = vim.tbl_map(function(m) return m[2] end, extmarks(buf))
  eq(moved, vim.tbl_map(function(r) return r + 1 end, rows), "marks moved down a line")
  api.nvim_buf_set_lines(buf, 0, 1, false, {})
  before = tick(buf)
  vim.cmd("Precis clear")
  eq(#extmarks(buf), 0, "no extmarks after clear")
  eq(tick(buf), before, "buffer untouched by highlight and clear")
end)

test("setup{ virtual_text = false, highlight = ... } changes the marks", function()
  require("precis").setup({ virtual_text = false, highlight = "Search" })
  local buf = buffer("article.txt")
  vim.cmd("Precis highlight 2")
  local marks = extmarks(buf)
  eq(#marks, 2, ":Precis highlight 2")
  for _, m in ipairs(marks) do
    eq(m[4].hl_group, "Search", "configured group")
    eq(m[4].virt_text, nil, "no virtual text")
  end
end)

test(":Precis headline echoes it; :Precis! headline puts it above the cursor line", function()
  local buf = buffer("article.txt")
  local before = tick(buf)
  vim.cmd("messages clear")
  vim.cmd("Precis headline")
  local echoed = vim.trim(messages())
  check(#echoed > 0, "a headline was echoed")
  local lower = text_of(buf):lower()
  for word in echoed:gmatch("[%w']+") do
    check(lower:find(word:lower(), 1, true), "headline word '" .. word .. "' from the text: " .. echoed)
  end
  eq(tick(buf), before, "buffer untouched without a bang")
  local n = api.nvim_buf_line_count(buf)
  local line5 = api.nvim_buf_get_lines(buf, 4, 5, false)[1]
  api.nvim_win_set_cursor(0, { 5, 3 })
  vim.cmd("Precis! headline")
  eq(api.nvim_buf_line_count(buf), n + 1, "one line added")
  eq(api.nvim_buf_get_lines(buf, 4, 6, false), { echoed, line5 }, "headline above line 5")
  vim.cmd("silent undo")
  eq(api.nvim_buf_line_count(buf), n, "one undo removes it")
end)

test(":Precis! headline refuses a buffer that is not modifiable", function()
  local buf = buffer("article.txt")
  api.nvim_buf_set_option(buf, "modifiable", false)
  local before = tick(buf)
  vim.cmd("Precis! headline")
  note(vim.log.levels.ERROR, "^precis: .*not modifiable")
  eq(tick(buf), before, "buffer untouched")
end)

test(":Precis keywords lists the key phrases in a float", function()
  buffer("article.txt")
  vim.cmd("Precis keywords 5")
  local f = the_float()
  check(f.title:find("key phrases", 1, true), "title: " .. f.title)
  local items = f.sections["Key phrases"].items
  check(#items >= 1 and #items <= 5, "1 to 5 key phrases, got " .. #items)
  check(items[1].text:match("^%s*1%. %S"), "numbered: " .. items[1].text)
end)

test("an empty or blank buffer gives a warning and is left alone", function()
  for _, content in ipairs({ {}, { "", "   ", "\t" } }) do
    for _, sub in ipairs({ "summary", "headline", "highlight", "keywords" }) do
      reset()
      local buf = buffer(content)
      local before = tick(buf)
      vim.cmd("Precis " .. sub)
      local n = note(vim.log.levels.WARN, "^precis: nothing to summarize")
      check(n.msg:find("empty"), "says it is empty: " .. n.msg)
      eq(#floats(), 0, "no float for " .. sub)
      eq(tick(buf), before, "buffer untouched by " .. sub)
      eq(#extmarks(buf), 0, "no extmarks")
    end
  end
end)

test("a visual range summarizes only those lines and jumps map back to them", function()
  local buf = buffer("article.txt")
  -- Lines 7-11: the second paragraph.
  vim.cmd("normal! 7GV4j\27")
  vim.cmd("'<,'>Precis summary 2")
  local f = the_float()
  check(f.title:find("lines 7-11", 1, true), "title names the range: " .. f.title)
  local part = text_of(buf, 7, 11)
  local list = sentences_of(f)
  eq(#list, 2, "two sentences")
  for _, s in ipairs(list) do
    check(part:find(s.text, 1, true), "sentence from lines 7-11: " .. s.text)
  end
  api.nvim_win_set_cursor(f.win, { list[2].line, 0 })
  keys("<CR>")
  local pos = api.nvim_win_get_cursor(0)
  check(pos[1] >= 7 and pos[1] <= 11, "jumped inside the range, to line " .. pos[1])
  local rest = api.nvim_buf_get_lines(buf, pos[1] - 1, 11, false)
  rest[1] = rest[1]:sub(pos[2] + 1)
  eq(squash(table.concat(rest, " ")):sub(1, #list[2].text), list[2].text, "text at the cursor")
  -- The visual <Plug> mapping, as a user would type it.
  vim.cmd("xmap <buffer> <F5> <Plug>(precis-highlight)")
  keys("13GV2j<F5>")
  local marks = extmarks(buf)
  check(#marks >= 1, "visual <Plug>(precis-highlight) placed marks")
  for _, m in ipairs(marks) do
    check(m[2] >= 12 and m[4].end_row <= 14, "marks inside lines 13-15")
  end
  -- The normal <Plug> mapping with a count.
  vim.cmd("nmap <buffer> <F6> <Plug>(precis-summary)")
  keys("2<F6>")
  eq(#sentences_of(the_float()), 2, "2<Plug>(precis-summary)")
end)

test("a Markdown buffer never puts code in the summary", function()
  local buf = buffer("notes.md", "markdown")
  local code_rows = {}
  local inside = false
  for i, l in ipairs(api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if l:match("^```") then
      inside = not inside
      code_rows[i - 1] = true
    elseif inside then
      code_rows[i - 1] = true
    end
  end
  vim.cmd("Precis summary 5")
  local f = the_float()
  for _, l in ipairs(f.lines) do
    check(not l:find("zqxcodetoken", 1, true) and not l:find("open_water_system_now", 1, true)
      and not l:find("```", 1, true), "code in the float: " .. l)
  end
  check(#sentences_of(f) >= 1, "some sentences")
  keys("q")
  vim.cmd("Precis highlight 5")
  for _, m in ipairs(extmarks(buf)) do
    for r = m[2], m[4].end_row do
      check(not code_rows[r], "a highlight inside the code block, row " .. r)
    end
  end
end)

test("text that is not valid UTF-8 is refused with a message, buffer untouched", function()
  local buf = buffer({ "A first sentence is here.", "Bad \255 byte in the second line.", "More." })
  local before = tick(buf)
  vim.cmd("Precis summary")
  local n = note(vim.log.levels.ERROR, "^precis: .*UTF%-8")
  check(n.msg:find("line 2", 1, true), "names the line: " .. n.msg)
  eq(#floats(), 0, "no float")
  eq(tick(buf), before, "buffer untouched")
end)

test("a latin1 'fileencoding' is fine: the text is UTF-8 in memory", function()
  local buf = buffer("article.txt")
  api.nvim_buf_set_option(buf, "fileencoding", "latin1")
  vim.cmd("Precis summary")
  eq(#sentences_of(the_float()), 3, "summary of a latin1 buffer")
end)

test("bad subcommands and arguments are reported", function()
  local buf = buffer("article.txt")
  local before = tick(buf)
  vim.cmd("Precis frobnicate")
  note(vim.log.levels.ERROR, "^precis: unknown subcommand 'frobnicate'")
  vim.cmd("Precis summary many")
  note(vim.log.levels.ERROR, "^precis: usage: :Precis summary %[N%]")
  vim.cmd("Precis clear 3")
  note(vim.log.levels.ERROR, "^precis: usage: :Precis clear")
  eq(#floats(), 0, "no float")
  eq(tick(buf), before, "buffer untouched")
end)

test("headline_label = false: the compressed sentence without a topic label", function()
  local buf = buffer({
    "Rescue teams worked through the night to reach villages cut off by the floods.", "",
    "Hurricane Mitch destroyed bridges and roads across the region. Officials said "
      .. "Hurricane Mitch had killed hundreds of people in the north.", "",
    "Aid from abroad began to arrive as Hurricane Mitch moved away. Survivors of "
      .. "Hurricane Mitch waited for food and clean water in the villages.",
  })
  local before = tick(buf)
  local function headline()
    vim.cmd("messages clear")
    vim.cmd("Precis headline")
    return vim.trim(messages())
  end
  local h = headline()
  check(h:find("^Hurricane Mitch: Rescue teams"), "a topic label by default: " .. h)
  require("precis").setup({ headline_label = false })
  h = headline()
  check(h:find("^Rescue teams worked") and not h:find(":"), "no label: " .. h)
  require("precis").setup()
  eq(tick(buf), before, "buffer untouched")
end)

test("setup() validates its options", function()
  local bad = {
    { { bogus = 1 }, "unknown option 'bogus'" },
    { { sentences = "3" }, "sentences" },
    { { sentences = 0 }, "sentences" },
    { { headline_bytes = 1.5 }, "headline_bytes" },
    { { headline_label = "no" }, "headline_label" },
    { { virtual_text = "yes" }, "virtual_text" },
    { { border = 3 }, "border" },
    { { highlight = "" }, "highlight" },
    { { library = 42 }, "library" },
    { "three", "expected a table" },
  }
  for _, case in ipairs(bad) do
    local ok, err = pcall(require("precis").setup, case[1])
    check(not ok, "setup should fail for " .. vim.inspect(case[1]))
    check(tostring(err):find("^precis.setup: ") and tostring(err):find(case[2], 1, true),
      "error names the problem: " .. tostring(err))
  end
  eq(require("precis.config").get().sentences, 3, "a failed setup changes nothing")
  require("precis").setup({ sentences = 2, border = "single", lang = "en", library = false, cli = false })
  require("precis").setup()
  eq(require("precis.config").get().sentences, 3, "setup() with nothing restores defaults")
end)

test("no engine at all: a clear error, buffer untouched", function()
  require("precis").setup({ library = "/nonexistent/precis.so", cli = "/nonexistent/precis" })
  local buf = buffer("article.txt")
  local before = tick(buf)
  vim.cmd("Precis summary")
  local n = note(vim.log.levels.ERROR, "^precis: no engine found")
  check(n.msg:find("/nonexistent/precis.so", 1, true), "names what was tried")
  eq(#floats(), 0, "no float")
  eq(tick(buf), before, "buffer untouched")
end)

test("a configured module that does not load: a warning, then the command", function()
  if cli_path == "" or vim.fn.executable(cli_path) == 0 then
    return -- the native run may have no command built
  end
  require("precis").setup({ library = "/nonexistent/precis.so", cli = cli_path })
  buffer("article.txt")
  vim.cmd("Precis summary")
  note(vim.log.levels.WARN, "^precis: cannot load /nonexistent/precis.so")
  eq(require("precis.backend").info().kind, "cli", "fell back to the command")
  eq(#sentences_of(the_float()), 3, "summary through the command")
end)

test(":checkhealth precis says which engine runs", function()
  vim.cmd("checkhealth precis")
  local text = table.concat(api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  local want = engine == "native" and "engine: native module" or "engine: CLI fallback"
  check(text:find(want, 1, true), "health report mentions '" .. want .. "':\n" .. text)
  check(not text:find("ERROR", 1, true), "no error in the health report:\n" .. text)
  vim.cmd("tabclose")
end)

test(":helptags generates the tags of doc/precis.txt", function()
  local doc = api.nvim_get_runtime_file("doc/precis.txt", false)[1]
  check(doc, "doc/precis.txt on the runtimepath")
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, "p")
  vim.fn.writefile(vim.fn.readfile(doc), dir .. "/precis.txt")
  vim.cmd("helptags " .. vim.fn.fnameescape(dir))
  local tags = {}
  for _, l in ipairs(vim.fn.readfile(dir .. "/tags")) do
    tags[l:match("^[^\t]+")] = true
  end
  for _, t in ipairs({ "precis.txt", "precis", ":Precis", "precis-setup", "precis-engine",
    "precis-mappings", "precis-highlight", "<Plug>(precis-summary)", "precis-health" }) do
    check(tags[t], "tag " .. t)
  end
  -- Every |link| to a precis tag resolves.
  for _, l in ipairs(vim.fn.readfile(doc)) do
    for link in l:gmatch("|([^|%s]+)|") do
      if link:lower():find("precis") then
        check(tags[link], "link |" .. link .. "| has a tag")
      end
    end
  end
  vim.fn.delete(dir, "rf")
end)

---------------------------------------------------------------------------
-- Big buffers: summarized off the main loop (:help precis-big)

-- The longest time the main loop went without running a 5 ms timer while
-- fn() started work and then until done() (both polled by vim.wait).
local function worst_stall(fn, done, timeout)
  local last, worst = uv.hrtime(), 0
  local timer = uv.new_timer()
  timer:start(5, 5, function()
    local now = uv.hrtime()
    worst = math.max(worst, now - last)
    last = now
  end)
  last = uv.hrtime()
  fn()
  local finished = vim.wait(timeout, done, 5)
  local now = uv.hrtime()
  worst = math.max(worst, now - last)
  timer:stop()
  timer:close()
  return worst / 1e6, finished
end

test("a 50 MB buffer is summarized off the main loop: no stall of 100 ms", function()
  local lines = vim.fn.readfile(fixtures .. "/article.txt")
  lines[#lines + 1] = ""
  lines[#lines + 1] = "```"
  local code = "local x = compute(a, b) + other(c) -- the code of a big log or dump"
  local n = math.ceil(50 * 1024 * 1024 / (#code + 1))
  for i = #lines + 1, #lines + n do
    lines[i] = code
  end
  lines[#lines + 1] = "```"
  local buf = buffer(lines, "markdown")
  lines = nil
  collectgarbage()
  check(api.nvim_buf_get_offset(buf, api.nvim_buf_line_count(buf)) > 50e6, "50 MB in the buffer")
  local stall, finished = worst_stall(function() exec("Precis summary") end,
    function() return #floats() == 1 end, 100000)
  check(finished, "the summary float opened; messages: " .. vim.inspect(notes))
  note(vim.log.levels.INFO, "in the background")
  local f = the_float()
  check(#sentences_of(f) == 3, "three key sentences")
  out(("# 50 MB buffer: the main loop stalled %.0f ms at most"):format(stall))
  -- the precis command as a job: starting it forks the editor, 50 MB and
  -- all, which may take longer on a loaded machine (see :help precis-big)
  local bar = engine == "native" and 100 or 250
  check(stall < bar, ("the editor stalled %.0f ms (at most %d allowed)"):format(stall, bar))
end)

test("a buffer edited while its summary is computed: the result is dropped", function()
  require("precis").setup({ async_bytes = 100 })
  local buf = buffer("article.txt")
  exec("Precis summary")
  api.nvim_buf_set_lines(buf, 0, 1, false, { "An edit made meanwhile." })
  check(vim.wait(20000, function()
    for _, n in ipairs(notes) do
      if n.msg:find("changed while") then
        return true
      end
    end
  end, 5), "a message says the buffer changed; messages: " .. vim.inspect(notes))
  eq(#floats(), 0, "no float for a stale summary")
  -- unchanged, the same command shows the summary
  exec("Precis summary")
  check(vim.wait(20000, function() return #floats() == 1 end, 5), "then the float opens")
end)

test("a buffer wiped while its summary is computed: a message, nothing else", function()
  require("precis").setup({ async_bytes = 100 })
  local buf = buffer("article.txt")
  exec("Precis highlight")
  vim.cmd("enew")
  vim.cmd("bwipeout! " .. buf)
  check(vim.wait(20000, function()
    for _, n in ipairs(notes) do
      if n.msg:find("closed before") then
        return true
      end
    end
  end, 5), "a message says the buffer was closed; messages: " .. vim.inspect(notes))
  eq(#floats(), 0, "no float")
end)

test("a second request replaces the first one still running", function()
  require("precis").setup({ async_bytes = 100 })
  buffer("article.txt")
  exec("Precis keywords")
  exec("Precis summary")
  check(vim.wait(20000, function() return #floats() == 1 end, 5), "one float opens")
  vim.wait(200)
  eq(#floats(), 1, "only the last request's float")
  check(the_float().sections["Key sentences"] ~= nil, "and it is the summary")
end)

---------------------------------------------------------------------------

local passed = 0
for _, t in ipairs(tests) do
  reset()
  local ok, err = xpcall(t.fn, debug.traceback)
  if not ok then
    out(("nvim (%s): FAIL: %s\n%s"):format(engine, t.name, err))
    out(("nvim (%s): %d passed, 1 failed, %d not run"):format(engine, passed, #tests - passed - 1))
    vim.cmd("cquit 1")
  end
  passed = passed + 1
  out(("ok %d - %s"):format(passed, t.name))
end
out(("nvim (%s): all %d tests passed"):format(engine, passed))
vim.cmd("qall!")
