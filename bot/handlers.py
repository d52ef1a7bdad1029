"""Handlers for users: questions (private, group, /ask, inline), follow-ups, help, and errors.

Each turns an update into a question for the engine and the engine's answer into HTML replies;
parse mode, link previews and quoting the question come from the application's Defaults.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from dataclasses import dataclass, field

from telegram import Message, Update
from telegram.constants import ChatAction
from telegram.ext import ContextTypes

from bot import followup
from bot.about import about_html, usage_example
from bot.admin import Reindexer
from bot.i18n import reply_language, t, user_language
from bot.inline import MIN_CHARS, InlineCache, help_result, results_for
from bot.limits import AnswerStats, FloodGate, Verdict
from bot.mentions import addressed_to_bot, strip_mentions
from bot.render import answer_messages
from bot.settings import BotSettings
from retrieval.search import Answer, Searcher

log = logging.getLogger(__name__)
PROGRESS_EVERY_S = 3.0  # how often /reindex edits its status message while embedding


@dataclass
class BotState:
    """Everything the handlers share; built once at start and kept in `application.bot_data`."""

    settings: BotSettings
    searcher: Searcher
    reindexer: Reindexer
    gate: FloodGate
    stats: AnswerStats = field(default_factory=AnswerStats)
    inline_cache: InlineCache = field(default_factory=InlineCache)
    progress_every_s: float = PROGRESS_EVERY_S
    started: float = field(default_factory=time.time)


def state(context: ContextTypes.DEFAULT_TYPE) -> BotState:
    return context.bot_data["state"]


def client_language(update: Update) -> str:
    """The language of the user's Telegram app, for replies to commands and non-text messages."""
    user = update.effective_user
    return user_language(user.language_code if user else None)


def question_language(update: Update, text: str) -> str:
    user = update.effective_user
    return reply_language(text, user.language_code if user else None)


async def reply(message: Message, html: str) -> Message:
    return await message.reply_text(html)


# ---- questions ------------------------------------------------------------------------------------


async def answer_question(update: Update, context: ContextTypes.DEFAULT_TYPE, question: str) -> None:
    """Checks, then the engine off the event loop (with the user's recent context), then the replies."""
    st = state(context)
    message = update.effective_message
    user_id = update.effective_user.id if update.effective_user else 0
    question = question.strip()
    lang = question_language(update, question)
    if not question:
        await reply(message, t("usage", lang, example=usage_example(st.searcher, lang)))
        return
    if len(question) > st.settings.max_question_chars:
        await reply(message, t("too_long", lang, length=len(question), limit=st.settings.max_question_chars))
        return
    verdict, wait = st.gate.check(user_id)
    if verdict is Verdict.SILENT:
        return
    if verdict is Verdict.NOTIFY:
        await reply(message, t("rate_limited", lang, seconds=wait))
        return
    await context.bot.send_chat_action(update.effective_chat.id, ChatAction.TYPING)
    previous = followup.recall(context.chat_data, user_id, st.settings.follow_up_seconds)
    answer = await ask(st, question, lang, previous)
    followup.remember(context.chat_data, user_id, answer.context)
    for html in answer_messages(answer, st.searcher.summary()):
        await reply(message, html)


async def ask(st: BotState, question: str, lang: str, previous: dict | None = None) -> Answer:
    """The engine's answer, worded in `lang` (the question's, or the client's for text without words)."""
    answer = await asyncio.to_thread(st.searcher.ask, question, st.settings.retrieval.top_k, follow_up=previous)
    st.stats.record(answer.seconds)
    log.info(
        "question lang=%s follow_up=%s latency_ms=%.0f top=%.3f coverage=%.2f %s",
        lang,
        bool(answer.understood),
        answer.seconds * 1000,
        answer.top_score,
        answer.coverage,
        "answered" if answer.answerable else f"declined:{answer.decline_reason}",
    )
    return dataclasses.replace(answer, lang=lang)


async def on_private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await answer_question(update, context, update.effective_message.text or "")


async def on_ask_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    question = strip_mentions(" ".join(context.args or []), context.bot.username or "")
    await answer_question(update, context, question)


async def on_group_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In groups: answer only when mentioned or replied to; otherwise stay silent."""
    message = update.effective_message
    username = context.bot.username or ""
    if addressed_to_bot(message, username, context.bot.id):
        await answer_question(update, context, strip_mentions(message.text or "", username))


async def on_new(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/new: the next question is read on its own, not as a follow-up."""
    user_id = update.effective_user.id if update.effective_user else 0
    followup.forget(context.chat_data, user_id)
    await reply(update.effective_message, t("new_topic", client_language(update)))


async def on_inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    st = state(context)
    query = update.inline_query
    text = (query.query or "").strip()
    lang = question_language(update, text)
    if len(text) < MIN_CHARS or len(text) > st.settings.max_question_chars:
        example = usage_example(st.searcher, lang)
        await query.answer([help_result(lang, context.bot.username or "bot", example)], cache_time=3600)
        return
    generation = st.searcher.index.generation.name
    results = st.inline_cache.get(generation, text)
    if results is None:
        results = results_for(await ask(st, text, lang), st.searcher.summary())
        st.inline_cache.put(generation, text, results)
    await query.answer(results, cache_time=300)


# ---- help and everything else ----------------------------------------------------------------------


async def on_help(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start, /help, /about: what the articles cover, with examples from the current index."""
    lang = client_language(update)
    await reply(update.effective_message, about_html(state(context).searcher, lang, context.bot.username or "bot"))


async def on_unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await reply(update.effective_message, t("unknown_command", client_language(update)))


async def on_other_private_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await reply(update.effective_message, t("not_text", client_language(update)))


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log with context; tell the user something went wrong, without internals."""
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("error while handling update %s", update_id, exc_info=context.error)
    if isinstance(update, Update) and update.effective_message is not None:
        try:
            await reply(update.effective_message, t("error", client_language(update)))
        except Exception:
            log.exception("could not tell the user about the error")
