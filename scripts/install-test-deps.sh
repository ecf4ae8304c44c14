#!/bin/sh
# Installs what the tests need beyond npm packages: Debian's chromium (browser tests), git (epoch
# tests), public-inbox (the sync tests run against a real public-inbox-httpd, as lore runs) and
# the Python packages of the Patchwork rig in ../shared/tools/patchwork (the Patchwork tests run
# against a real Patchwork 3.2.1 on Debian's Django; its README lists them). Skips what is
# already there.
set -e
need=""
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need="$need chromium"
command -v git >/dev/null 2>&1 || need="$need git"
command -v public-inbox-httpd >/dev/null 2>&1 || need="$need public-inbox"
[ -x /usr/bin/python3 ] || need="$need python3"
for p in python3-django python3-djangorestframework python3-django-filters python3-dateutil python3-sqlparse; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need="$need $p"
done
[ -z "$need" ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y $need || { $sudo apt-get update && $sudo apt-get install -y $need; }
