"""Which partners each paragraph of an article is about.

A roundup ('… tiếp xúc song phương với lãnh đạo Mozambique, Azerbaijan, Iran, Nam Phi') reports each
meeting in a section whose opening paragraph names the partner ('Tại buổi tiếp Bộ trưởng Bộ Tư pháp
và Hiến pháp Cộng hòa Nam Phi …'); the paragraphs after it say 'hai bên', 'hai Bộ'. A paragraph that
names no partner is about the partners of the last paragraph before it that did. Enumerations name
partners in passing and open no section, and neither do photo captions: pages place a caption
before the paragraph it illustrates or after it.
"""

from __future__ import annotations

from retrieval.partners import named_only_in_lists, partners_in_text
from retrieval.text import has_photo_credit, strip_photo_credits

Span = tuple[int, int, frozenset[str]]


def paragraph_partners(body: str, lang: str) -> list[Span]:
    """(start, end, partners) of each line of `body`: the partners it is about."""
    spans: list[Span] = []
    current: frozenset[str] = frozenset()
    start = 0
    for line in body.split("\n"):
        end = start + len(line)
        is_caption = has_photo_credit(line)
        stripped = strip_photo_credits(line) if is_caption else line
        named = frozenset(key for key in partners_in_text(stripped, lang) if not named_only_in_lists(stripped, key))
        if named and not is_caption:
            current = named
        spans.append((start, end, named if is_caption and named else current))
        start = end + 1
    return spans


def partners_at(spans: list[Span], offset: int) -> frozenset[str]:
    """The partners of the paragraph holding `offset` (an offset in the body)."""
    for start, end, partners in spans:
        if start <= offset <= end:
            return partners
    return frozenset()
