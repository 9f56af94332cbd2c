# Two entry points for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

DEMO_DB := $(VENV)/demo.duckdb

demo: $(STAMP)
	$(BIN)/dateline ingest samples --db $(DEMO_DB)
	$(BIN)/dateline quotes --db $(DEMO_DB)
	$(BIN)/dateline timeline --db $(DEMO_DB) --since 2022-01-01 --until 2022-01-31

test: $(STAMP)
	$(BIN)/python -m pytest
	$(BIN)/ruff check src tests $(wildcard benchmarks)

lint: $(STAMP)
	$(BIN)/ruff check src tests $(wildcard benchmarks)

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) dateline.duckdb
