"""Django admin scoped by role: system admins configure everything, agency admins their subtree."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from sigap.agencies.models import Role
from sigap.agencies.selectors import agency_subtree_q, staff_scope


def is_system_admin(request: HttpRequest) -> bool:
    user = request.user
    if user.is_superuser:
        return True
    return bool(user.is_authenticated and user.memberships.filter(role=Role.SYSTEM_ADMIN).exists())


class AgencyScopedAdmin(admin.ModelAdmin):
    """Limits rows to agencies the staff member administers; ``agency_field`` names the path."""

    agency_field = "agency__"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)
        if is_system_admin(request):
            return queryset
        scope = staff_scope(request.user)
        return queryset.filter(agency_subtree_q(scope.agency_paths, self.agency_field))
