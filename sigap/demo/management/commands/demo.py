from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from sigap.demo.seed import DEMO_PASSWORD, demo_seed, demo_usernames


class Command(BaseCommand):
    help = "Isi Pemda demo Kabupaten Bandung (aman dijalankan berulang)."

    def handle(self, *args: Any, **options: Any) -> None:
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
