"""Bot settings from the environment / `.env`; a bad value stops start-up with one line naming it."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from retrieval.config import RetrievalSettings, SettingError, env_int

_TOKEN_RE = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{20,}$")


@dataclass(frozen=True)
class BotSettings:
    token: str
    base_url: str
    base_file_url: str
    admin_ids: frozenset[int]
    webhook_url: str
    webhook_listen: str
    webhook_port: int
    webhook_secret: str
    rate_limit: int  # questions per user ...
    rate_window_seconds: int  # ... in any window of this many seconds
    max_question_chars: int
    max_upload_bytes: int
    retrieval: RetrievalSettings
    state_file: Path | None = None  # chat_data (follow-ups); None: beside the index
    follow_up_seconds: int = 600  # how long a previous answer completes a follow-up question

    @property
    def state_path(self) -> Path:
        return self.state_file or self.retrieval.index_dir / "bot-state.pickle"

    def __repr__(self) -> str:  # the token must never reach a log line or a traceback
        return f"BotSettings(base_url={self.base_url!r}, admins={sorted(self.admin_ids)}, token=<hidden>)"

    @classmethod
    def from_env(cls) -> BotSettings:
        retrieval = RetrievalSettings.from_env()  # also loads .env
        token = os.environ.get("TELEGRAM_BOT_TOKEN", "").strip()
        if not token:
            raise SettingError("TELEGRAM_BOT_TOKEN is not set (put the token from @BotFather in .env)")
        if not _TOKEN_RE.match(token):
            raise SettingError("TELEGRAM_BOT_TOKEN is malformed (expected <digits>:<secret>)")
        if not retrieval.articles_dir.is_dir() or not os.access(retrieval.articles_dir, os.R_OK):
            raise SettingError(f"ARTICLES_DIR is not a readable folder: {retrieval.articles_dir}")
        webhook_url = os.environ.get("WEBHOOK_URL", "").strip()
        if webhook_url and not webhook_url.startswith("https://"):
            raise SettingError("WEBHOOK_URL must start with https://")
        secret = os.environ.get("WEBHOOK_SECRET", "").strip()
        if secret and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
            raise SettingError("WEBHOOK_SECRET may contain only letters, digits, _ and - (1-256 characters)")
        return cls(
            token=token,
            base_url=_url("TELEGRAM_BASE_URL", "https://api.telegram.org/bot"),
            base_file_url=_url("TELEGRAM_BASE_FILE_URL", "https://api.telegram.org/file/bot"),
            admin_ids=_admin_ids(os.environ.get("ADMIN_USER_IDS", "")),
            webhook_url=webhook_url,
            webhook_listen=os.environ.get("WEBHOOK_LISTEN", "127.0.0.1").strip() or "127.0.0.1",
            webhook_port=env_int("WEBHOOK_PORT", 8443, 1, 65535),
            webhook_secret=secret,
            rate_limit=env_int("RATE_LIMIT", 20, 1, 10_000),
            rate_window_seconds=env_int("RATE_LIMIT_WINDOW_SECONDS", 60, 1, 86_400),
            max_question_chars=env_int("MAX_QUESTION_CHARS", 500, 10, 4000),
            max_upload_bytes=env_int("MAX_UPLOAD_BYTES", 1_000_000, 1_000, 20_000_000),
            retrieval=retrieval,
            state_file=_optional_path("BOT_STATE_FILE"),
            follow_up_seconds=env_int("FOLLOW_UP_SECONDS", 600, 0, 86_400),
        )


def _url(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip() or default
    if not re.match(r"^https?://[^\s]+$", value):
        raise SettingError(f"{name} must be an http(s) URL, got {value!r}")
    return value


def _optional_path(name: str) -> Path | None:
    raw = os.environ.get(name, "").strip()
    return Path(raw).expanduser().resolve() if raw else None


def _admin_ids(raw: str) -> frozenset[int]:
    ids = set()
    for part in raw.replace(" ", "").split(","):
        if not part:
            continue
        if not part.lstrip("-").isdigit():
            raise SettingError(f"ADMIN_USER_IDS must be comma-separated numeric ids, got {part!r}")
        ids.add(int(part))
    return frozenset(ids)
