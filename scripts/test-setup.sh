#!/usr/bin/env bash
# Installs the Debian packages `npm test` drives besides Node: Neovim, for the other-editor test
# (test/shipping/neovim.test.ts), and git, which the package test uses to lay out a fresh clone.
# Idempotent: installed packages are skipped. Non-interactive; runs as root (or through sudo when there is one).
set -euo pipefail

APT_PACKAGES=(neovim git)

log() { printf 'test-setup: %s\n' "$*"; }

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=(sudo -n); else
    log "not root and no sudo: install ${APT_PACKAGES[*]} by hand"; exit 0; fi
fi

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" != "install ok installed" ]; then
    missing+=("$pkg")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
log "ready: $(nvim --version | head -1), $(git --version)"
