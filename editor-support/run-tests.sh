#!/usr/bin/env bash
# Tests of editor-support/: the VS Code extension (TextMate grammar cases, manifest checks,
# every examples/ and stdlib/ file highlighted without an `invalid` token, the language client
# against stand-ins for VS Code, the real `netc lsp` from compiler/target/netc.jar through the
# client's protocol library, and the .vsix built with @vscode/vsce) and the vim runtime files
# (headless vim), and vim/lsp.lua in headless Neovim (the minimum version it states, and the
# client it starts). Run it after `mvn verify`, which builds the jar. Needs Node.js (18 or
# later) with npm, vim and Neovim. In CI (CI=true, as root) a missing vim or Neovim is installed
# from Debian's packages; elsewhere it is reported.
#
# Ends with the line `editor: N passed, M failed` (N counts grammar test files, manifest, client
# and server checks, checked .netspec files and snippets, the .vsix, and vim assertions) and
# exits non-zero on any failure.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

passed=0
failed=0

# add_summary NAME FILE: adds the counts of the last line "NAME: P passed, F failed" of FILE
add_summary() {
  local name="$1" file="$2" line p f
  line="$(grep -E "^${name}: [0-9]+ passed, [0-9]+ failed$" "$file" | tail -n 1 || true)"
  if [ -z "$line" ]; then
    return 1
  fi
  p="$(sed -E 's/^[^:]+: ([0-9]+) passed, ([0-9]+) failed$/\1/' <<<"$line")"
  f="$(sed -E 's/^[^:]+: ([0-9]+) passed, ([0-9]+) failed$/\2/' <<<"$line")"
  passed=$((passed + p))
  failed=$((failed + f))
}

# install_for_ci TOOL PACKAGE: a missing TOOL is installed from Debian's PACKAGE in CI (CI=true,
# as root); elsewhere what to install is said, and the tests that need it fail
install_for_ci() {
  local tool="$1" package="$2"
  command -v "$tool" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && [ "${CI:-}" = true ]; then
    "$here/../tools/apt-install.sh" "editor tests" "$package" || true
  else
    echo "$tool is missing: install it (Debian: apt-get install -y $package). This script installs it" \
      "itself only when run as root with CI=true." >&2
  fi
}

# ---- VS Code extension ---------------------------------------------------------------------
echo "== editor-support/vscode"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "FAIL node and npm are needed for the VS Code grammar tests (Node.js 18 or later)" >&2
  failed=$((failed + 1))
else
  node_major="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$node_major" -lt 18 ]; then
    echo "FAIL Node.js $(node --version) is too old: the grammar tests need 18 or later" >&2
    failed=$((failed + 1))
  else
    cd "$here/vscode"
    if [ -f package-lock.json ]; then
      install=(npm ci --no-audit --no-fund)
    else
      install=(npm install --no-audit --no-fund)
    fi
    if ! "${install[@]}" >"$logs/npm-install.log" 2>&1; then
      cat "$logs/npm-install.log"
      echo "FAIL ${install[*]} in editor-support/vscode" >&2
      failed=$((failed + 1))
    else
      npm test 2>&1 | tee "$logs/npm-test.log"
      npm_status="${PIPESTATUS[0]}"
      # vscode-tmgrammar-test: one line per test file, "✓ <file> run successfuly." or
      # "ERROR <file>:<line>:..." per failed assertion (--compact)
      grammar_passed="$(grep -c '^✓ ' "$logs/npm-test.log" || true)"
      grammar_failed="$(grep -oE '^ERROR [^:]+\.test\.netspec' "$logs/npm-test.log" | sort -u | wc -l)"
      passed=$((passed + grammar_passed))
      failed=$((failed + grammar_failed))
      add_summary manifest "$logs/npm-test.log" || true
      add_summary examples "$logs/npm-test.log" || true
      add_summary client "$logs/npm-test.log" || true
      if [ "$npm_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
        echo "FAIL npm test exited with status $npm_status" >&2
        failed=$((failed + 1))
      fi
      if [ "$npm_status" -eq 0 ] && [ "$grammar_passed" -eq 0 ]; then
        echo "FAIL npm test ran no grammar test file" >&2
        failed=$((failed + 1))
      fi

      # the language server itself, started from the jar as the client starts it
      npm run --silent test:server 2>&1 | tee "$logs/server.log"
      if ! add_summary server "$logs/server.log"; then
        echo "FAIL npm run test:server printed no summary" >&2
        failed=$((failed + 1))
      fi

      # the installable extension, built as its readme says (`npm run package`, which runs `npm ci`
      # first): the .vsix must hold the client, its runtime dependency, the grammar and a readme
      # that documents the language server and links to nothing outside the package
      if npm run --silent package -- --out "$logs/netspec.vsix" >"$logs/vsce.log" 2>&1; then
        listing="$(unzip -l "$logs/netspec.vsix" 2>/dev/null || python3 -m zipfile -l "$logs/netspec.vsix")"
        missing=""
        for entry in extension/package.json extension/extension.js extension/syntaxes/netspec.tmLanguage.json \
            extension/language-configuration.json extension/node_modules/vscode-languageclient/package.json \
            extension/readme.md; do
          grep -qi "$entry" <<<"$listing" || missing="$missing $entry"
        done
        if [ -z "$missing" ]; then
          echo "ok   npm run package built netspec.vsix with the client, vscode-languageclient, the grammar and the readme"
          passed=$((passed + 1))
        else
          echo "FAIL netspec.vsix lacks:$missing" >&2
          failed=$((failed + 1))
        fi
        readme="$(unzip -p "$logs/netspec.vsix" extension/readme.md 2>/dev/null || true)"
        problems=""
        grep -q 'netspec.server.path' <<<"$readme" || problems="$problems no-netspec.server.path"
        grep -q 'netc lsp' <<<"$readme" || problems="$problems no-language-server"
        # relative links must name files inside the package
        while read -r target; do
          [ -z "$target" ] && continue
          grep -qi "extension/${target#./}\$" <<<"$listing" || problems="$problems link:$target"
        done < <(grep -oE '\]\([^)#:]+\)' <<<"$readme" | sed -E 's/^\]\(([^)]*)\)$/\1/')
        if [ -z "$problems" ]; then
          echo "ok   the packaged readme documents the language server and links only inside the package"
          passed=$((passed + 1))
        else
          echo "FAIL the packaged readme:$problems" >&2
          failed=$((failed + 1))
        fi
      else
        cat "$logs/vsce.log"
        echo "FAIL npm run package" >&2
        failed=$((failed + 1))
      fi
    fi
  fi
fi

# run_suite NAME TOOL PACKAGE SCRIPT: runs a test script that needs TOOL (installed from PACKAGE
# in CI) and ends with "NAME: P passed, F failed", and adds its counts
run_suite() {
  local name="$1" tool="$2" package="$3" script="$4" status=0
  install_for_ci "$tool" "$package"
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "FAIL $tool is not installed" >&2
    failed=$((failed + 1))
    return
  fi
  "$script" >"$logs/$name.log" 2>&1 || status=$?
  grep -v '^ok ' "$logs/$name.log" || true
  if ! add_summary "$name" "$logs/$name.log" || { [ "$status" -ne 0 ] && ! grep -q '^FAIL' "$logs/$name.log"; }; then
    cat "$logs/$name.log"
    echo "FAIL the $name test exited with status $status" >&2
    failed=$((failed + 1))
  fi
}

# ---- vim -----------------------------------------------------------------------------------
echo "== editor-support/vim"
run_suite vim vim vim "$here/vim/test/run.sh"

# ---- Neovim: lsp.lua -------------------------------------------------------------------------
echo "== editor-support/vim/lsp.lua (Neovim)"
run_suite nvim nvim neovim "$here/vim/test/run-nvim.sh"

echo "editor: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
