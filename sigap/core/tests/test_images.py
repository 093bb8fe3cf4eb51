"""Metadata stripping of images (``sigap.core.images``), on bytes built here.

Decoding in a real browser was checked separately on real photos (a camera JPEG with EXIF, XMP
and Photoshop blocks and restart markers, a progressive JPEG, Chromium-made JPEG/PNG/WebP,
CPython's test GIF/PNG/WebP): identical pixels before and after."""

from __future__ import annotations

import struct
import zlib

import pytest

from sigap.core.images import ImageStructureError, image_without_metadata, strip_image_metadata

SECRET = b"Budi Santoso"
GPS = b"GPS -6.9147,107.6098"


def segment(marker: int, body: bytes) -> bytes:
    return bytes((0xFF, marker)) + struct.pack(">H", len(body) + 2) + body


def exif(*, orientation: int | None = None) -> bytes:
    """A big-endian TIFF block: Artist (and Orientation) in IFD0, the GPS text after it."""
    entries = 1 + (orientation is not None)
    data_at = 8 + 2 + 12 * entries + 4
    artist = SECRET + b" " + GPS + b"\x00"
    ifd = [struct.pack(">HHII", 0x013B, 2, len(artist), data_at)]
    if orientation is not None:
        ifd.append(struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0))
    tiff = b"MM\x00\x2a" + struct.pack(">IH", 8, entries) + b"".join(sorted(ifd))
    return tiff + b"\x00\x00\x00\x00" + artist


FRAME = segment(0xDB, b"\x00" + bytes(64)) + segment(0xC0, b"\x08\x00\x01\x00\x01\x01\x01\x11\x00")
SCAN = segment(0xDA, b"\x01\x01\x00\x00\x3f\x00") + b"\x12\xff\x00\x34\xff\xd0\x56"
JFIF = segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
CLEAN_JPEG = b"\xff\xd8" + JFIF + FRAME + SCAN + b"\xff\xd9"


def dirty_jpeg(*, orientation: int | None = None) -> bytes:
    return (
        b"\xff\xd8"
        + JFIF
        + segment(0xE1, b"Exif\x00\x00" + exif(orientation=orientation))
        + segment(0xE1, b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta>" + SECRET + b"</x:xmpmeta>")
        + segment(0xED, b"Photoshop 3.0\x008BIM" + SECRET)
        + segment(0xFE, b"comment " + SECRET)
        + FRAME
        + SCAN
        + b"\xff\xd9"
        + b"motion photo "
        + GPS  # data after the end of the image
    )


def test_jpeg_loses_exif_xmp_iptc_comments_and_trailing_data_not_a_pixel():
    stripped = strip_image_metadata(dirty_jpeg(), "image/jpeg")
    assert stripped == CLEAN_JPEG
    assert SECRET not in stripped and GPS not in stripped and b"Exif" not in stripped


def test_jpeg_keeps_its_orientation_alone():
    stripped = strip_image_metadata(dirty_jpeg(orientation=6), "image/jpeg")
    assert SECRET not in stripped and GPS not in stripped
    orientation_only = segment(
        0xE1, b"Exif\x00\x00MM\x00\x2a" + struct.pack(">IHHHIHHI", 8, 1, 0x0112, 3, 1, 6, 0, 0)
    )
    assert stripped == b"\xff\xd8" + JFIF + orientation_only + FRAME + SCAN + b"\xff\xd9"
    assert strip_image_metadata(stripped, "image/jpeg") == stripped  # idempotent


def test_clean_images_come_out_unchanged():
    assert strip_image_metadata(CLEAN_JPEG, "image/jpeg") == CLEAN_JPEG
    assert strip_image_metadata(CLEAN_PNG, "image/png") == CLEAN_PNG
    assert strip_image_metadata(b"%PDF-1.4 " + SECRET, "application/pdf") == b"%PDF-1.4 " + SECRET


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


IHDR = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0))
IDAT = chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00\xff"))
CLEAN_PNG = b"\x89PNG\r\n\x1a\n" + IHDR + IDAT + chunk(b"IEND", b"")


def test_png_loses_text_exif_and_time_chunks():
    dirty = (
        b"\x89PNG\r\n\x1a\n"
        + IHDR
        + chunk(b"tEXt", b"Author\x00" + SECRET)
        + chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + SECRET)
        + chunk(b"eXIf", exif())
        + chunk(b"tIME", b"\x07\xea\x0c\x05\x10\x00\x00")
        + IDAT
        + chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(GPS))
        + chunk(b"IEND", b"")
        + b"after the end "
        + SECRET
    )
    assert strip_image_metadata(dirty, "image/png") == CLEAN_PNG


def riff_chunk(kind: bytes, data: bytes) -> bytes:
    return kind + struct.pack("<I", len(data)) + data + (b"\x00" if len(data) % 2 else b"")


def webp(*chunks: bytes) -> bytes:
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def test_webp_loses_exif_and_xmp_chunks_and_their_flags():
    frame = riff_chunk(b"VP8 ", b"\x30\x01\x00\x9d\x01\x2a\x01\x00\x01\x00" + bytes(9))
    vp8x = riff_chunk(b"VP8X", bytes((0x08 | 0x04 | 0x10, 0, 0, 0)) + bytes(6))
    dirty = webp(
        vp8x,
        riff_chunk(b"ALPH", b"\x00\xff"),
        frame,
        riff_chunk(b"EXIF", exif()),
        riff_chunk(b"XMP ", b"<x:xmpmeta>" + SECRET + b"</x:xmpmeta>"),
    )
    stripped = strip_image_metadata(dirty, "image/webp")
    clean_vp8x = riff_chunk(b"VP8X", bytes((0x10, 0, 0, 0)) + bytes(6))
    assert stripped == webp(clean_vp8x, riff_chunk(b"ALPH", b"\x00\xff"), frame)


def test_gif_loses_comments_and_xmp_but_keeps_frames_and_looping():
    header = b"GIF89a" + struct.pack("<HHBBB", 1, 1, 0x80, 0, 0) + b"\x00\x00\x00\xff\xff\xff"
    looping = b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    control = b"\x21\xf9\x04\x00\x00\x00\x00\x00"
    image = b"\x2c" + struct.pack("<HHHHB", 0, 0, 1, 1, 0) + b"\x02\x02\x44\x01\x00"
    comment = b"\x21\xfe" + bytes((len(SECRET),)) + SECRET + b"\x00"
    xmp = b"\x21\xff\x0bXMP DataXMP" + bytes((len(GPS),)) + GPS + b"\x00"
    dirty = header + comment + looping + xmp + control + image + b"\x3b"
    assert strip_image_metadata(dirty, "image/gif") == header + looping + control + image + b"\x3b"


@pytest.mark.parametrize(
    ("content", "mime"),
    [
        (b"\xff\xd8\xff\xe0\x00\x00" + SECRET, "image/jpeg"),  # a segment length below 2
        (b"\xff\xd8" + segment(0xE1, b"Exif\x00\x00" + exif())[:20], "image/jpeg"),
        (b"\x89PNG\r\n\x1a\n" + IHDR + struct.pack(">I", 10**6) + b"tEXt" + SECRET, "image/png"),
        (b"GIF89a\x01\x00\x01\x00\x00\x00\x00\x21\xfe\x05abc", "image/gif"),
    ],
)
def test_damaged_images_are_refused_by_the_strict_stripper_and_kept_by_intake(content, mime):
    with pytest.raises(ImageStructureError):
        strip_image_metadata(content, mime)
    assert image_without_metadata(content, mime) == content
