from __future__ import annotations

import json

from sigap.agencies.services import api_token_create
from sigap.cases.models import Case, CaseEvent, EventKind


def bearer(user) -> dict[str, str]:
    _token, raw = api_token_create(user=user, name="uji")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_list_is_scoped_like_the_ui(client, case_a, emergency_case, staff_a):
    response = client.get("/api/cases", **bearer(staff_a))
    assert response.status_code == 200
    numbers = [item["tracking_number"] for item in response.json()["items"]]
    assert numbers == [case_a.tracking_number]


def test_bad_token_is_401_json(client, case_a):
    response = client.get("/api/cases", HTTP_AUTHORIZATION="Bearer sgp_palsu")
    assert response.status_code == 401
    assert "token" in response.json()["detail"].lower()


def test_transition_through_api_records_event(client, case_a, coordinator):
    response = client.post(
        f"/api/cases/{case_a.tracking_number}/transition",
        data=json.dumps({"status": "verified", "note": "valid", "expected_version": 1}),
        content_type="application/json",
        **bearer(coordinator),
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "verified"
    assert CaseEvent.objects.filter(
        case=case_a, kind=EventKind.STATUS_CHANGED, actor=coordinator
    ).exists()


def test_invalid_transition_is_400_with_indonesian_message(client, case_a, coordinator):
    response = client.post(
        f"/api/cases/{case_a.tracking_number}/transition",
        data=json.dumps({"status": "closed"}),
        content_type="application/json",
        **bearer(coordinator),
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid_transition" and "tidak dapat diubah" in body["detail"]
    case_a.refresh_from_db()
    assert case_a.status == "new"


def test_stale_version_is_409(client, case_a, coordinator):
    payload = {"status": "verified", "expected_version": 7}
    response = client.post(
        f"/api/cases/{case_a.tracking_number}/transition",
        data=json.dumps(payload),
        content_type="application/json",
        **bearer(coordinator),
    )
    assert response.status_code == 409


def test_leader_cannot_transition(client, case_a, leader):
    response = client.post(
        f"/api/cases/{case_a.tracking_number}/transition",
        data=json.dumps({"status": "verified"}),
        content_type="application/json",
        **bearer(leader),
    )
    assert response.status_code == 403


def test_walk_in_create_is_idempotent_and_scoped_to_staff_agency(client, staff_a, agency_a):
    payload = {
        "channel": "walk_in",
        "description": "Warga datang melapor jembatan retak",
        "reporter_name": "Ujang",
        "reporter_phone": "081300000000",
        "external_id": "loket-001",
    }
    headers = bearer(staff_a)
    first = client.post(
        "/api/cases", data=json.dumps(payload), content_type="application/json", **headers
    )
    again = client.post(
        "/api/cases", data=json.dumps(payload), content_type="application/json", **headers
    )
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["tracking_number"] == again.json()["tracking_number"]
    case = Case.objects.get()
    assert case.agency == agency_a and case.channel == "walk_in"
    assert CaseEvent.objects.get(case=case, kind=EventKind.CREATED).actor == staff_a


def test_create_with_unknown_category_or_channel_is_400(client, staff_a):
    headers = bearer(staff_a)
    bad_category = client.post(
        "/api/cases",
        data=json.dumps({"description": "x", "category": "tidak-ada"}),
        content_type="application/json",
        **headers,
    )
    assert bad_category.status_code == 400 and bad_category.json()["code"] == "unknown_category"
    bad_channel = client.post(
        "/api/cases",
        data=json.dumps({"description": "x", "channel": "merpati"}),
        content_type="application/json",
        **headers,
    )
    assert bad_channel.status_code == 400 and bad_channel.json()["code"] == "unknown_channel"
    missing = client.post(
        "/api/cases", data=json.dumps({}), content_type="application/json", **headers
    )
    assert missing.status_code == 422 and "description" in missing.json()["detail"]
    assert Case.objects.count() == 0


def test_openapi_docs_are_served(client, staff_a):
    client.force_login(staff_a)
    assert client.get("/api/openapi.json").status_code == 200


def test_list_query_count_does_not_grow_with_cases(
    client, make_case, category_a, staff_a, django_assert_max_num_queries
):
    for index in range(25):
        make_case(f"laporan {index}", category=category_a)
    headers = bearer(staff_a)
    # auth, scope, count, page: constant whatever the number of cases
    with django_assert_max_num_queries(6):
        response = client.get("/api/cases?limit=20", **headers)
    assert response.status_code == 200
    assert len(response.json()["items"]) == 20 and response.json()["count"] == 25
