"""`python -m retrieval bench`: latency, memory and indexing throughput, printed as a table.

Seed corpus: the real pipeline end to end (`Searcher.ask`) on a private copy of the index.
Synthetic sizes: the same query path with a synthetic corpus of N passages made by recombining
sentences of the seed articles (so BM25 sees realistic Vietnamese tokens), with embeddings drawn
at random (embedding 100k passages here would take hours); query embedding stays real.
"""

from __future__ import annotations

import random
import resource
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np

from retrieval.answer.analyse import analyse
from retrieval.articles import load_articles
from retrieval.chunking import chunk_article
from retrieval.config import RetrievalSettings
from retrieval.embedders import Embedder
from retrieval.generations import build_index
from retrieval.reader import open_index
from retrieval.search import Searcher
from retrieval.store import make_faiss_index
from retrieval.text import lexical_terms, words

QUESTIONS = [
    "Việt Nam ký gì với Belarus năm 2023?",
    "Who did the minister meet in Moscow?",
    "hop tac voi nam phi ve dong vat hoang da",
    "Thỏa thuận an ninh với Azerbaijan",
    "What did the minister ask Ericsson to do?",
    "bo truong to lam ky ban ghi nho",
    "Hiệp định dẫn độ với Mozambique",
    "Which agreements has Vietnam signed with Belarus?",
]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _pct(values: list[float]) -> tuple[float, float]:
    p50, p95 = np.percentile(np.array(values) * 1000, [50, 95])
    return float(p50), float(p95)


def run_bench(settings: RetrievalSettings, embedder: Embedder, sizes: list[int], queries: int) -> None:
    import logging

    import faiss

    logging.getLogger("bm25s").setLevel(logging.WARNING)
    faiss.omp_set_num_threads(1)
    rows: list[tuple[str, ...]] = []
    with tempfile.TemporaryDirectory() as tmp:
        articles, index_dir = Path(tmp) / "articles", Path(tmp) / "index"
        shutil.copytree(settings.articles_dir, articles)
        started = time.perf_counter()
        report = build_index(articles, index_dir, embedder, rebuild=True)
        throughput = report.new_embeddings / (time.perf_counter() - started)
        searcher = Searcher(open_index(index_dir, embedder), embedder)
        embed_t, total_t = [], []
        for i in range(queries):
            q = QUESTIONS[i % len(QUESTIONS)]
            t0 = time.perf_counter()
            embedder.embed_queries([q])
            embed_t.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            searcher.ask(q)
            total_t.append(time.perf_counter() - t0)
        e50, e95 = _pct(embed_t)
        t50, t95 = _pct(total_t)
        rows.append(
            (
                "seed",
                str(report.chunks),
                "flat",
                f"{e50:.1f}/{e95:.1f}",
                "-",
                f"{t50:.1f}/{t95:.1f}",
                f"{_rss_mb():.0f}",
            )
        )
        print(f"indexing: {report.new_embeddings} passages and sentences embedded at {throughput:.1f} texts/s")

    sentences = _seed_sentences(settings)
    rng = random.Random(0)
    for n in sizes:
        rows.extend(_synthetic_rows(n, sentences, embedder, queries, rng))
    header = ("corpus", "passages", "faiss", "embed p50/p95 ms", "search p50/p95 ms", "total p50/p95 ms", "peak RSS MB")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True)))


def _seed_sentences(settings: RetrievalSettings) -> list[str]:
    from retrieval.text import sentence_spans

    out = []
    for article in load_articles(settings.articles_dir).articles:
        for chunk in chunk_article(article):
            out.extend(chunk.text[s:e] for s, e in sentence_spans(chunk.text))
    return out


def _synthetic_rows(n, sentences, embedder, queries, rng) -> list[tuple[str, ...]]:
    import bm25s

    corpus = [lexical_terms(words(" ".join(rng.sample(sentences, 3)))) for _ in range(n)]
    lexical = bm25s.BM25()
    lexical.index(corpus, show_progress=False)
    vectors = np.random.default_rng(0).standard_normal((n, embedder.dim)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    rows = []
    for kind in ("flat", "hnsw"):
        index = make_faiss_index(vectors, embedder.dim, 0 if kind == "hnsw" else n + 1)
        if kind == "hnsw":
            index.hnsw.efSearch = 96
        embed_t, search_t = [], []
        for i in range(queries):
            q = QUESTIONS[i % len(QUESTIONS)]
            t0 = time.perf_counter()
            qv = embedder.embed_queries([q])
            embed_t.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            index.search(qv, 50)
            plan = analyse(q)
            ids = [lexical.vocab_dict[t] for t in plan.terms if t in lexical.vocab_dict]
            if ids:
                scores = lexical.get_scores(ids)
                np.argpartition(-scores, 50)[:50]
            search_t.append(time.perf_counter() - t0)
        e50, e95 = _pct(embed_t)
        s50, s95 = _pct(search_t)
        t50, t95 = _pct([a + b for a, b in zip(embed_t, search_t, strict=True)])
        rows.append(
            (
                "synthetic",
                str(n),
                kind,
                f"{e50:.1f}/{e95:.1f}",
                f"{s50:.1f}/{s95:.1f}",
                f"{t50:.1f}/{t95:.1f}",
                f"{_rss_mb():.0f}",
            )
        )
    return rows
