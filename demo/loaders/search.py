"""Demo content for search: synonym groups, two promoted results and a month of searches.

Idempotent: synonym groups and promotions are looked up before they are created, and
the demo search statistics are added only while no search has been counted in the last
30 days (so a second run, or a live site's real statistics, are left alone). The
statistics are invented: they make «Populære søk» and the editors' reports show
something on a fresh demo site, and a note (SearchSettings) says so wherever they show.
"""

import datetime

from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page, Site

from demo import content
from search.models import QueryDailyZeroHits, SearchSettings, SynonymGroup

CONTENT = content.read("search")
SYNONYMS = CONTENT["synonyms"]
# Search term → the page (by url path below the site root) editors recommend for it.
PROMOTIONS = [(p["term"], p["path"], p["description"]) for p in CONTENT["promotions"]]
# (term, searches over the last days, of them without hits) — invented demo numbers.
SEARCHES = [(s["term"], s["searches"], s["without_hits"]) for s in CONTENT["searches"]]


def load():
    for terms in SYNONYMS:
        SynonymGroup.objects.get_or_create(terms=terms)
    _promotions()
    _searches()
    _statistics_note()


def _statistics_note():
    """The invented searches are marked as demo, like the rest of the demo content."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    settings = SearchSettings.for_site(site)
    if not settings.statistics_note:
        settings.statistics_note = CONTENT["statistics_note"]
        settings.save()


def _promotions():
    site_root = Page.objects.filter(depth=2).first()
    if site_root is None:
        return
    for term, path, description in PROMOTIONS:
        page = Page.objects.filter(url_path=site_root.url_path + path.lstrip("/")).first()
        if page is None:
            continue
        query = Query.get(term)
        SearchPromotion.objects.get_or_create(
            query=query, page=page, defaults={"description": description, "sort_order": 0}
        )


def _searches():
    today = timezone.localdate()
    if QueryDailyHits.objects.filter(date__gt=today - datetime.timedelta(days=30)).exists():
        return
    for position, (term, searches, without_hits) in enumerate(SEARCHES):
        query = Query.get(term)
        # Spread over a few recent days so the reports show dates.
        day = today - datetime.timedelta(days=position % 4)
        QueryDailyHits.objects.create(query=query, date=day, hits=searches)
        if without_hits:
            QueryDailyZeroHits.objects.create(query=query, date=day, hits=without_hits)
