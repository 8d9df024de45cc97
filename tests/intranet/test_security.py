"""Security: headers, throttled sign-in, uploads, private files and single sign-on."""

import io
import os
import subprocess
import sys

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from demo import factories
from tests.helpers import ROOT, page_html

pytestmark = pytest.mark.django_db


def test_pages_carry_the_security_headers(employee_client, home):
    response = employee_client.get("/")

    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert (
        "script-src 'self'" in csp
        and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    )
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_admin_may_frame_its_own_previews_but_nothing_else_changes(client, home):
    client.force_login(factories.make_user("admin", is_superuser=True))

    csp = client.get(reverse("wagtailadmin_home"))["Content-Security-Policy"]

    assert "frame-ancestors 'self'" in csp
    assert "default-src 'self'" in csp


def test_the_sign_in_page_has_no_inline_script(client):
    html = page_html(client.get(reverse("login")))

    assert "<script>" not in html
    assert "onclick=" not in html


@pytest.fixture
def throttled(settings):
    settings.AXES_ENABLED = True
    settings.AUTHENTICATION_BACKENDS = [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
    ]
    settings.AXES_FAILURE_LIMIT = 3


def test_repeated_failed_sign_ins_are_throttled_with_a_norwegian_message(client, home, throttled):
    factories.make_user("kari")
    for _attempt in range(3):
        client.post(reverse("login"), {"username": "kari", "password": "feil"})

    locked = client.post(reverse("login"), {"username": "kari", "password": factories.PASSWORD})

    assert locked.status_code == 429
    html = locked.content.decode()
    assert "For mange mislykkede innlogginger" in html
    assert "15 minutter" in html
    assert "_auth_user_id" not in client.session


def test_a_successful_sign_in_before_the_limit_resets_the_count(client, home, throttled):
    factories.make_user("kari")
    client.post(reverse("login"), {"username": "kari", "password": "feil"})
    client.post(reverse("login"), {"username": "kari", "password": "feil"})

    response = client.post(reverse("login"), {"username": "kari", "password": factories.PASSWORD})

    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def png_bytes(width, height):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "#005a8c").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def admin_client(client, home):
    client.force_login(factories.make_user("admin", is_superuser=True))
    return client


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("side.html", b"<html><script>alert(1)</script></html>", "text/html"),
        ("ikon.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>", "image/svg+xml"),
        ("program.exe", b"MZ\x90\x00", "application/octet-stream"),
    ],
)
def test_dangerous_document_uploads_are_refused(admin_client, name, content, content_type):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, content, content_type=content_type)},
    )

    assert response.status_code == 200  # the form again, with its error
    assert not get_document_model().objects.filter(title=name).exists()


def test_an_svg_image_upload_is_refused(admin_client):
    svg = b"<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>"
    admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Vektor", "file": SimpleUploadedFile("vektor.svg", svg, "image/svg+xml")},
    )

    assert not get_image_model().objects.filter(title="Vektor").exists()


def test_an_image_with_too_many_pixels_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100 * 100
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Stort",
            "file": SimpleUploadedFile("stort.png", png_bytes(200, 200), "image/png"),
        },
    )

    assert not get_image_model().objects.filter(title="Stort").exists()
    assert response.status_code == 200


def test_a_too_large_image_file_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Tungt",
            "file": SimpleUploadedFile("tungt.png", png_bytes(400, 400), "image/png"),
        },
    )

    assert not get_image_model().objects.filter(title="Tungt").exists()


@pytest.fixture
def worksheet():
    document = get_document_model()(title="Arbeidsark")
    document.file.save("arbeidsark.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    return document


def test_documents_are_attachments_for_signed_in_users_only(client, employee, worksheet):
    url = worksheet.url

    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("login"))

    client.force_login(employee)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == "application/pdf"


def test_document_files_are_not_served_from_the_media_folder(employee_client, worksheet):
    response = employee_client.get("/media/" + worksheet.file.name)

    assert response.status_code == 404


def manage_check(env):
    clean = {key: value for key, value in os.environ.items() if not key.startswith("OIDC_")}
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_single_sign_on_switches_on_and_off_without_errors():
    off = manage_check({})
    on = manage_check(
        {
            "OIDC_RP_CLIENT_ID": "innovasjon",
            "OIDC_RP_CLIENT_SECRET": "hemmelig",
            "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://login.eksempel.no/authorize",
            "OIDC_OP_TOKEN_ENDPOINT": "https://login.eksempel.no/token",
            "OIDC_OP_USER_ENDPOINT": "https://login.eksempel.no/userinfo",
            "OIDC_OP_JWKS_ENDPOINT": "https://login.eksempel.no/keys",
        }
    )

    assert off.returncode == 0, off.stderr
    assert on.returncode == 0, on.stderr


def test_single_sign_on_matches_employees_by_email(employee):
    from intranet.auth import MunicipalOIDCBackend

    backend = MunicipalOIDCBackend.__new__(MunicipalOIDCBackend)
    backend.UserModel = type(employee)
    employee.email = "Kari.Ansatt@Eksempel.no"
    employee.save()

    matches = backend.filter_users_by_claims({"preferred_username": "kari.ansatt@eksempel.no"})

    assert list(matches) == [employee]
    assert not backend.filter_users_by_claims({}).exists()


def test_a_session_is_renewed_while_the_employee_works_but_not_on_every_request(
    employee_client, home, django_assert_max_num_queries
):
    employee_client.get("/")  # renews: the session was just created
    first = employee_client.session["_renewed_at"]
    employee_client.get("/")

    assert employee_client.session["_renewed_at"] == first

    session = employee_client.session
    session["_renewed_at"] = first - 16 * 60
    session.save()
    employee_client.get("/")
    assert employee_client.session["_renewed_at"] > first - 16 * 60
