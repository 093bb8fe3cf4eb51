from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from sigap.core.admin_caches import ClearsCachesOnChange
from sigap.core.admin_scoping import (
    CaseContentHiddenAdmin,
    SystemAdminWritesAdmin,
    is_system_admin,
)
from sigap.sla.models import BusinessCalendar, SlaNotification, SlaPolicy, SlaRule
from sigap.sla.services import sla_setup_cache_clear


class ClearsSlaSetup(ClearsCachesOnChange):
    """What the deadlines are computed from (``sla.services.setup``, 30 s per process)."""

    caches = (sla_setup_cache_clear,)


@admin.register(SlaPolicy)
class SlaPolicyAdmin(SystemAdminWritesAdmin, ClearsSlaSetup):
    """Pemda-wide targets: agency admins may read them, system administrators change them."""

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
class SlaRuleAdmin(SystemAdminWritesAdmin, ClearsSlaSetup):
    """Which policy applies: Pemda-wide configuration, so system administrators only (not even
    read by others: nobody else picks a rule)."""

    list_display = ["__str__", "pemda", "category", "agency", "priority", "policy", "order"]
    list_filter = ["pemda", "priority", "policy"]
    autocomplete_fields = ["category", "agency"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_system_admin(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_system_admin(request)


@admin.register(SlaNotification)
class SlaNotificationAdmin(CaseContentHiddenAdmin):
    """Delivery metadata for system administrators. Never the text: it quotes case contents
    (a mention carries the note, an emergency alert the complaint), which they must not read."""

    list_display = [
        "created_at", "recipient", "tracking_number", "kind", "stage", "level", "read_at",
        "email_status", "whatsapp_status",
    ]  # fmt: skip
    list_filter = ["kind", "stage", "email_status", "whatsapp_status"]
    list_select_related = ["recipient", "case"]
    readonly_fields = [
        "recipient", "tracking_number", "kind", "stage", "level", "created_at", "read_at",
        "email_status", "emailed_at", "email_attempts", "email_error", "whatsapp_status",
        "whatsapp_error", "delivery_next_at",
    ]  # fmt: skip
    fields = tuple(readonly_fields)
    content_fields = ("text",)

    def shows_content(self, request: HttpRequest) -> bool:
        return False  # superusers too: the console shows each recipient their own

    @admin.display(description=_("nomor laporan"), ordering="case__tracking_number")
    def tracking_number(self, notification: SlaNotification) -> str:
        return notification.case.tracking_number

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_system_admin(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return is_system_admin(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(BusinessCalendar)
class BusinessCalendarAdmin(SystemAdminWritesAdmin, ClearsSlaSetup):
    """Office hours and holidays every clock counts in: read by agency admins (an agency picks
    its calendar), changed by system administrators only."""

    list_display = ["name", "timezone", "always_open", "use_national_holidays"]
