"""Standby rosters (piket): this week's duty grid, who is on duty now, caps.

Agency admins (and Diskominfo) edit their agency's roster; officers see it read-only. Every
form posts with HTMX and gets the whole board back, errors included; without JavaScript the
same forms post normally and redirect.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sigap.agencies.models import Agency, DutyOverride, DutyShift, RosterSetting, User
from sigap.agencies.rosters import (
    duty_override_create,
    duty_override_delete,
    duty_shift_delete,
    duty_shifts_create,
    roster_member_cap_set,
    roster_setting_update,
)
from sigap.agencies.selectors import (
    RosterAgency,
    on_duty_kind,
    on_duty_staff,
    roster_agencies_for_user,
    roster_clock,
    roster_member_rows,
    roster_week,
    staff_list_for_agency,
)
from sigap.console.forms.rosters import MemberCapForm, OverrideForm, RosterSettingForm, ShiftForm
from sigap.core.errors import DomainError


def _staff(request: HttpRequest) -> User:
    if not isinstance(request.user, User):  # the login middleware already sent guests away
        raise PermissionDenied
    return request.user


def _roster_agency(request: HttpRequest, code: str) -> tuple[RosterAgency, list[RosterAgency]]:
    """The agency by code among the user's own; others are 404 (their rosters stay private)."""
    choices = roster_agencies_for_user(_staff(request))
    if not choices:
        raise PermissionDenied(_("Akun Anda belum terdaftar sebagai petugas instansi mana pun."))
    if not code:
        return choices[0], choices
    for choice in choices:
        if choice.agency.code == code:
            return choice, choices
    raise Http404(_("Instansi tidak ditemukan."))


def _week_start(raw: str | None, today: date) -> date:
    try:
        chosen = date.fromisoformat(raw) if raw else today
    except ValueError:
        chosen = today
    if not date(2000, 1, 1) <= chosen <= date(2100, 12, 31):  # a week of year 9999 overflows
        chosen = today
    return chosen - timedelta(days=chosen.weekday())


@dataclass
class Forms:
    """The board's four forms; the one just posted comes back bound, with its errors."""

    shift: forms.Form
    override: forms.Form
    setting: forms.Form
    cap: forms.Form


def _forms(agency: Agency, setting: RosterSetting, bound: dict[str, forms.Form]) -> Forms:
    staff = staff_list_for_agency(agency)
    initial = {"autoassign": setting.autoassign, "default_cap": setting.default_cap}
    return Forms(
        shift=bound.get("shift") or ShiftForm(staff=staff),
        override=bound.get("override") or OverrideForm(staff=staff),
        setting=bound.get("setting") or RosterSettingForm(initial=initial),
        cap=bound.get("cap") or MemberCapForm(staff=staff),
    )


def _context(
    request: HttpRequest,
    chosen: RosterAgency,
    choices: list[RosterAgency],
    bound: dict[str, forms.Form] | None = None,
) -> dict[str, Any]:
    agency, now = chosen.agency, timezone.now()
    clock = roster_clock(agency)
    today = clock.local(now).date()
    week_start = _week_start(request.GET.get("minggu"), today)
    setting = RosterSetting.objects.filter(agency=agency).first() or RosterSetting(agency=agency)
    on_duty = on_duty_staff(agency, now, clock=clock)
    return {
        "agency": agency,
        "choices": choices,
        "can_manage": chosen.can_manage,
        "now_local": clock.local(now),
        "timezone_name": clock.tz.key,
        "duty_kind": on_duty_kind(agency, now, clock=clock),
        "on_duty": on_duty,
        "week": roster_week(agency, week_start, today, clock=clock),
        "week_start": week_start,
        "previous_week": week_start - timedelta(days=7),
        "next_week": week_start + timedelta(days=7),
        "setting": setting,
        "members": roster_member_rows(
            agency, default_cap=setting.default_cap, on_duty_ids={u.pk for u in on_duty}
        ),
        "forms": _forms(agency, setting, bound or {}) if chosen.can_manage else None,
    }


@require_GET
def rosters(request: HttpRequest) -> HttpResponse:
    chosen, choices = _roster_agency(request, request.GET.get("instansi", ""))
    return render(request, "console/rosters.html", _context(request, chosen, choices))


# --- actions --------------------------------------------------------------------------------------


class FormInvalid(Exception):
    def __init__(self, name: str, form: forms.Form) -> None:
        super().__init__(name)
        self.name, self.form = name, form


def _bound(form: forms.Form, name: str) -> dict[str, Any]:
    if not form.is_valid():
        raise FormInvalid(name, form)
    return form.cleaned_data


def _add_shift(request: HttpRequest, agency: Agency, pk: int | None) -> str:
    form = ShiftForm(request.POST, staff=staff_list_for_agency(agency))
    data = _bound(form, "shift")
    try:
        created = duty_shifts_create(agency=agency, actor=_staff(request), **data)
    except DomainError as error:
        form.add_error(None, error.message)
        raise FormInvalid("shift", form) from error
    return _("%(count)d jadwal piket %(name)s disimpan.") % {
        "count": len(created),
        "name": data["user"],
    }


def _add_override(request: HttpRequest, agency: Agency, pk: int | None) -> str:
    form = OverrideForm(request.POST, staff=staff_list_for_agency(agency))
    with timezone.override(roster_clock(agency).tz):  # times typed are the agency's local time
        data = _bound(form, "override")
    try:
        duty_override_create(agency=agency, actor=_staff(request), **data)
    except DomainError as error:
        form.add_error(None, error.message)
        raise FormInvalid("override", form) from error
    return _("Perubahan piket %(name)s disimpan.") % {"name": data["user"]}


def _update_setting(request: HttpRequest, agency: Agency, pk: int | None) -> str:
    data = _bound(RosterSettingForm(request.POST), "setting")
    roster_setting_update(agency=agency, actor=_staff(request), **data)
    return _("Pengaturan piket disimpan.")


def _set_cap(request: HttpRequest, agency: Agency, pk: int | None) -> str:
    data = _bound(MemberCapForm(request.POST, staff=staff_list_for_agency(agency)), "cap")
    roster_member_cap_set(agency=agency, actor=_staff(request), **data)
    return _("Batas laporan %(name)s disimpan.") % {"name": data["user"]}


def _delete_shift(request: HttpRequest, agency: Agency, pk: int | None) -> str:
    shift = DutyShift.objects.filter(agency=agency, pk=pk or 0).select_related("agency").first()
    if shift is None:
        raise Http404(_("Jadwal tidak ditemukan."))
    duty_shift_delete(shift=shift, actor=_staff(request))
    return _("Jadwal piket dihapus.")


def _delete_override(request: HttpRequest, agency: Agency, pk: int | None) -> str:
    override = (
        DutyOverride.objects.filter(agency=agency, pk=pk or 0).select_related("agency").first()
    )
    if override is None:
        raise Http404(_("Perubahan piket tidak ditemukan."))
    duty_override_delete(override=override, actor=_staff(request))
    return _("Perubahan piket dihapus.")


_ACTIONS: dict[str, Callable[[HttpRequest, Agency, int | None], str]] = {
    "jadwal": _add_shift,
    "jadwal-hapus": _delete_shift,
    "perubahan": _add_override,
    "perubahan-hapus": _delete_override,
    "pengaturan": _update_setting,
    "batas": _set_cap,
}


@require_POST
def roster_action(
    request: HttpRequest, code: str, action: str, pk: int | None = None
) -> HttpResponse:
    chosen, choices = _roster_agency(request, code)
    if not chosen.can_manage:
        raise PermissionDenied(_("Hanya admin instansi yang dapat mengubah jadwal piket."))
    handler = _ACTIONS.get(action)
    if handler is None:
        raise Http404
    is_htmx = request.headers.get("HX-Request") == "true"
    template = "console/partials/rosters_board.html" if is_htmx else "console/rosters.html"
    try:
        done = handler(request, chosen.agency, pk)
    except FormInvalid as invalid:
        context = _context(request, chosen, choices, {invalid.name: invalid.form})
        return render(request, template, context)
    except DomainError as error:
        return render(request, template, {**_context(request, chosen, choices), "error": error})
    if is_htmx:
        context = {**_context(request, chosen, choices), "done": done}
        return render(request, template, context)
    messages.success(request, done)
    return redirect(f"{reverse('console:rosters')}?instansi={chosen.agency.code}")


urlpatterns = [
    path("piket/", rosters, name="rosters"),
    path("piket/<slug:code>/<slug:action>/", roster_action, name="roster_action"),
    path("piket/<slug:code>/<slug:action>/<int:pk>/", roster_action, name="roster_action_item"),
]
