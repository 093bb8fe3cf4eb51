"""A minimal IMAP4rev1 server (RFC 3501) standing in for an agency mailbox on loopback.

It speaks enough of the protocol for `imaplib` and ordinary clients to poll one INBOX:
CAPABILITY, NOOP, LOGOUT, LOGIN, SELECT/EXAMINE, LIST/LSUB, STATUS, CLOSE, CHECK, SEARCH and
FETCH (also as UID commands) with literals in both directions. It keeps the quirks a poller
must survive: `UID SEARCH UID n:*` returns the last message even when its UID is below n
(RFC 3501 6.4.8: `*` is the largest UID in use and ranges are unordered), and a rebuilt mailbox
gets a new UIDVALIDITY with renumbered UIDs. Tests add messages, fail logins and cut
connections through methods; `python -m sigap.standins.imap` serves it from the command line.
"""

from __future__ import annotations

import argparse
import contextlib
import fnmatch
import re
import socket
import socketserver
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

from sigap.standins.core.tcp import TcpServer, TcpStandin

CAPABILITIES = "IMAP4rev1 LITERAL+ ID"
MAILBOX = "INBOX"
_MAX_LINE = 64 * 1024
_MAX_LITERAL = 50 * 1024 * 1024
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SYSTEM_FLAGS = r"\Answered \Flagged \Deleted \Seen \Draft"

_LITERAL = re.compile(rb"\{(\d+)\+?\}\r?\n")  # {n} or, with LITERAL+, {n+}
Token = str | list["Token"]
Handler = Callable[[str, str, list[Token]], None]


class ProtocolError(Exception):
    """The client sent something we answer with BAD."""


@dataclass(frozen=True)
class RecordedCommand:
    connection: int
    tag: str
    name: str  # upper-cased, "UID FETCH" for UID commands
    arguments: str  # as received, with the LOGIN password masked


@dataclass
class StoredMessage:
    uid: int
    raw: bytes
    flags: set[str] = field(default_factory=set)
    internal_date: datetime = field(default_factory=lambda: datetime.now(UTC))


# -- the mailbox -----------------------------------------------------------------------------


class Mailbox:
    """One INBOX shared by every session; all access under one lock."""

    def __init__(self, uidvalidity: int) -> None:
        self.lock = threading.RLock()
        self.uidvalidity = uidvalidity
        self.uidnext = 1
        self.messages: list[StoredMessage] = []

    def add(self, raw: bytes, flags: Sequence[str] = ()) -> int:
        with self.lock:
            uid = self.uidnext
            self.uidnext += 1
            self.messages.append(StoredMessage(uid, raw, set(flags)))
            return uid

    def rebuild(self, uidvalidity: int) -> None:
        # What a server does after losing its index: same messages, new UIDs from 1.
        with self.lock:
            self.uidvalidity = uidvalidity
            for uid, message in enumerate(self.messages, start=1):
                message.uid = uid
            self.uidnext = len(self.messages) + 1

    def unseen(self) -> int:
        with self.lock:
            return sum(1 for message in self.messages if "\\Seen" not in message.flags)


# -- parsing of client commands --------------------------------------------------------------


def tokenize(data: bytes) -> list[Token]:
    """Atoms, quoted strings, literals and parenthesised lists; `BODY[HEADER.FIELDS (A B)]` and
    `<0.100>` stay one atom, as RFC 3501 section 9 groups them."""
    stack: list[list[Token]] = [[]]
    index = 0
    while index < len(data):
        char = data[index : index + 1]
        if char in (b" ", b"\r", b"\n"):
            index += 1
        elif char == b"(":
            child: list[Token] = []
            stack[-1].append(child)
            stack.append(child)
            index += 1
        elif char == b")":
            if len(stack) == 1:
                raise ProtocolError("unbalanced parenthesis")
            stack.pop()
            index += 1
        else:
            token, index = _read_token(data, index)
            stack[-1].append(token)
    if len(stack) != 1:
        raise ProtocolError("unbalanced parenthesis")
    return stack[0]


def _read_token(data: bytes, index: int) -> tuple[str, int]:
    char = data[index : index + 1]
    if char == b'"':
        return _read_quoted(data, index + 1)
    if char == b"{":
        return _read_literal(data, index)
    start, depth = index, 0
    while index < len(data):
        char = data[index : index + 1]
        if char == b"[":
            depth += 1
        elif char == b"]":
            depth -= 1
        elif depth == 0 and char in (b" ", b"(", b")", b"\r", b"\n"):
            break
        index += 1
    return data[start:index].decode("utf-8", "replace"), index


def _read_quoted(data: bytes, index: int) -> tuple[str, int]:
    value = bytearray()
    while index < len(data):
        char = data[index]
        if char == 0x5C and index + 1 < len(data):  # backslash escapes " and \
            value.append(data[index + 1])
            index += 2
        elif char == 0x22:
            return value.decode("utf-8", "replace"), index + 1
        else:
            value.append(char)
            index += 1
    raise ProtocolError("unterminated quoted string")


def _read_literal(data: bytes, index: int) -> tuple[str, int]:
    match = _LITERAL.match(data, index)
    if not match:
        raise ProtocolError("malformed literal")
    start = match.end()
    end = start + int(match.group(1))
    return data[start:end].decode("utf-8", "replace"), end


def parse_sequence_set(text: str, largest: int) -> Callable[[int], bool]:
    """A predicate for `1,3:5,7:*`; `*` is the largest number in use (0 when empty)."""
    ranges: list[tuple[int, int]] = []
    for item in text.split(","):
        bounds = item.split(":")
        if not 1 <= len(bounds) <= 2 or not all(re.fullmatch(r"\d+|\*", b) for b in bounds):
            raise ProtocolError(f"bad sequence set {text!r}")
        values = [largest if bound == "*" else int(bound) for bound in bounds]
        # n:m and m:n are the same range: this is why "UID 43:*" can match UID 42.
        ranges.append((min(values), max(values)))
    return lambda number: any(low <= number <= high for low, high in ranges)


def atom(token: Token) -> str:
    if not isinstance(token, str):
        raise ProtocolError("expected an atom, got a list")
    return token


# -- FETCH data items ------------------------------------------------------------------------

_SECTION = re.compile(
    r"^(?P<name>BODY(?:\.PEEK)?)\[(?P<section>[^\]]*)\](?:<(?P<start>\d+)(?:\.(?P<length>\d+))?>)?$",
    re.IGNORECASE,
)


# RFC 3501 6.4.5: the RFC822 items are old names for BODY sections (RFC822.HEADER is a peek).
_RFC822_SECTIONS = {"RFC822": "", "RFC822.HEADER": "HEADER", "RFC822.TEXT": "TEXT"}


def split_message(raw: bytes) -> tuple[bytes, bytes]:
    """(header including the blank line, text) as RFC 3501 defines HEADER and TEXT."""
    for separator in (b"\r\n\r\n", b"\n\n"):
        position = raw.find(separator)
        if position >= 0:
            cut = position + len(separator)
            return raw[:cut], raw[cut:]
    return raw, b""


def header_fields(header: bytes, names: set[str], *, exclude: bool) -> bytes:
    """HEADER.FIELDS / HEADER.FIELDS.NOT: matching header lines, folding kept, blank line added."""
    kept: list[bytes] = []
    keep = False
    for line in header.splitlines(keepends=True):
        if line in (b"\r\n", b"\n"):
            break
        if line[:1] not in (b" ", b"\t"):
            name = line.split(b":", 1)[0].strip().decode("ascii", "replace").lower()
            keep = (name in names) != exclude
        if keep:
            kept.append(line)
    return b"".join(kept) + b"\r\n"


def section_bytes(raw: bytes, section: str) -> bytes:
    header, text = split_message(raw)
    upper = section.upper()
    if upper == "":
        return raw
    if upper == "HEADER":
        return header
    if upper == "TEXT":
        return text
    match = re.fullmatch(r"HEADER\.FIELDS(\.NOT)?\s*\((.*)\)", section, re.IGNORECASE | re.DOTALL)
    if match:
        names = {name.strip('"').lower() for name in match.group(2).split()}
        return header_fields(header, names, exclude=bool(match.group(1)))
    raise ProtocolError(f"unsupported section {section!r}")


def literal(data: bytes) -> bytes:
    return b"{%d}\r\n" % len(data) + data


def quoted(text: str) -> bytes:
    return b'"' + text.replace("\\", "\\\\").replace('"', '\\"').encode() + b'"'


def internal_date(moment: datetime) -> str:
    offset = moment.strftime("%z") or "+0000"
    return f"{moment.day:02d}-{_MONTHS[moment.month - 1]}-{moment:%Y %H:%M:%S} {offset}"


def expand_fetch_items(spec: Token) -> list[str]:
    items = [atom(item) for item in spec] if isinstance(spec, list) else [spec]
    expanded: list[str] = []
    for item in items:
        if item.upper() == "FAST":
            expanded += ["FLAGS", "INTERNALDATE", "RFC822.SIZE"]
        elif item.upper() in ("ALL", "FULL"):
            raise ProtocolError(f"{item} needs ENVELOPE, which this stand-in does not implement")
        else:
            expanded.append(item)
    return expanded


def fetch_item(message: StoredMessage, item: str) -> tuple[bytes, bool]:
    """(response bytes for one item, whether it marks the message \\Seen)."""
    upper = item.upper()
    if upper == "UID":
        return b"UID %d" % message.uid, False
    if upper == "FLAGS":
        return ("FLAGS (" + " ".join(sorted(message.flags)) + ")").encode(), False
    if upper == "INTERNALDATE":
        return b"INTERNALDATE " + quoted(internal_date(message.internal_date)), False
    if upper == "RFC822.SIZE":
        return b"RFC822.SIZE %d" % len(message.raw), False
    if upper in _RFC822_SECTIONS:
        data = section_bytes(message.raw, _RFC822_SECTIONS[upper])
        return upper.encode() + b" " + literal(data), upper != "RFC822.HEADER"
    match = _SECTION.match(item)
    if not match:
        raise ProtocolError(f"unsupported fetch item {item}")
    data = section_bytes(message.raw, match.group("section"))
    name = f"BODY[{match.group('section')}]"
    if match.group("start") is not None:
        start = int(match.group("start"))
        length = int(match.group("length")) if match.group("length") else len(data)
        data = data[start : start + length]
        name += f"<{start}>"
    return name.encode() + b" " + literal(data), match.group("name").upper() == "BODY"


# -- one client connection -------------------------------------------------------------------


class Session(socketserver.StreamRequestHandler):
    server: TcpServer
    standin: ImapStandin

    def setup(self) -> None:
        super().setup()
        self.standin = cast(ImapStandin, self.server.standin)
        self.connection_id = self.standin._register(self.request)
        self.request.settimeout(self.standin.idle_timeout)
        # Answers go out in several small writes; without NODELAY, Nagle's algorithm and the
        # client's delayed ACK add about 40 ms to every command.
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.state = "not-authenticated"
        self.read_only = True
        self.known_exists = 0

    def handle(self) -> None:
        with contextlib.suppress(OSError):
            self.send(f"* OK [CAPABILITY {CAPABILITIES}] Sigap IMAP stand-in ready")
            while self.state != "logout":
                try:
                    data = self.read_command()
                except TimeoutError:
                    self.send("* BYE Autologout; idle for too long")
                    return
                except ProtocolError as error:
                    self.send(f"* BAD {error}")
                    return
                if data is None:
                    return
                self.dispatch(data)

    def finish(self) -> None:
        self.standin._unregister(self.request)
        with contextlib.suppress(OSError):
            super().finish()

    def send(self, line: str | bytes) -> None:
        self.wfile.write((line.encode() if isinstance(line, str) else line) + b"\r\n")

    def read_command(self) -> bytes | None:
        """One command line, with synchronising literals `{n}` answered by a continuation."""
        parts: list[bytes] = []
        while True:
            line = self.rfile.readline(_MAX_LINE)
            if not line:
                return None
            if not line.endswith(b"\n"):
                raise ProtocolError("command line too long")
            parts.append(line)
            match = re.search(rb"\{(\d+)(\+?)\}\r?\n$", line)
            if not match:
                return b"".join(parts)
            size = int(match.group(1))
            if size > _MAX_LITERAL:
                raise ProtocolError("literal too large")
            if not match.group(2):  # LITERAL+ ({n+}) needs no continuation request
                self.send("+ Ready for literal data")
            parts.append(self.rfile.read(size))

    def dispatch(self, data: bytes) -> None:
        try:
            tokens = tokenize(data)
        except ProtocolError as error:
            self.send(f"* BAD {error}")
            return
        if len(tokens) < 2 or not isinstance(tokens[0], str) or not isinstance(tokens[1], str):
            self.send("* BAD Missing tag or command")
            return
        tag, name, args = tokens[0], tokens[1].upper(), tokens[2:]
        if name == "UID" and args and isinstance(args[0], str):
            name, args = f"UID {args[0].upper()}", args[1:]
        self.standin._record(self.connection_id, tag, name, data)
        handler = self.handlers().get(name)
        if handler is None:
            self.send(f"{tag} BAD Unknown command {name}")
            return
        allowed, method = handler
        if self.state not in allowed:
            self.send(f"{tag} BAD {name} not allowed in state {self.state}")
            return
        try:
            method(tag, name, args)
        except ProtocolError as error:
            self.send(f"{tag} BAD {error}")

    def handlers(self) -> dict[str, tuple[tuple[str, ...], Handler]]:
        anywhere = ("not-authenticated", "authenticated", "selected")
        authenticated = ("authenticated", "selected")
        return {
            "CAPABILITY": (anywhere, self.cmd_capability),
            "NOOP": (anywhere, self.cmd_noop),
            "CHECK": (("selected",), self.cmd_noop),
            "ID": (anywhere, self.cmd_id),
            "LOGOUT": (anywhere, self.cmd_logout),
            "LOGIN": (("not-authenticated",), self.cmd_login),
            "SELECT": (authenticated, self.cmd_select),
            "EXAMINE": (authenticated, self.cmd_select),
            "LIST": (authenticated, self.cmd_list),
            "LSUB": (authenticated, self.cmd_list),
            "STATUS": (authenticated, self.cmd_status),
            "CLOSE": (("selected",), self.cmd_close),
            "SEARCH": (("selected",), self.cmd_search),
            "FETCH": (("selected",), self.cmd_fetch),
            "UID SEARCH": (("selected",), self.cmd_search),
            "UID FETCH": (("selected",), self.cmd_fetch),
        }

    # -- commands --------------------------------------------------------------------------

    def cmd_capability(self, tag: str, name: str, args: list[Token]) -> None:
        self.send(f"* CAPABILITY {CAPABILITIES}")
        self.send(f"{tag} OK CAPABILITY completed")

    def cmd_noop(self, tag: str, name: str, args: list[Token]) -> None:
        if self.state == "selected":
            self.report_new_messages()
        self.send(f"{tag} OK NOOP completed")

    def cmd_id(self, tag: str, name: str, args: list[Token]) -> None:
        self.send('* ID ("name" "sigap-imap-standin")')
        self.send(f"{tag} OK ID completed")

    def cmd_logout(self, tag: str, name: str, args: list[Token]) -> None:
        self.send("* BYE Sigap IMAP stand-in logging out")
        self.send(f"{tag} OK LOGOUT completed")
        self.state = "logout"

    def cmd_login(self, tag: str, name: str, args: list[Token]) -> None:
        if len(args) != 2:
            raise ProtocolError("LOGIN needs a user name and a password")
        if self.standin._check_login(atom(args[0]), atom(args[1])):
            self.state = "authenticated"
            self.send(f"{tag} OK [CAPABILITY {CAPABILITIES}] Logged in")
        else:
            self.send(f"{tag} NO [AUTHENTICATIONFAILED] Authentication failed.")

    def cmd_select(self, tag: str, name: str, args: list[Token]) -> None:
        if len(args) != 1 or atom(args[0]).upper() != MAILBOX:
            self.state = "authenticated"  # RFC 3501 6.3.1: a failed SELECT deselects
            self.send(f"{tag} NO [NONEXISTENT] Mailbox does not exist")
            return
        self.read_only = name == "EXAMINE"
        mailbox = self.standin.mailbox
        with mailbox.lock:
            self.known_exists = len(mailbox.messages)
            self.send(f"* FLAGS ({_SYSTEM_FLAGS})")
            permanent = "" if self.read_only else r"\Seen \Flagged \Deleted \Answered \Draft"
            self.send(f"* OK [PERMANENTFLAGS ({permanent})] Flags permitted")
            self.send(f"* {self.known_exists} EXISTS")
            self.send("* 0 RECENT")
            self.send(f"* OK [UIDVALIDITY {mailbox.uidvalidity}] UIDs valid")
            self.send(f"* OK [UIDNEXT {mailbox.uidnext}] Predicted next UID")
        self.state = "selected"
        mode = "READ-ONLY" if self.read_only else "READ-WRITE"
        self.send(f"{tag} OK [{mode}] {name} completed")

    def cmd_list(self, tag: str, name: str, args: list[Token]) -> None:
        if len(args) != 2:
            raise ProtocolError("LIST needs a reference and a mailbox pattern")
        pattern = atom(args[1])
        if pattern == "":
            self.send(f'* {name} (\\Noselect) "/" ""')
        elif fnmatch.fnmatchcase(MAILBOX, pattern.replace("%", "*").upper()):
            self.send(f'* {name} (\\HasNoChildren) "/" {MAILBOX}')
        self.send(f"{tag} OK {name} completed")

    def cmd_status(self, tag: str, name: str, args: list[Token]) -> None:
        if len(args) != 2 or not isinstance(args[1], list):
            raise ProtocolError("STATUS needs a mailbox and a list of items")
        if atom(args[0]).upper() != MAILBOX:
            self.send(f"{tag} NO [NONEXISTENT] Mailbox does not exist")
            return
        mailbox = self.standin.mailbox
        with mailbox.lock:
            values = {
                "MESSAGES": len(mailbox.messages),
                "RECENT": 0,
                "UIDNEXT": mailbox.uidnext,
                "UIDVALIDITY": mailbox.uidvalidity,
                "UNSEEN": mailbox.unseen(),
            }
        items = [atom(item).upper() for item in args[1]]
        if any(item not in values for item in items):
            raise ProtocolError("unknown STATUS item")
        pairs = " ".join(f"{item} {values[item]}" for item in items)
        self.send(f"* STATUS {MAILBOX} ({pairs})")
        self.send(f"{tag} OK STATUS completed")

    def cmd_close(self, tag: str, name: str, args: list[Token]) -> None:
        self.state = "authenticated"
        self.send(f"{tag} OK CLOSE completed")

    def cmd_search(self, tag: str, name: str, args: list[Token]) -> None:
        by_uid = name.startswith("UID ")
        with self.standin.mailbox.lock:
            numbered = list(enumerate(self.standin.mailbox.messages, start=1))
            matches = search_predicate(args, numbered)
            found = [message.uid if by_uid else seq for seq, message in numbered if matches(seq)]
        self.send(("* SEARCH " + " ".join(map(str, found))).rstrip())
        self.send(f"{tag} OK SEARCH completed")

    def cmd_fetch(self, tag: str, name: str, args: list[Token]) -> None:
        by_uid = name.startswith("UID ")
        if len(args) != 2:
            raise ProtocolError("FETCH needs a sequence set and data items")
        items = expand_fetch_items(args[1])
        if by_uid and "UID" not in (item.upper() for item in items):
            items.insert(0, "UID")  # RFC 3501 6.4.8: UID FETCH responses always carry the UID
        with self.standin.mailbox.lock:
            numbered = list(enumerate(self.standin.mailbox.messages, start=1))
            largest = numbered[-1][1].uid if by_uid and numbered else len(numbered)
            wanted = parse_sequence_set(atom(args[0]), largest)
            for seq, message in numbered:
                if wanted(message.uid if by_uid else seq):
                    self.send(self.fetch_response(seq, message, items))
        self.send(f"{tag} OK FETCH completed")

    def fetch_response(self, seq: int, message: StoredMessage, items: list[str]) -> bytes:
        parts: list[bytes] = []
        marks_seen = False
        for item in items:
            data, seen = fetch_item(message, item)
            parts.append(data)
            marks_seen = marks_seen or seen
        if marks_seen and not self.read_only and "\\Seen" not in message.flags:
            message.flags.add("\\Seen")
            if "FLAGS" not in (item.upper() for item in items):
                parts.append(fetch_item(message, "FLAGS")[0])
        return b"* %d FETCH (" % seq + b" ".join(parts) + b")"

    def report_new_messages(self) -> None:
        count = len(self.standin.mailbox.messages)
        if count != self.known_exists:
            self.known_exists = count
            self.send(f"* {count} EXISTS")


def search_predicate(
    args: list[Token], numbered: list[tuple[int, StoredMessage]]
) -> Callable[[int], bool]:
    """All search keys ANDed; supports ALL, UID set, sequence set, SEEN/UNSEEN, (UN)DELETED."""
    largest_uid = numbered[-1][1].uid if numbered else 0
    by_seq = dict(numbered)
    checks: list[Callable[[int], bool]] = []
    keys = list(args)
    if keys and isinstance(keys[0], str) and keys[0].upper() == "CHARSET":
        keys = keys[2:]  # only ASCII criteria are supported, so the charset does not matter
    while keys:
        key = atom(keys.pop(0))
        upper = key.upper()
        if upper == "ALL" or upper == "UNDELETED":
            continue
        if upper == "DELETED":
            checks.append(lambda seq: False)
        elif upper in ("SEEN", "UNSEEN"):
            checks.append(_seen_check(by_seq, want=upper == "SEEN"))
        elif upper == "UID" and keys:
            uids = parse_sequence_set(atom(keys.pop(0)), largest_uid)
            checks.append(_uid_check(by_seq, uids))
        elif re.fullmatch(r"[\d*:,]+", key):
            seqs = parse_sequence_set(key, len(numbered))
            checks.append(seqs)
        else:
            raise ProtocolError(f"unsupported search key {key}")
    return lambda seq: all(check(seq) for check in checks)


def _seen_check(by_seq: dict[int, StoredMessage], *, want: bool) -> Callable[[int], bool]:
    return lambda seq: ("\\Seen" in by_seq[seq].flags) == want


def _uid_check(
    by_seq: dict[int, StoredMessage], uids: Callable[[int], bool]
) -> Callable[[int], bool]:
    return lambda seq: uids(by_seq[seq].uid)


# -- the stand-in ----------------------------------------------------------------------------


class ImapStandin(TcpStandin):
    """A threaded IMAP server on loopback; `port`, `stop()`, usable as a context manager."""

    handler = Session
    thread_name = "imap-standin"

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        user: str = "sigap",
        password: str = "sigap",  # noqa: S107 - a test server's default credential
        uidvalidity: int = 1,
        idle_timeout: float = 300.0,
    ) -> None:
        self.user = user
        self.password = password
        self.mailbox = Mailbox(uidvalidity)
        self._lock = threading.Lock()
        self._commands: list[RecordedCommand] = []
        self._failing_logins = 0
        super().__init__(host, port, idle_timeout=idle_timeout, guard=self._lock)

    # -- test controls ---------------------------------------------------------------------

    def add_message(self, raw: bytes, *, flags: Sequence[str] = ()) -> int:
        """Deliver a message to the INBOX; returns its UID."""
        return self.mailbox.add(raw, flags)

    def set_uidvalidity(self, uidvalidity: int) -> None:
        """Simulate a mailbox rebuild: a new UIDVALIDITY and every UID renumbered from 1."""
        self.mailbox.rebuild(uidvalidity)

    def fail_next_login(self, times: int = 1) -> None:
        """The next `times` LOGIN commands fail even with the right password."""
        with self._lock:
            self._failing_logins += times

    def flags(self, uid: int) -> set[str]:
        with self.mailbox.lock:
            for message in self.mailbox.messages:
                if message.uid == uid:
                    return set(message.flags)
        raise KeyError(uid)

    def commands(self, name: str | None = None) -> list[RecordedCommand]:
        with self._lock:
            recorded = list(self._commands)
        return [command for command in recorded if name is None or command.name == name]

    # -- used by sessions ------------------------------------------------------------------

    def _check_login(self, user: str, password: str) -> bool:
        with self._lock:
            if self._failing_logins > 0:
                self._failing_logins -= 1
                return False
        return user == self.user and password == self.password

    def _record(self, connection: int, tag: str, name: str, data: bytes) -> None:
        words = 1 + len(name.split())  # the tag, then "FETCH" or "UID FETCH"
        pieces = data.decode("utf-8", "replace").rstrip("\r\n").split(" ", words)
        arguments = pieces[words] if len(pieces) > words else ""
        if name == "LOGIN":
            arguments = arguments.split(" ", 1)[0] + " ***"
        with self._lock:
            self._commands.append(RecordedCommand(connection, tag, name, arguments))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sigap.standins.imap", description="Minimal IMAP server for Sigap."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=1143, help="0 picks a free port")
    parser.add_argument("--user", default="sigap")
    parser.add_argument("--password", default="sigap")
    parser.add_argument("--uidvalidity", type=int, default=1)
    parser.add_argument("--load", type=Path, help="deliver every *.eml file of this directory")
    args = parser.parse_args(argv)
    standin = ImapStandin(
        args.host, args.port, user=args.user, password=args.password, uidvalidity=args.uidvalidity
    )
    if args.load:
        for path in sorted(args.load.glob("*.eml")):
            standin.add_message(path.read_bytes())
    count = len(standin.mailbox.messages)
    print(f"IMAP stand-in on {standin.host}:{standin.port} ({count} messages)", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        standin.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
