-- precis: summarize the buffer where you write it (TextRank, offline).
--
-- This module only holds setup(); the plugin works without calling it.
-- The commands live in plugin/precis.lua and lua/precis/commands.lua.

local M = {}

-- Merge opts into the defaults after checking them; a bad value or an
-- unknown option raises an error that names it. See :help precis-setup.
function M.setup(opts)
  require("precis.config").set(opts)
  require("precis.backend").reset()
end

return M
