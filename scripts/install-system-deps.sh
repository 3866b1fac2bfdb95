#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks for the browser tests: Debian's Chromium.
# (Playwright's own browser download cannot work here; playwright-core drives /usr/bin/chromium.)
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "system deps: chromium present ($(/usr/bin/chromium --version 2>/dev/null || echo unknown))"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
/usr/bin/chromium --version
