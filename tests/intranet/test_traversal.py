"""Uploaded files: /media/ gives images only, /documents/ only through Wagtail's privacy check.

Every path trick is tried twice: through Django's test client, and as raw bytes
on a socket to a real HTTP server running the project's WSGI application (the
test client decodes and tidies some paths itself; `curl --path-as-is` does not).
"""

import socket

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.handlers.wsgi import WSGIHandler
from pytest_django.live_server_helper import LiveServer
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

SECRET = b"%PDF-1.4\nHEMMELIG-BUDSJETT-2027\n%%EOF\n"

# Paths after /media/ that try to reach documents/budsjett.pdf (or the file system)
# from the image folders. Each must answer 400 or 404, never the document.
MEDIA_TRICKS = [
    "documents/budsjett.pdf",
    "images/../documents/budsjett.pdf",
    "original_images/../documents/budsjett.pdf",
    "images/./../documents/budsjett.pdf",
    "images//../documents/budsjett.pdf",
    "images/%2e%2e/documents/budsjett.pdf",
    "images/%2E%2E/documents/budsjett.pdf",
    "images/..%2fdocuments%2fbudsjett.pdf",
    "images%2f..%2fdocuments%2fbudsjett.pdf",
    "images/%252e%252e/documents/budsjett.pdf",
    "images/%252e%252e%252fdocuments%252fbudsjett.pdf",
    "images/..\\documents\\budsjett.pdf",
    "images/..%5cdocuments%5cbudsjett.pdf",
    "images\\..\\documents\\budsjett.pdf",
    "images/%c0%ae%c0%ae/documents/budsjett.pdf",
    "images/%c0%ae%c0%ae%c0%afdocuments%c0%afbudsjett.pdf",
    "images/%e0%80%ae%e0%80%ae/documents/budsjett.pdf",
    "images/%u002e%u002e/documents/budsjett.pdf",
    "images/../documents/budsjett.pdf%00.png",
    "images/..%00/../documents/budsjett.pdf",
    "images/%00/../../documents/budsjett.pdf",
    "images/.%2e/documents/budsjett.pdf",
    "images/../../media/documents/budsjett.pdf",
    "original_images/../../../../../../etc/passwd",
    "images//etc/passwd",
    "images/",
    "images",
]

# The same under /documents/: only /documents/<id>/<its own file name> is served,
# and then only to those the collection lets in.
DOCUMENT_TRICKS = [
    "{id}/../../media/documents/budsjett.pdf",
    "{id}/..%2f..%2fmedia%2fdocuments%2fbudsjett.pdf",
    "{id}/%2e%2e/budsjett.pdf",
    "{id}/budsjett.pdf/../budsjett.pdf",
    "{id}/..\\budsjett.pdf",
    "{id}/budsjett.pdf%00",
    "{id}/%c0%ae%c0%ae/budsjett.pdf",
    "images/../{id}/budsjett.pdf",
    "../media/documents/budsjett.pdf",
    "%2e%2e/media/documents/budsjett.pdf",
]


@pytest.fixture
def files(home):
    """A picture anyone may see, and a budget in a collection only «Ledergruppen» may read."""
    image = get_image_model().objects.create(title="Verksted", file=get_test_image_file())
    group = Group.objects.create(name="Ledergruppen")
    collection = Collection.get_first_root_node().add_child(name="Ledelse")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    document = get_document_model()(title="Budsjett", collection=collection)
    document.file.save("budsjett.pdf", ContentFile(SECRET), save=True)
    assert document.file.name == "documents/budsjett.pdf"
    return image, document, group


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_images_are_served_to_employees(employee_client, files):
    image, _document, _group = files

    response = employee_client.get("/media/" + image.file.name)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "private" in response["Cache-Control"]
    assert body_of(response).startswith(b"\x89PNG")


@pytest.mark.parametrize("trick", MEDIA_TRICKS)
def test_no_path_trick_reads_a_document_through_media(client, employee, files, trick):
    _image, _document, group = files
    employee.groups.add(group)  # even a reader of the collection gets no document from /media/
    client.force_login(employee)

    response = client.get("/media/" + trick)

    assert response.status_code in (400, 404), trick
    assert b"HEMMELIG" not in body_of(response)


@pytest.mark.parametrize("trick", DOCUMENT_TRICKS)
def test_no_path_trick_reads_a_document_around_its_privacy(employee_client, files, trick):
    _image, document, _group = files

    response = employee_client.get("/documents/" + trick.format(id=document.pk))

    assert response.status_code in (400, 403, 404), trick
    assert b"HEMMELIG" not in body_of(response)


def test_the_restricted_document_reaches_its_readers_as_an_attachment_only(client, employee, files):
    _image, document, group = files
    client.force_login(employee)

    refused = client.get(document.url)
    assert refused.status_code == 403
    assert b"HEMMELIG" not in body_of(refused)

    employee.groups.add(group)
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert body_of(response) == SECRET


# --- The same tricks on the wire --------------------------------------------------


@pytest.fixture
def app_server(transactional_db, django_db_serialized_rollback):
    """A real HTTP server (Django's, as runserver) with the project's WSGI application only.

    pytest-django's live_server serves MEDIA_URL from the folder itself, in
    front of the application; this one hands every path to intranet.urls.
    """
    server = LiveServer("localhost", start=False)
    server.thread.static_handler = lambda _media_handler: WSGIHandler()
    server.start()
    yield server
    server.stop()


def raw_get(server, raw_path, cookie):
    """GET with the path sent byte for byte (no client-side normalising or quoting)."""
    request = (
        b"GET " + raw_path + b" HTTP/1.1\r\nHost: localhost\r\n"
        b"Cookie: sessionid=" + cookie.encode() + b"\r\nConnection: close\r\n\r\n"
    )
    with socket.create_connection((server.thread.host, server.thread.port), timeout=30) as sock:
        sock.sendall(request)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    answer = b"".join(chunks)
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/") else 400
    return status, answer


def test_no_path_trick_on_the_wire_reads_a_document(app_server, client, employee, files):
    image, document, group = files
    employee.groups.add(group)
    client.force_login(employee)
    cookie = client.cookies["sessionid"].value

    status, answer = raw_get(app_server, b"/media/" + image.file.name.encode(), cookie)
    assert status == 200
    assert b"\x89PNG" in answer

    tricks = [b"/media/" + trick.encode("latin-1") for trick in MEDIA_TRICKS]
    tricks += [b"/documents/" + trick.format(id=document.pk).encode() for trick in DOCUMENT_TRICKS]
    for raw_path in tricks:
        status, answer = raw_get(app_server, raw_path, cookie)
        assert status in (400, 404), raw_path
        assert b"HEMMELIG" not in answer, raw_path
