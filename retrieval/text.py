"""Vietnamese-aware text handling: normalisation, diacritic folding, tokens and sentences.

Everything that compares text (lexical index, query analysis, entity lookup, evaluation) goes
through these functions, so the index and the questions always agree on what a word is.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Sequence

# The five Vietnamese tone marks as combining characters (grave, acute, tilde, hook above, dot below).
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_WORD_RE = re.compile(r"\w+", re.UNICODE)
_PHOTO_CREDIT_RE = re.compile(
    r"\(\s*Ảnh\s*:[^()\n]{0,80}\)"  # "(Ảnh: Doãn Tấn/TTXVN)"
    r"|Ảnh\s*:[^\n.]{0,80}?(?=\n|$)",  # "Ảnh: Phạm Kiên - TTXVN" at the end of a line
    re.MULTILINE,
)


def normalize(text: str) -> str:
    """NFC with canonical tone-mark placement, so 'hòa' and 'hoà' become the same string."""
    text = unicodedata.normalize("NFC", text)
    return _WORD_RE.sub(lambda m: canonical_tones(m.group(0)), text)


def canonical_tones(word: str) -> str:
    """Put a word's tone mark on the vowel chosen by the modern ('new style') rule.

    Both placements occur in real articles ('Ủy'/'Uỷ', 'túy'/'tuý'); picking one rule for index
    and queries makes them compare equal.
    """
    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in _TONE_MARKS]
    if len(tones) != 1 or not _marks_a_vowel(decomposed, decomposed.index(tones[0])):
        # not one Vietnamese tone: a tilde on a consonant is Spanish ('Año', 'España'), never moved
        return unicodedata.normalize("NFC", word)
    bare = "".join(c for c in decomposed if c not in _TONE_MARKS)
    bare_nfc = unicodedata.normalize("NFC", bare)
    target = _tone_position(bare_nfc)
    if target is None:
        return unicodedata.normalize("NFC", word)
    marked = bare_nfc[: target + 1] + tones[0] + bare_nfc[target + 1 :]
    return unicodedata.normalize("NFC", marked)


def _marks_a_vowel(decomposed: str, at: int) -> bool:
    """Does the combining mark at `at` of an NFD string sit on a vowel letter?"""
    base = next((c for c in reversed(decomposed[:at]) if not unicodedata.combining(c)), "")
    return base in _BARE_VOWELS


_BARE_VOWELS = set("aeiouyAEIOUY")
_VOWELS = set("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")
_MODIFIED_VOWELS = set("ăâêôơưĂÂÊÔƠƯ")


def _tone_position(syllable: str) -> int | None:
    """Index of the vowel that carries the tone under the modern rule, or None if not a syllable."""
    idx = [i for i, c in enumerate(syllable) if c in _VOWELS]
    if not idx:
        return None
    lower = syllable.lower()
    # 'qu' and 'gi' onsets: their u/i belong to the consonant when another vowel follows.
    if (lower.startswith("qu") and len(idx) > 1 and idx[0] == 1) or (
        lower.startswith("gi") and len(idx) > 1 and idx[0] == 1
    ):
        idx = idx[1:]
    modified = [i for i in idx if syllable[i] in _MODIFIED_VOWELS]
    if modified:
        return modified[-1]  # 'người': of 'ươ' the mark goes on 'ơ'
    if len(idx) == 1:
        return idx[0]
    ends_with_vowel = idx[-1] == len(syllable) - 1
    if len(idx) == 3 or not ends_with_vowel:
        # 'khuyên', 'toán', 'hoàng': the tone sits on the second vowel of the nucleus.
        return idx[1]
    # Open diphthongs: 'oa', 'oe', 'uy' take the mark on the second vowel; 'ai', 'ao', 'ia', 'ua' on the first.
    pair = lower[idx[0]] + lower[idx[1]]
    return idx[1] if pair in {"oa", "oe", "uy"} else idx[0]


class _WithoutMarks(dict):
    """A str.translate table that deletes nonspacing marks (category Mn), filled in as characters
    are met: translate's lookups stay in C, about twice as fast as filtering character by character."""

    def __missing__(self, codepoint: int) -> int | None:
        kept = None if unicodedata.category(chr(codepoint)) == "Mn" else codepoint
        self[codepoint] = kept
        return kept


_WITHOUT_MARKS = _WithoutMarks()


def fold(text: str) -> str:
    """Lower-case and strip every diacritic ('Hợp tác' -> 'hop tac', 'Đ' -> 'd')."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    return unicodedata.normalize("NFC", text.translate(_WITHOUT_MARKS))


def words(text: str) -> list[str]:
    """Folded word tokens: the unit of lexical matching."""
    return _WORD_RE.findall(fold(text))


def pair_terms(tokens: Sequence[str]) -> list[str]:
    """The lexical terms of adjacent syllables ('cong', 'an' -> 'cong_an')."""
    return [f"{a}_{b}" for a, b in itertools.pairwise(tokens)]


def lexical_terms(tokens: list[str]) -> list[str]:
    """Unigrams plus adjacent bigrams: Vietnamese words are often two syllables ('cong an')."""
    return tokens + pair_terms(tokens)


def word_as_terms(syllables: Sequence[str]) -> list[str]:
    """One word as lexical terms: a one-syllable word itself, a longer one only as its syllable pairs
    (the syllables of 'Thụy Điển' or 'ký kết' alone are other words: 'diễn', 'kết')."""
    return list(syllables) if len(syllables) == 1 else pair_terms(syllables)


@functools.lru_cache(maxsize=32768)
def syllables_and_pairs(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The folded syllables of a stored sentence and the pairs of adjacent ones. The same sentences
    come back question after question, and folding them was a third of an answer's time (about 3 MB
    for the 32k most recent)."""
    tokens = words(text)
    return frozenset(tokens), frozenset(pair_terms(tokens))


def strip_photo_credits(text: str) -> str:
    """Remove 'Ảnh: ...' credits; captions themselves stay."""
    return re.sub(r"[ \t]{2,}", " ", _PHOTO_CREDIT_RE.sub("", text)).strip()


def between_photo_credits(text: str, inside: str) -> str:
    """The stretch of `text` between photo credits that holds `inside`, stripped; `text` whole when
    none does (`inside` is a caption with its credit). A quote that a credit interrupts shows the part
    holding its answer, verbatim: cut out of the middle, the credit left words side by side that the
    article never put together."""
    start = 0
    for credit in _PHOTO_CREDIT_RE.finditer(text):
        if inside in text[start : credit.start()]:
            return text[start : credit.start()].strip()
        start = credit.end()
    return text[start:].strip() if inside in text[start:] else text


def is_photo_credit(text: str) -> bool:
    return not strip_photo_credits(text).strip(" .;,-")


def has_photo_credit(text: str) -> bool:
    """Does `text` carry a photo credit: is it (or does it end) a caption?"""
    return _PHOTO_CREDIT_RE.search(text) is not None


# a full stop (and closing quotes), or a photo credit, which some pages glue to the lead's first
# sentence on one line ('… hai bên. (Ảnh: Doãn Tấn/TTXVN) Chiều 21/10, tại Hà Nội, …')
_SENTENCE_END_RE = re.compile(r"(?:\./\.|[.!?…]+)[\"”»')\]]*(?=\s+|$)|\(\s*Ảnh\s*:[^()\n]{0,80}\)(?=\s+|$)")
_INITIAL_RE = re.compile(r"(?:^|[\s.])[A-ZĐ]$")  # "T." and the last of "A.V."
# English titles and ranks written with a full stop ('Lt. Gen. Le Quoc Hung', 'Dr. Lee'): a name follows
_TITLE_ABBREVIATION_RE = re.compile(
    r"(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Cpt|Sgt|Adm|Brig|Cmdr|Gov|Sen|Rep|Amb|Dep|Supt|St|Jr|Sr|No)$"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of sentences: split after ., !, ?, …, a photo credit '(Ảnh: …)' or a line break.

    A capital initial ('Mmamiloko T. Kubayi', 'A.V. Bortnikov') or an English title ('Lt. Gen. Hung')
    does not end a sentence, nor does a full stop followed by a lower-case word.
    """
    spans: list[tuple[int, int]] = []
    for line_start, line in _lines_with_offsets(text):
        start = 0
        for m in _SENTENCE_END_RE.finditer(line):
            end = m.end()
            before = line[start : m.start()]
            rest = line[end:].lstrip()
            if _INITIAL_RE.search(before) or _TITLE_ABBREVIATION_RE.search(before) or (rest and rest[0].islower()):
                continue
            _append_span(spans, line, line_start, start, end)
            start = end
        _append_span(spans, line, line_start, start, len(line))
    return spans


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _append_span(spans: list[tuple[int, int]], line: str, offset: int, start: int, end: int) -> None:
    piece = line[start:end]
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece) - len(piece.rstrip())
    if piece.strip():
        spans.append((offset + start + lead, offset + end - trail))


def grow_window(spans: list[tuple[int, int]], centre: int, fits: Callable[[int, int], bool]) -> tuple[int, int]:
    """Indexes (lo, hi) of the whole sentences around spans[centre], grown one sentence at a time,
    after then before, while the text from spans[lo] start to spans[hi] end still `fits`."""
    lo = hi = centre
    while True:
        grown = False
        if hi + 1 < len(spans) and fits(spans[lo][0], spans[hi + 1][1]):
            hi += 1
            grown = True
        if lo > 0 and fits(spans[lo - 1][0], spans[hi][1]):
            lo -= 1
            grown = True
        if not grown:
            return lo, hi


HEADING_MAX_CHARS = 120


def opens_with_heading(text: str) -> bool:
    """Does `text` open with a heading: a short line of its own, with no sentence's final punctuation,
    followed by the paragraph it heads ('Làm việc với Ban Thư ký ASEANAPOL\n\nNgày 13/3, …')?"""
    first, newline, rest = text.partition("\n")
    line = first.strip()
    return (
        bool(newline and rest.strip() and line)
        and len(line) <= HEADING_MAX_CHARS
        and line[-1] not in '.!?…:;,"”)'
        and not line[0].isdigit()
    )
