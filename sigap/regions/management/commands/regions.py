from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from sigap.core.errors import DomainError
from sigap.regions.services import regions_import


class Command(BaseCommand):
    help = "Kelola wilayah Kemendagri: `sigap regions import BERKAS [--prefix 32.04]`."

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        importer = sub.add_parser("import", help="Impor kode (CSV) atau batas wilayah (GeoJSON).")
        importer.add_argument("files", nargs="+", type=Path)
        importer.add_argument("--prefix", default="", help="Hanya kode berawalan ini (mis. 32.04).")

    def handle(self, *args: Any, **options: Any) -> None:
        # CSV first so boundaries find their regions when both are given at once.
        files = sorted(options["files"], key=lambda p: p.suffix.lower() != ".csv")
        for path in files:
            if not path.exists():
                raise CommandError(f"Berkas tidak ditemukan: {path}")
            try:
                result = regions_import(path=path, code_prefix=options["prefix"])
            except DomainError as exc:
                raise CommandError(exc.message) from exc
            self.stdout.write(
                f"{path.name}: {result.created} baru, {result.updated} diperbarui, "
                f"{result.boundaries} batas, {result.skipped} dilewati"
            )
