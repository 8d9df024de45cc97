from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Case stories")
    # What the roles may do with the service areas (core.publishing.roles reads these).
    editor_permissions = ("add_sector", "change_sector", "view_sector")
    moderator_permissions = ("delete_sector",)
