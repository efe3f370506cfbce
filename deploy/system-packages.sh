#!/bin/sh
# Install the Debian packages the help center's tests use, when they are missing: headless Chromium for the
# browser tests, PostgreSQL for the store on its second database, nginx for the deployment test, Node.js and npm
# for Lighthouse and axe-core (package.json).
# Browsers come from Debian (never downloaded by a test tool). Needs root or sudo; without either it says
# what to install and stops, because CI must not run with a browser or server test silently skipped.
set -eu
packages=""
[ -x /usr/bin/chromium ] || packages="$packages chromium"
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || packages="$packages postgresql"
[ -x /usr/sbin/nginx ] || packages="$packages nginx"
command -v npm >/dev/null 2>&1 || packages="$packages nodejs npm"
# The API benchmark (`make bench-api`) drives the endpoint with wrk; the tests do not need it.
if [ "${1:-}" = "--bench" ]; then command -v wrk >/dev/null 2>&1 || packages="$packages wrk"; fi
[ -n "$packages" ] || exit 0

if [ "$(id -u)" -eq 0 ]; then
  run=""
elif command -v sudo >/dev/null 2>&1; then
  run="sudo"
else
  echo "missing Debian packages:$packages; install them with: apt-get install$packages" >&2
  exit 1
fi
echo "installing Debian packages:$packages"
$run env DEBIAN_FRONTEND=noninteractive apt-get update -qq
# shellcheck disable=SC2086
$run env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null
