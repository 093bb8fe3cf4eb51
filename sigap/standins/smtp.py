"""A minimal SMTP server (RFC 5321, AUTH per RFC 4954) standing in for the agency's relay.

It accepts EHLO/HELO, AUTH PLAIN and LOGIN, MAIL, RCPT, DATA (with dot-unstuffing), RSET, NOOP
and QUIT, stores every accepted message with its envelope, and can be told to fail: the next
N times a stage is reached it answers a chosen code (451 temporary, 550 permanent...) or drops
the connection. STARTTLS is deliberately not offered: the stand-in only listens on loopback.
`python -m sigap.standins.smtp` serves it from the command line.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import contextlib
import itertools
import re
import socket
import socketserver
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

from sigap.standins.core.tcp import TcpServer, TcpStandin

Stage = Literal["connect", "ehlo", "auth", "mail", "rcpt", "data", "end_of_data"]
DEFAULT_MAX_SIZE = 25 * 1024 * 1024
_MAX_COMMAND_LINE = 4096  # RFC 5321 4.5.3.1.4 says 512; be generous with clients
_MAX_RECIPIENTS = 100
_MAIL_FROM = re.compile(r"^MAIL FROM:\s*<([^<>]*)>\s*(.*)$", re.IGNORECASE)
_RCPT_TO = re.compile(r"^RCPT TO:\s*<([^<>]+)>\s*(.*)$", re.IGNORECASE)
_DEFAULT_TEXT = {
    421: "4.3.0 Service not available, closing transmission channel",
    450: "4.2.1 Mailbox busy, try again later",
    451: "4.3.0 Temporary local problem, try again later",
    452: "4.3.1 Insufficient system storage",
    535: "5.7.8 Authentication credentials invalid",
    550: "5.1.1 Mailbox unavailable",
    552: "5.3.4 Message size exceeds fixed limit",
    553: "5.1.3 Mailbox name not allowed",
    554: "5.7.1 Transaction failed",
}


class _Drop(Exception):
    """Close the connection now, without an answer."""


@dataclass(frozen=True)
class ReceivedMessage:
    envelope_from: str
    recipients: tuple[str, ...]
    raw: bytes  # exactly as sent by the client, after dot-unstuffing
    authenticated_as: str | None
    helo: str
    connection: int
    time: float


@dataclass(frozen=True)
class RecordedCommand:
    connection: int
    line: str  # AUTH credentials masked


@dataclass
class SmtpFault:
    stage: Stage
    code: int
    message: str
    times: int
    drop: bool


class Session(socketserver.StreamRequestHandler):
    server: TcpServer
    standin: SmtpStandin

    def setup(self) -> None:
        super().setup()
        self.standin = cast(SmtpStandin, self.server.standin)
        self.connection_id = self.standin._register(self.request)
        self.request.settimeout(self.standin.idle_timeout)
        # Answers go out in several small writes; without NODELAY, Nagle's algorithm and the
        # client's delayed ACK add about 40 ms to every command.
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.helo = ""
        self.user: str | None = None
        self.reset()

    def reset(self) -> None:
        self.mail_from: str | None = None
        self.recipients: list[str] = []

    def finish(self) -> None:
        self.standin._unregister(self.request)
        with contextlib.suppress(OSError):
            super().finish()

    def handle(self) -> None:
        with contextlib.suppress(OSError, _Drop):
            if self.fault("connect"):
                return  # a 421/554 greeting ends the session
            self.reply(220, f"{self.standin.hostname} ESMTP Sigap stand-in")
            while True:
                line = self.read_line()
                if line is None or not self.command(line):
                    return

    def reply(self, code: int, text: str | Sequence[str]) -> None:
        lines = [text] if isinstance(text, str) else list(text)
        out = [f"{code}-{line}" for line in lines[:-1]] + [f"{code} {lines[-1]}"]
        self.wfile.write(("\r\n".join(out) + "\r\n").encode())

    def read_line(self) -> str | None:
        data = self.rfile.readline(_MAX_COMMAND_LINE)
        if not data:
            return None
        if not data.endswith(b"\n"):
            self.reply(500, "5.5.2 Line too long")
            raise _Drop
        return data.decode("utf-8", "replace").rstrip("\r\n")

    def fault(self, stage: Stage) -> bool:
        """Apply a programmed failure for this stage; True when it answered or dropped."""
        fault = self.standin._take_fault(stage)
        if fault is None:
            return False
        if fault.drop:
            raise _Drop
        self.reply(fault.code, fault.message)
        return True

    # -- commands --------------------------------------------------------------------------

    def command(self, line: str) -> bool:
        """Handle one command line; False ends the session."""
        verb = line.split(" ", 1)[0].upper()
        self.standin._record(self.connection_id, line)
        if verb == "QUIT":
            self.reply(221, "2.0.0 Bye")
            return False
        handler = {
            "EHLO": self.cmd_ehlo,
            "HELO": self.cmd_ehlo,
            "AUTH": self.cmd_auth,
            "MAIL": self.cmd_mail,
            "RCPT": self.cmd_rcpt,
            "DATA": self.cmd_data,
            "RSET": self.cmd_rset,
            "NOOP": self.cmd_noop,
            "VRFY": self.cmd_vrfy,
        }.get(verb)
        if handler is None:
            self.reply(500, "5.5.2 Error: command not recognized")
        else:
            handler(line)
        return True

    def cmd_ehlo(self, line: str) -> None:
        parts = line.split()
        if len(parts) != 2:
            self.reply(501, "5.5.4 Syntax: EHLO hostname")
            return
        if self.fault("ehlo"):
            return
        self.helo = parts[1]
        self.reset()
        if parts[0].upper() == "HELO":
            self.reply(250, self.standin.hostname)
            return
        features = [
            f"{self.standin.hostname} Hello {self.helo}",
            f"SIZE {self.standin.max_size}",
            "8BITMIME",
            "AUTH PLAIN LOGIN",
            "ENHANCEDSTATUSCODES",
        ]
        self.reply(250, features)

    def cmd_auth(self, line: str) -> None:
        parts = line.split()
        if self.user is not None:
            self.reply(503, "5.5.1 Already authenticated")
            return
        if len(parts) < 2 or parts[1].upper() not in ("PLAIN", "LOGIN"):
            self.reply(504, "5.5.4 Unrecognized authentication type")
            return
        initial = parts[2] if len(parts) > 2 else None
        try:
            if parts[1].upper() == "PLAIN":
                user, password = self.auth_plain(initial)
            else:
                user, password = self.auth_login(initial)
        except ValueError:
            self.reply(501, "5.5.2 Cannot decode response")
            return
        if self.fault("auth"):
            return
        if not self.standin._credentials_ok(user, password):
            self.reply(535, _DEFAULT_TEXT[535])
            return
        self.user = user
        self.reply(235, "2.7.0 Authentication successful")

    def auth_plain(self, initial: str | None) -> tuple[str, str]:
        # RFC 4616: base64("authzid NUL authcid NUL password").
        response = initial if initial is not None else self.challenge("")
        fields = _b64decode(response).split("\0")
        if len(fields) != 3:
            raise ValueError("PLAIN needs three NUL-separated fields")
        return fields[1], fields[2]

    def auth_login(self, initial: str | None) -> tuple[str, str]:
        user = _b64decode(initial if initial is not None else self.challenge("Username:"))
        return user, _b64decode(self.challenge("Password:"))

    def challenge(self, prompt: str) -> str:
        self.reply(334, base64.b64encode(prompt.encode()).decode())
        answer = self.read_line()
        if answer is None:
            raise _Drop
        if answer == "*":
            raise ValueError("authentication cancelled")
        return answer

    def cmd_mail(self, line: str) -> None:
        match = _MAIL_FROM.match(line)
        if not self.helo:
            self.reply(503, "5.5.1 Error: send HELO/EHLO first")
        elif self.standin.requires_auth and self.user is None:
            self.reply(530, "5.7.0 Authentication required")
        elif self.mail_from is not None:
            self.reply(503, "5.5.1 Error: nested MAIL command")
        elif not match:
            self.reply(501, "5.5.4 Syntax: MAIL FROM:<address>")
        elif _declared_size(match.group(2)) > self.standin.max_size:
            self.reply(552, _DEFAULT_TEXT[552])
        elif not self.fault("mail"):
            self.mail_from = match.group(1)
            self.reply(250, "2.1.0 Ok")

    def cmd_rcpt(self, line: str) -> None:
        match = _RCPT_TO.match(line)
        if self.mail_from is None:
            self.reply(503, "5.5.1 Error: need MAIL command")
        elif not match:
            self.reply(501, "5.5.4 Syntax: RCPT TO:<address>")
        elif len(self.recipients) >= _MAX_RECIPIENTS:
            self.reply(452, "4.5.3 Error: too many recipients")
        elif not self.fault("rcpt"):
            self.recipients.append(match.group(1))
            self.reply(250, "2.1.5 Ok")

    def cmd_data(self, line: str) -> None:
        if self.mail_from is None or not self.recipients:
            self.reply(503, "5.5.1 Error: need RCPT command")
            return
        if self.fault("data"):
            return
        self.reply(354, "End data with <CR><LF>.<CR><LF>")
        raw, too_big = self.read_data()
        if too_big:
            self.reply(552, _DEFAULT_TEXT[552])
        elif not self.fault("end_of_data"):
            queue_id = self.standin._store(self, raw)
            self.reply(250, f"2.0.0 Ok: queued as {queue_id}")
        self.reset()

    def read_data(self) -> tuple[bytes, bool]:
        """The message up to the lone dot, dot-unstuffed (RFC 5321 4.5.2); (data, too big)."""
        chunks: list[bytes] = []
        size = 0
        at_line_start = True
        limit = self.standin.max_size
        while True:
            chunk = self.rfile.readline(65536)
            if not chunk:
                raise _Drop
            if at_line_start and chunk in (b".\r\n", b".\n"):
                return b"".join(chunks), size > limit
            if at_line_start and chunk.startswith(b"."):
                chunk = chunk[1:]
            at_line_start = chunk.endswith(b"\n")
            size += len(chunk)
            if size <= limit:  # keep reading an oversized message, but not storing it
                chunks.append(chunk)

    def cmd_rset(self, line: str) -> None:
        self.reset()
        self.reply(250, "2.0.0 Ok")

    def cmd_noop(self, line: str) -> None:
        self.reply(250, "2.0.0 Ok")

    def cmd_vrfy(self, line: str) -> None:
        self.reply(252, "2.0.0 Cannot VRFY user, but will accept message")


def _b64decode(value: str) -> str:
    try:
        return base64.b64decode(value.encode("ascii"), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeError) as error:
        raise ValueError("not base64") from error


def _declared_size(parameters: str) -> int:
    match = re.search(r"\bSIZE=(\d+)", parameters, re.IGNORECASE)
    return int(match.group(1)) if match else 0


class SmtpStandin(TcpStandin):
    """A threaded SMTP server on loopback; `port`, `stop()`, usable as a context manager.

    With `user` and `password` set, MAIL needs a successful AUTH; without them it is an open
    relay that accepts any credentials.
    """

    handler = Session
    thread_name = "smtp-standin"

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        user: str | None = None,
        password: str | None = None,
        max_size: int = DEFAULT_MAX_SIZE,
        hostname: str = "smtp.standin.test",
        idle_timeout: float = 300.0,
    ) -> None:
        self.user = user
        self.password = password
        self.max_size = max_size
        self.hostname = hostname
        self._cond = threading.Condition()
        self._messages: list[ReceivedMessage] = []
        self._commands: list[RecordedCommand] = []
        self._faults: list[SmtpFault] = []
        self._queue_ids = itertools.count(1)
        super().__init__(host, port, idle_timeout=idle_timeout, guard=self._cond)

    @property
    def requires_auth(self) -> bool:
        return self.user is not None

    # -- test controls ---------------------------------------------------------------------

    @property
    def messages(self) -> list[ReceivedMessage]:
        with self._cond:
            return list(self._messages)

    def wait_for_messages(self, count: int = 1, timeout: float = 5.0) -> list[ReceivedMessage]:
        deadline = time.monotonic() + timeout
        with self._cond:
            while len(self._messages) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(f"{len(self._messages)} of {count} messages arrived")
                self._cond.wait(remaining)
            return list(self._messages)

    def fail_next(
        self,
        times: int = 1,
        *,
        stage: Stage = "rcpt",
        code: int = 451,
        message: str | None = None,
        drop: bool = False,
    ) -> SmtpFault:
        """The next `times` times `stage` is reached, answer `code` (or drop the connection)."""
        text = message or _DEFAULT_TEXT.get(code, f"{code // 100}.0.0 Injected failure")
        fault = SmtpFault(stage, code, text, times, drop)
        with self._cond:
            self._faults.append(fault)
        return fault

    def commands(self) -> list[RecordedCommand]:
        with self._cond:
            return list(self._commands)

    def clear(self) -> None:
        with self._cond:
            self._messages.clear()
            self._commands.clear()
            self._faults.clear()

    # -- used by sessions ------------------------------------------------------------------

    def _credentials_ok(self, user: str, password: str) -> bool:
        if self.user is None:
            return True
        return user == self.user and password == self.password

    def _take_fault(self, stage: Stage) -> SmtpFault | None:
        with self._cond:
            for fault in self._faults:
                if fault.stage == stage:
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
                    return fault
        return None

    def _record(self, connection: int, line: str) -> None:
        if line.upper().startswith("AUTH "):
            line = " ".join(line.split()[:2]) + " ***"
        with self._cond:
            self._commands.append(RecordedCommand(connection, line))

    def _store(self, session: Session, raw: bytes) -> str:
        with self._cond:
            queue_id = f"Q{next(self._queue_ids):06d}"
            self._messages.append(
                ReceivedMessage(
                    envelope_from=session.mail_from or "",
                    recipients=tuple(session.recipients),
                    raw=raw,
                    authenticated_as=session.user,
                    helo=session.helo,
                    connection=session.connection_id,
                    time=time.time(),
                )
            )
            self._cond.notify_all()
            return queue_id


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sigap.standins.smtp", description="Minimal SMTP server for Sigap."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=1025, help="0 picks a free port")
    parser.add_argument("--user", help="require AUTH with this user (default: open relay)")
    parser.add_argument("--password")
    parser.add_argument("--save-dir", type=Path, help="also write each message as an .eml file")
    args = parser.parse_args(argv)
    standin = SmtpStandin(args.host, args.port, user=args.user, password=args.password)
    print(f"SMTP stand-in on {standin.host}:{standin.port}", flush=True)
    standin.start()
    seen = 0
    with contextlib.suppress(KeyboardInterrupt):
        while True:
            with contextlib.suppress(TimeoutError):
                standin.wait_for_messages(seen + 1, timeout=1.0)
            for message in standin.messages[seen:]:
                seen += 1
                _report(message, args.save_dir, seen)
    standin.stop()
    return 0


def _report(message: ReceivedMessage, save_dir: Path | None, number: int) -> None:
    if save_dir is not None:
        save_dir.mkdir(parents=True, exist_ok=True)
        (save_dir / f"{number:06d}.eml").write_bytes(message.raw)
    recipients = ", ".join(message.recipients)
    summary = f"#{number} from <{message.envelope_from}> to {recipients}: {len(message.raw)} bytes"
    print(summary, flush=True)


if __name__ == "__main__":
    sys.exit(main())
