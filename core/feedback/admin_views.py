"""The owner's side: the report «Tilbakemeldinger» and «Merk som behandlet».

Each reader sees what core.feedback.access gives them: owners their pages' feedback,
moderators and administrators all of it. Anyone else is refused (and sees no menu item).
"""

import django_filters
from django.contrib import messages
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from . import access
from .models import Answer, PageFeedback

HANDLED, UNHANDLED = "ja", "nei"


class FeedbackFilterSet(WagtailFilterSet):
    handled = django_filters.ChoiceFilter(
        label=gettext_lazy("Handled"),
        choices=[(UNHANDLED, gettext_lazy("Not handled")), (HANDLED, gettext_lazy("Handled"))],
        method="filter_handled",
        empty_label=gettext_lazy("All"),
    )
    answer = django_filters.ChoiceFilter(
        label=gettext_lazy("Answer"), choices=Answer.choices, empty_label=gettext_lazy("All")
    )

    class Meta:
        model = PageFeedback
        fields = ["handled", "answer"]

    def filter_handled(self, queryset, name, value):
        return queryset.filter(handled_at__isnull=(value == UNHANDLED))


class StatusColumn(Column):
    """«Behandlet 12.03.2026», or the button «Merk som behandlet» (a POST form)."""

    cell_template_name = "core/feedback/admin/status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["csrf_token"] = get_token(request) if request else ""
        # Back to the report with its filters (this may render in the results-only view).
        query = request.GET.urlencode() if request else ""
        context["next_url"] = reverse("core_feedback_report") + (f"?{query}" if query else "")
        return context


class CommentColumn(Column):
    """The comment, with «Demo» on the demo content's invented feedback."""

    cell_template_name = "core/feedback/admin/comment_cell.html"


def page_edit_url(feedback):
    return reverse("wagtailadmin_pages:edit", args=[feedback.page_id])


class FeedbackReport(ReportView):
    page_title = gettext_lazy("Feedback")
    header_icon = "comment"
    index_url_name = "core_feedback_report"
    index_results_url_name = "core_feedback_report_results"
    filterset_class = FeedbackFilterSet
    default_ordering = "-created_at"
    paginate_by = 50
    columns = [
        TitleColumn(
            "page_title", label=gettext_lazy("Page"), accessor="page.title", get_url=page_edit_url
        ),
        Column("answer_display", label=gettext_lazy("Answer"), accessor="get_answer_display"),
        CommentColumn("comment", label=gettext_lazy("Comment")),
        DateColumn("created_at", label=gettext_lazy("Received"), sort_key="created_at"),
        StatusColumn("status", label=gettext_lazy("Status")),
    ]
    list_export = ["page.title", "answer", "comment", "created_at", "handled_at"]
    export_headings = {
        "page.title": gettext_lazy("Page"),
        "answer": gettext_lazy("Answer"),
        "comment": gettext_lazy("Comment"),
        "created_at": gettext_lazy("Received"),
        "handled_at": gettext_lazy("Handled"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not access.may_read(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return access.readable_by(self.request.user).select_related("page")


@require_POST
def mark_handled(request, feedback_id):
    """«Merk som behandlet»: only on feedback the user may read (else 404)."""
    feedback = get_object_or_404(access.readable_by(request.user), pk=feedback_id)
    if feedback.handled_at is None:
        feedback.mark_handled(request.user)
    messages.success(
        request, _("The feedback on «%(title)s» is marked as handled.") % {"title": feedback.page}
    )
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = reverse("core_feedback_report")
    return redirect(next_url)
