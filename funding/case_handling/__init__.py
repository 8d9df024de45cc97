"""Case handling in the Wagtail admin (/admin/soknader/): the calls, each call's applications
with totals and export, one application as a readable case, assessment and decision.

Only case handlers (`funding.handle_application`) get here; every view takes the
application from `Application.objects.visible_to(user)` (docs/funding-pipeline.md).
"""
