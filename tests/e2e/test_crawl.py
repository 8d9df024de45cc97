"""Every live page of the demo site, not only one per type: it answers, and axe finds nothing serious."""

import pytest
from wagtail.models import Page, Site

from tests.e2e.accessibility import AccessibilityReport
from tests.e2e.pages import DESKTOP

pytestmark = pytest.mark.e2e


def live_page_urls():
    root = Site.objects.get(is_default_site=True).root_page
    return [page.url for page in Page.objects.live().descendant_of(root, inclusive=True)]


def test_every_live_page_answers_and_has_no_serious_accessibility_violations(site):
    urls = live_page_urls()
    assert len(urls) >= 40, f"the demo site has shrunk: {urls}"
    page = site.visit(None, user="ansatt", viewport=DESKTOP)
    report = AccessibilityReport()
    failures = []
    for url in urls:
        page.console_problems.clear()
        response = page.goto(url)
        if response.status != 200:
            failures.append(f"{url}: HTTP {response.status}")
            continue
        errors = [problem for problem in page.console_problems if problem.startswith("error")]
        failures += [f"{url}: {error}" for error in errors]
        report.check(page, url)
    print(f"Crawled {len(urls)} live pages at {DESKTOP['width']} px.")
    assert not failures, "\n".join(failures)
    report.assert_clean()
