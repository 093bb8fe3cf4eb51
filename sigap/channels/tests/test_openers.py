"""A chat that opens with a greeting gets a request for the report, not a case."""

from __future__ import annotations

import pytest

from sigap.cases.models import Case, Message
from sigap.cases.services import IncomingMessage
from sigap.channels.models import OutboundMessage
from sigap.channels.services.openers import is_opener
from sigap.channels.tests.conftest import APP_SECRET, PHONE_NUMBER_ID, post, process_pending
from sigap.standins import payloads

WA_ID = "6281377770001"


def say(client, text: str, message_id: str, wa_id: str = WA_ID) -> None:
    message = payloads.whatsapp_text(text, wa_id=wa_id, message_id=message_id)
    post(client, payloads.whatsapp_inbound(message, app_secret=APP_SECRET,
                                           phone_number_id=PHONE_NUMBER_ID))  # fmt: skip
    process_pending()


@pytest.mark.parametrize(
    "text",
    ["halo min", "Assalamualaikum wr wb", "P", "punten, sampurasun", "selamat pagi pak 🙏",
     "mohon maaf mau lapor", "Permisi min mau tanya", "/start", "halo, makasih min",
     "selamat siang"],
)  # fmt: skip
def test_greetings_are_openers(text: str) -> None:
    assert is_opener(IncomingMessage(channel="whatsapp", text=text))


@pytest.mark.parametrize(
    "text",
    ["halo min jalan di Soreang berlubang", "tolong", "min tolong", "halo 081234567890",
     "kebakaran", "halo min ada banjir di Baleendah", "Pak ada yang mengganggu kami malam malam",
     "bu ada yang ganggu saya", "🔥🔥🔥", "???"],
)  # fmt: skip
def test_anything_that_may_be_the_report_is_not(text: str) -> None:
    assert not is_opener(IncomingMessage(channel="whatsapp", text=text))


def test_an_email_or_a_photo_is_never_an_opener() -> None:
    assert not is_opener(IncomingMessage(channel="email", text="Selamat pagi"))
    photo = IncomingMessage(channel="whatsapp", text="halo", latitude=-7.0, longitude=107.5)
    assert not is_opener(photo)


def test_a_greeting_is_answered_with_a_request_and_the_report_opens_the_case(
    client, wa_account, meta
):
    say(client, "Assalamualaikum min", "w.O1")
    assert Case.objects.count() == 0
    greeting = Message.objects.get(external_id="w.O1")
    assert greeting.case is None and greeting.data["intent"] == "opener"
    [prompt] = OutboundMessage.objects.all()
    assert prompt.purpose == "opener_prompt" and prompt.message.case is None
    assert "tuliskan laporan Anda" in prompt.message.text and "112" in prompt.message.text
    assert len(meta.requests(path_contains="/messages")) == 1  # sent at once
    say(client, "halo", "w.O2")  # a second greeting: kept, not answered again
    assert Message.objects.filter(data__intent="opener").count() == 2
    assert OutboundMessage.objects.count() == 1
    say(client, "Jalan di Desa Cibiru Wetan berlubang besar, bahaya buat motor", "w.O3")
    case = Case.objects.get()
    assert case.description.startswith("Jalan di Desa Cibiru Wetan")
    assert OutboundMessage.objects.filter(purpose="ack", message__case=case).count() == 1


@pytest.mark.parametrize("text", ["makasih min", "ok siap", "Terima kasih banyak", "nuhun"])
def test_thanks_alone_is_a_courtesy(text: str) -> None:
    from sigap.channels.services.openers import opener_kind

    assert opener_kind(IncomingMessage(channel="whatsapp", text=text)) == "courtesy"


def test_thanks_after_a_closed_case_is_kept_without_an_answer(client, wa_account, meta):
    say(client, "makasih min, sudah beres", "w.T1")
    assert Case.objects.count() == 1  # "sudah beres" may be news: a case, as before
    say(client, "terima kasih", "w.T2", wa_id="6281377770002")
    assert Case.objects.count() == 1
    assert Message.objects.get(external_id="w.T2").data["intent"] == "opener"
    assert not OutboundMessage.objects.filter(purpose="opener_prompt").exists()
