"""Forms of the coordinator's triage queue; every message in Indonesian."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from sigap.agencies.models import Agency

_STALE = _("Versi laporan tidak sah; muat ulang halaman.")


class TriageActionForm(forms.Form):
    """Carries the case version the row showed: a colleague's newer change wins, not ours."""

    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={"required": _STALE, "invalid": _STALE, "min_value": _STALE},
    )


class TriageRouteForm(TriageActionForm):
    agency = forms.ModelChoiceField(
        label=_("Instansi tujuan"),
        queryset=Agency.objects.none(),
        to_field_name="code",
        error_messages={
            "required": _("Pilih instansi tujuan."),
            "invalid_choice": _("Instansi tujuan tidak dikenal."),
        },
    )
    note = forms.CharField(label=_("Catatan"), max_length=2000, required=False)

    def __init__(self, *args: Any, agencies: QuerySet[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["agency"]
        field.queryset = agencies


class TriageVerifyForm(TriageActionForm):
    note = forms.CharField(label=_("Catatan"), max_length=2000, required=False)


class TriageRejectForm(TriageActionForm):
    reason = forms.CharField(
        label=_("Alasan penolakan"),
        max_length=2000,
        error_messages={"required": _("Tuliskan alasan penolakan.")},
    )

    def clean_reason(self) -> str:
        reason = self.cleaned_data.get("reason", "").strip()
        if not reason:
            raise forms.ValidationError(_("Tuliskan alasan penolakan."), code="required")
        return reason


class TriageFlagsForm(TriageActionForm):
    is_anonymous = forms.BooleanField(label=_("Anonim"), required=False)
    is_confidential = forms.BooleanField(label=_("Rahasia"), required=False)
    note = forms.CharField(label=_("Catatan"), max_length=2000, required=False)
