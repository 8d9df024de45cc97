"""axe-core in the browser: what blocks (serious, critical) and what is only reported.

axe-core ships inside axe-playwright-python (no network). It runs all its
non-experimental rules: WCAG 2.0/2.1/2.2 A and AA and best practice.
"""

from axe_playwright_python.sync_playwright import Axe

BLOCKING_IMPACTS = {"serious", "critical"}
# The userbar editors see is Wagtail's own, in a shadow root; employees never get it.
CONTEXT = {"exclude": [["wagtail-userbar"]]}
# In our admin screens: Wagtail's own flash message («Vedtaket er registrert») fades in,
# and axe caught it mid-fade (2.66:1 on the way to its final colour). Ours is the rest.
ADMIN_CONTEXT = {"exclude": [["wagtail-userbar"], [".messages"]]}

_axe = Axe()


def axe_violations(page, context=CONTEXT):
    """Every violation axe finds on the page as it is now (after scripts ran)."""
    response = _axe.run(page, context=context, options={"resultTypes": ["violations"]}).response
    return response["violations"]


def describe(violations, where):
    lines = []
    for violation in violations:
        lines.append(
            f"{where}: [{violation['impact']}] {violation['id']}: {violation['help']} "
            f"({violation['helpUrl']})"
        )
        for node in violation["nodes"][:5]:
            summary = " / ".join(
                line.strip() for line in node.get("failureSummary", "").splitlines()[1:]
            )
            lines.append(f"    {node['target']}: {summary}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


class AccessibilityReport:
    """Collects axe's findings over several pages; serious and critical ones fail the test."""

    def __init__(self):
        self.blocking = []
        self.other = []

    def check(self, page, where=None, context=CONTEXT):
        where = where or page.url
        violations = axe_violations(page, context)
        self.blocking += [(where, v) for v in violations if v["impact"] in BLOCKING_IMPACTS]
        self.other += [(where, v) for v in violations if v["impact"] not in BLOCKING_IMPACTS]
        return self

    def assert_clean(self):
        # Moderate and minor findings are printed (pytest shows them with -rP or on failure).
        for where, violation in self.other:
            print(describe([violation], where))
        assert not self.blocking, "axe found serious or critical violations:\n" + "\n".join(
            describe([violation], where) for where, violation in self.blocking
        )
