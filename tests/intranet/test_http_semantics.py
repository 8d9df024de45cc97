"""HTTP as browsers and proxies read it: methods a page does not take are 405 with Allow,
and what a signed-in employee sees is never kept in a shared cache (personal pages nowhere)."""

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.utils.cache import get_max_age
from wagtail.documents import get_document_model
from wagtail.models import Page

from demo import factories
from fabrikken.models import GuidanceRequest
from funding.models import FundingApplication
from tests.fabrikken.conftest import make_request
from tests.funding.conftest import answers

pytestmark = pytest.mark.django_db

UNSAFE = ["PUT", "DELETE", "PATCH"]


def request(client, method, url):
    return getattr(client, method.lower())(url)


def allowed(response):
    return {method.strip() for method in response["Allow"].split(",")}


def test_every_page_type_refuses_the_methods_it_does_not_take():
    """Structural: a new page type inherits GET, HEAD, OPTIONS only unless it says otherwise."""
    page_types = [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and model._meta.app_label != "wagtailcore"
    ]
    assert len(page_types) >= 10
    for model in page_types:
        methods = set(model.allowed_http_method_names())
        assert methods.isdisjoint(UNSAFE), model
        assert {"GET", "HEAD", "OPTIONS"} <= methods, model
        expects_post = model._meta.label in {"funding.FundingCallPage", "fabrikken.FabrikkenPage"}
        assert ("POST" in methods) is expects_post, model


@pytest.mark.parametrize("method", UNSAFE)
def test_a_page_answers_unsafe_methods_with_405_and_allow(employee_client, home, method):
    page = factories.make_content_page()

    for url in ("/", page.url):
        response = request(employee_client, method, url)
        assert response.status_code == 405, url
        assert allowed(response) == {"GET", "HEAD", "OPTIONS"}


@pytest.mark.parametrize("method", ["POST", *UNSAFE])
def test_a_page_without_forms_refuses_post_too(employee_client, home, method):
    method_page = factories.make_method()

    response = request(employee_client, method, method_page.url)

    assert response.status_code == 405
    assert "POST" not in allowed(response)


@pytest.mark.parametrize("method", UNSAFE)
def test_pages_with_forms_allow_post_but_not_the_rest(employee_client, home, method):
    call = factories.make_funding_call(factories.make_funding_index())
    fabrikken = factories.make_fabrikken_page()

    for url in (call.url, fabrikken.url, fabrikken.url + "booking/"):
        response = request(employee_client, method, url)
        assert response.status_code == 405, url
        assert allowed(response) == {"GET", "HEAD", "OPTIONS", "POST"}


def test_options_tells_what_a_page_takes(employee_client, home):
    response = employee_client.options("/")

    assert response.status_code == 200
    assert allowed(response) == {"GET", "HEAD", "OPTIONS"}


# --- Cache-Control --------------------------------------------------------------


def cache_control(response):
    return {part.strip().split("=")[0] for part in response.get("Cache-Control", "").split(",")}


def test_a_signed_in_page_is_private(employee_client, home):
    response = employee_client.get(factories.make_content_page().url)

    assert response.status_code == 200
    assert "private" in cache_control(response)
    assert "public" not in cache_control(response)


def test_a_document_is_private(employee_client, home):
    document = get_document_model()(title="Arbeidsark")
    document.file.save("arbeidsark.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)

    response = employee_client.get(document.url)

    assert response.status_code == 200
    assert "private" in cache_control(response)


@pytest.fixture
def personal_pages(client, employee, home):
    """Every page that shows one employee's own applications, bookings and requests."""
    client.force_login(employee)
    index = factories.make_funding_index()
    call = factories.make_funding_call(index)
    sent = client.post(call.url, answers())
    assert sent.status_code == 302, sent.content.decode()[:2000]
    application = FundingApplication.objects.get()
    fabrikken = factories.make_fabrikken_page()
    booking = factories.make_room_booking(fabrikken.rooms.get(slug="verkstedet"), employee)
    guidance = make_request(employee, status=GuidanceRequest.Status.NEW)
    return {
        "Mine søknader": "/stotte/mine-soknader/",
        "application": f"/stotte/mine-soknader/{application.pk}/",
        "application receipt": sent["Location"],
        "Mine bookinger": "/fabrikken/booking/mine/",
        "booking": f"/fabrikken/booking/mine/{booking.pk}/",
        "booking receipt": f"/fabrikken/booking/mine/{booking.pk}/bekreftet/",
        "booking calendar file": f"/fabrikken/booking/mine/{booking.pk}/kalender/",
        "cancel booking": f"/fabrikken/booking/mine/{booking.pk}/avbestill/",
        "Mine henvendelser": "/fabrikken/veiledning/mine/",
        "guidance request": f"/fabrikken/veiledning/mine/{guidance.pk}/",
        "guidance receipt": f"/fabrikken/veiledning/mine/{guidance.pk}/sendt/",
    }


def test_personal_pages_are_never_stored(client, personal_pages):
    for name, url in personal_pages.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url)
        directives = cache_control(response)
        assert {"private", "no-store"} <= directives, (name, url, response.get("Cache-Control"))
        assert get_max_age(response) in (None, 0), (name, url)
