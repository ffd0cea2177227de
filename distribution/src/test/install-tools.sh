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
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "distribution tests: installing ${packages[*]} from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  log="$(mktemp)"
  trap 'rm -f "$log"' EXIT
  apt-get install -y -q --no-install-recommends "${packages[@]}" >"$log" 2>&1 \
    || { apt-get update -q >>"$log" 2>&1 && apt-get install -y -q --no-install-recommends "${packages[@]}" >>"$log" 2>&1; } \
    || { cat "$log" >&2; echo "distribution tests: could not install ${packages[*]}" >&2; exit 1; }
else
  echo "distribution tests: they need ${packages[*]}; install them (Debian, as root):" >&2
  echo "  apt-get install -y ${packages[*]}" >&2
fi
