"""Permissions read once per user and access generation, not on every request."""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.db.models import Q

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
                permissions = self._read_permissions(user_obj)
                cache.set(key, permissions)
            user_obj._perm_cache = permissions
        return user_obj._perm_cache

    def _read_permissions(self, user_obj):
        """The user's own and their groups' permissions in one query (Django asks twice).

        What ModelBackend answers: every permission for a superuser, else the union.
        """
        permissions = Permission.objects.all()
        if not user_obj.is_superuser:
            permissions = permissions.filter(Q(user=user_obj) | Q(group__user=user_obj))
        rows = permissions.values_list("content_type__app_label", "codename").order_by()
        return {f"{app_label}.{codename}" for app_label, codename in rows.distinct()}
