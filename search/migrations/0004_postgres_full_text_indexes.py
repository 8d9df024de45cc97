"""PostgreSQL only: GIN indexes on the exact expressions Wagtail's search matches.

A search matches `title || body` of the search index (the two tsvectors concatenated),
and the suggestions match `setweight(to_tsvector('simple', title), 'D')` of every page
(`autocomplete(fields=["title"])`). Wagtail indexes neither expression (its GIN indexes
are on each column alone), so PostgreSQL read and matched every index entry or every
page title for each first search and each suggestion. With an index on the very same
expression the planner can serve the match from the index when it is selective, and
what a query means does not change: the SQL is Wagtail's, untouched.

Plain CREATE INDEX on tables the database user owns: works on a managed PostgreSQL (no
extension, no server files). tests/search/test_postgres_indexes.py fails if Wagtail ever
writes the expressions differently (the index would then be silently unused).
Nothing happens on SQLite.
"""

from django.db import migrations

INDEXES = {
    "search_indexentry_title_body_gin": (
        "wagtailsearch_indexentry",
        "(title || body)",
    ),
    "search_page_title_simple_gin": (
        "wagtailcore_page",
        "(setweight(to_tsvector('simple'::regconfig, COALESCE(title, '')), 'D'))",
    ),
}


def create_indexes(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for name, (table, expression) in INDEXES.items():
            cursor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({expression})")


def drop_indexes(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for name in INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_search_settings"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
