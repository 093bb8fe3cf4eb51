"""Encryption at rest for channel secrets (app secrets, access tokens, bot tokens, passwords)."""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.db import models


@lru_cache(maxsize=1)
def _fernet() -> Fernet:
    configured = settings.SIGAP_ENCRYPTION_KEY
    if configured:
        return Fernet(configured.encode())
    # Derived from SECRET_KEY so the embedded default works with no extra variable.
    digest = hashlib.sha256(("sigap-secrets:" + settings.SECRET_KEY).encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def encrypt(plain: str) -> str:
    if not plain:
        return ""
    return _fernet().encrypt(plain.encode()).decode()


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise ValueError("Rahasia tidak dapat dibuka: kunci enkripsi berubah?") from exc


class EncryptedTextField(models.TextField):
    """Stores Fernet ciphertext; Python code sees the plain value.

    Forms and admin must never render the value back (see ``SecretInput`` in admin).
    """

    def from_db_value(self, value, expression, connection):
        if value is None:
            return value
        return decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None:
            return value
        return encrypt(value)
