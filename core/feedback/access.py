"""Who reads which feedback: a page's content owner reads its feedback; moderators and
administrators read all of it; everyone else reads none (and sees no menu item)."""

from django.core.cache import cache
from django.db.models import Count, Q
from wagtail.models import Page

from caching.keys import access_key
from core.publishing.reviews import owned_page_models
from core.publishing.roles import MODERATORS

from .models import Answer, PageFeedback


def reads_all(user):
    return user.is_superuser or user.groups.filter(name=MODERATORS).exists()


def owned_pages_q(user, field="page_id"):
    """A Q matching rows whose `field` is a page `user` owns: one subquery per page type,
    all in one SQL query (content_owner lives on each page type's own table)."""
    owned = Q(pk__in=[])
    for model in owned_page_models():
        owned |= Q(**{f"{field}__in": model.objects.filter(content_owner=user).values("pk")})
    return owned


def readable_by(user):
    """The feedback `user` may read, newest first."""
    if not user.is_authenticated or not user.is_active:
        return PageFeedback.objects.none()
    if reads_all(user):
        return PageFeedback.objects.all()
    return PageFeedback.objects.filter(owned_pages_q(user))


def may_read(user):
    """Whether `user` sees the report at all: moderators, administrators and page owners."""
    if not user.is_authenticated or not user.is_active:
        return False
    if reads_all(user):
        return True
    return Page.objects.filter(owned_pages_q(user, field="pk")).exists()


# How long the menu's answer is kept: a new owner finds «Tilbakemeldinger» in the menu
# within this time (the report itself asks may_read() afresh on every request).
MENU_CACHE_SECONDS = 300


def shows_menu_item(user):
    """may_read() for the Reports menu, from the cache: the menu is on every admin page,
    and may_read() costs two queries. Group changes start a new access generation, so
    becoming (or ceasing to be) a moderator shows at once."""
    if not user.is_authenticated:
        return False
    key = access_key("feedback-reader", user.pk, user.is_superuser)
    shown = cache.get(key)
    if shown is None:
        shown = may_read(user)
        cache.set(key, shown, MENU_CACHE_SECONDS)
    return shown


def answer_counts(pages):
    """Set `feedback_yes` and `feedback_no` on each page, from one query for all of them."""
    pages = list(pages)
    counts = {
        row["page_id"]: row
        for row in PageFeedback.objects.filter(page_id__in=[page.pk for page in pages])
        .values("page_id")
        .annotate(
            yes=Count("pk", filter=Q(answer=Answer.YES)),
            no=Count("pk", filter=Q(answer=Answer.NO)),
        )
        .order_by()
    }
    for page in pages:
        row = counts.get(page.pk, {})
        page.feedback_yes = row.get("yes", 0)
        page.feedback_no = row.get("no", 0)
    return pages
