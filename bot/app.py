"""Building the python-telegram-bot Application: Defaults, persistence, one handler per job, an error handler."""

from __future__ import annotations

from telegram import BotCommand, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    PersistenceInput,
    PicklePersistence,
    filters,
)

from bot import admin_handlers, handlers
from bot.admin import Reindexer
from bot.i18n import LANGS, MENU, t
from bot.limits import FloodGate
from bot.settings import BotSettings
from retrieval.embedders import Embedder
from retrieval.search import Searcher

# Replies are HTML built by bot.render, quote the question they answer, and show no link previews.
DEFAULTS = Defaults(
    parse_mode=ParseMode.HTML,
    link_preview_options=LinkPreviewOptions(is_disabled=True),
    do_quote=True,
)


async def _register_commands(application: Application) -> None:
    for lang in LANGS:
        commands = [BotCommand(c, t(f"cmd_{c}", lang)) for c in MENU]
        await application.bot.set_my_commands(commands, language_code=lang)
    await application.bot.set_my_commands([BotCommand(c, t(f"cmd_{c}", "en")) for c in MENU])


def _persistence(settings: BotSettings) -> PicklePersistence:
    """Only chat_data (follow-up context) is kept across restarts; bot_data holds live objects."""
    path = settings.state_path
    path.parent.mkdir(parents=True, exist_ok=True)
    return PicklePersistence(
        filepath=path,
        store_data=PersistenceInput(bot_data=False, chat_data=True, user_data=False, callback_data=False),
        update_interval=30,
    )


def build_application(settings: BotSettings, searcher: Searcher, embedder: Embedder) -> Application:
    application = (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(settings.base_url)
        .base_file_url(settings.base_file_url)
        .defaults(DEFAULTS)
        .persistence(_persistence(settings))
        .rate_limiter(AIORateLimiter(max_retries=2))
        .concurrent_updates(True)  # a slow question must not hold up the next user's
        .post_init(_register_commands)
        .build()
    )
    application.bot_data["state"] = handlers.BotState(
        settings=settings,
        searcher=searcher,
        reindexer=Reindexer(searcher, embedder, settings.retrieval),
        gate=FloodGate(settings.rate_limit, settings.rate_window_seconds),
    )
    private, groups = filters.ChatType.PRIVATE, filters.ChatType.GROUPS
    application.add_handler(CommandHandler(["start", "help", "about"], handlers.on_help))
    application.add_handler(CommandHandler("ask", handlers.on_ask_command))
    application.add_handler(CommandHandler("new", handlers.on_new))
    application.add_handler(CommandHandler("reindex", admin_handlers.on_reindex))
    application.add_handler(CommandHandler("stats", admin_handlers.on_stats))
    application.add_handler(MessageHandler(private & filters.TEXT & ~filters.COMMAND, handlers.on_private_text))
    application.add_handler(MessageHandler(groups & filters.TEXT & ~filters.COMMAND, handlers.on_group_text))
    application.add_handler(MessageHandler(private & filters.Document.ALL, admin_handlers.on_document))
    application.add_handler(InlineQueryHandler(handlers.on_inline_query))
    application.add_handler(MessageHandler(private & filters.COMMAND, handlers.on_unknown_command))
    application.add_handler(
        MessageHandler(private & ~filters.COMMAND & ~filters.TEXT, handlers.on_other_private_message)
    )
    application.add_error_handler(handlers.on_error)
    return application
