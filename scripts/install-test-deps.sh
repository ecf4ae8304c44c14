#!/bin/sh
# Installs what the tests need beyond npm packages: Debian's chromium (browser tests), git (epoch
# tests) and public-inbox (the sync tests run against a real public-inbox-httpd, as lore runs).
# Skips what is already there.
set -e
need=""
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need="$need chromium"
command -v git >/dev/null 2>&1 || need="$need git"
command -v public-inbox-httpd >/dev/null 2>&1 || need="$need public-inbox"
[ -z "$need" ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y $need || { $sudo apt-get update && $sudo apt-get install -y $need; }
