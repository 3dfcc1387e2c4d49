#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 server on a loopback port, then removes it.
# Usage: scripts/with-postgres.sh <command…>   (the command sees ENTRAIDE_TEST_DATABASE_URL)
set -euo pipefail
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "PostgreSQL server binaries not found: run scripts/install-test-deps.sh" >&2
  exit 1
fi
PGPORT=${PGPORT:-$((55000 + RANDOM % 1000))}
PGTMP=$(mktemp -d /tmp/entraide-pg.XXXXXX)
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$PGTMP"
stop() {
  as_postgres "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PGTMP"
}
trap stop EXIT
as_postgres "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 30 \
  -o "-p $PGPORT -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"
export ENTRAIDE_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/postgres"
"$@"
