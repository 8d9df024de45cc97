from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "role", "unit", "email"]
    list_filter = ["unit"]
    search_fields = ["name", "role", "unit"]
    list_per_page = 50


register_snippet(PersonViewSet)
