from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sigap.channels.models import ChannelAccount

SECRET_FIELDS = ("app_secret", "access_token", "verify_token", "webhook_secret", "password")


class ChannelAccountForm(forms.ModelForm):
    """Secrets are write-only: the form never renders a stored value, and a blank field keeps
    the stored secret (type a new value to replace it)."""

    class Meta:
        model = ChannelAccount
        fields = [
            "pemda", "agency", "kind", "code", "name", "external_id", "display_address",
            *SECRET_FIELDS, "config", "is_active",
        ]  # fmt: skip
        widgets = {name: forms.PasswordInput(render_value=False) for name in SECRET_FIELDS}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in SECRET_FIELDS:
            # A view-only admin page builds this form without any field.
            field = self.fields.get(name)
            if field is None:
                continue
            field.required = False
            stored = bool(self.instance.pk and getattr(self.instance, name))
            field.help_text = (
                _("Tersimpan (terenkripsi). Kosongkan untuk tetap memakai nilai lama.")
                if stored
                else _("Belum diisi.")
            )
            field.initial = ""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name in SECRET_FIELDS:
            if name in self.fields and not cleaned.get(name) and self.instance.pk:
                cleaned[name] = getattr(self.instance, name)
        return cleaned
