"""Which notification kinds a staff member also receives by email and by WhatsApp."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sigap.sla.models import ALWAYS_WHATSAPP_KINDS, NotificationKind, NotificationPreference


class NotificationPreferenceForm(forms.Form):
    email_kinds = forms.MultipleChoiceField(
        label=_("Email"),
        choices=NotificationKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    whatsapp_kinds = forms.MultipleChoiceField(
        label=_("WhatsApp"),
        choices=NotificationKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    @classmethod
    def for_preference(cls, preference: NotificationPreference) -> NotificationPreferenceForm:
        kinds = set(NotificationKind.values)
        return cls(
            initial={
                "email_kinds": [k for k in preference.email_kinds or [] if k in kinds],
                "whatsapp_kinds": [k for k in preference.whatsapp_kinds or [] if k in kinds]
                + sorted(ALWAYS_WHATSAPP_KINDS),
            }
        )

    def rows(self) -> list[dict[str, Any]]:
        """One row per kind for the preferences table: the label and both checkbox states."""
        email = set(self._selected("email_kinds"))
        whatsapp = set(self._selected("whatsapp_kinds")) | ALWAYS_WHATSAPP_KINDS
        return [
            {
                "value": value,
                "label": label,
                "email": value in email,
                "whatsapp": value in whatsapp,
                "whatsapp_locked": value in ALWAYS_WHATSAPP_KINDS,
            }
            for value, label in NotificationKind.choices
        ]

    def _selected(self, name: str) -> list[str]:
        if self.is_bound:
            data = self.data  # a QueryDict from the POST
            return [str(value) for value in data.getlist(name)] if hasattr(data, "getlist") else []
        return [str(value) for value in self.initial.get(name, [])]
