"""The case listing at /eksempler/: filters by status, service area, topic and method.

The filters combine as in the method listing: OR within a group, AND across groups, and
values nobody knows are dropped with a notice (core/listing.py does the shared part).
Newest project first. The number of queries does not depend on the number of cases (see
tests/cases/test_listing.py and the budget table in tests/performance/).
"""

from django.db.models import Count
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.models import Tag

from caching.privacy import visible
from core.images import with_image_renditions
from core.listing import FilteredListing, LenientFilterForm, LenientMultipleChoiceField
from methods.models import MethodPage

from .models import NEWEST_FIRST, CasePage, CasePageMethod, CasePageTag, CaseStatus, Sector
from .models.case import CARD_RENDITIONS


class CaseFilterForm(LenientFilterForm):
    status = LenientMultipleChoiceField(
        label=_("Status"), choices=CaseStatus.choices, required=False
    )
    sektor = LenientMultipleChoiceField(label=_("Service area"), required=False)
    tema = LenientMultipleChoiceField(label=_("Topic"), required=False)
    metode = LenientMultipleChoiceField(label=_("Method"), required=False)

    def __init__(self, data, sectors, topics, methods):
        super().__init__(data)
        self.fields["sektor"].choices = [(sector.slug, sector.name) for sector in sectors]
        self.fields["tema"].choices = [(tag.slug, tag.name) for tag in topics]
        self.fields["metode"].choices = [(method.slug, method.title) for method in methods]


class CaseListing(FilteredListing):
    """Everything the listing template shows, computed once per request."""

    CONTENT_FILTERS = ("sektor", "tema", "metode")

    def __init__(self, index, request):
        super().__init__(index, request)
        self.base = visible(CasePage.objects.live().descendant_of(index), request)
        self.sectors = list(Sector.objects.all())
        self.topics = list(
            Tag.objects.filter(cases_casepagetag_items__content_object__in=self.base.values("pk"))
            .distinct()
            .order_by("name")
        )
        # Only the methods some listed case used, and only those employees can open.
        self.methods = list(
            visible(MethodPage.objects.live(), request)
            .filter(
                pk__in=CasePageMethod.objects.filter(page__in=self.base.values("pk")).values(
                    "method_id"
                )
            )
            .order_by("title")
            .only("id", "title", "slug")
        )
        self.bind(CaseFilterForm(request.GET, self.sectors, self.topics, self.methods))

    # --- Querysets --------------------------------------------------------------------

    def _filtered(self, leave_out=None):
        """The live cases that pass every chosen filter except the group `leave_out`."""
        queryset = self.base
        chosen = self.selected
        if chosen["status"] and leave_out != "status":
            queryset = queryset.filter(status__in=chosen["status"])
        if chosen["sektor"] and leave_out != "sektor":
            queryset = queryset.filter(sector__slug__in=chosen["sektor"])
        if chosen["tema"] and leave_out != "tema":
            tagged = CasePageTag.objects.filter(tag__slug__in=chosen["tema"])
            queryset = queryset.filter(pk__in=tagged.values("content_object_id"))
        if chosen["metode"] and leave_out != "metode":
            links = CasePageMethod.objects.filter(
                method__in=[method for method in self.methods if method.slug in chosen["metode"]]
            )
            queryset = queryset.filter(pk__in=links.values("page_id"))
        return queryset

    @cached_property
    def results(self):
        return self._filtered().order_by(*NEWEST_FIRST)

    def page_queryset(self, queryset):
        return (
            with_image_renditions(queryset.select_related("sector"), "hero_image", *CARD_RENDITIONS)
            .defer_streamfields()
            .defer("challenge", "approach", "lessons")
        )

    @cached_property
    def cases(self):
        return self.page_obj.object_list

    # --- Filters ----------------------------------------------------------------------

    def _facet(self, name, column):
        rows = (
            self._filtered(leave_out=name)
            .order_by()
            .values(column)
            .annotate(n=Count("pk", distinct=True))
        )
        return {row[column]: row["n"] for row in rows}

    @cached_property
    def groups(self):
        """The fieldsets of the filter form, each option with its count and state."""
        return [
            self._group(
                "status",
                _("Status"),
                CaseStatus.choices,
                self._facet("status", "status"),
                multiple=True,
            ),
            self._group(
                "sektor",
                _("Service area"),
                [(sector.slug, sector.name) for sector in self.sectors],
                self._facet("sektor", "sector__slug"),
                multiple=True,
            ),
            self._group(
                "tema",
                _("Topic"),
                [(tag.slug, capfirst(tag.name)) for tag in self.topics],
                self._facet("tema", "tagged_items__tag__slug"),
                multiple=True,
            ),
            self._group(
                "metode",
                _("Method used"),
                [(method.slug, method.title) for method in self.methods],
                self._facet("metode", "method_links__method__slug"),
                multiple=True,
                cap=True,  # at bulk size, thousands of methods: the most used and a search
            ),
        ]

    def filter_labels(self):
        return {
            "status": dict(CaseStatus.choices),
            "sektor": {sector.slug: sector.name for sector in self.sectors},
            "tema": {tag.slug: capfirst(tag.name) for tag in self.topics},
            "metode": {method.slug: method.title for method in self.methods},
        }

    # --- Text -------------------------------------------------------------------------

    @cached_property
    def result_text(self):
        """«Viser 3 av 8 eksempler», «Viser 25–48 av 57 eksempler» …"""
        hits, total = self.hits, self.total
        if hits == 0:
            return _("No cases match the filters")
        if self.paginator.num_pages > 1:
            values = {
                "start": self.page_obj.start_index(),
                "end": self.page_obj.end_index(),
                "hits": hits,
                "total": total,
            }
            if hits == total:
                return _("Showing %(start)s–%(end)s of %(hits)s cases") % values
            return (
                _("Showing %(start)s–%(end)s of %(hits)s matching cases (%(total)s in all)")
                % values
            )
        if hits == total:
            return ngettext("Showing %(count)s case", "Showing all %(count)s cases", total) % {
                "count": total
            }
        return ngettext(
            "Showing %(hits)s of %(count)s case", "Showing %(hits)s of %(count)s cases", total
        ) % {"hits": hits, "count": total}
