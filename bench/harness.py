"""The production-shaped stack a benchmark runs against, and the load generator that hits it.

`Stack`: a fresh PostgreSQL database, then gunicorn, task workers, the clock and a provider
stand-in, each a child process in its own process group with its own log file, so that a
benchmark can kill one worker with SIGKILL and still stop everything it started (and nothing else)
at the end.

`fire()`: pre-built HTTP/1.1 requests over keep-alive connections. Each client process runs one
asyncio loop with its share of the connections and writes the request bytes as they are (no
per-request encoding, signing or header building), so that on a small machine the client costs
far less CPU than the server it measures. Processes are forked, so the request bytes are
inherited rather than pickled.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import multiprocessing as mp
import os
import platform
import re
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
_DB_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = ""
    with contextlib.suppress(OSError, IndexError, ValueError):
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    return {
        "nproc": str(os.cpu_count()),
        "cpu": model or platform.processor() or "unknown",
        "memory": memory,
        "python": platform.python_version(),
        "kernel": platform.release(),
    }


def code_version() -> str:
    """The commit, how many files under sigap/ differ from it, and a digest of sigap/**/*.py:
    the code changes between runs while the team works, and figures only compare on one digest."""
    git = ["git", "-C", str(ROOT)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    status = subprocess.run(
        [*git, "status", "--porcelain", "--", "sigap"], capture_output=True, text=True
    )
    digest = hashlib.sha256()
    for path in sorted((ROOT / "sigap").rglob("*.py")):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    changed = len(status.stdout.splitlines())
    return (
        f"{head.stdout.strip() or '?'} + {changed} changed paths under sigap/,"
        f" sigap/**/*.py digest {digest.hexdigest()[:12]}"
    )


@dataclass
class Child:
    name: str
    process: subprocess.Popen[bytes]
    log: Path


class Stack:
    """Child processes of one benchmark run, all stopped by `stop()` (also on errors/Ctrl-C)."""

    def __init__(self, *, database_url: str, workdir: Path, env: dict[str, str]) -> None:
        self.database_url = database_url
        self.database = _database_name(database_url)
        self.workdir = workdir
        self.env = env
        self.children: list[Child] = []
        self.meter = CpuMeter(self.database)

    # -- database -------------------------------------------------------------------------

    def _admin(self) -> psycopg.Connection:
        # The maintenance database: one cannot drop the database one is connected to.
        return psycopg.connect(self.database_url, dbname="postgres", autocommit=True)

    def database_recreate(self) -> None:
        with self._admin() as conn:
            name = sql.Identifier(self.database)
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
            conn.execute(sql.SQL("CREATE DATABASE {}").format(name))

    def database_from_template(self, key: str, build: Callable[[], None]) -> bool:
        """Create our database as a copy of ``<name>_template``, first building that template
        with ``build()`` (migrate, seed) when its recorded ``key`` differs; True on a cache hit.

        Migrating and seeding a fresh database costs ~20 s of a short run; a template copy, a
        fraction of a second. The key names what the template depends on (migrations, seed).
        """
        template = sql.Identifier(f"{self.database}_template")
        with self._admin() as conn:
            row = conn.execute(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
                (f"{self.database}_template",),
            ).fetchone()
        if row is not None and row[0] == key:
            with self._admin() as conn:
                name = sql.Identifier(self.database)
                conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
                conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(name, template))
            return True
        self.database_recreate()
        build()
        with self._admin() as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(template))
            conn.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    template, sql.Identifier(self.database)
                )
            )
            conn.execute(sql.SQL("COMMENT ON DATABASE {} IS {}").format(template, sql.Literal(key)))
        return False

    def database_drop(self) -> None:
        with self._admin() as conn:
            name = sql.Identifier(self.database)
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))

    def connect(self) -> psycopg.Connection:
        return psycopg.connect(self.database_url, autocommit=True)

    def autovacuum_on(self) -> bool:
        with self.connect() as conn:
            row = conn.execute("SHOW autovacuum").fetchone()
        return bool(row and row[0] == "on")

    def postgres_version(self) -> str:
        with self.connect() as conn:
            row = conn.execute("SHOW server_version").fetchone()
        return str(row[0]) if row else "?"

    # -- processes --------------------------------------------------------------------------

    def run(self, name: str, argv: list[str], env: dict[str, str] | None = None) -> None:
        """Run a command to completion (migrate, demo); its output goes to the log."""
        log = self.workdir / f"{name}.log"
        with log.open("wb") as out:
            code = subprocess.call(argv, env=env or self.env, stdout=out, stderr=subprocess.STDOUT)
        if code != 0:
            raise RuntimeError(f"{name} exited with {code}:\n{_tail(log)}")

    def start(self, name: str, argv: list[str], env: dict[str, str] | None = None) -> Child:
        log = self.workdir / f"{name}.log"
        with log.open("ab") as out:
            process = subprocess.Popen(
                argv,
                env=env or self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: gunicorn's workers stop with it
            )
        child = Child(name, process, log)
        self.children.append(child)
        return child

    def child(self, name: str) -> Child:
        return next(c for c in self.children if c.name == name)

    def kill(self, name: str) -> int:
        """SIGKILL one child (not its group): a task worker dying mid-task."""
        child = self.child(name)
        child.process.kill()
        child.process.wait()
        child.name += " (killed)"
        return child.process.pid

    def check_alive(self) -> None:
        for child in self.children:
            code = child.process.poll()
            if code is not None and not child.name.endswith("(killed)"):
                # A negative code is a signal; we send none before stop(): on a shared machine
                # another session's broad `pkill` may have hit it.
                how = f"signal {-code}" if code < 0 else f"code {code}"
                raise RuntimeError(f"{child.name} exited ({how}):\n{_tail(child.log)}")

    def stop(self) -> None:
        """SIGTERM every group we started, then SIGKILL what is left after 10 s."""
        for child in reversed(self.children):
            if child.process.poll() is None:
                _signal_group(child.process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        for child in reversed(self.children):
            try:
                child.process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                _signal_group(child.process.pid, signal.SIGKILL)
                child.process.wait()
        self.children.clear()

    def wait_http(self, url: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            self.check_alive()
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} not ready after {timeout}s")
            time.sleep(0.2)

    def cpu_seconds(self) -> dict[str, float]:
        """CPU seconds (user+system) since the stack started, by group (see `CpuMeter`)."""
        groups = {c.process.pid: c.name.split("-")[0] for c in self.children}
        return self.meter.sample(groups)


class VacuumEmulator:
    """VACUUM (ANALYZE) our database every `every` seconds in a thread, as autovacuum would.

    Used when the server runs with autovacuum off (a test server may): without it the planner
    keeps believing the task table is empty and every worker's claim query scans and sorts the
    whole backlog, which production (autovacuum on) would not do.
    """

    def __init__(self, stack: Stack, every: float) -> None:
        self.stack, self.every = stack, every
        self.runs, self.seconds = 0, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="vacuum", daemon=True)

    def start(self) -> VacuumEmulator:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=60)

    def _loop(self) -> None:
        # The database may be dropped under us when a run fails: end quietly then.
        with contextlib.suppress(psycopg.Error), self.stack.connect() as conn:
            while not self._stop.wait(self.every):
                started = time.monotonic()
                conn.execute("VACUUM (ANALYZE)")
                self.runs += 1
                self.seconds += time.monotonic() - started


class CpuMeter:
    """CPU seconds by group: each child's process group, PostgreSQL backends of our database,
    the rest of PostgreSQL, everything else on the machine ("other": it may be shared), idle.

    Processes come and go (a killed worker, database connections recycled after
    CONN_MAX_AGE), so every process is remembered with the last CPU time seen: call `sample()`
    often (twice a second) and an exited process loses at most its last half second.
    """

    def __init__(self, database: str) -> None:
        self.database = database
        self.tick = os.sysconf("SC_CLK_TCK")
        self.started_ticks = _uptime_ticks(self.tick)
        self.seen: dict[int, tuple[str, float, float]] = {}  # pid → (group, baseline, last)
        self.busy0, self.idle0 = _machine_cpu()

    def sample(self, groups: dict[int, str]) -> dict[str, float]:
        for proc in Path("/proc").glob("[0-9]*"):
            with contextlib.suppress(OSError, ValueError, IndexError):
                self._observe(proc, groups)
        totals: dict[str, float] = {}
        for group, baseline, last in self.seen.values():
            totals[group] = totals.get(group, 0.0) + last - baseline
        busy, idle = _machine_cpu()
        totals["other"] = busy - self.busy0 - sum(totals.values())
        totals["idle"] = idle - self.idle0
        return totals

    def _observe(self, proc: Path, groups: dict[int, str]) -> None:
        pid = int(proc.name)
        text = (proc / "stat").read_text()
        fields = text[text.rindex(")") + 2 :].split()
        used = (int(fields[11]) + int(fields[12])) / self.tick
        known = self.seen.get(pid)
        if known is not None:
            self.seen[pid] = (known[0], known[1], used)
            return
        group = groups.get(int(fields[2]))
        if group is None and text[text.index("(") + 1 :].startswith("postgres"):
            title = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            group = "postgres" if f" {self.database} " in title else "postgres-other"
        if group is not None:
            # Born after we started: all its CPU is ours to count; older: from now on.
            baseline = 0.0 if int(fields[19]) >= self.started_ticks else used
            self.seen[pid] = (group, baseline, used)


def _uptime_ticks(tick: int) -> int:
    return int(float(Path("/proc/uptime").read_text().split()[0]) * tick)


def _machine_cpu() -> tuple[float, float]:
    """Machine-wide (busy, idle) CPU seconds since boot, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    total = sum(values[:8])  # guest time is already counted in user
    tick = os.sysconf("SC_CLK_TCK")
    return (total - idle) / tick, idle / tick


def _signal_group(pid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, sig)


def _tail(log: Path, lines: int = 30) -> str:
    with contextlib.suppress(OSError):
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    return ""


def _database_name(url: str) -> str:
    name = urlsplit(url).path.lstrip("/")
    if not _DB_NAME.fullmatch(name):
        raise ValueError(f"refusing an unusual database name: {name!r}")
    return name


def files_digest(patterns: Sequence[str]) -> str:
    """A digest of the files under the checkout matching the glob patterns (cache keys)."""
    digest = hashlib.sha256()
    for path in sorted({p for pattern in patterns for p in ROOT.glob(pattern) if p.is_file()}):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (0 for an empty list)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, int(-(-share * len(ordered) // 1)))  # ceil
    return ordered[min(rank, len(ordered)) - 1]


def spread(values: Sequence[float], scale: float = 1.0) -> dict[str, float]:
    """p50/p90/p95/p99/max of `values`, multiplied by `scale` (1000: seconds to ms)."""
    return {
        "p50": percentile(values, 0.50) * scale,
        "p90": percentile(values, 0.90) * scale,
        "p95": percentile(values, 0.95) * scale,
        "p99": percentile(values, 0.99) * scale,
        "max": (max(values) if values else 0.0) * scale,
    }


def sigap(*args: str) -> list[str]:
    return [str(BIN / "sigap"), *args]


def python() -> str:
    return str(BIN / "python") if (BIN / "python").exists() else sys.executable


# -- load generator -------------------------------------------------------------------------

# (item index, wall-clock send time, wall-clock response time, HTTP status or 0 on a socket error)
Shot = tuple[int, float, float, int]


@dataclass
class FireResult:
    shots: list[Shot]
    client_cpu_seconds: float
    started: float
    finished: float


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split(b" ", 2)[1])
    length, keep = 0, True
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        name, value = name.strip().lower(), value.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"connection" and value == b"close":
            keep = False
        elif name == b"transfer-encoding":
            raise ValueError("chunked responses are not expected from a webhook")
    if length:
        await reader.readexactly(length)
    return status, keep


async def _open(port: int) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    for attempt in range(5):
        try:
            return await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            if attempt == 4:
                raise
            await asyncio.sleep(0.2)
    raise AssertionError("unreachable")


async def _connection(
    stream: tuple[asyncio.StreamReader, asyncio.StreamWriter],
    port: int,
    requests: Sequence[bytes],
    queue: deque[tuple[float, int]],
    shots: list[Shot],
    progress: Any,
    slot: int,
    started: float,
) -> None:
    reader, writer = stream
    while queue:
        due, item = queue.popleft()
        if due and (wait := started + due - time.time()) > 0:
            await asyncio.sleep(wait)  # paced (open-loop) mode: send at the scheduled time
        sent = time.time()  # wall clock: compared with the stand-in's record times
        try:
            writer.write(requests[item])
            status, keep = await _read_response(reader)
        except (OSError, ValueError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            status, keep = 0, False
        shots.append((item, sent, time.time(), status))
        progress[slot] += 1
        if not keep:
            writer.close()
            reader, writer = await _open(port)
    writer.close()


async def _client(
    port: int,
    requests: Sequence[bytes],
    items: list[tuple[float, int]],
    connections: int,
    progress: Any,
    slot: int,
    barrier: Any,
) -> list[Shot]:
    queue: deque[tuple[float, int]] = deque(items)
    shots: list[Shot] = []
    streams = [await _open(port) for _ in range(connections)]
    barrier.wait()  # every process has its connections open: start together
    started = time.time()
    await asyncio.gather(
        *(_connection(s, port, requests, queue, shots, progress, slot, started) for s in streams)
    )
    return shots


def _client_process(
    port: int,
    requests: Sequence[bytes],
    items: list[tuple[float, int]],
    connections: int,
    progress: Any,
    slot: int,
    barrier: Any,
    pipe: Connection,
) -> None:
    shots = asyncio.run(_client(port, requests, items, connections, progress, slot, barrier))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    pipe.send((shots, usage.ru_utime + usage.ru_stime))
    pipe.close()


def fire(
    *,
    port: int,
    requests: Sequence[bytes],
    schedule: list[int],
    concurrency: int,
    processes: int,
    on_progress: Callable[[int, float], None],
    rate: float = 0.0,
) -> FireResult:
    """POST `requests[i]` for every i of `schedule` with `concurrency` connections in total:
    as fast as the server answers (closed loop), or `rate` POSTs per second (open loop, as
    long as `concurrency` connections suffice).

    `on_progress(sent, elapsed)` is called about 50 times a second from this process (the kill
    trigger and the progress line live there).
    """
    ctx = mp.get_context("fork")
    processes = max(1, min(processes, concurrency))
    progress: Any = ctx.RawArray("q", processes)
    barrier = ctx.Barrier(processes + 1)
    timed = [(position / rate if rate else 0.0, item) for position, item in enumerate(schedule)]
    children, pipes = [], []
    for slot in range(processes):
        connections = concurrency // processes + (1 if slot < concurrency % processes else 0)
        receiver, sender = ctx.Pipe(duplex=False)
        args = (port, requests, timed[slot::processes], connections, progress, slot, barrier)
        child = ctx.Process(target=_client_process, args=(*args, sender), daemon=True)
        child.start()
        sender.close()
        children.append(child)
        pipes.append(receiver)
    barrier.wait(timeout=60)
    started = time.time()
    shots: list[Shot] = []
    cpu = 0.0
    pending = dict(zip(pipes, children, strict=True))
    while pending:
        for pipe, child in list(pending.items()):
            if pipe.poll():
                part, seconds = pipe.recv()
                shots.extend(part)
                cpu += seconds
                del pending[pipe]
            elif not child.is_alive() and not pipe.poll():
                raise RuntimeError("a load-generator process died without reporting")
        on_progress(sum(progress), time.time() - started)
        time.sleep(0.02)
    for child in children:
        child.join()
    finished = max((shot[2] for shot in shots), default=started)
    return FireResult(shots, cpu, started, finished)
