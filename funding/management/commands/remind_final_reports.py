from django.core.management.base import BaseCommand

from core.jobs import RunOnceCommand
from funding.reminders import send_due_reminders


class Command(RunOnceCommand, BaseCommand):
    help = (
        "E-mails the applicants of a granted application 14 days and 1 day before its final "
        "report is due, unless the report is sent; each reminder once. Run daily (see README)."
    )
    job_name = "remind_final_reports"  # one node at a time, so nobody is reminded twice

    def handle(self, *args, **options):
        reminded = send_due_reminders()
        self.stdout.write(f"Reminded the applicants of {reminded} application(s).")
