"""PostgreSQL: a first search and the suggestions can be served by our GIN indexes.

search/migrations/0004 indexes `search_title_body(title, body)` of the search index (our
backend matches through it instead of Wagtail's `title || body`) and the exact expression
the suggestions match (the pages' `simple` title vector). PostgreSQL uses an expression
index only for the very same expression, so these tests take the SQL a search page and a
suggestion really send, take their match out of it and ask the planner, with sequential
scans priced out (a test database is too small for it to prefer an index on its own),
whether the index serves that match. If Wagtail writes the match differently one day, they fail instead of the
search quietly reading every row again.
"""

import importlib

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from search.models import SynonymGroup
from tests.search.conftest import postgres_only

INDEXES = importlib.import_module("search.migrations.0004_postgres_full_text_indexes").INDEXES

pytestmark = [pytest.mark.django_db, postgres_only]


def statements(client, path, params):
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(path, params)
    assert response.status_code == 200
    return [query["sql"] for query in context.captured_queries if "@@" in query["sql"]]


def match(sql, vector):
    """`vector @@ (<tsquery>)` as it stands in `sql`, its parentheses balanced."""
    start = sql.index(f"{vector} @@ (")
    depth = 0
    for end in range(start + len(vector) + 4, len(sql)):
        depth += {"(": 1, ")": -1}.get(sql[end], 0)
        if depth == 0:
            return sql[start : end + 1]
    raise AssertionError(f"unbalanced: {sql[start:]}")


def plan(table, condition):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f'EXPLAIN SELECT 1 FROM "{table}" WHERE {condition}')
        return "\n".join(row[0] for row in cursor.fetchall())


TITLE_BODY = (
    'search_title_body("wagtailsearch_indexentry"."title", "wagtailsearch_indexentry"."body")'
)
TITLE_VECTOR = (
    "setweight(to_tsvector('simple'::regconfig, COALESCE(\"wagtailcore_page\".\"title\", '')), 'D')"
)


def test_the_indexes_exist():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE indexname = ANY(%s)", [list(INDEXES)]
        )
        assert {row[0] for row in cursor.fetchall()} == set(INDEXES)


def test_a_first_search_matches_through_the_index(employee_client, section):
    (sql,) = statements(employee_client, "/sok/", {"q": "gevinstkart"})
    assert '"title" || "wagtailsearch_indexentry"."body"' not in sql  # never row by row
    condition = match(sql, TITLE_BODY)
    assert "search_indexentry_title_body_gin" in plan("wagtailsearch_indexentry", condition)


def test_a_search_with_synonyms_and_a_phrase_matches_through_the_index(employee_client, section):
    SynonymGroup.objects.create(terms="brukerreise, kundereise, customer journey")
    (sql,) = statements(employee_client, "/sok/", {"q": 'brukerreise "tester tidlig"'})
    condition = match(sql, TITLE_BODY)
    assert "customer" in condition and "tester" in condition
    assert "search_indexentry_title_body_gin" in plan("wagtailsearch_indexentry", condition)


def test_suggestions_match_through_the_index(employee_client, section):
    (sql,) = statements(employee_client, "/sok/forslag/", {"q": "bru"})
    assert "search_page_title_simple_gin" in plan("wagtailcore_page", match(sql, TITLE_VECTOR))


def test_the_function_is_the_concatenation(home):
    """What a query means is unchanged: the function returns `title || body` as is,
    positions and weights of both (a phrase across the two still matches)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_title_body(a, b)::text = (a || b)::text,"
            " search_title_body(a, b) @@ phraseto_tsquery('simple', 'tidlig test')"
            " FROM (SELECT setweight(to_tsvector('simple', 'Vi tester tidlig'), 'A') AS a,"
            " to_tsvector('simple', 'test ofte') AS b) AS v"
        )
        assert cursor.fetchone() == (True, True)
