"""HTTP plumbing: the threaded server, its handler, requests/responses and a keep-alive poster.

The servers are hit at about 1,000 requests/s by the benchmarks, so the request path stays lean:
no per-request logging, HTTP/1.1 keep-alive, Nagle disabled, one lock per recorder append.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import logging
import socket
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from sigap.standins.core.records import Fault

if TYPE_CHECKING:
    from sigap.standins.core.server import StandinServer

log = logging.getLogger("sigap.standins")


CONTROL_PREFIX = "/_standin/"
JSON_TYPE = "application/json"


@dataclass
class Request:
    """An incoming HTTP request as the stand-in applications see it."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes
    json: Any = None
    fault: Fault | None = None

    def query_value(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[0] if values else None

    def bearer_token(self) -> str | None:
        scheme, _, token = self.headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and token.strip():
            return token.strip()
        # Graph also accepts ?access_token=…; some clients use it for media downloads.
        return self.query_value("access_token")


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes = b""
    content_type: str = JSON_TYPE
    headers: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def json(cls, status: int, payload: Any, headers: Mapping[str, str] | None = None) -> Response:
        return cls(status, json.dumps(payload).encode(), JSON_TYPE, headers or {})


def parse_json(body: bytes) -> Any:
    if not body or body[:1] not in b"{[":
        return None
    try:
        return json.loads(body)
    except ValueError:
        return None


class HttpPoster:
    """POSTs over one keep-alive connection per (thread, origin).

    http.client costs a fraction of httpx per call, which matters when a 1,000 sends/s benchmark
    makes the stand-in emit 2,000-3,000 status webhooks per second.
    """

    def __init__(self, timeout: float) -> None:
        self._timeout = timeout
        self._local = threading.local()
        self._open: set[http.client.HTTPConnection] = set()
        self._open_lock = threading.Lock()

    def post(self, url: str, body: bytes, headers: Mapping[str, str]) -> tuple[int, bytes]:
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        for attempt in range(2):
            conn, reused = self._connection(parts.scheme, parts.netloc)
            try:
                conn.request("POST", target, body=body, headers=dict(headers))
                response = conn.getresponse()
                data = response.read()
            except TimeoutError:
                # The receiver may have processed it: never resend after a timeout.
                self._discard(parts.scheme, parts.netloc)
                raise
            except (http.client.HTTPException, OSError):
                self._discard(parts.scheme, parts.netloc)
                # Only a reused connection may have been closed by the peer while idle: retry once.
                if not reused or attempt:
                    raise
                continue
            if response.will_close:
                self._discard(parts.scheme, parts.netloc)
            return response.status, data
        raise AssertionError("unreachable")

    def _connection(self, scheme: str, netloc: str) -> tuple[http.client.HTTPConnection, bool]:
        pool: dict[tuple[str, str], http.client.HTTPConnection] = self._pool()
        conn = pool.get((scheme, netloc))
        if conn is not None:
            return conn, True
        factory = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
        conn = factory(netloc, timeout=self._timeout)
        pool[(scheme, netloc)] = conn
        with self._open_lock:
            self._open.add(conn)
        return conn, False

    def close(self) -> None:
        """Close every pooled connection (of all threads) when the stand-in stops."""
        with self._open_lock:
            connections, self._open = self._open, set()
        for conn in connections:
            conn.close()

    def _discard(self, scheme: str, netloc: str) -> None:
        conn = self._pool().pop((scheme, netloc), None)
        if conn is not None:
            conn.close()
            with self._open_lock:
                self._open.discard(conn)

    def _pool(self) -> dict[tuple[str, str], http.client.HTTPConnection]:
        pool = getattr(self._local, "pool", None)
        if pool is None:
            pool = self._local.pool = {}
        return pool


class ThreadedServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # idle keep-alive connections would otherwise block stop()
    # The default backlog of 5 drops SYNs when a benchmark opens many connections at once, and
    # each dropped SYN costs the client a 1 s retransmit.
    request_queue_size = 1024

    def __init__(self, address: tuple[str, int], app: StandinServer) -> None:
        self.app = app
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        with self._connections_lock:
            connections = list(self._connections)
        for conn in connections:
            with contextlib.suppress(OSError):  # already closed by the client
                conn.shutdown(socket.SHUT_RDWR)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: clients and benchmarks reuse connections
    # Headers and body go out as two writes; with Nagle on, the client's delayed ACK adds ~40 ms.
    disable_nagle_algorithm = True
    server_version = "SigapStandin/1.0"
    sys_version = ""
    timeout = 300  # idle keep-alive connections are closed after this many seconds
    server: ThreadedServer

    def log_message(self, format: str, *args: Any) -> None:
        """Silenced: logging every request would cost more than handling it."""

    def do_GET(self) -> None:
        self._dispatch()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_GET

    def _dispatch(self) -> None:
        try:
            request = self._read_request()
        except ValueError:
            self.send_error(400, "Bad request body")
            return
        try:
            response = self.server.app.dispatch(request)
        except Exception:
            log.exception("stand-in handler failed for %s %s", request.method, request.path)
            response = Response.json(500, {"error": "stand-in internal error"})
        if response is None:  # a `drop` fault: hang up without answering
            self.close_connection = True
            return
        try:
            self._write(response)
        except (BrokenPipeError, ConnectionResetError):  # client gave up during a hang fault
            self.close_connection = True

    def _read_request(self) -> Request:
        split = urlsplit(self.path)
        headers = {name.lower(): value for name, value in self.headers.items()}
        body = self._read_body(headers)
        return Request(
            method=self.command,
            path=split.path,
            query=parse_qs(split.query, keep_blank_values=True),
            headers=headers,
            body=body,
            json=parse_json(body),
        )

    def _read_body(self, headers: dict[str, str]) -> bytes:
        if "chunked" in headers.get("transfer-encoding", "").lower():
            return self._read_chunked()
        length = int(headers.get("content-length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _read_chunked(self) -> bytes:
        chunks: list[bytes] = []
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass  # trailers
                return b"".join(chunks)
            chunks.append(self.rfile.read(size))
            self.rfile.readline()

    def _write(self, response: Response) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(response.body)
