"""The bulk pages' pictures: a handful of drawn illustrations, and their renditions made ahead.

The pictures are the demo cases' abstract motifs (demo/illustrations.py), with the
demo's honest alternative texts, kept in a collection of their own: every image in
that collection belongs to the bulk content and goes with `remove`.

Renditions are made ahead so the first visitor of each page does not pay for them.
The sizes are the templates' own: one page of each type is requested once while
Wagtail's rendition methods are watched, and every filter spec they are asked for is
then made for every bulk image. So a template that changes its sizes (or moves to
srcset or WebP) needs no change here.
"""

import functools
from contextlib import contextmanager
from io import BytesIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.files.images import ImageFile
from django.test import Client
from django.test.utils import override_settings
from django.utils.module_loading import import_string
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Collection

from demo import illustrations
from demo.loaders.cases import MOTIF_DESCRIPTIONS

IMAGE_COLLECTION = "Illustrasjoner (masseinnhold)"
IMAGE_COUNT = 6
RENDERER_USERNAME = "seed-bulk-renderer"


def collection():
    """The bulk images' collection, or None when there is none."""
    return Collection.get_first_root_node().get_children().filter(name=IMAGE_COLLECTION).first()


def bulk_images(count=IMAGE_COUNT):
    """At least `count` bulk images (drawn the first time), as (image, alternative text) pairs."""
    folder = collection() or Collection.get_first_root_node().add_child(name=IMAGE_COLLECTION)
    images = list(get_image_model().objects.filter(collection=folder).order_by("pk"))
    motifs = list(illustrations.MOTIFS)
    for number in range(len(images), count):
        motif = motifs[number % len(motifs)]
        image = get_image_model()(title=f"Illustrasjon (masseinnhold) {number + 1}: {motif}")
        image.collection = folder
        png = illustrations.draw_png(motif, f"seed-bulk-{number}")
        image.file = ImageFile(BytesIO(png), name=f"seed-bulk-{number + 1}.png")
        image._set_image_file_metadata()
        image.save()
        images.append(image)
    return [(image, alt_text(image)) for image in images]


def alt_text(image):
    motif = image.title.rsplit(": ", 1)[-1]
    return f"Illustrasjon: {MOTIF_DESCRIPTIONS.get(motif, 'abstrakte former i blått og gult')}."


def pregenerate_renditions(paths, specs=None):
    """Makes every rendition the templates use for every bulk image; returns the specs.

    `paths` are the pages to request to find the specs (one of each page type
    with a picture, and the listings); `specs` skips that and makes these.
    """
    if specs is None:
        specs = filter_specs_in_use(paths)
    folder = collection()
    if folder is None or not specs:
        return sorted(specs)
    for image in get_image_model().objects.filter(collection=folder):
        image.get_renditions(*specs)
    return sorted(specs)


def filter_specs_in_use(paths):
    """The filter specs the templates ask for while `paths` are requested by an employee."""
    specs = set()
    with watching_renditions(specs), signed_in_client() as client:
        for path in paths:
            response = client.get(path, secure=True)
            if response.status_code != 200:
                raise RuntimeError(f"{path} answered {response.status_code}, not 200.")
    return specs


@contextmanager
def watching_renditions(specs):
    """Adds to `specs` each filter spec asked of an image while the block runs."""
    model = get_image_model()
    names = ("get_rendition", "get_renditions")
    own = {name: model.__dict__[name] for name in names if name in model.__dict__}

    def watch(method):
        @functools.wraps(method)
        def watched(image, *filters):
            specs.update(f.spec if isinstance(f, Filter) else f for f in filters)
            return method(image, *filters)

        return watched

    for name in names:
        setattr(model, name, watch(getattr(model, name)))
    try:
        yield specs
    finally:
        for name in names:
            if name in own:
                setattr(model, name, own[name])
            else:  # inherited: removing the wrapper brings the original back
                delattr(model, name)


@contextmanager
def signed_in_client():
    """A test client signed in as a throwaway employee, who is deleted afterwards."""
    users = get_user_model().objects
    users.filter(username=RENDERER_USERNAME).delete()  # left by an interrupted run
    user = users.create_user(RENDERER_USERNAME, first_name="Masseinnhold")
    client = Client()
    backend = next(
        path
        for path in settings.AUTHENTICATION_BACKENDS
        if issubclass(import_string(path), ModelBackend)
    )
    # The production settings may not allow the test client's host name.
    hosts = [*settings.ALLOWED_HOSTS, "testserver"]
    try:
        with override_settings(ALLOWED_HOSTS=hosts):
            client.force_login(user, backend=backend)
            yield client
    finally:
        client.logout()
        user.delete()
