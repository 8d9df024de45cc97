from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MethodsConfig(AppConfig):
    name = "methods"
    verbose_name = _("Methods and tools")
    # What the roles may do with the phases (core.publishing.roles reads these).
    editor_permissions = ("add_phase", "change_phase", "view_phase")
    moderator_permissions = ("delete_phase",)
