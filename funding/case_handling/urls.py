"""/admin/soknader/: registered from funding/wagtail_hooks.py under the namespace
`funding_cases`."""

from django.urls import path

from . import views

app_name = "funding_cases"

urlpatterns = [
    path("", views.CallIndexView.as_view(), name="calls"),
    path("resultater/", views.CallIndexView.as_view(results_only=True), name="calls_results"),
    path("<int:call_id>/", views.ApplicationListView.as_view(), name="list"),
    path(
        "<int:call_id>/resultater/",
        views.ApplicationListView.as_view(results_only=True),
        name="list_results",
    ),
    path("<int:call_id>/<int:application_id>/", views.CaseView.as_view(), name="case"),
    path(
        "<int:call_id>/<int:application_id>/start-vurdering/",
        views.start_review,
        name="start_review",
    ),
    path(
        "<int:call_id>/<int:application_id>/vurdering/",
        views.AssessmentView.as_view(),
        name="assess",
    ),
    path(
        "<int:call_id>/<int:application_id>/vedtak/",
        views.DecisionView.as_view(),
        name="decide",
    ),
]
