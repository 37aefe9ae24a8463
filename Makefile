# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-clock lint format install clean lighthouse bench

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("historyblog needs Python 3.11 or newer" if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(BIN)/.installed

# Set up the embedded SQLite database with demo content and serve the site.
run: install
	DEBUG=true $(BIN)/python manage.py migrate --noinput
	DEBUG=true $(BIN)/python manage.py demo_content
	DEBUG=true $(BIN)/python manage.py dev_admin
	@echo "Serving historyblog at http://$(HOST):$(PORT)/ (admin at http://$(HOST):$(PORT)/admin/)"
	DEBUG=true $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The whole test suite; DATABASE_URL picks the database (SQLite when unset).
test: install
	SECRET_KEY=test-only-secret $(BIN)/python manage.py makemigrations --check --dry-run
	SECRET_KEY=test-only-secret $(BIN)/pytest

# The suite without the browser tests, under a shifted clock, as CI runs it: more than
# a year ahead, then on 29 February 2028 (Debian's faketime: apt-get install faketime).
# A test that depends on today's date must set the clock for every step it relies on.
test-clock: install
	SECRET_KEY=test-only-secret faketime -f '+400d' $(BIN)/pytest -m "not browser"
	SECRET_KEY=test-only-secret faketime '2028-02-29 12:00:00' $(BIN)/pytest -m "not browser"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/python scripts/check_sizes.py

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Lighthouse scores of the home page and an article, served by gunicorn with production
# settings (not part of `make test`; needs Node.js, npm and Debian's Chromium).
lighthouse: install
	scripts/lighthouse.sh

# Requests/s, latency, queries and memory of each page on PostgreSQL with 100,000
# articles and Redis, against the ceiling of gunicorn itself (needs wrk; see README).
bench: install
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache .hypothesis
