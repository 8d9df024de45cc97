"""The one block library's shared settings (the blocks themselves still live in home.blocks)."""

# Rich text inside blocks and rich-text fields: no headings (the heading block does
# that), no embeds or images. Every section uses this one list, so a change reaches all.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]
