# Two commands for a fresh machine: `make run` and `make test`. Both create what they need.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
FLASK := $(BIN)/flask --app wsgi
TRANSLATIONS := catalogue/translations
SOURCES := catalogue forms templates imports exports
EXTRACT_ARGS := --no-location --sort-output -F $(TRANSLATIONS)/babel.cfg -k _l -k lazy_gettext
HOST ?= 127.0.0.1
PORT ?= 8000

# Requirements come from setup.cfg (install_requires, and the `test` extra).
requirements = $(PY) -c "import configparser, sys; c = configparser.ConfigParser(); c.read('setup.cfg'); \
	print(c['options']['install_requires']); [print(c['options.extras_require'][x]) for x in sys.argv[1:]]"

.PHONY: run test install install-test translations messages check-messages bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: setup.cfg | $(PY)
	$(requirements) | grep -v '^\s*$$' > $(VENV)/requirements.txt
	$(PY) -m pip install --quiet -r $(VENV)/requirements.txt
	touch $@

$(VENV)/.installed-test: setup.cfg $(VENV)/.installed
	$(requirements) test | grep -v '^\s*$$' > $(VENV)/requirements-test.txt
	$(PY) -m pip install --quiet -r $(VENV)/requirements-test.txt
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

translations: install
	$(BIN)/pybabel compile --statistics -d $(TRANSLATIONS) 2>&1 | grep -v '^$$'

## Re-extract the message template and merge it into the catalogues (then translate what is new).
messages: install
	$(BIN)/pybabel extract $(EXTRACT_ARGS) -o $(TRANSLATIONS)/messages.pot $(SOURCES)
	$(BIN)/pybabel update --no-fuzzy-matching -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS)

run: translations
	$(FLASK) init-db
	$(FLASK) seed-demo
	@echo "Serving on http://$(HOST):$(PORT)/ (Ctrl-C stops)"
	$(BIN)/gunicorn --workers 2 --bind $(HOST):$(PORT) --access-logfile - wsgi:app

test: install-test translations
	$(PY) -m pytest $(PYTEST_ARGS)

## Benchmarks (not tests): each prints the ratio its issue names.
bench: install-test translations
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(PY) bench/import_bench.py
	$(PY) bench/publish_bench.py

clean:
	rm -rf $(VENV) .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
