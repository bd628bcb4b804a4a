#!/usr/bin/env bash
# The test command (`npm test`): every test file under test/, on node's runner with tsx.
# Suites run on the embedded PGlite database, and also on PostgreSQL when OMERO_TEST_DB_URL is set
# (each test file gets its own database, cloned from a template made once per run).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$#" -gt 0 ]; then files=("$@"); else mapfile -t files < <(find test -name '*.test.ts' | sort); fi
if [ "${#files[@]}" -eq 0 ]; then echo "no test files found" >&2; exit 1; fi
# OMERO_TEST_REQUIRE=postgres,slapd,keyring (.ci/run): suites needing these fail instead of skipping.
# A misspelt name would silently require nothing, so refuse it.
required="${OMERO_TEST_REQUIRE:-}"
for need in ${required//,/ }; do
  case "$need" in
    postgres | slapd | keyring) ;;
    *) echo "OMERO_TEST_REQUIRE: unknown requirement '$need' (known: postgres, slapd, keyring)" >&2; exit 2 ;;
  esac
done
if [[ ",${OMERO_TEST_REQUIRE:-}," == *,postgres,* && -z "${OMERO_TEST_DB_URL:-}" ]]; then
  echo "OMERO_TEST_REQUIRE names postgres but OMERO_TEST_DB_URL is not set" >&2
  exit 2
fi
export OMERO_TEST_TEMPLATE="${OMERO_TEST_TEMPLATE:-omero_tpl_$$}"
node scripts/build.mjs   # black-box tests run the real bin/omero.js over dist/
node --import tsx test/helpers/prepare-templates.ts
status=0
node --import tsx --test --test-concurrency="${OMERO_TEST_CONCURRENCY:-2}" "${files[@]}" || status=$?
node --import tsx test/helpers/drop-templates.ts || true
exit "$status"
