from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.contrib import admin
from django.contrib.admin.options import BaseModelAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.db.models.constants import LOOKUP_SEP
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from sigap.agencies.forms import AdminLockoutAuthenticationForm
from sigap.agencies.models import (
    Agency,
    ApiToken,
    DutyOverride,
    DutyShift,
    Membership,
    Pemda,
    Role,
    RosterMember,
    RosterSetting,
    User,
)
from sigap.agencies.rosters import (
    duty_override_validate,
    duty_shift_validate,
    roster_member_validate,
)
from sigap.agencies.selectors import (
    DELEGABLE_ROLES,
    StaffAuthority,
    agency_subtree_q,
    staff_authority,
    staff_list_editable,
    staff_list_managed,
)
from sigap.agencies.services import (
    agency_save,
    membership_delete,
    membership_grant_validate,
    membership_save,
    staff_edit_validate,
)
from sigap.core.admin_scoping import AgencyScopedAdmin
from sigap.core.errors import DomainError

# The admin's own login counts failures and honours the lockout like the console's.
admin.site.login_form = AdminLockoutAuthenticationForm
admin.site.site_header = _("Pengaturan Sigap")
admin.site.site_title = _("Pengaturan Sigap")
admin.site.index_title = _("Konfigurasi Pemda, instansi, kanal, dan SLA")
admin.site.site_url = "/konsol/"


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

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        fields = list(super().get_readonly_fields(request, obj))
        # An agency admin's own top agency hangs from one they do not administer: they may
        # edit it, but not move it (the parent offered to them lies in their subtree only).
        authority = _authority(request)
        if obj is not None and obj.parent_id and not authority.covers(obj.parent):
            fields.append("parent")
        return fields

    def save_model(self, request: HttpRequest, obj: Agency, form: Any, change: bool) -> None:
        agency_save(agency=obj)

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Agency], search_term: str
    ) -> tuple[QuerySet[Agency], bool]:
        # The membership pickers' autocomplete offers what their fields accept: agencies the
        # editor administers, not those where they merely work.
        authority = _authority(request)
        if request.GET.get("model_name") == "membership" and not authority.unrestricted:
            queryset = queryset.filter(agency_subtree_q(authority.agency_paths))
        return super().get_search_results(request, queryset, search_term)


# --- staff accounts and memberships ---------------------------------------------------------------
#
# Agency admins manage the officers and admins of their own subtree here; system administrators
# everything. The restricted choices below are what an agency admin is offered; the form's clean()
# and the services behind save and delete check again, so a forged POST is refused as well.

_ROLE_BEYOND = _("Anda hanya dapat memberi peran Petugas instansi atau Admin instansi.")
_AGENCY_BEYOND = _("Anda hanya dapat memberi peran di instansi yang Anda kelola.")
_STAFF_BEYOND = _("Anda hanya dapat memilih staf yang seluruh perannya berada di instansi Anda.")

_RIGHTS_FIELDS = {"is_superuser", "is_staff", "groups", "user_permissions"}

# What an agency admin sees of an account: no superuser or staff flag, groups or permissions.
_FIELDSETS_FOR_AGENCY_ADMINS = (
    (None, {"fields": ("username", "password")}),
    (_("Data pribadi"), {"fields": ("first_name", "last_name", "email")}),
    (_("Sigap"), {"fields": ("full_name", "phone", "is_active")}),
)


def _authority(request: HttpRequest) -> StaffAuthority:
    """Once per request: the admin asks for permissions many times per page."""
    authority = getattr(request, "_sigap_staff_authority", None)
    if not isinstance(authority, StaffAuthority):
        authority = staff_authority(request.user)
        setattr(request, "_sigap_staff_authority", authority)  # noqa: B010 (no such slot)
    return authority


def _may_edit(request: HttpRequest, user: User | None) -> bool:
    authority = _authority(request)
    if user is None or authority.unrestricted:
        return True
    return staff_list_editable(authority).filter(pk=user.pk).exists()


class MembershipAdminForm(forms.ModelForm):
    """Checks the grant against the editor's rights; ``authority`` is set per request."""

    # Fail closed: a form built without the request's authority grants nothing.
    authority: ClassVar[StaffAuthority] = StaffAuthority(unrestricted=False)

    class Meta:
        model = Membership
        fields = ["user", "agency", "role"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        agency, role, user = cleaned.get("agency"), cleaned.get("role"), cleaned.get("user")
        try:
            if agency is not None and role:
                membership_grant_validate(authority=self.authority, agency=agency, role=role)
            if isinstance(user, User):
                staff_edit_validate(authority=self.authority, user=user)
        except DomainError as error:
            raise forms.ValidationError(error.message) from error
        return cleaned


class MembershipFieldsMixin(BaseModelAdmin):
    """Offers an agency admin only their subtree's agencies, the delegable roles and the
    accounts they may change."""

    def get_queryset(self, request: HttpRequest) -> QuerySet[Membership]:
        queryset = super().get_queryset(request)
        authority = _authority(request)
        if authority.unrestricted:
            return queryset
        return queryset.filter(agency_subtree_q(authority.agency_paths, "agency__"))

    def _form_for(self, request: HttpRequest) -> type[MembershipAdminForm]:
        return type(
            "MembershipAdminForm", (MembershipAdminForm,), {"authority": _authority(request)}
        )

    def formfield_for_foreignkey(
        self, db_field: Any, request: HttpRequest, **kwargs: Any
    ) -> forms.ModelChoiceField | None:
        authority = _authority(request)
        if not authority.unrestricted and db_field.name == "agency":
            kwargs["queryset"] = Agency.objects.filter(agency_subtree_q(authority.agency_paths))
            kwargs["error_messages"] = {"invalid_choice": _AGENCY_BEYOND}
        elif not authority.unrestricted and db_field.name == "user":
            kwargs["queryset"] = staff_list_editable(authority)
            kwargs["error_messages"] = {"invalid_choice": _STAFF_BEYOND}
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_choice_field(
        self, db_field: Any, request: HttpRequest, **kwargs: Any
    ) -> forms.TypedChoiceField | None:
        if db_field.name == "role" and not _authority(request).unrestricted:
            kwargs["choices"] = [
                ("", "---------"),
                *((value, label) for value, label in Role.choices if value in DELEGABLE_ROLES),
            ]
            kwargs["error_messages"] = {"invalid_choice": _ROLE_BEYOND}
        return super().formfield_for_choice_field(db_field, request, **kwargs)


class MembershipInline(MembershipFieldsMixin, admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["agency"]
    fields = ["agency", "role"]

    def get_formset(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        kwargs["form"] = self._form_for(request)
        return super().get_formset(request, obj, **kwargs)

    # ``obj`` is the account on the page: one the editor may not change shows read-only.
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_add_permission(request, obj) and _may_edit(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and _may_edit(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_delete_permission(request, obj) and _may_edit(request, obj)


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
        authority = _authority(request)
        if authority.unrestricted:
            return queryset
        return queryset.filter(pk__in=staff_list_managed(authority).values("pk"))

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None or _authority(request).unrestricted:
            return super().get_fieldsets(request, obj)
        return _FIELDSETS_FOR_AGENCY_ADMINS

    def get_list_display(self, request: HttpRequest) -> Any:
        if _authority(request).unrestricted:
            return super().get_list_display(request)
        return [name for name in self.list_display if name != "is_staff"]

    def get_list_filter(self, request: HttpRequest) -> Any:
        return (
            super().get_list_filter(request) if _authority(request).unrestricted else ["is_active"]
        )

    def lookup_allowed(self, lookup: str, value: str, request: Any = None) -> bool:
        # ?is_superuser=1 in the URL would still tell an agency admin who holds which rights.
        field = lookup.split(LOOKUP_SEP)[0]
        if field in _RIGHTS_FIELDS and not (request and _authority(request).unrestricted):
            return False
        return super().lookup_allowed(lookup, value, request)

    # Change covers the password page too (Django's user_change_password asks it).
    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and _may_edit(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_delete_permission(request, obj) and _may_edit(request, obj)

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        if change:
            # The stored account, not the edited copy: its rights before this change.
            stored = User.objects.get(pk=obj.pk)
            _refuse_unless(staff_edit_validate, authority=_authority(request), user=stored)
        super().save_model(request, obj, form, change)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        if formset.model is not Membership:
            super().save_formset(request, form, formset, change)
            return
        authority = _authority(request)
        changed = formset.save(commit=False)
        for membership in formset.deleted_objects:
            _refuse_unless(membership_delete, membership=membership, authority=authority)
        for membership in changed:
            _refuse_unless(membership_save, membership=membership, authority=authority)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        # The bulk delete action asks has_delete_permission without an object.
        for user in queryset:
            _refuse_unless(staff_edit_validate, authority=_authority(request), user=user)
        super().delete_queryset(request, queryset)


@admin.register(Membership)
class MembershipAdmin(MembershipFieldsMixin, AgencyScopedAdmin):
    list_display = ["user", "agency", "role", "created_at"]
    list_filter = ["role", "agency__pemda"]
    search_fields = ["user__username", "user__full_name", "agency__name"]
    autocomplete_fields = ["user", "agency"]
    fields = ["user", "agency", "role"]

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        kwargs["form"] = self._form_for(request)
        return super().get_form(request, obj, change, **kwargs)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and _may_edit(request, obj.user if obj is not None else None)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_delete_permission(request, obj)
        return allowed and _may_edit(request, obj.user if obj is not None else None)

    def save_model(self, request: HttpRequest, obj: Membership, form: Any, change: bool) -> None:
        _refuse_unless(membership_save, membership=obj, authority=_authority(request))

    def delete_model(self, request: HttpRequest, obj: Membership) -> None:
        _refuse_unless(membership_delete, membership=obj, authority=_authority(request))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Membership]) -> None:
        for membership in queryset.select_related("agency", "user"):
            _refuse_unless(membership_delete, membership=membership, authority=_authority(request))


def _refuse_unless(service: Any, **kwargs: Any) -> Any:
    """Run a service that checks the editor's rights; its refusal becomes a 403 (the forms
    refuse first, with the message on the page: reaching this means a form let it through)."""
    try:
        return service(**kwargs)
    except DomainError as error:
        raise PermissionDenied(error.message) from error


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


class RosterPeopleScopedAdmin(AgencyScopedAdmin):
    """Roster rows name a person: an agency admin picks among the staff they manage (the
    autocomplete already lists only those), and a forged POST naming anyone else is refused."""

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        authority = _authority(request)
        if db_field.name == "user" and not authority.unrestricted:
            kwargs["queryset"] = staff_list_managed(authority)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class RosterMembershipForm(forms.ModelForm):
    """The person must work in the chosen agency (the console's rule and message)."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("user") is not None and cleaned.get("agency") is not None:
            try:
                roster_member_validate(cleaned["user"], cleaned["agency"])
            except DomainError as error:
                raise forms.ValidationError(error.message) from error
        return cleaned


@admin.register(RosterMember)
class RosterMemberAdmin(RosterPeopleScopedAdmin):
    form = RosterMembershipForm
    list_display = ["user", "agency", "case_cap", "last_assigned_at"]
    list_filter = ["agency__pemda"]
    autocomplete_fields = ["user", "agency"]
    readonly_fields = ["last_assigned_at"]


class RosterRulesForm(forms.ModelForm):
    """A roster row checked by the console's service (membership, order, overlaps), with the
    same Indonesian messages; ``rule`` names it and ``rule_fields`` what it is given."""

    rule: ClassVar[Any]
    rule_fields: ClassVar[tuple[str, ...]]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.errors:
            return cleaned
        values = {name: cleaned[name] for name in self.rule_fields}
        try:
            type(self).rule(**values, exclude_id=self.instance.pk)
        except DomainError as error:
            raise forms.ValidationError(error.message) from error
        return cleaned


class DutyShiftAdminForm(RosterRulesForm):
    rule = duty_shift_validate
    rule_fields = ("agency", "user", "weekday", "starts_at", "ends_at", "kind")

    class Meta:
        model = DutyShift
        fields = ["agency", "user", "kind", "weekday", "starts_at", "ends_at"]


@admin.register(DutyShift)
class DutyShiftAdmin(RosterPeopleScopedAdmin):
    form = DutyShiftAdminForm
    list_display = ["user", "agency", "kind", "weekday", "starts_at", "ends_at"]
    list_filter = ["kind", "weekday", "agency__pemda"]
    search_fields = ["user__username", "user__full_name", "agency__name"]
    autocomplete_fields = ["user", "agency"]


class DutyOverrideAdminForm(RosterRulesForm):
    rule = duty_override_validate
    rule_fields = ("agency", "user", "starts_at", "ends_at", "kind")

    class Meta:
        model = DutyOverride
        fields = ["agency", "user", "kind", "is_absence", "starts_at", "ends_at", "note"]


@admin.register(DutyOverride)
class DutyOverrideAdmin(RosterPeopleScopedAdmin):
    form = DutyOverrideAdminForm
    list_display = ["user", "agency", "kind", "is_absence", "starts_at", "ends_at", "note"]
    list_filter = ["kind", "is_absence", "agency__pemda"]
    search_fields = ["user__username", "user__full_name", "agency__name", "note"]
    autocomplete_fields = ["user", "agency"]
