#!/usr/bin/env bash
# CI for the VS Code extension: install, lint, type-check, test against the
# server binary, package the .vsix. Build the server first:
#   cargo build --bin brief-lsp && bash editors/vscode/ci.sh
# The tests use $BRIEF_LSP_BIN, else ../../target/debug/brief-lsp.
set -euo pipefail
cd "$(dirname "$0")"

npm ci
npm run lint
npm run typecheck
npm test
npm run package
