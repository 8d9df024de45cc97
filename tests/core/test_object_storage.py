"""Media in object storage (core/storage): configured from the environment, private, served through the site.

The first tests read the configuration and need nothing. The rest run against a real
blob service, Azurite, when the environment names one (`make test-storage`, which runs
them under scripts/with-azurite.sh); otherwise they are skipped. They look at the
container with a client of their own, not through the storage under test.
"""

import hashlib
import os
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

from core.storage import (
    AZURE,
    FILE_SYSTEM,
    PRIVATE_AZURE,
    PRIVATE_FILE_SYSTEM,
    PRIVATE_S3,
    S3,
    media_storage,
    private_storage,
)
from demo import factories
from tests.helpers import soup

AZURITE = {
    "AZURE_STORAGE_CONNECTION_STRING": (
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;"
        "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"
    ),
    "AZURE_CONTAINER": "media",
}


# --- The configuration ------------------------------------------------------------------------


def test_nothing_configured_keeps_the_disk():
    assert media_storage({}) == {"BACKEND": FILE_SYSTEM}
    assert media_storage({"AZURE_CONTAINER": " ", "AWS_STORAGE_BUCKET_NAME": ""}) == {
        "BACKEND": FILE_SYSTEM
    }


def test_azure_from_a_connection_string():
    storage = media_storage(AZURITE)

    assert storage == {
        "BACKEND": AZURE,
        "OPTIONS": {
            "azure_container": "media",
            "timeout": 20,
            "connection_string": AZURITE["AZURE_STORAGE_CONNECTION_STRING"],
        },
    }


def test_azure_from_an_account_name_and_key():
    storage = media_storage(
        {"AZURE_CONTAINER": "media", "AZURE_ACCOUNT_NAME": "stavanger", "AZURE_ACCOUNT_KEY": "a2V5"}
    )

    assert storage["OPTIONS"] == {
        "azure_container": "media",
        "timeout": 20,
        "account_name": "stavanger",
        "account_key": "a2V5",
    }


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"AZURE_STORAGE_CONNECTION_STRING": "AccountName=x"}, "AZURE_CONTAINER must name"),
        ({"AZURE_CONTAINER": "media"}, "needs AZURE_STORAGE_CONNECTION_STRING"),
        ({"AZURE_CONTAINER": "media", "AZURE_ACCOUNT_NAME": "x"}, "needs AZURE_STORAGE"),
        ({**AZURITE, "AWS_STORAGE_BUCKET_NAME": "media"}, "choose one"),
    ],
    ids=["no-container", "no-credentials", "no-key", "azure-and-s3"],
)
def test_an_incomplete_configuration_is_refused(environ, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        media_storage(environ)


def test_s3_from_the_environment():
    storage = media_storage(
        {
            "AWS_STORAGE_BUCKET_NAME": "innovasjon-media",
            "AWS_S3_ENDPOINT_URL": "https://s3.eksempel.no",
            "AWS_S3_REGION_NAME": "eu-north-1",
        }
    )

    assert storage == {
        "BACKEND": S3,
        "OPTIONS": {
            "bucket_name": "innovasjon-media",
            "file_overwrite": False,
            "default_acl": None,
            "endpoint_url": "https://s3.eksempel.no",
            "region_name": "eu-north-1",
        },
    }


def test_private_files_get_a_storage_of_their_own():
    """Attachments (STORAGES["private"]): a folder outside MEDIA_ROOT on disk, their own
    private container in Azure, a prefix the media view never serves on S3."""
    assert private_storage({}) == {"BACKEND": PRIVATE_FILE_SYSTEM}
    azure = private_storage(AZURITE)
    assert azure["BACKEND"] == PRIVATE_AZURE
    assert azure["OPTIONS"] == {
        **media_storage(AZURITE)["OPTIONS"],
        "azure_container": "media-private",
    }
    named = private_storage({**AZURITE, "AZURE_PRIVATE_CONTAINER": "vedlegg"})
    assert named["OPTIONS"]["azure_container"] == "vedlegg"
    with pytest.raises(ImproperlyConfigured, match="must differ from AZURE_CONTAINER"):
        private_storage({**AZURITE, "AZURE_PRIVATE_CONTAINER": "media"})
    s3 = private_storage({"AWS_STORAGE_BUCKET_NAME": "innovasjon-media"})
    assert (s3["BACKEND"], s3["OPTIONS"]["location"]) == (PRIVATE_S3, "private")


def test_private_files_have_no_address(settings, tmp_path):
    from core.storage import PrivateFileSystemStorage
    from core.storage.azure import PrivateFilesAzureStorage

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    on_disk = PrivateFileSystemStorage()
    assert on_disk.path("applications/x") == str(tmp_path / "private" / "applications" / "x")
    for storage in (on_disk, PrivateFilesAzureStorage(**private_storage(AZURITE)["OPTIONS"])):
        with pytest.raises(ValueError, match="no address"):
            storage.url("applications/x")


def test_azure_media_are_addressed_through_the_site_not_the_storage():
    from core.storage.azure import PrivateAzureStorage

    storage = PrivateAzureStorage(**media_storage(AZURITE)["OPTIONS"])

    # No blob address, signed or not: the site's media view serves it behind the sign-in.
    assert (
        storage.url("images/verksted.fill-480x270.webp")
        == "/media/images/verksted.fill-480x270.webp"
    )


def test_on_disk_there_is_no_container_to_set_up(settings, capsys):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": FILE_SYSTEM}}

    call_command("setup_media_storage")

    assert "FileSystemStorage: nothing to set up" in capsys.readouterr().out


# --- Against Azurite ---------------------------------------------------------------------------

azurite = pytest.mark.skipif(
    settings.STORAGES["default"]["BACKEND"] != AZURE,
    reason="No object storage in the environment: `make test-storage` runs these against Azurite "
    "(scripts/with-azurite.sh sets AZURE_STORAGE_CONNECTION_STRING and AZURE_CONTAINER).",
)


@pytest.fixture(scope="module")
def container():
    """The media container as a deploy leaves it (`setup_media_storage`), seen by a client of our own."""
    from azure.storage.blob import ContainerClient

    call_command("setup_media_storage", verbosity=0)
    return ContainerClient.from_connection_string(
        os.environ["AZURE_STORAGE_CONNECTION_STRING"], os.environ["AZURE_CONTAINER"]
    )


def blob_bytes(container, name):
    return container.download_blob(name).readall()


def nothing_on_disk():
    media = Path(settings.MEDIA_ROOT)
    return not media.exists() or not any(path.is_file() for path in media.rglob("*"))


def body_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@azurite
def test_an_image_an_editor_uploads_lands_in_the_container_not_on_disk(redaktor_client, container):
    upload = get_test_image_file(filename="verksted.png", size=(800, 450))
    content = upload.file.getvalue()

    response = redaktor_client.post(
        reverse("wagtailimages:add"),
        {"title": "Verkstedet", "file": SimpleUploadedFile("verksted.png", content, "image/png")},
    )

    assert response.status_code == 302
    image = get_image_model().objects.get(title="Verkstedet")
    assert image.file.name.startswith("original_images/verksted")
    assert blob_bytes(container, image.file.name) == content
    assert (image.width, image.height) == (800, 450)
    assert nothing_on_disk()


@azurite
def test_a_page_renders_its_renditions_from_the_container(employee_client, home, container):
    image = get_image_model().objects.create(
        title="Idémyldring", file=get_test_image_file(filename="idemyldring.png", size=(1600, 900))
    )
    page = factories.make_content_page(
        title="Bilder fra verkstedet",
        slug="bilder",
        body=[("image", {"image": image, "alt_text": "Folk rundt et bord med lapper."})],
    )

    response = employee_client.get(page.url)

    assert response.status_code == 200
    figure = soup(response).select_one("img.figure__image")
    sources = [figure["src"]] + [part.split()[0] for part in figure["srcset"].split(",")]
    assert all(source.startswith("/media/images/") for source in sources), sources
    # Made by this request and stored in the container, so every node can serve them.
    renditions = image.renditions.all()
    assert {rendition.url for rendition in renditions} == set(sources)
    for rendition in renditions:
        served = employee_client.get(rendition.url)
        assert served.status_code == 200
        assert served["Content-Type"] == "image/webp"
        assert served["Cache-Control"] == "private, max-age=86400"
        assert body_of(served) == blob_bytes(container, rendition.file.name)
    assert nothing_on_disk()


@azurite
def test_a_missing_image_is_not_found(employee_client, container):
    assert employee_client.get("/media/images/finnes-ikke.webp").status_code == 404


@azurite
@pytest.mark.parametrize(
    "trick",
    [
        "documents/budsjett.pdf",
        "images/../documents/budsjett.pdf",
        "images/%2e%2e/documents/budsjett.pdf",
        "images/..%2fdocuments%2fbudsjett.pdf",
        "images/..\\documents\\budsjett.pdf",
        "original_images/./../documents/budsjett.pdf",
        "images//documents/budsjett.pdf",
    ],
)
def test_no_path_trick_reads_a_document_from_the_container(employee_client, container, trick):
    default_storage.save("documents/budsjett.pdf", ContentFile(b"%PDF HEMMELIG"))

    response = employee_client.get("/media/" + trick)

    assert response.status_code in (400, 404), trick
    assert b"HEMMELIG" not in body_of(response)


@azurite
def test_the_container_refuses_anonymous_reads(home, container):
    image = get_image_model().objects.create(title="Verksted", file=get_test_image_file())
    url = container.get_blob_client(image.file.name).url  # the blob's own address, unsigned

    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(url, timeout=10)  # noqa: S310 (a loopback test URL)

    assert refused.value.code in (403, 404)
    assert container.get_container_properties().public_access is None


@azurite
def test_a_container_open_to_anonymous_reads_is_refused(settings, container):
    """`setup_media_storage` fails the deploy rather than serve media from a public container."""
    from azure.storage.blob import ContainerClient

    name = "offentlig-media"
    public = ContainerClient.from_connection_string(
        os.environ["AZURE_STORAGE_CONNECTION_STRING"], name
    )
    if not public.exists():
        public.create_container(public_access="blob")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": AZURE,
            "OPTIONS": {**settings.STORAGES["default"]["OPTIONS"], "azure_container": name},
        },
    }

    with pytest.raises(CommandError, match="allows anonymous reads"):
        call_command("setup_media_storage", verbosity=0)


SECRET = b"%PDF-1.4\nHEMMELIG-BUDSJETT-2027\n%%EOF\n"


@pytest.fixture
def restricted_document(home):
    """A budget in a collection only «Ledergruppen» may read, stored in the container."""
    group = Group.objects.create(name="Ledergruppen")
    collection = Collection.get_first_root_node().add_child(name="Ledelse")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    document = get_document_model()(title="Budsjett", collection=collection)
    document.file.save("budsjett.pdf", ContentFile(SECRET), save=True)
    return document, group


@azurite
def test_a_restricted_document_reaches_its_readers_only_as_an_attachment(
    client, employee, restricted_document, container
):
    document, group = restricted_document
    assert blob_bytes(container, document.file.name) == SECRET
    assert nothing_on_disk()

    anonymous = client.get(document.url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("login"))

    client.force_login(employee)
    outsider = client.get(document.url)
    assert outsider.status_code == 403
    assert b"HEMMELIG" not in body_of(outsider)

    employee.groups.add(group)
    member = client.get(document.url)
    assert member.status_code == 200
    assert member["Content-Disposition"].startswith("attachment")
    assert member["Content-Type"] == "application/pdf"
    assert body_of(member) == SECRET


@azurite
def test_a_large_document_streams_its_bytes(employee_client, home, container):
    # Larger than what django-storages keeps in memory (2 MB): it spills to a temporary file.
    content = b"%PDF-1.4\n" + os.urandom(3 * 1024 * 1024)
    document = get_document_model()(title="Rapport")
    document.file.save("rapport.pdf", ContentFile(content), save=True)

    response = employee_client.get(document.url)

    assert response.status_code == 200
    assert response.streaming
    assert int(response["Content-Length"]) == len(content)
    assert hashlib.sha256(body_of(response)).digest() == hashlib.sha256(content).digest()


@azurite
def test_an_attachment_lands_in_a_private_container_of_its_own(
    employee_client, employee, home, container
):
    """An application's attachment (STORAGES["private"]): in «<AZURE_CONTAINER>-private», not in
    the media container nor on disk, and out only through the application's download view."""
    from azure.storage.blob import ContainerClient

    from funding.attachments import attachment_url
    from funding.models import Application

    call = factories.make_funding_call()
    application = Application.objects.create(call=call, created_by=employee)
    upload = call.url + call.reverse_subpage("application_attachments", args=(application.uuid,))
    response = employee_client.post(upload, {"file": SimpleUploadedFile("budsjett.pdf", SECRET)})
    assert response.status_code == 302
    attachment = application.attachments.get()

    private = ContainerClient.from_connection_string(
        os.environ["AZURE_STORAGE_CONNECTION_STRING"], f"{os.environ['AZURE_CONTAINER']}-private"
    )
    assert private.get_container_properties().public_access is None
    assert blob_bytes(private, attachment.file.name) == SECRET
    assert not container.get_blob_client(attachment.file.name).exists()
    assert nothing_on_disk() and not Path(settings.PRIVATE_MEDIA_ROOT).exists()

    download = employee_client.get(attachment_url(application, attachment))
    assert download["Content-Disposition"].startswith("attachment;")
    assert body_of(download) == SECRET
    assert employee_client.get(f"/media/{attachment.file.name}").status_code == 404
