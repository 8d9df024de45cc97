"""PostgreSQL only: the search's full-text match and the suggestions through GIN indexes.

A search matches the search index's title and body tsvectors concatenated. Wagtail writes
that as `(title || body) @@ query`; Wagtail's GIN indexes are on each column alone, so
PostgreSQL built the concatenation of every candidate row on each first search (≈ 75 of
the 100 ms a common word took at 10 000 pages), and an index on the expression itself
does not help there: the planner prices the concatenation as nearly free and reads the
table whenever a word is common. So the match goes through `search_title_body(title,
body)`, a function that returns exactly `title || body` (what a query means does not
change), declared costly, with a GIN index on it: the planner then answers
the match from the index (a phrase is still checked against the row), and only the
ranking reads the rows that match. search/backends.py sends the function.

The suggestions match `setweight(to_tsvector('simple', title), 'D')` of every page
(`autocomplete(fields=["title"])`), built from every page's title on each keystroke; an
index on that very expression serves it.

Plain CREATE FUNCTION and CREATE INDEX on tables the database user owns: works on a
managed PostgreSQL (no extension, no server files). tests/search/test_postgres_indexes.py
checks that the SQL a search and a suggestion send can use them. Nothing on SQLite.
"""

from django.db import migrations

FUNCTION = "search_title_body"  # search.backends.TITLE_BODY_FUNCTION
# Not inlined (SET), so the planner sees the call and its cost: what a row-by-row match
# would pay (a built-in operator costs 1). 100 tips it to the index even for a word in
# most pages; more (1000) made it start parallel workers for the recheck it never runs.
CREATE_FUNCTION = f"""
    CREATE OR REPLACE FUNCTION {FUNCTION}(title tsvector, body tsvector) RETURNS tsvector
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 100 SET search_path = pg_catalog
    AS 'SELECT title || body'
"""
INDEXES = {
    "search_indexentry_title_body_gin": (
        "wagtailsearch_indexentry",
        f"({FUNCTION}(title, body))",
    ),
    "search_page_title_simple_gin": (
        "wagtailcore_page",
        "(setweight(to_tsvector('simple'::regconfig, COALESCE(title, '')), 'D'))",
    ),
}


def create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(CREATE_FUNCTION)
        for name, (table, expression) in INDEXES.items():
            cursor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({expression})")


def drop(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for name in INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")
        cursor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}(tsvector, tsvector)")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_search_settings"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
