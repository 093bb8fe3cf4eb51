"""The SMTP stand-in over real sockets: smtplib as a client, and raw protocol lines."""

from __future__ import annotations

import base64
import contextlib
import smtplib
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sigap.standins.smtp import SmtpStandin

USER, PASSWORD = "lapor@bandungkab.go.id", "sandi-rahasia"
MESSAGE = b"From: lapor@bandungkab.go.id\r\nSubject: Uji\r\n\r\nHalo.\r\n"


class RawClient:
    """Speaks SMTP line by line, to test what smtplib never sends."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        self.file = self.sock.makefile("rb")
        self.greeting = self.reply()

    def reply(self) -> tuple[int, list[str]]:
        """One reply, multi-line replies joined: (code, text lines)."""
        lines = []
        while True:
            line = self.file.readline().decode()
            assert line, "server closed the connection"
            lines.append(line[4:].rstrip("\r\n"))
            if line[3:4] != "-":
                return int(line[:3]), lines

    def command(self, line: str | bytes) -> tuple[int, list[str]]:
        data = line.encode() if isinstance(line, str) else line
        self.sock.sendall(data + b"\r\n")
        return self.reply()

    def close(self) -> None:
        self.file.close()
        self.sock.close()


@pytest.fixture
def server() -> Iterator[SmtpStandin]:
    with SmtpStandin(user=USER, password=PASSWORD, max_size=10_000) as standin:
        yield standin


@pytest.fixture
def raw(server: SmtpStandin) -> Iterator[RawClient]:
    client = RawClient(server.port)
    yield client
    client.close()


@pytest.fixture
def client(server: SmtpStandin) -> Iterator[smtplib.SMTP]:
    connection = smtplib.SMTP("127.0.0.1", server.port, local_hostname="sigap.test", timeout=5)
    yield connection
    with contextlib.suppress(smtplib.SMTPServerDisconnected):
        connection.quit()


def authenticated(raw: RawClient) -> RawClient:
    raw.command("EHLO sigap.test")
    plain = base64.b64encode(f"\0{USER}\0{PASSWORD}".encode()).decode()
    assert raw.command(f"AUTH PLAIN {plain}")[0] == 235
    return raw


# -- session ---------------------------------------------------------------------------------


def test_ehlo_advertises_auth_and_size_but_not_starttls(raw: RawClient) -> None:
    assert raw.greeting[0] == 220

    code, lines = raw.command("EHLO sigap.test")

    assert code == 250
    assert "AUTH PLAIN LOGIN" in lines
    assert "SIZE 10000" in lines
    assert not any("STARTTLS" in line for line in lines)
    assert raw.command("HELO sigap.test") == (250, ["smtp.standin.test"])


def test_smtplib_delivers_with_auth_and_the_envelope_is_stored(
    server: SmtpStandin, client: smtplib.SMTP
) -> None:
    client.login(USER, PASSWORD)

    refused = client.sendmail("lapor@bandungkab.go.id", ["a@warga.id", "b@warga.id"], MESSAGE)

    assert refused == {}
    [message] = server.wait_for_messages(1)
    assert message.envelope_from == "lapor@bandungkab.go.id"
    assert message.recipients == ("a@warga.id", "b@warga.id")
    assert message.raw == MESSAGE
    assert message.authenticated_as == USER
    assert message.helo == "sigap.test"


def test_dot_unstuffing(server: SmtpStandin, raw: RawClient) -> None:
    authenticated(raw)
    raw.command("MAIL FROM:<lapor@bandungkab.go.id>")
    raw.command("RCPT TO:<warga@contoh.id>")
    assert raw.command("DATA")[0] == 354

    code, _ = raw.command(b"Subject: titik\r\n\r\n..\r\n..baris\r\n...\r\nakhir\r\n.")

    assert code == 250
    assert server.messages[0].raw == b"Subject: titik\r\n\r\n.\r\n.baris\r\n..\r\nakhir\r\n"


@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
def test_auth_mechanisms_with_challenges(raw: RawClient, mechanism: str) -> None:
    raw.command("EHLO sigap.test")

    code, [challenge] = raw.command(f"AUTH {mechanism}")
    assert code == 334
    if mechanism == "PLAIN":
        assert challenge == ""
        final = raw.command(base64.b64encode(f"\0{USER}\0{PASSWORD}".encode()))
    else:
        assert base64.b64decode(challenge) == b"Username:"
        code, [challenge] = raw.command(base64.b64encode(USER.encode()))
        assert base64.b64decode(challenge) == b"Password:"
        final = raw.command(base64.b64encode(PASSWORD.encode()))

    assert final[0] == 235
    assert raw.command("AUTH PLAIN x")[0] == 503  # already authenticated


def test_smtplib_auth_login(client: smtplib.SMTP) -> None:
    client.ehlo()
    client.user, client.password = USER, PASSWORD

    assert client.auth("LOGIN", client.auth_login)[0] == 235


def test_wrong_credentials_are_535(raw: RawClient) -> None:
    raw.command("EHLO sigap.test")
    plain = base64.b64encode(f"\0{USER}\0salah".encode()).decode()

    assert raw.command(f"AUTH PLAIN {plain}")[0] == 535
    assert raw.command("AUTH PLAIN bukan-base64!")[0] == 501
    assert raw.command("AUTH CRAM-MD5")[0] == 504


def test_command_order_is_enforced(raw: RawClient) -> None:
    assert raw.command("MAIL FROM:<a@b.id>")[0] == 503  # before EHLO
    raw.command("EHLO sigap.test")
    assert raw.command("MAIL FROM:<a@b.id>")[0] == 530  # before AUTH
    authenticated(raw)
    assert raw.command("RCPT TO:<c@d.id>")[0] == 503  # before MAIL
    assert raw.command("DATA")[0] == 503
    assert raw.command("MAIL FROM:<a@b.id>")[0] == 250
    assert raw.command("MAIL FROM:<a@b.id>")[0] == 503  # nested
    assert raw.command("DATA")[0] == 503  # no recipient yet
    assert raw.command("RSET")[0] == 250
    assert raw.command("RCPT TO:<c@d.id>")[0] == 503  # RSET ended the transaction
    assert raw.command("NOOP")[0] == 250
    assert raw.command("FROBNICATE")[0] == 500
    assert raw.command("QUIT")[0] == 221


def test_size_limits(server: SmtpStandin, raw: RawClient) -> None:
    authenticated(raw)
    assert raw.command("MAIL FROM:<a@b.id> SIZE=20000")[0] == 552

    raw.command("MAIL FROM:<a@b.id>")
    raw.command("RCPT TO:<c@d.id>")
    raw.command("DATA")
    code, _ = raw.command(b"Subject: besar\r\n\r\n" + b"x" * 80 * 200 + b"\r\n.")

    assert code == 552
    assert server.messages == []
    assert raw.command("NOOP")[0] == 250  # the session goes on


def test_auth_not_required_without_configured_credentials() -> None:
    with SmtpStandin() as open_relay:
        raw = RawClient(open_relay.port)
        raw.command("EHLO sigap.test")
        assert raw.command("MAIL FROM:<a@b.id>")[0] == 250
        raw.close()


def test_commands_are_recorded_with_auth_masked(server: SmtpStandin, raw: RawClient) -> None:
    authenticated(raw)

    lines = [command.line for command in server.commands()]

    assert lines == ["EHLO sigap.test", "AUTH PLAIN ***"]


# -- failure injection -----------------------------------------------------------------------


def test_temporary_failure_at_rcpt_for_the_next_two_transactions(
    server: SmtpStandin, client: smtplib.SMTP
) -> None:
    server.fail_next(2, stage="rcpt", code=451)
    client.login(USER, PASSWORD)

    for _ in range(2):
        with pytest.raises(smtplib.SMTPRecipientsRefused) as caught:
            client.sendmail("a@b.id", ["c@d.id"], MESSAGE)
        assert caught.value.recipients["c@d.id"][0] == 451

    client.sendmail("a@b.id", ["c@d.id"], MESSAGE)
    assert len(server.messages) == 1


@pytest.mark.parametrize(
    ("stage", "code", "error"),
    [
        ("mail", 550, smtplib.SMTPSenderRefused),
        ("data", 554, smtplib.SMTPDataError),
        ("end_of_data", 451, smtplib.SMTPDataError),
        ("end_of_data", 552, smtplib.SMTPDataError),
    ],
)
def test_failure_at_each_stage(
    server: SmtpStandin, client: smtplib.SMTP, stage: str, code: int, error: type[Exception]
) -> None:
    server.fail_next(stage=stage, code=code)
    client.login(USER, PASSWORD)

    with pytest.raises(error) as caught:
        client.sendmail("a@b.id", ["c@d.id"], MESSAGE)

    assert caught.value.smtp_code == code  # type: ignore[attr-defined]
    assert server.messages == []


def test_failure_at_connect(server: SmtpStandin) -> None:
    server.fail_next(stage="connect", code=421)

    with pytest.raises(smtplib.SMTPConnectError) as caught:
        smtplib.SMTP("127.0.0.1", server.port, timeout=5)

    assert caught.value.smtp_code == 421


def test_dropped_connection(server: SmtpStandin, client: smtplib.SMTP) -> None:
    server.fail_next(stage="end_of_data", drop=True)
    client.login(USER, PASSWORD)

    with pytest.raises(smtplib.SMTPServerDisconnected):
        client.sendmail("a@b.id", ["c@d.id"], MESSAGE)
    assert server.messages == []


def test_wait_for_messages_times_out(server: SmtpStandin) -> None:
    with pytest.raises(TimeoutError, match="0 of 1"):
        server.wait_for_messages(1, timeout=0.05)


def test_command_line_interface(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "sigap.standins.smtp", "--port", "0", "--save-dir", str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        port = int(process.stdout.readline().rsplit(":", 1)[1])
        with smtplib.SMTP("127.0.0.1", port, timeout=5) as connection:
            connection.sendmail("a@b.id", ["c@d.id"], MESSAGE)
        assert "from <a@b.id> to c@d.id" in process.stdout.readline()
        assert (tmp_path / "000001.eml").read_bytes() == MESSAGE
    finally:
        process.terminate()
        process.wait(10)
