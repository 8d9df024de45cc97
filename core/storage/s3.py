"""Media in a private S3 bucket (see core/storage for why it is private).

Needs boto3, which the project does not install: `pip install "django-storages[s3]"`
where S3 is used (docs/deploy.md → «Object storage»).
"""

from storages.backends.s3 import S3Storage

from . import NoAddress, ServedBySite


class PrivateS3Storage(ServedBySite, S3Storage):
    """django-storages' S3 backend, addressed through the site (a missing key already raises FileNotFoundError)."""


class PrivateFilesS3Storage(NoAddress, PrivateS3Storage):
    """STORAGES["private"] on S3: under «private/» in the bucket, and no address at all."""
