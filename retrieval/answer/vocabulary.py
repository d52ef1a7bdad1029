"""Stage 1b, vocabulary: the words of a Vietnamese question that no article ever uses.

A question about the weather ('Hôm nay Hà Nội có mưa không?') or the price of gold shares a city
or a common verb with the articles, enough for the ranking to find a passage; but its subject,
'mưa' or 'vàng', is a word the articles never write, so no quote can answer it. For a question
written with diacritics, each content word (pyvi's segmentation, function words left out) is
looked up as spelled in the articles' spelling counts: a word of several syllables should occur as
that sequence ('bóng đá'; written only apart it counts half, see unknown_share), a name only
syllable by syllable (the segmenter sometimes joins a name to the next word). A question typed
without diacritics is read as analyse restored it from the articles' spellings: what stays unknown
there ('xang' of 'gia xang') no article writes in any spelling. A word only an English article
writes ('unodc' typed in lower case) is the articles' too, unless it could be a Vietnamese
syllable. English words cannot be checked this way, the articles being mostly Vietnamese; an
English question is off the field when it holds none of the field's terms (retrieval.glossary)
and no name the articles write (`outside_the_field`), and so is a Vietnamese one whose words the
articles all write ('Mua điện thoại nào tốt nhất?') but which names no partner, the ministry, a
time, nor a term of the field.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection
from typing import NamedTuple

from retrieval import glossary
from retrieval.answer.analyse import QueryPlan
from retrieval.diacritics import SpellingLookup, syllables
from retrieval.lang import could_be_vietnamese
from retrieval.partners import misspelling_of
from retrieval.segmentation import segment
from retrieval.stopwords import (
    CALENDAR_WORDS,
    EN_STOPWORDS,
    EN_TIME_DEICTICS,
    PRONOUNS,
    VI_REPORTING_VERBS,
    VI_STOPWORDS,
    VI_TIME_DEICTICS,
)
from retrieval.text import fold

FUNCTION_WORDS = VI_STOPWORDS | VI_TIME_DEICTICS | CALENDAR_WORDS | PRONOUNS
EN_FUNCTION_WORDS = EN_STOPWORDS | EN_TIME_DEICTICS | CALENDAR_WORDS | PRONOUNS


class Unknown(NamedTuple):
    share: float  # of the question's content words, those no article uses
    words: list[str]  # those words as written
    syllables_known: bool  # the articles write every syllable of the question, if not every word


def unknown_share(plan: QueryPlan, spellings: SpellingLookup, terms: Collection[str] = ()) -> Unknown:
    """The question's content words that no article uses.

    A word of several syllables that the articles use only apart ('phái đoàn' where they write
    'đoàn') counts half: it may be a synonym of theirs, or two words the segmenter joined ('lương tam
    quang dẫn đoàn' typed in lower case); a syllable they never write counts whole. A name the
    articles' `terms` (folded) spell one letter differently is theirs, misspelled.
    """
    if plan.lang != "vi":
        return Unknown(0.0, [], True)
    content = _content_words(plan)
    if not content:
        return Unknown(0.0, [], True)
    spelled = spellings.spellings({fold(s) for w in content for s in syllables(w)})
    known_syllables = {word for forms in spelled.values() for word, _ in forms}
    pairs = [(a, b) for w in content if not _is_name(w) for a, b in itertools.pairwise(syllables(w))]
    seen_pairs = spellings.pair_counts({a for a, _ in pairs}, {b for _, b in pairs}) if pairs else {}
    unknown, missing = [], 0.0
    for w in content:
        parts = syllables(w)
        if not all(s in known_syllables for s in parts):
            if all(s in known_syllables or (fold(s) in terms and not could_be_vietnamese(fold(s))) for s in parts):
                continue  # a word only an English article writes ('unodc', typed in lower case)
            if _is_name(w) and all(s in known_syllables or _misspelled(s, terms) for s in parts):
                continue
            missing += 1.0
        elif _is_name(w) or all(seen_pairs.get(pair, 0) > 0 for pair in itertools.pairwise(parts)):
            continue
        else:
            missing += 0.5
        unknown.append(w)
    return Unknown(missing / len(content), unknown, missing == len(unknown) / 2)


def outside_the_field(plan: QueryPlan, terms: Collection[str]) -> list[str] | None:
    """The content words of a question that names no partner, uses none of the field's own terms
    (its frequent words, 'online', 'economy', are anyone's) and no name the articles' `terms` (folded)
    hold ('Give me a recipe for spring rolls.', 'Mua điện thoại nào tốt nhất?'); None for any other
    question. A question asking about a time or for the latest ('What happened in 2019?') asks for
    the articles' own events, and a Vietnamese one naming the ministry ('Bộ Công an làm gì?') is about
    it (an English one is judged by its words, names and partners alone)."""
    if plan.partners or plan.time is not None or plan.asks_latest or any(n in terms for n in plan.names):
        return None
    if plan.lang == "en":
        if glossary.names_the_field(plan.question):
            return None
        return [w for w in re.findall(r"[^\W\d_]+", plan.question) if fold(w) not in EN_FUNCTION_WORDS]
    if plan.names_ministry or glossary.of_the_field(plan.field_terms):
        return None
    return _content_words(plan)


def _content_words(plan: QueryPlan) -> list[str]:
    """A Vietnamese question's content words (pyvi's words, function words left out); typed without
    diacritics, as analyse restored them from the articles' spellings."""
    return [w for w in segment(plan.embed_text if plan.without_diacritics else plan.question) if _is_content(w)]


def _is_content(word: str) -> bool:
    parts = [fold(s) for s in syllables(word)]
    if not parts or " ".join(parts) in VI_REPORTING_VERBS:
        return False
    return not all(p.isdigit() or p in FUNCTION_WORDS for p in parts)


def _misspelled(syllable: str, terms: Collection[str]) -> bool:
    """'Hirosi' of 'Morita Hiroshi', 'Sithideth' of 'Sitthideth': one letter off a word of the
    articles, by the closeness that reads a misspelled partner as that partner."""
    return misspelling_of(fold(syllable), (t for t in terms if "_" not in t)) is not None


def _is_name(word: str) -> bool:
    return word[:1].isupper()
