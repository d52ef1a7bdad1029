"""Dates with their precision: article dates, dates inside passages, and time in questions.

A date is never invented: a day and month without a year is resolved from the article's date
when it has a year, and otherwise stays 'year not stated'.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from retrieval.text import fold


@functools.total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A calendar date known to day, month or year precision; year may be unknown (None).

    Dates of mixed precision have a total order: an unknown part sorts before every known one,
    so 2023 < 2023-03 < 2023-03-01, and a date with no year sorts first.
    """

    year: int | None
    month: int | None = None
    day: int | None = None

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year if self.year is not None else -1, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    @property
    def precision(self) -> int:
        """1 for a year, 2 for a month, 3 for a day."""
        return 1 + (self.month is not None) + (self.day is not None)

    def after(self, bound: PartialDate | None) -> bool:
        """Is this date later than `bound`, compared at the bound's precision (2025-12-03 is not after a
        publication known as 2025-12)? Nothing is after an unknown bound."""
        if bound is None or bound.year is None:
            return False
        return self.sort_key()[: bound.precision] > bound.sort_key()[: bound.precision]

    def iso(self) -> str | None:
        """'2025-12-03', '2025-12', '2025', or None when the year is unknown."""
        if self.year is None:
            return None
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def as_written(self) -> str:
        """Day/month as Vietnamese write it, for dates whose year is not stated."""
        if self.day and self.month:
            return f"{self.day}/{self.month}"
        return f"tháng {self.month}" if self.month else "?"

    def matches(self, year: int, month: int | None = None) -> bool:
        if self.year != year:
            return False
        return month is None or self.month is None or self.month == month

    @classmethod
    def from_iso(cls, value: str | None) -> PartialDate | None:
        if not value:
            return None
        parts = [int(p) for p in value.split("-")]
        return cls(*parts)


@dataclass(frozen=True)
class EventDate:
    """A date mentioned in a passage. `kind` is 'point' or 'period' ('giai đoạn 2024 - 2026')."""

    date: PartialDate
    text: str
    start: int
    kind: str = "point"
    end: PartialDate | None = None

    def label(self) -> str:
        """ISO form when the year is known, else the text as written."""
        iso = self.date.iso()
        if self.kind == "period" and self.end is not None and iso:
            return f"{iso}/{self.end.iso()}"
        return iso or self.date.as_written()

    def covers(self, year: int, month: int | None = None) -> bool:
        if self.kind == "period" and self.end is not None and self.date.year and self.end.year:
            return self.date.year <= year <= self.end.year
        return self.date.matches(year, month)


_BACK_AFTER = re.compile(r"^\s*(?:vừa qua|trước đó|trước|earlier|ago)\b", re.I)
_BACK_BEFORE = re.compile(r"\b(?:hồi|last|earlier in|previously in)\s*$", re.I)
# 'kể từ khi hai nước thiết lập quan hệ ngoại giao vào năm 1993', 'since 2010': the start of a period
# the sentence looks back over, within the same clause
_SINCE_CLAUSE = re.compile(r"\b(?:kể từ|từ khi|since)\b[^,;.:]{0,100}$", re.I)
_BACK_OPENING = re.compile(r"(?:kể từ|từ khi|since|hồi|last)\b", re.I)
# 'thành viên Interpol từ năm 1991', 'từ tháng 3/2020 đến nay': 'từ' before a year or month that no
# end follows is 'since', the start of a state ('từ ngày 13 đến 15/2', 'từ năm 2010 đến 2015' are spans)
_FROM_BEFORE = re.compile(r"\btừ\s*$", re.I)
_SPAN_END_AFTER = re.compile(r"^\s*(?:đến|tới|-|–)(?!\s*(?:hiện\s+)?nay\b)", re.I)
# 'Looking back on the ties set up on April 9, 1973, …', 'Nhìn lại chặng đường từ …': a clause that
# recalls the past
_RECALL_CLAUSE = re.compile(r"\b(?:looking back|looked back|recalling|nhìn lại|điểm lại)\b[^,;.:]{0,100}$", re.I)


def looks_back(text: str, event: EventDate) -> bool:
    """'vào tháng 9 vừa qua', 'hồi tháng 5', 'last September', 'kể từ khi … năm 1993', 'thành viên
    Interpol từ năm 1991': an earlier event the text recalls."""
    before, after = _around(text, event)
    return bool(
        _BACK_AFTER.search(after)
        or _BACK_BEFORE.search(before)
        or since_clause(text, event)
        or _BACK_OPENING.match(event.text)  # the date parser keeps the preposition: 'since 2016', 'last May'
    )


def recalled(text: str, event: EventDate) -> bool:
    """Is `event` the time of a clause recalling the past ('Looking back on the ties set up on April 9,
    1973, the minister noted …')? Asked about, it is the answer; but it sets no time for the sentences
    after it, as a paragraph's opening day does."""
    return _RECALL_CLAUSE.search(_before(text, event)) is not None


def since_clause(text: str, event: EventDate) -> str | None:
    """The clause that makes `event` the start of a period looked back over ('kể từ khi Việt Nam và
    Nam Phi thiết lập quan hệ ngoại giao vào năm 1993', 'quan hệ ngoại giao được thiết lập từ năm
    1950'), or None."""
    before = _before(text, event)
    m = _SINCE_CLAUSE.search(before)
    if m:
        return m.group()
    if _since_by_from(text, event):  # the state begun is what precedes 'từ': 'quan hệ … được thiết lập từ'
        return re.split(r"[,;.:]", before)[-1]
    return None


def _since_by_from(text: str, event: EventDate) -> bool:
    before, after = _around(text, event)
    return event.date.day is None and _FROM_BEFORE.search(before) is not None and not _SPAN_END_AFTER.match(after)


def _around(text: str, event: EventDate) -> tuple[str, str]:
    """The few characters before and after `event`, where the words that frame a date stand."""
    end = event.start + len(event.text)
    return text[max(0, event.start - 14) : event.start], text[end : end + 12]


def _before(text: str, event: EventDate) -> str:
    """The text just before `event`, where the clause that frames it opens."""
    return text[max(0, event.start - 120) : event.start]


def valid_day(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year, so 29/2 passes without a year
    except ValueError:
        return False
    return True


# A news sentence's own time adverbial stands at its opening ('Sáng 26/10, …', 'On 17 January, …');
# a date further in is one the sentence mentions ('… sang thăm vào tháng 9 vừa qua').
OPENING_CHARS = 40

_YEAR = r"(?P<y>1[89]\d\d|20\d\d)"
_TIME_OF_DAY = r"(?:ngày|sáng|chiều|trưa|tối|đêm|hôm)"
_EN_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_EN_MONTH = rf"(?P<mname>{_EN_MONTH_NAMES})\.?"
_ORDINAL = r"(?:st|nd|rd|th)?"
# Each pattern names its parts: d (day), m (month number) or mname (English month), y (year),
# y2 (end year of a period). Earlier patterns win where matches overlap.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # periods: 'giai đoạn 2024 - 2026', '2026 – 2028'
    ("period", re.compile(r"(?:giai đoạn\s+)?\b(?P<y>1[89]\d\d|20\d\d)\s*[-–—]\s*(?P<y2>1[89]\d\d|20\d\d)\b", re.I)),
    # day ranges name their first day: 'từ ngày 6 - 9/12/2023', 'từ ngày 4 đến 6/6/2015', 'từ ngày 12 đến 13-2'
    (
        "point",
        re.compile(
            rf"{_TIME_OF_DAY}\s+(?P<d>\d{{1,2}})\s*(?:[-–]|đến|tới)\s*(?:ngày\s+)?\d{{1,2}}(?P<sep>[/-])(?P<m>\d{{1,2}})"
            rf"(?:(?P=sep){_YEAR})?\b",
            re.I,
        ),
    ),
    # full dates: '21/10/2023', '22-6-2015'; 'ngày 3/12', 'Chiều 21/10', 'ngày 29-5'
    ("point", re.compile(rf"\b(?P<d>\d{{1,2}})([/-])(?P<m>\d{{1,2}})\2{_YEAR}\b")),
    ("point", re.compile(rf"{_TIME_OF_DAY}\s+(?P<d>\d{{1,2}})\s*[/-]\s*(?P<m>\d{{1,2}})\b(?![/-]\d)", re.I)),
    # English: '17 January 2011', 'January 17, 2011', 'on 6 March', 'March 6'
    ("point", re.compile(rf"\b(?P<d>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?{_EN_MONTH},?\s+{_YEAR}\b")),
    ("point", re.compile(rf"\b{_EN_MONTH}\s+(?P<d>\d{{1,2}}){_ORDINAL},?\s+{_YEAR}\b")),
    ("point", re.compile(rf"\b(?P<d>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?{_EN_MONTH}(?![\w,]*\s+\d)")),
    ("point", re.compile(rf"\b{_EN_MONTH}\s+(?P<d>\d{{1,2}}){_ORDINAL}\b(?!,?\s*\d)")),
    # months: 'tháng 11/2022', 'tháng 9-2013', 'tháng 5 năm 2025', 'tháng 9', 'January 2024', 'in March'
    ("point", re.compile(rf"tháng\s+(?P<m>\d{{1,2}})\s*(?:[/–-]|năm)\s*{_YEAR}\b", re.I)),
    ("point", re.compile(r"tháng\s+(?P<m>\d{1,2})\b(?!\s*(?:[/–-]|năm)\s*\d)", re.I)),
    ("point", re.compile(rf"\b{_EN_MONTH},?\s+(?:of\s+)?{_YEAR}\b")),
    ("point", re.compile(rf"\b(?:in|since|during|early|late|mid-?)\s+{_EN_MONTH}(?!\s*\d)")),
    # years: 'năm 2018', '(1973)', 'in 2017'
    (
        "point",
        re.compile(
            rf"(?:năm\s+{_YEAR}\b|\(\s*(?P<yp>1[89]\d\d|20\d\d)\s*\)|\b(?:in|since)\s+(?P<ye>1[89]\d\d|20\d\d)\b)", re.I
        ),
    ),
]


# the days of a span that 'ngày 21 đến 25/4/2025' names (its date is the first; this, the last)
_SPAN_LAST_DAY = re.compile(r"\d\s*(?:[-–]|đến|tới)\s*(?:ngày\s+)?(\d{1,2})/", re.I)


def days_within_spans_first(events: list[EventDate]) -> list[EventDate]:
    """`events` with the days that fall within a span of days also named ('Trong khuôn khổ chuyến thăm
    … từ ngày 21 đến 25/4/2025, ngày 23/4, tại Astana, … hội đàm') moved first: the span is the
    visit that frames the day's event."""
    spans = [(e.date, int(m.group(1))) for e in events if (m := _SPAN_LAST_DAY.search(e.text))]
    within = [
        e
        for e in events
        if e.date.day is not None
        and not _SPAN_LAST_DAY.search(e.text)
        and any(
            (e.date.year, e.date.month) == (first.year, first.month) and first.day < e.date.day <= last
            for first, last in spans
            if first.day is not None
        )
    ]
    return within + [e for e in events if e not in within]


def find_event_dates(text: str, article_date: PartialDate | None) -> list[EventDate]:
    """All dates written in `text`, in order, without overlaps, resolved against the article date."""
    found: list[EventDate] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            event = _to_event(kind, m, article_date)
            if event is not None:
                found.append(event)
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda e: e.start)


def _to_event(kind: str, m: re.Match[str], article_date: PartialDate | None) -> EventDate | None:
    parts = {k: v for k, v in m.groupdict().items() if v}
    text = m.group(0).strip()
    year = next((int(parts[k]) for k in ("y", "yp", "ye") if k in parts), None)
    if kind == "period":
        end = int(parts["y2"])
        return EventDate(PartialDate(year), text, m.start(), "period", PartialDate(end)) if year < end else None
    if "mname" in parts:
        month: int | None = _MONTHS_EN[parts["mname"].lower()]
    else:
        month = int(parts["m"]) if "m" in parts else None
    if month is None:
        return EventDate(PartialDate(year), text, m.start())
    day = int(parts["d"]) if "d" in parts else None
    if not 1 <= month <= 12:
        return None
    if year is None:
        year = _infer_year(month, day, article_date)
    if day is not None and not valid_day(year, month, day):
        return None
    return EventDate(PartialDate(year, month, day), text, m.start())


def _infer_year(month: int, day: int | None, article_date: PartialDate | None) -> int | None:
    """The article's year; the year before when that would put the event well after publication."""
    if article_date is None or article_date.year is None:
        return None
    year = article_date.year
    if article_date.month and month > article_date.month + 2:
        return year - 1  # 'tháng 12' in a January article is last December
    return year


# ---- time in questions -------------------------------------------------------------------------

_MONTHS_EN = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_Q_MONTH_YEAR = [
    re.compile(r"\bthang\s+(\d{1,2})\s*(?:/|-|nam|\s)\s*(\d{4})\b"),
    re.compile(r"(?<![/\d])(\d{1,2})\s*/\s*(\d{4})\b"),
]
# the month names a question (folded) writes, the longest first ('sept' before 'sep')
_Q_EN_MONTH_NAMES = "|".join(sorted(_MONTHS_EN, key=len, reverse=True))
_Q_EN_MONTH = re.compile(rf"\b({_Q_EN_MONTH_NAMES})\.?,?\s+(?:of\s+)?(\d{{4}})\b")
_Q_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
# 'ngày 11/9/2019', '11-9-2019'; 'on 11 September 2019', 'September 11, 2019' (folded)
_Q_DAY_MONTH_YEAR = re.compile(r"(?<![/\d])(\d{1,2})\s*[/-]\s*(\d{1,2})\s*[/-]\s*(\d{4})\b")
_Q_EN_DAY = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_Q_EN_MONTH_NAMES})\.?,?\s+(\d{{4}})\b"
    rf"|\b({_Q_EN_MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
)
# 'from 2020 to 2023', 'từ năm 2020 đến 2023', 'between 2020 and 2023' (folded)
_Q_RANGE = re.compile(
    r"\b(?:from|between|tu|trong)\s+(?:nam\s+)?(19\d\d|20\d\d)\s*(?:-|–|to|and|den|toi)\s*(?:nam\s+)?(19\d\d|20\d\d)\b"
)
# Open-ended windows (folded): 'since 2020', 'after 2020', 'sau năm 2020' run to the newest article;
# 'before 2012', 'trước năm 2012', 'until 2012', 'cho đến năm 2012' from the oldest. The group before
# the year says whether the year itself is inside ('since', 'until') or not ('after', 'before').
_Q_FROM = re.compile(
    r"\b(?:(since|tu nam|ke tu nam)|(after|later than|sau|sau nam|tu sau nam|ke tu sau nam))\s+(19\d\d|20\d\d)\b"
)
# two years joined by 'and' or 'or': 'năm 2024 và 2025', 'in 2024 or 2025' (folded), each year between
# them too (a window is whole years), which no filter at all would show even more of
_Q_EITHER_YEAR = re.compile(r"\b(19\d\d|20\d\d)\s*(?:,|&|and|or|va|hoac|hay)\s*(?:nam\s+)?(19\d\d|20\d\d)\b")
# a quarter ('quý 3/2025', 'Q3 2025'): the filter takes its year, a window of whole months being one month
_Q_QUARTER = re.compile(r"\b(?:quy|q)\s*[1-4]\s*(?:/|-|nam|\s)\s*((?:19|20)\d\d)\b")
# ... and a year to the present: 'từ 2010 đến nay', 'from 2018 until today' (folded)
_Q_TO_NOW = re.compile(
    r"\b(?:from|since|tu|ke tu)\s+(?:nam\s+)?(19\d\d|20\d\d)\s*(?:-|–|to|until|till|up to|den|toi)\s*"
    r"(?:nay|hien nay|bay gio|hien tai|now|today|the present|date)\b"
)
# ... and in English an event dated by them: 'before his March 2021 trip' is before 2021 (whole years)
_Q_UNTIL = re.compile(
    r"\b(?:(until|till|up to|through|cho den nam|tinh den nam|den het nam)|(before|prior to|earlier than|truoc|truoc nam))"
    r"\s+(?:(?:the|his|her|its|their|this|that)\s+(?:[a-z]+\s+)?)?(19\d\d|20\d\d)\b"
)
# Days named relative to the day the question is asked (folded): the present, which the articles
# reach only if one was published that day ('Hôm nay Hà Nội có mưa không?', 'What happened yesterday?')
_Q_RELATIVE_DAY = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "tomorrow": 1,
    "yesterday": -1,
    "last night": -1,
    "hom nay": 0,
    "sang nay": 0,
    "chieu nay": 0,
    "toi nay": 0,
    "dem nay": 0,
    "ngay mai": 1,
    "hom qua": -1,
    "toi qua": -1,
    "dem qua": -1,
}
# Years counted back from the newest article: 'năm ngoái' / 'last year' = 1, 'năm nay' / 'this year' = 0
_Q_RELATIVE_YEAR = {
    "nam ngoai": 1,
    "nam truoc": 1,
    "last year": 1,
    "previous year": 1,
    "nam nay": 0,
    "this year": 0,
}
# ... and months: 'tháng trước' / 'last month' = 1, 'tháng này' / 'this month' = 0
_Q_RELATIVE_MONTH = {
    "thang truoc": 1,
    "last month": 1,
    "previous month": 1,
    "thang nay": 0,
    "this month": 0,
}


@dataclass(frozen=True)
class TimeFilter:
    """A window of time a question asks about, whole years, one month or one day: 2025, 2025-12,
    2025-12-03, 2020..2023."""

    year: int
    month: int | None = None
    end_year: int | None = None  # a range of whole years, inclusive
    open_start: bool = False  # 'before 2012': every year up to end_year (`year` is then end_year too)
    open_end: bool = False  # 'since 2020': every year from `year` on
    day: int | None = None  # 'ngày 11/9/2019', 'on 11 September 2019': one day of `month`

    def label(self, month_first: bool = False) -> str:
        """'2025', '2025-12' (or '12/2025' with month_first), '2025-12-03' ('3/12/2025'), '2020–2023',
        '≥2020', '≤2011'."""
        if self.day and self.month:
            return (
                f"{self.day}/{self.month}/{self.year}"
                if month_first
                else f"{self.year}-{self.month:02d}-{self.day:02d}"
            )
        if self.open_start:
            return f"≤{self.end_year}"
        if self.open_end:
            return f"≥{self.year}"
        if self.end_year is not None and self.end_year != self.year:
            return f"{self.year}–{self.end_year}"
        if self.month:
            return f"{self.month}/{self.year}" if month_first else f"{self.year}-{self.month:02d}"
        return str(self.year)

    def contains(self, date: PartialDate | None) -> bool:
        """Whether a date (of any precision) falls in the window; an unknown year never does."""
        if date is None or date.year is None:
            return False
        last = self.end_year if self.end_year is not None else self.year
        if (not self.open_start and date.year < self.year) or (not self.open_end and date.year > last):
            return False
        if self.month is not None and date.month is not None and date.month != self.month:
            return False
        return self.day is None or date.day is None or date.day == self.day


def question_time(question: str, newest: PartialDate | None = None) -> TimeFilter | None:
    """The time a question asks about: 'tháng 12/2023', 'December 2023', 'in 2025', 'from 2020 to 2023',
    'năm ngoái' / 'last year', 'tháng trước' / 'last month' (relative to `newest`, the newest article's
    date).

    Two years without a range word ('giai đoạn 2024 - 2026', '2024 2026') name a period, not a filter.
    """
    q = fold(question)
    if m := _Q_RANGE.search(q):
        first, last = sorted((int(m.group(1)), int(m.group(2))))
        return TimeFilter(first, None, last)
    if m := _Q_TO_NOW.search(q):
        return TimeFilter(int(m.group(1)), open_end=True)
    if m := _Q_FROM.search(q):
        first = int(m.group(3)) + (1 if m.group(2) else 0)
        return TimeFilter(first, open_end=True)
    if m := _Q_UNTIL.search(q):
        last = int(m.group(3)) - (1 if m.group(2) else 0)
        return TimeFilter(last, None, last, open_start=True)
    if m := _Q_EITHER_YEAR.search(q):
        first, last = sorted((int(m.group(1)), int(m.group(2))))
        return TimeFilter(first, None, last)
    if m := _Q_QUARTER.search(q):
        return TimeFilter(int(m.group(1)))
    if re.search(r"\b(19|20)\d\d\s*(?:-|–|to|den|\s)\s*(19|20)\d\d\b", q):
        return None
    if (m := _Q_DAY_MONTH_YEAR.search(q)) and valid_day(int(m.group(3)), int(m.group(2)), int(m.group(1))):
        return TimeFilter(int(m.group(3)), int(m.group(2)), day=int(m.group(1)))
    if m := _Q_EN_DAY.search(q):
        day, month, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
        if valid_day(int(year), _MONTHS_EN[month], int(day)):
            return TimeFilter(int(year), _MONTHS_EN[month], day=int(day))
    for pattern in _Q_MONTH_YEAR:
        m = pattern.search(q)
        if m and 1 <= int(m.group(1)) <= 12:
            return TimeFilter(int(m.group(2)), int(m.group(1)))
    m = _Q_EN_MONTH.search(q)
    if m:
        return TimeFilter(int(m.group(2)), _MONTHS_EN[m.group(1)])
    years = _Q_YEAR.findall(q)
    if len(years) == 1:
        return TimeFilter(int(years[0]))
    if not years and newest is not None and newest.year is not None:
        for phrase, back in _Q_RELATIVE_YEAR.items():
            if re.search(rf"\b{phrase}\b", q):
                month = re.search(rf"\bthang\s+(\d{{1,2}})\s+{phrase}\b", q)  # 'tháng 3 năm ngoái'
                if month and 1 <= int(month.group(1)) <= 12:
                    return TimeFilter(newest.year - back, int(month.group(1)))
                return TimeFilter(newest.year - back)
        for phrase, back in _Q_RELATIVE_MONTH.items() if newest.month is not None else ():
            if re.search(rf"\b{phrase}\b", q):
                months = newest.year * 12 + newest.month - 1 - back
                return TimeFilter(months // 12, months % 12 + 1)
    return None


def question_day(question: str) -> int | None:
    """The day a question asks about relative to the day it is asked ('hôm nay' 0, 'yesterday' -1), if any."""
    q = fold(question)
    return next((days for phrase, days in _Q_RELATIVE_DAY.items() if re.search(rf"\b{phrase}\b", q)), None)


_TIME_PHRASE = re.compile(
    r"(?:\b(?:vào|vao|trong|in|during|from|since|between|từ|tu|đến|den|to|and|of|after|before|until|till"
    r"|up to|through|prior to|later than|earlier than|trước|truoc|sau|cho đến|cho den|tính đến|tinh den)\s+)?"
    r"(?:\b(?:năm|nam|tháng|thang)\s+)?"
    rf"(?:\b(?:{_EN_MONTH_NAMES})\.?,?\s+)?"
    r"(?:\b\d{1,2}\s*/\s*)?\b(?:19|20)\d\d\b"
    r"|\b(?:năm ngoái|năm nay|năm trước|nam ngoai|nam nay|nam truoc|last year|this year|previous year"
    r"|tháng trước|tháng này|thang truoc|thang nay|last month|this month|previous month)\b",
    re.I,
)


def without_time(question: str) -> str:
    """The question with its time expressions removed: once time is a filter, a year in the text only
    makes the dense model favour any sentence that names a date."""
    stripped = re.sub(r"\s{2,}", " ", _TIME_PHRASE.sub(" ", question)).strip(" ,")
    return stripped if re.search(r"\w", stripped) else question
