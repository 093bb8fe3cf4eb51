"""Lifecycle shared by the line-protocol stand-ins (IMAP, SMTP): a threaded TCP server on loopback.

The HTTP stand-ins share `StandinServer`; these speak their own protocols over raw sockets, so
they share only the part that is the same: binding, the serving thread, tracking connections
so a test can cut them all (a crashing server), and the context-manager protocol.
"""

from __future__ import annotations

import contextlib
import itertools
import socket
import socketserver
import threading
from types import TracebackType
from typing import Any, ClassVar, Self


class TcpServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        address: tuple[str, int],
        handler: type[socketserver.BaseRequestHandler],
        standin: TcpStandin,
    ) -> None:
        self.standin = standin
        super().__init__(address, handler)


class TcpStandin:
    """Base of a threaded TCP stand-in; subclasses set `handler` and `thread_name`.

    `guard` is the subclass's own lock (or condition): connection bookkeeping shares it so
    that one lock orders everything a session records.
    """

    handler: ClassVar[type[socketserver.BaseRequestHandler]]
    thread_name: ClassVar[str] = "tcp-standin"

    def __init__(
        self, host: str, port: int, *, idle_timeout: float, guard: Any | None = None
    ) -> None:
        self.idle_timeout = idle_timeout
        self._guard = guard if guard is not None else threading.Lock()
        self._connections: dict[socket.socket, int] = {}
        self._connection_ids = itertools.count(1)
        self._server = TcpServer((host, port), self.handler, self)
        self._thread: threading.Thread | None = None

    @property
    def host(self) -> str:
        return str(self._server.server_address[0])

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def start(self) -> Self:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                kwargs={"poll_interval": 0.05},
                name=self.thread_name,
                daemon=True,
            )
            self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in the foreground (the command-line stand-ins) until interrupted."""
        try:
            self._server.serve_forever(poll_interval=0.5)
        finally:
            self._server.server_close()
            self.drop_connections()

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join()
            self._thread = None
        self._server.server_close()
        self.drop_connections()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def drop_connections(self) -> None:
        """Cut every open connection without a goodbye, like a crashing or restarting server."""
        with self._guard:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                connection.close()

    # -- used by sessions ------------------------------------------------------------------

    def _register(self, connection: socket.socket) -> int:
        with self._guard:
            number = next(self._connection_ids)
            self._connections[connection] = number
            return number

    def _unregister(self, connection: socket.socket) -> None:
        with self._guard:
            self._connections.pop(connection, None)
