-- :checkhealth precis: which engine runs (the native module or the precis
-- command), where it was found, and why the others were not used.

local M = {}

-- Neovim 0.10 renamed vim.health.report_* to vim.health.*; 0.7 only has
-- require("health").report_*.
local function reporter()
  local h = vim.health
  if h == nil or (h.start == nil and h.report_start == nil) then
    h = require("health")
  end
  return {
    start = h.start or h.report_start,
    ok = h.ok or h.report_ok,
    info = h.info or h.report_info,
    warn = h.warn or h.report_warn,
    error = h.error or h.report_error,
  }
end

function M.check()
  local r = reporter()
  r.start("precis")

  if vim.fn.has("nvim-0.7") == 1 then
    r.ok("Neovim " .. tostring(vim.version().major) .. "." .. tostring(vim.version().minor)
      .. "." .. tostring(vim.version().patch) .. " (0.7 or later)")
  else
    r.error("Neovim 0.7 or later is needed")
  end

  local okc, err = pcall(require("precis.config").validate, require("precis.config").get())
  if okc then
    r.ok("configuration is valid")
  else
    r.error(tostring(err))
  end

  local backend = require("precis.backend")
  backend.reset()
  local s = backend.info()
  if s.kind == "native" then
    r.ok(("engine: native module %s%s"):format(s.path,
      s.version and (" (precis " .. s.version .. ")") or ""))
  elseif s.kind == "cli" then
    r.warn(("engine: CLI fallback %s (the native module did not load; "
      .. "summaries are slower)"):format(s.path),
      { "Build the LuaJIT module (meson -Dluajit=enabled) or set vim.g.precis_library",
        "See :help precis-engine" })
  else
    r.error("engine: none: no native module loaded and no precis command found",
      { "Set vim.g.precis_library to the LuaJIT module (precis.so) or vim.g.precis_cli "
        .. "to the precis command", "See :help precis-engine" })
  end
  if s.native_disabled then
    r.info("native module disabled (library = false)")
  end
  if s.cli_disabled then
    r.info("CLI fallback disabled (cli = false)")
  end
  for _, t in ipairs(s.tried) do
    local used = s.path == t.path
    r.info(("%s %s %s (%s)%s"):format(used and "used" or "tried", t.kind == "native"
      and "native module" or "command", t.path, t.why, t.error and (": " .. t.error) or ""))
  end
end

return M
