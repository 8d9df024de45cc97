from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cases.models import Sector


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
