"""Console benchmark: inbox, case page and search server time with N generated cases (issue #5).

    .venv/bin/python -m bench.console --cases 1000000 \\
        --database-url postgres://postgres@127.0.0.1:5432/sigap_bench [--reuse] \\
        [--requests 30] [--warmup 3] [--no-sweep] [--json F]

Creates (or, with ``--reuse``, keeps) the database, migrates it (a reused database picks up new
indexes), seeds the demo Pemda and generates the cases with ``sigap demo --cases`` unless
``--reuse`` finds them already there, then ``VACUUM ANALYZE``s.

Server time is measured in-process with Django's test ``Client`` and ``force_login``: the whole
middleware, view, query and template stack, no network and no browser. Each URL is requested
``--warmup`` times first (not counted), then ``--requests`` times; the case page takes a
different random case on every request. Reported per URL: p50/p95/max milliseconds, the number
of SQL queries of one request, and the slowest of them. Personas: the demo coordinator
(Pemda-wide) and an officer of DPUTR, the agency with the most cases. The target is < 200 ms.

Then one SLA sweep on the same database (``bench/sla_sweeper.py``'s timing and query plan; that
script is the benchmark of the sweeper over 1,000,000 *open* cases); like the real one it
records what it finds due. A table goes to stdout, then the figures as one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from bench.harness import Stack, code_version, machine, percentile

TARGET_MS = 200.0
INBOX_VIEWS = ("mine", "unassigned", "at_risk", "waiting", "emergency", "closed", "all")
SEARCHES = ("jalan rusak", "sampah", "lampu jalan mati", "banjir", "Cileunyi")
COORDINATOR = "koordinator"
OFFICER_AGENCY = "dputr"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/sigap_bench")
    parser.add_argument(
        "--reuse", action="store_true", help="keep the database when it has the cases already"
    )
    parser.add_argument("--requests", type=int, default=30, help="timed requests per URL")
    parser.add_argument("--warmup", type=int, default=3, help="untimed requests per URL first")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-sweep", action="store_true", help="skip the SLA sweep")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    stack = Stack(database_url=args.database_url, workdir=Path("."), env={})
    if not args.reuse or not _database_exists(stack):
        stack.database_recreate()
    os.environ["DATABASE_URL"] = args.database_url
    os.environ["SIGAP_DEBUG"] = "0"  # production-like: no query log, cached templates
    os.environ["SIGAP_ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sigap.settings")
    import django

    django.setup()
    figures: dict[str, Any] = {"code": code_version(), "machine": machine()}
    figures["data"] = prepare(args)
    figures["load_before"] = _load()
    figures["pages"] = pages(args)
    figures["load_after"] = _load()
    if not args.no_sweep:
        figures["sweep"] = sweep()
    report(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False))
    return 0


def _load() -> dict[str, float]:
    """How busy the shared machine is (other sessions run their tests on the same two cores)."""
    from bench.sla_sweeper import busy_cores

    return {"loadavg_1m": round(os.getloadavg()[0], 2), "busy_cores": round(busy_cores(), 2)}


def _database_exists(stack: Stack) -> bool:
    with stack._admin() as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (stack.database,))
        return found.fetchone() is not None


# --- data ---------------------------------------------------------------------------------------


def prepare(args: argparse.Namespace) -> dict[str, Any]:
    from django.core.management import call_command
    from django.db import connection

    from sigap.cases.models import OPEN_STATUSES, Case
    from sigap.demo.bulk import demo_cases_generate
    from sigap.demo.seed import demo_seed

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    pemda = demo_seed()
    existing = Case.objects.filter(pemda=pemda).count()
    generated: dict[str, Any] = {"existing": existing}
    if existing < args.cases:
        print(f"generating {args.cases - existing:,} cases …", flush=True)
        result = demo_cases_generate(
            pemda=pemda,
            count=args.cases - existing,
            seed=args.seed,
            progress=lambda done, total: print(f"  {done:,}/{total:,}", flush=True),
        )
        generated |= {"generated": result.cases, "generate_s": round(result.seconds, 1)}
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # what autovacuum does after a load: fresh statistics
        cursor.execute("SHOW server_version")
        generated["postgres"] = cursor.fetchone()[0]
        cursor.execute("SELECT pg_size_pretty(pg_total_relation_size('cases_case'))")
        generated["cases_table_size"] = cursor.fetchone()[0]
    generated["cases"] = Case.objects.filter(pemda=pemda).count()
    generated["open_cases"] = Case.objects.filter(pemda=pemda, status__in=OPEN_STATUSES).count()
    generated["prepare_s"] = round(time.perf_counter() - started, 1)
    return generated


# --- pages --------------------------------------------------------------------------------------


def pages(args: argparse.Namespace) -> list[dict[str, Any]]:
    from django.test import Client

    from sigap.agencies.models import User

    rng = random.Random(args.seed)
    officer = _busiest_officer()
    results = []
    for persona in (User.objects.get(username=COORDINATOR), officer):
        client = Client()
        client.force_login(persona)
        for name, urls in _urls(persona, rng, args.requests + args.warmup):
            timed = _measure(client, urls, args.warmup, args.requests)
            results.append({"persona": persona.username, "url": name, **timed})
            _print_row(results[-1])
    return results


def _busiest_officer() -> Any:
    """The DPUTR officer with the most open cases assigned (a full "mine" tab)."""
    from django.db.models import Count, Q

    from sigap.agencies.models import Role, User
    from sigap.cases.models import OPEN_STATUSES

    return (
        User.objects.filter(
            memberships__agency__code=OFFICER_AGENCY, memberships__role=Role.AGENCY_OFFICER
        )
        .annotate(open=Count("assigned_cases", filter=Q(assigned_cases__status__in=OPEN_STATUSES)))
        .order_by("-open", "username")
        .first()
    )


def _urls(persona: Any, rng: random.Random, count: int) -> list[tuple[str, list[str]]]:
    from django.urls import reverse

    from sigap.agencies.selectors import staff_scope
    from sigap.cases.selectors import case_list_for_user
    from sigap.catalog.models import Category

    home = reverse("console:home")
    visible = case_list_for_user(staff_scope(persona))
    category = Category.objects.filter(code="jalan-rusak").values_list("pk", flat=True).first()
    filtered = f"{home}?view=all&status=in_progress&category={category}&kecamatan=32.04.29"
    sample = _sample_numbers(visible, rng, count)
    urls = [(f"inbox {view}", [f"{home}?view={view}"]) for view in INBOX_VIEWS]
    urls.append(("inbox filtered", [filtered]))
    urls += [(f"search {q!r}", [f"{home}?q={q.replace(' ', '+')}"]) for q in SEARCHES]
    urls.append(("search tracking no.", [f"{home}?q={number}" for number in sample]))
    urls.append(("case page", [reverse("console:case_detail", args=[number]) for number in sample]))
    return urls


def _sample_numbers(visible: Any, rng: random.Random, count: int) -> list[str]:
    """Random visible cases without ORDER BY random() (a sort of the whole table)."""
    from django.db.models import Max, Min

    bounds = visible.aggregate(low=Min("pk"), high=Max("pk"))
    numbers: list[str] = []
    while len(numbers) < count:
        start = rng.randint(bounds["low"], bounds["high"])
        row = visible.filter(pk__gte=start).order_by("pk").values_list("tracking_number")[:1]
        numbers += [number for (number,) in row]
    return numbers


def _measure(client: Any, urls: list[str], warmup: int, requests: int) -> dict[str, Any]:
    """Wall time per request, and what it is made of: our Python CPU and time in SQL calls.

    The machine is shared: when other processes keep both cores busy, wall time includes
    waiting for a core, while CPU and SQL time stay close to what an idle server would take.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    sql = _SqlClock()
    walls, cpus, sqls, statuses = [], [], [], set()
    with connection.execute_wrapper(sql):
        for index in range(warmup + requests):
            sql.reset()
            started, cpu = time.perf_counter(), time.process_time()
            response = client.get(urls[index % len(urls)])
            wall = (time.perf_counter() - started) * 1000
            statuses.add(response.status_code)
            if index >= warmup:
                walls.append(wall)
                cpus.append((time.process_time() - cpu) * 1000)
                sqls.append(sql.seconds * 1000)
    with CaptureQueriesContext(connection) as captured:  # one more request, to name queries
        client.get(urls[-1])
    slowest = max(captured.captured_queries, key=lambda q: float(q["time"]), default=None)
    return {
        "example": urls[-1],
        "status": sorted(statuses),
        "n": len(walls),
        "p50_ms": round(statistics.median(walls), 1),
        "p95_ms": round(percentile(walls, 0.95), 1),
        "max_ms": round(max(walls), 1),
        "cpu_p50_ms": round(statistics.median(cpus), 1),
        "sql_p50_ms": round(statistics.median(sqls), 1),
        "sql_max_ms": round(max(sqls), 1),
        "queries": len(captured.captured_queries),
        "slowest_query_ms": round(float(slowest["time"]) * 1000, 1) if slowest else 0.0,
        "slowest_query": (slowest["sql"][:400] if slowest else ""),
        "meets_target": percentile(walls, 0.95) < TARGET_MS,
    }


class _SqlClock:
    """A ``connection.execute_wrapper``: wall time spent inside SQL calls."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def reset(self) -> None:
        self.seconds = 0.0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started


# --- SLA sweeper --------------------------------------------------------------------------------


def sweep() -> dict[str, Any]:
    """One sweep over this database, timed like ``bench/sla_sweeper.py`` does it."""
    from django.utils import timezone

    from bench.sla_sweeper import _timed, sweeper_plan
    from sigap.cases.models import Case
    from sigap.sla.services import sla_sweep

    due = Case.objects.filter(sla_next_at__lte=timezone.now()).count()
    pending = Case.objects.filter(sla_next_at__isnull=False).count()
    plan = sweeper_plan()
    first = _timed(sla_sweep, 30)
    steady = _timed(sla_sweep, 0)
    return {"due_before": due, "pending": pending, "sweep": first, "steady": steady, "plan": plan}


# --- report -------------------------------------------------------------------------------------


def _print_row(row: dict[str, Any]) -> None:
    flag = "" if row["meets_target"] else "  > 200 ms"
    print(
        f"{row['persona']:<16} {row['url']:<26} p50 {row['p50_ms']:7.1f} p95 {row['p95_ms']:7.1f}"
        f" max {row['max_ms']:7.1f} | cpu {row['cpu_p50_ms']:6.1f} sql {row['sql_p50_ms']:6.1f}"
        f" ms | {row['queries']:2d} q {row['status']}{flag}",
        flush=True,
    )


def report(figures: dict[str, Any]) -> None:
    data = figures["data"]
    print(f"\n{data['cases']:,} cases ({data['open_cases']:,} open), PostgreSQL {data['postgres']}")
    print(f"machine load before/after: {figures['load_before']} / {figures['load_after']}")
    for row in figures["pages"]:
        _print_row(row)
    if "sweep" in figures:
        sweep_figures = figures["sweep"]
        print(
            f"SLA sweep: {sweep_figures['sweep']['seconds']} s for {sweep_figures['sweep']['due']}"
            f" due of {sweep_figures['pending']:,} pending; nothing due: "
            f"{sweep_figures['steady']['seconds']} s"
        )
    print(json.dumps(figures, ensure_ascii=False, default=str))


if __name__ == "__main__":
    sys.exit(main())
