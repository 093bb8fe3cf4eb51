"""Forms of the standby-roster (piket) page; every message in Indonesian.

Times are wall-clock times of the agency's calendar; the view validates datetimes with that time
zone active, so "08:00" means 08:00 WITA for an agency in Makassar.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from sigap.agencies.models import DutyKind, User, Weekday

_REQUIRED = {"required": _("Wajib diisi.")}
_TIME = {"required": _("Wajib diisi."), "invalid": _("Tulis jam seperti 07:30.")}
_DATETIME = {"required": _("Wajib diisi."), "invalid": _("Tulis tanggal dan jam yang sah.")}
_PERSON = {"required": _("Pilih petugas."), "invalid_choice": _("Petugas tidak dikenal.")}


class _StaffForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("Petugas"),
        queryset=User.objects.none(),
        to_field_name="username",
        error_messages=_PERSON,
    )

    def __init__(self, *args: Any, staff: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["user"]
        field.queryset = staff


class ShiftForm(_StaffForm):
    prefix = "shift"
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Hari"),
        choices=Weekday.choices,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Pilih minimal satu hari."),
            "invalid_choice": _("Hari tidak dikenal."),
        },
    )
    starts_at = forms.TimeField(
        label=_("Mulai"), widget=forms.TimeInput(attrs={"type": "time"}), error_messages=_TIME
    )
    ends_at = forms.TimeField(
        label=_("Selesai"), widget=forms.TimeInput(attrs={"type": "time"}), error_messages=_TIME
    )
    kind = forms.ChoiceField(
        label=_("Jenis piket"),
        choices=DutyKind.choices,
        initial=DutyKind.OFFICE,
        error_messages={"invalid_choice": _("Jenis piket tidak dikenal."), **_REQUIRED},
    )


class OverrideForm(_StaffForm):
    prefix = "override"
    is_absence = forms.TypedChoiceField(
        label=_("Perubahan"),
        choices=[
            ("0", _("Piket tambahan (menggantikan)")),
            ("1", _("Tidak bertugas (cuti/sakit)")),
        ],
        coerce=lambda value: value == "1",
        initial="1",
        error_messages={"invalid_choice": _("Pilihan tidak dikenal."), **_REQUIRED},
    )
    kind = forms.ChoiceField(
        label=_("Jenis piket"),
        choices=DutyKind.choices,
        initial=DutyKind.OFFICE,
        error_messages={"invalid_choice": _("Jenis piket tidak dikenal."), **_REQUIRED},
    )
    starts_at = forms.DateTimeField(
        label=_("Mulai"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages=_DATETIME,
    )
    ends_at = forms.DateTimeField(
        label=_("Selesai"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages=_DATETIME,
    )
    note = forms.CharField(label=_("Keterangan"), max_length=200, required=False)


class RosterSettingForm(forms.Form):
    prefix = "setting"
    autoassign = forms.BooleanField(
        label=_("Tugaskan laporan baru secara otomatis"), required=False
    )
    default_cap = forms.IntegerField(
        label=_("Batas laporan terbuka per petugas"),
        min_value=0,
        max_value=1000,
        help_text=_("0 berarti tanpa batas."),
        error_messages={
            **_REQUIRED,
            "invalid": _("Tulis bilangan bulat."),
            "min_value": _("Batas laporan harus antara 0 dan 1000."),
            "max_value": _("Batas laporan harus antara 0 dan 1000."),
        },
    )


class MemberCapForm(_StaffForm):
    prefix = "cap"
    case_cap = forms.IntegerField(
        label=_("Batas pribadi"),
        min_value=0,
        max_value=1000,
        required=False,
        help_text=_("Kosongkan untuk mengikuti batas instansi."),
        error_messages={
            "invalid": _("Tulis bilangan bulat."),
            "min_value": _("Batas laporan harus antara 0 dan 1000."),
            "max_value": _("Batas laporan harus antara 0 dan 1000."),
        },
    )
