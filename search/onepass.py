"""One full-text evaluation per search page: the page of hits, their number and the facets.

A search page needs four answers from the same full-text query: the ids of the hits on
this page (ranked, with the filters, less the editors' picks), how many such hits there
are, the hits per page type (every hit: the type filter's counts) and the methods per
phase among them (the phase filter's counts). Asked one by one, each evaluated the
query again (35–90 ms each on PostgreSQL at 10 000 pages). Here they are one statement:

    WITH hits AS MATERIALIZED (<every visible page that matches: id, type, relevance>),
         shown AS MATERIALIZED (<the hits the filters keep, less the picks>)
    SELECT <this page's rows of shown, best first>
    UNION ALL SELECT <count of shown>
    UNION ALL SELECT <hits per content type>
    UNION ALL SELECT <hits per phase, through the methods' phases>

The full-text query runs once, inside `hits` (MATERIALIZED: computed once and then read
by every part, on PostgreSQL ≥ 12 and SQLite ≥ 3.35); only the page's ids and a few counts
leave the database, however many pages match, and every number stays exact. The
candidate pages are the caller's queryset (the privacy gate, `visibility.visible_pages`),
so a restricted page is neither shown nor counted.

`relevance_rows()` is the only part that knows the backends: PostgreSQL's stock
compiler, and search/sqlite_backend.py's `ranked_rows()` on SQLite. Other backends
(Elasticsearch, OpenSearch), and queries with nothing to rank (a lone quote mark parses
to «match all»), get None and the engine asks the stock way.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import F

RELEVANCE = "hit_relevance"  # higher is better on every backend


@dataclass
class Found:
    """What one pass found (the ids only: the pages are loaded for the page shown)."""

    hits: list = field(default_factory=list)  # [(page id, content type id)], best first
    total: int = 0  # the hits the filters keep, less the picks
    by_content_type: dict = field(default_factory=dict)  # {content type id: hits}, no filter
    by_phase: dict = field(default_factory=dict)  # {phase id: methods among the hits}


def relevance_rows(results):
    """A queryset of (hit_id, hit_type, hit_relevance) for every hit of a lazy
    SearchResults, unordered, or None when its backend cannot say."""
    compiler = results.query_compiler
    config = compiler.get_config(results.backend)
    ranked_rows = getattr(compiler, "ranked_rows", None)
    if ranked_rows is not None:  # SQLite (search/sqlite_backend.py)
        return ranked_rows(config)
    from modelsearch.backends.database.postgres.postgres import PostgresSearchQueryCompiler

    if isinstance(compiler, PostgresSearchQueryCompiler):
        # The stock search (tsquery or trigram fallback), with its rank as a column.
        queryset = compiler.search(
            config, None, None, score_field=RELEVANCE, backend=results.backend
        )
        if RELEVANCE not in queryset.query.annotations:
            return None  # match-all or its negation: the stock path decides what that means
        return (
            queryset.order_by()
            .annotate(hit_id=F("pk"), hit_type=F("content_type_id"))
            .values_list("hit_id", "hit_type", RELEVANCE)
        )
    return None


def one_pass(rows, offset, limit, content_types=None, phase_ids=None, excluded=()):
    """Run the one statement over `rows` (from `relevance_rows`).

    content_types: the type filter's content type ids (None: every type); phase_ids: the
    phase filter (None: none; methods with any of them); excluded: page ids left out of
    the hits and their number (the editors' picks shown above them), not of the facets.
    """
    from methods.models import MethodPage

    through = MethodPage.phases.through._meta
    quote = connection.ops.quote_name
    inner, params = rows.query.sql_with_params()
    params = list(params)

    conditions = []
    if content_types is not None:
        conditions.append(_in("hits.hit_type", content_types, params))
    if phase_ids is not None:
        with_phase = _in(quote(through.get_field("phase").column), phase_ids, params)
        conditions.append(
            f"hits.hit_id IN (SELECT {quote(through.get_field('methodpage').column)} "
            f"FROM {quote(through.db_table)} WHERE {with_phase})"
        )
    if excluded:
        conditions.append("NOT " + _in("hits.hit_id", excluded, params))
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    params += [limit, offset]

    sql = f"""
        WITH hits AS MATERIALIZED ({inner}),
        shown AS MATERIALIZED (SELECT hit_id, hit_type, {RELEVANCE} FROM hits {where})
        SELECT 'hit', hit_id, hit_type, {RELEVANCE} FROM (
            SELECT hit_id, hit_type, {RELEVANCE} FROM shown
            ORDER BY {RELEVANCE} DESC, hit_id DESC LIMIT %s OFFSET %s
        ) AS page
        UNION ALL SELECT 'total', NULL, COUNT(*), NULL FROM shown
        UNION ALL SELECT 'type', hit_type, COUNT(*), NULL FROM hits GROUP BY hit_type
        UNION ALL SELECT 'phase', phases.{quote(through.get_field("phase").column)}, COUNT(*), NULL
            FROM hits JOIN {quote(through.db_table)} AS phases
            ON phases.{quote(through.get_field("methodpage").column)} = hits.hit_id
            GROUP BY phases.{quote(through.get_field("phase").column)}
    """
    found = Found()
    ranked = []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for kind, key, value, relevance in cursor.fetchall():
            if kind == "hit":
                ranked.append((relevance, key, value))
            elif kind == "total":
                found.total = value
            elif kind == "type":
                found.by_content_type[key] = value
            else:
                found.by_phase[key] = value
    # UNION ALL keeps no order: the page's rows are put back in the order of the ranking.
    ranked.sort(key=lambda row: (row[0], row[1]), reverse=True)
    found.hits = [(int(page_id), content_type) for _relevance, page_id, content_type in ranked]
    return found


def _in(column, values, params):
    values = list(values)
    if not values:
        return "1 = 0"
    params += values
    return f"{column} IN ({', '.join(['%s'] * len(values))})"
