"""What a change to a page affects: the counters it bumps and the pages whose own counter moves.

A publish used to start a new generation of everything cached. Now it moves on only
what depends on the page (caching.keys names the dependencies of every key):

- the page itself and every page that shows it or that it shows: those that link to it
  (related methods, a case's methods, rich-text and block links, the front page's
  highlights) and those it links to (a method's «Used in these projects» lists the
  cases that link to it), before and after the change, from Wagtail's reference index;
- its type's scope (`type:app.model`): its section's listings and facets, its
  front-page section, the other lists of that type;
- `search`;
- `navigation` (menus, breadcrumbs, routes) only when the change shows there: a new
  address, a title or live state of a page in the menu or with children, the menu flag;
- `site`, which every scoped key names, when something that is not a page (a setting,
  a snippet) links to it.

Saves that only keep Wagtail's books (a draft's revision, a lock) bump nothing: the
live page is unchanged. Anything else bumps `content` as well, for the keys that name
no narrower dependency.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex
from wagtail.models.pages import COMMENTS_RELATION_NAME

from caching import generation

# What Wagtail writes on a page when a draft is saved, a page is locked or unlocked, or a
# comment moves: the live page does not change.
BOOKKEEPING_FIELDS = frozenset(
    {
        COMMENTS_RELATION_NAME,
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
    }
)
# Read before a save, to tell whether the change shows in menus, breadcrumbs or addresses.
NAVIGATION_FIELDS = (
    "slug",
    "url_path",
    "title",
    "live",
    "show_in_menus",
    "numchild",
    "alias_of_id",
)
# Where the state before a save waits for the save's post_save.
BEFORE_ATTRIBUTE = "_cache_before"


def keeps_books_only(update_fields):
    return bool(update_fields) and set(update_fields) <= BOOKKEEPING_FIELDS


def _page_content_type_id():
    return ContentType.objects.get_for_model(Page).pk


def _linked_pages(references, content_type_field, id_field):
    page_type = _page_content_type_id()
    return {
        int(getattr(reference, id_field))
        for reference in references
        if getattr(reference, content_type_field) == page_type
    }


def links_from(page):
    """Ids of the pages the live `page` links to, as the reference index has them."""
    return _linked_pages(
        ReferenceIndex.get_references_for_object(page).only("to_content_type", "to_object_id"),
        "to_content_type_id",
        "to_object_id",
    )


def links_in(page):
    """Ids of the pages `page` (in memory, as it is being saved) links to."""
    page_type = _page_content_type_id()
    return {
        int(object_id)
        for content_type_id, object_id, *_ in ReferenceIndex._extract_references_from_object(page)
        if content_type_id == page_type
    }


def linked_from(page):
    """(ids of the pages that link to `page`, whether anything else links to it)."""
    page_type = _page_content_type_id()
    pages, others = set(), False
    for base_type, object_id in ReferenceIndex.get_references_to(page).values_list(
        "base_content_type_id", "object_id"
    ):
        if base_type == page_type:
            pages.add(int(object_id))
        else:
            others = True
    return pages, others


def before_save(page, update_fields=None):
    """Note what the page was, for after_save: its place in navigation and its links."""
    if page.pk is None or keeps_books_only(update_fields) or generation.suspended():
        return
    state = Page.objects.filter(pk=page.pk).values(*NAVIGATION_FIELDS).first()
    setattr(page, BEFORE_ATTRIBUTE, (state, links_from(page)))


def shows_in_navigation(page, before, created):
    if created:
        return bool(page.live and (page.show_in_menus or page.alias_of_id))
    if before is None:
        return True
    if any(
        before[field] != getattr(page, field)
        for field in ("slug", "url_path", "show_in_menus", "alias_of_id")
    ):
        return True
    named = page.show_in_menus or before["show_in_menus"] or before["numchild"] or page.numchild
    return bool(named and (before["title"] != page.title or before["live"] != page.live))


def after_save(page, created, update_fields=None):
    """Bump what the saved page affects (see the module's docstring)."""
    if keeps_books_only(update_fields) or generation.suspended():
        return
    before, links_before = getattr(page, BEFORE_ATTRIBUTE, (None, set()))
    if hasattr(page, BEFORE_ATTRIBUTE):
        delattr(page, BEFORE_ATTRIBUTE)
    scopes = {generation.SEARCH, generation.type_scope(page.specific_class or type(page))}
    if shows_in_navigation(page, before, created):
        scopes.add(generation.NAVIGATION)
    referrers, others = linked_from(page)
    if others:
        scopes.add(generation.SITE)
    generation.bump_content(*scopes)
    renew_pages(page, {page.pk} | referrers | links_before | links_in(page))


def before_delete(page):
    """Note the pages that show the page going away: they are renewed after it is gone."""
    if generation.suspended():
        return
    referrers, others = linked_from(page)
    setattr(page, BEFORE_ATTRIBUTE, (referrers | links_from(page), others))


def after_delete(page):
    if generation.suspended():
        return
    related, others = getattr(page, BEFORE_ATTRIBUTE, (set(), True))
    scopes = {
        generation.SEARCH,
        generation.NAVIGATION,
        generation.type_scope(page.specific_class or type(page)),
    }
    if others:
        scopes.add(generation.SITE)
    generation.bump_content(*scopes)
    renew_pages(None, related - {page.pk})


def renew_pages(page, ids):
    """Give each page in `ids` a `cache_version` no key has named before.

    The content counter's new value: it only grows, so even a page saved from an old
    revision (whose copy of the field is old) gets a value never used before.
    """
    if not ids:
        return
    version = generation.latest_content()
    by_type = {}
    for pk, content_type_id in Page.objects.filter(pk__in=ids).values_list("pk", "content_type_id"):
        by_type.setdefault(content_type_id, []).append(pk)
    for content_type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None and hasattr(model, "cache_version"):
            model.objects.filter(pk__in=pks).update(cache_version=version)
    if page is not None and hasattr(page, "cache_version"):
        page.cache_version = version
