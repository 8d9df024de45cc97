"""A criterion is the editors' words: under an English interface it is marked lang="nb" on
the check page and in the «answer it» message, never shown as escaped markup."""

import pytest
from django.utils import translation

from funding.models import Application, CallCriterion

pytestmark = pytest.mark.django_db


def test_a_missing_criterion_answer_names_it_as_content(employee_client, employee, open_call):
    criterion = CallCriterion.objects.create(call=open_call, title="Behovet er dokumentert")
    application = Application.objects.create(call=open_call, created_by=employee)
    url = open_call.url + open_call.reverse_subpage("application_check", args=(application.uuid,))
    with translation.override("en"):
        employee_client.cookies["django_language"] = "en"
        html = employee_client.get(url).content.decode()
        refused = employee_client.post(url, {}).content.decode()  # nothing is answered yet
    assert f'<dt><span lang="nb">{criterion.title}</span></dt>' in html
    assert f'Answer «<span lang="nb">{criterion.title}</span>».' in refused
    assert "&lt;span" not in html + refused
