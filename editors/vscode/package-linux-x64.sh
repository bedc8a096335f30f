#!/usr/bin/env bash
# Packages the platform-specific .vsix for Linux x86_64, with the server
# inside (server/brief-lsp), which the extension runs unless the user sets
# briefLsp.serverPath. Writes brief-lsp-linux-x64-VERSION.vsix here and
# prints its path.
#
#   package-linux-x64.sh [SERVER]   SERVER: default ../../target/release/brief-lsp
#
# The server is copied in for the packaging only: server/ is removed again,
# so that `npm run package` (the universal .vsix, no server) never picks up
# a stale copy.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# SERVER is relative to where the script is called from.
server=$(realpath -m "${1:-$here/../../target/release/brief-lsp}")
cd "$here"
if [ ! -x "$server" ]; then
  echo "package-linux-x64: no server at $server: run 'cargo build --release' at the repository root" >&2
  exit 2
fi
version=$(node -p 'require("./package.json").version')
out=brief-lsp-linux-x64-$version.vsix
trap 'rm -rf server' EXIT
rm -rf server
mkdir server
cp "$server" server/brief-lsp
chmod 755 server/brief-lsp
npx --no-install vsce package --no-dependencies --allow-missing-repository --target linux-x64 --out "$out" >&2
echo "$PWD/$out"
