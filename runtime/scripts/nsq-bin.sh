#!/usr/bin/env bash
# Builds nsqd, nsqlookupd and nsq_to_http v1.3.0 with the machine's `go`, once, into
#   ${KEEPALIVE_CACHE:-$HOME/.cache/keepalive}/nsq-1.3.0/bin
# and prints that directory on stdout. Later calls reuse the binaries.
#
# `go install github.com/nsqio/nsq/apps/nsqd@v1.3.0` is refused because nsq's go.mod carries a
# `replace` directive, so this builds from a tiny module of its own that requires nsq v1.3.0 and
# repeats that replace line. Module and build caches live under the cache directory as well.
set -euo pipefail

NSQ_VERSION=1.3.0
CACHE_ROOT="${KEEPALIVE_CACHE:-${HOME:?HOME is not set; set KEEPALIVE_CACHE}/.cache/keepalive}"
NSQ_ROOT="$CACHE_ROOT/nsq-$NSQ_VERSION"
BIN_DIR="$NSQ_ROOT/bin"
APPS=(nsqd nsqlookupd nsq_to_http)

fail() {
  echo "nsq-bin.sh: $*" >&2
  exit 1
}

all_built() {
  local app
  for app in "${APPS[@]}"; do
    [[ -x "$BIN_DIR/$app" ]] || return 1
  done
}

if all_built; then
  echo "$BIN_DIR"
  exit 0
fi

command -v go >/dev/null 2>&1 || fail "the 'go' command is not on PATH; install Go >= 1.17 to build nsq $NSQ_VERSION"

mkdir -p "$NSQ_ROOT" || fail "cannot create $NSQ_ROOT"
# Concurrent callers (tests, demo, CI) wait for one build instead of racing.
exec 9>"$NSQ_ROOT/.build.lock"
if command -v flock >/dev/null 2>&1; then
  flock 9
fi
if all_built; then
  echo "$BIN_DIR"
  exit 0
fi

TOOLS_DIR="$NSQ_ROOT/tools-module"
mkdir -p "$TOOLS_DIR" "$BIN_DIR"
cat >"$TOOLS_DIR/go.mod" <<GOMOD
module keepalive.local/nsq-tools

go 1.17

require github.com/nsqio/nsq v$NSQ_VERSION

// Repeated from github.com/nsqio/nsq v$NSQ_VERSION's own go.mod.
replace github.com/judwhite/go-svc => github.com/mreiferson/go-svc v1.2.2-0.20210815184239-7a96e00010f6
GOMOD
cat >"$TOOLS_DIR/tools.go" <<'GOSRC'
//go:build tools

// Package tools pins the nsq commands this module builds.
package tools

import (
	_ "github.com/nsqio/nsq/apps/nsq_to_http"
	_ "github.com/nsqio/nsq/apps/nsqd"
	_ "github.com/nsqio/nsq/apps/nsqlookupd"
)
GOSRC

export GOPATH="$NSQ_ROOT/gopath"
export GOMODCACHE="$NSQ_ROOT/gopath/pkg/mod"
export GOCACHE="$NSQ_ROOT/gocache"
export GOFLAGS="-mod=mod"
export GOTOOLCHAIN=local
export CGO_ENABLED=0

cd "$TOOLS_DIR"
go mod tidy -e >&2 || fail "'go mod tidy' failed resolving github.com/nsqio/nsq v$NSQ_VERSION (is the Go module proxy reachable? GOPROXY=$(go env GOPROXY))"
for app in "${APPS[@]}"; do
  go build -trimpath -o "$BIN_DIR/$app.tmp" "github.com/nsqio/nsq/apps/$app" >&2 \
    || fail "building $app v$NSQ_VERSION failed (see the go output above)"
  mv -f "$BIN_DIR/$app.tmp" "$BIN_DIR/$app"
done

all_built || fail "build finished but binaries are missing from $BIN_DIR"
echo "$BIN_DIR"
