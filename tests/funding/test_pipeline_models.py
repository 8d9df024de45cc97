"""The funding round's data model (docs/funding-pipeline.md): who may read an application,
how its status moves, its reference number, and the rules for assessing and deciding."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.utils import timezone

from demo import factories
from funding.models import Application, Assessment, CallCriterion, CoApplicant, Decision
from funding.models.pipeline import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(home):
    call = factories.make_funding_call()
    CallCriterion.objects.create(call=call, title="Behovet er dokumentert", sort_order=0)
    return call


def case_handler(username="saksbehandler"):
    user = factories.make_user(username)
    user.user_permissions.add(Permission.objects.get(codename="handle_application"))
    return user


def draft(call, user, **fields):
    return Application.objects.create(call=call, created_by=user, project_title="Tavla", **fields)


def test_only_applicants_and_case_handlers_read_an_application(call):
    kari, ola, per = (factories.make_user(name) for name in ("kari", "ola", "per"))
    handler = case_handler()
    application = draft(call, kari)
    CoApplicant.objects.create(application=application, user=ola, added_by=kari)

    assert list(Application.objects.visible_to(kari)) == [application]
    assert list(Application.objects.visible_to(ola)) == [application]
    assert not Application.objects.visible_to(per).exists()
    # A draft is the applicants' own until it is sent.
    assert not Application.objects.visible_to(handler).exists()
    application.move_to(Status.SUBMITTED, by=kari)
    assert list(Application.objects.visible_to(handler)) == [application]


def test_sending_gives_the_next_reference_and_logs_who_and_when(call):
    kari = factories.make_user("kari")
    first, second = draft(call, kari), draft(call, kari)
    first.move_to(Status.SUBMITTED, by=kari)
    second.move_to(Status.SUBMITTED, by=kari)
    year = timezone.localdate().year
    assert (first.reference, second.reference) == (f"IM-{year}-001", f"IM-{year}-002")
    change = first.log.get()
    assert (change.from_status, change.to_status, change.by) == ("utkast", "sendt", kari)
    assert first.submitted_at == change.at


def test_a_decided_application_cannot_move_again(call):
    kari = factories.make_user("kari")
    application = draft(call, kari)
    application.move_to(Status.SUBMITTED, by=kari)
    application.move_to(Status.REJECTED, by=case_handler())
    with pytest.raises(ValidationError) as refused:
        application.move_to(Status.WITHDRAWN, by=kari)
    assert refused.value.code == "transition"
    assert Application.objects.get().status == "avslatt"


def test_no_one_assesses_or_decides_an_application_they_are_on(call):
    kari = factories.make_user("kari")
    application = draft(call, kari)
    criterion = call.criteria_items.get()
    with pytest.raises(ValidationError):
        Assessment(application=application, assessor=kari, criterion=criterion, score=5).clean()
    with pytest.raises(ValidationError):
        Decision(
            application=application,
            status=Status.GRANTED,
            granted_amount=Decimal(100_000),
            justification="Godt begrunnet.",
            decided_by=kari,
        ).clean()
    handler = case_handler()
    Assessment(application=application, assessor=handler, criterion=criterion, score=4).clean()


def test_a_grant_needs_an_amount_and_a_rejection_has_none(call):
    kari, handler = factories.make_user("kari"), case_handler()
    application = draft(call, kari)
    with pytest.raises(ValidationError) as refused:
        Decision(
            application=application,
            status=Status.GRANTED,
            justification="Godt begrunnet.",
            decided_by=handler,
        ).clean()
    assert "granted_amount" in refused.value.message_dict
    rejection = Decision(
        application=application,
        status=Status.REJECTED,
        granted_amount=Decimal(5),
        justification="Utenfor ordningen.",
        decided_by=handler,
    )
    rejection.clean()
    assert rejection.granted_amount is None
