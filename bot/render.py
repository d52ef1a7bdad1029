"""Answers as Telegram HTML messages.

Every tag is built whole by `_tag` from already-escaped parts, and an empty part yields no tag,
so a message can never hold an empty or unbalanced tag. Long answers are split between passages,
each message within Telegram's limit.
"""

from __future__ import annotations

from html import escape

from telegram.constants import MessageLimit

from retrieval.search import Answer, CorpusSummary, Passage
from retrieval.text import grow_window, sentence_spans
from retrieval.wording import date_label, decline, lead, published_label, word

MAX_TEXT = int(MessageLimit.MAX_TEXT_LENGTH)
ELLIPSIS = "…"


def _tag(name: str, inner_html: str, **attrs: str) -> str:
    """<name attrs>inner</name>, or '' when there is nothing inside."""
    if not inner_html:
        return ""
    rendered = "".join(f' {k}="{escape(v, quote=True)}"' for k, v in attrs.items())
    return f"<{name}{rendered}>{inner_html}</{name}>"


def answer_messages(answer: Answer, summary: CorpusSummary, limit: int = MAX_TEXT) -> list[str]:
    """One or more HTML messages: what a follow-up was taken as, the lead, then dated, sourced quotes."""
    head = []
    if answer.understood:
        head.append(_tag("i", escape(word("understood", answer.lang, what=answer.understood))))
    if not answer.passages:
        return [_join([*head, escape(decline(answer, summary))])]
    head.append(_tag("b", escape(lead(answer))))
    blocks = [passage_html(p, i, answer.lang, budget=limit) for i, p in enumerate(answer.passages, 1)]
    return pack([_join(head), *blocks], limit)


def pack(parts: list[str], limit: int = MAX_TEXT) -> list[str]:
    """Whole parts joined by blank lines into as few messages as fit; parts are never cut."""
    messages: list[str] = []
    current = ""
    for part in filter(None, parts):
        joined = f"{current}\n\n{part}" if current else part
        if len(joined) <= limit:
            current = joined
            continue
        if current:
            messages.append(current)
        current = part
    if current:
        messages.append(current)
    return messages


def _join(parts: list[str]) -> str:
    return "\n".join(p for p in parts if p)


def source_html(passage: Passage, number: int | None, lang: str) -> str:
    """'[1] 2025-05-29 (published 2025-05-30) · Headline' with the headline linked when the URL is known."""
    label = f"[{number}] " if number is not None else ""
    dated = _tag("b", escape(label + date_label(passage, lang)))
    if published := published_label(passage, lang):
        dated += f" ({escape(published)})"
    title = escape(passage.title)
    headline = _tag("a", title, href=passage.url) if passage.url else _tag("i", title)
    return " · ".join(p for p in (dated, headline) if p)


def passage_html(passage: Passage, number: int | None, lang: str, budget: int = MAX_TEXT) -> str:
    """The source line and the quote, the answering sentence in bold; trimmed to whole sentences to fit."""
    header = source_html(passage, number, lang)
    room = budget - len(header) - len("\n<blockquote></blockquote>")
    quote = _quote_html(passage.text, passage.best_sentence)
    if len(quote) > room:
        quote = _quote_html(_trim_to_sentences(passage, room), passage.best_sentence)
    if not quote or len(quote) > room:  # not even the answering sentence fits: cut it, escaping after
        quote = _tag("b", escape(_cut(passage.best_sentence or passage.text, room)))
    return _join([header, _tag("blockquote", quote)])


def _cut(text: str, budget: int) -> str:
    """A prefix whose escaped form fits `budget`, ending in an ellipsis when shortened."""
    if len(escape(text)) + 7 <= budget:
        return text
    cut = text[: max(0, budget - 8)]
    while cut and len(escape(cut)) + 8 > budget:
        cut = cut[:-1]
    return cut.rstrip() + ELLIPSIS if cut else ""


def _quote_html(text: str, best: str) -> str:
    at = text.find(best) if best else -1
    if at < 0:
        return escape(text)
    return escape(text[:at]) + _tag("b", escape(best)) + escape(text[at + len(best) :])


def _trim_to_sentences(passage: Passage, budget: int) -> str:
    """Whole sentences around the answering one whose HTML fits `budget`; '' if even it does not."""
    text, best = passage.text, passage.best_sentence
    spans = sentence_spans(text) or [(0, len(text))]
    at = text.find(best)
    centre = next((i for i, (s, e) in enumerate(spans) if s <= at < e), 0) if at >= 0 else 0

    def fits(start: int, end: int) -> bool:
        return len(_quote_html(text[start:end], best)) <= budget

    if not fits(*spans[centre]):
        return ""
    lo, hi = grow_window(spans, centre, fits)
    return text[spans[lo][0] : spans[hi][1]]


def sentence_start(text: str, limit: int) -> str:
    """The start of a sentence for a one-line title: whole words, an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return (cut or text[: limit - 1]) + ELLIPSIS
