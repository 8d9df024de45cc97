"""Run with the OLD code: user data on top of the demo, then a snapshot of the database.

Adds what the demo lacks and users make: a funding application, a Fabrikken booking
and guidance request, a page waiting in the workflow on the four-eyes task, and a
user with group permissions and one of their own. Writes snapshot.json: row counts
per table and the ids the check looks for again.
"""

import datetime
import json
import os
import sys
import uuid

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.dev")
django.setup()

from django.contrib.auth.models import Group, Permission  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page, TaskState, Workflow, WorkflowState  # noqa: E402

from demo.factories import make_room_booking, make_user  # noqa: E402
from fabrikken.models import FabrikkenPage, GuidanceRequest  # noqa: E402
from funding.models import FundingApplication, FundingCallPage  # noqa: E402

out = sys.argv[1]
employee = make_user("migrering-ansatt", first_name="Kari", last_name="Nordmann")
editor = make_user("migrering-redaktor", groups=["Redaktører"])
editor.user_permissions.add(
    Permission.objects.get(content_type__app_label="home", codename="delete_person")
)
group = Group.objects.create(name="Personregister")
group.permissions.set(Permission.objects.filter(content_type__app_label="home"))
employee.groups.add(group)

call = FundingCallPage.objects.live().first()
application = FundingApplication.objects.create(
    page=call,
    applicant=employee,
    applicant_name="Kari Nordmann",
    applicant_email="kari@eksempel.no",
    token=uuid.uuid4(),
    form_data={"prosjekttittel": "Digital innsjekk på biblioteket"},
)

fabrikken = FabrikkenPage.objects.live().first()
room = fabrikken.rooms.first()
booking = make_room_booking(room, employee, day=timezone.localdate() + datetime.timedelta(days=21))
guidance = GuidanceRequest.objects.create(
    requester=employee,
    requester_name="Kari Nordmann",
    requester_email="kari@eksempel.no",
    challenge="Vi vil prøve ut en ny måte å ta imot nye brukere på.",
    unit="Bibliotek",
    kind=GuidanceRequest.Kind.choices[0][0],
    urgency=GuidanceRequest.Urgency.choices[0][0],
    preferred_times="Tirsdager",
    token=uuid.uuid4(),
)

# A page waiting for a moderator: the editor's revision, submitted to «Godkjenning».
page = Page.objects.get(depth=2).get_children().live().first().specific
page.title = page.title + " (til godkjenning)"
revision = page.save_revision(user=editor)
workflow = Workflow.objects.get(name="Godkjenning")
workflow_state = workflow.start(page, editor)
task_state = TaskState.objects.get(workflow_state=workflow_state)

with connection.cursor() as cursor:
    counts = {}
    for table in sorted(connection.introspection.table_names()):
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
        counts[table] = cursor.fetchone()[0]

snapshot = {
    "counts": counts,
    "application": application.pk,
    "booking": booking.pk,
    "guidance": guidance.pk,
    "page": page.pk,
    "workflow_state": workflow_state.pk,
    "task_state": task_state.pk,
    "task": task_state.task_id,
    "employee": employee.pk,
    "editor": editor.pk,
    "group": group.pk,
    "content_types": dict(
        connection.cursor()
        .execute(
            "SELECT model, id FROM django_content_type WHERE app_label = 'home' "
            "AND model IN ('person', 'sectionsettings', 'foureyesapprovaltask')"
        )
        .fetchall()
    ),
}
assert WorkflowState.objects.filter(pk=workflow_state.pk, status="in_progress").exists()
with open(out, "w") as f:
    json.dump(snapshot, f, indent=1)
print(f"seeded by the code in {os.path.dirname(os.path.dirname(sys.modules['home'].__file__))}")
print(f"{sum(counts.values())} rows in {len(counts)} tables")
