#!/usr/bin/env bash
# The editor clients' tests for CI (.ci/run calls it after `cargo build`):
# installs what is missing, then runs
#   editors/nvim/test/run.sh     headless Neovim: native, legacy and lsp-dir start paths
#   editors/emacs/run-test.sh    Emacs Eglot + Flymake in batch
#   editors/test-the-tests.sh    each of those fails against misbehaving servers
# and fails if any of them fails.
#
# Installs: Neovim from PyPI into .venv-editors (editors/nvim/requirements.txt,
# done by run.sh), and emacs-nox + elpa-eglot with apt-get when emacs or Eglot
# is missing. BRIEF_LSP_BIN: the server (default target/debug/brief-lsp, built
# here if missing).
set -uo pipefail
cd "$(dirname "$0")/.."

export BRIEF_LSP_BIN=${BRIEF_LSP_BIN:-$PWD/target/debug/brief-lsp}
if [ ! -x "$BRIEF_LSP_BIN" ]; then
  cargo build --bin brief-lsp || exit 1
fi

if ! python3 -m venv --help >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq python3-venv || exit 1
fi
if ! command -v emacs >/dev/null || ! emacs --batch --eval '(require (quote eglot))' </dev/null >/dev/null 2>&1; then
  echo "editors: installing emacs-nox and elpa-eglot"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq emacs-nox elpa-eglot >/dev/null; } || {
    echo "editors: apt-get install emacs-nox elpa-eglot failed" >&2
    exit 1
  }
fi

passed=0
failed=()
run() { # NAME COMMAND...
  local name=$1 start ms
  shift
  echo "== $name"
  start=$(date +%s%N)
  if "$@"; then
    passed=$((passed + 1))
    ms=$((($(date +%s%N) - start) / 1000000))
    echo "== $name: passed (${ms} ms)"
  else
    failed+=("$name")
    ms=$((($(date +%s%N) - start) / 1000000))
    echo "== $name: FAILED (${ms} ms)" >&2
  fi
}

run "neovim" editors/nvim/test/run.sh
run "emacs" editors/emacs/run-test.sh
run "test-the-tests" editors/test-the-tests.sh

if [ ${#failed[@]} -gt 0 ]; then
  echo "editors: failed: ${failed[*]}" >&2
fi
echo "editors: ${passed} passed, ${#failed[@]} failed"
[ ${#failed[@]} -eq 0 ]
