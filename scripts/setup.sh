#!/usr/bin/env bash
# Installs what the demo and the tests need, skipping what is already there: Debian packages, the
# npm dependencies, and the peer tools built with `go install` into the cache folder.
set -euo pipefail
cd "$(dirname "$0")/.."
export IMAGE_PASSPORT_CACHE="${IMAGE_PASSPORT_CACHE:-$HOME/.cache/image-passport}"

debian_packages=(docker-registry debootstrap zstd rpm zip unzip binutils time)
missing=()
for package in "${debian_packages[@]}"; do
  dpkg-query -W -f '${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

bash scripts/install-peers.sh
