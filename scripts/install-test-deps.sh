#!/bin/sh
# Installs what the tests need beyond npm packages: Debian's chromium (browser tests) and git
# (epoch tests). Skips what is already there.
set -e
need=""
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need="$need chromium"
command -v git >/dev/null 2>&1 || need="$need git"
[ -z "$need" ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y $need || { $sudo apt-get update && $sudo apt-get install -y $need; }
