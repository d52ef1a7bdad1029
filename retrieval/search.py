"""Hybrid search: dense (FAISS) + lexical (BM25) fused by reciprocal rank, then filters and a decline.

`Searcher.ask(question)` is the one entry point the CLI and the bot use. The searcher holds a
reference to one loaded generation; `swap()` replaces it atomically, and a question already
running keeps the generation it started with.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field

import numpy as np

from retrieval.dates import EventDate, PartialDate, TimeFilter, primary_date
from retrieval.embedders import Embedder
from retrieval.query import QueryPlan, analyse
from retrieval.reader import LoadedIndex, StoredChunk
from retrieval.text import is_photo_credit, strip_photo_credits, sentence_spans, words

CANDIDATES = 50
RRF_K = 60


@dataclass(frozen=True)
class RankingConfig:
    """Fusion weights and the decline thresholds, calibrated with `python -m retrieval eval`."""

    dense_weight: float = 1.0
    lexical_weight: float = 1.0
    per_article: int = 2
    # answer when the best passage covers this share of the question's concepts ...
    min_coverage: float = 0.5
    # ... or when the dense similarity is at least this and coverage at least `weak_coverage`
    min_dense: float = 0.84
    weak_coverage: float = 0.3
    display_chars: int = 700
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
    top_score: float = 0.0

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
    dense_rank: int | None = None
    lexical_rank: int | None = None
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
        first, last = index.date_range()
        return CorpusSummary(
            len(index.articles), index.chunk_count, first, last, index.partners(), index.embedder_identity,
            index.manifest.get("created", ""),
        )

    # ---- asking ---------------------------------------------------------------------------------

    def ask(self, question: str, k: int = 3) -> Answer:
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
        known = set(index.partners())
        asked_known = plan.partners & known
        if plan.partners and not asked_known:
            return decline("partner", sorted(plan.partners - known))

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
        for c in chosen:
            c.coverage = _coverage(plan, c.chunk)
        best_coverage = max(c.coverage for c in chosen)
        best_dense = max((c.dense for c in candidates if c.dense is not None), default=0.0)
        cfg = self.config
        confident = best_coverage >= cfg.min_coverage or (
            best_dense >= cfg.min_dense and best_coverage >= cfg.weak_coverage
        )
        if not confident:
            return decline("weak", top=best_dense)
        passages = [self._passage(index, plan, c) for c in chosen]
        return Answer(plan.question, plan.lang, True, passages, top_score=best_dense)

    def _candidates(self, index: LoadedIndex, plan: QueryPlan) -> list[_Candidate]:
        cfg = self.config
        found: dict[int, _Candidate] = {}
        n = min(CANDIDATES, index.chunk_count)
        if cfg.use_dense:
            query_vector = self._embedder.embed_queries([plan.question])
            scores, rows = index.faiss.search(query_vector, n)
            for rank, (row, score) in enumerate(zip(rows[0], scores[0], strict=True)):
                if row < 0:
                    continue
                cand = found.setdefault(int(row), _Candidate(int(row)))
                cand.dense, cand.dense_rank = float(score), rank
                cand.score += cfg.dense_weight / (RRF_K + rank)
        if cfg.use_lexical:
            ids = [index.vocab[t] for t in plan.terms if t in index.vocab]
            if ids:
                lexical = index.bm25.get_scores(ids)
                top = np.argpartition(-lexical, min(n, len(lexical) - 1))[:n]
                top = top[np.argsort(-lexical[top])]
                for rank, row in enumerate(r for r in top if lexical[r] > 0):
                    cand = found.setdefault(int(row), _Candidate(int(row)))
                    cand.lexical_rank = rank
                    cand.score += cfg.lexical_weight / (RRF_K + rank)
        return list(found.values())

    def _diversify(self, ranked: list[_Candidate], k: int) -> list[_Candidate]:
        """Top k without overlapping or duplicate passages, at most `per_article` from one article."""
        chosen: list[_Candidate] = []
        per_doc: dict[str, int] = {}
        for cand in ranked:
            chunk = cand.chunk
            if per_doc.get(chunk.doc, 0) >= self.config.per_article:
                continue
            if any(_overlaps(chunk, c.chunk) or _near_duplicate(chunk, c.chunk) for c in chosen):
                continue
            chosen.append(cand)
            per_doc[chunk.doc] = per_doc.get(chunk.doc, 0) + 1
            if len(chosen) == k:
                break
        return chosen

    def _passage(self, index: LoadedIndex, plan: QueryPlan, cand: _Candidate) -> Passage:
        chunk = cand.chunk
        info = index.articles[chunk.doc]
        spans = [s for s in sentence_spans(chunk.text) if not is_photo_credit(chunk.text[s[0] : s[1]])]
        spans = spans or [(0, len(chunk.text))]
        weights = _idf_weights(index, plan)
        scored = [(_sentence_score(chunk.text[s:e], weights), -i) for i, (s, e) in enumerate(spans)]
        best_i = -max(scored)[1]
        best_start, best_end = spans[best_i]
        shown_start, shown_end = _window(spans, best_i, self.config.display_chars)
        in_best = [e for e in chunk.event_dates if best_start <= e.start < best_end]
        date = primary_date(in_best) or info.date
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


def _coverage(plan: QueryPlan, chunk: StoredChunk) -> float:
    """Share of the question's concepts that the passage (or its article title) contains."""
    if not plan.concepts:
        return 0.0
    haystack = " " + " ".join(words(chunk.title + " " + chunk.text)) + " "
    hits = sum(1 for concept in plan.concepts if any(f" {alt} " in haystack for alt in concept))
    return hits / len(plan.concepts)


def _idf_weights(index: LoadedIndex, plan: QueryPlan) -> dict[str, float]:
    """Rarer query terms count more when choosing the sentence to highlight."""
    n = max(index.chunk_count, 1)
    weights = {}
    for term in plan.terms:
        tid = index.vocab.get(term)
        df = _document_frequency(index, tid) if tid is not None else 0
        weights[term] = math.log(1 + (n - df + 0.5) / (df + 0.5)) if df else 0.0
    return weights


def _document_frequency(index: LoadedIndex, term_id: int) -> int:
    indptr = index.bm25.scores["indptr"]
    return int(indptr[term_id + 1] - indptr[term_id])


def _sentence_score(sentence: str, weights: dict[str, float]) -> float:
    tokens = words(sentence)
    present = set(tokens) | {f"{a}_{b}" for a, b in zip(tokens, tokens[1:], strict=False)}
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

