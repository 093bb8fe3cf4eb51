"""The citizen's rating form on the status page; every message in Indonesian."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

RATING_CHOICES = [(n, str(n)) for n in range(1, 6)]


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Nilai"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Pilih nilai 1 sampai 5."),
            "invalid_choice": _("Nilai harus antara 1 dan 5."),
        },
    )
    comment = forms.CharField(
        label=_("Komentar (opsional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Komentar paling banyak 1.000 karakter.")},
    )
    disputed = forms.BooleanField(label=_("Masalah saya belum selesai"), required=False)

    def __init__(self, *args: Any, can_dispute: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not can_dispute:
            del self.fields["disputed"]
