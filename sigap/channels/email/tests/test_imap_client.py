"""fetch_new against the IMAP stand-in over a real socket."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from sigap.channels.email.imap_client import FetchResult, ImapConfig, ImapError, fetch_new
from sigap.channels.email.parsing import parse_email
from sigap.standins.imap import ImapStandin

FIXTURES = Path(__file__).parent / "fixtures"
USER, PASSWORD = "lapor@bandungkab.go.id", 'kata "sandi" \\ rahasia'


@pytest.fixture
def mailbox() -> Iterator[ImapStandin]:
    with ImapStandin(user=USER, password=PASSWORD, uidvalidity=1000) as server:
        yield server


@pytest.fixture
def config(mailbox: ImapStandin) -> ImapConfig:
    return ImapConfig(
        host="127.0.0.1", port=mailbox.port, username=USER, password=PASSWORD, use_ssl=False,
        timeout=5,
    )  # fmt: skip


def deliver(mailbox: ImapStandin, *names: str) -> list[int]:
    return [mailbox.add_message((FIXTURES / name).read_bytes()) for name in names]


def poll(config: ImapConfig, previous: FetchResult | None = None, **kwargs: int) -> FetchResult:
    """One poll continuing from `previous`, as the channel's task stores its position."""
    if previous is None:
        return fetch_new(config, uidvalidity=None, last_uid=0, **kwargs)
    last_uid = previous.last_uid if previous.last_uid is not None else 0
    return fetch_new(config, uidvalidity=previous.uidvalidity, last_uid=last_uid, **kwargs)


def test_polling_fetches_each_message_once(mailbox: ImapStandin, config: ImapConfig) -> None:
    uids = deliver(mailbox, "complaint_plain.eml", "attachment_jpeg.eml", "encoded_words.eml")

    first = poll(config)

    assert first.uidvalidity == 1000
    assert first.reset is False and first.has_more is False
    assert [message.uid for message in first.messages] == uids
    assert first.messages[0].raw == (FIXTURES / "complaint_plain.eml").read_bytes()
    assert parse_email(first.messages[1].raw).attachments[0].filename.endswith(".jpg")

    # Nothing new: "UID 4:*" still matches UID 3 on the server (RFC 3501), which we drop.
    second = poll(config, first)

    assert second.messages == [] and second.reset is False
    assert mailbox.commands("UID SEARCH")[-1].arguments == "UID 4:*"

    new_uid = deliver(mailbox, "reply_to_ack.eml")[0]
    third = poll(config, first)

    assert [message.uid for message in third.messages] == [new_uid]
    assert parse_email(third.messages[0].raw).tracking_numbers == ("BDG-2611-00042",)


def test_uidvalidity_change_restarts_from_the_first_message(
    mailbox: ImapStandin, config: ImapConfig
) -> None:
    deliver(mailbox, "complaint_plain.eml", "encoded_words.eml")
    before = poll(config)
    mailbox.set_uidvalidity(2000)

    after = poll(config, before)

    assert after.reset is True
    assert after.uidvalidity == 2000
    assert [message.uid for message in after.messages] == [1, 2]
    # Same messages, so Message-ID dedupe downstream recognises every one of them.
    ids = [parse_email(message.raw).message_id for message in after.messages]
    assert ids == [parse_email(message.raw).message_id for message in before.messages]


def test_first_poll_of_a_known_position_continues_from_there(
    mailbox: ImapStandin, config: ImapConfig
) -> None:
    deliver(mailbox, "complaint_plain.eml", "encoded_words.eml", "reply_to_ack.eml")

    result = fetch_new(config, uidvalidity=1000, last_uid=2)

    assert [message.uid for message in result.messages] == [3]


def test_limit_returns_the_oldest_first_and_says_there_is_more(
    mailbox: ImapStandin, config: ImapConfig
) -> None:
    uids = deliver(mailbox, *["complaint_plain.eml"] * 5)

    first = poll(config, limit=2)
    rest = poll(config, first, limit=10)

    assert [message.uid for message in first.messages] == uids[:2]
    assert first.has_more is True
    assert [message.uid for message in rest.messages] == uids[2:]
    assert rest.has_more is False


def test_polling_leaves_messages_unread(mailbox: ImapStandin, config: ImapConfig) -> None:
    [uid] = deliver(mailbox, "complaint_plain.eml")

    poll(config)

    assert mailbox.flags(uid) == set()
    assert [command.name for command in mailbox.commands()] == [
        "CAPABILITY",
        "LOGIN",
        "EXAMINE",
        "UID SEARCH",
        "UID FETCH",
        "LOGOUT",
    ]
    assert mailbox.commands("UID FETCH")[0].arguments == f"{uid} (BODY.PEEK[])"


def test_wrong_password_is_an_auth_error(config: ImapConfig) -> None:
    with pytest.raises(ImapError) as caught:
        poll(replace(config, password="salah"))

    assert caught.value.kind == "auth"
    assert caught.value.retryable is False
    assert "ditolak" in caught.value.message
    assert "AUTHENTICATIONFAILED" in caught.value.message


def test_login_failure_then_success(mailbox: ImapStandin, config: ImapConfig) -> None:
    deliver(mailbox, "complaint_plain.eml")
    mailbox.fail_next_login(1)

    with pytest.raises(ImapError):
        poll(config)
    assert len(poll(config).messages) == 1


def test_missing_folder_is_reported(mailbox: ImapStandin, config: ImapConfig) -> None:
    with pytest.raises(ImapError) as caught:
        poll(replace(config, folder="Pengaduan Warga"))

    assert caught.value.kind == "mailbox"
    assert "Pengaduan Warga" in caught.value.message
    # A name with a space must travel as a quoted string.
    assert mailbox.commands("EXAMINE")[0].arguments == '"Pengaduan Warga"'


def test_connection_refused(config: ImapConfig) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free_port = probe.getsockname()[1]

    with pytest.raises(ImapError) as caught:
        poll(replace(config, port=free_port))

    assert caught.value.kind == "connection"
    assert caught.value.retryable is True
    assert "koneksi ditolak" in caught.value.message


def test_silent_server_times_out(config: ImapConfig) -> None:
    with socket.socket() as silent:  # accepts connections (backlog) but never greets
        silent.bind(("127.0.0.1", 0))
        silent.listen()

        with pytest.raises(ImapError) as caught:
            poll(replace(config, port=silent.getsockname()[1], timeout=0.3))

    assert caught.value.kind == "timeout"
    assert "tidak menjawab" in caught.value.message


def test_server_closing_after_greeting_is_a_connection_error(config: ImapConfig) -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()

        def greet_and_hang_up() -> None:
            connection, _ = server.accept()
            with connection:
                connection.sendall(b"* OK ready\r\n")
                connection.recv(1024)  # the CAPABILITY command, never answered

        thread = threading.Thread(target=greet_and_hang_up, daemon=True)
        thread.start()
        with pytest.raises(ImapError) as caught:
            poll(replace(config, port=server.getsockname()[1]))
        thread.join(5)

    assert caught.value.kind == "connection"


def test_empty_mailbox_gives_nothing(mailbox: ImapStandin, config: ImapConfig) -> None:
    result = poll(config)

    assert result.messages == [] and result.last_uid is None
    assert result.uidvalidity == 1000
