-- A minimal Neovim config that runs Dateline's language server for article files, with Neovim's built-in
-- LSP client (works from Neovim 0.7; docs/editors.md shows the 0.11+ form). Used by test/neovim/check.ts.
-- DATELINE_SERVER: path to Dateline's dist/server.js (default: dist/server.js under the current directory).
local server = vim.env.DATELINE_SERVER or 'dist/server.js'

local function start_dateline(bufnr)
  local file = vim.api.nvim_buf_get_name(bufnr)
  if file == '' then return end
  local root = vim.fn.fnamemodify(file, ':p:h')
  local client_id = vim.lsp.start_client({
    name = 'dateline',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
  })
  if client_id then vim.lsp.buf_attach_client(bufnr, client_id) end
end

-- Plain text, Markdown and .news/.article files: the server itself decides whether a file looks like an article.
vim.cmd([[autocmd BufRead,BufNewFile *.news,*.article setfiletype text]])
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'text', 'markdown' },
  callback = function(args) start_dateline(args.buf) end,
})
