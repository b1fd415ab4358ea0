#!/usr/bin/env bash
# The quick-start demo: installs what is missing, then signs an image in the local lab and gates two
# deploys of it (one passes with pinned digests, one is blocked), running the bundled actions.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export IMAGE_PASSPORT_CACHE="${IMAGE_PASSPORT_CACHE:-$HOME/.cache/image-passport}"
[ -f dist/sign/index.js ] && [ -f dist/gate/index.js ] || node scripts/build.mjs
exec node --import tsx test/lab/demo.ts
