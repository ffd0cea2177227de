#!/usr/bin/env bash
# Runs nvim-lsp.lua headless in the Neovim on PATH, on a throwaway project with a .git folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(mktemp -d)"
trap 'rm -rf "$project"' EXIT
project="$(cd -P "$project" && pwd)"
mkdir -p "$project/.git" "$project/specs"
echo 'namespace app { isolate ingress }' >"$project/specs/site.netspec"
NETC_LSP_LUA="$here/../lsp.lua" NETC_PROJECT="$project" \
  nvim --headless -u NONE -i NONE -c "luafile $here/nvim-lsp.lua" -c 'qa!' </dev/null 2>&1
