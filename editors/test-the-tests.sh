#!/usr/bin/env bash
# Tests of the editor tests: each runner must fail, for the right reason,
# when the server misbehaves. Three stand-in servers:
#
#   exits    exits at once, without a word
#   cat      echoes every message back (never answers initialize)
#   shifted  the real server behind a proxy that moves every diagnostic one
#            character to the right (everything else untouched)
#
# Each Neovim path (native, legacy, lsp-dir) and the Emacs test runs against
# each; the real VS Code test (editors/vscode/e2e/run.sh) against `exits`,
# through its briefLsp.serverPath setting. The run must exit 1 with a FAIL
# line naming the expected step. This script fails if any of them passes, or
# fails some other way.
#
#   editors/test-the-tests.sh [EDITOR...]   EDITOR: nvim, emacs, vscode (default: all)
#
# BRIEF_LSP_BIN: the real server behind the proxy (default target/debug/brief-lsp).
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
real=${BRIEF_LSP_BIN:-$repo/target/debug/brief-lsp}
if [ ! -x "$real" ]; then
  echo "test-the-tests: no server at $real: run 'cargo build --bin brief-lsp' or set BRIEF_LSP_BIN" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '#!/bin/sh\nexit 0\n' >"$work/exits"
printf '#!/bin/sh\nexec cat\n' >"$work/cat"
cat >"$work/shift.py" <<'EOF'
"""An LSP proxy in front of the real server that shifts each published
diagnostic one character to the right."""
import json
import subprocess
import sys
import threading


def read_message(stream):
    length = None
    while True:
        line = stream.readline()
        if not line:
            return None
        if line in (b"\r\n", b"\n"):
            break
        name, _, value = line.decode("ascii").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    return stream.read(length)


def write_message(stream, body):
    stream.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    stream.flush()


def shift(body):
    message = json.loads(body)
    if message.get("method") == "textDocument/publishDiagnostics":
        for diagnostic in message["params"]["diagnostics"]:
            diagnostic["range"]["start"]["character"] += 1
            diagnostic["range"]["end"]["character"] += 1
        body = json.dumps(message, ensure_ascii=False).encode("utf-8")
    return body


server = subprocess.Popen([sys.argv[1]], stdin=subprocess.PIPE, stdout=subprocess.PIPE)


def to_server():
    while (body := read_message(sys.stdin.buffer)) is not None:
        write_message(server.stdin, body)
    server.stdin.close()


threading.Thread(target=to_server, daemon=True).start()
while (body := read_message(server.stdout)) is not None:
    write_message(sys.stdout.buffer, shift(body))
sys.exit(server.wait())
EOF
printf '#!/bin/sh\nexec python3 "%s" "%s"\n' "$work/shift.py" "$real" >"$work/shifted"
chmod +x "$work/exits" "$work/cat" "$work/shifted"

# The step each stand-in must make fail.
declare -A nvim_step=([exits]='opening a Markdown brief' [cat]='opening a Markdown brief' [shifted]='diagnostics: codes and exact positions')
declare -A emacs_step=([exits]='opening the brief' [cat]='opening the brief' [shifted]='Flymake shows the diagnostics')

wrong=()
checked=0
expect_failure() { # NAME STEP COMMAND...
  local name=$1 step=$2
  shift 2
  local log=$work/log rc start ms
  start=$(date +%s%N)
  "$@" >"$log" 2>&1
  rc=$?
  ms=$((($(date +%s%N) - start) / 1000000))
  checked=$((checked + 1))
  if [ $rc -eq 1 ] && grep -q "FAIL  $step" "$log"; then
    echo "ok    $name fails as it should (${ms} ms): $(grep -m1 -A1 "FAIL  " "$log" | tail -1 | sed 's/^ *//' | cut -c1-150)"
  else
    echo "WRONG $name: exit $rc, expected 1 with 'FAIL  $step'; its output:" >&2
    sed 's/^/      /' "$log" >&2
    wrong+=("$name")
  fi
}

editors=("$@")
[ ${#editors[@]} -gt 0 ] || editors=(nvim emacs vscode)
wants() { [[ " ${editors[*]} " == *" $1 "* ]]; }

export BRIEF_TEST_TIMEOUT_MS=${BRIEF_TEST_TIMEOUT_MS:-4000}
for server in exits cat shifted; do
  if wants nvim; then
    for path in native legacy lsp-dir; do
      expect_failure "nvim $path / $server" "${nvim_step[$server]}" \
        env BRIEF_LSP_BIN="$work/$server" editors/nvim/test/run.sh "$path"
    done
  fi
  if wants emacs; then
    expect_failure "emacs / $server" "${emacs_step[$server]}" \
      env BRIEF_LSP_BIN="$work/$server" editors/emacs/run-test.sh
  fi
done
if wants vscode; then
  # The .vsix carries a working server; the setting puts the stand-in first.
  # VS Code needs longer than the other editors to open the brief.
  expect_failure "vscode / exits" 'the Problems panel lists what check lists' \
    env BRIEF_SERVER_PATH="$work/exits" BRIEF_TEST_TIMEOUT_MS=15000 editors/vscode/e2e/run.sh
fi

if [ ${#wrong[@]} -gt 0 ]; then
  echo "test-the-tests: ${#wrong[@]} of $checked runs did not fail as expected: ${wrong[*]}" >&2
  echo "test-the-tests: $((checked - ${#wrong[@]})) passed, ${#wrong[@]} failed"
  exit 1
fi
echo "test-the-tests: $checked passed, 0 failed"
