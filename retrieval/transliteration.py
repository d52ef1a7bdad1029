"""Foreign names as Vietnamese spells them by sound: 'Ca-dắc-xtan' is Kazakhstan, 'Bê-la-rút' Belarus.

Older Vietnamese press writes a foreign name as its pronunciation in Vietnamese syllables joined by
hyphens, and CLDR lists only the official Vietnamese name ('Kazakhstan'). Such a spelling follows
the sound-to-letter rules of Vietnamese: 'c'/'k' for /k/, 'd' for /z/ ('đ' is /d/), 'x' for /s/,
'ph' for /f/, no syllable ending in 'l' ('Bun-ga-ri' for Bulgaria). Both the Vietnamese spelling
and the English name are reduced to one rough phonetic key under those rules, and a spelling is
read as the name whose key it matches closely enough. Written here because no library maps
Vietnamese transliterations back to names.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

# difflib's ratio of the two keys: the countries' spellings in Vietnamese press score 0.83 or more
# against their English names ('I-xra-en'/'Israel'), people's and cities' names 0.77 at most
# ('Ma-ni-la'/'Romania', 'Xi-ga-rét'/'Singapore'); a hand-listed alias covers what scores lower
MIN_SIMILARITY = 0.8

# Vietnamese letters -> the sound they write, in order (longest spellings first)
_VI_SOUNDS = (
    ("ngh", "ng"),
    ("gh", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("kh", "k"),
    ("gi", "z"),
    ("qu", "kw"),
    ("c", "k"),
    ("d", "z"),
    ("đ", "d"),
    ("x", "s"),
    ("y", "i"),
)
# English letters -> the same sounds
_EN_SOUNDS = (
    ("ph", "f"),
    ("th", "t"),
    ("kh", "k"),
    ("sh", "s"),
    ("ck", "k"),
    ("qu", "kw"),
    ("q", "k"),
    ("c", "k"),
    ("x", "ks"),
    ("j", "z"),
    ("w", "u"),
    ("y", "i"),
)

# a run of capitalised words of which one at least is hyphenated: 'Ca-dắc-xtan', 'Xri Lan-ca'
_SPELLED = re.compile(r"(?:\b[^\W\d_][\w]*\s)?\b[^\W\d_][\w]*(?:-[\w]+)+")


def _base_letters(text: str) -> str:
    """Lower-cased letters without tone or vowel marks, keeping 'đ' apart from 'd'."""
    text = text.lower().replace("đ", "\0")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return text.replace("\0", "đ")


def _replace_all(text: str, sounds: tuple[tuple[str, str], ...]) -> str:
    pattern = re.compile("|".join(re.escape(letters) for letters, _ in sounds))
    table = dict(sounds)
    return pattern.sub(lambda m: table[m.group(0)], text)


def _collapse(key: str) -> str:
    return re.sub(r"(.)\1+", r"\1", key)


def vietnamese_key(spelling: str) -> str:
    """'Ca-dắc-xtan' -> 'kazakstan'."""
    return _collapse(_replace_all(re.sub(r"[\s-]+", "", _base_letters(spelling)), _VI_SOUNDS))


def english_key(name: str) -> str:
    """'Kazakhstan' -> 'kazakstan', 'Bulgaria' -> 'bungaria' (no Vietnamese syllable ends in 'l')."""
    letters = re.sub(r"[^a-z]", "", _base_letters(name))
    letters = re.sub(r"c(?=[eiy])", "s", letters)
    key = _replace_all(letters, _EN_SOUNDS)
    key = re.sub(r"(?<=[bdfgkmnprstvz])h", "", key)
    key = re.sub(r"l(?=[^aeiou])", "n", key)
    return _collapse(key)


def spelled_names(text: str) -> list[tuple[str, int, int]]:
    """(spelling, start, end) of each hyphenated capitalised name in `text` ('Ca-dắc-xtan')."""
    found = []
    for m in _SPELLED.finditer(text):
        words = m.group(0).split()
        if all(w[:1].isupper() for w in words):
            found.append((m.group(0), m.start(), m.end()))
        else:  # 'hòa Ca-dắc-xtan': only the capitalised hyphenated word
            last = words[-1]
            if last[:1].isupper():
                found.append((last, m.end() - len(last), m.end()))
    return found


def closest(spelling: str, keys: dict[str, str]) -> str | None:
    """The value of the English key (in `keys`) that `spelling` sounds like, if any is close enough
    and starts with the same sound."""
    key = vietnamese_key(spelling)
    if len(key) < 4:
        return None
    best, best_ratio = None, MIN_SIMILARITY
    for english, value in keys.items():
        if english[:1] != key[:1]:
            continue
        ratio = difflib.SequenceMatcher(None, key, english, autojunk=False).ratio()
        if ratio >= best_ratio:
            best, best_ratio = value, ratio
    return best
