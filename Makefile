# Two commands on a fresh machine: `make site` and `make test`.
# Each sets up what it needs: a virtualenv in .venv with the project installed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)

.PHONY: site test lint check clean system-deps bench golden

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
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

test: system-deps lint
	$(BIN)/pytest

# Rewrite the goldens of what a person reads (tests/golden/) from the current output; review the diff.
golden: system-deps $(STAMP)
	$(BIN)/pytest --update-golden tests/test_goldens.py tests/test_broken_inputs.py

# Speed on synthetic organisations of 100, 1,000 and 10,000 posts; prints a table and
# writes benchmarks/out/results.json (options: make bench BENCH="--quick --sizes 100,1000").
bench: $(STAMP)
	$(BIN)/python -m benchmarks.run $(BENCH)

clean:
	rm -rf site docs/handbook .mypy_cache .ruff_cache .pytest_cache .hypothesis
