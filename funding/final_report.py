"""The final report (sluttrapport) of a granted application, written by its applicants.

docs/funding-pipeline.md: an application that is «Innvilget» or «Delvis innvilget» owes a
report by `Decision.report_due`: what was done, the results, the benefits (gevinster) and
the lessons. It is one form, sent once, then read-only; a case handler reads it here too
but never writes it. Before the decision there is no report to write, so the page is a
404 (as for anyone's application the user may not see). Nothing here is ever cached.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .applicant_views import render, url_for
from .models.pipeline import Application, FinalReport, Status

#: The decisions that owe a final report.
REPORTABLE = (Status.GRANTED, Status.PARTLY_GRANTED)


def answer(label, help_text, required):
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": required},
    )


class FinalReportForm(forms.ModelForm):
    """All four answers are needed: the report is sent once and not changed afterwards."""

    what_was_done = answer(
        _("What did you do?"),
        _("What the project did, and how it went compared with the plan."),
        _("Write what you did."),
    )
    results = answer(
        _("What came of it?"),
        _("The results, in numbers where you have them: what changed, and for whom."),
        _("Write what came of it."),
    )
    benefits = answer(
        _("Which benefits has it given?"),
        _(
            "Saved time or money, better quality, fewer errors: what the service gains, "
            "now and later."
        ),
        _("Write which benefits the project has given."),
    )
    lessons = answer(
        _("What have you learnt?"),
        _("What worked, what didn't, and what you would tell others to do."),
        _("Write what you have learnt."),
    )

    class Meta:
        model = FinalReport
        fields = ["what_was_done", "results", "benefits", "lessons"]


def get_decided(call, request, application_uuid):
    """A granted or partly granted application the user may read, with its decision and
    report; 404 before the decision (and for anyone else's)."""
    return get_object_or_404(
        Application.objects.visible_to(request.user)
        .filter(status__in=REPORTABLE, decision__isnull=False)
        .select_related("decision", "final_report"),
        call=call,
        uuid=application_uuid,
    )


def existing_report(application):
    try:
        return application.final_report
    except FinalReport.DoesNotExist:
        return None


def report(call, request, application_uuid):
    """The form for the applicants; the report as sent for everyone once it exists."""
    application = get_decided(call, request, application_uuid)
    sent = existing_report(application)
    is_applicant = application.is_applicant(request.user)
    if request.method == "POST" and not is_applicant:
        raise PermissionDenied  # a case handler reads the report; the applicants write it
    if sent is not None:
        if request.method == "POST":  # a second click, the back button: sent once
            return HttpResponseRedirect(url_for(call, "application_report_sent", application))
        return render_report(call, request, application, report=sent)
    if not is_applicant:
        return render_report(call, request, application)
    form = FinalReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        send(application, form, request.user)
        return HttpResponseRedirect(url_for(call, "application_report_sent", application))
    # With errors too the page answers 200, its summary saying what to fix (as every form here).
    return render_report(call, request, application, form=form)


def send(application, form, user):
    """Store the report once: the application's row lock makes two sends at once wait for
    each other, and the second finds the first's report and stores nothing."""
    with transaction.atomic():
        Application.objects.select_for_update().get(pk=application.pk)
        if FinalReport.objects.filter(application=application).exists():
            return
        report = form.save(commit=False)
        report.application = application
        report.submitted_by = user
        report.save()


def render_report(call, request, application, form=None, report=None, status=200):
    decision = application.decision
    return render(
        call,
        request,
        "funding/application/report.html",
        {
            "application": application,
            "decision": decision,
            "form": form,
            "report": report,
            "overdue": decision.report_due is not None
            and decision.report_due < timezone.localdate(),
            "application_url": url_for(call, "application", application),
        },
        status=status,
    )


def report_sent(call, request, application_uuid):
    """«Sluttrapporten er sendt»: the confirmation after sending."""
    application = get_decided(call, request, application_uuid)
    if existing_report(application) is None:
        return HttpResponseRedirect(url_for(call, "application_report", application))
    return render(
        call,
        request,
        "funding/application/report_sent.html",
        {
            "application": application,
            "report_url": url_for(call, "application_report", application),
            "application_url": url_for(call, "application", application),
        },
    )
