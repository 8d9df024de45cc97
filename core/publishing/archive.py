"""The life cycle's last step: a page nobody confirms goes to the archive, and can come back.

A live page falls due for review a year after it was last confirmed
(core/publishing/reviews.py); its owner is reminded from that day. Thirty days later
(ARCHIVE_GRACE) `archive_unconfirmed_pages` unpublishes it: it leaves the menus,
listings and search, nothing is deleted, an ArchivedPage row says when and why, and
the audit log holds «innovasjon.archive». «Arkiv» in the admin restores it.

Not archived automatically: a site's front page, a page with live pages below it (a
section's index: the pages under it would lose their way in), and a page waiting for
approval (someone is working on it). They stay in the review report.

Every function takes `today`, so tests move the clock instead of waiting.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import CharField, Exists, OuterRef, Prefetch, Q, Value
from django.db.models.functions import Cast, Coalesce, Concat, TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page, Site, WorkflowState

from core.models import ArchivedPage
from core.models.ownership import REVIEW_AFTER
from core.publishing import reviews
from core.publishing.four_eyes import may_publish_directly

ARCHIVE_GRACE = datetime.timedelta(days=30)  # after the review falls due
WARN_WITHIN = datetime.timedelta(days=14)  # «Arkiveres snart»
ARCHIVE_ACTION = "innovasjon.archive"
RESTORE_ACTION = "innovasjon.restore"

# What «Gjenopprett» does for a user (restore_action).
PUBLISH = "publish"  # the revision that was live goes live again
SUBMIT = "submit"  # the latest revision goes to approval; live once approved
WAITING = "waiting"  # already in approval: nothing to do but wait


def confirmed_on(page):
    """The day the page was last confirmed; for a page from before confirmations, its last publication."""
    if page.last_confirmed_at is not None:
        return page.last_confirmed_at
    if page.last_published_at is not None:
        return timezone.localdate(page.last_published_at)
    return None


def archive_date(page):
    """The day the page goes to the archive unless it is confirmed before, or None."""
    confirmed = confirmed_on(page)
    return confirmed + REVIEW_AFTER + ARCHIVE_GRACE if confirmed else None


def archivable(page):
    """No query for a leaf page from _confirmed_between (site root state annotated,
    workflow states prefetched): the dashboard and the report ask it of every page in
    the window, which at 100 000 pages is hundreds."""
    return (
        not page.is_site_root()
        and (page.is_leaf() or not page.get_children().live().exists())
        and not page.workflow_in_progress
    )


def _confirmed_between(first, last):
    """Live owned pages last confirmed between `first` and `last` (inclusive; None: open).

    Narrowed in the database, so the dashboard reads a few pages, not every stale one.
    """
    confirmed, published = Q(), Q(last_confirmed_at__isnull=True)
    if first is not None:
        confirmed &= Q(last_confirmed_at__gte=first)
        published &= Q(last_published_at__date__gte=first)
    if last is not None:
        confirmed &= Q(last_confirmed_at__lte=last)
        published &= Q(last_published_at__date__lte=last)
    for model in reviews.owned_page_models():
        yield from (
            model.objects.live()
            .filter((confirmed & Q(last_confirmed_at__isnull=False)) | published)
            .select_related("content_owner")
            # What archivable() asks, for all the pages at once, as Wagtail's listings
            # do (PageQuerySet.prefetch_workflow_states, here through the relation on the
            # specific type: these querysets are of one page type).
            .annotate_site_root_state()
            .prefetch_related(
                Prefetch(
                    "_specific_workflow_states",
                    queryset=WorkflowState.objects.active(),
                    to_attr="_current_workflow_states",
                )
            )
        )


def _archivable_by(first_day, last_day):
    """Pages the job archives on a day from `first_day` to `last_day`, with that day."""
    lag = REVIEW_AFTER + ARCHIVE_GRACE
    first = first_day - lag if first_day is not None else None
    for page in _confirmed_between(first, last_day - lag):
        if archivable(page):
            yield page, archive_date(page)


def pages_to_archive(today=None):
    today = today or timezone.localdate()
    pages = [page for page, _day in _archivable_by(None, today)]
    return sorted(pages, key=lambda page: (confirmed_on(page), page.pk))


def pages_archived_soon(today=None, within=WARN_WITHIN):
    """Pages that go to the archive within `within` unless confirmed, soonest first."""
    return archived_soon(today, within)[0]


# How many pages «Arkiveres snart» lists: the soonest; the heading gives the whole number.
ARCHIVED_SOON_SHOWN = 50


def archived_soon(today=None, within=WARN_WITHIN, limit=None):
    """(the first `limit` pages that go to the archive within `within`, soonest first;
    how many go in all): what pages_archived_soon finds, chosen, counted and ordered in
    the database (one query over every owned page type), so the dashboard and the review
    report load only the pages they show. At 100 000 pages two weeks hold over a
    thousand, which cost seconds to load and check one by one."""
    today = today or timezone.localdate()
    lag = REVIEW_AFTER + ARCHIVE_GRACE
    first, last = today + datetime.timedelta(days=1) - lag, today + within - lag
    confirmed = Coalesce("last_confirmed_at", TruncDate("last_published_at"))
    # The window as _confirmed_between asks it: the index on last_confirmed_at serves it.
    window = Q(last_confirmed_at__gte=first, last_confirmed_at__lte=last) | Q(
        last_confirmed_at__isnull=True,
        last_published_at__date__gte=first,
        last_published_at__date__lte=last,
    )
    parts = [
        model.objects.live()
        .filter(window)
        .filter(_archivable_q(model))
        .annotate(confirmed=confirmed)
        .order_by()
        .values_list("pk", "content_type_id", "confirmed", "title")
        for model in reviews.owned_page_models()
    ]
    head, *rest = parts
    rows = head.union(*rest, all=True).order_by("confirmed", "title")
    total = rows.count()
    shown = list(rows if limit is None else rows[:limit])
    pages = reviews.pages_for([(pk, content_type, day) for pk, content_type, day, _ in shown])
    for page, (_pk, _type, day, _title) in zip(pages, shown, strict=True):
        page.archive_date = day + lag
    return pages, total


def _archivable_q(model):
    """archivable() as a filter on `model`'s pages: not a site's root, a leaf or without
    live children, and not waiting for approval."""
    site_root = Site.objects.filter(root_page__translation_key=OuterRef("translation_key"))
    # A child's path is the parent's and four characters more: a range of the path's
    # index (a LIKE on another column's value would read every page).
    live_child = Page.objects.filter(
        path__gt=OuterRef("path"),
        path__lt=Concat(OuterRef("path"), Value("ZZZZ")),
        depth=OuterRef("depth") + 1,
        live=True,
    )
    in_approval = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=Cast(OuterRef("pk"), CharField()),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    return ~Exists(site_root) & (Q(numchild=0) | ~Exists(live_child)) & ~Exists(in_approval)


@transaction.atomic
def archive(page, today=None):
    """Unpublish `page` to the archive and record it (the row and the audit log)."""
    today = today or timezone.localdate()
    confirmed = confirmed_on(page)
    reason = _("Not confirmed since %(date)s") % {
        "date": confirmed.strftime("%d.%m.%Y") if confirmed else "–"
    }
    entry, _created = ArchivedPage.objects.update_or_create(
        page=page,
        defaults={
            "archived_at": timezone.now(),
            "last_confirmed_at": confirmed,
            "reason": reason,
            "revision": page.live_revision,
        },
    )
    page.unpublish(log_action=False)
    log(
        instance=page,
        action=ARCHIVE_ACTION,
        data={"last_confirmed_at": confirmed.isoformat() if confirmed else None},
    )
    return entry


def archive_unconfirmed(today=None):
    """The job: every page due for the archive by `today` goes there. Returns them."""
    pages = pages_to_archive(today)
    for page in pages:
        archive(page, today)
    return pages


def archived_pages():
    """What «Arkiv» lists: archived pages still offline, most recently archived first."""
    return list(ArchivedPage.objects.filter(page__live=False).select_related("page"))


def restore_action(user, page):
    """What «Gjenopprett» does for `user` on the archived `page`, or None: not offered.

    The report offers and the view checks this one function. Administrators publish
    directly. Moderators (publish permission) put back the revision that was live, which
    was approved once; if the page has changed since, it goes to approval like any
    change (four eyes). Editors send it to approval. Others get nothing.
    """
    perms = page.permissions_for_user(user)
    if not perms.can_edit():
        return None
    if may_publish_directly(user):
        return PUBLISH
    entry = getattr(page, "archive_entry", None)
    unchanged = (
        entry is not None
        and entry.revision_id is not None
        and page.latest_revision_id == entry.revision_id
    )
    if perms.can_publish() and unchanged:
        return PUBLISH
    if page.workflow_in_progress:
        return WAITING
    if perms.can_submit_for_moderation():
        return SUBMIT
    return None


@transaction.atomic
def restore(page, user, today=None):
    """Carry out restore_action for `user`; returns what was done (PUBLISH or SUBMIT)."""
    action = restore_action(user, page)
    if action == PUBLISH:
        revision = page.get_latest_revision()
        revision.publish(user=user, log_action=RESTORE_ACTION)
        page.refresh_from_db()
        reviews.confirm(page, today)  # the publish signal confirms too, but with the real date
    elif action == SUBMIT:
        page.get_workflow().start(page, user)
    return action
