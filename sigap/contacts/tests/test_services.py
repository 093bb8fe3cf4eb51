"""Contacts: channel identities are matched; reporters typed in by staff never are."""

from __future__ import annotations

import pytest

from sigap.contacts.models import Contact, ContactIdentity
from sigap.contacts.services import SenderIdentity, contact_resolve


def test_a_channel_identity_finds_its_contact_again(pemda):
    sender = SenderIdentity(external_id="6281234567890", display_name="Siti", phone="6281234567890")
    first = contact_resolve(pemda=pemda, channel="whatsapp", sender=sender)
    again = contact_resolve(pemda=pemda, channel="whatsapp", sender=sender)
    assert first is not None and again == first
    assert ContactIdentity.objects.get().contact == first


@pytest.mark.parametrize("channel", ["walk_in", "phone", "letter"])
def test_staff_typed_reporters_are_never_matched_to_an_existing_contact(pemda, channel):
    budi = SenderIdentity(
        external_id="081234567890",
        display_name="Budi Santoso",
        phone="081234567890",
        email="budi@example.com",
    )
    whatsapp = contact_resolve(pemda=pemda, channel="whatsapp", sender=budi)
    earlier = contact_resolve(pemda=pemda, channel=channel, sender=budi)

    typed = contact_resolve(
        pemda=pemda, channel=channel, sender=SenderIdentity(phone="0812-3456-7890")
    )

    assert typed is not None and typed not in {whatsapp, earlier}
    assert (typed.display_name, typed.phone, typed.email) == ("", "6281234567890", "")
    assert earlier is not None and earlier != whatsapp
    # Staff channels carry no identity that a later report (or a reply) could find.
    assert list(ContactIdentity.objects.values_list("channel", flat=True)) == ["whatsapp"]


def test_a_reporter_known_only_by_name_is_a_contact_and_nobody_is_none(pemda):
    named = contact_resolve(
        pemda=pemda, channel="letter", sender=SenderIdentity(display_name="Ujang")
    )
    assert named is not None and named.display_name == "Ujang" and named.phone == ""
    assert contact_resolve(pemda=pemda, channel="letter", sender=SenderIdentity()) is None
    assert Contact.objects.count() == 1


def test_phone_numbers_in_other_scripts_become_ascii_digits():
    from sigap.contacts.services import normalize_msisdn

    assert normalize_msisdn("٠٨١٢٣٤٥٦٠٠١٤") == "6281234560014"  # Arabic-Indic digits
    assert normalize_msisdn("+62 812-3456-0014") == "6281234560014"
    assert normalize_msisdn("62²812") == "62812"  # a superscript is not a digit of a number
