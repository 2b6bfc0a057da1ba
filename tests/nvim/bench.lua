-- tests/nvim/bench.lua: how long :Precis summary takes on a 100 KB buffer,
-- from the command to the float being open, in real headless Neovim.
--
--   PRECIS_LUAJIT_MODULE=build/bindings/lua/luajit/precis.so \
--   nvim --headless -u NONE -i NONE -n --cmd 'set rtp^=plugins/nvim' \
--        -c 'luafile tests/nvim/bench.lua'
--
-- or `meson test -C build --benchmark --suite nvim -v`. With PRECIS_CLI set
-- as well it also times the command-line fallback. The target is one screen
-- refresh (16 ms) on the native path. The text is generated deterministically
-- (a fixed LCG over a fixed vocabulary), so every run measures the same input.

local api = vim.api
local hr = vim.loop.hrtime

local function out(s)
  io.stdout:write(s, "\n")
  io.stdout:flush()
end

local module_path = os.getenv("PRECIS_LUAJIT_MODULE") or ""
local cli_path = os.getenv("PRECIS_CLI") or ""
local target_bytes = tonumber(os.getenv("PRECIS_BENCH_BYTES") or "") or 100 * 1024
local runs = tonumber(os.getenv("PRECIS_BENCH_RUNS") or "") or 30

local seed = 12345
local function rand(n)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n + 1
end

local nouns = { "council", "library", "river", "market", "engineer", "garden", "school",
  "bridge", "harbour", "museum", "station", "budget", "report", "village", "festival",
  "factory", "hospital", "forest", "railway", "teacher", "farmer", "storm", "election",
  "company", "orchestra", "laboratory", "university", "newspaper", "court", "airport" }
local verbs = { "approved", "delayed", "inspected", "funded", "criticised", "opened",
  "closed", "expanded", "repaired", "described", "announced", "welcomed", "rejected",
  "studied", "visited", "measured", "replaced", "protected", "moved", "planned" }
local adjs = { "new", "old", "northern", "public", "local", "small", "large", "famous",
  "quiet", "busy", "regional", "national", "modern", "historic", "remote" }

local function sentence()
  local w = { "The", adjs[rand(#adjs)], nouns[rand(#nouns)], verbs[rand(#verbs)], "the",
    adjs[rand(#adjs)], nouns[rand(#nouns)] }
  for _ = 1, rand(3) do
    vim.list_extend(w, { ({ "near", "after", "with", "for", "before" })[rand(5)], "the",
      nouns[rand(#nouns)] })
  end
  return table.concat(w, " ") .. "."
end

local lines, size, line = {}, 0, {}
while size < target_bytes do
  for _ = 1, rand(6) + 2 do
    line[#line + 1] = sentence()
    local l = table.concat(line, " ")
    if #l > 72 then
      lines[#lines + 1] = l
      size = size + #l + 1
      line = {}
    end
  end
  if #line > 0 then
    lines[#lines + 1] = table.concat(line, " ")
    size = size + #lines[#lines] + 1
    line = {}
  end
  lines[#lines + 1] = ""
  size = size + 1
end

vim.o.columns, vim.o.lines = 120, 40
vim.cmd("runtime plugin/precis.lua")
api.nvim_buf_set_lines(0, 0, -1, false, lines)
local notes = {}
vim.notify = function(msg) notes[#notes + 1] = msg end

local function floats()
  local n = 0
  for _, w in ipairs(api.nvim_list_wins()) do
    if api.nvim_win_get_config(w).relative ~= "" then
      n = n + 1
    end
  end
  return n
end

local function time(label)
  local backend = require("precis.backend")
  local info = backend.info()
  if info.kind == "none" then
    out(("%s: no engine (%s)"):format(label, table.concat(notes, "; ")))
    return false
  end
  vim.cmd("Precis summary") -- warm up: loads the modules and the engine
  require("precis.float").close()
  local t = {}
  for i = 1, runs do
    local t0 = hr()
    vim.cmd("Precis summary")
    t[i] = (hr() - t0) / 1e6
    if floats() ~= 1 then
      out(("%s: no float opened: %s"):format(label, table.concat(notes, "; ")))
      return false
    end
    require("precis.float").close()
  end
  table.sort(t)
  local text = require("precis.source").read(0, 1, api.nvim_buf_line_count(0)).text
  local e = {}
  for i = 1, math.min(runs, 10) do
    local t0 = hr()
    backend.summarize(text, { format = "plain" })
    e[i] = (hr() - t0) / 1e6
  end
  table.sort(e)
  out(("%s (%s): %d bytes, %d lines: :Precis summary to float open: median %.2f ms, "
    .. "min %.2f, max %.2f over %d runs (engine alone: median %.2f ms)"):format(
    label, info.path, #text, #lines, t[math.ceil(runs / 2)], t[1], t[runs], runs,
    e[math.ceil(#e / 2)]))
  return t[math.ceil(runs / 2)]
end

local status = 0
if module_path ~= "" and vim.loop.fs_stat(module_path) then
  vim.g.precis_library, vim.g.precis_cli = module_path, false
  local median = time("native")
  if not median then
    status = 1
  elseif median > 16 then
    out(("native: median %.2f ms is over the 16 ms budget"):format(median))
  end
else
  out("native: skipped (no PRECIS_LUAJIT_MODULE)")
end
if cli_path ~= "" and vim.fn.executable(cli_path) == 1 then
  vim.g.precis_library, vim.g.precis_cli = false, cli_path
  require("precis").setup({})
  if not time("cli") then
    status = 1
  end
end
out(("machine: %s, %s"):format(vim.loop.os_uname().machine, vim.trim(vim.fn.system(
  "grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2") or "")))
vim.cmd(status == 0 and "qall!" or "cquit 1")
