"""The coordinator's triage queue: who sees it, what it lists, and every decision it records."""

from __future__ import annotations

from typing import Any

import pytest
from django_tasks_db.models import DBTaskResult

from sigap.agencies.models import Agency, AgencyKind, Pemda
from sigap.agencies.services import agency_save
from sigap.cases.models import (
    Case,
    CaseEvent,
    CaseStatus,
    Disposition,
    DispositionReason,
    EventKind,
)
from sigap.cases.services import case_transition
from sigap.routing.learning import case_learn
from sigap.routing.models import ExampleSource, RoutingExample, TriageResult
from sigap.routing.similarity import text_signature

URL = "/konsol/triase/"


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def unsure(case: Case, *suggestions: tuple[Agency, float]) -> Case:
    """What the router stores for a case it could not place with confidence."""
    TriageResult.objects.create(
        case=case,
        suggestions=[
            {"label": a.code, "probability": p, "agency_id": a.pk, "agency": a.short_name}
            for a, p in suggestions
        ],
        confidence=suggestions[0][1] if suggestions else None,
        needs_review=True,
        personal_data=[{"kind": "phone", "start": 0, "end": 12}],
    )
    return case


def action(tracking_number: str, name: str) -> str:
    return f"{URL}{tracking_number}/{name}/"


@pytest.fixture
def unrouted(make_case, agency_a, agency_b, django_capture_on_commit_callbacks) -> Case:
    with django_capture_on_commit_callbacks(execute=True):  # the SLA clocks are set on commit
        case = make_case("Jalan di Desa Sukamaju rusak parah dan berlubang")
    return unsure(case, (agency_a, 0.62), (agency_b, 0.21))


def test_only_coordinators_see_the_queue(client, staff_a, admin_a, leader, coordinator):
    for user in (staff_a, admin_a, leader):
        client.force_login(user)
        assert client.get(URL).status_code == 403
    client.force_login(coordinator)
    assert client.get(URL).status_code == 200


def test_navigation_offers_triage_to_coordinators_only(client, staff_a, leader, coordinator):
    link = f'href="{URL}"'
    for user in (staff_a, leader):
        client.force_login(user)
        page = client.get("/konsol/").text
        assert link not in page, user.username
    client.force_login(coordinator)
    assert link in client.get("/konsol/").text


def test_queue_lists_unrouted_and_unsure_cases_with_suggestions(
    client, coordinator, unrouted, make_case, agency_a
):
    plain = make_case("Mohon info jadwal posyandu")  # not triaged yet: still unrouted
    confident = make_case("Lampu jalan mati", agency=agency_a)
    rejected = make_case("spam spam")
    case_transition(case=rejected, to_status=CaseStatus.REJECTED, actor=coordinator, note="Spam")
    client.force_login(coordinator)
    page = client.get(URL).text
    assert unrouted.tracking_number in page and plain.tracking_number in page
    assert confident.tracking_number not in page and rejected.tracking_number not in page
    assert "Teruskan ke DPUTR (62%)" in page and "Teruskan ke Dinkes (21%)" in page
    # A likely suggestion is the primary action; an unlikely one is offered, not urged.
    assert 'class="primary suggestion">Teruskan ke DPUTR (62%)' in page
    assert 'class="suggestion">Teruskan ke Dinkes (21%)' in page
    # The full list is grouped by kind of agency.
    assert '<optgroup label="Dinas">' in page
    assert "Batas verifikasi" in page and "1 data pribadi terdeteksi" in page
    assert page.index(unrouted.tracking_number) < page.index(plain.tracking_number)


def test_route_to_suggested_agency_verifies_and_feeds_learning(
    client, coordinator, unrouted, agency_a, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            action(unrouted.tracking_number, "rute"), {"agency": "dputr", "version": 1}
        )
    assert response.status_code == 302
    case = Case.objects.get(pk=unrouted.pk)
    assert case.agency == agency_a and case.status == CaseStatus.VERIFIED
    hop = Disposition.objects.get(case=case)
    assert hop.reason == DispositionReason.INITIAL and hop.actor == coordinator
    kinds = list(
        CaseEvent.objects.filter(case=case, actor=coordinator).values_list("kind", flat=True)
    )
    assert kinds == [EventKind.ROUTED, EventKind.STATUS_CHANGED]
    assert case.routing_confidence is None  # a person decided, not the model

    # The routing app's hook queued learning; running those tasks stores the example.
    queued = DBTaskResult.objects.filter(task_path__endswith="case_learn_task")
    changes = sorted(row.args_kwargs["kwargs"]["change"] for row in queued)
    assert changes == ["routed", "status"]
    assert case_learn(case.pk, "routed").source == ExampleSource.CORRECTED
    case_learn(case.pk, "status")
    example = RoutingExample.objects.get(case=case)
    assert example.label == "dputr" and example.text == case.description
    page = client.get(URL).text
    assert "diverifikasi dan diteruskan ke DPUTR" in page  # the flash message
    assert "Tidak ada laporan yang menunggu triase." in page  # it left the queue


def test_htmx_route_answers_with_a_status_line(client, coordinator, unrouted):
    client.force_login(coordinator)
    response = client.post(
        action(unrouted.tracking_number, "rute"),
        {"agency": "dinkes", "version": 1},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert "diverifikasi dan diteruskan ke Dinkes" in response.text
    assert Case.objects.get(pk=unrouted.pk).agency.code == "dinkes"


def test_rerouting_an_unsure_case_is_a_reasoned_disposition(
    client, coordinator, make_case, agency_a, agency_b
):
    case = unsure(make_case("Puskesmas tutup", agency=agency_a), (agency_b, 0.55))
    client.force_login(coordinator)
    client.post(action(case.tracking_number, "rute"), {"agency": "dinkes", "version": 1})
    case.refresh_from_db()
    assert case.agency == agency_b and case.status == CaseStatus.VERIFIED
    hop = Disposition.objects.filter(case=case).latest("id")
    assert hop.reason == DispositionReason.REASSIGNED and hop.note


def test_verify_needs_an_agency_and_reject_needs_a_reason(client, coordinator, unrouted):
    client.force_login(coordinator)
    htmx = {"HTTP_HX_REQUEST": "true"}
    response = client.post(action(unrouted.tracking_number, "verifikasi"), {"version": 1}, **htmx)
    assert "Rutekan laporan ke instansi sebelum memverifikasinya." in response.text
    response = client.post(
        action(unrouted.tracking_number, "tolak"), {"reason": "  ", "version": 1}, **htmx
    )
    assert "Tuliskan alasan penolakan." in response.text
    response = client.post(action(unrouted.tracking_number, "rute"), {"version": 1}, **htmx)
    assert "Pilih instansi tujuan." in response.text
    unrouted.refresh_from_db()
    assert unrouted.status == CaseStatus.NEW and unrouted.agency is None
    assert not CaseEvent.objects.filter(case=unrouted, actor=coordinator).exists()

    client.post(
        action(unrouted.tracking_number, "tolak"), {"reason": "Bukan pengaduan", "version": 1}
    )
    unrouted.refresh_from_db()
    assert unrouted.status == CaseStatus.REJECTED
    event = CaseEvent.objects.get(case=unrouted, kind=EventKind.STATUS_CHANGED)
    assert event.note == "Bukan pengaduan" and event.actor == coordinator


def test_anonymity_review_before_publication(client, coordinator, unrouted):
    client.force_login(coordinator)
    response = client.post(
        action(unrouted.tracking_number, "privasi"),
        {"is_anonymous": "on", "version": 1, "note": "Pelapor minta identitas dirahasiakan"},
        HTTP_HX_REQUEST="true",
    )
    assert "disimpan" in response.text and "Anonim" in response.text
    unrouted.refresh_from_db()
    assert unrouted.is_anonymous and not unrouted.is_confidential
    event = CaseEvent.objects.get(case=unrouted, kind=EventKind.FLAGS_CHANGED)
    assert event.actor == coordinator and event.data["after"]["is_anonymous"] is True


def test_stale_version_changes_nothing(client, coordinator, unrouted):
    client.force_login(coordinator)
    response = client.post(
        action(unrouted.tracking_number, "rute"), {"agency": "dputr", "version": 7}, follow=True
    )
    assert "sudah diubah oleh petugas lain" in response.text
    assert Case.objects.get(pk=unrouted.pk).agency is None


def test_other_pemda_and_other_roles_cannot_act(client, coordinator, staff_a, unrouted):
    other = Pemda.objects.create(
        code="lain", name="Kota Lain", short_name="Lain", tracking_prefix="LN"
    )
    agency_save(agency=Agency(pemda=other, code="lain", name="Lain", short_name="Lain",
                              kind=AgencyKind.PEMDA))  # fmt: skip
    foreign = Case.objects.create(
        pemda=other, tracking_number="LN-2511-00001", description="x", channel="web",
        created_at=unrouted.created_at,
    )  # fmt: skip
    client.force_login(coordinator)
    assert (
        client.post(
            action(foreign.tracking_number, "tolak"), {"reason": "x", "version": 1}
        ).status_code
        == 404
    )
    assert client.post(action(unrouted.tracking_number, "hapus"), {"version": 1}).status_code == 404
    client.force_login(staff_a)
    response = client.post(action(unrouted.tracking_number, "tolak"), {"reason": "x", "version": 1})
    assert response.status_code == 403
    assert Case.objects.get(pk=unrouted.pk).status == CaseStatus.NEW


def test_queue_query_budget(client, coordinator, make_case, agency_a, agency_b,
                            django_assert_num_queries):  # fmt: skip
    client.force_login(coordinator)
    for n in range(2):
        unsure(make_case(f"Aduan nomor {n}"), (agency_a, 0.5), (agency_b, 0.3))
    with django_assert_num_queries(6):
        client.get(URL)
    for n in range(2, 12):
        unsure(make_case(f"Aduan nomor {n}"), (agency_a, 0.5), (agency_b, 0.3))
    with django_assert_num_queries(6):
        assert client.get(URL).text.count("Teruskan ke DPUTR") == 12


def _held(case: Case) -> Case:
    """What triage stores for a case it held back as part of a flood."""
    TriageResult.objects.create(
        case=case,
        signature=text_signature(case.description).to_json(),
        needs_review=True,
        held=True,
        hold_reasons=[
            {
                "code": "identical_contacts",
                "count": 6,
                "limit": 4,
                "message": "Teks yang sama dikirim 6 kontak dalam 60 menit (batas 4).",
            }
        ],
    )
    return case


def test_held_case_shows_its_reasons_and_is_released(client, coordinator, make_case):
    case = _held(make_case("Tolong sebarkan: pembagian bansos di balai desa besok pagi jam 8"))
    client.force_login(coordinator)
    page = client.get(URL).content.decode()
    assert "Ditahan untuk ditinjau" in page and "Teks yang sama dikirim 6 kontak" in page

    response = client.post(action(case.tracking_number, "lepas"), {"version": case.version})
    assert response.status_code == 302
    triage = TriageResult.objects.get(case=case)
    assert triage.held is False and triage.hold_resolution == "released"
    assert CaseEvent.objects.filter(case=case, data__triage="hold_released").count() == 1


def test_held_case_confirmed_as_spam_is_rejected_with_the_reason(client, coordinator, make_case):
    case = _held(make_case("Tolong sebarkan: pembagian bansos di balai desa besok pagi jam 8"))
    client.force_login(coordinator)
    empty = client.post(action(case.tracking_number, "spam"), {"version": case.version})
    assert empty.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.NEW and TriageResult.objects.get(case=case).held

    client.post(action(case.tracking_number, "spam"), {"version": case.version, "reason": "hoaks"})
    case.refresh_from_db()
    assert case.status == CaseStatus.REJECTED
    assert TriageResult.objects.get(case=case).hold_resolution == "spam"
    assert CaseEvent.objects.filter(case=case, note__contains="Spam: hoaks").exists()
