"""Where uploaded media live: the server's disk, or object storage shared by every node.

With several app nodes behind a load balancer an image uploaded through one must be
seen by all, and a rendition one node made must be served by the others. So, when
the environment names a container (Azure Blob Storage) or a bucket (S3), Django's
default storage is that; otherwise it stays `FileSystemStorage` under MEDIA_ROOT,
and `make run` needs nothing but Python. `media_storage()` reads the environment for
the settings (STORAGES["default"]).

Nothing is under a public address. The container is private (`setup_media_storage`
creates it so and refuses one that allows anonymous reads), and the site hands out no
blob URLs, signed or not:

- Images and renditions keep their stable address, MEDIA_URL + name
  (`/media/images/….webp`): the storages here answer `url()` with it, and the
  project's media view (intranet/views.py) streams the file from the storage behind the
  sign-in, with the same checks and `Cache-Control: private` as from the disk.
  Signed (SAS) URLs would expire, yet the HTML that names them is cached for hours
  ({% sharedcache %}, caching/) and shared by every employee: a cached page would
  point at dead or, worse, still-valid links handed to whoever got the page. They
  would also let a link travel outside the sign-in until it expires.
- Documents keep going through Wagtail's serve view (WAGTAILDOCS_SERVE_METHOD =
  "serve_view"): it checks the collection's privacy, then streams the file from
  the storage as an attachment (it asks for a local path, gets none, and falls
  back to reading the file). No redirect to the storage, for the same reasons.

The cost is that the app nodes carry the bytes (one blob GET per image request that
misses the browser's cache); docs/deploy.md → «Object storage» has the numbers.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage
from django.utils.encoding import filepath_to_uri
from django.utils.functional import cached_property

FILE_SYSTEM = "django.core.files.storage.FileSystemStorage"
AZURE = "core.storage.azure.PrivateAzureStorage"
S3 = "core.storage.s3.PrivateS3Storage"
# STORAGES["private"]: files only a view that checks who asks may hand out (attachments).
PRIVATE_FILE_SYSTEM = "core.storage.PrivateFileSystemStorage"
PRIVATE_AZURE = "core.storage.azure.PrivateFilesAzureStorage"
PRIVATE_S3 = "core.storage.s3.PrivateFilesS3Storage"
# Inside the media bucket (S3 only; Azure has a container of its own): no image folder, so
# the media view never serves it.
PRIVATE_S3_PREFIX = "private"


class ServedBySite:
    """Answers `url()` with MEDIA_URL + name: the project's media view, never the storage's own address."""

    def url(self, name, *args, **kwargs):
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name).lstrip("/"))


class NoAddress:
    """A storage whose files have no URL at all: not under MEDIA_URL, not at the storage.

    For STORAGES["private"] (application attachments): each file is handed out by a view
    that checks who asks (funding/attachments.py), so asking for an address is a bug.
    """

    def url(self, name, *args, **kwargs):
        raise ValueError(f"Private files have no address; serve {name!r} through a view.")


class PrivateFileSystemStorage(NoAddress, FileSystemStorage):
    """On this server's disk under PRIVATE_MEDIA_ROOT, a folder beside MEDIA_ROOT, never in it:
    nothing a proxy or the media view serves can reach it."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":  # tests move it into their own tmp folder
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)


def media_storage(environ):
    """STORAGES["default"] for this environment (a mapping like os.environ).

    Azure: AZURE_CONTAINER, and AZURE_STORAGE_CONNECTION_STRING or AZURE_ACCOUNT_NAME with
    AZURE_ACCOUNT_KEY. S3: AWS_STORAGE_BUCKET_NAME (credentials as boto3 finds them). Neither:
    the disk under MEDIA_ROOT. Both: refused, since media would be split between them.
    """

    def value(name):
        return environ.get(name, "").strip()

    azure = any(
        value(name)
        for name in (
            "AZURE_CONTAINER",
            "AZURE_STORAGE_CONNECTION_STRING",
            "AZURE_ACCOUNT_NAME",
            "AZURE_ACCOUNT_KEY",
        )
    )
    s3 = bool(value("AWS_STORAGE_BUCKET_NAME"))
    if azure and s3:
        raise ImproperlyConfigured(
            "Both Azure (AZURE_*) and S3 (AWS_STORAGE_BUCKET_NAME) media storage are configured: "
            "choose one."
        )
    if azure:
        return {"BACKEND": AZURE, "OPTIONS": _azure_options(value)}
    if s3:
        return {"BACKEND": S3, "OPTIONS": _s3_options(value)}
    return {"BACKEND": FILE_SYSTEM}


def private_storage(environ):
    """STORAGES["private"] for this environment: where media go, but apart from them.

    Azure: a container of its own, AZURE_PRIVATE_CONTAINER (default «<AZURE_CONTAINER>-private»),
    private like the media one. S3: the media bucket under «private/», a prefix the media
    view never serves. Neither: the disk under PRIVATE_MEDIA_ROOT (outside MEDIA_ROOT).
    """
    media = media_storage(environ)

    def value(name):
        return environ.get(name, "").strip()

    if media["BACKEND"] == AZURE:
        options = dict(media["OPTIONS"])
        container = value("AZURE_PRIVATE_CONTAINER") or f"{options['azure_container']}-private"
        if container == options["azure_container"]:
            raise ImproperlyConfigured(
                "AZURE_PRIVATE_CONTAINER must differ from AZURE_CONTAINER: attachments are kept "
                "apart from the media. See docs/deploy.md."
            )
        options["azure_container"] = container
        return {"BACKEND": PRIVATE_AZURE, "OPTIONS": options}
    if media["BACKEND"] == S3:
        return {
            "BACKEND": PRIVATE_S3,
            "OPTIONS": {**media["OPTIONS"], "location": PRIVATE_S3_PREFIX},
        }
    return {"BACKEND": PRIVATE_FILE_SYSTEM}


def _azure_options(value):
    container = value("AZURE_CONTAINER")
    if not container:
        raise ImproperlyConfigured(
            "AZURE_CONTAINER must name the (private) blob container for media. See docs/deploy.md."
        )
    options = {
        "azure_container": container,
        # A short wait: a request that reads an image should fail, not hang a worker.
        "timeout": int(value("AZURE_TIMEOUT_SECONDS") or 20),
    }
    if connection_string := value("AZURE_STORAGE_CONNECTION_STRING"):
        options["connection_string"] = connection_string
    elif value("AZURE_ACCOUNT_NAME") and value("AZURE_ACCOUNT_KEY"):
        options["account_name"] = value("AZURE_ACCOUNT_NAME")
        options["account_key"] = value("AZURE_ACCOUNT_KEY")
    else:
        raise ImproperlyConfigured(
            "Azure media storage needs AZURE_STORAGE_CONNECTION_STRING, or AZURE_ACCOUNT_NAME "
            "with AZURE_ACCOUNT_KEY. See docs/deploy.md."
        )
    return options


def _s3_options(value):
    options = {
        "bucket_name": value("AWS_STORAGE_BUCKET_NAME"),
        # Wagtail gives an upload a new name when one is taken; S3's default would
        # overwrite another image's file of the same name instead.
        "file_overwrite": False,
        # No ACL on upload: the bucket's own policy (private, public access blocked) applies.
        "default_acl": None,
    }
    if endpoint := value("AWS_S3_ENDPOINT_URL"):
        options["endpoint_url"] = endpoint
    if region := value("AWS_S3_REGION_NAME"):
        options["region_name"] = region
    return options


def is_local(storage):
    """True when the storage keeps its files on this server's disk."""
    try:
        storage.path("")
    except NotImplementedError:
        return False
    return True
