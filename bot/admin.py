"""Admin jobs: re-indexing while questions keep being answered, and adding an uploaded article."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from retrieval.articles import Article, ArticleError, find_duplicate, parse_article
from retrieval.config import RetrievalSettings
from retrieval.embedders import Embedder
from retrieval.generations import BuildReport, build_index
from retrieval.reader import open_index
from retrieval.search import Searcher

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]


class Reindexer:
    """Builds one generation at a time off the event loop, then swaps it in.

    Builds are serialised by a lock (an upload waits for a running /reindex); a /reindex command
    additionally claims the reindexer without awaiting, so a second command is refused at once.
    """

    def __init__(self, searcher: Searcher, embedder: Embedder, settings: RetrievalSettings) -> None:
        self._searcher = searcher
        self._embedder = embedder
        self._settings = settings
        self._build_lock = asyncio.Lock()
        self._claimed = False

    def claim(self) -> bool:
        """Take the /reindex slot; False when a /reindex is already running (no await: atomic in the loop)."""
        if self._claimed:
            return False
        self._claimed = True
        return True

    def release(self) -> None:
        self._claimed = False

    async def run(self, progress: Progress | None = None) -> BuildReport:
        """Bring the index up to date; `progress(done, total)` is called from the build thread."""
        async with self._build_lock:
            s = self._settings
            report = await asyncio.to_thread(
                build_index,
                s.articles_dir,
                s.index_dir,
                self._embedder,
                progress=progress,
                hnsw_threshold=s.hnsw_threshold,
            )
            if report.changed or report.generation != self._searcher.index.generation.name:
                fresh = await asyncio.to_thread(open_index, s.index_dir, self._embedder)
                self._searcher.swap(fresh)  # the old generation stays open for questions already running
            return report


class ProgressRelay:
    """Receives progress from the build thread and keeps the latest (done, total) on the event loop."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self.latest: tuple[int, int] | None = None

    def __call__(self, done: int, total: int) -> None:
        self._loop.call_soon_threadsafe(self._set, done, total)

    def _set(self, done: int, total: int) -> None:
        self.latest = (done, total)


class UploadRejected(ValueError):
    """An uploaded file that is not accepted; `reason` is a catalogue key, `values` its fields."""

    def __init__(self, reason: str, **values: object) -> None:
        super().__init__(reason)
        self.reason = reason
        self.values = values


class DuplicateArticle(ValueError):
    """The upload tells the same story as an article already there (its file name is `doc`)."""

    def __init__(self, doc: str, article: Article | None) -> None:
        super().__init__(doc)
        self.doc = doc
        self.article = article


@dataclass(frozen=True)
class SavedArticle:
    path: Path
    article: Article
    replaced: bool


# The engine explains a rejected file in English; these keys let the bot say it in the user's language.
_REASONS = (
    ("empty", "upload_empty"),
    ("binary", "upload_binary"),
    ("utf-8", "upload_not_utf8"),
    ("too little text", "upload_too_little"),
    ("no body", "upload_no_body"),
    ("html", "upload_html"),
)


def reason_key(error: ArticleError) -> str:
    message = str(error).lower()
    return next((key for marker, key in _REASONS if marker in message), "upload_unreadable")


def safe_article_name(filename: str | None) -> str:
    """A plain '<name>.txt' with no path parts; anything unsafe is replaced."""
    base = Path((filename or "").replace("\\", "/")).name
    stem = base[:-4] if base.lower().endswith(".txt") else base
    stem = re.sub(r"[^\w.-]+", "_", stem, flags=re.UNICODE).strip("._-")[:80]
    return f"{stem or 'article'}.txt"


def save_article(folder: Path, filename: str | None, data: bytes) -> SavedArticle:
    """Validate, refuse a duplicate of another article, then write atomically (replacing a same-named one)."""
    name = safe_article_name(filename)
    try:
        article = parse_article(name, data)
        duplicate = find_duplicate(folder, data, name)
    except ArticleError as exc:
        raise UploadRejected(reason_key(exc)) from None
    if duplicate is not None:
        raise DuplicateArticle(duplicate, _read(folder / duplicate))
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    replaced = target.exists()
    tmp = folder / f".upload-{secrets.token_hex(6)}.part"  # not *.txt: never read half written
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)  # readers see the old article or the new one, never a mix
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return SavedArticle(target, article, replaced)


def _read(path: Path) -> Article | None:
    try:
        return parse_article(path.name, path.read_bytes())
    except (OSError, ArticleError):
        return None
