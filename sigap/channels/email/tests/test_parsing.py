"""parse_email against recorded-style messages from the mail clients citizens use."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sigap.channels.email.parsing import (
    Attachment,
    EmailTooLarge,
    ParsedEmail,
    find_tracking_numbers,
    parse_email,
)

FIXTURES = Path(__file__).parent / "fixtures"
WIB = timezone(timedelta(hours=7))
ACK_ID = "sigap.3f9a1c0e7b2d4e6f8a1b2c3d4e5f6a7b@bandungkab.go.id"
FIRST_ID = "CAJx8kR2ePq+Vw3o1Qn9=mT7s0LhZb4uYd5fG6hJk@mail.gmail.com"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def expected(**fields: object) -> ParsedEmail:
    """A ParsedEmail with the defaults of an ordinary citizen message, overridden by `fields`."""
    values: dict[str, object] = {
        "in_reply_to": None,
        "references": (),
        "cc_addresses": (),
        "attachments": (),
        "tracking_numbers": (),
        "is_auto_reply": False,
        "auto_reply_reason": None,
        "is_bounce": False,
        "bounce_reason": None,
        "bounced_message_id": None,
        "defects": (),
    }
    values.update(fields)
    return ParsedEmail(**values)


# -- one test per recorded message: every field asserted ------------------------------------


def test_plain_indonesian_complaint() -> None:
    parsed = parse_email(fixture("complaint_plain.eml"))

    assert parsed == expected(
        message_id=FIRST_ID,
        from_address="siti.rahma@gmail.com",
        from_name="Siti Rahma",
        to_addresses=("lapor@bandungkab.go.id",),
        cc_addresses=("dputr@bandungkab.go.id",),
        subject="Jalan berlubang di Jl. Raya Banjaran",
        date=datetime(2026, 11, 2, 9, 11, 52, tzinfo=WIB),
        # Quoted-printable soft breaks joined, the signature after "-- " removed.
        text=(
            "Selamat pagi Bapak/Ibu,\n\n"
            "Saya ingin melaporkan jalan berlubang di Jl. Raya Banjaran km 12, depan Pasar "
            "Banjaran. Lubangnya sudah sekitar 1 meter dan dalam, sudah dua pengendara motor "
            "jatuh minggu ini. Mohon segera diperbaiki sebelum musim hujan — terima kasih.\n\n"
            "Lokasi: https://maps.app.goo.gl/Xk3vQ8bN2pR5tW7y9"
        ),
    )
    assert not parsed.is_automated
    assert parsed.thread_ids == ()


def test_html_only_windows_1252_message_becomes_readable_text() -> None:
    parsed = parse_email(fixture("html_only_windows1252.eml"))

    assert parsed == expected(
        message_id="000601dc4c2e$8a1b3c40$9e51b4c0$@yahoo.co.id",
        from_address="agus.hermawan@yahoo.co.id",
        from_name="Agus Hermawan",
        to_addresses=("lapor@bandungkab.go.id",),
        # A raw 0x96 byte in the header: not UTF-8, so read as windows-1252 (en dash).
        subject="Lampu jalan mati – gelap total di Baleendah",
        date=datetime(2026, 11, 3, 19, 40, 11, tzinfo=WIB),
        # <style>, <title> and <script> dropped, smart quotes and é decoded, list bullets and
        # the link target kept.
        text=(
            "Yth. Dinas Perhubungan,\n\n"
            "Lampu PJU di Jl. Siliwangi, Baleendah sudah mati sejak Sabtu. Warga bilang "
            "“takut lewat malam” karena gelap total.\n"
            "Ada tiga titik:\n\n"
            "- depan Masjid Al-Ikhlas\n"
            "- pertigaan Café Pojok\n"
            "- dekat jembatan\n\n"
            "Peta: lihat di sini (https://maps.app.goo.gl/Bl3nD4hK9)\n\n"
            "Terima kasih,\n"
            "Agus"
        ),
    )


def test_photo_and_rfc2231_named_document_are_attachments() -> None:
    parsed = parse_email(fixture("attachment_jpeg.eml"))

    jpeg = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
    pdf = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
    assert parsed == expected(
        message_id="CAHq2v9Lw8+Tz0Y3oX1cK6eRj7dP5mN4bQ2sFuA9gV@mail.gmail.com",
        from_address="dewi.lestari88@gmail.com",
        from_name="Dewi Lestari",
        to_addresses=("lapor@bandungkab.go.id",),
        subject="Sampah menumpuk di TPS Cileunyi (foto terlampir)",
        date=datetime(2026, 11, 4, 7, 5, 33, tzinfo=WIB),
        # text/plain chosen over its text/html alternative.
        text=(
            "Sampah di TPS Cileunyi sudah 5 hari tidak diangkut, baunya sampai ke rumah\n"
            "warga. Foto terlampir."
        ),
        attachments=(
            Attachment("IMG_20261104_065512.jpg", jpeg, "image/jpeg"),
            Attachment("surat pengaduan – RT 03.pdf", pdf, "application/pdf"),
        ),
    )
    assert parsed.attachments[0].content.startswith(b"\xff\xd8\xff")


def test_reply_to_our_acknowledgement_keeps_only_the_new_words() -> None:
    parsed = parse_email(fixture("reply_to_ack.eml"))

    assert parsed == expected(
        message_id="CAJx8kR2fQw+Ab7c9Zt0Lm3=Np5rS6uVx8yDq1eGh@mail.gmail.com",
        in_reply_to=ACK_ID,
        references=(FIRST_ID, ACK_ID),
        from_address="siti.rahma@gmail.com",
        from_name="Siti Rahma",
        to_addresses=("lapor@bandungkab.go.id",),
        subject="Re: [BDG-2611-00042] Jalan berlubang di Jl. Raya Banjaran",
        date=datetime(2026, 11, 3, 16, 2, 45, tzinfo=WIB),
        # Gmail's Indonesian attribution, wrapped over two lines, and the '>' quote removed.
        text=(
            "Terima kasih. Tadi sore ada motor jatuh lagi di lubang yang sama, mohon\ndipercepat."
        ),
        tracking_numbers=("BDG-2611-00042",),
    )
    assert parsed.thread_ids == (ACK_ID, FIRST_ID)


def test_gmail_vacation_responder_is_an_auto_reply() -> None:
    parsed = parse_email(fixture("gmail_out_of_office.eml"))

    assert parsed == expected(
        message_id="CAGp1x7vacation3Kd9=Yq2Wm5Rb8Tn0Lc4Hs6Jf@mail.gmail.com",
        in_reply_to=ACK_ID,
        references=(ACK_ID,),
        from_address="budi.santoso@gmail.com",
        from_name="Budi Santoso",
        to_addresses=("lapor@bandungkab.go.id",),
        subject="Sedang cuti sampai 10 November",
        date=datetime(2026, 11, 3, 10, 0, 4, tzinfo=WIB),
        text=(
            "Terima kasih atas email Anda. Saya sedang cuti sampai 10 November 2026 dan\n"
            "akan membalas setelah kembali."
        ),
        is_auto_reply=True,
        auto_reply_reason="Auto-Submitted: auto-replied",
    )
    assert parsed.is_automated


def test_outlook_automatic_reply_is_an_auto_reply() -> None:
    parsed = parse_email(fixture("outlook_automatic_reply.eml"))

    assert parsed == expected(
        message_id=(
            "SG2PR06MB5312A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6E7F8"
            "@SG2PR06MB5312.apcprd06.prod.outlook.com"
        ),
        in_reply_to="sigap.77aa00bb11cc22dd33ee44ff55667788@bandungkab.go.id",
        from_address="rina.kusuma@outlook.co.id",
        from_name="Rina Kusuma",
        to_addresses=("lapor@bandungkab.go.id",),
        subject="Automatic reply: [BDG-2611-00043] Pohon tumbang di Soreang",
        date=datetime(2026, 11, 4, 2, 15, 37, tzinfo=UTC),
        text="Saya sedang di luar kantor sampai Senin. Untuk hal mendesak hubungi 022-5891234.",
        tracking_numbers=("BDG-2611-00043",),
        is_auto_reply=True,
        auto_reply_reason="X-Auto-Response-Suppress",
    )


def test_delivery_status_bounce_names_our_failed_message() -> None:
    parsed = parse_email(fixture("bounce_dsn.eml"))

    assert parsed == expected(
        message_id="20261105013012.4QkZ8d0Lq1@mail.bandungkab.go.id",
        from_address="mailer-daemon@mail.bandungkab.go.id",
        from_name="Mail Delivery System",
        to_addresses=("lapor@bandungkab.go.id",),
        subject="Undelivered Mail Returned to Sender",
        date=datetime(2026, 11, 5, 8, 30, 12, tzinfo=WIB),
        # The human-readable part only: neither the report nor the returned message.
        text=(
            "This is the mail system at host mail.bandungkab.go.id.\n\n"
            "I'm sorry to have to inform you that your message could not\n"
            "be delivered to one or more recipients. It's attached below.\n\n"
            "<warga.lama@yahoo.co.id>: host mta7.am0.yahoodns.net[67.195.204.72] said: 554\n"
            "    delivery error: dd This user doesn't have a yahoo.co.id account\n"
            "    (warga.lama@yahoo.co.id) [0] - mta4003.mail.gq1.yahoo.com (in reply to\n"
            "    end of DATA command)"
        ),
        is_auto_reply=True,
        auto_reply_reason="Auto-Submitted: auto-replied",
        is_bounce=True,
        bounce_reason="multipart/report; report-type=delivery-status",
        bounced_message_id="sigap.c0ffee00112233445566778899aabbcc@bandungkab.go.id",
    )
    # The returned message's tracking number must not thread the bounce into that case.
    assert parsed.tracking_numbers == ()


def test_mailing_list_post_is_not_a_complaint() -> None:
    parsed = parse_email(fixture("mailing_list.eml"))

    assert parsed == expected(
        message_id="CAKw3nT0list+Pq7Rz2=Vy8Ux5Mb1Lc9Nd4Ke6Jh@mail.gmail.com",
        from_address="hendra.w@gmail.com",
        from_name="Hendra Wijaya",
        to_addresses=("warga-baleendah@googlegroups.com",),
        cc_addresses=("lapor@bandungkab.go.id",),
        subject="[warga-baleendah] Jadwal kerja bakti Minggu ini",
        date=datetime(2026, 11, 6, 20, 11, 9, tzinfo=WIB),
        text="Kerja bakti membersihkan selokan hari Minggu jam 7 pagi. Mohon bawa cangkul.",
        is_auto_reply=True,
        auto_reply_reason="List-Id (mailing list)",
    )


def test_rfc2047_name_and_folded_subject_are_decoded() -> None:
    parsed = parse_email(fixture("encoded_words.eml"))

    assert parsed == expected(
        message_id="20261107064500.7f3e@rw07-dayeuhkolot.id",
        from_address="dede.sopandi@rw07-dayeuhkolot.id",
        # The decoded name contains a comma: the address was split before decoding.
        from_name="Dédé Sopandi, S.T. — Ketua RW 07",
        to_addresses=("lapor@bandungkab.go.id",),
        subject="Krisis air bersih — Dayeuhkolot (RW 07)",
        # "-0000" is UTC with an unknown local zone (RFC 5322 3.3): aware, not naive.
        date=datetime(2026, 11, 7, 6, 45, tzinfo=UTC),
        text=(
            "Sumur bor warga di RW 07 Dayeuhkolot kering sejak kemarau.\n"
            "Mohon bantuan air bersih — ±120 kepala keluarga terdampak."
        ),
    )


def test_malformed_message_gives_what_could_be_read() -> None:
    raw = fixture("malformed.eml")

    parsed = parse_email(raw)

    assert parsed.message_id.startswith("sha256:") and len(parsed.message_id) == 7 + 64
    assert parse_email(raw).message_id == parsed.message_id  # stable across polls
    assert parsed.in_reply_to is None
    assert parsed.references == ()
    assert parsed.from_address == ""  # "From: warga tanpa alamat" has no address to answer
    assert parsed.from_name == "warga"
    assert parsed.to_addresses == ("lapor@bandungkab.go.id",)
    assert parsed.cc_addresses == ()
    assert parsed.subject == "not valid base64 laporan jalan"
    assert parsed.date is None
    assert "\x00" not in parsed.text  # PostgreSQL text columns refuse NUL
    assert "NUL and bad UTF-8" in parsed.text
    assert parsed.text.startswith("Laporan terpotong...")
    assert parsed.attachments == ()
    assert parsed.tracking_numbers == ("BDG-2611-00077",)
    assert not parsed.is_auto_reply and parsed.auto_reply_reason is None
    assert not parsed.is_bounce and parsed.bounce_reason is None
    assert parsed.bounced_message_id is None
    assert "missing Message-ID" in parsed.defects
    assert "unreadable Date: kemarin sore" in parsed.defects
    assert "CloseBoundaryNotFoundDefect" in parsed.defects


def test_outlook_header_block_quote_is_removed() -> None:
    parsed = parse_email(fixture("reply_outlook_quoted.eml"))

    assert parsed == expected(
        message_id="000a01dc4d11$22aa33bb$44cc55dd$@yahoo.co.id",
        in_reply_to="sigap.0123456789abcdef0123456789abcdef@bandungkab.go.id",
        references=("sigap.0123456789abcdef0123456789abcdef@bandungkab.go.id",),
        from_address="agus.hermawan@yahoo.co.id",
        from_name="Agus Hermawan",
        to_addresses=("lapor@bandungkab.go.id",),
        subject="RE: Re: [BDG-2611-00044] Lampu jalan mati",
        date=datetime(2026, 11, 4, 8, 20, tzinfo=WIB),
        # Labelled iso-8859-1 but written by Outlook: 0x93/0x94 are windows-1252 quotes.
        text="Sudah menyala lagi sejak semalam, terima kasih “cepat sekali”.\n\nSalam,\nAgus",
        tracking_numbers=("BDG-2611-00044",),
    )


def test_format_flowed_reply_is_unwrapped() -> None:
    parsed = parse_email(fixture("reply_flowed.eml"))

    assert parsed == expected(
        message_id="4b1e2c3d-5f6a-7b8c-9d0e-1f2a3b4c5d6e@maulana.web.id",
        in_reply_to="sigap.aaaabbbbccccddddeeeeffff00001111@bandungkab.go.id",
        from_address="yusuf@maulana.web.id",
        from_name="Yusuf Maulana",
        to_addresses=("lapor@bandungkab.go.id",),
        subject="Re: [BDG-2611-00045] Banjir di Dayeuhkolot",
        date=datetime(2026, 11, 5, 12, 0, tzinfo=WIB),
        text=(
            "Air sudah surut di RT 01, tapi di RT 02 masih setinggi lutut dan warga "
            "butuh perahu karet untuk evakuasi lansia."
        ),
        tracking_numbers=("BDG-2611-00045",),
    )


# -- size guard and synthetic ids -----------------------------------------------------------


def test_oversized_message_is_refused_before_parsing() -> None:
    raw = b"Subject: besar\r\n\r\n" + b"x" * 100

    with pytest.raises(EmailTooLarge) as caught:
        parse_email(raw, max_bytes=100)

    assert caught.value.size == len(raw) and caught.value.limit == 100
    assert parse_email(raw, max_bytes=len(raw)).subject == "besar"


def test_messages_without_message_id_get_distinct_stable_ids() -> None:
    first = parse_email(b"From: a@warga.id\r\n\r\nsatu\r\n")
    second = parse_email(b"From: a@warga.id\r\n\r\ndua\r\n")

    assert first.message_id != second.message_id
    assert first.message_id == parse_email(b"From: a@warga.id\r\n\r\nsatu\r\n").message_id


def test_message_id_without_angle_brackets_is_accepted() -> None:
    parsed = parse_email(b"Message-ID: abc.123@warga.id\r\nIn-Reply-To: <x@y> (comment)\r\n\r\n")

    assert parsed.message_id == "abc.123@warga.id"
    assert parsed.in_reply_to == "x@y"


# -- machine-written mail --------------------------------------------------------------------


def message(headers: str, body: str = "Isi pesan.") -> bytes:
    return f"From: Warga <warga@contoh.id>\r\n{headers}\r\n\r\n{body}\r\n".encode()


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ("Auto-Submitted: auto-generated", "Auto-Submitted: auto-generated"),
        ("Auto-Submitted: auto-replied; owner-email=a@b.c", "Auto-Submitted: auto-replied"),
        ("X-Autoreply: yes", "X-Autoreply"),
        ("X-Autorespond: Saya sedang cuti", "X-Autorespond"),
        ("Precedence: bulk", "Precedence: bulk"),
        ("Precedence: junk", "Precedence: junk"),
        ("Precedence: list", "Precedence: list"),
        ("Precedence: auto_reply", "Precedence: auto_reply"),
        ("List-Unsubscribe: <mailto:keluar@milis.id>", "List-Unsubscribe (mailing list)"),
        ("Subject: Out of Office: Jalan rusak", "subject: Out of Office: Jalan rusak"),
        ("Subject: Automatic reply: Jalan rusak", "subject: Automatic reply: Jalan rusak"),
        ("Subject: Balasan otomatis: Jalan rusak", "subject: Balasan otomatis: Jalan rusak"),
        ("Subject: Balasan Otomatis: Laporan", "subject: Balasan Otomatis: Laporan"),
        ("Subject: Auto: Jalan rusak", "subject: Auto: Jalan rusak"),
        ("Subject: AutoReply: cuti", "subject: AutoReply: cuti"),
    ],
)
def test_auto_replies_are_recognised(headers: str, reason: str) -> None:
    parsed = parse_email(message(headers))

    assert parsed.is_auto_reply
    assert parsed.auto_reply_reason == reason
    assert not parsed.is_bounce


@pytest.mark.parametrize(
    "headers",
    [
        "Auto-Submitted: no",
        "Precedence: first-class",
        "Subject: Auto parkir liar di Soreang",
        "Subject: Re: Out of office jam berapa?",
        "Subject: Laporan otomatis tidak terkirim",
    ],
)
def test_ordinary_mail_is_not_an_auto_reply(headers: str) -> None:
    parsed = parse_email(message(headers))

    assert not parsed.is_automated


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ("Sender: x@y.z\r\nFrom: postmaster@mail.warga.id", "sender postmaster@mail.warga.id"),
        ("Return-Path: <>", "Return-Path: <>"),
        ("X-Failed-Recipients: hilang@warga.id", "X-Failed-Recipients"),
        ("Subject: Undeliverable: Laporan Anda", "subject: Undeliverable: Laporan Anda"),
    ],
)
def test_bounces_are_recognised(headers: str, reason: str) -> None:
    raw = f"{headers}\r\n\r\nDelivery failed.\r\n".encode()

    parsed = parse_email(raw)

    assert parsed.is_bounce
    assert parsed.bounce_reason == reason


def test_exchange_style_bounce_with_rfc822_headers_part() -> None:
    raw = (
        b"From: Microsoft Outlook <postmaster@pemda.onmicrosoft.com>\r\n"
        b"To: lapor@bandungkab.go.id\r\n"
        b"Subject: Undeliverable: Re: [BDG-2611-00050] Drainase\r\n"
        b'Content-Type: multipart/report; report-type="delivery-status"; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
        b"Your message to budi@contoh.id couldn't be delivered.\r\n"
        b"--b\r\nContent-Type: message/delivery-status\r\n\r\n"
        b"Reporting-MTA: dns;SG2PR06MB5312.apcprd06.prod.outlook.com\r\n\r\n"
        b"Final-Recipient: rfc822;budi@contoh.id\r\nAction: failed\r\nStatus: 5.1.10\r\n"
        b"--b\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        b"From: Sigap <lapor@bandungkab.go.id>\r\n"
        b"Message-ID: <sigap.feedface@bandungkab.go.id>\r\n"
        b"--b--\r\n"
    )

    parsed = parse_email(raw)

    assert parsed.is_bounce
    assert parsed.bounce_reason == "multipart/report; report-type=delivery-status"
    assert parsed.bounced_message_id == "sigap.feedface@bandungkab.go.id"
    assert parsed.text == "Your message to budi@contoh.id couldn't be delivered."
    assert parsed.tracking_numbers == ("BDG-2611-00050",)


# -- citizen text ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Masih rusak.\r\n\r\nOn Mon, 2 Nov 2026 at 09:15, Sigap <lapor@a.go.id> wrote:\r\n> Halo",
        "Masih rusak.\r\n\r\nOn Mon, 2 Nov 2026 at 09:15, Sigap Kabupaten Bandung\r\n"
        "<lapor@a.go.id> wrote:\r\n\r\n> Halo",
        "Masih rusak.\r\n\r\n-----Original Message-----\r\nFrom: Sigap\r\nSent: Senin\r\n\r\nHalo",
        "Masih rusak.\r\n-----Pesan Asli-----\r\nDari: Sigap\r\n\r\nHalo",
        "Masih rusak.\r\n\r\nFrom: Sigap <lapor@a.go.id>\r\nSent: Monday\r\nTo: Budi\r\n"
        "Subject: Re: Jalan\r\n\r\nHalo",
        "Masih rusak.\r\n\r\n-- \r\nBudi\r\nKetua RT 02",
        "Masih rusak.\r\n\r\nDikirim dari iPhone saya",
        "> Halo dari Sigap\r\nMasih rusak.\r\n> Sudah kami teruskan",
    ],
)
def test_quotes_and_signatures_are_removed(body: str) -> None:
    parsed = parse_email(message("Subject: Re: Jalan", body))

    assert parsed.text == "Masih rusak."


def test_a_line_starting_with_dari_is_kept_when_it_is_not_a_header_block() -> None:
    body = "Dari: Budi, warga RT 03\r\nJalan di depan rumah saya rusak."

    parsed = parse_email(message("Subject: Jalan", body))

    assert parsed.text == "Dari: Budi, warga RT 03\nJalan di depan rumah saya rusak."


def test_bare_forward_keeps_the_forwarded_text() -> None:
    body = "-----Original Message-----\r\nFrom: Tetangga\r\nSent: Senin\r\n\r\nAir PDAM mati."

    parsed = parse_email(message("Subject: Fw: air", body))

    assert "Air PDAM mati." in parsed.text


def test_gmail_html_reply_drops_the_blockquote() -> None:
    html = (
        '<div dir="ltr">Lubang makin besar.<br></div><br>'
        '<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, 2 Nov 2026 at '
        "09:15 Sigap &lt;lapor@a.go.id&gt; wrote:<br></div>"
        '<blockquote class="gmail_quote"><div>Laporan BDG-2611-00042 diterima.</div>'
        "</blockquote></div>"
    )
    raw = message("Subject: Re: x\r\nContent-Type: text/html; charset=utf-8", html)

    parsed = parse_email(raw)

    assert parsed.text == "Lubang makin besar."
    # The quoted tracking number is still found, after the subject and own text.
    assert parsed.tracking_numbers == ("BDG-2611-00042",)


def test_utf8_label_over_windows_1252_bytes_falls_back() -> None:
    raw = b"Content-Type: text/plain; charset=utf-8\r\n\r\nCaf\xe9 \x93tutup\x94\r\n"

    assert parse_email(raw).text == "Café “tutup”"


def test_unknown_charset_label_falls_back_to_utf8() -> None:
    raw = "Content-Type: text/plain; charset=x-klingon\r\n\r\nAir ± 20 cm\r\n".encode()

    assert parse_email(raw).text == "Air ± 20 cm"


def test_empty_plain_part_falls_back_to_html() -> None:
    raw = (
        b'Content-Type: multipart/alternative; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain\r\n\r\n \r\n"
        b"--b\r\nContent-Type: text/html\r\n\r\n<p>Banjir &amp; longsor</p>\r\n--b--\r\n"
    )

    assert parse_email(raw).text == "Banjir & longsor"


def test_attachment_paths_are_reduced_to_a_file_name() -> None:
    raw = (
        b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain\r\n\r\nFoto\r\n"
        b"--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; "
        b'filename="..\\\\..\\\\windows\\\\evil.exe"\r\n\r\nMZ\r\n'
        b"--b\r\nContent-Type: image/png\r\nContent-ID: <logo>\r\n\r\npng\r\n--b--\r\n"
    )

    parsed = parse_email(raw)

    assert [a.filename for a in parsed.attachments] == ["evil.exe", "lampiran-3.png"]


# -- tracking numbers ------------------------------------------------------------------------


def test_tracking_numbers_are_found_in_order_without_repeats() -> None:
    found = find_tracking_numbers(
        "Re: [BDG-2611-00042] Jalan",
        "Terkait BDG-2611-00042 dan juga jkt-2610-000123, bukan ABCDEFG-2611-00042 "
        "atau BDG-2611-0004 atau BDG-26111-00042.",
    )

    assert found == ("BDG-2611-00042", "JKT-2610-000123")


# -- robustness ------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_never_raise(raw: bytes) -> None:
    parsed = parse_email(raw)

    assert parsed.message_id
    assert "\x00" not in parsed.text + parsed.subject + parsed.from_name


FIXTURE_BYTES = [path.read_bytes() for path in sorted(FIXTURES.glob("*.eml"))]
NASTY = [b"\r\n", b"\n", b"=?", b"?=", b"--", b"<", b">", b":", b";", b'"', b"\x00", b"\xff"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(FIXTURE_BYTES),
    st.lists(
        st.tuples(st.integers(0, 4000), st.integers(0, 30), st.sampled_from(NASTY)), max_size=8
    ),
)
def test_damaged_recorded_messages_never_raise(
    raw: bytes, edits: list[tuple[int, int, bytes]]
) -> None:
    data = bytearray(raw)
    for position, cut, insert in edits:
        position %= len(data) + 1
        data[position : position + cut] = insert

    parse_email(bytes(data))
