"""The webhook hot path's SQL: a raw event row and its processing task row, written without the
ORM's per-save machinery (signals, savepoints, a TaskResult object nobody reads).

Measured on the webhook accept path (docs/bench-ingest.md): the ORM ``create`` of the event, a
savepoint to survive the duplicate's IntegrityError, and django-tasks' ``enqueue`` cost five
round trips and most of the handler's CPU. Here PostgreSQL gets one statement; SQLite, which
cannot put an INSERT in a WITH clause, two in one transaction.

The task row is exactly the one ``django_tasks_db.DatabaseBackend.enqueue`` writes: the values
come from the same model fields, defaults and pre-save rules (``run_after`` NULL becomes the far
future, ``enqueued_at`` is ``auto_now_add``). What is skipped is the ``task_enqueued`` signal,
whose only receiver logs a DEBUG line; it is logged here the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.db import InterfaceError, OperationalError, connections, router, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Field, Model
from django_tasks_db.models import DBTaskResult, get_date_max

from sigap.channels.models import InboundEvent

tasks_logger = logging.getLogger("django_tasks")

# The processing task's only argument is the event id, which the database assigns.
EVENT_ID_ARG = "event_id"


def event_rows_insert(event: InboundEvent, *, enqueue: bool) -> int | None:
    """Insert ``event`` unless its ``(channel, external_id)`` exists, and with ``enqueue`` its
    processing task in the same transaction; the new id, or None for a duplicate."""
    from sigap.channels.tasks import inbound_event_process_task as task

    backend = task.get_backend()
    alias = router.db_for_write(InboundEvent)
    connection = connections[alias]
    if not enqueue:
        return _event_insert(connection, event)
    if not tasks_share_the_database(backend, alias):
        new_id = _event_insert(connection, event)
        if new_id is not None:  # any other backend gets the task once the row is committed
            transaction.on_commit(lambda: task.enqueue(event_id=new_id), using=alias)
        return new_id
    backend.validate_task(task)
    row = _task_row(task, backend)
    if connection.vendor == "postgresql":
        event_id = _retried_on_a_dead_connection(
            connection, lambda: _both_in_one_statement(connection, event, row)
        )
    else:
        with transaction.atomic(using=alias):
            event_id = _event_insert(connection, event)
            if event_id is not None:
                row.args_kwargs = _args_kwargs(event_id)
                _insert(connection, row)
    if event_id is not None:
        tasks_logger.debug(
            "Task id=%s path=%s enqueued backend=%s", row.id, row.task_path, row.backend_name
        )
    return event_id


def _retried_on_a_dead_connection(
    connection: BaseDatabaseWrapper, statement: Callable[[], int | None]
) -> int | None:
    """Run ``statement`` without the CONN_HEALTH_CHECKS ping, once more on a new connection
    if the reused one turns out dead.

    Django pings a reused connection (SELECT 1) before a request's first query: one more round
    trip per webhook than the insert itself. The single statement here is safe to repeat (were
    the first run committed after all, the second finds a duplicate and adds nothing), so it
    is simply tried. Inside a transaction nothing can be retried: the ping stays.
    """
    if connection.in_atomic_block or connection.connection is None:
        return statement()
    connection.health_check_done = True  # type: ignore[attr-defined]  # (not in the stubs)
    try:
        return statement()
    except (OperationalError, InterfaceError):
        if connection.connection is not None and connection.is_usable():
            raise  # the connection is fine: a real error, not a stale connection
        connection.close()
        return statement()


def tasks_share_the_database(backend: object, alias: str) -> bool:
    """Whether task rows live in the events' database, so they can join its transaction."""
    from django_tasks_db import DatabaseBackend

    return isinstance(backend, DatabaseBackend) and router.db_for_write(DBTaskResult) == alias


def _task_row(task: Any, backend: Any) -> DBTaskResult:
    """The row ``DatabaseBackend._task_to_db_task`` would create (its id function included)."""
    return DBTaskResult(
        id=backend._get_id(),
        args_kwargs=None,  # set once the event id is known
        priority=task.priority,
        task_path=task.module_path,
        queue_name=task.queue_name,
        run_after=task.run_after if task.run_after is not None else get_date_max(),
        backend_name=backend.alias,
    )


def _args_kwargs(event_id: int) -> dict[str, Any]:
    # What django_tasks' normalize_json makes of enqueue(event_id=…).
    return {"args": [], "kwargs": {EVENT_ID_ARG: event_id}}


def _fields(model: type[Model]) -> list[Field]:
    """The columns an INSERT writes: every concrete field but an auto-increment key."""
    return [f for f in model._meta.concrete_fields if not (f.primary_key and f.db_returning)]


def _values(connection: BaseDatabaseWrapper, row: Model) -> list[Any]:
    """Each column's database value, prepared as the ORM's insert prepares it."""
    return [f.get_db_prep_save(f.pre_save(row, True), connection) for f in _fields(type(row))]


def _event_insert(connection: BaseDatabaseWrapper, event: InboundEvent) -> int | None:
    with connection.cursor() as cursor:
        cursor.execute(_sql(connection, "event"), _values(connection, event))
        found = cursor.fetchone()
    return None if found is None else int(found[0])


def _insert(connection: BaseDatabaseWrapper, row: DBTaskResult) -> None:
    with connection.cursor() as cursor:
        cursor.execute(_sql(connection, "task"), _values(connection, row))


def _both_in_one_statement(
    connection: BaseDatabaseWrapper, event: InboundEvent, row: DBTaskResult
) -> int | None:
    """One statement, so atomic without BEGIN/COMMIT round trips: the task row is selected
    from the event insert's RETURNING, so a duplicate (no row returned) enqueues nothing."""
    task_values = [
        value
        for field, value in zip(_fields(DBTaskResult), _values(connection, row), strict=True)
        if field.attname != "args_kwargs"  # built in SQL from the new event id
    ]
    with connection.cursor() as cursor:
        cursor.execute(_sql(connection, "both"), [*_values(connection, event), *task_values])
        found = cursor.fetchone()
    return None if found is None else int(found[0])


_statements: dict[tuple[str, str], str] = {}


def _sql(connection: BaseDatabaseWrapper, kind: str) -> str:
    key = (connection.alias, kind)
    if key not in _statements:
        _statements[key] = _build_sql(connection, kind)
    return _statements[key]


def _build_sql(connection: BaseDatabaseWrapper, kind: str) -> str:
    """The statements, from model metadata only: quoted identifiers and %s placeholders, so
    nothing from a request ever reaches the SQL text."""
    quote = connection.ops.quote_name
    pk = quote(str(InboundEvent._meta.pk.column))

    def insert_into(model: type[Model]) -> str:
        names = ", ".join(quote(str(f.column)) for f in _fields(model))
        return f"INSERT INTO {quote(model._meta.db_table)} ({names})"

    def placeholders(model: type[Model]) -> str:
        return ", ".join(["%s"] * len(_fields(model)))

    # The inbound_event_unique constraint: the one conflict that means "already stored".
    event = (
        f"{insert_into(InboundEvent)} VALUES ({placeholders(InboundEvent)})"
        f" ON CONFLICT ({quote('channel')}, {quote('external_id')}) DO NOTHING RETURNING {pk}"
    )
    if kind == "event":
        return event
    if kind == "task":
        return f"{insert_into(DBTaskResult)} VALUES ({placeholders(DBTaskResult)})"
    selected = [
        "jsonb_build_object('args', jsonb_build_array(), 'kwargs',"
        f" jsonb_build_object('{EVENT_ID_ARG}', event.{pk}))"
        if f.attname == "args_kwargs"
        # An INSERT … SELECT does not type its parameters from the target columns.
        else f"CAST(%s AS {f.db_type(connection)})"
        for f in _fields(DBTaskResult)
    ]
    task = f"{insert_into(DBTaskResult)} SELECT {', '.join(selected)} FROM event"  # noqa: S608
    return f"WITH event AS ({event}), task AS ({task}) SELECT {pk} FROM event"  # noqa: S608
