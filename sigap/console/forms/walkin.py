"""Walk-in entry: a complaint received by phone, letter or at the desk, typed in by staff."""

from __future__ import annotations

import re
import uuid
from typing import Any

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from sigap.agencies.models import Agency, Pemda
from sigap.cases.services.intake import MAX_TEXT_LENGTH
from sigap.catalog.models import Category
from sigap.contacts.models import Channel
from sigap.contacts.services import normalize_msisdn
from sigap.regions.models import Region, RegionLevel

WALKIN_CHANNELS = [
    (Channel.WALK_IN.value, Channel.WALK_IN.label),
    (Channel.PHONE.value, Channel.PHONE.label),
    (Channel.LETTER.value, Channel.LETTER.label),
]
# Indonesian mobile and landline numbers in international form: 62 and 7 to 13 more digits.
_MSISDN = re.compile(r"^62[0-9]{7,13}$")


class WalkinForm(forms.Form):
    channel = forms.ChoiceField(label=_("Diterima melalui"), choices=WALKIN_CHANNELS)
    reporter_name = forms.CharField(label=_("Nama pelapor"), max_length=150, required=False)
    reporter_phone = forms.CharField(
        label=_("Nomor telepon/WhatsApp pelapor"),
        max_length=20,
        required=False,
        help_text=_("Opsional. Mis. 0812-3456-7890; dipakai untuk mengabari pelapor."),
    )
    title = forms.CharField(label=_("Judul"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Isi laporan"), widget=forms.Textarea(attrs={"rows": 6}), max_length=MAX_TEXT_LENGTH
    )
    category = forms.ModelChoiceField(
        label=_("Kategori"), queryset=Category.objects.none(), required=False
    )
    agency = forms.ModelChoiceField(
        label=_("Instansi tujuan"),
        queryset=Agency.objects.none(),
        required=False,
        to_field_name="code",
        help_text=_("Kosongkan agar Sigap merutekan laporan secara otomatis."),
    )
    kecamatan = forms.ModelChoiceField(
        label=_("Kecamatan"), queryset=Region.objects.none(), required=False, to_field_name="code"
    )
    desa = forms.ModelChoiceField(
        label=_("Desa/kelurahan"),
        queryset=Region.objects.none(),
        required=False,
        to_field_name="code",
    )
    location_text = forms.CharField(label=_("Lokasi kejadian"), max_length=255, required=False)
    is_anonymous = forms.BooleanField(
        label=_("Anonim (identitas pelapor disembunyikan dari instansi)"), required=False
    )
    is_confidential = forms.BooleanField(
        label=_("Rahasia (laporan tidak ditampilkan ke publik)"), required=False
    )
    attachment = forms.FileField(label=_("Lampiran"), required=False)
    # One id per form shown: a double submit finds the case made by the first one.
    submission_id = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    error_messages = {
        "phone": _("Nomor telepon tidak valid. Tulis nomor Indonesia, mis. 081234567890."),
        "desa": _("Desa/kelurahan tersebut tidak berada di kecamatan yang dipilih."),
        "agency_required": _("Pilih instansi tujuan."),
        "too_large": _("Lampiran terlalu besar; batasnya %(limit)d MB."),
    }

    def __init__(
        self,
        *args: Any,
        pemda: Pemda,
        agencies: QuerySet[Agency],
        agency_required: bool,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["category"].queryset = Category.objects.filter(pemda=pemda, is_active=True)
        fields["agency"].queryset = agencies
        fields["agency"].required = agency_required
        fields["agency"].error_messages["required"] = self.error_messages["agency_required"]
        fields["agency"].empty_label = (
            _("— pilih instansi —") if agency_required else _("— rutekan otomatis —")
        )
        if agency_required:  # staff of an agency record for it: nothing is routed for them
            fields["agency"].help_text = _("Instansi yang akan menangani laporan ini.")
        fields["category"].empty_label = _("— belum ditentukan —")
        regions = Region.objects.filter(code__startswith=f"{pemda.region.code}.") if (
            pemda.region
        ) else Region.objects.none()  # fmt: skip
        fields["kecamatan"].queryset = regions.filter(level=RegionLevel.KECAMATAN)
        fields["desa"].queryset = regions.filter(level=RegionLevel.DESA_KELURAHAN)
        fields["description"].error_messages["required"] = _("Isi laporan wajib diisi.")

    def clean_reporter_phone(self) -> str:
        raw = self.cleaned_data.get("reporter_phone", "").strip()
        if not raw:
            return ""
        number = normalize_msisdn(raw)
        if not _MSISDN.match(number) or re.search(r"[A-Za-z]", raw):
            raise forms.ValidationError(self.error_messages["phone"], code="phone")
        return number

    def clean_description(self) -> str:
        text = self.cleaned_data.get("description", "").strip()
        if not text:
            raise forms.ValidationError(_("Isi laporan wajib diisi."), code="required")
        return text

    def clean_attachment(self) -> Any:
        upload = self.cleaned_data.get("attachment")
        limit = settings.SIGAP_MAX_ATTACHMENT_BYTES
        if upload is not None and upload.size > limit:
            raise forms.ValidationError(
                self.error_messages["too_large"] % {"limit": limit // (1024 * 1024)},
                code="too_large",
            )
        return upload

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        kecamatan, desa = cleaned.get("kecamatan"), cleaned.get("desa")
        if desa is not None and kecamatan is not None and desa.parent_id != kecamatan.pk:
            self.add_error("desa", forms.ValidationError(self.error_messages["desa"], "desa"))
        return cleaned

    @property
    def region(self) -> Region | None:
        return self.cleaned_data.get("desa") or self.cleaned_data.get("kecamatan")
