"""Phases of an innovation process: the KS Veikart steps methods are sorted by."""

from django.db import models
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from core.content_language import as_content

# Numbers 1–6 follow the KS Veikart phases (content brief §2); 0 marks the tools used
# in every phase. The number picks the badge colour (.badge--phase-0 … -6 in main.css).
CROSS_CUTTING = 0
PHASE_NUMBER_CHOICES = [
    (1, _("Phase 1")),
    (2, _("Phase 2")),
    (3, _("Phase 3")),
    (4, _("Phase 4")),
    (5, _("Phase 5")),
    (6, _("Phase 6")),
    (CROSS_CUTTING, _("Used in every phase (no number)")),
]


class Phase(models.Model):
    """A phase of an innovation process, such as «Forstå behovet»."""

    name = models.CharField(
        _("name"), max_length=80, help_text=_("Short, in sentence case, such as «Forstå behovet».")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_(
            "The phase's name in addresses, such as «forsta» in /metoder/?fase=forsta. "
            "Changing it breaks links that people have saved."
        ),
    )
    number = models.PositiveSmallIntegerField(
        _("phase number"),
        choices=PHASE_NUMBER_CHOICES,
        help_text=_(
            "Shown on the badge, as in «Fase 2 · Forstå behovet», and decides its colour. "
            "Choose «no number» for tools used in every phase."
        ),
    )
    description = models.TextField(
        _("short description"),
        max_length=300,
        help_text=_("One sentence about what happens in this phase. Shown on the front page."),
    )
    sort_order = models.IntegerField(_("sort order"), null=True, blank=True, editable=False)

    panels = ["name", "slug", "number", "description"]

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["sort_order", "number", "name"]

    def __str__(self):
        return self.label

    @property
    def label(self):
        """The badge text: «Fase 2 · Forstå behovet», or only the name for cross-cutting tools."""
        return self._label(self.name, str)

    @property
    def label_html(self):
        """The label with the editors' phase name marked as content (`lang="nb"` under an
        English interface), for HTML; `label` stays plain text for attributes and e-mail."""
        return mark_safe(self._label(as_content(self.name), conditional_escape))  # noqa: S308 - escaped

    def _label(self, name, escape):
        if self.number == CROSS_CUTTING:
            return name
        template = escape(pgettext("phase badge", "Phase %(number)s · %(name)s"))
        return template % {"number": self.number, "name": name}

    @property
    def badge_class(self):
        return f"badge--phase-{self.number}"
