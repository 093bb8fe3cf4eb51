"""Who sees what: the isolation rules of the personas, through selectors, pages and the API."""

from __future__ import annotations

from django.urls import reverse

from sigap.agencies.selectors import staff_scope
from sigap.cases.selectors import case_list_for_user, case_reporter_for


def visible(user) -> set[str]:
    return set(case_list_for_user(staff_scope(user)).values_list("tracking_number", flat=True))


def test_each_persona_sees_what_their_role_covers(
    case_a, emergency_case, coordinator, leader, staff_a, staff_b, operator
):
    a, e = case_a.tracking_number, emergency_case.tracking_number
    assert visible(coordinator) == {a, e}
    assert visible(leader) == {a, e}
    assert visible(staff_a) == {a}
    assert visible(staff_b) == {e}  # the emergency was routed to agency B
    assert visible(operator) == {e}  # the command center sees every emergency


def test_user_without_membership_sees_nothing(case_a, django_user_model):
    loner = django_user_model.objects.create_user(username="loner", password="x-very-long-1")
    assert visible(loner) == set()


def test_staff_of_agency_b_get_404_on_agency_a_case_page_and_api(client, case_a, staff_b):
    client.force_login(staff_b)
    page = client.get(reverse("console:case_detail", args=[case_a.tracking_number]))
    assert page.status_code == 404
    api = client.get(f"/api/cases/{case_a.tracking_number}")
    assert api.status_code == 404
    assert api.json()["code"] == "not_found"


def test_staff_of_agency_a_open_their_case(client, case_a, staff_a):
    client.force_login(staff_a)
    page = client.get(reverse("console:case_detail", args=[case_a.tracking_number]))
    assert page.status_code == 200
    assert case_a.description in page.content.decode()


def test_anonymous_reporter_hidden_from_agency_but_not_coordinator(
    client, make_case, category_a, staff_a, coordinator
):
    case = make_case(
        "Ada pungli di kantor desa", category=category_a, is_anonymous=True, sender="6289999999999"
    )
    assert case_reporter_for(staff_scope(staff_a), case) is None
    assert case_reporter_for(staff_scope(coordinator), case) == case.contact
    client.force_login(staff_a)
    html = client.get(reverse("console:case_detail", args=[case.tracking_number])).content.decode()
    assert "6289999999999" not in html and "Siti Rahma" not in html
    assert "Dirahasiakan" in html
    api = client.get(f"/api/cases/{case.tracking_number}").json()
    assert api["reporter"] is None
    client.force_login(coordinator)
    api = client.get(f"/api/cases/{case.tracking_number}").json()
    assert api["reporter"]["phone"] == "6289999999999"


def test_pages_need_login_except_public_ones(client, case_a):
    assert client.get(reverse("console:home")).status_code == 302
    assert (
        client.get(reverse("console:case_detail", args=[case_a.tracking_number])).status_code == 302
    )
    assert client.get(reverse("portal:home")).status_code == 200
    assert client.get("/healthz").status_code == 200
    assert client.get(reverse("login")).status_code == 200


def test_confidential_case_not_on_public_pages(client, make_case, category_a):
    case = make_case("Laporan rahasia tentang pegawai", category=category_a, is_confidential=True)
    home = client.get(reverse("portal:home")).content.decode()
    assert case.tracking_number not in home and case.description not in home
    assert client.get("/api/cases").status_code == 401


def test_citizen_status_page_by_token_only(client, case_a):
    page = client.get(reverse("portal:track", args=[case_a.citizen_token]))
    assert page.status_code == 200
    assert case_a.tracking_number in page.content.decode()
    assert client.get(reverse("portal:track", args=["tebakan-token"])).status_code == 404


def test_console_list_query_budget(
    client, make_case, category_a, staff_a, django_assert_max_num_queries
):
    for index in range(30):
        make_case(f"laporan {index}", category=category_a)
    client.force_login(staff_a)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("console:home"))
    assert response.status_code == 200
    assert response.content.decode().count("/konsol/laporan/") == 30
