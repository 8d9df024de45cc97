"""Page weight of images: every image is a resized WebP rendition with srcset, sizes and
its size, lazy below the fold, and listings fetch the renditions with the images."""

import io
import re
import struct
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.text import smart_split
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.images.tests.utils import get_test_image_file

from cases.models import CasePageGalleryImage
from core import images
from demo import factories
from fabrikken.models import FabrikkenContact

pytestmark = pytest.mark.django_db

IMAGE_TAG = re.compile(r"{%\s*(?:image|srcset_image|picture)\s+(.*?)%}")


def make_image(number=0, size=(1280, 720)):
    return get_image_model().objects.create(
        title=f"Illustrasjon {number}", file=get_test_image_file(size=size)
    )


def cold_queries(client, url):
    """The queries of a request that finds no rendition in the cache.

    The first request makes the renditions, as a running server has them; the cache is
    then emptied, so each rendition must come from the prefetch or a query of its own.
    """
    assert client.get(url).status_code == 200
    for alias in settings.CACHES:
        caches[alias].clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def img_tags(html, css_class):
    return re.findall(rf'<img[^>]*class="{css_class}"[^>]*>', html)


def srcset_urls(tag):
    srcset = re.search(r'srcset="([^"]+)"', tag).group(1)
    return [entry.strip().rsplit(" ", 1) for entry in srcset.split(",")]


def size_of(tag):
    return tuple(int(re.search(rf'{name}="(\d+)"', tag).group(1)) for name in ("width", "height"))


def assert_webp_srcset(tag, widths):
    """The tag offers WebP renditions at `widths`, with sizes and its own size."""
    entries = srcset_urls(tag)
    assert [descriptor for _url, descriptor in entries] == [f"{width}w" for width in widths]
    assert all(url.endswith(".webp") for url, _descriptor in entries)
    assert re.search(r'src="[^"]+\.webp"', tag)
    assert re.search(r'sizes="[^"]+"', tag)
    assert re.search(r'width="\d+"', tag) and re.search(r'height="\d+"', tag)


# --- Every template ------------------------------------------------------------------------


def template_image_specs():
    """(template, spec) for every image tag in the project's templates."""
    found = []
    for path in sorted(Path(settings.BASE_DIR).glob("*/**/templates/**/*.html")):
        if ".venv" in path.parts:
            continue
        for arguments in IMAGE_TAG.findall(path.read_text()):
            bits = list(smart_split(arguments))[1:]  # after the image, as the tag splits
            if "as" in bits:
                bits = bits[: bits.index("as")]
            specs = [bit for bit in bits if "=" not in bit and not bit.startswith(('"', "'"))]
            for spec in Filter.expand_spec(specs):
                found.append((path.relative_to(settings.BASE_DIR).as_posix(), spec))
    return found


def test_every_template_asks_for_webp_renditions_the_querysets_know():
    specs = template_image_specs()
    assert len({template for template, _spec in specs}) >= 7
    for template, spec in specs:
        assert spec.endswith("|format-webp"), (template, spec)
        assert spec in images.ALL, f"{template}: add {spec} to core/images.py"


def test_pillow_here_writes_webp():
    from PIL import features

    assert features.check("webp")


# --- The case listing and the front page ------------------------------------------------------


@pytest.fixture
def case_index(home):
    return factories.make_case_index()


def make_cases(index, count, offset=0):
    for number in range(offset, offset + count):
        factories.make_case(
            index,
            title=f"Eksempel {number:03d}",
            slug=f"eksempel-{number:03d}",
            hero_image=make_image(number),
            hero_image_alt="Illustrasjon: sirkler i blått.",
            revision=False,
        )


def test_the_case_listing_costs_the_same_for_3_and_12_cases_with_images(
    employee_client, case_index
):
    make_cases(case_index, 3)
    with_3, html = cold_queries(employee_client, "/eksempler/")
    assert len(img_tags(html, "card__image")) == 3

    make_cases(case_index, 9, offset=3)
    with_12, html = cold_queries(employee_client, "/eksempler/")
    cards = img_tags(html, "card__image")
    assert len(cards) == 12

    assert with_12 == with_3
    for card in cards:
        assert_webp_srcset(card, [480, 960])
        assert size_of(card) == (480, 270)
        assert 'alt=""' in card  # decorative: the card's title says it
    # The first row is above the fold: fetched at once, the very first one first.
    assert 'fetchpriority="high"' in cards[0] and "loading=" not in cards[0]
    for card in cards[1:3]:
        assert "loading=" not in card and "fetchpriority" not in card
    for card in cards[3:]:
        assert 'loading="lazy"' in card and 'decoding="async"' in card
        assert "fetchpriority" not in card


def test_the_front_page_costs_the_same_for_1_and_3_cases_with_images(employee_client, case_index):
    make_cases(case_index, 1)
    with_1, html = cold_queries(employee_client, "/")
    assert len(img_tags(html, "card__image")) == 1

    make_cases(case_index, 2, offset=1)
    with_3, html = cold_queries(employee_client, "/")
    cards = img_tags(html, "card__image")
    assert len(cards) == 3

    assert with_3 == with_1
    for card in cards:  # below the hero and «Start her»
        assert_webp_srcset(card, [480, 960])
        assert 'loading="lazy"' in card and 'decoding="async"' in card


# --- The case page --------------------------------------------------------------------------


def test_the_case_page_costs_the_same_for_1_and_5_gallery_pictures(employee_client, case_index):
    page = factories.make_case(
        case_index,
        hero_image=make_image(0, size=(1600, 900)),
        hero_image_alt="Illustrasjon: en grønn kvist med blader.",
        revision=False,
    )

    def add_pictures(count, offset):
        for number in range(offset, offset + count):
            page.gallery_images.add(
                CasePageGalleryImage(
                    image=make_image(number), alt_text=f"Bilde {number} fra tavlemøtet."
                )
            )
        page.save()

    add_pictures(1, offset=1)
    with_1, _html = cold_queries(employee_client, page.url)
    add_pictures(4, offset=2)
    with_5, html = cold_queries(employee_client, page.url)

    assert with_5 == with_1
    [hero] = img_tags(html, "case__image")
    assert_webp_srcset(hero, [640, 960, 1280])
    assert size_of(hero) == (640, 360)
    assert 'alt="Illustrasjon: en grønn kvist med blader."' in hero
    # The hero is the largest thing above the fold: fetched first, never lazily.
    assert 'fetchpriority="high"' in hero and "loading=" not in hero
    # Sent as WebP: with «nosniff» a wrong type would leave the picture blank.
    served = employee_client.get(re.search(r'src="([^"]+)"', hero).group(1))
    assert served.status_code == 200 and served["Content-Type"] == "image/webp"

    pictures = img_tags(html, "case-gallery__image")
    assert len(pictures) == 5
    for number, picture in enumerate(pictures, start=1):
        assert_webp_srcset(picture, [480, 960])
        assert f'alt="Bilde {number} fra tavlemøtet."' in picture
        assert 'loading="lazy"' in picture and 'decoding="async"' in picture
    full_size = re.findall(r'class="case-gallery__link" href="([^"]+)"', html)
    assert len(full_size) == 5
    assert all(url.endswith(".width-1600.format-webp.webp") for url in full_size)


def test_the_method_page_hero_is_a_webp_fetched_first(employee_client, home):
    factories.make_phases()
    method = factories.make_method(
        factories.make_method_index(),
        hero_image=make_image(size=(1600, 900)),
        hero_image_alt="Kolleger tegner en brukerreise på en tavle.",
    )

    html = employee_client.get(method.url).content.decode()

    [hero] = img_tags(html, "method__image")
    assert_webp_srcset(hero, [640, 960, 1280])
    assert 'alt="Kolleger tegner en brukerreise på en tavle."' in hero
    assert 'fetchpriority="high"' in hero and "loading=" not in hero


# --- Contact people, rooms and the image block -------------------------------------------------


def test_fabrikken_costs_the_same_for_1_and_3_rooms_and_contacts_with_photos(employee_client, home):
    page = factories.make_fabrikken_page()
    rooms = list(page.rooms.all())

    def add_photos(start, stop):
        for number in range(start, stop):
            room = rooms[number]
            room.photo = make_image(number)
            room.photo_alt = f"Rommet {room.name} med arbeidsbord."
            room.save()
            person = factories.make_person(name=f"Veileder {number}", photo=make_image(number))
            FabrikkenContact.objects.create(page=page, person=person, sort_order=number)

    add_photos(0, 1)
    with_1, _html = cold_queries(employee_client, "/fabrikken/")
    add_photos(1, 3)
    with_3, html = cold_queries(employee_client, "/fabrikken/")

    assert with_3 == with_1
    photos = img_tags(html, "room__image")
    assert len(photos) == 3
    for room, photo in zip(rooms, photos, strict=True):
        assert_webp_srcset(photo, [480, 960])
        assert f'alt="Rommet {room.name} med arbeidsbord."' in photo
        assert 'loading="lazy"' in photo and 'decoding="async"' in photo
    portraits = img_tags(html, "contact-card__photo")
    assert len(portraits) == 3
    for portrait in portraits:
        assert_webp_srcset(portrait, [96, 192])
        assert 'sizes="4.5rem"' in portrait and size_of(portrait) == (96, 96)
        assert 'alt=""' in portrait  # the name stands beside it
        assert 'loading="lazy"' in portrait


def test_a_content_page_image_block_and_contact_are_webp(employee_client, home):
    person = factories.make_person(name="Rådgiver", photo=make_image(1))
    page = factories.make_content_page(
        title="Om innovasjon",
        contact_person=person,
        body=[
            (
                "image",
                {
                    "image": make_image(2, size=(1600, 900)),
                    "alt_text": "Kolleger sorterer gule lapper.",
                    "caption": "",
                    "credit": "",
                },
            ),
            ("contact_person", {"heading": "Spør oss", "person": person}),
        ],
    )

    html = employee_client.get(page.url).content.decode()

    [figure] = img_tags(html, "figure__image")
    assert_webp_srcset(figure, [640, 1280])
    assert size_of(figure) == (640, 360)
    assert 'alt="Kolleger sorterer gule lapper."' in figure
    assert 'loading="lazy"' in figure and 'decoding="async"' in figure
    portraits = img_tags(html, "contact-card__photo")
    assert len(portraits) == 2  # the block and the page's contact card
    for portrait in portraits:
        assert_webp_srcset(portrait, [96, 192])
        assert 'alt=""' in portrait


# --- Uploads: the pixel limit, frame by frame, and never a server error (issue 16) ----------


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(width, height):
    """A tiny PNG whose header claims `width` × `height` pixels (a decompression bomb)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\0"))
        + png_chunk(b"IEND", b"")
    )


def animation(image_format, frames, size=(100, 100)):
    """An animated GIF or WebP of `frames` frames that alternate black and white."""
    pictures = [PILImage.new("RGB", size, "#000000" if n % 2 else "#ffffff") for n in range(frames)]
    buffer = io.BytesIO()
    pictures[0].save(
        buffer, image_format, save_all=True, append_images=pictures[1:], duration=100, loop=0
    )
    return buffer.getvalue()


@pytest.fixture
def admin_client(client, home):
    client.force_login(factories.make_user("admin", is_superuser=True))
    return client


def upload(client, name, content, content_type, url_name="wagtailimages:add"):
    with translation.override("nb"):
        return client.post(
            reverse(url_name),
            {"title": name, "file": SimpleUploadedFile(name, content, content_type)},
        )


@pytest.mark.parametrize(
    ("width", "height"), [(20_000, 10_000), (65_535, 65_535)], ids=["200-MP", "4-GP"]
)
def test_an_image_header_claiming_too_many_pixels_is_a_form_error(admin_client, width, height):
    before = get_image_model().objects.count()

    response = upload(admin_client, "bombe.png", png_claiming(width, height), "image/png")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Bildet er altfor stort: det har over 178\u00a0956\u00a0970 piksler." in html
    assert "Største tillatte er 40\u00a0000\u00a0000." in html
    assert get_image_model().objects.count() == before


@pytest.mark.parametrize(
    ("image_format", "content_type"), [("GIF", "image/gif"), ("WEBP", "image/webp")]
)
def test_the_frames_of_an_animation_count_against_the_pixel_limit(
    admin_client, settings, image_format, content_type
):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 45_000  # 100 × 100 px: four frames fit, five don't
    name = f"animasjon.{image_format.lower()}"

    too_many = upload(admin_client, name, animation(image_format, 5), content_type)
    fits = upload(admin_client, name, animation(image_format, 4), content_type)

    assert too_many.status_code == 200
    assert (
        "Bildet har for mange piksler: 50\u00a0000 (bredde × høyde × bildene i en animasjon). "
        "Største tillatte er 45\u00a0000." in too_many.content.decode()
    )
    assert fits.status_code == 302
    assert get_image_model().objects.filter(title=name).count() == 1


def test_the_multiple_upload_counts_frames_too(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 45_000
    with translation.override("nb"):
        response = admin_client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": SimpleUploadedFile("mange.gif", animation("GIF", 5), "image/gif")},
        )

    assert response.status_code in (200, 400)
    assert response.json()["success"] is False
    assert "for mange piksler" in response.json()["error_message"]
    assert not get_image_model().objects.exists()
