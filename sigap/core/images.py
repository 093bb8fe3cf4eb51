"""Metadata out of citizens' photos, without re-encoding a pixel.

A phone photo carries who took it and where: EXIF (GPS position, camera serial, owner or
"Artist"), XMP, Photoshop/IPTC blocks, comments. On an anonymous case those would name the
reporter to the agency. Sigap stores every image without them (``strip_image_metadata`` at
intake) and the download of an older one strips them again for viewers who read the case masked.

Each format is rewritten from an allowlist of the structures that draw the picture; everything
else (metadata, vendor blocks, data after the end of the image such as a "motion photo" video)
is left out, so an unknown way of carrying metadata is dropped too. The compressed image data
is copied byte for byte: lossless, and an image without metadata comes out unchanged.

- JPEG: keeps SOF/DHT/DAC/DQT/DRI/DNL/SOS and the scans, APP0 JFIF, APP2 ICC profile and
  APP14 Adobe (colour decoding needs them). The EXIF orientation survives as a one-entry EXIF
  block, otherwise portrait photos would lie on their side.
- PNG: keeps the chunks that define pixels, colour and animation; drops tEXt, zTXt, iTXt, eXIf,
  tIME and anything unknown.
- WebP: keeps VP8/VP8L/VP8X/ALPH/ANIM/ANMF/ICCP, drops EXIF and XMP (and clears their VP8X
  flags).
- GIF: keeps images, graphic controls and the NETSCAPE looping block; drops comments and other
  application blocks (XMP).

Malformed structure raises ``ImageStructureError``: a stripper guessing around damage could
leave metadata behind. Intake then keeps the file as received (``image_without_metadata``: it
is the citizen's evidence, and no camera writes such files), and the download refuses it to
viewers who read the case masked.
"""

from __future__ import annotations

import struct


class ImageStructureError(ValueError):
    """The bytes are not a well-formed image of the sniffed type."""


def strip_image_metadata(content: bytes, mime: str) -> bytes:
    """``content`` without metadata when ``mime`` is an image type handled here; other types
    (PDF, audio, video, HEIC) unchanged. Raises ``ImageStructureError`` on a damaged image."""
    stripper = _STRIPPERS.get(mime)
    return stripper(content) if stripper else content


def can_strip(mime: str) -> bool:
    """Whether metadata of this image type can be removed here (HEIC, AVIF, TIFF cannot)."""
    return mime in _STRIPPERS


def image_without_metadata(content: bytes, mime: str) -> bytes:
    """``strip_image_metadata``, or ``content`` as it is when its structure is damaged."""
    try:
        return strip_image_metadata(content, mime)
    except ImageStructureError:
        return content


# --- JPEG ---------------------------------------------------------------------------------------

_SOI, _EOI, _SOS = 0xD8, 0xD9, 0xDA
_APP0, _APP1, _APP2, _APP14 = 0xE0, 0xE1, 0xE2, 0xEE
# Markers without a length: TEM and the restart markers inside scans.
_STANDALONE = {0x01, *range(0xD0, 0xD8)}
# Frame headers (SOF0-15 less DHT C4, JPG C8, DAC CC), tables, restart interval, line count.
_IMAGE_SEGMENTS = {*range(0xC0, 0xD0), 0xDB, 0xDD, 0xDC} - {0xC8}
_ORIENTATION_TAG = 0x0112


def _strip_jpeg(content: bytes) -> bytes:
    if content[:2] != b"\xff\xd8":
        raise ImageStructureError("no JPEG start of image")
    out = bytearray(b"\xff\xd8")
    position = 2
    orientation_kept = False
    while position < len(content):
        marker, position = _next_marker(content, position)
        if marker == _EOI:
            out += b"\xff\xd9"
            break  # whatever follows the image (a video, a second image) is not kept
        if marker in _STANDALONE:
            out += bytes((0xFF, marker))
            continue
        segment, position = _segment(content, position)
        if marker == _APP1 and segment.startswith(b"Exif\x00\x00"):
            if not orientation_kept:
                out += _orientation_only_exif(segment[6:])
                orientation_kept = True
        else:
            out += _kept_segment(marker, segment)
        if marker == _SOS:
            scan_end = _scan_end(content, position)
            out += content[position:scan_end]
            position = scan_end
    return bytes(out)


def _next_marker(content: bytes, position: int) -> tuple[int, int]:
    """The marker at ``position`` (fill bytes 0xFF before it skipped) and where its body starts."""
    if content[position] != 0xFF:
        raise ImageStructureError(f"no JPEG marker at {position}")
    while position < len(content) and content[position] == 0xFF:
        position += 1
    if position >= len(content) or content[position] == 0x00:
        raise ImageStructureError("no JPEG marker after 0xFF")
    return content[position], position + 1


def _segment(content: bytes, position: int) -> tuple[bytes, int]:
    """A segment's body (without marker and length) and the position after it."""
    if position + 2 > len(content):
        raise ImageStructureError("JPEG segment length cut off")
    (length,) = struct.unpack(">H", content[position : position + 2])
    end = position + length
    if length < 2 or end > len(content):
        raise ImageStructureError("JPEG segment runs past the end")
    return content[position + 2 : end], end


def _kept_segment(marker: int, body: bytes) -> bytes:
    keep = (
        marker in _IMAGE_SEGMENTS
        or marker == _SOS
        or (marker == _APP0 and body.startswith(b"JFIF\x00"))
        or (marker == _APP2 and body.startswith(b"ICC_PROFILE\x00"))
        or (marker == _APP14 and body.startswith(b"Adobe"))
    )
    if keep:
        return bytes((0xFF, marker)) + struct.pack(">H", len(body) + 2) + body
    return b""


def _scan_end(content: bytes, position: int) -> int:
    """Where the entropy-coded data after an SOS header ends: at the next marker that is not
    a stuffed 0xFF00, a restart marker or fill. A cut-off scan ends with the file."""
    while True:
        found = content.find(b"\xff", position)
        if found < 0 or found + 1 >= len(content):
            return len(content)
        following = content[found + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            position = found + 1 if following == 0xFF else found + 2
            continue
        return found


def _orientation_only_exif(tiff: bytes) -> bytes:
    """An APP1 EXIF segment holding only the photo's orientation (2-8), or nothing."""
    orientation = _exif_orientation(tiff)
    if orientation is None or orientation == 1:
        return b""
    entry = struct.pack(">HHIHH", _ORIENTATION_TAG, 3, 1, orientation, 0)
    body = b"Exif\x00\x00MM\x00\x2a" + struct.pack(">I", 8) + struct.pack(">H", 1) + entry
    body += struct.pack(">I", 0)  # no further IFD
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


def _exif_orientation(tiff: bytes) -> int | None:
    """The Orientation tag of IFD0, read defensively (a damaged EXIF block yields None)."""
    order = {b"II": "<", b"MM": ">"}.get(tiff[:2])
    if order is None or len(tiff) < 8:
        return None
    (offset,) = struct.unpack(order + "I", tiff[4:8])
    if offset + 2 > len(tiff):
        return None
    (count,) = struct.unpack(order + "H", tiff[offset : offset + 2])
    for index in range(count):
        start = offset + 2 + 12 * index
        if start + 12 > len(tiff):
            return None
        tag, kind, number = struct.unpack(order + "HHI", tiff[start : start + 8])
        if tag == _ORIENTATION_TAG and kind == 3 and number == 1:
            (value,) = struct.unpack(order + "H", tiff[start + 8 : start + 10])
            return value if 1 <= value <= 8 else None
    return None


# --- PNG ----------------------------------------------------------------------------------------

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_KEPT = {
    b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT",
    b"bKGD", b"pHYs", b"hIST", b"acTL", b"fcTL", b"fdAT", b"cICP", b"mDCv", b"cLLi",
}  # fmt: skip


def _strip_png(content: bytes) -> bytes:
    if not content.startswith(_PNG_SIGNATURE):
        raise ImageStructureError("no PNG signature")
    out = bytearray(_PNG_SIGNATURE)
    position = len(_PNG_SIGNATURE)
    while position < len(content):
        if position + 8 > len(content):
            raise ImageStructureError("PNG chunk header cut off")
        length, kind = struct.unpack(">I4s", content[position : position + 8])
        end = position + 12 + length  # header, data, CRC
        if end > len(content):
            raise ImageStructureError("PNG chunk runs past the end")
        if kind in _PNG_KEPT:
            out += content[position:end]
        position = end
        if kind == b"IEND":
            break
    return bytes(out)


# --- WebP ---------------------------------------------------------------------------------------

_WEBP_KEPT = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF", b"ICCP"}
_VP8X_EXIF, _VP8X_XMP = 0x08, 0x04


def _strip_webp(content: bytes) -> bytes:
    if len(content) < 12 or content[:4] != b"RIFF" or content[8:12] != b"WEBP":
        raise ImageStructureError("no WebP header")
    (riff_size,) = struct.unpack("<I", content[4:8])
    end_of_riff = min(len(content), 8 + riff_size)
    chunks = bytearray()
    position = 12
    while position + 8 <= end_of_riff:
        kind, size = struct.unpack("<4sI", content[position : position + 8])
        end = position + 8 + size + (size & 1)  # chunks are padded to an even size
        if position + 8 + size > end_of_riff:
            raise ImageStructureError("WebP chunk runs past the end")
        chunk = content[position:end]
        if kind == b"VP8X" and size >= 1:
            flags = chunk[8] & ~(_VP8X_EXIF | _VP8X_XMP)
            chunk = chunk[:8] + bytes((flags,)) + chunk[9:]
        if kind in _WEBP_KEPT:
            chunks += chunk
        position = end
    return b"RIFF" + struct.pack("<I", 4 + len(chunks)) + b"WEBP" + bytes(chunks)


# --- GIF ----------------------------------------------------------------------------------------


def _strip_gif(content: bytes) -> bytes:
    if content[:6] not in (b"GIF87a", b"GIF89a") or len(content) < 13:
        raise ImageStructureError("no GIF header")
    flags = content[10]
    position = 13 + (3 * 2 ** ((flags & 0x07) + 1) if flags & 0x80 else 0)
    out = bytearray(content[:position])
    while True:
        if position >= len(content):
            raise ImageStructureError("GIF ends without a trailer")
        block = content[position]
        if block == 0x3B:  # trailer
            return bytes(out + b"\x3b")
        if block == 0x2C:  # image: descriptor, local colour table, LZW size, data
            image_flags = _byte(content, position + 9)
            start = position
            position += 10 + (3 * 2 ** ((image_flags & 0x07) + 1) if image_flags & 0x80 else 0)
            position = _sub_blocks_end(content, position + 1)
            out += content[start:position]
        elif block == 0x21:  # extension: label, then data sub-blocks
            label = _byte(content, position + 1)
            end = _sub_blocks_end(content, position + 2)
            looping = label == 0xFF and content[position + 3 : position + 14] in _LOOPING
            if label == 0xF9 or looping:
                out += content[position:end]
            position = end
        else:
            raise ImageStructureError(f"unknown GIF block {block:#x}")


_LOOPING = {b"NETSCAPE2.0", b"ANIMEXTS1.0"}


def _byte(content: bytes, position: int) -> int:
    if position >= len(content):
        raise ImageStructureError("GIF cut off")
    return content[position]


def _sub_blocks_end(content: bytes, position: int) -> int:
    """The position after a chain of data sub-blocks (each a size byte, 0 ends it)."""
    while True:
        size = _byte(content, position)
        position += 1 + size
        if size == 0:
            return position


_STRIPPERS = {
    "image/jpeg": _strip_jpeg,
    "image/png": _strip_png,
    "image/webp": _strip_webp,
    "image/gif": _strip_gif,
}
