"""Logging set-up that keeps the bot token out of every log line."""

from __future__ import annotations

import logging


class RedactToken(logging.Filter):
    """python-telegram-bot and the HTTP client log request URLs at DEBUG, and those contain the token."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self._token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self._token and self._token in message:
            record.msg, record.args = message.replace(self._token, "<token>"), None
        return True


def configure_logging(token: str, level: int = logging.INFO) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    import bm25s  # noqa: F401  (it sets its own logger level on import; quiet it after)

    for noisy in ("httpx", "httpcore", "bm25s"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    for handler in logging.getLogger().handlers:
        handler.addFilter(RedactToken(token))
