"""Form fields and the error summary as the UI guide draws them (§5.5, §5.6).

Shared by every app's forms (funding applications, Fabrikken's requests and
bookings): `{% form_field bound_field %}` renders one field with its label,
hint, error and ARIA wiring (core/includes/form_field.html), and
`{% include "core/includes/error_summary.html" with form=form error_anchor="…" %}`
lists every error at the top, each linking to its field.
"""

from django import forms, template
from django.utils.html import format_html
from django.utils.translation import gettext
from wagtail.contrib.forms.forms import BaseForm

from core.content_language import as_content
from core.forms import DateInputsWidget, example_date_text, example_datetime_text

register = template.Library()

# Widget attributes the field template passes on to the <input>.
PASSED_ATTRS = ("inputmode", "autocomplete", "spellcheck", "accept", "form")


def field_kind(bound_field):
    widget = bound_field.field.widget
    if isinstance(widget, forms.HiddenInput):
        return "hidden"
    if isinstance(widget, DateInputsWidget):
        return "date"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    return "input"


def error_anchor(bound_field):
    """Where the error summary links to: the field, or its first input (dates, groups)."""
    if field_kind(bound_field) in ("date", "checkboxes", "radios"):
        return f"{bound_field.auto_id}_0"
    return bound_field.auto_id


@register.simple_tag
def form_error_list(form, fallback_anchor="soknad"):
    """(anchor, message) for every error, in the order of the fields (UI guide §5.5).

    Errors that belong to no visible field link to `fallback_anchor`: the id of
    the form or the section around it.
    """
    errors = [(fallback_anchor, error) for error in form.non_field_errors()]
    for bound_field in form.hidden_fields():
        errors += [(fallback_anchor, error) for error in bound_field.errors]
    for bound_field in form.visible_fields():
        errors += [(error_anchor(bound_field), error) for error in bound_field.errors]
    return errors


def _hint(bound_field, words):
    """The field's hint; a sentence the code adds to an editor's hint (`hint_after`, such as
    the call's amount range) follows it in the interface's language."""
    after = getattr(bound_field.field, "hint_after", "")
    hint = words(bound_field.help_text)
    return format_html("{} {}", hint, after) if hint and after else hint or after


@register.inclusion_tag("core/includes/form_field.html")
def form_field(bound_field):
    """One field of a form, with label, hint, error and ARIA wiring.

    One convention in every form of the section (issue #20): an optional field
    says «(valgfritt)» after its label; a required one carries no mark (UI
    guide §5.6). A widget's `class` attribute is added to the input's (for
    example `input--width-10`).
    """
    kind = field_kind(bound_field)
    auto_id = bound_field.auto_id
    has_hint = bool(bound_field.help_text or getattr(bound_field.field, "hint_after", ""))
    errors = bound_field.errors
    described_by = " ".join(
        part
        for part, wanted in ((f"{auto_id}_hint", has_hint), (f"{auto_id}_error", bool(errors)))
        if wanted
    )
    required = bound_field.field.required
    widget = bound_field.field.widget
    # A form-builder form's labels, hints and choices are editors' words (content): marked
    # Norwegian when the interface is English. A code-made form's come from the catalogue,
    # except a field it makes from what editors wrote (`field.editors_wrote`, such as a
    # call's criteria in funding/application_forms.py).
    editors_wrote = isinstance(bound_field.form, BaseForm) or getattr(
        bound_field.field, "editors_wrote", False
    )
    words = as_content if editors_wrote else (lambda text: text)
    context = {
        "field": bound_field,
        "kind": kind,
        "id": auto_id,
        "name": bound_field.html_name,
        "label": words(bound_field.label),
        "label_suffix": "" if required else gettext("(optional)"),
        "required": required,
        "hint": _hint(bound_field, words),
        "errors": errors,
        "described_by": described_by,
        "input_class": widget.attrs.get("class", ""),
        "rows": widget.attrs.get("rows", 6),
    }
    value = bound_field.value()
    if kind in ("checkboxes", "radios", "select"):
        context["options"] = [
            {
                "id": option.id_for_label,
                "value": option.data["value"],
                # An <option> holds text only: no <span lang> inside it.
                "label": option.choice_label if kind == "select" else words(option.choice_label),
                "checked": option.data["selected"],
            }
            for option in bound_field.subwidgets
        ]
        if kind == "select" and context["options"] and str(context["options"][0]["value"]):
            # HTML allows `required` on a select only when its first option is an empty
            # placeholder («Velg …»); one that starts with a real value always has an answer.
            context["required"] = False
    elif kind == "checkbox":
        context["checked"] = widget.check_test(value)
    elif kind == "date":
        if isinstance(value, (list, tuple)):
            parts = list(value) + [""] * (3 - len(value))
        else:
            parts = widget.decompress(value)
        labels = (gettext("Day"), gettext("Month"), gettext("Year"))
        sizes = ("2", "month", "4")
        context["parts"] = [
            {
                "id": f"{auto_id}_{n}",
                "name": f"{bound_field.html_name}_{n}",
                "value": "" if parts[n] is None else parts[n],
                "label": labels[n],
                "size": sizes[n],
            }
            for n in range(3)
        ]
        context["hint"] = context["hint"] or gettext("For example %(date)s") % {
            "date": example_date_text()
        }
    else:
        context["value"] = "" if value is None else value
        context["input_type"] = getattr(widget, "input_type", "text")
        context["attrs"] = {key: val for key, val in widget.attrs.items() if key in PASSED_ATTRS}
        if isinstance(bound_field.field, forms.DateTimeField):
            context["hint"] = context["hint"] or gettext("For example %(datetime)s") % {
                "datetime": example_datetime_text()
            }
        if kind == "input" and context["input_type"] in ("number", "date", "datetime-local"):
            context["input_type"] = "text"
    if kind in ("date", "input") and context["hint"] and not has_hint:
        context["described_by"] = " ".join(
            filter(None, [f"{auto_id}_hint", context["described_by"]])
        )
    return context
