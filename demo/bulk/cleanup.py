"""Taking the bulk content away again, and nothing else.

What marks bulk content, and so what `remove` deletes:
- pages of the five bulk page types whose slug starts with SLUG_PREFIX
  («seed-bulk-»), with everything that hangs on them (tags on them, phases,
  methods used, gallery, form fields, search-index entries);
- every image in the collection «Illustrasjoner (masseinnhold)», with its
  renditions and files, and then the collection itself if nothing else is in it;
- the topics (taggit tags) of the bulk vocabulary that no page uses any more.
Running it again finds nothing and deletes nothing.
"""

import logging
from contextlib import contextmanager

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from cases.models import CasePage
from events.models import EventPage
from funding.models import FundingCallPage
from home.models import ContentPage
from methods.models import MethodPage

from . import media, text, tree
from .pages import SLUG_PREFIX

BULK_MODELS = {
    "methods": MethodPage,
    "cases": CasePage,
    "funding calls": FundingCallPage,
    "events": EventPage,
    "content pages": ContentPage,
}


def bulk_pages():
    """Every bulk page, of any of the bulk page types."""
    content_types = ContentType.objects.get_for_models(*BULK_MODELS.values()).values()
    return Page.objects.filter(slug__startswith=SLUG_PREFIX, content_type__in=content_types)


def count_bulk_pages():
    return {
        kind: model.objects.filter(slug__startswith=SLUG_PREFIX).count()
        for kind, model in BULK_MODELS.items()
    }


def remove(chunk=1000, log=None):
    """Deletes every bulk page, image and unused bulk tag; returns what it deleted, by kind."""
    log = log or (lambda message: None)
    deleted = count_bulk_pages()
    ids = list(bulk_pages().values_list("pk", flat=True))
    with tree.one_cache_generation():
        for start in range(0, len(ids), chunk):
            _remove_pages(ids[start : start + chunk])
            log(f"deleted {min(start + chunk, len(ids))}/{len(ids)} pages")
        deleted["images"] = _remove_images()
        deleted["tags"] = _remove_unused_tags()
    return deleted


def _remove_pages(page_ids):
    with transaction.atomic(), disable_reference_index_auto_update(), _quiet_page_log():
        pages = Page.objects.filter(pk__in=page_ids)
        # A page about to go needs no unpublishing (signals, alias checks) first.
        pages.update(live=False)
        pages.delete()
        _forget_references(page_ids)


def _forget_references(page_ids):
    """What the reference index's delete handler does page by page, in two queries."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = [str(pk) for pk in page_ids]
    ReferenceIndex.objects.filter(base_content_type=page_type, object_id__in=ids).delete()
    ReferenceIndex.objects.filter(to_content_type=page_type, to_object_id__in=ids).delete()


def _remove_images():
    folder = media.collection()
    if folder is None:
        return 0
    images = list(get_image_model().objects.filter(collection=folder))
    with transaction.atomic():
        for image in images:
            image.delete()  # its renditions go with it; the files go when the transaction ends
    if (
        not get_document_model().objects.filter(collection=folder).exists()
        and not folder.get_children().exists()
    ):
        folder.delete()
    return len(images)


def _remove_unused_tags():
    vocabulary = set(text.method_tags()) | set(text.case_tags())
    used = set()
    for model in apps.get_models():
        if _is_tagged_item(model):
            used.update(model.objects.values_list("tag_id", flat=True).distinct())
    count, _by_model = Tag.objects.filter(name__in=vocabulary).exclude(pk__in=used).delete()
    return count


def _is_tagged_item(model):
    from taggit.models import ItemBase

    return issubclass(model, ItemBase) and any(field.name == "tag" for field in model._meta.fields)


@contextmanager
def _quiet_page_log():
    """Wagtail logs «Page deleted» once a page: thousands of lines that say nothing new."""
    logger = logging.getLogger("wagtail")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)
