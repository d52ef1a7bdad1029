"""Reading article files: decoding, format detection, and date / title / URL extraction.

Formats met in real files:
  1. ' date 2025-12-03 Body text…' (or ' date 2023-12 …') on the first line;
  2. a title line ending with a timestamp 'Title 31/05/2025 08:05';
  3. a URL line, '-----' separators around a title, then the body;
  4. plain text with no date at all.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from retrieval.dates import PartialDate, valid_day
from retrieval.text import sentence_spans, strip_photo_credits

log = logging.getLogger(__name__)

MAX_ARTICLE_BYTES = 5_000_000
_DATE_PREFIX_RE = re.compile(r"^[ \t\ufeff]*date\s+(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\b[ \t]*")
_TITLE_TIMESTAMP_RE = re.compile(
    r"^(?P<title>.+?)\s+(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?:\s+\d{1,2}:\d{2})?\s*$"
)
_URL_RE = re.compile(r"^\s*(https?://\S+)\s*$")
_SEPARATOR_RE = re.compile(r"^\s*[-=_*]{5,}\s*$")


class ArticleError(ValueError):
    """A file that cannot be read as an article; the message says why, in plain words."""


@dataclass(frozen=True)
class Article:
    doc: str  # file name, the article's identity
    title: str
    url: str | None
    date: PartialDate | None
    text: str  # the whole normalised file text; chunk spans index into it
    body_start: int
    body_end: int
    fingerprint: str = field(default="")

    @property
    def body(self) -> str:
        return self.text[self.body_start : self.body_end]


def decode_article_bytes(raw: bytes) -> str:
    """UTF-8 (BOM or not) to text with LF line ends; raises ArticleError for anything else."""
    if not raw.strip():
        raise ArticleError("the file is empty")
    if b"\x00" in raw:
        raise ArticleError("the file is binary, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"the file is not UTF-8 text (invalid byte at position {exc.start})") from None
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(3, len(text) // 100):
        raise ArticleError("the file looks binary (too many control characters)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if sum(c.isalpha() for c in text) < 20:
        raise ArticleError("the file has too little text to be an article")
    return text


def parse_article(doc: str, raw: bytes) -> Article:
    """Parse one article file's bytes."""
    if len(raw) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"the file is larger than {MAX_ARTICLE_BYTES // 1_000_000} MB")
    # NFC only: quotes must show the article's own characters; tone canonicalisation is for matching
    text = unicodedata.normalize("NFC", decode_article_bytes(raw))
    fingerprint = hashlib.sha256(raw).hexdigest()[:16]
    lines = text.split("\n")

    date, url, title = None, None, None
    body_start = 0
    if m := _DATE_PREFIX_RE.match(text):  # format 1
        date = _checked_date(int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)
        body_start = m.end()
    elif _URL_RE.match(lines[0]) or _SEPARATOR_RE.match(lines[0]):  # format 3
        url, title, body_start = _parse_url_header(lines)
    elif m := _TITLE_TIMESTAMP_RE.match(lines[0]):  # format 2
        title = m.group("title").strip()
        date = _checked_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        body_start = len(lines[0]) + 1

    body_end = _trailing_separator_start(text)
    body_start = _skip_blank(text, body_start)
    if body_start >= body_end:
        raise ArticleError("the article has a header but no body text")
    if title is None:
        title = _first_sentence(text[body_start:body_end])
    return Article(doc, title, url, date, text, body_start, body_end, fingerprint)


def _checked_date(year: int, month: int, day: int | None) -> PartialDate | None:
    if not 1 <= month <= 12 or (day is not None and not valid_day(year, month, day)):
        log.warning("ignoring an impossible article date %04d-%02d-%s", year, month, day)
        return None
    return PartialDate(year, month, day)


def _parse_url_header(lines: list[str]) -> tuple[str | None, str | None, int]:
    """URL, title and body offset of format 3: URL / ----- / title / ----- / body."""
    url = None
    title = None
    offset = 0
    i = 0
    if m := _URL_RE.match(lines[0]):
        url = m.group(1)
        offset += len(lines[0]) + 1
        i = 1
    # up to: separator, title lines, separator
    if i < len(lines) and _SEPARATOR_RE.match(lines[i]):
        offset += len(lines[i]) + 1
        i += 1
        title_lines = []
        j = i
        while j < len(lines) and not _SEPARATOR_RE.match(lines[j]) and j - i < 3:
            title_lines.append(lines[j].strip())
            j += 1
        if j < len(lines) and _SEPARATOR_RE.match(lines[j]) and any(title_lines):
            title = " ".join(t for t in title_lines if t)
            for k in range(i, j + 1):
                offset += len(lines[k]) + 1
    return url, title, offset


def _trailing_separator_start(text: str) -> int:
    end = len(text.rstrip())
    while True:
        line_start = text.rfind("\n", 0, end) + 1
        if line_start < end and _SEPARATOR_RE.match(text[line_start:end]):
            end = len(text[:line_start].rstrip())
            continue
        return end


def _skip_blank(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _first_sentence(body: str, limit: int = 140) -> str:
    """The first sentence long enough to name the story; photo credits and short captions are skipped."""
    sentences = [strip_photo_credits(body[s:e]) for s, e in sentence_spans(body)]
    sentences = [s for s in sentences if s] or [body.strip()]
    first = next((s for s in sentences if len(s) >= 40), sentences[0])
    if len(first) <= limit:
        return first
    cut = first.rfind(" ", 0, limit)
    return first[: cut if cut > 40 else limit].rstrip(" ,;:") + "…"


@dataclass
class LoadResult:
    articles: list[Article]
    skipped: dict[str, str]  # file name -> reason


def load_articles(folder: Path) -> LoadResult:
    """Every *.txt in `folder`, in name order; unreadable files are skipped with a warning."""
    if not folder.is_dir():
        raise FileNotFoundError(f"articles folder not found: {folder}")
    articles: list[Article] = []
    skipped: dict[str, str] = {}
    for path in sorted(folder.glob("*.txt")):
        try:
            articles.append(parse_article(path.name, path.read_bytes()))
        except (ArticleError, OSError) as exc:
            skipped[path.name] = str(exc)
            log.warning("skipping article %s: %s", path.name, exc)
    return LoadResult(articles, skipped)
