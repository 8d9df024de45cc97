"""Media blocks: image, video and downloadable documents."""

import hashlib
import logging

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from .common import GROUP_MEDIA, host_name, human_file_size

logger = logging.getLogger(__name__)

# A provider that failed is not asked again for this long, so a dead one can't slow every render.
EMBED_FAILURE_TIMEOUT = 10 * 60


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        # Even a draft can't drop it: 7.4 defers other required fields until publishing.
        required_on_save=True,
        help_text=_(
            "Describe what the image shows for people who can't see it, in one sentence. "
            "Don't start with «Bilde av»."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    credit = blocks.CharBlock(
        label=_("Credit"),
        required=False,
        max_length=120,
        help_text=_("The photographer or source, such as «Stavanger kommune»."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        description = _("A photo or illustration with alternative text and an optional caption.")
        group = GROUP_MEDIA
        template = "core/blocks/image.html"
        preview_value = {
            "alt_text": "Kolleger fra tre enheter sorterer gule lapper på en vegg på Fabrikken.",
            "caption": "Idémyldring på Fabrikken innovasjonsverksted.",
            "credit": "Stavanger kommune",
        }

    def get_preview_value(self):
        value = dict(self.meta.preview_value)
        value["image"] = get_image_model().objects.order_by("-created_at").first()
        return self.normalize(value)

    def clean(self, value):
        return clean_requiring_alt_text(super().clean, value, "alt_text", required=True)


def clean_requiring_alt_text(clean, value, alt_field, required):
    """`clean(value)` of a struct block, plus its alternative text when `required`.

    The missing text is reported beside the block's own errors, all at once,
    so the editor fixes everything in one round.
    """
    errors = {}
    cleaned = None
    try:
        cleaned = clean(value)
    except StructBlockValidationError as error:
        errors.update(error.block_errors)
    if required and not (value.get(alt_field) or "").strip():
        errors[alt_field] = ValidationError(
            _("Write an alternative text: describe what the image shows."), code="required"
        )
    if errors:
        raise StructBlockValidationError(block_errors=errors)
    return cleaned


def find_embed(url):
    """The embed for a video address, or None when no provider gives one.

    A failure is remembered for EMBED_FAILURE_TIMEOUT seconds. The page must render whatever
    happens to the provider, so unexpected errors are logged and treated as failures too.
    """
    if not url:
        return None
    failure_key = "core.blocks.video.embed-failed:" + hashlib.sha256(url.encode()).hexdigest()
    if cache.get(failure_key):
        return None
    try:
        return get_embed(url)
    except EmbedException as error:
        logger.info("No embed for %s: %r", url, error)
    except Exception:
        logger.exception("Looking up the embed for %s failed", url)
    cache.set(failure_key, True, EMBED_FAILURE_TIMEOUT)
    return None


class VideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(
        label=_("Video address"),
        help_text=_("The address of the video, for example on YouTube or Vimeo."),
    )
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=160,
        help_text=_("What the video is, such as «Opptak fra Innovasjonsdagen 2021»."),
    )
    caption = blocks.CharBlock(label=_("Text under the video"), required=False, max_length=250)

    class Meta:
        icon = "media"
        label = _("Video")
        description = _("A link to a video, shown as a player where the provider allows it.")
        group = GROUP_MEDIA
        template = "core/blocks/video.html"
        preview_value = {
            "url": "https://video.eksempel.no/innovasjonsdagen-2021",
            "title": "Opptak fra Innovasjonsdagen 2021",
            "caption": "Over 800 ansatte var med da Innovasjonsdagen ble arrangert digitalt.",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["embed"] = find_embed(value.get("url"))
        context["host"] = host_name(value.get("url"))
        return context


class DocumentsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("Document")), min_num=1)

    class Meta:
        icon = "doc-full-inverse"
        label = _("Documents")
        description = _("Files to download, such as templates, with their type and size.")
        group = GROUP_MEDIA
        template = "core/blocks/documents.html"
        preview_value = {"heading": "Maler du kan bruke"}

    def get_preview_value(self):
        value = dict(self.meta.preview_value)
        value["documents"] = list(get_document_model().objects.order_by("-created_at")[:3])
        return self.normalize(value)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["items"] = [
            {
                "document": document,
                "file_type": document.file_extension.upper(),
                "file_size": human_file_size(document.get_file_size()),
            }
            for document in value.get("documents") or []
            if document is not None
        ]
        return context
