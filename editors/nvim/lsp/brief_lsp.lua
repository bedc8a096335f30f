-- brief-lsp for Neovim 0.11+'s native configuration, for those who do not
-- call require('brief_lsp').setup(). With editors/nvim on 'runtimepath':
--
--   vim.lsp.config('brief_lsp', { settings = { briefLsp = { corpus = { 'sources' } } } })
--   vim.lsp.enable('brief_lsp')
--
-- Settings go under settings.briefLsp: before_init copies them into
-- initializationOptions, so the server indexes the right corpus at once and
-- the workspace/didChangeConfiguration Neovim sends next changes nothing.
return {
  cmd = { 'brief-lsp' },
  filetypes = { 'markdown' },
  root_markers = { 'brief-lsp.toml', '.git' },
  settings = { briefLsp = { inlayHints = true } },
  before_init = function(params, config)
    local brief = (config.settings or {}).briefLsp or {}
    params.initializationOptions =
      vim.tbl_extend('force', type(params.initializationOptions) == 'table' and params.initializationOptions or {}, brief)
  end,
  -- Shows the server's inlay hints (the source after each verified quote)
  -- unless settings.briefLsp.inlayHints is false.
  on_attach = function(client, bufnr)
    local brief = (client.config.settings or {}).briefLsp or {}
    if brief.inlayHints ~= false and vim.lsp.inlay_hint then
      vim.lsp.inlay_hint.enable(true, { bufnr = bufnr })
    end
  end,
}
