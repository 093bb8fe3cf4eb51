"""Text-triage micro-benchmark: gazetteer, FAQ matcher and incident clustering (one process).

    .venv/bin/python bench/triage_text.py [--repeat 3] [--json]

Pure Python, no database. Prints microseconds per call (mean, p50, p95) and the quality figures
of each component:

- gazetteer.find on the real Kabupaten Bandung names (311) when ../shared/data is present, else
  on the hand-written regions of the tests; timed on real complaint texts (Surabaya, when
  present) with the fuzzy cache off ("cold") and on ("warm"); template, spelling-variant and
  typo recall; false positives on hand-written sentences without places and on real Surabaya
  complaints (no Kabupaten Bandung place is expected there); and, with a Kota Surabaya
  gazetteer, how often the kecamatan found in a complaint agrees with the one staff recorded;
- faq.match on the labelled messages of the tests, with precision/recall at the default
  threshold and with a threshold fitted on one half and measured on the other, plus every
  answer it gives on the real Surabaya and Purbalingga complaints (to be read);
- cluster_candidates of one new case against 200 recent cases, realistic (a week, 31
  kecamatan) and worst case (all in one desa within two hours, every text compared).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from sigap.routing.faq import DEFAULT_THRESHOLD, FaqIndex, calibrate, evaluate_at, is_question
from sigap.routing.gazetteer import DESA, KECAMATAN, Gazetteer, PlaceMatch, RegionName
from sigap.routing.gazetteer.text import bounded_distance, compact
from sigap.routing.similarity import IncidentView, cluster_candidates, text_signature
from sigap.routing.tests import test_faq, test_gazetteer, test_similarity

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SIGAP_SHARED_DATA_DIR", ROOT.parent / "shared" / "data"))
BANDUNG_CSV = SHARED / "wilayah_kemendagri" / "kab_bandung_3204.csv"
INDONESIA_CSV = SHARED / "wilayah_kemendagri" / "wilayah_indonesia.csv"
SURABAYA_CSV = SHARED / "surabaya_mediacenter" / "complaints.csv"
PURBALINGGA_CSV = SHARED / "lapormasbup_purbalingga" / "complaints.csv"
KAB = "32.04"
SURABAYA_PREFIX = "35.78."
TIMING_TEXTS = 2000


def timed(fn: Callable[[Any], object], items: Sequence[Any], repeat: int) -> dict[str, float]:
    """Microseconds per call over `repeat` passes: mean, median and 95th percentile of the
    thread's CPU time (what the call costs; immune to other processes on a shared machine) and
    the mean wall time."""
    cpu, wall = [], []
    for _ in range(repeat):
        for item in items:
            start_cpu, start_wall = time.thread_time_ns(), time.perf_counter_ns()
            fn(item)
            cpu.append((time.thread_time_ns() - start_cpu) / 1000)
            wall.append((time.perf_counter_ns() - start_wall) / 1000)
    cpu.sort()
    return {
        "cpu_mean_us": round(statistics.fmean(cpu), 1),
        "cpu_p50_us": round(cpu[len(cpu) // 2], 1),
        "cpu_p95_us": round(cpu[int(len(cpu) * 0.95)], 1),
        "wall_mean_us": round(statistics.fmean(wall), 1),
        "calls": len(cpu),
    }


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def loud(message: str) -> None:
    print(f"!! {message}", file=sys.stderr)


# --- gazetteer -------------------------------------------------------------------------


def bench_gazetteer(repeat: int, complaints: list[dict[str, str]]) -> dict[str, Any]:
    if BANDUNG_CSV.exists():
        rows = read_csv(BANDUNG_CSV)
        regions = list(test_gazetteer.regions_from_rows(rows))
        source = "real Kabupaten Bandung names"
    else:
        loud(f"{BANDUNG_CSV} absent: timing the gazetteer on the tests' hand-written regions")
        rows, regions, source = [], list(test_gazetteer.HAND_REGIONS), "hand-written regions"
    start = time.perf_counter()
    warm = Gazetteer.from_regions(regions)
    build_ms = (time.perf_counter() - start) * 1000
    cold = Gazetteer.from_regions(regions, cache_size=0)
    texts = [row["text"] for row in complaints[:TIMING_TEXTS]] or test_gazetteer.NO_PLACE_SENTENCES
    result: dict[str, Any] = {
        "source": source,
        "regions": len({r.code for r in regions if r.level in (DESA, KECAMATAN)}),
        "distinct_names": len(warm),
        "build_ms": round(build_ms, 1),
        "timed_on": "Surabaya complaint texts" if complaints else "hand-written sentences",
        "median_chars": statistics.median(len(text) for text in texts),
        "cold": timed(cold.find, texts, 1),
        "warm": timed(warm.find, texts, repeat),
        "false_positive_sentences": sum(
            bool(warm.find(s)) for s in test_gazetteer.NO_PLACE_SENTENCES
        ),
        "no_place_sentences": len(test_gazetteer.NO_PLACE_SENTENCES),
    }
    if rows:
        result.update(gazetteer_recall(warm, rows))
    if complaints:
        result["surabaya_with_a_bandung_match"] = _foreign_matches(warm, complaints)
    if rows and INDONESIA_CSV.exists():
        # The rest of Indonesia's names, passed so that "Lumajang" is not read as "Lamajang".
        others = [r["nama"] for r in read_csv(INDONESIA_CSV) if not r["kode"].startswith(KAB)]
        aware = Gazetteer.from_regions(regions, other_places=others)
        result["with_other_places"] = {
            "typo_recall": gazetteer_recall(aware, rows)["typo_recall"],
            "surabaya_with_a_bandung_match": _foreign_matches(aware, complaints),
            "warm": timed(aware.find, texts, repeat),
        }
    if complaints:
        result.update(surabaya_agreement(complaints))
    return result


def _foreign_matches(gazetteer: Gazetteer, complaints: list[dict[str, str]]) -> dict[str, float]:
    """Share of Surabaya complaints in which a Kabupaten Bandung place is found: all of them
    false positives but for the few places whose names both areas share."""
    texts = [row["text"] for row in complaints]
    return {
        "any_match": _share(bool(gazetteer.find(t)) for t in texts),
        "located": _share(gazetteer.locate(t) is not None for t in texts),
    }


def gazetteer_recall(gazetteer: Gazetteer, rows: list[dict[str, str]]) -> dict[str, Any]:
    desa = [row for row in rows if row["level"] == DESA]
    kecamatan = [row for row in rows if row["level"] == KECAMATAN]
    template = [
        _codes(gazetteer.find(f"jalan rusak di desa {r['nama']} kec {r['nama_kecamatan']}"))[:1]
        == [r["kode"]]
        for r in desa
    ]
    kec_found = [
        _codes(gazetteer.find(f"banjir di {r['nama']}"))[:1] == [r["kode"]] for r in kecamatan
    ]
    typo_cases = [
        (f"jalan rusak di desa {typo} kec {row['nama_kecamatan']}", row["kode"])
        for row in desa
        if len(compact(row["nama"])) >= 6
        for typo in test_gazetteer._typos(row["nama"])
    ]
    typos = [test_gazetteer._best_desa(gazetteer.find(t)) == code for t, code in typo_cases]
    return {
        "desa_template_recall": _share(template),
        "kecamatan_without_cue_recall": _share(kec_found),
        "typo_recall": _share(typos),
        "typo_cases": len(typos),
    }


def surabaya_agreement(complaints: list[dict[str, str]]) -> dict[str, Any]:
    """Kecamatan of `Gazetteer.locate` (Kota Surabaya names) vs the one staff recorded for the
    complaint; disagreements include real ones (a street or another place named in the text)."""
    if not INDONESIA_CSV.exists():
        loud(f"{INDONESIA_CSV} absent: no Surabaya agreement figure")
        return {}
    regions = [
        RegionName(row["kode"], row["nama"], row["level"], row["kode_induk"])
        for row in read_csv(INDONESIA_CSV)
        if row["kode"].startswith(SURABAYA_PREFIX)
    ]
    gazetteer = Gazetteer.from_regions(regions)
    kecamatan_names = {r.code: compact(r.name) for r in regions if r.level == KECAMATAN}
    named = agree = 0
    for row in complaints:
        place = gazetteer.locate(row["text"])
        if place is None or not row["kecamatan"]:
            continue
        named += 1
        found = kecamatan_names.get(place.code[:8], "")
        # The export spells a few kecamatan the old way ("Pabean Cantikan" for Pabean Cantian).
        agree += bounded_distance(found, compact(row["kecamatan"]), 2) <= 2
    return {
        "surabaya_complaints": len(complaints),
        "surabaya_located": _share([True] * named + [False] * (len(complaints) - named)),
        "surabaya_kecamatan_agreement": round(agree / named, 3) if named else None,
    }


def _codes(matches: list[PlaceMatch]) -> list[str]:
    return [match.code for match in matches]


def _share(flags: Iterable[bool]) -> float:
    values = list(flags)
    return round(sum(values) / len(values), 3) if values else 0.0


# --- FAQ -------------------------------------------------------------------------------


def bench_faq(repeat: int, complaints: list[dict[str, str]]) -> dict[str, Any]:
    start = time.perf_counter()
    index = FaqIndex.build(test_faq.demo_articles())
    build_ms = (time.perf_counter() - start) * 1000
    labelled = test_faq.LABELLED
    texts = [text for text, _ in labelled]
    at_default = evaluate_at(index, labelled, DEFAULT_THRESHOLD)
    halves = []
    for part in (0, 1):
        chosen = calibrate(index, labelled[part::2], min_precision=1.0)
        held_out = evaluate_at(index, labelled[1 - part :: 2], chosen.threshold)
        halves.append({"threshold": chosen.threshold, "precision": round(held_out.precision, 3),
                       "recall": round(held_out.recall, 3)})  # fmt: skip
    result: dict[str, Any] = {
        "build_ms": round(build_ms, 1),
        "labelled": len(labelled),
        "match_on_labelled": timed(index.match, texts, repeat * 10),
        "rank_on_labelled": timed(index.rank, texts, repeat * 10),
        "threshold": DEFAULT_THRESHOLD,
        "precision": round(at_default.precision, 3),
        "recall": round(at_default.recall, 3),
        "answered": at_default.answered,
        "should_answer": at_default.expected,
        "split_half": halves,
    }
    if complaints:
        sample = [row["text"] for row in complaints[:TIMING_TEXTS]]
        result["match_on_surabaya"] = timed(index.match, sample, repeat)
        result["surabaya_read_as_questions"] = _share(is_question(t) for t in sample)
        answers = _answers(index, [row["text"] for row in complaints])
        result["surabaya_answered"] = f"{len(answers)}/{len(complaints)}"
        result["surabaya_answers"] = answers
    if PURBALINGGA_CSV.exists():
        texts = [row["text"] for row in read_csv(PURBALINGGA_CSV)]
        answers = _answers(index, texts)
        result["purbalingga_answered"] = f"{len(answers)}/{len(texts)}"
        result["purbalingga_answers"] = answers
    return result


def _answers(index: FaqIndex, texts: list[str]) -> list[str]:
    """Every answer given on real complaints, to be read: none of them is labelled."""
    found = ((index.match(text), text) for text in texts)
    return [f"{m.article_id} {m.score:.2f} <- {text[:70]}" for m, text in found if m is not None]


# --- incidents -------------------------------------------------------------------------


def bench_incidents(repeat: int) -> dict[str, Any]:
    rng = random.Random(4)
    now = datetime(2026, 1, 10, 8, 0, tzinfo=UTC)
    texts = [*test_similarity.FLOOD_REPORTS, *test_gazetteer.NO_PLACE_SENTENCES]
    kecamatan = [f"32.04.{n:02d}" for n in range(5, 47)][:31]

    def recent_case(i: int, same_place: bool) -> IncidentView:
        region = (
            "32.04.12.2002" if same_place else f"{rng.choice(kecamatan)}.20{rng.randint(1, 12):02d}"
        )
        spread = timedelta(hours=2) if same_place else timedelta(days=7)
        at = now - spread * rng.random()
        return IncidentView(i, text_signature(rng.choice(texts)), at, region_code=region)

    new = IncidentView(-1, text_signature("air naik terus di dayeuhkolot, rumah kebanjiran"), now,
                       region_code="32.04.12.2002")  # fmt: skip
    result: dict[str, Any] = {
        "text_signature": timed(text_signature, texts, repeat * 5),
        "signature_json_chars": statistics.median(len(text_signature(t).to_json()) for t in texts),
    }
    for name, same_place in (("week_31_kecamatan", False), ("worst_one_desa_2h", True)):
        recent = [recent_case(i, same_place) for i in range(200)]
        result[f"cluster_200_{name}"] = timed(
            lambda r: cluster_candidates(new, r), [recent], repeat * 50
        )
    return result


# --- report ----------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    complaints = read_csv(SURABAYA_CSV) if SURABAYA_CSV.exists() else []
    if not complaints:
        loud(f"{SURABAYA_CSV} absent: timing on hand-written sentences, no real-data figures")
    report = {
        "gazetteer": bench_gazetteer(args.repeat, complaints),
        "faq": bench_faq(args.repeat, complaints),
        "incidents": bench_incidents(args.repeat),
    }
    if args.json:
        print(json.dumps(report))
        return
    for section, figures in report.items():
        print(f"[{section}]")
        for key, value in figures.items():
            print(f"  {key}: {value}")


if __name__ == "__main__":
    main()
