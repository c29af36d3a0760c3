# Two commands on a fresh clone:  make demo  |  make test
VENV   ?= .venv
PYTHON ?= python3
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck unit templates clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/supervision-forms demo -o demo-output

test: lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check supervision_forms tests tools benchmarks
	$(BIN)/ruff format --check supervision_forms tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

templates: $(STAMP)
	$(BIN)/python tools/build_packs.py

clean:
	rm -rf $(VENV) demo-output build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
