"""Helpers for tests that need real concurrency (PostgreSQL row locks, SKIP LOCKED claims)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from django.db import connections

T = TypeVar("T")


def run_in_parallel(count: int, work: Callable[[int], T], *, timeout: float = 120) -> list[T]:
    """Run ``work(i)`` in ``count`` threads released together; each uses its own connection.

    Returns the results in thread order and re-raises nothing silently: any exception in a
    thread fails the calling test with all of them listed.
    """
    barrier = threading.Barrier(count)
    results: list[T | None] = [None] * count
    errors: list[BaseException] = []

    def runner(index: int) -> None:
        try:
            barrier.wait(timeout=10)
            results[index] = work(index)
        except BaseException as exc:  # surfaced to the test below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=runner, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    assert not errors, errors
    return results  # type: ignore[return-value]  # every slot is filled when nothing failed
