"""Attachments of an anonymous case do not name the reporter to the agency (security audit
finding 7): the agency reads a neutral file name on the page, the timeline, the API and the
download header, and no image metadata in the bytes; the coordinator still reads the name the
citizen gave the file."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from sigap.cases.models import Attachment, Case, CaseEvent, EventKind
from sigap.cases.services import CaseOptions, IncomingAttachment, IncomingMessage, case_create
from sigap.cases.tests.test_api import bearer
from sigap.contacts.services import SenderIdentity
from sigap.core.tests.test_images import CLEAN_JPEG, GPS, SECRET, dirty_jpeg

ORIGINAL_NAME = "KTP_Budi_Santoso_3204121208900003.jpg"


@pytest.fixture
def anonymous_case(pemda, agency_b) -> Case:
    message = IncomingMessage(
        channel="whatsapp",
        text="Pelayanan puskesmas buruk, foto terlampir",
        sender=SenderIdentity(external_id="6281234567890", display_name="Budi Santoso"),
        external_id="wamid.anon-photo",
        attachments=(IncomingAttachment(content=dirty_jpeg(), name=ORIGINAL_NAME),),
    )
    options = CaseOptions(agency=agency_b, is_anonymous=True)
    return case_create(pemda=pemda, message=message, options=options).case


def download(client: Any, case: Case, attachment: Attachment) -> Any:
    url = reverse("console:case_attachment", args=[case.tracking_number, attachment.sha256])
    return client.get(url)


def test_intake_stores_images_without_metadata(anonymous_case):
    (stored,) = anonymous_case.attachments.all()
    content = stored.file.read()
    assert content == CLEAN_JPEG and SECRET not in content and GPS not in content
    assert stored.size == len(CLEAN_JPEG) and stored.original_name == ORIGINAL_NAME


def test_agency_reads_a_neutral_name_on_page_timeline_api_and_download(
    client, anonymous_case, staff_b
):
    (stored,) = anonymous_case.attachments.all()
    client.force_login(staff_b)
    body = client.get(reverse("console:case_detail", args=[anonymous_case.tracking_number]))
    page = body.content.decode()
    assert "Santoso" not in page and "3204121208900003" not in page and "KTP" not in page
    assert 'alt="lampiran-1.jpg"' in page and ">lampiran-1.jpg</a>" in page
    timeline = page.split('id="case-timeline"', 1)[1].split("</section>", 1)[0]
    assert "lampiran-1.jpg" in timeline
    # The stored timeline keeps what the citizen sent; only what this viewer reads is neutral.
    event = CaseEvent.objects.get(case=anonymous_case, kind=EventKind.ATTACHMENT)
    assert event.to_value == ORIGINAL_NAME

    response = download(client, anonymous_case, stored)
    assert response.status_code == 200
    assert 'filename="lampiran-1.jpg"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == CLEAN_JPEG

    detail = client.get(f"/api/cases/{anonymous_case.tracking_number}", **bearer(staff_b))
    events = detail.json()["events"]
    assert [e["to_value"] for e in events if e["kind"] == "attachment"] == ["lampiran-1.jpg"]
    assert "Santoso" not in json.dumps(detail.json())


def test_coordinator_still_reads_the_citizens_file_name(client, anonymous_case, coordinator):
    (stored,) = anonymous_case.attachments.all()
    client.force_login(coordinator)
    page = client.get(reverse("console:case_detail", args=[anonymous_case.tracking_number]))
    assert ORIGINAL_NAME in page.content.decode()
    response = download(client, anonymous_case, stored)
    assert ORIGINAL_NAME in response["Content-Disposition"]
    detail = client.get(f"/api/cases/{anonymous_case.tracking_number}", **bearer(coordinator))
    assert [e["to_value"] for e in detail.json()["events"] if e["kind"] == "attachment"] == [
        ORIGINAL_NAME
    ]


def test_names_are_numbered_in_upload_order_and_kept_for_ordinary_cases(
    client, pemda, agency_b, staff_b
):
    png = b"\x89PNG\r\n\x1a\n" + bytes(16)
    message = IncomingMessage(
        channel="whatsapp",
        text="Dua foto antrean",
        sender=SenderIdentity(external_id="6281234567891"),
        external_id="wamid.two-photos",
        attachments=(
            IncomingAttachment(content=CLEAN_JPEG, name="antrean_pagi.jpg"),
            IncomingAttachment(content=png, name="antrean_siang.png"),
        ),
    )
    anonymous = case_create(
        pemda=pemda, message=message, options=CaseOptions(agency=agency_b, is_anonymous=True)
    ).case
    ordinary_message = IncomingMessage(
        channel="whatsapp",
        text="Foto antrean",
        sender=SenderIdentity(external_id="6281234567892"),
        external_id="wamid.ordinary-photo",
        attachments=(IncomingAttachment(content=CLEAN_JPEG, name="antrean_sore.jpg"),),
    )
    ordinary = case_create(
        pemda=pemda, message=ordinary_message, options=CaseOptions(agency=agency_b)
    ).case
    client.force_login(staff_b)
    page = client.get(reverse("console:case_detail", args=[anonymous.tracking_number]))
    body = page.content.decode()
    assert "lampiran-1.jpg" in body and "lampiran-2.png" in body and "antrean_" not in body
    page = client.get(reverse("console:case_detail", args=[ordinary.tracking_number]))
    assert "antrean_sore.jpg" in page.content.decode()


def test_an_image_stored_before_stripping_is_stripped_at_download_for_the_agency(
    client, anonymous_case, staff_b, coordinator
):
    """Files stored before intake stripped metadata still carry it: the agency's download
    strips it, a damaged one it cannot read is refused; the coordinator gets the file."""
    legacy = Attachment(
        case=anonymous_case, original_name="lama.jpg", content_type="image/jpeg",
        extension="jpg", size=0, sha256="a" * 64,
    )  # fmt: skip
    legacy.file.save("upload", ContentFile(dirty_jpeg()), save=True)
    damaged = Attachment(
        case=anonymous_case, original_name="rusak.jpg", content_type="image/jpeg",
        extension="jpg", size=0, sha256="b" * 64,
    )  # fmt: skip
    damaged.file.save("upload", ContentFile(b"\xff\xd8\xff\xe1\x00\x00" + SECRET), save=True)

    client.force_login(staff_b)
    assert b"".join(download(client, anonymous_case, legacy).streaming_content) == CLEAN_JPEG
    assert download(client, anonymous_case, damaged).status_code == 404
    client.force_login(coordinator)
    assert b"".join(download(client, anonymous_case, legacy).streaming_content) == dirty_jpeg()
    assert download(client, anonymous_case, damaged).status_code == 200


def test_a_photo_whose_metadata_cannot_be_stripped_is_refused_to_a_masked_viewer(
    client, pemda, agency_b, staff_b, coordinator
):
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic\x00\x00\x00\x30meta" + GPS
    message = IncomingMessage(
        channel="whatsapp", text="Pelayanan puskesmas buruk", external_id="wamid.heic",
        sender=SenderIdentity(external_id="6281234567890", display_name="Budi Santoso"),
        attachments=(IncomingAttachment(content=heic, name="IMG_0001.HEIC"),),
    )  # fmt: skip
    options = CaseOptions(agency=agency_b, is_anonymous=True)
    case = case_create(pemda=pemda, message=message, options=options).case
    (stored,) = case.attachments.all()
    assert stored.is_image and stored.content_type == "image/heic"
    client.force_login(staff_b)
    refused = download(client, case, stored)
    assert refused.status_code == 404 and GPS not in refused.content
    client.force_login(coordinator)  # who may read the reporter reads the file as sent
    assert GPS in b"".join(download(client, case, stored).streaming_content)
