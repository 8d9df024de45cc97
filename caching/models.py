from django.db import models
from django.utils.translation import gettext_lazy as _


class CacheCounter(models.Model):
    """One named counter of what is cached: its value is part of every key that depends on it.

    A change bumps the counters of what it affects, in the same transaction as the
    change (caching.signals, caching.scopes). So the counters live in the database, not
    in the cache: a process with its own local-memory cache, another gunicorn worker or
    the cron job that publishes scheduled pages all see the new values on their next
    request, and nobody is ever served what was cached before a publish.

    The names (caching.generation): `content` moves on every change to what employees
    see, `access` on every change to groups and permissions, and the scopes `site`,
    `navigation`, `search` and `type:<app.model>` on changes to those only. A page's own
    counter is its `cache_version` (core.models.BasePage), which travels with the page.
    """

    name = models.CharField(_("name"), max_length=100, primary_key=True)
    value = models.PositiveBigIntegerField(_("value"), default=0)

    class Meta:
        verbose_name = _("cache counter")
        verbose_name_plural = _("cache counters")

    def __str__(self):
        return f"{self.name} {self.value}"


class PageCacheVersion(models.Model):
    """A page's own counter: the parts cached for the page name it (caching.keys).

    It travels with the page's row, so reading it costs nothing: the page is loaded
    anyway. caching.scopes gives it a new value whenever the page, or a page it shows
    or that shows it, changes.
    """

    cache_version = models.PositiveBigIntegerField(default=0, editable=False)

    class Meta:
        abstract = True
