"""Bulk actions from the inbox: each case checked against the viewer's scope, one summary."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from sigap.cases.models import CaseEvent, EventKind

URL = "/konsol/laporan/massal/"


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def flash(response: Any) -> list[str]:
    """This response's messages, newest first (earlier, unread ones stay in the cookie)."""
    return [str(m) for m in get_messages(response.wsgi_request)][::-1]


def test_url_name():
    assert reverse("console:case_bulk") == URL


def test_bulk_claim_does_mine_and_refuses_others_with_reasons(
    client, staff_a, make_case, category_a, agency_b
):
    mine = make_case(category=category_a)
    also_mine = make_case(category=category_a, sender="628777")
    theirs = make_case("Obat habis", agency=agency_b, sender="628778")
    client.force_login(staff_a)
    numbers = [mine.tracking_number, also_mine.tracking_number, theirs.tracking_number]
    response = client.post(
        URL, {"cases": numbers, "action": "claim", "next": "/konsol/?status=new"}
    )
    assert response.status_code == 302 and response["Location"] == "/konsol/?status=new"
    for case in (mine, also_mine):
        case.refresh_from_db()
        assert case.assignee == staff_a
    theirs.refresh_from_db()
    assert theirs.assignee is None
    (summary,) = flash(response)
    assert "2 laporan diproses, 1 ditolak" in summary
    assert f"{theirs.tracking_number}: tidak ditemukan" in summary
    assert CaseEvent.objects.filter(kind=EventKind.ASSIGNED, actor=staff_a).count() == 2


def test_bulk_assign_and_priority(client, admin_a, staff_a, staff_b, make_case, category_a):
    cases = [make_case(category=category_a, sender=f"62870{i}") for i in range(3)]
    numbers = [c.tracking_number for c in cases]
    client.force_login(admin_a)
    response = client.post(URL, {"cases": numbers, "action": "assign", "assignee": staff_a.pk})
    assert response.status_code == 302 and response["Location"] == reverse("console:home")
    assert "3 laporan diproses, 0 ditolak." in flash(response)[0]
    assert {c.assignee for c in type(cases[0]).objects.filter(pk__in=[c.pk for c in cases])} == {
        staff_a
    }
    stranger = client.post(URL, {"cases": numbers[:1], "action": "assign", "assignee": staff_b.pk})
    assert "bukan petugas DPUTR" in flash(stranger)[0]
    response = client.post(URL, {"cases": numbers, "action": "priority", "priority": "high"})
    assert "3 laporan diproses" in flash(response)[0]
    assert set(type(cases[0]).objects.values_list("priority", flat=True)) == {"high"}


def test_leader_is_refused_per_case(client, leader, make_case, category_a):
    case = make_case(category=category_a)
    client.force_login(leader)
    response = client.post(URL, {"cases": [case.tracking_number], "action": "claim"})
    (summary,) = flash(response)
    assert "0 laporan diproses, 1 ditolak" in summary and "hanya dapat membaca" in summary
    case.refresh_from_db()
    assert case.assignee is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"action": "claim"}, "Pilih minimal satu laporan."),
        ({"cases": ["X"], "action": "hapus"}, "Pilihan tidak dikenal."),
        ({"cases": ["X"], "action": "assign"}, "Pilih petugas yang ditugaskan."),
        ({"cases": ["X"], "action": "priority"}, "Pilih prioritas baru."),
        ({"cases": ["X"], "action": "assign", "assignee": 999999}, "Petugas tidak dikenal."),
    ],
)
def test_bad_bulk_input_is_explained(client, staff_a, data, message):
    client.force_login(staff_a)
    response = client.post(URL, data)
    assert response.status_code == 302
    assert message in flash(response)[0]


@pytest.mark.parametrize(
    "target", ["https://jahat.example/", "//jahat.example/x", "javascript:alert(1)", ""]
)
def test_next_is_only_a_local_path(client, staff_a, make_case, category_a, target):
    case = make_case(category=category_a)
    client.force_login(staff_a)
    response = client.post(
        URL, {"cases": [case.tracking_number], "action": "claim", "next": target}
    )
    assert response["Location"] == reverse("console:home")


def test_bulk_over_htmx_redirects_the_page(client, staff_a, make_case, category_a):
    case = make_case(category=category_a)
    client.force_login(staff_a)
    response = client.post(
        URL, {"cases": [case.tracking_number], "action": "claim"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 204 and response["HX-Redirect"] == reverse("console:home")


def test_bulk_needs_login_and_post(client, staff_a):
    assert client.post(URL, {"action": "claim"}).status_code == 302  # to the login page
    client.force_login(staff_a)
    assert client.get(URL).status_code == 405
