"""The emergency detector on real complaints (Surabaya Media Center 2022), read in place.

The data lives in ../shared/data and is never copied into the repository; this module reads
it when given its path. The Surabaya set is a complaint portal, not an emergency line: almost
every message is about roads, drains, trees or social aid, and the few complaints routed to the
fire service or the disaster agency are mostly not emergencies in progress either (hydrant
checks, monkey sightings, COVID rules). So two figures matter:

- the *false-alarm rate*: the share of all complaints the detector flags;
- the *precision among flagged rows*, judged by hand. `HAND_JUDGED` records the team's verdict
  for every row the detector flagged on 2026-11-23 (row ids only, no text): `tp` an emergency
  in progress or just happened (fire now, patient vomiting blood, tree just fell across a road),
  `borderline` an ongoing hazard that a command center would pass on but not dispatch to
  (flood water in houses, street flooding that will not drain), `fp` not an emergency. Rows
  flagged later by changed rules show up as unjudged.

These figures are not held out: the rules were adjusted after reading the false alarms on this
data (long narratives, "karena kecelakaan", tree-pruning requests), so they flatter the
detector. Recall on real data is unknown beyond the candidate rows: the few emergencies in
progress found among them by hand are all flagged (the `tp` rows above).
"""

from __future__ import annotations

import csv
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sigap.routing.detectors.emergency import detect_emergency

SURABAYA_COMPLAINTS = Path("surabaya_mediacenter") / "complaints.csv"
# Agencies and the topic that stand closest to "emergency" in the Surabaya routing labels.
CANDIDATE_AGENCIES = frozenset(
    {"Badan Penanggulangan Bencana Daerah", "Dinas Pemadam Kebakaran dan Penyelamatan"}
)
CANDIDATE_TOPIC = "Layanan Command Center 112"

HAND_JUDGED: dict[str, str] = {
    "sby-155476": "tp",  # fire on a vacant lot, now
    "sby-156014": "tp",  # patient vomiting blood, asks for transport to hospital
    "sby-157315": "tp",  # tree just fell in a storm, asks for a crew at once
    "sby-157365": "tp",  # fallen tree by houses, asks for help at once
    "sby-162701": "tp",  # a car has just crashed into a tree (the message is about the tree)
    "sby-157362": "borderline",  # street flood not draining, "tolong ditangani"
    "sby-157355": "borderline",  # flood in houses now
    "sby-158196": "borderline",  # flood entering the house, pleads
    "sby-158215": "borderline",  # knee-deep flood now (a recurring problem)
    "sby-158970": "borderline",  # youths brawling at 01:00; unclear whether still going on
    "sby-161254": "borderline",  # "banjir hingga masuk rumah"
    "sby-161283": "borderline",  # alley flooded since morning, asks the fire service to pump
    "sby-156557": "fp",  # a parking attendant "ditodong" (overcharged) 3,000 rupiah
    "sby-158242": "fp",  # chronic road hazard, many past accidents
    "sby-164690": "fp",  # unclear fragment "lakalantas tinggal di jalan ..."
    "sby-168289": "fp",  # long essay on fire-truck access
    "sby-169043": "fp",  # pothole, "sudah 2x kejadian motor jatuh"
    "sby-169269": "fp",  # complaint after a resident died
    "sby-169213": "fp",  # pothole caused accidents, asks for repair
}


@dataclass
class RealDataReport:
    rows: int
    flagged: int
    flagged_by_kind: dict[str, int]
    candidates: int
    candidates_flagged: int
    judged: Counter[str] = field(default_factory=Counter)
    unjudged_ids: list[str] = field(default_factory=list)
    microseconds_per_message: float = 0.0

    @property
    def flag_rate(self) -> float:
        return self.flagged / self.rows if self.rows else 0.0

    def precision(self, *, count_borderline: bool) -> float | None:
        good = self.judged["tp"] + (self.judged["borderline"] if count_borderline else 0)
        total = sum(self.judged.values())
        return good / total if total else None


def read_complaints(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def emergency_report(rows: Iterable[dict[str, str]]) -> RealDataReport:
    """Run the detector over every row and compare with the labels and the hand verdicts."""
    rows = list(rows)
    started = time.perf_counter()
    signals = [detect_emergency(row["text"]) for row in rows]
    elapsed = time.perf_counter() - started
    report = RealDataReport(
        rows=len(rows),
        flagged=sum(s.is_emergency for s in signals),
        flagged_by_kind=dict(Counter(s.kind for s in signals if s.kind)),
        candidates=0,
        candidates_flagged=0,
        microseconds_per_message=elapsed / max(len(rows), 1) * 1e6,
    )
    for row, signal in zip(rows, signals, strict=True):
        if _is_candidate(row):
            report.candidates += 1
            report.candidates_flagged += signal.is_emergency
        if signal.is_emergency:
            verdict = HAND_JUDGED.get(row["id"])
            if verdict is None:
                report.unjudged_ids.append(row["id"])
            else:
                report.judged[verdict] += 1
    return report


def _is_candidate(row: dict[str, str]) -> bool:
    return row.get("label") in CANDIDATE_AGENCIES or row.get("label_topik") == CANDIDATE_TOPIC
