"""Vietnamese word segmentation, for telling a word from a syllable of a longer word.

Vietnamese writes spaces between syllables, not words: "ký" (to sign) is a word of its own in
"ký kết" but only the second syllable of "Thư ký" (secretary). Syllable matching cannot tell them
apart, so a question asking what was signed ("ký gì") would match every sentence naming a
secretary. pyvi's CRF segmenter (its model ships inside the wheel) joins the syllables of each word,
and the syllables found only inside longer words, never heading one, are what this module reports.
Names are not words in this sense: every syllable of 'Lương Tam Quang' or 'Aleksandr Grigorievich'
(tagged Np by pyvi's tagger) stays matchable on its own, as an English question writes them.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from typing import Any

from retrieval.text import words

NAME_TAG = "Np"  # pyvi's tag for proper nouns
NOUN_TAGS = frozenset(["N", "Nc", NAME_TAG])  # its nouns: common, classifier, proper


@functools.cache
def _pyvi() -> tuple[Any, Any]:
    from pyvi import ViPosTagger, ViTokenizer  # ~100 MB with scikit-learn: loaded on the first Vietnamese text

    for crf in (ViTokenizer.ViTokenizer.model, ViPosTagger.ViPosTagger.model):
        # Unpickling a sklearn-crfsuite CRF writes its model to a temporary file that is deleted only when
        # the object is collected, which a module-level model never is: every process left 4.7 MB in the
        # temporary directory. crfsuite reads the whole file when its tagger opens, so it can go now.
        crf.tagger_  # noqa: B018 (the property opens the tagger)
        crf.modelfile.cleanup()
    return ViTokenizer, ViPosTagger


@functools.lru_cache(maxsize=16)  # one question is read twice: by analyse, then by the vocabulary check
def tagged_words(text: str) -> tuple[tuple[str, str], ...]:
    """pyvi's words of `text` (syllables joined by spaces) with their part-of-speech tags."""
    tokenizer, tagger = _pyvi()
    tokens, tags = tagger.postagging(tokenizer.tokenize(text))
    return tuple((token.replace("_", " "), tag) for token, tag in zip(tokens, tags, strict=True))


def segment(text: str) -> list[str]:
    """The words of `text`, each as written with its syllables joined by spaces ('Thư ký')."""
    return [word for word, _ in tagged_words(text)]


def word_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets in `text` of its words ('tham vấn' is one, not 'tham' and 'vấn'). A
    name's syllables are each on its own, and so are the lower-case part of a word and the capitalised
    part pyvi sometimes runs it into ('Tô Lâm hội đàm', tagged as one verb)."""
    spans, at = [], 0
    for word, tag in tagged_words(text):
        start = text.find(word, at)
        if start < 0:  # pyvi keeps the characters; a token it respaced is skipped
            continue
        at = start + len(word)
        syllables = [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", word)]
        if tag == NAME_TAG:
            spans += syllables
            continue
        for _, run in itertools.groupby(syllables, key=lambda span: text[span[0]].isupper()):
            run = list(run)
            spans.append((run[0][0], run[-1][1]))
    return spans


def compound_tails(text: str) -> frozenset[str]:
    """Folded syllables that occur in `text` only as a non-first syllable of a longer word.

    'Thư ký Volfovich' -> {'ky'}; 'Thư ký Volfovich ký kết' -> {'ket'} ('ký' also stands first).
    """
    heads: set[str] = set()
    tails: set[str] = set()
    for word, tag in tagged_words(text):
        syllables = words(word)
        if tag == NAME_TAG:
            heads.update(syllables)
        elif syllables:
            heads.add(syllables[0])
            tails.update(syllables[1:])
    return frozenset(tails - heads)


def word_terms(terms: Iterable[str], text: str) -> list[str]:
    """The lexical `terms` of `text` that are words of it: no 'ky' where it only ends 'Thư ký'."""
    inside_words = compound_tails(text)
    return [t for t in terms if t not in inside_words]
