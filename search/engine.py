"""One search request: the query, the filters, the hits on this page and the facets.

One full-text evaluation per search page (search/onepass.py): a single statement gives
the ids of this page's hits, how many hits there are and the type and phase counts;
then one query per page type on the page's ids and one per relation a type lists in
`search_prefetch`. Nothing here loads every hit or even every id, so the number of
queries is the same for 10 hits and for 10 000 (tests/search/test_logging_and_scale.py).
"""

import datetime
import hashlib
from functools import cache, cached_property
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from modelsearch.query import Fuzzy
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from caching import generation
from caching.keys import remember
from caching.privacy import audience_key, visible
from core.listing import page_links

from . import log, onepass, services, types
from .backends import Prefix, is_sqlite_backend
from .forms import SearchForm
from .highlight import Highlighter, page_text
from .query import Synonyms, build
from .stemming import words
from .visibility import visible_pages

PER_PAGE = 15
PAGE_KEY = "side"
POPULAR_DAYS = 30
POPULAR_MIN_SEARCHES = 3
POPULAR_COUNT = 8


@cache
def has_trigram():
    """Whether PostgreSQL has pg_trgm (search/migrations/0002), checked once per process."""
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        return cursor.fetchone() is not None


def phase_model():
    from methods.models import MethodPage, Phase

    return MethodPage, Phase


def current_first(pages):
    """Current dated pages before past ones, in the places the dated pages hold.

    A page type with `search_is_current()` (events, funding calls) is dated: among the
    dated pages, upcoming events and open calls move before past ones, each group in
    its order of relevance; every other page keeps its place. Loaded fields only, no
    query. Applies to one page of results (the backends rank by relevance alone).
    """
    slots = [n for n, page in enumerate(pages) if hasattr(page, "search_is_current")]
    dated = sorted((pages[n] for n in slots), key=lambda page: not page.search_is_current())
    for slot, page in zip(slots, dated, strict=True):
        pages[slot] = page
    return pages


class Result:
    """One hit as the template shows it."""

    def __init__(self, page, request, highlighter):
        self.page = page
        self.url = page.get_url(request)
        slug = types.type_of(type(page))
        self.type = slug
        self.type_label = types.label_of(slug, type(page))
        self.title = highlighter.mark(page.title)
        summary = str(getattr(page, "summary", "") or page.search_description or "")
        self.summary = highlighter.mark(summary)
        self.is_passage = False
        if highlighter and not highlighter.has_match(summary):
            passage = highlighter.passage(page_text(page, summary))
            if passage:
                self.summary, self.is_passage = passage, True
        badges = getattr(page, "search_badges", None)
        self.badges = list(badges()) if callable(badges) else []


class ServiceResult:
    """A task the user can do here («Book rom på Fabrikken»), shown before every page."""

    type = services.SERVICE_TYPE
    is_passage = False
    badges = ()

    def __init__(self, found, highlighter):
        self.page = found.page
        self.url = found.url
        self.type_label = types.TYPE_LABELS[services.SERVICE_TYPE]
        self.title = highlighter.mark(str(found.service.title))
        self.summary = highlighter.mark(str(found.service.summary))


class Promotion:
    """An editor's pick («Anbefalt») for this search term."""

    def __init__(self, pick, page, request, highlighter):
        self.page = page
        if page is not None:
            self.url = self.page.get_url(request)
            self.title = highlighter.mark(self.page.title)
            self.type_label = types.label_of(types.type_of(type(self.page)), type(self.page))
            summary = pick.description or str(getattr(self.page, "summary", "") or "")
        else:
            self.url = pick.external_link_url
            self.title = highlighter.mark(pick.external_link_text or pick.external_link_url)
            self.type_label = _("Other website")
            summary = pick.description
        self.summary = highlighter.mark(summary)


class SiteSearch:
    """Everything /sok/ shows, computed once per request."""

    def __init__(self, request):
        self.request = request
        self.base_url = reverse("search")
        self.form = SearchForm(request.GET)
        self.query = self.form.query
        self.error = self.form.error
        self.notices = list(self.form.notices) if not self.error else []
        self.type_labels = types.labels()
        self.selected_type, self.selected_phases = self._read_filters()

    # --- Filters ----------------------------------------------------------------------

    @cached_property
    def phases(self):
        if "metode" not in self.type_labels:
            return []
        _method, phase = phase_model()
        return remember(lambda: list(phase.objects.all()), "phases", on=[])

    def _read_filters(self):
        get = self.request.GET
        ignored = []
        chosen_type = ""
        for value in get.getlist("type"):
            value = value.strip()
            if value in self.type_labels and not chosen_type:
                chosen_type = value
            elif value and value != chosen_type:
                ignored.append(value)
        known = {phase.slug for phase in self.phases} if get.getlist("fase") else set()
        chosen_phases = []
        for value in get.getlist("fase"):
            value = value.strip()
            if value in known and value not in chosen_phases:
                chosen_phases.append(value)
            elif value:
                ignored.append(value)
        if chosen_phases and chosen_type not in ("", "metode"):
            ignored += chosen_phases
            chosen_phases = []
        elif chosen_phases:
            chosen_type = "metode"  # phases belong to methods
        if ignored:
            values = "», «".join(dict.fromkeys(value[:40] for value in ignored))
            self.notices.append(
                ngettext(
                    "We don't know the filter «%(values)s», so it isn't used.",
                    "We don't know the filters «%(values)s», so they aren't used.",
                    len(ignored),
                )
                % {"values": values}
            )
        return chosen_type, chosen_phases

    @property
    def shows_filters(self):
        """The filter panel: not beside «Ingen treff» unless a filter caused it."""
        return bool(self.hits or self.is_filtered)

    @property
    def is_filtered(self):
        return bool(self.selected_type or self.selected_phases)

    @property
    def is_empty(self):
        """No search yet: the page shows popular searches and ways in."""
        return not self.query and not self.error

    # --- Searching --------------------------------------------------------------------

    @cached_property
    def base(self):
        return visible_pages(self.request)

    @cached_property
    def synonyms(self):
        return Synonyms.load()

    @cached_property
    def parsed(self):
        return build(self.query, self.synonyms)

    def _filtered(self, queryset):
        if self.selected_type:
            queryset = queryset.filter(content_type__in=types.content_type_ids(self.selected_type))
        if self.selected_phases:
            method, _phase = phase_model()
            through = method.phases.through.objects.filter(phase__slug__in=self.selected_phases)
            queryset = queryset.filter(id__in=through.values("methodpage_id"))
        return queryset

    @cached_property
    def promotions(self):
        """Editors' picks for this term: page 1, no filters, live pages the user may see."""
        if not self.query or self.is_filtered or self.page_number_requested > 1:
            return []
        picks = list(
            SearchPromotion.objects.filter(
                query__query_string=normalise_query_string(self.query)
            ).order_by("sort_order")
        )
        page_ids = [pick.page_id for pick in picks if pick.page_id]
        # Only pages the user may see, each with its specific type (a query per type).
        pages = {page.pk: page for page in self.base.filter(pk__in=page_ids).specific()}
        # Not self.highlighter: that depends on the search, which depends on the picks.
        highlighter = Highlighter(self.parsed.terms)
        return [
            Promotion(pick, pages.get(pick.page_id), self.request, highlighter)
            for pick in picks
            if pick.page_id in pages or (not pick.page_id and pick.external_link_url)
        ]

    @cached_property
    def matched_services(self):
        """The services for this query the user can use, whatever the filters (the facet)."""
        if not self.query or self.error:
            return []
        return services.resolve(services.match(self.query, self.synonyms), self.request)

    @cached_property
    def counted_services(self):
        """The services among the hits: none once another type or a phase is chosen."""
        if self.selected_phases or self.selected_type not in ("", services.SERVICE_TYPE):
            return []
        return self.matched_services

    @cached_property
    def services(self):
        """The services shown, first on the first page."""
        if self.page_number_requested > 1:
            return []
        highlighter = Highlighter(self.parsed.terms)
        return [ServiceResult(found, highlighter) for found in self.counted_services]

    @cached_property
    def page_number_requested(self):
        try:
            return max(1, int(self.request.GET.get(PAGE_KEY, 1)))
        except (TypeError, ValueError):
            return 1

    @cached_property
    def _found(self):
        """(page of pages, total, is_fallback, page number, pass or None): the hits shown.

        One full-text evaluation (search/onepass.py) gives this page's ids, their number
        and the facet counts; kept per query, filters, picks, page and audience until the
        next content change, so a repeat (the same words from a colleague, the back
        button) evaluates nothing. A query that finds nothing (and has no picks) tries
        the looser fallback query once more, for the hits only: the facets keep counting
        the words as typed.
        """
        if not self.query or self.error:
            return [], 0, False, 1, None
        promoted = tuple(p.page.pk for p in self.promotions if p.page is not None)
        found = self._pass(self.parsed.query, promoted)
        if found is None:  # Elasticsearch, OpenSearch, or nothing to rank (see onepass)
            return self._stock_search(promoted)
        main, number = found
        if main.total or promoted:
            return self._load(main.hits), main.total, False, number, main
        fallback = self._fallback_query()
        if fallback is not None:
            similar = self._pass(fallback, promoted, "similar")
            if similar is not None and similar[0].total:
                return self._load(similar[0].hits), similar[0].total, True, similar[1], main
        return [], 0, False, 1, main

    def _pass(self, query, promoted, name="pass"):
        """(onepass.Found, page number) for `query` with the filters, or None."""
        number = self.page_number_requested
        found = self._pass_for_page(query, promoted, name, number)
        if found is not None and not found.hits and found.total:
            # Past the last page (a hand-made address): the last page, as Django's
            # Paginator.get_page() does. Costs a second pass, for such addresses only.
            number = (found.total - 1) // PER_PAGE + 1
            found = self._pass_for_page(query, promoted, name, number)
        return None if found is None else (found, number)

    def _pass_for_page(self, query, promoted, name, number):
        # Ordered by relevance, so PostgreSQL annotates the rank (not the pk) as the score.
        rows = onepass.relevance_rows(self.base.search(query))
        if rows is None:
            return None
        content_types = None
        if self.selected_type:
            content_types = types.content_type_ids(self.selected_type)
        phase_ids = None
        if self.selected_phases:
            phase_ids = [p.pk for p in self.phases if p.slug in self.selected_phases]

        def compute():
            return onepass.one_pass(
                rows,
                offset=(number - 1) * PER_PAGE,
                limit=PER_PAGE,
                content_types=content_types,
                phase_ids=phase_ids,
                excluded=promoted,
            )

        return self._remembered(name, compute, *self._filter_key, promoted, number)

    def _load(self, hits):
        """The pages of `hits` [(id, content type id)], in their order, each of its own
        type: a query per type (and per relation in its `search_prefetch`). The ids come
        from the gated pass of this generation; the gate is applied once more all the
        same (no query: it filters on paths)."""
        by_type = {}
        for page_id, content_type_id in hits:
            by_type.setdefault(content_type_id, []).append(page_id)
        loaded = {}
        for content_type_id, ids in by_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is None:
                continue
            pages = list(visible(model.objects.live().filter(pk__in=ids), self.request))
            prefetch = getattr(model, "search_prefetch", ())
            if prefetch:
                prefetch_related_objects(pages, *prefetch)
            loaded.update((page.pk, page) for page in pages)
        return [loaded[page_id] for page_id, _type in hits if page_id in loaded]

    def _stock_search(self, promoted):
        """The hits and their number asked of the backend one by one, when one pass
        cannot ask it (Elasticsearch, OpenSearch, a query with nothing to rank)."""
        filtered = self._filtered(self.base)
        if promoted:
            filtered = filtered.exclude(id__in=promoted)
        results = filtered.specific().search(self.parsed.query)
        paginator = Paginator(results, PER_PAGE)
        page = paginator.get_page(self.request.GET.get(PAGE_KEY))
        return list(page.object_list), paginator.count, False, page.number, None

    @property
    def _filter_key(self):
        return (self.selected_type, tuple(self.selected_phases))

    def _remembered(self, name, compute, *parts):
        """`compute()` for this query and `parts` (what else it depends on) for this
        audience, kept until a page changes (any page may be a hit) or an address does."""
        digest = hashlib.sha256(repr((self.query, *parts)).encode()).hexdigest()[:32]
        return remember(
            compute,
            "search",
            name,
            digest,
            audience_key(self.request),
            on=[generation.SEARCH, generation.NAVIGATION],
        )

    def _fallback_query(self):
        text = " ".join(words(self.query))
        if not text:
            return None
        backend = get_search_backend()
        if is_sqlite_backend(backend):
            return Prefix(text, operator="and")
        module = type(backend).__module__
        if "elasticsearch" in module or "opensearch" in module:  # pragma: no cover
            return Fuzzy(text)
        if connection.vendor == "postgresql" and has_trigram():
            return Fuzzy(text)
        return None

    @property
    def is_fallback(self):
        return bool(self.query) and not self.error and self._found[2]

    @cached_property
    def highlighter(self):
        return Highlighter(self.parsed.terms, loose=self.is_fallback)

    @cached_property
    def paginator(self):
        paginator = Paginator((), PER_PAGE)
        paginator.count = self._found[1]  # known from the pass: no COUNT
        return paginator

    @cached_property
    def page_obj(self):
        pages, _total, _is_fallback, number, _pass = self._found
        page = self.paginator.page(number)
        page.object_list = current_first(list(pages))
        return page

    @cached_property
    def results(self):
        if not self.query or self.error:
            return []
        highlighter = self.highlighter
        return [Result(page, self.request, highlighter) for page in self.page_obj.object_list]

    @cached_property
    def hits(self):
        """All hits: the results of every page plus the editors' picks and the services."""
        if not self.query or self.error:
            return 0
        return self.paginator.count + len(self.promotions) + len(self.counted_services)

    def log(self):
        """Count this search for the statistics: a valid query, first page only.

        A search that found a service found what it was for, even with no page beside it.
        """
        if self.query and not self.error and self.page_number_requested == 1:
            found = bool(self.counted_services) or (self.hits > 0 and not self.is_fallback)
            log.record(self.query, found=found)

    # --- Facets -----------------------------------------------------------------------

    @cached_property
    def type_counts(self):
        """{type slug: hits} for the type filter: every hit, whatever the filters."""
        main = self._found[4]
        if main is None:
            return self._remembered("types", self._stock_type_counts)
        counts = {}
        for content_type_id, count in main.by_content_type.items():
            slug = types.type_for_content_type(content_type_id)
            counts[slug] = counts.get(slug, 0) + count
        counts[services.SERVICE_TYPE] = len(self.matched_services)
        return counts

    def _stock_type_counts(self):
        results = self.base.search(self.parsed.query, order_by_relevance=False)
        counts = {}
        for content_type_id, count in results.facet("content_type_id").items():
            slug = types.type_for_content_type(content_type_id)
            counts[slug] = counts.get(slug, 0) + count
        counts[services.SERVICE_TYPE] = len(self.matched_services)
        return counts

    @cached_property
    def phase_counts(self):
        """{phase slug: methods} for this query, or None when the backend can't tell."""
        main = self._found[4]
        if main is None:  # the stock path: no counts
            return None
        slugs = {phase.pk: phase.slug for phase in self.phases}
        return {slugs[pk]: n for pk, n in main.by_phase.items() if pk in slugs}

    @cached_property
    def type_options(self):
        counts = self.type_counts if self.query and not self.error else {}
        options = [
            {"value": "", "label": _("All"), "count": None, "checked": not self.selected_type}
        ]
        for slug, label in self.type_labels.items():
            count = counts.get(slug, 0)
            if not count and slug != self.selected_type and counts:
                continue  # no dead ends: a type without hits is no choice (a chosen one stays)
            options.append(
                {
                    "value": slug,
                    "label": label,
                    "count": count,
                    "checked": slug == self.selected_type,
                }
            )
        for position, option in enumerate(options):
            option["id"] = f"type-{position}"
        return options

    @cached_property
    def phase_options(self):
        if not self.phases or self.selected_type not in ("", "metode"):
            return []
        counts = self.phase_counts if self.query and not self.error else None
        return [
            {
                "value": phase.slug,
                "label": phase.name,
                "count": counts.get(phase.slug, 0) if counts is not None else None,
                "checked": phase.slug in self.selected_phases,
                "id": f"fase-{position}",
            }
            for position, phase in enumerate(self.phases)
            # No dead ends: a phase no hit has is left out, unless it is chosen.
            if counts is None or counts.get(phase.slug) or phase.slug in self.selected_phases
        ]

    @cached_property
    def active_filters(self):
        active = []
        if self.selected_type and not self.selected_phases:
            active.append(
                {
                    "label": self.type_labels[self.selected_type],
                    "url": self.url(without=("type", self.selected_type)),
                }
            )
        names = {phase.slug: phase.name for phase in self.phases}
        for slug in self.selected_phases:
            active.append({"label": names[slug], "url": self.url(without=("fase", slug))})
        return active

    # --- Addresses --------------------------------------------------------------------

    def params(self, without=None):
        params = [("q", self.query)] if self.query else []
        if self.selected_type and not (without and without[0] == "type"):
            params.append(("type", self.selected_type))
        for slug in self.selected_phases:
            if without != ("fase", slug):
                params.append(("fase", slug))
        return params

    def url(self, page=None, without=None):
        params = self.params(without)
        if page and page > 1:
            params.append((PAGE_KEY, page))
        return f"{self.base_url}?{urlencode(params)}" if params else self.base_url

    @property
    def unfiltered_url(self):
        return self.url(without=("type", self.selected_type)) if self.query else self.base_url

    @cached_property
    def pages(self):
        return page_links(self.page_obj, self.url)

    @property
    def previous_url(self):
        page = self.page_obj
        return self.url(page.previous_page_number()) if page.has_previous() else ""

    @property
    def next_url(self):
        page = self.page_obj
        return self.url(page.next_page_number()) if page.has_next() else ""

    # --- Text -------------------------------------------------------------------------

    @cached_property
    def count_text(self):
        """«12 treff for «brukerreise»» or «Ingen treff for «xyz»»."""
        if not self.hits:
            return _("No hits for «%(query)s»") % {"query": self.query}
        return ngettext(
            "%(count)s hit for «%(query)s»", "%(count)s hits for «%(query)s»", self.hits
        ) % {"count": self.hits, "query": self.query}

    @cached_property
    def range_text(self):
        """«Viser 16–30 av 57» when there is more than one page."""
        if self.paginator.num_pages < 2:
            return ""
        return _("Showing %(start)s–%(end)s of %(total)s") % {
            "start": self.page_obj.start_index(),
            "end": self.page_obj.end_index(),
            "total": self.paginator.count,
        }

    # --- Ways in ----------------------------------------------------------------------

    @cached_property
    def popular(self):
        return popular_searches()

    @cached_property
    def statistics_note(self):
        """The editors' word on the numbers behind «Populære søk» (SearchSettings)."""
        from .models import SearchSettings

        return SearchSettings.for_request(self.request).statistics_note

    @cached_property
    def entry_points(self):
        """The section's top-level pages in the menu, for the empty search page."""
        site_root = self.base.filter(depth=2).first()
        if site_root is None:
            return []
        children = self.base.child_of(site_root).order_by("path")
        in_menu = children.in_menu()
        return list((in_menu if in_menu.exists() else children).specific()[:8])

    @cached_property
    def methods_url(self):
        """The methods listing's address, or "" when there is none."""
        from methods.models import MethodIndexPage

        listing = self.base.type(MethodIndexPage).first()
        return listing.get_url(self.request) if listing else ""

    @cached_property
    def phase_links(self):
        if not self.methods_url:
            return []
        return [
            {
                "label": phase.label_html,
                "number": phase.number,
                "url": f"{self.methods_url}?{urlencode({'fase': phase.slug})}",
            }
            for phase in self.phases
        ]


def popular_searches(days=POPULAR_DAYS, limit=POPULAR_COUNT):
    """The most searched terms lately that found something, seen at least a few times."""
    since = timezone.localdate() - datetime.timedelta(days=days)
    return list(
        Query.get_most_popular(date_since=since)
        .exclude(daily_zero_hits__date__gte=since)
        .filter(_hits__gte=getattr(settings, "SEARCH_POPULAR_MIN_SEARCHES", POPULAR_MIN_SEARCHES))
        .values_list("query_string", flat=True)[:limit]
    )
