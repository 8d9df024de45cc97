"""The parts every filtered listing shares: lenient filter fields, pagination and addresses.

A listing page (methods, cases) is a GET form of filter groups. Within a group the chosen
values combine with OR, across groups with AND. Values nobody knows, such as an old
bookmark's, are dropped with a notice: a listing never fails on its address. A subclass
of `FilteredListing` builds its form and querysets; this module does the rest (UI guide
§5.3 and §5.4), with the template pieces `core/includes/filter_panel.html` and
`core/includes/pagination.html`.
"""

from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

PER_PAGE = 24
PAGE_KEY = "side"


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Keeps the values it knows and drops the rest instead of failing."""

    def clean(self, value):
        return [item for item in self.to_python(value) if self.valid_value(item)]


class LenientChoiceField(forms.ChoiceField):
    """A single choice where an unknown value means «all»."""

    def clean(self, value):
        value = self.to_python(value)
        return value if value and self.valid_value(value) else ""


class LenientFilterForm(forms.Form):
    """A filter form of lenient fields: always valid, and it knows what it dropped."""

    def ignored_values(self):
        """The values in the address that match no filter, in the order they came."""
        ignored = []
        for name in self.fields:
            kept = self.cleaned_data.get(name)
            kept = kept if isinstance(kept, list) else [kept]
            for value in self.data.getlist(name):
                if value.strip() and value not in kept and value not in ignored:
                    ignored.append(value)
        return ignored


class FilteredListing:
    """Filters, pagination and addresses of a listing page, computed once per request.

    A subclass calls `bind(form)` in its `__init__`, sets `base` (every item the listing
    can show) and provides `results` (the filtered queryset, ordered) and
    `filter_labels()`; it may narrow each page's query in `page_queryset()`.
    """

    per_page = PER_PAGE

    def __init__(self, index, request):
        self.index = index
        self.request = request
        self.base_url = index.get_url(request) or request.path

    def bind(self, form):
        form.is_valid()  # lenient fields: always valid, unknown values dropped
        self.form = form
        self.selected = {
            name: form.cleaned_data.get(name)
            or ([] if isinstance(field, forms.MultipleChoiceField) else "")
            for name, field in form.fields.items()
        }
        self.ignored = form.ignored_values()

    # --- To provide ---------------------------------------------------------------------

    @cached_property
    def results(self):
        raise NotImplementedError

    def filter_labels(self):
        """{group name: {value: label}} for the «Fjern filter: …» links."""
        raise NotImplementedError

    def page_queryset(self, queryset):
        """One page of results, narrowed to what the cards show."""
        return queryset

    # --- Pages --------------------------------------------------------------------------

    @cached_property
    def paginator(self):
        return Paginator(self.results, self.per_page)

    @cached_property
    def page_obj(self):
        # get_page shows the first page for garbage and the last one for a number too high.
        page = self.paginator.get_page(self.request.GET.get(PAGE_KEY))
        page.object_list = list(self.page_queryset(page.object_list))
        return page

    @property
    def hits(self):
        return self.paginator.count

    @cached_property
    def total(self):
        """How many items there are without filters."""
        return self.base.count() if self.is_filtered else self.paginator.count

    # --- Filters ------------------------------------------------------------------------

    @property
    def is_filtered(self):
        return any(self.selected.values())

    @property
    def selected_count(self):
        return sum(
            len(value) if isinstance(value, list) else int(bool(value))
            for value in self.selected.values()
        )

    def _group(self, name, legend, choices, counts, multiple=False):
        """A fieldset of the filter form, each option with its count and state."""
        chosen = self.selected[name]
        options = []
        if not multiple:
            options.append(
                {"value": "", "label": _("All"), "count": None, "checked": not chosen, "id": ""}
            )
        for value, label in choices:
            options.append(
                {
                    "value": value,
                    "label": label,
                    "count": counts.get(value, 0),
                    "checked": value in chosen if multiple else value == chosen,
                    "id": value,
                }
            )
        for position, option in enumerate(options):
            option["id"] = f"{name}-{position}"
        return {
            "name": name,
            "legend": legend,
            "type": "checkbox" if multiple else "radio",
            "options": options,
        }

    @cached_property
    def active_filters(self):
        """One «Fjern filter: …» link per chosen value."""
        labels = self.filter_labels()
        active = []
        for name, value in self.selected.items():
            for item in value if isinstance(value, list) else [value] if value else []:
                active.append({"label": labels[name][item], "url": self.url(without=(name, item))})
        return active

    # --- Addresses ----------------------------------------------------------------------

    def url(self, page=None, without=None):
        """The listing's address with the chosen filters, on `page`, minus one value."""
        params = []
        for name, value in self.selected.items():
            for item in value if isinstance(value, list) else [value] if value else []:
                if (name, item) != without:
                    params.append((name, item))
        if page and page > 1:
            params.append((PAGE_KEY, page))
        return f"{self.base_url}?{urlencode(params)}" if params else self.base_url

    @cached_property
    def pages(self):
        """The page links of the pagination: numbers and gaps («…»)."""
        current = self.page_obj.number
        items = []
        for number in self.paginator.get_elided_page_range(current, on_each_side=1, on_ends=1):
            if number == self.paginator.ELLIPSIS:
                items.append({"gap": True})
            else:
                items.append(
                    {"number": number, "url": self.url(number), "current": number == current}
                )
        return items

    @property
    def previous_url(self):
        return (
            self.url(self.page_obj.previous_page_number()) if self.page_obj.has_previous() else ""
        )

    @property
    def next_url(self):
        return self.url(self.page_obj.next_page_number()) if self.page_obj.has_next() else ""
