#!/usr/bin/env bash
# `npm test`: every check and every test, in the order that fails fastest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh

step() { printf '\n=== %s\n' "$*"; }
step "typecheck";                     npm run -s typecheck
step "lint";                          npm run -s lint
step "build";                         npm run -s build
step "packages: publint, attw, installed in a fresh Vite app and server directory"; npm run -s test:package
step "node tests (core, server, SDK) on PGlite"; npm run -s test:node
step "server and SDK tests on PostgreSQL";       bash scripts/with-postgres.sh npm run -s test:parity
step "element tests in Chromium";     npm run -s test:web
step "end-to-end in Chromium";        npm run -s test:e2e
step "every story in Chromium with axe-core"; npm run -s test:stories
