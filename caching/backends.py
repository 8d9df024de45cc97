"""Permissions read once per user and access generation, not on every request."""

from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache

from caching.keys import access_key


class CachedPermissionsModelBackend(ModelBackend):
    """Django's ModelBackend with each user's permission set kept in the cache.

    Every page asks whether the user may open the admin (Wagtail's userbar):
    two queries for the user's and their groups' permissions. The set changes
    only when groups or permissions do, and each such change starts a new
    access generation (caching.signals). The key names the user and whether
    they are a superuser, so a change of that flag is never served stale.
    """

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            key = access_key("permissions", user_obj.pk, user_obj.is_superuser)
            permissions = cache.get(key)
            if permissions is None:
                permissions = super().get_all_permissions(user_obj)
                cache.set(key, permissions)
            user_obj._perm_cache = permissions
        return user_obj._perm_cache
