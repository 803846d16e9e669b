# The two commands of the README:
#   make run    set everything up and run the product at http://127.0.0.1:8000 (SQLite, demo data)
#   make test   set everything up and run every check and the whole test suite
# Both need only python3 (3.11) on the machine; `make test` also needs Debian's chromium for the browser
# tests (.ci/run installs it). DATABASE_URL=postgres://… runs the suite on PostgreSQL instead of SQLite.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?= -n auto
# Production-like environment for `check --deploy`: a real deployment sets its own values.
DEPLOY_ENV := PARINDEX_PRODUCTION=1 DJANGO_SECRET_KEY=ci-only-$$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n') \
	DJANGO_ALLOWED_HOSTS=cchc.example.gov.vn

.PHONY: setup run test lint typecheck deploy-check pytest bench lock clean

setup: $(VENV)/.installed

$(VENV)/.installed: requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

run: setup
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py demo_setup
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: setup lint typecheck deploy-check pytest

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: setup
	$(BIN)/mypy .

deploy-check: setup
	$(DEPLOY_ENV) $(BIN)/python manage.py check --deploy --fail-level WARNING

pytest: setup
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest $(PYTEST_ARGS)

bench: setup
	$(BIN)/python -m bench.run_all

# Refresh the lock and the hashed requirement files an intranet server installs with plain pip.
lock:
	uv lock
	uv export --no-dev --no-emit-project --format requirements-txt -o requirements.txt -q
	uv export --no-emit-project --format requirements-txt -o requirements-dev.txt -q

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
