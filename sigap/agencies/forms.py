from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from sigap.agencies.services import (
    login_failure_record,
    login_failures_clear,
    login_is_locked,
)


class LockoutAuthenticationForm(AuthenticationForm):
    """Django's login form with a lockout after repeated failures for one username."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Nama pengguna atau kata sandi salah."),
        "locked": _(
            "Terlalu banyak percobaan masuk yang gagal. Akun dikunci sementara; coba lagi nanti."
        ),
    }

    def clean(self) -> dict[str, Any]:
        username = (self.data.get("username") or "").strip()
        ip_address = self.request.META.get("REMOTE_ADDR") if self.request else None
        if username and login_is_locked(username=username, ip_address=ip_address):
            raise forms.ValidationError(self.error_messages["locked"], code="locked")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            if username:
                login_failure_record(username=username, ip_address=ip_address)
            raise
        login_failures_clear(username=username)
        return cleaned


class AdminLockoutAuthenticationForm(LockoutAuthenticationForm, AdminAuthenticationForm):
    """The admin's login (staff accounts only) behind the console's lockout: the same failure
    count locks both doors, so /admin/login/ is no way around it.

    A non-staff account's right password is refused here like a wrong one, and counted: the
    admin login must not tell a guesser which it was.
    """

    error_messages = {
        **LockoutAuthenticationForm.error_messages,
        "invalid_login": _(
            "Nama pengguna atau kata sandi salah, atau akun ini bukan akun pengelola."
        ),
    }


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Nama token"),
        max_length=100,
        help_text=_("Mis. 'Integrasi e-office'. Token hanya ditampilkan sekali."),
    )
