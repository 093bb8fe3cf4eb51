from __future__ import annotations

import logging
import signal
import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from sigap.core.clock import clock_tick

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Jalankan jam Sigap: mengantrekan pekerjaan berkala (penyapu SLA, heartbeat)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--interval", type=float, default=5.0)
        parser.add_argument("--once", action="store_true", help="Satu putaran lalu keluar.")

    def handle(self, *args: Any, **options: Any) -> None:
        running = True

        def stop(signum: int, frame: object) -> None:
            nonlocal running
            running = False

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        while running:
            close_old_connections()
            try:
                clock_tick()
            except Exception:  # a database blip must not kill the clock
                logger.exception("clock tick failed; retrying next interval")
            if options["once"]:
                break
            time.sleep(options["interval"])
