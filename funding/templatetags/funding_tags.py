"""Template helpers for funding: amounts, the application form's fields, the front-page section."""

from django import forms, template
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.models import Page, Site

from funding.formats import format_nok
from funding.forms import DateInputsWidget
from funding.models import FundingCallPage, FundingIndexPage
from funding.status import CallStatus, format_date, format_datetime, status_filter

register = template.Library()

HOME_SECTION_LIMIT = 3


@register.filter
def oslo_datetime(moment):
    """«1. april 2026 kl. 12.00», in Norwegian time."""
    return format_datetime(moment) if moment else ""


@register.filter
def oslo_date(moment):
    """«1. april 2026», in Norwegian time."""
    return format_date(moment) if moment else ""


@register.filter
def nok(amount):
    """250000 → «kr 250 000» with no-break spaces (UI guide §6)."""
    return format_nok(amount)


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
    """(anchor, message) for every error, in the order of the fields (UI guide §5.5)."""
    errors = [(fallback_anchor, error) for error in form.non_field_errors()]
    for bound_field in form.hidden_fields():
        errors += [(fallback_anchor, error) for error in bound_field.errors]
    for bound_field in form.visible_fields():
        errors += [(error_anchor(bound_field), error) for error in bound_field.errors]
    return errors


@register.inclusion_tag("funding/includes/form_field.html")
def application_field(bound_field, mark_optional=False):
    """One field of an application form, with label, hint, error and ARIA wiring."""
    kind = field_kind(bound_field)
    auto_id = bound_field.auto_id
    has_hint = bool(bound_field.help_text)
    errors = bound_field.errors
    described_by = " ".join(
        part
        for part, wanted in ((f"{auto_id}_hint", has_hint), (f"{auto_id}_error", bool(errors)))
        if wanted
    )
    required = bound_field.field.required
    context = {
        "field": bound_field,
        "kind": kind,
        "id": auto_id,
        "name": bound_field.html_name,
        "label": bound_field.label,
        "label_suffix": (
            (gettext("(required)") if required else gettext("(optional)")) if mark_optional else ""
        ),
        "required": required,
        "hint": bound_field.help_text,
        "errors": errors,
        "described_by": described_by,
    }
    value = bound_field.value()
    widget = bound_field.field.widget
    if kind in ("checkboxes", "radios", "select"):
        context["options"] = [
            {
                "id": option.id_for_label,
                "value": option.data["value"],
                "label": option.choice_label,
                "checked": option.data["selected"],
            }
            for option in bound_field.subwidgets
        ]
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
        context["hint"] = bound_field.help_text or gettext("For example 15 3 2026")
    else:
        context["value"] = "" if value is None else value
        context["input_type"] = getattr(widget, "input_type", "text")
        context["attrs"] = {key: val for key, val in widget.attrs.items() if key == "inputmode"}
        if isinstance(bound_field.field, forms.DateTimeField):
            context["hint"] = bound_field.help_text or gettext("For example 15.3.2026 09.30")
        if kind == "input" and context["input_type"] in ("number", "date", "datetime-local"):
            context["input_type"] = "text"
    if kind in ("date", "input") and context["hint"] and not has_hint:
        context["described_by"] = " ".join(
            filter(None, [f"{auto_id}_hint", context["described_by"]])
        )
    return context


@register.inclusion_tag("funding/includes/home_open_calls.html", takes_context=True)
def open_funding_calls(context, limit=HOME_SECTION_LIMIT):
    """The front page's «Søk støtte»: open calls by nearest deadline, or when the next opens."""
    index_page = FundingIndexPage.objects.live().only("id", "title", "url_path", "path").first()
    if index_page is None:
        return {"index_page": None}
    now = timezone.now()
    calls = list(
        FundingCallPage.objects.live()
        .child_of(index_page)
        .filter(status_filter(CallStatus.OPEN, now))
        .defer_streamfields()
        .order_by(F("deadline").asc(nulls_last=True), "title")[: limit + 1]
    )
    next_call = None
    if not calls:
        next_call = (
            FundingCallPage.objects.live()
            .child_of(index_page)
            .filter(status_filter(CallStatus.UPCOMING, now))
            .defer_streamfields()
            .order_by("opens_at", "title")
            .first()
        )
    for call in calls + ([next_call] if next_call else []):
        call.state = call.state_at(now)
    return {
        "request": context.get("request"),
        "index_page": index_page,
        "calls": calls[:limit],
        "more_open": len(calls) > limit,
        "next_call": next_call,
    }


@register.inclusion_tag("funding/includes/breadcrumbs.html", takes_context=True)
def funding_breadcrumbs(context, current_title, index_page, through_mine=False):
    """The trail front page → «Støtteordninger» (→ «Mine søknader») → `current_title`.

    For «Mine søknader» and the receipts: routes of the index page, not pages.
    """
    request = context["request"]
    site = Site.find_for_request(request)
    root = site.root_page if site else None
    items = []
    if root is not None:
        ancestors = (
            Page.objects.ancestor_of(index_page, inclusive=True)
            .filter(depth__gte=root.depth)
            .only("id", "title", "url_path", "path", "depth")
        )
        for number, ancestor in enumerate(ancestors):
            title = gettext("Home") if number == 0 else ancestor.title
            items.append({"url": ancestor.get_url(request), "title": title})
    if through_mine:
        items.append(
            {
                "url": index_page.url + index_page.reverse_subpage("my_applications"),
                "title": gettext("My applications"),
            }
        )
    return {"items": items, "current_title": current_title, "request": request}
