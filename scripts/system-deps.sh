#!/usr/bin/env sh
# Debian packages the tests drive: Chromium (the playground test, via playwright-core), python3
# (the Python examples) and wrk (the bench's load generator, tests/bench/wrk.test.ts). Run by
# `npm test` (its pretest step): installs them with apt-get only when missing, quietly; a no-op
# when they are there or when the tests are pointed elsewhere (BOILERSTRIP_CHROMIUM, BOILERSTRIP_PYTHON).
set -eu
missing=""
[ -n "${BOILERSTRIP_CHROMIUM:-}" ] || [ -x /usr/bin/chromium ] || missing="$missing chromium"
[ -n "${BOILERSTRIP_PYTHON:-}" ] || [ -x /usr/bin/python3 ] || missing="$missing python3"
command -v wrk >/dev/null 2>&1 || missing="$missing wrk"
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "the tests need:$missing (install them, or set BOILERSTRIP_CHROMIUM / BOILERSTRIP_PYTHON for the first two)" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing$missing with apt-get" >&2
$sudo apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
