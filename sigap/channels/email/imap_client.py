"""Poll an agency mailbox over IMAP for messages we have not seen yet, without marking them read.

Position is (UIDVALIDITY, last UID), the RFC 3501 2.3.1.1 pair that survives restarts: a UID
never changes while UIDVALIDITY stays the same. When the server rebuilds the mailbox it bumps
UIDVALIDITY and every UID changes, so we fetch from the start again (`reset=True`); callers
dedupe on Message-ID, so nothing becomes a case twice. The mailbox is opened with EXAMINE and
read with BODY.PEEK[], so staff reading the same mailbox still see what is unread.
"""

from __future__ import annotations

import contextlib
import imaplib
import re
import socket
import ssl
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

ErrorKind = Literal["auth", "connection", "timeout", "tls", "mailbox", "protocol"]
_UID = re.compile(rb"\bUID (\d+)", re.IGNORECASE)


class ImapError(Exception):
    """A poll failed; the message is Indonesian and shown to the agency's administrator."""

    def __init__(self, message: str, *, kind: ErrorKind) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind

    @property
    def retryable(self) -> bool:
        # Wrong credentials or a missing folder need an administrator, not another attempt.
        return self.kind not in ("auth", "mailbox")


@dataclass(frozen=True)
class ImapConfig:
    host: str
    port: int
    username: str
    password: str = field(repr=False)
    use_ssl: bool
    folder: str = "INBOX"
    timeout: float = 30.0
    # On-premises Zimbra servers often have self-signed certificates; off only by choice.
    verify_certificate: bool = True


class FetchedMessage(NamedTuple):
    uid: int
    raw: bytes


@dataclass(frozen=True)
class FetchResult:
    uidvalidity: int
    messages: list[FetchedMessage]  # ascending UID
    reset: bool  # UIDVALIDITY changed: positions restarted from UID 1
    has_more: bool = False  # `limit` cut the batch: poll again soon

    @property
    def last_uid(self) -> int | None:
        """The position to store after processing, or None when nothing was fetched."""
        return self.messages[-1].uid if self.messages else None


def fetch_new(
    config: ImapConfig, *, uidvalidity: int | None, last_uid: int, limit: int = 100
) -> FetchResult:
    """Messages with a UID above `last_uid` (all of them after a UIDVALIDITY change)."""
    with _session(config) as connection:
        current_validity = _select(connection, config.folder)
        reset = uidvalidity is not None and uidvalidity != current_validity
        start = 1 if reset else last_uid + 1
        uids = _search_from(connection, start)
        messages = []
        for uid in uids[:limit]:
            raw = _fetch_one(connection, uid)
            if raw is not None:  # expunged by another client between SEARCH and FETCH
                messages.append(FetchedMessage(uid, raw))
        return FetchResult(current_validity, messages, reset, has_more=len(uids) > limit)


def mailbox_check(config: ImapConfig) -> None:
    """Log in and open the folder read-only as a poll does, fetching nothing: the connection
    check. Raises ImapError like `fetch_new`."""
    with _session(config) as connection:
        _select(connection, config.folder)


@contextlib.contextmanager
def _session(config: ImapConfig) -> Iterator[imaplib.IMAP4]:
    """A logged-in connection; every failure becomes an ImapError with a readable message."""
    where = f"{config.host}:{config.port}"
    connection: imaplib.IMAP4 | None = None
    try:
        connection = _connect(config)
        try:
            connection.login(config.username, config.password)
        except imaplib.IMAP4.abort:
            raise
        except (imaplib.IMAP4.error, UnicodeEncodeError) as error:
            raise ImapError(
                f"Login ke server IMAP {where} ditolak: periksa nama pengguna dan kata sandi "
                f"({_server_text(error)}).",
                kind="auth",
            ) from error
        yield connection
    except ImapError:
        raise
    except imaplib.IMAP4.abort as error:
        raise ImapError(
            f"Koneksi ke server IMAP {where} terputus ({_server_text(error)}).", kind="connection"
        ) from error
    except imaplib.IMAP4.error as error:
        raise ImapError(
            f"Server IMAP {where} menolak perintah: {_server_text(error)}.", kind="protocol"
        ) from error
    except OSError as error:
        raise _network_error(error, config) from error
    finally:
        if connection is not None:
            _logout_quietly(connection)


def _connect(config: ImapConfig) -> imaplib.IMAP4:
    if not config.use_ssl:
        return imaplib.IMAP4(config.host, config.port, timeout=config.timeout)
    # imaplib's default context does not verify certificates (Python 3.11); ours does.
    context = ssl.create_default_context()
    if not config.verify_certificate:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return imaplib.IMAP4_SSL(config.host, config.port, ssl_context=context, timeout=config.timeout)


def _network_error(error: OSError, config: ImapConfig) -> ImapError:
    where = f"{config.host}:{config.port}"
    if isinstance(error, TimeoutError):
        return ImapError(
            f"Server IMAP {where} tidak menjawab dalam {config.timeout:g} detik.", kind="timeout"
        )
    if isinstance(error, ssl.SSLCertVerificationError):
        return ImapError(
            f"Sertifikat TLS server IMAP {where} tidak sah: {error.verify_message}.", kind="tls"
        )
    if isinstance(error, ssl.SSLError):
        return ImapError(f"Gagal membuka koneksi TLS ke server IMAP {where}: {error}.", kind="tls")
    if isinstance(error, ConnectionRefusedError):
        return ImapError(
            f"Tidak dapat terhubung ke server IMAP {where}: koneksi ditolak.", kind="connection"
        )
    if isinstance(error, socket.gaierror):
        return ImapError(f"Nama server IMAP {config.host} tidak dikenal.", kind="connection")
    return ImapError(
        f"Koneksi ke server IMAP {where} gagal: {error.strerror or error}.", kind="connection"
    )


def _server_text(error: Exception) -> str:
    text = error.args[0] if error.args else error
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return str(text)


def _logout_quietly(connection: imaplib.IMAP4) -> None:
    with contextlib.suppress(Exception):  # the answer was already read or the socket is gone
        connection.logout()


def _select(connection: imaplib.IMAP4, folder: str) -> int:
    """EXAMINE the folder (read-only) and return its UIDVALIDITY."""
    status, data = connection.select(_quote_mailbox(folder), readonly=True)
    if status != "OK":
        raise ImapError(
            f"Folder {folder!r} tidak ditemukan di server IMAP ({_first_text(data)}).",
            kind="mailbox",
        )
    _, values = connection.response("UIDVALIDITY")
    try:
        return int(values[0])
    except (TypeError, ValueError, IndexError) as error:
        raise ImapError("Server IMAP tidak mengirim UIDVALIDITY.", kind="protocol") from error


def _quote_mailbox(folder: str) -> str:
    # imaplib sends arguments verbatim; a name with spaces or quotes must be a quoted string.
    if re.fullmatch(r"[A-Za-z0-9_./&+-]+", folder):
        return folder
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _search_from(connection: imaplib.IMAP4, start: int) -> list[int]:
    status, data = connection.uid("SEARCH", f"UID {start}:*")
    if status != "OK":
        raise ImapError(f"Pencarian pesan IMAP gagal ({_first_text(data)}).", kind="protocol")
    uids = {int(token) for token in b" ".join(item or b"" for item in data).split()}
    # "start:*" always matches the highest UID, even below start (RFC 3501 6.4.8): drop it.
    return sorted(uid for uid in uids if uid >= start)


def _fetch_one(connection: imaplib.IMAP4, uid: int) -> bytes | None:
    status, data = connection.uid("FETCH", str(uid), "(BODY.PEEK[])")
    if status != "OK":
        raise ImapError(
            f"Pesan IMAP UID {uid} gagal diambil ({_first_text(data)}).", kind="protocol"
        )
    for item in data:
        # imaplib gives (b'3 (UID 42 BODY[] {1234}', b'<raw>') for a literal; unsolicited FLAGS
        # updates for other messages arrive as plain bytes and are skipped.
        if isinstance(item, tuple) and len(item) == 2:
            found = _UID.search(item[0])
            if found is None or int(found.group(1)) == uid:
                return bytes(item[1])
    return None


def _first_text(data: Sequence[object]) -> str:
    first = data[0] if data else b""
    return first.decode("utf-8", "replace") if isinstance(first, bytes) else str(first)
