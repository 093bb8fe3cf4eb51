"""`sigap run`: the embedded default in one foreground command (web, worker, clock)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Migrasi, isi Pemda demo, lalu jalankan web, worker, dan jam bersama-sama."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--no-demo", action="store_true", help="Jangan isi Pemda demo.")
        parser.add_argument("--web-workers", type=int, default=2)

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        if not options["no_demo"]:
            call_command("demo", verbosity=0)
        children = self._start_children(options)
        self._print_banner(options)
        self._supervise(children)

    def _start_children(self, options: dict[str, Any]) -> dict[str, subprocess.Popen[bytes]]:
        python = sys.executable
        bind = f"{options['host']}:{options['port']}"
        commands = {
            "web": [
                python, "-m", "gunicorn", "sigap.wsgi:application", "--bind", bind,
                "--workers", str(options["web_workers"]), "--threads", "4",
                "--access-logfile", "-", "--graceful-timeout", "5",
            ],
            "worker": [
                python, "-m", "sigap.cli", "db_worker", "--queue-name", "*",
                "--interval", "1", "--no-reload",
            ],
            "clock": [python, "-m", "sigap.cli", "clock"],
        }  # fmt: skip
        # PORT tells the children's settings where the status links sent to citizens point
        # (SIGAP_BASE_URL's default); `--port` alone would leave them on 8000.
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "sigap.settings",
            "PORT": str(options["port"]),
        }
        # Fixed argument lists built above from our own interpreter path: no shell, no input.
        return {name: subprocess.Popen(cmd, env=env) for name, cmd in commands.items()}  # noqa: S603

    def _print_banner(self, options: dict[str, Any]) -> None:
        from sigap.demo.seed import DEMO_PASSWORD, demo_usernames

        url = f"http://{options['host']}:{options['port']}"
        lines = [
            "",
            f"Sigap berjalan di {url}  (basis data: {settings.DATABASES['default']['NAME']})",
            f"Cek kesehatan: {url}/healthz   API: {url}/api/docs",
        ]
        if not options["no_demo"]:
            users = ", ".join(demo_usernames())
            lines.append(f"Login demo (kata sandi '{DEMO_PASSWORD}'): {users}")
        lines.append("Tekan Ctrl-C untuk berhenti.")
        self.stdout.write("\n".join(lines) + "\n")

    def _supervise(self, children: dict[str, subprocess.Popen[bytes]]) -> None:
        stopping = False

        def stop(signum: int, frame: object) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        while not stopping:
            for name, child in children.items():
                if child.poll() is not None:
                    self.stderr.write(f"Proses {name} berhenti (kode {child.returncode}).")
                    stopping = True
            time.sleep(0.5)
        for child in children.values():
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 10
        for child in children.values():
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
        self.stdout.write("Sigap berhenti.\n")
