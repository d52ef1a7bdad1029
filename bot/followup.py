"""Short-lived follow-up context, kept in PTB's chat_data (persisted), per user within a chat.

The engine's `Answer.context` of the last answered question is stored with a timestamp and
handed back with the next question for `follow_up_seconds`; after that, or after /new, it is gone.
In a private chat the user is the chat; in a group each member has their own thread.
"""

from __future__ import annotations

import time
from collections.abc import MutableMapping
from typing import Any

KEY = "follow_up"


def _store(chat_data: MutableMapping[str, Any] | None) -> dict[int, dict[str, Any]]:
    if chat_data is None:  # updates without a chat (inline queries) have no follow-ups
        return {}
    return chat_data.setdefault(KEY, {})


def recall(chat_data: MutableMapping[str, Any] | None, user_id: int, ttl: float) -> dict | None:
    """The previous answer's context if it is younger than `ttl` seconds; stale entries are dropped."""
    store = _store(chat_data)
    now = time.time()
    for uid in [u for u, e in store.items() if now - e["at"] > ttl]:
        del store[uid]
    entry = store.get(user_id)
    return entry["context"] if entry else None


def remember(chat_data: MutableMapping[str, Any] | None, user_id: int, context: dict) -> None:
    if chat_data is not None and context:
        _store(chat_data)[user_id] = {"context": context, "at": time.time()}


def forget(chat_data: MutableMapping[str, Any] | None, user_id: int) -> None:
    _store(chat_data).pop(user_id, None)
