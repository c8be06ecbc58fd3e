# Ariptes developer commands. `make run` and `make test` work on a fresh checkout:
# they create .venv, install the requirements and the Debian libraries WeasyPrint needs.
# `make run` installs the runtime (requirements.txt) only; `make test` and `make lint`
# also install the tests and tools (requirements-dev.txt).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
MANAGE := $(PY) manage.py
# Our own paths only: vendored assets and the virtualenv are not linted.
LOCALE_IGNORE := --ignore=.venv --ignore=static --ignore=staticfiles --ignore=private --ignore=test-artifacts
# WeasyPrint (PDF letters and reports) loads these through ctypes; without
# libharfbuzz-subset0 its import warns and font subsetting fails.
DEB_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-noto-core
PYTEST_ARGS ?=
# make bench BASELINE=<git ref> measures that commit side by side; BENCH_ARGS="--rounds 5" etc.
BASELINE ?=
BENCH_ARGS ?=

.PHONY: help run test lint format messages compilemessages worker beat bench clean-demo venv debian-packages

help:
	@echo "make run         create .venv, install, migrate, load demo data, serve http://127.0.0.1:8000"
	@echo "make test        make lint, makemigrations --check, then the whole pytest suite"
	@echo "make lint        ruff, djLint (templates), import-linter (app layers), mypy (services, selectors, permissions)"
	@echo "make format      ruff format and ruff check --fix"
	@echo "make messages    extract strings into locale/*/LC_MESSAGES/django.po and compile them"
	@echo "make worker      Celery worker for the default and pdf queues (needs CELERY_BROKER_URL)"
	@echo "make beat        Celery beat (periodic tasks)"
	@echo "make bench       run the benchmarks in bench/ (BASELINE=<git ref> compares with that commit)"
	@echo "make clean-demo  delete the local SQLite database and private files of the demo"

venv: $(STAMP)

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall only when a requirements file changed since the last successful install.
$(STAMP): requirements.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(DEV_STAMP)

debian-packages:
	@missing=""; \
	for p in $(DEB_PACKAGES); do \
		dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = "0" ]; then \
			echo "Installing Debian packages:$$missing"; \
			DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing \
			|| { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; }; \
		else \
			echo "Missing Debian packages:$$missing"; \
			echo "Run as root, then run make again:"; \
			echo "  sudo apt-get install -y$$missing"; \
			exit 1; \
		fi; \
	fi

compilemessages: $(STAMP)
	@if ls locale/*/LC_MESSAGES/*.po >/dev/null 2>&1; then \
		if command -v msgfmt >/dev/null 2>&1; then \
			$(MANAGE) compilemessages $(LOCALE_IGNORE) -v 0; \
		else \
			echo "msgfmt (Debian package gettext) is missing: using the committed .mo files."; \
		fi; \
	else \
		echo "No .po files in locale/ yet: skipping compilemessages."; \
	fi

run: $(STAMP) debian-packages compilemessages
	$(MANAGE) migrate --no-input
	$(MANAGE) seed_demo
	$(MANAGE) runserver 127.0.0.1:8000

# The same checks as .pre-commit-config.yaml; the tools read their settings from pyproject.toml.
lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates $$(ls -d */templates) --lint
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

format: $(DEV_STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test: $(DEV_STAMP) lint
	$(MANAGE) makemigrations --check --dry-run
	$(PY) -m pytest $(PYTEST_ARGS)

messages: $(STAMP)
	$(MANAGE) makemessages -l ru -l kk -l en $(LOCALE_IGNORE)
	$(MANAGE) compilemessages $(LOCALE_IGNORE)

worker: $(STAMP)
	$(VENV)/bin/celery -A ariptes worker -Q default,pdf -l info

beat: $(STAMP)
	$(VENV)/bin/celery -A ariptes beat -l info

bench: $(STAMP)
	@if [ -d bench ] && [ -f bench/__main__.py ]; then \
		$(PY) -m bench $(if $(BASELINE),--baseline $(BASELINE)) $(BENCH_ARGS); \
	else \
		echo "No benchmarks yet (bench/__main__.py is missing)."; \
	fi

clean-demo:
	rm -f db.sqlite3 db.sqlite3-wal db.sqlite3-shm
	rm -rf private
	@echo "Demo database and private files removed; 'make run' builds them again."
