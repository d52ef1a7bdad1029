"""Answers as Telegram HTML: everything escaped, never over the 4096-character message limit."""

from __future__ import annotations

from html import escape

from retrieval.search import Answer, CorpusSummary, Passage
from retrieval.text import sentence_spans
from retrieval.wording import date_label, decline, lead

MESSAGE_LIMIT = 4096


def answer_html(answer: Answer, summary: CorpusSummary, limit: int = MESSAGE_LIMIT) -> str:
    """Lead line, then each passage as a dated, sourced quote; passages are trimmed to fit."""
    if not answer.answerable:
        return escape(decline(answer, summary))
    head = f"<b>{escape(lead(answer))}</b>"
    blocks = [passage_html(p, i, answer.lang) for i, p in enumerate(answer.passages, 1)]
    message = head
    for i, (block, passage) in enumerate(zip(blocks, answer.passages, strict=True), 1):
        room = limit - len(message) - 2
        if len(block) > room:
            block = passage_html(passage, i, answer.lang, max_quote=room - (len(block) - _quote_len(passage)))
        if len(block) > room or room <= 0:
            break
        message += "\n\n" + block
    return message


def _quote_len(passage: Passage) -> int:
    return len(_quote_html(passage.text, passage.best_sentence))


def passage_html(passage: Passage, number: int | None, lang: str, max_quote: int | None = None) -> str:
    """'[1] 2025-12-03 · Title · source' and the quote with the best sentence in bold."""
    label = f"[{number}] " if number is not None else ""
    source = (
        f'<a href="{escape(passage.url, quote=True)}">{escape(_host(passage.url))}</a>'
        if passage.url
        else escape(passage.doc)
    )
    header = f"<b>{escape(label + date_label(passage, lang))}</b> · <i>{escape(passage.title)}</i> · {source}"
    text = passage.text
    if max_quote is not None:
        text = _trim_to_sentences(passage, max_quote)
    return f"{header}\n<blockquote>{_quote_html(text, passage.best_sentence)}</blockquote>"


def _quote_html(text: str, best: str) -> str:
    at = text.find(best)
    if at < 0 or not best:
        return escape(text)
    return escape(text[:at]) + "<b>" + escape(best) + "</b>" + escape(text[at + len(best) :])


def _trim_to_sentences(passage: Passage, budget: int) -> str:
    """Whole sentences around the best one whose escaped HTML fits `budget` characters."""
    text, best = passage.text, passage.best_sentence
    spans = sentence_spans(text)
    at = text.find(best)
    centre = next((i for i, (s, e) in enumerate(spans) if s <= at < e), 0) if at >= 0 else 0
    lo = hi = centre
    if len(_quote_html(text[spans[lo][0] : spans[hi][1]], best)) > budget:
        return ""  # not even the best sentence fits: the caller drops this passage
    while True:
        grown = False
        for new_lo, new_hi in ((lo, hi + 1), (lo - 1, hi)):
            if new_lo >= 0 and new_hi < len(spans):
                candidate = text[spans[new_lo][0] : spans[new_hi][1]]
                if len(_quote_html(candidate, best)) <= budget:
                    lo, hi, grown = new_lo, new_hi, True
        if not grown:
            return text[spans[lo][0] : spans[hi][1]]


def _host(url: str) -> str:
    rest = url.split("://", 1)[-1]
    return rest.split("/", 1)[0] or url
