from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from methods.models import Phase


class PhaseViewSet(SnippetViewSet):
    """The phases of an innovation process; editors drag them into process order."""

    model = Phase
    icon = "list-ol"
    menu_label = _("Phases")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "number", "slug", "description"]
    list_per_page = 50
    sort_order_field = "sort_order"
    copy_view_enabled = False


register_snippet(PhaseViewSet)
