"""Poll every active mailbox over IMAP and store each new email raw, before anything else.

Each fetched batch is stored as InboundEvents in the same transaction that advances the
mailbox position, so a crash re-fetches at most the uncommitted batch and the unique
``(channel, external_id)`` (the Message-ID) drops the repeats. Processing then runs in the
ordinary event task, like a webhook delivery. A failing mailbox is recorded on its
MailboxState (visible in the admin), backs off, and never stops the others.
"""

from __future__ import annotations

import base64
import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from sigap.channels.email import imap_client
from sigap.channels.email.inbound import delivery_key, max_bytes
from sigap.channels.email.parsing import message_id_of
from sigap.channels.models import ChannelAccount, ChannelKind, EventStatus, MailboxState
from sigap.channels.services.events import inbound_event_store

logger = logging.getLogger(__name__)

DEFAULT_POLL_LIMIT = 50
# Batches per poll: a backlog drains over several polls instead of holding one worker.
MAX_BATCHES = 10
# Longer than MAX_BATCHES fetches at the IMAP timeout: a worker that dies mid-poll frees the
# mailbox after this.
LEASE = timedelta(minutes=10)
MAX_BACKOFF = timedelta(minutes=30)
_HEADER_END = (b"\r\n\r\n", b"\n\n")
_MAX_KEPT_HEADERS = 64 * 1024


def mailboxes_poll() -> dict[str, str]:
    """Poll every active email account; one account's failure never stops the others."""
    outcomes: dict[str, str] = {}
    accounts = ChannelAccount.objects.filter(kind=ChannelKind.EMAIL, is_active=True)
    for account in accounts.select_related("pemda").order_by("pk"):
        try:
            outcomes[account.code] = mailbox_poll(account)
        except Exception as exc:  # a bug or a database hiccup: record it, go on with the rest
            logger.exception("email poll of %s crashed", account.code)
            _failure_record(account, f"{type(exc).__name__}: {exc}")
            outcomes[account.code] = "failed"
    return outcomes


def mailbox_poll(account: ChannelAccount) -> str:
    """Fetch and store new mail of one mailbox: "skipped", "failed" or "<n> fetched"."""
    state = _claim(account)
    if state is None:
        return "skipped"  # another worker polls it now, or it is backing off after a failure
    try:
        config = imap_config(account)
    except ValueError as exc:
        _failure_record(account, str(exc))
        return "failed"
    fetched = 0
    for _batch in range(MAX_BATCHES):
        try:
            result = imap_client.fetch_new(
                config, uidvalidity=state.uidvalidity, last_uid=state.last_uid,
                limit=_poll_limit(account),
            )  # fmt: skip
        except imap_client.ImapError as exc:
            _failure_record(account, exc.message)
            return "failed"
        state = _batch_store(account, result)
        fetched += len(result.messages)
        if not result.has_more:
            break
    MailboxState.objects.filter(account=account).update(
        last_polled_at=timezone.now(), last_error="", consecutive_failures=0, next_poll_at=None
    )
    return f"{fetched} fetched"


def imap_config(account: ChannelAccount) -> imap_client.ImapConfig:
    config = account.config
    host = str(config.get("imap_host") or "")
    if not host:
        raise ValueError(f"Pengaturan IMAP akun {account.name} belum lengkap (imap_host).")
    use_ssl = bool(config.get("imap_ssl", True))
    return imap_client.ImapConfig(
        host=host,
        port=int(config.get("imap_port") or (993 if use_ssl else 143)),
        username=str(config.get("username") or account.external_id),
        password=account.password,
        use_ssl=use_ssl,
        folder=str(config.get("folder") or "INBOX"),
        verify_certificate=bool(config.get("verify_certificate", True)),
    )


def _poll_limit(account: ChannelAccount) -> int:
    try:
        return max(1, int(account.config.get("poll_limit") or DEFAULT_POLL_LIMIT))
    except (TypeError, ValueError):
        return DEFAULT_POLL_LIMIT


def _claim(account: ChannelAccount) -> MailboxState | None:
    """Take the mailbox's lease with a conditional UPDATE, so only one worker polls it."""
    now = timezone.now()
    MailboxState.objects.get_or_create(account=account)
    due = Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now)
    claimed = MailboxState.objects.filter(due, account=account).update(next_poll_at=now + LEASE)
    return MailboxState.objects.get(account=account) if claimed else None


@transaction.atomic
def _batch_store(account: ChannelAccount, result: imap_client.FetchResult) -> MailboxState:
    """Store a batch raw and advance the position in one transaction."""
    state = MailboxState.objects.select_for_update().get(account=account)
    for uid, raw in result.messages:
        _message_store(account, uid, raw, result.uidvalidity)
    same_mailbox = not result.reset and state.uidvalidity == result.uidvalidity
    fetched_to = result.last_uid or 0
    # Never backwards within one UIDVALIDITY; from scratch after the server renumbered.
    state.last_uid = max(state.last_uid, fetched_to) if same_mailbox else fetched_to
    state.uidvalidity = result.uidvalidity
    state.save(update_fields=["last_uid", "uidvalidity"])
    return state


def _message_store(account: ChannelAccount, uid: int, raw: bytes, uidvalidity: int) -> None:
    headers = {"encoding": "base64", "uid": str(uid), "uidvalidity": str(uidvalidity)}
    key = delivery_key(message_id_of(raw))
    limit = max_bytes(account)
    if len(raw) <= limit:
        # Base64: mail may carry 8-bit and NUL bytes that a PostgreSQL text column refuses.
        body = base64.b64encode(raw).decode("ascii")
        inbound_event_store(
            channel=ChannelKind.EMAIL, external_id=key, body=body, headers=headers, account=account
        )
        return
    # Too large to parse: keep the headers (who, when, which Message-ID) for the admin, and
    # never block the mailbox on it.
    note = f"email of {len(raw)} bytes exceeds the {limit} byte limit; headers kept, not processed"
    logger.warning("mailbox %s UID %s: %s", account.code, uid, note)
    inbound_event_store(
        channel=ChannelKind.EMAIL,
        external_id=key,
        body=base64.b64encode(_header_block(raw)).decode("ascii"),
        headers={**headers, "size": str(len(raw)), "truncated": "headers"},
        account=account,
        status=EventStatus.IGNORED,
        note=note,
    )


def _header_block(raw: bytes) -> bytes:
    ends = [raw.find(marker) for marker in _HEADER_END if raw.find(marker) >= 0]
    end = min(ends) if ends else len(raw)
    return raw[: min(end, _MAX_KEPT_HEADERS)]


def _failure_record(account: ChannelAccount, error: str) -> None:
    """Keep the error for the admin and back off: 1, 2, 4 … minutes, at most 30."""
    logger.warning("email poll of %s failed: %s", account.code, error)
    MailboxState.objects.get_or_create(account=account)
    MailboxState.objects.filter(account=account).update(
        last_error=error[:4000],
        last_polled_at=timezone.now(),
        consecutive_failures=F("consecutive_failures") + 1,
    )
    failures = MailboxState.objects.values_list("consecutive_failures", flat=True).get(
        account=account
    )
    delay = min(timedelta(minutes=2 ** min(failures - 1, 10)), MAX_BACKOFF)
    MailboxState.objects.filter(account=account).update(next_poll_at=timezone.now() + delay)
