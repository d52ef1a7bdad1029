"""Question analysis: language, lexical terms (with English expansion), time, partners asked about."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from retrieval.dates import TimeFilter, question_time
from retrieval.lang import detect_language
from retrieval.lexicon import expand_english, partners_in_question
from retrieval.text import fold, lexical_terms, normalize, words

# Function words and question words that carry no topic ('gì', 'nào', 'những', …), folded.
VI_STOPWORDS = frozenset(
    [
        "a",
        "ai",
        "ay",
        "bao",
        "bay",
        "bi",
        "boi",
        "cac",
        "cai",
        "can",
        "chi",
        "cho",
        "chua",
        "co",
        "con",
        "cua",
        "cung",
        "da",
        "de",
        "den",
        "deu",
        "do",
        "duoc",
        "gi",
        "gio",
        "hay",
        "khi",
        "khong",
        "la",
        "lai",
        "len",
        "luc",
        "ma",
        "moi",
        "mot",
        "muon",
        "nao",
        "nay",
        "neu",
        "nhieu",
        "nhu",
        "nhung",
        "no",
        "nua",
        "o",
        "ong",
        "ra",
        "rang",
        "rat",
        "roi",
        "sao",
        "se",
        "tai",
        "the",
        "theo",
        "thi",
        "tren",
        "trong",
        "tu",
        "tung",
        "va",
        "vao",
        "ve",
        "vi",
        "voi",
        "vua",
        "xin",
        "biet",
        "dau",
        "nhe",
    ]
)


@dataclass(frozen=True)
class QueryPlan:
    question: str
    lang: str
    terms: list[str]  # lexical terms (folded unigrams and bigrams) for BM25
    concepts: list[frozenset[str]]  # each a set of alternatives (see `match_words`); used to judge coverage
    time: TimeFilter | None
    partners: set[str]
    leftovers: list[str]  # English words with no Vietnamese rendering (names, or words the lexicon lacks)
    names: list[str]  # capitalised words inside the question: names the articles must contain
    asks_when: bool  # 'when', 'khi nào', 'năm nào': the date in the matching sentence is the answer
    without_diacritics: bool  # Vietnamese typed in ASCII: the dense model reads it poorly


def analyse(question: str) -> QueryPlan:
    question = normalize(question.strip())
    lang = detect_language(question)
    time = question_time(question)
    partners = partners_in_question(question)
    leftovers: list[str] = []
    if lang == "en":
        groups, leftovers = expand_english(question)
        terms = []
        for group in groups:
            for phrase in group:
                terms.extend(lexical_terms([t for t in words(phrase) if t not in VI_STOPWORDS]))
        leftovers = [w for w in leftovers if w not in _CALENDAR_WORDS]  # time is the time filter's job
        terms.extend(lexical_terms(leftovers))
        concepts = [frozenset(" ".join(words(p)) for p in group) for group in groups]
        # leftover words are concepts only if they look like names; common English words are not evidence
        concepts += [frozenset({fold(w)}) for w in _capitalised(question) if fold(w) in set(leftovers)]
    else:
        tokens = [t for t in words(question) if not t.isdigit()]
        content = [t for t in tokens if t not in VI_STOPWORDS]
        bigrams = [f"{a}_{b}" for a, b in itertools.pairwise(tokens) if a not in VI_STOPWORDS or b not in VI_STOPWORDS]
        terms = content + bigrams
        # with diacritics typed, match them exactly: 'giá' is not 'gia' (as in 'quốc gia')
        exact = [w.lower() for w in re.findall(r"\w+", question)]
        exact_content = [e for e, t in zip(exact, words(question), strict=False) if t in set(content)]
        concepts = [frozenset({t}) for t in (content if question.isascii() else exact_content)]
    folded = " " + " ".join(words(question)) + " "
    asks_when = any(f" {cue} " in folded for cue in _WHEN_CUES)
    ascii_vi = lang == "vi" and question.isascii()
    return QueryPlan(
        question,
        lang,
        list(dict.fromkeys(terms)),
        list(dict.fromkeys(concepts)),
        time,
        partners,
        leftovers if lang == "en" else [],
        _names(question, lang, leftovers),
        asks_when,
        ascii_vi,
    )


_CALENDAR_WORDS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
_WHEN_CUES = (
    "when",
    "what year",
    "which year",
    "what date",
    "khi nao",
    "nam nao",
    "bao gio",
    "luc nao",
    "thoi gian nao",
    "ngay nao",
    "thang nao",
    "tu nam nao",
    "since when",
)


def match_words(text: str, plan: QueryPlan) -> str:
    """`text` as ' word word ' in the form the plan's concepts are written in."""
    if plan.lang == "vi" and not plan.without_diacritics:
        return " " + " ".join(w.lower() for w in re.findall(r"\w+", normalize(text))) + " "
    return " " + " ".join(words(text)) + " "


def _names(question: str, lang: str, leftovers: list[str]) -> list[str]:
    """Capitalised words that are not ordinary English words the lexicon knows."""
    names = _capitalised(question)
    if lang == "en":
        known = set(leftovers) - _CALENDAR_WORDS
        names = [n for n in names if fold(n) in known]
    # two-letter words and short acronyms ('EU', 'MPS') are too ambiguous to call a name missing
    return [n for n in names if len(n) > 3 or (len(n) == 3 and not n.isupper())]


def _capitalised(question: str) -> list[str]:
    """Words written with a capital inside the sentence: names, places, organisations."""
    tokens = re.findall(r"[\w'’-]+", question)
    return [re.sub(r"['’]s$", "", t) for i, t in enumerate(tokens) if i > 0 and t[:1].isupper()]
