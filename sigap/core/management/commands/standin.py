"""`sigap standin <provider> --port N …`: run a provider stand-in (demos, benchmarks)."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand

USAGE = "Pemakaian: sigap standin {whatsapp|instagram|telegram|sms|imap|smtp} [--port N] [opsi…]"


class Command(BaseCommand):
    help = (
        "Jalankan server pengganti (stand-in) penyedia: `sigap standin whatsapp --port 9100 …` "
        "atau `sigap standin telegram --port 9200 …`. `--help` setelah nama penyedia "
        "menampilkan opsinya."
    )

    def run_from_argv(self, argv: list[str]) -> None:
        # Everything after the provider belongs to the stand-in's own parser (it has --help).
        provider, rest = (argv[2], argv[3:]) if len(argv) > 2 else ("", [])
        if provider in {"whatsapp", "instagram", "meta"}:
            from sigap.standins.meta import main
        elif provider == "telegram":
            from sigap.standins.telegram import main
        elif provider == "sms":
            from sigap.standins.sms import main
        elif provider == "imap":
            from sigap.standins.imap import main
        elif provider == "smtp":
            from sigap.standins.smtp import main
        else:
            sys.stderr.write(USAGE + "\n")
            raise SystemExit(2)
        raise SystemExit(main(rest))

    def handle(self, *args: Any, **options: Any) -> None:
        self.stderr.write(USAGE)
