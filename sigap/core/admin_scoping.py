"""Django admin scoped by role: system admins configure everything, agency admins their subtree."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from django.contrib import admin
from django.db.models import QuerySet
from django.db.models.constants import LOOKUP_SEP
from django.http import HttpRequest

from sigap.agencies.selectors import agency_subtree_q, staff_authority, user_is_system_admin


def is_system_admin(request: HttpRequest) -> bool:
    return user_is_system_admin(request.user)


def administered_paths(request: HttpRequest) -> tuple[str, ...]:
    """The subtrees where the user is *agency admin*, once per request. An officer's or an
    operator's membership elsewhere gives no say over that agency's configuration."""
    cached = getattr(request, "_sigap_administered_paths", None)
    if cached is None:
        cached = staff_authority(request.user).agency_paths
        setattr(request, "_sigap_administered_paths", cached)  # noqa: B010 (no such slot)
    return tuple(cached)


class AgencyScopedAdmin(admin.ModelAdmin):
    """Limits rows to agencies the staff member administers; ``agency_field`` names the path."""

    agency_field = "agency__"
    # Foreign keys to agencies an editor may only point at their own (and must fill in).
    agency_choice_fields = ("agency", "parent", "default_agency")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)
        if is_system_admin(request):
            return queryset
        return queryset.filter(agency_subtree_q(administered_paths(request), self.agency_field))

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        """The agency (and Pemda) a row may be given: the editor's own. The choice field
        validates against this queryset, so a forged POST naming another agency is refused."""
        # A subclass may have narrowed the choice already (memberships: where one is admin).
        if not is_system_admin(request) and "queryset" not in kwargs:
            from sigap.agencies.models import Agency, Pemda

            agencies = Agency.objects.filter(agency_subtree_q(administered_paths(request)))
            if db_field.name in self.agency_choice_fields:
                kwargs["queryset"] = agencies
                kwargs["required"] = True  # a Pemda-wide row, or a root, is the system admin's
            elif db_field.name == "pemda":
                kwargs["queryset"] = Pemda.objects.filter(agencies__in=agencies).distinct()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class SystemAdminWritesAdmin(admin.ModelAdmin):
    """Pemda-wide settings (SLA policies, calendars, regions): whoever holds the view permission
    may read them, e.g. to pick one for their agency, but only system administrators change
    them, whatever model permissions a group hands out."""

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_system_admin(request) or super().has_view_permission(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return is_system_admin(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_system_admin(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_system_admin(request)


class CaseContentHiddenAdmin(admin.ModelAdmin):
    """Rows that carry what citizens wrote, or who they are: raw deliveries, outbox recipients,
    detector findings, training texts. They come before (or beside) routing, so they cannot be
    scoped by agency; only superusers, who read every case anyway, see ``content_fields``.
    Whoever else holds the model permission (a system administrator diagnosing deliveries)
    sees the metadata: case contents are not theirs to read."""

    content_fields: ClassVar[tuple[str, ...]] = ()

    def shows_content(self, request: HttpRequest) -> bool:
        return bool(request.user.is_superuser)

    def _without_content(self, request: HttpRequest, names: Sequence[Any]) -> list[Any]:
        if self.shows_content(request):
            return list(names)
        return [name for name in names if name not in self.content_fields]

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self._without_content(request, super().get_fields(request, obj))

    def get_list_display(self, request: HttpRequest) -> Any:
        return self._without_content(request, super().get_list_display(request))

    def get_search_fields(self, request: HttpRequest) -> Any:
        return self._without_content(request, super().get_search_fields(request))

    def lookup_allowed(self, lookup: str, value: str, request: HttpRequest) -> bool:
        # The changelist accepts filters on any local field from the URL (?body__contains=…):
        # without this, hidden text could still be probed one guess at a time.
        if not self.shows_content(request) and lookup.split(LOOKUP_SEP)[0] in self.content_fields:
            return False
        return super().lookup_allowed(lookup, value, request)
