"""The Telegram stand-in over real HTTP: Bot API methods, errors, faults, webhook delivery."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from sigap.standins import payloads
from sigap.standins.telegram import TelegramStandin, serve
from sigap.standins.tests.conftest import Receiver

TOKEN = "123456:demo-bot-token"
CHAT = 7123456789


@pytest.fixture
def telegram() -> Iterator[TelegramStandin]:
    with serve(tokens={TOKEN: "SigapKotaBandungBot"}) as server:
        yield server


@pytest.fixture
def bot(telegram: TelegramStandin) -> Iterator[httpx.Client]:
    """A client configured the way Sigap is: base URL + /bot<token>/<method>."""
    with httpx.Client(base_url=f"{telegram.url}/bot{TOKEN}", trust_env=False, timeout=5) as client:
        yield client


def test_send_message_returns_a_realistic_message(
    telegram: TelegramStandin, bot: httpx.Client
) -> None:
    body = {
        "chat_id": CHAT,
        "text": "Laporan Anda tercatat: <b>ADU-2026-000125</b>",
        "parse_mode": "HTML",
        "reply_markup": {"inline_keyboard": [[{"text": "Lacak", "callback_data": "lacak"}]]},
    }

    response = bot.post("/sendMessage", json=body)

    assert response.status_code == 200
    answer = response.json()
    assert answer["ok"] is True
    message = answer["result"]
    assert message["text"] == "Laporan Anda tercatat: ADU-2026-000125"
    assert message["chat"] == {"id": CHAT, "type": "private", "first_name": "Warga"}
    assert message["from"]["is_bot"] is True
    assert message["from"]["id"] == 123456
    assert message["from"]["username"] == "SigapKotaBandungBot"
    assert isinstance(message["date"], int)
    assert message["reply_markup"] == body["reply_markup"]
    [recorded] = telegram.requests(path_contains="/sendMessage")
    assert recorded.json["chat_id"] == CHAT
    assert telegram.sent_messages(CHAT)[0]["message_id"] == message["message_id"]


def test_form_and_query_parameters_are_accepted(bot: httpx.Client) -> None:
    markup = json.dumps({"keyboard": [[{"text": "Kirim lokasi", "request_location": True}]]})
    form = bot.post(
        "/sendMessage", data={"chat_id": str(CHAT), "text": "a", "reply_markup": markup}
    )
    query = bot.get("/sendMessage", params={"chat_id": CHAT, "text": "b"})

    assert form.json()["ok"] and query.json()["ok"]
    assert query.json()["result"]["message_id"] == form.json()["result"]["message_id"] + 1


def test_multipart_parameters_are_accepted(bot: httpx.Client) -> None:
    response = bot.post("/sendMessage", files={"chat_id": (None, str(CHAT)), "text": (None, "c")})

    assert response.json()["result"]["text"] == "c"


def test_reply_to_a_delivered_message_includes_it(
    telegram: TelegramStandin, bot: httpx.Client
) -> None:
    incoming = payloads.telegram_message("Saluran air tersumbat", message_id=4512)
    telegram.deliver_message(TOKEN, incoming)  # no webhook: queued for getUpdates

    body = {"chat_id": CHAT, "text": "Terima kasih", "reply_parameters": {"message_id": 4512}}
    message = bot.post("/sendMessage", json=body).json()["result"]

    assert message["message_id"] == 4513  # ids are per chat, shared by both directions
    assert message["reply_to_message"]["text"] == "Saluran air tersumbat"
    assert message["chat"]["first_name"] == "Andi"


def test_unknown_token_is_401(telegram: TelegramStandin, http: httpx.Client) -> None:
    response = http.post(f"{telegram.url}/bot999:nope/getMe")

    assert response.status_code == 401
    assert response.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}


def test_get_me(bot: httpx.Client) -> None:
    me = bot.get("/getMe").json()["result"]

    assert me["id"] == 123456
    assert me["is_bot"] is True
    assert me["username"] == "SigapKotaBandungBot"


def test_blocked_chat_is_403(telegram: TelegramStandin, bot: httpx.Client) -> None:
    telegram.block_chat(CHAT)

    response = bot.post("/sendMessage", json={"chat_id": CHAT, "text": "Halo"})

    assert response.status_code == 403
    assert response.json() == {
        "ok": False,
        "error_code": 403,
        "description": "Forbidden: bot was blocked by the user",
    }


@pytest.mark.parametrize(
    ("body", "description"),
    [
        ({"chat_id": CHAT, "text": ""}, "Bad Request: message text is empty"),
        ({"text": "x"}, "Bad Request: chat_id is empty"),
        ({"chat_id": CHAT, "text": "x" * 4097}, "Bad Request: message is too long"),
        (
            {"chat_id": CHAT, "text": "jarak < 5 m", "parse_mode": "HTML"},
            "Bad Request: can't parse entities: Unsupported start tag",
        ),
        (
            {"chat_id": CHAT, "text": "<b>tebal", "parse_mode": "HTML"},
            "Bad Request: can't parse entities: Can't find end tag",
        ),
        (
            {"chat_id": CHAT, "text": "Nomor ADU-2026.", "parse_mode": "MarkdownV2"},
            "Bad Request: can't parse entities: Character '-' is reserved",
        ),
    ],
)
def test_invalid_send_message_is_400(bot: httpx.Client, body: dict, description: str) -> None:
    response = bot.post("/sendMessage", json=body)

    assert response.status_code == 400
    assert response.json()["ok"] is False
    assert response.json()["description"].startswith(description)


def test_text_limit_counts_after_entity_parsing(bot: httpx.Client) -> None:
    text = "<b>" + "x" * 4096 + "</b>"

    response = bot.post("/sendMessage", json={"chat_id": CHAT, "text": text, "parse_mode": "HTML"})

    assert response.status_code == 200


def test_escaped_markdown_v2_is_accepted(bot: httpx.Client) -> None:
    text = r"Nomor *ADU\-2026\-000125* sudah [dilacak](https://lapor.example.go.id/t/abc)\."

    body = {"chat_id": CHAT, "text": text, "parse_mode": "MarkdownV2"}
    message = bot.post("/sendMessage", json=body).json()["result"]

    assert message["text"] == "Nomor ADU-2026-000125 sudah dilacak."


def test_rate_limit_fault_carries_retry_after(telegram: TelegramStandin, bot: httpx.Client) -> None:
    telegram.rate_limit_next(14, chat_id=CHAT, api_method="sendMessage")

    limited = bot.post("/sendMessage", json={"chat_id": CHAT, "text": "a"})
    retried = bot.post("/sendMessage", json={"chat_id": CHAT, "text": "a"})

    assert limited.status_code == 429
    assert limited.json() == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 14",
        "parameters": {"retry_after": 14},
    }
    assert retried.status_code == 200


def test_rate_limit_fault_over_the_control_api(
    telegram: TelegramStandin, bot: httpx.Client, http: httpx.Client
) -> None:
    spec = {"retry_after": 3, "chat_id": CHAT, "times": 2}
    assert http.post(f"{telegram.url}/_standin/faults", json=spec).status_code == 201

    other_chat = bot.post("/sendMessage", json={"chat_id": 42, "text": "a"})
    codes = [
        bot.post("/sendMessage", json={"chat_id": CHAT, "text": "a"}).status_code for _ in "abc"
    ]

    assert other_chat.status_code == 200
    assert codes == [429, 429, 200]


def test_server_errors_and_timeouts(telegram: TelegramStandin, bot: httpx.Client) -> None:
    telegram.fail_next(status=502)
    telegram.hang_next(1.0)

    bad_gateway = bot.post("/sendMessage", json={"chat_id": CHAT, "text": "a"})
    with pytest.raises(httpx.ReadTimeout):
        bot.post("/sendMessage", json={"chat_id": CHAT, "text": "a"}, timeout=0.2)

    assert bad_gateway.status_code == 502
    assert bad_gateway.json()["ok"] is False


def test_set_webhook_then_updates_arrive_with_the_secret_header(
    telegram: TelegramStandin, bot: httpx.Client, receiver: Receiver
) -> None:
    hook = f"{receiver.url}/webhooks/telegram/kota-bandung"
    answer = bot.post("/setWebhook", json={"url": hook, "secret_token": "k7Qm_2vX-9aLpR4s"}).json()
    assert answer == {"ok": True, "result": True, "description": "Webhook was set"}

    first = telegram.deliver_message(TOKEN, payloads.telegram_message("Pohon tumbang"))
    second = telegram.deliver_message(TOKEN, payloads.telegram_message("Jalan berlubang"))

    assert first is not None and first.ok
    assert second is not None and second.ok
    calls = receiver.wait(2)
    assert all(c.path == "/webhooks/telegram/kota-bandung" for c in calls)
    assert all(c.headers["x-telegram-bot-api-secret-token"] == "k7Qm_2vX-9aLpR4s" for c in calls)
    updates = [json.loads(c.body) for c in calls]
    assert updates[1]["update_id"] == updates[0]["update_id"] + 1
    assert updates[0]["message"]["text"] == "Pohon tumbang"
    info = bot.get("/getWebhookInfo").json()["result"]
    assert info["url"] == hook
    assert info["pending_update_count"] == 0


def test_failed_webhook_shows_in_webhook_info(
    telegram: TelegramStandin, bot: httpx.Client, receiver: Receiver
) -> None:
    receiver.status = 500
    bot.post("/setWebhook", json={"url": f"{receiver.url}/hook"})

    delivery = telegram.deliver_message(TOKEN, payloads.telegram_message("x"))

    assert delivery is not None and delivery.status_code == 500
    info = bot.get("/getWebhookInfo").json()["result"]
    assert info["pending_update_count"] == 1
    assert "500" in info["last_error_message"]


def test_webhook_reply_body_is_executed_as_a_method_call(
    telegram: TelegramStandin, bot: httpx.Client, receiver: Receiver
) -> None:
    receiver.reply = json.dumps({"method": "sendMessage", "chat_id": CHAT, "text": "Oke"}).encode()
    bot.post("/setWebhook", json={"url": f"{receiver.url}/hook"})

    telegram.deliver_message(TOKEN, payloads.telegram_message("Halo"))

    assert telegram.sent_messages(CHAT)[-1]["text"] == "Oke"


def test_insecure_secret_and_http_url_rules(bot: httpx.Client, http: httpx.Client) -> None:
    bad_secret = bot.post("/setWebhook", json={"url": "https://x.test/h", "secret_token": "a b"})
    assert bad_secret.status_code == 400

    with serve(tokens=[TOKEN], allow_http_webhooks=False) as strict:
        response = http.post(f"{strict.url}/bot{TOKEN}/setWebhook", json={"url": "http://x.test"})
    assert response.status_code == 400
    assert "HTTPS" in response.json()["description"]


def test_get_updates_when_no_webhook(telegram: TelegramStandin, bot: httpx.Client) -> None:
    telegram.deliver_message(TOKEN, payloads.telegram_message("satu"))
    telegram.deliver_message(TOKEN, payloads.telegram_message("dua"))

    updates = bot.get("/getUpdates").json()["result"]
    remaining = bot.get("/getUpdates", params={"offset": updates[1]["update_id"]}).json()["result"]

    assert [u["message"]["text"] for u in updates] == ["satu", "dua"]
    assert [u["message"]["text"] for u in remaining] == ["dua"]
    bot.post("/setWebhook", json={"url": "http://127.0.0.1:1/h"})
    assert bot.get("/getUpdates").status_code == 409


def test_get_file_and_download(
    telegram: TelegramStandin, bot: httpx.Client, http: httpx.Client
) -> None:
    file = telegram.add_file(b"jpeg bytes", file_path="photos/file_7.jpg")

    result = bot.post("/getFile", json={"file_id": file.file_id}).json()["result"]
    download = http.get(f"{telegram.url}/file/bot{TOKEN}/{result['file_path']}")

    assert result["file_path"] == "photos/file_7.jpg"
    assert result["file_size"] == len(b"jpeg bytes")
    assert download.content == b"jpeg bytes"
    assert bot.post("/getFile", json={"file_id": "nope"}).status_code == 400
    assert http.get(f"{telegram.url}/file/bot{TOKEN}/photos/none.jpg").status_code == 404


def test_control_api_delivers_updates_and_blocks_chats(
    telegram: TelegramStandin, bot: httpx.Client, http: httpx.Client, receiver: Receiver
) -> None:
    control = f"{telegram.url}/_standin"
    bot.post("/setWebhook", json={"url": f"{receiver.url}/hook", "secret_token": "s"})
    update = {"message": payloads.telegram_message("dari proses lain")}

    delivered = http.post(f"{control}/updates", json={"token": TOKEN, "update": update}).json()
    http.post(f"{control}/blocked", json={"chat_id": CHAT})

    assert delivered["delivery"]["status_code"] == 200
    assert receiver.wait(1)[0].headers["x-telegram-bot-api-secret-token"] == "s"
    assert bot.post("/sendMessage", json={"chat_id": CHAT, "text": "a"}).status_code == 403
    http.post(f"{control}/reset")
    assert bot.post("/sendMessage", json={"chat_id": CHAT, "text": "a"}).status_code == 200
