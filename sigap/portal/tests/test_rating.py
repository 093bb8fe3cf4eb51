"""The citizen rates a resolved case on their status page; "not solved" reopens it."""

from __future__ import annotations

import pytest

from sigap.cases.models import CaseEvent, CaseStatus, EventKind
from sigap.cases.services import case_assign, case_resolve
from sigap.sla.models import NotificationKind, SlaNotification


@pytest.fixture
def resolved(case_a, staff_a):
    case_assign(case=case_a, assignee=staff_a, actor=staff_a)
    return case_resolve(case=case_a, actor=staff_a, resolution="Lubang sudah ditambal.")


def _url(case, suffix=""):
    return f"/lacak/{case.citizen_token}/{suffix}"


def test_open_case_has_no_rating_form_and_refuses_a_rating(client, case_a):
    assert "Kirim penilaian" not in client.get(_url(case_a)).content.decode()
    client.post(_url(case_a, "nilai/"), {"rating": "5"})
    case_a.refresh_from_db()
    assert case_a.rating is None


def test_citizen_rates_a_resolved_case_and_the_officer_hears_of_it(client, resolved, staff_a):
    assert "Kirim penilaian" in client.get(_url(resolved)).content.decode()
    response = client.post(_url(resolved, "nilai/"), {"rating": "4", "comment": "Cepat, mantap"})
    assert response.status_code == 302
    resolved.refresh_from_db()
    assert (resolved.rating, resolved.rating_comment) == (4, "Cepat, mantap")
    assert resolved.status == CaseStatus.RESOLVED
    assert CaseEvent.objects.filter(case=resolved, kind=EventKind.RATED, to_value="4").exists()
    assert SlaNotification.objects.filter(recipient=staff_a, kind=NotificationKind.RATING).exists()
    page = client.get(_url(resolved)).content.decode()
    assert "Anda memberi nilai 4/5" in page and "Kirim penilaian" not in page


def test_not_solved_reopens_the_case(client, resolved, staff_a):
    client.post(
        _url(resolved, "nilai/"), {"rating": "1", "comment": "Masih berlubang", "disputed": "on"}
    )
    resolved.refresh_from_db()
    assert resolved.status == CaseStatus.IN_PROGRESS and resolved.rating == 1
    assert SlaNotification.objects.filter(
        recipient=staff_a, kind=NotificationKind.CITIZEN_REPLY
    ).exists()


def test_bad_rating_is_refused_in_indonesian_and_nothing_is_stored(client, resolved):
    response = client.post(_url(resolved, "nilai/"), {"rating": "9"})
    assert response.status_code == 400
    assert "Nilai harus antara 1 dan 5." in response.content.decode()
    resolved.refresh_from_db()
    assert resolved.rating is None


def test_unknown_token_is_404(client, db):
    assert client.post("/lacak/bukan-token/nilai/", {"rating": "5"}).status_code == 404


def test_the_page_tells_statuses_and_what_was_done_in_indonesian(client, resolved):
    page = client.get(_url(resolved)).content.decode()
    assert "Status berubah: Selesai" in page
    assert "resolved" not in page and "in_progress" not in page
    assert "Lubang sudah ditambal." in page  # the resolution the citizen is asked to rate


def test_a_closed_case_can_be_rated_but_not_disputed(client, resolved, staff_a):
    from sigap.cases.services import case_transition

    closed = case_transition(case=resolved, to_status=CaseStatus.CLOSED, actor=staff_a)
    page = client.get(_url(closed)).content.decode()
    assert "Kirim penilaian" in page and "Masalah saya belum selesai" not in page
    response = client.post(_url(closed, "nilai/"), {"rating": "2", "disputed": "on"})
    assert response.status_code == 302
    closed.refresh_from_db()
    assert (closed.status, closed.rating) == (CaseStatus.CLOSED, 2)


def test_a_merged_case_page_names_the_case_that_carries_on(client, make_case, coordinator):
    from sigap.cases.services import case_merge

    main, duplicate = make_case("Lampu jalan mati di Soreang"), make_case("Lampu mati Soreang")
    case_merge(case=duplicate, into=main, actor=coordinator)
    page = client.get(_url(duplicate)).content.decode()
    assert "Digabung dengan" in page and main.tracking_number in page
    assert "Lampu jalan mati di Soreang" not in page  # the other reporter's words stay theirs
