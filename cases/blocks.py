"""The results of a case: text, key figures, quotes and images from the shared block library."""

from wagtail import blocks

from core.blocks import ImageBlock, KeyFiguresBlock, ParagraphBlock, QuoteBlock


class CaseResultsBlock(blocks.StreamBlock):
    """What came of the project: numbers first, then what people said and saw."""

    paragraph = ParagraphBlock()
    key_figures = KeyFiguresBlock()
    quote = QuoteBlock()
    image = ImageBlock()
