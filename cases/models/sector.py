"""The service areas (tjenesteområder) cases belong to, and the statuses a case can have."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CaseStatus(models.TextChoices):
    # The values appear in addresses (?status=pagaende), so they are Norwegian like the keys.
    PLANNED = "planlagt", pgettext_lazy("case status", "Planned")
    ONGOING = "pagaende", pgettext_lazy("case status", "Ongoing")
    COMPLETED = "avsluttet", pgettext_lazy("case status", "Completed")


# The badge colour of each status (UI guide §2): planned neutral, ongoing active, completed positive.
STATUS_BADGES = {
    CaseStatus.PLANNED: "neutral",
    CaseStatus.ONGOING: "active",
    CaseStatus.COMPLETED: "positive",
}


class Sector(models.Model):
    """A service area of the municipality, such as «Helse og velferd», that a case belongs to."""

    name = models.CharField(
        _("name"),
        max_length=80,
        help_text=_("The service area's name as employees know it, such as «Helse og velferd»."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_(
            "The service area's name in addresses, such as «helse-og-velferd» in "
            "/eksempler/?sektor=helse-og-velferd. Changing it breaks links that people have saved."
        ),
    )
    sort_order = models.IntegerField(_("sort order"), null=True, blank=True, editable=False)

    panels = ["name", "slug"]

    class Meta:
        verbose_name = _("service area")
        verbose_name_plural = _("service areas")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # A new service area goes last in the filter until an editor drags it elsewhere.
        if self.sort_order is None:
            last = Sector.objects.aggregate(last=models.Max("sort_order"))["last"]
            self.sort_order = (last or 0) + 1
        super().save(*args, **kwargs)
