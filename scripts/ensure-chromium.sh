#!/usr/bin/env bash
# Before `npm test`: the browser stories need Debian's Chromium at /usr/bin/chromium. Install it when it
# is missing and this machine can (root with apt-get); otherwise say how, and let the stories fail clearly.
set -u
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests (apt-get install chromium)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null && exit 0
fi
echo "Chromium is not installed: the browser tests will fail. Install it with: sudo apt-get install chromium" >&2
exit 0
