#!/usr/bin/env bash
# Installs what the tests need from Debian's packages when it is missing: Chromium, PostgreSQL and
# its RUM extension (postgresql-<major>-rum: ordered full-text search; PGlite has none, search falls back),
# and nginx (the load balancer in front of several server processes in test/e2e/processes.test.ts).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
# RUM for the installed server's major (15 on bookworm; the major once postgresql is installed).
pg_major=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 | awk -F/ '{print $5}')
pg_major=${pg_major:-15}
[ -f "/usr/share/postgresql/$pg_major/extension/rum.control" ] || missing+=("postgresql-$pg_major-rum")
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing test dependencies: ${missing[*]}"
if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
  echo "Need root to install ${missing[*]} (apt-get install -y ${missing[*]})." >&2; exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
