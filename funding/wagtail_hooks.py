"""Admin shortcuts for funding: from a call straight to its applications.

Who may read applications is decided once for every form page (see
core/wagtail_hooks.py: moderators and administrators); these buttons only
appear for those people, through Wagtail's own `get_forms_for_user`.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.contrib.forms.utils import get_forms_for_user

from funding.models import FundingCallPage
from funding.my_items import ApplicationsProvider
from funding.services import SERVICES


class ApplicationsMenuItem(PageMenuItem):
    """«Søknader» on a funding call, leading to Wagtail's submissions list and CSV export."""

    label = _("Applications")
    icon_name = "form"
    url_name = "wagtailforms:list_submissions"

    def is_shown(self, user):
        return get_forms_for_user(user).filter(pk=self.page.pk).exists()


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
