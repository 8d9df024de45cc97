"""The case-handling admin views: Wagtail's generic listing (ReportView: filters, ordering,
CSV/XLSX export) for the calls and each call's applications, and plain admin template views
for the case, its assessment and its decision.

Every view refuses anyone without `funding.handle_application` (403) before it reads
anything, and takes the application from `access.get_application`, so an id of another
call, a draft or an application one may not read answers 404.
"""

from decimal import ROUND_HALF_UP, Decimal
from statistics import mean

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import multigetattr

from core.formats import format_number
from funding.attachments import attachment_url
from funding.models import Application, Decision, FundingCallPage
from funding.models.pipeline import Status

from . import access, tables
from .forms import AssessmentForm, DecisionForm

#: The hook other apps use to offer a next step on an application (docs/funding-pipeline.md):
#: `fn(request, application)` returns an iterable of (label, url), or nothing.
ACTIONS_HOOK = "register_funding_application_actions"


def calls_breadcrumb():
    return {"url": reverse("funding_cases:calls"), "label": gettext_lazy("Applications")}


def call_breadcrumb(call):
    return {"url": reverse("funding_cases:list", args=(call.pk,)), "label": call.title}


def forbidden(request, message=None):
    """A 403 with the reason. (Wagtail's admin turns a raised PermissionDenied into a
    redirect to the dashboard, so the views answer 403 themselves.)"""
    message = message or _("Only case handlers may read applications.")
    return TemplateResponse(
        request, "funding/case_handling/refused.html", {"message": message}, status=403
    )


class CaseHandlerRequiredMixin:
    """403 before anything else for a signed-in user without the role."""

    def dispatch(self, request, *args, **kwargs):
        if not access.is_case_handler(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)


# --- Listings ---------------------------------------------------------------------------


class CallIndexView(CaseHandlerRequiredMixin, ReportView):
    """Every funding call with its counts: the way in to a call's applications."""

    page_title = gettext_lazy("Applications")
    header_icon = "form"
    index_url_name = "funding_cases:calls"
    index_results_url_name = "funding_cases:calls_results"
    columns = tables.CALL_COLUMNS
    default_ordering = "-deadline"
    verbose_name_plural = gettext_lazy("funding calls")

    def get_base_queryset(self):
        return tables.calls_with_counts(FundingCallPage.objects.all())


class ApplicationListView(CaseHandlerRequiredMixin, ReportView):
    """One call's applications, filtered by status and unit, with the call's totals and
    the export. The queries stay the same however many applications there are."""

    template_name = "funding/case_handling/application_list.html"
    header_icon = "form"
    columns = tables.APPLICATION_COLUMNS
    filterset_class = tables.ApplicationFilterSet
    default_ordering = "-submitted_at"
    verbose_name_plural = gettext_lazy("applications")
    list_export = [
        "reference",
        "project_title",
        "applicant_names",
        "unit",
        "service_area",
        "amount",
        "status_label",
        "granted_amount",
        "submitted_at",
    ]
    export_headings = {
        "reference": gettext_lazy("Reference"),
        "project_title": gettext_lazy("Project title"),
        "applicant_names": gettext_lazy("Applicants"),
        "unit": gettext_lazy("Unit"),
        "service_area": gettext_lazy("Service area"),
        "amount": gettext_lazy("Amount applied for"),
        "status_label": gettext_lazy("Status"),
        "granted_amount": gettext_lazy("Granted amount"),
        "submitted_at": gettext_lazy("Sent"),
    }

    @cached_property
    def call(self):
        return access.get_call(self.kwargs["call_id"])

    def get_page_title(self):
        return _("Applications")

    def get_page_subtitle(self):
        return self.call.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            calls_breadcrumb(),
            {"url": "", "label": self.call.title, "sublabel": _("Applications")},
        ]

    def get_index_url(self):
        return reverse("funding_cases:list", args=(self.call.pk,))

    def get_index_results_url(self):
        return reverse("funding_cases:list_results", args=(self.call.pk,))

    def get_base_queryset(self):
        return access.applications_for(self.request.user, self.call)

    def get_filterset_kwargs(self):
        # The unit filter offers the units of this call's applications.
        sent = Application.objects.filter(call=self.call).exclude(status=Status.DRAFT)
        return {**super().get_filterset_kwargs(), "queryset": sent}

    def get_filename(self):
        return f"soknader-{self.call.slug}"

    def to_row_dict(self, item):
        decision = item.decision if _has(item, "decision") else None
        computed = {
            "applicant_names": access.applicant_names(item),
            "status_label": item.get_status_display(),
            "granted_amount": decision.granted_amount if decision else None,
        }
        return {
            field: computed[field] if field in computed else multigetattr(item, field)
            for field in self.list_export
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["call"] = self.call
        context["totals"] = tables.call_totals(self.call)
        return context


# --- The case -------------------------------------------------------------------------


class CaseMixin(CaseHandlerRequiredMixin, WagtailAdminTemplateMixin):
    header_icon = "form"

    def get_application_queryset(self, call):
        return access.applications_for(self.request.user, call)

    @cached_property
    def application(self):
        call = access.get_call(self.kwargs["call_id"])
        return get_object_or_404(
            self.get_application_queryset(call), pk=self.kwargs["application_id"]
        )

    def get_page_subtitle(self):
        return self.application.reference or str(self.application)

    def get_breadcrumbs_items(self):
        application = self.application
        return self.breadcrumbs_items + [
            calls_breadcrumb(),
            call_breadcrumb(application.call),
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def case_url(self):
        return tables.case_url(self.application)

    def refuse_own(self, request, message):
        """An applicant or co-applicant never assesses or decides their own application."""
        context = self.get_context_data(message=message)
        return TemplateResponse(request, "funding/case_handling/refused.html", context, status=403)


def assessment_table(criteria, assessments):
    """Rows per criterion with each assessor's score side by side, the average per
    criterion and overall (None where nobody has scored yet)."""
    assessors = sorted(
        {row.assessor for row in assessments},
        key=lambda user: (user.get_full_name() or user.get_username()).lower(),
    )
    by_key = {(row.criterion_id, row.assessor_id): row for row in assessments}
    rows = []
    for criterion in criteria:
        cells = [by_key.get((criterion.pk, assessor.pk)) for assessor in assessors]
        scores = [cell.score for cell in cells if cell]
        rows.append({"criterion": criterion, "cells": cells, "average": _average(scores)})
    overall = _average([row.score for row in assessments])
    return {"assessors": assessors, "rows": rows, "overall": overall}


def _average(scores):
    """One decimal, rounded half up as people do (4,25 → 4,3)."""
    if not scores:
        return None
    return format_number(Decimal(str(mean(scores))).quantize(Decimal("0.1"), ROUND_HALF_UP))


def application_actions(request, application):
    """What the registered hooks offer next (such as «Lag eksempel» from cases/): each
    `fn(request, application)` gives (label, url) pairs; the case view POSTs to the url,
    since every such step changes something."""
    actions = []
    for fn in hooks.get_hooks(ACTIONS_HOOK):
        actions.extend(fn(request, application) or ())
    return actions


class CaseView(CaseMixin, TemplateView):
    """One application as a readable case: the answers under their headings, the
    applicants and attachments, the log, the assessments, the decision and what comes next."""

    template_name = "funding/case_handling/case.html"

    def get_page_title(self):
        return str(self.application)

    def get_application_queryset(self, call):
        # Everything the page shows, fetched in a fixed number of queries.
        return (
            super()
            .get_application_queryset(call)
            .select_related("call", "decision__decided_by", "final_report")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application, user = self.application, self.request.user
        call = application.call
        criteria = list(call.criteria_items.all())
        answers = {answer.criterion_id: answer.text for answer in application.answers.all()}
        assessments = list(application.assessments.select_related("assessor"))
        is_applicant = application.is_applicant(user)
        context.update(
            application=application,
            call=call,
            applicants=access.applicant_names(application),
            criteria_answers=[(criterion, answers.get(criterion.pk, "")) for criterion in criteria],
            legacy_answers=[
                (label, ", ".join(map(str, answer)) if isinstance(answer, list) else answer)
                for label, answer in (application.legacy_answers or {}).items()
            ],
            attachments=[
                (attachment, attachment_url(application, attachment))
                for attachment in application.attachments.all()
            ],
            log=application.log.select_related("by"),
            assessment=assessment_table(criteria, assessments),
            decision=application.decision if _has(application, "decision") else None,
            final_report=(application.final_report if _has(application, "final_report") else None),
            actions=application_actions(self.request, application),
            is_open=application.status in access.OPEN,
            can_start_review=application.status == Status.SUBMITTED,
            is_applicant=is_applicant,
            totals=tables.call_totals(call),
        )
        return context


def _has(instance, one_to_one):
    """Whether a reverse one-to-one row exists (select_related fetched it, or its absence)."""
    try:
        getattr(instance, one_to_one)
    except ObjectDoesNotExist:
        return False
    return True


@require_POST
def start_review(request, call_id, application_id):
    """«Start vurdering»: sendt → under vurdering, logged by move_to."""
    if not access.is_case_handler(request.user):
        return forbidden(request)
    application = access.get_application(request.user, call_id, application_id)
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if locked.status == Status.SUBMITTED:  # a second click finds it started
            locked.move_to(Status.IN_REVIEW, by=request.user)
            messages.success(request, _("The application is now under assessment."))
    return redirect(tables.case_url(application))


class AssessmentView(CaseMixin, TemplateView):
    """The signed-in case handler's own scores, one per criterion."""

    template_name = "funding/case_handling/assessment.html"

    def get_page_title(self):
        return _("Assess «%(title)s»") % {"title": self.application}

    def dispatch(self, request, *args, **kwargs):
        if not access.is_case_handler(request.user):
            return forbidden(request)
        if self.application.is_applicant(request.user):
            return self.refuse_own(
                request, _("You are on this application, so someone else must assess it.")
            )
        if self.application.status not in access.OPEN:
            messages.error(request, _("The application is decided and can no longer be assessed."))
            return redirect(self.case_url())
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        return AssessmentForm(
            self.request.POST if self.request.method == "POST" else None,
            application=self.application,
            assessor=self.request.user,
            criteria=list(self.application.call.criteria_items.all()),
        )

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        form.save()
        messages.success(request, _("Your assessment is saved."))
        return redirect(self.case_url())

    def get_context_data(self, **kwargs):
        return super().get_context_data(application=self.application, **kwargs)


class DecisionView(CaseMixin, TemplateView):
    """The decision: creates the Decision, then moves the application (which logs the
    change and tells the applicants). Warns, without blocking, above the budget."""

    template_name = "funding/case_handling/decision.html"

    def get_page_title(self):
        return _("Decide «%(title)s»") % {"title": self.application}

    def dispatch(self, request, *args, **kwargs):
        if not access.is_case_handler(request.user):
            return forbidden(request)
        if self.application.is_applicant(request.user):
            return self.refuse_own(
                request, _("You are on this application, so someone else must decide it.")
            )
        if self.application.status not in access.OPEN:
            messages.error(request, _("The application is already decided."))
            return redirect(self.case_url())
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        application = self.application
        return DecisionForm(
            self.request.POST if self.request.method == "POST" else None,
            instance=Decision(application=application, decided_by=self.request.user),
            application=application,
            remaining=tables.call_totals(application.call)["remaining"],
        )

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_valid() or form.needs_confirmation:
            return self.render_to_response(self.get_context_data(form=form))
        with transaction.atomic():
            # Under a row lock: a double click or a colleague deciding at the same moment
            # finds the application decided instead of a second Decision.
            application = Application.objects.select_for_update().get(pk=self.application.pk)
            if application.status not in access.OPEN:
                messages.error(request, _("The application is already decided."))
                return redirect(self.case_url())
            decision = form.save()
            application.move_to(decision.status, by=request.user, note=decision.justification)
        messages.success(
            request,
            _("The decision «%(status)s» is recorded.") % {"status": decision.get_status_display()},
        )
        return redirect(self.case_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(application=self.application, **kwargs)
        context["totals"] = tables.call_totals(self.application.call)
        return context
