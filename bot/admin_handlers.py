"""Handlers for admins: /reindex (with progress), /stats, and adding articles by uploading a .txt file."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from html import escape

from telegram import Message, Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.admin import DuplicateArticle, ProgressRelay, UploadRejected, save_article
from bot.handlers import BotState, client_language, reply, state
from bot.i18n import t
from bot.render import sentence_start
from retrieval.generations import BuildReport
from retrieval.wording import word

log = logging.getLogger(__name__)
TITLE_CHARS = 120


async def _admin_only(update: Update, context: ContextTypes.DEFAULT_TYPE, action: str, refusal: str) -> bool:
    """True for an admin; anyone else gets `refusal` (a catalogue key), and the attempt is logged."""
    user = update.effective_user
    if user is not None and user.id in state(context).settings.admin_ids:
        return True
    log.warning("refused %s for non-admin user id=%s", action, user.id if user else None)
    await reply(update.effective_message, t(refusal, client_language(update)))
    return False


async def on_reindex(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    st = state(context)
    lang = client_language(update)
    message = update.effective_message
    if not await _admin_only(update, context, "/reindex", "not_admin"):
        return
    if not st.reindexer.claim():  # taken before any await: a second /reindex can never slip in
        await reply(message, t("reindex_busy", lang))
        return
    try:
        status = await reply(message, t("reindex_started", lang))
        report = await _build_with_progress(st, status, lang)
    finally:
        st.reindexer.release()
    if report is not None:
        await reply(message, _done_text(report, lang))


async def _build_with_progress(st: BotState, status: Message, lang: str) -> BuildReport | None:
    relay = ProgressRelay(asyncio.get_running_loop())
    ticker = asyncio.create_task(_show_progress(status, relay, lang, st.progress_every_s))
    try:
        return await st.reindexer.run(relay)
    except Exception as exc:  # the build failed: the old index keeps serving, the admin hears why
        log.exception("re-index failed")
        await reply(status, t("reindex_failed", lang, error=escape(f"{type(exc).__name__}: {exc}")))
        return None
    finally:
        ticker.cancel()


async def _show_progress(status: Message, relay: ProgressRelay, lang: str, every: float) -> None:
    """Edit the status message with the latest progress every `every` seconds, only when it moved."""
    shown = None
    while True:
        await asyncio.sleep(every)
        if relay.latest is not None and relay.latest != shown:
            shown = relay.latest
            with contextlib.suppress(TelegramError):  # a failed edit must not stop the build
                await status.edit_text(t("reindex_progress", lang, done=shown[0], total=shown[1]))


def _done_text(report: BuildReport, lang: str) -> str:
    text = t(
        "reindex_done",
        lang,
        articles=report.articles,
        chunks=report.chunks,
        new=report.new_embeddings,
        seconds=f"{report.seconds:.1f}",
    )
    return text + _skipped_text(report.skipped, lang)


def _skipped_text(skipped: dict[str, str], lang: str) -> str:
    """'Skipped: a.txt (the file is binary, not text), …' or nothing."""
    if not skipped:
        return ""
    files = ", ".join(f"{name} ({why})" for name, why in skipped.items())
    return "\n" + t("skipped_files", lang, files=escape(files))


async def on_stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    st = state(context)
    if not await _admin_only(update, context, "/stats", "not_admin"):
        return
    lang = client_language(update)
    summary = st.searcher.summary()
    age_s = time.time() - st.searcher.index.generation.stat().st_mtime
    p50, p95 = st.stats.percentiles_ms()
    await reply(
        update.effective_message,
        t(
            "stats",
            lang,
            articles=summary.articles,
            chunks=summary.chunks,
            created=escape(summary.created),
            age=f"{age_s / 60:.0f}",
            embedder=escape(summary.embedder),
            answered=st.stats.answered,
            p50=p50,
            p95=p95,
        )
        + _skipped_text(summary.skipped, lang),
    )


async def on_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An admin's .txt document becomes an article (or replaces the one of the same name), indexed at once."""
    st = state(context)
    lang = client_language(update)
    message = update.effective_message
    if not await _admin_only(update, context, "article upload", "upload_not_admin"):
        return
    try:
        data = await _download(message, st.settings.max_upload_bytes)
        saved = await asyncio.to_thread(
            save_article, st.settings.retrieval.articles_dir, message.document.file_name, data
        )
    except UploadRejected as exc:
        reason = t(exc.reason, lang, **exc.values)
        await reply(message, t("upload_rejected", lang, reason=escape(reason)))
        return
    except DuplicateArticle as exc:
        title, date = _describe(exc.article.title if exc.article else exc.doc, exc.article, lang)
        await reply(message, t("upload_duplicate", lang, title=title, date=date))
        return
    before = st.searcher.index.passage_count
    await st.reindexer.run()  # waits for a running /reindex, then picks this article up
    title, date = _describe(saved.article.title, saved.article, lang)
    if saved.replaced:
        text = t("upload_replaced", lang, title=title, date=date, total=st.searcher.index.passage_count)
    else:
        text = t("upload_ok", lang, title=title, date=date, chunks=st.searcher.index.passage_count - before)
    await reply(message, text)


async def _download(message: Message, limit: int) -> bytes:
    document = message.document
    if not (document.file_name or "").lower().endswith(".txt"):
        raise UploadRejected("upload_not_txt")
    if document.file_size is not None and document.file_size > limit:
        raise UploadRejected("upload_too_large", limit=limit)
    try:
        telegram_file = await document.get_file()
        data = bytes(await telegram_file.download_as_bytearray())
    except TelegramError:
        log.exception("document download failed")
        raise UploadRejected("upload_download_failed") from None
    if len(data) > limit:
        raise UploadRejected("upload_too_large", limit=limit)
    return data


def _describe(title: str, article: object, lang: str) -> tuple[str, str]:
    """An article's headline and date, escaped, for a reply (never its file name unless nothing else is known)."""
    date = getattr(article, "date", None)
    label = date.iso() if date is not None else word("no_date", lang)
    return escape(sentence_start(title, TITLE_CHARS)), escape(label)
