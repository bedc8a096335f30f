-- Headless end-to-end test of the Neovim plugin against the real server.
--
--   nvim --headless --clean -u editors/nvim/test/minimal_init.lua \
--        -c 'luafile editors/nvim/test/test_brief_lsp.lua'
--
-- Environment:
--   BRIEF_LSP_BIN         the server (default: <repo>/target/debug/brief-lsp)
--   BRIEF_TEST_PATH       'native' (vim.lsp.config + vim.lsp.enable, the default)
--                         or 'legacy' (setup{ force_legacy_start = true }: vim.lsp.start
--                         from a FileType autocommand, as on Neovim 0.8-0.10)
--                         or 'lsp-dir' (no setup(): lsp/brief_lsp.lua, the user's
--                         vim.lsp.config call and vim.lsp.enable)
--   BRIEF_TEST_TIMEOUT_MS how long to wait for the server each time (default 20000)
--
-- The two paths also differ in how the corpus is chosen and in the position
-- encoding: 'native' passes corpus = { 'sources' } through setup() and keeps
-- Neovim's default capabilities (it offers UTF-8 first, so the server picks
-- UTF-8); 'legacy' has the workspace's brief-lsp.toml name the corpus (found
-- through root_markers) and offers only UTF-16. Either way Neovim turns LSP
-- positions into byte columns, which is what vim.diagnostic holds. 'lsp-dir'
-- is like 'native' with the corpus in settings.briefLsp only.
--
-- Exits 0 when every step passes; on the first failure it prints the step and
-- the reason and exits 1 (cquit).

local brief = require('brief_lsp')

local uv = vim.uv or vim.loop
local plugin_dir = vim.g.brief_lsp_test_plugin_dir
local repo = vim.fs.dirname(vim.fs.dirname(plugin_dir))
local bin = os.getenv('BRIEF_LSP_BIN')
if bin == nil or bin == '' then
  bin = repo .. '/target/debug/brief-lsp'
end
bin = vim.fn.fnamemodify(bin, ':p')
local path = os.getenv('BRIEF_TEST_PATH') or 'native'
local timeout = tonumber(os.getenv('BRIEF_TEST_TIMEOUT_MS') or '') or 20000
local label = 'nvim-' .. path

local function out(s)
  io.stdout:write(s .. '\n')
end

-- Assertions -----------------------------------------------------------------

local function fail(msg, ...)
  error({ msg = msg:format(...) }, 2)
end

local function eq(actual, expected, what)
  if not vim.deep_equal(actual, expected) then
    fail('%s: expected %s, got %s', what, vim.inspect(expected), vim.inspect(actual))
  end
end

local function truthy(value, what, ...)
  if not value then
    fail(what, ...)
  end
  return value
end

local function contains(haystack, needle, what)
  if type(haystack) ~= 'string' or not haystack:find(needle, 1, true) then
    fail('%s: %s does not contain %s', what, vim.inspect(haystack), vim.inspect(needle))
  end
end

-- The brief ------------------------------------------------------------------

local LINES = {
  'Café — “entente” [@lukin2021; @trenin2016].',
  '',
  'Lukin writes that “the strategic partnership between Moscow and Beijing is already more than two decades old” [@lukin2020].',
  '',
  'He adds that “the strategic partnership between Moscow and Beijing is already more than three decades old” [@lukin2020].',
  '',
  'Russia’s ‘pivot’ 😀 and @nobody.',
}
local SEEDS = { '000_4a4712e541d2533e.txt', '001_7dc4b461ced45b39.txt', '002_985c93d49e2ec848.txt',
  '003_9556968063aa75cc.txt', '004_0e5757dea85ff291.txt', 'corpus.toml' }

local function write(file, text)
  local f = assert(io.open(file, 'wb'))
  f:write(text)
  f:close()
end

local function read(file)
  local f = assert(io.open(file, 'rb'))
  local text = f:read('*a')
  f:close()
  return text
end

-- A workspace: brief.md, brief-lsp.toml (the root marker) and sources/, a
-- copy of the seed corpus.
local workspace = vim.fn.tempname()
vim.fn.mkdir(workspace .. '/sources', 'p')
workspace = uv.fs_realpath(workspace)
for _, name in ipairs(SEEDS) do
  write(workspace .. '/sources/' .. name, read(repo .. '/seeds/' .. name))
end
if path == 'legacy' then
  write(workspace .. '/brief-lsp.toml', 'corpus = ["sources"]\n')
else
  write(workspace .. '/brief-lsp.toml', '# the workspace root; the corpus comes from setup()\n')
end
local brief_file = workspace .. '/brief.md'
write(brief_file, table.concat(LINES, '\n') .. '\n')

-- Position helpers -------------------------------------------------------------

--- The LSP character of byte column `col` of `line` in encoding `enc`.
local function lsp_char(line, col, enc)
  if enc == 'utf-8' then
    return col
  end
  local units, i = 0, 1
  while i <= col do
    local c = line:byte(i)
    local len = c >= 0xF0 and 4 or c >= 0xE0 and 3 or c >= 0xC0 and 2 or 1
    units = units + ((enc == 'utf-16' and len == 4) and 2 or 1)
    i = i + len
  end
  return units
end

local buf, client, enc

local function lines()
  return vim.api.nvim_buf_get_lines(buf, 0, -1, false)
end

--- An LSP position `by` bytes into the first `needle` on 0-based line `lnum`.
local function pos_in(lnum, needle, by)
  local line = lines()[lnum + 1]
  local start = truthy(line:find(needle, 1, true), 'line %d has no %q', lnum, needle) - 1
  return { line = lnum, character = lsp_char(line, start + (by or 0), enc) }
end

local function request(method, params)
  local result, err = brief.request_sync(client, method, params, timeout, buf)
  if err then
    fail('%s failed: %s', method, tostring(err))
  end
  return result
end

local function text_params(position)
  return { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = position }
end

local function server_alive()
  if client == nil then
    return true
  end
  if vim.fn.has('nvim-0.11') == 1 then
    return not client:is_stopped()
  end
  return not client.is_stopped()
end

--- Waits until `predicate()` is truthy, failing after the timeout or when the
--- server has exited.
local function wait_for(what, predicate)
  local value
  local ok = vim.wait(timeout, function()
    if not server_alive() then
      return true
    end
    value = predicate()
    return value
  end, 20)
  truthy(server_alive(), 'the server exited while waiting for %s', what)
  truthy(ok and value, 'timed out after %d ms waiting for %s', timeout, what)
  return value
end

local function diagnostics()
  local diags = vim.diagnostic.get(buf)
  table.sort(diags, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  return diags
end

local function codes(diags)
  return vim.tbl_map(function(d)
    return d.code
  end, diags)
end

-- The steps ----------------------------------------------------------------------

local steps = {}
local function step(name, fn)
  table.insert(steps, { name = name, fn = fn })
end

step('plugin/ defines the user commands; setup() chooses the start path', function()
  eq(vim.fn.exists(':BriefLspInfo'), 2, ':BriefLspInfo exists')
  eq(vim.fn.exists(':BriefLspDocuments'), 2, ':BriefLspDocuments exists')
  eq(#brief.clients(), 0, 'no client before setup() and a Markdown buffer')
  local opts = { cmd = { bin } }
  if path == 'legacy' then
    opts.force_legacy_start = true
    local caps = vim.lsp.protocol.make_client_capabilities()
    caps.general = caps.general or {}
    caps.general.positionEncodings = { 'utf-16' }
    opts.capabilities = caps
  else
    opts.corpus = { 'sources' }
  end
  if path == 'lsp-dir' then
    -- No setup(): lsp/brief_lsp.lua plus the user's own vim.lsp.config call.
    vim.lsp.config(brief.name, { cmd = { bin }, settings = { briefLsp = { corpus = { 'sources' } } } })
    vim.lsp.enable(brief.name)
    eq(brief.start_path, nil, 'start path')
    eq(vim.lsp.config[brief.name].filetypes, { 'markdown' }, 'filetypes from lsp/brief_lsp.lua')
    eq(vim.lsp.config[brief.name].settings, { briefLsp = { corpus = { 'sources' }, inlayHints = true } }, 'merged settings')
    return
  end
  brief.setup(opts)
  eq(brief.start_path, path == 'legacy' and 'vim.lsp.start' or 'vim.lsp.config', 'start path')
  if path == 'native' then
    truthy(vim.lsp.config[brief.name], 'vim.lsp.config has no brief_lsp entry')
    eq(vim.lsp.config[brief.name].init_options, { corpus = { 'sources' }, inlayHints = true }, 'init_options')
    eq(vim.lsp.config[brief.name].settings, { briefLsp = { corpus = { 'sources' }, inlayHints = true } }, 'settings')
  end
end)

step('opening a Markdown brief starts the server at the marker root', function()
  vim.cmd.edit(vim.fn.fnameescape(brief_file))
  buf = vim.api.nvim_get_current_buf()
  eq(vim.bo[buf].filetype, 'markdown', 'filetype')
  client = wait_for('a brief_lsp client attached to the brief', function()
    local c = brief.clients(buf)[1]
    return c and c.initialized and c
  end)
  eq(client.name, 'brief_lsp', 'client name')
  eq(uv.fs_realpath(client.config.root_dir), workspace, 'root_dir (from brief-lsp.toml)')
  enc = client.offset_encoding
  eq(enc, path == 'legacy' and 'utf-16' or 'utf-8', 'negotiated position encoding')
  eq(client.server_capabilities.positionEncoding, enc, 'server positionEncoding')
  eq(client.server_capabilities.completionProvider.triggerCharacters, { '@' }, 'completion trigger characters')
  eq(client.server_capabilities.codeActionProvider.codeActionKinds, { 'quickfix' }, 'code action kinds')
end)

step('brief-lsp/status: the workspace corpus is indexed', function()
  local status = wait_for('brief-lsp/status ready', function()
    local s = brief.status(client, timeout)
    return s and s.state == 'ready' and s
  end)
  eq(status.documents, 5, 'documents')
  eq(status.source, workspace .. '/sources', 'corpus source')
  eq(status.problems, {}, 'corpus problems')
end)

step('diagnostics: codes and exact positions', function()
  local diags = wait_for('three diagnostics', function()
    local d = diagnostics()
    return #d == 3 and d
  end)
  eq(codes(diags), { 'citation-unknown', 'quote-inexact', 'citation-unknown' }, 'codes')
  local unknown, inexact, nobody = diags[1], diags[2], diags[3]
  eq(unknown.source, 'brief-lsp', 'source')
  eq(unknown.severity, vim.diagnostic.severity.ERROR, 'citation-unknown severity')
  eq(unknown.message, 'unknown citation key `@lukin2021`; did you mean `@lukin2020`?', 'message')
  -- vim.diagnostic holds 0-based byte columns whatever the encoding:
  -- "Café — “entente” [" is 25 bytes (18 UTF-16 code units).
  eq({ unknown.lnum, unknown.col, unknown.end_lnum, unknown.end_col }, { 0, 25, 0, 35 }, 'citation-unknown range (bytes)')
  eq(LINES[1]:sub(unknown.col + 1, unknown.end_col), '@lukin2021', 'text under citation-unknown')
  -- The raw LSP range is in the negotiated encoding.
  local raw = unknown.user_data.lsp.range
  local expected = enc == 'utf-16' and { 18, 28 } or { 25, 35 }
  eq({ raw.start.line, raw.start.character, raw['end'].character }, { 0, expected[1], expected[2] }, 'raw LSP range (' .. enc .. ')')

  eq(inexact.severity, vim.diagnostic.severity.WARN, 'quote-inexact severity')
  eq({ inexact.lnum, inexact.col, inexact.end_lnum, inexact.end_col }, { 4, 13, 4, 110 }, 'quote-inexact range (bytes)')
  eq(
    LINES[5]:sub(inexact.col + 1, inexact.end_col),
    '“the strategic partnership between Moscow and Beijing is already more than three decades old”',
    'text under quote-inexact'
  )
  contains(inexact.message, 'the source has “two” where the brief has “three”', 'quote-inexact message')
  raw = inexact.user_data.lsp.range
  eq(raw.start.character, 13, 'quote-inexact raw start')
  eq(raw['end'].character, enc == 'utf-16' and 106 or 110, 'quote-inexact raw end (' .. enc .. ')')

  -- After an emoji (4 bytes, 2 UTF-16 code units, 1 character).
  eq(nobody.message, 'unknown citation key `@nobody`', 'message')
  eq({ nobody.lnum, nobody.col, nobody.end_lnum, nobody.end_col }, { 6, 32, 6, 39 }, '@nobody range (bytes)')
  eq(LINES[7]:sub(nobody.col + 1, nobody.end_col), '@nobody', 'text under @nobody')
  raw = nobody.user_data.lsp.range
  expected = enc == 'utf-16' and { 24, 31 } or { 32, 39 }
  eq({ raw.start.character, raw['end'].character }, expected, '@nobody raw LSP range (' .. enc .. ')')
end)

step('hover on a key and on a verified quote', function()
  local hover = request('textDocument/hover', text_params(pos_in(2, '@lukin2020', 3)))
  truthy(hover and hover.contents, 'no hover on @lukin2020')
  eq(hover.contents.kind, 'markdown', 'hover kind')
  contains(hover.contents.value, 'Lukin 2020', 'hover on @lukin2020')
  eq(hover.contents.value:sub(1, #'**@lukin2020** · Lukin 2020'), '**@lukin2020** · Lukin 2020', 'hover starts with')
  contains(hover.contents.value, 'The Russia–China Entente and Its Future', 'hover title')
  eq(hover.range.start, pos_in(2, '@lukin2020'), 'hover range start')

  local quote = request('textDocument/hover', text_params(pos_in(2, 'strategic partnership', 4)))
  truthy(quote and quote.contents, 'no hover on the quote')
  contains(quote.contents.value, 'lukin2020', 'hover on the verified quote')
  contains(quote.contents.value, '**', 'hover on the quote bolds the quoted words')
end)

local definition_line
step('definition: the seed file at its title', function()
  local result = request('textDocument/definition', text_params(pos_in(2, '@lukin2020', 3)))
  truthy(type(result) == 'table' and #result == 1, 'expected one location, got %s', vim.inspect(result))
  local loc = result[1]
  local file = vim.uri_to_fname(loc.uri)
  eq(vim.fs.basename(file), '003_9556968063aa75cc.txt', 'definition file')
  eq(file, workspace .. '/sources/003_9556968063aa75cc.txt', 'definition path (the served corpus)')
  definition_line = loc.range.start.line
  eq(definition_line, 1037, 'definition line (0-based) of the title')
  -- Jump there as gd would, and read the title under the cursor.
  if vim.lsp.util.show_document then
    vim.lsp.util.show_document(loc, enc, { focus = true })
  else
    vim.lsp.util.jump_to_location(loc, enc)
  end
  eq(vim.fs.basename(vim.api.nvim_buf_get_name(0)), '003_9556968063aa75cc.txt', 'buffer after the jump')
  eq(vim.api.nvim_win_get_cursor(0)[1], definition_line + 1, 'cursor line after the jump')
  contains(vim.api.nvim_get_current_line(), 'The Russia–China entente and', 'title line')
  vim.api.nvim_set_current_buf(buf)
end)

step('inlay hint after the verified quote names its source', function()
  eq(vim.lsp.inlay_hint.is_enabled({ bufnr = buf }), true, 'inlay hint display turned on in the brief')
  local hints = request('textDocument/inlayHint', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = 0, character = 0 }, ['end'] = { line = #lines(), character = 0 } },
  })
  truthy(type(hints) == 'table' and #hints >= 1, 'expected inlay hints, got %s', vim.inspect(hints))
  local on_line_2 = vim.tbl_filter(function(h)
    return h.position.line == 2
  end, hints)
  eq(#on_line_2, 1, 'hints on the verified quote line')
  local label_text = type(on_line_2[1].label) == 'string' and on_line_2[1].label
    or table.concat(vim.tbl_map(function(p)
      return p.value
    end, on_line_2[1].label))
  contains(label_text, 'lukin2020', 'inlay hint label')
end)

step('quick fix: apply the code action, the diagnostic goes', function()
  local unknown = diagnostics()[1]
  eq(unknown.code, 'citation-unknown', 'first diagnostic')
  local raw = unknown.user_data.lsp
  local actions = request('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = raw.range,
    context = { diagnostics = { raw }, only = { 'quickfix' } },
  })
  local preferred = vim.tbl_filter(function(a)
    return a.isPreferred
  end, actions or {})
  eq(#preferred, 1, 'preferred actions among ' .. vim.inspect(actions))
  local fix = preferred[1]
  eq(fix.title, 'Change to `@lukin2020`', 'fix title')
  eq(fix.kind, 'quickfix', 'fix kind')
  vim.lsp.util.apply_workspace_edit(fix.edit, enc)
  eq(lines()[1], 'Café — “entente” [@lukin2020; @trenin2016].', 'line 0 after the fix')
  local diags = wait_for('the @lukin2021 diagnostic to go', function()
    local d = diagnostics()
    return #d == 2 and d
  end)
  eq(codes(diags), { 'quote-inexact', 'citation-unknown' }, 'codes after the fix')
  eq({ diags[1].lnum, diags[2].lnum, diags[2].col }, { 4, 6, 32 }, 'the other diagnostics stay')
end)

--- Appends `text` as a new paragraph and asks for completion at its end:
--- the items, and the line's number.
local function complete_at_end_of(text)
  vim.api.nvim_buf_set_lines(buf, -1, -1, false, { '', text })
  local lnum = #lines() - 1
  local line = lines()[lnum + 1]
  local result = request('textDocument/completion', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = lnum, character = lsp_char(line, #line, enc) },
    context = { triggerKind = 1 },
  })
  return result and (result.items or result) or {}, lnum
end

step('completion after [@tre offers the trenin keys', function()
  local items, lnum = complete_at_end_of('See also [@tre')
  local labels = vim.tbl_map(function(i)
    return i.label
  end, items)
  eq(labels, { 'trenin2016', 'trenin2019' }, 'completion labels')
  eq(items[1].detail, 'Trenin 2016', 'completion detail')
  eq(items[1].textEdit.range.start, { line = lnum, character = #'See also [@' }, 'completion replaces "tre"')
  eq(items[1].textEdit.newText, 'trenin2016', 'completion text')
end)

step('completion of a name offers the actor as the corpus spells it', function()
  local items, lnum = complete_at_end_of('Then Xi J')
  eq(items[1] and items[1].label, 'Xi Jinping', 'entity completion label')
  contains(items[1].detail, 'actor · person · ', 'entity completion detail')
  eq(items[1].textEdit.range.start, { line = lnum, character = #'Then ' }, 'completion replaces "Xi J"')
end)

step(':BriefLspInfo and :checkhealth brief_lsp', function()
  local info = table.concat(brief.info({ silent = true }), '\n')
  contains(info, 'version: brief-lsp ', ':BriefLspInfo')
  contains(info, 'position encoding ' .. enc, ':BriefLspInfo')
  contains(info, 'corpus ready: 5 documents from ' .. workspace .. '/sources', ':BriefLspInfo')
  vim.cmd('silent checkhealth brief_lsp')
  local report = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
  vim.cmd('tabclose')
  contains(report, 'is executable: ' .. bin, 'checkhealth')
  contains(report, 'version: brief-lsp ', 'checkhealth')
  if path == 'lsp-dir' then
    contains(report, 'configured with vim.lsp.config (lsp/brief_lsp.lua) without setup()', 'checkhealth')
  else
    contains(report, 'setup() registered it with ' .. brief.start_path, 'checkhealth')
  end
  contains(report, 'corpus ready: 5 documents', 'checkhealth')
  truthy(not report:find('ERROR', 1, true), 'checkhealth reports an error:\n%s', report)
end)

step(':BriefLspDocuments opens the picked corpus document', function()
  local offered
  local select = vim.ui.select
  vim.ui.select = function(items, opts, on_choice)
    offered = vim.tbl_map(opts.format_item, items)
    for _, item in ipairs(items) do
      if item.key == 'lukin2020' then
        return on_choice(item)
      end
    end
    on_choice(nil)
  end
  vim.cmd('BriefLspDocuments')
  vim.ui.select = select
  eq(#offered, 5, 'documents offered')
  contains(offered[4], '@lukin2020  Lukin 2020  The Russia–China entente and its future', 'picker entry')
  eq(vim.api.nvim_buf_get_name(0), workspace .. '/sources/003_9556968063aa75cc.txt', 'opened document')
  vim.api.nvim_set_current_buf(buf)
end)

--- Captures vim.notify while `fn` runs; returns what was shown.
local function notifications_during(fn)
  local shown = {}
  local notify = vim.notify
  vim.notify = function(msg, level, opts)
    table.insert(shown, { msg = msg, level = level })
    return notify(msg, level, opts)
  end
  local ok, err = pcall(fn, shown)
  vim.notify = notify
  if not ok then
    error(err, 0)
  end
  return shown
end

-- These two take the corpus away, so they come last: the user points the
-- corpus at an empty folder, then at one that is not there (a typo, an
-- unmounted drive).
step('an empty corpus folder shows: a warning, :BriefLspInfo, :checkhealth', function()
  local empty = workspace .. '/empty-sources'
  vim.fn.mkdir(empty, 'p')
  notifications_during(function(shown)
    client:notify('workspace/didChangeConfiguration', { settings = { briefLsp = { corpus = { empty } } } })
    local status = wait_for('brief-lsp/status ready with no documents', function()
      local s = brief.status(client, timeout)
      return s and s.state == 'ready' and s.documents == 0 and s
    end)
    contains(status.warning, 'no documents', 'status warning')
    local message = wait_for('a warning about the empty corpus', function()
      for _, m in ipairs(shown) do
        if m.msg:find('no documents', 1, true) then
          return m
        end
      end
    end)
    eq(message.level, vim.log.levels.WARN, 'message level')
  end)
  contains(table.concat(brief.info({ silent = true }), '\n'), 'warning: ', ':BriefLspInfo')
  vim.cmd('silent checkhealth brief_lsp')
  local report = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
  vim.cmd('tabclose')
  contains(report, 'WARNING', 'checkhealth')
  contains(report, 'corpus ready: 0 documents', 'checkhealth')
end)

-- Last, the folder that is not there.
step('a corpus folder that is not there shows: a message, :BriefLspInfo, :checkhealth', function()
  local missing = workspace .. '/no-such-sources'
  local status, message
  notifications_during(function(shown)
    client:notify('workspace/didChangeConfiguration', { settings = { briefLsp = { corpus = { missing } } } })
    status = wait_for('brief-lsp/status failed', function()
      local s = brief.status(client, timeout)
      return s and s.state == 'failed' and s
    end)
    message = wait_for('a message naming the folder', function()
      for _, m in ipairs(shown) do
        if m.msg:find(missing, 1, true) then
          return m
        end
      end
    end)
  end)
  eq(message.level, vim.log.levels.ERROR, 'message level')
  contains(status.reason, missing, 'status reason')
  local info = table.concat(brief.info({ silent = true }), '\n')
  contains(info, 'corpus failed: ', ':BriefLspInfo')
  contains(info, missing, ':BriefLspInfo')
  vim.cmd('silent checkhealth brief_lsp')
  local report = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
  vim.cmd('tabclose')
  contains(report, 'ERROR', 'checkhealth')
  contains(report, missing, 'checkhealth')
end)

-- Run ------------------------------------------------------------------------------

local function run()
  out(('%s: Neovim %s, server %s'):format(label, tostring(vim.version()), bin))
  local passed, started = 0, uv.hrtime()
  for _, s in ipairs(steps) do
    local t0 = uv.hrtime()
    local ok, err = xpcall(s.fn, function(e)
      if type(e) == 'table' and e.msg then
        return e.msg
      end
      return debug.traceback(tostring(e), 2)
    end)
    local ms = (uv.hrtime() - t0) / 1e6
    if not ok then
      out(('FAIL  %s (%.0f ms)\n      %s'):format(s.name, ms, err))
      out(('%s: %d passed, 1 failed'):format(label, passed))
      return false
    end
    passed = passed + 1
    out(('ok    %s (%.0f ms)'):format(s.name, ms))
  end
  out(('%s: all steps in %.0f ms'):format(label, (uv.hrtime() - started) / 1e6))
  out(('%s: %d passed, 0 failed'):format(label, passed))
  return true
end

local ok = run()
vim.fn.delete(workspace, 'rf')
if ok then
  vim.cmd('qall!')
else
  vim.cmd('cquit 1')
end
