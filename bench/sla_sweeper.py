"""SLA sweeper benchmark: one sweep over 1,000,000 open cases in PostgreSQL, a few thousand due.

    .venv/bin/python bench/sla_sweeper.py [--cases 1000000] [--due 3000] [--autoclose 300]
        [--repeat 3] [--wait-quiet 120] [--keep] [--json F]
        [--database-url postgres://postgres@127.0.0.1:5432/sigap_bench_sla]

Creates a scratch database (dropped afterwards unless --keep), migrates it, adds a Pemda with 40
OPDs, 160 officers and heads, a coordinator and a leader, then:

* ``--cases`` minus the due ones as synthetic open cases, generated inside PostgreSQL with one
  ``INSERT … SELECT … generate_series`` (no services, no Python per row). Their SLA columns are
  plausible, not computed: the sweeper never reads them, except to skip them through the index;
* ``--due`` open cases whose SLA columns the engine computed exactly (``deadline_columns``),
  received over the last 20 days with a mix of statuses and levels so that a warning or an
  escalation is due now, plus ``--autoclose`` resolved cases whose auto-closure is due. These go
  in with ``bulk_create``.

Then it times ``--repeat`` sweeps, each over a fresh due set (waiting first for a quiet machine,
since other sessions share it), and one steady-state sweep with nothing due. It reports wall
time, the benchmark's own CPU time and how many cores the whole machine kept busy meanwhile,
checks that no step was recorded twice, and prints the query plan of the sweeper's read.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from bench.harness import Stack, machine

TARGET_SECONDS = 10.0
AGENCIES = 40
OFFICERS_PER_AGENCY = 3


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=1_000_000, help="open cases in total")
    parser.add_argument("--due", type=int, default=3000, help="open cases with a step due now")
    parser.add_argument("--autoclose", type=int, default=300, help="resolved cases to auto-close")
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/sigap_bench_sla"
    )
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--repeat", type=int, default=3, help="sweeps over a fresh due set each (median reported)"
    )
    parser.add_argument(
        "--wait-quiet",
        type=float,
        default=120.0,
        metavar="SECONDS",
        help="before each sweep, wait up to this long for the machine to use < 0.5 cores",
    )
    parser.add_argument("--keep", action="store_true", help="do not drop the scratch database")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    stack = Stack(database_url=args.database_url, workdir=Path(tempfile.mkdtemp()), env={})
    stack.database_recreate()
    try:
        os.environ["DATABASE_URL"] = args.database_url
        os.environ.setdefault("SIGAP_DATA_DIR", tempfile.mkdtemp(prefix="sigap-bench-sla-"))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sigap.settings")
        import django

        django.setup()
        figures = run(args)
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            stack.database_drop()
    figures["machine"] = machine()
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False))
    return 0


def run(args: argparse.Namespace) -> dict[str, Any]:
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter()
    rng = random.Random(args.seed)
    refs = seed_reference()
    now = timezone.now()
    synthetic = args.cases - args.due
    insert_synthetic(refs, synthetic, now)
    inserted = time.perf_counter()
    due = insert_due(refs, args.due, args.autoclose, now, rng)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE cases_case")  # what autovacuum would have done by now
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    generated = time.perf_counter()
    figures: dict[str, Any] = {
        "postgres": version,
        "open_cases": synthetic + due["open"],
        "resolved_cases": due["resolved"],
        "due_open": due["open"],
        "due_autoclose": due["resolved"],
        "migrate_s": round(migrated - started, 1),
        "generate_synthetic_s": round(inserted - migrated, 1),
        "generate_due_and_vacuum_s": round(generated - inserted, 1),
        "plan": sweeper_plan(),
    }
    figures |= sweeps(args, refs, rng)
    return figures


def seed_reference() -> dict[str, Any]:
    from sigap.agencies.models import Agency, AgencyKind, Membership, Pemda, Role, User
    from sigap.agencies.services import agency_save
    from sigap.catalog.models import CaseKind, Category, Priority
    from sigap.sla.models import BusinessCalendar, SlaPolicy, SlaRule

    pemda = Pemda.objects.create(
        code="bench", name="Kabupaten Bench", short_name="Bench", tracking_prefix="BEN"
    )
    office = BusinessCalendar.objects.create(name="Jam kerja Pemda (WIB)")
    root = agency_save(
        agency=Agency(
            pemda=pemda, code="pemkab", name="Pemkab Bench", short_name="Pemkab",
            kind=AgencyKind.PEMDA, calendar=office,
        )
    )  # fmt: skip
    agencies = [
        agency_save(
            agency=Agency(
                pemda=pemda, parent=root, code=f"opd-{i}", name=f"Dinas {i}",
                short_name=f"D{i}", kind=AgencyKind.DINAS,
            )
        )
        for i in range(AGENCIES)
    ]  # fmt: skip
    standard = SlaPolicy.objects.create(code="standar", name="Standar LAPOR!")
    supervision = SlaPolicy.objects.create(code="pengawasan", name="Pengawasan", resolution_days=60)
    emergency = SlaPolicy.objects.create(
        code="darurat", name="Darurat", first_response_minutes=5, verification_days=0,
        followup_days=1, resolution_days=3,
    )  # fmt: skip
    SlaRule.objects.create(pemda=pemda, priority=Priority.EMERGENCY, policy=emergency)
    categories = [
        Category.objects.create(
            pemda=pemda, code=f"kat-{i}", name=f"Kategori {i}", kind=CaseKind.COMPLAINT,
            default_agency=agency, sla_policy=supervision if i % 5 == 0 else standard,
        )
        for i, agency in enumerate(agencies)
    ]  # fmt: skip
    names = [f"petugas-{a}-{k}" for a in range(AGENCIES) for k in range(OFFICERS_PER_AGENCY)]
    names += [f"kepala-{a}" for a in range(AGENCIES)] + ["koordinator", "bupati"]
    users = User.objects.bulk_create([User(username=name, password="!") for name in names])
    officers = users[: AGENCIES * OFFICERS_PER_AGENCY]
    heads = users[AGENCIES * OFFICERS_PER_AGENCY : -2]
    memberships = [
        Membership(user=user, agency=agencies[i // OFFICERS_PER_AGENCY], role=Role.AGENCY_OFFICER)
        for i, user in enumerate(officers)
    ]
    memberships += [
        Membership(user=user, agency=agencies[i], role=Role.AGENCY_ADMIN)
        for i, user in enumerate(heads)
    ]
    memberships += [
        Membership(user=users[-2], agency=root, role=Role.COORDINATOR),
        Membership(user=users[-1], agency=root, role=Role.LEADER),
    ]
    Membership.objects.bulk_create(memberships)
    return {
        "pemda": pemda,
        "agencies": agencies,
        "categories": categories,
        "officers": [u.pk for u in officers],
    }


# Column -> SQL over the generated row ``s`` (g: sequence number, ai: agency/category index,
# status, created, and random numbers rp, ra, rn in [0, 1)).
_SYNTHETIC_COLUMNS = {
    "pemda_id": "%(pemda)s",
    "tracking_number": "'BEN-' || lpad(g::text, 8, '0')",
    "code": "'B' || lpad(to_hex(g), 11, '0')",
    "citizen_token": "md5(g::text) || md5((g + 1000000007)::text)",
    "kind": "'complaint'",
    "category_id": "(%(categories)s::bigint[])[ai]",
    "status": "status",
    "priority": "CASE WHEN rp < 0.02 THEN 'high' WHEN rp < 0.03 THEN 'low' ELSE 'normal' END",
    "agency_id": "(%(agencies)s::bigint[])[ai]",
    "assignee_id": "CASE WHEN ra < 0.6 THEN (%(officers)s::bigint[])"
    "[(ai - 1) * 3 + 1 + floor(ra / 0.6 * 3)::int] END",
    "channel": "'whatsapp'",
    "location_text": "''",
    "title": "''",
    "description": "'Laporan uji beban nomor ' || g",
    "is_anonymous": "false",
    "is_confidential": "false",
    "first_response_due_at": "created + interval '15 minutes'",
    "verification_due_at": "created + interval '3 days'",
    "followup_due_at": "CASE WHEN status <> 'new' THEN created + interval '8 days' END",
    "resolution_due_at": "CASE WHEN status <> 'waiting_citizen' "
    "THEN created + interval '14 days' END",
    "created_at": "created",
    "updated_at": "created",
    "verified_at": "CASE WHEN status <> 'new' THEN created + interval '1 hour' END",
    "first_response_at": "CASE WHEN status <> 'new' OR rn < 0.8 "
    "THEN created + interval '10 minutes' END",
    "followup_started_at": "CASE WHEN status <> 'new' THEN created + interval '1 hour' END",
    "first_response_sla_level": "0",
    "verification_sla_level": "0",
    "followup_sla_level": "0",
    "resolution_sla_level": "0",
    # Waiting for the citizen, or every chain exhausted: nothing pending. Otherwise the next
    # step lies somewhere in the coming 30 days.
    "sla_next_at": "CASE WHEN status = 'waiting_citizen' OR rn > 0.7 THEN NULL "
    "ELSE %(now)s::timestamptz + interval '2 hours' + rn * interval '30 days' END",
    "rating_comment": "''",
    "version": "1",
}
_STATUS = (
    "CASE WHEN rs < 0.15 THEN 'new' WHEN rs < 0.25 THEN 'verified' "
    "WHEN rs < 0.88 THEN 'in_progress' ELSE 'waiting_citizen' END"
)


def insert_synthetic(refs: dict[str, Any], count: int, now: datetime) -> None:
    """``count`` open cases in one statement, all generated by PostgreSQL itself."""
    from django.db import connection

    from sigap.cases.models import Case

    columns, expressions, params = _column_sql(Case)
    params |= {
        "pemda": refs["pemda"].pk,
        "categories": [c.pk for c in refs["categories"]],
        "agencies": [a.pk for a in refs["agencies"]],
        "officers": refs["officers"],
        "now": now,
        "count": count,
        "n_agencies": AGENCIES,
    }
    sql = f"""
        INSERT INTO cases_case ({", ".join(columns)})
        SELECT {", ".join(expressions)} FROM (
            SELECT g, ai, created, rp, ra, rn, {_STATUS} AS status FROM (
                SELECT g, 1 + floor(random() * %(n_agencies)s)::int AS ai, random() AS rs,
                       random() AS rp, random() AS ra, random() AS rn,
                       %(now)s::timestamptz - random() * interval '90 days' AS created
                FROM generate_series(1, %(count)s) AS g
            ) AS a
        ) AS s
    """  # noqa: S608 (column names come from the model, values are parameters)
    with connection.cursor() as cursor, _indexes_rebuilt_after(cursor, Case._meta.db_table):
        cursor.execute(sql, params)


@contextlib.contextmanager
def _indexes_rebuilt_after(cursor: Any, table: str) -> Iterator[None]:
    """Bulk-load practice: drop the secondary indexes and foreign keys, load, rebuild them.

    Rebuilding once is several times faster than maintaining ten indexes and four foreign-key
    checks row by row; the definitions come back exactly as PostgreSQL reports them.
    """
    cursor.execute(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = %s::regclass AND contype IN ('u', 'f')",
        [table],
    )
    constraints = cursor.fetchall()
    cursor.execute(
        "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
        "JOIN pg_class i ON i.oid = x.indexrelid "
        "WHERE x.indrelid = %s::regclass AND NOT x.indisprimary "
        "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)",
        [table],
    )
    indexes = cursor.fetchall()
    for name, _definition in constraints:
        cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for name, _definition in indexes:
        cursor.execute(f'DROP INDEX "{name}"')
    yield
    cursor.execute("SET maintenance_work_mem = '256MB'")
    for _name, definition in indexes:
        cursor.execute(definition)
    for name, definition in constraints:
        cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')


def _column_sql(model: Any) -> tuple[list[str], list[str], dict[str, Any]]:
    """Our expressions, and for columns added since (by other apps) their model default."""
    columns, expressions, params = [], [], {}
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        column = field.column
        if column in _SYNTHETIC_COLUMNS:
            expressions.append(_SYNTHETIC_COLUMNS[column])
        elif field.null:
            expressions.append("NULL")
        elif field.has_default() and not callable(field.default):
            params[f"default_{column}"] = field.get_default()
            expressions.append(f"%(default_{column})s")
        else:
            raise SystemExit(f"bench/sla_sweeper.py does not know how to fill cases_case.{column}")
        columns.append(column)
    return columns, expressions, params


def insert_due(
    refs: dict[str, Any],
    count: int,
    autoclose: int,
    now: datetime,
    rng: random.Random,
    batch: int = 0,
) -> dict[str, int]:
    """Cases whose SLA columns the engine computed exactly, each with a step due at ``now``."""
    from sigap.cases.models import Case, CaseStatus
    from sigap.catalog.models import Priority
    from sigap.sla.clocks import LEVEL_FIELD, deadline_columns, office_calendar_for
    from sigap.sla.selectors import SlaContext

    context = SlaContext()
    cases: list[Case] = []
    wanted = {"open": count, "resolved": autoclose}
    made = {"open": 0, "resolved": 0}
    while made != wanted:
        kind = "open" if made["open"] < count else "resolved"
        index = rng.randrange(AGENCIES)
        case = _due_candidate(refs, index, kind, now, rng, f"D{batch}-{len(cases):07d}")
        if rng.random() < 0.02:
            case.priority = Priority.EMERGENCY
        for column in LEVEL_FIELD.values():
            setattr(case, column, rng.choice((0, 0, 1, 2)))
        policy = context.policy_for(case)
        office = office_calendar_for(case, context.calendar_for(case))
        for name, value in deadline_columns(
            case, policy, office, pauses=(), followup_started_at=case.followup_started_at
        ).items():
            setattr(case, name, value)
        if case.sla_next_at is not None and case.sla_next_at <= now:
            is_resolved = case.status == CaseStatus.RESOLVED
            made["resolved" if is_resolved else "open"] += 1
            cases.append(case)
    Case.objects.bulk_create(cases, batch_size=1000)
    return made


def _due_candidate(
    refs: dict[str, Any], index: int, kind: str, now: datetime, rng: random.Random, number: str
) -> Any:
    from sigap.cases.models import Case, CaseStatus

    created = now - timedelta(minutes=rng.uniform(20, 20 * 24 * 60))
    agency = refs["agencies"][index]
    case = Case(
        pemda=refs["pemda"],
        tracking_number=number,
        category=refs["categories"][index],
        agency=agency,
        assignee_id=rng.choice([*refs["officers"][index * 3 : index * 3 + 3], None]),
        channel="whatsapp",
        description="Laporan jatuh tempo",
        created_at=created,
        updated_at=created,
        status=CaseStatus.NEW,
    )
    if kind == "resolved":
        case.status = CaseStatus.RESOLVED
        case.resolved_at = now - timedelta(days=rng.uniform(15, 40))
        case.created_at = case.updated_at = case.resolved_at - timedelta(days=rng.uniform(1, 10))
    elif rng.random() < 0.65:
        case.status = CaseStatus.IN_PROGRESS
    if case.status != CaseStatus.NEW:
        case.verified_at = case.created_at + (now - case.created_at) * rng.uniform(0.05, 0.5)
        case.followup_started_at = case.verified_at
    if case.status != CaseStatus.NEW or rng.random() < 0.6:
        case.first_response_at = case.created_at + timedelta(minutes=rng.uniform(5, 120))
    return case


def sweeper_plan() -> list[str]:
    from django.db import connection
    from django.utils import timezone

    from sigap.cases.models import Case
    from sigap.sla.services.sweeper import MAX_CASES_PER_SWEEP

    query = (
        Case.objects.filter(sla_next_at__lte=timezone.now())
        .order_by("sla_next_at")
        .values_list("pk", flat=True)[:MAX_CASES_PER_SWEEP]
    )
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        return [row[0] for row in cursor.fetchall()]


def sweeps(args: argparse.Namespace, refs: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """Time ``args.repeat`` sweeps, each over a fresh due set, and one steady-state sweep."""
    from django.db import connection
    from django.utils import timezone

    from sigap.sla.services import sla_sweep

    trials = []
    for trial in range(args.repeat):
        if trial:
            insert_due(refs, args.due, args.autoclose, timezone.now(), rng, batch=trial)
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE cases_case")
        trials.append(_timed(sla_sweep, args.wait_quiet))
        trials[-1]["autoclose_tasks"] = _drain_autoclose()
    steady = _timed(sla_sweep, 0)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM (SELECT case_id, data->>'stage', data->>'level' "
            "FROM cases_caseevent WHERE kind IN ('sla', 'escalated') "
            "GROUP BY 1, 2, 3 HAVING count(*) > 1) AS twice"
        )
        twice = cursor.fetchone()[0]
    median = round(statistics.median(trial["seconds"] for trial in trials), 2)
    return {
        "sweeps": trials,
        "sweep_median_s": median,
        "sweep_steady_state": steady,
        "steps_recorded_twice": twice,
        "target_seconds": TARGET_SECONDS,
        "meets_target": median < TARGET_SECONDS,
    }


def _drain_autoclose() -> dict[str, Any]:
    """Run the auto-closure tasks the sweep enqueued, here in one process (a deployment's
    workers share them), and time that separately from the sweep."""
    from django_tasks_db.models import DBTaskResult

    from sigap.sla.tasks import sla_autoclose_task

    queued = DBTaskResult.objects.filter(
        task_path__endswith="sla_autoclose_task", status="READY"
    ).order_by("pk")
    started, closed, tasks = time.perf_counter(), 0, 0
    for row in queued:
        closed += sla_autoclose_task.call(**row.args_kwargs["kwargs"])
        tasks += 1
    queued.update(status="SUCCESSFUL")
    return {"tasks": tasks, "closed": closed, "seconds": round(time.perf_counter() - started, 2)}


def _timed(sweep: Any, patience: float) -> dict[str, Any]:
    """One sweep with its wall time, our own CPU time, and how busy the machine was."""
    other_before = busy_cores() if patience else None
    deadline = time.monotonic() + patience
    while other_before is not None and other_before > 0.5 and time.monotonic() < deadline:
        print(f"  waiting for a quieter machine: {other_before:.2f} cores busy", flush=True)
        other_before = busy_cores()
    machine_before, cpu_before = _machine_busy_seconds(), time.process_time()
    started = time.perf_counter()
    result = sweep()
    elapsed = time.perf_counter() - started
    machine_busy = (_machine_busy_seconds() - machine_before) / elapsed
    return {
        "seconds": round(elapsed, 2),
        "python_cpu_s": round(time.process_time() - cpu_before, 2),
        "machine_busy_cores": round(machine_busy, 2),
        "busy_cores_before": None if other_before is None else round(other_before, 2),
        **result.as_dict(),
    }


def _machine_busy_seconds() -> float:
    """Machine-wide busy CPU seconds since boot (/proc/stat: everything but idle and iowait)."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(values[:8]) - values[3] - values[4]) / os.sysconf("SC_CLK_TCK")


def busy_cores(seconds: float = 3.0) -> float:
    before = _machine_busy_seconds()
    time.sleep(seconds)
    return (_machine_busy_seconds() - before) / seconds


if __name__ == "__main__":
    sys.exit(main())
