"""Attachments to an application (docs/funding-pipeline.md, decision 4): PDF and office files
only, checked by extension and first bytes, 10 MB and 10 per application; stored where no
URL reaches them and handed out only by the download view, to those who may read the
application; emptied with the rest of a withdrawn application after twelve months."""

import re
from datetime import timedelta
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from demo import factories
from funding.attachments import MAX_SIZE, attachment_url
from funding.models import Application, Attachment, CallCriterion, CoApplicant, CriterionAnswer
from funding.models.pipeline import Status

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n% ein liten pdf\n"
DOCX = b"PK\x03\x04" + b"\x00" * 40
EXE = b"MZ\x90\x00" + b"\x00" * 40


@pytest.fixture
def call(open_call):
    CallCriterion.objects.create(call=open_call, title="Behovet er dokumentert", sort_order=0)
    return open_call


@pytest.fixture
def application(call, employee):
    return Application.objects.create(call=call, created_by=employee, project_title="Tavla")


def route(call, name, *args):
    return call.url + call.reverse_subpage(name, args=args)


def upload(client, application, name="budsjett.pdf", content=PDF):
    return client.post(
        route(application.call, "application_attachments", application.uuid),
        {"file": SimpleUploadedFile(name, content, content_type="application/octet-stream")},
    )


def stored(application, name="budsjett.pdf", content=PDF, user=None):
    return Attachment.objects.create(
        application=application,
        file=ContentFile(content, name=name),
        original_name=name,
        size=len(content),
        content_type="application/pdf",
        uploaded_by=user,
    )


def case_handler():
    user = factories.make_user("saksbehandler")
    user.user_permissions.add(Permission.objects.get(codename="handle_application"))
    return user


def body(response):
    return b"".join(response.streaming_content)


def test_an_upload_is_stored_outside_the_media_folder_and_downloads_as_an_attachment(
    employee_client, application
):
    response = upload(employee_client, application, name="Budsjett «2026».pdf")
    assert response.status_code == 302
    assert response["Location"].endswith("#vedlegg")
    attachment = Attachment.objects.get()
    assert (attachment.original_name, attachment.size) == ("Budsjett «2026».pdf", len(PDF))
    assert attachment.content_type == "application/pdf"
    assert attachment.file.name.startswith(f"applications/{application.uuid}/")
    assert "Budsjett" not in attachment.file.name  # a random name, the original kept apart

    # On disk under PRIVATE_MEDIA_ROOT, which is not inside MEDIA_ROOT; no address at all.
    path = Path(attachment.file.path).resolve()
    assert path.read_bytes() == PDF
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))
    with pytest.raises(ValueError):
        attachment.file.url  # noqa: B018
    assert employee_client.get(f"{settings.MEDIA_URL}{attachment.file.name}").status_code == 404

    download = employee_client.get(attachment_url(application, attachment))
    assert download.status_code == 200
    assert body(download) == PDF
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''Budsjett%20%C2%AB2026%C2%BB.pdf" in download["Content-Disposition"]
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in download["Cache-Control"] and "private" in download["Cache-Control"]

    page = employee_client.get(route(application.call, "application", application.uuid))
    assert attachment_url(application, attachment) in page.content.decode()


def test_a_program_renamed_to_pdf_is_refused_and_the_form_stays(employee_client, application):
    response = upload(employee_client, application, name="faktura.pdf", content=EXE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "«faktura.pdf» er ikke en ekte PDF-fil." in html
    assert 'class="error-summary"' in html and 'id="id_project_title"' in html
    assert 'value="Tavla"' in html  # the rest of the form, as it was
    assert not Attachment.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("program.exe", EXE, "«program.exe» er ikke en filtype du kan legge ved."),
        ("side.html", b"<html>", "«side.html» er ikke en filtype du kan legge ved."),
        ("notat.docx", PDF, "«notat.docx» er ikke en ekte DOCX-fil."),
        ("tom.pdf", b"", "Filen er tom."),
    ],
)
def test_other_bad_files_are_refused(employee_client, application, name, content, message):
    response = upload(employee_client, application, name=name, content=content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Attachment.objects.exists()


def test_office_files_are_accepted(employee_client, application):
    upload(employee_client, application, name="plan.docx", content=DOCX)
    upload(
        employee_client, application, name="budsjett.xls", content=bytes.fromhex("D0CF11E0A1B11AE1")
    )
    assert sorted(Attachment.objects.values_list("content_type", flat=True)) == [
        "application/vnd.ms-excel",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]


def test_a_file_over_10_mb_is_refused(employee_client, application):
    response = upload(employee_client, application, content=PDF + b"0" * (MAX_SIZE + 1 - len(PDF)))
    assert response.status_code == 200
    assert (
        "«budsjett.pdf» er 10,0\xa0MB. En fil kan være høyst 10,0\xa0MB."
        in response.content.decode()
    )
    assert not Attachment.objects.exists()


def test_the_eleventh_file_is_refused(employee_client, application):
    for number in range(10):
        stored(application, name=f"vedlegg-{number}.pdf")
    page = employee_client.get(route(application.call, "application", application.uuid))
    assert page.context["attachment_form"] is None  # no upload field once there are ten
    response = upload(employee_client, application, name="nummer-11.pdf")
    assert response.status_code == 200
    assert "Søknaden har allerede 10 vedlegg" in response.content.decode()
    assert Attachment.objects.count() == 10


def test_another_users_attachment_is_a_404(client, application):
    attachment = stored(application)
    client.force_login(factories.make_user("per"))
    assert client.get(attachment_url(application, attachment)).status_code == 404
    # Nor through an application of their own: the attachment must belong to the one named.
    own = Application.objects.create(call=application.call, created_by=factories.make_user("ola"))
    client.force_login(own.created_by)
    url = route(application.call, "application_attachment", own.uuid, attachment.pk)
    assert client.get(url).status_code == 404
    delete = route(application.call, "application_attachment_delete", own.uuid, attachment.pk)
    assert client.post(delete).status_code == 404
    assert Attachment.objects.exists()


def test_a_case_handler_downloads_a_sent_applications_attachment(client, employee, application):
    attachment = stored(application, user=employee)
    handler = case_handler()
    client.force_login(handler)
    assert client.get(attachment_url(application, attachment)).status_code == 404  # a draft
    application.move_to(Status.SUBMITTED, by=employee)
    response = client.get(attachment_url(application, attachment))
    assert response.status_code == 200 and body(response) == PDF
    # A case handler reads; they cannot delete.
    client.post(
        route(application.call, "application_attachment_delete", application.uuid, attachment.pk)
    )
    assert Attachment.objects.exists()


def test_deleting_an_attachment_removes_the_file(employee_client, application):
    upload(employee_client, application)
    attachment = Attachment.objects.get()
    path = Path(attachment.file.path)
    assert (
        employee_client.get(
            route(
                application.call, "application_attachment_delete", application.uuid, attachment.pk
            )
        ).status_code
        == 405
    )
    response = employee_client.post(
        route(application.call, "application_attachment_delete", application.uuid, attachment.pk)
    )
    assert response.status_code == 302
    assert not Attachment.objects.exists() and not path.exists()


def test_the_check_and_read_only_pages_list_the_attachments(employee_client, employee, application):
    attachment = stored(application)
    url = attachment_url(application, attachment)
    check = employee_client.get(route(application.call, "application_check", application.uuid))
    assert url in check.content.decode()
    application.move_to(Status.WITHDRAWN, by=employee)
    read_only = employee_client.get(route(application.call, "application", application.uuid))
    assert read_only.context["read_only"]
    html = read_only.content.decode()
    assert url in html and "Slett vedlegg" not in html


def test_the_form_page_queries_stay_flat_in_attachments_and_co_applicants(
    employee_client, application
):
    url = route(application.call, "application", application.uuid)
    stored(application)
    CoApplicant.objects.create(application=application, user=factories.make_user("kollega0"))
    employee_client.get(url)  # warm the caches the layout uses
    with CaptureQueriesContext(connection) as one:
        assert employee_client.get(url).status_code == 200
    for number in range(1, 8):
        stored(application, name=f"vedlegg-{number}.pdf")
        CoApplicant.objects.create(
            application=application, user=factories.make_user(f"kollega{number}")
        )
    with CaptureQueriesContext(connection) as eight:
        response = employee_client.get(url)
    assert (len(response.context["attachments"]), len(response.context["co_applicants"])) == (8, 8)
    assert len(eight) == len(one), [q["sql"] for q in eight.captured_queries]


# --- Retention: twelve months after a withdrawal ---------------------------------------------


def test_a_withdrawn_application_is_emptied_after_twelve_months(employee, application):
    criterion = application.call.criteria_items.get()
    CriterionAnswer.objects.create(application=application, criterion=criterion, text="Svar")
    Application.objects.filter(pk=application.pk).update(
        need="Lange køer", legacy_answers={"Beløp": "100"}, amount=100_000
    )
    attachment = stored(application)
    path = Path(attachment.file.path)
    application.refresh_from_db()
    application.move_to(Status.WITHDRAWN, by=employee)
    kept = Application.objects.create(
        call=application.call, created_by=employee, project_title="Ny"
    )
    kept.move_to(Status.WITHDRAWN, by=employee)
    kept_file = stored(kept)
    Application.objects.filter(pk=kept.pk).update(withdrawn_at=timezone.now() + timedelta(days=30))

    almost = timezone.now() + timedelta(days=364)
    with mock.patch("django.utils.timezone.now", return_value=almost):
        call_command("delete_withdrawn_applications", verbosity=0)
    assert Attachment.objects.count() == 2 and path.exists()

    later = timezone.now() + timedelta(days=366)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("delete_withdrawn_applications", verbosity=0)
    application.refresh_from_db()
    assert (application.project_title, application.need, application.legacy_answers) == ("", "", {})
    assert (application.status, application.amount) == ("trukket", 100_000)
    assert application.withdrawn_at and application.log.count() == 1
    assert not application.answers.exists() and not application.attachments.exists()
    assert not path.exists()
    # Withdrawn 30 days later: its twelve months are not over yet.
    assert list(Attachment.objects.all()) == [kept_file]
    assert Application.objects.get(pk=kept.pk).project_title == "Ny"


def test_other_applications_are_never_emptied(employee, application):
    stored(application)
    application.move_to(Status.SUBMITTED, by=employee)
    later = timezone.now() + timedelta(days=800)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("delete_withdrawn_applications", verbosity=0)
    assert Attachment.objects.exists() and Application.objects.get().project_title == "Tavla"


def test_uploading_from_the_form_saves_what_was_typed_and_a_refused_file_loses_nothing(
    employee_client, application
):
    """The file input and «Last opp» belong to the draft form: typed text goes with the file."""
    url = route(application.call, "application", application.uuid)
    page = employee_client.get(url).content.decode()
    assert re.search(r'<input[^>]*type="file"[^>]*form="soknad"', page)
    assert re.search(r'<button[^>]*form="soknad"[^>]*value="upload"', page)
    typed = {"project_title": "Tavla i gangen", "need": "Ingen ser beskjedene.", "action": "upload"}
    refused = employee_client.post(url, {**typed, "file": SimpleUploadedFile("faktura.pdf", EXE)})
    assert refused.status_code == 200
    assert "«faktura.pdf» er ikke en ekte PDF-fil." in refused.content.decode()
    application.refresh_from_db()
    assert (application.project_title, application.need) == (
        "Tavla i gangen",
        "Ingen ser beskjedene.",
    )

    accepted = employee_client.post(url, {**typed, "file": SimpleUploadedFile("budsjett.pdf", PDF)})
    assert accepted["Location"].endswith("#vedlegg")
    assert application.attachments.get().original_name == "budsjett.pdf"
