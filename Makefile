# Two commands on a fresh machine: `make build` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: build pdf docs test lint schema bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

build: $(VENV)/.installed
	$(BIN)/lomba build

pdf: $(VENV)/.installed
	$(BIN)/lomba build --pdf

docs: $(VENV)/.installed
	$(BIN)/mkdocs build --strict

test: $(VENV)/.installed
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest -q

schema: $(VENV)/.installed
	$(BIN)/lomba schema

bench: $(VENV)/.installed
	$(BIN)/python bench/check_bench.py

clean:
	rm -rf build $(VENV)
