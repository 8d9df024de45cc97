"""The applicant's pages for a structured application, served as routes of the call page.

docs/funding-pipeline.md: «…/soknad/ny/» starts a draft, «…/soknad/<uuid>/» is the form in
sections, «…/sjekk/» checks the answers and sends, «…/sendt/» is the receipt, «…/trekk/»
withdraws. Every view takes the application from `Application.objects.visible_to(user)`,
so another person's uuid is a 404. Until the deadline the applicants may change a draft or
a sent application; after it, both are read-only. Nothing here is ever cached.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from core.content_language import as_content
from core.models.profile import work_place
from core.submissions import TOKEN_FIELD, parse_token

from .application_forms import (
    CRITERIA_SECTION,
    CRITERION_PREFIX,
    MODEL_FIELDS,
    SECTIONS,
    DraftForm,
    SendForm,
    initial_from,
)
from .attachments import MAX_PER_APPLICATION as MAX_ATTACHMENTS
from .attachments import AttachmentForm
from .attachments import listed as listed_attachments
from .co_applicants import co_applicants_context
from .co_applicants import listed as listed_co_applicants
from .models.pipeline import Application, CriterionAnswer, Status

CHANGEABLE = (Status.DRAFT, Status.SUBMITTED)


# --- Helpers -------------------------------------------------------------------


def get_application(call, request, application_uuid):
    """The user's application to this call, or 404 (also for anyone else's uuid)."""
    return get_object_or_404(
        Application.objects.visible_to(request.user), call=call, uuid=application_uuid
    )


def is_changeable(call, application, user):
    """A draft or a sent application may change until the deadline, by its applicants only
    (a case handler reads it); after the deadline it is read-only."""
    return (
        application.status in CHANGEABLE
        and not call.state.is_closed
        and application.is_applicant(user)
    )


def url_for(call, name, application):
    return call.url + call.reverse_subpage(name, args=(application.uuid,))


def stored_answers(application, criteria):
    """{criterion pk: text}, one query."""
    known = dict(
        CriterionAnswer.objects.filter(application=application).values_list("criterion_id", "text")
    )
    return {c.pk: known.get(c.pk, "") for c in criteria}


def render(call, request, template, context, status=200):
    context = {**call.get_context(request), **context}
    response = TemplateResponse(request, template, context, status=status)
    add_never_cache_headers(response)
    return response


def summary(call, application, criteria, answers):
    """The check page's rows: (section heading, [(label, value, anchor)])."""
    form = DraftForm(call=call, criteria=criteria)
    rows = []
    for _key, heading, names in SECTIONS:
        items = []
        for name in names:
            field = form.fields[name]
            anchor = f"id_{name}_0" if name.startswith("planned_") else f"id_{name}"
            items.append((field.label, getattr(application, name), anchor))
        rows.append((heading, items))
    if criteria:
        rows.append(
            (
                CRITERIA_SECTION[1],
                # A criterion is the editors' words: marked as content (lang="nb").
                [
                    (as_content(c.title), answers[c.pk], f"id_{CRITERION_PREFIX}{c.pk}")
                    for c in criteria
                ],
            )
        )
    return rows


def listings(call, application):
    """The attachments (download links) and the co-applicants, for the check and read-only
    pages: two queries however many there are."""
    return {
        "attachments": listed_attachments(call, application),
        "co_applicants": listed_co_applicants(call, application),
    }


def missing_answers(rows):
    """(anchor, message) for every answer still empty: what keeps «Send» from sending."""
    return [
        # The label may be marked content (HTML): escape the rest, keep the mark.
        (
            anchor,
            mark_safe(
                escape(gettext("Answer «%(label)s».")) % {"label": conditional_escape(label)}
            ),
        )
        for _heading, items in rows
        for label, value, anchor in items
        if value in (None, "")
    ]


# --- Views ---------------------------------------------------------------------


def start(call, request):
    """POST: a new draft for the signed-in employee, prefilled from their profile."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not call.state.is_open:
        raise Http404
    application = Application.objects.create(
        call=call, created_by=request.user, **work_place(request.user)
    )
    return HttpResponseRedirect(url_for(call, "application", application))


def draft(call, request, application_uuid):
    """The form in sections; «Lagre utkast» stores it, «Se over og send» goes on to check."""
    application = get_application(call, request, application_uuid)
    criteria = list(call.criteria_items.all())
    if not is_changeable(call, application, request.user):
        return read_only(call, request, application, criteria)
    form = DraftForm(
        request.POST or None,
        call=call,
        criteria=criteria,
        initial=initial_from(application, stored_answers(application, criteria)),
    )
    if request.method == "POST" and form.is_valid_draft():
        save_draft(application, form, criteria)
        # «Last opp» is a button of this form (the file input too): what was typed is saved
        # with the file, and a refused file loses nothing else.
        if request.FILES.get("file") or request.POST.get("action") == "upload":
            upload = AttachmentForm(request.POST, request.FILES, application=application)
            if not (upload.is_valid() and upload.save(request.user)):
                return render_form(call, request, application, attachment_form=upload)
            return HttpResponseRedirect(url_for(call, "application", application) + "#vedlegg")
        if request.POST.get("action") == "check":
            return HttpResponseRedirect(url_for(call, "application_check", application))
        return HttpResponseRedirect(url_for(call, "application", application) + "?lagret=1")
    return render_form(call, request, application, form)


def render_form(call, request, application, form=None, attachment_form=None, status=200):
    """The form page: the draft form, then the attachments and the co-applicants, each
    with forms of their own (an upload refused shows its error here, the rest as stored)."""
    if form is None:
        criteria = list(call.criteria_items.all())
        form = DraftForm(
            call=call,
            criteria=criteria,
            initial=initial_from(application, stored_answers(application, criteria)),
        )
    attachments = listed_attachments(call, application)
    return render(
        call,
        request,
        "funding/application/form.html",
        {
            "application": application,
            "form": form,
            "saved": request.method == "GET" and "lagret" in request.GET,
            "check_url": url_for(call, "application_check", application),
            "withdraw_url": url_for(call, "application_withdraw", application),
            "attachments": attachments,
            "attachment_form": attachment_form
            or (
                AttachmentForm(application=application)
                if len(attachments) < MAX_ATTACHMENTS
                else None
            ),
            "upload_url": url_for(call, "application_attachments", application),
            "max_attachments": MAX_ATTACHMENTS,
            **co_applicants_context(call, application),
        },
        status=status,
    )


def save_draft(application, form, criteria):
    """The fields and the criteria answers, in one transaction (a few queries, not one per
    criterion)."""
    for name in MODEL_FIELDS:
        value = form.cleaned_data.get(name)
        setattr(application, name, "" if value is None and name not in _NULLABLE else value)
    texts = form.criterion_answers()
    with transaction.atomic():
        application.save()
        existing = {
            a.criterion_id: a for a in CriterionAnswer.objects.filter(application=application)
        }
        changed, new = [], []
        for criterion in criteria:
            answer = existing.get(criterion.pk)
            if answer is None:
                new.append(
                    CriterionAnswer(
                        application=application, criterion=criterion, text=texts[criterion.pk]
                    )
                )
            elif answer.text != texts[criterion.pk]:
                answer.text = texts[criterion.pk]
                changed.append(answer)
        CriterionAnswer.objects.bulk_update(changed, ["text"])
        CriterionAnswer.objects.bulk_create(new)


_NULLABLE = ("amount", "planned_start", "planned_end")


def check(call, request, application_uuid):
    """GOV.UK's «check your answers»: every answer with «Endre»; «Send søknaden» sends once."""
    application = get_application(call, request, application_uuid)
    if request.method == "POST":
        return send(call, request, application)
    criteria = list(call.criteria_items.all())
    if not is_changeable(call, application, request.user):
        return read_only(call, request, application, criteria)
    return render_check(call, request, application, criteria)


def render_check(call, request, application, criteria, errors=(), status=200):
    rows = summary(call, application, criteria, stored_answers(application, criteria))
    return render(
        call,
        request,
        "funding/application/check.html",
        {
            "application": application,
            "rows": rows,
            "errors": list(errors),
            "send_form": SendForm() if application.status == Status.DRAFT else None,
            **listings(call, application),
            "edit_url": url_for(call, "application", application),
            "withdraw_url": url_for(call, "application_withdraw", application),
        },
        status=status,
    )


def send(call, request, application):
    """Send a draft once: a second POST of the same form (a double-click, the back button)
    finds it sent and shows the receipt; nothing is sent twice."""
    token = parse_token(request.POST.get(TOKEN_FIELD))
    criteria = list(call.criteria_items.all())
    with transaction.atomic():
        # Lock the row: two «Send» at once wait for each other, and the second finds it sent.
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.status != Status.DRAFT:
            if application.status == Status.SUBMITTED and application.send_token == token:
                return HttpResponseRedirect(url_for(call, "application_receipt", application))
            return HttpResponseRedirect(url_for(call, "application", application))
        if not call.state.is_open:
            return read_only(call, request, application, criteria, status=409)
        rows = summary(call, application, criteria, stored_answers(application, criteria))
        errors = missing_answers(rows)
        if token is None:
            errors.insert(
                0, ("send", gettext("The form had expired. Check your answers and send it again."))
            )
        if errors:
            # 200, as every form with errors here: the page answers, the summary says what to fix.
            return render_check(call, request, application, criteria, errors=errors)
        application.send_token = token
        try:
            application.move_to(Status.SUBMITTED, by=request.user)
        except ValidationError:
            return HttpResponseRedirect(url_for(call, "application", application))
    return HttpResponseRedirect(url_for(call, "application_receipt", application))


def receipt(call, request, application_uuid):
    """«Søknaden er sendt»: the reference and when an answer can be expected."""
    application = get_application(call, request, application_uuid)
    if application.status == Status.DRAFT:
        return HttpResponseRedirect(url_for(call, "application_check", application))
    return render(
        call,
        request,
        "funding/application/receipt.html",
        {"application": application, "application_url": url_for(call, "application", application)},
    )


def withdraw(call, request, application_uuid):
    """Asks first; a POST withdraws. Only a draft or a sent application, before the deadline."""
    application = get_application(call, request, application_uuid)
    if not is_changeable(call, application, request.user):
        return HttpResponseRedirect(url_for(call, "application", application))
    if request.method == "POST":
        with transaction.atomic():
            application = Application.objects.select_for_update().get(pk=application.pk)
            if application.status in CHANGEABLE:
                application.move_to(Status.WITHDRAWN, by=request.user)
        return HttpResponseRedirect(url_for(call, "application", application))
    return render(
        call,
        request,
        "funding/application/withdraw.html",
        {"application": application, "application_url": url_for(call, "application", application)},
    )


def read_only(call, request, application, criteria, status=200):
    """The application as sent (or as far as it came), without «Endre»: after the deadline,
    or once withdrawn or decided."""
    rows = summary(call, application, criteria, stored_answers(application, criteria))
    return render(
        call,
        request,
        "funding/application/check.html",
        {
            "application": application,
            "rows": rows,
            "read_only": True,
            **listings(call, application),
            "receipt_url": url_for(call, "application_receipt", application),
            # A granted application owes a final report (funding/final_report.py).
            "report_url": url_for(call, "application_report", application)
            if application.status in (Status.GRANTED, Status.PARTLY_GRANTED)
            else None,
        },
        status=status,
    )
