#!/usr/bin/env bash
# Installs the Debian packages `npm test` drives besides Node: Neovim, for the other-editor test
# (test/shipping/neovim.test.ts), and git, which the package test uses to lay out a fresh clone.
# Idempotent: installed packages are skipped. Non-interactive; runs as root (or through sudo when there is one).
set -euo pipefail

APT_PACKAGES=(neovim git)

log() { printf 'test-setup: %s\n' "$*"; }

# shellcheck source=scripts/debian-packages.sh
source "$(dirname "$0")/debian-packages.sh"
install_missing_packages log "${APT_PACKAGES[@]}" || exit 0
log "ready: $(nvim --version | head -1), $(git --version)"
