from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The foundation every section builds on and none of them owns (DESIGN.md → Architecture)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = _("Foundation")

    def ready(self):
        from core.publishing import signals  # noqa: F401 - connects the receivers
