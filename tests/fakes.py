"""Test doubles: an embedder whose numbers don't depend on a model, for fast unit tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from retrieval.answer.config import RankingConfig
from retrieval.generations import build_index
from retrieval.reader import open_index
from retrieval.search import Searcher
from retrieval.text import words


class FakeEmbedder:
    """Bag of folded words hashed into a small vector: texts sharing words are similar.

    Deterministic and instant, so tests of indexing, ranking and rendering run without the model.
    """

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim
        self.identity = f"fake-hash:{dim}"
        self.passages_embedded = 0

    def _vector(self, text: str) -> np.ndarray:
        vec = np.zeros(self.dim, dtype=np.float32)
        for token in words(text):
            slot = int.from_bytes(hashlib.blake2b(token.encode(), digest_size=4).digest(), "little")
            vec[slot % self.dim] += 1.0
        norm = np.linalg.norm(vec)
        return vec / norm if norm else vec

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return np.vstack([self._vector(t) for t in texts]) if texts else np.empty((0, self.dim), np.float32)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        self.passages_embedded += len(texts)
        return self.embed_queries(texts)


def fake_searcher(articles: dict[str, str], where: Path) -> Searcher:
    """A searcher over `articles` (file name -> text) indexed under `where` with the FakeEmbedder,
    answering whatever its score: for tests of what is chosen and shown, not of when to decline."""
    folder = where / "articles"
    folder.mkdir()
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    embedder = FakeEmbedder()
    build_index(folder, where / "index", embedder)
    return Searcher(open_index(where / "index", embedder), embedder, RankingConfig(answer_threshold=-100.0))
