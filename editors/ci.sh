#!/usr/bin/env bash
# The editor clients' tests (scripts/test-all calls it after `cargo build`).
# Runs each test whose editor is present, and names the ones it skips:
#   editors/nvim/test/run.sh     headless Neovim: native, legacy and lsp-dir start paths
#                                (Neovim from PyPI into .venv-editors; needs python3 -m venv)
#   editors/emacs/run-test.sh    Emacs Eglot + Flymake in batch (needs emacs with Eglot)
#   editors/vscode/e2e/run.sh    a real VS Code: code-server + chromium (needs /usr/bin/chromium,
#                                node 20, and for the first code-server install a C++ toolchain,
#                                make and the libkrb5 headers)
#   editors/test-the-tests.sh    each of those fails against misbehaving servers
# and fails if any of them fails. It installs no system packages: .ci/run
# does that for CI. With CI=true a skipped test is a failure.
# BRIEF_LSP_BIN: the server (default target/debug/brief-lsp, built here if missing).
set -uo pipefail
cd "$(dirname "$0")/.."

export BRIEF_LSP_BIN=${BRIEF_LSP_BIN:-$PWD/target/debug/brief-lsp}
if [ ! -x "$BRIEF_LSP_BIN" ]; then
  cargo build --bin brief-lsp || exit 1
fi

# The servers the editors start store their corpus indexes and extracted
# sources in a scratch cache, never in the developer's; code-server's own
# install stays where it is, since it takes minutes to build.
export BRIEF_CODE_SERVER_CACHE=${BRIEF_CODE_SERVER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/brief-lsp-test/code-server}
scratch_cache=$(mktemp -d)
trap 'rm -rf "$scratch_cache"' EXIT
export XDG_CACHE_HOME=$scratch_cache

# Why each editor's test cannot run here, or nothing when it can.
missing_nvim() {
  python3 -m venv --help >/dev/null 2>&1 || echo "python3 -m venv is missing (apt-get install python3-venv)"
}
missing_emacs() {
  if ! command -v emacs >/dev/null; then
    echo "no emacs (apt-get install emacs-nox elpa-eglot)"
  elif ! emacs --batch --eval '(require (quote eglot))' </dev/null >/dev/null 2>&1; then
    echo "emacs has no Eglot (apt-get install elpa-eglot)"
  fi
}
missing_vscode() {
  local cache=$BRIEF_CODE_SERVER_CACHE
  if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
    echo "no chromium (apt-get install chromium)"
  elif [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" != 20 ]; then
    echo "code-server 4.100.3 needs node 20"
  elif [ ! -f "$cache/4.100.3/installed" ] && ! { command -v g++ && command -v make && [ -e /usr/include/gssapi/gssapi.h ]; } >/dev/null; then
    echo "installing code-server needs g++, make and libkrb5-dev"
  fi
}

passed=0
failed=()
skipped=()
present=()
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

declare -A test_of=([nvim]=editors/nvim/test/run.sh [emacs]=editors/emacs/run-test.sh [vscode]=editors/vscode/e2e/run.sh)
for editor in nvim emacs vscode; do
  why=$("missing_$editor")
  if [ -n "$why" ]; then
    echo "== $editor: SKIPPED: $why" >&2
    skipped+=("$editor")
  else
    present+=("$editor")
    run "$editor" "${test_of[$editor]}"
  fi
done
if [ ${#present[@]} -gt 0 ]; then
  run "test-the-tests (${present[*]})" editors/test-the-tests.sh "${present[@]}"
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "editors: failed: ${failed[*]}" >&2
fi
if [ ${#skipped[@]} -gt 0 ]; then
  echo "editors: skipped: ${skipped[*]}" >&2
fi
echo "editors: ${passed} passed, ${#failed[@]} failed, ${#skipped[@]} skipped"
if [ "${CI:-}" = true ] && [ ${#skipped[@]} -gt 0 ]; then
  echo "editors: CI must run every editor test; install what is missing in .ci/run" >&2
  exit 1
fi
[ ${#failed[@]} -eq 0 ]
