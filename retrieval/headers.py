"""Header analysis: an article's title, publication date, URL and where its body begins.

Articles are saved by hand from many Vietnamese and English news sites, so the header has no
fixed shape: a URL line, separators, a headline, a timestamp line ('Cập nhật: 06:48 | 26/05/2010',
'Thứ Ba, 10/11/2015, 07:15 (GMT+7)', 'Published: February 2, 2011', a byline with a time), photo
captions, or nothing at all but a dateline opening the lead ('(TTXVN) - Chiều 22-6-2015, …').
Rather than one rule per site, each of the first few non-empty lines is classified by its shape
(URL, separator, caption, date line, headline, byline) until the first line that reads as prose.

Dates are read by `dateparser`, which knows weekday names, month names and numeric forms in both
languages. It is slow (about a millisecond a call) and loose (it resolves 'hôm nay' to today), so it
only sees short lines that contain a plausible year, and what it returns is checked: the year must
be written in the matched text, and so must the day when it claims day precision. A date keeps the
precision it is written with (' date 2023-03' stays a month); a day is never invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateparser.search import search_dates

from retrieval.dates import PartialDate, valid_day
from retrieval.text import sentence_spans, strip_photo_credits

HEADER_LINES = 8  # the header region: this many non-empty lines at most
FIRST_YEAR, LAST_YEAR = 1990, 2035
_MAX_DATE_LINE = 250  # longer lines are prose, not timestamps or stamped headlines
_DATELINE_WINDOW = 80  # a dateline's date sits in the first characters of the lead

_DATE_PREFIX_RE = re.compile(r"^[ \t\ufeff]*date\s+(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\b[ \t]*")
# A URL alone on its line, perhaps after a short label: 'URL: …', 'Nguồn: …', 'Link bài gốc: …'
_URL_RE = re.compile(r"^\s*(?:[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,3}\s*:\s*)?<?(https?://\S+?)>?\s*$")
# A headline introduced by its field name, as in files exported from a content system
_TITLE_LABEL_RE = re.compile(r"^\s*(?:title|headline|tiêu đề|tít)\s*:\s*(?=\S)", re.I)
_SEPARATOR_RE = re.compile(r"^\s*[-=_*~#]{3,}\s*$")
_YEAR_RE = re.compile(r"(?<!\d)(?:199\d|20[0-3]\d)(?!\d)")
_SENTENCE_END_RE = re.compile(r"[.!?…:;,][\"”»')\]]*$")
_CAPTION_RE = re.compile(r"^\(?\s*(?:ảnh|photo|video|clip|nguồn ảnh)\s*(?:\([^)]{0,30}\))?\s*:", re.I)
_CREDIT_RE = re.compile(r"\b(?:Ảnh|Photo)\s*:", re.I)
_BREADCRUMB_RE = re.compile(r"\S\s*(?:>|»|›)\s*\S")
# Labels and weekday names that make a short line a timestamp rather than a headline.
_META_WORDS_RE = re.compile(
    r"\b(?:cập nhật|cập nhập|đăng lúc|đăng ngày|ngày đăng|thời gian|published|updated|posted|last updated|"
    r"thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ nhật|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|gmt|utc)\b|^(?:t[2-7]|cn)\b",
    re.I,
)
# Who wrote it or where it came from: 'Theo VOV', 'Minh Anh (TTXVN)', 'PV (TTXVN)', 'VNA'.
_BYLINE_RE = re.compile(
    r"^(?:theo|nguồn|source|sources|by|according to|bài và ảnh|bài, ảnh|tin, ảnh|tác giả|author|"
    r"written by|reported by|phóng viên|nhóm phóng viên|pv)\b[^.!?]{0,60}$"
    r"|^(?:[^\s\d()]+\s+){0,3}[^\s\d()]+\s*\([^()\d]{1,20}\)$",
    re.I,
)
_AGENCY_RE = re.compile(r"^[A-ZĐ]{2,10}(?:\s*[/-]\s*[A-ZĐ]{2,10})?$")
# What may precede a dateline's date: '(TTXVN) -', 'HANOI -', 'Chiều', 'On the afternoon of'.
_DATELINE_PREFIX_RE = re.compile(
    r"^\s*(?:\([^()\n]{1,25}\)\s*[-–—:]?\s*|[A-ZĐ][A-ZĐ .,]{1,25}\s*[-–—:]\s*)?"
    r"(?:(?:vào|sáng|chiều|trưa|tối|đêm|hôm|ngày|qua|nay|on|the|morning|afternoon|evening|night|of)\b[\s,]*)*$",
    re.I,
)
_DATEPARSER_SETTINGS = {
    "DATE_ORDER": "DMY",  # 03/04/2023 is 3 April in every Vietnamese source
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}
_PRECISION = {"year": 1, "month": 2, "day": 3, "week": 3, "time": 3, "hour": 3, "minute": 3, "second": 3}


@dataclass(frozen=True)
class Line:
    start: int  # offset of the stripped text in the article
    end: int
    text: str


@dataclass(frozen=True)
class FoundDate:
    date: PartialDate
    start: int  # span of the date as written, in the searched string
    end: int


@dataclass(frozen=True)
class Header:
    title: str | None
    url: str | None
    date: PartialDate | None
    body_start: int
    # the date is the lead's dateline ('(TTXVN) - Chiều 10-9-2019, …'): the day its report begins, which
    # it may carry on past (the next days of a visit), not the day it was published
    date_from_lead: bool = False


# ---- dates ---------------------------------------------------------------------------------------


def find_date(line: str) -> FoundDate | None:
    """The first well-formed date written in a short line, with the precision it is written with."""
    if len(line) > _MAX_DATE_LINE or not _YEAR_RE.search(line):
        return None
    found = search_dates(line, languages=["vi", "en"], settings=_DATEPARSER_SETTINGS, add_period=True) or []
    for matched, when, period in found:
        date = _checked(matched, when.year, when.month, when.day, _PRECISION.get(period or "", 0))
        if date is not None:
            start = max(line.find(matched), 0)
            return FoundDate(date, start, start + len(matched))
    return None


def _checked(matched: str, year: int, month: int, day: int, precision: int) -> PartialDate | None:
    """dateparser's answer if the matched text really writes it (it fills gaps from today's date)."""
    if not precision or not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    digits = re.findall(r"\d+", matched)
    if str(year) not in digits:
        return None
    if precision == 1:
        return PartialDate(year)
    rest = [int(d) for d in digits if d != str(year) and len(d) <= 2]
    month_written = month in rest or bool(re.search(r"[^\W\d_]{3,}", matched))  # digits or a month name
    if precision == 2:
        return PartialDate(year, month) if month_written else None
    if day not in rest or not month_written or not valid_day(year, month, day):
        return None
    return PartialDate(year, month, day)


def dateline_date(paragraph: str) -> PartialDate | None:
    """The date opening a lead: '(TTXVN) - Chiều 22-6-2015, …', 'On the afternoon of April 15, 2024, …'."""
    year = _YEAR_RE.search(paragraph[:_DATELINE_WINDOW])
    if year is None:
        return None
    window = paragraph[: year.end()]  # what follows the year only confuses dateparser's language split
    found = find_date(window)
    if found is None or found.date.day is None:
        return None
    return found.date if _DATELINE_PREFIX_RE.match(window[: found.start]) else None


def date_prefix(text: str) -> tuple[PartialDate | None, int] | None:
    """The bot's own export form ' date 2025-12-03 Body…' / ' date 2023-12 …': (date, body offset)."""
    m = _DATE_PREFIX_RE.match(text)
    if m is None:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    if month is not None and not 1 <= month <= 12:
        return None, m.end()
    if day is not None and (month is None or not valid_day(year, month, day)):
        return None, m.end()
    return PartialDate(year, month, day), m.end()


# ---- line shapes ---------------------------------------------------------------------------------


def lines_of(text: str, start: int = 0) -> list[Line]:
    """Non-empty lines from `start`, stripped, with their offsets."""
    out = []
    for m in re.finditer(r"[^\n]+", text[start:]):
        raw = m.group(0)
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            begin = start + m.start() + lead
            out.append(Line(begin, begin + len(stripped), stripped))
    return out


def url_of(line: str) -> str | None:
    """The URL of a line that holds only a URL, perhaps after a short label ('Nguồn: https://…')."""
    m = _URL_RE.match(line)
    return m.group(1) if m else None


def is_separator(line: str) -> bool:
    return bool(_SEPARATOR_RE.match(line))


def is_caption(line: str) -> bool:
    """A photo caption: 'Ảnh: …', or a short paragraph carrying a photo credit."""
    if _CAPTION_RE.match(line):
        return True
    return bool(_CREDIT_RE.search(line)) and len(strip_photo_credits(line)) <= 300


def is_byline(line: str) -> bool:
    return len(line) <= 80 and bool(_BYLINE_RE.match(line) or _AGENCY_RE.match(line))


def is_headline(line: str) -> bool:
    """Short, no closing sentence punctuation, starts like a title, and is not metadata."""
    words = line.split()
    if not 2 <= len(words) <= 35 or len(line) > 220 or _SENTENCE_END_RE.search(line):
        return False
    if not (line[0].isupper() or line[0].isdigit() or line[0] in "\"“'‘«"):
        return False
    return not (is_caption(line) or is_byline(line) or _BREADCRUMB_RE.search(line) or _URL_RE.match(line))


def _word_count(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalpha() for c in w))


# ---- the header ----------------------------------------------------------------------------------


def analyse_header(text: str) -> Header:
    """Title, URL, date and body offset; any of the first three may be None."""
    if (prefixed := date_prefix(text)) is not None:
        date, body_start = prefixed
        return Header(None, None, date, _skip_captions(text, body_start))
    title: str | None = None
    url: str | None = None
    date: PartialDate | None = None
    body_start = 0
    for line in lines_of(text)[:HEADER_LINES]:
        kind, value, line_date = _classify(line.text, title is None)
        if kind == "body":
            break
        if kind == "url" and url is None:
            url = value
        elif kind == "title" and title is None:
            title = value
        date = date or line_date
        body_start = line.end
    body_start = _skip_captions(text, body_start)
    if date is not None:
        return Header(title, url, date, body_start)
    lead = _lead_date(text, body_start)
    return Header(title, url, lead, body_start, date_from_lead=lead is not None)


def _classify(line: str, title_wanted: bool) -> tuple[str, str | None, PartialDate | None]:
    """(kind, value, date) of one header line; kind 'body' ends the header."""
    if url := url_of(line):
        return "url", url, None
    if is_separator(line) or _CAPTION_RE.match(line) or _BREADCRUMB_RE.search(line):
        return "meta", None, None
    found = find_date(line) if len(line) <= _MAX_DATE_LINE else None
    if found is not None and (stamped := _timestamp_line(line, found, title_wanted)) is not None:
        return stamped
    if is_byline(line):
        # a byline may carry the timestamp: 'Trí Trung-Thứ hai, ngày 03/04/2023 20:18', 'By Minh Anh | May 2, 2024'
        return "meta", None, found.date if found else None
    if (label := _TITLE_LABEL_RE.match(line)) is not None:
        return ("title", line[label.end() :], None) if title_wanted else ("meta", None, None)
    if title_wanted and is_headline(line):
        return "title", line, None
    return "body", None, None


def _timestamp_line(line: str, found: FoundDate, title_wanted: bool) -> tuple[str, str | None, PartialDate] | None:
    """A date line ('Cập nhật: 06:48 | 26/05/2010') or a headline ending with its timestamp."""
    start, end = _digit_core(line, found)
    before, after = line[:start], line[end:]
    rest = f"{before} {after}"
    labelled = bool(_META_WORDS_RE.search(rest))
    headline = before.strip(" -–—|,·")
    trailing_time = not re.search(r"[^\W\d_]", after)  # nothing but a time / zone after the date
    # a timestamp has at least a month: a headline ending in a year ('… ký Kế hoạch hợp tác năm 2024')
    # names that year as part of its subject
    stamped = found.date.month is not None
    if (
        title_wanted
        and not labelled
        and trailing_time
        and stamped
        and _word_count(headline) >= 3
        and is_headline(headline)
    ):
        return "title", headline, found.date
    if _word_count(rest) <= 4 or (labelled and _word_count(rest) <= 8):
        if found.date.month is None and _word_count(rest) > 2:
            return None  # a bare year in a phrase ('Năm 2023 …') is not a timestamp
        return "meta", None, found.date
    return None


def _digit_core(line: str, found: FoundDate) -> tuple[int, int]:
    """The matched date from its first to its last digit: dateparser's match may swallow a
    neighbouring word ('Nam 01/01/2000'), which would eat into a headline."""
    digits = [i for i in range(found.start, found.end) if line[i].isdigit()]
    return (digits[0], digits[-1] + 1) if digits else (found.start, found.end)


def _skip_captions(text: str, pos: int) -> int:
    """Past blank space and the 'Ảnh: …' lines that often sit between headline and lead."""
    for line in lines_of(text, pos):
        if not _CAPTION_RE.match(line.text):
            return line.start
        pos = line.end
    return pos


def _lead_date(text: str, body_start: int) -> PartialDate | None:
    """A dateline in the first prose paragraph, when the header itself carries no date."""
    for line in lines_of(text, body_start)[:3]:
        if is_caption(line.text):
            continue
        return dateline_date(line.text)
    return None


# ---- title from the lead -------------------------------------------------------------------------


def lead_title(body: str, limit: int = 140) -> str:
    """The lead's first sentence long enough to name the story; captions and bylines are skipped."""
    prose = [line.text for line in lines_of(body) if not (is_caption(line.text) or is_byline(line.text))]
    text = "\n".join(prose) or body
    sentences = [strip_photo_credits(text[s:e]) for s, e in sentence_spans(text)]
    sentences = [s for s in sentences if s] or [text.strip()]
    first = next((s for s in sentences if len(s) >= 40), sentences[0])
    if len(first) <= limit:
        return first
    cut = first.rfind(" ", 0, limit)
    return first[: cut if cut > 40 else limit].rstrip(" ,;:-–") + "…"
