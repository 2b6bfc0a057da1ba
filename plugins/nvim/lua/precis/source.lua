-- precis.source: the text of a buffer (or of a range of its lines) and the
-- way back from byte offsets in that text to buffer positions.
--
-- Buffer text is UTF-8 in memory whatever 'fileencoding' says ('encoding' is
-- always utf-8 in Neovim), so offsets from the engine are buffer byte
-- columns. Lines are joined with "\n" and the text ends with one, as a file
-- would.

local M = {}

local markdown_filetypes = {
  markdown = true, pandoc = true, rmd = true, quarto = true, vimwiki = true,
  telekasten = true, mdx = true, ["markdown.pandoc"] = true,
}

-- "markdown" for Markdown-like filetypes (compound ones too, "markdown.foo"),
-- "plain" for everything else.
function M.format(buf)
  local ft = vim.bo[buf].filetype
  for part in ft:gmatch("[^.]+") do
    if markdown_filetypes[part] then
      return "markdown"
    end
  end
  return "plain"
end

-- The text of lines first..last (1-based, inclusive) of buf, with what is
-- needed to map offsets back: { buf, first, last, text, starts }, where
-- starts[i] is the 1-based offset of line first + i - 1 in text.
function M.read(buf, first, last)
  local lines = vim.api.nvim_buf_get_lines(buf, first - 1, last, false)
  local starts, pos = {}, 1
  for i, l in ipairs(lines) do
    starts[i] = pos
    pos = pos + #l + 1
  end
  local text = table.concat(lines, "\n")
  if #lines > 0 then
    text = text .. "\n"
  end
  return { buf = buf, first = first, last = first + #lines - 1, lines = lines,
    text = text, starts = starts }
end

-- The same as M.read for a big buffer, without ever holding the editor up:
-- a few thousand lines per turn of the event loop, written to a temporary
-- file as they are read (a 50 MB Lua string takes the main loop longer to
-- make than the 100 ms allowed). The result has no text but its file and
-- length: { buf, first, last, lines, starts, file, len, nonblank }; the
-- caller removes the file. done(src) gets it, or done(nil, why) if the buffer
-- was wiped or the file could not be written. Returns a function that stops
-- the reading (done is then never called, the file is removed).
local CHUNK = 1000

function M.read_async(buf, first, last, done)
  local api, uv = vim.api, vim.uv or vim.loop
  local file = vim.fn.tempname()
  local fd, ferr = uv.fs_open(file, "w", 384)
  if not fd then
    vim.schedule(function() done(nil, "cannot write " .. file .. ": " .. tostring(ferr)) end)
    return function() end
  end
  local lines, starts = {}, {}
  local pos, row, stopped, nonblank = 1, first, false, false
  local function finish()
    stopped = true
    if fd then
      uv.fs_close(fd)
      fd = nil
    end
  end
  local function step()
    if stopped then
      return
    end
    if not api.nvim_buf_is_valid(buf) then
      finish()
      os.remove(file)
      return done(nil, "wiped")
    end
    local upto = math.min(last, row + CHUNK - 1)
    local part = api.nvim_buf_get_lines(buf, row - 1, upto, false)
    local n = #lines
    for i, l in ipairs(part) do
      lines[n + i] = l
      starts[n + i] = pos
      pos = pos + #l + 1
    end
    if #part > 0 then
      local data = table.concat(part, "\n") .. "\n"
      nonblank = nonblank or data:find("%S") ~= nil
      local ok, werr = uv.fs_write(fd, data, -1)
      if not ok then
        finish()
        os.remove(file)
        return done(nil, "cannot write " .. file .. ": " .. tostring(werr))
      end
    end
    row = upto + 1
    if row <= last and #part > 0 then
      vim.defer_fn(step, 0)
      return
    end
    finish()
    done({ buf = buf, first = first, last = first + #lines - 1, lines = lines,
      starts = starts, file = file, len = pos - 1, nonblank = nonblank })
  end
  vim.defer_fn(step, 0)
  return function()
    if not stopped then
      finish()
      os.remove(file)
    end
  end
end

-- True when the text has nothing but white space in it.
function M.blank(src)
  if not src.text then
    return not src.nonblank
  end
  return src.text:find("%S") == nil
end

-- The buffer position of 1-based byte offset off: 0-based row and byte
-- column, as the API wants them. An offset past the end of a line (its
-- "\n") maps to the end of that line.
function M.position(src, off)
  local starts = src.starts
  local n = #starts
  if n == 0 then
    return src.first - 1, 0
  end
  if off >= (src.len or #src.text) + 1 then
    return src.first - 1 + n - 1, #src.lines[n]
  end
  local lo, hi = 1, n
  while lo < hi do
    local mid = math.floor((lo + hi + 1) / 2)
    if starts[mid] <= off then
      lo = mid
    else
      hi = mid - 1
    end
  end
  local col = off - starts[lo]
  if col > #src.lines[lo] then
    col = #src.lines[lo]
  end
  return src.first - 1 + lo - 1, col
end

-- Start (inclusive) and end (exclusive) positions of a sentence, for
-- extmarks: row, col, end_row, end_col, all 0-based. Trailing line breaks
-- are not part of the span.
function M.span(src, s, e)
  local text = src.text
  local function char(off)
    if text then
      return text:sub(off, off)
    end
    local row, col = M.position(src, off)
    local line = src.lines[row - (src.first - 1) + 1] or ""
    return col < #line and line:sub(col + 1, col + 1) or "\n"
  end
  while e > s and char(e):match("%s") do
    e = e - 1
  end
  local row, col = M.position(src, s)
  local erow, ecol = M.position(src, e)
  -- e is inclusive: end just after its byte (the whole character: the
  -- engine's offsets end on character boundaries).
  ecol = ecol + 1
  local line = src.lines[erow - (src.first - 1) + 1] or ""
  if ecol > #line then
    ecol = #line
  end
  return row, col, erow, ecol
end

-- The 1-based line number of the first byte that is not valid UTF-8, or nil.
-- Only called after the engine refused the text, to say where.
function M.invalid_utf8_line(src)
  for i, l in ipairs(src.lines) do
    local j, n = 1, #l
    while j <= n do
      local c = l:byte(j)
      local len = c < 0x80 and 1 or c >= 0xF0 and c < 0xF5 and 4 or c >= 0xE0 and 3
        or c >= 0xC2 and c < 0xE0 and 2 or 0
      if len == 0 then
        return src.first + i - 1
      end
      for k = j + 1, j + len - 1 do
        local cc = l:byte(k)
        if not cc or cc < 0x80 or cc > 0xBF then
          return src.first + i - 1
        end
      end
      j = j + len
    end
  end
  return nil
end

return M
