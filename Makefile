# The two commands: `make run` serves the demo site, `make test` proves it works.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Reinstalled only when pyproject.toml changes.
STAMP := $(VENV)/.installed-stamp
PORT ?= 8000
export DEMO_PASSWORD ?= innovasjon-demo

.PHONY: run setup test test-postgres lint format messages clean publish-scheduled review-reminders

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	@touch $(STAMP)

setup: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py setup_section
	$(BIN)/python manage.py load_demo_content

run: setup
	@echo
	@echo "  Innovasjon runs at http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	@echo "  Demo sign-ins, all with the password «$(DEMO_PASSWORD)»:"
	@echo "    ansatt (employee) · redaktor (editor) · moderator · admin (superuser)"
	@echo
	@# Scheduled publishing runs beside the server, as cron does in production.
	@scripts/scheduler.sh $(BIN)/python & scheduler=$$!; \
	trap 'kill $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# What production's cron runs (see README): every few minutes, and daily.
publish-scheduled: $(STAMP)
	$(BIN)/python manage.py publish_scheduled

review-reminders: $(STAMP)
	$(BIN)/python manage.py send_review_reminders

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: lint
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest --cov --cov-report=term --cov-fail-under=85

test-postgres: $(STAMP)
	bash scripts/with-postgres.sh $(BIN)/pytest

# Refresh the Norwegian catalogue after changing user-facing strings.
messages: $(STAMP)
	$(BIN)/python manage.py makemessages --locale nb --no-obsolete --no-location --ignore '.venv/*' --ignore 'static/*'
	$(BIN)/python manage.py compilemessages --locale nb --ignore '.venv/*'

clean:
	rm -rf $(VENV) db.sqlite3 static media .coverage
