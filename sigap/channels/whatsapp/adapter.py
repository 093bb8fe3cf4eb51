from __future__ import annotations

from sigap.channels.adapters import ParsedDelivery, SendResult, StatusUpdate
from sigap.channels.models import ChannelKind, InboundEvent, OutboundMessage
from sigap.channels.whatsapp import inbound, transport


class WhatsAppAdapter:
    kind: str = ChannelKind.WHATSAPP
    unreachable_codes = transport.UNREACHABLE

    def parse(self, event: InboundEvent, *, final_attempt: bool) -> ParsedDelivery:
        return inbound.parse(event, final_attempt=final_attempt)

    def send(self, outbound: OutboundMessage, *, window_open: bool) -> SendResult:
        return transport.send(outbound, window_open=window_open)

    def retry_with_template(self, outbound: OutboundMessage, update: StatusUpdate) -> bool:
        """A free-form send that failed with 131047 goes again as an approved template."""
        return (
            update.error_code in transport.WINDOW_CLOSED
            and not outbound.used_template
            and transport.template_for(outbound) is not None
        )
