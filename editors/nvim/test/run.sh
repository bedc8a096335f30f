#!/usr/bin/env bash
# Headless Neovim tests of editors/nvim against the real server.
#
#   editors/nvim/test/run.sh [PATH...]     PATH: native (default set: native legacy lsp-dir)
#
# native   setup() on Neovim 0.11+: vim.lsp.config + vim.lsp.enable (UTF-8 negotiated)
# legacy   setup{ force_legacy_start = true }: vim.lsp.start from a FileType
#          autocommand, the Neovim 0.8-0.10 path (only UTF-16 offered)
# lsp-dir  no setup(): lsp/brief_lsp.lua + vim.lsp.config + vim.lsp.enable
#
# BRIEF_LSP_BIN: the server (default target/debug/brief-lsp; build it first).
# NVIM: the Neovim binary; default .venv-editors/bin/nvim, installed from
# editors/nvim/requirements.txt when missing or out of date.
# BRIEF_TEST_TIMEOUT_MS: how long each wait for the server may take (default 20000).
# Exits non-zero if any path fails.
set -uo pipefail
cd "$(dirname "$0")/../../.."
repo=$PWD

bin=${BRIEF_LSP_BIN:-$repo/target/debug/brief-lsp}
if [ ! -e "$bin" ]; then
  echo "nvim tests: no server at $bin: run 'cargo build --bin brief-lsp' or set BRIEF_LSP_BIN" >&2
  exit 2
fi

venv=$repo/.venv-editors
nvim=${NVIM:-}
if [ -z "$nvim" ]; then
  if [ ! -x "$venv/bin/nvim" ] || ! cmp -s editors/nvim/requirements.txt "$venv/nvim-requirements.txt"; then
    echo "nvim tests: installing Neovim into $venv (pip install -r editors/nvim/requirements.txt)"
    [ -x "$venv/bin/pip" ] || python3 -m venv "$venv" || exit 2
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r editors/nvim/requirements.txt || exit 2
    cp editors/nvim/requirements.txt "$venv/nvim-requirements.txt"
  fi
  nvim=$venv/bin/nvim
fi
if ! "$nvim" --headless --clean -c 'lua if vim.fn.has("nvim-0.11") == 0 then vim.cmd("cquit 3") end' -c 'qall!' </dev/null; then
  echo "nvim tests: $nvim is older than 0.11; the tests need 0.11+ (the legacy path is forced)" >&2
  exit 2
fi

paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=(native legacy lsp-dir)
failed=()
for path in "${paths[@]}"; do
  start=$(date +%s%N)
  BRIEF_LSP_BIN=$bin BRIEF_TEST_PATH=$path timeout 300 "$nvim" --headless --clean \
    -u editors/nvim/test/minimal_init.lua \
    -c "luafile editors/nvim/test/test_brief_lsp.lua" </dev/null
  rc=$?
  ms=$((($(date +%s%N) - start) / 1000000))
  if [ $rc -eq 0 ]; then
    echo "nvim tests: $path passed (${ms} ms)"
  else
    echo "nvim tests: $path FAILED (exit $rc, ${ms} ms)" >&2
    failed+=("$path")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "nvim tests: failed: ${failed[*]}" >&2
  exit 1
fi
echo "nvim tests: all passed (${paths[*]})"
