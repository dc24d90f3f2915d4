#!/usr/bin/env bash
# Before `npm test`: the browser stories need Debian's Chromium at /usr/bin/chromium and the manifest
# test needs a kubectl. Install what is missing when this machine can (root with apt-get; Debian's
# kubernetes-client is kubectl 1.20, old but enough for a client-side dry run); otherwise say how.
set -u
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v kubectl >/dev/null 2>&1 || missing+=(kubernetes-client)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing for the tests: apt-get install ${missing[*]}…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null && exit 0
fi
echo "Not installed: ${missing[*]} — some tests will fail. Install with: sudo apt-get install ${missing[*]}" >&2
exit 0
