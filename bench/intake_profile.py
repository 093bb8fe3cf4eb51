"""Intake profile: the CPU and queries of processing one inbound WhatsApp message, in-process.

    .venv/bin/python -m bench.intake_profile [--n 300] [--joined 30] [--profile] [--sql]
        [--database-url postgres://postgres@127.0.0.1:5432/sigap_intake_prof] [--fresh-db]

Copies a migrated, demo-seeded PostgreSQL database (the template is rebuilt when migrations or
the seed change; see `bench.harness.Stack.database_from_template`), starts the WhatsApp stand-in
as its own process (so its CPU is not ours), then in this one process, with production settings
(SIGAP_ENV=production, DEBUG off), pushes N distinct new-case text messages (Indonesian
complaints, one sender each) through the real path a task worker takes:
`inbound_event_store` (what the webhook does) and `inbound_event_process` (parse, route, case,
triage, SLA, acknowledgement, HTTP send to the stand-in). Then `--joined` of those senders write
again: their message joins their open case.

For each kind it prints, per message: CPU ms of this process (`time.process_time`), wall ms,
SQL queries and the CPU of our PostgreSQL backend (from /proc, when the server is local); the
`triage` line measures the triage inside each new case on its own (`case_triage_run`: its row
lock, reads and writes; issue #4 asks for the whole triage of a message in <= 10 ms). A few
warm-up messages go first and are reported apart: a long-running worker has paid for loading the
router model and the gazetteer long ago. The follow-up tasks the messages enqueued (triage task,
auto-assignment ...) are run afterwards and reported apart too: a worker runs them as well.
`--profile` adds a cProfile top 30 of the new-case processing, `--sql` the statements of the
first new-case message of each kind (plain, routed, with duplicates ...) and of a joined one,
`--phases` the CPU of each step (inclusive, timed around the functions, without a profiler's
overhead).
"""

from __future__ import annotations

import argparse
import base64
import cProfile
import hashlib
import io
import os
import pstats
import random
import shutil
import statistics
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from bench.harness import Stack, files_digest, free_port, machine, sigap
from sigap.standins import payloads

PHONE_NUMBER_ID = "100000000000001"  # the demo's WhatsApp number (sigap/demo/seed.py)
APP_SECRET = "demo-app-secret"
ACCESS_TOKEN = "demo-access-token"
SECRET_KEY = "sigap-bench-intake-not-a-secret-" + "0" * 32
ENCRYPTION_KEY = base64.urlsafe_b64encode(hashlib.sha256(b"sigap-bench-intake").digest()).decode()
TEMPLATE_INPUTS = ("sigap/*/migrations/*.py", "sigap/demo/**/*", "sigap/routing/training.py")
WARM_UP = 5

# Realistic complaints: informal, Sundanese- and Javanese-mixed, places of Kabupaten Bandung.
_OPENINGS = ["", "Assalamualaikum min, ", "Punten pak, ", "Lapor, ", "Mohon bantuannya, ",
             "min tolong ", "Selamat siang, "]  # fmt: skip
_PROBLEMS = [
    "jalan di {place} berlubang besar, sudah banyak motor jatuh",
    "lampu PJU di jalan raya {place} mati sudah seminggu, gelap dan rawan begal",
    "sampah di TPS pasar {place} tidak diangkut 5 hari, baunya menyengat",
    "air PDAM di komplek kami di {place} mati sejak kemarin tanpa pemberitahuan",
    "solokan di {place} mampet, tiap hujan air meluap ke jalan",
    "pohon besar di pinggir jalan {place} miring, takut tumbang kena rumah warga",
    "pelayanan di puskesmas {place} lama sekali, antri dari subuh belum dipanggil",
    "jembatan di {place} pagarnya rusak, bahaya untuk anak sekolah",
    "angkot ngetem sembarangan di depan pasar {place} bikin macet tiap pagi",
    "mati lampu terus di {place}, sudah tiga kali hari ini",
    "pungutan liar di SD negeri {place} untuk seragam, mohon ditindak",
    "KTP elektronik saya sudah 3 bulan belum jadi di disdukcapil, rumah di {place}",
    "sungai di {place} warnanya hitam pekat, pabrik buang limbah malam hari",
    "jalan desa di {place} rusak parah udah 2 taun ga diperbaiki",
    "parkir liar di alun-alun {place} minta 5 ribu tanpa karcis",
    "bantuan sosial di {place} tidak tepat sasaran, yang mampu malah dapat",
]
_DETAILS = ["", " Mohon segera ditindaklanjuti.", " Terima kasih.", " Hatur nuhun.",
            " Tolong dicek ya pak.", " Sudah lapor ke RT tapi belum ada tindakan."]  # fmt: skip
_EMERGENCY = "TOLONG kebakaran rumah di {place} sekarang, apinya masih besar!"
_FOLLOW_UPS = ["Sudah 2 hari belum ada tindakan, mohon dicek.", "Ini fotonya belum bisa dikirim.",
               "Lokasinya dekat masjid besar.", "Bagaimana perkembangannya pak?"]  # fmt: skip


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.intake_profile", description=__doc__)
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    add = parser.add_argument
    add("--n", type=int, default=300, help="new-case messages (one sender each)")
    add("--joined", type=int, default=30, help="second messages of earlier senders")
    add("--emergency-every", type=int, default=50, help="every k-th message is a fire report")
    add(
        "--workload", choices=["mixed", "ingest"], default="mixed",
        help="mixed complaints, or bench.ingest's one text with a number (one big incident)",
    )  # fmt: skip
    add("--seed", type=int, default=11, help="choice of texts")
    add("--profile", action="store_true", help="cProfile top 30 of the new-case processing")
    add("--sql", action="store_true", help="print the statements of one message of each kind")
    add("--phases", action="store_true", help="CPU ms per message in each step (no profiler)")
    add("--database-url", default="postgres://postgres@127.0.0.1:5432/sigap_intake_prof")
    add("--fresh-db", action="store_true", help="rebuild the template database")
    return parser.parse_args(argv)


def complaint_texts(n: int, seed: int, emergency_every: int, workload: str = "mixed") -> list[str]:
    from sigap.demo.data import KECAMATAN

    if workload == "ingest":  # bench/ingest.py's messages
        return [
            f"Lampu jalan mati di Jl. Merdeka nomor {index}, mohon segera diperbaiki."
            for index in range(n)
        ]
    rng = random.Random(seed)
    places = [name for _code, name in KECAMATAN]
    texts = []
    for index in range(n):
        place = rng.choice(places)
        if emergency_every and index % emergency_every == emergency_every - 1:
            texts.append(_EMERGENCY.format(place=place))
            continue
        problem = rng.choice(_PROBLEMS).format(place=place)
        texts.append(rng.choice(_OPENINGS) + problem + rng.choice(_DETAILS))
    return texts


# -- measuring ---------------------------------------------------------------------------------


@dataclass
class Sample:
    cpu_ms: float
    wall_ms: float
    queries: int
    pg_ms: float
    wamid: str = ""  # the WhatsApp message id, to label the sample afterwards
    label: str = ""
    statements: list[str] = field(default_factory=list)  # with --sql


@dataclass
class Meter:
    """CPU of this process and of our PostgreSQL backend, and the queries sent, per call."""

    backend_pid: int | None
    statements: list[str] = field(default_factory=list)
    record: bool = False
    count: int = 0

    def wrapper(self, execute: Callable[..., Any], sql: str, *rest: Any) -> Any:
        self.count += 1
        if self.record:
            self.statements.append(f"{_caller()}  {sql}")
        return execute(sql, *rest)

    def backend_cpu(self) -> float:
        if self.backend_pid is None:
            return 0.0
        try:
            text = Path(f"/proc/{self.backend_pid}/stat").read_text()
        except OSError:
            return 0.0
        fields = text[text.rindex(")") + 2 :].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    @contextmanager
    def measure(self, out: list[Sample]) -> Iterator[None]:
        outer, self.statements = self.statements, []  # nested: the outer sample keeps them too
        count0, pg0 = self.count, self.backend_cpu()
        cpu0, wall0 = time.process_time(), time.perf_counter()
        try:
            yield
        finally:
            cpu1, wall1 = time.process_time(), time.perf_counter()
            cpu, wall = (cpu1 - cpu0) * 1000, (wall1 - wall0) * 1000
            pg = (self.backend_cpu() - pg0) * 1000
            out.append(Sample(cpu, wall, self.count - count0, pg, statements=self.statements))
            self.statements = outer + self.statements


def _caller() -> str:
    """The innermost frames of ours that sent a statement: where to look when cutting it."""
    frames = [
        f"{Path(frame.filename).stem}:{frame.name}"
        for frame in traceback.extract_stack()
        if "/sigap/" in frame.filename and "/site-packages/" not in frame.filename
    ]
    return " < ".join(reversed(frames[-3:]))


def local_backend_pid() -> int | None:
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = int(cursor.fetchone()[0])
    return pid if Path(f"/proc/{pid}/stat").exists() else None


# -- the run -----------------------------------------------------------------------------------


@dataclass
class Results:
    warm_up: list[Sample] = field(default_factory=list)
    store: list[Sample] = field(default_factory=list)
    created: list[Sample] = field(default_factory=list)
    joined: list[Sample] = field(default_factory=list)
    triage: list[Sample] = field(default_factory=list)  # the triage inside each new case
    tasks: list[Sample] = field(default_factory=list)
    outcomes: Counter[str] = field(default_factory=Counter)
    task_names: Counter[str] = field(default_factory=Counter)
    profile: str = ""
    phases: dict[str, float] = field(default_factory=dict)


@cache
def _account_id() -> int:
    from sigap.channels.models import ChannelAccount

    return ChannelAccount.objects.values_list("pk", flat=True).get(
        kind="whatsapp", external_id=PHONE_NUMBER_ID
    )


def deliver(meter: Meter, sender: str, text: str, results: Results, into: list[Sample]) -> None:
    """One webhook delivery: stored as the web process does, processed as the worker does."""
    from sigap.channels.services.events import inbound_event_process, inbound_event_store

    message = payloads.whatsapp_text(text, wa_id=sender)
    wire = payloads.whatsapp_inbound(
        message, app_secret=APP_SECRET, phone_number_id=PHONE_NUMBER_ID
    )
    account_id = _account_id()
    with meter.measure(results.store):
        stored = inbound_event_store(
            channel="whatsapp",
            external_id="sha256:" + hashlib.sha256(wire.body).hexdigest(),
            body=wire.body.decode("utf-8"),
            headers={"signature": wire.headers["X-Hub-Signature-256"][:80]},
            account_id=account_id,
        )
    with meter.measure(into):
        results.outcomes[inbound_event_process(stored.event.pk)] += 1
    if into:
        into[-1].wamid = str(message["id"])


def label_samples(samples: list[Sample]) -> None:
    """What triage did with each new case: routed, linked to duplicates, emergency, held."""
    from sigap.cases.models import Message

    rows = Message.objects.filter(external_id__in=[s.wamid for s in samples]).values_list(
        "external_id", "case__priority", "case__triage__auto_routed",
        "case__triage__duplicates", "case__triage__held",
    )  # fmt: skip
    found = {row[0]: row[1:] for row in rows}
    for sample in samples:
        priority, routed, duplicates, held = found.get(sample.wamid, ("", False, [], False))
        parts = [
            name
            for name, on in (
                ("emergency", priority == "emergency"), ("held", held),
                ("routed", routed), ("duplicates", bool(duplicates)),
            )
            if on
        ]  # fmt: skip
        sample.label = "+".join(parts) or "plain"


def followup_tasks_run(meter: Meter, results: Results) -> None:
    """Run the tasks the messages enqueued besides their own processing, as a worker would."""
    from django.utils.module_loading import import_string
    from django_tasks_db.models import DBTaskResult

    rows = DBTaskResult.objects.exclude(queue_name="ingest").filter(status="READY")
    for row in rows.order_by("enqueued_at"):
        task = import_string(row.task_path)
        results.task_names[row.task_path.rsplit(".", 1)[-1]] += 1
        with meter.measure(results.tasks):
            task.func(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])


def run(args: argparse.Namespace) -> Results:
    from django.db import connection

    texts = complaint_texts(WARM_UP + args.n, args.seed, args.emergency_every, args.workload)
    senders = [f"62813{index:08d}" for index in range(len(texts))]
    results = Results()
    meter = Meter(local_backend_pid(), record=args.sql)
    with connection.execute_wrapper(meter.wrapper):
        for index in range(WARM_UP):
            deliver(meter, senders[index], texts[index], results, results.warm_up)
        if args.phases:
            phases_wrap(results.phases)
        triage_wrap(meter, results.triage)
        # CPU time, not wall time: waiting for PostgreSQL is not what this profile is after.
        profiler = cProfile.Profile(time.process_time) if args.profile else None
        for index in range(WARM_UP, len(texts)):
            if profiler is not None:
                profiler.enable()
            deliver(meter, senders[index], texts[index], results, results.created)
            if profiler is not None:
                profiler.disable()
        created_phases, results.phases = results.phases, {}
        rng = random.Random(args.seed)
        for index in range(WARM_UP, WARM_UP + min(args.joined, args.n)):
            deliver(meter, senders[index], rng.choice(_FOLLOW_UPS), results, results.joined)
        followup_tasks_run(meter, results)
    results.phases = created_phases
    label_samples(results.created)
    if profiler is not None:
        results.profile = _profile_text(profiler)
    return results


def _profile_text(profiler: cProfile.Profile) -> str:
    parts = []
    for order in ("cumulative", "tottime"):
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).strip_dirs().sort_stats(order).print_stats(30)
        parts.append(f"-- cProfile, top 30 by {order} --\n{stream.getvalue()}")
    stream = io.StringIO()  # where in our own code the time goes
    pstats.Stats(profiler, stream=stream).sort_stats("cumulative").print_stats(r"/sigap/", 40)
    parts.append(f"-- cProfile, our functions, top 40 by cumulative --\n{stream.getvalue()}")
    return "\n".join(parts).replace(str(Path(__file__).resolve().parent.parent) + "/", "")


# Steps of the path, as (module, function) where the callers look them up.
PHASES = [
    ("sigap.channels.services.conversations", "_route_message"),
    ("sigap.channels.services.conversations", "identity_resolve"),
    ("sigap.channels.services.conversations", "case_create"),
    ("sigap.channels.services.conversations", "_intake_finish"),
    ("sigap.channels.services.conversations", "case_triage_run"),
    ("sigap.routing.triage", "_place"),
    ("sigap.routing.triage", "_duplicates"),
    ("sigap.routing.holds", "hold_reasons"),
    ("sigap.routing.triage", "_route"),
    ("sigap.routing.incidents", "incident_suggest"),
    ("sigap.channels.services.conversations", "case_deadlines_recompute_locked"),
    ("sigap.channels.services.replies", "acknowledgement_send"),
    ("sigap.cases.services.common", "_hooks_run"),
    ("sigap.channels.services.events", "_send_now"),
]


def triage_wrap(meter: Meter, into: list[Sample]) -> None:
    """Measure every triage of the intake on its own (issue #4: whole triage <= 10 ms): the
    `case_triage_run` call with its row lock, queries and writes, as wall and CPU ms."""
    from sigap.channels.services import conversations

    original = conversations.case_triage_run

    def timed(*args: Any, **kwargs: Any) -> Any:
        with meter.measure(into):
            return original(*args, **kwargs)

    conversations.case_triage_run = timed  # type: ignore[assignment]


def phases_wrap(totals: dict[str, float]) -> None:
    """Time each step (CPU, inclusive) by replacing the module attribute its callers use."""
    import importlib

    for module_name, name in PHASES:
        module = importlib.import_module(module_name)
        original = getattr(module, name)

        def timed(*args: Any, __f: Any = original, __k: str = name, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return __f(*args, **kwargs)
            finally:
                totals[__k] = totals.get(__k, 0.0) + time.process_time() - started

        setattr(module, name, timed)


# -- checks and report -------------------------------------------------------------------------


def facts(standin_port: int) -> dict[str, int]:
    """What the run left behind: cases, acknowledgements, sends the stand-in received."""
    import json
    import urllib.request

    from sigap.cases.models import Case, Message, MessageDirection
    from sigap.channels.models import OutboundMessage

    url = f"http://127.0.0.1:{standin_port}/_standin/requests?path_contains=/messages&method=POST"
    with urllib.request.urlopen(url, timeout=30) as response:
        sends = json.loads(response.read())["requests"]
    return {
        "cases": Case.objects.count(),
        "inbound messages": Message.objects.filter(direction=MessageDirection.INBOUND).count(),
        "acks (rows)": OutboundMessage.objects.filter(purpose="ack").count(),
        "acks sent": OutboundMessage.objects.filter(purpose="ack", status="sent").count(),
        "sends at the stand-in": len(sends),
    }


def _row(name: str, samples: list[Sample]) -> str:
    if not samples:
        return f"{name:<22} -"

    def stats(values: list[float]) -> str:
        ordered = sorted(values)
        p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
        mean, p50 = statistics.fmean(values), statistics.median(values)
        return f"{mean:7.1f} (p50 {p50:6.1f}, p95 {p95:6.1f})"

    return (
        f"{name:<22} n={len(samples):<4} cpu ms {stats([s.cpu_ms for s in samples])}"
        f"  wall ms {stats([s.wall_ms for s in samples])}"
        f"  queries {statistics.fmean([s.queries for s in samples]):5.1f}"
        f" (max {max(s.queries for s in samples)})"
        f"  pg ms {statistics.fmean([s.pg_ms for s in samples]):5.1f}"
    )


def report(args: argparse.Namespace, results: Results, found: dict[str, int]) -> str:
    info = machine()
    lines = [
        f"command   .venv/bin/python -m bench.intake_profile {' '.join(sys.argv[1:])}",
        f"machine   {info['nproc']} x {info['cpu']}, Python {info['python']}",
        f"load      {' '.join(Path('/proc/loadavg').read_text().split()[:3])} (loadavg at the end)",
        f"outcomes  {dict(results.outcomes)}; follow-up tasks {dict(results.task_names)}",
        f"database  {found}",
        _row("warm-up (first 5)", results.warm_up),
        _row("store (webhook part)", results.store),
        _row("new case", results.created),
        *[
            _row(f"  {label}", [s for s in results.created if s.label == label])
            for label in sorted({s.label for s in results.created})
        ],
        _row("joined", results.joined),
        _row("triage (in new case)", results.triage),
        _row("follow-up task", results.tasks),
    ]
    if results.phases:
        count = max(len(results.created), 1)
        lines.append("-- CPU ms per new-case message by step (inclusive) --")
        lines += [
            f"  {name:<28} {seconds * 1000 / count:6.2f}"
            for name, seconds in results.phases.items()
        ]
    if args.sql:
        firsts = {s.label: s for s in reversed(results.created)}
        if results.joined:
            firsts["joined"] = results.joined[0]
        if results.created:
            firsts["the most statements"] = max(results.created, key=lambda s: s.queries)
        for label, sample in sorted(firsts.items()):
            lines.append(f"-- {len(sample.statements)} statements of a message: {label} --")
            flat = [" ".join(sql.split()) for sql in sample.statements]  # some span lines
            lines += [f"{i + 1:3d} {sql[:260]}" for i, sql in enumerate(flat)]
    if results.profile:
        lines.append(results.profile)
    return "\n".join(lines)


# -- set-up ------------------------------------------------------------------------------------


def environment(args: argparse.Namespace, workdir: Path, standin_port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SIGAP_", "DJANGO_"))}
    env.update(
        SIGAP_ENV="production",
        SIGAP_SECRET_KEY=SECRET_KEY,
        SIGAP_ENCRYPTION_KEY=ENCRYPTION_KEY,
        DATABASE_URL=args.database_url,
        SIGAP_ALLOWED_HOSTS="127.0.0.1,localhost",
        SIGAP_DATA_DIR=str(workdir / "data"),
        SIGAP_META_GRAPH_URL=f"http://127.0.0.1:{standin_port}/v21.0",
        SIGAP_LOG_LEVEL="WARNING",
        DJANGO_SETTINGS_MODULE="sigap.settings",
    )
    return env


def prepare(args: argparse.Namespace, stack: Stack, standin_port: int) -> str:
    seed_env = {**stack.env, "SIGAP_ENV": "development"}  # the demo refuses production

    def build() -> None:
        stack.run("migrate", sigap("migrate", "--verbosity", "0"), env=seed_env)
        stack.run("demo", sigap("demo"), env=seed_env)

    key = files_digest(TEMPLATE_INPUTS) + ":" + hashlib.sha256(ENCRYPTION_KEY.encode()).hexdigest()
    if args.fresh_db:
        key += f":{time.time()}"
    hit = stack.database_from_template(key, build)
    stack.start(
        "standin",
        sigap(
            "standin", "whatsapp", f"--port={standin_port}",
            f"--token={PHONE_NUMBER_ID}={ACCESS_TOKEN}", f"--app-secret={APP_SECRET}",
            "--no-status-webhooks", "--open-windows", "--max-records=100000",
        ),
    )  # fmt: skip
    stack.wait_http(f"http://127.0.0.1:{standin_port}/_standin/health")
    return "copied from the template" if hit else "migrated and seeded (template saved)"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="sigap-intake-profile-"))
    port = free_port()
    env = environment(args, workdir, port)
    stack = Stack(database_url=args.database_url, workdir=workdir, env=env)
    try:
        how = prepare(args, stack, port)
        print(f"• database {how}; stand-in on port {port}", flush=True)
        os.environ.update(env)
        import django

        django.setup()
        results = run(args)
        print(report(args, results, facts(port)))
    finally:
        stack.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
