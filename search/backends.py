"""The search backend: Wagtail's database backend, with Norwegian stemming on SQLite.

`WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "search.backends"` picks this module.
On PostgreSQL (and MySQL) it returns Wagtail's own database backend unchanged: there
the `norwegian` text-search configuration stems and drops stop words. SQLite's FTS5
has no stemming at all, so there it returns `NorwegianSQLiteSearchBackend`
(search/sqlite_backend.py), which indexes each page's stems beside its words and
searches a term's stem beside the term.

To move to Elasticsearch or OpenSearch, point BACKEND at Wagtail's module for it
instead (README: «Search at scale»); nothing else in the search app depends on the
database backends except the optional phase counts.
"""

from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.query import PlainText


class Prefix(PlainText):
    """Every term also matches the words it begins: «innovasjon» finds «innovasjonsarbeid».

    Understood by the SQLite backend only; the search view uses it as a fallback when a
    query finds nothing (on PostgreSQL it uses trigram similarity instead).
    """


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    backend = database_backend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        # Imported only here: the SQLite module needs the SQLite FTS models.
        from .sqlite_backend import NorwegianSQLiteSearchBackend

        return NorwegianSQLiteSearchBackend(params)
    return backend


def is_sqlite_backend(backend):
    return getattr(backend, "stems_norwegian", False)
