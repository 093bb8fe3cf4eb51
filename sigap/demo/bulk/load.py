"""Writing generated rows fast: COPY (PostgreSQL) or bulk_create, ids from the sequences."""

from __future__ import annotations

import base64
import contextlib
import json
import queue
import random
import secrets
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import connection, models, transaction

from sigap.cases.models import (
    OPEN_STATUSES,
    Case,
    CaseEvent,
    Disposition,
    Message,
)
from sigap.contacts.models import Contact, ContactIdentity
from sigap.core.ids import CODE_ALPHABET

BATCH_SIZE = 5_000
Progress = Callable[[int, int], None]

if TYPE_CHECKING:
    from sigap.demo.bulk.rows import BatchBuilder, Table


@dataclass
class BulkResult:
    cases: int = 0
    contacts: int = 0
    events: int = 0
    seconds: float = 0.0
    by_status: Counter[str] = field(default_factory=Counter)

    @property
    def open_cases(self) -> int:
        return sum(n for status, n in self.by_status.items() if status in OPEN_STATUSES)


# --- writing ----------------------------------------------------------------------------------


class Ids:
    """Primary keys taken from the table's own sequence, so later inserts never collide."""

    def __init__(self, model: type[models.Model]) -> None:
        self.table = model._meta.db_table
        self.free: list[int] = []
        self.sqlite_next: int | None = None

    def take(self) -> int:
        if not self.free:
            self.free = self._fetch(BATCH_SIZE)[::-1]
        return self.free.pop()

    def _fetch(self, count: int) -> list[int]:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                    [self.table, count],
                )
                return [row[0] for row in cursor.fetchall()]
            if self.sqlite_next is None:  # one writer: the demo command
                cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {self.table}")  # noqa: S608
                self.sqlite_next = int(cursor.fetchone()[0])
            first, self.sqlite_next = self.sqlite_next, self.sqlite_next + count
            return list(range(first, first + count))


class Writer:
    """Writes each batch in its own transaction: COPY on PostgreSQL, bulk_create elsewhere."""

    def __init__(self) -> None:
        self.case_ids, self.contact_ids = Ids(Case), Ids(Contact)
        self.contacts: dict[str, list[int]] = {}
        # Public codes are random: remember every one in use, so none repeats.
        self.codes: set[str] = set(Case.objects.values_list("code", flat=True).iterator())
        self.tokens: list[str] = []

    def unique_code(self, rng: random.Random) -> str:
        """A public code (not a secret: it names the case in URLs), never one in use."""
        code = "".join(rng.choices(CODE_ALPHABET, k=10))
        while code in self.codes:
            code = "".join(rng.choices(CODE_ALPHABET, k=10))
        self.codes.add(code)
        return code

    def citizen_token(self) -> str:
        """Like ``sigap.core.ids.citizen_token`` (192 random bits), drawn 5,000 at a time."""
        if not self.tokens:
            raw = base64.urlsafe_b64encode(secrets.token_bytes(24 * BATCH_SIZE)).decode()
            self.tokens = [raw[i : i + 32] for i in range(0, len(raw), 32)]
        return self.tokens.pop()

    @transaction.atomic
    def flush(self, builder: BatchBuilder, result: BulkResult) -> None:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit = off")  # demo data: speed first
                for table in builder.tables.values():
                    copy_rows(cursor, table)
        else:
            for table in builder.tables.values():
                table.model._default_manager.bulk_create(
                    [table.model(**dict(zip((f.attname for f in table.fields), row, strict=True)))
                     for row in table.rows],
                    batch_size=500,
                )  # fmt: skip
        result.cases += len(builder.tables[Case].rows)
        result.contacts += len(builder.tables[Contact].rows)
        result.events += len(builder.tables[CaseEvent].rows)
        result.by_status.update(builder.statuses)


class Flusher:
    """Hands batches to the writer; on PostgreSQL outside a transaction, in a second thread.

    Building rows is Python work, loading them is the server's: overlapping the two uses both
    cores. Inside a transaction (tests) the rows must go through the caller's connection.
    """

    def __init__(self, writer: Writer, result: BulkResult, progress: Progress | None, total: int):
        self.writer, self.result, self.progress, self.total = writer, result, progress, total
        self.threaded = connection.vendor == "postgresql" and not connection.in_atomic_block
        self.queue: queue.Queue[BatchBuilder | None] = queue.Queue(maxsize=2)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True) if self.threaded else None
        if self.thread is not None:
            self.thread.start()

    def submit(self, builder: BatchBuilder) -> None:
        if self.error is not None:
            raise self.error
        if self.thread is None:
            self._write(builder)
        else:
            self.queue.put(builder)

    def close(self) -> None:
        if self.thread is not None:
            self.queue.put(None)
            self.thread.join()
        if self.error is not None:
            raise self.error

    def _run(self) -> None:
        try:
            while (builder := self.queue.get()) is not None:
                if self.error is None:
                    self._write(builder)
        except BaseException as exc:  # handed to the caller's thread, which raises it
            self.error = exc
            while self.queue.get() is not None:  # let the producer finish and close
                pass
        finally:
            connection.close()

    def _write(self, builder: BatchBuilder) -> None:
        self.writer.flush(builder, self.result)
        if self.progress is not None:
            self.progress(self.result.cases, self.total)


def copy_rows(cursor: Any, table: Table) -> None:
    if not table.rows:
        return
    columns = ", ".join(f'"{f.column}"' for f in table.fields)
    sql = f"COPY {table.model._meta.db_table} ({columns}) FROM STDIN"
    with cursor.cursor.copy(sql) as copy:
        for row in table.rows:
            if table.json:
                values = list(row)
                for i in table.json:
                    values[i] = json.dumps(values[i], ensure_ascii=False) if values[i] else "{}"
                row = tuple(values)
            copy.write_row(row)


LOADED = (Contact, ContactIdentity, Case, Message, Disposition, CaseEvent)


@contextlib.contextmanager
def indexes_rebuilt_after(enabled: bool) -> Iterator[None]:
    """Bulk-load practice for big loads: drop the secondary indexes and constraints of the
    tables we fill, load, rebuild them once (several times faster than maintaining a dozen
    indexes and foreign-key checks row by row). Definitions come back as PostgreSQL reports
    them; rebuilding the constraints also checks every loaded row against them.
    """
    if not enabled:
        yield
        return
    tables = [model._meta.db_table for model in LOADED]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE conrelid = ANY(%s::regclass[]) AND contype IN ('u', 'f')",
            [tables],
        )
        constraints = cursor.fetchall()
        cursor.execute(
            "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
            "JOIN pg_class i ON i.oid = x.indexrelid "
            "WHERE x.indrelid = ANY(%s::regclass[]) AND NOT x.indisprimary "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)",
            [tables],
        )
        indexes = cursor.fetchall()
        for table, name, _definition in constraints:
            cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET maintenance_work_mem = '512MB'")
            for _name, definition in indexes:
                cursor.execute(definition)
            # Unique constraints before foreign keys: a key must point at a unique column.
            for table, name, definition in sorted(constraints, key=lambda c: "FOREIGN" in c[2]):
                cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
            cursor.execute("RESET maintenance_work_mem")
