from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cases.from_application import LOG_ACTION, is_granted, may_make_case_story
from cases.models import Sector
from cases.views import case_story_from_application_view


class SectorViewSet(SnippetViewSet):
    """The service areas cases belong to; editors drag them into the order of the filter."""

    model = Sector
    icon = "site"
    menu_label = _("Service areas")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    list_per_page = 50
    sort_order_field = "sort_order"
    copy_view_enabled = False


register_snippet(SectorViewSet)


# --- «Lag eksempel» from a granted application (cases/from_application.py) ---------------


@hooks.register("register_admin_urls")
def register_case_story_url():
    return [
        path(
            "eksempler/fra-soknad/<uuid:application_uuid>/",
            case_story_from_application_view,
            name="cases_story_from_application",
        )
    ]


@hooks.register("register_funding_application_actions")
def case_story_action(request, application):
    """The case view's «Videre» button, for a granted application and a user who may.

    The URL takes a POST (it makes a page): the button submits a form with the CSRF token.
    """
    if not is_granted(application) or not may_make_case_story(request.user):
        return []
    url = reverse("cases_story_from_application", args=(application.uuid,))
    return [(_("Make case story"), url)]


@hooks.register("register_log_actions")
def register_case_story_log_action(actions):
    @actions.register_action(LOG_ACTION)
    class MadeFromApplication(LogFormatter):
        label = _("Made from an application")

        def format_message(self, log_entry):
            reference = (log_entry.data or {}).get("reference")
            if reference:
                return gettext("Made from application %(reference)s") % {"reference": reference}
            return gettext("Made from an application")
