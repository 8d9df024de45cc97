from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    """Funding calls employees can apply to, and the applications they send."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "funding"
    verbose_name = _("Funding")
    # Reading, assessing and deciding applications (core/publishing/roles.py).
    case_handler_permissions = ("handle_application",)

    def ready(self):
        # «Mine saker» forgets a user's cached count when their application changes.
        from . import my_items  # noqa: F401
