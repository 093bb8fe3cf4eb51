from typing import Any

from django.contrib import admin
from django.db import transaction
from django.db.models import Model, QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from sigap.core.admin_scoping import is_system_admin
from sigap.sla.models import BusinessCalendar, SlaNotification, SlaPolicy, SlaRule
from sigap.sla.services import sla_setup_cache_clear


class ClearsSlaSetup(admin.ModelAdmin):
    """An edit of what the deadlines are computed from applies at once in this process (the
    one serving the admin); the others re-read within ``setup.SETUP_TTL_SECONDS``."""

    def save_model(self, request: HttpRequest, obj: Model, form: ModelForm, change: bool) -> None:
        super().save_model(request, obj, form, change)
        transaction.on_commit(sla_setup_cache_clear)

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: Any, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)  # many-to-many rows and inlines
        transaction.on_commit(sla_setup_cache_clear)

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        super().delete_model(request, obj)
        transaction.on_commit(sla_setup_cache_clear)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        super().delete_queryset(request, queryset)
        transaction.on_commit(sla_setup_cache_clear)


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
