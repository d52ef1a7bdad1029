"""Index generations: build a complete new index beside the old one, then switch atomically.

Layout of INDEX_DIR:
    CURRENT                      name of the live generation (replaced with os.replace)
    build.lock                   held while a build runs (one builder at a time, across processes)
    embedding-cache.sqlite       vectors by (embedder identity, passage hash): re-indexing is incremental
    gen-<time>-<rand>/           an immutable generation:
        manifest.json            format, embedder identity, dim, article fingerprints, counts (written last)
        vectors.faiss            FAISS inner-product index, row i = chunk row i
        store.sqlite             articles and chunks (text, spans, dates)
        bm25/                    bm25s lexical index over folded unigrams + bigrams

A reader opens one generation and keeps it; a failed build leaves CURRENT untouched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import logging
import os
import secrets
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from retrieval.articles import Article, load_articles
from retrieval.chunking import Chunk, chunk_article
from retrieval.dates import EventDate, PartialDate, find_event_dates
from retrieval.embedders import Embedder
from retrieval.lexicon import partners_in_text
from retrieval.text import lexical_terms, strip_photo_credits, words

log = logging.getLogger(__name__)

FORMAT_VERSION = 4  # bump when parsing or chunking changes: the index is rebuilt
EMBED_BATCH = 16
DEFAULT_HNSW_THRESHOLD = 200_000
Progress = Callable[[int, int], None]


class IndexBusy(RuntimeError):
    """Another build holds the lock."""


class IndexUnavailable(RuntimeError):
    """No usable index: missing, from another format, or built with another embedder."""


@dataclass
class BuildReport:
    articles: int
    chunks: int
    new_embeddings: int
    seconds: float
    generation: str
    changed: bool
    skipped: dict[str, str] = field(default_factory=dict)

    def summary(self) -> str:
        return (
            f"articles={self.articles} chunks={self.chunks} new_embeddings={self.new_embeddings} "
            f"seconds={self.seconds:.2f} generation={self.generation}"
            + ("" if self.changed else " (unchanged)")
            + (f" skipped={len(self.skipped)}" if self.skipped else "")
        )


# ---- embedding cache ----------------------------------------------------------------------------


class EmbeddingCache:
    """Vectors keyed by (embedder identity, hash of the embedded text)."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(path)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS vectors (identity TEXT, key TEXT, vec BLOB, PRIMARY KEY (identity, key))"
        )

    def get_many(self, identity: str, keys: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for i in range(0, len(keys), 500):
            part = keys[i : i + 500]
            marks = ",".join("?" * len(part))
            rows = self._db.execute(
                f"SELECT key, vec FROM vectors WHERE identity = ? AND key IN ({marks})", [identity, *part]
            )
            found.update({k: np.frombuffer(v, dtype=np.float32) for k, v in rows})
        return found

    def put_many(self, identity: str, items: dict[str, np.ndarray]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)",
                [(identity, k, v.astype(np.float32).tobytes()) for k, v in items.items()],
            )

    def keep_only(self, identity: str, keys: set[str]) -> None:
        """Forget vectors of passages no longer in the corpus."""
        stored = {k for (k,) in self._db.execute("SELECT key FROM vectors WHERE identity = ?", [identity])}
        stale = stored - keys
        with self._db:
            self._db.executemany("DELETE FROM vectors WHERE identity = ? AND key = ?", [(identity, k) for k in stale])

    def close(self) -> None:
        self._db.close()


# ---- building -----------------------------------------------------------------------------------


@contextlib.contextmanager
def _build_lock(index_dir: Path) -> Iterator[None]:
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / "build.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IndexBusy("an index build is already running") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def current_generation(index_dir: Path) -> Path | None:
    try:
        name = (index_dir / "CURRENT").read_text().strip()
    except FileNotFoundError:
        return None
    path = index_dir / name
    return path if name and (path / "manifest.json").is_file() else None


def read_manifest(generation: Path) -> dict:
    return json.loads((generation / "manifest.json").read_text())


def build_index(
    articles_dir: Path,
    index_dir: Path,
    embedder: Embedder,
    *,
    rebuild: bool = False,
    progress: Progress | None = None,
    hnsw_threshold: int = DEFAULT_HNSW_THRESHOLD,
) -> BuildReport:
    """Bring the index up to date with `articles_dir`; embeds only passages not embedded before."""
    started = time.perf_counter()
    with _build_lock(index_dir):
        loaded = load_articles(articles_dir)
        fingerprints = {a.doc: a.fingerprint for a in loaded.articles}
        live = current_generation(index_dir)
        if live is not None and not rebuild:
            manifest = read_manifest(live)
            if (
                manifest.get("format_version") == FORMAT_VERSION
                and manifest.get("embedder") == embedder.identity
                and manifest.get("articles") == fingerprints
            ):
                counts = manifest["counts"]
                return BuildReport(
                    counts["articles"],
                    counts["chunks"],
                    0,
                    time.perf_counter() - started,
                    live.name,
                    False,
                    loaded.skipped,
                )
        chunks = [c for a in loaded.articles for c in chunk_article(a)]
        vectors, new_count = _embed_with_cache(index_dir, embedder, chunks, progress, rebuild)
        generation = _write_generation(
            index_dir, embedder, loaded.articles, chunks, vectors, fingerprints, hnsw_threshold
        )
        _switch_to(index_dir, generation)
        _prune(index_dir, keep={generation.name, live.name if live else ""})
        seconds = time.perf_counter() - started
        log.info(
            "index built: %d articles, %d chunks, %d new embeddings, %.2fs",
            len(loaded.articles),
            len(chunks),
            new_count,
            seconds,
        )
        return BuildReport(len(loaded.articles), len(chunks), new_count, seconds, generation.name, True, loaded.skipped)


def _embed_with_cache(
    index_dir: Path, embedder: Embedder, chunks: list[Chunk], progress: Progress | None, rebuild: bool
) -> tuple[np.ndarray, int]:
    cache = EmbeddingCache(index_dir / "embedding-cache.sqlite")
    try:
        keys = [c.cache_key for c in chunks]
        known = {} if rebuild else cache.get_many(embedder.identity, keys)
        missing = [c for c in chunks if c.cache_key not in known]
        missing = list({c.cache_key: c for c in missing}.values())  # identical passages embed once
        for i in range(0, len(missing), EMBED_BATCH):
            batch = missing[i : i + EMBED_BATCH]
            vectors = embedder.embed_passages([c.embed_text for c in batch])
            fresh = {c.cache_key: v for c, v in zip(batch, vectors, strict=True)}
            cache.put_many(embedder.identity, fresh)  # saved per batch: an interrupted build resumes
            known.update(fresh)
            if progress:
                progress(min(i + EMBED_BATCH, len(missing)), len(missing))
        cache.keep_only(embedder.identity, set(keys))
        matrix = np.vstack([known[k] for k in keys]) if keys else np.empty((0, embedder.dim), np.float32)
        return np.ascontiguousarray(matrix, dtype=np.float32), len(missing)
    finally:
        cache.close()


def _write_generation(
    index_dir: Path,
    embedder: Embedder,
    articles: list[Article],
    chunks: list[Chunk],
    vectors: np.ndarray,
    fingerprints: dict[str, str],
    hnsw_threshold: int,
) -> Path:
    import bm25s
    import faiss

    name = f"gen-{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"
    staging = index_dir / f"{name}.tmp"
    staging.mkdir(parents=True)
    try:
        faiss.write_index(make_faiss_index(vectors, embedder.dim, hnsw_threshold), str(staging / "vectors.faiss"))
        _write_store(staging / "store.sqlite", articles, chunks)
        retriever = bm25s.BM25()
        corpus = [lexical_terms(words(c.embed_text)) or [""] for c in chunks] or [[""]]
        retriever.index(corpus, show_progress=False)
        retriever.save(str(staging / "bm25"), show_progress=False)
        manifest = {
            "format_version": FORMAT_VERSION,
            "embedder": embedder.identity,
            "dim": embedder.dim,
            "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "articles": fingerprints,
            "counts": {"articles": len(articles), "chunks": len(chunks)},
            "faiss": "hnsw" if len(chunks) >= hnsw_threshold else "flat",
        }
        _write_atomically(staging / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
        final = index_dir / name
        os.replace(staging, final)
        return final
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def make_faiss_index(vectors: np.ndarray, dim: int, hnsw_threshold: int):  # -> faiss.Index
    """Exact inner product while small; HNSW above the measured crossover (see `python -m retrieval bench`)."""
    import faiss

    if len(vectors) >= hnsw_threshold:
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
    else:
        index = faiss.IndexFlatIP(dim)
    if len(vectors):
        index.add(vectors)
    return index


def _write_store(path: Path, articles: list[Article], chunks: list[Chunk]) -> None:
    by_doc = {a.doc: a for a in articles}
    db = sqlite3.connect(path)
    try:
        db.executescript(
            """
            CREATE TABLE articles (doc TEXT PRIMARY KEY, title TEXT, url TEXT, date TEXT, event_date TEXT, partners TEXT);
            CREATE TABLE chunks (row INTEGER PRIMARY KEY, chunk_id TEXT, doc TEXT, start INTEGER, "end" INTEGER,
                                 text TEXT, title_context TEXT, event_dates TEXT);
            """
        )
        db.executemany(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    a.doc,
                    a.title,
                    a.url,
                    a.date.iso() if a.date else None,
                    _iso(dateline_date(a)),
                    json.dumps(sorted(partners_in_text(strip_photo_credits(a.text)))),
                )
                for a in articles
            ],
        )
        rows = []
        for row, c in enumerate(chunks):
            article = by_doc[c.doc]
            events = find_event_dates(c.text, article.date)
            rows.append((row, c.chunk_id, c.doc, c.start, c.end, c.text, article.title, encode_events(events)))
        db.executemany("INSERT INTO chunks VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        db.commit()
    finally:
        db.close()


def _iso(date: PartialDate | None) -> str | None:
    return date.iso() if date else None


def dateline_date(article: Article) -> PartialDate | None:
    """The day the reported event happened, from the lead ('Ngày 3/12, tại Hà Nội, …').

    News is often published a day or two after the event; the lead's day is what a reader means by
    'when'. Only a day-precision date close before the publication date is accepted.
    """
    if article.date is None or article.date.year is None:
        return None
    lead = article.body[:400]
    for event in find_event_dates(lead, article.date):
        d = event.date
        if event.kind != "point" or d.day is None or d.year is None:
            continue
        if article.date.day is None:
            return d if (d.year, d.month) == (article.date.year, article.date.month) else None
        gap = (dt.date(article.date.year, article.date.month, article.date.day) - dt.date(d.year, d.month, d.day)).days
        return d if 0 <= gap <= 14 else None
    return None


def encode_events(events: list[EventDate]) -> str:
    return json.dumps(
        [
            [e.date.year, e.date.month, e.date.day, e.text, e.start, e.kind, e.end.year if e.end else None]
            for e in events
        ],
        ensure_ascii=False,
    )


def decode_events(raw: str) -> list[EventDate]:
    out = []
    for year, month, day, text, start, kind, end_year in json.loads(raw):
        end = PartialDate(end_year) if end_year else None
        out.append(EventDate(PartialDate(year, month, day), text, start, kind, end))
    return out


def _write_atomically(path: Path, content: str) -> None:
    tmp = path.with_name(path.name + f".{secrets.token_hex(3)}.tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _switch_to(index_dir: Path, generation: Path) -> None:
    _write_atomically(index_dir / "CURRENT", generation.name + "\n")


def _prune(index_dir: Path, keep: set[str]) -> None:
    """Drop older generations and abandoned staging folders; readers already hold what they loaded."""
    for path in index_dir.iterdir():
        if path.is_dir() and path.name.startswith("gen-") and path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)
