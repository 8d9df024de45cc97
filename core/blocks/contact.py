"""Contact blocks: a person employees can ask."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from .common import GROUP_CONTACT, tel_href


class ContactPersonBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), required=False, max_length=80, default="Kontaktperson"
    )
    person = SnippetChooserBlock("core.Person", label=_("Person"))

    class Meta:
        icon = "user"
        label = _("Contact person")
        description = _("A card with name, role, e-mail and phone of someone readers can ask.")
        group = GROUP_CONTACT
        template = "core/blocks/contact_person.html"
        preview_value = {"heading": "Kontaktperson"}

    def get_preview_value(self):
        person_model = apps.get_model("core", "Person")
        person = person_model.objects.order_by("name").first() or person_model(
            name="Innovasjonsrådgiveren",
            role="Rådgiver for innovasjon og gevinstrealisering",
            unit="Innovasjon og digitalisering",
            email="innovasjon@eksempel.no",
        )
        return self.normalize({**self.meta.preview_value, "person": person})

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        person = value.get("person")
        context["person"] = person
        context["phone_href"] = tel_href(person.phone) if person is not None else ""
        return context
