"""Who may own content, and the searchable chooser editors pick the owner with.

A page's «Innholdseier» is a user (reminders are e-mailed to them, their dashboard
shows their pages), but a dropdown of usernames fails with thousands of employees.
This is Wagtail's chooser pattern over the user model: a modal that searches first
and last name, username, e-mail and unit, and shows the full name with the unit.
"""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import (
    ChooseResultsView,
    ChooseView,
    ChosenView,
)
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets import BaseChooser
from wagtail.models import GroupPagePermission

# A full name with a surname and a unit is three terms; more is a paste, not a search.
MAX_TERMS = 6


def eligible_owners(keep=None):
    """Active people who can edit pages: editors, moderators and administrators.

    Read from the page permissions, not group names, so a role that gains or loses
    «change_page» in core/publishing/roles.py changes who may own content. `keep` (a
    user's pk) stays valid regardless: a page's current owner who has left the editors.
    """
    editing_groups = GroupPagePermission.objects.filter(permission__codename="change_page").values(
        "group"
    )
    return (
        get_user_model()
        .objects.filter(
            Q(is_active=True, is_superuser=True)
            | Q(is_active=True, groups__in=editing_groups)
            | Q(pk=keep)
        )
        .distinct()
        .select_related("staff_profile")
        .order_by("first_name", "last_name", "username")
    )


def unit_of(user):
    profile = getattr(user, "staff_profile", None)  # the reverse one-to-one raises when absent
    return profile.unit if profile else ""


def full_name(user):
    return user.get_full_name() or user.get_username()


def owner_label(user):
    """«Kari Nordmann (Innovasjon og digitalisering)»: the name people know, and where they work."""
    name = full_name(user)
    unit = unit_of(user)
    return f"{name} ({unit})" if unit else name


def search(users, query):
    """Every term matches a name, the username, the e-mail or the unit: «kari nord» finds Kari Nordmann."""
    for term in query.split()[:MAX_TERMS]:
        users = users.filter(
            Q(first_name__icontains=term)
            | Q(last_name__icontains=term)
            | Q(username__icontains=term)
            | Q(email__icontains=term)
            | Q(staff_profile__unit__icontains=term)
        )
    return users


class OwnerSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Name, unit or e-mail")}),
        required=False,
        max_length=200,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_searching = False
        self.is_filtering_by_collection = False
        self.search_query = None

    def filter(self, users):
        query = self.cleaned_data.get("q")
        if query:
            self.is_searching = True
            self.search_query = query
            users = search(users, query)
        return users


class OwnerColumnsMixin:
    """The results table: the full name (the link that chooses), the unit and the e-mail."""

    filter_form_class = OwnerSearchForm
    per_page = 20

    def get_object_list(self):
        return eligible_owners()

    @property
    def title_column(self):
        column = super().title_column  # the link that chooses, kept
        column.label = _("Name")
        column.accessor = full_name
        return column

    @property
    def columns(self):
        return [
            self.title_column,
            Column("unit", label=_("Unit"), accessor=unit_of),
            Column("email", label=_("E-mail"), accessor="email"),
        ]


class OwnerChooseView(OwnerColumnsMixin, ChooseView):
    pass


class OwnerChooseResultsView(OwnerColumnsMixin, ChooseResultsView):
    pass


class OwnerChosenView(ChosenView):
    def get_object(self, pk):
        return eligible_owners().get(pk=pk)

    def get_display_title(self, instance):
        return owner_label(instance)

    def get_edit_item_url(self, instance):
        return None  # user accounts are not edited from a page


class OwnerChooser(BaseChooser):
    show_edit_link = False

    def get_display_title(self, instance):
        return owner_label(instance)

    def get_value_data_from_instance(self, instance):
        return {"id": instance.pk, "edit_url": "", "title": self.get_display_title(instance)}


class OwnerChooserViewSet(ChooserViewSet):
    model = settings.AUTH_USER_MODEL
    icon = "user"
    choose_one_text = _("Choose a content owner")
    choose_another_text = _("Choose another content owner")
    page_title = _("Choose a content owner")
    choose_view_class = OwnerChooseView
    choose_results_view_class = OwnerChooseResultsView
    chosen_view_class = OwnerChosenView
    base_widget_class = OwnerChooser
    # Only page forms use it: other foreign keys to users keep Django's own field.
    register_widget = False
    # Every editor may choose an owner; the list shows names and units, which the
    # intranet shows every employee anyway.
    permission_policy = None


owner_chooser_viewset = OwnerChooserViewSet("content_owner_chooser", url_prefix="innholdseier")
OwnerChooserWidget = owner_chooser_viewset.widget_class
