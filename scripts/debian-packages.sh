# Sourced by the setup scripts: installs the Debian packages given that are not installed yet.
# Non-interactive; as root, or through sudo when there is one. Waits for another apt run to finish
# (two setup scripts, or the machine's own updates) instead of failing on its lock.
# Usage: install_missing_packages LOG_FUNCTION PACKAGE...; returns 1 when it cannot install.
install_missing_packages() {
  local log=$1
  shift
  local missing=()
  local pkg
  for pkg in "$@"; do
    if [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" != "install ok installed" ]; then
      missing+=("$pkg")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    "$log" "Debian packages already installed"
    return 0
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo=(sudo -n); else
      "$log" "not root and no sudo: install ${missing[*]} by hand"
      return 1
    fi
  fi
  "$log" "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
