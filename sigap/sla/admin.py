from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from sigap.core.admin_caches import ClearsCachesOnChange
from sigap.core.admin_scoping import is_system_admin
from sigap.sla.models import BusinessCalendar, SlaNotification, SlaPolicy, SlaRule
from sigap.sla.services import sla_setup_cache_clear


class ClearsSlaSetup(ClearsCachesOnChange):
    """What the deadlines are computed from (``sla.services.setup``, 30 s per process)."""

    caches = (sla_setup_cache_clear,)


@admin.register(SlaPolicy)
class SlaPolicyAdmin(ClearsSlaSetup):
    list_display = [
        "name",
        "first_response_minutes",
        "verification_days",
        "followup_days",
        "resolution_days",
        "autoclose_days",
        "warn_percent",
        "warn_minutes_before",
    ]


@admin.register(SlaRule)
class SlaRuleAdmin(ClearsSlaSetup):
    """Which policy applies: Pemda-wide configuration, so system administrators only."""

    list_display = ["__str__", "pemda", "category", "agency", "priority", "policy", "order"]
    list_filter = ["pemda", "priority", "policy"]
    autocomplete_fields = ["category", "agency"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_system_admin(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_system_admin(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return is_system_admin(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_system_admin(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_system_admin(request)


@admin.register(SlaNotification)
class SlaNotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "recipient", "case", "kind", "stage", "level", "read_at"]
    list_filter = ["kind", "stage"]
    raw_id_fields = ["recipient", "case"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_system_admin(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_system_admin(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(BusinessCalendar)
class BusinessCalendarAdmin(ClearsSlaSetup):
    list_display = ["name", "timezone", "always_open", "use_national_holidays"]
