-- Run inside headless Neovim after init.lua has opened an article: waits for the Dateline client, lists the
-- buffer's diagnostics, asks for a hover on a word, writes everything as JSON to $DATELINE_PROBE_OUT, quits.
local out = vim.env.DATELINE_PROBE_OUT
local word = vim.env.DATELINE_PROBE_WORD or 'Uqayribat'
local result = { attached = false, initialized = false, diagnostics = {}, hover = nil, errors = {} }

-- Note when the server publishes diagnostics for this buffer (even an empty list): then the list is final.
local published = {}
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, res, ctx, config)
  if res and res.uri then published[res.uri] = true end
  return default_publish(err, res, ctx, config)
end

local function finish()
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end

local bufnr = vim.api.nvim_get_current_buf()
local client
result.attached = vim.wait(15000, function()
  client = vim.lsp.get_active_clients({ bufnr = bufnr })[1]
  return client ~= nil
end, 50)
if not result.attached then
  table.insert(result.errors, 'no LSP client attached to ' .. vim.api.nvim_buf_get_name(bufnr))
  return finish()
end
result.initialized = vim.wait(15000, function() return client.initialized == true end, 50)
result.server = client.server_capabilities and { hover = client.server_capabilities.hoverProvider and true or false } or nil

-- Where the word is (0-based line, UTF-16 character: ASCII text here, so byte = character).
local pos = nil
for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
  local col = line:find(word, 1, true)
  if col then pos = { line = i - 1, character = col } break end
end
if not pos then
  table.insert(result.errors, word .. ' not found in the buffer')
  return finish()
end
result.position = pos

-- Hover, retried until it has content: the first request may race the first analysis. (Asynchronous
-- requests polled with vim.wait: buf_request_sync inside a vim.wait callback never returns in 0.7.)
local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = pos }
for _ = 1, 20 do
  local answered = false
  vim.lsp.buf_request(bufnr, 'textDocument/hover', params, function(err, res)
    answered = true
    if err then table.insert(result.errors, 'hover error: ' .. vim.inspect(err)) end
    if res and res.contents then
      local c = res.contents
      result.hover = type(c) == 'table' and (c.value or vim.inspect(c)) or tostring(c)
    end
  end)
  vim.wait(5000, function() return answered end, 20)
  if result.hover then break end
  vim.wait(250, function() return false end, 250)
end

-- Diagnostics are pushed by the server after analysis: wait for the first publication, then list them.
local uri = vim.uri_from_bufnr(bufnr)
result.published = vim.wait(15000, function() return published[uri] == true or #vim.diagnostic.get(bufnr) > 0 end, 50)
if result.published and vim.env.DATELINE_PROBE_CONFLICTS == '1' then
  -- Cross-article conflicts need the rest of the workspace indexed: wait for a conflict diagnostic.
  vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      if type(code) == 'string' and code:find('^dateline%.conflict%.') then return true end
    end
    return false
  end, 100)
end
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or vim.NIL
  table.insert(result.diagnostics, { line = d.lnum, col = d.col, message = d.message, source = d.source or vim.NIL, code = code, severity = d.severity })
end
finish()
