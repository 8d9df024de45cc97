"""The listings' columns and filters: Wagtail's table components and filterset machinery."""

import django_filters
from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn

from core.formats import format_nok
from funding.models import Application
from funding.models.pipeline import DECISIONS, Status

from .access import OPEN, applicant_names

#: A filter offers every status an application can have once it is sent.
SENT_STATUSES = [(status.value, status.label) for status in Status if status != Status.DRAFT]
GRANTED = (Status.GRANTED, Status.PARTLY_GRANTED)


def case_url(application):
    return reverse("funding_cases:case", args=(application.call_id, application.pk))


class ApplicationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=SENT_STATUSES, empty_label=_("All")
    )
    unit = django_filters.ChoiceFilter(label=_("Unit"), choices=[], empty_label=_("All"))

    class Meta:
        model = Application
        fields = ["status", "unit"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The units this call's applications come from (one query, not one per row).
        units = (
            self.queryset.order_by("unit")
            .exclude(unit="")
            .values_list("unit", flat=True)
            .distinct()
        )
        self.filters["unit"].extra["choices"] = [(unit, unit) for unit in units]


class AmountColumn(Column):
    """An amount as «kr 250 000»."""

    def get_value(self, instance):
        return format_nok(super().get_value(instance))


class ApplicantsColumn(Column):
    def get_value(self, instance):
        return ", ".join(applicant_names(instance))


APPLICATION_COLUMNS = [
    TitleColumn(
        "reference", label=_("Reference"), get_url=case_url, sort_key="reference", width="10%"
    ),
    Column("project_title", label=_("Project title"), sort_key="project_title"),
    ApplicantsColumn("applicants", label=_("Applicants")),
    Column("unit", label=_("Unit"), sort_key="unit"),
    AmountColumn("amount", label=_("Amount applied for"), sort_key="amount"),
    Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
    DateColumn("submitted_at", label=_("Sent"), sort_key="submitted_at"),
]


def calls_with_counts(queryset):
    """Each call with how many applications it has, how many wait for a case handler and
    how many are decided (drafts are the applicants' own and never counted)."""
    return queryset.annotate(
        sent_count=Count(
            "pipeline_applications", filter=~Q(pipeline_applications__status=Status.DRAFT)
        ),
        open_count=Count("pipeline_applications", filter=Q(pipeline_applications__status__in=OPEN)),
        decided_count=Count(
            "pipeline_applications", filter=Q(pipeline_applications__status__in=DECISIONS)
        ),
    )


def call_list_url(call):
    return reverse("funding_cases:list", args=(call.pk,))


CALL_COLUMNS = [
    TitleColumn("title", label=_("Funding call"), get_url=call_list_url, sort_key="title"),
    DateColumn("deadline", label=_("Deadline"), sort_key="deadline"),
    Column("sent_count", label=_("Applications"), sort_key="sent_count"),
    Column("open_count", label=_("To be handled"), sort_key="open_count"),
    Column("decided_count", label=_("Decided"), sort_key="decided_count"),
]


def call_totals(call):
    """Applied for (every sent application not withdrawn), granted, and what remains of the
    call's budget (None when the call has no budget)."""
    totals = Application.objects.filter(call=call).aggregate(
        applied=Sum("amount", filter=~Q(status__in=[Status.DRAFT, Status.WITHDRAWN])),
        granted=Sum("decision__granted_amount", filter=Q(status__in=GRANTED)),
    )
    applied, granted = totals["applied"] or 0, totals["granted"] or 0
    budget = call.total_budget
    return {
        "applied": applied,
        "granted": granted,
        "budget": budget,
        "remaining": None if budget is None else budget - granted,
    }
