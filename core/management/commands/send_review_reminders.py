from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from core.jobs import RunOnceCommand
from core.links import admin_url
from core.models.ownership import REVIEW_AFTER
from core.publishing.archive import archivable, archive_date
from core.publishing.reviews import pages_due_for_review

# Reminders go out the day a page falls due and then once a week, so a daily
# cron job neither floods owners nor forgets them.
REMIND_EVERY_DAYS = 7


class Command(RunOnceCommand, BaseCommand):
    help = (
        "E-mails each content owner the live pages they have not confirmed for twelve months, "
        "with the day each goes to the archive. "
        "Run daily (see README)."
    )
    job_name = "send_review_reminders"  # one node at a time, so nobody is reminded twice

    def handle(self, *args, **options):
        today = timezone.localdate()
        by_owner = defaultdict(list)
        for page in pages_due_for_review(today):
            owner = page.content_owner
            if owner is None or not owner.email or not owner.is_active:
                continue
            if page.last_confirmed_at is not None:
                days_overdue = (today - (page.last_confirmed_at + REVIEW_AFTER)).days
                if days_overdue % REMIND_EVERY_DAYS:
                    continue
            # The day the page goes offline, if the life cycle would archive it at all.
            page.archive_date = archive_date(page) if archivable(page) else None
            by_owner[owner].append(page)

        report_url = admin_url(reverse("core_review_report"))
        for owner, pages in by_owner.items():
            context = {"owner": owner, "pages": pages, "report_url": f"{report_url}?mine=1"}
            with translation.override(settings.LANGUAGE_CODE):
                subject = render_to_string("core/email/review_reminder_subject.txt", context)
                body = render_to_string("core/email/review_reminder.txt", context)
            send_mail(" ".join(subject.split()), body, None, [owner.email])
        self.stdout.write(f"Reminded {len(by_owner)} content owner(s).")
