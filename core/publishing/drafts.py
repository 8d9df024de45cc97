"""Pages begun and left: never published, not sent for approval, untouched for weeks.

Wagtail's autosave creates a page as soon as a new page's form holds a title,
so an editor who opens «Legg til side» and walks away leaves a draft in the
tree. Nothing removes them on its own (an idea half written may be wanted
again); this report lets editors find theirs and delete what is not.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page, WorkflowState
from wagtail.permissions import page_permission_policy

ABANDONED_AFTER = datetime.timedelta(days=14)


def abandoned_drafts(user, now=None):
    """Never-published pages the user may edit, unchanged for ABANDONED_AFTER and not in approval."""
    cutoff = (now or timezone.now()) - ABANDONED_AFTER
    # Workflow states point at pages by the base Page type and a text object id.
    in_approval = WorkflowState.objects.active().filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
    )
    return (
        page_permission_policy.instances_user_has_permission_for(user, "change")
        .filter(live=False, first_published_at__isnull=True)
        .filter(latest_revision_created_at__lt=cutoff)
        .exclude(Exists(in_approval))
        .select_related("owner")
        .order_by("latest_revision_created_at")
    )


class AbandonedDraftsView(PageReportView):
    page_title = _("Unfinished drafts")
    header_icon = "doc-empty"
    index_url_name = "core_abandoned_drafts"
    index_results_url_name = "core_abandoned_drafts_results"
    results_template_name = "core/admin/abandoned_drafts_results.html"
    any_permission_required = ["add", "change"]
    list_export = PageReportView.list_export + ["owner"]
    export_headings = {**PageReportView.export_headings, "owner": _("Created by")}

    def get_filename(self):
        return f"uferdige-kladder-{timezone.localdate():%Y-%m-%d}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(abandoned_days=ABANDONED_AFTER.days, **kwargs)

    def get_queryset(self):
        self.queryset = abandoned_drafts(self.request.user)
        return super().get_queryset()

    def decorate_paginated_queryset(self, pages):
        # Every row is a never-published page the user may change: a leaf among them may be
        # deleted without Wagtail's per-page check for live descendants (one query a row).
        for page in pages:
            page.deletable = (
                page.is_leaf() or page.permissions_for_user(self.request.user).can_delete()
            )
        return pages
