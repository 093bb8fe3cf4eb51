"""The bounds that keep triage cheap must never drop a duplicate the full comparison finds."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

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
