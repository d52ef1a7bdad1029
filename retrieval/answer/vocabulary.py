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
time, nor a term of the field. A partner the articles cover makes a question theirs whatever its
other words, unless those are none of the field's and some no article writes ('Nhà hàng nào ngon ở
Singapore?', `beside_a_partner`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection
from typing import NamedTuple

from retrieval import glossary
from retrieval.answer.analyse import QueryPlan, partner_name_terms
from retrieval.diacritics import SpellingLookup, syllables
from retrieval.lang import could_be_vietnamese
from retrieval.ministry import ministry_words
from retrieval.partners import home_words, misspelling_of
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

# 'the ministry' alone, in an English question: the one the articles are about, not 'the ministry of …'
_BARE_MINISTRY = re.compile(r"\bministry\b(?!\s+of\b)")
FUNCTION_WORDS = VI_STOPWORDS | VI_TIME_DEICTICS | CALENDAR_WORDS | PRONOUNS
EN_FUNCTION_WORDS = EN_STOPWORDS | EN_TIME_DEICTICS | CALENDAR_WORDS | PRONOUNS


class Unknown(NamedTuple):
    share: float  # of the question's content words, those no article uses
    words: list[str]  # those words as written
    syllables_known: bool  # the articles write every syllable of the question, if not every word


def unknown_share(
    plan: QueryPlan, spellings: SpellingLookup, terms: Collection[str] = (), names: bool = True
) -> Unknown:
    """The question's content words that no article uses.

    A word of several syllables that the articles use only apart ('phái đoàn' where they write
    'đoàn') counts half: it may be a synonym of theirs, or two words the segmenter joined ('lương tam
    quang dẫn đoàn' typed in lower case); a syllable they never write counts whole. A name the
    articles' `terms` (folded) spell one letter differently is theirs, misspelled. Without `names`,
    the question's names (a partner's, the ministry's people) are no content words.
    """
    if plan.lang != "vi":
        return Unknown(0.0, [], True)
    content = [w for w in _content_words(plan) if names or not _names_only(w, plan)]
    if not content:
        return Unknown(0.0, [], True)
    spelled = spellings.spellings({fold(s) for w in content for s in syllables(w)})
    known_syllables = {word for forms in spelled.values() for word, _ in forms}
    pairs = [(a, b) for w in content if not _is_name(w) for a, b in itertools.pairwise(syllables(w))]
    seen_pairs = spellings.pair_counts({a for a, _ in pairs}, {b for _, b in pairs}) if pairs else {}
    particles = _name_particles(plan.question)
    unknown, missing = [], 0.0
    for w in content:
        parts = syllables(w)
        if ministry_words(fold(w)) == {fold(s) for s in parts}:
            continue  # the ministry's name, as its initials too ('BCA'): what every article is about
        if not all(s in known_syllables for s in parts):
            if all(s in known_syllables or (fold(s) in terms and not could_be_vietnamese(fold(s))) for s in parts):
                continue  # a word only an English article writes ('unodc', typed in lower case)
            if w in particles and fold(w) in terms:
                continue  # the 'van' of 'Kees van Baar', which an English article writes
            if _is_name(w) and all(s in known_syllables or _misspelled(s, terms) for s in parts):
                continue
            missing += 1.0
        elif _is_name(w) or all(seen_pairs.get(pair, 0) > 0 for pair in itertools.pairwise(parts)):
            continue
        else:
            missing += 0.5
        unknown.append(w)
    return Unknown(missing / len(content), [_as_typed(w, plan) for w in unknown], missing == len(unknown) / 2)


def outside_the_field(plan: QueryPlan, terms: Collection[str]) -> list[str] | None:
    """The content words of a question that names no partner, uses none of the field's own terms
    (its frequent words, 'online', 'economy', are anyone's) and no name the articles' `terms` (folded)
    hold ('Give me a recipe for spring rolls.', 'Mua điện thoại nào tốt nhất?'); None for any other
    question. A question asking about a time or for the latest ('What happened in 2019?') asks for
    the articles' own events, and one naming the ministry ('Bộ Công an làm gì?', 'What did the
    ministry do?') is about it."""
    if plan.partners or plan.time is not None or plan.asks_latest or any(n in terms for n in plan.names):
        return None
    if plan.names_ministry:
        return None
    if plan.lang == "en":
        if glossary.names_the_field(plan.question) or _BARE_MINISTRY.search(fold(plan.question)):
            return None
        return [w for w in re.findall(r"[^\W\d_]+", plan.question) if fold(w) not in EN_FUNCTION_WORDS]
    if glossary.of_the_field(plan.field_terms):
        return None
    return [_as_typed(w, plan) for w in _content_words(plan)]


def beside_a_partner(plan: QueryPlan, spellings: SpellingLookup, share: float) -> list[str] | None:
    """The words no article writes of a Vietnamese question naming a partner they cover but asking
    nothing of the field ('Nhà hàng nào ngon ở Singapore?'): no term of the field, not the ministry,
    no time, and at least `share` of its other content words written by no article; None for any
    other question ('Quan hệ Việt Nam - Lào thế nào?' writes only the articles' words)."""
    if plan.lang != "vi" or plan.time is not None or plan.asks_latest or plan.names_ministry:
        return None
    if glossary.of_the_field(plan.field_terms):
        return None
    unknown = unknown_share(plan, spellings, names=False)
    if not unknown.words or unknown.share < share:
        return None
    return list(dict.fromkeys(_as_typed(w, plan) for w in _content_words(plan) if not _names_only(w, plan)))


# A person's title or rank, which their name follows ('Interior Minister Matteo Piantedosi', 'Đại sứ
# Kees van Baar')
_TITLE = re.compile(
    r"(?:\b(?:Minister|Ambassador|Secretary|Director|President|General|Chief|Commissioner|Chairman|"
    r"Chairwoman|Mr|Ms|Mrs|Dr)\.?|(?<!\w)(?:[Bb]ộ trưởng|[Tt]hứ trưởng|[Đđ]ại sứ|[Đđ]ại tướng|[Tt]hượng tướng|"
    r"[Tt]rung tướng|[Tt]hiếu tướng|[Ôô]ng|[Bb]à))(?=\s)"
)
_NAME_PARTICLES = frozenset(["van", "von", "de", "der", "bin", "al"])  # 'Kees van Baar', 'Awang bin Mohd'


def unnamed_people(plan: QueryPlan, terms: Collection[str]) -> list[str]:
    """The people a question names by title and name ('Interior Minister Matteo Piantedosi') of whom
    no article writes any word, in any spelling the index holds (nor one letter off): no passage can
    tell what they did. A name is the capitalised words right after the title (two or more, with
    the particles between them), capitals being a name's mark in both languages."""
    unnamed = []
    for title in _TITLE.finditer(plan.question):
        name: list[str] = []
        for token in re.findall(r"[\w'’-]+", plan.question[title.end() :]):
            if token[:1].isupper():
                name.append(token)
            elif not (name and token in _NAME_PARTICLES):
                break
        parts = [fold(w) for w in name if w[:1].isupper()]
        if len(parts) >= 2 and not any(w in terms or _misspelled(w, terms) for w in parts):
            unnamed.append(" ".join(name))
    return unnamed


def _name_particles(question: str) -> set[str]:
    """Words in lower case without diacritics between two capitalised ones: the particles of foreign
    names ('Kees van Baar', 'Awang Halbi bin Mohd'), which look like Vietnamese syllables unmarked."""
    tokens = re.findall(r"\w+", question)
    return {
        word
        for before, word, after in zip(tokens, tokens[1:], tokens[2:], strict=False)
        if before[:1].isupper() and after[:1].isupper() and word.isascii() and word.islower()
    }


def _names_only(word: str, plan: QueryPlan) -> bool:
    """Is the word one of the question's names: capitalised ('Moskva'), a partner's ('thai lan'), or
    Vietnam's?"""
    named = set(plan.names) | partner_name_terms(plan.partners) | home_words()
    return all(fold(s) in named for s in syllables(word))


def _as_typed(word: str, plan: QueryPlan) -> str:
    """A content word as the question wrote it: typed without diacritics, the words it was restored
    from ('tien do', not the 'tiến độ' the articles' spellings made of it), not a word the asker never wrote."""
    if not plan.without_diacritics:
        return word
    typed = [(m.group(), fold(m.group())) for m in re.finditer(r"\w+", plan.question)]
    wanted = fold(word).split()
    for i in range(len(typed) - len(wanted) + 1):
        if [f for _, f in typed[i : i + len(wanted)]] == wanted:
            return " ".join(t for t, _ in typed[i : i + len(wanted)])
    return fold(word)


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
