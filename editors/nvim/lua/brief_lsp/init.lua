-- brief-lsp for Neovim: starts the brief-lsp language server for Markdown
-- briefs and offers :BriefLspInfo, :BriefLspDocuments and
-- :checkhealth brief_lsp.
--
--   require('brief_lsp').setup({
--     cmd = { 'brief-lsp' },                         -- the server binary
--     corpus = { 'sources' },                        -- folders, relative to the workspace root
--     inlay_hints = true,                            -- the server's `inlayHints` setting
--     settings = {},                                 -- more settings, flat or under `briefLsp`
--     filetypes = { 'markdown' },
--     root_markers = { 'brief-lsp.toml', '.git' },
--   })
--
-- Neovim 0.11+ registers the server with vim.lsp.config/vim.lsp.enable;
-- Neovim 0.8-0.10 start it with vim.lsp.start from a FileType autocommand.

local M = {}

--- The name of the client, of the vim.lsp.config entry and of lsp/brief_lsp.lua.
M.name = 'brief_lsp'

M.defaults = {
  cmd = { 'brief-lsp' },
  filetypes = { 'markdown' },
  root_markers = { 'brief-lsp.toml', '.git' },
  -- Corpus folders (relative to the workspace root, or absolute). nil: the
  -- workspace's brief-lsp.toml, else the seed corpus built into the server.
  corpus = nil,
  -- The server's inlay hints after verified quotes (default on). When on,
  -- the plugin also turns on Neovim's inlay hint display (0.10+) in the buffer.
  inlay_hints = nil,
  -- Extra server settings, flat ({ inlayHints = false }) or nested ({ briefLsp = {...} }).
  settings = {},
  capabilities = nil,
  on_attach = nil,
  -- Use the vim.lsp.start path even on Neovim 0.11+ (the tests use it).
  force_legacy_start = false,
}

--- The options of the last setup() call, nil before.
M.options = nil
--- 'vim.lsp.config' or 'vim.lsp.start': how setup() started the server.
M.start_path = nil

local function has(version)
  return vim.fn.has('nvim-' .. version) == 1
end

--- True when this Neovim has vim.lsp.config and vim.lsp.enable (0.11+).
function M.has_native_config()
  return has('0.11') and type(vim.lsp.config) ~= 'nil' and type(vim.lsp.enable) == 'function'
end

--- The brief-lsp clients, attached to `bufnr` if given (0.8+).
function M.clients(bufnr)
  local filter = { name = M.name, bufnr = bufnr }
  if vim.lsp.get_clients then
    return vim.lsp.get_clients(filter)
  end
  return vim.lsp.get_active_clients(filter)
end

--- A synchronous request on one client, for 0.8-0.10 (client.request_sync)
--- and 0.11+ (client:request_sync). Returns the result, or nil and an error.
function M.request_sync(client, method, params, timeout_ms, bufnr)
  local response, err
  if has('0.11') then
    response, err = client:request_sync(method, params, timeout_ms or 2000, bufnr or 0)
  else
    response, err = client.request_sync(method, params, timeout_ms or 2000, bufnr or 0)
  end
  if not response then
    return nil, err or 'no response'
  end
  if response.err then
    return nil, response.err.message or vim.inspect(response.err)
  end
  return response.result
end

--- `brief-lsp/status` of a client: { state, documents, problems, source, loading }.
function M.status(client, timeout_ms)
  return M.request_sync(client, 'brief-lsp/status', nil, timeout_ms)
end

local function as_list(value)
  if type(value) == 'string' then
    return { value }
  end
  return value
end

--- The server settings (the object under `briefLsp`) that `opts` describe.
--- inlayHints is always present, so that the table is never sent as [].
function M.server_settings(opts)
  local settings = vim.deepcopy(opts.settings or {})
  settings = settings.briefLsp or settings
  local brief = {}
  for k, v in pairs(settings) do
    brief[k] = v
  end
  if opts.corpus ~= nil then
    brief.corpus = as_list(opts.corpus)
  end
  if opts.inlay_hints ~= nil then
    brief.inlayHints = opts.inlay_hints
  elseif opts.inlayHints ~= nil then
    brief.inlayHints = opts.inlayHints
  end
  if brief.inlayHints == nil then
    brief.inlayHints = true
  end
  return brief
end

local function on_attach(opts, brief)
  return function(client, bufnr)
    if brief.inlayHints and vim.lsp.inlay_hint and has('0.10') then
      pcall(vim.lsp.inlay_hint.enable, true, { bufnr = bufnr })
    end
    if opts.on_attach then
      opts.on_attach(client, bufnr)
    end
  end
end

--- The client configuration for `opts` (merged over M.defaults): what
--- setup() gives to vim.lsp.config or vim.lsp.start. The same settings go
--- in initializationOptions and in `settings`, which Neovim sends in
--- workspace/didChangeConfiguration right after initialization; were they to
--- differ, the server would re-index with the second.
function M.client_config(opts)
  opts = vim.tbl_extend('force', M.defaults, opts or {})
  local brief = M.server_settings(opts)
  local config = {
    cmd = as_list(opts.cmd),
    filetypes = opts.filetypes,
    root_markers = opts.root_markers,
    init_options = vim.deepcopy(brief),
    settings = { briefLsp = vim.deepcopy(brief) },
    on_attach = on_attach(opts, brief),
  }
  if opts.capabilities then
    config.capabilities = opts.capabilities
  end
  return config
end

--- The workspace root of a buffer for the vim.lsp.start path: the folder of
--- the nearest root marker above the file, else nil (single-file mode).
function M.find_root(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= '' and vim.fs.dirname(name) or (vim.uv or vim.loop).cwd()
  local found = vim.fs.find(markers, { upward = true, path = dir })[1]
  return found and vim.fs.dirname(found) or nil
end

--- Starts (or reuses) the client for a buffer with vim.lsp.start (0.8+).
function M.start(bufnr, config)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if not vim.api.nvim_buf_is_valid(bufnr) or vim.bo[bufnr].buftype ~= '' then
    return nil
  end
  local start_config = {
    name = M.name,
    cmd = config.cmd,
    root_dir = M.find_root(bufnr, config.root_markers),
    init_options = config.init_options,
    settings = config.settings,
    capabilities = config.capabilities,
    on_attach = config.on_attach,
  }
  local id
  -- 0.8's vim.lsp.start attaches the current buffer; later ones take opts.bufnr.
  vim.api.nvim_buf_call(bufnr, function()
    id = vim.lsp.start(start_config, { bufnr = bufnr })
  end)
  return id
end

--- Registers the server: vim.lsp.config + vim.lsp.enable on 0.11+, else a
--- FileType autocommand (and the already open buffers) with vim.lsp.start.
function M.setup(opts)
  opts = vim.tbl_extend('force', M.defaults, opts or {})
  M.options = opts
  local config = M.client_config(opts)
  if M.has_native_config() and not opts.force_legacy_start then
    M.start_path = 'vim.lsp.config'
    vim.lsp.config(M.name, config)
    vim.lsp.enable(M.name)
    return
  end
  M.start_path = 'vim.lsp.start'
  local group = vim.api.nvim_create_augroup('brief_lsp', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = config.filetypes,
    desc = 'brief-lsp: start the language server',
    callback = function(args)
      M.start(args.buf, config)
    end,
  })
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(config.filetypes, vim.bo[buf].filetype) then
      M.start(buf, config)
    end
  end
end

--- The native configuration of brief_lsp (vim.lsp.config['brief_lsp'],
--- lsp/brief_lsp.lua merged with vim.lsp.config() calls), or nil.
function M.native_config()
  if not M.has_native_config() then
    return nil
  end
  local ok, config = pcall(function()
    return vim.lsp.config[M.name]
  end)
  return ok and config or nil
end

--- The options in force: setup()'s; without setup(), those of the native
--- configuration (lsp/brief_lsp.lua and vim.lsp.config calls); else the defaults.
function M.current_options()
  if M.options then
    return M.options
  end
  local native = M.native_config()
  if native then
    return vim.tbl_extend('force', M.defaults, {
      cmd = type(native.cmd) == 'table' and native.cmd or M.defaults.cmd,
      filetypes = native.filetypes or M.defaults.filetypes,
      root_markers = native.root_markers or M.defaults.root_markers,
      settings = native.settings or {},
    })
  end
  return M.defaults
end

local function run(cmd)
  if vim.system then
    local ok, result = pcall(function()
      return vim.system(cmd, { text = true }):wait(10000)
    end)
    if not ok then
      return nil, tostring(result)
    end
    return result.code, result.stdout or '', result.stderr or ''
  end
  local out = vim.fn.system(cmd)
  return vim.v.shell_error, out, ''
end

--- Runs the server binary with `args`: exit code, stdout, stderr
--- (nil and a message when it cannot run).
function M.run_binary(args)
  local cmd = vim.deepcopy(as_list(M.current_options().cmd))
  for _, a in ipairs(args) do
    table.insert(cmd, a)
  end
  if vim.fn.executable(cmd[1]) ~= 1 then
    return nil, ('`%s` is not executable'):format(cmd[1])
  end
  return run(cmd)
end

--- `brief-lsp --version`, e.g. "brief-lsp 0.1.0", or nil and an error.
function M.version()
  local code, out, err = M.run_binary({ '--version' })
  if code ~= 0 then
    return nil, code == nil and out or vim.trim((err or '') .. (out or ''))
  end
  return vim.trim(out)
end

local function describe_status(status)
  if type(status) ~= 'table' then
    return 'no status'
  end
  if status.state == 'ready' then
    local s = ('corpus ready: %s documents from %s'):format(status.documents, status.source)
    if status.loading and status.loading ~= vim.NIL then
      s = s .. ('; re-indexing %s'):format(status.loading)
    end
    if status.warning and status.warning ~= vim.NIL then
      s = s .. ('; warning: %s'):format(status.warning)
    end
    return s
  end
  if status.state == 'failed' then
    return ('corpus failed: %s'):format(status.reason or '?')
  end
  local loading = status.loading ~= vim.NIL and status.loading or '?'
  return ('indexing %s'):format(loading)
end
M.describe_status = describe_status

--- :BriefLspInfo: the binary, its version, how the server is started and
--- each running client's root, position encoding and corpus. Returns the
--- lines; `{ silent = true }` only returns them.
function M.info(info_opts)
  local opts = M.current_options()
  local cmd = as_list(opts.cmd)
  local lines = {}
  local function add(fmt, ...)
    table.insert(lines, fmt:format(...))
  end
  local exe = vim.fn.exepath(cmd[1])
  add('brief-lsp: cmd %s (%s)', table.concat(cmd, ' '), exe ~= '' and exe or 'not executable')
  local version, err = M.version()
  add('version: %s', version or ('unknown: ' .. tostring(err)))
  add('started with: %s', M.start_path and ('setup() and ' .. M.start_path) or (M.native_config() and 'vim.lsp.config (lsp/brief_lsp.lua), without setup()') or 'nothing yet: call require("brief_lsp").setup()')
  add('settings: %s', vim.inspect(M.server_settings(opts), { newline = ' ', indent = '' }))
  local clients = M.clients()
  if #clients == 0 then
    add('no brief-lsp client is running (open a Markdown file)')
  end
  for _, client in ipairs(clients) do
    local status, serr = M.status(client, 2000)
    add(
      'client %d: root %s, position encoding %s, %s',
      client.id,
      client.config.root_dir or '(none: single file)',
      client.offset_encoding or '?',
      status and describe_status(status) or ('status failed: ' .. tostring(serr))
    )
    for _, problem in ipairs(status and status.problems or {}) do
      add('  corpus problem: %s', problem)
    end
  end
  if not (info_opts and info_opts.silent) then
    vim.api.nvim_echo({ { table.concat(lines, '\n') } }, true, {})
  end
  return lines
end

--- :BriefLspDocuments: pick a corpus document (brief-lsp/documents) and open it.
function M.documents(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local client = M.clients(bufnr)[1] or M.clients()[1]
  if not client then
    vim.notify('brief-lsp: no client is running', vim.log.levels.WARN)
    return
  end
  local docs, err = M.request_sync(client, 'brief-lsp/documents', nil, 5000, bufnr)
  if not docs then
    vim.notify('brief-lsp: ' .. tostring(err), vim.log.levels.ERROR)
    return
  end
  if #docs == 0 then
    vim.notify('brief-lsp: the corpus is not indexed yet', vim.log.levels.WARN)
    return
  end
  vim.ui.select(docs, {
    prompt = 'Corpus document',
    format_item = function(d)
      local title = (d.title ~= vim.NIL and d.title ~= '') and d.title or '(untitled)'
      return ('@%s  %s  %s'):format(d.key, d.citation ~= vim.NIL and d.citation or '', title)
    end,
  }, function(choice)
    if choice and choice.uri and choice.uri ~= vim.NIL then
      vim.cmd.edit(vim.fn.fnameescape(vim.uri_to_fname(choice.uri)))
    end
  end)
end

return M
