"""Ordinal numbers of events: 'lần thứ 2', 'kỳ họp thứ 80', 'the third dialogue', 'ASEANAPOL's 39th'.

A question about 'the fifth dialogue' is not answered by an article about the second: ordinals name
which occurrence of a recurring event is meant. Written as digits or as number words, in both
languages; in Vietnamese only after a word that counts occurrences, since 'thứ' alone is ambiguous
once folded ('thư', 'thủ').
"""

from __future__ import annotations

import re

from retrieval.text import fold

_VI_NUMBERS = {
    "nhat": 1, "mot": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
    "muoi": 10,
}  # fmt: skip
_EN_ORDINALS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
}  # fmt: skip
# 'lần thứ 2', 'kỳ họp thứ 80', 'khóa thứ ba', 'phiên thứ nhất' (folded)
_VI_ORDINAL = re.compile(r"\b(?:lan|khoa|phien|hop|vong) thu (\d{1,3}|" + "|".join(_VI_NUMBERS) + r")\b")
_EN_ORDINAL = re.compile(r"\b(?:(\d{1,3})(?:st|nd|rd|th)|(" + "|".join(_EN_ORDINALS) + r"))\b")
# 'first' only as a determiner's ordinal of an occurrence ('the first dialogue', 'its first round'), not
# as an adverb ('when did they first meet?') nor of a time ('the first time', 'the first half')
_EN_FIRST = re.compile(r"\b(?:the|its|their) first\b(?! (?:time|half|quarter|day|week|month|year|place)\b)")


def ordinals(text: str) -> frozenset[int]:
    """The ordinal numbers `text` names, in either language, with or without diacritics."""
    folded = fold(text)
    found = set()
    for m in _VI_ORDINAL.finditer(folded):
        value = m.group(1)
        found.add(int(value) if value.isdigit() else _VI_NUMBERS[value])
    for m in _EN_ORDINAL.finditer(folded):
        found.add(int(m.group(1)) if m.group(1) else _EN_ORDINALS[m.group(2)])
    if _EN_FIRST.search(folded):
        found.add(1)
    return frozenset(found)
