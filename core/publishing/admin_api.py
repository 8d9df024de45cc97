"""Wagtail's admin API for pages, with the four-eyes rule of core/publishing/four_eyes.py.

The admin API (`/admin/api/main/pages/<id>/action/<name>/`) publishes, copies
live and creates aliases for anyone with `publish_page`, which moderators hold
to unpublish, schedule and set privacy. The admin's own screens do not use
these actions; for everyone but administrators they refuse what would go live
without approval, and copies stay drafts.
"""

from django.utils.translation import gettext as _
from rest_framework.exceptions import PermissionDenied
from wagtail.admin.api.actions.copy import CopyPageAPIAction
from wagtail.admin.api.views import PagesAdminAPIViewSet

from core.publishing.four_eyes import may_publish_directly

# Actions that make a page live: publishing, an alias (live with its original),
# and a translation copy, which may create aliases.
LIVE_ACTIONS = {"publish", "create_alias", "copy_for_translation"}


class DraftCopyPageAPIAction(CopyPageAPIAction):
    """Wagtail's copy keeps the copies live unless asked not to; here only administrators may."""

    def _action_from_data(self, instance, data):
        if not may_publish_directly(self.request.user):
            data = {**data, "keep_live": False}
        return super()._action_from_data(instance, data)


class FourEyesPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    actions = {**PagesAdminAPIViewSet.actions, "copy": DraftCopyPageAPIAction}

    def action_view(self, request, pk, action_name):
        if action_name in LIVE_ACTIONS and not may_publish_directly(request.user):
            raise PermissionDenied(
                _("Pages go live through approval: only administrators may do this.")
            )
        return super().action_view(request, pk, action_name)
