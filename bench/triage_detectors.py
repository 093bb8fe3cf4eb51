"""Triage detectors: speed per message and emergency precision/recall, hand-written and real.

    .venv/bin/python bench/triage_detectors.py [--repeat 20] [--data-dir ../shared/data] [--json]

Prints, for each detector (emergency, personal data, abuse, identical-text key), the time per
message over the labelled emergency set repeated `--repeat` times and, when the shared data is
present, over the 8,280 real Surabaya complaints (median 205 characters, far longer than chat).
Times are the best of several passes, in microseconds, one process. Then the emergency
figures: precision/recall/F1 on the dev split (tuned on) and the held-out split (never tuned
on), and on real data the share of complaints flagged and precision/recall against the hand
verdicts "emergency in progress needing dispatch" (see sigap/routing/detectors/realdata.py);
the Purbalingga and LaporGub! sets give flag counts only.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
import timeit
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from sigap.routing.detectors import (
    DEV_CASES,
    HELDOUT_CASES,
    detect_abuse,
    detect_emergency,
    evaluate_emergency,
    find_personal_data,
    identical_text_key,
)
from sigap.routing.detectors.realdata import (
    SURABAYA_COMPLAINTS,
    emergency_report,
    read_complaints,
)

ROOT = Path(__file__).resolve().parent.parent
DETECTORS: dict[str, Callable[[str], object]] = {
    "emergency": detect_emergency,
    "personal_data": find_personal_data,
    "abuse": detect_abuse,
    "identical_text_key": identical_text_key,
}


def microseconds_per_message(
    detector: Callable[[str], object], texts: Sequence[str], passes: int
) -> float:
    """Best of `passes` full passes over `texts`: the least disturbed by other processes."""
    detector(texts[0])  # warm caches once, as a long-running worker would be
    best = float("inf")
    for _ in range(passes):
        started = time.perf_counter()
        for text in texts:
            detector(text)
        best = min(best, time.perf_counter() - started)
    return best / len(texts) * 1e6


def machine() -> dict[str, Any]:
    # A fixed pure-Python loop, so figures from a loaded or slower machine can be compared.
    calibration = min(timeit.repeat("sum(range(100))", number=20_000, repeat=5)) / 20_000
    return {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "calibration_sum_range_100_ns": round(calibration * 1e9, 1),
    }


def speed(texts: Sequence[str], passes: int) -> dict[str, float]:
    return {
        name: round(microseconds_per_message(fn, texts, passes), 1)
        for name, fn in DETECTORS.items()
    }


def real_data(data_dir: Path, passes: int) -> dict[str, Any] | None:
    path = data_dir / SURABAYA_COMPLAINTS
    if not path.exists():
        print(f"SKIPPED: {path} is absent; no real-data figures.", file=sys.stderr)
        return None
    rows = read_complaints(path)
    texts = [row["text"] for row in rows]
    report = emergency_report(rows)
    pii_kinds: dict[str, int] = {}
    for text in texts:
        for match in find_personal_data(text):
            pii_kinds[match.kind] = pii_kinds.get(match.kind, 0) + 1
    strict = report.precision(count_borderline=False)
    lenient = report.precision(count_borderline=True)
    recall = report.recall
    return {
        "rows": report.rows,
        "speed_us": speed(texts, passes),
        "emergency": {
            "flagged": report.flagged,
            "flag_rate": round(report.flag_rate, 4),
            "flagged_by_kind": report.flagged_by_kind,
            "judged_rows": report.judged,
            "judged_verdicts": dict(report.verdicts),
            "flagged_judged_verdicts": dict(report.flagged_verdicts),
            "precision_strict": None if strict is None else round(strict, 3),
            "precision_with_borderline": None if lenient is None else round(lenient, 3),
            "recall_of_yes": None if recall is None else round(recall, 3),
            "missed_yes_ids": report.missed_yes_ids,
            "false_alarm_ids": report.false_alarm_ids,
            "unjudged_flagged_ids": report.unjudged_ids,
        },
        "emergency_other_sets": other_sets(data_dir),
        # The shared copy has NIKs and phone numbers pre-masked as [NIK]/[NOMOR]; matches here
        # are e-mails, unmasked numbers, or false positives to inspect.
        "personal_data_matches": pii_kinds,
        "abusive_rows": sum(detect_abuse(text).is_abusive for text in texts),
    }


def other_sets(data_dir: Path) -> dict[str, Any]:
    """Flags on the two other complaint sets: no hand verdicts, ids of flagged rows only.

    LaporGub! text is stemmed and stripped of function words (`bakar` for `kebakaran`, no
    `sudah`, `tidak`, `kalau`), so the detector's past/hypothetical cues cannot work there and
    its flags are mostly false alarms; the figure is a flag rate, not a quality measure.
    """
    result: dict[str, Any] = {}
    for name in ("lapormasbup_purbalingga", "laporgub_jateng"):
        path = data_dir / name / "complaints.csv"
        if not path.exists():
            print(f"SKIPPED: {path} is absent.", file=sys.stderr)
            continue
        rows = read_complaints(path)
        flagged = [row for row in rows if detect_emergency(row["text"]).is_emergency]
        result[name] = {
            "rows": len(rows),
            "flagged": len(flagged),
            "flagged_by_label": dict(Counter(row["label"] for row in flagged)),
            "first_flagged_ids": [row["id"] for row in flagged[:20]],
        }
    return result


def summarise(evaluation: dict[str, Any]) -> dict[str, Any]:
    keys = ("n", "positives", "precision", "recall", "f1", "kind_accuracy", "per_kind")
    return {key: evaluation[key] for key in keys} | {
        "false_positives": [m["text"] for m in evaluation["false_positives"]],
        "false_negatives": [m["text"] for m in evaluation["false_negatives"]],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="labelled set repetitions")
    parser.add_argument("--passes", type=int, default=5, help="timed passes (best is kept)")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=Path(os.environ.get("SIGAP_SHARED_DATA_DIR", ROOT.parent / "shared" / "data")),
    )
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    args = parser.parse_args(argv)

    labelled = [case.text for case in DEV_CASES + HELDOUT_CASES] * args.repeat
    result = {
        "machine": machine(),
        "labelled_messages_timed": len(labelled),
        "labelled_speed_us": speed(labelled, args.passes),
        "emergency_dev": summarise(evaluate_emergency(DEV_CASES)),
        "emergency_heldout": summarise(evaluate_emergency(HELDOUT_CASES)),
        "real_data": real_data(args.data_dir, max(1, args.passes // 2)),
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
