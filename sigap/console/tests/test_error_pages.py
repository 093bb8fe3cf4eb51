"""Error pages and navigation speak Indonesian and never offer a page that would refuse."""

from __future__ import annotations

import pytest


def test_an_unknown_address_is_an_indonesian_404(client, db):
    response = client.get("/tidak-ada/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in page and "Not Found" not in page


def test_a_refused_page_is_an_indonesian_403_with_the_reason(client, leader):
    client.force_login(leader)
    response = client.get("/konsol/laporan-baru/")
    page = response.content.decode()
    assert response.status_code == 403
    assert "Akses ditolak" in page and "Peran Anda tidak dapat mencatat laporan baru." in page
    assert "Forbidden" not in page


def test_the_new_report_link_shows_only_to_roles_that_record(client, leader, staff_a):
    client.force_login(leader)
    assert "/konsol/laporan-baru/" not in client.get("/konsol/").content.decode()
    client.force_login(staff_a)
    assert "/konsol/laporan-baru/" in client.get("/konsol/").content.decode()


def test_pages_name_a_favicon_that_is_served(client, db):
    page = client.get("/").content.decode()
    assert 'rel="icon" href="/static/sigap/favicon.svg"' in page
    icon = client.get("/static/sigap/favicon.svg")
    assert icon.status_code == 200
    assert b"<svg" in b"".join(icon.streaming_content)


def test_no_template_comment_leaks_into_a_page(client, staff_a):
    """`{# #}` ends at the line's end; a two-line one was printed on every inbox."""
    client.force_login(staff_a)
    page = client.get("/konsol/").content.decode()
    assert "{#" not in page and "#}" not in page


def test_no_template_comment_spans_lines():
    """Django's `{# #}` comment ends at the line's end; a longer one must be {% comment %}."""
    from pathlib import Path

    import sigap

    root = Path(sigap.__file__).parent
    open_comments = [
        f"{path.relative_to(root)}:{number}"
        for path in root.rglob("*.html")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if "{#" in line and "#}" not in line.split("{#", 1)[1]
    ]
    assert open_comments == []


def test_an_expired_form_is_explained_in_indonesian(db):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/akun/masuk/", {"username": "x"})
    page = response.content.decode()
    assert response.status_code == 403
    assert "Formulir kedaluwarsa" in page and "CSRF verification failed" not in page


def test_a_body_that_is_not_json_gets_an_indonesian_api_error(client, staff_a):
    client.force_login(staff_a)
    response = client.post("/api/cases", "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {
        "code": "invalid_json",
        "detail": "Isi permintaan bukan JSON yang sah.",
    }


@pytest.mark.parametrize(
    "query",
    [
        {"date_to": "9999-12-31"},
        {"date_from": "0001-01-01"},
        {"category": "99999999999999999999"},
        {"agency": "99999999999999999999"},
    ],
)
def test_out_of_range_inbox_filters_are_refused_not_a_500(client, staff_a, query):
    client.force_login(staff_a)
    response = client.get("/konsol/", query)
    assert response.status_code == 200  # the filter is invalid and ignored
    if "date_to" in query or "date_from" in query:
        assert "Tanggal di luar jangkauan" in response.content.decode()


@pytest.mark.parametrize("week", ["9999-12-31", "0001-01-01"])
def test_an_out_of_range_roster_week_shows_this_week(client, staff_a, week):
    client.force_login(staff_a)
    assert client.get("/konsol/piket/", {"minggu": week}).status_code == 200


@pytest.mark.parametrize("raw", ["99999999999999999999", "²"])
def test_odd_notification_ids_are_refused_in_indonesian(client, staff_a, raw):
    client.force_login(staff_a)
    response = client.post("/konsol/notifikasi/baca/", {"id": raw}, follow=True)
    assert response.status_code == 200 and "Notifikasi tidak dikenal." in response.content.decode()


def test_the_system_admin_lands_in_the_admin(client, db, root_agency):
    from sigap.agencies.models import Role, User
    from sigap.agencies.services import membership_add

    sysadmin = User.objects.create_user("diskominfo", password="x", is_staff=True)
    membership_add(user=sysadmin, agency=root_agency, role=Role.SYSTEM_ADMIN)
    client.force_login(sysadmin)
    response = client.get("/konsol/")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert "Pengaturan Sigap" in client.get("/admin/").content.decode()
