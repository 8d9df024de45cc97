from django.urls import path

from . import views

urlpatterns = [
    path("tilbakemelding/<int:page_id>/", views.answer, name="page_feedback"),
    path("tilbakemelding/<int:page_id>/takk/", views.thanks, name="page_feedback_thanks"),
]
