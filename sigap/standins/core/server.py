"""The base class of the stand-in servers: lifecycle, recording, faults, control API, outbound."""

from __future__ import annotations

import http.client
import itertools
import threading
import time
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any, Self

from sigap.standins.core.records import (
    FAULT_FIELDS,
    Delivery,
    Fault,
    FaultBook,
    RecordedRequest,
    Recorder,
)
from sigap.standins.core.scheduler import Scheduler
from sigap.standins.core.transport import (
    CONTROL_PREFIX,
    HttpPoster,
    Request,
    Response,
    ThreadedServer,
    parse_json,
)

ControlRoute = Callable[[Request], Response]


class StandinServer:
    """Base of the stand-ins: lifecycle, recording, faults, control API and outbound POSTs.

    Subclasses implement `route()` and may override `prepare()`, `recipient_of()`,
    `error_body()`, `fault_from_spec()`, `control_routes()` and `reset()`.
    """

    name = "standin"

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        max_records: int = 50_000,
        webhook_workers: int = 4,
        webhook_timeout: float = 10.0,
    ) -> None:
        self._requests: Recorder[RecordedRequest] = Recorder(max_records)
        self._deliveries: Recorder[Delivery] = Recorder(max_records)
        self._seq = itertools.count(1)
        self._stopping = threading.Event()
        self.faults = FaultBook()
        # Bind first: a port already in use then fails before any worker thread starts.
        self._httpd = ThreadedServer((host, port), self)
        self._poster = HttpPoster(timeout=webhook_timeout)
        self._scheduler = Scheduler(webhook_workers, self.name)
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        host = str(self._httpd.server_address[0])
        if host in ("0.0.0.0", ""):  # noqa: S104 - reachable through loopback when bound to all
            host = "127.0.0.1"
        return f"http://{host}:{self.port}"

    def start(self) -> Self:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._httpd.serve_forever,
                kwargs={"poll_interval": 0.02},
                name=f"{self.name}-http",
                daemon=True,
            )
            self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in the calling thread until interrupted (used by the CLIs)."""
        try:
            self._httpd.serve_forever(poll_interval=0.5)
        finally:
            self.stop()

    def stop(self) -> None:
        if self._stopping.is_set():
            return
        self._stopping.set()
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
        self._httpd.close_connections()
        self._httpd.server_close()
        self._scheduler.stop()
        self._poster.close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- recording -------------------------------------------------------------------------

    def requests(
        self, *, path_contains: str | None = None, method: str | None = None
    ) -> list[RecordedRequest]:
        return self._requests.select(_request_filter(path_contains, method))

    def wait_for(
        self, predicate: Callable[[RecordedRequest], bool], timeout: float = 5.0
    ) -> RecordedRequest:
        return self._requests.wait_for(predicate, timeout)[0]

    def deliveries(
        self, *, kind: str | None = None, url_contains: str | None = None
    ) -> list[Delivery]:
        return self._deliveries.select(_delivery_filter(kind, url_contains))

    def wait_for_deliveries(
        self, predicate: Callable[[Delivery], bool], count: int = 1, timeout: float = 5.0
    ) -> list[Delivery]:
        return self._deliveries.wait_for(predicate, timeout, count)

    def wait_idle(self, timeout: float = 5.0) -> None:
        """Wait until every scheduled webhook has been posted."""
        self._scheduler.wait_idle(timeout)

    # -- faults ----------------------------------------------------------------------------

    def add_fault(self, fault: Fault) -> Fault:
        return self.faults.add(fault)

    def fail_next(
        self,
        n: int | None = 1,
        *,
        status: int = 500,
        body: Any = None,
        path_contains: str | None = None,
        recipient: str | None = None,
        method: str | None = None,
    ) -> Fault:
        """Answer the next `n` matching requests with `status` (provider-shaped error body)."""
        body = self.error_body(status) if body is None else body
        return self.add_fault(Fault(n, path_contains, method, recipient, status=status, body=body))

    def hang_next(
        self,
        seconds: float,
        n: int | None = 1,
        *,
        path_contains: str | None = None,
        recipient: str | None = None,
        method: str | None = None,
    ) -> Fault:
        """Delay the next `n` matching requests by `seconds` (client timeouts), then answer."""
        return self.add_fault(Fault(n, path_contains, method, recipient, delay=seconds))

    def drop_next(
        self,
        n: int | None = 1,
        *,
        path_contains: str | None = None,
        recipient: str | None = None,
        method: str | None = None,
    ) -> Fault:
        """Close the connection without answering the next `n` matching requests."""
        return self.add_fault(Fault(n, path_contains, method, recipient, drop=True))

    def reset(self) -> None:
        """Forget recorded requests/deliveries, faults and pending webhooks; keep configuration."""
        self._requests.clear()
        self._deliveries.clear()
        self.faults.clear()
        self._scheduler.clear()

    # -- outbound --------------------------------------------------------------------------

    def deliver_to(
        self, url: str, body: bytes, headers: Mapping[str, str], *, kind: str = "raw"
    ) -> Delivery:
        """POST `body` to `url` now, record it and return the outcome (never raises on HTTP)."""
        return self.post_recorded(url, body, headers, kind)

    def post_recorded(
        self, url: str, body: bytes, headers: Mapping[str, str], kind: str
    ) -> Delivery:
        status: int | None = None
        response_body = b""
        error = None
        try:
            status, response_body = self._poster.post(url, body, headers)
        except (http.client.HTTPException, OSError) as exc:
            error = f"{type(exc).__name__}: {exc}"
        delivery = Delivery(
            seq=next(self._seq),
            kind=kind,
            url=url,
            headers=dict(headers),
            body=body,
            json=parse_json(body),
            status_code=status,
            response_body=response_body,
            error=error,
            time=time.time(),
        )
        self._deliveries.add(delivery)
        return delivery

    def schedule_delivery(
        self, delay: float, url: str, body: bytes, headers: Mapping[str, str], kind: str
    ) -> None:
        def post() -> None:
            self.post_recorded(url, body, headers, kind)

        self._scheduler.schedule(delay, post)

    def schedule(self, delay: float, run: Callable[[], None]) -> None:
        """Run `run` on a webhook worker after `delay` seconds."""
        self._scheduler.schedule(delay, run)

    # -- request handling ------------------------------------------------------------------

    def dispatch(self, request: Request) -> Response | None:
        if request.path.startswith(CONTROL_PREFIX):
            return self._control(request)
        self.prepare(request)
        self._record(request)
        fault = self.faults.take(request.method, request.path, self.recipient_of(request))
        if fault is not None:
            request.fault = fault
            if fault.delay:
                self._stopping.wait(fault.delay)
            if fault.drop:
                return None
            if fault.status is not None:
                body = self.error_body(fault.status) if fault.body is None else fault.body
                return Response.json(fault.status, body, fault.headers)
        return self.route(request)

    def prepare(self, request: Request) -> None:
        """Hook to parse provider-specific bodies before recording."""

    def route(self, request: Request) -> Response:
        raise NotImplementedError

    def recipient_of(self, request: Request) -> str | None:
        return None

    def error_body(self, status: int) -> Any:
        return {"error": http.client.responses.get(status, "Error")}

    def _record(self, request: Request) -> None:
        self._requests.add(
            RecordedRequest(
                seq=next(self._seq),
                method=request.method,
                path=request.path,
                query=request.query,
                headers=request.headers,
                body=request.body,
                json=request.json,
                time=time.time(),
            )
        )

    # -- control API -----------------------------------------------------------------------

    def fault_from_spec(self, spec: dict[str, Any]) -> Fault:
        unknown = set(spec) - FAULT_FIELDS
        if unknown:
            raise ValueError(f"unknown fault fields: {sorted(unknown)}")
        return Fault(**spec)

    def control_routes(self) -> dict[tuple[str, str], ControlRoute]:
        return {
            ("GET", "health"): lambda r: Response.json(200, {"ok": True, "name": self.name}),
            ("GET", "requests"): self._control_requests,
            ("GET", "deliveries"): self._control_deliveries,
            ("GET", "faults"): lambda r: Response.json(200, self._faults_json()),
            ("POST", "faults"): self._control_add_fault,
            ("DELETE", "faults"): self._control_clear_faults,
            ("POST", "reset"): self._control_reset,
        }

    def _control(self, request: Request) -> Response:
        name = request.path[len(CONTROL_PREFIX) :].strip("/")
        handler = self.control_routes().get((request.method, name))
        if handler is None:
            return Response.json(404, {"error": f"no control route {request.method} {name}"})
        try:
            return handler(request)
        except (ValueError, TypeError, KeyError) as exc:
            return Response.json(400, {"error": str(exc)})

    def _control_requests(self, request: Request) -> Response:
        items = self.requests(
            path_contains=request.query_value("path_contains"),
            method=request.query_value("method"),
        )
        """`?path_contains=&method=&since=<seq>&limit=<last n>`"""
        since = int(request.query_value("since") or 0)
        limit = int(request.query_value("limit") or 0)
        selected = [r for r in items if r.seq > since]
        if limit:
            selected = selected[-limit:]
        return Response.json(200, {"requests": [r.to_json() for r in selected]})

    def _control_deliveries(self, request: Request) -> Response:
        items = self.deliveries(
            kind=request.query_value("kind"), url_contains=request.query_value("url_contains")
        )
        return Response.json(200, {"deliveries": [d.to_json() for d in items]})

    def _control_add_fault(self, request: Request) -> Response:
        if not isinstance(request.json, dict):
            raise ValueError("expected a JSON object describing the fault")
        fault = self.add_fault(self.fault_from_spec(dict(request.json)))
        return Response.json(201, {"fault": fault.to_json()})

    def _control_clear_faults(self, request: Request) -> Response:
        self.faults.clear()
        return Response.json(200, {"ok": True})

    def _control_reset(self, request: Request) -> Response:
        self.reset()
        return Response.json(200, {"ok": True})

    def _faults_json(self) -> dict[str, Any]:
        return {"faults": [fault.to_json() for fault in self.faults.snapshot()]}


def _request_filter(
    path_contains: str | None, method: str | None
) -> Callable[[RecordedRequest], bool] | None:
    if path_contains is None and method is None:
        return None
    return lambda r: (
        (path_contains is None or path_contains in r.path)
        and (method is None or r.method == method.upper())
    )


def _delivery_filter(kind: str | None, url_contains: str | None) -> Callable[[Delivery], bool]:
    return lambda d: (
        (kind is None or d.kind == kind) and (url_contains is None or url_contains in d.url)
    )


def parse_pair(text: str) -> tuple[str, str]:
    """Parse a CLI `ID=VALUE` option."""
    key, sep, value = text.partition("=")
    if not sep or not key or not value:
        raise ValueError(f"expected ID=VALUE, got {text!r}")
    return key, value
