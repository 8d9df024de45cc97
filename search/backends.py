"""The search backend: Wagtail's database backend, with Norwegian stemming on SQLite.

`WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "search.backends"` picks this module.
On PostgreSQL it returns Wagtail's own database backend with one weight changed (for
compound words, below): there the `norwegian` text-search configuration stems and drops
stop words. MySQL gets Wagtail's backend unchanged. SQLite's FTS5
has no stemming at all, so there it returns `NorwegianSQLiteSearchBackend`
(search/sqlite_backend.py), which indexes each page's stems beside its words and
searches a term's stem beside the term.

Compound words: every page indexes the parts of its compounds in a search field of its
own (core/compounds.py), which both backends weigh below the page's own words. On
PostgreSQL that field's boost gives it weight class C (`ts_rank` has four: A–D, from the
boosts); Wagtail would weigh C above the unboosted text (D), so
`NorwegianPostgresSearchBackend` gives it a fraction of D's weight instead.

The full-text match on PostgreSQL: Wagtail matches `(title || body) @@ query`, which
builds the two vectors' concatenation for every candidate row; ours sends
`search_title_body(title, body) @@ query`, the same concatenation through a function
with a GIN index on it (search/migrations/0004), so the index answers the match and
only the ranking reads rows. What a query means is unchanged.

To move to Elasticsearch or OpenSearch, point BACKEND at Wagtail's module for it
instead (README: «Search at scale»); nothing else in the search app depends on the
database backends except the optional phase counts.
"""

from functools import cache

from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.query import PlainText

from core.compounds import COMPOUND_PARTS_BOOST

# A compound part counts this much of an ordinary word of the body on PostgreSQL.
PART_SHARE = 0.25
WEIGHT_CLASSES = "DCBA"  # the order of ts_rank's weights array
# PostgreSQL: `title || body` of the search index, indexed (search/migrations/0004).
TITLE_BODY_FUNCTION = "search_title_body"


class Prefix(PlainText):
    """Every term also matches the words it begins: «innovasjon» finds «innovasjonsarbeid».

    Understood by the SQLite backend only; the search view uses it as a fallback when a
    query finds nothing (on PostgreSQL it uses trigram similarity instead).
    """


def compound_weights(values, part_class):
    """ts_rank's weights {D,C,B,A} with the compound parts' class below D.

    `values` are Wagtail's weights in that order, `part_class` the class the parts'
    boost falls in. If that is D (other boosts crowd it out), nothing changes: the
    parts then weigh as much as unboosted text.
    """
    values = list(values)
    if part_class != "D":
        values[WEIGHT_CLASSES.index(part_class)] = values[0] * PART_SHARE
    return "{" + ",".join(map(str, values)) + "}"


@cache
def _postgres_backend_class():
    """Defined on first use: the module needs PostgreSQL's parts of Django."""
    from django.contrib.postgres.search import SearchVectorField
    from django.db.models import Func
    from modelsearch.backends.database.postgres.postgres import (
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from modelsearch.backends.database.postgres.weights import WEIGHTS_VALUES, get_weight
    from modelsearch.query import Fuzzy, MatchAll, Not

    class TitleBody(Func):
        """`title || body`, through the indexed function (search/migrations/0004)."""

        function = TITLE_BODY_FUNCTION
        output_field = SearchVectorField()

    class NorwegianPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.sql_weights = compound_weights(WEIGHTS_VALUES, get_weight(COMPOUND_PARTS_BOOST))

        def search(self, config, start, stop, score_field=None, backend=None):
            """Wagtail's search (modelsearch's `search()`: the same tsquery, match and
            rank), with the index entry's title and body concatenated by TitleBody."""
            query = self.query
            if (
                self.fields is not None
                or isinstance(query, MatchAll | Fuzzy)
                or (isinstance(query, Not) and isinstance(query.subquery, MatchAll))
            ):
                return super().search(config, start, stop, score_field, backend)
            search_query = self.build_tsquery(query, config=config)
            vectors = self.get_search_vectors(search_query)
            rank_expression = self._build_rank_expression(vectors, config)
            (title, _norm), (body, _boost) = vectors
            queryset = self.queryset.annotate(_vector_=TitleBody(title, body)).filter(
                _vector_=search_query
            )
            return self._apply_ordering_and_scoring(
                queryset, rank_expression, start, stop, score_field
            )

    class NorwegianPostgresSearchBackend(PostgresSearchBackend):
        query_compiler_class = NorwegianPostgresSearchQueryCompiler

    return NorwegianPostgresSearchBackend


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    backend = database_backend(params)
    name = type(backend).__name__
    if name == "SQLiteSearchBackend":
        # Imported only here: the SQLite module needs the SQLite FTS models.
        from .sqlite_backend import NorwegianSQLiteSearchBackend

        return NorwegianSQLiteSearchBackend(params)
    if name == "PostgresSearchBackend":
        return _postgres_backend_class()(params)
    return backend


def is_sqlite_backend(backend):
    return getattr(backend, "stems_norwegian", False)
