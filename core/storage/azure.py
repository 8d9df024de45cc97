"""Media in a private Azure Blob Storage container (see core/storage for why it is private)."""

from azure.core.exceptions import ResourceExistsError, ResourceNotFoundError
from django.core.exceptions import ImproperlyConfigured
from storages.backends.azure_storage import AzureStorage

from . import NoAddress, ServedBySite


class PrivateAzureStorage(ServedBySite, AzureStorage):
    """django-storages' Azure backend, addressed through the site and failing as a disk does."""

    def _open(self, name, mode="rb"):
        file = super()._open(name, mode)
        if "r" in mode:
            # django-storages downloads on the first read; a missing blob then raises
            # the SDK's own error, far from the open. Downloading now gives what a
            # missing file on disk gives: FileNotFoundError from open(), so the media
            # view answers 404 and Wagtail shows its placeholder for a lost original.
            try:
                file.file  # noqa: B018 (the property downloads the blob)
            except ResourceNotFoundError as error:
                raise FileNotFoundError(f"No blob named {name!r}") from error
        return file

    def ensure_private(self):
        """Create the container, private, if it is missing (True when created).

        An existing container that lets anyone read its blobs is refused: every
        image, rendition and document would have a public address.
        """
        try:
            properties = self.client.get_container_properties(timeout=self.timeout)
        except ResourceNotFoundError:
            try:
                # Without public_access the container is private: every read needs the key.
                self.client.create_container(timeout=self.timeout)
            except ResourceExistsError:  # another node created it just now
                return False
            return True
        if properties.public_access:
            raise ImproperlyConfigured(
                f"The media container «{self.azure_container}» allows anonymous reads "
                f"(public access «{properties.public_access}»): set it to private."
            )
        return False


class PrivateFilesAzureStorage(NoAddress, PrivateAzureStorage):
    """STORAGES["private"] on Azure: its own private container, and no address at all."""
