# Everything CI and a newcomer need: `make demo` and `make test` do all set-up themselves.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
NODE_BIN := mock/node_modules/.bin
# pytest workers (pytest-xdist): the machine has 2 cores; each worker starts its own Prism servers.
PYTEST_WORKERS ?= 2

.PHONY: all demo test lint lint-imports typecheck spec-lint drift docs pytest bench generate unasync dist venv node clean

all: test

## set-up ---------------------------------------------------------------------------------
venv: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

node: mock/node_modules/.installed
mock/node_modules/.installed: mock/package.json mock/package-lock.json
	@command -v npm >/dev/null || { echo "make: npm (Node.js 20+) is needed for Prism and Spectral" >&2; exit 1; }
	cd mock && npm ci --no-audit --no-fund --loglevel=error
	touch $@

## the two commands of the README ---------------------------------------------------------
demo: venv
	$(BIN)/voipbin-outdial demo

test: venv node lint lint-imports typecheck spec-lint drift docs pytest

## checks ----------------------------------------------------------------------------------
lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Which layer may import which: the contracts in pyproject.toml's [tool.importlinter].
lint-imports: venv
	$(BIN)/lint-imports --no-cache --no-logo

# The package, then every ```python block of README.md and docs/*.md.
typecheck: venv
	$(BIN)/mypy
	$(BIN)/python scripts/check-doc-types.py

spec-lint: venv node
	$(BIN)/openapi-spec-validator openapi.yaml
	$(NODE_BIN)/spectral lint openapi.yaml --ruleset .spectral.yaml --fail-severity=hint

# The generated client (openapi.yaml -> _generated/), the generated sync facade (_async/ -> _sync/)
# and the API reference written from the operation table and the facade (docs/api.md).
drift: venv
	VENV=$(VENV) scripts/check-generated.sh
	$(BIN)/python scripts/unasync.py --check
	$(BIN)/python scripts/api_reference.py --check

pytest: venv node
	$(BIN)/pytest -n $(PYTEST_WORKERS)

## the rest --------------------------------------------------------------------------------
bench: venv node
	$(BIN)/python -m bench

generate: venv
	VENV=$(VENV) ./generate.sh

unasync: venv
	$(BIN)/python scripts/unasync.py

# The API reference from the operation table (docs/api.md), then the site (mkdocs.yml) into site/:
# --strict fails on a broken link or anchor, a page left out of the nav, a missing reference.
docs: venv
	$(BIN)/python scripts/api_reference.py
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet

# The sdist and the wheel in dist/ (the README's install-from-wheel line), checked by twine.
dist: venv
	rm -rf dist
	$(BIN)/python -m build --outdir dist .
	$(BIN)/twine check --strict dist/*

clean:
	rm -rf $(VENV) mock/node_modules .pytest_cache .mypy_cache .ruff_cache .hypothesis site dist
