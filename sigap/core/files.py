"""Attachment checks: the type is sniffed from the bytes, never trusted from the name."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from sigap.core.errors import DomainError


@dataclass(frozen=True)
class SniffedType:
    mime: str
    extension: str


def _is_mp4(head: bytes) -> bool:
    return head[4:8] == b"ftyp" and head[8:12] not in {b"heic", b"heix", b"mif1"}


def _is_heic(head: bytes) -> bool:
    return head[4:8] == b"ftyp" and head[8:12] in {b"heic", b"heix", b"mif1"}


def _is_webp(head: bytes) -> bool:
    return head[:4] == b"RIFF" and head[8:12] == b"WEBP"


def _is_wav(head: bytes) -> bool:
    return head[:4] == b"RIFF" and head[8:12] == b"WAVE"


# Magic numbers of the formats citizens and staff send (photos, voice notes, video, documents).
_SIGNATURES: list[tuple[object, SniffedType]] = [
    (b"\xff\xd8\xff", SniffedType("image/jpeg", "jpg")),
    (b"\x89PNG\r\n\x1a\n", SniffedType("image/png", "png")),
    (b"GIF87a", SniffedType("image/gif", "gif")),
    (b"GIF89a", SniffedType("image/gif", "gif")),
    (_is_webp, SniffedType("image/webp", "webp")),
    (_is_heic, SniffedType("image/heic", "heic")),
    (b"%PDF-", SniffedType("application/pdf", "pdf")),
    (b"OggS", SniffedType("audio/ogg", "ogg")),
    (b"ID3", SniffedType("audio/mpeg", "mp3")),
    (b"\xff\xfb", SniffedType("audio/mpeg", "mp3")),
    (b"#!AMR", SniffedType("audio/amr", "amr")),
    (_is_wav, SniffedType("audio/wav", "wav")),
    (_is_mp4, SniffedType("video/mp4", "mp4")),
    (b"\x1a\x45\xdf\xa3", SniffedType("video/webm", "webm")),
    # Office Open XML documents are zip files; we accept them as documents.
    (b"PK\x03\x04", SniffedType("application/zip", "zip")),
]


def sniff(content: bytes) -> SniffedType | None:
    head = content[:32]
    for signature, sniffed in _SIGNATURES:
        if isinstance(signature, bytes):
            if head.startswith(signature):
                return sniffed
        elif callable(signature) and signature(head):
            return sniffed
    return None


def check_attachment(content: bytes, *, name: str = "") -> SniffedType:
    """Validate size and type; raise ``DomainError`` with an Indonesian message otherwise."""
    limit = settings.SIGAP_MAX_ATTACHMENT_BYTES
    if len(content) == 0:
        raise DomainError(_("Lampiran kosong."), code="attachment_empty")
    if len(content) > limit:
        raise DomainError(
            _("Lampiran terlalu besar (%(size)d MB); batasnya %(limit)d MB.")
            % {"size": len(content) // (1024 * 1024), "limit": limit // (1024 * 1024)},
            code="attachment_too_large",
        )
    sniffed = sniff(content)
    if sniffed is None:
        raise DomainError(
            _("Jenis berkas %(name)s tidak didukung. Kirim foto, video, suara, atau PDF.")
            % {"name": name or "ini"},
            code="attachment_type",
        )
    return sniffed
