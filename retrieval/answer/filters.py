"""Stage 3, filter: keep passages about the partners, the ministry, the persons and the time the
question asks about.

A passage is in a time window when its article's event or publication date is, or when it
reports a dated event (a day, month or year it names) inside the window. A period it mentions
('giai đoạn 2024 - 2026') is a plan's span, not an event, and does not put it in the window; nor
does a date after its article's publication ('đến năm 2022' in a 2020 article), which is a plan
that had not happened when the article was written, unless the question asks what is to come ('How
many officers will … train in 2024?'). An article that leaves its year unsaid ('Chiều 2/8, …') is of
a year it names, by its day and month.

A person the question names ('When did To Lam …?') is asked about in the articles naming them.

A trip asked about ('đoàn sang Indonesia', 'Which countries did … visit?') is not answered by an
article whose lead places its event in Vietnam (`abroad`): there the partner's people came here.
"""

from __future__ import annotations

from retrieval.answer.retrieve import Candidate
from retrieval.dates import TimeFilter
from retrieval.headers import is_caption
from retrieval.partners import held_at_home, is_country, named_only_in_lists
from retrieval.store import ArticleRecord, LoadedIndex, PassageRecord
from retrieval.text import is_photo_credit, pair_terms, sentence_spans


def about_partners(candidates: list[Candidate], partners: frozenset[str]) -> list[Candidate]:
    """Passages about one of `partners` (all of them when none is asked): the passage names it, or its
    article is about it (names it in the title or lead). A partner named in passing elsewhere in an
    article ('observers from Japan') does not make the article's other passages about it."""
    if not partners:
        return candidates
    return [c for c in candidates if (c.passage.partners | c.article.main_partners) & partners]


def naming_people(
    index: LoadedIndex, candidates: list[Candidate], people: tuple[tuple[str, ...], ...]
) -> list[Candidate]:
    """Passages of articles naming the persons the question names ('Did To Lam ever go to Israel?' is
    not answered by a Defence Ministry delegation's trip): two syllables of the name side by side, in
    either order ('Vakulchik Valery' is 'Valery Vakulchik' in another article) and any spelling ('To
    Lam' is 'Tô Lâm'). A person no candidate's article names is left to the ranking (a misspelling):
    nothing would be left to show."""
    if not people:
        return candidates
    names = {doc: index.article_terms(doc) for doc in {c.passage.doc for c in candidates}}

    def names_person(doc: str, person: tuple[str, ...]) -> bool:  # two of its syllables side by side
        return any(term in names[doc] for term in (*pair_terms(person), *pair_terms(person[::-1])))

    named = [p for p in people if any(names_person(doc, p) for doc in names)]
    return [c for c in candidates if all(names_person(c.passage.doc, p) for p in named)]


def abroad(
    index: LoadedIndex, candidates: list[Candidate], visits: frozenset[str], anywhere: bool = False
) -> list[Candidate]:
    """For a question about a trip to a partner ('ai dẫn đầu đoàn sang Indonesia?'), the passages
    but those of articles about that partner whose lead places the event in Vietnam: its ambassador's
    call on the minister in Hanoi is no trip there. A roundup of several partners is kept whole.
    For a trip to wherever (`anywhere`: 'Bộ trưởng đã thăm những nước nào?'), no passage of an
    article whose lead places its event in Vietnam but one naming a country other than the visitors'
    (its main partners), and not only among others ('Ericsson khu vực Việt Nam, Lào, Campuchia'):
    '… tiếp nối cuộc gặp … tại Thụy Điển vào tháng 9 vừa qua' recalls a trip."""
    if not visits and not anywhere:
        return candidates
    home: dict[str, bool] = {}
    for c in candidates:
        about = c.article.main_partners
        asked = anywhere or (about & visits and len(about) < 2)
        if asked and c.passage.doc not in home:
            home[c.passage.doc] = held_at_home(_lead(index, c.passage.doc))
    if anywhere:
        return [c for c in candidates if not home[c.passage.doc] or _names_another_country(c)]
    return [c for c in candidates if not home.get(c.passage.doc, False)]


def _names_another_country(c: Candidate) -> bool:
    others = c.passage.partners - c.article.main_partners
    return any(is_country(key) and not named_only_in_lists(c.passage.text, key) for key in others)


def _lead(index: LoadedIndex, doc: str) -> str:
    """An article's first sentence that is no photo caption."""
    found = index.article_body(doc)
    body = found[1] if found else ""
    sentences = (body[a:b] for a, b in sentence_spans(body))
    return next((s for s in sentences if not (is_caption(s) or is_photo_credit(s))), "")


def about_ministry(candidates: list[Candidate], asked: bool) -> list[Candidate]:
    """When the question names the Ministry of Public Security, passages of articles that name it."""
    if not asked:
        return candidates
    return [c for c in candidates if c.article.names_ministry]


def in_time(passage: PassageRecord, article: ArticleRecord, window: TimeFilter, plans: bool = False) -> bool:
    """Is the passage of the window's time? With `plans` (the question asks what is to come), a date
    after its article's publication counts too."""
    if window.contains(article.reported_date):
        return True
    published = article.report_bound(plans)
    return any(
        e.kind == "point" and window.contains(e.date) and not e.date.after(published) for e in passage.event_dates
    )


def within_time(candidates: list[Candidate], window: TimeFilter | None, plans: bool = False) -> list[Candidate]:
    """The candidates in `window`. In an article that states no year of its own ('Chiều 2/8, …') but
    is in the window by a year it names, a passage dated by day and month alone is of that time when
    its month agrees: the article's event is the one asked about, in a year it leaves unsaid."""
    if window is None:
        return candidates
    timely = {id(c) for c in candidates if in_time(c.passage, c.article, window, plans)}
    yearless = {c.passage.doc for c in candidates if id(c) in timely and c.article.reported_date is None}
    return [
        c for c in candidates if id(c) in timely or (c.passage.doc in yearless and _month_agrees(c.passage, window))
    ]


def _month_agrees(passage: PassageRecord, window: TimeFilter) -> bool:
    """Does the passage name a day or month without a year, in the window's month if it has one?"""
    return any(
        e.date.year is None and e.date.month is not None and window.month in (None, e.date.month)
        for e in passage.event_dates
    )


def with_ordinals(candidates: list[Candidate], wanted: frozenset[int]) -> list[Candidate]:
    """Passages of articles about an asked occurrence ('the third dialogue') when the question names
    one; of several ('the second and third dialogues'), an article about any of them answers part."""
    if not wanted:
        return candidates
    return [c for c in candidates if wanted & c.article.ordinals]
