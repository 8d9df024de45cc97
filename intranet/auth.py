"""Single sign-on against the municipality's identity provider (optional).

Switched on by setting OIDC_RP_CLIENT_ID (see intranet/settings/base.py and
docs/deploy.md). Employees are matched to Django users by e-mail address,
case-insensitively; a first sign-in creates the user, with no groups.
"""

from mozilla_django_oidc.auth import OIDCAuthenticationBackend


class MunicipalOIDCBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims):
        email = (claims.get("email") or claims.get("preferred_username") or "").strip()
        if not email:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email)

    def verify_claims(self, claims):
        # Entra ID often sends the address as preferred_username instead of email.
        return bool(claims.get("email") or claims.get("preferred_username"))

    def create_user(self, claims):
        email = (claims.get("email") or claims.get("preferred_username")).strip().lower()
        user = self.UserModel.objects.create_user(username=self.get_username(claims), email=email)
        return self.update_user(user, claims)

    def update_user(self, user, claims):
        user.first_name = claims.get("given_name", user.first_name)[:150]
        user.last_name = claims.get("family_name", user.last_name)[:150]
        user.save(update_fields=["first_name", "last_name"])
        return user
