"""Admin for funding: the case handling (/admin/soknader/) and, from a call, straight to
its applications.

Only case handlers (`funding.handle_application`: «Saksbehandlere», moderators,
administrators) see the menu item and the buttons; the views refuse everyone else.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from funding.case_handling import urls as case_urls
from funding.case_handling.access import is_case_handler
from funding.models import FundingCallPage
from funding.my_items import ApplicationsProvider
from funding.services import SERVICES


@hooks.register("register_admin_urls")
def case_handling_urls():
    return [path("soknader/", include(case_urls))]


class CaseHandlersMenuItem(MenuItem):
    def is_shown(self, request):
        return is_case_handler(request.user)


@hooks.register("register_admin_menu_item")
def applications_menu_item():
    return CaseHandlersMenuItem(
        _("Applications"),
        reverse("funding_cases:calls"),
        name="applications",
        icon_name="form",
        order=250,
    )


class ApplicationsMenuItem(PageMenuItem):
    """«Søknader» on a funding call, leading to the call's applications in case handling."""

    label = _("Applications")
    icon_name = "form"
    url_name = "funding_cases:list"

    def is_shown(self, user):
        return is_case_handler(user)


def _is_call(page):
    return page.specific_class is FundingCallPage


@hooks.register("register_page_listing_more_buttons")
def applications_in_page_listing(page, user, next_url=None):
    if _is_call(page):
        yield ApplicationsMenuItem(page=page, priority=5)


@hooks.register("register_page_header_buttons")
def applications_in_page_header(page, user, view_name, next_url=None):
    if _is_call(page):
        yield ApplicationsMenuItem(page=page, priority=12)


@hooks.register("register_search_services")
def search_services():
    """Applying and «Mine søknader», for search (search/services.py)."""
    return SERVICES


@hooks.register("register_my_items")
def my_applications():
    """The employee's applications in «Mine saker» (core/my_items.py)."""
    return ApplicationsProvider()
