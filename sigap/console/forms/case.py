"""Forms of the case page actions; every message in Indonesian.

State-changing forms carry the case ``version`` they were rendered with: the service refuses a
stale one, so an officer never overwrites what a colleague did a moment earlier unseen.
"""

from __future__ import annotations

import secrets
from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from sigap.agencies.models import Agency, AgencyKind, User
from sigap.agencies.selectors import staff_list_for_agency
from sigap.cases.models import Case, CaseStatus, DispositionReason
from sigap.catalog.models import Category, Priority
from sigap.catalog.selectors import category_list_active
from sigap.channels.services.staff_replies import MAX_REPLY_LENGTH, ReplyChannel
from sigap.console.agency_choices import agency_choices

_REQUIRED = {"required": _("Wajib diisi.")}
_CHOICE = {"required": _("Wajib dipilih."), "invalid_choice": _("Pilihan tidak dikenal.")}
_TEXT_MAX = 4000


def _text(label: StrOrPromise, *, rows: int = 3, max_length: int = _TEXT_MAX) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={
            **_REQUIRED,
            "max_length": _("Terlalu panjang (maksimal %(limit_value)d karakter)."),
        },
    )


class VersionedForm(forms.Form):
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={
            "required": _("Versi laporan hilang; muat ulang halaman."),
            "invalid": _("Versi laporan tidak sah; muat ulang halaman."),
            "min_value": _("Versi laporan tidak sah; muat ulang halaman."),
        },
    )


class ClaimForm(VersionedForm):
    prefix = "claim"


class AssignForm(VersionedForm):
    prefix = "assign"
    assignee = forms.ModelChoiceField(
        label=_("Petugas"), queryset=User.objects.none(), error_messages=_CHOICE
    )

    def __init__(self, *args: Any, staff: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["assignee"]).queryset = staff


class ReplyForm(forms.Form):
    prefix = "reply"
    text = _text(_("Balasan"), rows=4, max_length=MAX_REPLY_LENGTH)
    template = forms.ChoiceField(label=_("Template"), required=False, error_messages=_CHOICE)
    # A random key per rendered form: a double submit sends one message, not two.
    key = forms.CharField(widget=forms.HiddenInput, max_length=40, error_messages=_REQUIRED)

    def __init__(self, *args: Any, channel: ReplyChannel, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["template"]).choices = [("", "—")] + [
            (t.key, t.name) for t in channel.templates
        ]
        if channel.needs_template:
            self.fields["template"].required = True
            self.fields["text"].label = _("Isi singkat untuk template (satu baris)")
        else:
            self.fields["template"].widget = forms.HiddenInput()


class NoteForm(forms.Form):
    prefix = "note"
    text = _text(_("Catatan internal"))


class RequestInfoForm(VersionedForm, ReplyForm):
    prefix = "info"
    text = _text(_("Pertanyaan untuk warga"), max_length=MAX_REPLY_LENGTH)


class DisposeForm(VersionedForm):
    prefix = "dispose"
    to_agency = forms.ModelChoiceField(
        label=_("Instansi tujuan"), queryset=Agency.objects.none(), error_messages=_CHOICE
    )
    reason = forms.ChoiceField(
        label=_("Alasan"),
        choices=[
            (value, label)
            for value, label in DispositionReason.choices
            if value not in {DispositionReason.INITIAL, DispositionReason.EXTERNAL}
        ],
        error_messages=_CHOICE,
    )
    note = _text(_("Keterangan"), rows=2)

    def __init__(self, *args: Any, agencies: QuerySet[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["to_agency"])
        field.queryset = agencies.exclude(kind=AgencyKind.EXTERNAL)
        field.choices = agency_choices(field.queryset)


class ForwardForm(VersionedForm):
    prefix = "forward"
    to_agency = forms.ModelChoiceField(
        label=_("Lembaga luar"), queryset=Agency.objects.none(), error_messages=_CHOICE
    )
    note = _text(_("Alasan diteruskan"), rows=2)

    def __init__(self, *args: Any, agencies: QuerySet[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["to_agency"]).queryset = agencies.filter(
            kind=AgencyKind.EXTERNAL
        )


class MergeForm(VersionedForm):
    prefix = "merge"
    into = forms.CharField(
        label=_("Gabungkan ke nomor laporan"),
        max_length=24,
        widget=forms.TextInput(attrs={"placeholder": "BDG-2611-00042"}),
        error_messages={**_REQUIRED, "max_length": _("Nomor laporan tidak sah.")},
    )
    note = forms.CharField(label=_("Catatan"), required=False, max_length=1000)

    def clean_into(self) -> str:
        return str(self.cleaned_data["into"]).strip().upper()


class LinkForm(forms.Form):
    """Confirm or reject the suggestion that another case reports the same incident."""

    prefix = "link"
    other = forms.CharField(
        max_length=24, error_messages={**_REQUIRED, "max_length": _("Nomor laporan tidak sah.")}
    )

    def clean_other(self) -> str:
        return str(self.cleaned_data["other"]).strip().upper()


class CategoryForm(VersionedForm):
    prefix = "category"
    category = forms.ModelChoiceField(
        label=_("Kategori"), queryset=Category.objects.none(), error_messages=_CHOICE
    )

    def __init__(self, *args: Any, categories: QuerySet[Category], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["category"]).queryset = categories


class PriorityForm(VersionedForm):
    prefix = "priority"
    priority = forms.ChoiceField(
        label=_("Prioritas"), choices=Priority.choices, error_messages=_CHOICE
    )
    note = forms.CharField(label=_("Alasan"), required=False, max_length=1000)


class ResolveForm(VersionedForm):
    prefix = "resolve"
    resolution = _text(_("Hasil penyelesaian"))
    photo = forms.FileField(
        label=_("Foto bukti (opsional)"),
        required=False,
        error_messages={
            "invalid": _("Berkas tidak terbaca."),
            "empty": _("Berkas kosong."),
            "missing": _("Berkas tidak terkirim."),
        },
    )


class ReopenForm(VersionedForm):
    prefix = "reopen"
    reason = _text(_("Alasan dibuka kembali"), rows=2)


BULK_ACTIONS = [
    ("claim", _("Ambil (tugaskan ke saya)")),
    ("assign", _("Tugaskan ke petugas")),
    ("priority", _("Ubah prioritas")),
]
MAX_BULK_CASES = 200


class BulkForm(forms.Form):
    cases = forms.MultipleChoiceField(error_messages={"required": _("Pilih minimal satu laporan.")})
    action = forms.ChoiceField(choices=BULK_ACTIONS, error_messages=_CHOICE)
    assignee = forms.IntegerField(
        required=False, error_messages={"invalid": _("Petugas tidak dikenal.")}
    )
    priority = forms.ChoiceField(
        choices=[("", ""), *Priority.choices], required=False, error_messages=_CHOICE
    )
    next = forms.CharField(required=False, max_length=2000)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Any tracking number is acceptable input; each is checked against the viewer's scope.
        submitted = self.data.getlist("cases") if hasattr(self.data, "getlist") else []
        cast(forms.ChoiceField, self.fields["cases"]).choices = [(n, n) for n in submitted]

    def clean_cases(self) -> list[str]:
        numbers = list(dict.fromkeys(n.strip().upper() for n in self.cleaned_data["cases"]))
        if len(numbers) > MAX_BULK_CASES:
            raise forms.ValidationError(
                _("Paling banyak %(max)d laporan sekaligus.") % {"max": MAX_BULK_CASES}
            )
        return [n for n in numbers if n]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("action") == "assign" and not data.get("assignee"):
            self.add_error("assignee", _("Pilih petugas yang ditugaskan."))
        if data.get("action") == "priority" and not data.get("priority"):
            self.add_error("priority", _("Pilih prioritas baru."))
        return data


# -- the case page's forms, built for one case ------------------------------------------------


def _initial(case: Case) -> dict[str, Any]:
    return {"version": case.version}


def action_forms(case: Case, channel: ReplyChannel) -> dict[str, forms.Form]:
    """The unbound forms offered on the case page, given its status."""
    initial = _initial(case)
    reply_key = {"key": secrets.token_urlsafe(12)}
    built: dict[str, forms.Form] = {
        "claim": ClaimForm(initial=initial),
        "reply": ReplyForm(initial=reply_key, channel=channel),
        "note": NoteForm(),
    }
    if case.is_open:
        agencies = disposal_targets(case)
        built |= {
            "assign": assign_form(case, None),
            "info": RequestInfoForm(initial=initial | reply_key, channel=channel),
            "dispose": DisposeForm(initial=initial, agencies=agencies),
            "forward": ForwardForm(initial=initial, agencies=agencies),
            "merge": MergeForm(initial=initial),
            "category": CategoryForm(
                initial=initial | {"category": case.category_id},
                categories=category_list_active(pemda=case.pemda),
            ),
            "priority": PriorityForm(initial=initial | {"priority": case.priority}),
            "resolve": ResolveForm(initial=initial),
        }
    if case.status == CaseStatus.RESOLVED:
        built["reopen"] = ReopenForm(initial=initial)
    return built


def disposal_targets(case: Case) -> QuerySet[Agency]:
    """Every active agency of the case's Pemda but the current one (internal and external)."""
    agencies = Agency.objects.filter(pemda_id=case.pemda_id, is_active=True).order_by("path")
    return agencies.exclude(pk=case.agency_id) if case.agency_id else agencies


def assign_form(case: Case, data: Any) -> AssignForm:
    staff = staff_list_for_agency(case.agency) if case.agency else User.objects.none()
    return AssignForm(data, initial=_initial(case), staff=staff)
