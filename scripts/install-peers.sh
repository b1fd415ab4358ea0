#!/usr/bin/env bash
# Builds the peer tools the interop tests run, with `go install`, into a cache folder; a tool already
# there at the pinned version is kept. Versions are the ones the README's "Works with" table names.
set -euo pipefail
bin="${IMAGE_PASSPORT_CACHE:-$HOME/.cache/image-passport}/bin"
mkdir -p "$bin"
peers=(
  "cosign github.com/sigstore/cosign/v3/cmd/cosign@v3.1.3"
  "crane github.com/google/go-containerregistry/cmd/crane@v0.22.1"
  "registry github.com/distribution/distribution/v3/cmd/registry@v3.1.2"
  "gh github.com/cli/cli/v2/cmd/gh@v2.83.1"
)
for peer in "${peers[@]}"; do
  name=${peer%% *}
  module=${peer#* }
  stamp="$bin/.$name.version"
  if [ -x "$bin/$name" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$module" ]; then continue; fi
  echo "installing $module"
  if [ "$name" = gh ]; then
    # The module proxy refuses cli/cli's version list, which `go install` reads for deprecation
    # notices; the version itself downloads, so build it from the module cache.
    dir=$(go mod download -json "${module/\/cmd\/gh/}" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
    (cd "$dir" && GOFLAGS=-trimpath go build -o "$bin/gh" ./cmd/gh)
  else
    GOBIN="$bin" GOFLAGS=-trimpath go install "$module"
  fi
  echo "$module" > "$stamp"
done

# The Rust cataloguer's tests build a real binary with cargo-auditable.
if ! cargo auditable --version >/dev/null 2>&1; then
  echo "installing cargo-auditable"
  cargo install cargo-auditable --locked --version 0.7.7 --quiet
fi
