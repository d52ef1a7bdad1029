"""Stage 6, date: the date of the event a passage's answering sentence reports.

In order: a date inside the asked window that the sentence names; a day the sentence names (the
event it reports: 'Ngày 3/12, …'); for a 'when' question, the month or year the sentence names;
a month that opens the sentence ('Trước đó, tháng 6/2016, …'); the day that opens an earlier
sentence of the same paragraph ('Chiều 5/6, … gặp …. Hai bên đã ký …': a news paragraph keeps the
time it sets); in an article cut into sections by headings, the last day that opens a sentence of
the sentence's section before it; the day of the article's reported event (from its lead); the
publication date. A 'when' question takes the date of the sentence's clause (between semicolons)
that names what it asks. A date the sentence merely mentions in passing (a year: 'the memorandum of
2017') never dates the passage unless the question asks about that time. A date after publication
is a plan, not an event.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from retrieval import glossary
from retrieval.answer.analyse import QueryPlan, people_named
from retrieval.dates import (
    OPENING_CHARS,
    EventDate,
    PartialDate,
    days_within_spans_first,
    looks_back,
    recalled,
    since_clause,
)
from retrieval.partners import home_words
from retrieval.store import ArticleRecord, PassageRecord
from retrieval.text import opens_with_heading, sentence_spans, words


def event_date(
    plan: QueryPlan,
    passage: PassageRecord,
    article: ArticleRecord,
    start: int,
    end: int,
    earlier: Callable[[], Sequence[PassageRecord]] = tuple,
) -> tuple[PartialDate | None, str | None]:
    """(date shown for the passage, a day/month as written when its year is not stated); `earlier`
    gives the article's passages before this one, whose section heading and day may date it (read
    only when nothing closer dates it)."""
    if plan.asks_quantity and plan.time is not None:
        # 'How many victims did … identify in 2024?': the year is the period counted, and the count was
        # reported at an event (talks in 2025), which dates the sentence as for a question with no time
        plan = replace(plan, time=None)
    if plan.asks_what_happened and plan.time is not None:
        # 'What happened in 2025?': the event the sentence reports, when it is of that time, not an
        # earlier one of that time it mentions ('… nâng cấp quan hệ … vào tháng 5/2025')
        own, as_written = event_date(replace(plan, time=None), passage, article, start, end, earlier)
        if own is not None and plan.time.contains(own):
            return own, as_written
    published = article.report_bound(plan.asks_plan)
    in_sentence = _events_between(passage, start, end, published)
    # 'vào tháng 9 vừa qua', 'hồi tháng 5', 'kể từ khi … năm 1993': an earlier event the sentence
    # looks back to, unless the question asks about that time or that event
    in_sentence = [e for e in in_sentence if _own_or_asked(plan, passage, e)]
    if (not plan.asks_when or plan.asks_latest) and (plan.time is None or plan.time.contains(article.reported_date)):
        # the event a sentence reports opens it ('Sáng 26/10, …', 'Ngày 3/12, tại …'); a date further on
        # is one it mentions ('… sang thăm vào tháng 9 vừa qua'). 'When was the latest …' asks for the
        # reported event too, not for a date its sentence mentions. So does a question naming a time its
        # article's event is of: 'in June 2015' is the talks of 22/6, not a visit of 4/6 they recall
        # ... unless the question asks about what the date's clause names: 'Phiên tham vấn lần thứ nhất
        # do … đồng chủ trì diễn ra ngày 2/12, Bộ trưởng … nhấn mạnh …' for 'Phiên tham vấn … do ai đồng
        # chủ trì?'; but not for a count, which the event reporting it dates ('kỷ niệm 65 năm thiết lập
        # quan hệ ngoại giao (17/11/1954 - 17/11/2019)' for 'kỷ niệm bao nhiêu năm?')
        in_sentence = [
            e
            for e in in_sentence
            if e.start - start <= OPENING_CHARS
            or (e.date.day is not None and not plan.asks_quantity and _asks_about_clause(plan, passage.text, start, e))
        ]
    if plan.asks_when and len(in_sentence) > 1:
        in_sentence = _of_the_asked_clause(plan, passage.text, start, end, in_sentence)
    if plan.asks_when and len(in_sentence) > 1:
        in_sentence = _of_the_asked_phrase(plan, passage.text, start, end, in_sentence)
    chosen = (
        _choose(plan, [e.date for e in days_within_spans_first(in_sentence)])
        or _paragraph_day(plan, passage, start, published)
        or _section_day(plan, passage, start, earlier(), published)
        or article.reported_date
    )
    if chosen is not None:
        return chosen, None
    return None, _as_written(passage.event_dates, start, end)


def _paragraph_day(
    plan: QueryPlan, passage: PassageRecord, start: int, published: PartialDate | None
) -> PartialDate | None:
    """The day that opens the nearest earlier sentence of the sentence's paragraph, if any."""
    paragraph_start = passage.text.rfind("\n", 0, start) + 1
    days = _opening_days(passage, paragraph_start, start, published)
    if not days or (plan.time is not None and not plan.time.contains(days[-1])):
        return None
    return days[-1]


def _section_day(
    plan: QueryPlan,
    passage: PassageRecord,
    start: int,
    earlier: Sequence[PassageRecord],
    published: PartialDate | None,
) -> PartialDate | None:
    """The last day that opens a sentence of the sentence's section before it, when the article is
    cut into sections by headings ('Làm việc với Ban Thư ký ASEANAPOL' / 'Ngày 13/3, tại Kuala Lumpur,
    …'): a section reports one meeting of a trip or a roundup, and its day dates what follows it.
    Without a heading before the sentence, there is no section to go by."""
    if not any(opens_with_heading(p.text) for p in (*earlier, passage)):
        return None
    for record in [passage, *sorted(earlier, key=lambda p: -p.start)]:
        days = _opening_days(record, 0, start if record is passage else len(record.text), published)
        if days:
            section = opens_with_heading(record.text) or any(
                opens_with_heading(p.text) for p in earlier if p.start < record.start
            )
            in_time = plan.time is None or plan.time.contains(days[-1])
            return days[-1] if section and in_time else None
        if opens_with_heading(record.text):
            return None  # the section names no day
    return None


def states_a_time(plan: QueryPlan, passage: PassageRecord, start: int, end: int) -> bool:
    """Does the sentence in [start, end) name a date of its own ('Chiều 13/11, …', 'năm 2019'), not
    only one it looks back to ('the first meeting … since 2016')?"""
    return any(
        e.kind == "point" and start <= e.start < end and _own_or_asked(plan, passage, e) for e in passage.event_dates
    )


def _own_or_asked(plan: QueryPlan, passage: PassageRecord, event: EventDate) -> bool:
    """Is `event` the sentence's own time, or an earlier one it looks back to ('vào tháng 9 vừa qua',
    'hồi tháng 5', 'kể từ khi … năm 1993', 'since 2016') that the question asks about, by its time or
    by its event?"""
    return (
        not looks_back(passage.text, event)
        or plan.asks_since
        or (plan.time is not None and plan.time.contains(event.date))
        or _asks_about(plan, since_clause(passage.text, event))
    )


def states_a_number(passage: PassageRecord, start: int, end: int) -> bool:
    """Does the sentence in [start, end) write a number other than a date's ('sau 6 năm', '10 văn bản')?"""
    dates = [(e.start, e.start + len(e.text)) for e in passage.event_dates if start <= e.start < end]
    numbers = re.finditer(r"\d+", passage.text[start:end])
    return any(not any(a <= start + m.start() < b for a, b in dates) for m in numbers)


def _opening_days(passage: PassageRecord, start: int, end: int, published: PartialDate | None) -> list[PartialDate]:
    """The days that open a sentence of the passage's text in [start, end) ('Chiều 5/6, …'), in order;
    not one a sentence looks back to."""
    openings = [start + s for s, _ in sentence_spans(passage.text[start:end])]
    return [
        e.date
        for e in _events_between(passage, start, end, published)
        if e.date.day is not None
        and not looks_back(passage.text, e)
        and not recalled(passage.text, e)
        and any(0 <= e.start - s <= OPENING_CHARS for s in openings)
    ]


def _events_between(passage: PassageRecord, start: int, end: int, published: PartialDate | None) -> list[EventDate]:
    """The dated events (points with a year, none after publication) the passage names in [start, end)."""
    return [
        e
        for e in passage.event_dates
        if e.kind == "point" and start <= e.start < end and e.date.year is not None and not e.date.after(published)
    ]


def _asks_about(plan: QueryPlan, clause: str | None) -> bool:
    """Does a 'when' question ask about the event of a since-clause ('Iran và Việt Nam thiết lập quan
    hệ ngoại giao từ năm nào?' of '… kể từ khi hai nước thiết lập quan hệ ngoại giao năm 1973')? They
    share a word of two syllables ('thiết lập', 'ngoại giao'), not counting Việt Nam's name, which
    most clauses hold; an English question, a term of the field that the clause writes in Vietnamese
    ('When did … establish diplomatic relations?', retrieval.glossary)."""
    if clause is None or not plan.asks_when:
        return False
    return _names_what_is_asked(plan, clause, words(clause))


def _choose(plan: QueryPlan, dates: list[PartialDate]) -> PartialDate | None:
    if plan.time is not None:
        inside = [d for d in dates if plan.time.contains(d)]
        if inside:
            return max(inside, key=lambda date: date.precision)  # the most precise
    days = [d for d in dates if d.day is not None]
    if days:
        return days[0]
    if plan.asks_when and dates:
        return dates[0]
    # a month that opens the sentence ('Trước đó, tháng 6/2016, hai Bộ đã tổ chức …'), at that precision:
    # without a time or a 'when', the sentence's dates left here are those that open it (event_date)
    months = [d for d in dates if d.month is not None]
    return months[0] if months and plan.time is None else None


def lead_as_written(lead: PassageRecord) -> str | None:
    """The day/month with no year that opens an article's lead ('Chiều 29/9, tại Hà Nội, …'): in an
    article whose year nothing states, the day of the event every later passage reports."""
    opening = [e for e in lead.event_dates if e.date.year is None and e.start <= OPENING_CHARS]
    return opening[0].date.as_written() if opening else None


def _as_written(events: tuple[EventDate, ...], start: int, end: int) -> str | None:
    """A day/month with no year that the answering sentence (or else the passage) names."""
    unresolved = [e for e in events if e.date.year is None]
    in_sentence = [e for e in unresolved if start <= e.start < end]
    pick = (in_sentence or unresolved or [None])[0]
    return pick.date.as_written() if pick else None


OPENING_CLAUSE_CHARS = 20  # 'Trước đó, tháng 6/2016, …': a date this near its clause's start opens it


def _asks_about_clause(plan: QueryPlan, text: str, start: int, event: EventDate) -> bool:
    """Does the question ask about what the clause leading to `event` (from the sentence's `start`)
    names? A Vietnamese question shares one of its words of two syllables written in lower case (what
    happened: 'tham vấn', 'đồng chủ trì'; names, which identify the article, not the event, do not
    count); an English one, a term of the field the clause writes."""
    clause = re.split(r"[,;:]", text[start : event.start])[-1]
    if _someone_else(plan, clause):
        return False
    # a name ('Ca-dắc-xtan', hyphens and all) breaks the sequence: its syllables pair with nothing
    common = [
        part
        for token in re.findall(r"\w+(?:-\w+)*", clause)
        for part in (words(token) if token[:1].islower() else [""])
    ]
    return _names_what_is_asked(plan, clause, common)


def _someone_else(plan: QueryPlan, clause: str) -> bool:
    """Does `clause`, leading to a date, last name a person where the question names another
    ('chuyến thăm Bulgaria của Thủ tướng Nguyễn Tấn Dũng', recalled at the talks of Trần Đại Quang's
    visit the question asks about)?"""
    if not plan.people:
        return False
    named = people_named(clause, "vi")  # the last person named before the date is whose the dated event is
    return bool(named) and not any(set(named[-1]) & set(known) for known in plan.people)


def _of_the_asked_clause(plan: QueryPlan, text: str, start: int, end: int, events: list[EventDate]) -> list[EventDate]:
    """The dates of the sentence's clause (between semicolons) that names most of what a 'when'
    question asks, when one names more than the others: a time dates its own clause ('năm 2018 hai
    nước kỷ niệm …; tháng 9/2010, Việt Nam và Anh ký Tuyên bố chung …' for 'ký Tuyên bố chung khi
    nào?')."""
    bounds = [start] + [start + m.end() for m in re.finditer(";", text[start:end])] + [end]
    clauses = list(itertools.pairwise(bounds))
    shared = [_shared_with_question(plan, text[a:b]) for a, b in clauses]
    best = max(shared)
    if shared.count(best) == len(shared):
        return events
    kept = [(a, b) for (a, b), n in zip(clauses, shared, strict=True) if n == best]
    return [e for e in events if any(a <= e.start < b for a, b in kept)]


def _of_the_asked_phrase(plan: QueryPlan, text: str, start: int, end: int, events: list[EventDate]) -> list[EventDate]:
    """The dates of one clause whose words name most of what a 'when' question asks, when one names
    more than the others: a date closes the words it dates ('… thiết lập từ năm 1950 và phát triển
    mạnh sau chuyến thăm … của Thủ tướng Phạm Minh Chính vào tháng 1/2025' for 'When did Pham Minh
    Chinh visit?'), unless it opens them, before a comma ('tháng 9/2010, Việt Nam và Anh ký …')."""
    ordered = sorted(events, key=lambda e: e.start)
    shared = []
    for i, event in enumerate(ordered):
        after = event.start + len(event.text)
        clause_start = max([start, *(start + m.end() for m in re.finditer(r"[;,:]", text[start : event.start]))])
        if re.match(r"\s*,", text[after:end]) and event.start - clause_start <= OPENING_CLAUSE_CHARS:
            following = ordered[i + 1].start if i + 1 < len(ordered) else end
            stop = re.search(r"[;.]", text[after + 1 : following])
            words_dated = text[after + 1 : after + 1 + stop.start()] if stop else text[after + 1 : following]
        else:
            previous = ordered[i - 1].start + len(ordered[i - 1].text) if i else start
            words_dated = text[max(previous, clause_start) : event.start]
        shared.append(_shared_with_question(plan, words_dated))
    best = max(shared)
    if shared.count(best) == len(shared):
        return events
    return [e for e, n in zip(ordered, shared, strict=True) if n == best]


def _shared_with_question(plan: QueryPlan, clause: str, syllables: Sequence[str] | None = None) -> int:
    """How much of what the question asks `clause` names. An English question: its terms of the
    field that the clause writes in Vietnamese. A Vietnamese one: its words of two syllables that the
    clause's folded `syllables` (by default all its words) hold, not counting Việt Nam's name, which
    most clauses hold."""
    if plan.lang == "en":
        return len(glossary.written(plan.field_terms, clause))
    home = home_words()
    asked = {pair for pair in itertools.pairwise(plan.topic_words) if not set(pair) <= home}
    return len(asked & set(itertools.pairwise(words(clause) if syllables is None else syllables)))


def _names_what_is_asked(plan: QueryPlan, clause: str, syllables: list[str]) -> bool:
    """Does `clause` name what the question asks about (see _shared_with_question)?"""
    return _shared_with_question(plan, clause, syllables) > 0
