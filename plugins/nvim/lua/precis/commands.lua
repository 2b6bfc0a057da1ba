-- precis.commands: the :Precis command, its subcommands and completion.
--
-- Nothing here changes a buffer's text except :Precis! headline, which the
-- user asks for explicitly. Every failure is a message ("precis: ...") and
-- leaves the buffer as it was.

local backend = require("precis.backend")
local source = require("precis.source")

local M = {}

local api = vim.api
local levels = vim.log.levels

-- A failure the user should read: carried by error() up to M.run.
local Fail = {}
Fail.__index = Fail

local function fail(level, msg)
  error(setmetatable({ level = level, msg = msg }, Fail), 0)
end

-- Subcommands: name -> { run = function(ctx), count = "what N means" }.
local subcommands = {}
M.names = { "summary", "headline", "highlight", "clear", "keywords" }

local function what(ctx)
  return ctx.ranged and "the selected lines" or "the buffer"
end

local function engine_error(ctx, src, err)
  err = tostring(err)
  if err:lower():find("utf%-?8") then
    local line = source.invalid_utf8_line(src)
    fail(levels.ERROR, ("precis: %s is not valid UTF-8%s; nothing was changed "
      .. "(reopen the file with its encoding, e.g. :edit ++enc=latin1)"):format(
      what(ctx), line and (" (line %d)"):format(line) or ""))
  end
  fail(levels.ERROR, "precis: " .. err:gsub("^precis: ", ""))
end

-- Run fn(...) and turn a failure into a message; false if it failed.
local function protected(fn, ...)
  local ok, err = xpcall(fn, function(e)
    if getmetatable(e) == Fail then
      return e
    end
    return debug.traceback(tostring(e), 2)
  end, ...)
  if not ok then
    if getmetatable(err) == Fail then
      vim.notify(err.msg, err.level)
    else
      vim.notify("precis: internal error: " .. tostring(err), levels.ERROR)
    end
    return false
  end
  return true
end

-- The summary being computed in the background, if any: one at a time.
local pending

-- A big text goes to the engine off the main loop; k runs when the result
-- is back, unless the buffer was closed or changed in the meantime (the
-- offsets would no longer point at the right text).
local function summarize_async(ctx, opts, k, bytes)
  if pending then
    pending.cancel()
    pending = nil
  end
  local buf = ctx.buf
  local tick = api.nvim_buf_get_changedtick(buf)
  local request = {}
  local function current()
    if pending ~= request then
      return false
    end
    if not api.nvim_buf_is_valid(buf) then
      pending = nil
      vim.notify("precis: the buffer was closed before its summary was ready", levels.WARN)
      return false
    end
    if api.nvim_buf_get_changedtick(buf) ~= tick then
      pending = nil
      vim.notify("precis: the buffer changed while it was being summarized; "
        .. "run :Precis again", levels.WARN)
      return false
    end
    return true
  end
  local function got(src, result, e)
    os.remove(src.file)
    if not current() then
      return
    end
    pending = nil
    protected(function()
      if not result then
        engine_error(ctx, src, e)
      end
      k(src, result)
    end)
  end
  local stop_reading = source.read_async(buf, ctx.first, ctx.last, function(src, why)
    if not src and why ~= "wiped" then
      pending = nil
      vim.notify("precis: " .. tostring(why), levels.ERROR)
      return
    end
    if not current() then
      if src then
        os.remove(src.file)
      end
      return
    end
    protected(function()
      if source.blank(src) then
        pending = nil
        os.remove(src.file)
        fail(levels.WARN, ("precis: nothing to summarize: %s %s empty"):format(
          what(ctx), ctx.ranged and "are" or "is"))
      end
      opts.format = source.format(buf)
      local handle, err = backend.summarize_async({ file = src.file }, opts,
        function(result, e)
          got(src, result, e)
        end)
      if not handle then
        pending = nil
        os.remove(src.file)
        engine_error(ctx, src, err)
      end
      request.cancel = function()
        handle.cancel()
        os.remove(src.file)
      end
    end)
  end)
  request.cancel = stop_reading
  pending = request
  vim.notify(("precis: summarizing %s (%.1f MB) in the background"):format(what(ctx),
    bytes / 1048576), levels.INFO)
end

-- Read ctx's lines and run the engine, then k(src, result): at once for a
-- text of up to async_bytes, later (off the main loop) for a bigger one.
-- Fails with a message for an empty text or an engine error.
local function summarize(ctx, opts, k)
  opts = opts or {}
  local bytes = api.nvim_buf_get_offset(ctx.buf, ctx.last)
    - api.nvim_buf_get_offset(ctx.buf, ctx.first - 1)
  if bytes > require("precis.config").get().async_bytes then
    return summarize_async(ctx, opts, k, bytes)
  end
  local src = source.read(ctx.buf, ctx.first, ctx.last)
  if source.blank(src) then
    fail(levels.WARN, ("precis: nothing to summarize: %s %s empty"):format(
      what(ctx), ctx.ranged and "are" or "is"))
  end
  opts.format = source.format(ctx.buf)
  local result, err = backend.summarize(src.text, opts)
  if not result then
    engine_error(ctx, src, err)
  end
  k(src, result)
end

local function need_sentences(ctx, result)
  if #result.sentences == 0 then
    fail(levels.WARN, ("precis: nothing to summarize: no sentences found in %s"):format(what(ctx)))
  end
end

local function one_line(s)
  return (vim.trim(s or ""):gsub("%s+", " "))
end

local function title(ctx, name)
  local t = "precis: " .. name
  if ctx.ranged then
    t = t .. (" (lines %d-%d)"):format(ctx.first, ctx.last)
  end
  return t
end

subcommands.summary = {
  count = "sentences",
  run = function(ctx)
    summarize(ctx, { sentences = ctx.count }, function(src, result)
      need_sentences(ctx, result)
      local lines, heads, targets = {}, {}, {}
      local function head(s)
        lines[#lines + 1] = s
        heads[#heads + 1] = #lines
      end
      head("Headline")
      lines[#lines + 1] = "   " .. (result.headline ~= "" and one_line(result.headline) or "(none)")
      lines[#lines + 1] = ""
      head("Key sentences")
      local first_sentence
      for i, s in ipairs(result.sentences) do
        lines[#lines + 1] = ("%d. %s"):format(i, one_line(s.text))
        local row, col = source.position(src, s.s)
        targets[#lines] = { buf = ctx.buf, win = ctx.win, row = row, col = col }
        first_sentence = first_sentence or #lines
      end
      if #result.keywords > 0 then
        lines[#lines + 1] = ""
        head("Key phrases")
        local words = {}
        for i, k in ipairs(result.keywords) do
          words[i] = one_line(k.text)
        end
        lines[#lines + 1] = "   " .. table.concat(words, ", ")
      end
      require("precis.float").open({ title = title(ctx, "summary"), lines = lines,
        heads = heads, targets = targets, cursor = first_sentence })
    end)
  end,
}

subcommands.keywords = {
  count = "key phrases",
  run = function(ctx)
    summarize(ctx, { keywords = ctx.count }, function(_, result)
      if #result.keywords == 0 then
        fail(levels.WARN, ("precis: no key phrases found in %s"):format(what(ctx)))
      end
      local lines, heads = { "Key phrases" }, { 1 }
      local widest = 0
      for _, k in ipairs(result.keywords) do
        widest = math.max(widest, vim.fn.strdisplaywidth(one_line(k.text)))
      end
      for i, k in ipairs(result.keywords) do
        local text = one_line(k.text)
        local pad = string.rep(" ", widest - vim.fn.strdisplaywidth(text))
        lines[#lines + 1] = k.score and ("%2d. %s%s  %.3f"):format(i, text, pad, k.score)
          or ("%2d. %s"):format(i, text)
      end
      require("precis.float").open({ title = title(ctx, "key phrases"), lines = lines,
        heads = heads, cursor = 2 })
    end)
  end,
}

subcommands.headline = {
  run = function(ctx)
    summarize(ctx, nil, function(_, result)
      local headline = one_line(result.headline)
      if headline == "" then
        fail(levels.WARN, ("precis: no headline for %s"):format(what(ctx)))
      end
      if ctx.bang then
        if not vim.bo[ctx.buf].modifiable then
          fail(levels.ERROR, "precis: the buffer is not modifiable")
        end
        local row = ctx.ranged and ctx.first - 1
          or api.nvim_win_is_valid(ctx.win) and api.nvim_win_get_cursor(ctx.win)[1] - 1 or 0
        api.nvim_buf_set_lines(ctx.buf, row, row, true, { headline })
      end
      api.nvim_echo({ { headline } }, true, {})
    end)
  end,
}

subcommands.highlight = {
  count = "sentences",
  run = function(ctx)
    summarize(ctx, { sentences = ctx.count }, function(src, result)
        need_sentences(ctx, result)
        require("precis.highlight").apply(src, result)
    end)
  end,
}

subcommands.clear = {
  run = function(ctx)
    require("precis.highlight").clear(ctx.buf, ctx.ranged and ctx.first or nil,
      ctx.ranged and ctx.last or nil)
  end,
}

-- Run a subcommand with a context { buf, win, first, last, ranged, bang,
-- count }; a failure becomes a message and nothing else.
function M.run(name, ctx)
  local sub = subcommands[name]
  if not sub then
    vim.notify(("precis: unknown subcommand '%s' (expected one of: %s)"):format(
      name, table.concat(M.names, ", ")), levels.ERROR)
    return false
  end
  return protected(sub.run, ctx)
end

-- The :Precis command's callback (opts as nvim_create_user_command gives them).
function M.command(o)
  local args = o.fargs
  local name = args[1] or "summary"
  local sub = subcommands[name]
  local count
  if sub and args[2] ~= nil then
    count = tonumber(args[2])
    if not sub.count or not count or count < 1 or count % 1 ~= 0 or args[3] ~= nil then
      vim.notify(sub.count
        and ("precis: usage: :Precis %s [N] (N: how many %s, a positive number)"):format(name, sub.count)
        or ("precis: usage: :Precis %s (no arguments)"):format(name), levels.ERROR)
      return false
    end
  end
  local first, last, ranged = o.line1, o.line2, o.range > 0
  -- Run from inside the precis window, a command means the text behind it.
  local float = require("precis.float")
  if float.window() == api.nvim_get_current_win() then
    float.close()
    first, last = 1, api.nvim_buf_line_count(0)
    if ranged then
      ranged = false
      vim.notify("precis: a range in the precis window means nothing; using the whole buffer",
        levels.WARN)
    end
  end
  return M.run(name, {
    buf = api.nvim_get_current_buf(),
    win = api.nvim_get_current_win(),
    first = first,
    last = last,
    ranged = ranged,
    bang = o.bang,
    count = count,
  })
end

-- Completion for :Precis: subcommand names for the first argument.
function M.complete(arglead, cmdline, pos)
  local before = cmdline:sub(1, pos):gsub("^%s+", "")
  local words = vim.split(before, "%s+")
  if #words > 2 then
    return {}
  end
  return vim.tbl_filter(function(n)
    return n:sub(1, #arglead) == arglead
  end, M.names)
end

return M
