"""Rough timings of media on the disk and in object storage: a page with ten images whose
renditions are not made yet, the same page again, and its twenty renditions fetched
through /media/. Prints numbers; asserts nothing (docs/deploy.md → «Object storage»).

    bash scripts/with-azurite.sh .venv/bin/python -m scripts.storage_timing

Without AZURE_* in the environment only the disk is timed. A database of its own in a
temporary folder (SQLite unless DATABASE_URL is set), the test settings.
"""

import io
import os
import tempfile
import time
from pathlib import Path

workdir = Path(tempfile.mkdtemp(prefix="innovasjon-storage-timing."))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'timing.sqlite3'}")
os.environ["MEDIA_ROOT"] = str(workdir / "media")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.files.images import ImageFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from wagtail.images import get_image_model  # noqa: E402

from core.storage import FILE_SYSTEM  # noqa: E402
from demo import factories  # noqa: E402
from tests.helpers import soup  # noqa: E402

ILLUSTRATIONS = sorted((Path(settings.BASE_DIR) / "demo" / "media" / "illustrations").glob("*.png"))
IMAGES = 10
ROUNDS = 2


def timed(action):
    start = time.perf_counter()
    result = action()
    return result, (time.perf_counter() - start) * 1000


def run(label, storage, client, round_number):
    with override_settings(STORAGES={**settings.STORAGES, "default": storage}):
        call_command("setup_media_storage", stdout=io.StringIO())
        images = []
        _, upload_ms = timed(
            lambda: images.extend(
                get_image_model().objects.create(
                    title=f"{label} {number}",
                    file=ImageFile(path.open("rb"), name=path.name),
                )
                for number, path in enumerate(ILLUSTRATIONS[:IMAGES])
            )
        )
        body = [("image", {"image": image, "alt_text": image.title}) for image in images]
        page = factories.make_content_page(
            title=f"Ti bilder ({label} {round_number})", slug=f"{label}-{round_number}", body=body
        )
        cache.clear()
        cold, cold_ms = timed(lambda: client.get(page.url))
        cache.clear()
        warm, warm_ms = timed(lambda: client.get(page.url))
        assert cold.status_code == warm.status_code == 200
        sources = {
            part.split()[0]
            for img in soup(cold).select("img.figure__image")
            for part in img["srcset"].split(",")
        }
        responses, media_ms = timed(
            lambda: [b"".join(client.get(source).streaming_content) for source in sources]
        )
        kilobytes = sum(len(body) for body in responses) / 1024
        print(
            f"{label:<6} upload 10 originals {upload_ms:6.0f} ms · page, cold renditions "
            f"{cold_ms:6.0f} ms · page again {warm_ms:5.0f} ms · "
            f"{len(sources)} renditions via /media/ {media_ms:5.0f} ms ({kilobytes:.0f} kB)"
        )


def main():
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("setup_section", stdout=io.StringIO())
    client = Client()
    client.force_login(factories.make_user("ansatt"))
    backends = [("disk", {"BACKEND": FILE_SYSTEM})]
    if settings.STORAGES["default"]["BACKEND"] != FILE_SYSTEM:
        backends.append(("azure", settings.STORAGES["default"]))
    print(
        f"{IMAGES} images of {ILLUSTRATIONS[0].stat().st_size // 1024} kB or so, on {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}"
    )
    # Twice in turn, so neither side alone pays for the first request's warm-up.
    for round_number in range(ROUNDS):
        for label, storage in backends:
            run(label, storage, client, round_number)


if __name__ == "__main__":
    main()
