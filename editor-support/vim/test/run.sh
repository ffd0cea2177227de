#!/usr/bin/env bash
# Headless test of editor-support/vim: filetype detection, ftplugin options, syntax groups at
# chosen places of sample.netspec, and brace indentation of indent.netspec.
# Prints one line per assertion and "vim: N passed, M failed"; exits non-zero on any failure.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
vimdir="$(dirname "$here")"
vim_bin="${VIM_BIN:-vim}"

if ! command -v "$vim_bin" >/dev/null 2>&1; then
  echo "vim test: '$vim_bin' not found (Debian: apt-get install -y vim)" >&2
  exit 1
fi

results="$(mktemp)"
trap 'rm -f "$results"' EXIT

status=0
NETSPEC_VIM_RESULTS="$results" "$vim_bin" -Nu NONE -i NONE -Es \
  --cmd "set rtp^=$vimdir" --cmd 'filetype plugin indent on' --cmd 'syntax on' \
  -S "$here/check.vim" "$here/sample.netspec" </dev/null || status=$?

cat "$results"
passed="$(grep -c '^ok ' "$results" || true)"
failed="$(grep -c '^FAIL ' "$results" || true)"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # vim itself failed (an error in a script aborts -Es with a non-zero status)
  echo "FAIL vim exited with status $status before reporting"
  failed=1
fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  echo "FAIL no assertion ran"
  failed=1
fi
echo "vim: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
