"""Delayed jobs on a few worker threads, for asynchronous webhooks."""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

log = logging.getLogger("sigap.standins")


@dataclass(order=True)
class _Job:
    due: float
    seq: int
    run: Callable[[], None] = field(compare=False)


class Scheduler:
    """Runs callables after a delay on a few worker threads (for asynchronous webhooks)."""

    def __init__(self, workers: int, name: str) -> None:
        self._heap: list[_Job] = []
        self._cond = threading.Condition()
        self._seq = itertools.count()
        self._busy = 0
        self._stopped = False
        self._threads = [
            threading.Thread(target=self._work, name=f"{name}-webhooks-{i}", daemon=True)
            for i in range(max(1, workers))
        ]
        for thread in self._threads:
            thread.start()

    def schedule(self, delay: float, run: Callable[[], None]) -> None:
        with self._cond:
            heapq.heappush(self._heap, _Job(time.monotonic() + delay, next(self._seq), run))
            self._cond.notify_all()

    def wait_idle(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._heap or self._busy:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(f"{len(self._heap) + self._busy} webhook jobs still pending")
                self._cond.wait(min(remaining, 0.05))

    def clear(self) -> None:
        with self._cond:
            self._heap.clear()

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._heap.clear()
            self._cond.notify_all()
        for thread in self._threads:
            thread.join(timeout=2)

    def _work(self) -> None:
        while True:
            with self._cond:
                job = self._next_due()
                if job is None:
                    return
                self._busy += 1
            try:
                job.run()
            except Exception:
                log.exception("stand-in webhook job failed")
            finally:
                with self._cond:
                    self._busy -= 1
                    self._cond.notify_all()

    def _next_due(self) -> _Job | None:
        while not self._stopped:
            if not self._heap:
                self._cond.wait()
                continue
            wait = self._heap[0].due - time.monotonic()
            if wait <= 0:
                return heapq.heappop(self._heap)
            self._cond.wait(wait)
        return None
