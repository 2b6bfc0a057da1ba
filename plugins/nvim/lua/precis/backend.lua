-- precis.backend: finds the engine and returns results in one shape.
--
-- The engine is the native module (libprecis's Lua binding built for LuaJIT)
-- when one loads, else the precis command run with --json. Callers get the
-- same normalized result from either:
--
--   { engine = "native" | "cli", headline = string, language = string,
--     format = string,
--     keywords = { { text = string, score = number }, ... },       best first
--     sentences = { { text, score, rank, index, s, e }, ... } }    document order
--
-- where index is 1-based and s / e are the 1-based inclusive byte offsets of
-- the sentence in the text that was passed in.
--
-- The native module is never loaded with require("precis"): that name is the
-- plugin's own. It is opened with package.loadlib() from, in order:
--   1. setup{ library = ... } or vim.g.precis_library (false: never load it)
--   2. package.searchpath("precis", package.cpath)
--   3. <plugin>/lib/precis.so                     (installed copies)
--   4. <plugin>/../../build*/bindings/lua/luajit/precis.so   (repo checkout)
--   5. <prefix>/lib{,/*}/precis/luajit/precis.so for the prefix the plugin
--      was installed under, /usr/local and /usr
-- See :help precis-engine.

local config = require("precis.config")

local M = {}

local uv = vim.uv or vim.loop
local state -- the engine in use, found on first need; see M.info()

local function plugin_root()
  local src = debug.getinfo(1, "S").source
  if src:sub(1, 1) == "@" then
    src = src:sub(2)
  end
  return vim.fn.fnamemodify(src, ":p:h:h:h")
end

local function exists(path)
  return path ~= nil and uv.fs_stat(path) ~= nil
end

-- vim.g values come through as false, 0 or "" when a user turns a path off.
local function setting(opt, global)
  local v = config.get()[opt]
  if v == nil then
    v = vim.g[global]
  end
  if v == false or v == 0 or v == "" then
    return false
  end
  return v
end

local function add(list, seen, path, why)
  if path and path ~= "" then
    path = vim.fn.fnamemodify(path, ":p")
    if not seen[path] then
      seen[path] = true
      list[#list + 1] = { path = path, why = why }
    end
  end
end

-- Install prefixes to search: the one the plugin is installed under
-- (<prefix>/share/nvim/site/pack/precis/start/precis), /usr/local and /usr.
local function prefixes()
  local list = {}
  local root = plugin_root()
  if root:match("/share/nvim/site/pack/[^/]+/[^/]+/[^/]+$") then
    list[1] = vim.fn.fnamemodify(root, ":h:h:h:h:h:h:h")
  end
  vim.list_extend(list, { "/usr/local", "/usr" })
  return list
end

local function native_candidates()
  local list, seen = {}, {}
  local explicit = setting("library", "precis_library")
  if explicit == false then
    return list, true
  end
  if explicit then
    add(list, seen, vim.fn.expand(explicit), "configured path")
    return list, false
  end
  local found = package.searchpath("precis", package.cpath)
  if found then
    add(list, seen, found, "package.cpath")
  end
  local root = plugin_root()
  add(list, seen, root .. "/lib/precis.so", "next to the plugin")
  for _, p in ipairs(vim.fn.glob(root .. "/../../build*/bindings/lua/luajit/precis.so", true, true)) do
    add(list, seen, p, "repository build")
  end
  for _, prefix in ipairs(prefixes()) do
    add(list, seen, prefix .. "/lib/precis/luajit/precis.so", "install prefix")
    for _, p in ipairs(vim.fn.glob(prefix .. "/lib/*/precis/luajit/precis.so", true, true)) do
      add(list, seen, p, "install prefix")
    end
  end
  return list, false
end

local function cli_candidates()
  local list, seen = {}, {}
  local explicit = setting("cli", "precis_cli")
  if explicit == false then
    return list, true
  end
  if explicit then
    local p = vim.fn.exepath(vim.fn.expand(explicit))
    add(list, seen, p ~= "" and p or vim.fn.expand(explicit), "configured path")
    return list, false
  end
  local onpath = vim.fn.exepath("precis")
  if onpath ~= "" then
    add(list, seen, onpath, "$PATH")
  end
  for _, p in ipairs(vim.fn.glob(plugin_root() .. "/../../build*/bindings/cli/precis", true, true)) do
    add(list, seen, p, "repository build")
  end
  for _, prefix in ipairs(prefixes()) do
    add(list, seen, prefix .. "/bin/precis", "install prefix")
  end
  return list, false
end

local function load_native(path)
  if not exists(path) then
    return nil, "not found"
  end
  local open, err = package.loadlib(path, "luaopen_precis")
  if not open then
    return nil, tostring(err)
  end
  -- Keep the plugin's own require("precis") intact whatever luaopen does.
  local saved = package.loaded.precis
  local ok, mod = pcall(open, "precis", path)
  package.loaded.precis = saved
  if not ok then
    return nil, "luaopen_precis failed: " .. tostring(mod)
  end
  if type(mod) ~= "table" or type(mod.summarize) ~= "function" then
    return nil, "luaopen_precis did not return a table with summarize()"
  end
  return mod
end

local function find()
  local s = { tried = {} }
  local natives, native_off = native_candidates()
  s.native_disabled = native_off
  for _, c in ipairs(natives) do
    local mod, err = load_native(c.path)
    s.tried[#s.tried + 1] = { path = c.path, why = c.why, kind = "native", error = err }
    if mod then
      s.kind, s.path, s.module = "native", c.path, mod
      s.version = type(mod.version) == "string" and mod.version or nil
      return s
    end
  end
  local clis, cli_off = cli_candidates()
  s.cli_disabled = cli_off
  for _, c in ipairs(clis) do
    local ok = vim.fn.executable(c.path) == 1
    s.tried[#s.tried + 1] = { path = c.path, why = c.why, kind = "cli",
      error = not ok and (exists(c.path) and "not executable" or "not found") or nil }
    if ok then
      s.kind, s.path = "cli", c.path
      return s
    end
  end
  s.kind = "none"
  return s
end

-- The engine in use: { kind = "native"|"cli"|"none", path, version, tried =
-- { { path, why, kind, error }, ... }, native_disabled, cli_disabled }.
function M.info()
  if not state then
    state = find()
    -- A configured module that does not load deserves a word, once: the
    -- slower fallback would otherwise go unnoticed.
    local first = state.tried[1]
    if first and first.kind == "native" and first.why == "configured path" and first.error then
      vim.notify(("precis: cannot load %s: %s; %s"):format(first.path, first.error,
        state.kind == "cli" and ("using the precis command " .. state.path) or "see :checkhealth precis"),
        vim.log.levels.WARN)
    end
  end
  return state
end

-- Forget the engine; the next call looks again (setup() calls this).
function M.reset()
  state = nil
end

local function none_message(s)
  local lines = { "no engine found: the native module did not load and no precis command was found" }
  for _, t in ipairs(s.tried) do
    lines[#lines + 1] = ("  %s %s: %s"):format(t.kind, t.path, t.error or "?")
  end
  lines[#lines + 1] = "  see :checkhealth precis and :help precis-engine"
  return table.concat(lines, "\n")
end

local function nonnil(v)
  if v == vim.NIL then
    return nil
  end
  return v
end

local function clip_keywords(list, n)
  local out = {}
  for i, k in ipairs(list or {}) do
    if i > n then
      break
    end
    out[i] = { text = k.text, score = nonnil(k.score) }
  end
  return out
end

local function run_native(mod, text, o)
  local ok, r, err, err_code = pcall(mod.summarize, text, {
    sentences = o.sentences,
    format = o.format,
    headline_bytes = o.headline_bytes,
    headline_label = o.headline_label,
    keywords = o.keywords,
    lang = o.lang,
  })
  if not ok then
    return nil, "native module: " .. tostring(r)
  end
  if not r then
    return nil, tostring(err), err_code
  end
  local sentences = {}
  for i, s in ipairs(r.sentences or {}) do
    sentences[i] = { text = s.text, score = s.score, rank = s.rank, index = s.index,
      s = s.byte_start, e = s.byte_end }
  end
  table.sort(sentences, function(a, b) return a.s < b.s end)
  return {
    engine = "native",
    headline = r.headline or "",
    language = r.language,
    format = r.format,
    keywords = clip_keywords(r.keywords, o.keywords),
    sentences = sentences,
  }
end

local cli_result

local function cli_args(path, o)
  local args = { path, "--json", "-n", tostring(o.sentences),
    "--headline-bytes", tostring(o.headline_bytes), "--keyword-count", tostring(o.keywords) }
  if o.headline_label == false then
    table.insert(args, "--headline-no-label")
  end
  if o.format ~= "auto" then
    vim.list_extend(args, { "--format", o.format })
  end
  if o.lang and o.lang ~= "auto" then
    vim.list_extend(args, { "--lang", o.lang })
  end
  return args
end

local function run_cli(path, text, o)
  local args = cli_args(path, o)
  local out, err, code = {}, {}, nil
  local ok, job = pcall(vim.fn.jobstart, args, {
    stdout_buffered = true,
    stderr_buffered = true,
    on_stdout = function(_, d) out = d end,
    on_stderr = function(_, d) err = d end,
    on_exit = function(_, c) code = c end,
  })
  if not ok or job <= 0 then
    return nil, ("cannot run %s: %s"):format(path,
      ok and (job == -1 and "not executable" or "invalid arguments") or tostring(job))
  end
  vim.fn.chansend(job, text)
  vim.fn.chanclose(job, "stdin")
  local status = vim.fn.jobwait({ job }, o.cli_timeout)[1]
  if status == -1 then
    vim.fn.jobstop(job)
    return nil, ("%s timed out after %d ms"):format(path, o.cli_timeout)
  end
  return cli_result(path, code or status, out, err, o)
end

-- The normalized result of a finished `precis --json` run, or nil and a
-- message.
cli_result = function(path, code, out, err, o)
  if code ~= 0 then
    local msg = vim.trim(table.concat(err, "\n"))
    msg = msg:gsub("^precis: ", "")
    return nil, msg ~= "" and msg or ("%s exited with status %d"):format(path, code)
  end
  local okj, j = pcall(vim.json.decode, table.concat(out, "\n"))
  if not okj or type(j) ~= "table" then
    return nil, ("%s printed JSON that did not decode: %s"):format(path, tostring(j))
  end
  if j[1] ~= nil then
    j = j[1] -- tolerate one document wrapped in a list
  end
  local chosen
  if type(j.summary) == "table" then
    chosen = {}
    for _, i in ipairs(j.summary) do
      chosen[i] = true
    end
  end
  local sentences = {}
  for _, s in ipairs(nonnil(j.sentences) or {}) do
    local pick
    if chosen then
      pick = chosen[s.index]
    else
      pick = s.selected == nil or s.selected == true
    end
    if pick then
      sentences[#sentences + 1] = { text = s.text, score = nonnil(s.score), rank = nonnil(s.rank),
        index = s.index + 1, s = s.start + 1, e = s["end"] }
    end
  end
  table.sort(sentences, function(a, b) return a.s < b.s end)
  return {
    engine = "cli",
    headline = nonnil(j.headline) or "",
    language = nonnil(j.language),
    format = nonnil(j.format),
    keywords = clip_keywords(nonnil(j.keywords), o.keywords),
    sentences = sentences,
  }
end

-- Summarize text with the engine in use. opts: { sentences, format =
-- "plain"|"markdown"|"auto", keywords }; the rest comes from the config.
-- Returns the normalized result, or nil and a message.
local function resolve(opts)
  local cfg = config.get()
  return {
    sentences = opts.sentences or cfg.sentences,
    keywords = opts.keywords or cfg.keywords,
    format = opts.format or "auto",
    headline_bytes = cfg.headline_bytes,
    headline_label = cfg.headline_label,
    lang = cfg.lang,
    cli_timeout = cfg.cli_timeout,
  }
end

function M.summarize(text, opts)
  local o = resolve(opts)
  local s = M.info()
  if s.kind == "native" then
    return run_native(s.module, text, o)
  elseif s.kind == "cli" then
    return run_cli(s.path, text, o)
  end
  return nil, none_message(s)
end

---------------------------------------------------------------------------
-- Off the main loop, for big texts (see :help precis-big)

-- Runs in a thread of libuv's pool, which has a Lua state of its own and
-- nothing of vim: the native module is loaded again there, and the result
-- comes back as one string of length-prefixed fields.
local function work(path, text, file, sentences, format, headline_bytes, keywords, lang,
    headline_label)
  if file ~= "" then
    local f, ferr = io.open(file, "rb")
    if not f then
      return false, tostring(ferr)
    end
    text = f:read("*a")
    f:close()
  end
  local open, lerr = package.loadlib(path, "luaopen_precis")
  if not open then
    return false, tostring(lerr)
  end
  local ok, mod = pcall(open, "precis", path)
  if not ok then
    return false, tostring(mod)
  end
  local ok2, r, msg, code = pcall(mod.summarize, text, { sentences = sentences,
    format = format, headline_bytes = headline_bytes, headline_label = headline_label,
    keywords = keywords, lang = lang })
  if not ok2 then
    return false, "native module: " .. tostring(r)
  end
  if not r then
    return false, tostring(msg), tostring(code)
  end
  local parts = {}
  local function put(v)
    v = type(v) == "number" and ("%.17g"):format(v) or tostring(v)
    parts[#parts + 1] = #v .. ":" .. v
  end
  put(r.headline or "")
  put(r.language or "")
  put(r.format or "")
  put(#r.keywords)
  for _, k in ipairs(r.keywords) do
    put(k.text)
    put(k.score)
  end
  put(#r.sentences)
  for _, x in ipairs(r.sentences) do
    put(x.text)
    put(x.score)
    put(x.rank)
    put(x.index)
    put(x.byte_start)
    put(x.byte_end)
  end
  return true, table.concat(parts)
end

local function unpack_result(packed, o)
  local pos = 1
  local function get()
    local colon = packed:find(":", pos, true)
    local n = tonumber(packed:sub(pos, colon - 1))
    local v = packed:sub(colon + 1, colon + n)
    pos = colon + n + 1
    return v
  end
  local r = { engine = "native", keywords = {}, sentences = {} }
  r.headline, r.language, r.format = get(), get(), get()
  for i = 1, tonumber(get()) do
    r.keywords[i] = { text = get(), score = tonumber(get()) }
  end
  for i = 1, tonumber(get()) do
    r.sentences[i] = { text = get(), score = tonumber(get()), rank = tonumber(get()),
      index = tonumber(get()), s = tonumber(get()), e = tonumber(get()) }
  end
  table.sort(r.sentences, function(a, b) return a.s < b.s end)
  r.keywords = clip_keywords(r.keywords, o.keywords)
  return r
end

-- Summarize text without blocking the editor: the native module in a worker
-- thread, or the precis command as a job. `input` is the text, or { file =
-- path } for a text in a file (which the caller removes once done has run
-- or the request was cancelled). done(result, err, code) runs later
-- on the main loop, never before this returns, and not at all once the
-- handle's cancel() was called. Returns the handle, or nil and a message.
function M.summarize_async(input, opts, done)
  local o = resolve(opts)
  local text = type(input) == "string" and input or ""
  local file = type(input) == "table" and input.file or ""
  local s = M.info()
  local handle = { cancelled = false }
  function handle.cancel()
    handle.cancelled = true
  end
  local function finish(result, err, code)
    vim.schedule(function()
      if not handle.cancelled then
        done(result, err, code)
      end
    end)
  end
  if s.kind == "native" then
    local w = uv.new_work(work, function(ok, a, b)
      if ok then
        local okr, r = pcall(unpack_result, a, o)
        finish(okr and r or nil, not okr and ("native module: " .. tostring(r)) or nil)
      else
        finish(nil, a, b)
      end
    end)
    w:queue(s.path, text, file, o.sentences, o.format, o.headline_bytes, o.keywords,
      o.lang or "auto", o.headline_label)
    return handle
  elseif s.kind == "cli" then
    local out, err = {}, {}
    local args = cli_args(s.path, o)
    if file ~= "" then
      args[#args + 1] = "--"
      args[#args + 1] = file
    end
    local ok, job = pcall(vim.fn.jobstart, args, {
      stdout_buffered = true,
      stderr_buffered = true,
      on_stdout = function(_, d) out = d end,
      on_stderr = function(_, d) err = d end,
      on_exit = function(_, c)
        if not handle.cancelled then
          finish(cli_result(s.path, c, out, err, o))
        end
      end,
    })
    if not ok or job <= 0 then
      return nil, ("cannot run %s: %s"):format(s.path,
        ok and (job == -1 and "not executable" or "invalid arguments") or tostring(job))
    end
    if file == "" then
      vim.fn.chansend(job, text)
    end
    vim.fn.chanclose(job, "stdin")
    function handle.cancel()
      handle.cancelled = true
      pcall(vim.fn.jobstop, job)
    end
    return handle
  end
  return nil, none_message(s)
end

return M
