"""Demo content for page feedback: a few invented answers and comments, marked as demo.

Idempotent: nothing is added while demo feedback exists (so a second run, or real
feedback, is left alone). Pages not in the demo are skipped.
"""

import datetime

from django.utils import timezone
from wagtail.models import Page

from core.feedback.models import PageFeedback
from demo import content

FEEDBACK = content.read("feedback")["feedback"]


def load():
    if PageFeedback.objects.filter(is_demo=True).exists():
        return
    site_root = Page.objects.filter(depth=2).first()
    if site_root is None:
        return
    now = timezone.now()
    for spec in FEEDBACK:
        page = Page.objects.filter(url_path=site_root.url_path + spec["path"].lstrip("/")).first()
        if page is None:
            continue
        created_at = now - datetime.timedelta(days=spec["days_ago"])
        PageFeedback.objects.create(
            page=page,
            answer=spec["answer"],
            comment=spec["comment"],
            created_at=created_at,
            handled_at=created_at + datetime.timedelta(days=1) if spec.get("handled") else None,
            is_demo=True,
        )
