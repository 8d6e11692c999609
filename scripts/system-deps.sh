#!/usr/bin/env bash
# Install the Debian packages the test suite needs, when they are missing:
# Chromium (browser tests), poppler-utils (PDF text), a CJK font (printing
# Chinese), Pango/HarfBuzz (WeasyPrint's PDF export), npm where node's
# package manager is missing (the workflow linter is an npm package), and
# LibreOffice Writer where no LibreOffice is installed (importing Word 97
# files, rendering Word files for a look).
set -euo pipefail

PACKAGES=(chromium poppler-utils fonts-wqy-microhei libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
command -v npm >/dev/null || missing+=(npm)
command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    echo "missing Debian packages: ${missing[*]}" >&2
    echo "install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
