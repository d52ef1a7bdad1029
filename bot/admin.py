"""Admin jobs: re-indexing while questions keep being answered, and adding an uploaded article."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from retrieval.articles import Article, ArticleError, parse_article
from retrieval.config import RetrievalSettings
from retrieval.embedders import Embedder
from retrieval.generations import BuildReport, IndexBusy, build_index
from retrieval.reader import open_index
from retrieval.search import Searcher

log = logging.getLogger(__name__)


class Reindexer:
    """Runs one build at a time off the event loop, then swaps the new generation in."""

    def __init__(self, searcher: Searcher, embedder: Embedder, settings: RetrievalSettings) -> None:
        self._searcher = searcher
        self._embedder = embedder
        self._settings = settings
        self._lock = asyncio.Lock()

    @property
    def busy(self) -> bool:
        return self._lock.locked()

    async def run(self) -> BuildReport:
        if self._lock.locked():  # checked and taken with no await between: no second run can slip in
            raise IndexBusy("a re-index is already running")
        async with self._lock:
            s = self._settings
            report = await asyncio.to_thread(
                build_index, s.articles_dir, s.index_dir, self._embedder, hnsw_threshold=s.hnsw_threshold
            )
            if report.changed or report.generation != self._searcher.index.generation.name:
                fresh = await asyncio.to_thread(open_index, s.index_dir, self._embedder)
                self._searcher.swap(fresh)  # the old generation stays open for questions already running
            return report


class UploadRejected(ValueError):
    """An uploaded file that is not accepted; the message is the reason, for the user."""


@dataclass(frozen=True)
class SavedArticle:
    path: Path
    article: Article


def safe_article_name(filename: str | None) -> str:
    """A plain '<name>.txt' with no path parts; anything unsafe is replaced."""
    base = Path((filename or "").replace("\\", "/")).name
    stem = base[:-4] if base.lower().endswith(".txt") else base
    stem = re.sub(r"[^\w.-]+", "_", stem, flags=re.UNICODE).strip("._-")[:80]
    return f"{stem or 'article'}.txt"


def save_article(folder: Path, filename: str | None, data: bytes) -> SavedArticle:
    """Validate and write atomically under a new name (never overwriting an existing article)."""
    name = safe_article_name(filename)
    try:
        parse_article(name, data)
    except ArticleError as exc:
        raise UploadRejected(str(exc)) from None
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".upload-{secrets.token_hex(6)}.part"  # not *.txt: never read half written
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        stem = name[:-4]
        for n in range(1000):
            candidate = folder / (name if n == 0 else f"{stem}-{n}.txt")
            try:
                os.link(tmp, candidate)  # fails if the name exists: a clash gets a new name
            except FileExistsError:
                continue
            return SavedArticle(candidate, parse_article(candidate.name, data))
        raise UploadRejected("too many articles with this name")
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
