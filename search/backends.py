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
    from modelsearch.backends.database.postgres.postgres import (
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from modelsearch.backends.database.postgres.weights import WEIGHTS_VALUES, get_weight

    class NorwegianPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.sql_weights = compound_weights(WEIGHTS_VALUES, get_weight(COMPOUND_PARTS_BOOST))

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
