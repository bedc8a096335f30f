-- Minimal init for the headless tests: only this plugin on 'runtimepath'.
local here = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h")
local plugin = vim.fs.dirname(here)
vim.opt.runtimepath:prepend(plugin)
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'
vim.g.brief_lsp_test_plugin_dir = plugin
