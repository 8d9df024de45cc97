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

from core.content_language import as_content

PER_PAGE = 24
PAGE_KEY = "side"
COLLAPSE_AFTER = 6  # a longer filter group shows this many options and «Vis alle n»
FACET_CAP = 10  # a capped group shows at most this many (its most used) and a search field
FACET_SEARCH_SUFFIX = "_sok"  # the search field of group `metode` is `metode_sok`


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


def page_links(page_obj, url):
    """The page links of a pagination (core/includes/pagination.html): numbers and gaps («…»).

    `url(number)` gives the address of page `number` with the list's other parameters.
    """
    current = page_obj.number
    paginator = page_obj.paginator
    items = []
    for number in paginator.get_elided_page_range(current, on_each_side=1, on_ends=1):
        if number == paginator.ELLIPSIS:
            items.append({"gap": True})
        else:
            items.append({"number": number, "url": url(number), "current": number == current})
    return items


class Pages:
    """The pages of a list, and their addresses, for `core/includes/pagination.html`.

    A subclass provides `results` (a queryset or a list) and `query_params()` (the
    address's other parameters, kept in every page link).
    """

    per_page = PER_PAGE

    @cached_property
    def results(self):
        raise NotImplementedError

    def query_params(self, without=None):
        return []

    def page_queryset(self, queryset):
        """One page of results, narrowed to what the cards show."""
        return queryset

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

    def url(self, page=None, without=None):
        """The list's address with its other parameters, on `page`, minus one value."""
        params = self.query_params(without)
        if page and page > 1:
            params.append((PAGE_KEY, page))
        return f"{self.base_url}?{urlencode(params)}" if params else self.base_url

    @cached_property
    def pages(self):
        return page_links(self.page_obj, self.url)

    @property
    def previous_url(self):
        return (
            self.url(self.page_obj.previous_page_number()) if self.page_obj.has_previous() else ""
        )

    @property
    def next_url(self):
        return self.url(self.page_obj.next_page_number()) if self.page_obj.has_next() else ""


class ListPages(Pages):
    """A plain list in pages, such as an archive of past events: no filters."""

    def __init__(self, items, request, base_url, per_page=PER_PAGE):
        self.results = items
        self.request = request
        self.base_url = base_url
        self.per_page = per_page


class SectionPages(ListPages):
    """Lists read one after the other, in pages together: the events to come, then the
    past ones; the open calls, then the upcoming, then the closed ones.

    `sections` is a list of (name, items). Each page holds `per_page` items in all, so
    no page grows with the section; `shown` says which of them belong to which list.
    """

    def __init__(self, sections, request, base_url, per_page=PER_PAGE):
        super().__init__(
            [(name, item) for name, items in sections for item in items],
            request,
            base_url,
            per_page,
        )
        self.names = [name for name, _items in sections]
        self.sizes = {name: len(items) for name, items in sections}

    @cached_property
    def shown(self):
        """{name: the items of that list on this page}, every name present."""
        shown = {name: [] for name in self.names}
        for name, item in self.page_obj.object_list:
            shown[name].append(item)
        return shown

    @property
    def is_first(self):
        return self.page_obj.number == 1


def requested_page(request):
    """The page number asked for, as a cache key: a positive number, else 1.

    Fragments cached per page (the archives) key on this; a number past the last page
    renders the last page, as `Paginator.get_page` does.
    """
    value = request.GET.get(PAGE_KEY, "")
    return min(int(value), 9_999) if value.isdigit() and int(value) > 0 else 1


class FilteredListing(Pages):
    """Filters, pagination and addresses of a listing page, computed once per request.

    A subclass calls `bind(form)` in its `__init__`, sets `base` (every item the listing
    can show) and provides `results` (the filtered queryset, ordered) and
    `filter_labels()`; it may narrow each page's query in `page_queryset()`.
    """

    #: Filter groups whose options editors named (phases, topics, sectors): content, marked
    #: Norwegian when the interface is English (core/content_language.py).
    CONTENT_FILTERS = ()

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

    # --- Pages --------------------------------------------------------------------------

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

    def _group(self, name, legend, choices, counts, multiple=False, cap=False):
        """A fieldset of the filter form, each option with its count and state.

        No dead ends: an option nothing would match is left out, unless it is chosen (so
        it can be unticked). A long group shows its first COLLAPSE_AFTER options and the
        rest behind «Vis alle n» (a <details>, so it works without JavaScript). With
        `cap`, a group of more than FACET_CAP options shows only the most used ones and a
        field to search the others by name (GET `<name>_sok`); the chosen ones always show.
        """
        chosen = self.selected[name]
        options = []
        if not multiple:
            options.append({"value": "", "label": _("All"), "count": None, "checked": not chosen})
        for value, label in choices:
            options.append(
                {
                    "value": value,
                    "label": label,
                    "count": counts.get(value, 0),
                    "checked": value in chosen if multiple else value == chosen,
                    "content": name in self.CONTENT_FILTERS,
                }
            )
        # Ids by position in every choice, not in the shown ones: they stay the same as
        # options come and go, so the script can keep focus and swap counts.
        for position, option in enumerate(options):
            option["id"] = f"{name}-{position}"
        options = [
            option
            for option in options
            if option["checked"] or option["count"] is None or option["count"] > 0
        ]
        group = {
            "name": name,
            "legend": legend,
            "type": "checkbox" if multiple else "radio",
            "options": options,
            "rest": [],
            "rest_open": False,
            "search": None,
        }
        if cap and len(options) > FACET_CAP:
            group["options"], group["search"] = self._capped(name, options)
        elif len(options) > COLLAPSE_AFTER + 1:  # never «Vis alle» for one more
            group["options"], group["rest"] = options[:COLLAPSE_AFTER], options[COLLAPSE_AFTER:]
            group["rest_open"] = any(option["checked"] for option in group["rest"])
        group["total"] = len(group["options"]) + len(group["rest"])
        return group

    def _capped(self, name, options):
        """The chosen options and the most used others, up to FACET_CAP in all, and the
        search field's state: what was searched and how many options it leaves out."""
        key = f"{name}{FACET_SEARCH_SUFFIX}"
        query = self.request.GET.get(key, "").strip()[:100]
        chosen = [option for option in options if option["checked"]]
        others = [option for option in options if not option["checked"]]
        if query:
            needle = query.casefold()
            others = [option for option in others if needle in str(option["label"]).casefold()]
        others.sort(key=lambda option: (-option["count"], str(option["label"]).casefold()))
        shown = chosen + others[: max(FACET_CAP - len(chosen), 0)]
        search = {
            "name": key,
            "id": f"{name}-sok",
            "query": query,
            "matches": len(others),
            "shown": len(shown) - len(chosen),
            "of": len(options),
        }
        return shown, search

    @cached_property
    def active_filters(self):
        """One «Fjern filter: …» link per chosen value."""
        labels = self.filter_labels()
        active = []
        for name, value in self.selected.items():
            for item in value if isinstance(value, list) else [value] if value else []:
                label = labels[name][item]
                if name in self.CONTENT_FILTERS:
                    label = as_content(label)
                active.append({"label": label, "url": self.url(without=(name, item))})
        return active

    # --- Addresses ----------------------------------------------------------------------

    def query_params(self, without=None):
        """The chosen filters as address parameters, minus the value `without`."""
        params = []
        for name, value in self.selected.items():
            for item in value if isinstance(value, list) else [value] if value else []:
                if (name, item) != without:
                    params.append((name, item))
        return params
