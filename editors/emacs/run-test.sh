#!/usr/bin/env bash
# Batch test of brief-lsp through Emacs's Eglot and Flymake (test-eglot.el).
#
#   editors/emacs/run-test.sh
#
# Needs emacs and Eglot (Debian: apt-get install -y emacs-nox elpa-eglot; Emacs
# 29+ has Eglot built in). BRIEF_LSP_BIN: the server (default
# target/debug/brief-lsp). Exits non-zero if the test fails.
set -uo pipefail
cd "$(dirname "$0")/../.."

bin=${BRIEF_LSP_BIN:-$PWD/target/debug/brief-lsp}
if [ ! -e "$bin" ]; then
  echo "emacs test: no server at $bin: run 'cargo build --bin brief-lsp' or set BRIEF_LSP_BIN" >&2
  exit 2
fi
if ! command -v emacs >/dev/null; then
  echo "emacs test: emacs is not installed (apt-get install -y emacs-nox elpa-eglot)" >&2
  exit 2
fi
# Not -Q: Debian's elpa-eglot is put on the load-path by site-start.
if ! emacs --batch --eval '(require (quote eglot))' </dev/null >/dev/null 2>&1; then
  echo "emacs test: Eglot is not available (apt-get install -y elpa-eglot)" >&2
  exit 2
fi

start=$(date +%s%N)
BRIEF_LSP_BIN=$bin timeout 300 emacs --batch -l editors/emacs/test-eglot.el </dev/null
rc=$?
ms=$((($(date +%s%N) - start) / 1000000))
if [ $rc -ne 0 ]; then
  echo "emacs test: FAILED (exit $rc, ${ms} ms)" >&2
  exit 1
fi
echo "emacs test: passed (${ms} ms)"
