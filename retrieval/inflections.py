"""English inflections: 'asked', 'asks' and 'ask' are one word to match (Snowball's English stemmer,
through PyStemmer). Vietnamese does not inflect; only English words are stemmed."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache


@cache
def _stemmer():  # -> Stemmer.Stemmer
    import Stemmer

    return Stemmer.Stemmer("english")


def stem(word: str) -> str:
    return _stemmer().stemWord(word)


def stems(words: Iterable[str]) -> list[str]:
    return _stemmer().stemWords(list(words))


class FormsByStem:
    """The words of a vocabulary grouped by stem, with the number of passages holding each stem."""

    def __init__(self, frequency: dict[str, int]) -> None:
        words = [w for w in frequency if w.isascii() and w.isalpha()]
        self._forms: dict[str, set[str]] = {}
        self._frequency: dict[str, int] = {}
        for word, root in zip(words, stems(words), strict=True):
            self._forms.setdefault(root, set()).add(word)
            # passages holding any form: at least the most frequent form's, at most all of them
            self._frequency[root] = max(self._frequency.get(root, 0), frequency[word])

    def forms(self, word: str) -> frozenset[str]:
        return frozenset(self._forms.get(stem(word), ()))

    def frequency(self, word: str) -> int:
        return self._frequency.get(stem(word), 0)
