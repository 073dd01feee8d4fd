# Two commands for a fresh machine: `make run` and `make test`. Both create what they need.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
FLASK := $(BIN)/flask --app catalogue
TRANSLATIONS := catalogue/translations
SOURCES := catalogue core forms templates imports exports
EXTRACT_ARGS := --no-location --sort-output --width 120 -F $(TRANSLATIONS)/babel.cfg -k _l -k lazy_gettext -k lazy_ngettext:1,2
HOST ?= 127.0.0.1
PORT ?= 8000
PIP_TOOLS := pip-tools==7.6.2
COMPILE := --quiet --strip-extras --no-emit-index-url --no-emit-find-links

.PHONY: run test lint format install install-dev translations messages bench lock clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# The project itself, editable, with the exact versions of the lock files (ranges live in pyproject.toml).
$(VENV)/.installed: pyproject.toml setup.py requirements.txt | $(PY)
	$(PY) -m pip install --quiet -c requirements.txt -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml setup.py requirements-dev.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -c requirements-dev.txt -e '.[test,lint]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

translations: install
	$(BIN)/pybabel compile --statistics -d $(TRANSLATIONS) 2>&1 | grep -v '^$$'

## Re-extract the message template and merge it into the catalogues (then translate what is new).
messages: install
	$(BIN)/pybabel extract $(EXTRACT_ARGS) -o $(TRANSLATIONS)/messages.pot $(SOURCES)
	$(BIN)/pybabel update --no-fuzzy-matching --width 120 -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS)

# The demo's footer: who runs the site (set these for real in production; see docs/deploy.md).
run: export SITE_PUBLISHER ?= 云南省财政厅（演示）
run: export SITE_CONTACT ?= 0871-00000000（演示号码）
# where printed account sheets, mails and the API's links send people: this very server
run: export PUBLIC_BASE_URL ?= http://$(HOST):$(PORT)
run: translations
	$(FLASK) init-db
	$(FLASK) seed-demo
	@echo "Serving on http://$(HOST):$(PORT)/ (Ctrl-C stops)"
	$(BIN)/gunicorn -c python:catalogue.gunicorn_conf --bind $(HOST):$(PORT) 'catalogue:create_app()'

# axe-core for the accessibility checks of the browser tests (npm; without it they are skipped, in CI they fail).
AXE := tests/e2e/node_modules/axe-core/axe.min.js
$(AXE): tests/e2e/package.json tests/e2e/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix tests/e2e --no-audit --no-fund --silent; \
	else echo "npm not found: the accessibility checks will be skipped (apt-get install npm)"; fi

test: install-dev translations $(AXE)
	$(PY) -m pytest $(PYTEST_ARGS)

# ruff, the type checker, and the import graph's contracts (pyproject.toml: [tool.importlinter])
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

## Rewrite the code in the house format (what `make lint` checks).
format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Benchmarks (not tests): each prints the ratio its issue names.
bench: install-dev translations
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(PY) bench/negative_list_bench.py
	$(PY) bench/import_bench.py
	$(PY) bench/publish_bench.py
	$(PY) bench/search_bench.py
	$(PY) bench/check_bench.py
	$(PY) bench/pages_bench.py
	@command -v valgrind >/dev/null || (apt-get update -qq && apt-get install -y -qq valgrind)
	$(PY) bench/instructions_bench.py

## Re-resolve the lock files after changing the dependencies in pyproject.toml.
lock: | $(PY)
	$(PY) -m pip install --quiet $(PIP_TOOLS)
	$(BIN)/pip-compile $(COMPILE) --upgrade --output-file requirements.txt pyproject.toml
	$(BIN)/pip-compile $(COMPILE) --upgrade --extra test --extra lint --constraint requirements.txt \
		--output-file requirements-dev.txt pyproject.toml

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
