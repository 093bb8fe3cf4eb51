"""Routing benchmark on real complaints: time split of Surabaya 2022, plus a 10k training time.

    .venv/bin/python bench/routing.py [--data PATH] [--no-10k] [--write-split DIR]

Train Jan-Sep 2022, test Oct-Dec 2022, kelurahan/kecamatan offices collapsed into AREA_OFFICE.
The CSV files of the split are written to a temporary directory and removed afterwards, or kept in
`--write-split DIR` (outside the repository, e.g. /tmp/sigap-split) for the contract command
`sigap routing evaluate --train DIR/train.csv --test DIR/test.csv --json`. Nothing from
../shared/data is written into the repository. Skips (exit 0) with a loud message when the data
is absent. Prints the load average: on the shared 2-core machine wall times depend on it, CPU
times much less.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sigap.routing.engine import (
    Dataset,
    Router,
    collapse_area_offices,
    format_report,
    read_dataset,
    run_evaluation,
)
from sigap.routing.engine.lexicon import shared_data_dir

REPO_ROOT = Path(__file__).resolve().parents[1]
SPLIT_DATE = "2022-10-01"
COLUMNS = ("text", "label", "kecamatan", "kelurahan", "date")
TEN_K = 10_000


def main() -> int:
    args = _parse_args()
    data = Path(args.data) if args.data else _default_data()
    if data is None or not data.is_file():
        print(f"\n*** SKIPPED: Surabaya complaints not found ({data or '../shared/data'}). ***\n")
        return 0
    rows = _read_rows(data)
    if args.write_split:
        folder = Path(args.write_split).resolve()
        if folder.is_relative_to(REPO_ROOT):
            print(f"refusing to write shared data into the repository ({folder})")
            return 2
        folder.mkdir(parents=True, exist_ok=True)
        train, test = _split_datasets(rows, folder)
        print(f"split written to {folder}/train.csv and {folder}/test.csv")
    else:
        with tempfile.TemporaryDirectory(prefix="sigap-routing-") as tmp:
            train, test = _split_datasets(rows, Path(tmp))
    print(f"load average before: {_load()}")
    evaluation = run_evaluation(train, test)
    print(f"Surabaya 2022, train < {SPLIT_DATE} <= test, area offices collapsed\n")
    print(format_report(evaluation))
    print("\nrouter CV metrics (train only):", json.dumps(evaluation.router_metrics))
    print("\nsummary:", json.dumps(evaluation.summary))
    if not args.no_10k:
        _ten_k_training_time(rows, data)
    return 0


def _parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="surabaya_mediacenter/complaints.csv")
    parser.add_argument("--no-10k", action="store_true", help="skip the 10k training timing")
    parser.add_argument("--write-split", metavar="DIR", help="keep train.csv/test.csv in DIR")
    return parser.parse_args()


def _default_data() -> Path | None:
    base = shared_data_dir()
    return base / "surabaya_mediacenter" / "complaints.csv" if base else None


def _read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [{c: row.get(c) or "" for c in COLUMNS} for row in csv.DictReader(handle)]


def _split_datasets(rows: list[dict[str, str]], folder: Path) -> tuple[Dataset, Dataset]:
    train_csv, test_csv = _write_split(rows, folder)
    return read_dataset(train_csv, collapse_area=True), read_dataset(test_csv, collapse_area=True)


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def _write_split(rows: list[dict[str, str]], folder: Path) -> tuple[Path, Path]:
    paths = folder / "train.csv", folder / "test.csv"
    for path, keep in zip(paths, (True, False), strict=True):
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(r for r in rows if (r["date"] < SPLIT_DATE) == keep)
    return paths


def _ten_k_texts(rows: list[dict[str, str]], data: Path) -> tuple[list[str], list[str], str]:
    """All Surabaya rows, topped up to 10,000 with real Purbalingga and Jawa Tengah complaints
    (their own label sets, which only adds classes); sampling with replacement if absent."""
    texts = [r["text"] for r in rows]
    labels = [r["label"] for r in rows]
    sources = ["surabaya"]
    for name in ("lapormasbup_purbalingga", "laporgub_jateng"):
        path = data.parent.parent / name / "complaints.csv"
        if len(texts) < TEN_K and path.is_file():
            extra = _read_rows(path)[: TEN_K - len(texts)]
            texts += [r["text"] for r in extra]
            labels += [f"{name}:{r['label']}" for r in extra]
            sources.append(f"{name} ({len(extra)})")
    if len(texts) < TEN_K:
        picks = random.Random(0).choices(range(len(rows)), k=TEN_K - len(texts))
        texts += [rows[i]["text"] for i in picks]
        labels += [rows[i]["label"] for i in picks]
        sources.append(f"surabaya resampled ({len(picks)})")
    return texts, labels, " + ".join(sources)


def _ten_k_training_time(rows: list[dict[str, str]], data: Path) -> None:
    texts, labels, source = _ten_k_texts(rows, data)
    started, cpu_started = time.perf_counter(), time.process_time()
    router = Router().fit(texts, collapse_area_offices(labels))
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(
        f"\n10k training incl. 5-fold calibration, {router.config.n_jobs} threads: {wall:.1f} s "
        f"wall, {cpu:.1f} s CPU summed over threads; {len(texts)} complaints, "
        f"{len(router.classes)} labels [{source}]; load average after: {_load()}"
    )


if __name__ == "__main__":
    sys.exit(main())
