-- :checkhealth brief_lsp — the binary, its version and the corpus it serves.

local M = {}

local health = vim.health or require('health')
local start = health.start or health.report_start
local ok = health.ok or health.report_ok
local warn = health.warn or health.report_warn
local report_error = health.error or health.report_error
local info = health.info or health.report_info

local function corpus_from_clients(brief)
  local clients = brief.clients()
  if #clients == 0 then
    return false
  end
  for _, client in ipairs(clients) do
    local where = ('client %d (root %s, position encoding %s)'):format(
      client.id,
      client.config.root_dir or 'none',
      client.offset_encoding or '?'
    )
    local status, err = brief.status(client, 3000)
    if not status then
      report_error(('%s: brief-lsp/status failed: %s'):format(where, tostring(err)))
    elseif status.state == 'ready' then
      -- Ready with a warning (an empty corpus) is not all right.
      local warned = status.warning and status.warning ~= vim.NIL
      local report = warned and warn or ok
      report(('%s: %s'):format(where, brief.describe_status(status)))
      for _, problem in ipairs(status.problems or {}) do
        warn('corpus problem: ' .. problem)
      end
    elseif status.state == 'failed' then
      report_error(('%s: %s'):format(where, brief.describe_status(status)))
    else
      warn(('%s: %s (not ready yet)'):format(where, brief.describe_status(status)))
    end
  end
  return true
end

local function corpus_from_cli(brief)
  local opts = brief.current_options()
  local args = { 'corpus' }
  local settings = brief.server_settings(opts)
  for _, dir in ipairs(settings.corpus or {}) do
    table.insert(args, '--corpus')
    table.insert(args, dir)
  end
  local code, out, err = brief.run_binary(args)
  if code == nil then
    report_error('cannot run `brief-lsp corpus`: ' .. tostring(out))
    return
  end
  local summary
  for line in (out or ''):gmatch('[^\n]+') do
    if line:match('^%d+ documents?') then
      summary = line
    end
  end
  for line in (err or ''):gmatch('[^\n]+') do
    warn(line)
  end
  if code ~= 0 then
    report_error(('`brief-lsp %s` exited with %d'):format(table.concat(args, ' '), code))
  elseif summary then
    ok(('no client is running; `brief-lsp %s` (in %s): %s'):format(
      table.concat(args, ' '),
      (vim.uv or vim.loop).cwd(),
      summary
    ))
  else
    warn('`brief-lsp corpus` printed no summary line')
  end
end

function M.check()
  local brief = require('brief_lsp')
  local opts = brief.current_options()
  local cmd = type(opts.cmd) == 'string' and { opts.cmd } or opts.cmd

  start('brief-lsp: server binary')
  if vim.fn.executable(cmd[1]) ~= 1 then
    report_error(
      ('`%s` is not executable'):format(cmd[1]),
      { 'cargo install --path . (in the brief-lsp checkout)', "or setup{ cmd = { '/path/to/brief-lsp' } }" }
    )
    return
  end
  ok(('`%s` is executable: %s'):format(cmd[1], vim.fn.exepath(cmd[1])))
  local version, err = brief.version()
  if version then
    ok('version: ' .. version)
  else
    report_error('`brief-lsp --version` failed: ' .. tostring(err))
  end

  start('brief-lsp: setup')
  if brief.start_path then
    ok('setup() registered it with ' .. brief.start_path .. ' for filetypes ' .. table.concat(opts.filetypes, ', '))
  elseif brief.native_config() and (vim.lsp.is_enabled == nil or vim.lsp.is_enabled(brief.name)) then
    ok('configured with vim.lsp.config (lsp/brief_lsp.lua) without setup(), for filetypes '
      .. table.concat(opts.filetypes, ', '))
  elseif brief.native_config() then
    warn("lsp/brief_lsp.lua is on 'runtimepath' but not enabled: vim.lsp.enable('brief_lsp') or setup()")
  else
    warn("setup() has not been called: require('brief_lsp').setup()")
  end
  info('settings: ' .. vim.inspect(brief.server_settings(opts), { newline = ' ', indent = '' }))

  start('brief-lsp: corpus')
  if not corpus_from_clients(brief) then
    corpus_from_cli(brief)
  end
end

return M
