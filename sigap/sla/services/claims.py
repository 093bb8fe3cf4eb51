"""Claiming SLA steps with conditional UPDATEs: of several workers, exactly one moves a case on.

A claim names everything the sweeper's decision was made from (version, status, the stage
levels and deadlines, ``sla_next_at``). The UPDATE only matches the row if all of them are still
the same, so a second worker that decided the same step from the same row updates nothing. On
PostgreSQL a whole batch is claimed in one statement (``UPDATE … FROM unnest(…) RETURNING``);
the per-row condition, re-checked after any concurrent writer commits, is the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import connection

from sigap.cases.models import Case
from sigap.sla.clocks import DUE_FIELD, LEVEL_FIELD

_LEVELS = list(LEVEL_FIELD.values())
_DUES = list(DUE_FIELD.values())


@dataclass(frozen=True)
class Claim:
    """Move ``case`` (as read) to ``levels`` and ``next_at``; maybe record its first response."""

    case: Case
    levels: dict[str, int]
    next_at: datetime | None
    first_response_at: datetime | None = None


def _seen(case: Case) -> dict[str, Any]:
    return {
        "version": case.version,
        "status": case.status,
        "sla_next_at": case.sla_next_at,
        **{column: getattr(case, column) for column in _LEVELS},
        **{column: getattr(case, column) for column in _DUES},
    }


def sla_step_claim(
    *,
    case: Case,
    levels: dict[str, int],
    next_at: datetime | None,
    first_response_at: datetime | None = None,
) -> bool:
    """One case: ``UPDATE cases_case SET <stage>_sla_level = new, sla_next_at = … WHERE id = …
    AND version = seen AND status = seen AND <each level> = seen AND <each deadline> = seen``."""
    seen = {"pk": case.pk, **_seen(case)}
    changes: dict[str, object] = {LEVEL_FIELD[stage]: level for stage, level in levels.items()}
    changes["sla_next_at"] = next_at
    if first_response_at is not None:
        seen["first_response_at"] = None
        changes["first_response_at"] = first_response_at
    return Case.objects.filter(**seen).update(**changes) == 1


def sla_steps_claim(claims: list[Claim]) -> set[int]:
    """Claim a batch; returns the ids of the cases whose claim won."""
    if not claims:
        return set()
    if connection.vendor != "postgresql":
        return {claim.case.pk for claim in claims if sla_step_claim(**_kwargs(claim))}
    return _claim_batch_postgresql(claims)


def _kwargs(claim: Claim) -> dict[str, Any]:
    return {
        "case": claim.case,
        "levels": claim.levels,
        "next_at": claim.next_at,
        "first_response_at": claim.first_response_at,
    }


# (name in VALUES, SQL type): the seen state, then the new state.
_COLUMNS: list[tuple[str, str]] = [
    ("id", "bigint"),
    ("version", "integer"),
    ("status", "text"),
    ("seen_next_at", "timestamptz"),
    *[(f"seen_{column}", "integer") for column in _LEVELS],
    *[(f"seen_{column}", "timestamptz") for column in _DUES],
    *[(f"new_{column}", "integer") for column in _LEVELS],
    ("new_next_at", "timestamptz"),
    ("responded_at", "timestamptz"),
]


def _claim_batch_postgresql(claims: list[Claim]) -> set[int]:
    table = Case._meta.db_table
    sets = [f"{column} = v.new_{column}" for column in _LEVELS] + [
        "sla_next_at = v.new_next_at",
        "first_response_at = COALESCE(v.responded_at, c.first_response_at)",
    ]
    matches = [
        "c.id = v.id",
        "c.version = v.version",
        "c.status = v.status",
        "c.sla_next_at IS NOT DISTINCT FROM v.seen_next_at",
        *[f"c.{column} = v.seen_{column}" for column in _LEVELS],
        *[f"c.{column} IS NOT DISTINCT FROM v.seen_{column}" for column in _DUES],
        "(v.responded_at IS NULL OR c.first_response_at IS NULL)",
    ]
    # One array per column (unnest) keeps the statement short whatever the batch size. Only
    # column names from our own constants are interpolated; every value is a parameter.
    arrays = ", ".join(f"%s::{sql_type}[]" for _name, sql_type in _COLUMNS)
    sql = (
        f"UPDATE {table} AS c SET {', '.join(sets)} "  # noqa: S608
        f"FROM unnest({arrays}) AS v({', '.join(name for name, _type in _COLUMNS)}) "
        f"WHERE {' AND '.join(matches)} RETURNING c.id"
    )
    rows: list[list[Any]] = []
    for claim in claims:
        seen = _seen(claim.case)
        levels = {LEVEL_FIELD[stage]: level for stage, level in claim.levels.items()}
        rows.append(
            [claim.case.pk, seen["version"], seen["status"], seen["sla_next_at"]]
            + [seen[column] for column in _LEVELS]
            + [seen[column] for column in _DUES]
            + [levels.get(column, seen[column]) for column in _LEVELS]
            + [claim.next_at, claim.first_response_at]
        )
    with connection.cursor() as cursor:
        cursor.execute(sql, [list(column) for column in zip(*rows, strict=True)])
        return {row[0] for row in cursor.fetchall()}
