"""Reading article files: decoding, header analysis, trailing matter, and identity by content.

Articles are plain-text files saved by hand from many news sites. `retrieval.headers` reads the
header (title, date, URL, where the body begins) from the shape of its lines; this module decodes
the bytes, keeps trailing matter (bylines, captions, tags, related-article lists, share buttons) out
of the body so it never becomes a quoted passage, and gives each article a `content_key` so the
same story saved twice, under two names or from two sites' copies, is indexed once.

`Article.text` is the file's own characters (NFC only, LF line ends, no BOM): quotes are shown
verbatim, so tone marks are never canonicalised in it.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from retrieval.dates import PartialDate
from retrieval.headers import analyse_header, is_byline, is_caption, is_separator, lead_title, lines_of, url_of
from retrieval.text import fold

log = logging.getLogger(__name__)

MAX_ARTICLE_BYTES = 5_000_000
# 'Tags: …', 'Từ khóa: …', 'Keywords: …'
_TAGS_RE = re.compile(r"^(?:tags?|thẻ|từ khóa|từ khoá|keywords?|chủ đề|topics?)\s*:", re.I)
# Tags of a web page's markup ('<p>', '</div>', '<br/>'), a sign the page was saved as HTML
_HTML_TAG_RE = re.compile(
    r"</?(?:p|div|span|br|a|html|body|head|article|section|img|strong|em|li|ul|h[1-6])\b[^<>]*>", re.I
)
# Headings of related-article lists; they and everything after them are not the story.
_RELATED_RE = re.compile(
    r"^(?:tin|bài|bài viết|tin tức)\s+(?:liên quan|cùng chuyên mục|cùng chủ đề|khác|mới|đọc nhiều)\b"
    r"|^(?:xem thêm|đọc thêm|related(?:\s+(?:news|articles|stories|posts))?|read more|more news|see also)\b",
    re.I,
)
# Words of share / print / comment buttons; a short line made only of them is page furniture.
_FURNITURE_WORDS = frozenset(
    re.split(
        r"\s+",
        "chia se in bai gui email facebook twitter zalo x linkedin share print comment comments binh luan "
        "like tweet copy link luu save len dau trang quay lai back to top theo doi follow bao loi report "
        "tai ve download phong thu nho font size a a+ a- | / - ·",
    )
)


class ArticleError(ValueError):
    """A file that cannot be read as an article; the message says why, in plain words."""


@dataclass(frozen=True)
class Article:
    doc: str  # file name, the article's identity in the index
    title: str
    url: str | None
    date: PartialDate | None
    text: str  # the whole normalised file text; chunk spans index into it
    body_start: int
    body_end: int
    fingerprint: str = field(default="")  # hash of the file's bytes: did the file change?
    content_key: str = field(default="")  # hash of the folded body: is it the same story?
    date_from_lead: bool = False  # `date` is the lead's dateline, not a publication date (headers.Header)

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
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if len(_HTML_TAG_RE.findall(text)) >= 3:
        # quotes are shown verbatim, so markup would be shown too; a page must be saved as text
        raise ArticleError("the file is an HTML page, not plain text")
    if sum(c.isalpha() for c in text) < 20:
        raise ArticleError("the file has too little text to be an article")
    return text


def parse_article(doc: str, raw: bytes) -> Article:
    """Parse one article file's bytes; raises ArticleError when they are not a readable article."""
    if len(raw) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"the file is larger than {MAX_ARTICLE_BYTES // 1_000_000} MB")
    # NFC only: quotes must show the article's own characters; tone canonicalisation is for matching
    text = unicodedata.normalize("NFC", decode_article_bytes(raw))
    header = analyse_header(text)
    body_end = trailing_matter_start(text, header.body_start)
    if header.body_start >= body_end:
        raise ArticleError("the article has a header but no body text")
    body = text[header.body_start : body_end]
    title = header.title or lead_title(body)
    url = header.url or source_url(text, body_end)
    fingerprint = hashlib.sha256(raw).hexdigest()[:16]
    return Article(
        doc,
        title,
        url,
        header.date,
        text,
        header.body_start,
        body_end,
        fingerprint,
        content_key(body),
        header.date_from_lead,
    )


def content_key(body: str) -> str:
    """Hash of the body as a reader sees it: NFC, case and diacritics folded, whitespace collapsed."""
    folded = " ".join(fold(unicodedata.normalize("NFC", body)).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


# ---- trailing matter ---------------------------------------------------------------------------


def trailing_matter_start(text: str, body_start: int) -> int:
    """Where the story ends: before related-article lists, then before trailing bylines, captions,
    tags, separators and share buttons. The first body line always stays."""
    lines = lines_of(text, body_start)
    if not lines:
        return body_start
    kept = lines[:1]
    for line in lines[1:]:
        if _is_related_heading(line.text):
            break
        kept.append(line)
    while len(kept) > 1 and _is_trailing(kept[-1].text, last=True):
        kept.pop()
    return kept[-1].end


def source_url(text: str, body_end: int) -> str | None:
    """A URL line after the story ('Nguồn: https://…'), before any related-article list."""
    for line in lines_of(text, body_end):
        if _is_related_heading(line.text):
            return None
        if url := url_of(line.text):
            return url
    return None


def _is_related_heading(line: str) -> bool:
    """'Tin liên quan:', 'Related', 'Xem thêm: <link title>'; not a sentence that merely starts so."""
    m = _RELATED_RE.match(line)
    return m is not None and (len(line) <= 40 or line[m.end() :].lstrip().startswith(":"))


def _is_trailing(line: str, last: bool) -> bool:
    return (
        is_separator(line)
        or url_of(line) is not None
        or bool(_TAGS_RE.match(line))
        or _is_caption_line(line)
        or is_byline(line)
        or _is_furniture(line)
        or (last and _is_signature(line))
    )


def _is_caption_line(line: str) -> bool:
    return is_caption(line) and len(line) <= 400


def _is_furniture(line: str) -> bool:
    words = fold(line).replace(":", " ").split()
    return 0 < len(words) <= 8 and all(w in _FURNITURE_WORDS for w in words)


def _is_signature(line: str) -> bool:
    """A bare author name closing the article: 'Hoàng Lâm', 'Minh Anh - Thu Hà'."""
    words = [w for w in re.split(r"[\s,/–-]+", line) if w]
    return (
        0 < len(words) <= 5
        and len(line) <= 40
        and all(w[0].isupper() for w in words)
        and not any(c.isdigit() or c in ".!?:;" for c in line)
    )


# ---- folders -----------------------------------------------------------------------------------


@dataclass
class LoadResult:
    articles: list[Article]
    skipped: dict[str, str]  # file name -> reason


def load_articles(folder: Path) -> LoadResult:
    """Every *.txt in `folder`, in name order. A file that cannot be read, fails to parse for any
    reason, or repeats an earlier file's story is skipped with a warning; the rest still load."""
    if not folder.is_dir():
        raise FileNotFoundError(f"articles folder not found: {folder}")
    articles: list[Article] = []
    skipped: dict[str, str] = {}
    first_with_key: dict[str, str] = {}
    for path in sorted(folder.glob("*.txt")):
        article, reason = _load_one(path)
        if article is not None and article.content_key in first_with_key:
            reason = f"duplicate of {first_with_key[article.content_key]}"
        if reason is not None:
            skipped[path.name] = reason
            log.warning("skipping article %s: %s", path.name, reason)
            continue
        assert article is not None
        first_with_key[article.content_key] = article.doc
        articles.append(article)
    return LoadResult(articles, skipped)


def _load_one(path: Path) -> tuple[Article | None, str | None]:
    """(article, None) or (None, why not); never raises, so one bad file cannot stop a load."""
    try:
        return parse_article(path.name, path.read_bytes()), None
    except (ArticleError, OSError) as exc:
        return None, str(exc)
    except Exception as exc:  # a parser bug on one odd file must not cost the whole collection
        log.exception("unexpected error parsing %s", path.name)
        return None, f"could not be parsed ({type(exc).__name__}: {exc})"


def find_duplicate(folder: Path, raw: bytes, name: str) -> str | None:
    """The name of an article in `folder` (other than `name` itself) with the same story as `raw`,
    so an uploader can be told. Raises ArticleError when `raw` is not a readable article."""
    key = parse_article(name, raw).content_key
    if not folder.is_dir():
        return None
    for path in sorted(folder.glob("*.txt")):
        if path.name == name:
            continue
        other, _ = _load_one(path)
        if other is not None and other.content_key == key:
            return path.name
    return None
