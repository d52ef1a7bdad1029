"""Reading a group message addressed to the bot: is it for us, and what is the question in it."""

from __future__ import annotations

import re

from telegram import Message
from telegram.constants import MessageEntityType

# What may follow a mention before the question starts: '@Bot, …', '@Bot: …', '@Bot - …'
_AFTER = r"[\s,.:;!?…\-–—]*"


def addressed_to_bot(message: Message, username: str, bot_id: int) -> bool:
    """Mentioned by @username (entity or plain text), or a reply to one of the bot's messages."""
    name = username.lower()
    for entity, value in message.parse_entities([MessageEntityType.MENTION]).items():
        if entity.type == MessageEntityType.MENTION and value.lstrip("@").lower() == name:
            return True
    if name and re.search(rf"@{re.escape(name)}\b", message.text or "", re.IGNORECASE):
        return True
    replied = message.reply_to_message
    return bool(replied and replied.from_user and replied.from_user.id == bot_id)


def strip_mentions(text: str, username: str) -> str:
    """The text without '@username' and the punctuation right after it, spaces tidied."""
    if username:
        text = re.sub(rf"@{re.escape(username)}\b{_AFTER}", " ", text, flags=re.IGNORECASE)
    text = " ".join(text.split())
    return text.strip(" ,.:;-–—")
