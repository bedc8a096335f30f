#!/usr/bin/env bash
# Installs code-server (VS Code 1.100.3 served to a browser) for the real
# VS Code test, into a cache folder outside the repository, and prints the
# path of its `code-server` launcher. A second run reuses the install when
# the version matches.
#
# code-server 4.100.3 is the newest release whose engines field accepts
# node 20. Its install builds native modules (node-pty, kerberos, spdlog,
# @parcel/watcher): it needs a C++ toolchain, python3, make and libkrb5-dev,
# and the headers of the node that runs it (npm_config_nodedir). Its
# @vscode/ripgrep would download rg from GitHub; the download cache is filled
# first with the rg of the npm package @vscode/ripgrep-linux-x64, so that only
# the npm registry is needed.
#
# BRIEF_CODE_SERVER_CACHE: the cache folder
# (default ~/.cache/brief-lsp-test/code-server).
set -euo pipefail

VERSION=4.100.3
# The @vscode/ripgrep that code-server 4.100.3 pins (lib/vscode/npm-shrinkwrap.json)
# and the release asset its postinstall looks for.
RIPGREP=1.15.11
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
RIPGREP_BINARY_PACKAGE=@vscode/ripgrep-linux-x64@1.18.0

cache=${BRIEF_CODE_SERVER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/brief-lsp-test/code-server}
dir=$cache/$VERSION
launcher=$dir/node_modules/code-server/out/node/entry.js
done_marker=$dir/installed

if [ -f "$done_marker" ] && [ -f "$launcher" ]; then
  echo "$launcher"
  exit 0
fi

if [ "$(uname -sm)" != "Linux x86_64" ]; then
  echo "install-code-server: only Linux x86_64 is set up (the ripgrep asset)" >&2
  exit 2
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" != 20 ]; then
  echo "install-code-server: code-server $VERSION needs node 20, found $(node --version)" >&2
  exit 2
fi

echo "install-code-server: installing code-server $VERSION into $dir" >&2
start=$(date +%s)
rm -rf "$dir"
mkdir -p "$dir/tmp/vscode-ripgrep-cache-$RIPGREP" "$dir/tmp/rg"
(
  cd "$dir/tmp/rg"
  npm pack --silent "$RIPGREP_BINARY_PACKAGE" >/dev/null
  tar xzf ./*.tgz package/bin/rg
  tar czf "$dir/tmp/vscode-ripgrep-cache-$RIPGREP/$RIPGREP_ASSET" -C package/bin rg
) >&2

node_prefix=$(dirname "$(dirname "$(command -v node)")")
echo '{"private": true}' >"$dir/package.json"
if [ "$(id -u)" = 0 ]; then
  # code-server's postinstall refuses to run as root without it.
  export npm_config_unsafe_perm=true
fi
(
  cd "$dir"
  # TMPDIR: where @vscode/ripgrep looks for its download cache.
  # yes: node-pty's postinstall runs npx.
  TMPDIR="$dir/tmp" \
    npm_config_nodedir="$node_prefix" \
    npm_config_yes=true \
    npm install --no-audit --no-fund --omit=dev --foreground-scripts "code-server@$VERSION"
) >&2
rm -rf "$dir/tmp"
if [ ! -f "$launcher" ]; then
  echo "install-code-server: the install has no $launcher" >&2
  exit 1
fi
touch "$done_marker"
echo "install-code-server: installed in $(($(date +%s) - start)) s" >&2
echo "$launcher"
