#!/usr/bin/env bash
# Builds the conformance harness (harness/, Go) into the path given as $1. It needs Debian's Go,
# the Go libraries the consumers themselves read netc's output with, and jq (provider-rke2 merges
# RKE2's config with it):
#
#   apt-get install -y golang-go golang-gopkg-yaml.v2-dev golang-gopkg-yaml.v3-dev \
#     golang-k8s-sigs-yaml-dev golang-github-masterminds-sprig-dev golang-golang-x-net-dev jq
#
# Run as root on a machine with apt-get (a CI runner, a fresh container), it installs what is
# missing itself; anywhere else it prints that line and fails. The build is offline: Go runs in
# GOPATH mode on Debian's library sources in /usr/share/gocode.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 OUTPUT_BINARY" >&2
  exit 2
fi
out="$1"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
gopath=/usr/share/gocode
packages=(golang-go golang-gopkg-yaml.v2-dev golang-gopkg-yaml.v3-dev golang-k8s-sigs-yaml-dev
  golang-github-masterminds-sprig-dev golang-golang-x-net-dev jq)
libraries=(gopkg.in/yaml.v2 gopkg.in/yaml.v3 sigs.k8s.io/yaml github.com/Masterminds/sprig golang.org/x/net/http/httpproxy)

missing() {
  command -v go >/dev/null 2>&1 || return 0
  command -v jq >/dev/null 2>&1 || return 0
  local library
  for library in "${libraries[@]}"; do
    [ -d "$gopath/src/$library" ] || return 0
  done
  return 1
}

if missing; then
  "$here/../tools/apt-install.sh" conformance "${packages[@]}"
fi

mkdir -p "$(dirname "$out")"
export GO111MODULE=off GOPATH="$gopath" GOFLAGS="" CGO_ENABLED=0
export GOCACHE="${GOCACHE:-$(dirname "$out")/go-cache}"
cd "$here/harness"
go vet .
go build -o "$out" .
