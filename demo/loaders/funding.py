"""Demo content for funding: «Støtteordninger» with the three calls of the content brief (§5).

All three calls are invented ([FIKTIV]) and carry the «Demo-innhold» badge.
They are modelled on the municipality's real internal scheme of 2017–2019
(5 mill. kr a year); the criteria are adapted from Stimulab and the
Innovasjonsprisen. The dates are computed from the day the loader first runs:
«Innovasjonsmidler» is open with the deadline three weeks ahead, «Prøv det!»
opens in ten days (then with a rolling deadline), and «Medfinansiering» closed
a week ago, with a few demo applications for the moderators to read and export.

Everything is looked up by slug before it is created: a second run changes nothing.
"""

import datetime
import uuid

from django.contrib.auth import get_user_model
from django.utils import timezone

from demo import content
from demo.loaders import common
from demo.loaders import funding_pipeline as pipeline
from funding.models import (
    CallCriterion,
    FundingApplication,
    FundingCallPage,
    FundingFormField,
    FundingIndexPage,
)
from home.models import HomePage

CONTENT = content.read("funding")
INDEX = CONTENT["index"]
TO_ADDRESS = CONTENT["to_address"]
UNITS = "\n".join(CONTENT["units"])


def _field(field):
    """(label, field type, required, choices, help text), as FundingFormField takes them."""
    choices = UNITS if field.get("choices_from") == "units" else field.get("choices", "")
    return (field["label"], field["type"], field["required"], choices, field.get("help", ""))


def _year_title(template):
    return lambda today: template.format(year=today.year)


def _call_spec(spec):
    """A call as the loader (and demo.bulk) use it: title and subject as functions of the
    day, the form as field tuples, demo applications as (days before, username, answers)."""
    spec = dict(spec)
    spec["title"] = _year_title(spec["title"])
    spec["subject"] = _year_title(spec["subject"])
    spec["deadline_in_days"] = spec.get("deadline_in_days")
    if "body" in spec:
        spec["body"] = common.blocks(spec["body"])
    spec["fields"] = [_field(field) for field in spec.get("fields", [])]
    if "applications" in spec:
        spec["applications"] = [
            (application["days_before"], application["username"], application["answers"])
            for application in spec["applications"]
        ]
    return spec


INNOVATION_FUNDS, TRY_IT, CO_FUNDING = (_call_spec(spec) for spec in CONTENT["calls"])


def load(stdout=None):
    home = HomePage.objects.get()
    index_page = common.index_page(home, FundingIndexPage, INDEX)
    contact = common.person(CONTENT["contact"], email=TO_ADDRESS)
    today = timezone.localdate()
    for spec in (INNOVATION_FUNDS, TRY_IT, CO_FUNDING):
        call = _call(index_page, spec, today, contact)
        _demo_applications(call, spec.get("applications", []), today)
        pipeline.load(call, spec.get("pipeline", []), today)


def at(day, hour, minute=0):
    """A moment on `day` in Norwegian time."""
    naive = datetime.datetime.combine(day, datetime.time(hour, minute))
    return timezone.make_aware(naive, timezone.get_default_timezone())


def _call(index_page, spec, today, contact):
    existing = FundingCallPage.objects.child_of(index_page).filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing
    opens_day = today + datetime.timedelta(days=spec["opens_in_days"])
    deadline = None
    if spec.get("deadline_in_days") is not None:
        deadline = at(today + datetime.timedelta(days=spec["deadline_in_days"]), 12)
    page = FundingCallPage(
        title=spec["title"](today),
        slug=spec["slug"],
        summary=spec["summary"],
        opens_at=at(opens_day, 9),
        deadline=deadline,
        total_budget=spec.get("total_budget"),
        min_per_application=spec.get("min_per_application"),
        max_per_application=spec.get("max_per_application"),
        eligibility=spec["eligibility"],
        criteria=spec["criteria"],
        process=spec["process"],
        body=spec.get("body", []),
        thank_you_text=spec["thank_you_text"],
        contact_person=contact,
        to_address=TO_ADDRESS,
        from_address=TO_ADDRESS,
        subject=spec["subject"](today),
        search_description=spec["summary"],
        reference_prefix=spec.get("reference_prefix", "IM"),
        answer_expected_by=deadline.date()
        + datetime.timedelta(days=spec["answer_days_after_deadline"])
        if deadline and "answer_days_after_deadline" in spec
        else None,
        is_demo=True,
    )
    for number, criterion in enumerate(spec.get("criteria_items", [])):
        page.criteria_items.add(
            CallCriterion(
                sort_order=number, title=criterion["title"], help_text=criterion.get("help", "")
            )
        )
    for number, (label, field_type, required, choices, help_text) in enumerate(spec["fields"]):
        page.form_fields.add(
            FundingFormField(
                sort_order=number,
                label=label,
                field_type=field_type,
                required=required,
                choices=choices,
                help_text=help_text,
            )
        )
    index_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def _demo_applications(call, applications, today):
    """A few applications from the demo sign-ins, sent days before the deadline.

    Whole numbers given for date fields are days from today.
    """
    if not applications or FundingApplication.objects.filter(page=call).exists():
        return
    users = {user.username: user for user in get_user_model().objects.all()}
    fields = {field.label: field for field in call.form_fields.all()}
    for days_before, username, answers in applications:
        user = users.get(username)
        if user is None:
            continue
        application = FundingApplication.objects.create(
            page=call,
            applicant=user,
            applicant_name=user.get_full_name() or user.get_username(),
            applicant_email=user.email,
            token=uuid.uuid4(),
            form_data={
                fields[label].clean_name: _answer(fields[label], value, today)
                for label, value in answers.items()
            },
        )
        sent = call.deadline - datetime.timedelta(days=days_before, hours=3)
        FundingApplication.objects.filter(pk=application.pk).update(submit_time=sent)


def _answer(field, value, today):
    if field.field_type == "date" and isinstance(value, int):
        return (today + datetime.timedelta(days=value)).isoformat()
    return value
