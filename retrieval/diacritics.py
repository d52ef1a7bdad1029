"""Putting the diacritics back on Vietnamese typed without them, from the corpus's own words.

"bo cong an ky ket voi phap nam 2024" folds many words together ('ky' is ký, kỳ, kỹ or kí); the
multilingual model reads such text poorly, while it reads "bộ công an ký kết với pháp năm 2024"
as well as any Vietnamese. Each ASCII syllable may become any spelling the articles use for it,
and the most likely sequence under a bigram model of the articles' own text (Viterbi, with the
bigram counts interpolated with unigram frequencies) is taken. Syllables the articles never use stay
as typed. No library restores Vietnamese diacritics offline; the counts come from the index, so
restoration follows the corpus (its names and terms) as it grows.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from retrieval.text import fold, normalize

_SYLLABLE_RE = re.compile(r"\w+")
CANDIDATES_PER_SYLLABLE = 6  # the most frequent spellings of one folded syllable that are tried
PAIR_WEIGHT = 2.0  # how many observations the unigram frequency counts as, beside the bigram counts


def syllables(text: str) -> list[str]:
    """Lower-cased syllables as spelled, tone marks placed canonically ('hoà' and 'hòa' are one)."""
    return _SYLLABLE_RE.findall(normalize(text).lower())


class SpellingLookup(Protocol):
    """What restoration reads: SpellingCounts in memory, or an index's stored counts (LoadedIndex)."""

    def spellings(self, folded: Iterable[str]) -> dict[str, list[tuple[str, int]]]:
        """For each folded syllable, its spellings in the articles with their counts, most frequent first."""
        ...

    def pair_counts(self, firsts: Iterable[str], seconds: Iterable[str]) -> dict[tuple[str, str], int]:
        """How often each spelling in `firsts` is followed by each in `seconds`; absent pairs left out."""
        ...

    def syllable_total(self) -> int: ...


@dataclass
class SpellingCounts:
    """How often the articles spell each syllable and each pair of adjacent syllables one way."""

    words: Counter[str] = field(default_factory=Counter)
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, text: str) -> None:
        tokens = syllables(text)
        self.words.update(tokens)
        self.pairs.update(itertools.pairwise(tokens))

    def spellings(self, folded: Iterable[str]) -> dict[str, list[tuple[str, int]]]:
        wanted = set(folded)
        found: dict[str, list[tuple[str, int]]] = {}
        for word, n in self.words.most_common():
            if fold(word) in wanted:
                found.setdefault(fold(word), []).append((word, n))
        return found

    def pair_counts(self, firsts: Iterable[str], seconds: Iterable[str]) -> dict[tuple[str, str], int]:
        firsts, seconds = set(firsts), set(seconds)
        return {(a, b): n for (a, b), n in self.pairs.items() if a in firsts and b in seconds}

    def syllable_total(self) -> int:
        return self.words.total()


def restore(text: str, lookup: SpellingLookup) -> str:
    """`text` with each ASCII syllable spelled as the articles most likely spell it there."""
    matches = list(_SYLLABLE_RE.finditer(text))
    typed = [m.group().lower() for m in matches]
    if not typed:
        return text
    known = lookup.spellings({fold(t) for t in typed if t.isascii()})
    options = [[w for w, _ in known.get(fold(t), [])][:CANDIDATES_PER_SYLLABLE] if t.isascii() else [] for t in typed]
    options = [opts or [t] for opts, t in zip(options, typed, strict=True)]
    counts = {w: n for spelled in known.values() for w, n in spelled}
    total = max(lookup.syllable_total(), 1)
    pairs = lookup.pair_counts({w for opts in options[:-1] for w in opts}, {w for opts in options[1:] for w in opts})

    def frequency(word: str) -> float:
        return (counts.get(word, 0) + 0.1) / total

    def transition(prev: str, word: str) -> float:
        return math.log(
            (pairs.get((prev, word), 0) + PAIR_WEIGHT * frequency(word)) / (counts.get(prev, 0) + PAIR_WEIGHT)
        )

    # Viterbi: the log probability of the best spelling ending in each option, and back-pointers
    scores = {w: math.log(frequency(w)) for w in options[0]}
    back: list[dict[str, str]] = []
    for opts in options[1:]:
        step, pointers = {}, {}
        for w in opts:
            prev = max(scores, key=lambda p, w=w: scores[p] + transition(p, w))
            step[w], pointers[w] = scores[prev] + transition(prev, w), prev
        scores = step
        back.append(pointers)
    chosen = [max(scores, key=scores.__getitem__)]
    for pointers in reversed(back):
        chosen.append(pointers[chosen[-1]])
    chosen.reverse()
    out, last = [], 0
    for m, word in zip(matches, chosen, strict=True):
        out.append(text[last : m.start()])
        out.append(word[:1].upper() + word[1:] if m.group()[:1].isupper() else word)
        last = m.end()
    out.append(text[last:])
    return "".join(out)
