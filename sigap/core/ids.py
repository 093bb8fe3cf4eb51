"""Public identifiers: never expose primary keys."""

from __future__ import annotations

import secrets

# Crockford-like alphabet without look-alikes (0/O, 1/I/L) so codes survive being read aloud.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def public_code(length: int = 10) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def citizen_token() -> str:
    """Unguessable token for a citizen's status link (192 bits)."""
    return secrets.token_urlsafe(24)
