"""Personal data never reaches public pages; confidential cases never appear publicly."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sigap.cases.models import EventKind
from sigap.cases.services import case_add_note, event_record

NIK = "3204125508900003"  # a woman born 15-08-1990 (day + 40)
PHONE = "0812-3456-7890"
ACCOUNT = "0123456789012"
EMAIL = "siti.rahma84@gmail.com"
REPORT = (
    f"Bantuan sosial ibu saya belum cair padahal sudah terdaftar. NIK saya {NIK}, "
    f"hubungi saya di {PHONE} atau {EMAIL}. Kalau ada pengembalian dana ke rekening BRI "
    f"{ACCOUNT} atas nama Siti."
)
REPLY = f"Baik Bu Siti, data NIK {NIK} sedang kami cek ke Dinsos. Kami hubungi ke {PHONE}."
SECRET_NOTE = "Catatan internal: pelapor kerabat kepala desa"
SECRETS = (NIK, PHONE, ACCOUNT, EMAIL, "5508900003", "3456-7890", "siti.rahma84")


def track(client, case):
    return client.get(reverse("portal:track", args=[case.citizen_token]))


@pytest.fixture
def reported(make_case, staff_a, agency_a):
    case = make_case(REPORT, agency=agency_a)
    event_record(case=case, kind=EventKind.MESSAGE_OUT, actor=staff_a, to_value="reply", note=REPLY)
    case_add_note(case=case, actor=staff_a, text=SECRET_NOTE)
    # A notification to staff about the case is recorded on its timeline too.
    event_record(
        case=case, kind=EventKind.MESSAGE_OUT, to_value="staff_notification",
        note="Laporan baru untuk petugas.a: " + REPORT,
    )  # fmt: skip
    return case


def test_status_page_masks_personal_data_in_the_report_and_the_replies(client, reported):
    page = track(client, reported)
    assert page.status_code == 200
    html = page.content.decode()
    for secret in SECRETS:
        assert secret not in html
    assert "Bantuan sosial ibu saya belum cair" in html  # the report itself is readable
    assert "xxxx-xxxx-xx90" in html and "xxxxxxxxxxxx03" in html  # phone, NIK
    assert "@gmail.com" in html and "xxxxxxxxxxx12" in html  # e-mail domain, account
    assert "sedang kami cek ke Dinsos" in html  # the staff reply, masked
    assert "disamarkan" in html


def test_status_page_never_shows_internal_notes_staff_names_or_staff_notifications(
    client, reported, staff_a
):
    html = track(client, reported).content.decode()
    assert SECRET_NOTE not in html and "kerabat kepala desa" not in html
    assert "Laporan baru untuk petugas" not in html
    assert staff_a.username not in html


def test_status_page_is_not_indexed_or_cached(client, reported):
    page = track(client, reported)
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-cache" in page["Cache-Control"] or "no-store" in page["Cache-Control"]
    assert '<meta name="robots" content="noindex, nofollow">' in page.content.decode()


def test_confidential_case_shows_only_its_status_on_its_own_page(
    client, make_case, staff_a, agency_a
):
    case = make_case(
        "Laporan rahasia: pungli di kantor desa oleh oknum, saya takut ketahuan",
        agency=agency_a,
        is_confidential=True,
    )
    event_record(
        case=case, kind=EventKind.MESSAGE_OUT, actor=staff_a, to_value="reply",
        note="Laporan pungli Anda sedang ditelusuri Inspektorat.",
    )  # fmt: skip
    page = track(client, case)
    html = page.content.decode()
    assert page.status_code == 200 and case.tracking_number in html
    assert "pungli" not in html and "Inspektorat" not in html
    assert "rahasia" in html  # says why the text is missing


def test_confidential_case_appears_on_no_public_page(client, make_case):
    case = make_case(
        f"Laporan rahasia tentang pegawai dinas, hubungi {PHONE}", is_confidential=True
    )
    home = client.get(reverse("portal:home"))
    assert home.status_code == 200
    html = home.content.decode()
    assert case.tracking_number not in html and "pegawai dinas" not in html
    assert client.get("/api/cases").status_code == 401
    assert client.get(f"/api/cases/{case.tracking_number}").status_code == 401
    assert client.get(reverse("portal:track", args=[case.code])).status_code == 404


def test_home_page_shows_no_case_text_at_all(client, reported):
    html = client.get(reverse("portal:home")).content.decode()
    assert reported.tracking_number not in html and "Bantuan sosial" not in html


def test_api_masks_anonymous_cases_for_agencies_not_for_the_coordinator(
    client, make_case, agency_a, staff_a, coordinator
):
    case = make_case(REPORT, agency=agency_a, is_anonymous=True)
    client.force_login(staff_a)
    listed = client.get("/api/cases").json()["items"][0]["description"]
    detail = client.get(f"/api/cases/{case.tracking_number}").json()
    for text in (listed, detail["description"]):
        assert NIK not in text and PHONE not in text and "xxxx-xxxx-xx90" in text
    client.force_login(coordinator)
    assert client.get("/api/cases").json()["items"][0]["description"] == REPORT
    assert client.get(f"/api/cases/{case.tracking_number}").json()["description"] == REPORT


def test_api_shows_named_cases_in_full_to_their_agency(client, make_case, agency_a, staff_a):
    case = make_case(REPORT, agency=agency_a)
    client.force_login(staff_a)
    assert client.get("/api/cases").json()["items"][0]["description"] == REPORT
    assert client.get(f"/api/cases/{case.tracking_number}").json()["description"] == REPORT
