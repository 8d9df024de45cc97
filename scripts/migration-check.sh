#!/usr/bin/env bash
# Proves that a database made by an earlier commit migrates forward with nothing lost.
#
#   scripts/migration-check.sh [BASE]      (BASE: a commit, default e84cf66, the last
#                                           commit before the foundation moved to core/)
#
# With BASE's code (unpacked by `git archive` into a temporary folder, run with this
# venv: the dependencies are the same): migrate, setup_section, load_demo_content, then
# user data and a snapshot (scripts/migration_check/seed.py). With this tree's code:
# migrate the same SQLite file, setup_section as a deploy does, and compare
# (scripts/migration_check/check.py). Exits non-zero when anything is lost.
# SQLite by default; under scripts/with-postgres.sh, PostgreSQL.
set -euo pipefail

BASE="${1:-e84cf66}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

mkdir -p "$WORK/old"
git -C "$ROOT" archive "$BASE" | tar -x -C "$WORK/old"
cp "$ROOT/scripts/migration_check/seed.py" "$WORK/seed.py"

export DJANGO_SETTINGS_MODULE=intranet.settings.dev
# A fresh SQLite file, or an empty database given as DATABASE_URL
# (`scripts/with-postgres.sh scripts/migration-check.sh` checks PostgreSQL).
export DATABASE_URL="${DATABASE_URL:-sqlite:///$WORK/db.sqlite3}"
export MEDIA_ROOT="$WORK/media"
export DEMO_PASSWORD="${DEMO_PASSWORD:-innovasjon-demo}"
export DEMO_CONTENT=on
export LOG_LEVEL=WARNING
export EMAIL_BACKEND=django.core.mail.backends.dummy.EmailBackend
# The venv's editable install points at this tree and would supply any module the old
# tree lacks (core.models): the old code runs without its finder, from the old tree.
cat > "$WORK/run_old.py" <<'PY'
import os, runpy, sys
sys.meta_path[:] = [f for f in sys.meta_path if "Editable" not in getattr(f, "__name__", "")]
sys.argv = sys.argv[1:]
sys.path.insert(0, os.getcwd())
runpy.run_path(sys.argv[0], run_name="__main__")
PY
old() { (cd "$WORK/old" && PYTHONPATH="$WORK/old" "$PY" "$WORK/run_old.py" "$@"); }
new() { (cd "$ROOT" && PYTHONPATH="$ROOT" "$PY" "$@"); }

echo "== $BASE: migrate, setup_section, load_demo_content, user data"
old manage.py migrate --noinput -v 0
old manage.py setup_section -v 0
old manage.py load_demo_content -v 0 >/dev/null
old "$WORK/seed.py" "$WORK/snapshot.json"

echo "== $(git -C "$ROOT" rev-parse --short HEAD) (this tree): migrate forward"
new manage.py showmigrations --plan | grep -v '\[X\]' | sed 's/^/   /'
new manage.py migrate --noinput -v 1 | grep -E "Applying|No migrations" | sed 's/^/   /'
new manage.py setup_section -v 0
new scripts/migration_check/check.py "$WORK/snapshot.json"
