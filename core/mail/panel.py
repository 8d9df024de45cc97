"""The admin dashboard's panel «E-postkø»: waiting and failed messages and the oldest one's age.

Shown to administrators and moderators, who are the ones to notice that
receipts and notices are not going out (and to tell IT). Nothing to see when
the queue is empty and nothing failed.
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.ui.components import Component

from core.publishing.roles import MODERATORS

from . import queue


def may_see(user):
    return user.is_superuser or user.groups.filter(name=MODERATORS).exists()


def format_age(age):
    """«12 min», «3 t»: minutes below two hours, then hours."""
    minutes = int(age.total_seconds() // 60)
    if minutes < 120:
        return _("%(minutes)s min") % {"minutes": minutes}
    return _("%(hours)s h") % {"hours": minutes // 60}


def summary(state):
    """«E-postkø: 3 venter, eldste 12 min» (and how many could not be sent)."""
    parts = [
        ngettext("%(count)s waiting", "%(count)s waiting", state.waiting) % {"count": state.waiting}
    ]
    if state.oldest is not None:
        parts.append(_("oldest %(age)s") % {"age": format_age(state.oldest)})
    if state.failed:
        parts.append(
            ngettext("%(count)s could not be sent", "%(count)s could not be sent", state.failed)
            % {"count": state.failed}
        )
    return _("Mail queue: %(parts)s") % {"parts": ", ".join(parts)}


class MailQueuePanel(Component):
    name = "mail_queue"
    template_name = "core/admin/mail_queue_panel.html"
    order = 50  # above Wagtail's panels: a stuck queue is news

    def __init__(self, state):
        self.state = state

    def get_context_data(self, parent_context=None):
        return {"state": self.state, "summary": summary(self.state)}


def panel_for(user):
    """The panel, or None when the user may not see it or there is nothing to tell."""
    if not may_see(user):
        return None
    state = queue.state()
    if not (state.waiting or state.failed):
        return None
    return MailQueuePanel(state)
