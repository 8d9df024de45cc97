"""Synonym groups editors manage, and the daily count of searches that found nothing."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.search import index

from .stemming import words


class SynonymGroup(index.Indexed, models.Model):
    """Words that mean the same here, such as «brukerreise, kundereise, customer journey».

    A search for any of them also finds pages that use another one.
    """

    terms = models.TextField(
        _("words that mean the same"),
        max_length=500,
        help_text=_(
            "Two or more words or expressions separated by commas, such as «idémyldring, "
            "brainstorming, idéverksted». A search for one of them also finds the others."
        ),
    )

    panels = ["terms"]
    search_fields = [index.SearchField("terms"), index.AutocompleteField("terms")]

    class Meta:
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")
        ordering = ["terms"]

    def __str__(self):
        return ", ".join(self.term_list)

    @property
    def term_list(self):
        """The group's expressions, trimmed and lower-case, each once."""
        seen = []
        for part in self.terms.replace(";", ",").replace("\n", ",").split(","):
            term = " ".join(part.split()).lower()
            if term and term not in seen:
                seen.append(term)
        return seen

    def clean(self):
        super().clean()
        if len([term for term in self.term_list if words(term)]) < 2:
            raise ValidationError(
                {"terms": _("Write at least two words or expressions, separated by commas.")}
            )


class QueryDailyZeroHits(models.Model):
    """How many times a day a search term found nothing («Søk uten treff»).

    Beside Wagtail's QueryDailyHits, which counts every search. Deleted with the query
    by `searchpromotions_garbage_collect`, and after 30 days by `search_garbage_collect`.
    """

    query = models.ForeignKey(Query, on_delete=models.CASCADE, related_name="daily_zero_hits")
    date = models.DateField()
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("search without hits")
        verbose_name_plural = _("searches without hits")
        constraints = [
            models.UniqueConstraint(fields=["query", "date"], name="search_zero_hits_per_day")
        ]
        default_permissions = ()
        permissions = [("view_search_insight", "Can see what employees search for")]

    def __str__(self):
        return f"{self.query} {self.date}: {self.hits}"


@register_setting(icon="search")
class SearchSettings(BaseSiteSetting):
    """What employees are told about the numbers behind «Populære søk»."""

    statistics_note = models.CharField(
        _("note on the search statistics"),
        max_length=200,
        blank=True,
        help_text=_(
            "Shown under «Populære søk» and in the search reports, such as when the numbers "
            "are demo content. Leave empty when they are real searches."
        ),
    )

    class Meta:
        verbose_name = _("search")
