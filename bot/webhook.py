"""How updates reach the bot: which update types, and the webhook's path and secret."""

from __future__ import annotations

import secrets
from typing import Any
from urllib.parse import urlsplit

from telegram import Update

from bot.settings import BotSettings

# Only what a handler exists for; anything else Telegram would send is noise (and load).
ALLOWED_UPDATES = [Update.MESSAGE, Update.INLINE_QUERY]


def webhook_options(settings: BotSettings) -> dict[str, Any]:
    """Arguments for `Application.run_webhook` / `Updater.start_webhook`.

    The server listens on the path of WEBHOOK_URL, and always checks a secret token: WEBHOOK_SECRET,
    or one generated for this run and handed to setWebhook, so forged updates get 403.
    """
    return {
        "listen": settings.webhook_listen,
        "port": settings.webhook_port,
        "url_path": urlsplit(settings.webhook_url).path.strip("/"),
        "webhook_url": settings.webhook_url,
        "secret_token": settings.webhook_secret or secrets.token_urlsafe(32),
        "allowed_updates": ALLOWED_UPDATES,
    }
