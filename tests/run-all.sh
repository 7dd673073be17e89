#!/usr/bin/env bash
# npm test: the whole suite — types, lint, unit, integration (real SQLite + Meilisearch, then PostgreSQL when
# TEST_POSTGRES_URL is set), end-to-end (Chromium), faults (kill -9, SIGSTOP).
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s ==\n' "$1"; }
step "typecheck" && npm run -s typecheck
step "lint" && npm run -s lint
step "unit tests" && npx vitest run --project unit
step "integration tests" && npx vitest run --project integration
if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  step "integration tests on PostgreSQL" && GILDE_TEST_DATABASE=postgresql npx vitest run --project integration
else
  step "integration tests on PostgreSQL: skipped (set TEST_POSTGRES_URL, see README)"
fi
step "end-to-end tests" && npm run -s test:e2e
step "fault tests" && npx vitest run --project faults
