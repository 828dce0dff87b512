#!/usr/bin/env bash
# Regenerate the typed client from openapi.yaml.
#   ./generate.sh            writes client/voipbin_outdial/_generated/ (the only folder it touches)
#   ./generate.sh OUT_DIR    writes OUT_DIR instead (the drift check in `make test` uses a temp dir)
# Idempotent: the generator and ruff are pinned, and ruff formats the output as a post-hook.
set -euo pipefail
cd "$(dirname "$0")"

GENERATOR_VERSION="0.29.1"
RUFF_VERSION="0.17.6"
out="${1:-client/voipbin_outdial/_generated}"
venv="${VENV:-.venv}"

case "$venv" in /*) ;; *) venv="$PWD/$venv" ;; esac
export PATH="$venv/bin:$PATH"
have=$(openapi-python-client --version 2>/dev/null | awk '{print $NF}' || true)
if [ "$have" != "$GENERATOR_VERSION" ]; then
  echo "generate.sh: needs openapi-python-client $GENERATOR_VERSION (found '${have:-none}'); run 'make venv'" >&2
  exit 1
fi
have_ruff=$(ruff --version 2>/dev/null | awk '{print $NF}' || true)
if [ "$have_ruff" != "$RUFF_VERSION" ]; then
  echo "generate.sh: needs ruff $RUFF_VERSION (found '${have_ruff:-none}'); run 'make venv'" >&2
  exit 1
fi

# The generator's --overwrite deletes the whole output folder, so generate into a scratch folder
# and move the result into place: nothing beside $out is ever touched.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
openapi-python-client generate \
  --path openapi.yaml \
  --config openapi-python-client.yaml \
  --custom-template-path templates \
  --meta none \
  --fail-on-warning \
  --output-path "$scratch/_generated" >"$scratch/log" 2>&1 || { cat "$scratch/log" >&2; exit 1; }

# The templates render nothing for the generator's per-operation modules, its client and its
# errors (templates/api_init.py.jinja writes every operation into one table instead), but the
# generator still writes those files: remove them, empty, with the folders they leave empty.
find "$scratch/_generated" -name '*.py' -empty -delete
find "$scratch/_generated" -mindepth 1 -type d -empty -delete

cat >"$scratch/_generated/README.md" <<'MSG'
# Generated code: do not edit

Everything in this folder is written by `./generate.sh` from `openapi.yaml` with openapi-python-client
(pinned in generate.sh) and the templates in `templates/`. Edits here are lost on the next run, and
`make test` fails when this folder differs from a fresh generation. Change `openapi.yaml` instead.
MSG

rm -rf "$out"
mkdir -p "$(dirname "$out")"
mv "$scratch/_generated" "$out"
echo "generate.sh: wrote $out"
