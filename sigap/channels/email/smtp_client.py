"""Send one composed message through the agency's SMTP relay.

The outbox needs to know whether trying again can help. SMTP says so in the reply code
(RFC 5321 4.2.1): 4xx is transient, 5xx is permanent. Network failures and timeouts are
transient too; configuration errors (no AUTH offered, no STARTTLS, bad certificate) are
permanent until an administrator fixes the channel settings.
"""

from __future__ import annotations

import contextlib
import smtplib
import ssl
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field


class SmtpError(Exception):
    """A send failed; the message is Indonesian and shown to staff on the outbound row."""

    retryable = True

    def __init__(
        self,
        message: str,
        *,
        code: int | None = None,
        refused: dict[str, tuple[int, str]] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.refused = refused or {}  # recipient -> (code, server text), when per recipient


class SmtpTemporaryError(SmtpError):
    retryable = True


class SmtpPermanentError(SmtpError):
    retryable = False


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    username: str  # empty: the relay accepts us without AUTH (trusted network)
    password: str = field(repr=False)
    starttls: bool
    use_ssl: bool
    timeout: float = 30.0
    verify_certificate: bool = True
    # EHLO name; None lets smtplib use the host's FQDN.
    local_hostname: str | None = None


def send(config: SmtpConfig, *, from_address: str, to_addresses: Sequence[str], raw: bytes) -> None:
    """Hand `raw` to the relay for every recipient, or raise SmtpTemporary/PermanentError.

    When only some recipients are refused the message was still queued for the others; the
    raised error lists the refused ones in `refused` so a retry does not resend to everyone.
    """
    with _translated_errors(config), _connect(config) as client:
        _secure_and_login(client, config)
        refused = client.sendmail(from_address, list(to_addresses), raw)
    if refused:
        raise _refused_error(_decoded(refused), f"{config.host}:{config.port}")


def relay_check(config: SmtpConfig) -> None:
    """Connect, EHLO, STARTTLS and log in as a send does, then QUIT without sending anything:
    the connection check. Raises SmtpTemporary/PermanentError like `send`."""
    with _translated_errors(config), _connect(config) as client:
        _secure_and_login(client, config)


@contextlib.contextmanager
def _translated_errors(config: SmtpConfig) -> Iterator[None]:
    where = f"{config.host}:{config.port}"
    try:
        yield
    except smtplib.SMTPRecipientsRefused as error:
        raise _refused_error(_decoded(error.recipients), where) from error
    except smtplib.SMTPResponseException as error:
        raise _response_error(error.smtp_code, error.smtp_error, where) from error
    except smtplib.SMTPServerDisconnected as error:
        # smtplib turns a read timeout into "Connection unexpectedly closed: timed out".
        if isinstance(error.__context__, OSError):
            raise _network_error(error.__context__, config) from error
        raise SmtpTemporaryError(f"Server SMTP {where} memutus koneksi ({error}).") from error
    except smtplib.SMTPNotSupportedError as error:
        raise SmtpPermanentError(f"Server SMTP {where} tidak mendukung: {error}.") from error
    except smtplib.SMTPException as error:  # e.g. "No suitable authentication method found"
        raise SmtpPermanentError(f"Pengaturan SMTP {where} tidak cocok: {error}.") from error
    except UnicodeEncodeError as error:
        raise SmtpPermanentError(
            "Alamat email mengandung huruf non-ASCII yang tidak didukung server SMTP."
        ) from error
    except OSError as error:
        raise _network_error(error, config) from error


def _connect(config: SmtpConfig) -> smtplib.SMTP:
    if config.use_ssl:
        return smtplib.SMTP_SSL(
            config.host,
            config.port,
            local_hostname=config.local_hostname,
            timeout=config.timeout,
            context=_tls_context(config),
        )
    return smtplib.SMTP(
        config.host, config.port, local_hostname=config.local_hostname, timeout=config.timeout
    )


def _tls_context(config: SmtpConfig) -> ssl.SSLContext:
    # smtplib's default context does not verify certificates (Python 3.11); ours does.
    context = ssl.create_default_context()
    if not config.verify_certificate:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def _secure_and_login(client: smtplib.SMTP, config: SmtpConfig) -> None:
    client.ehlo()
    if config.starttls and not config.use_ssl:
        client.starttls(context=_tls_context(config))
        client.ehlo()  # RFC 3207 4.2: forget what was learnt before TLS
    if config.username:
        client.login(config.username, config.password)


def _decoded(recipients: dict[str, tuple[int, bytes]]) -> dict[str, tuple[int, str]]:
    return {
        address: (code, text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text))
        for address, (code, text) in recipients.items()
    }


def _refused_error(refused: dict[str, tuple[int, str]], where: str) -> SmtpError:
    # Permanent only when every refusal is permanent: one 4xx means a retry can still deliver.
    permanent = all(500 <= code < 600 for code, _ in refused.values())
    detail = "; ".join(f"{address}: {code} {text}" for address, (code, text) in refused.items())
    error_class = SmtpPermanentError if permanent else SmtpTemporaryError
    codes = {code for code, _ in refused.values()}
    return error_class(
        f"Server SMTP {where} menolak penerima ({detail}).",
        code=codes.pop() if len(codes) == 1 else None,
        refused=refused,
    )


def _response_error(code: int, text: bytes | str, where: str) -> SmtpError:
    reply = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    if 500 <= code < 600:
        return SmtpPermanentError(f"Server SMTP {where} menolak: {code} {reply}.", code=code)
    # 4xx, and the -1 smtplib uses for an unreadable reply: worth another attempt.
    return SmtpTemporaryError(f"Server SMTP {where} sementara menolak: {code} {reply}.", code=code)


def _network_error(error: OSError, config: SmtpConfig) -> SmtpError:
    where = f"{config.host}:{config.port}"
    if isinstance(error, TimeoutError):
        return SmtpTemporaryError(
            f"Server SMTP {where} tidak menjawab dalam {config.timeout:g} detik."
        )
    if isinstance(error, ssl.SSLCertVerificationError):
        return SmtpPermanentError(
            f"Sertifikat TLS server SMTP {where} tidak sah: {error.verify_message}."
        )
    if isinstance(error, ConnectionRefusedError):
        return SmtpTemporaryError(f"Tidak dapat terhubung ke server SMTP {where}: koneksi ditolak.")
    return SmtpTemporaryError(f"Koneksi ke server SMTP {where} gagal: {error.strerror or error}.")
