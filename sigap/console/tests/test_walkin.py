"""Walk-in entry: phone, letter and desk complaints through the one ``case_create``."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from sigap.agencies.models import Pemda, Role, User
from sigap.agencies.services import membership_add
from sigap.cases.models import Attachment, Case, CaseEvent, EventKind, Message
from sigap.contacts.models import Contact
from sigap.regions.models import Region, RegionLevel

URL = "/konsol/laporan-baru/"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def regions(pemda: Pemda) -> dict[str, Region]:
    kab = Region.objects.create(code="32.04", name="Bandung", level=RegionLevel.KABUPATEN_KOTA)
    pemda.region = kab
    pemda.save(update_fields=["region"])
    made = {"kab": kab}
    for code, name in (("32.04.01", "Baleendah"), ("32.04.02", "Dayeuhkolot")):
        kec = Region.objects.create(code=code, name=name, level=RegionLevel.KECAMATAN, parent=kab)
        made[name] = kec
        made[f"desa-{name}"] = Region.objects.create(
            code=f"{code}.2001", name=f"Desa {name}", level=RegionLevel.DESA_KELURAHAN, parent=kec
        )
    return made


def _data(**extra: Any) -> dict[str, Any]:
    data = {
        "channel": "phone",
        "reporter_name": "Ibu Siti",
        "reporter_phone": "0812-3456-7890",
        "description": "Jembatan gantung di kampung kami putus sejak kemarin.",
        "agency": "dputr",
        "submission_id": str(uuid.uuid4()),
    }
    data.update(extra)
    return {key: value for key, value in data.items() if value is not None}


def test_officer_records_a_phone_complaint(
    client, staff_a, category_a, regions, django_capture_on_commit_callbacks
):
    client.force_login(staff_a)
    page = client.get(URL)
    assert page.status_code == 200
    assert "Catat laporan baru" in page.text and "Telepon" in page.text
    assert 'value="dputr" selected' in page.text  # their own agency is the default

    data = _data(category=category_a.pk, kecamatan="32.04.01", desa="32.04.01.2001")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, data)
    case = Case.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("console:case_detail", args=[case.tracking_number])
    assert (case.channel, case.agency.code, case.category, case.region.code) == (
        "phone", "dputr", category_a, "32.04.01.2001",
    )  # fmt: skip
    assert case.contact.phone == "6281234567890" and case.contact.display_name == "Ibu Siti"
    created = CaseEvent.objects.get(case=case, kind=EventKind.CREATED)
    assert created.actor == staff_a
    message = Message.objects.get(case=case)
    assert message.external_id == f"walkin-{data['submission_id']}"
    # Triaged like any other case.
    assert DBTaskResult.objects.filter(task_path__endswith="case_triage_task").count() == 1
    shown = client.get(response.url)
    assert f"Laporan {case.tracking_number} tercatat." in shown.text
    # The walk-in citizen's receipt: the status link no channel will carry to them.
    assert f"/lacak/{case.citizen_token}/" in shown.text


def test_coordinator_leaves_routing_to_triage_with_flags_and_attachment(client, coordinator):
    client.force_login(coordinator)
    data = _data(
        agency="", channel="letter", reporter_phone="", is_anonymous="on", is_confidential="on"
    )
    data["attachment"] = SimpleUploadedFile("surat.png", PNG, content_type="image/png")
    response = client.post(URL, data)
    case = Case.objects.get()
    assert response.status_code == 302 and case.tracking_number in response.url
    assert case.agency is None and case.channel == "letter"
    assert case.is_anonymous and case.is_confidential
    assert case.contact.display_name == "Ibu Siti" and case.contact.phone == ""
    attachment = Attachment.objects.get(case=case)
    assert attachment.content_type == "image/png" and attachment.original_name == "surat.png"


def test_a_double_submit_makes_one_case(client, staff_a):
    client.force_login(staff_a)
    data = _data()
    client.post(URL, data)
    client.post(URL, data)
    assert Case.objects.count() == 1


@pytest.mark.parametrize(
    ("extra", "error"),
    [
        ({"reporter_phone": "12ab"}, "Nomor telepon tidak valid"),
        ({"description": "   "}, "Isi laporan wajib diisi."),
        ({"agency": ""}, "Pilih instansi tujuan."),
        ({"agency": "dinkes"}, "Masukkan pilihan yang valid"),  # another OPD: not offered
        ({"kecamatan": "32.04.02", "desa": "32.04.01.2001"}, "tidak berada di kecamatan"),
        ({"channel": "whatsapp"}, "Masukkan pilihan yang valid"),
    ],
)
def test_bad_input_gets_an_indonesian_error_and_stores_nothing(
    client, staff_a, agency_b, regions, extra, error
):
    client.force_login(staff_a)
    response = client.post(URL, _data(**extra))
    assert response.status_code == 200
    assert error in response.text
    assert Case.objects.count() == 0 and Contact.objects.count() == 0
    assert Message.objects.count() == 0


def test_unsupported_attachment_is_refused_and_nothing_stored(client, staff_a):
    client.force_login(staff_a)
    data = _data(attachment=SimpleUploadedFile("virus.exe", b"MZ\x90\x00" * 10))
    response = client.post(URL, data)
    assert response.status_code == 200
    assert "Jenis berkas virus.exe tidak didukung" in response.text
    assert Case.objects.count() == 0 and Contact.objects.count() == 0


def test_desa_options_follow_the_kecamatan(client, staff_a, regions):
    client.force_login(staff_a)
    response = client.get("/konsol/laporan-baru/desa/", {"kecamatan": "32.04.02"})
    assert "Desa Dayeuhkolot" in response.text and "Desa Baleendah" not in response.text
    outside = client.get("/konsol/laporan-baru/desa/", {"kecamatan": "99.01"})
    assert "Desa" not in outside.text.replace("desa/kelurahan", "")


def test_leader_may_not_record_cases(client, leader):
    client.force_login(leader)
    assert client.get(URL).status_code == 403
    assert client.post(URL, _data()).status_code == 403
    assert Case.objects.count() == 0


def test_a_typed_phone_never_shows_another_reporter(client, make_case, coordinator, staff_a):
    on_whatsapp = make_case(sender="6281234567890")  # Siti Rahma on WhatsApp
    client.force_login(coordinator)
    client.post(URL, _data(agency="", reporter_name="Budi Santoso", is_anonymous="on"))
    anonymous = Case.objects.get(is_anonymous=True)

    client.force_login(staff_a)
    response = client.post(URL, _data(reporter_name=""), follow=True)

    case = Case.objects.exclude(pk__in=[anonymous.pk, on_whatsapp.pk]).get()
    assert response.status_code == 200 and case.tracking_number in response.text
    assert "Budi Santoso" not in response.text and "Siti Rahma" not in response.text
    assert case.contact not in {anonymous.contact, on_whatsapp.contact}
    assert (case.contact.display_name, case.contact.phone) == ("", "6281234567890")
    assert not case.contact.identities.exists()


def test_system_admin_may_not_record_cases(client, root_agency):
    admin = User.objects.create_user(username="admin.sistem", password="rahasia-uji-123")
    membership_add(user=admin, agency=root_agency, role=Role.SYSTEM_ADMIN)
    client.force_login(admin)
    assert client.post(URL, _data()).status_code == 403
    assert Case.objects.count() == 0 and Contact.objects.count() == 0
