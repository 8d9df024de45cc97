"""Admin: synonym groups as snippets, and the two search reports for editors."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
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
