-- precis.float: the floating window that shows a summary or key phrases.
--
-- A view is { title = string, lines = { string }, heads = { line, ... },
-- targets = { [line] = { buf, win, row, col } }, cursor = line }. Lines with a
-- target jump to it on <CR>; the target is kept as an extmark in the source
-- buffer so a jump still lands on the sentence after edits.

local config = require("precis.config")

local M = {}

local api = vim.api
local jump_ns = api.nvim_create_namespace("precis_jump")
local view_ns = api.nvim_create_namespace("precis_view")

-- nvim_open_win() has 'title' from 0.9 on; before, the title is the float's
-- first line.
local has_title = vim.fn.has("nvim-0.9") == 1

local open_win -- the float that is open now, if any

function M.close()
  local win = open_win
  open_win = nil
  if win and api.nvim_win_is_valid(win) then
    api.nvim_win_close(win, true)
  end
end

-- The window precis has open, or nil.
function M.window()
  if open_win and api.nvim_win_is_valid(open_win) then
    return open_win
  end
  return nil
end

local function jump(target)
  local buf = target.buf
  if not api.nvim_buf_is_valid(buf) then
    vim.notify("precis: the summarized buffer is gone", vim.log.levels.WARN)
    return
  end
  local ok, pos = pcall(api.nvim_buf_get_extmark_by_id, buf, jump_ns, target.mark, {})
  local row, col = target.row, target.col
  if ok and pos and pos[1] then
    row, col = pos[1], pos[2]
  end
  local win = target.win
  if not (win and api.nvim_win_is_valid(win) and api.nvim_win_get_buf(win) == buf) then
    win = vim.fn.bufwinid(buf)
    if win == -1 then
      win = api.nvim_get_current_win()
      api.nvim_win_set_buf(win, buf)
    end
  end
  api.nvim_set_current_win(win)
  vim.cmd("normal! m'") -- so that <C-o> comes back
  local last = api.nvim_buf_line_count(buf)
  row = math.min(row, last - 1)
  api.nvim_win_set_cursor(win, { row + 1, col })
  vim.cmd("normal! zv")
end

local function size(lines, title)
  local columns, rows = vim.o.columns, vim.o.lines - vim.o.cmdheight
  local widest = has_title and vim.fn.strdisplaywidth(title) + 4 or 0
  for _, l in ipairs(lines) do
    widest = math.max(widest, vim.fn.strdisplaywidth(l) + 1)
  end
  local width = math.min(math.max(widest, math.min(40, columns - 4)), math.floor(columns * 0.8))
  width = math.max(width, 1)
  local height = 0
  for _, l in ipairs(lines) do
    -- 'linebreak' wraps at word boundaries, a little earlier than the width.
    height = height + math.max(1, math.ceil(vim.fn.strdisplaywidth(l) / math.max(width - 4, 1)))
  end
  height = math.max(1, math.min(height, math.floor(rows * 0.8)))
  return width, height, math.floor((rows - height) / 2) - 1, math.floor((columns - width) / 2)
end

-- Open a view; returns the window. The source window is where <CR> jumps.
function M.open(view)
  M.close()
  local cfg = config.get()
  local lines = vim.deepcopy(view.lines)
  local offset = 0
  if not (has_title and cfg.border ~= "none") then
    table.insert(lines, 1, view.title)
    offset = 1
  end

  local buf = api.nvim_create_buf(false, true)
  api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  vim.bo[buf].modifiable = false
  vim.bo[buf].bufhidden = "wipe"
  vim.bo[buf].filetype = "precis"
  local function paint(row, group)
    api.nvim_buf_set_extmark(buf, view_ns, row, 0, { end_col = #lines[row + 1], hl_group = group })
  end
  if offset == 1 then
    paint(0, "PrecisTitle")
  end
  for _, l in ipairs(view.heads or {}) do
    paint(l - 1 + offset, "PrecisHeading")
  end

  local width, height, row, col = size(lines, view.title)
  local wopts = {
    relative = "editor", width = width, height = height,
    row = math.max(row, 0), col = math.max(col, 0),
    style = "minimal", border = cfg.border,
  }
  if offset == 0 then
    wopts.title = " " .. view.title .. " "
    wopts.title_pos = "center"
  end
  local win = api.nvim_open_win(buf, true, wopts)
  open_win = win
  vim.wo[win].wrap = true
  vim.wo[win].linebreak = true
  vim.wo[win].breakindent = true
  -- Wrapped sentences line up after their "1. " ('formatlistpat' is local
  -- to the buffer, the float's own).
  vim.wo[win].breakindentopt = "list:-1"
  vim.bo[buf].formatlistpat = [[^\s*\d\+\.\s\+]]
  vim.wo[win].cursorline = true

  -- Targets become extmarks in the source buffer, so jumps follow edits.
  local targets = {}
  local cleared = {}
  for l, t in pairs(view.targets or {}) do
    if not cleared[t.buf] then
      api.nvim_buf_clear_namespace(t.buf, jump_ns, 0, -1)
      cleared[t.buf] = true
    end
    local mark = api.nvim_buf_set_extmark(t.buf, jump_ns, t.row, t.col, {})
    targets[l + offset] = vim.tbl_extend("force", t, { mark = mark })
  end

  local function map(lhs, fn, desc)
    vim.keymap.set("n", lhs, fn, { buffer = buf, nowait = true, silent = true, desc = desc })
  end
  map("q", M.close, "Close the precis window")
  map("<Esc>", M.close, "Close the precis window")
  map("<CR>", function()
    local t = targets[api.nvim_win_get_cursor(0)[1]]
    if not t then
      return
    end
    M.close()
    jump(t)
  end, "Jump to this sentence")

  api.nvim_create_autocmd("WinLeave", {
    buffer = buf,
    once = true,
    callback = function()
      vim.schedule(function()
        if open_win == win then
          M.close()
        end
      end)
    end,
  })

  if view.cursor then
    api.nvim_win_set_cursor(win, { view.cursor + offset, 0 })
  end
  return win
end

return M
