#!/usr/bin/env bash
# The real VS Code test: installs code-server into a cache folder (once),
# packages the linux-x64 .vsix with the release server inside, and runs
# e2e/vscode.e2e.ts, which installs that .vsix into a fresh code-server,
# opens a brief in Debian's chromium and compares what VS Code shows with
# `brief-lsp check`.
#
#   editors/vscode/e2e/run.sh
#
# BRIEF_VSIX: a .vsix to test instead of packaging one (default: build
# target/release/brief-lsp, then package-linux-x64.sh).
# BRIEF_SERVER_PATH: the briefLsp.serverPath setting (editors/test-the-tests.sh
# sets a broken stand-in). BRIEF_TEST_TIMEOUT_MS: each wait (default 60000).
# CHROMIUM: the browser (default /usr/bin/chromium).
# Needs node 20, npm, chromium, and for the first install a C++ toolchain,
# make, python3 and libkrb5-dev (see install-code-server.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(cd ../.. && pwd)

if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "vscode test: no chromium at ${CHROMIUM:-/usr/bin/chromium} (apt-get install chromium, or set CHROMIUM)" >&2
  exit 2
fi
CODE_SERVER=$(e2e/install-code-server.sh)
export CODE_SERVER

[ -d node_modules ] || npm ci --no-audit --no-fund >&2
if [ -z "${BRIEF_VSIX:-}" ]; then
  (cd "$repo" && cargo build --release --bin brief-lsp)
  BRIEF_VSIX=$(./package-linux-x64.sh "$repo/target/release/brief-lsp")
fi
export BRIEF_VSIX
echo "vscode test: $BRIEF_VSIX ($(du -k "$BRIEF_VSIX" | cut -f1) KB) in $CODE_SERVER"

node esbuild.mjs --e2e
exec timeout 900 node out/e2e/vscode.e2e.js
