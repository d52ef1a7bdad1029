"""Logging set-up that keeps the bot token and the webhook secret out of every log line."""

from __future__ import annotations

import logging


class RedactToken(logging.Filter):
    """PTB logs request URLs (with the token) and, at DEBUG, request parameters (setWebhook's secret)."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self._secrets: dict[str, str] = {token: "<token>"} if token else {}

    def add(self, secret: str, label: str = "<secret>") -> None:
        if secret:
            self._secrets[secret] = label

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if any(secret in message for secret in self._secrets):
            for secret, label in self._secrets.items():
                message = message.replace(secret, label)
            record.msg, record.args = message, None
        return True


_installed: list[RedactToken] = []


def configure_logging(token: str, level: int = logging.INFO) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    import bm25s  # noqa: F401  (it sets its own logger level on import; quiet it after)

    for noisy in ("httpx", "httpcore", "bm25s"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    redact = RedactToken(token)
    _installed.append(redact)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redact)


def redact_secret(secret: str) -> None:
    """Keep a secret known only at run time (a generated webhook secret) out of the logs too."""
    for redact in _installed:
        redact.add(secret)
