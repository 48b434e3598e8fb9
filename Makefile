# Two commands set everything up on a fresh machine:
#   make run    create .venv, install the application, open its window on the sample articles
#   make test   create .venv, install the application with its test tools, run the checks and every test
#   make package  build the standalone application in dist/ and check that it runs
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint install package clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/timeline-app seeds --reference-date 2025-05-06

test: $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# Style (ruff), layering (import-linter: the core never imports Qt; lower layers never import
# higher ones) and types (mypy on the core); all three must be clean.
lint: $(STAMP)
	$(BIN)/ruff check timeline_app tests bench packaging scripts
	$(BIN)/lint-imports
	$(BIN)/mypy

package: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[package]'
	$(BIN)/python packaging/build.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
