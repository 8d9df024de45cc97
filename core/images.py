"""The image renditions the site's templates ask for, so querysets can fetch them with the images.

Every image the site shows is a resized WebP rendition with a `srcset`: WebP is about a
quarter of the PNG and half the JPEG at the same look (measured on the demo
illustrations), every current browser shows it (Edge, Chrome, Firefox, Safari 14+), and
Pillow encodes it quickly. AVIF would save about a quarter more but takes two to eight times
the CPU per rendition (measured here), on a request, on two shared cores, and would double the renditions to
make and store behind a `<picture>` fallback; so WebP only.

The specs name the format, rather than `WAGTAILIMAGES_FORMAT_CONVERSIONS` doing it for all
renditions, because a rendition is found again by its spec: a setting would leave every
PNG rendition made before it in use, where a new spec makes WebP ones at once.

The specs below must be exactly the templates' (`{% srcset_image image fill-{480x270,960x540}
format-webp %}` asks for `fill-480x270|format-webp` and `fill-960x540|format-webp`). An image
whose renditions were prefetched looks for them nowhere else: for a spec missing from the
prefetch, Wagtail resizes and encodes the image again on every request before it finds the
stored rendition. tests/core/test_images.py checks that every template's spec is listed, and
that the listings' query counts do not grow with their images.
"""

from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.images.models import Filter


def _expand(pattern):
    return tuple(Filter.expand_spec(pattern))


# A card in a listing or on the front page, and a room on Fabrikken's page: 16:9, shown
# 286–566 px wide (cases/includes/case_card.html, fabrikken/fabrikken_page.html).
CARD = _expand("fill-{480x270,960x540}|format-webp")
# The image at the top of a case or method: the main column, up to 800 px wide.
HERO = _expand("width-{640,960,1280}|format-webp")
# A case's pictures: 4:3 thumbnails 171–332 px wide, and the full size they link to.
GALLERY_THUMBNAIL = _expand("fill-{480x360,960x720}|format-webp")
GALLERY_FULL = ("width-1600|format-webp",)
# A contact person's photo: a 72 px circle (core/includes/person_card.html, core/blocks/contact_person.html).
PERSON_PHOTO = _expand("fill-{96x96,192x192}|format-webp")
# The image block in a page's body (core/blocks/image.html): up to 640 px wide.
FIGURE = _expand("width-{640,1280}|format-webp")

ALL = CARD + HERO + GALLERY_THUMBNAIL + GALLERY_FULL + PERSON_PHOTO + FIGURE


def images_with_renditions(*filter_specs):
    """Images with the given renditions fetched alongside, for a Prefetch on an image field."""
    return get_image_model().objects.prefetch_renditions(*filter_specs)


def with_image_renditions(queryset, field, *filter_specs):
    """`queryset` with its `field` image joined in (select_related) and that image's
    renditions prefetched: one query for the renditions, where a Prefetch of the image
    (images_with_renditions) costs two. What Wagtail's prefetch_renditions leaves on the
    image (`prefetched_renditions`), so templates find them the same way."""
    renditions = (
        get_image_model().get_rendition_model().objects.filter(filter_spec__in=filter_specs)
    )
    return queryset.select_related(field).prefetch_related(
        Prefetch(f"{field}__renditions", queryset=renditions, to_attr="prefetched_renditions")
    )
