"""Send one outbound message as an email reply through the mailbox's SMTP relay.

The reply threads under the citizen's last email on the case (In-Reply-To/References) and
carries the tracking number in the subject, so the citizen's answer finds its case again. Our
generated Message-ID is the provider message id: a bounce names it, and so does a reply.
Email has no customer-service window.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from sigap.cases.models import Message, MessageDirection
from sigap.channels.adapters import (
    PermanentSendError,
    RecipientUnreachableError,
    SendError,
    SendResult,
)
from sigap.channels.email import smtp_client
from sigap.channels.email.compose import compose_reply
from sigap.channels.models import ChannelAccount, ChannelKind, OutboundMessage

# Purposes Sigap writes on its own: marked Auto-Submitted so vacation responders stay quiet.
AUTOMATIC_PURPOSES = frozenset({"ack", "status_answer"})
# A refused recipient is gone (not a policy or spam refusal) when the enhanced status code
# says addressing (RFC 3463 5.1.x) or, from servers without one, when the words say so.
_ENHANCED_STATUS = re.compile(r"\b[245]\.\d{1,3}\.\d{1,3}\b")
_GONE_WORDS = re.compile(
    r"no such (user|mailbox|recipient)|user unknown|unknown user|does not exist", re.IGNORECASE
)


def smtp_config(account: ChannelAccount) -> smtp_client.SmtpConfig:
    config = account.config
    host = str(config.get("smtp_host") or "")
    if not host:
        raise PermanentSendError(
            _("Pengaturan SMTP akun %(name)s belum lengkap (smtp_host).") % {"name": account.name},
            code="config",
        )
    use_ssl = bool(config.get("smtp_ssl", False))
    return smtp_client.SmtpConfig(
        host=host,
        port=int(config.get("smtp_port") or (465 if use_ssl else 587)),
        username=str(config.get("username", account.external_id)),
        password=account.password,
        starttls=bool(config.get("smtp_starttls", not use_ssl)),
        use_ssl=use_ssl,
        verify_certificate=bool(config.get("verify_certificate", True)),
    )


def send(outbound: OutboundMessage) -> SendResult:
    account = outbound.account
    to_address = outbound.identity.external_id
    message_id, raw = _compose(outbound, to_address)
    try:
        smtp_client.send(
            smtp_config(account), from_address=account.external_id, to_addresses=[to_address],
            raw=raw,
        )  # fmt: skip
    except smtp_client.SmtpTemporaryError as exc:
        raise SendError(exc.message, code=str(exc.code or "smtp")) from exc
    except smtp_client.SmtpPermanentError as exc:
        raise _permanent(exc) from exc
    return SendResult(provider_message_id=message_id)


def _compose(outbound: OutboundMessage, to_address: str) -> tuple[str, bytes]:
    account = outbound.account
    case = outbound.message.case
    parent = _thread_parent(outbound)
    parent_data = parent.data if parent is not None else {}
    thread_ids = [str(item) for item in parent_data.get("thread_ids") or []]
    tracking_number = case.tracking_number if case is not None else ""
    subject = str(parent_data.get("subject") or (case.title if case else "") or _("Laporan Anda"))
    try:
        return compose_reply(
            from_address=account.external_id,
            from_name=str(account.config.get("from_name") or account.name),
            to_address=to_address,
            subject=subject,
            text=outbound.message.text,
            tracking_number=tracking_number,
            message_id_domain=_message_id_domain(account),
            in_reply_to=_real_id(parent.external_id) if parent is not None else None,
            # thread_ids are nearest first; References runs from the thread's root.
            references=list(reversed(thread_ids)),
            automatic=outbound.purpose in AUTOMATIC_PURPOSES,
        )
    except ValueError as exc:  # an address or domain no mail server would take
        raise PermanentSendError(f"Email tidak dapat disusun: {exc}", code="compose") from exc


def _thread_parent(outbound: OutboundMessage) -> Message | None:
    """The citizen's latest email on the case (or, without a case, to this mailbox)."""
    message = outbound.message
    inbound = Message.objects.filter(
        channel=ChannelKind.EMAIL, direction=MessageDirection.INBOUND
    ).exclude(external_id="")
    if message.case_id is not None:
        inbound = inbound.filter(case_id=message.case_id)
    elif message.contact_id is not None:
        inbound = inbound.filter(contact_id=message.contact_id, account=outbound.account)
    else:
        return None
    return inbound.order_by("-created_at", "-pk").first()


def _real_id(external_id: str) -> str | None:
    # A message without a Message-ID was keyed by a hash of its bytes: nothing to reply to.
    return None if external_id.startswith("sha256:") else external_id


def _message_id_domain(account: ChannelAccount) -> str:
    domain = account.config.get("message_id_domain") or account.external_id.rpartition("@")[2]
    return str(domain)


def _permanent(exc: smtp_client.SmtpPermanentError) -> PermanentSendError:
    code = str(exc.code or "smtp")
    replies = list(exc.refused.values())
    if replies and all(_address_gone(smtp_code, text) for smtp_code, text in replies):
        return RecipientUnreachableError(exc.message, code=code)
    return PermanentSendError(exc.message, code=code)


def _address_gone(smtp_code: int, text: str) -> bool:
    if smtp_code not in (550, 551, 553):
        return False
    enhanced = _ENHANCED_STATUS.search(text)
    if enhanced is not None:
        return enhanced.group(0).startswith("5.1.")
    return _GONE_WORDS.search(text) is not None
