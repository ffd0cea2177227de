-- Neovim: run `netc lsp` (the netc language server) for .netspec buffers.
--
-- Use: put editor-support/vim on 'runtimepath' for detection, syntax and indent, then
--   :luafile /path/to/editor-support/vim/lsp.lua        (or copy this into init.lua)
-- `netc` must be on $PATH (or change `cmd` below to the checkout's `./netc`). The server gives
-- the compiler's diagnostics, hover, go to definition, references, completion, document
-- symbols, formatting (`vim.lsp.buf.format()`) and quick fixes (`vim.lsp.buf.code_action()`).

-- Neovim 0.8 is the oldest this supports: it brought vim.lsp.start and vim.fs. Older ones (such
-- as Debian 12's 0.7.2) are told so once, instead of failing on a nil vim.fs at every buffer.
if vim.fn.has('nvim-0.8') == 0 then
  local v = vim.version()
  vim.api.nvim_echo({ {
    string.format('netc lsp.lua needs Neovim 0.8 or later (this is %d.%d.%d): the language server is not started',
      v.major, v.minor, v.patch),
    'ErrorMsg',
  } }, true, {})
  return
end

vim.filetype.add({ extension = { netspec = 'netspec' } })

local config = {
  cmd = { 'netc', 'lsp' },
  filetypes = { 'netspec' },
  root_markers = { '.git' },
}

if vim.fn.has('nvim-0.11') == 1 then
  -- Neovim 0.11+: declare the server once, enable it for its filetypes
  vim.lsp.config('netc', config)
  vim.lsp.enable('netc')
else
  -- Neovim 0.8 to 0.10: start (or reuse) a client for every netspec buffer
  vim.api.nvim_create_autocmd('FileType', {
    pattern = 'netspec',
    group = vim.api.nvim_create_augroup('netc_lsp', { clear = true }),
    callback = function(args)
      local marker = vim.fs.find(config.root_markers, {
        upward = true,
        path = vim.fs.dirname(vim.api.nvim_buf_get_name(args.buf)),
      })[1]
      vim.lsp.start({
        name = 'netc',
        cmd = config.cmd,
        root_dir = marker and vim.fs.dirname(marker) or vim.fn.getcwd(),
      })
    end,
  })
end
