from __future__ import annotations

import time
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError, CommandParser

from sigap.agencies.models import Pemda
from sigap.demo.bulk import demo_cases_generate
from sigap.demo.seed import DEMO_PASSWORD, demo_seed, demo_usernames


class Command(BaseCommand):
    help = (
        "Isi Pemda demo Kabupaten Bandung (aman dijalankan berulang); dengan --cases N, "
        "tambahkan N laporan buatan yang realistis (mulai 100.000 laporan di PostgreSQL, indeks "
        "tabel laporan dibangun ulang di akhir: hanya untuk basis data demo/uji beban)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--cases", type=int, default=0, help="Tambahkan sekian laporan buatan (mis. 1000000)."
        )
        parser.add_argument(
            "--seed", type=int, default=None, help="Benih acak, agar hasilnya dapat diulang."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["cases"] < 0:
            raise CommandError("--cases tidak boleh negatif.")
        try:
            pemda = demo_seed()
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc
        if options["verbosity"] > 0:
            self.stdout.write(
                f"{pemda.name}: {pemda.agencies.count()} instansi, "
                f"{pemda.categories.count()} kategori. Login demo ({DEMO_PASSWORD}): "
                + ", ".join(demo_usernames())
            )
        if options["cases"]:
            self._generate(pemda, options["cases"], options["seed"], options["verbosity"])

    def _generate(self, pemda: Pemda, count: int, seed: int | None, verbosity: int) -> None:
        started = time.perf_counter()

        def progress(done: int, total: int) -> None:
            if verbosity > 0:
                elapsed = time.perf_counter() - started
                self.stdout.write(f"  {done:,}/{total:,} laporan ({elapsed:,.0f} dtk)")
                self.stdout.flush()

        result = demo_cases_generate(pemda=pemda, count=count, seed=seed, progress=progress)
        statuses = ", ".join(f"{name} {n:,}" for name, n in sorted(result.by_status.items()))
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.cases:,} laporan buatan ({statuses}), {result.contacts:,} pelapor baru, "
                f"{result.events:,} riwayat dalam {result.seconds:,.1f} detik."
            )
        )
