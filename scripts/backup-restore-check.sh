#!/usr/bin/env bash
# Proves the backup and restore in docs/deploy.md on a throwaway cluster:
#   bash scripts/with-postgres.sh bash scripts/backup-restore-check.sh
# Builds the demo, backs up database and media, restores both elsewhere, compares.
set -euo pipefail
export DJANGO_SETTINGS_MODULE=intranet.settings.dev DEMO_PASSWORD=innovasjon-demo
export MEDIA_ROOT=$(mktemp -d)/media
PY=.venv/bin/python
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
$PY manage.py migrate --noinput -v0 && $PY manage.py setup_section >/dev/null && $PY manage.py load_demo_content 2>/dev/null | tail -1
backup=$(mktemp -d)
echo "--- backup"
echo "\$ pg_dump --format=custom --no-owner --file=\$backup/innovasjon.dump \"\$DATABASE_URL\""
"$PGBIN/pg_dump" --format=custom --no-owner --file="$backup/innovasjon.dump" "$DATABASE_URL"
echo "\$ tar -C \"\$(dirname \$MEDIA_ROOT)\" -czf \$backup/media.tar.gz media"
tar -C "$(dirname "$MEDIA_ROOT")" -czf "$backup/media.tar.gz" media
ls -l "$backup"
echo "--- restore into a new database"
restored="${DATABASE_URL%/*}/innovasjon_restored"
"$PGBIN/createdb" -h 127.0.0.1 -p "$(echo "$DATABASE_URL" | sed -E 's/.*:([0-9]+)\/.*/\1/')" -U postgres innovasjon_restored
echo "\$ pg_restore --no-owner --dbname=\"\$RESTORED_URL\" \$backup/innovasjon.dump"
"$PGBIN/pg_restore" --no-owner --dbname="$restored" "$backup/innovasjon.dump"
newmedia=$(mktemp -d)
tar -C "$newmedia" -xzf "$backup/media.tar.gz"
echo "--- compare"
count() { DATABASE_URL="$1" $PY manage.py shell -c "
from wagtail.models import Page; from wagtail.documents.models import Document; from django.contrib.auth.models import User
print(Page.objects.count(), Page.objects.live().count(), Document.objects.count(), User.objects.count())" 2>/dev/null | tail -1; }
echo "original: pages live documents users = $(count "$DATABASE_URL")"
echo "restored: pages live documents users = $(count "$restored")"
echo "media files: original $(find "$MEDIA_ROOT" -type f | wc -l), restored $(find "$newmedia/media" -type f | wc -l)"
DATABASE_URL="$restored" $PY manage.py migrate --check >/dev/null && echo "restored database: migrations up to date"
