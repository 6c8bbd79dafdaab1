#!/usr/bin/env bash
# Installs code-server 4.99.4 (VS Code 1.99.3) for the real-editor tests, offline-safe, into a cache
# outside the clone, and prints the path of its binary on stdout (all progress goes to stderr).
# Idempotent: a second run only verifies the installed version. Each step says below why it is done this way.
set -euo pipefail

VERSION=4.99.4
CACHE="${KEEPALIVE_CACHE:-$HOME/.cache/keepalive}"
DEST="$CACHE/code-server-$VERSION"
BIN="$DEST/node_modules/.bin/code-server"
MARKER="$DEST/.installed"

log() { echo "install-code-server: $*" >&2; }

# System packages: kerberos headers for the `kerberos` module, ripgrep (replaces the GitHub download),
# Chromium for Playwright, a compiler and python for node-gyp. Installed only when missing.
missing=()
for pkg in build-essential python3 libkrb5-dev ripgrep chromium; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "missing Debian packages: ${missing[*]} (run as root or install them first)"
    exit 1
  fi
  log "installing Debian packages: ${missing[*]}"
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >&2
fi

verify() {
  # A throw-away config dir: code-server writes a default config.yaml on first start.
  local out scratch
  scratch="$(mktemp -d)"
  out="$(XDG_CONFIG_HOME="$scratch" XDG_DATA_HOME="$scratch" "$BIN" --version 2>/dev/null)" || { rm -rf "$scratch"; return 1; }
  rm -rf "$scratch"
  if printf '%s\n' "$out" | grep -q "^$VERSION .*with Code 1\.99\.3"; then
    return 0
  fi
  log "unexpected version output: $out"
  return 1
}

if [ -f "$MARKER" ] && verify; then
  echo "$BIN"
  exit 0
fi

log "installing code-server@$VERSION into $DEST"
rm -rf "$DEST"
mkdir -p "$DEST"
cd "$DEST"
echo '{"private":true}' > package.json
npm install --no-save --ignore-scripts --no-audit --no-fund "code-server@$VERSION" >&2
# argon2 is loaded at startup; its prebuilt binary would be downloaded from GitHub, so build it.
npm rebuild argon2 --build-from-source >&2

# What code-server's postinstall does, made to work offline and as root.
cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts --no-audit --no-fund >&2
mkdir -p node_modules/@vscode/ripgrep/bin
cp /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
# ~/.npmrc may say yes=false, which breaks node-pty's `npx node-gyp` step.
npm_config_yes=true npm rebuild >&2
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
# The built-in JS/TS language features need their own typescript.
(cd extensions && npm install --omit=dev --no-audit --no-fund >&2)

if ! verify; then
  log "code-server installed but '$BIN --version' does not report $VERSION"
  exit 1
fi
touch "$MARKER"
log "installed code-server $VERSION (VS Code 1.99.3)"
echo "$BIN"
