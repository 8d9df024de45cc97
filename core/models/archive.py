from django.db import models
from django.utils.translation import gettext_lazy as _


class ArchivedPage(models.Model):
    """A page the life cycle took offline because nobody confirmed it (core/publishing/archive.py).

    Nothing is deleted: the page is unpublished and keeps its revisions. This row says
    when and why, and which revision was live, so «Gjenopprett» can put exactly that
    back. It is outside the page's revisions by being its own table, and goes when the
    page is live again (restored, or published through approval). The audit log keeps
    the history of both.
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="archive_entry",
    )
    archived_at = models.DateTimeField(_("archived at"))
    last_confirmed_at = models.DateField(_("last confirmed"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=255)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision that was live"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("archived page")
        verbose_name_plural = _("archived pages")
        ordering = ["-archived_at"]

    def __str__(self):
        return str(self.page)
