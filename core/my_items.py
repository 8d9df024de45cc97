"""«Mine saker»: what one employee has going on, gathered from every section.

A section declares a provider of its «my items» in its `wagtail_hooks.py`:

    @hooks.register("register_my_items")
    def my_items():
        return BookingsProvider()

The page (home/views.py) and the header's count read them through the hook, so core
and home never import a section. Each provider answers for one kind (applications,
guidance requests, bookings) and only ever about the user it is given.

The header shows the number of open items on every page. It is one employee's, so it
is never part of a shared fragment: it is kept in the cache under the user's id, for
at most COUNT_SECONDS, and forgotten at once when one of that user's items changes
(`watch()`), so a new booking or a cancelled one shows on the next page. A section
keeps its own per-user parts the same way (`keep()`, `kept()`): the front page's
«Din neste booking».
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Func, IntegerField, Subquery, Value
from django.db.models.signals import post_delete, post_save
from wagtail import hooks

HOOK = "register_my_items"
# Time alone also closes items (a booking passes, a deadline goes): the count is
# recomputed at least this often.
COUNT_SECONDS = 300


@dataclass
class MyItem:
    """One thing in «Mine saker»: a line with its status and what happens next."""

    title: str
    url: str
    #: When it was sent or booked for, for the newest-first order and the meta line.
    when: datetime.datetime
    #: «torsdag 12. mars 2026 kl. 10.00–11.30», «Sendt 3. mars 2026 kl. 09.12».
    meta: str
    #: The status in words, and its badge colour (UI guide §2: neutral, active, positive, closed).
    status: str
    status_badge: str = "neutral"
    #: The next step in words («Venter på svar»), and a link when the user takes it («Avbestill»).
    next_step: str = ""
    next_step_url: str = ""
    #: Open items count in the header; past or finished ones are listed, not counted.
    is_open: bool = True


@dataclass
class MyItemsGroup:
    """One provider's part of the page: its heading, items, empty state and «Mine …» link."""

    kind: str
    heading: str
    items: list
    #: Finished items, folded under `earlier_label` («Tidligere bookinger»).
    earlier: list = field(default_factory=list)
    earlier_label: str = ""
    empty_text: str = ""
    list_url: str = ""
    list_label: str = ""
    action_url: str = ""
    action_label: str = ""

    @property
    def open_count(self):
        return sum(1 for item in self.items if item.is_open)


class MyItemsProvider:
    """What a section implements: its items for a user, and which of them are open."""

    kind = ""

    def group(self, request):
        """A MyItemsGroup for `request.user`, or None when the section is not set up here
        or its page is hidden from this user (caching.privacy.visible)."""
        raise NotImplementedError

    def open_querysets(self, user):
        """Querysets whose rows are `user`'s open items (no row in two of them), unevaluated:
        open_count() counts them all in one query."""
        raise NotImplementedError

    def open_count(self, user):
        return sum(queryset.count() for queryset in self.open_querysets(user))


def providers():
    found = []
    for hook in hooks.get_hooks(HOOK):
        found.append(hook())
    return found


def groups(request):
    """Every section's group for the signed-in user, in the order the sections register."""
    return [group for provider in providers() if (group := provider.group(request)) is not None]


# What is kept per user besides the count (a section's own, such as Fabrikken's next
# booking): named when the section loads, so every process forgets them all.
_KEPT = {"count"}


def keep(name):
    """Declare something `kept()` per user, forgotten with the count."""
    _KEPT.add(name)


def _key(name, user_id):
    return f"my-items:{name}:{user_id}"


def kept(user, name, compute, fresh=None):
    """`compute()` for `user`, from the cache while it is fresh.

    Fresh for at most COUNT_SECONDS, until one of the user's items changes (`watch()`),
    and while `fresh(value)` holds (a booking that has ended is no longer the next).
    """
    if name not in _KEPT:
        raise ValueError(f"my_items.keep({name!r}) first: it must be forgotten with the count.")
    key = _key(name, user.pk)
    found = cache.get(key)
    if found is not None and (fresh is None or fresh(found[0])):
        return found[0]
    value = compute()
    cache.set(key, (value,), COUNT_SECONDS)
    return value


def open_count(user):
    """How many open items `user` has, from the cache when it is fresh."""
    if user is None or not user.is_authenticated:
        return 0
    return kept(user, "count", lambda: _count_all(user))


def _count_all(user):
    """Every provider's open items counted in one query: one subquery each, side by side.

    A cold page (after a publish, or a new worker) pays this once per employee, so it
    costs one query however many sections register items.
    """
    querysets = [qs for provider in providers() for qs in provider.open_querysets(user)]
    if not querysets:
        return 0
    counts = {
        f"open_{number}": Subquery(
            queryset.order_by().annotate(_n=Func(Value(1), function="COUNT")).values("_n"),
            output_field=IntegerField(),
        )
        for number, queryset in enumerate(querysets)
    }
    row = (
        get_user_model().objects.filter(pk=user.pk).annotate(**counts).values_list(*counts).first()
    )
    return sum(row or ())


def forget_count(user_id):
    """Forget what is kept for the user: the count, and what sections keep beside it."""
    if user_id is not None:
        cache.delete_many([_key(name, user_id) for name in _KEPT])


def watch(model, user_field):
    """Forget the owner's count whenever one of `model`'s rows is saved or deleted."""

    def changed(sender, instance, **kwargs):
        forget_count(getattr(instance, user_field, None))

    uid = f"my-items:{model._meta.label}"
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=uid)
