"""`python -m bot`: long polling, or a webhook when WEBHOOK_URL is set."""

from __future__ import annotations

import logging
import sys

from bot.app import build_application
from bot.logs import configure_logging, redact_secret
from bot.settings import BotSettings
from bot.webhook import ALLOWED_UPDATES, webhook_options
from retrieval.config import SettingError
from retrieval.embedders import build_embedder
from retrieval.generations import IndexBusy
from retrieval.reader import open_or_build
from retrieval.search import Searcher


def main() -> int:
    try:
        settings = BotSettings.from_env()
    except SettingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    configure_logging(settings.token)
    try:
        embedder = build_embedder(
            settings.retrieval.embedding_model, settings.retrieval.query_prompt, settings.retrieval.passage_prompt
        )
        r = settings.retrieval
        index, report = open_or_build(r.articles_dir, r.index_dir, embedder, hnsw_threshold=r.hnsw_threshold)
    except (OSError, IndexBusy, ValueError) as exc:
        print(f"error: could not open the index: {exc}", file=sys.stderr)
        return 2
    logging.getLogger(__name__).info("index ready: %s", report.summary())
    searcher = Searcher(index, embedder)
    searcher.warm_up()  # before polling starts, so that the first user does not wait for it
    application = build_application(settings, searcher, embedder)
    if settings.webhook_url:
        options = webhook_options(settings)
        redact_secret(options["secret_token"])
        application.run_webhook(**options)
    else:
        application.run_polling(allowed_updates=ALLOWED_UPDATES)
    return 0


if __name__ == "__main__":
    sys.exit(main())
