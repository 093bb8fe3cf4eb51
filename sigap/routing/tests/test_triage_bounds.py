"""The bounds that keep triage cheap must never drop a duplicate the full comparison finds."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from sigap.cases.models import Case
from sigap.regions.models import Region, RegionLevel
from sigap.routing import triage
from sigap.routing.detectors.repeats import identical_text_key
from sigap.routing.models import TriageResult
from sigap.routing.similarity import (
    IncidentView,
    incident_score,
    max_time_apart,
    signature_parsed,
    text_signature,
)

START = datetime(2026, 1, 10, 6, 0, tzinfo=UTC)
TEXT = "banjir di desa Dayeuhkolot, air masuk rumah setinggi lutut"
DESA = "32.04.12.2002"


def _best_possible(hours_apart: float) -> float:
    """The highest score two reports this far apart can have: the same words, the same desa,
    the same point and the same reporter."""
    signature = text_signature(TEXT)
    first = IncidentView(1, signature, START, DESA, -6.98, 107.62, "7")
    later = IncidentView(
        2, signature, START + timedelta(hours=hours_apart), DESA, -6.98, 107.62, "7"
    )
    return incident_score(first, later)


@pytest.mark.parametrize("threshold", [0.2, 0.45, 0.6, 0.9])
def test_reports_further_apart_than_the_bound_can_never_reach_the_threshold(threshold):
    bound = max_time_apart(threshold).total_seconds() / 3600
    assert _best_possible(bound + 1 / 60) < threshold
    assert _best_possible(bound + 24) < threshold


@pytest.mark.parametrize("threshold", [0.2, 0.45, 0.6, 0.9])
def test_the_bound_is_not_tighter_than_the_score(threshold):
    """Just inside the bound the best possible pair still reaches the threshold: the time
    filter leaves every candidate the score would accept."""
    bound = max_time_apart(threshold).total_seconds() / 3600
    assert _best_possible(bound - 2 / 60) >= threshold


def test_a_signature_of_another_version_is_skipped_and_parsing_is_shared():
    stored = text_signature(TEXT).to_json()
    first, again = signature_parsed(stored), signature_parsed(stored)
    assert first is not None and first is again  # parsed once per process
    assert first == text_signature(TEXT)
    other_version = json.dumps({**json.loads(stored), "v": 99})
    assert signature_parsed(other_version) is None


def _triaged(case: Case, text: str) -> None:
    TriageResult.objects.create(
        case=case, signature=text_signature(text).to_json(), text_key=identical_text_key(text)
    )


@pytest.mark.parametrize("with_point", [False, True])
def test_the_place_bound_keeps_every_candidate_the_score_accepts(
    make_case, pemda, monkeypatch, with_point
):
    """Reports placed in another kecamatan are not even read (the place factor alone keeps
    them under the threshold); every other candidate is, and the result is the same as
    comparing with the whole window."""
    kabupaten = Region.objects.create(code="32.04", name="Uji", level=RegionLevel.KABUPATEN_KOTA)
    banjaran, pangalengan, desa = (
        Region.objects.create(code=code, name=name, level=level, parent=kabupaten)
        for code, name, level in (
            ("32.04.13", "Banjaran", RegionLevel.KECAMATAN),
            ("32.04.15", "Pangalengan", RegionLevel.KECAMATAN),
            ("32.04.13.2001", "Banjaran Wetan", RegionLevel.DESA_KELURAHAN),
        )
    )
    text = "jalan raya depan pasar berlubang besar, motor jatuh"
    placed = {
        "desa": make_case(text, sender="6281", region=desa),
        "kecamatan": make_case(text, sender="6282", region=banjaran),
        "elsewhere": make_case(text, sender="6283", region=pangalengan),
        "unknown": make_case(text, sender="6284"),
        "elsewhere_point": make_case(text, sender="6285", region=pangalengan),
    }
    Case.objects.filter(pk=placed["elsewhere_point"].pk).update(latitude=-7.05, longitude=107.59)
    for case in placed.values():
        _triaged(case, text)
    new = make_case(text, sender="6286", region=banjaran)
    if with_point:
        Case.objects.filter(pk=new.pk).update(latitude=-7.05, longitude=107.59)
    new = Case.objects.select_related("pemda", "region").get(pk=new.pk)
    result = TriageResult(case=new, signature=text_signature(text).to_json())

    read = {row[0] for row in triage._recent_triaged(new)}
    bounded = triage._duplicates(new, result)
    monkeypatch.setattr(triage, "_places_that_can_match", lambda case: ("", []))
    assert bounded == triage._duplicates(new, result)  # what the whole window gives
    linked = {item["case_id"] for item in bounded}
    by_name = {name: case.pk for name, case in placed.items()}
    assert by_name["elsewhere"] not in read and by_name["elsewhere"] not in linked
    assert {by_name["desa"], by_name["kecamatan"], by_name["unknown"]} <= linked
    # Two points are compared by distance, whatever their regions say.
    assert (by_name["elsewhere_point"] in linked) is with_point
    assert (by_name["elsewhere_point"] in read) is with_point
