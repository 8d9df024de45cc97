"""The one block library: every page type's StreamField builds on BodyBlock.

Each block has a template in core/templates/core/blocks/, a preview value for the block
picker (previews use core/templates/wagtailcore/shared/block_preview.html) and a group.
RICH_TEXT_FEATURES is the one rich-text feature list every section uses.
"""

from wagtail import blocks

from .common import RICH_TEXT_FEATURES
from .contact import ContactPersonBlock
from .media import DocumentsBlock, ImageBlock, VideoBlock
from .structure import (
    AccordionBlock,
    CallToActionBlock,
    KeyFiguresBlock,
    TableWithCaptionBlock,
)
from .text import HeadingBlock, InfoBoxBlock, ParagraphBlock, QuoteBlock

__all__ = [
    "AccordionBlock",
    "BodyBlock",
    "CallToActionBlock",
    "ContactPersonBlock",
    "DocumentsBlock",
    "HeadingBlock",
    "ImageBlock",
    "InfoBoxBlock",
    "KeyFiguresBlock",
    "ParagraphBlock",
    "QuoteBlock",
    "RICH_TEXT_FEATURES",
    "TableWithCaptionBlock",
    "VideoBlock",
]


class BodyBlock(blocks.StreamBlock):
    """The body of every page: text, media, structure and contact blocks."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    info_box = InfoBoxBlock()
    video = VideoBlock()
    documents = DocumentsBlock()
    accordion = AccordionBlock()
    key_figures = KeyFiguresBlock()
    contact_person = ContactPersonBlock()
    table = TableWithCaptionBlock()
