#!/usr/bin/env bash
# Runs the whole suite again with the machine's clock moved, as Node and Chromium see it (Debian's
# libfaketime, preloaded into every process the tests start), and in other machine time zones:
# a year from today in Los Angeles, and a 29 February in the past (23:40 WIB, so Jakarta's date
# changes during the run) at UTC+14. Expects `npm test` to have installed and built.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v faketime >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    echo "faketime: installing Debian package (apt-get)…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime
  else
    echo "faketime is missing: install it with 'sudo apt-get install -y faketime'." >&2
    exit 1
  fi
fi
run() {
  local when="$1" tz="$2"
  echo "== npm test's suite with the clock at '$when' (TZ=$tz) =="
  TZ="$tz" faketime -f "$when" node scripts/test.mjs
}
run '+365d' 'America/Los_Angeles'
run '@2024-02-29 16:40:00' 'Pacific/Kiritimati'
