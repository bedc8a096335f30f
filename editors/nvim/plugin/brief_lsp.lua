-- brief-lsp: user commands only. Nothing starts until
-- require('brief_lsp').setup() is called (see editors/nvim/README.md).
if vim.g.loaded_brief_lsp then
  return
end
vim.g.loaded_brief_lsp = true

vim.api.nvim_create_user_command('BriefLspInfo', function()
  require('brief_lsp').info()
end, { desc = 'brief-lsp: binary, version, clients and corpus' })

vim.api.nvim_create_user_command('BriefLspDocuments', function()
  require('brief_lsp').documents()
end, { desc = 'brief-lsp: open a corpus document' })
