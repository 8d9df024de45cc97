"""Run with the NEW code after `migrate`: nothing the old database held is lost.

Compares the row count of every table with the snapshot seed.py wrote, and checks
that the moved models' content types are core's now (same ids, no duplicates), the
workflow task still resolves to FourEyesApprovalTask through `.specific`, the
permissions follow, and every live page answers 200 to a signed-in employee.
"""

import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.dev")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Page, Task, TaskState  # noqa: E402

from core.models import FourEyesApprovalTask, Person, SectionSettings  # noqa: E402
from fabrikken.models import GuidanceRequest, RoomBooking  # noqa: E402
from funding.models import FundingApplication  # noqa: E402

with open(sys.argv[1]) as snapshot_file:
    snapshot = json.load(snapshot_file)
problems = []


def check(condition, message):
    print(("ok    " if condition else "FAIL  ") + message)
    if not condition:
        problems.append(message)


with connection.cursor() as cursor:
    counts = {}
    for table in sorted(connection.introspection.table_names()):
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
        counts[table] = cursor.fetchone()[0]
before = snapshot["counts"]
# Models added since the old commit bring their own tables, content types and
# permissions, and roles declared in code since (core/publishing/roles.py, such as
# «Saksbehandlere») their group and its permissions; that is growth. Every other table
# keeps exactly its rows.
GROWS_WITH_NEW_MODELS = {
    "django_content_type",
    "auth_permission",
    "auth_group",
    "auth_group_permissions",
}
# Tables a migration replaced on purpose, with where their rows went.
REPLACED = {
    # caching 0002: one row of two counters became a row per counter, values carried over.
    "caching_cachegeneration": "caching_cachecounter",
}
for table, successor in REPLACED.items():
    if table in before and table not in counts:
        check(counts.get(successor, 0) >= before[table], f"{table} replaced by {successor}")
differ = {
    table: (count, counts.get(table))
    for table, count in before.items()
    if table != "django_migrations"
    and not (table in REPLACED and table not in counts)
    and counts.get(table) != count
    and not (table in GROWS_WITH_NEW_MODELS and counts.get(table, 0) > count)
}
check(
    not differ,
    f"row counts equal in all {len(before) - 1} tables but django_migrations {differ or ''}",
)
new_tables = sorted(set(counts) - set(before))
grown = {
    table: (before[table], counts[table])
    for table in GROWS_WITH_NEW_MODELS
    if counts[table] != before[table]
}
print(
    f"      new tables: {', '.join(new_tables) or 'none'}; grown with new models: {grown or 'none'}"
)
print(
    f"      {sum(before.values())} rows before, {sum(counts.values())} after; "
    f"django_migrations {before['django_migrations']} → {counts['django_migrations']}"
)

for model, old_id in snapshot["content_types"].items():
    ct = ContentType.objects.filter(pk=old_id).first()
    check(
        ct is not None and ct.app_label == "core", f"content type {old_id} ({model}) is core's now"
    )
check(
    not ContentType.objects.filter(
        app_label="home", model__in=["person", "sectionsettings", "foureyesapprovaltask"]
    ).exists(),
    "no content type of a moved model is left under home",
)
for model in (Person, SectionSettings, FourEyesApprovalTask):
    ct = ContentType.objects.get_for_model(model)
    check(
        ct.pk in snapshot["content_types"].values(), f"{model.__name__} keeps its content type id"
    )
check(
    Person.objects.exists() and SectionSettings.objects.exists(), "people and section settings read"
)

task = Task.objects.get(pk=snapshot["task"])
check(
    isinstance(task.specific, FourEyesApprovalTask), "the workflow task is a FourEyesApprovalTask"
)
check(task.specific.groups.filter(name="Moderatorer").exists(), "the task's groups are kept")
task_state = TaskState.objects.get(pk=snapshot["task_state"])
check(task_state.status == "in_progress", "the page still waits for approval")
check(
    isinstance(task_state.task.specific, FourEyesApprovalTask),
    "its task state resolves to FourEyesApprovalTask",
)
page = Page.objects.get(pk=snapshot["page"]).specific
check(page.current_workflow_task_state is not None, "the page's current task state is found")

User = get_user_model()
employee = User.objects.get(pk=snapshot["employee"])
editor = User.objects.get(pk=snapshot["editor"])
check(employee.has_perm("core.change_person"), "a group's person permission is core's now")
check(editor.has_perm("core.delete_person"), "a user's own permission follows")
check(editor.has_perm("core.add_person"), "the editors' group permission follows")

check(
    FundingApplication.objects.filter(pk=snapshot["application"]).exists(),
    "the application is kept",
)
check(RoomBooking.objects.filter(pk=snapshot["booking"]).exists(), "the booking is kept")
check(
    GuidanceRequest.objects.filter(pk=snapshot["guidance"]).exists(), "the guidance request is kept"
)

client = Client()
client.force_login(employee)
live = list(Page.objects.live().filter(depth__gt=1).specific())
failing = [(p.url, client.get(p.url).status_code) for p in live]
failing = [(url, status) for url, status in failing if status != 200]
check(not failing, f"all {len(live)} live pages answer 200 to a signed-in employee {failing or ''}")

admin = User.objects.filter(is_superuser=True).first()
client.force_login(admin)
for url in (
    "/admin/snippets/core/person/",
    "/admin/settings/core/sectionsettings/",
    f"/admin/pages/{page.pk}/edit/",
    "/admin/workflows/tasks/index/",
):
    check(client.get(url, follow=True).status_code == 200, f"{url} answers 200 to an administrator")

print(f"{len(problems)} problems")
sys.exit(1 if problems else 0)
