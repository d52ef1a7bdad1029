"""The one owner of a generation's on-disk layout: what is written, and how it is read back.

A generation directory holds:
    manifest.json       format, embedder identity, dim, article fingerprints, skipped files, counts (written last)
    passages.faiss      FAISS inner-product index over passage vectors; row i = passage row i.
                        Rows are grouped by article language, so each language is one row range.
    sentences.npy       sentence vectors (float32), row j = sentence row j
    languages.npz       per language: row range, and mean and covariance of passage and sentence
                        vectors (a question's similarity to a language's texts is calibrated with them)
    store.sqlite        articles and their bodies, passages (text, spans, dates), sentences (spans in
                        their passage, syllables inside longer words) and the Vietnamese articles'
                        spelling counts
    bm25/               bm25s lexical index over folded unigrams + bigrams
    terms.json          document frequency of every lexical term (idf without reading bm25s internals)

The format version is a hash of the source of every module that decides what is stored, so a
change to parsing, chunking, dating or this layout rebuilds the index instead of misreading it.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from retrieval.dates import EventDate, PartialDate
from retrieval.diacritics import SpellingCounts
from retrieval.inflections import FormsByStem
from retrieval.text import fold, opens_with_heading, syllables_and_pairs

HNSW_EF_SEARCH = 96
# the weight of the whole corpus in a language's similarity statistics, as a number of texts (see
# _language_stats): in its covariance, and in its mean
PRIOR_TEXTS = 20
PRIOR_TEXTS_OF_MEAN = 2
MANIFEST = "manifest.json"
REPORT_DAYS_AFTER_DATELINE = 7  # a visit or a conference that a lead dates by its first day lasts at most a week
# Modules whose behaviour shapes what an index holds.
_FORMAT_SOURCES = (
    "articles.py",
    "headers.py",
    "chunking.py",
    "dates.py",
    "partners.py",
    "text.py",
    "store.py",
    "ordinals.py",
    "lang.py",
    "segmentation.py",
    "diacritics.py",
    "generations.py",  # what an article's records hold (dateline_date, partners, compound tails)
    "ministry.py",
    "sections.py",
    "transliteration.py",
)


@functools.cache
def format_version() -> str:
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for name in _FORMAT_SOURCES:
        path = here / name
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class ArticleRecord:
    doc: str
    title: str
    url: str | None
    date: PartialDate | None  # publication date
    event_date: PartialDate | None  # the day of the reported event, from the lead
    partners: frozenset[str]  # partner keys (see retrieval.partners) named anywhere in the article
    lang: str  # 'vi' or 'en'
    main_partners: frozenset[str] = frozenset()  # named in the title or the lead: what the article is about
    ordinals: frozenset[int] = frozenset()  # 'lần thứ 2', 'the 80th': which occurrence of an event it reports
    names_ministry: bool = True  # names the Ministry of Public Security (retrieval.ministry)
    # `date` is the lead's dateline, not a publication date: the report may go on to the next days
    date_from_lead: bool = False

    @property
    def reported_date(self) -> PartialDate | None:
        """When the article's event happened as far as it says: its event date, else its publication date."""
        return self.event_date or self.date

    def report_bound(self, plans: bool = False) -> PartialDate | None:
        """The latest date the article can report as done, a later one being a plan: its publication
        date; or, when its only date is its lead's dateline, the end of the week from it, as a report
        begun on a visit's or a conference's first day goes on to its next days ('Bế mạc ngày 3/11' in
        the report of an assembly opening on 31/10). None, no bound, for a question asking about
        `plans` ('How many officers will … train in 2024?'), whose dates come after the article."""
        date = self.date
        if plans:
            return None
        if not self.date_from_lead or date is None or date.year is None or date.month is None or date.day is None:
            return date
        last = dt.date(date.year, date.month, date.day) + dt.timedelta(days=REPORT_DAYS_AFTER_DATELINE)
        return PartialDate(last.year, last.month, last.day)


@dataclass(frozen=True)
class PassageRecord:
    row: int
    chunk_id: str
    doc: str
    start: int  # span in the article's text
    end: int
    text: str  # verbatim
    event_dates: tuple[EventDate, ...]  # dates written in the passage, resolved against the article
    lang: str
    partners: frozenset[str] = frozenset()  # partner keys the passage itself names


@dataclass(frozen=True)
class SentenceRecord:
    passage_row: int
    start: int  # span in the passage's text
    end: int
    # folded syllables found only inside longer words ('ky' of 'Thư ký'; see retrieval.segmentation)
    compound_tails: frozenset[str] = frozenset()
    # partner keys of the sentence's section of the article (retrieval.sections)
    section_partners: frozenset[str] = frozenset()


@dataclass
class GenerationContent:
    """Everything one generation stores, in row order (passages grouped by language)."""

    articles: list[ArticleRecord]
    passages: list[PassageRecord]
    passage_vectors: np.ndarray
    sentences: list[SentenceRecord]
    sentence_vectors: np.ndarray
    lexical_corpus: list[list[str]]  # lexical terms of each passage
    manifest: dict
    spelling: SpellingCounts = field(default_factory=SpellingCounts)  # of the Vietnamese articles
    # each article's body and where it starts in Article.text: quotes are cut from it, across passages
    bodies: dict[str, tuple[int, str]] = field(default_factory=dict)


# ---- writing ----------------------------------------------------------------------------------------


def write_generation(directory: Path, content: GenerationContent, hnsw_threshold: int) -> None:
    """Write every file of a generation into `directory` (a staging folder; the caller switches)."""
    import bm25s
    import faiss

    dim = int(content.manifest["dim"])
    faiss.write_index(make_faiss_index(content.passage_vectors, dim, hnsw_threshold), str(directory / "passages.faiss"))
    np.save(directory / "sentences.npy", content.sentence_vectors.astype(np.float32))
    np.savez(directory / "languages.npz", **_language_stats(content))
    _write_sqlite(directory / "store.sqlite", content)
    retriever = bm25s.BM25()
    retriever.index([terms or [""] for terms in content.lexical_corpus] or [[""]], show_progress=False)
    retriever.save(str(directory / "bm25"), show_progress=False)
    df: dict[str, int] = {}
    for terms in content.lexical_corpus:
        for term in set(terms):
            df[term] = df.get(term, 0) + 1
    (directory / "terms.json").write_text(json.dumps(df, ensure_ascii=False), encoding="utf-8")
    manifest = {**content.manifest, "faiss": "hnsw" if len(content.passages) >= hnsw_threshold else "flat"}
    (directory / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")


def make_faiss_index(vectors: np.ndarray, dim: int, hnsw_threshold: int):  # -> faiss.Index
    """Exact inner product while small; HNSW above the measured crossover (see `python -m retrieval bench`)."""
    import faiss

    if len(vectors) >= hnsw_threshold:
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
    else:
        index = faiss.IndexFlatIP(dim)
    if len(vectors):
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def _language_stats(content: GenerationContent) -> dict[str, np.ndarray]:
    """Row range of each language, and the mean and covariance of its passage and sentence vectors.

    A language with few texts (one uploaded English article) has no reliable spread of its own (a
    covariance of 384 × 384 numbers), so its covariance is shrunk toward the whole corpus's, as if
    PRIOR_TEXTS texts of the corpus were added to it. Its mean needs far fewer texts, and is the
    correction itself: the corpus's mean is mostly the other language's, and shrunk toward it with
    the same weight, the 17 passages of five English articles kept half of the bias calibration
    removes (a Vietnamese question's best English passage scored below the English average, and
    'Bộ trưởng Tô Lâm tiếp tân Đại sứ Tây Ban Nha vào thời gian nào?' never reached the English
    article). It leans on the corpus only as much as PRIOR_TEXTS_OF_MEAN texts, so that a single
    passage does not score a flat zero.
    """
    stats: dict[str, np.ndarray] = {}
    langs = np.array([p.lang for p in content.passages])
    sentence_langs = langs[[s.passage_row for s in content.sentences]] if content.sentences else langs[:0]
    kinds = {
        "passage": (content.passage_vectors, langs),
        "sentence": (content.sentence_vectors, sentence_langs)
        if len(sentence_langs)
        else (content.passage_vectors, langs),
    }
    for lang in sorted(set(langs.tolist())):
        rows = np.flatnonzero(langs == lang)
        stats[f"{lang}.rows"] = np.array([rows[0], rows[-1] + 1])
        for kind, (vectors, owners) in kinds.items():
            mean, cov = shrunk_moments(vectors[owners == lang], vectors)
            stats[f"{lang}.{kind}.mean"], stats[f"{lang}.{kind}.cov"] = mean, cov
    return stats


def shrunk_moments(own: np.ndarray, pooled: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean and covariance of `own`, shrunk toward those of `pooled` with the weight of
    PRIOR_TEXTS_OF_MEAN and PRIOR_TEXTS texts."""
    n, k = len(own), PRIOR_TEXTS
    pooled_mean, pooled_cov = (
        pooled.mean(axis=0),
        np.cov(pooled.T) if len(pooled) > 1 else np.zeros((pooled.shape[1],) * 2),
    )
    own_mean = own.mean(axis=0) if n else pooled_mean
    own_cov = np.cov(own.T) if n > 1 else np.zeros_like(pooled_cov)
    mean = (n * own_mean + PRIOR_TEXTS_OF_MEAN * pooled_mean) / (n + PRIOR_TEXTS_OF_MEAN)
    cov = ((n - 1) * own_cov + k * pooled_cov) / (max(n - 1, 0) + k) if n else pooled_cov
    return mean.astype(np.float32), cov.astype(np.float32)


def _write_sqlite(path: Path, content: GenerationContent) -> None:
    db = sqlite3.connect(path)
    try:
        db.executescript(
            """
            CREATE TABLE articles (doc TEXT PRIMARY KEY, title TEXT, url TEXT, date TEXT, event_date TEXT,
                                   partners TEXT, lang TEXT, main_partners TEXT, ordinals TEXT,
                                   names_ministry INTEGER, date_from_lead INTEGER);
            CREATE TABLE passages (row INTEGER PRIMARY KEY, chunk_id TEXT, doc TEXT, start INTEGER, "end" INTEGER,
                                   text TEXT, event_dates TEXT, lang TEXT, partners TEXT);
            CREATE TABLE sentences (row INTEGER PRIMARY KEY, passage_row INTEGER, start INTEGER, "end" INTEGER,
                                    compound_tails TEXT, section_partners TEXT);
            CREATE TABLE spellings (folded TEXT, word TEXT PRIMARY KEY, n INTEGER);
            CREATE INDEX spellings_by_folded ON spellings (folded);
            CREATE TABLE spelling_pairs (first TEXT, second TEXT, n INTEGER, PRIMARY KEY (first, second));
            CREATE TABLE bodies (doc TEXT PRIMARY KEY, start INTEGER, text TEXT);
            """
        )
        db.executemany(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    a.doc,
                    a.title,
                    a.url,
                    _iso(a.date),
                    _iso(a.event_date),
                    json.dumps(sorted(a.partners)),
                    a.lang,
                    json.dumps(sorted(a.main_partners)),
                    json.dumps(sorted(a.ordinals)),
                    int(a.names_ministry),
                    int(a.date_from_lead),
                )
                for a in content.articles
            ],
        )
        db.executemany(
            "INSERT INTO passages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    p.row,
                    p.chunk_id,
                    p.doc,
                    p.start,
                    p.end,
                    p.text,
                    encode_events(p.event_dates),
                    p.lang,
                    json.dumps(sorted(p.partners)),
                )
                for p in content.passages
            ],
        )
        db.executemany(
            "INSERT INTO sentences VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    i,
                    s.passage_row,
                    s.start,
                    s.end,
                    " ".join(sorted(s.compound_tails)),
                    json.dumps(sorted(s.section_partners)),
                )
                for i, s in enumerate(content.sentences)
            ],
        )
        db.executemany(
            "INSERT INTO spellings VALUES (?, ?, ?)", [(fold(w), w, n) for w, n in content.spelling.words.items()]
        )
        db.executemany(
            "INSERT INTO spelling_pairs VALUES (?, ?, ?)", [(a, b, n) for (a, b), n in content.spelling.pairs.items()]
        )
        db.executemany("INSERT INTO bodies VALUES (?, ?, ?)", [(d, s, t) for d, (s, t) in content.bodies.items()])
        db.commit()
    finally:
        db.close()


def _iso(date: PartialDate | None) -> str | None:
    return date.iso() if date else None


def encode_events(events: Iterable[EventDate]) -> str:
    return json.dumps(
        [
            [e.date.year, e.date.month, e.date.day, e.text, e.start, e.kind, e.end.year if e.end else None]
            for e in events
        ],
        ensure_ascii=False,
    )


def decode_events(raw: str) -> tuple[EventDate, ...]:
    return tuple(
        EventDate(PartialDate(year, month, day), text, start, kind, PartialDate(end_year) if end_year else None)
        for year, month, day, text, start, kind, end_year in json.loads(raw)
    )


def read_manifest(generation: Path) -> dict:
    return json.loads((generation / MANIFEST).read_text(encoding="utf-8"))


# ---- reading ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LanguageStats:
    """Where a language's passages are, and the spread of its vectors (for calibrating similarity)."""

    rows: tuple[int, int]
    passage_mean: np.ndarray
    passage_cov: np.ndarray
    sentence_mean: np.ndarray
    sentence_cov: np.ndarray


class LoadedIndex:
    """One generation, loaded for queries: FAISS, BM25, sentence vectors in memory; texts in SQLite."""

    def __init__(self, generation: Path) -> None:
        import bm25s
        import faiss

        self.generation = generation
        self.manifest = read_manifest(generation)
        self.faiss = faiss.read_index(str(generation / "passages.faiss"))
        if hasattr(self.faiss, "hnsw"):
            self.faiss.hnsw.efSearch = HNSW_EF_SEARCH
        self.bm25 = bm25s.BM25.load(str(generation / "bm25"), show_progress=False)
        self.vocab: dict[str, int] = self.bm25.vocab_dict
        self.document_frequency: dict[str, int] = json.loads((generation / "terms.json").read_text(encoding="utf-8"))
        self.sentence_vectors = np.load(generation / "sentences.npy")
        stats = np.load(generation / "languages.npz")
        self.languages: dict[str, LanguageStats] = {
            lang: LanguageStats(
                (int(stats[f"{lang}.rows"][0]), int(stats[f"{lang}.rows"][1])),
                stats[f"{lang}.passage.mean"],
                stats[f"{lang}.passage.cov"],
                stats[f"{lang}.sentence.mean"],
                stats[f"{lang}.sentence.cov"],
            )
            for lang in sorted({key.split(".")[0] for key in stats.files})
        }
        # Read-only and shared across the bot's worker threads; the lock serialises access.
        self._db = sqlite3.connect(f"file:{generation / 'store.sqlite'}?mode=ro", uri=True, check_same_thread=False)
        self._db_lock = threading.Lock()
        self.articles: dict[str, ArticleRecord] = {
            doc: ArticleRecord(
                doc,
                title,
                url,
                PartialDate.from_iso(date),
                PartialDate.from_iso(event_date),
                frozenset(json.loads(partners)),
                lang,
                frozenset(json.loads(main)),
                frozenset(json.loads(ordinals)),
                bool(ministry),
                bool(from_lead),
            )
            for doc, title, url, date, event_date, partners, lang, main, ordinals, ministry, from_lead in self._db.execute(
                "SELECT doc, title, url, date, event_date, partners, lang, main_partners, ordinals, names_ministry, "
                "date_from_lead FROM articles"
            )
        }
        self._rows_by_doc: dict[str, list[int]] = {}
        for doc, row in self._db.execute("SELECT doc, row FROM passages ORDER BY row"):
            self._rows_by_doc.setdefault(doc, []).append(int(row))
        sentence_rows = self._db.execute('SELECT passage_row, start, "end" FROM sentences ORDER BY row').fetchall()
        table = np.array(sentence_rows, dtype=np.int64).reshape(-1, 3)
        self._sentence_passage, self._sentence_spans = table[:, 0], table[:, 1:]
        self.passage_count = int(self.manifest["counts"]["passages"])
        self._syllable_total = int(self._db.execute("SELECT COALESCE(SUM(n), 0) FROM spellings").fetchone()[0])
        self._article_terms: dict[str, frozenset[str]] = {}  # filled as articles are asked about
        self._has_headings: dict[str, bool] = {}  # likewise
        self._english_forms: FormsByStem | None = None  # built at the first English question

    def english_forms(self) -> FormsByStem:
        """The vocabulary's words by English stem (built once; two threads building it race harmlessly)."""
        if self._english_forms is None:
            self._english_forms = FormsByStem(self.document_frequency)
        return self._english_forms

    @property
    def embedder_identity(self) -> str:
        return self.manifest["embedder"]

    def passages(self, rows: Iterable[int]) -> dict[int, PassageRecord]:
        rows = [int(r) for r in rows]
        if not rows:
            return {}
        marks = ",".join("?" * len(rows))
        with self._db_lock:
            fetched = self._db.execute(
                f'SELECT row, chunk_id, doc, start, "end", text, event_dates, lang, partners FROM passages '
                f"WHERE row IN ({marks})",
                rows,
            ).fetchall()
        return {
            row: PassageRecord(row, cid, doc, start, end, text, decode_events(events), lang, frozenset(json.loads(ps)))
            for row, cid, doc, start, end, text, events, lang, ps in fetched
        }

    def rows_of(self, docs: Iterable[str]) -> np.ndarray:
        """The passage rows of the given articles, in row order."""
        rows = [r for doc in docs for r in self._rows_by_doc.get(doc, ())]
        return np.array(sorted(rows), dtype=np.int64)

    def sentences_of(self, passage_row: int) -> tuple[np.ndarray, np.ndarray]:
        """(sentence rows, spans within the passage) of one passage, in text order."""
        lo = int(np.searchsorted(self._sentence_passage, passage_row, side="left"))
        hi = int(np.searchsorted(self._sentence_passage, passage_row, side="right"))
        return np.arange(lo, hi), self._sentence_spans[lo:hi]

    def lead_sentence_row(self, doc: str) -> int | None:
        """The sentence row of an article's first sentence (its lead's, unless it opens with a heading)."""
        rows = self._rows_by_doc.get(doc)
        if not rows:
            return None
        sentence_rows, _ = self.sentences_of(rows[0])
        return int(sentence_rows[0]) if len(sentence_rows) else None

    def article_body(self, doc: str) -> tuple[int, str] | None:
        """(offset in the article's text, verbatim body) of one article; passage spans are in that text."""
        with self._db_lock:
            row = self._db.execute("SELECT start, text FROM bodies WHERE doc = ?", (doc,)).fetchone()
        return (int(row[0]), row[1]) if row else None

    def article_terms(self, doc: str) -> frozenset[str]:
        """The folded syllables and syllable pairs of an article's title and body (kept: the same few
        articles answer most questions, and folding a body takes about a millisecond)."""
        terms = self._article_terms.get(doc)
        if terms is None:
            body = self.article_body(doc)
            record = self.articles.get(doc)
            syllables, pairs = syllables_and_pairs(f"{record.title if record else ''}\n{body[1] if body else ''}")
            terms = self._article_terms[doc] = syllables | pairs
        return terms

    def has_headings(self, doc: str) -> bool:
        """Is an article cut into sections by headings (retrieval.text.opens_with_heading)? Kept."""
        known = self._has_headings.get(doc)
        if known is None:
            body = self.article_body(doc)
            text = body[1] if body else ""
            starts = [0, *(i + 1 for i, c in enumerate(text) if c == "\n")]
            known = self._has_headings[doc] = any(opens_with_heading(text[i:]) for i in starts)
        return known

    # ---- spellings, for restoring diacritics (retrieval.diacritics.SpellingLookup) ----

    def spellings(self, folded: Iterable[str]) -> dict[str, list[tuple[str, int]]]:
        folded = sorted(folded)
        found: dict[str, list[tuple[str, int]]] = {}
        with self._db_lock:
            rows = self._db.execute(  # json_each: one parameter however long the question
                "SELECT folded, word, n FROM spellings WHERE folded IN (SELECT value FROM json_each(?)) ORDER BY n DESC",
                (json.dumps(folded),),
            ).fetchall()
        for key, word, n in rows:
            found.setdefault(key, []).append((word, n))
        return found

    def pair_counts(self, firsts: Iterable[str], seconds: Iterable[str]) -> dict[tuple[str, str], int]:
        firsts, seconds = sorted(firsts), sorted(seconds)
        with self._db_lock:
            rows = self._db.execute(
                "SELECT first, second, n FROM spelling_pairs WHERE first IN (SELECT value FROM json_each(?)) "
                "AND second IN (SELECT value FROM json_each(?))",
                (json.dumps(firsts), json.dumps(seconds)),
            ).fetchall()
        return {(a, b): n for a, b, n in rows}

    def syllable_total(self) -> int:
        return self._syllable_total

    def compound_tails(self, rows: np.ndarray) -> list[frozenset[str]]:
        """SentenceRecord.compound_tails of consecutive sentence rows (as from sentences_of)."""
        return [frozenset(tails.split()) for tails in self._sentence_column("compound_tails", rows)]

    def section_partners(self, rows: np.ndarray) -> list[frozenset[str]]:
        """SentenceRecord.section_partners of consecutive sentence rows (as from sentences_of)."""
        return [frozenset(json.loads(keys)) for keys in self._sentence_column("section_partners", rows)]

    def _sentence_column(self, column: str, rows: np.ndarray) -> list[str]:
        if len(rows) == 0:
            return []
        with self._db_lock:
            fetched = self._db.execute(
                f"SELECT {column} FROM sentences WHERE row BETWEEN ? AND ? ORDER BY row",  # column: ours, not input
                (int(rows[0]), int(rows[-1])),
            ).fetchall()
        return [value for (value,) in fetched]

    def close(self) -> None:
        with self._db_lock:
            self._db.close()
