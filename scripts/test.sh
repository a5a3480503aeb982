#!/usr/bin/env bash
# Install everything the tests need on a fresh Debian machine and run them.
#   - from Debian: chromium and chromium-driver (browser tests, no downloaded browsers),
#     python3-qgis (the GeoPackage opened in QGIS as a user does), gdal-bin (ogrinfo),
#     libxml2-utils (xmllint against the OGC KML 2.2 schema), nodejs and npm
#   - the npm validators pinned in tests/package.json (check-geojson, togeojson)
#   - a virtual environment .venv with geozones and its test extras
# Every step stops the script when it fails. Usage: bash scripts/test.sh [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
command -v ogrinfo >/dev/null 2>&1 || need_apt+=(gdal-bin)
command -v xmllint >/dev/null 2>&1 || need_apt+=(libxml2-utils)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
/usr/bin/python3 -c "import qgis.core" >/dev/null 2>&1 || need_apt+=(python3-qgis)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "== installing ${need_apt[*]} from Debian"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
    "${need_apt[@]}" >/dev/null
fi

echo "== installing the npm validators (tests/package.json)"
(cd tests && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "== creating .venv"
  "$PY" -m venv .venv
fi
echo "== installing geozones[test] into .venv"
quiet_pip() { grep -v "^WARNING: Location" || true; }  # filters output; pip's status stays
.venv/bin/python -m pip install -q --disable-pip-version-check -U pip 2>&1 | quiet_pip
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]' 2>&1 | quiet_pip
.venv/bin/python -c "import geozones, geopandas, selenium" # the install is usable

echo "== running the tests"
exec .venv/bin/python -m pytest "$@"
