#!/usr/bin/env bash
# Builds a Go tool set the tests, the demo and the benchmarks run, with the machine's `go`, from the
# Go module proxy, once, into
#   ${KEEPALIVE_CACHE:-$HOME/.cache/keepalive}/<set>-<version>/bin
# and prints that directory on stdout. Later calls reuse the binaries.
# Usage: go-tool-bin.sh nsq|toxiproxy|bench-sink
#
#   nsq         nsqd, nsqlookupd, nsq_to_http v1.3.0
#   toxiproxy   toxiproxy-server v2.5.0 (the TCP proxy that puts WAN latency between forwarder and sink)
#   bench-sink  the benchmark's HTTPS sink, from runtime/rig/sink/bench-sink (standard library only,
#               nothing downloaded); its "version" is a hash of its source, so an edit rebuilds it
#
# Each set is built from a tiny module of its own that requires the tool's module. For nsq this is
# the only way: `go install github.com/nsqio/nsq/apps/nsqd@v1.3.0` is refused because nsq's go.mod
# carries a `replace` directive, which the tools module repeats. Module and build caches live under
# the cache directory as well.
set -euo pipefail

fail() {
  echo "go-tool-bin.sh: $*" >&2
  exit 1
}

SET="${1:-}"
REPLACE=""
case "$SET" in
  nsq)
    VERSION=1.3.0
    MODULE=github.com/nsqio/nsq
    # binary name=package path
    TOOLS=(
      "nsqd=github.com/nsqio/nsq/apps/nsqd"
      "nsqlookupd=github.com/nsqio/nsq/apps/nsqlookupd"
      "nsq_to_http=github.com/nsqio/nsq/apps/nsq_to_http"
    )
    REPLACE="// Repeated from github.com/nsqio/nsq v$VERSION's own go.mod.
replace github.com/judwhite/go-svc => github.com/mreiferson/go-svc v1.2.2-0.20210815184239-7a96e00010f6"
    ;;
  toxiproxy)
    VERSION=2.5.0
    MODULE=github.com/Shopify/toxiproxy/v2
    TOOLS=("toxiproxy-server=github.com/Shopify/toxiproxy/v2/cmd/server")
    ;;
  bench-sink)
    LOCAL_SOURCE="$(cd "$(dirname "${BASH_SOURCE[0]}")/../rig/sink/bench-sink" && pwd)"
    # Must match benchSinkVersion() in runtime/rig/harness/go-tool-binaries.ts.
    VERSION="$(cat "$LOCAL_SOURCE/go.mod" "$LOCAL_SOURCE/main.go" | sha256sum | cut -c1-12)"
    TOOLS=("bench-sink=.")
    ;;
  *)
    fail "usage: go-tool-bin.sh nsq|toxiproxy|bench-sink (got '${SET}')"
    ;;
esac

CACHE_ROOT="${KEEPALIVE_CACHE:-${HOME:?HOME is not set; set KEEPALIVE_CACHE}/.cache/keepalive}"
SET_ROOT="$CACHE_ROOT/$SET-$VERSION"
BIN_DIR="$SET_ROOT/bin"

all_built() {
  local tool
  for tool in "${TOOLS[@]}"; do
    [[ -x "$BIN_DIR/${tool%%=*}" ]] || return 1
  done
}

if all_built; then
  echo "$BIN_DIR"
  exit 0
fi

command -v go >/dev/null 2>&1 || fail "the 'go' command is not on PATH; install Go >= 1.17 to build $SET $VERSION"

mkdir -p "$SET_ROOT" || fail "cannot create $SET_ROOT"
# Concurrent callers (tests, demo, CI) wait for one build instead of racing.
exec 9>"$SET_ROOT/.build.lock"
if command -v flock >/dev/null 2>&1; then
  flock 9
fi
if all_built; then
  echo "$BIN_DIR"
  exit 0
fi

export GOPATH="$SET_ROOT/gopath"
export GOMODCACHE="$SET_ROOT/gopath/pkg/mod"
export GOCACHE="$SET_ROOT/gocache"
export GOTOOLCHAIN=local
export CGO_ENABLED=0

if [[ -n "${LOCAL_SOURCE:-}" ]]; then
  mkdir -p "$BIN_DIR"
  cd "$LOCAL_SOURCE"
  go build -trimpath -o "$BIN_DIR/$SET.tmp" . >&2 || fail "building $SET from $LOCAL_SOURCE failed (see the go output above)"
  mv -f "$BIN_DIR/$SET.tmp" "$BIN_DIR/$SET"
  all_built || fail "build finished but binaries are missing from $BIN_DIR"
  echo "$BIN_DIR"
  exit 0
fi

TOOLS_DIR="$SET_ROOT/tools-module"
mkdir -p "$TOOLS_DIR" "$BIN_DIR"
cat >"$TOOLS_DIR/go.mod" <<GOMOD
module keepalive.local/$SET-tools

go 1.17

require $MODULE v$VERSION

$REPLACE
GOMOD
{
  echo '//go:build tools'
  echo
  echo "// Package tools pins the $SET commands this module builds."
  echo 'package tools'
  echo
  echo 'import ('
  for tool in "${TOOLS[@]}"; do
    echo "	_ \"${tool#*=}\""
  done
  echo ')'
} >"$TOOLS_DIR/tools.go"

export GOFLAGS="-mod=mod"

cd "$TOOLS_DIR"
go mod tidy -e >&2 || fail "'go mod tidy' failed resolving $MODULE v$VERSION (is the Go module proxy reachable? GOPROXY=$(go env GOPROXY))"
for tool in "${TOOLS[@]}"; do
  name="${tool%%=*}"
  go build -trimpath -o "$BIN_DIR/$name.tmp" "${tool#*=}" >&2 \
    || fail "building $name ($MODULE v$VERSION) failed (see the go output above)"
  mv -f "$BIN_DIR/$name.tmp" "$BIN_DIR/$name"
done

all_built || fail "build finished but binaries are missing from $BIN_DIR"
echo "$BIN_DIR"
