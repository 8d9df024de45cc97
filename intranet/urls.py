import re

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core.forms import SignInForm
from home.views import my_items_view

from . import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path(
        "logg-inn/",
        login_not_required(
            auth_views.LoginView.as_view(
                authentication_form=SignInForm,
                redirect_authenticated_user=True,
                extra_context={"oidc_enabled": settings.OIDC_ENABLED},
            )
        ),
        name="login",
    ),
    path("logg-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    # Before the admin's and Wagtail's own: one sign-in page, /logg-inn/.
    path("admin/login/", views.sign_in_elsewhere),
    path("_util/login/", views.sign_in_elsewhere),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.OIDC_ENABLED:
    from mozilla_django_oidc.views import (
        OIDCAuthenticationCallbackView,
        OIDCAuthenticationRequestView,
    )

    # The library's views are not marked login_not_required; without this
    # the sign-in redirects to itself.
    urlpatterns += [
        path(
            "oidc/authenticate/",
            login_not_required(OIDCAuthenticationRequestView.as_view()),
            name="oidc_authentication_init",
        ),
        path(
            "oidc/callback/",
            login_not_required(OIDCAuthenticationCallbackView.as_view()),
            name="oidc_authentication_callback",
        ),
    ]

urlpatterns += [
    re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$", views.media),
    path("mine-saker/", my_items_view, name="my_items"),
    path("", include("events.urls")),
    path("", include("search.urls")),
    path("", include("core.feedback.urls")),
    path("", include(wagtail_urls)),
]
