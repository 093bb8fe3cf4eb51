"""Held-out evaluation of the router: CSV reading, the figures contract, a readable report.

Contract (called by `sigap routing evaluate --train TRAIN.csv --test TEST.csv --json`): train a
fresh Router on TRAIN only, predict every TEST row with single-item calls, and return exactly
the keys of `SUMMARY_KEYS`. TEST labels never seen in TRAIN count as errors.
"""

from __future__ import annotations

import csv
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sigap.routing.engine.labels import collapse_area_offices
from sigap.routing.engine.model import Ranked, Router, RouterConfig

SUMMARY_KEYS = (
    "top1",
    "top3",
    "macro_f1",
    "coverage_at_precision_95",
    "precision_at_that_coverage",
    "ms_per_item",
    "train_seconds",
    "n_train",
    "n_test",
)
REQUIRED_COLUMNS = ("text", "label")


@dataclass
class Dataset:
    texts: list[str]
    labels: list[str]
    dates: list[str] | None = None
    kecamatan: list[str] = field(default_factory=list)
    kelurahan: list[str] = field(default_factory=list)

    def extras(self) -> dict[str, list[str]]:
        extras = {"kecamatan": self.kecamatan, "kelurahan": self.kelurahan}
        return extras | ({"date": self.dates} if self.dates else {})


@dataclass
class LabelStats:
    label: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass
class Evaluation:
    summary: dict[str, float | int]
    true_labels: list[str]
    ranked: list[Ranked]
    threshold: float
    router_metrics: dict[str, float | int | str]
    # CPU time of the same prediction loop: on a busy machine wall time also counts waiting.
    cpu_ms_per_item: float = 0.0


def read_dataset(path: str | Path, *, collapse_area: bool = False) -> Dataset:
    """Read `text,label[,kecamatan,kelurahan,date]`; rows without a label are skipped."""
    with Path(path).open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
        rows = [row for row in reader if (row.get("label") or "").strip()]
    labels = [row["label"].strip() for row in rows]
    dates = [(row.get("date") or "").strip()[:10] for row in rows]
    return Dataset(
        texts=[row.get("text") or "" for row in rows],
        labels=collapse_area_offices(labels) if collapse_area else labels,
        dates=dates if dates and all(dates) else None,
        kecamatan=[(row.get("kecamatan") or "").strip() for row in rows],
        kelurahan=[(row.get("kelurahan") or "").strip() for row in rows],
    )


def evaluate(
    train_csv: str | Path,
    test_csv: str | Path,
    *,
    collapse_area: bool = False,
    config: RouterConfig | None = None,
) -> dict[str, float | int]:
    """The contract figures for one train/test pair of CSV files."""
    train = read_dataset(train_csv, collapse_area=collapse_area)
    test = read_dataset(test_csv, collapse_area=collapse_area)
    return run_evaluation(train, test, config=config).summary


def run_evaluation(
    train: Dataset, test: Dataset, *, config: RouterConfig | None = None
) -> Evaluation:
    started = time.perf_counter()
    router = Router(config=config or RouterConfig())
    router.fit(train.texts, train.labels, extras=train.extras())
    train_seconds = time.perf_counter() - started
    ranked, ms_per_item, cpu_ms = _predict_timed(router, test.texts)
    summary = _summary(test.labels, ranked, router.threshold)
    summary.update(
        ms_per_item=round(ms_per_item, 4),
        train_seconds=round(train_seconds, 3),
        n_train=len(train.labels),
        n_test=len(test.labels),
    )
    ordered = {key: summary[key] for key in SUMMARY_KEYS}
    metrics = dict(router.metrics)
    return Evaluation(ordered, list(test.labels), ranked, router.threshold, metrics, cpu_ms)


def _predict_timed(router: Router, texts: Sequence[str]) -> tuple[list[Ranked], float, float]:
    """Single-item predictions, as the product makes them: wall and CPU ms per item."""
    router.predict_ranked("warm up")  # first call pays for lazy numpy/scipy set-up
    started, cpu_started = time.perf_counter(), time.process_time()
    ranked = [router.predict_ranked(text, k=3) for text in texts]
    n = max(len(texts), 1)
    wall_ms = 1000.0 * (time.perf_counter() - started) / n
    return ranked, wall_ms, 1000.0 * (time.process_time() - cpu_started) / n


def _summary(
    truth: Sequence[str], ranked: Sequence[Ranked], threshold: float
) -> dict[str, float | int]:
    n = max(len(truth), 1)
    top1 = [r[0][0] if r else "" for r in ranked]
    hits1 = [p == t for p, t in zip(top1, truth, strict=True)]
    hits3 = [t in {label for label, _ in r[:3]} for r, t in zip(ranked, truth, strict=True)]
    accepted = [bool(r) and r[0][1] >= threshold for r in ranked]
    n_accepted = sum(accepted)
    accepted_hits = sum(h for h, a in zip(hits1, accepted, strict=True) if a)
    stats = label_stats(truth, top1)
    return {
        "top1": round(sum(hits1) / n, 4),
        "top3": round(sum(hits3) / n, 4),
        "macro_f1": round(sum(s.f1 for s in stats) / max(len(stats), 1), 4),
        "coverage_at_precision_95": round(n_accepted / n, 4),
        "precision_at_that_coverage": round(accepted_hits / n_accepted, 4) if n_accepted else 0.0,
    }


def label_stats(truth: Sequence[str], predicted: Sequence[str]) -> list[LabelStats]:
    """Per-label precision/recall/F1 over every label that is true or predicted."""
    pairs = Counter(zip(truth, predicted, strict=True))
    true_counts, predicted_counts = Counter(truth), Counter(predicted)
    stats = []
    for label in sorted(set(truth) | set(predicted)):
        hits = pairs[(label, label)]
        precision = hits / predicted_counts[label] if predicted_counts[label] else 0.0
        recall = hits / true_counts[label] if true_counts[label] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
        stats.append(LabelStats(label, precision, recall, f1, true_counts[label]))
    return stats


def confused_pairs(
    truth: Sequence[str], predicted: Sequence[str], limit: int = 10
) -> list[tuple[str, str, int]]:
    pairs = Counter((t, p) for t, p in zip(truth, predicted, strict=True) if t != p)
    return [(t, p, n) for (t, p), n in pairs.most_common(limit)]


def format_report(evaluation: Evaluation, *, confusions: int = 10) -> str:
    """Plain-text report: headline figures, per-label precision/recall, most confused pairs."""
    s = evaluation.summary
    predicted = [r[0][0] if r else "" for r in evaluation.ranked]
    lines = [
        f"n_train {s['n_train']}  n_test {s['n_test']}  train {s['train_seconds']} s  "
        f"predict {s['ms_per_item']} ms/item (CPU {evaluation.cpu_ms_per_item:.3f} ms)",
        f"top-1 {s['top1']:.1%}  top-3 {s['top3']:.1%}  macro-F1 {s['macro_f1']:.3f}",
        f"threshold {evaluation.threshold:.3f} (chosen by CV on train for 95 % precision): "
        f"coverage {s['coverage_at_precision_95']:.1%}, "
        f"precision {s['precision_at_that_coverage']:.1%}",
        "",
        f"{'label':60s} {'prec':>6s} {'recall':>6s} {'n':>5s}",
    ]
    stats = sorted(label_stats(evaluation.true_labels, predicted), key=lambda x: -x.support)
    lines += [
        f"{x.label[:60]:60s} {x.precision:6.2f} {x.recall:6.2f} {x.support:5d}" for x in stats
    ]
    lines += ["", "most confused (true -> predicted):"]
    lines += [
        f"{n:5d}  {t[:45]} -> {p[:45]}"
        for t, p, n in confused_pairs(evaluation.true_labels, predicted, confusions)
    ]
    return "\n".join(lines)
