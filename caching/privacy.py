"""Page privacy from the cache: Wagtail's check on every page view, and the one gate for lists.

Wagtail's view restrictions guard page serving only. Everything that lists pages
(listings and their counts, front-page sections, related lists, menus, feeds, search
and suggestions) passes its queryset through `visible(pages, request)`, and every
cached part that holds pages varies by `audience_key(request)`, so two employees who
may see different pages never share a cached list.

Who passes a restriction, for lists:
- «innloggede» (login): every signed-in user;
- groups: members of one of its groups, and superusers;
- anything else (a shared password, or a type Wagtail adds later): nobody. A list is
  no place to ask for a password, and a page that may hold secrets stays out of it.
"""

import hashlib

from django.core.cache import cache
from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from caching.generation import NAVIGATION
from caching.keys import access_key, remember

# Where audience() keeps its answer on the request.
AUDIENCE_ATTRIBUTE = "_privacy_audience"
# Longer audience keys are hashed, so a cache key stays short however many restrictions.
MAX_KEY_LENGTH = 40


def restrictions():
    """Every page view restriction with its page and groups, until the tree or a restriction changes."""
    return remember(
        lambda: list(PageViewRestriction.objects.select_related("page").prefetch_related("groups")),
        "view-restrictions",
        on=[NAVIGATION],
    )


def restricted_paths():
    """Tree paths of every page with a view restriction."""
    return tuple(restriction.page.path for restriction in restrictions())


def aliases():
    """(id, original's path) of every alias, until the tree changes.

    An alias can stand anywhere in the tree while its restrictions are its
    original's; lists filter it by id, which search can filter on too.
    """
    return remember(
        lambda: list(
            Page.objects.filter(alias_of__isnull=False).values_list("pk", "alias_of__path")
        ),
        "aliases",
        on=[NAVIGATION],
    )


class CachedViewRestrictionsMixin:
    """A page with no restriction on itself or above answers without a query.

    Wagtail asks `get_view_restrictions()` on every page view (three queries,
    because of aliases). Restrictions are few and change rarely; a page under
    none of them gets an empty queryset straight away, every other page (and
    every alias, whose restrictions are its original's) asks Wagtail.
    """

    def get_view_restrictions(self):
        if not self.alias_of_id and not any(
            self.path.startswith(path) for path in restricted_paths()
        ):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


# --- The gate ---------------------------------------------------------------------------


def _group_ids(user):
    """The user's group ids, from the cache until groups or memberships change.

    Adding a user to a group or removing one starts a new access generation
    (caching.signals), so the cached answer is never stale.
    """
    key = access_key("group-ids", user.pk)
    ids = cache.get(key)
    if ids is None:
        ids = frozenset(user.groups.values_list("pk", flat=True))
        cache.set(key, ids)
    return ids


def _passes(restriction, user, group_ids):
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return user.is_authenticated
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        if not user.is_authenticated:
            return False
        if user.is_superuser:
            return True
        allowed = {group.pk for group in restriction.groups.all()}
        return bool(allowed & group_ids())
    return False


def _compute(request):
    user = getattr(request, "user", None)
    found = restrictions()
    if not found or user is None:
        return frozenset(), frozenset(restriction.pk for restriction in found)
    memo = {}

    def group_ids():
        # Asked for only when a group restriction needs it: at most once per request.
        if "ids" not in memo:
            memo["ids"] = _group_ids(user)
        return memo["ids"]

    passed = frozenset(r.pk for r in found if _passes(r, user, group_ids))
    return passed, frozenset(r.pk for r in found) - passed


def _answer(request):
    """(passed, refused) restriction ids for this request, worked out once per request."""
    if request is None:
        return _compute(None)
    memo = getattr(request, AUDIENCE_ATTRIBUTE, None)
    if memo is None:
        memo = _compute(request)
        setattr(request, AUDIENCE_ATTRIBUTE, memo)
    return memo


def audience(request):
    """The ids of the view restrictions this request passes, for lists (a frozenset)."""
    return _answer(request)[0]


def audience_key(request):
    """A short string naming what this request may not see in lists: a part of cache keys.

    Empty when the request passes every restriction (or there are none), so most
    employees share one cached list; otherwise the refused restrictions' ids. What a
    list shows depends on nothing else (the ids hold for one cache generation, like
    every key), so two requests with the same key may share a cached answer.
    """
    refused = _answer(request)[1]
    if not refused:
        return ""
    key = "-" + ".".join(map(str, sorted(refused)))
    if len(key) > MAX_KEY_LENGTH:
        key = "-" + hashlib.sha256(key.encode()).hexdigest()[:32]
    return key


def hidden_paths(request):
    """Tree paths of the restricted sections this request may not see in lists."""
    refused = _answer(request)[1]
    if not refused:
        return ()
    return tuple(r.page.path for r in restrictions() if r.pk in refused)


def hidden_alias_ids(request):
    """Ids of the aliases (anywhere in the tree) of pages this request may not see in lists."""
    paths = hidden_paths(request)
    if not paths:
        return frozenset()
    return frozenset(pk for pk, original in aliases() if original.startswith(paths))


def hidden_q(request):
    """A Q matching the pages this request may not see in lists, or None."""
    hidden = Q()
    for path in hidden_paths(request):
        hidden |= Q(path__startswith=path)
    alias_ids = hidden_alias_ids(request)
    if alias_ids:
        hidden |= Q(id__in=sorted(alias_ids))
    return hidden or None


def visible(pages, request):
    """`pages` without the sections under restrictions `request` does not pass.

    The one gate for every list of pages. No query of its own in the common case:
    the restrictions come from the cache, the user's groups from the cache too.
    """
    hidden = hidden_q(request)
    return pages.exclude(hidden) if hidden is not None else pages


def is_visible(page, request):
    """Whether one page (already loaded) may appear in a list for `request`."""
    if page is None:
        return False
    paths = hidden_paths(request)
    if not paths:
        return True
    return not page.path.startswith(paths) and page.pk not in hidden_alias_ids(request)
