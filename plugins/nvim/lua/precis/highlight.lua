-- precis.highlight: key sentences marked in the buffer with extmarks.
--
-- One extmark per sentence in the "precis" namespace, spanning the sentence,
-- so the marks move with edits like any other. The buffer text itself is
-- never touched.

local config = require("precis.config")
local source = require("precis.source")

local M = {}

local api = vim.api
M.ns = api.nvim_create_namespace("precis")

-- Mark the sentences of result (from src); earlier marks on src's lines go.
-- Returns the number of marks placed.
function M.apply(src, result)
  local cfg = config.get()
  api.nvim_buf_clear_namespace(src.buf, M.ns, src.first - 1, src.last)
  local n = 0
  for _, s in ipairs(result.sentences) do
    local row, col, erow, ecol = source.span(src, s.s, s.e)
    local opts = { end_row = erow, end_col = ecol, hl_group = cfg.highlight }
    if cfg.virtual_text and s.rank then
      opts.virt_text = { { ("#%d"):format(s.rank), "PrecisRank" } }
      opts.virt_text_pos = "eol"
    end
    api.nvim_buf_set_extmark(src.buf, M.ns, row, col, opts)
    n = n + 1
  end
  return n
end

-- Remove the marks on lines first..last (1-based; the whole buffer without).
function M.clear(buf, first, last)
  api.nvim_buf_clear_namespace(buf, M.ns, first and first - 1 or 0, last or -1)
end

return M
