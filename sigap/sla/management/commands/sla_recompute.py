from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from sigap.cases.models import OPEN_STATUSES, Case, CaseStatus
from sigap.sla.services import case_deadlines_recompute


class Command(BaseCommand):
    help = (
        "Hitung ulang tenggat SLA laporan yang masih berjalan (setelah impor massal, perubahan "
        "kalender atau kebijakan, atau pemasangan pertama mesin SLA)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--pemda", help="Kode Pemda; tanpa ini semua Pemda.")
        parser.add_argument("--batch", type=int, default=1000, help="Laporan per putaran baca.")

    def handle(self, *args: Any, **options: Any) -> None:
        cases = Case.objects.filter(status__in=[*OPEN_STATUSES, CaseStatus.RESOLVED])
        if options["pemda"]:
            cases = cases.filter(pemda__code=options["pemda"])
        last_id, done = 0, 0
        while True:
            ids = list(
                cases.filter(pk__gt=last_id)
                .order_by("pk")
                .values_list("pk", flat=True)[: options["batch"]]
            )
            if not ids:
                break
            for case_id in ids:
                case_deadlines_recompute(case=case_id)
            done, last_id = done + len(ids), ids[-1]
            self.stdout.write(f"{done} laporan dihitung ulang")
        self.stdout.write(self.style.SUCCESS(f"Selesai: {done} laporan."))
