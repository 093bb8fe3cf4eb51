"""A chat that opens with a greeting ("halo min", "Assalamualaikum", "mau lapor") is answered
with a request for the report itself, not turned into a case.

On WhatsApp most citizens greet first and write the complaint in the next message. Made into a
case, "halo" would get a tracking number, a deadline, a routing guess for the word "halo" and a
place in the coordinator's queue, and the complaint that follows would only join it as a
follow-up. The greeting is kept (a message without a case, like an answered FAQ question) and
the next message with content opens the case.
"""

from __future__ import annotations

import re
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from sigap.cases.models import Message, MessageDirection, MessageStatus
from sigap.cases.services import IncomingMessage
from sigap.channels.models import ChannelAccount, ChannelKind, OutboundMessage
from sigap.channels.services.outbox import outbound_create
from sigap.contacts.models import Contact, ContactIdentity

OPENER_INTENT = "opener"
OPENER_PURPOSE = "opener_prompt"
# One prompt per sender in this time: a second "halo" is kept without another answer.
PROMPT_EVERY = timedelta(hours=6)
MAX_OPENER_WORDS = 10

# Greetings, salutations, courtesy and "I want to report/ask", in Indonesian, Sundanese,
# Javanese and chat spelling. A message of these words only says nothing to act on yet.
_OPENER_WORDS = frozenset(
    {
        "halo", "hallo", "haloo", "hello", "helo", "hai", "hay", "hi", "hy", "hey", "p", "ping",
        "pingg", "start", "tes", "test", "testing", "cek", "assalamualaikum", "assalamu",
        "alaikum", "warahmatullahi", "wabarakatuh", "warahmatullah", "wr", "wb", "ass", "askum",
        "asw", "aslm", "assalamu'alaikum", "salam", "sampurasun", "rampes", "punten", "permisi",
        "selamat", "met", "pagi", "siang", "sore", "malam", "good", "morning", "afternoon",
        "evening", "night", "min", "mimin", "admin", "minn", "pak", "bu", "bapak", "ibu", "kak",
        "kakak", "mas", "mbak", "teh", "teteh", "kang", "akang", "aa", "om", "gan", "sis", "bro",
        "sist", "dok", "bund", "bun", "sadayana", "semua", "mohon", "maaf", "izin", "ijin",
        "numpang", "nanya", "tanya", "bertanya", "mau", "ingin", "pengen", "lapor", "melapor",
        "laporan", "aduan", "mengadu", "ngadu", "kami", "saya", "aku", "sy", "abdi", "kula",
        "dong", "nih", "ya", "y", "yah", "nggih", "enggih", "ada", "yang", "yg", "bisa",
        "dibantu",
    }
)  # fmt: skip
_WORDS = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_QUIET_CHANNELS = frozenset({ChannelKind.EMAIL})  # an e-mail always carries its report


# Thanks and acknowledgements on their own ("makasih min", "ok siap") close a conversation:
# kept, neither answered nor made a case.
_COURTESY_WORDS = frozenset(
    {"terima", "kasih", "makasih", "mksh", "thanks", "thx", "hatur", "nuhun", "tabik", "matur",
     "nuwun", "ok", "oke", "okay", "okey", "siap", "sip", "baik", "mantap", "banyak"}
)  # fmt: skip
# Whom a courtesy is addressed to: "makasih min", "siap pak".
_SALUTATIONS = frozenset(
    {"min", "mimin", "admin", "minn", "pak", "bu", "bapak", "ibu", "kak", "kakak", "mas", "mbak",
     "teh", "teteh", "kang", "akang", "aa", "om", "gan", "sis", "bro", "sist", "dok", "ya", "y",
     "yah", "nggih", "enggih", "dong", "nih", "semua", "sadayana"}
)  # fmt: skip


def opener_kind(message: IncomingMessage) -> str | None:
    """ "greeting" (answered with a request for the report), "courtesy" (kept quietly), or
    None: anything else is, or may be, a report. No attachment, no place, at least one word
    (a row of 🔥 may be all a panicking citizen sends) and every word from the lists."""
    if message.channel in _QUIET_CHANNELS or message.attachments or message.latitude is not None:
        return None
    words = _WORDS.findall(message.text.lower())
    if not words or len(words) > MAX_OPENER_WORDS:
        return None
    if any(w in _COURTESY_WORDS for w in words) and all(
        w in _COURTESY_WORDS or w in _SALUTATIONS for w in words
    ):
        return "courtesy"
    # Any other word ("tolong", a place, a number) may be the report: it makes a case.
    if all(word in _OPENER_WORDS or word in _COURTESY_WORDS for word in words):
        return "greeting"
    return None


def is_opener(message: IncomingMessage) -> bool:
    return opener_kind(message) is not None


def opener_answer(
    *,
    account: ChannelAccount,
    identity: ContactIdentity,
    contact: Contact | None,
    message: IncomingMessage,
) -> OutboundMessage | None:
    """Keep the greeting and, unless one went out lately, ask for the report; a courtesy is
    only kept."""
    since = timezone.now() - PROMPT_EVERY
    recently_prompted = contact is not None and Message.objects.filter(
        contact=contact, channel=message.channel, direction=MessageDirection.INBOUND,
        data__intent=OPENER_INTENT, created_at__gte=since,
    ).exists()  # fmt: skip
    Message.objects.create(
        pemda=account.pemda, case=None, contact=contact, channel=message.channel, account=account,
        direction=MessageDirection.INBOUND, external_id=message.external_id, text=message.text,
        status=MessageStatus.RECEIVED, data={**message.data, "intent": OPENER_INTENT},
        created_at=message.received_at or timezone.now(),
    )  # fmt: skip
    if recently_prompted or opener_kind(message) == "courtesy":
        return None
    return outbound_create(
        case=None, account=account, identity=identity, text=_prompt(account),
        purpose=OPENER_PURPOSE, idempotency_key=f"opener:{account.pk}:{message.external_id}",
        enqueue=False,
    )  # fmt: skip


def _prompt(account: ChannelAccount) -> str:
    lines = [
        _("Halo, terima kasih telah menghubungi layanan pengaduan %(pemda)s.")
        % {"pemda": account.pemda.short_name or account.pemda.name},
        _(
            "Silakan tuliskan laporan Anda dalam satu pesan: apa yang terjadi, di mana lokasinya "
            "(nama jalan, desa, kecamatan), dan sejak kapan. Foto dan titik lokasi (share "
            "location) sangat membantu petugas."
        ),
        _("Dalam keadaan darurat, segera hubungi 112."),
    ]
    return "\n\n".join(lines)
