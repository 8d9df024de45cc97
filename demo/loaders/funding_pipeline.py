"""Structured demo applications on the open call, one in every state (issue #21), so
`make run` shows the whole round: a draft, a sent one, one under assessment with a score,
a grant with its decision and final-report date, a rejection and a withdrawn one.

The rows and their log are written directly, as if the round had happened: going through
`Application.move_to` would e-mail the demo users on every load.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from funding.case_handling.forms import add_months
from funding.models import (
    Application,
    Assessment,
    CoApplicant,
    CriterionAnswer,
    Decision,
    ReferenceCounter,
    StatusChange,
)
from funding.models.pipeline import DECISIONS, Status

# The path each demo status took, from the draft.
PATHS = {
    Status.DRAFT: [],
    Status.SUBMITTED: [Status.SUBMITTED],
    Status.IN_REVIEW: [Status.SUBMITTED, Status.IN_REVIEW],
    Status.GRANTED: [Status.SUBMITTED, Status.IN_REVIEW, Status.GRANTED],
    Status.PARTLY_GRANTED: [Status.SUBMITTED, Status.IN_REVIEW, Status.PARTLY_GRANTED],
    Status.REJECTED: [Status.SUBMITTED, Status.IN_REVIEW, Status.REJECTED],
    Status.WITHDRAWN: [Status.SUBMITTED, Status.WITHDRAWN],
}
HANDLER = "saksbehandler"


def months_from(day, months):
    """The first of the month `months` after `day`'s."""
    return add_months(day.replace(day=1), months)


def load(call, specs, today):
    if not specs or Application.objects.filter(call=call).exists():
        return
    users = {user.username: user for user in get_user_model().objects.all()}
    criteria = list(call.criteria_items.all())
    with transaction.atomic():
        # Oldest first, so the reference numbers follow the order they were sent in.
        for spec in sorted(specs, key=lambda spec: -spec["days_ago"]):
            if spec["username"] in users:
                _application(call, spec, today, users, criteria)


def _application(call, spec, today, users, criteria):
    applicant = users[spec["username"]]
    handler = users.get(HANDLER, applicant)
    started = timezone.now() - datetime.timedelta(days=spec["days_ago"])
    application = Application.objects.create(
        call=call,
        created_by=applicant,
        project_title=spec["project_title"],
        service_area=spec["service_area"],
        unit=spec["unit"],
        need=spec["need"],
        target_users=spec["target_users"],
        plan=spec["plan"],
        amount=spec["amount"],
        planned_start=months_from(today, spec["start_months"]) if "start_months" in spec else None,
        planned_end=months_from(today, spec["end_months"]) if "end_months" in spec else None,
    )
    for username in spec.get("co_applicants", []):
        CoApplicant.objects.create(
            application=application, user=users[username], added_by=applicant
        )
    CriterionAnswer.objects.bulk_create(
        CriterionAnswer(application=application, criterion=criterion, text=text)
        for criterion, text in zip(criteria, spec.get("answers", []), strict=False)
    )
    for assessment in spec.get("assessments", []):
        Assessment.objects.bulk_create(
            Assessment(
                application=application,
                assessor=users[assessment["username"]],
                criterion=criterion,
                score=score,
                comment=assessment["comment"] if number == 0 else "",
            )
            for number, (criterion, score) in enumerate(
                zip(criteria, assessment["scores"], strict=False)
            )
        )
    status = Status(spec["status"])
    moment, previous = started, Status.DRAFT
    fields = {"status": status}
    for step in PATHS[status]:
        moment += datetime.timedelta(hours=3)
        by = applicant if step in (Status.SUBMITTED, Status.WITHDRAWN) else handler
        StatusChange.objects.create(
            application=application, from_status=previous, to_status=step, by=by, at=moment
        )
        if step == Status.SUBMITTED:
            fields |= {"submitted_at": moment, "reference": ReferenceCounter.next_reference(call)}
        elif step == Status.WITHDRAWN:
            fields["withdrawn_at"] = moment
        elif step in DECISIONS:
            decision = spec["decision"]
            Decision.objects.create(
                application=application,
                status=step,
                granted_amount=decision.get("amount"),
                justification=decision["justification"],
                report_due=months_from(today, decision["report_months"])
                if "report_months" in decision
                else None,
                decided_by=handler,
            )
        previous = step
    # Written with update(): `created_at` and `updated_at` would otherwise say «today».
    Application.objects.filter(pk=application.pk).update(
        created_at=started, updated_at=moment, **fields
    )
