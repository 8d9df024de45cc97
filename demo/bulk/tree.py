"""Live pages straight into Wagtail's page tree, a whole batch at a time.

`parent.add_child(instance=page)` costs about 5 ms a page on SQLite: it looks up
the last child, saves the page through `Page.save` (validation, signals, a log
entry) and updates the parent, one page at a time. Here a batch of pages of one
type costs a handful of queries: the tree paths continue after the parent's last
child (treebeard's materialised path, four base-36 characters a level), the
`wagtailcore_page` rows go in with one `bulk_create`, the specific rows go in
many to an INSERT with no signal (so listeners do not take them for an editor's
save), and the parent's `numchild` moves once.

What `Page.save` and publishing would have done is done here instead: path,
depth, numchild, url_path, draft_title, locale, translation_key (the field's
default) and content_type (set by `Page.__init__`). What is skipped on purpose:
revisions (the pages are live with no unpublished changes, like pages loaded
from a fixture), the audit log, the reference index and the search index (see
`demo.bulk.index_pages`, which indexes a batch in one pass).
"""

from django.db import connection
from django.db.models import F
from wagtail.models import Page

from caching.generation import bump_once

# Every column of wagtailcore_page except the id, which the database gives.
PAGE_FIELDS = [field for field in Page._meta.concrete_fields if not field.primary_key]


def next_step(parent):
    """The position number the next child of `parent` gets (1 for the first child).

    Steps are unique among siblings, so bulk pages use it in their slugs too.
    """
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return Page._str2int(last[-Page.steplen :]) + 1 if last else 1


def insert_children(parent, pages, first_step):
    """Saves `pages` (new, unsaved, one specific page type) as the last children of `parent`.

    Call inside a transaction: a page added by someone else between `next_step`
    and here would take the same path, and the unique path makes the insert fail
    instead of corrupting the tree.
    """
    if not pages:
        return pages
    model = type(pages[0])
    pointer = model._meta.get_ancestor_link(Page)
    if pointer is None or any(type(page) is not model for page in pages):
        raise TypeError("insert_children takes pages of one Page subclass at a time.")
    # Fresh from the database: the caller's object may be stale.
    parent_row = Page.objects.only("path", "depth", "url_path", "locale_id").get(pk=parent.pk)
    depth = parent_row.depth + 1
    for step, page in enumerate(pages, start=first_step):
        page.path = Page._get_path(parent_row.path, depth, step)
        page.depth = depth
        page.numchild = 0
        page.url_path = f"{parent_row.url_path}{page.slug}/"
        page.draft_title = page.title
        page.locale_id = parent_row.locale_id
        page.live = True
        page.has_unpublished_changes = False

    rows = [Page(**{f.attname: getattr(page, f.attname) for f in PAGE_FIELDS}) for page in pages]
    Page.objects.bulk_create(rows)
    for page, row in zip(pages, rows, strict=True):
        page.id = row.id
        setattr(page, pointer.attname, row.id)
    _insert_specific_rows(model, pages)

    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    # treebeard's add_child trusts the in-memory numchild: keep the caller's copy right.
    parent.numchild = Page.objects.values_list("numchild", flat=True).get(pk=parent.pk)
    return pages


def _insert_specific_rows(model, pages):
    """The page type's own rows, many to an INSERT (bulk_create refuses a multi-table
    model). A row at a time cost a round trip a page: 10 of seed_bulk's minutes at
    100 000 pages on PostgreSQL. No signal is sent, as a raw save's listeners ignore it."""
    fields = model._meta.local_concrete_fields
    batch = connection.ops.bulk_batch_size(fields, pages)
    for start in range(0, len(pages), batch):
        model._base_manager._insert(pages[start : start + batch], fields=fields)
        for page in pages[start : start + batch]:
            page._state.adding = False


def one_cache_generation():
    """Caches keyed on the content (caching/) move on once, when the block ends.

    Raw and bulk inserts send no signal the caches listen to, and `remove`'s
    deletions send one a row; either way the caches should learn of it once.
    """
    return bump_once()
