# rightsmonitor — the two commands a new user needs: `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB := $(CURDIR)/.demo/rightsmonitor.sqlite

.PHONY: demo test lint typecheck bench bench-startup clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found; set PYTHON=python3.11 or newer"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	@rm -rf .demo && mkdir -p .demo
	$(BIN)/rightsmonitor --db $(DEMO_DB) ingest src/rightsmonitor/examples/*
	$(BIN)/rightsmonitor --db $(DEMO_DB) documents
	$(BIN)/rightsmonitor parse src/rightsmonitor/examples/ep-2021-kazakhstan-oj-c465-15.pl.txt
	$(BIN)/rightsmonitor --db $(DEMO_DB) persons
	$(BIN)/rightsmonitor --db $(DEMO_DB) review
	$(BIN)/rightsmonitor --db $(DEMO_DB) report --country KZ --out .demo/brief-KZ.html

test: $(STAMP) lint typecheck
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/rightsmonitor bench

bench-startup: $(STAMP)
	$(BIN)/rightsmonitor bench-startup

clean:
	rm -rf .demo build dist *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
