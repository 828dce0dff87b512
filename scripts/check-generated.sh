#!/usr/bin/env bash
# Drift check: regenerate the client into a temp folder and fail if the committed one differs.
# Usage: scripts/check-generated.sh [REPO_DIR]   (default: this repository)
set -euo pipefail
repo="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
cd "$repo"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./generate.sh "$tmp/_generated" >/dev/null
if ! diff -r -u -x __pycache__ "$tmp/_generated" client/voipbin_outdial/_generated >"$tmp/diff"; then
  echo "check-generated: client/voipbin_outdial/_generated is out of date with openapi.yaml." >&2
  echo "Run ./generate.sh and commit the result. The difference:" >&2
  head -n 60 "$tmp/diff" >&2
  exit 1
fi
echo "check-generated: the committed client matches a fresh generation"
