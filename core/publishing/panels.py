"""The dashboard panel «Arkiveres snart»: what the life cycle takes offline within two weeks.

Shown to moderators and administrators, who answer for the section as a whole and can
ask an owner to confirm in time. Nothing is shown when nothing is due.
"""

from wagtail.admin.ui.components import Component

from core.publishing import archive
from core.publishing.roles import MODERATORS


class ArchivedSoonPanel(Component):
    name = "archived_soon"
    template_name = "core/admin/archived_soon_panel.html"
    order = 160

    def __init__(self, pages, total):
        self.pages = pages
        self.total = total

    def get_context_data(self, parent_context=None):
        return {"pages": self.pages, "total": self.total}


def panel_for(user, today=None):
    if not (user.is_superuser or user.groups.filter(name=MODERATORS).exists()):
        return None
    pages, total = archive.archived_soon(today, limit=archive.ARCHIVED_SOON_SHOWN)
    for page in pages:
        page.may_edit = page.permissions_for_user(user).can_edit()
    return ArchivedSoonPanel(pages, total) if pages else None
