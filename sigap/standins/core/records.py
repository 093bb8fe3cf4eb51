"""Recording of requests and deliveries, and programmable faults."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class RecordedRequest:
    """One request the stand-in received (control API calls are not recorded)."""

    seq: int
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # names lower-cased
    body: bytes
    json: Any  # parsed JSON body; for Telegram also the form/query parameters
    time: float

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "headers": self.headers,
            "json": self.json,
            "body": None if self.json is not None else self.body.decode("utf-8", "replace"),
            "time": self.time,
        }


@dataclass(frozen=True)
class Delivery:
    """One POST the stand-in made to Sigap (status webhook, injected inbound message, update)."""

    seq: int
    kind: str
    url: str
    headers: dict[str, str]
    body: bytes
    json: Any
    status_code: int | None
    response_body: bytes
    error: str | None
    time: float

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "kind": self.kind,
            "url": self.url,
            "headers": self.headers,
            "json": self.json,
            "status_code": self.status_code,
            "error": self.error,
            "time": self.time,
        }


class Recorder(Generic[T]):
    """Thread-safe bounded list with a blocking `wait_for`."""

    def __init__(self, maxlen: int) -> None:
        self._items: deque[T] = deque(maxlen=maxlen)
        self._cond = threading.Condition()

    def add(self, item: T) -> None:
        with self._cond:
            self._items.append(item)
            self._cond.notify_all()

    def select(self, predicate: Callable[[T], bool] | None = None) -> list[T]:
        with self._cond:
            items = list(self._items)
        return items if predicate is None else [item for item in items if predicate(item)]

    def wait_for(self, predicate: Callable[[T], bool], timeout: float, count: int = 1) -> list[T]:
        """Block until `count` items match; raise TimeoutError with what was seen otherwise."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [item for item in self._items if predicate(item)]
                if len(found) >= count:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(f"{len(found)} of {count} expected items after {timeout}s")
                self._cond.wait(remaining)

    def clear(self) -> None:
        with self._cond:
            self._items.clear()


@dataclass
class Fault:
    """A programmed misbehaviour for the next `times` matching requests (`None` = until reset).

    Order of effects: wait `delay` seconds (a hang, to exercise client timeouts), then either close
    the connection without answering (`drop`), answer `status` with `body`, or handle the request
    normally. `async_error` (Meta only) accepts a send and reports a `failed` status webhook.
    """

    times: int | None = 1
    path_contains: str | None = None
    method: str | None = None
    recipient: str | None = None
    status: int | None = None
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drop: bool = False
    async_error: int | None = None

    def matches(self, method: str, path: str, recipient: str | None) -> bool:
        if self.method is not None and self.method.upper() != method:
            return False
        if self.path_contains is not None and self.path_contains not in path:
            return False
        return self.recipient is None or _same_recipient(self.recipient, recipient)

    def to_json(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


FAULT_FIELDS = frozenset(Fault.__dataclass_fields__)


def _same_recipient(expected: str, actual: str | None) -> bool:
    # Phone numbers arrive as "+62 812-…" or "62812…"; compare them without the punctuation.
    if actual is None:
        return False
    strip = str.maketrans("", "", "+- ()")
    return str(expected).translate(strip) == str(actual).translate(strip)


class FaultBook:
    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()

    def add(self, fault: Fault) -> Fault:
        with self._lock:
            self._faults.append(fault)
        return fault

    def take(self, method: str, path: str, recipient: str | None) -> Fault | None:
        if not self._faults:  # lock-free fast path: the common case in benchmarks
            return None
        with self._lock:
            for fault in self._faults:
                if fault.matches(method, path, recipient):
                    if fault.times is not None:
                        fault.times -= 1
                        if fault.times <= 0:
                            self._faults.remove(fault)
                    return fault
        return None

    def snapshot(self) -> list[Fault]:
        with self._lock:
            return list(self._faults)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()
