"""The dashboard panel «Tilbakemeldinger på dine sider»: how many wait, and the latest few.

For a page's owner: the feedback on their pages; for moderators and administrators:
all of it (the same as the report). Nobody else gets the panel.
"""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from . import access

LATEST = 5


class FeedbackPanel(Component):
    name = "page_feedback"
    template_name = "core/feedback/admin/panel.html"
    order = 60  # below the mail queue, above Wagtail's own panels

    def __init__(self, feedback, reads_all):
        self.feedback = feedback
        self.reads_all = reads_all

    def get_context_data(self, parent_context=None):
        unhandled = self.feedback.unhandled()
        report_url = reverse("core_feedback_report")
        parent = parent_context or {}
        return {
            # The dashboard's own, for the «Merk som behandlet» forms.
            "csrf_token": parent.get("csrf_token"),
            "request": parent.get("request"),
            "unhandled_count": unhandled.count(),
            "latest": list(unhandled.select_related("page")[:LATEST]),
            "reads_all": self.reads_all,
            "report_url": report_url,
            "unhandled_url": f"{report_url}?handled=nei",
            "next_url": reverse("wagtailadmin_home"),
        }


def panel_for(user):
    """The panel, or None when the user reads no feedback."""
    if not access.may_read(user):
        return None
    return FeedbackPanel(access.readable_by(user), access.reads_all(user))
