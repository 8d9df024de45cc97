from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FabrikkenConfig(AppConfig):
    """Fabrikken innovasjonsverksted: its page, guidance requests and room booking."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "fabrikken"
    verbose_name = _("Fabrikken")
    # Moderators handle guidance requests and bookings (core.publishing.roles reads these).
    moderator_permissions = (
        "view_guidancerequest",
        "change_guidancerequest",
        "view_roombooking",
        "change_roombooking",
        "delete_roombooking",
    )

    def ready(self):
        # «Mine saker» forgets a user's cached count when their request or booking
        # changes, in every process (a cron job too), not only where the hooks were read.
        from . import my_items  # noqa: F401
