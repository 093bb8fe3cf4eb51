"""Canned replies: kept by each agency (or Pemda-wide by the system admin) in /admin/."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from sigap.console.canned import VARIABLES, canned_render
from sigap.console.models import CannedReply
from sigap.core.admin_scoping import AgencyScopedAdmin
from sigap.core.errors import DomainError


class CannedReplyForm(forms.ModelForm):
    class Meta:
        model = CannedReply
        fields = ["pemda", "agency", "title", "body", "is_active"]
        help_texts = {
            "agency": _("Kosongkan agar tersedia untuk semua instansi (hanya admin sistem)."),
            "body": _("Variabel yang dapat dipakai: %(names)s.")
            % {"names": ", ".join(f"{{{name}}}" for name in VARIABLES)},
        }

    def clean_body(self) -> str:
        body: str = self.cleaned_data["body"]
        try:  # a typo in a variable is caught here, not when an officer sends the reply
            canned_render(body, {name: "" for name in VARIABLES})
        except DomainError as exc:
            raise forms.ValidationError(exc.message) from exc
        return body

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        agency, pemda = data.get("agency"), data.get("pemda")
        if agency is not None and pemda is not None and agency.pemda_id != pemda.pk:
            self.add_error("agency", _("Instansi ini bukan bagian dari Pemda yang dipilih."))
        return data


@admin.register(CannedReply)
class CannedReplyAdmin(AgencyScopedAdmin):
    form = CannedReplyForm
    list_display = ["title", "agency", "is_active", "updated_at"]
    list_filter = ["is_active"]
    search_fields = ["title", "body"]
