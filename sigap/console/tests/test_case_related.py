"""Related cases on the case page: incident suggestions that staff confirm or reject."""

from __future__ import annotations

from sigap.cases.models import CaseEvent
from sigap.routing.models import CaseLink, IncidentMember, LinkStatus


def _pair(make_case, agency):
    first = make_case("Pohon tumbang menutup jalan di Desa Cibiru", sender="6281200000001",
                      agency=agency)  # fmt: skip
    second = make_case("Ada pohon tumbang tutup jalan Cibiru", sender="6281200000002",
                       agency=agency)  # fmt: skip
    low, high = sorted([first, second], key=lambda c: c.pk)
    CaseLink.objects.update_or_create(
        low=low, high=high, defaults={"score": 0.83, "reason": "similar", "status": "suggested"}
    )
    return first, second


def _url(case, action):
    return f"/konsol/laporan/{case.tracking_number}/aksi/{action}/"


def test_suggestion_is_shown_and_confirmed_by_staff(client, staff_a, agency_a, make_case):
    first, second = _pair(make_case, agency_a)
    client.force_login(staff_a)
    page = client.get(f"/konsol/laporan/{first.tracking_number}/").content.decode()
    assert "Laporan terkait" in page and second.tracking_number in page and "Kejadian sama" in page

    response = client.post(_url(first, "link_confirm"), {"link-other": second.tracking_number})
    assert response.status_code == 302
    link = CaseLink.objects.get(low=min(first, second, key=lambda c: c.pk))
    assert link.status == LinkStatus.CONFIRMED and link.decided_by == staff_a
    incidents = set(
        IncidentMember.objects.filter(case__in=[first, second]).values_list("incident", flat=True)
    )
    assert len(incidents) == 1
    assert CaseEvent.objects.filter(case=first, actor=staff_a).exists()


def test_suggestion_rejected_is_not_offered_again(client, staff_a, agency_a, make_case):
    first, second = _pair(make_case, agency_a)
    client.force_login(staff_a)
    client.post(_url(first, "link_reject"), {"link-other": second.tracking_number})
    assert CaseLink.objects.get(low=min(first, second, key=lambda c: c.pk)).status == "rejected"
    page = client.get(f"/konsol/laporan/{first.tracking_number}/").content.decode()
    assert "Kejadian sama" not in page


def test_other_agency_cannot_link_cases_it_cannot_see(client, staff_b, agency_a, make_case):
    first, second = _pair(make_case, agency_a)
    client.force_login(staff_b)
    response = client.post(_url(first, "link_confirm"), {"link-other": second.tracking_number})
    assert response.status_code == 404
    assert CaseLink.objects.get(low=min(first, second, key=lambda c: c.pk)).status == "suggested"
