"""What every webhook checks before it trusts a body: that it has a length, and that it parses.

Length. Django reads a request body only as far as ``Content-Length`` says. A body sent with
``Transfer-Encoding: chunked`` and no ``Content-Length`` (gunicorn passes it on that way) is
read as empty, so its signature would fail and an authentic delivery would be refused as
forged, with nothing telling the sender why. Such a request is answered 411 before any
signature check, with the reason in the log, so the relay's operator can fix it.

Parsing. ``json.loads`` raises ``RecursionError``, not ``ValueError``, on a deeply nested body
(``[[[[…]]]]``): a few kilobytes would otherwise crash a webhook or fail its event over and over.
``json_parse`` turns it into the ``ValueError`` every caller already treats as unreadable.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from django.http import HttpRequest

logger = logging.getLogger(__name__)

LENGTH_REQUIRED = "Content-Length wajib (Transfer-Encoding chunked tidak diterima)"
BAD_LENGTH = "Content-Length tidak sah"


class TooDeep(ValueError):
    """A JSON body nested too deeply to parse: unreadable like any malformed body."""


def json_parse(raw: bytes | str) -> Any:
    """``json.loads`` whose every failure is a ``ValueError`` (``TooDeep`` for nesting)."""
    try:
        return json.loads(raw)
    except RecursionError:
        raise TooDeep("JSON bersarang terlalu dalam") from None


def length_refusal(request: HttpRequest, channel: str) -> tuple[int, str] | None:
    """(status, Indonesian reason) when the body's length is unknown or unreadable, else None.

    Call it first: a refusal here means the body was never read, so nothing can be checked or
    stored. A POST with neither ``Content-Length`` nor ``Transfer-Encoding`` has an empty body
    (RFC 9112 6.3) and passes, to be refused by the signature check as before.
    """
    declared = request.META.get("CONTENT_LENGTH") or ""
    if not declared:
        encoding = request.META.get("HTTP_TRANSFER_ENCODING") or ""
        if not encoding:
            return None
        logger.warning(
            "%s webhook %s refused with 411: Transfer-Encoding %r without Content-Length; the"
            " body cannot be read to check its signature, so the sender must send"
            " Content-Length. Nothing stored.", channel, request.path, encoding[:40],
        )  # fmt: skip
        return 411, LENGTH_REQUIRED
    if not (declared.isascii() and declared.isdigit()):
        logger.warning(
            "%s webhook %s refused with 400: Content-Length %r is not a number. Nothing stored.",
            channel, request.path, declared[:40],
        )  # fmt: skip
        return 400, BAD_LENGTH
    return None


def declared_length(request: HttpRequest) -> int:
    """The ``Content-Length`` the sender declared; 0 when absent or not a number (the real
    length of what was read is checked after)."""
    declared = request.META.get("CONTENT_LENGTH") or ""
    return int(declared) if declared.isascii() and declared.isdigit() else 0
