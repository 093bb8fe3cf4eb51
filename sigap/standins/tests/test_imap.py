"""The IMAP stand-in over real sockets: imaplib as a client, and raw protocol lines."""

from __future__ import annotations

import contextlib
import imaplib
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sigap.standins.imap import ImapStandin

USER, PASSWORD = "lapor@bandungkab.go.id", "rahasia"
FIXTURES = Path(__file__).parents[2] / "channels" / "email" / "tests" / "fixtures"


def sample(number: int) -> bytes:
    return (
        f"From: Warga {number} <warga{number}@contoh.id>\r\n"
        f"Subject: Laporan {number}\r\n"
        f"Message-ID: <m{number}@contoh.id>\r\n\r\n"
        f"Isi laporan nomor {number}.\r\n"
    ).encode()


class RawClient:
    """Speaks IMAP line by line, to test what imaplib never sends."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        self.file = self.sock.makefile("rb")
        self.greeting = self.line()

    def line(self) -> bytes:
        return self.file.readline()

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def command(self, tag: str, text: bytes) -> list[bytes]:
        """Send one command; every response line up to and including the tagged one."""
        self.send(tag.encode() + b" " + text + b"\r\n")
        lines = []
        while True:
            line = self.line()
            assert line, "server closed the connection"
            lines.append(line)
            if line.startswith(tag.encode() + b" "):
                return lines

    def close(self) -> None:
        self.file.close()
        self.sock.close()


@pytest.fixture
def server() -> Iterator[ImapStandin]:
    with ImapStandin(user=USER, password=PASSWORD, uidvalidity=77) as standin:
        yield standin


@pytest.fixture
def client(server: ImapStandin) -> Iterator[imaplib.IMAP4]:
    connection = imaplib.IMAP4("127.0.0.1", server.port, timeout=5)
    yield connection
    with contextlib.suppress(imaplib.IMAP4.abort, OSError):
        connection.logout()


@pytest.fixture
def raw(server: ImapStandin) -> Iterator[RawClient]:
    connection = RawClient(server.port)
    yield connection
    connection.close()


def logged_in(client: imaplib.IMAP4, *, readonly: bool = True) -> imaplib.IMAP4:
    client.login(USER, PASSWORD)
    client.select("INBOX", readonly=readonly)
    return client


# -- session and login -----------------------------------------------------------------------


def test_greeting_and_capability(client: imaplib.IMAP4) -> None:
    assert "IMAP4REV1" in client.capabilities
    assert client.capability() == ("OK", [b"IMAP4rev1 LITERAL+ ID"])


def test_wrong_password_is_refused_with_a_response_code(client: imaplib.IMAP4) -> None:
    with pytest.raises(imaplib.IMAP4.error, match=r"\[AUTHENTICATIONFAILED\]"):
        client.login(USER, "salah")


def test_fail_next_login_refuses_the_right_password_n_times(server: ImapStandin) -> None:
    server.fail_next_login(2)
    outcomes = []
    for _ in range(3):
        connection = imaplib.IMAP4("127.0.0.1", server.port, timeout=5)
        try:
            outcomes.append(connection.login(USER, PASSWORD)[0])
        except imaplib.IMAP4.error:
            outcomes.append("NO")
        connection.logout()

    assert outcomes == ["NO", "NO", "OK"]


def test_login_with_literals(raw: RawClient) -> None:
    user = USER.encode()
    raw.send(b"a1 LOGIN {%d}\r\n" % len(user))
    assert raw.line().startswith(b"+ ")
    raw.send(user + b" {%d}\r\n" % len(PASSWORD))
    assert raw.line().startswith(b"+ ")
    raw.send(PASSWORD.encode() + b"\r\n")

    assert raw.line().startswith(b"a1 OK")


def test_unknown_command_and_wrong_state_are_bad(raw: RawClient) -> None:
    assert raw.command("a1", b"FROBNICATE")[-1].startswith(b"a1 BAD")
    assert raw.command("a2", b"UID FETCH 1 (UID)")[-1].startswith(b"a2 BAD")
    assert raw.command("a3", b"SELECT INBOX")[-1].startswith(b"a3 BAD")
    assert raw.command("a4", b"NOOP")[-1].startswith(b"a4 OK")


def test_commands_are_recorded_with_the_password_masked(
    server: ImapStandin, client: imaplib.IMAP4
) -> None:
    logged_in(client)

    [login] = server.commands("LOGIN")

    assert login.arguments == f"{USER} ***"
    assert PASSWORD not in repr(server.commands())
    assert [command.name for command in server.commands()] == ["CAPABILITY", "LOGIN", "EXAMINE"]


# -- mailbox ---------------------------------------------------------------------------------


def test_select_reports_uidvalidity_uidnext_and_exists(
    server: ImapStandin, client: imaplib.IMAP4
) -> None:
    server.add_message(sample(1))
    server.add_message(sample(2))
    client.login(USER, PASSWORD)

    status, data = client.select("INBOX", readonly=True)

    assert (status, data) == ("OK", [b"2"])
    assert client.response("UIDVALIDITY") == ("UIDVALIDITY", [b"77"])
    assert client.response("UIDNEXT") == ("UIDNEXT", [b"3"])
    assert client.response("READ-ONLY") == ("READ-ONLY", [b""])


def test_unknown_mailbox_is_no(client: imaplib.IMAP4) -> None:
    client.login(USER, PASSWORD)

    assert client.select('"Arsip Lama"')[0] == "NO"


def test_uid_search_ranges(server: ImapStandin, client: imaplib.IMAP4) -> None:
    for number in range(1, 6):
        server.add_message(sample(number))
    logged_in(client)

    def search(criteria: str) -> list[int]:
        status, data = client.uid("SEARCH", criteria)
        assert status == "OK"
        return [int(uid) for uid in data[0].split()]

    assert search("ALL") == [1, 2, 3, 4, 5]
    assert search("UID 2:4") == [2, 3, 4]
    assert search("UID 4:2") == [2, 3, 4]
    assert search("UID 3:*") == [3, 4, 5]
    assert search("UID 1,5") == [1, 5]
    # RFC 3501: "*" is the largest UID in use, so 9:* is 5:9 and matches the last message.
    assert search("UID 9:*") == [5]
    assert search("UID 9:20") == []


def test_search_by_sequence_number_and_seen_flag(
    server: ImapStandin, client: imaplib.IMAP4
) -> None:
    server.add_message(sample(1), flags=["\\Seen"])
    server.add_message(sample(2))
    logged_in(client)

    assert client.search(None, "UNSEEN") == ("OK", [b"2"])
    assert client.search(None, "SEEN") == ("OK", [b"1"])
    assert client.search(None, "1:*") == ("OK", [b"1 2"])


def test_uid_fetch_returns_exact_bytes_as_a_literal(
    server: ImapStandin, client: imaplib.IMAP4
) -> None:
    message = (FIXTURES / "attachment_jpeg.eml").read_bytes()
    uid = server.add_message(message)
    logged_in(client)

    status, data = client.uid("FETCH", str(uid), "(BODY.PEEK[] FLAGS)")

    assert status == "OK"
    envelope, body = data[0]
    assert envelope == b"1 (UID 1 BODY[] {%d}" % len(message)
    assert body == message
    assert data[1] == b" FLAGS ())"


def test_fetch_items(server: ImapStandin, client: imaplib.IMAP4) -> None:
    server.add_message(sample(1))
    logged_in(client)

    _, data = client.uid("FETCH", "1", "(RFC822.SIZE BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
    assert data[0][0] == b"1 (UID 1 RFC822.SIZE %d BODY[HEADER.FIELDS (SUBJECT)] {22}" % len(
        sample(1)
    )
    assert data[0][1] == b"Subject: Laporan 1\r\n\r\n"

    _, data = client.fetch("1", "(BODY.PEEK[TEXT]<0.4> INTERNALDATE)")
    assert data[0] == (b"1 (BODY[TEXT]<0> {4}", b"Isi ")
    assert data[1].startswith(b' INTERNALDATE "')

    # ENVELOPE is not implemented: BAD, which imaplib raises as an error.
    with pytest.raises(imaplib.IMAP4.error, match="ENVELOPE"):
        client.fetch("1", "(ENVELOPE)")


def test_reading_without_peek_marks_seen_only_when_read_write(
    server: ImapStandin, client: imaplib.IMAP4
) -> None:
    uid = server.add_message(sample(1))
    logged_in(client, readonly=True)
    client.uid("FETCH", str(uid), "(RFC822)")
    assert server.flags(uid) == set()

    client.select("INBOX")  # read-write
    _, data = client.uid("FETCH", str(uid), "(BODY[])")

    assert server.flags(uid) == {"\\Seen"}
    assert data[1] == b" FLAGS (\\Seen))"  # the flag change is reported with the data


def test_set_uidvalidity_renumbers_messages(server: ImapStandin, client: imaplib.IMAP4) -> None:
    for number in range(1, 4):
        server.add_message(sample(number))
    server.set_uidvalidity(78)
    server.add_message(sample(4))

    logged_in(client)

    assert client.response("UIDVALIDITY") == ("UIDVALIDITY", [b"78"])
    assert client.uid("SEARCH", "ALL") == ("OK", [b"1 2 3 4"])


def test_noop_announces_new_messages(server: ImapStandin, client: imaplib.IMAP4) -> None:
    logged_in(client)
    server.add_message(sample(1))

    client.noop()

    assert client.response("EXISTS")[1][-1] == b"1"  # after the "0" of SELECT


def test_list_and_status(server: ImapStandin, client: imaplib.IMAP4) -> None:
    server.add_message(sample(1))
    client.login(USER, PASSWORD)

    assert client.list() == ("OK", [b'(\\HasNoChildren) "/" INBOX'])
    assert client.status("INBOX", "(MESSAGES UIDNEXT UIDVALIDITY UNSEEN)") == (
        "OK",
        [b"INBOX (MESSAGES 1 UIDNEXT 2 UIDVALIDITY 77 UNSEEN 1)"],
    )


def test_drop_connections_cuts_open_sessions(server: ImapStandin, client: imaplib.IMAP4) -> None:
    logged_in(client)

    server.drop_connections()

    with pytest.raises((imaplib.IMAP4.abort, OSError)):
        client.noop()


def test_command_line_interface(tmp_path: Path) -> None:
    (tmp_path / "satu.eml").write_bytes(sample(1))
    process = subprocess.Popen(
        [sys.executable, "-m", "sigap.standins.imap", "--port", "0", "--load", str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        banner = process.stdout.readline()
        assert "(1 messages)" in banner
        port = int(banner.split(":")[1].split()[0])
        connection = imaplib.IMAP4("127.0.0.1", port, timeout=5)
        connection.login("sigap", "sigap")
        connection.select("INBOX", readonly=True)
        assert connection.uid("FETCH", "1", "(BODY.PEEK[])")[1][0][1] == sample(1)
        connection.logout()
    finally:
        process.terminate()
        process.wait(10)
