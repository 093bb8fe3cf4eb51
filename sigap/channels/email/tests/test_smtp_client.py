"""send() against the SMTP stand-in: delivery, and temporary versus permanent failures."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import replace

import pytest

from sigap.channels.email.compose import compose_reply
from sigap.channels.email.parsing import parse_email
from sigap.channels.email.smtp_client import (
    SmtpConfig,
    SmtpPermanentError,
    SmtpTemporaryError,
    send,
)
from sigap.standins.smtp import SmtpStandin

USER, PASSWORD = "lapor@bandungkab.go.id", "sandi-rahasia"
SENDER = "lapor@bandungkab.go.id"
CITIZEN = "siti.rahma@gmail.com"


@pytest.fixture
def relay() -> Iterator[SmtpStandin]:
    with SmtpStandin(user=USER, password=PASSWORD) as server:
        yield server


@pytest.fixture
def config(relay: SmtpStandin) -> SmtpConfig:
    return SmtpConfig(
        host="127.0.0.1", port=relay.port, username=USER, password=PASSWORD, starttls=False,
        use_ssl=False, timeout=5, local_hostname="sigap.test",
    )  # fmt: skip


def acknowledgement() -> tuple[str, bytes]:
    return compose_reply(
        from_address=SENDER,
        from_name="Sigap Kabupaten Bandung",
        to_address=CITIZEN,
        subject="Jalan berlubang",
        text="Laporan Anda kami terima.\n.\nBaris yang diawali titik tetap utuh.",
        tracking_number="BDG-2611-00042",
        message_id_domain="bandungkab.go.id",
        automatic=True,
    )


def test_sent_message_arrives_intact(relay: SmtpStandin, config: SmtpConfig) -> None:
    message_id, raw = acknowledgement()

    send(config, from_address=SENDER, to_addresses=[CITIZEN], raw=raw)

    [received] = relay.wait_for_messages(1)
    assert received.raw == raw  # a lone "." line survived dot-stuffing both ways
    assert received.envelope_from == SENDER
    assert received.recipients == (CITIZEN,)
    assert received.authenticated_as == USER
    assert received.helo == "sigap.test"
    parsed = parse_email(received.raw)
    assert parsed.message_id == message_id
    assert parsed.text == "Laporan Anda kami terima.\n.\nBaris yang diawali titik tetap utuh."


def test_relay_without_credentials_gets_no_auth() -> None:
    with SmtpStandin() as open_relay:
        config = SmtpConfig(
            host="127.0.0.1", port=open_relay.port, username="", password="", starttls=False,
            use_ssl=False, timeout=5,
        )  # fmt: skip

        send(config, from_address=SENDER, to_addresses=[CITIZEN], raw=acknowledgement()[1])

        assert open_relay.wait_for_messages(1)[0].authenticated_as is None
        assert not any(c.line.upper().startswith("AUTH") for c in open_relay.commands())


def test_temporary_refusal_at_rcpt(relay: SmtpStandin, config: SmtpConfig) -> None:
    relay.fail_next(stage="rcpt", code=451)

    with pytest.raises(SmtpTemporaryError) as caught:
        send(config, from_address=SENDER, to_addresses=[CITIZEN], raw=acknowledgement()[1])

    assert caught.value.retryable is True
    assert caught.value.code == 451
    assert caught.value.refused[CITIZEN][0] == 451
    assert relay.messages == []


def test_permanent_refusal_at_rcpt(relay: SmtpStandin, config: SmtpConfig) -> None:
    relay.fail_next(stage="rcpt", code=550)

    with pytest.raises(SmtpPermanentError) as caught:
        send(config, from_address=SENDER, to_addresses=[CITIZEN], raw=acknowledgement()[1])

    assert caught.value.retryable is False
    assert caught.value.code == 550
    assert "menolak penerima" in caught.value.message


def test_partial_refusal_lists_only_the_refused_recipient(
    relay: SmtpStandin, config: SmtpConfig
) -> None:
    relay.fail_next(stage="rcpt", code=550)

    with pytest.raises(SmtpPermanentError) as caught:
        send(config, from_address=SENDER, to_addresses=["hilang@warga.id", CITIZEN], raw=b"x")

    assert list(caught.value.refused) == ["hilang@warga.id"]
    assert relay.wait_for_messages(1)[0].recipients == (CITIZEN,)


@pytest.mark.parametrize(
    ("stage", "code", "error"),
    [
        ("end_of_data", 451, SmtpTemporaryError),
        ("end_of_data", 554, SmtpPermanentError),
        ("mail", 452, SmtpTemporaryError),
        ("mail", 553, SmtpPermanentError),
        ("data", 451, SmtpTemporaryError),
        ("connect", 421, SmtpTemporaryError),
        ("connect", 554, SmtpPermanentError),
    ],
)
def test_reply_codes_decide_whether_to_retry(
    relay: SmtpStandin, config: SmtpConfig, stage: str, code: int, error: type[Exception]
) -> None:
    relay.fail_next(stage=stage, code=code)

    with pytest.raises(error) as caught:
        send(config, from_address=SENDER, to_addresses=[CITIZEN], raw=acknowledgement()[1])

    assert caught.value.code == code  # type: ignore[attr-defined]
    assert relay.messages == []


def test_dropped_connection_is_temporary(relay: SmtpStandin, config: SmtpConfig) -> None:
    relay.fail_next(stage="data", drop=True)

    with pytest.raises(SmtpTemporaryError):
        send(config, from_address=SENDER, to_addresses=[CITIZEN], raw=acknowledgement()[1])


def test_wrong_password_is_permanent(config: SmtpConfig) -> None:
    with pytest.raises(SmtpPermanentError) as caught:
        send(
            replace(config, password="salah"),
            from_address=SENDER,
            to_addresses=[CITIZEN],
            raw=acknowledgement()[1],
        )

    assert caught.value.code == 535


def test_missing_starttls_is_a_configuration_error(config: SmtpConfig) -> None:
    with pytest.raises(SmtpPermanentError) as caught:
        send(replace(config, starttls=True), from_address=SENDER, to_addresses=[CITIZEN], raw=b"x")

    assert "STARTTLS" in caught.value.message


def test_connection_refused_is_temporary(config: SmtpConfig) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free_port = probe.getsockname()[1]

    with pytest.raises(SmtpTemporaryError) as caught:
        send(replace(config, port=free_port), from_address=SENDER, to_addresses=[CITIZEN], raw=b"x")

    assert "koneksi ditolak" in caught.value.message


def test_silent_server_times_out(config: SmtpConfig) -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()

        with pytest.raises(SmtpTemporaryError) as caught:
            send(
                replace(config, port=silent.getsockname()[1], timeout=0.3),
                from_address=SENDER,
                to_addresses=[CITIZEN],
                raw=b"x",
            )

    assert "tidak menjawab" in caught.value.message
