"""Helpers for tests: real concurrency (PostgreSQL row locks, SKIP LOCKED claims), admin forms."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
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


def admin_form_data(response: Any) -> dict[str, Any]:
    """An admin add or change page's forms as a browser would post them back unchanged: the
    main form and every inline formset with its management form. Tests edit the result to
    forge what a page never offered."""
    data = _posted_values(response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets") or []:
        data.update(_posted_values(inline.formset.management_form))
        for form in inline.formset.forms:
            data.update(_posted_values(form))
    return data


def _posted_values(form: forms.BaseForm) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if field.disabled or value is None or value is False:
            continue
        key = form.add_prefix(name)
        if isinstance(field.widget, forms.MultiWidget):  # split date and time
            for index, part in enumerate(field.widget.decompress(value) or ()):
                values[f"{key}_{index}"] = "" if part is None else str(part)
        else:
            values[key] = "on" if value is True else value
    return values
