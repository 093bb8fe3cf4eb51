from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from sigap.agencies.models import (
    Agency,
    ApiToken,
    DutyOverride,
    DutyShift,
    Membership,
    Pemda,
    RosterMember,
    RosterSetting,
    User,
)
from sigap.agencies.rosters import duty_shift_validate
from sigap.agencies.selectors import agency_subtree_q, staff_scope
from sigap.agencies.services import agency_save
from sigap.core.admin_scoping import AgencyScopedAdmin, is_system_admin
from sigap.core.errors import DomainError


@admin.register(Pemda)
class PemdaAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "tracking_prefix", "timezone", "routing_threshold", "is_active"]


@admin.register(Agency)
class AgencyAdmin(AgencyScopedAdmin):
    agency_field = ""
    list_display = ["name", "short_name", "kind", "parent", "is_active"]
    list_filter = ["pemda", "kind", "is_active"]
    search_fields = ["name", "short_name", "code"]
    autocomplete_fields = ["parent", "region"]
    readonly_fields = ["path"]

    def save_model(self, request: HttpRequest, obj: Agency, form: Any, change: bool) -> None:
        agency_save(agency=obj)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["agency"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "full_name", "email", "is_active", "is_staff"]
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        (_("Sigap"), {"fields": ("full_name", "phone")}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        queryset = super().get_queryset(request)
        if is_system_admin(request):
            return queryset
        scope = staff_scope(request.user)
        return queryset.filter(
            agency_subtree_q(scope.agency_paths, "memberships__agency__")
        ).distinct()


@admin.register(Membership)
class MembershipAdmin(AgencyScopedAdmin):
    list_display = ["user", "agency", "role", "created_at"]
    list_filter = ["role", "agency__pemda"]
    search_fields = ["user__username", "user__full_name", "agency__name"]
    autocomplete_fields = ["user", "agency"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "user",
        "prefix",
        "created_at",
        "last_used_at",
        "expires_at",
        "revoked_at",
    ]
    # The hash is never shown; the raw token exists only at creation, in the console.
    exclude = ["token_hash"]
    readonly_fields = ["user", "name", "prefix", "created_at", "last_used_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(RosterSetting)
class RosterSettingAdmin(AgencyScopedAdmin):
    list_display = ["agency", "autoassign", "default_cap", "updated_at"]
    list_filter = ["autoassign", "agency__pemda"]
    autocomplete_fields = ["agency"]


@admin.register(RosterMember)
class RosterMemberAdmin(AgencyScopedAdmin):
    list_display = ["user", "agency", "case_cap", "last_assigned_at"]
    list_filter = ["agency__pemda"]
    autocomplete_fields = ["user", "agency"]
    readonly_fields = ["last_assigned_at"]


class DutyShiftAdminForm(forms.ModelForm):
    class Meta:
        model = DutyShift
        fields = ["agency", "user", "kind", "weekday", "starts_at", "ends_at"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.errors:
            return cleaned
        try:
            # The console's rules (membership, overlaps), with the same Indonesian messages.
            duty_shift_validate(
                agency=cleaned["agency"],
                user=cleaned["user"],
                weekday=cleaned["weekday"],
                starts_at=cleaned["starts_at"],
                ends_at=cleaned["ends_at"],
                kind=cleaned["kind"],
                exclude_id=self.instance.pk,
            )
        except DomainError as error:
            raise forms.ValidationError(error.message) from error
        return cleaned


@admin.register(DutyShift)
class DutyShiftAdmin(AgencyScopedAdmin):
    form = DutyShiftAdminForm
    list_display = ["user", "agency", "kind", "weekday", "starts_at", "ends_at"]
    list_filter = ["kind", "weekday", "agency__pemda"]
    search_fields = ["user__username", "user__full_name", "agency__name"]
    autocomplete_fields = ["user", "agency"]


@admin.register(DutyOverride)
class DutyOverrideAdmin(AgencyScopedAdmin):
    list_display = ["user", "agency", "kind", "is_absence", "starts_at", "ends_at", "note"]
    list_filter = ["kind", "is_absence", "agency__pemda"]
    search_fields = ["user__username", "user__full_name", "agency__name", "note"]
    autocomplete_fields = ["user", "agency"]
