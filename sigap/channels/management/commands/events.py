from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from sigap.channels.services.events import inbound_events_prune, inbound_events_reprocess


class Command(BaseCommand):
    help = (
        "Kejadian masuk mentah: `sigap events reprocess [--id N …] [--dead]`, `sigap events prune`."
    )

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        reprocess = sub.add_parser("reprocess", help="Antrekan ulang kejadian gagal/tertunda.")
        reprocess.add_argument("--id", type=int, action="append", dest="ids", default=[])
        reprocess.add_argument("--dead", action="store_true", help="Sertakan yang gagal permanen.")
        prune = sub.add_parser("prune", help="Hapus kejadian yang sudah diproses (retensi).")
        prune.add_argument("--days", type=int, default=settings.SIGAP_EVENT_RETENTION_DAYS)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "reprocess":
            count = inbound_events_reprocess(
                event_ids=options["ids"] or None, include_dead=options["dead"]
            )
            self.stdout.write(f"{count} kejadian diantrekan ulang.")
        else:
            count = inbound_events_prune(older_than_days=options["days"])
            self.stdout.write(f"{count} kejadian lama dihapus.")
