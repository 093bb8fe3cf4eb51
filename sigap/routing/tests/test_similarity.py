"""Tests of duplicate and incident similarity (pure Python, no database; hand-written reports)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from sigap.routing.similarity import (
    DEFAULT_CLUSTER_THRESHOLD,
    IncidentView,
    Signature,
    cluster_candidates,
    haversine_meters,
    incident_score,
    place_similarity,
    similarity,
    text_signature,
    time_similarity,
)

START = datetime(2026, 1, 10, 6, 0, tzinfo=UTC)
DESA_DAYEUHKOLOT = "32.04.12.2002"
KEC_DAYEUHKOLOT = "32.04.12"
DESA_CITEUREUP = "32.04.12.2006"  # same kecamatan
DESA_CILEUNYI_WETAN = "32.04.05.2002"  # another kecamatan

# Five people reporting one flood, each in their own words (Indonesian, Sundanese, chat).
FLOOD_REPORTS = [
    "banjir di desa Dayeuhkolot, air masuk rumah setinggi lutut",
    "tolong pak air sungai citarum meluap, rumah warga dayeuhkolot terendam",
    "kebanjiran parah di dayeuhkolot rt 03, warga butuh perahu",
    "caah gede di dayeuhkolot, imah kakeueum cai, punten bantosanana",
    "Dayeuhkolot banjir lagi, jalan ga bisa dilewati, air sepinggang",
]


def view(
    case_id: int,
    text: str,
    *,
    minutes: float = 0,
    region: str | None = DESA_DAYEUHKOLOT,
    point: tuple[float, float] | None = None,
    reporter: str | None = None,
) -> IncidentView:
    lat, lng = point if point else (None, None)
    return IncidentView(
        case_id,
        text_signature(text),
        START + timedelta(minutes=minutes),
        region_code=region,
        lat=lat,
        lng=lng,
        reporter=reporter,
    )


@pytest.fixture
def flood() -> list[IncidentView]:
    return [view(i, text, minutes=25 * i) for i, text in enumerate(FLOOD_REPORTS)]


# --- signatures ------------------------------------------------------------------------


def test_signature_round_trips_through_a_short_json_string() -> None:
    signature = text_signature(FLOOD_REPORTS[1])
    stored = signature.to_json()
    assert len(stored) < 600
    assert Signature.from_json(stored) == signature


def test_signature_of_another_version_is_refused() -> None:
    with pytest.raises(ValueError, match="version"):
        Signature.from_json('{"v":0,"t":"banjir","s":""}')


def test_signature_tags_incident_words_across_languages() -> None:
    assert "#banjir" in text_signature("caah gede").tokens
    assert "#banjir" in text_signature("rumah kebanjiran").tokens
    assert "#kebakaran" in text_signature("aya kahuruan di pasar").tokens
    assert "#longsor" in text_signature("tanah urug nutup dalan").tokens


def test_signature_size_is_bounded_for_long_texts() -> None:
    long_text = " ".join(f"kata{i:03d}" for i in range(500))
    signature = text_signature(long_text)
    assert len(signature.tokens) <= 40
    assert len(signature.shingles) <= 64


# --- text similarity -------------------------------------------------------------------


def test_identical_text_is_similarity_one_and_unrelated_text_near_zero() -> None:
    a = text_signature(FLOOD_REPORTS[0])
    assert similarity(a, text_signature(FLOOD_REPORTS[0])) == pytest.approx(1.0)
    assert similarity(a, text_signature("KTP saya belum jadi 3 bulan")) < 0.1
    assert similarity(Signature(frozenset(), frozenset()), a) == 0.0


def test_different_wordings_of_one_flood_are_closer_than_other_topics() -> None:
    signatures = [text_signature(text) for text in FLOOD_REPORTS]
    road = text_signature("jalan rusak berlubang di depan sekolah, bahaya buat motor")
    for a in signatures:
        for b in signatures:
            assert similarity(a, b) > max(similarity(a, road), similarity(b, road))


# --- place and time --------------------------------------------------------------------


def test_haversine_distance_in_meters() -> None:
    # One hundredth of a degree of latitude is about 1.11 km.
    assert haversine_meters(-6.99, 107.62, -7.00, 107.62) == pytest.approx(1112, rel=0.01)
    assert haversine_meters(-6.99, 107.62, -6.99, 107.62) == 0.0


def test_place_similarity_by_region_codes_and_points() -> None:
    here = view(1, "x", region=DESA_DAYEUHKOLOT)
    assert place_similarity(here, view(2, "x", region=DESA_DAYEUHKOLOT)) == 1.0
    assert place_similarity(here, view(2, "x", region=KEC_DAYEUHKOLOT)) == 0.8
    assert place_similarity(here, view(2, "x", region=DESA_CITEUREUP)) == 0.6
    assert place_similarity(here, view(2, "x", region=DESA_CILEUNYI_WETAN)) < 0.05
    near = view(3, "x", point=(-6.9900, 107.6200))
    assert place_similarity(near, view(4, "x", point=(-6.9910, 107.6200))) == 1.0  # 110 m
    assert place_similarity(near, view(4, "x", point=(-7.0400, 107.6200))) < 0.05  # 5.6 km


def test_time_similarity_halves_every_day() -> None:
    assert time_similarity(START, START + timedelta(hours=24)) == pytest.approx(0.5)
    assert time_similarity(START + timedelta(hours=48), START) == pytest.approx(0.25)


def test_points_on_the_equator_are_still_points() -> None:
    a = view(1, "x", region=None, point=(0.0, 109.33))
    b = view(2, "x", region=None, point=(0.0, 109.33))
    assert place_similarity(a, b) == 1.0


# --- incidents -------------------------------------------------------------------------


def test_five_reports_of_one_flood_within_two_hours_cluster(flood: list[IncidentView]) -> None:
    for report in flood:
        found = cluster_candidates(report, flood)
        assert {case_id for case_id, _ in found} == {r.id for r in flood} - {report.id}
        scores = [score for _, score in found]
        assert scores == sorted(scores, reverse=True)


def test_new_report_joins_the_flood_cluster_among_unrelated_recent_cases(
    flood: list[IncidentView],
) -> None:
    others = [
        view(10, "jalan rusak berlubang di depan sekolah", minutes=30),
        view(11, "lampu jalan mati sudah seminggu", minutes=40),
        view(12, "sampah menumpuk di pinggir jalan", minutes=50),
        view(13, "banjir di desa Cileunyi Wetan", minutes=20, region=DESA_CILEUNYI_WETAN),
    ]
    new = view(20, "air naik terus di dayeuhkolot, rumah kami kebanjiran", minutes=130)
    found = dict(cluster_candidates(new, flood + others))
    assert set(found) == {r.id for r in flood}


def test_same_words_in_another_kecamatan_do_not_cluster() -> None:
    a = view(1, FLOOD_REPORTS[0])
    b = view(2, FLOOD_REPORTS[0], minutes=10, region=DESA_CILEUNYI_WETAN)
    assert incident_score(a, b) < DEFAULT_CLUSTER_THRESHOLD
    assert cluster_candidates(a, [b]) == []


def test_same_words_two_weeks_apart_do_not_cluster() -> None:
    a = view(1, FLOOD_REPORTS[0])
    b = view(2, FLOOD_REPORTS[0], minutes=14 * 24 * 60)
    assert incident_score(a, b) < DEFAULT_CLUSTER_THRESHOLD


def test_other_incident_in_the_same_desa_and_hour_does_not_cluster() -> None:
    flood = view(1, FLOOD_REPORTS[4])
    road = view(2, "jalan rusak berlubang di depan sekolah", minutes=5)
    assert incident_score(flood, road) < DEFAULT_CLUSTER_THRESHOLD


def test_resent_identical_text_from_the_same_reporter_scores_about_one() -> None:
    text = "Lampu PJU di gang Melati mati total, mohon diperbaiki"
    first = view(1, text, region=None, reporter="contact-7")
    again = view(2, text, minutes=3, region=None, reporter="contact-7")
    assert incident_score(first, again) == pytest.approx(1.0, abs=0.01)
    stranger = view(3, text, minutes=3, region=None, reporter="contact-9")
    assert incident_score(first, stranger) < incident_score(first, again)


def test_points_decide_over_region_codes_across_a_kecamatan_border() -> None:
    """A flood on a border: two desa of different kecamatan, 200 m apart."""
    a = view(1, FLOOD_REPORTS[0], point=(-6.9900, 107.6200))
    b = view(2, FLOOD_REPORTS[4], minutes=20, region=DESA_CILEUNYI_WETAN, point=(-6.9918, 107.62))
    assert incident_score(a, b) >= DEFAULT_CLUSTER_THRESHOLD


def test_candidates_exclude_the_new_case_itself(flood: list[IncidentView]) -> None:
    assert flood[0].id not in dict(cluster_candidates(flood[0], flood))
    assert cluster_candidates(flood[0], []) == []
