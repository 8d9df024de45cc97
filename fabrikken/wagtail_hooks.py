"""The staff's side of Fabrikken in the admin: guidance requests and room bookings.

Two listings under one «Fabrikken» menu, for the moderators' group (core/publishing/roles.py
gives it view and change on both, and delete on bookings) and administrators.
Requests and bookings are made on the site, where the form and the booking
rules apply, so the admin offers no «Add» for either.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy

from fabrikken import emails
from fabrikken.models import FabrikkenPage, GuidanceRequest, RoomBooking
from fabrikken.my_items import BookingsProvider, GuidanceProvider
from fabrikken.personal_calendar import MyBookingsSource
from fabrikken.services import SERVICES


class NoAddPermissionPolicy(ModelPermissionPolicy):
    """The model's permissions, except that nobody adds rows in the admin."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class GuidanceRequestEditView(EditView):
    """Saving a new status e-mails the requester, in the same transaction (core/mail/ queues it)."""

    def save_instance(self):
        changed = "status" in self.form.changed_data
        instance = super().save_instance()
        page = FabrikkenPage.objects.live().first()
        if changed and page is not None:
            emails.send_status_email(page, instance)
        return instance


class GuidanceRequestViewSet(ModelViewSet):
    model = GuidanceRequest
    edit_view_class = GuidanceRequestEditView
    name = "fabrikken_guidance"
    url_prefix = "fabrikken/veiledning"
    icon = "help"
    menu_label = _("Guidance requests")
    menu_order = 100
    list_display = ["requester_name", "unit", "kind", "urgency", "status", "created_at"]
    list_filter = ["status", "kind", "urgency"]
    search_fields = ["requester_name", "unit", "challenge"]
    list_per_page = 50
    ordering = ["-created_at"]
    inspect_view_enabled = True
    copy_view_enabled = False
    list_export = [
        "created_at",
        "requester_name",
        "requester_email",
        "service_area",
        "unit",
        "kind",
        "urgency",
        "preferred_times",
        "challenge",
        "status",
        "staff_note",
    ]
    export_filename = "veiledningshenvendelser"
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("status"),
                    FieldPanel("staff_note"),
                ],
                heading=_("Follow-up"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("requester_name", read_only=True),
                            FieldPanel("requester_email", read_only=True),
                        ]
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel("service_area", read_only=True),
                            FieldPanel("unit", read_only=True),
                        ]
                    ),
                    FieldPanel("kind", read_only=True),
                    FieldPanel("urgency", read_only=True),
                    FieldPanel("challenge", read_only=True),
                    FieldPanel("preferred_times", read_only=True),
                ],
                heading=_("The request"),
            ),
        ]
    )

    @property
    def permission_policy(self):
        return NoAddPermissionPolicy(self.model)


class RoomBookingViewSet(ModelViewSet):
    model = RoomBooking
    name = "fabrikken_bookings"
    url_prefix = "fabrikken/bookinger"
    icon = "calendar-check"
    menu_label = _("Room bookings")
    menu_order = 200
    list_display = ["room_name", "when", "booked_by_name", "people", "purpose", "status"]
    list_filter = ["room", "status", "start"]
    search_fields = ["room_name", "booked_by_name", "purpose"]
    list_per_page = 50
    ordering = ["-start"]
    inspect_view_enabled = True
    copy_view_enabled = False
    list_export = ["room_name", "start", "end", "booked_by_name", "people", "purpose", "status"]
    export_filename = "rombookinger"
    edit_handler = ObjectList(
        [
            FieldPanel("room"),
            FieldRowPanel(["start", "end"]),
            FieldRowPanel(["people", "status"]),
            FieldPanel("purpose"),
            FieldPanel("booked_by", read_only=True),
        ]
    )

    @property
    def permission_policy(self):
        return NoAddPermissionPolicy(self.model)


class FabrikkenViewSetGroup(ModelViewSetGroup):
    menu_label = _("Fabrikken")
    menu_icon = "group"
    menu_order = 250
    items = (GuidanceRequestViewSet, RoomBookingViewSet)


@hooks.register("register_admin_viewset")
def register_fabrikken_viewsets():
    return FabrikkenViewSetGroup()


@hooks.register("register_search_services")
def search_services():
    """Booking, guidance and the employee's own of both, for search (search/services.py)."""
    return SERVICES


@hooks.register("register_my_items")
def my_guidance_requests():
    """The employee's guidance requests in «Mine saker» (core/my_items.py)."""
    return GuidanceProvider()


@hooks.register("register_my_items")
def my_bookings():
    """The employee's room bookings in «Mine saker»."""
    return BookingsProvider()


@hooks.register("register_personal_calendar")
def my_bookings_in_calendar():
    """The employee's coming room bookings in their calendar feed (core/personal_calendar.py)."""
    return MyBookingsSource()
