#!/usr/bin/env bash
# Install everything the tests need on a fresh Debian machine and run them.
#   - Debian's chromium and chromium-driver for the browser tests (no downloaded browsers)
#   - a virtual environment .venv with geozones and its test extras
# Usage: bash scripts/test.sh [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "== installing ${need_apt[*]} from Debian"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "== creating .venv"
  "$PY" -m venv .venv
fi
echo "== installing geozones[test] into .venv"
.venv/bin/python -m pip install -q --disable-pip-version-check -U pip 2>/dev/null || true
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]' 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -c "import geozones, geopandas, selenium" # fail early if the install failed

echo "== running the tests"
exec .venv/bin/python -m pytest "$@"
