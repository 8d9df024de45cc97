"""The method listing: a GET form of filters that combine, counts, and pagination.

Within a group the chosen values combine with OR (phase 2 or phase 3), across groups with
AND (phase 2 and «lett»). Values nobody knows, such as an old bookmark's phase, are
dropped with a notice: the listing never fails on its address. The number of queries
does not depend on the number of methods (see tests/test_methods.py).
"""

from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.models import Tag

from .models import Difficulty, Duration, MethodPage, MethodPageTag, Phase

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


class MethodFilterForm(forms.Form):
    fase = LenientMultipleChoiceField(label=_("Phase"), required=False)
    tema = LenientMultipleChoiceField(label=_("Topic"), required=False)
    tidsbruk = LenientChoiceField(label=_("Time needed"), choices=Duration.choices, required=False)
    vanskelighetsgrad = LenientChoiceField(
        label=_("Difficulty"), choices=Difficulty.choices, required=False
    )

    MULTIPLE = ("fase", "tema")

    def __init__(self, data, phases, topics):
        super().__init__(data)
        self.fields["fase"].choices = [(phase.slug, phase.name) for phase in phases]
        self.fields["tema"].choices = [(tag.slug, tag.name) for tag in topics]

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


class MethodListing:
    """Everything the listing template shows, computed once per request."""

    def __init__(self, index, request):
        self.index = index
        self.request = request
        self.base_url = index.get_url(request) or request.path
        # .public() reads the view restrictions once; every query below reuses the result.
        self.base = MethodPage.objects.live().public().descendant_of(index)
        self.phases = list(Phase.objects.all())
        self.topics = list(
            Tag.objects.filter(
                methods_methodpagetag_items__content_object__in=self.base.values("pk")
            )
            .distinct()
            .order_by("name")
        )
        self.form = MethodFilterForm(request.GET, self.phases, self.topics)
        self.form.is_valid()  # lenient fields: always valid, unknown values dropped
        self.selected = {
            name: self.form.cleaned_data.get(name) or ([] if name in self.form.MULTIPLE else "")
            for name in self.form.fields
        }
        self.ignored = self.form.ignored_values()

    # --- Querysets --------------------------------------------------------------------

    def _filtered(self, leave_out=None):
        """The live methods that pass every chosen filter except the group `leave_out`."""
        queryset = self.base
        chosen = self.selected
        if chosen["fase"] and leave_out != "fase":
            through = MethodPage.phases.through.objects.filter(phase__slug__in=chosen["fase"])
            queryset = queryset.filter(pk__in=through.values("methodpage_id"))
        if chosen["tema"] and leave_out != "tema":
            tagged = MethodPageTag.objects.filter(tag__slug__in=chosen["tema"])
            queryset = queryset.filter(pk__in=tagged.values("content_object_id"))
        if chosen["tidsbruk"] and leave_out != "tidsbruk":
            queryset = queryset.filter(duration=chosen["tidsbruk"])
        if chosen["vanskelighetsgrad"] and leave_out != "vanskelighetsgrad":
            queryset = queryset.filter(difficulty=chosen["vanskelighetsgrad"])
        return queryset

    @cached_property
    def results(self):
        return self._filtered().order_by("title")

    @cached_property
    def total(self):
        """How many methods there are without filters."""
        return self.base.count() if self.is_filtered else self.paginator.count

    @cached_property
    def paginator(self):
        return Paginator(self.results, PER_PAGE)

    @cached_property
    def page_obj(self):
        # get_page shows the first page for garbage and the last one for a number too high.
        page = self.paginator.get_page(self.request.GET.get(PAGE_KEY))
        page.object_list = list(
            page.object_list.prefetch_related("phases").only(
                "id",
                "title",
                "url_path",
                "path",
                "depth",
                "summary",
                "duration",
                "duration_detail",
                "difficulty",
                "content_type_id",
            )
        )
        return page

    @cached_property
    def methods(self):
        return self.page_obj.object_list

    @property
    def hits(self):
        return self.paginator.count

    # --- Filters ----------------------------------------------------------------------

    @property
    def is_filtered(self):
        return any(self.selected.values())

    @property
    def selected_count(self):
        return sum(
            len(value) if isinstance(value, list) else int(bool(value))
            for value in self.selected.values()
        )

    def _facet(self, name, column):
        rows = self._filtered(leave_out=name).order_by().values(column).annotate(n=Count("pk"))
        return {row[column]: row["n"] for row in rows}

    @cached_property
    def groups(self):
        """The fieldsets of the filter form, each option with its count and state."""
        phase_counts = self._facet("fase", "phases__slug")
        topic_counts = self._facet("tema", "tagged_items__tag__slug")
        duration_counts = self._facet("tidsbruk", "duration")
        difficulty_counts = self._facet("vanskelighetsgrad", "difficulty")
        return [
            self._group(
                "fase",
                _("Phase"),
                [(phase.slug, phase.name) for phase in self.phases],
                phase_counts,
                multiple=True,
            ),
            self._group(
                "tema",
                _("Topic"),
                [(tag.slug, capfirst(tag.name)) for tag in self.topics],
                topic_counts,
                multiple=True,
            ),
            self._group("tidsbruk", _("Time needed"), Duration.choices, duration_counts),
            self._group(
                "vanskelighetsgrad", _("Difficulty"), Difficulty.choices, difficulty_counts
            ),
        ]

    def _group(self, name, legend, choices, counts, multiple=False):
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
        labels = {
            "fase": {phase.slug: phase.name for phase in self.phases},
            "tema": {tag.slug: capfirst(tag.name) for tag in self.topics},
            "tidsbruk": dict(Duration.choices),
            "vanskelighetsgrad": dict(Difficulty.choices),
        }
        active = []
        for name, value in self.selected.items():
            for item in value if isinstance(value, list) else [value] if value else []:
                active.append({"label": labels[name][item], "url": self.url(without=(name, item))})
        return active

    # --- Addresses --------------------------------------------------------------------

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

    # --- Text -------------------------------------------------------------------------

    @cached_property
    def result_text(self):
        """«Viser 7 av 15 metoder», «Viser 25–48 av 57 metoder» …"""
        hits, total = self.hits, self.total
        if hits == 0:
            return _("No methods match the filters")
        if self.paginator.num_pages > 1:
            values = {
                "start": self.page_obj.start_index(),
                "end": self.page_obj.end_index(),
                "hits": hits,
                "total": total,
            }
            if hits == total:
                return _("Showing %(start)s–%(end)s of %(hits)s methods") % values
            return (
                _("Showing %(start)s–%(end)s of %(hits)s matching methods (%(total)s in all)")
                % values
            )
        if hits == total:
            return ngettext("Showing %(count)s method", "Showing all %(count)s methods", total) % {
                "count": total
            }
        return ngettext(
            "Showing %(hits)s of %(count)s method", "Showing %(hits)s of %(count)s methods", total
        ) % {"hits": hits, "count": total}
