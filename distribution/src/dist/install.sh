#!/usr/bin/env bash
# Installs this netc distribution: copies it into PREFIX (bin/netc, lib/netc/, the man page and
# the bash, zsh and fish completions under share/), then makes the AppCDS archive of netc's
# classes there (Java 17 ties an archive to the jar's path, so it is made where the jar ends up).
#
#   ./install.sh                 # into ~/.local (/usr/local as root)
#   ./install.sh --prefix DIR    # into DIR
#
# Then `netc` is PREFIX/bin/netc: put PREFIX/bin on PATH if it is not (~/.local/bin usually is).
# Installing again over an older version replaces it. Needs Java 17 or later.
set -euo pipefail

here="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ "$(id -u)" == 0 ]]; then prefix=/usr/local; else prefix="$HOME/.local"; fi
while [[ $# -gt 0 ]]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown argument \`$1\` (try --help)" >&2; exit 2 ;;
  esac
done

java="java"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then java="$JAVA_HOME/bin/java"; fi
if ! command -v "$java" >/dev/null 2>&1; then
  echo "install.sh: netc needs Java 17 or later, and there is no \`java\` on PATH" >&2
  exit 1
fi

mkdir -p "$prefix"
prefix="$(cd -P "$prefix" && pwd)"
# the distribution is laid out as a prefix: copy its folders over PREFIX's
for part in bin lib share; do
  mkdir -p "$prefix/$part"
  cp -R "$here/$part/." "$prefix/$part/"
done
chmod 0755 "$prefix/bin/netc"

lib="$prefix/lib/netc"
rm -f "$lib/netc.jsa"
if [[ -f "$lib/netc.classlist" ]]; then
  # the launcher's collector: an archive dumped with another one is refused at start-up
  if "$java" -XX:+UseParallelGC -Xshare:dump -Xlog:cds=off -XX:SharedClassListFile="$lib/netc.classlist" \
      -XX:SharedArchiveFile="$lib/netc.jsa" -cp "$lib/netc.jar" >/dev/null 2>&1; then
    touch "$lib/netc.jsa" # newer than the jar: the launcher uses it
  else
    echo "install.sh: could not make the AppCDS archive; netc works without it, only starts slower" >&2
    rm -f "$lib/netc.jsa"
  fi
fi

echo "installed $("$prefix/bin/netc" --version) into $prefix"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "add $prefix/bin to PATH to run it as \`netc\`" ;;
esac
