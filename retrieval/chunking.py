"""Cutting articles into passages on paragraph and sentence boundaries.

Paragraphs are the natural unit of a news article; short ones (captions, one-line paragraphs)
join the next, and long ones become overlapping windows of whole sentences. No chunk ever cuts
a sentence, and none spans a separator line ('***', '-----'): it divides the story into parts and is
no text of its own.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from retrieval.articles import Article
from retrieval.headers import is_separator
from retrieval.text import sentence_spans, strip_photo_credits

MAX_CHARS = 900
MIN_PARAGRAPH_CHARS = 200


@dataclass(frozen=True)
class Chunk:
    chunk_id: str
    doc: str
    start: int  # character span in Article.text
    end: int
    text: str  # verbatim slice of the article
    embed_text: str  # what the embedder and the lexical index see: title + text without photo credits

    @property
    def cache_key(self) -> str:
        """Identity of what gets embedded: unchanged passages are never embedded twice."""
        return hashlib.sha256(self.embed_text.encode()).hexdigest()[:32]


def chunk_article(article: Article) -> list[Chunk]:
    spans: list[tuple[int, int]] = []
    for section in _sections(article):
        for start, end in _merge_short(section):
            if end - start <= MAX_CHARS:
                spans.append((start, end))
            else:
                spans.extend(_sentence_windows(article.text, start, end))
    chunks = []
    for start, end in spans:
        text = article.text[start:end]
        cleaned = strip_photo_credits(text)
        if not cleaned:
            continue  # a credit alone is not a passage
        embed_text = f"{article.title}\n{cleaned}" if not text.startswith(article.title) else cleaned
        digest = hashlib.sha256(f"{article.doc}\n{start}\n{text}".encode()).hexdigest()[:16]
        chunks.append(Chunk(digest, article.doc, start, end, text, embed_text))
    return chunks


def _sections(article: Article) -> list[list[tuple[int, int]]]:
    """Spans of the body's paragraphs, in the parts its separator lines divide it into."""
    sections: list[list[tuple[int, int]]] = [[]]
    pos = article.body_start
    for line in article.body.split("\n"):
        stripped = line.strip()
        if is_separator(stripped):
            sections.append([])
        elif stripped:
            lead = len(line) - len(line.lstrip())
            sections[-1].append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return [section for section in sections if section]


def _merge_short(paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a short paragraph to the following one while the result stays under MAX_CHARS."""
    merged: list[tuple[int, int]] = []
    pending: tuple[int, int] | None = None
    for start, end in paragraphs:
        if pending is not None:
            if end - pending[0] <= MAX_CHARS:
                start = pending[0]
            else:
                merged.append(pending)
            pending = None
        if end - start < MIN_PARAGRAPH_CHARS:
            pending = (start, end)
        else:
            merged.append((start, end))
    if pending is not None:
        if merged and pending[1] - merged[-1][0] <= MAX_CHARS:
            merged[-1] = (merged[-1][0], pending[1])
        else:
            merged.append(pending)
    return merged


def _sentence_windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Windows of whole sentences up to MAX_CHARS, each sharing its first sentence with the previous one."""
    sentences = [(start + s, start + e) for s, e in sentence_spans(text[start:end])]
    windows: list[tuple[int, int]] = []
    i = 0
    while i < len(sentences):
        j = i
        while j + 1 < len(sentences) and sentences[j + 1][1] - sentences[i][0] <= MAX_CHARS:
            j += 1
        windows.append((sentences[i][0], sentences[j][1]))
        if j + 1 >= len(sentences):
            break
        i = j if j > i else j + 1  # overlap by one sentence, but always move forward
    return windows
