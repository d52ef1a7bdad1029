"""Question analysis: language, lexical terms (with English expansion), time, partners asked about."""

from __future__ import annotations

from dataclasses import dataclass

from retrieval.dates import TimeFilter, question_time
from retrieval.lang import detect_language
from retrieval.lexicon import expand_english, partners_in_question
from retrieval.text import lexical_terms, normalize, words

# Function words and question words that carry no topic ('gì', 'nào', 'những', …), folded.
VI_STOPWORDS = frozenset(
    """a ai ay bao bay bi boi cac cai can chi cho chua co con cua cung da de den deu do duoc gi gio hay
    khi khong la lai len luc ma moi mot muon nao nay neu nhieu nhu nhung no nua o ong ra rang rat roi sao
    se tai the theo thi tren trong tu tung va vao ve vi voi vua xin biet dau nhe""".split()
)


@dataclass(frozen=True)
class QueryPlan:
    question: str
    lang: str
    terms: list[str]  # lexical terms (folded unigrams and bigrams) for BM25
    concepts: list[frozenset[str]]  # each a set of folded alternatives; used to judge coverage
    time: TimeFilter | None
    partners: set[str]


def analyse(question: str) -> QueryPlan:
    question = normalize(question.strip())
    lang = detect_language(question)
    time = question_time(question)
    partners = partners_in_question(question)
    if lang == "en":
        groups, leftovers = expand_english(question)
        terms = []
        for group in groups:
            for phrase in group:
                terms.extend(lexical_terms([t for t in words(phrase) if t not in VI_STOPWORDS]))
        terms.extend(lexical_terms(leftovers))
        concepts = [frozenset(" ".join(words(p)) for p in group) for group in groups]
        concepts += [frozenset({w}) for w in leftovers]
    else:
        tokens = [t for t in words(question) if not t.isdigit()]
        content = [t for t in tokens if t not in VI_STOPWORDS]
        bigrams = [
            f"{a}_{b}" for a, b in zip(tokens, tokens[1:], strict=False) if a not in VI_STOPWORDS or b not in VI_STOPWORDS
        ]
        terms = content + bigrams
        concepts = [frozenset({t}) for t in content]
    return QueryPlan(question, lang, list(dict.fromkeys(terms)), list(dict.fromkeys(concepts)), time, partners)
