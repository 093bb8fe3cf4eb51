from __future__ import annotations

import json

import pytest
from django.urls import reverse

from sigap.agencies.models import Role, User
from sigap.agencies.services import api_token_create, membership_add
from sigap.cases.models import Case, CaseEvent, DispositionReason, EventKind, Message
from sigap.cases.services import case_add_note, case_dispose
from sigap.catalog.models import CaseKind, Category
from sigap.contacts.models import Contact, ContactIdentity


def bearer(user) -> dict[str, str]:
    _token, raw = api_token_create(user=user, name="uji")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def post_case(client, user, **payload):
    return client.post(
        "/api/cases", data=json.dumps(payload), content_type="application/json", **bearer(user)
    )


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


# -- cases recorded by staff: only what was typed, only what the caller may read --------------


def test_a_typed_phone_never_reveals_an_anonymous_reporter(client, make_case, coordinator, staff_a):
    budi = post_case(
        client,
        coordinator,
        channel="walk_in",
        description="Perawat puskesmas membentak pasien.",
        reporter_name="Budi Santoso",
        reporter_phone="081234567890",
        reporter_email="budi.santoso@example.com",
        is_anonymous=True,
    )
    assert budi.status_code == 201
    on_whatsapp = make_case(sender="6281234567890", is_anonymous=True)  # "Siti Rahma"

    response = post_case(
        client,
        staff_a,
        channel="walk_in",
        description="Jalan rusak.",
        reporter_phone="081234567890",
    )

    assert response.status_code == 201, response.content
    assert response.json()["reporter"] == {"name": "", "phone": "6281234567890", "email": ""}
    case = Case.objects.get(tracking_number=response.json()["tracking_number"])
    anonymous = Case.objects.get(tracking_number=budi.json()["tracking_number"])
    assert case.contact not in {anonymous.contact, on_whatsapp.contact}
    assert (case.contact.display_name, case.contact.email) == ("", "")
    assert not case.contact.identities.exists()
    client.force_login(staff_a)
    shown = [
        response.text,
        client.get(f"/api/cases/{case.tracking_number}", **bearer(staff_a)).text,
        client.get(reverse("console:case_detail", args=[case.tracking_number])).text,
    ]
    for text in shown:
        assert case.tracking_number in text
        assert "Budi" not in text and "budi.santoso" not in text and "Siti Rahma" not in text


def test_what_staff_typed_is_what_the_case_shows(client, make_case, staff_a):
    make_case(sender="6281399998888")  # Siti Rahma's WhatsApp
    response = post_case(
        client,
        staff_a,
        channel="phone",
        description="Lampu jalan mati.",
        reporter_name="Pak Ujang",
        reporter_phone="0813-9999-8888",
        reporter_email="ujang@example.com",
    )
    assert response.status_code == 201
    assert response.json()["reporter"] == {
        "name": "Pak Ujang",
        "phone": "6281399998888",
        "email": "ujang@example.com",
    }
    assert "Siti Rahma" not in response.text
    case = Case.objects.get(channel="phone")
    assert case.contact.display_name == "Pak Ujang" and not case.contact.identities.exists()
    # The citizen's WhatsApp identity is untouched and still the only identity.
    assert list(ContactIdentity.objects.values_list("channel", "display_name")) == [
        ("whatsapp", "Siti Rahma")
    ]


@pytest.mark.parametrize(
    "channel", ["whatsapp", "telegram", "instagram", "email", "sms", "web", "open311", "lapor"]
)
def test_staff_may_not_record_on_a_citizen_channel(client, make_case, staff_a, channel):
    whatsapp = make_case(sender="6281399998888")
    response = post_case(
        client, staff_a, channel=channel, description="x", reporter_phone="6281399998888"
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "channel_not_allowed"
    assert "hanya boleh" in body["detail"] and "walk_in" in body["detail"]
    assert "Siti Rahma" not in response.text
    assert list(Case.objects.all()) == [whatsapp] and Contact.objects.count() == 1


def test_a_replay_after_the_case_moved_away_shows_only_number_and_status(
    client, staff_a, staff_b, coordinator, agency_b
):
    payload = {
        "channel": "walk_in",
        "description": "Jembatan retak di Desa Sukamaju.",
        "reporter_name": "Ujang",
        "reporter_phone": "081300000001",
        "external_id": "replay-1",
    }
    first = post_case(client, staff_a, **payload)
    assert first.status_code == 201 and first.json()["reporter"]["name"] == "Ujang"
    case = Case.objects.get()
    case = case_dispose(
        case=case,
        to_agency=agency_b,
        reason=DispositionReason.NOT_OUR_AUTHORITY,
        actor=coordinator,
        note="Bukan wewenang DPUTR",
    )
    case_add_note(case=case, actor=staff_b, text="Catatan internal Dinkes: pelapor kerabat pejabat")

    again = post_case(client, staff_a, **payload)

    assert again.status_code == 200
    case.refresh_from_db()
    assert again.json() == {"tracking_number": case.tracking_number, "status": case.status}
    for secret in ("Catatan internal", "Ujang", "Jembatan", "Dinkes"):
        assert secret not in again.text
    assert Case.objects.count() == 1 and Message.objects.count() == 1


def test_a_case_routed_to_another_agency_shows_only_number_and_status(
    client, pemda, staff_a, agency_b
):
    Category.objects.create(
        pemda=pemda,
        code="puskesmas",
        name="Layanan puskesmas",
        group="Kesehatan",
        kind=CaseKind.COMPLAINT,
        default_agency=agency_b,
    )
    response = post_case(
        client,
        staff_a,
        description="Antrean puskesmas sangat lama.",
        category="puskesmas",
        reporter_name="Ujang",
        reporter_phone="081300000001",
    )
    assert response.status_code == 201
    case = Case.objects.get()
    assert case.agency == agency_b and case.contact.display_name == "Ujang"
    assert response.json() == {"tracking_number": case.tracking_number, "status": case.status}
    assert "Antrean" not in response.text and "Ujang" not in response.text


@pytest.mark.parametrize("role", [Role.LEADER, Role.SYSTEM_ADMIN])
def test_read_only_roles_may_not_record_cases(client, root_agency, role):
    user = User.objects.create_user(username=f"baca.{role}", password="rahasia-uji-123")
    membership_add(user=user, agency=root_agency, role=role)
    response = post_case(client, user, description="Jalan rusak.", reporter_name="Ujang")
    assert response.status_code == 403
    body = response.json()
    assert body["code"] == "forbidden" and "tidak dapat mencatat laporan" in body["detail"]
    assert Case.objects.count() == 0 and Contact.objects.count() == 0
    assert Message.objects.count() == 0


@pytest.mark.parametrize(
    "query", [{"offset": "9223372036854775808"}, {"limit": "99999999999999999999"}, {"limit": "0"}]
)
def test_out_of_range_pages_are_an_indonesian_422(client, case_a, staff_a, query):
    client.force_login(staff_a)
    response = client.get("/api/cases", query)
    assert response.status_code == 422
    assert response.json()["detail"].startswith("Data tidak sah")


def test_pages_within_range_still_list(client, case_a, staff_a):
    client.force_login(staff_a)
    body = client.get("/api/cases", {"limit": "1000", "offset": "0"}).json()
    assert [item["tracking_number"] for item in body["items"]] == [case_a.tracking_number]
