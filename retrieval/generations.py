"""Index generations: build a complete new index beside the old one, then switch atomically.

Layout of INDEX_DIR:
    CURRENT                      name of the live generation (replaced with os.replace)
    build.lock                   held while a build runs (one builder at a time, across processes)
    embedding-cache.sqlite       vectors by (embedder identity, text hash): re-indexing is incremental
    gen-<time>-<rand>/           an immutable generation, laid out by `retrieval.store`

A reader opens one generation and keeps it; a failed build leaves CURRENT untouched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
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
from retrieval.chunking import chunk_article
from retrieval.dates import OPENING_CHARS, PartialDate, days_within_spans_first, find_event_dates, looks_back
from retrieval.diacritics import SpellingCounts
from retrieval.embedders import Embedder
from retrieval.lang import text_language
from retrieval.ministry import names_ministry
from retrieval.ordinals import ordinals
from retrieval.partners import partners_in_text
from retrieval.sections import paragraph_partners, partners_at
from retrieval.segmentation import compound_tails, word_terms
from retrieval.store import (
    MANIFEST,
    ArticleRecord,
    GenerationContent,
    PassageRecord,
    SentenceRecord,
    format_version,
    read_manifest,
    write_generation,
)
from retrieval.text import is_photo_credit, lexical_terms, sentence_spans, strip_photo_credits, words

log = logging.getLogger(__name__)

EMBED_BATCH = 16
LEAD_CHARS = 400  # the lead: where a news article says who met whom, when and where
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
def _build_lock(index_dir: Path, wait: bool = False) -> Iterator[None]:
    """One build (or up-to-date check) at a time; without `wait`, IndexBusy when another holds it."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / "build.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
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
    return path if name and (path / MANIFEST).is_file() else None


def build_index(
    articles_dir: Path,
    index_dir: Path,
    embedder: Embedder,
    *,
    rebuild: bool = False,
    progress: Progress | None = None,
    hnsw_threshold: int = DEFAULT_HNSW_THRESHOLD,
    wait: bool = False,
) -> BuildReport:
    """Bring the index up to date with `articles_dir`; embeds only passages and sentences not embedded
    before. With `wait`, a build already running is waited for (and is then usually all there was to
    do); without, it raises IndexBusy."""
    started = time.perf_counter()
    with _build_lock(index_dir, wait):
        loaded = load_articles(articles_dir)
        fingerprints = {a.doc: a.fingerprint for a in loaded.articles}
        live = current_generation(index_dir)
        if live is not None and not rebuild:
            manifest = read_manifest(live)
            if (
                manifest.get("format_version") == format_version()
                and manifest.get("embedder") == embedder.identity
                and manifest.get("articles") == fingerprints
                and manifest.get("skipped", {}) == loaded.skipped
            ):
                counts = manifest["counts"]
                return BuildReport(
                    counts["articles"],
                    counts["passages"],
                    0,
                    time.perf_counter() - started,
                    live.name,
                    False,
                    loaded.skipped,
                )
        content, texts = _content(loaded.articles, embedder)
        vectors, new_count = _embed_with_cache(index_dir, embedder, texts, progress, rebuild)
        passage_count = len(content.passages)
        content.passage_vectors = vectors[:passage_count]
        content.sentence_vectors = vectors[passage_count:]
        content.manifest.update(
            articles=fingerprints, skipped=loaded.skipped, created=time.strftime("%Y-%m-%dT%H:%M:%S%z")
        )
        generation = _stage_and_publish(index_dir, content, hnsw_threshold)
        _switch_to(index_dir, generation)
        _prune(index_dir, keep={generation.name, live.name if live else ""})
        seconds = time.perf_counter() - started
        log.info(
            "index built: %d articles, %d passages, %d new embeddings, %.2fs",
            len(loaded.articles),
            passage_count,
            new_count,
            seconds,
        )
        return BuildReport(
            len(loaded.articles), passage_count, new_count, seconds, generation.name, True, loaded.skipped
        )


def _content(articles: list[Article], embedder: Embedder) -> tuple[GenerationContent, list[tuple[str, str]]]:
    """Records of every article, passage and sentence, and the (cache key, text) pairs to embed.

    Articles are ordered by language so that each language's passages form one FAISS row range.
    """
    langs = {a.doc: text_language(a.body) for a in articles}
    ordered = sorted(articles, key=lambda a: (langs[a.doc], a.doc))
    records, passages, sentences, lexical = [], [], [], []
    spelling = SpellingCounts()
    passage_texts: list[tuple[str, str]] = []
    sentence_texts: list[tuple[str, str]] = []
    for article in ordered:
        lang = langs[article.doc]
        lead_day = dateline_date(article)
        # the year its days are read in: its publication's, else, when it has none, the year its lead
        # states ('từ ngày 6 đến 10/11/2022, sáng 8/11, …': 8/11 is of 2022 too, not of no year)
        reference = article.date if article.date is not None else lead_day
        if lang == "vi":
            spelling.add(f"{article.title}\n{article.body}")
        records.append(
            ArticleRecord(
                article.doc,
                article.title,
                article.url,
                article.date,
                lead_day,
                frozenset(partners_in_text(strip_photo_credits(article.body), lang)),
                lang,
                frozenset(partners_in_text(f"{article.title}\n{strip_photo_credits(article.body[:LEAD_CHARS])}", lang)),
                ordinals(f"{article.title}\n{article.body}"),
                names_ministry(f"{article.title}\n{article.body}"),
                article.date_from_lead,
            )
        )
        sections = paragraph_partners(article.body, lang)
        for chunk in chunk_article(article):
            row = len(passages)
            events = tuple(find_event_dates(chunk.text, reference))
            named = frozenset(partners_in_text(strip_photo_credits(chunk.text), lang))
            passages.append(
                PassageRecord(row, chunk.chunk_id, chunk.doc, chunk.start, chunk.end, chunk.text, events, lang, named)
            )
            passage_texts.append((chunk.cache_key, chunk.embed_text))
            terms = lexical_terms(words(chunk.embed_text))
            lexical.append(word_terms(terms, chunk.embed_text) if lang == "vi" else terms)
            for start, end in sentence_spans(chunk.text):
                sentence = chunk.text[start:end]
                if is_photo_credit(sentence):
                    continue
                tails = compound_tails(sentence) if lang == "vi" else frozenset()
                section = partners_at(sections, chunk.start + start - article.body_start)
                sentences.append(SentenceRecord(row, start, end, tails, section))
                sentence_texts.append((sentence_cache_key(sentence), sentence))
    empty = np.empty((0, embedder.dim), np.float32)
    manifest = {
        "format_version": format_version(),
        "embedder": embedder.identity,
        "dim": embedder.dim,
        "counts": {"articles": len(records), "passages": len(passages), "sentences": len(sentences)},
    }
    bodies = {a.doc: (a.body_start, a.body) for a in ordered}
    content = GenerationContent(records, passages, empty, sentences, empty, lexical, manifest, spelling, bodies)
    return content, passage_texts + sentence_texts


def sentence_cache_key(sentence: str) -> str:
    return hashlib.sha256(("sentence\n" + sentence).encode()).hexdigest()[:32]


def _embed_with_cache(
    index_dir: Path, embedder: Embedder, texts: list[tuple[str, str]], progress: Progress | None, rebuild: bool
) -> tuple[np.ndarray, int]:
    """Vectors for (cache key, text) pairs in order; only texts never embedded before are embedded."""
    cache = EmbeddingCache(index_dir / "embedding-cache.sqlite")
    try:
        keys = [k for k, _ in texts]
        known = {} if rebuild else cache.get_many(embedder.identity, keys)
        missing = list({k: t for k, t in texts if k not in known}.items())  # identical texts embed once
        for i in range(0, len(missing), EMBED_BATCH):
            batch = missing[i : i + EMBED_BATCH]
            vectors = embedder.embed_passages([t for _, t in batch])
            fresh = {k: v for (k, _), v in zip(batch, vectors, strict=True)}
            cache.put_many(embedder.identity, fresh)  # saved per batch: an interrupted build resumes
            known.update(fresh)
            if progress:
                progress(min(i + EMBED_BATCH, len(missing)), len(missing))
        cache.keep_only(embedder.identity, set(keys))
        matrix = np.vstack([known[k] for k in keys]) if keys else np.empty((0, embedder.dim), np.float32)
        return np.ascontiguousarray(matrix, dtype=np.float32), len(missing)
    finally:
        cache.close()


def _stage_and_publish(index_dir: Path, content: GenerationContent, hnsw_threshold: int) -> Path:
    """Write a generation into a staging folder, then rename it into place (never half written)."""
    name = f"gen-{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"
    staging = index_dir / f"{name}.tmp"
    staging.mkdir(parents=True)
    try:
        write_generation(staging, content, hnsw_threshold)
        final = index_dir / name
        os.replace(staging, final)
        return final
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def dateline_date(article: Article) -> PartialDate | None:
    """The day the reported event happened, from the lead ('Ngày 3/12, tại Hà Nội, …').

    News is often published a day or two after the event; the lead's day is what a reader means by
    'when'. A date that opens a sentence (a dateline) is preferred to one inside it ('thăm Ấn Độ
    trong hai ngày 9 - 10/4. Ngày 10/4, tại New Delhi, … hội đàm'), and a day within a span of days
    to the span ('từ ngày 21 đến 25/4/2025, ngày 23/4, … hội đàm'); only a day up to a month before
    the publication date is accepted (digests run weeks behind: 'sat down on 17 January', published
    2 February). An article with no publication date has nothing to check a day against: the first
    date of its lead that states a year and a month and does not look back ('… dự Hội nghị ASEANAPOL
    39 vào tháng 9/2019, hai bên đã hội đàm') is taken as the event's, or a day within the span it
    states, read in its year ('từ ngày 6 đến 10/11/2022, sáng 8/11').
    """
    lead = article.body[:LEAD_CHARS]
    if article.date is None or article.date.year is None:
        stated = [
            e
            for e in find_event_dates(lead, None)
            if e.kind == "point" and e.date.year is not None and e.date.month is not None and not looks_back(lead, e)
        ]
        if not stated:
            return None
        # a day within the span of days it states ('từ ngày 6 đến 10/11/2022, sáng 8/11, …'), read in its year
        events = [e for e in find_event_dates(lead, stated[0].date) if e.kind == "point" and not looks_back(lead, e)]
        ordered = days_within_spans_first(events)
        return ordered[0].date if ordered and ordered[0] is not events[0] else stated[0].date
    if article.date.month is None:
        return None
    openings = [s for s, _ in sentence_spans(lead)]
    events = [e for e in find_event_dates(lead, article.date) if e.kind == "point" and e.date.day is not None]
    opening = [e for e in events if any(0 <= e.start - s <= OPENING_CHARS for s in openings)]
    for event in days_within_spans_first(opening + [e for e in events if e not in opening]):
        if _close_before(event.date, article.date):
            return event.date
    return None


def _close_before(day: PartialDate, published: PartialDate) -> bool:
    if day.year is None or day.month is None or day.day is None or published.year is None:
        return False
    if published.day is None:
        return (day.year, day.month) == (published.year, published.month)
    gap = (dt.date(published.year, published.month, published.day) - dt.date(day.year, day.month, day.day)).days
    return 0 <= gap <= 31


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
