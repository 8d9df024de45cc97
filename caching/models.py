from django.db import models
from django.utils.translation import gettext_lazy as _


class CacheGeneration(models.Model):
    """The one row naming the current generation of everything cached.

    Every cache key carries these counters, and every change to what the
    cached parts show bumps one, in the same transaction as the change. So the
    counters live in the database, not in the cache: a process with its own
    local-memory cache, another gunicorn worker or the cron job that publishes
    scheduled pages all see the new generation on their next request, and
    nobody is ever served what was cached before a publish.
    """

    # Pages, their privacy, snippets, images, settings: what every employee sees.
    content = models.PositiveBigIntegerField(default=0)
    # Groups and permissions: what a user may do (cached per user).
    access = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("cache generation")

    def __str__(self):
        return f"content {self.content}, access {self.access}"
