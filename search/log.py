"""Counting searches without making searches wait for each other.

Every search on page 1 is counted (Wagtail's Query/QueryDailyHits, plus our
QueryDailyZeroHits when it found nothing). A write per search would make concurrent
searches queue behind each other's write locks on SQLite, so searches are counted in
memory and written in one short transaction per process at most every
`SEARCH_LOG_FLUSH_SECONDS` (default 10), after the response has been sent
(`request_finished`). A failed write keeps the counts for the next try. Counts still in
memory when a process stops are lost (at most a few seconds' worth); statistics can
live with that, and writing at exit could hit another database (tests, the benchmark).
"""

import logging
import threading
import time
from collections import Counter

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_pending = Counter()  # (query string, date, found anything) -> searches
_last_flush = time.monotonic()


def flush_interval():
    return getattr(settings, "SEARCH_LOG_FLUSH_SECONDS", 10)


def record(query_string, found):
    """Count one search for `query_string`; `found` says whether it had any hit."""
    normalised = normalise_query_string(query_string)
    if not normalised:
        return
    with _lock:
        _pending[(normalised, timezone.localdate(), bool(found))] += 1


def pending():
    with _lock:
        return dict(_pending)


def flush_if_due(**kwargs):
    if _pending and time.monotonic() - _last_flush >= flush_interval():
        flush()


def flush():
    """Write the counts gathered so far in one transaction."""
    global _last_flush
    with _lock:
        batch = dict(_pending)
        _pending.clear()
        _last_flush = time.monotonic()
    if not batch:
        return
    from .models import QueryDailyZeroHits

    try:
        with transaction.atomic():
            queries = {}
            for (query_string, date, found), count in sorted(batch.items()):
                query = queries.get(query_string)
                if query is None:
                    query = queries[query_string] = Query.get(query_string)
                _add(QueryDailyHits, query, date, count)
                if not found:
                    _add(QueryDailyZeroHits, query, date, count)
    except DatabaseError:
        logger.warning("Could not save search statistics; trying again later", exc_info=True)
        with _lock:
            _pending.update(batch)


def _add(model, query, date, count):
    updated = model.objects.filter(query=query, date=date).update(hits=F("hits") + count)
    if not updated:
        model.objects.create(query=query, date=date, hits=count)


def discard():
    """Forget the counts not yet written (tests)."""
    with _lock:
        _pending.clear()
