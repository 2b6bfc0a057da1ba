--[[
precis.lua: a pandoc Lua filter that adds what precis finds to the document's
metadata, for templates to use:

  headline   one line of at most 75 bytes
  summary    the key sentences, a list, in document order
  keywords   the key phrases, a list, best first

and, when the metadata says `precis-abstract: true` and the document has no
`abstract`, an abstract: the summary as one paragraph, in the metadata field
`abstract` (which pandoc's LaTeX, HTML and other templates already print).

  pandoc --lua-filter plugins/pandoc/precis.lua article.md -o article.html

Settings, in the document's metadata or with `-M` on the command line:

  precis-sentences: 3        how many key sentences
  precis-abstract: true      add the abstract when there is none
  precis-command: precis     the precis program to run

The filter runs the `precis` command rather than loading the Lua module:
pandoc 2.17 (Debian 12) embeds its own Lua 5.3, which cannot load modules
built for Lua 5.4, while the command works with every pandoc.
The text given to precis is the document's prose: code blocks, raw blocks
and tables are left out; each remaining block becomes one paragraph.
]]

local stringify = pandoc.utils.stringify

local function meta_string(meta, key, default)
  local v = meta[key]
  if v == nil then
    return default
  end
  return stringify(v)
end

local function meta_bool(meta, key)
  local v = meta[key]
  if type(v) == "boolean" then
    return v
  end
  return v ~= nil and stringify(v) == "true"
end

local skip = { CodeBlock = true, RawBlock = true, Table = true, HorizontalRule = true }

-- The prose of the document, one paragraph per block.
local function prose(blocks)
  local parts = {}
  for _, b in ipairs(blocks) do
    if not skip[b.t] then
      local s = stringify(b)
      if s:match("%S") then
        parts[#parts + 1] = s
      end
    end
  end
  return table.concat(parts, "\n\n") .. "\n"
end

local function lines(s)
  local out = {}
  for l in s:gmatch("[^\n]+") do
    out[#out + 1] = l
  end
  return out
end

local function run(cmd, args, input)
  local ok, out = pcall(pandoc.pipe, cmd, args, input)
  if not ok then
    io.stderr:write("precis.lua: ", cmd, " failed: ", tostring(out), "\n")
    return nil
  end
  return out
end

local function inlines(s)
  return pandoc.MetaInlines({ pandoc.Str(s) })
end

function Pandoc(doc)
  local meta = doc.meta
  local cmd = meta_string(meta, "precis-command", "precis")
  local n = meta_string(meta, "precis-sentences", "3")
  if not n:match("^%d+$") or tonumber(n) < 1 then
    io.stderr:write("precis.lua: precis-sentences must be a positive integer, not '", n, "'\n")
    return nil
  end
  local text = prose(doc.blocks)
  -- the title, when there is one, is the best headline source: put it first
  if meta.title then
    text = stringify(meta.title) .. "\n\n" .. text
  end

  local headline = run(cmd, { "--format", "plain", "--headline" }, text)
  local summary = run(cmd, { "--format", "plain", "-n", n }, text)
  local keywords = run(cmd, { "--format", "plain", "--keywords" }, text)
  if not (headline and summary and keywords) then
    return nil -- leave the document as it was
  end

  meta.headline = inlines((headline:gsub("\n+$", "")))
  local s, k = {}, {}
  for _, l in ipairs(lines(summary)) do
    s[#s + 1] = inlines(l)
  end
  for _, l in ipairs(lines(keywords)) do
    k[#k + 1] = inlines(l)
  end
  meta.summary = pandoc.MetaList(s)
  meta.keywords = pandoc.MetaList(k)
  if meta_bool(meta, "precis-abstract") and meta.abstract == nil and #s > 0 then
    meta.abstract = pandoc.MetaBlocks({ pandoc.Para({ pandoc.Str(table.concat(lines(summary), " ")) }) })
  end
  doc.meta = meta
  return doc
end
