from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from sigap.agencies.models import Pemda
from sigap.core.errors import DomainError
from sigap.routing.engine import evaluate, format_report, read_dataset, run_evaluation
from sigap.routing.training import routing_history_import, routing_train


class Command(BaseCommand):
    help = (
        "Perutean: `sigap routing import-history BERKAS.csv`, `sigap routing train`, "
        "`sigap routing evaluate --train A.csv --test B.csv [--json]`."
    )

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        importer = sub.add_parser("import-history", help="Impor pengaduan lama sebagai contoh.")
        importer.add_argument("file", type=Path)
        importer.add_argument("--pemda", default="", help="Kode Pemda (bawaan: satu-satunya).")
        importer.add_argument("--map", type=Path, help="CSV label,agency_code untuk label lain.")
        trainer = sub.add_parser("train", help="Latih versi model baru dan aktifkan.")
        trainer.add_argument("--pemda", default="")
        evaluator = sub.add_parser("evaluate", help="Latih pada TRAIN, ukur pada TEST.")
        evaluator.add_argument("--train", type=Path, required=True)
        evaluator.add_argument("--test", type=Path, required=True)
        evaluator.add_argument("--json", action="store_true", help="Satu baris JSON.")
        evaluator.add_argument(
            "--keep-area-offices",
            action="store_true",
            help="Jangan satukan label kelurahan/kecamatan menjadi kantor wilayah.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, "_" + options["action"].replace("-", "_"))(options)
        except DomainError as exc:
            raise CommandError(exc.message) from exc

    def _pemda(self, code: str) -> Pemda:
        pemdas = Pemda.objects.filter(code=code) if code else Pemda.objects.filter(is_active=True)
        if pemdas.count() != 1:
            raise CommandError("Sebutkan --pemda (kode Pemda).")
        return pemdas.get()

    def _import_history(self, options: dict[str, Any]) -> None:
        mapping = {}
        if options["map"]:
            with options["map"].open(newline="", encoding="utf-8-sig") as handle:
                mapping = {row["label"]: row["agency_code"] for row in csv.DictReader(handle)}
        result = routing_history_import(
            pemda=self._pemda(options["pemda"]), path=options["file"], mapping=mapping
        )
        self.stdout.write(f"{result.imported} contoh diimpor, {result.skipped} dilewati.")
        for label, count in result.unmapped.most_common(20):
            self.stdout.write(f"  label tanpa instansi: {label!r} ({count}×) — gunakan --map")

    def _train(self, options: dict[str, Any]) -> None:
        model = routing_train(pemda=self._pemda(options["pemda"]))
        self.stdout.write(
            f"Model v{model.version} aktif: {model.n_examples} contoh, ambang {model.threshold:.3f}"
        )

    def _evaluate(self, options: dict[str, Any]) -> None:
        for key in ("train", "test"):
            if not options[key].exists():
                raise CommandError(f"Berkas tidak ditemukan: {options[key]}")
        collapse = not options["keep_area_offices"]
        if options["json"]:
            figures = evaluate(options["train"], options["test"], collapse_area=collapse)
            self.stdout.write(json.dumps(figures))
            return
        train = read_dataset(options["train"], collapse_area=collapse)
        test = read_dataset(options["test"], collapse_area=collapse)
        self.stdout.write(format_report(run_evaluation(train, test)))
