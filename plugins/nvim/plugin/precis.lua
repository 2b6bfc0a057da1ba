-- precis: the :Precis command and <Plug> mappings. Everything else loads on
-- first use. No default key mappings; see :help precis-mappings.

if vim.g.loaded_precis then
  return
end
vim.g.loaded_precis = 1

if vim.fn.has("nvim-0.7") == 0 then
  vim.api.nvim_err_writeln("precis: Neovim 0.7 or later is needed")
  return
end

local function highlights()
  vim.cmd([[
    highlight default link PrecisSentence Visual
    highlight default link PrecisRank Comment
    highlight default link PrecisTitle Title
    highlight default link PrecisHeading Title
  ]])
end
highlights()
vim.api.nvim_create_autocmd("ColorScheme", {
  group = vim.api.nvim_create_augroup("precis", { clear = true }),
  callback = highlights,
})

vim.api.nvim_create_user_command("Precis", function(o)
  require("precis.commands").command(o)
end, {
  nargs = "*",
  range = "%",
  bang = true,
  complete = function(...)
    return require("precis.commands").complete(...)
  end,
  desc = "precis: summary, headline, highlight, clear or keywords of the buffer or range",
})

local function plug(name, sub, desc, counted)
  vim.keymap.set("n", "<Plug>(precis-" .. name .. ")", function()
    local n = counted and vim.v.count > 0 and (" " .. vim.v.count) or ""
    vim.cmd("Precis " .. sub .. n)
  end, { silent = true, desc = desc })
  vim.keymap.set("x", "<Plug>(precis-" .. name .. ")", ":Precis " .. sub .. "<CR>",
    { silent = true, desc = desc })
end

plug("summary", "summary", "precis: summarize the buffer or selection", true)
plug("headline", "headline", "precis: echo the headline of the buffer or selection", false)
plug("highlight", "highlight", "precis: highlight the key sentences", true)
plug("keywords", "keywords", "precis: show the key phrases", true)
vim.keymap.set("n", "<Plug>(precis-clear)", "<Cmd>Precis clear<CR>",
  { silent = true, desc = "precis: remove the highlights" })
