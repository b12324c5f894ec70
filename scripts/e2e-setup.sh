#!/usr/bin/env bash
# Prepares the real-editor test (test/e2e/run.mjs) on a fresh Debian machine:
#   - the Debian packages code-server builds against, ripgrep and Chromium;
#   - the @vscode/ripgrep download cache, filled from Debian's /usr/bin/rg
#     (its postinstall would otherwise fetch a binary from the internet);
#   - code-server (VS Code served to a browser) in .e2e/code-server/, out of
#     the extension's own dependencies;
#   - playwright-core (a devDependency of the project, installed by npm ci).
# Idempotent: whatever is already in place is skipped. Non-interactive; runs as
# root (or through sudo when there is one). See shared/REAL_VSCODE.md.
set -euo pipefail
cd "$(dirname "$0")/.."

CODE_SERVER_VERSION=4.100.3
CODE_SERVER_DIR=.e2e/code-server
APT_PACKAGES=(libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep chromium fonts-liberation)

log() { printf 'e2e-setup: %s\n' "$*"; }

# 1. Debian packages, only those missing.
# shellcheck source=scripts/debian-packages.sh
source scripts/debian-packages.sh
install_missing_packages log "${APT_PACKAGES[@]}" || true

# 2. code-server in its own folder.
installed_version() {
  node -p "require('./$CODE_SERVER_DIR/node_modules/code-server/package.json').version" 2>/dev/null || true
}
if [ "$(installed_version)" = "$CODE_SERVER_VERSION" ] && [ -x "$CODE_SERVER_DIR/node_modules/.bin/code-server" ]; then
  log "code-server $CODE_SERVER_VERSION already installed"
else
  # @vscode/ripgrep looks in this cache before downloading; give it Debian's rg.
  case "$(uname -m)" in
    x86_64) rg_target=x86_64-unknown-linux-musl ;;
    aarch64 | arm64) rg_target=aarch64-unknown-linux-musl ;;
    *) rg_target="$(uname -m)-unknown-linux-gnu" ;;
  esac
  rg_cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
  rg_tarball="$rg_cache/ripgrep-v13.0.0-10-$rg_target.tar.gz"
  if [ ! -s "$rg_tarball" ]; then
    log "filling the ripgrep cache from /usr/bin/rg"
    mkdir -p "$rg_cache"
    staging="$(mktemp -d)"
    cp /usr/bin/rg "$staging/rg"
    tar -czf "$rg_tarball.tmp" -C "$staging" rg
    mv "$rg_tarball.tmp" "$rg_tarball"
    rm -rf "$staging"
  fi

  log "installing code-server $CODE_SERVER_VERSION into $CODE_SERVER_DIR (a few minutes)"
  rm -rf "$CODE_SERVER_DIR"
  mkdir -p "$CODE_SERVER_DIR"
  # A package.json of its own, so npm does not treat the extension as the project.
  printf '{ "name": "e2e-code-server", "private": true }\n' >"$CODE_SERVER_DIR/package.json"
  (
    cd "$CODE_SERVER_DIR"
    # npm 11 runs no dependency install scripts unless allowed; code-server's
    # postinstall (and the npm installs it starts) build its native modules.
    npm_config_yes=true npm_config_unsafe_perm=true npm_config_dangerously_allow_all_scripts=true \
      npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
  )
  if [ "$(installed_version)" != "$CODE_SERVER_VERSION" ]; then
    log "code-server did not install"; exit 1
  fi
fi

# 3. playwright-core comes with the project's devDependencies.
if [ ! -f node_modules/playwright-core/package.json ]; then
  log "node_modules lacks playwright-core: running npm ci"
  npm ci --no-audit --no-fund
fi

log "ready: code-server $(installed_version), $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium missing'), playwright-core $(node -p "require('./node_modules/playwright-core/package.json').version")"
