from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site search at /sok/: results, suggestions, synonyms, promoted results and insight."""

    name = "search"
    label = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"
    # Editors keep the synonym groups and read the search reports; moderators may
    # delete synonym groups (core.publishing.roles reads these).
    editor_permissions = (
        "add_synonymgroup",
        "change_synonymgroup",
        "view_synonymgroup",
        "view_search_insight",
    )
    moderator_permissions = ("delete_synonymgroup",)

    def ready(self):
        from django.core.signals import request_finished

        from . import log

        # Searches are counted in memory and written after the response has gone out.
        request_finished.connect(log.flush_if_due, dispatch_uid="search-log-flush")
