"""Template filters that keep personal data out of pages that must not show it."""

from __future__ import annotations

from django import template

from sigap.routing.detectors.pii import mask_personal_data

register = template.Library()


@register.filter
def personal_data_masked(text: str | None, masked: bool = True) -> str:
    """Mask NIK, phone numbers, e-mail addresses and account numbers when ``masked`` is true.

    Usage: ``{{ case.description|personal_data_masked }}`` on public pages, or
    ``{{ message.text|personal_data_masked:mask_pii }}`` where the view decides per viewer.
    """
    if text is None:
        return ""
    return mask_personal_data(str(text)) if masked else str(text)
