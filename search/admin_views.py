"""Insight for editors: what employees search for, and what they search for and don't find.

Wagtail's own «Search terms» report is for administrators only and has no zero-hit
view, so these two reports are for everyone with the permission
«search.view_search_insight» (editors and moderators, core/publishing/roles.py). Both cover the
last REPORT_DAYS days and export to CSV/Excel. A search term links to the search page,
so editors see what employees saw.
"""

import datetime
from urllib.parse import urlencode

from django.db.models import IntegerField, Max, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from core import formats

from .models import QueryDailyZeroHits, SearchSettings

REPORT_DAYS = 30
PERMISSION = "search.view_search_insight"


def since():
    """The first day of the report: today and the 29 days before it."""
    return timezone.localdate() - datetime.timedelta(days=REPORT_DAYS - 1)


def _daily_sum(model):
    rows = (
        model.objects.filter(query=OuterRef("pk"), date__gte=since())
        .values("query")
        .annotate(total=Sum("hits"))
        .values("total")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def search_page_url(query):
    return f"{reverse('search')}?{urlencode({'q': query.query_string})}"


class DayColumn(Column):
    """A day shown as a day: «I dag», «I går» or «12. mars 2026».

    The counts are kept per day (search/log.py), so the last search is a date.
    Wagtail's DateColumn tells how long ago a moment was, and given a date it
    counts from midnight: a search made minutes ago read «13 timer siden».
    """

    def get_value(self, instance):
        day = super().get_value(instance)
        if day is None:
            return None
        today = timezone.localdate()
        if day == today:
            return _("Today")
        if day == today - datetime.timedelta(days=1):
            return _("Yesterday")
        return formats.format_date(day)


class SearchInsightReport(ReportView):
    header_icon = "search"
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return SearchSettings.for_request(self.request).statistics_note

    def get_base_queryset(self):
        return Query.objects.annotate(
            searches=_daily_sum(QueryDailyHits), without_hits=_daily_sum(QueryDailyZeroHits)
        )


class PopularSearchesReport(SearchInsightReport):
    page_title = _("Popular searches")
    index_url_name = "search_popular_report"
    index_results_url_name = "search_popular_report_results"
    default_ordering = "-searches"
    columns = [
        TitleColumn(
            "query_string",
            label=_("Search term"),
            sort_key="query_string",
            get_url=search_page_url,
        ),
        NumberColumn("searches", label=_("Searches, last 30 days"), sort_key="searches"),
        NumberColumn("without_hits", label=_("Of these without hits"), sort_key="without_hits"),
    ]
    list_export = ["query_string", "searches", "without_hits"]
    export_headings = {
        "query_string": _("Search term"),
        "searches": _("Searches, last 30 days"),
        "without_hits": _("Of these without hits"),
    }

    def get_base_queryset(self):
        return super().get_base_queryset().filter(searches__gt=0)


class ZeroHitSearchesReport(SearchInsightReport):
    page_title = _("Searches without hits")
    index_url_name = "search_zero_hits_report"
    index_results_url_name = "search_zero_hits_report_results"
    default_ordering = "-without_hits"
    columns = [
        TitleColumn(
            "query_string",
            label=_("Search term"),
            sort_key="query_string",
            get_url=search_page_url,
        ),
        NumberColumn(
            "without_hits", label=_("Searches without hits, last 30 days"), sort_key="without_hits"
        ),
        DayColumn("last_without_hits", label=_("Last time"), sort_key="last_without_hits"),
    ]
    list_export = ["query_string", "without_hits", "last_without_hits"]
    export_headings = {
        "query_string": _("Search term"),
        "without_hits": _("Searches without hits, last 30 days"),
        "last_without_hits": _("Last time"),
    }

    def get_base_queryset(self):
        last = (
            QueryDailyZeroHits.objects.filter(query=OuterRef("pk"))
            .values("query")
            .annotate(last=Max("date"))
            .values("last")
        )
        return (
            super()
            .get_base_queryset()
            .filter(without_hits__gt=0)
            .annotate(last_without_hits=Subquery(last))
        )
