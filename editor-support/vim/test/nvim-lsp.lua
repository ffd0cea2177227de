-- Headless test of lsp.lua on the Neovim that is installed (nvim --headless -u NONE -l is 0.9+:
-- this is run with `-c luafile`). On a Neovim older than 0.8 it must say so and start nothing;
-- on 0.8 to 0.10 (or an older one made to look like 0.8, with vim.fs and vim.lsp.start
-- stubbed) it must start `netc lsp` for a netspec buffer, rooted at the folder holding .git.
-- Prints one line per assertion and "nvim: N passed, M failed".
local results = {}
local function check(ok, what)
  table.insert(results, (ok and 'ok   ' or 'FAIL ') .. what)
end
local lsp_lua = os.getenv('NETC_LSP_LUA')
local project = os.getenv('NETC_PROJECT')

-- 1. as this Neovim is
local messages = {}
local echo = vim.api.nvim_echo
vim.api.nvim_echo = function(chunks, history, opts)
  table.insert(messages, chunks[1][1])
end
local ok, err = pcall(dofile, lsp_lua)
check(ok, 'lsp.lua loads without an error on this Neovim: ' .. tostring(err))
if vim.fn.has('nvim-0.8') == 0 then
  check(#messages == 1 and messages[1]:find('needs Neovim 0.8 or later', 1, true) ~= nil,
    'an old Neovim is told the minimum version: ' .. tostring(messages[1]))
  check(not pcall(vim.api.nvim_get_autocmds, { group = 'netc_lsp' }),
    'nothing is set up on an old Neovim (no netc_lsp autocommands)')
end
vim.api.nvim_echo = echo

-- 2. the 0.8 to 0.10 path, on whatever Neovim runs this: vim.fn.has says 0.8, not 0.11
local started = {}
local has = vim.fn.has
vim.fn.has = function(feature)
  if feature == 'nvim-0.8' then return 1 end
  if feature == 'nvim-0.11' then return 0 end
  return has(feature)
end
vim.fs = vim.fs or {
  find = function(names, opts)
    local dir = opts.path
    while dir and dir ~= '/' do
      if vim.fn.isdirectory(dir .. '/' .. names[1]) == 1 then return { dir .. '/' .. names[1] } end
      dir = vim.fn.fnamemodify(dir, ':h')
    end
    return {}
  end,
  dirname = function(path) return vim.fn.fnamemodify(path, ':h') end,
}
vim.filetype = vim.filetype or {}
vim.filetype.add = vim.filetype.add or function() end
vim.lsp.start = function(config) table.insert(started, config) end
ok, err = pcall(dofile, lsp_lua)
check(ok, 'lsp.lua loads on the 0.8 to 0.10 path: ' .. tostring(err))
vim.cmd('edit ' .. project .. '/specs/site.netspec')
vim.cmd('setfiletype netspec')
check(#started == 1, 'a netspec buffer starts one client, found ' .. #started)
if started[1] then
  check(started[1].name == 'netc', 'the client is named netc')
  check(vim.deep_equal(started[1].cmd, { 'netc', 'lsp' }), 'it runs `netc lsp`')
  check(started[1].root_dir == project, 'rooted at the folder with .git: ' .. tostring(started[1].root_dir))
end
vim.fn.has = has

local passed, failed = 0, 0
for _, line in ipairs(results) do
  io.stdout:write(line .. '\n')
  if line:sub(1, 2) == 'ok' then passed = passed + 1 else failed = failed + 1 end
end
io.stdout:write(string.format('nvim: %d passed, %d failed\n', passed, failed))
