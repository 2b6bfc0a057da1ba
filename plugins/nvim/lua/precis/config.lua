-- precis.config: defaults, validation and the merged configuration.
--
-- Every module reads options through config.get(), so the plugin works the
-- same whether or not setup() was ever called.

local M = {}

M.defaults = {
  sentences = 3,          -- key sentences in a summary
  keywords = 10,          -- key phrases shown at most
  headline_bytes = 75,    -- headline length limit, in bytes
  headline_label = true,  -- an English headline may open with its topic ("Topic: ...")
  lang = "auto",          -- language code ("en", ...) or "auto"
  border = "rounded",     -- any nvim_open_win() border
  highlight = "PrecisSentence", -- group for :Precis highlight
  virtual_text = true,    -- show the rank at the end of a highlighted sentence
  library = nil,          -- path of the LuaJIT module, or false for never
  cli = nil,              -- path of the precis command
  cli_timeout = 5000,     -- milliseconds the command may run
  async_bytes = 262144,   -- bigger texts are summarized off the main loop
}

local current = vim.deepcopy(M.defaults)

local function positive_integer(v)
  return type(v) == "number" and v >= 1 and v % 1 == 0
end

local function non_empty_string(v)
  return type(v) == "string" and v ~= ""
end

local function optional_path(v)
  return v == nil or v == false or non_empty_string(v)
end

local function border(v)
  return type(v) == "table" or (type(v) == "string" and v ~= "")
end

-- Validators: each returns true for a good value; the string names what was
-- expected, for the error message.
local schema = {
  sentences = { positive_integer, "a positive integer" },
  keywords = { positive_integer, "a positive integer" },
  headline_bytes = { positive_integer, "a positive integer" },
  headline_label = { "boolean" },
  lang = { non_empty_string, "a language code or \"auto\"" },
  border = { border, "a border name or a list of border characters" },
  highlight = { non_empty_string, "a highlight group name" },
  virtual_text = { "boolean" },
  library = { optional_path, "a path, false or nil" },
  cli = { optional_path, "a path, false or nil" },
  cli_timeout = { positive_integer, "a positive integer (milliseconds)" },
  async_bytes = { positive_integer, "a positive integer (bytes)" },
}

-- Check opts and return a new merged table; raise an error that names the
-- option for an unknown key or a bad value.
function M.validate(opts, base)
  if opts == nil then
    opts = {}
  end
  if type(opts) ~= "table" then
    error("precis.setup: expected a table of options, got " .. type(opts), 0)
  end
  local keys = {}
  for k in pairs(opts) do
    if schema[k] == nil then
      keys[#keys + 1] = tostring(k)
    end
  end
  if #keys > 0 then
    table.sort(keys)
    local known = vim.tbl_keys(schema)
    table.sort(known)
    error(("precis.setup: unknown option %s (known options: %s)"):format(
      table.concat(vim.tbl_map(function(k) return "'" .. k .. "'" end, keys), ", "),
      table.concat(known, ", ")), 0)
  end
  local spec = {}
  for k, v in pairs(opts) do
    local s = schema[k]
    spec[k] = { v, s[1], s[2] }
  end
  local ok, err = pcall(vim.validate, spec)
  if not ok then
    error("precis.setup: " .. tostring(err):gsub("^.-:%d+: ", ""), 0)
  end
  local merged = vim.deepcopy(base or M.defaults)
  for k, v in pairs(opts) do
    merged[k] = v
  end
  return merged
end

function M.set(opts)
  current = M.validate(opts, M.defaults)
  return current
end

function M.get()
  return current
end

return M
