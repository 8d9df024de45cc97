from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index


class Person(index.Indexed, models.Model):
    """A contact person that pages and blocks point to, kept in one place."""

    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(
        _("role"), max_length=120, help_text=_("For example «Innovasjonsrådgiver».")
    )
    unit = models.CharField(
        _("unit"),
        max_length=160,
        blank=True,
        help_text=_("The department or service the person works in."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=30,
        blank=True,
        help_text=_("Written as people dial it, for example 12 34 56 78."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        "name",
        "role",
        "unit",
        MultiFieldPanel(["email", "phone"], heading=_("Contact")),
        FieldPanel("photo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
        index.SearchField("unit"),
    ]

    class Meta:
        # Moved from home/ without a schema change (core/migrations/0001_initial.py).
        db_table = "home_person"
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.role})" if self.role else self.name
