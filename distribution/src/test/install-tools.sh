#!/usr/bin/env bash
# The tools the distribution's tests run: zsh and fish (their completion scripts are parsed by
# the shells themselves), and groff (the man page is rendered). Run as root on a machine with
# apt-get (a CI runner, a fresh container), it installs what is missing from Debian's packages;
# anywhere else it says what to install, and the tests that need a missing tool fail.
set -euo pipefail
packages=()
command -v zsh >/dev/null 2>&1 || packages+=(zsh)
command -v fish >/dev/null 2>&1 || packages+=(fish)
command -v groff >/dev/null 2>&1 || packages+=(groff-base)
[ ${#packages[@]} -eq 0 ] && exit 0
"$(dirname "${BASH_SOURCE[0]}")/../../../tools/apt-install.sh" "distribution tests" "${packages[@]}" || true
