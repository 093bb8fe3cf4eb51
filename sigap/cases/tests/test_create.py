from __future__ import annotations

import re

import pytest

from sigap.cases.models import Case, CaseEvent, CaseStatus, Disposition, EventKind, Message
from sigap.cases.services import CaseOptions, IncomingAttachment, IncomingMessage, case_create
from sigap.catalog.models import CaseKind, Category, Priority
from sigap.contacts.models import Contact, ContactIdentity
from sigap.contacts.services import SenderIdentity
from sigap.core.errors import DomainError
from sigap.regions.models import Region, RegionLevel

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 200
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100


def wa(text: str, external_id: str = "wamid.A1", **extra) -> IncomingMessage:
    return IncomingMessage(
        channel="whatsapp",
        text=text,
        sender=SenderIdentity(
            external_id="6281234567890", display_name="Siti", phone="081234567890"
        ),
        external_id=external_id,
        **extra,
    )


def test_case_create_stores_case_message_contact_and_timeline(pemda, category_a):
    result = case_create(
        pemda=pemda, message=wa("Jalan rusak parah"), options=CaseOptions(category=category_a)
    )
    case = Case.objects.get(pk=result.case.pk)
    assert result.created is True
    assert re.fullmatch(r"UJI-\d{4}-\d{5}", case.tracking_number)
    assert case.status == CaseStatus.NEW
    assert case.agency == category_a.default_agency
    assert case.kind == CaseKind.COMPLAINT
    assert len(case.code) == 10 and len(case.citizen_token) >= 32
    message = Message.objects.get(case=case)
    assert message.external_id == "wamid.A1" and message.direction == "in"
    contact = Contact.objects.get()
    assert contact.phone == "6281234567890"  # normalised from 0812…
    assert ContactIdentity.objects.get().external_id == "6281234567890"
    kinds = list(CaseEvent.objects.filter(case=case).values_list("kind", flat=True))
    assert kinds == [EventKind.CREATED, EventKind.DISPOSED]
    assert Disposition.objects.get(case=case).reason == "initial"


def test_same_external_id_never_makes_a_second_case(pemda):
    first = case_create(pemda=pemda, message=wa("Sampah menumpuk"))
    again = case_create(pemda=pemda, message=wa("Sampah menumpuk"))
    assert first.created and not again.created
    assert again.case.pk == first.case.pk
    assert Case.objects.count() == 1 and Message.objects.count() == 1
    assert CaseEvent.objects.filter(kind=EventKind.CREATED).count() == 1


def test_same_contact_on_two_messages_is_one_contact(pemda):
    case_create(pemda=pemda, message=wa("satu", external_id="wamid.1"))
    case_create(pemda=pemda, message=wa("dua", external_id="wamid.2"))
    assert Contact.objects.count() == 1
    assert Case.objects.count() == 2


def test_tracking_numbers_are_sequential_per_month(pemda):
    numbers = [
        case_create(pemda=pemda, message=wa(f"laporan {i}", f"wamid.{i}")).case.tracking_number
        for i in range(3)
    ]
    sequence = [int(n.rsplit("-", 1)[1]) for n in numbers]
    assert sequence == [1, 2, 3]


@pytest.mark.parametrize(
    ("message", "code"),
    [
        (IncomingMessage(channel="fax", text="halo"), "unknown_channel"),
        (IncomingMessage(channel="web", text="   "), "empty"),
        (IncomingMessage(channel="web", text="x" * 20_001), "too_long"),
        (
            IncomingMessage(channel="web", text="titik", latitude=95.0, longitude=107.0),
            "invalid_location",
        ),
        (IncomingMessage(channel="web", text="titik", latitude=-6.9), "invalid_location"),
    ],
)
def test_invalid_messages_are_refused_and_nothing_is_written(pemda, message, code):
    with pytest.raises(DomainError) as error:
        case_create(pemda=pemda, message=message)
    assert error.value.code == code
    assert error.value.message  # an Indonesian sentence for people
    assert (
        Case.objects.count() == 0 and Message.objects.count() == 0 and Contact.objects.count() == 0
    )


def test_category_of_another_pemda_is_unknown(pemda, category_a):
    from sigap.agencies.models import Pemda

    other = Pemda.objects.create(
        code="lain", name="Kab. Lain", short_name="Lain", tracking_prefix="LAIN"
    )
    with pytest.raises(DomainError) as error:
        case_create(pemda=other, message=wa("x"), options=CaseOptions(category=category_a))
    assert error.value.code == "unknown_category"
    assert Case.objects.count() == 0


def test_inactive_category_is_unknown(pemda, category_a):
    Category.objects.filter(pk=category_a.pk).update(is_active=False)
    category_a.refresh_from_db()
    with pytest.raises(DomainError, match="Kategori tidak dikenal"):
        case_create(pemda=pemda, message=wa("x"), options=CaseOptions(category=category_a))


def test_attachments_are_sniffed_and_stored(pemda):
    result = case_create(
        pemda=pemda,
        message=wa("foto jalan", attachments=(IncomingAttachment(JPEG, name="jalan.png"),)),
    )
    attachment = result.case.attachments.get()
    assert attachment.content_type == "image/jpeg"  # the bytes say JPEG, whatever the name says
    assert attachment.size == len(JPEG)
    assert attachment.file.read() == JPEG
    assert CaseEvent.objects.filter(case=result.case, kind=EventKind.ATTACHMENT).count() == 1


def test_disguised_attachment_is_refused_with_nothing_written(pemda):
    script = IncomingAttachment(b"#!/bin/sh\nrm -rf /\n", name="foto.jpg")
    with pytest.raises(DomainError) as error:
        case_create(pemda=pemda, message=wa("foto", attachments=(script,)))
    assert error.value.code == "attachment_type"
    assert Case.objects.count() == 0


def test_oversized_attachment_is_refused(pemda, settings):
    settings.SIGAP_MAX_ATTACHMENT_BYTES = 1024
    big = IncomingAttachment(PNG + b"\x00" * 2048, name="besar.png")
    with pytest.raises(DomainError) as error:
        case_create(pemda=pemda, message=wa("foto", attachments=(big,)))
    assert error.value.code == "attachment_too_large"
    assert "terlalu besar" in error.value.message
    assert Case.objects.count() == 0


def test_emergency_kind_sets_emergency_priority(pemda):
    case = case_create(
        pemda=pemda, message=wa("kebakaran!"), options=CaseOptions(kind=CaseKind.EMERGENCY)
    ).case
    assert case.priority == Priority.EMERGENCY


def test_location_pin_sets_the_desa_from_boundaries(pemda):
    kecamatan = Region.objects.create(code="32.04.99", name="Uji", level=RegionLevel.KECAMATAN)
    square = {
        "type": "Polygon",
        "coordinates": [
            [[107.0, -7.0], [107.1, -7.0], [107.1, -6.9], [107.0, -6.9], [107.0, -7.0]]
        ],
    }
    desa = Region.objects.create(
        code="32.04.99.2001",
        name="Desa Uji",
        level=RegionLevel.DESA_KELURAHAN,
        parent=kecamatan,
        boundary=square,
        min_lat=-7.0,
        max_lat=-6.9,
        min_lng=107.0,
        max_lng=107.1,
    )
    inside = case_create(
        pemda=pemda, message=wa("di sini", "wamid.in", latitude=-6.95, longitude=107.05)
    ).case
    outside = case_create(
        pemda=pemda, message=wa("di sana", "wamid.out", latitude=-6.5, longitude=107.05)
    ).case
    assert inside.region == desa
    assert outside.region is None
    assert (inside.latitude, inside.longitude) == (-6.95, 107.05)


def test_anonymous_web_message_has_no_contact(pemda):
    case = case_create(
        pemda=pemda,
        message=IncomingMessage(channel="web", text="ada pungli di kantor"),
        options=CaseOptions(is_anonymous=True),
    ).case
    assert case.contact is None and case.is_anonymous
