"""Stage 7, quote: the article's own sentences around the answering one.

A quote is cut from the article's body, not from the passage that was ranked: passages are an
indexing unit, and a lead paragraph's answer often goes on in the next paragraph ("…held the first
dialogue." / "The two sides discussed…"). The quote keeps the article's line breaks and characters,
and stays within the part of the story its answer is in: it never crosses a separator line ('***').
Quotes of one answer never repeat each other: a passage whose answering sentence is already shown
is dropped, and a quote that would overlap an earlier one of its article stops where that one starts
(or starts where it stops).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from retrieval.answer.rank import SentenceChoice
from retrieval.answer.retrieve import Candidate
from retrieval.headers import is_separator
from retrieval.store import LoadedIndex, PassageRecord
from retrieval.text import grow_window, sentence_spans


@dataclass(frozen=True)
class Quote:
    doc: str
    start: int  # span of the quoted text in the article's body
    end: int
    answer_start: int  # span of the answering sentence, inside [start, end)
    answer_end: int


def quote(doc: str, spans: list[tuple[int, int]], answer_start: int, answer_end: int, limit: int) -> Quote:
    """Whole sentences (`spans`: sentence_spans of the body) around the answer span, within `limit`
    characters where possible."""
    centre = next((i for i, (s, e) in enumerate(spans) if s <= answer_start < e or s >= answer_start), None)
    if centre is None:
        return Quote(doc, answer_start, answer_end, answer_start, answer_end)
    lo, hi = grow_window(spans, centre, lambda a, b: b - a <= limit)
    return Quote(doc, min(spans[lo][0], answer_start), max(spans[hi][1], answer_end), answer_start, answer_end)


def shown_already(candidate: Quote, shown: list[Quote]) -> bool:
    """Is the candidate's answering sentence inside a quote already shown from its article?"""
    return any(
        q.doc == candidate.doc and q.start <= candidate.answer_start and candidate.answer_end <= q.end for q in shown
    )


def clipped(candidate: Quote, shown: list[Quote]) -> Quote:
    """The candidate without the text an earlier quote of its article already shows."""
    start, end = candidate.start, candidate.end
    for q in shown:
        if q.doc != candidate.doc or q.end <= start or end <= q.start:
            continue
        if q.end <= candidate.answer_start:
            start = max(start, q.end)
        elif candidate.answer_end <= q.start:
            end = min(end, q.start)
    return Quote(candidate.doc, start, end, candidate.answer_start, candidate.answer_end)


@functools.lru_cache(maxsize=512)
def body_sentences(body: str) -> list[tuple[int, int]]:
    """Sentence spans of an article body, kept across answers: splitting a long body takes up to
    half a millisecond, and the same few articles answer most questions. Callers do not modify it.
    A separator line is a span (-1, -1), so no quote grows across it (see `section`)."""
    return [(-1, -1) if is_separator(body[s:e]) else (s, e) for s, e in sentence_spans(body)]


def section(spans: list[tuple[int, int]], at: int) -> list[tuple[int, int]]:
    """The sentence spans between the separators around offset `at`."""
    part: list[tuple[int, int]] = []
    for span in spans:
        if span[0] < 0:
            if part and part[-1][1] > at:
                return part
            part = []
        else:
            part.append(span)
    return part


class Quotes:
    """The quotes of one answer: each chosen passage's, cut from its article's body in the index."""

    def __init__(self, index: LoadedIndex, limit: int) -> None:
        self._index = index
        self._limit = limit
        self._found: dict[tuple[int, int], Quote] = {}  # by (passage row, answer start)
        self._shown: list[Quote] = []
        self._bodies: dict[str, tuple[int, str, list[tuple[int, int]]]] = {}  # offset, body, its sentences

    def _body(self, record: PassageRecord) -> tuple[int, str, list[tuple[int, int]]]:
        if record.doc not in self._bodies:
            offset, body = self._index.article_body(record.doc) or (record.start, record.text)
            self._bodies[record.doc] = (offset, body, body_sentences(body))
        return self._bodies[record.doc]

    def _quote(self, cand: Candidate, choice: SentenceChoice) -> Quote:
        key = (cand.passage.row, choice.start)
        if key not in self._found:
            offset, _, spans = self._body(cand.passage)
            at = cand.passage.start - offset  # where the passage starts in the body
            start, end = at + choice.start, at + choice.end
            self._found[key] = quote(cand.passage.doc, section(spans, start), start, end, self._limit)
        return self._found[key]

    def repeats(self, pair: tuple[Candidate, SentenceChoice], shown: tuple[Candidate, SentenceChoice]) -> bool:
        """decide.Repeats: is the pair's answering sentence inside the quote of one already chosen?"""
        return shown_already(self._quote(*pair), [self._quote(*shown)])

    def shown(self, cand: Candidate, choice: SentenceChoice) -> str:
        """The quoted text, in the order passages are shown: none repeats an earlier one."""
        found = clipped(self._quote(cand, choice), self._shown)
        self._shown.append(found)
        return self._body(cand.passage)[1][found.start : found.end].strip()
