"""What every HTTP transport shares: one pooled client per process, and media errors."""

from __future__ import annotations

import httpx
from django.conf import settings

_client: httpx.Client | None = None


class MediaError(Exception):
    """A file could not be fetched; ``retryable`` is False when trying again cannot help."""

    def __init__(self, message: str, *, retryable: bool = True) -> None:
        super().__init__(message)
        self.retryable = retryable


def client() -> httpx.Client:
    """One pooled client per process: keep-alive to the providers matters at high volume."""
    global _client
    if _client is None:
        _client = httpx.Client(timeout=settings.SIGAP_HTTP_TIMEOUT_SECONDS)
    return _client
