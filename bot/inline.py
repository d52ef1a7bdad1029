"""Inline mode: results for '@bot question' and a cache of them that lives as long as the index it came from."""

from __future__ import annotations

import re
from collections import OrderedDict
from html import escape, unescape

from telegram import InlineQueryResultArticle, InputTextMessageContent
from telegram.constants import InlineQueryLimit, InlineQueryResultLimit

from bot.i18n import t
from bot.render import MAX_TEXT, answer_messages, passage_html, sentence_start
from retrieval.search import Answer, CorpusSummary
from retrieval.text import fold
from retrieval.wording import date_label, lead

MIN_CHARS = 3
MAX_RESULTS = min(5, int(InlineQueryLimit.RESULTS))
TITLE_CHARS = 80
DESCRIPTION_CHARS = 150
CACHE_SIZE = 512


class InlineCache:
    """Results by normalised query, for one index generation: a different generation empties it."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self._size = size
        self._generation: str | None = None
        self._results: OrderedDict[str, list[InlineQueryResultArticle]] = OrderedDict()

    @staticmethod
    def key(query: str) -> str:
        return " ".join(fold(query).split())

    def get(self, generation: str, query: str) -> list[InlineQueryResultArticle] | None:
        if generation != self._generation:  # the served index changed: every cached answer is stale
            self._results.clear()
            self._generation = generation
            return None
        key = self.key(query)
        results = self._results.get(key)
        if results is not None:
            self._results.move_to_end(key)
        return results

    def put(self, generation: str, query: str, results: list[InlineQueryResultArticle]) -> None:
        if generation != self._generation:
            self._results.clear()
            self._generation = generation
        self._results[self.key(query)] = results
        while len(self._results) > self._size:
            self._results.popitem(last=False)

    def __len__(self) -> int:
        return len(self._results)


def help_result(lang: str, username: str, example: str) -> InlineQueryResultArticle:
    text = t("inline_help_text", lang, username=username, example=example)
    return InlineQueryResultArticle(
        id="help",
        title=t("inline_help_title", lang),
        description=text,
        input_message_content=InputTextMessageContent(escape(text)),
    )


def results_for(answer: Answer, summary: CorpusSummary) -> list[InlineQueryResultArticle]:
    """One result per passage: title = start of the answering sentence, description = date and source."""
    if not answer.answerable:
        body = answer_messages(answer, summary)[0]
        # a partner named only in passing, a signing only proposed: the result says so, and its message quotes the mentions
        title = lead(answer).rstrip(":") if answer.passages else t("inline_nothing", answer.lang)
        return [
            InlineQueryResultArticle(
                id="none",
                title=sentence_start(title, TITLE_CHARS),
                description=sentence_start(_plain(body), DESCRIPTION_CHARS),
                input_message_content=InputTextMessageContent(body),
            )
        ]
    results: list[InlineQueryResultArticle] = []
    titles: set[str] = set()
    question = f"<b>{escape(answer.question)}</b>"
    for passage in answer.passages:
        title = sentence_start(passage.best_sentence or passage.text, TITLE_CHARS)
        if title in titles:  # two results that look the same are one too many
            continue
        titles.add(title)
        body = passage_html(passage, None, answer.lang, budget=MAX_TEXT - len(question) - 2)
        results.append(
            InlineQueryResultArticle(
                id=passage.chunk_id[: int(InlineQueryResultLimit.MAX_ID_LENGTH)],
                title=title,
                description=sentence_start(f"{date_label(passage, answer.lang)} · {passage.title}", DESCRIPTION_CHARS),
                input_message_content=InputTextMessageContent(f"{question}\n\n{body}"),
            )
        )
        if len(results) == MAX_RESULTS:
            break
    return results


def _plain(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))
