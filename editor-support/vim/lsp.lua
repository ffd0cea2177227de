-- Neovim: run `netc lsp` (the netc language server) for .netspec buffers.
--
-- Use: put editor-support/vim on 'runtimepath' for detection, syntax and indent, then
--   :luafile /path/to/editor-support/vim/lsp.lua        (or copy this into init.lua)
-- `netc` must be on $PATH (or change `cmd` below to the checkout's `./netc`). The server gives
-- the compiler's diagnostics, hover, go to definition, references, completion, document
-- symbols, formatting (`vim.lsp.buf.format()`) and quick fixes (`vim.lsp.buf.code_action()`).

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
