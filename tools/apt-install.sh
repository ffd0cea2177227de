#!/usr/bin/env bash
# apt-install.sh WHO PACKAGE...: installs Debian packages that a build or test step needs, quietly
# (the log is shown only when it fails), updating the package lists once if the first try fails.
# Only as root on a machine with apt-get; anywhere else it says what to install and fails.
# WHO names the step in its messages.
set -euo pipefail
who="$1"
shift
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "$who: needs $*; install them (Debian, as root): apt-get install -y $*" >&2
  exit 1
fi
echo "$who: installing $* from Debian's packages"
export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
apt-get install -y -q --no-install-recommends "$@" >"$log" 2>&1 \
  || { apt-get update -q >>"$log" 2>&1 && apt-get install -y -q --no-install-recommends "$@" >>"$log" 2>&1; } \
  || { cat "$log" >&2; echo "$who: could not install $*" >&2; exit 1; }
