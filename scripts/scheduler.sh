#!/usr/bin/env bash
# Runs publish_scheduled (Wagtail's, under core.jobs' lock) every SCHEDULER_INTERVAL seconds (default 60)
# until stopped: pages with a go-live time are published, expired ones
# unpublished. Production uses cron instead (see README).
# Usage: scripts/scheduler.sh PYTHON
set -u
python=${1:-.venv/bin/python}
interval=${SCHEDULER_INTERVAL:-60}
while true; do
    # LOG_LEVEL=WARNING: not a "publish_scheduled: running" line a minute, only trouble.
    LOG_LEVEL=WARNING "$python" manage.py publish_scheduled >/dev/null || echo "publish_scheduled failed" >&2
    sleep "$interval"
done
