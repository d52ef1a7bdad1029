"""Stage 2, retrieve: candidate passages from the dense index (per article language) and from BM25.

The bundled multilingual model scores same-language pairs higher than cross-language pairs, so an
English question would rank any English article above the Vietnamese one that answers it. Each
language's similarities are therefore calibrated against that language's own distribution: for a
query q and a language with passage-vector mean m and covariance C, the mean similarity of q to
the language's passages is q·m and its variance qᵀCq, so (cos − q·m) / √(qᵀCq) is a z-score that
means the same in every language. Candidates are taken per language and merged on it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from retrieval import glossary
from retrieval.answer.analyse import QueryPlan
from retrieval.store import ArticleRecord, LoadedIndex, PassageRecord
from retrieval.text import words

CANDIDATES_PER_SOURCE = 40
LATEST_ARTICLES = 3  # the newest articles a 'most recent' question also searches


@dataclass
class Candidate:
    row: int
    dense: float = 0.0  # calibrated similarity (z-score) of the passage to the question
    lexical: float = 0.0  # BM25 score divided by the best BM25 score among candidates
    passage: PassageRecord | None = None
    article: ArticleRecord | None = None
    score: float = 0.0  # fused passage score, then the final score once sentences are ranked
    # of an article whose best passage is ranked however it scores: the newest articles for 'the most
    # recent …', each article of the window for a list in a time ('những văn bản nào … năm 2023')
    each_article: bool = False


def calibrated(cosines: np.ndarray, query: np.ndarray, mean: np.ndarray, cov: np.ndarray) -> np.ndarray:
    """z-scores of cosines against a language's distribution of similarities to `query`."""
    spread = float(np.sqrt(max(float(query @ cov @ query), 1e-8)))
    return (cosines - float(query @ mean)) / spread


def retrieve(
    index: LoadedIndex,
    plan: QueryPlan,
    query: np.ndarray | None,
    use_dense: bool = True,
    use_lexical: bool = True,
) -> list[Candidate]:
    """Union of the dense top list of each language and the BM25 top list, with both scores for all."""
    import faiss

    found: dict[int, Candidate] = {}
    focus = index.rows_of(focus_docs(index, plan))
    if use_dense and query is not None:
        for stats in index.languages.values():
            lo, hi = stats.rows
            inside = focus[(focus >= lo) & (focus < hi)]
            scopes = [(faiss.IDSelectorRange(lo, hi), hi - lo), (faiss.IDSelectorBatch(inside), len(inside))]
            for selector, size in scopes:
                n = min(CANDIDATES_PER_SOURCE, size)
                if n <= 0:
                    continue
                _, rows = index.faiss.search(query[None, :], n, params=faiss.SearchParameters(sel=selector))
                found.update({int(r): Candidate(int(r)) for r in rows[0] if r >= 0})
    lexical = lexical_scores(index, plan) if use_lexical else None
    if lexical is not None:
        for scope in (np.arange(len(lexical)), focus):
            n = min(CANDIDATES_PER_SOURCE, len(scope))
            top = scope[np.argpartition(-lexical[scope], n - 1)[:n]] if n < len(scope) else scope
            found.update({int(r): Candidate(int(r)) for r in top if lexical[r] > 0 and int(r) not in found})
    if plan.asks_what_happened:  # 'What happened in 2025?': every passage of the articles asked about, leads included
        asked = index.rows_of(asked_articles(index, plan)) if plan.partners else focus
        found.update({int(r): Candidate(int(r)) for r in asked if int(r) not in found})
    candidates = list(found.values())
    if not candidates:
        return []
    if (plan.asks_latest and plan.time is None) or (plan.asks_list and plan.time is not None):
        focus_rows = set(focus.tolist())
        for c in candidates:
            c.each_article = c.row in focus_rows
    records = index.passages(c.row for c in candidates)
    for c in candidates:
        c.passage = records[c.row]
        c.article = index.articles[c.passage.doc]
    if lexical is not None:
        _lexical_shares(index, plan, candidates, lexical)
    if use_dense and query is not None:
        vectors = index.faiss.reconstruct_batch(np.array([c.row for c in candidates], dtype=np.int64))
        cosines = vectors @ query
        for lang, stats in index.languages.items():
            mine = [i for i, c in enumerate(candidates) if c.passage.lang == lang]
            if mine:
                z = calibrated(cosines[mine], query, stats.passage_mean, stats.passage_cov)
                for i, value in zip(mine, z, strict=True):
                    candidates[i].dense = float(value)
    return candidates


def _lexical_shares(index: LoadedIndex, plan: QueryPlan, candidates: list[Candidate], lexical: np.ndarray) -> None:
    """Each candidate's BM25 score as a share of the best candidate's, each passage scored with the
    evidence its language can hold:
    - an English question's Vietnamese terms (retrieval.glossary) only a Vietnamese passage can hold,
      and its other English words (plan.english_words) only an English one: a passage in the
      question's language is scored with its English words instead, and compared with the best
      passage of its language;
    - a Vietnamese question's field terms an English passage writes in English ('ký': 'signed'),
      beside its names and numbers: an English passage is scored with those, and compared with the
      best passage of either language (compared only with the few English ones, the best of them took
      full credit for sharing no more than a partner's name with the question)."""
    english = _english_forms(index, plan)
    in_english = _in_english(index, plan) if plan.lang != "en" else ()
    if in_english:
        shared = tuple(t for t in plan.terms if t in plan.terms_shared_with("en"))
        scored = lexical_scores(index, replace(plan, terms=shared + in_english))
        groups, own, other = [candidates], lexical, scored if scored is not None else np.zeros_like(lexical)
    elif plan.translated or english:
        own_terms = tuple(t for t in plan.terms if t not in plan.translated) + english
        without = lexical_scores(index, replace(plan, terms=own_terms))
        own, other = (without if without is not None else np.zeros_like(lexical)), lexical
        groups = [[c for c in candidates if c.passage.lang == lang] for lang in {c.passage.lang for c in candidates}]
    else:
        groups, own, other = [candidates], lexical, lexical

    def score(c: Candidate) -> float:
        return float((own if c.passage.lang == plan.lang else other)[c.row])

    for group in groups:
        best = max((score(c) for c in group), default=0.0)
        for c in group:
            c.lexical = score(c) / best if best > 0 else 0.0


def _in_english(index: LoadedIndex, plan: QueryPlan) -> tuple[str, ...]:
    """A Vietnamese question's field terms as the English articles write them ('@sign': 'sign',
    'signed', 'signing')."""
    return _forms_in_index(index, [word for term in plan.field_terms for word in words(term.lstrip("@"))])


def _english_forms(index: LoadedIndex, plan: QueryPlan) -> tuple[str, ...]:
    return _forms_in_index(index, plan.english_words)


def _forms_in_index(index: LoadedIndex, english_words: Sequence[str]) -> tuple[str, ...]:
    """The forms of English words that the index holds ('ask': 'asked', 'asks'), as BM25 terms."""
    if not english_words:
        return ()
    forms = index.english_forms()
    return tuple(sorted({f for word in english_words for f in forms.forms(word)}))


def focus_docs(index: LoadedIndex, plan: QueryPlan) -> list[str]:
    """Articles the question points at by time, searched on their own as well: a window's articles
    ('Hoạt động năm 2026', 'Meetings in 2010') would otherwise need to be among the best matches of
    the whole corpus to be found at all, and so would the newest articles about the asked partners
    (or the newest of all) for 'the most recent …'."""
    if plan.time is not None:
        return [doc for doc, article in index.articles.items() if plan.time.contains(article.reported_date)]
    if not plan.asks_latest:
        return []
    about = [
        (date.sort_key(), a.doc)
        for a in index.articles.values()
        if (date := a.reported_date) is not None
        and date.year is not None
        and (not plan.partners or a.main_partners & plan.partners)
    ]
    return [doc for _, doc in sorted(about, reverse=True)[:LATEST_ARTICLES]]


def asked_articles(index: LoadedIndex, plan: QueryPlan) -> list[str]:
    """The articles about the asked partners (their title or lead names one), of the asked time if any."""
    return [
        doc
        for doc, article in index.articles.items()
        if article.main_partners & plan.partners and (plan.time is None or plan.time.contains(article.reported_date))
    ]


def lexical_scores(index: LoadedIndex, plan: QueryPlan) -> np.ndarray | None:
    """BM25 score of every passage for the plan's terms; None when no term is in the corpus.

    The Vietnamese words an English question's field term stands for are synonyms ('agreements':
    'thỏa thuận', 'hiệp định', 'bản ghi nhớ', …): a passage scores for the best of them, once, as
    for one query term. Summed, a passage listing three kinds of document outscored the one writing
    the rarer word the question also asks about ('dẫn độ' of 'extradition agreements')."""

    def ids(terms: Iterable[str]) -> list[int]:
        return [index.vocab[t] for t in terms if t in index.vocab]

    asked = set(plan.terms)
    groups = [
        [word for word in glossary.vietnamese_words(term) if set(word) <= asked]
        for term in (plan.field_terms if plan.lang == "en" else ())
    ]
    grouped = {t for group in groups for word in group for t in word}
    single = ids(t for t in plan.terms if t not in grouped)
    scores = np.asarray(index.bm25.get_scores(single), dtype=np.float32) if single else None
    for group in groups:
        by_word = [np.asarray(index.bm25.get_scores(found), dtype=np.float32) for word in group if (found := ids(word))]
        if by_word:
            best = np.max(by_word, axis=0)
            scores = best if scores is None else scores + best
    return scores
