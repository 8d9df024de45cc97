# The two commands: `make run` serves the demo site, `make test` proves it works.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Reinstalled only when pyproject.toml changes.
STAMP := $(VENV)/.installed-stamp
PORT ?= 8000
# The site's public address (links in e-mails, .ics files, printed pages): here the
# port served, so `PORT=8803 make run` links to 8803. Set SITE_URL to override.
SITE_URL ?= http://127.0.0.1:$(PORT)
export DEMO_PASSWORD ?= innovasjon-demo

.PHONY: serve run setup test test-postgres test-storage test-e2e migration-check screenshots lint format messages clean publish-scheduled review-reminders archive-unconfirmed delete-old-feedback remind-final-reports delete-withdrawn-applications bench bench-postgres cluster-check serve-check

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	@touch $(STAMP)

setup: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	SITE_URL=$(SITE_URL) $(BIN)/python manage.py setup_section
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
	SITE_URL=$(SITE_URL) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The production settings on loopback as the servers run them: nginx on PORT
# (deploy/nginx.conf) in front of gunicorn on an internal port, over plain HTTP, so
# secure cookies and the TLS redirect are off here. nginx is the one proxy that adds
# to X-Forwarded-For, hence AXES_PROXY_COUNT=1.
AXES_PROXY_COUNT ?= 1
SERVE_ENV = DJANGO_SETTINGS_MODULE=intranet.settings.production \
	SECRET_KEY="$$(cat .secret_key)" ALLOWED_HOSTS=127.0.0.1,localhost \
	SECURE_SSL_REDIRECT=off SECURE_COOKIES=off SECURE_HSTS_SECONDS=0 \
	AXES_PROXY_COUNT=$(AXES_PROXY_COUNT) DEMO_CONTENT=on \
	SITE_URL=$(SITE_URL) PORT=$(PORT)

.secret_key .serve_password:
	@$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(24))" > $@
	@chmod 600 $@

serve: $(STAMP) .secret_key .serve_password
	$(SERVE_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(SERVE_ENV) $(BIN)/python manage.py migrate --noinput
	$(SERVE_ENV) $(BIN)/python manage.py setup_media_storage
	$(SERVE_ENV) $(BIN)/python manage.py setup_section
	@# With DEBUG off the demo sign-ins get a generated password, never the default.
	$(SERVE_ENV) DEMO_PASSWORD="$$(cat .serve_password)" $(BIN)/python manage.py load_demo_content
	@echo
	@echo "  Innovasjon (production settings, nginx in front of gunicorn) at http://127.0.0.1:$(PORT)/"
	@echo "  Demo sign-ins (ansatt, redaktor, moderator, admin) use the password in .serve_password"
	@echo
	@# The mail queue's worker beside the app, as its service does in production (docs/deploy.md → E-post).
	$(SERVE_ENV) $(BIN)/python manage.py db_worker --backend mail & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(SERVE_ENV) $(BIN)/python -m scripts.nginx_front

# Two gunicorn nodes behind nginx on a throwaway PostgreSQL and Redis: a publish, a
# booking race, a session, an upload, slow clients and a node killed under load, with
# the numbers (scripts/cluster_check.py). The media are in object storage, as in
# production: CLUSTER_STORAGE starts it and exports its settings (Azurite by default,
# which sets AZURE_STORAGE_CONNECTION_STRING); the nodes inherit them. With
# `CLUSTER_STORAGE=` the nodes share a MEDIA_ROOT folder instead.
CLUSTER_STORAGE ?= bash scripts/with-azurite.sh
cluster-check: $(STAMP) $(NODE_TOOLS)
	$(CLUSTER_STORAGE) bash scripts/with-redis.sh bash scripts/with-postgres.sh $(BIN)/python -m scripts.cluster_check

# 20 slow-header clients against a running `make serve` (another terminal, same PORT):
# /healthz must keep answering in under 1 s.
serve-check: $(STAMP)
	$(BIN)/python -m scripts.slow_clients $(PORT)

# What production's cron runs (see README): every few minutes, and daily.
publish-scheduled: $(STAMP)
	$(BIN)/python manage.py publish_scheduled

review-reminders: $(STAMP)
	$(BIN)/python manage.py send_review_reminders

archive-unconfirmed: $(STAMP)
	$(BIN)/python manage.py archive_unconfirmed_pages

delete-old-feedback: $(STAMP)
	$(BIN)/python manage.py delete_old_feedback

remind-final-reports: $(STAMP)
	$(BIN)/python manage.py remind_final_reports

delete-withdrawn-applications: $(STAMP)
	$(BIN)/python manage.py delete_withdrawn_applications

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The suite runs in TEST_WORKERS processes (pytest-xdist), each module whole on one
# worker; TEST_WORKERS=0 runs it in this process. At most 15: each worker takes a Redis
# database of its own under make test-postgres.
TEST_WORKERS ?= 2
PARALLEL := $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist loadscope)

test: lint
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest $(PARALLEL) --cov --cov-report=term --cov-fail-under=96

# The suite against production's services: a throwaway PostgreSQL and Redis on loopback.
test-postgres: $(STAMP)
	bash scripts/with-redis.sh bash scripts/with-postgres.sh $(BIN)/pytest $(PARALLEL)

# A database made by the commit before the foundation moved to core/ (demo content,
# applications, bookings, a page in workflow) migrates forward with nothing lost,
# on SQLite and on PostgreSQL.
migration-check: $(STAMP)
	bash scripts/migration-check.sh
	bash scripts/with-postgres.sh bash scripts/migration-check.sh

# Test tools from npm (package.json, package-lock.json): the W3C Nu HTML Checker for the
# browser suite (vnu.jar, run with Debian's default-jre-headless) and Azurite for the
# storage tests. Without install scripts: vnu-jar's would download a JDK of its own.
NODE_TOOLS := node_modules/.package-lock.json

$(NODE_TOOLS): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

# Media in object storage (core/storage): the storage tests against Azurite (Microsoft's
# Azure Storage emulator, from npm) and a throwaway PostgreSQL, both on loopback. Apart
# from test-postgres: the whole suite on Azurite spends its time copying the demo's
# images into the emulator for every module and tests nothing more (docs/deploy.md).
test-storage: $(STAMP) $(NODE_TOOLS)
	bash scripts/with-azurite.sh bash scripts/with-postgres.sh $(BIN)/pytest tests/core/test_object_storage.py

# Browser journeys, accessibility checks and valid HTML (tests/e2e/) in Debian's chromium
# (CHROMIUM_PATH, default /usr/bin/chromium) against a live server; apart from
# `make test`, which deselects them. Failed tests leave screenshots in /tmp/e2e-artifacts.
test-e2e: $(STAMP) $(NODE_TOOLS)
	$(BIN)/pytest tests/e2e -m e2e

# Rewrites docs/screenshots/: every page type at 1280 and 390 px, and the admin.
screenshots: $(STAMP)
	$(BIN)/pytest tests/e2e -m screenshots

# Performance at municipal scale (docs/performance.md): the demo content plus
# BENCH_PAGES (default 10 000) bulk pages in a database of its own under .bench/,
# served by gunicorn with the production settings; prints queries, p50/p95, wrk's
# requests/s against a static file's, and Lighthouse scores. Installs wrk, chromium
# and lighthouse when missing. `make bench-postgres` does the same on a throwaway PostgreSQL.
bench: $(STAMP)
	$(BIN)/python -m scripts.bench

bench-postgres: $(STAMP)
	bash scripts/with-postgres.sh $(BIN)/python -m scripts.bench

# Refresh the Norwegian catalogue after changing user-facing strings.
messages: $(STAMP)
	$(BIN)/python manage.py makemessages --locale nb --no-obsolete --no-location --ignore '.venv/*' --ignore 'static/*'
	@# Wagtail's admin JavaScript words (core/publishing/admin_translations.js).
	$(BIN)/python manage.py makemessages --domain djangojs --locale nb --no-obsolete --no-location --ignore '.venv/*' --ignore 'static/*' --ignore 'node_modules/*'
	$(BIN)/python manage.py compilemessages --locale nb --ignore '.venv/*'

clean:
	rm -rf $(VENV) node_modules db.sqlite3 static media private-media .coverage
