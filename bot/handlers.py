"""One async function per job. Each turns a Telegram update into a question or an admin action."""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from html import escape

from telegram import (
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
    Message,
    Update,
)
from telegram.constants import ChatAction, MessageEntityType, ParseMode
from telegram.ext import ContextTypes

from bot import messages
from bot.admin import Reindexer, UploadRejected, save_article
from bot.limits import AnswerStats, RateLimiter
from bot.render import answer_html, passage_html
from bot.settings import BotSettings
from retrieval.generations import IndexBusy
from retrieval.lang import detect_language
from retrieval.search import Answer, Searcher
from retrieval.text import fold
from retrieval.wording import date_label

log = logging.getLogger(__name__)
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
INLINE_CACHE_SIZE = 512
INLINE_MIN_CHARS = 3


@dataclass
class BotState:
    """Everything the handlers share; built once at start and kept in `application.bot_data`."""

    settings: BotSettings
    searcher: Searcher
    reindexer: Reindexer
    limiter: RateLimiter
    stats: AnswerStats = field(default_factory=AnswerStats)
    inline_cache: OrderedDict[str, list[InlineQueryResultArticle]] = field(default_factory=OrderedDict)
    started: float = field(default_factory=time.time)


def state(context: ContextTypes.DEFAULT_TYPE) -> BotState:
    return context.bot_data["state"]


def _lang(update: Update, text: str | None = None) -> str:
    if text and text.strip():
        return detect_language(text)
    user = update.effective_user
    return messages.user_language(user.language_code if user else None)


async def _reply(message: Message, html: str) -> None:
    await message.reply_text(html, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW)


# ---- questions ------------------------------------------------------------------------------------


async def answer_question(update: Update, context: ContextTypes.DEFAULT_TYPE, question: str) -> None:
    """Checks, then search off the event loop, then one HTML reply."""
    st = state(context)
    message = update.effective_message
    question = question.strip()
    lang = _lang(update, question)
    if len(question) > st.settings.max_question_chars:
        await _reply(
            message, messages.text("too_long", lang, length=len(question), limit=st.settings.max_question_chars)
        )
        return
    wait = st.limiter.check(update.effective_user.id if update.effective_user else 0)
    if wait:
        await _reply(message, messages.text("rate_limited", lang, seconds=wait))
        return
    await context.bot.send_chat_action(update.effective_chat.id, ChatAction.TYPING)
    answer = await ask(st, question)
    await _reply(message, answer_html(answer, st.searcher.summary()))


async def ask(st: BotState, question: str) -> Answer:
    answer = await asyncio.to_thread(st.searcher.ask, question, st.settings.retrieval.top_k)
    st.stats.record(answer.seconds)
    log.info(
        "question lang=%s latency_ms=%.0f top=%.3f coverage=%.2f %s",
        answer.lang,
        answer.seconds * 1000,
        answer.top_score,
        answer.coverage,
        "answered" if answer.answerable else f"declined:{answer.decline_reason}",
    )
    return answer


async def on_private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await answer_question(update, context, update.effective_message.text or "")


async def on_ask_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    question = " ".join(context.args or [])
    if not question.strip():
        await _reply(update.effective_message, messages.text("ask_usage", _lang(update)))
        return
    await answer_question(update, context, question)


async def on_group_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In groups: answer only when mentioned or replied to; otherwise stay silent."""
    message = update.effective_message
    text = message.text or ""
    username = (context.bot.username or "").lower()
    mentioned = any(
        entity.type == MessageEntityType.MENTION and value.lstrip("@").lower() == username
        for entity, value in message.parse_entities([MessageEntityType.MENTION]).items()
    )
    replied_to_bot = bool(
        message.reply_to_message
        and message.reply_to_message.from_user
        and message.reply_to_message.from_user.id == context.bot.id
    )
    if not (mentioned or replied_to_bot):
        return
    question = " ".join(w for w in text.split() if w.lstrip("@").lower() != username)
    if question.strip():
        await answer_question(update, context, question)


async def on_other_private_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _reply(update.effective_message, messages.text("not_text", _lang(update)))


async def on_inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    st = state(context)
    query = update.inline_query
    text = (query.query or "").strip()
    lang = _lang(update, text if len(text) >= INLINE_MIN_CHARS else None)
    username = context.bot.username or "bot"
    if len(text) < INLINE_MIN_CHARS or len(text) > st.settings.max_question_chars:
        help_text = messages.text("inline_help_text", lang, username=username)
        results = [
            InlineQueryResultArticle(
                id="help",
                title=messages.text("inline_help_title", lang),
                description=help_text,
                input_message_content=InputTextMessageContent(escape(help_text), parse_mode=ParseMode.HTML),
            )
        ]
        await query.answer(results, cache_time=3600)
        return
    key = " ".join(fold(text).split())
    results = st.inline_cache.get(key)
    if results is None:
        results = _inline_results(await ask(st, text), st)
        st.inline_cache[key] = results
        if len(st.inline_cache) > INLINE_CACHE_SIZE:
            st.inline_cache.popitem(last=False)
    else:
        st.inline_cache.move_to_end(key)
    await query.answer(results, cache_time=300)


def _inline_results(answer: Answer, st: BotState) -> list[InlineQueryResultArticle]:
    if not answer.answerable:
        body = answer_html(answer, st.searcher.summary())
        return [
            InlineQueryResultArticle(
                id="none",
                title=messages.text("inline_nothing", answer.lang),
                description=body[:200],
                input_message_content=InputTextMessageContent(body, parse_mode=ParseMode.HTML),
            )
        ]
    results = []
    for passage in answer.passages[:5]:
        quote = f"<b>{escape(answer.question)}</b>\n\n" + passage_html(passage, None, answer.lang)
        results.append(
            InlineQueryResultArticle(
                id=passage.chunk_id[:64],
                title=f"{date_label(passage, answer.lang)} · {passage.title}"[:200],
                description=passage.text[:150],
                input_message_content=InputTextMessageContent(
                    quote[:4096], parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW
                ),
            )
        )
    return results


# ---- help and commands ------------------------------------------------------------------------------


async def on_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    st = state(context)
    summary = st.searcher.summary()
    span = f"{summary.first.iso()} – {summary.last.iso()}" if summary.first and summary.last else "—"
    lang = _lang(update)
    await _reply(
        update.effective_message,
        messages.text("help", lang, articles=summary.articles, span=span, username=context.bot.username or "bot"),
    )


async def on_unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _reply(update.effective_message, messages.text("unknown_command", _lang(update)))


# ---- admin --------------------------------------------------------------------------------------------


async def _admin_only(update: Update, context: ContextTypes.DEFAULT_TYPE, action: str) -> bool:
    """True for an admin; anyone else gets a polite refusal, and the attempt is logged."""
    user = update.effective_user
    if user is not None and user.id in state(context).settings.admin_ids:
        return True
    log.warning("refused %s for non-admin user id=%s", action, user.id if user else None)
    await _reply(update.effective_message, messages.text("not_admin", _lang(update)))
    return False


async def on_reindex(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    st = state(context)
    lang = _lang(update)
    message = update.effective_message
    if not await _admin_only(update, context, "/reindex"):
        return
    if st.reindexer.busy:
        await _reply(message, messages.text("reindex_busy", lang))
        return
    await _reply(message, messages.text("reindex_started", lang))
    await _run_reindex(message, st, lang)


async def _run_reindex(message: Message, st: BotState, lang: str) -> None:
    try:
        report = await st.reindexer.run()
    except IndexBusy:
        await _reply(message, messages.text("reindex_busy", lang))
        return
    except Exception as exc:  # the build failed: the old index keeps serving, the admin hears why
        log.exception("re-index failed")
        await _reply(message, messages.text("reindex_failed", lang, error=escape(type(exc).__name__ + ": " + str(exc))))
        return
    reply = messages.text(
        "reindex_done",
        lang,
        articles=report.articles,
        chunks=report.chunks,
        new=report.new_embeddings,
        seconds=report.seconds,
    )
    if report.skipped:
        reply += "\n" + messages.text("skipped_files", lang, files=escape(", ".join(report.skipped)))
    await _reply(message, reply)


async def on_stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    st = state(context)
    lang = _lang(update)
    if not await _admin_only(update, context, "/stats"):
        return
    summary = st.searcher.summary()
    age_s = time.time() - st.searcher.index.generation.stat().st_mtime
    p50, p95 = st.stats.percentiles_ms()
    await _reply(
        update.effective_message,
        messages.text(
            "stats",
            lang,
            articles=summary.articles,
            chunks=summary.chunks,
            created=escape(summary.created),
            age=f"{age_s / 60:.0f} min",
            embedder=escape(summary.embedder),
            answered=st.stats.answered,
            p50=p50,
            p95=p95,
        ),
    )


async def on_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An admin's .txt document becomes an article, indexed incrementally."""
    st = state(context)
    lang = _lang(update)
    message = update.effective_message
    if not await _admin_only(update, context, "article upload"):
        return
    document = message.document
    limit = st.settings.max_upload_bytes
    reason = None
    if not (document.file_name or "").lower().endswith(".txt"):
        reason = messages.text("upload_not_txt", lang)
    elif document.file_size is not None and document.file_size > limit:
        reason = messages.text("upload_too_large", lang, limit=limit)
    data = b""
    if reason is None:
        try:
            telegram_file = await document.get_file()
            data = bytes(await telegram_file.download_as_bytearray())
        except Exception:
            log.exception("document download failed")
            reason = messages.text("upload_download_failed", lang)
    if reason is None and len(data) > limit:
        reason = messages.text("upload_too_large", lang, limit=limit)
    if reason is None:
        try:
            saved = await asyncio.to_thread(save_article, st.settings.retrieval.articles_dir, document.file_name, data)
        except UploadRejected as exc:
            reason = str(exc)
    if reason is not None:
        await _reply(message, messages.text("upload_rejected", lang, reason=escape(reason)))
        return
    date = saved.article.date.iso() if saved.article.date else messages.text("no_date", lang)
    before = st.searcher.index.chunk_count
    try:
        await st.reindexer.run()
    except IndexBusy:
        await _reply(message, messages.text("reindex_busy", lang))
        return
    added = st.searcher.index.chunk_count - before
    await _reply(message, messages.text("upload_ok", lang, name=escape(saved.path.name), chunks=added, date=date))


# ---- errors --------------------------------------------------------------------------------------------


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log with context; tell the user something went wrong, without internals."""
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("error while handling update %s", update_id, exc_info=context.error)
    if isinstance(update, Update) and update.effective_message is not None:
        try:
            await _reply(update.effective_message, messages.text("error", _lang(update)))
        except Exception:
            log.exception("could not tell the user about the error")
