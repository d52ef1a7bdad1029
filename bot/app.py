"""Building the python-telegram-bot Application: one handler per job, an error handler, commands."""

from __future__ import annotations

from telegram import BotCommand
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot import handlers
from bot.admin import Reindexer
from bot.limits import RateLimiter
from bot.settings import BotSettings
from retrieval.embedders import Embedder
from retrieval.search import Searcher

COMMANDS = {
    "vi": [("ask", "Hỏi về hợp tác an ninh"), ("help", "Cách dùng"), ("start", "Giới thiệu")],
    "en": [("ask", "Ask about security cooperation"), ("help", "How to use the bot"), ("start", "Introduction")],
}


async def _register_commands(application: Application) -> None:
    for lang, commands in COMMANDS.items():
        await application.bot.set_my_commands([BotCommand(c, d) for c, d in commands], language_code=lang)
    await application.bot.set_my_commands([BotCommand(c, d) for c, d in COMMANDS["en"]])


def build_application(settings: BotSettings, searcher: Searcher, embedder: Embedder) -> Application:
    application = (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(settings.base_url)
        .base_file_url(settings.base_file_url)
        .rate_limiter(AIORateLimiter(max_retries=2))
        .concurrent_updates(True)  # a slow question must not hold up the next user's
        .post_init(_register_commands)
        .build()
    )
    application.bot_data["state"] = handlers.BotState(
        settings=settings,
        searcher=searcher,
        reindexer=Reindexer(searcher, embedder, settings.retrieval),
        limiter=RateLimiter(settings.rate_limit_per_minute),
    )
    private = filters.ChatType.PRIVATE
    application.add_handler(CommandHandler(["start", "help"], handlers.on_start))
    application.add_handler(CommandHandler("ask", handlers.on_ask_command))
    application.add_handler(CommandHandler("reindex", handlers.on_reindex))
    application.add_handler(CommandHandler("stats", handlers.on_stats))
    application.add_handler(MessageHandler(private & filters.TEXT & ~filters.COMMAND, handlers.on_private_text))
    application.add_handler(
        MessageHandler(filters.ChatType.GROUPS & filters.TEXT & ~filters.COMMAND, handlers.on_group_text)
    )
    application.add_handler(MessageHandler(private & filters.Document.ALL, handlers.on_document))
    application.add_handler(InlineQueryHandler(handlers.on_inline_query))
    application.add_handler(MessageHandler(private & filters.COMMAND, handlers.on_unknown_command))
    application.add_handler(
        MessageHandler(private & ~filters.COMMAND & ~filters.TEXT, handlers.on_other_private_message)
    )
    application.add_error_handler(handlers.on_error)
    return application
