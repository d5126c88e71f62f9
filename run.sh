#!/usr/bin/env bash
# One entry point that works on a fresh machine:
#   bash run.sh start   install what is missing, provision models, build, start adapter + demo page
#   bash run.sh test    install what is missing (incl. Debian Chromium), then lint, typecheck, unit, build, e2e
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_pnpm() {
  if ! command -v pnpm >/dev/null 2>&1; then
    # corepack's signature check fails on some machines; a global npm install of pnpm 10 does not.
    npm i -g pnpm@10
  fi
}

ensure_apt() {
  local missing=()
  for pkg in "$@"; do command -v "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "[run.sh] installing ${missing[*]} from Debian packages"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

case "${1:-}" in
  start)
    ensure_pnpm
    pnpm install --frozen-lockfile
    pnpm start
    ;;
  test)
    ensure_pnpm
    ensure_apt chromium ffmpeg redis-server
    # PostgreSQL's server binaries are not on PATH; the storage tests start a throwaway cluster from them.
    ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || {
      as_root apt-get update -qq
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    }
    pnpm install --frozen-lockfile
    pnpm test
    ;;
  *)
    echo "usage: bash run.sh start|test" >&2
    exit 2
    ;;
esac
