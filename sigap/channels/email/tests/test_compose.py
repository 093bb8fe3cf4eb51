"""compose_reply builds threaded, tagged RFC 5322 replies that our own parser reads back."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pytest

from sigap.channels.email.compose import compose_reply, reply_subject, thread_references
from sigap.channels.email.parsing import parse_email

CITIZEN_ID = "CAJx8kR2ePq+Vw3o1Qn9=mT7s0LhZb4uYd5fG6hJk@mail.gmail.com"


def reply(**overrides: Any) -> tuple[str, bytes]:
    arguments: dict[str, Any] = {
        "from_address": "lapor@bandungkab.go.id",
        "from_name": "Sigap Kabupaten Bandung",
        "to_address": "siti.rahma@gmail.com",
        "subject": "Jalan berlubang di Jl. Raya Banjaran",
        "text": "Laporan Anda kami terima dengan nomor BDG-2611-00042.\nTerima kasih — Sigap.",
        "tracking_number": "BDG-2611-00042",
        "message_id_domain": "bandungkab.go.id",
        "in_reply_to": f"<{CITIZEN_ID}>",
    }
    arguments.update(overrides)
    return compose_reply(**arguments)


def headers_of(raw: bytes) -> str:
    return raw.split(b"\r\n\r\n", 1)[0].decode("ascii")


def test_acknowledgement_reads_back_as_a_threaded_auto_reply() -> None:
    sent_at = datetime(2026, 11, 2, 2, 15, tzinfo=UTC)

    message_id, raw = reply(automatic=True, date=sent_at)
    parsed = parse_email(raw)

    assert re.fullmatch(r"sigap\.[0-9a-f]{32}@bandungkab\.go\.id", message_id)
    assert parsed.message_id == message_id
    assert parsed.in_reply_to == CITIZEN_ID
    assert parsed.references == (CITIZEN_ID,)
    assert parsed.from_address == "lapor@bandungkab.go.id"
    assert parsed.from_name == "Sigap Kabupaten Bandung"
    assert parsed.to_addresses == ("siti.rahma@gmail.com",)
    assert parsed.subject == "Re: [BDG-2611-00042] Jalan berlubang di Jl. Raya Banjaran"
    assert parsed.date == sent_at
    assert parsed.text == (
        "Laporan Anda kami terima dengan nomor BDG-2611-00042.\nTerima kasih — Sigap."
    )
    assert parsed.tracking_numbers == ("BDG-2611-00042",)
    assert parsed.is_auto_reply and parsed.auto_reply_reason == "Auto-Submitted: auto-replied"
    assert "X-Auto-Response-Suppress: All" in headers_of(raw)


def test_staff_reply_is_not_marked_automatic() -> None:
    _, raw = reply(automatic=False)

    parsed = parse_email(raw)

    assert not parsed.is_auto_reply
    assert "Auto-Submitted" not in headers_of(raw)
    assert "X-Auto-Response-Suppress" not in headers_of(raw)


def test_message_is_seven_bit_crlf_and_within_line_limits() -> None:
    _, raw = reply(from_name="Dinas PU — Kab. Bandung", text="Baik 👍 " * 300)

    assert raw.isascii()
    lines = raw.split(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in lines) <= 998
    assert b'Content-Type: text/plain; charset="utf-8"' in raw
    assert parse_email(raw).from_name == "Dinas PU — Kab. Bandung"


def test_message_ids_are_unique() -> None:
    ids = {reply()[0] for _ in range(50)}

    assert len(ids) == 50


def test_long_message_ids_are_never_encoded_words() -> None:
    # The email package would wrap a >78-character id into =?utf-8?q?...?=, breaking threading.
    long_id = "CA" + "x" * 120 + "@mail.gmail.com"

    _, raw = reply(in_reply_to=long_id, references=[f"<{long_id}>"])

    assert "=?" not in headers_of(raw)
    assert parse_email(raw).in_reply_to == long_id


def test_references_end_with_the_parent_and_keep_the_root() -> None:
    history = [f"<id{number}@warga.id>" for number in range(30)]

    thread = thread_references(history, "id10@warga.id")

    assert len(thread) == 20
    assert thread[0] == "id0@warga.id"
    assert thread[-1] == "id10@warga.id"
    assert thread.count("id10@warga.id") == 1


def test_references_header_accepts_a_raw_header_value() -> None:
    _, raw = reply(references=[f"<root@warga.id> <{CITIZEN_ID}>"])

    assert parse_email(raw).references == ("root@warga.id", CITIZEN_ID)


def test_without_parent_no_threading_headers() -> None:
    _, raw = reply(in_reply_to=None)

    assert "In-Reply-To" not in headers_of(raw)
    assert "References" not in headers_of(raw)


@pytest.mark.parametrize(
    ("subject", "result"),
    [
        ("Jalan rusak", "Re: [BDG-2611-00042] Jalan rusak"),
        ("Re: Jalan rusak", "Re: [BDG-2611-00042] Jalan rusak"),
        ("RE: Re: re: Jalan rusak", "Re: [BDG-2611-00042] Jalan rusak"),
        ("Re: [BDG-2611-00042] Jalan rusak", "Re: [BDG-2611-00042] Jalan rusak"),
        ("Re: Re: [BDG-2611-00042] Re: Jalan rusak", "Re: [BDG-2611-00042] Jalan rusak"),
        ("[bdg-2611-00042] Jalan rusak", "Re: [BDG-2611-00042] Jalan rusak"),
        ("Fwd: AW: Balas: Jalan rusak", "Re: [BDG-2611-00042] Jalan rusak"),
        ("Re[2]: Jalan rusak", "Re: [BDG-2611-00042] Jalan rusak"),
        ("", "Re: [BDG-2611-00042]"),
        ("Jalan\r\nBcc: semua@contoh.id", "Re: [BDG-2611-00042] Jalan Bcc: semua@contoh.id"),
        ("Reklame liar", "Re: [BDG-2611-00042] Reklame liar"),
    ],
)
def test_reply_subject_tags_once(subject: str, result: str) -> None:
    assert reply_subject(subject, "BDG-2611-00042") == result


def test_header_injection_through_an_address_is_refused() -> None:
    with pytest.raises(ValueError):
        reply(to_address="warga@contoh.id\r\nBcc: semua@contoh.id")


@pytest.mark.parametrize("domain", ["", "localhost", "a b.id", "x@y.id", "<y.id>"])
def test_unusable_message_id_domain_is_refused(domain: str) -> None:
    with pytest.raises(ValueError):
        reply(message_id_domain=domain)
