"""Admin: synonym groups as snippets, and the two search reports for editors."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import PERMISSION, PopularSearchesReport, ZeroHitSearchesReport
from .models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    menu_label = _("Synonyms")
    list_display = ["__str__"]
    search_fields = ["terms"]
    ordering = ["terms"]


register_snippet(SynonymGroupViewSet)


@hooks.register("register_admin_urls")
def search_report_urls():
    return [
        path("sok/populaere/", PopularSearchesReport.as_view(), name="search_popular_report"),
        path(
            "sok/populaere/resultater/",
            PopularSearchesReport.as_view(results_only=True),
            name="search_popular_report_results",
        ),
        path("sok/uten-treff/", ZeroHitSearchesReport.as_view(), name="search_zero_hits_report"),
        path(
            "sok/uten-treff/resultater/",
            ZeroHitSearchesReport.as_view(results_only=True),
            name="search_zero_hits_report_results",
        ),
    ]


@hooks.register("register_admin_urls", order=-1)
def replace_wagtails_search_terms_report():
    """Wagtail's «Search terms» report counts the same searches as «Populære søk» (both
    read QueryDailyHits): one report is kept, and the other's address leads to it.
    order=-1 puts this pattern before search_promotions' own."""
    return [
        path(
            "searchpicks/reports/search-terms/",
            RedirectView.as_view(pattern_name="search_popular_report"),
        )
    ]


@hooks.register("construct_reports_menu")
def hide_wagtails_search_terms_report(request, menu_items):
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]


class InsightMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def popular_searches_menu_item():
    return InsightMenuItem(
        _("Popular searches"),
        reverse("search_popular_report"),
        name="popular-searches",
        icon_name="search",
        order=1310,
    )


@hooks.register("register_reports_menu_item")
def zero_hit_searches_menu_item():
    return InsightMenuItem(
        _("Searches without hits"),
        reverse("search_zero_hits_report"),
        name="searches-without-hits",
        icon_name="search",
        order=1320,
    )


@hooks.register("register_permissions")
def search_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="search", codename="view_search_insight"
    )
