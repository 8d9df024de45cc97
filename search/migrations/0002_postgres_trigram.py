"""PostgreSQL only: the pg_trgm extension and trigram indexes on the search index's text.

They let a search that finds nothing fall back to similar words, which catches
compound words («arbeid» → «innovasjonsarbeid») and typos. Creating an extension needs
a privileged database user; without one this migration only logs a warning and the
search simply has no such fallback (run `CREATE EXTENSION pg_trgm;` as a superuser,
then `manage.py migrate search zero && manage.py migrate search`, or
`manage.py enable_trigram` after `enable_unaccent`). Nothing happens on SQLite.
"""

import logging

from django.db import DatabaseError, migrations, transaction

logger = logging.getLogger(__name__)

TABLE = "wagtailsearch_indexentry"
# The names Wagtail's `enable_trigram` command uses, so running it later changes nothing.
INDEXES = {"modelsearch_title_text_trgm": "title_text", "modelsearch_body_text_trgm": "body_text"}


def enable_trigram(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DatabaseError:
        logger.warning(
            "Could not create the pg_trgm extension (needs a privileged user): "
            "search works, without the fallback to similar words."
        )
        return
    with connection.cursor() as cursor:
        for name, column in INDEXES.items():
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {name} ON {TABLE} USING gin ({column} gin_trgm_ops)"
            )


def drop_indexes(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for name in INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(enable_trigram, drop_indexes, elidable=False)]
