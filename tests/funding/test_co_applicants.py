"""Co-applicants (docs/funding-pipeline.md): found among the intranet's active users by name,
e-mail or unit, added and removed with POST buttons (no JavaScript needed); they see the
application in their list and edit the draft; nobody twice, never the creator, at most ten."""

import pytest

from core.models import StaffProfile
from demo import factories
from funding.models import Application, CallCriterion, CoApplicant
from funding.models.pipeline import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(open_call):
    CallCriterion.objects.create(call=open_call, title="Behovet er dokumentert", sort_order=0)
    return open_call


@pytest.fixture
def application(call, employee):
    return Application.objects.create(call=call, created_by=employee, project_title="Tavla")


@pytest.fixture
def colleague():
    user = factories.make_user(
        "nora", first_name="Nora", last_name="Nilsen", email="nora.nilsen@eksempel.no"
    )
    StaffProfile.objects.create(user=user, unit="Hundvåg sykehjem")
    return user


def route(call, name, *args):
    return call.url + call.reverse_subpage(name, args=args)


def search(client, application, query):
    return client.get(
        route(application.call, "application_co_applicants", application.uuid), {"q": query}
    )


def add(client, application, user):
    return client.post(
        route(application.call, "application_co_applicants", application.uuid), {"user": user.pk}
    )


@pytest.mark.parametrize("query", ["nora nil", "NORA.NILSEN@eksempel", "hundvåg"])
def test_search_finds_colleagues_by_name_e_mail_or_unit(
    employee_client, application, colleague, query
):
    factories.make_user("sluttet", first_name="Nora", is_active=False)
    response = search(employee_client, application, query)
    assert response.status_code == 200
    assert response.context["results"] == [colleague]
    html = response.content.decode()
    assert "Nora Nilsen, Hundvåg sykehjem" in html
    assert f'name="user" value="{colleague.pk}"' in html and "Legg til" in html
    assert "no-store" in response["Cache-Control"]


def test_search_leaves_out_the_creator_and_those_already_on_it(
    employee_client, employee, application, colleague
):
    CoApplicant.objects.create(application=application, user=colleague)
    assert search(employee_client, application, "nora").context["results"] == []
    assert search(employee_client, application, employee.first_name).context["results"] == []
    short = search(employee_client, application, "n")
    assert short.context["results"] == [] and "Skriv minst to bokstaver." in short.content.decode()


def test_a_co_applicant_sees_the_application_and_edits_the_draft(
    client, employee_client, application, colleague
):
    response = add(employee_client, application, colleague)
    assert response.status_code == 302
    assert response["Location"] == route(application.call, "application", application.uuid) + (
        "#medsokere"
    )
    link = CoApplicant.objects.get()
    assert (link.user, link.added_by) == (colleague, application.created_by)
    form_page = employee_client.get(route(application.call, "application", application.uuid))
    assert "Nora Nilsen, Hundvåg sykehjem" in form_page.content.decode()

    client.force_login(colleague)
    call_page = client.get(application.call.url).content.decode()
    assert route(application.call, "application", application.uuid) in call_page
    url = route(application.call, "application", application.uuid)
    assert client.get(url).context["form"] is not None
    saved = client.post(url, {"project_title": "Tavla 2", "action": "save"})
    assert saved.status_code == 302
    assert Application.objects.get().project_title == "Tavla 2"
    check = client.get(route(application.call, "application_check", application.uuid))
    assert "Nora Nilsen" in check.content.decode()


def test_nobody_is_added_twice_and_the_creator_never(
    employee_client, employee, application, colleague
):
    add(employee_client, application, colleague)
    twice = add(employee_client, application, colleague)
    assert twice.status_code == 200
    assert "Nora Nilsen er allerede medsøker." in twice.content.decode()
    creator = add(employee_client, application, employee)
    assert creator.status_code == 200
    assert "startet søknaden og står allerede på den" in creator.content.decode()
    inactive = factories.make_user("borte", is_active=False)
    assert add(employee_client, application, inactive).status_code == 200
    assert list(CoApplicant.objects.values_list("user", flat=True)) == [colleague.pk]


def test_at_most_ten_co_applicants(employee_client, application, colleague):
    for number in range(10):
        CoApplicant.objects.create(
            application=application, user=factories.make_user(f"kollega{number}")
        )
    refused = add(employee_client, application, colleague)
    assert refused.status_code == 200
    assert "En søknad kan ha høyst 10 medsøkere." in refused.content.decode()
    assert CoApplicant.objects.count() == 10
    form_page = employee_client.get(route(application.call, "application", application.uuid))
    assert form_page.context["co_applicants_full"]


def test_removing_a_co_applicant(client, employee_client, application, colleague):
    add(employee_client, application, colleague)
    link = CoApplicant.objects.get()
    url = route(application.call, "application_co_applicant_remove", application.uuid, link.pk)
    assert employee_client.get(url).status_code == 405
    response = employee_client.post(url)
    assert response.status_code == 302 and not CoApplicant.objects.exists()
    client.force_login(colleague)
    assert client.get(route(application.call, "application", application.uuid)).status_code == 404


def test_a_co_applicant_may_leave_the_application(client, application, colleague):
    link = CoApplicant.objects.create(application=application, user=colleague)
    client.force_login(colleague)
    response = client.post(
        route(application.call, "application_co_applicant_remove", application.uuid, link.pk)
    )
    assert response["Location"] == application.call.url
    assert not CoApplicant.objects.exists()


def test_others_cannot_add_or_remove(client, application, colleague):
    link = CoApplicant.objects.create(application=application, user=colleague)
    client.force_login(factories.make_user("per"))
    assert search(client, application, "nora").status_code == 404
    assert add(client, application, factories.make_user("ola")).status_code == 404
    remove = route(application.call, "application_co_applicant_remove", application.uuid, link.pk)
    assert client.post(remove).status_code == 404
    assert list(CoApplicant.objects.all()) == [link]


def test_nothing_changes_once_the_application_is_withdrawn(
    employee_client, employee, application, colleague
):
    link = CoApplicant.objects.create(application=application, user=colleague)
    application.move_to(Status.WITHDRAWN, by=employee)
    other = factories.make_user("ola")
    assert add(employee_client, application, other).status_code == 302
    remove = route(application.call, "application_co_applicant_remove", application.uuid, link.pk)
    employee_client.post(remove)
    assert list(CoApplicant.objects.all()) == [link]
    read_only = employee_client.get(route(application.call, "application", application.uuid))
    html = read_only.content.decode()
    assert "Nora Nilsen" in html and "Fjern" not in html
