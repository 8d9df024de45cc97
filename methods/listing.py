"""The method listing: a GET form of filters that combine, counts, and pagination.

Within a group the chosen values combine with OR (phase 2 or phase 3), across groups with
AND (phase 2 and «lett»). Values nobody knows, such as an old bookmark's phase, are
dropped with a notice: the listing never fails on its address. The number of queries
does not depend on the number of methods (see tests/methods/test_listing.py and tests/performance/). The filter,
pagination and address logic is shared with other listings (core/listing.py).
"""

from django.db.models import Count
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.models import Tag

from caching.privacy import visible
from core.listing import (
    PAGE_KEY,
    PER_PAGE,
    FilteredListing,
    LenientChoiceField,
    LenientFilterForm,
    LenientMultipleChoiceField,
)

from .models import Difficulty, Duration, MethodPage, MethodPageTag, Phase

__all__ = ["PAGE_KEY", "PER_PAGE", "MethodFilterForm", "MethodListing"]


class MethodFilterForm(LenientFilterForm):
    fase = LenientMultipleChoiceField(label=_("Phase"), required=False)
    tema = LenientMultipleChoiceField(label=_("Topic"), required=False)
    tidsbruk = LenientChoiceField(label=_("Time needed"), choices=Duration.choices, required=False)
    vanskelighetsgrad = LenientChoiceField(
        label=_("Difficulty"), choices=Difficulty.choices, required=False
    )

    def __init__(self, data, phases, topics):
        super().__init__(data)
        self.fields["fase"].choices = [(phase.slug, phase.name) for phase in phases]
        self.fields["tema"].choices = [(tag.slug, tag.name) for tag in topics]


class MethodListing(FilteredListing):
    """Everything the listing template shows, computed once per request."""

    CONTENT_FILTERS = ("fase", "tema")

    def __init__(self, index, request):
        super().__init__(index, request)
        self.base = visible(MethodPage.objects.live().descendant_of(index), request)
        self.phases = list(Phase.objects.all())
        self.topics = list(
            Tag.objects.filter(
                methods_methodpagetag_items__content_object__in=self.base.values("pk")
            )
            .distinct()
            .order_by("name")
        )
        self.bind(MethodFilterForm(request.GET, self.phases, self.topics))

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

    def page_queryset(self, queryset):
        return queryset.prefetch_related("phases").only(
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

    @cached_property
    def methods(self):
        return self.page_obj.object_list

    # --- Filters ----------------------------------------------------------------------

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

    def filter_labels(self):
        return {
            "fase": {phase.slug: phase.name for phase in self.phases},
            "tema": {tag.slug: capfirst(tag.name) for tag in self.topics},
            "tidsbruk": dict(Duration.choices),
            "vanskelighetsgrad": dict(Difficulty.choices),
        }

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
