"""Hybrid search: dense (FAISS) + lexical (BM25) fused by reciprocal rank, then filters and a decline.

`Searcher.ask(question)` is the one entry point the CLI and the bot use. The searcher holds a
reference to one loaded generation; `swap()` replaces it atomically, and a question already
running keeps the generation it started with.
"""

from __future__ import annotations

import itertools
import math
import threading
from dataclasses import dataclass, field

import numpy as np

from retrieval.dates import EventDate, PartialDate, TimeFilter
from retrieval.embedders import Embedder
from retrieval.query import QueryPlan, analyse, match_words
from retrieval.reader import ArticleInfo, LoadedIndex, StoredChunk
from retrieval.text import fold, is_photo_credit, sentence_spans, strip_photo_credits, words

CANDIDATES = 50


@dataclass(frozen=True)
class RankingConfig:
    """Fusion weights and the decline thresholds, calibrated with `python -m retrieval eval`."""

    dense_weight: float = 0.4  # share of the dense score in the fused score; the rest is BM25
    ascii_dense_weight: float = 0.25  # Vietnamese without diacritics: the dense model reads it poorly
    per_article: int = 2
    # first pick one passage per article among those scoring at least this share of the best
    diversity_ratio: float = 0.7
    # answer when the best passage covers this share of the question's concepts ...
    min_coverage: float = 0.5
    # ... or when the dense similarity is at least this and coverage at least `weak_coverage`
    min_dense: float = 0.86
    weak_coverage: float = 0.4
    display_chars: int = 900
    use_dense: bool = True
    use_lexical: bool = True


@dataclass
class Passage:
    doc: str
    title: str
    url: str | None
    date: PartialDate | None  # the date the passage is about (event date, else the article's)
    date_as_written: str | None  # a day/month whose year the article does not state ('21/10')
    article_date: PartialDate | None
    event_dates: list[EventDate]
    text: str
    best_sentence: str
    score: float
    chunk_id: str

    def to_json(self) -> dict:
        return {
            "doc": self.doc,
            "title": self.title,
            "url": self.url,
            "date": self.date.iso() if self.date else None,
            "date_as_written": self.date_as_written,
            "article_date": self.article_date.iso() if self.article_date else None,
            "event_dates": [e.label() for e in self.event_dates],
            "text": self.text,
            "best_sentence": self.best_sentence,
            "score": round(self.score, 4),
            "chunk_id": self.chunk_id,
        }


@dataclass
class Answer:
    question: str
    lang: str
    answerable: bool
    passages: list[Passage]
    decline_reason: str | None = None  # 'empty', 'partner', 'time', 'weak'
    missing: list[str] = field(default_factory=list)  # partners or time the articles do not cover
    seconds: float = 0.0
    top_score: float = 0.0  # best cosine similarity among the candidates
    coverage: float = 0.0  # share of the question's concepts found in the best passage
    # what a follow-up question was completed to, in the asker's language ('Belarus, 12/2023'); None if complete
    understood: str | None = None
    # JSON-serialisable state of this question (partners, time, topic) for completing a follow-up
    context: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "question": self.question,
            "lang": self.lang,
            "answerable": self.answerable,
            "decline_reason": self.decline_reason,
            "missing": self.missing,
            "passages": [p.to_json() for p in self.passages],
        }


@dataclass(frozen=True)
class CorpusSummary:
    articles: int
    chunks: int
    first: PartialDate | None
    last: PartialDate | None
    partners: list[str]
    embedder: str
    created: str


@dataclass
class _Candidate:
    row: int
    score: float = 0.0
    dense: float | None = None
    chunk: StoredChunk | None = None
    coverage: float = 0.0


class Searcher:
    def __init__(self, index: LoadedIndex, embedder: Embedder, config: RankingConfig | None = None) -> None:
        if index.embedder_identity != embedder.identity:
            raise ValueError(f"index built with {index.embedder_identity}, embedder is {embedder.identity}")
        import faiss

        faiss.omp_set_num_threads(1)  # one query at a time: threads only slow the next embedding call
        self._index = index
        self._embedder = embedder
        self.config = config or RankingConfig()
        self._swap_lock = threading.Lock()

    @property
    def index(self) -> LoadedIndex:
        return self._index

    def swap(self, index: LoadedIndex) -> LoadedIndex:
        """Serve `index` from now on; returns the previous one (its readers may still be running)."""
        if index.embedder_identity != self._embedder.identity:
            raise ValueError("new index was built with another embedder")
        with self._swap_lock:
            old, self._index = self._index, index
        return old

    def summary(self) -> CorpusSummary:
        index = self._index
        return CorpusSummary(
            len(index.articles),
            index.chunk_count,
            index.first_date,
            index.last_date,
            index.partner_names,
            index.embedder_identity,
            index.manifest.get("created", ""),
        )

    # ---- asking ---------------------------------------------------------------------------------

    def ask(self, question: str, k: int = 3, follow_up: dict | None = None) -> Answer:
        import time

        started = time.perf_counter()
        index = self._index  # this question keeps this generation even if a swap happens meanwhile
        plan = analyse(question)
        answer = self._answer(index, plan, max(1, min(k, 10)))
        answer.seconds = time.perf_counter() - started
        return answer

    def _answer(self, index: LoadedIndex, plan: QueryPlan, k: int) -> Answer:
        def decline(reason: str, missing: list[str] | None = None, top: float = 0.0) -> Answer:
            return Answer(plan.question, plan.lang, False, [], reason, missing or [], top_score=top)

        if not plan.terms and not plan.question.strip(" ?.!"):
            return decline("empty")
        if index.chunk_count == 0:
            return decline("weak")
        asked_known = plan.partners & index.partner_set
        if plan.partners and not asked_known:
            return decline("partner", sorted(plan.partners - index.partner_set))

        unknown = [n for n in plan.names if fold(n) not in index.vocab]
        if unknown:
            return decline("names", unknown)
        candidates = self._candidates(index, plan)
        chunks = index.chunks([c.row for c in candidates])
        for c in candidates:
            c.chunk = chunks[c.row]
        if asked_known:
            candidates = [c for c in candidates if index.articles[c.chunk.doc].partners & asked_known]
        if plan.time is not None:
            timely = [c for c in candidates if _in_time(c.chunk, index.articles[c.chunk.doc].date, plan.time)]
            if not timely:
                return decline("time", [plan.time.label()])
            candidates = timely
        if not candidates:
            return decline("weak")

        candidates.sort(key=lambda c: -c.score)
        chosen = self._diversify(candidates, k)
        # English words the lexicon could not render count against coverage, at a third of their weight:
        # 'weather', 'cook' are evidence that the question is about something else
        extra = [frozenset({w}) for w in plan.leftovers if frozenset({w}) not in plan.concepts]
        concepts = plan.concepts + extra
        weights = [_concept_weight(index, c) for c in plan.concepts]
        weights += [_concept_weight(index, c) * (1.0 if next(iter(c)) in index.vocab else 0.35) for c in extra]
        for c in chosen:
            c.coverage = _coverage(concepts, weights, match_words(c.chunk.title + "\n" + c.chunk.text, plan))
        best_coverage = max(c.coverage for c in chosen)
        best_dense = max((c.dense for c in candidates if c.dense is not None), default=0.0)
        cfg = self.config
        if concepts:
            confident = best_coverage >= cfg.min_coverage or (
                best_dense >= cfg.min_dense and best_coverage >= cfg.weak_coverage
            )
        else:  # nothing to check words against: only a close semantic match counts
            confident = best_dense >= cfg.min_dense
        if not confident:
            answer = decline("weak", top=best_dense)
            answer.coverage = best_coverage
            return answer
        term_weights = _term_weights(index, plan)
        passages = [self._passage(index, plan, c, term_weights) for c in chosen]
        return Answer(plan.question, plan.lang, True, passages, top_score=best_dense, coverage=best_coverage)

    def _candidates(self, index: LoadedIndex, plan: QueryPlan) -> list[_Candidate]:
        """Union of the dense and lexical top lists, scored by a weighted sum of normalised scores.

        Both scores are known for every candidate (a dense vector is read back from FAISS for
        lexical-only hits), so the fusion uses magnitudes, not only ranks: measured on the dev set,
        a clear BM25 winner was lost to rank fusion when the dense model ranked it low.
        """
        cfg = self.config
        n = min(CANDIDATES, index.chunk_count)
        rows: dict[int, _Candidate] = {}
        query_vector = self._embedder.embed_queries([plan.question]) if cfg.use_dense else None
        if query_vector is not None:
            _, found = index.faiss.search(query_vector, n)
            rows.update({int(r): _Candidate(int(r)) for r in found[0] if r >= 0})
        lexical = np.zeros(index.chunk_count, dtype=np.float32)
        ids = [index.vocab[t] for t in plan.terms if t in index.vocab]
        if cfg.use_lexical and ids:
            lexical = index.bm25.get_scores(ids)
            top = np.argpartition(-lexical, min(n, len(lexical) - 1))[:n]
            rows.update({int(r): rows.get(int(r), _Candidate(int(r))) for r in top if lexical[r] > 0})
        candidates = list(rows.values())
        if not candidates:
            return []
        lex = np.array([lexical[c.row] for c in candidates], dtype=np.float32)
        lex = lex / lex.max() if lex.max() > 0 else lex
        if query_vector is not None:
            vectors = np.vstack([index.faiss.reconstruct(c.row) for c in candidates])
            cos = vectors @ query_vector[0]
            spread = float(cos.max() - cos.min())
            dense = (cos - cos.min()) / spread if spread > 1e-6 else np.ones_like(cos)
        else:
            cos = dense = np.zeros(len(candidates), dtype=np.float32)
        alpha = cfg.ascii_dense_weight if plan.without_diacritics else cfg.dense_weight
        if not cfg.use_lexical or not ids:
            alpha = 1.0
        elif not cfg.use_dense:
            alpha = 0.0
        for c, lex_score, dense_score, cosine in zip(candidates, lex, dense, cos, strict=True):
            c.dense = float(cosine) if query_vector is not None else None
            c.score = float(alpha * dense_score + (1 - alpha) * lex_score)
        return candidates

    def _diversify(self, ranked: list[_Candidate], k: int) -> list[_Candidate]:
        """Top k without overlapping or duplicate passages, at most `per_article` from one article.

        Strong passages from different articles come first, so a question whose answer spans
        several articles ('which agreements…') sees each of them.
        """
        cfg = self.config
        chosen: list[_Candidate] = []
        per_doc: dict[str, int] = {}
        floor = ranked[0].score * cfg.diversity_ratio if ranked else 0.0
        for first_pass in (True, False):
            for cand in ranked:
                if len(chosen) == k:
                    return sorted(chosen, key=lambda c: -c.score)
                chunk = cand.chunk
                used = per_doc.get(chunk.doc, 0)
                if cand in chosen or used >= (1 if first_pass else cfg.per_article):
                    continue
                if first_pass and cand.score < floor:
                    break
                if any(_overlaps(chunk, c.chunk) or _near_duplicate(chunk, c.chunk) for c in chosen):
                    continue
                chosen.append(cand)
                per_doc[chunk.doc] = used + 1
        return sorted(chosen, key=lambda c: -c.score)

    def _passage(
        self, index: LoadedIndex, plan: QueryPlan, cand: _Candidate, term_weights: dict[str, float]
    ) -> Passage:
        chunk = cand.chunk
        info = index.articles[chunk.doc]
        spans = [s for s in sentence_spans(chunk.text) if not is_photo_credit(chunk.text[s[0] : s[1]])]
        spans = spans or [(0, len(chunk.text))]
        scored = [(_sentence_score(chunk.text[s:e], term_weights), -i) for i, (s, e) in enumerate(spans)]
        best_i = -max(scored)[1]
        best_start, best_end = spans[best_i]
        shown_start, shown_end = _window(spans, best_i, self.config.display_chars)
        in_best = [e for e in chunk.event_dates if best_start <= e.start < best_end]
        date = _passage_date(plan, in_best, info)
        as_written = None
        if date is None or date.year is None:
            unresolved = [e for e in chunk.event_dates if e.date.year is None]
            date, as_written = None, (unresolved[0].date.as_written() if unresolved else None)
        return Passage(
            doc=chunk.doc,
            title=info.title,
            url=info.url,
            date=date,
            date_as_written=as_written,
            article_date=info.date,
            event_dates=list(chunk.event_dates),
            text=strip_photo_credits(chunk.text[shown_start:shown_end]),
            best_sentence=chunk.text[best_start:best_end],
            score=cand.score,
            chunk_id=chunk.chunk_id,
        )


def _passage_date(plan: QueryPlan, in_sentence: list[EventDate], info: ArticleInfo) -> PartialDate | None:
    """The date a passage is about.

    A date asked for ('in 2019') or a day named in the sentence wins; a year or month in the
    sentence wins only when the question asks 'when' (otherwise 'the memorandum signed in 2017'
    would date a 2025 meeting); then the day of the reported event, then the publication date.
    """
    points = [e.date for e in in_sentence if e.kind == "point" and e.date.year is not None]
    if plan.time is not None:
        for d in points:
            if d.matches(plan.time.year, plan.time.month):
                return d
    for d in points:
        if d.day is not None:
            return d
    if plan.asks_when and points:
        return points[0]
    return info.event_date or info.date


def _in_time(chunk: StoredChunk, article_date: PartialDate | None, when: TimeFilter) -> bool:
    if article_date is not None and article_date.matches(when.year, when.month):
        return True
    return any(e.covers(when.year, when.month) for e in chunk.event_dates)


def _overlaps(a: StoredChunk, b: StoredChunk) -> bool:
    if a.doc != b.doc:
        return False
    shared = min(a.end, b.end) - max(a.start, b.start)
    return shared > 0.5 * min(a.end - a.start, b.end - b.start)


def _near_duplicate(a: StoredChunk, b: StoredChunk) -> bool:
    wa, wb = set(words(a.text)), set(words(b.text))
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) > 0.85


def _coverage(concepts: list[frozenset[str]], weights: list[float], haystack: str) -> float:
    """IDF-weighted share of the question's concepts that the passage (or its article title) contains."""
    total = sum(weights)
    if not concepts or total <= 0:
        return 0.0
    hits = sum(
        w for concept, w in zip(concepts, weights, strict=True) if any(f" {alt} " in haystack for alt in concept)
    )
    return hits / total


def _concept_weight(index: LoadedIndex, concept: frozenset[str]) -> float:
    """Rare words weigh more; a word the corpus never uses weighs most."""
    return max(
        (sum(_idf(index, t) for t in tokens) / len(tokens) for alt in concept if (tokens := words(alt))),
        default=0.0,
    )


def _term_weights(index: LoadedIndex, plan: QueryPlan) -> dict[str, float]:
    """Rarer query terms count more when choosing the sentence to highlight; absent ones not at all."""
    return {term: _idf(index, term) if term in index.vocab else 0.0 for term in plan.terms}


def _idf(index: LoadedIndex, term: str) -> float:
    """BM25's idf of a folded term (df read from the index's term-by-passage matrix); 0 passages -> highest."""
    term_id = index.vocab.get(term)
    indptr = index.bm25.scores["indptr"]
    df = int(indptr[term_id + 1] - indptr[term_id]) if term_id is not None else 0
    n = max(index.chunk_count, 1)
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def _sentence_score(sentence: str, weights: dict[str, float]) -> float:
    tokens = words(sentence)
    present = set(tokens) | {f"{a}_{b}" for a, b in itertools.pairwise(tokens)}
    return sum(w for term, w in weights.items() if term in present)


def _window(spans: list[tuple[int, int]], best: int, limit: int) -> tuple[int, int]:
    """Whole sentences around the best one, within `limit` characters where possible."""
    lo = hi = best
    while True:
        grown = False
        if hi + 1 < len(spans) and spans[hi + 1][1] - spans[lo][0] <= limit:
            hi += 1
            grown = True
        if lo > 0 and spans[hi][1] - spans[lo - 1][0] <= limit:
            lo -= 1
            grown = True
        if not grown:
            return spans[lo][0], spans[hi][1]
