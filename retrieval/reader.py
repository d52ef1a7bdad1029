"""Opening one index generation for queries; it stays valid while newer generations are built."""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from retrieval.dates import EventDate, PartialDate
from retrieval.embedders import Embedder
from retrieval.generations import (
    FORMAT_VERSION,
    BuildReport,
    IndexUnavailable,
    build_index,
    current_generation,
    decode_events,
    read_manifest,
)

log = logging.getLogger(__name__)
HNSW_EF_SEARCH = 96


@dataclass(frozen=True)
class ArticleInfo:
    doc: str
    title: str
    url: str | None
    date: PartialDate | None
    event_date: PartialDate | None  # the day of the reported event, from the article's lead
    partners: frozenset[str]


@dataclass(frozen=True)
class StoredChunk:
    row: int
    chunk_id: str
    doc: str
    start: int
    end: int
    text: str
    title: str
    event_dates: tuple[EventDate, ...]


class LoadedIndex:
    """FAISS + BM25 + chunk store of one generation, loaded into memory (texts stay in SQLite)."""

    def __init__(self, generation: Path) -> None:
        import bm25s
        import faiss

        self.generation = generation
        self.manifest = read_manifest(generation)
        self.faiss = faiss.read_index(str(generation / "vectors.faiss"))
        if hasattr(self.faiss, "hnsw"):
            self.faiss.hnsw.efSearch = HNSW_EF_SEARCH
        self.bm25 = bm25s.BM25.load(str(generation / "bm25"), show_progress=False)
        self.vocab: dict[str, int] = self.bm25.vocab_dict
        # Read-only and shared across the bot's worker threads; the lock serialises access.
        self._db = sqlite3.connect(f"file:{generation / 'store.sqlite'}?mode=ro", uri=True, check_same_thread=False)
        self._db_lock = threading.Lock()
        self.articles: dict[str, ArticleInfo] = {
            doc: ArticleInfo(
                doc,
                title,
                url,
                PartialDate.from_iso(date),
                PartialDate.from_iso(event_date),
                frozenset(json.loads(partners)),
            )
            for doc, title, url, date, event_date, partners in self._db.execute(
                "SELECT doc, title, url, date, event_date, partners FROM articles"
            )
        }
        self.chunk_count = int(self.manifest["counts"]["chunks"])
        # A generation never changes: what every answer and /help needs about it is worked out once.
        dated = sorted(a.date for a in self.articles.values() if a.date is not None)
        self.first_date, self.last_date = (dated[0], dated[-1]) if dated else (None, None)
        mentions = Counter(p for info in self.articles.values() for p in info.partners)
        self.partner_names: list[str] = sorted(mentions, key=lambda p: (-mentions[p], p))  # most mentioned first
        self.partner_set: frozenset[str] = frozenset(mentions)

    @property
    def embedder_identity(self) -> str:
        return self.manifest["embedder"]

    def chunks(self, rows: list[int]) -> dict[int, StoredChunk]:
        if not rows:
            return {}
        marks = ",".join("?" * len(rows))
        with self._db_lock:
            fetched = self._db.execute(
                f'SELECT row, chunk_id, doc, start, "end", text, title_context, event_dates FROM chunks '
                f"WHERE row IN ({marks})",
                [int(r) for r in rows],
            ).fetchall()
        return {
            row: StoredChunk(row, cid, doc, start, end, text, title, tuple(decode_events(events)))
            for row, cid, doc, start, end, text, title, events in fetched
        }

    def close(self) -> None:
        with self._db_lock:
            self._db.close()


def _live_generation(index_dir: Path, embedder: Embedder) -> Path:
    """The live generation if it exists and was built with this embedder and format (manifest only)."""
    generation = current_generation(index_dir)
    if generation is None:
        raise IndexUnavailable("no index has been built yet")
    manifest = read_manifest(generation)
    if manifest.get("format_version") != FORMAT_VERSION:
        raise IndexUnavailable(f"index format {manifest.get('format_version')} is not {FORMAT_VERSION}")
    if manifest.get("embedder") != embedder.identity:
        raise IndexUnavailable(f"index was built with {manifest.get('embedder')}, not {embedder.identity}")
    return generation


def open_index(index_dir: Path, embedder: Embedder) -> LoadedIndex:
    """The live generation, loaded; IndexUnavailable if it is missing or from another embedder/format."""
    return LoadedIndex(_live_generation(index_dir, embedder))


def open_or_build(
    articles_dir: Path, index_dir: Path, embedder: Embedder, **build_args
) -> tuple[LoadedIndex, BuildReport]:
    """Bring the index up to date with the articles folder, then open it (loaded once)."""
    try:
        _live_generation(index_dir, embedder)
    except IndexUnavailable as why:
        log.info("building a new index: %s", why)
    report = build_index(articles_dir, index_dir, embedder, **build_args)
    return open_index(index_dir, embedder), report
