"""The answer path, stage by stage: analyse → retrieve → filter → rank sentences → decide → date → quote.

`Searcher.ask(question)` is the one entry point the CLI and the bot use; each stage lives in
`retrieval/answer/`. The searcher holds one loaded generation; `swap()` replaces it atomically,
and a question already running keeps the generation it started with.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from retrieval.answer import decide, filters, quoting, rank, vocabulary
from retrieval.answer.analyse import QueryPlan, analyse
from retrieval.answer.config import RankingConfig
from retrieval.answer.dating import event_date, lead_as_written
from retrieval.answer.retrieve import Candidate, retrieve
from retrieval.dates import EventDate, PartialDate
from retrieval.embedders import Embedder
from retrieval.lang import load_detector
from retrieval.partners import correct_partner_names, partner_name
from retrieval.store import LoadedIndex, PassageRecord
from retrieval.text import between_photo_credits

__all__ = ["Answer", "CorpusSummary", "Passage", "RankingConfig", "Searcher"]


@dataclass
class Passage:
    doc: str  # the article's file name (an identifier, never shown to people)
    title: str
    url: str | None
    date: PartialDate | None  # the date of the event the answering sentence reports
    date_as_written: str | None  # a day/month whose year the article does not state ('21/10')
    article_date: PartialDate | None  # publication date
    event_dates: list[EventDate]
    text: str  # verbatim: whole sentences around the answering one
    best_sentence: str  # verbatim, contained in `text`
    score: float
    chunk_id: str
    lang: str = "vi"  # the article's language, which its quote keeps

    def to_json(self) -> dict:
        return {
            "doc": self.doc,
            "title": self.title,
            "url": self.url,
            "date": self.date.iso() if self.date else None,
            "date_as_written": self.date_as_written,
            "article_date": self.article_date.iso() if self.article_date else None,
            "event_dates": [e.label() for e in self.event_dates],
            "text": self.text,
            "best_sentence": self.best_sentence,
            "score": round(self.score, 4),
            "chunk_id": self.chunk_id,
            "lang": self.lang,
        }


@dataclass
class Answer:
    question: str
    lang: str
    answerable: bool
    passages: list[Passage]
    # 'empty', 'chitchat', 'partner', 'names' (a person named by title whom no article names),
    # 'words', 'field' (no term, name, partner or time of the field:
    # `missing` holds its words), 'time', 'weak', 'unreported' (a signing asked about, and none
    # reported for the asked partner or time); or 'passing': no article is about the asked partner,
    # and `passages` quote the sentences that mention it in passing
    decline_reason: str | None = None
    # partners, words or time the articles do not cover, in `lang` (words as the question wrote them)
    missing: list[str] = field(default_factory=list)
    seconds: float = 0.0
    top_score: float = 0.0  # final score of the best passage (see answer/config.py)
    coverage: float = 0.0  # share of the question's terms in the best answering sentence
    # a list's matching articles that are not shown (at most decide.LIST_MAX are)
    more_articles: int = 0
    # what a follow-up question was completed to, in the asker's language ('Belarus, 12/2023'); None if complete
    understood: str | None = None
    # JSON-serialisable state of this question (partners, time, topic) for completing a follow-up
    context: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "question": self.question,
            "lang": self.lang,
            "answerable": self.answerable,
            "decline_reason": self.decline_reason,
            "missing": self.missing,
            "understood": self.understood,
            "more_articles": self.more_articles,
            "passages": [p.to_json() for p in self.passages],
            "seconds": round(self.seconds, 4),  # time to answer, the question's embedding included
            "top_score": round(self.top_score, 4),
        }


@dataclass(frozen=True)
class CorpusSummary:
    articles: int
    chunks: int
    first: PartialDate | None
    last: PartialDate | None
    partners: list[str]  # keys: those most articles are about first, then most often named (see partner_name)
    embedder: str
    created: str
    skipped: dict[str, str] = field(default_factory=dict)  # file name -> why it is not indexed


class Searcher:
    def __init__(
        self,
        index: LoadedIndex,
        embedder: Embedder,
        config: RankingConfig | None = None,
        today: Callable[[], dt.date] | None = None,  # the day questions are asked ('hôm nay', 'yesterday')
    ) -> None:
        if index.embedder_identity != embedder.identity:
            raise ValueError(f"index built with {index.embedder_identity}, embedder is {embedder.identity}")
        import faiss

        faiss.omp_set_num_threads(1)  # one query at a time: threads only slow the next embedding call
        self._index = index
        self._embedder = embedder
        self.config = config or RankingConfig()
        self._today = today or home_today
        self._swap_lock = threading.Lock()
        self._summary = _summarise(index)

    @property
    def index(self) -> LoadedIndex:
        return self._index

    def swap(self, index: LoadedIndex) -> LoadedIndex:
        """Serve `index` from now on; returns the previous one (its readers may still be running)."""
        if index.embedder_identity != self._embedder.identity:
            raise ValueError("new index was built with another embedder")
        summary = _summarise(index)
        with self._swap_lock:
            old, self._index, self._summary = self._index, index, summary
        return old

    def summary(self) -> CorpusSummary:
        return self._summary

    def warm_up(self) -> None:
        """Load what the first question would otherwise wait for (the segmenter takes ~1.5 s, langdetect ~0.3 s)."""
        self.ask("Bộ Công an hợp tác với ai?")
        load_detector()

    def ask(self, question: str, k: int = 3, follow_up: dict | None = None) -> Answer:
        """Answer `question` with up to `k` passages; `follow_up` is the previous answer's `context`."""
        started = time.perf_counter()
        index, summary = self._index, self._summary  # this question keeps this generation throughout
        # 'Belarous', 'campuchea': a misspelled name of a partner the articles cover is read as that name
        question, corrected = correct_partner_names(question, summary.partners, index.document_frequency.__contains__)
        plan = analyse(question, summary.last, follow_up, index)
        if corrected and plan.understood is None:
            plan = replace(plan, understood=", ".join(partner_name(key, plan.lang) for key in corrected))
        answer = self._answer(index, summary, plan, max(1, min(k, 10)))
        answer.understood = plan.understood
        answer.context = plan.context() if answer.answerable else dict(follow_up or {})
        answer.seconds = time.perf_counter() - started
        return answer

    def _answer(self, index: LoadedIndex, summary: CorpusSummary, plan: QueryPlan, k: int) -> Answer:
        def decline(reason: str, missing: list[str] | None = None, top: float = 0.0) -> Answer:
            return Answer(plan.question, plan.lang, False, [], reason, missing or [], top_score=top)

        if not plan.question.strip(" ?.!"):
            return decline("empty")
        if plan.chitchat:
            return decline("chitchat")
        if index.passage_count == 0:
            return decline("weak")
        unknown = sorted(plan.partners - set(summary.partners))
        if plan.partners and len(unknown) == len(plan.partners):
            return decline("partner", [partner_name(p, plan.lang) for p in unknown])
        if unnamed := vocabulary.unnamed_people(plan, index.document_frequency):  # 'Minister Matteo Piantedosi'
            return decline("names", unnamed)
        cfg = self.config
        # a question naming a partner the articles cover is about their subject, whatever its wording
        # ('Còn chuyện hợp tác với Israel thì sao?': no article writes 'chuyện'), unless it asks nothing
        # of the field in words no article writes ('Nhà hàng nào ngon ở Singapore?'); so is a follow-up
        # completed from an answered question ('Còn chuyện đó thì sao?'); ranking decides
        # and one about a time alone ('Tin tức tháng 10/2025') asks for what happened then, whatever its words
        names_covered = bool(plan.partners & set(summary.partners))
        about_covered = names_covered or plan.understood is not None or plan.asks_time_only
        words_known = False  # every syllable of a Vietnamese question is one the articles write
        vocabulary_read = index.syllable_total() >= cfg.vocabulary_min_syllables
        if vocabulary_read and not about_covered:
            unknown = vocabulary.unknown_share(plan, index, index.document_frequency)
            if unknown.share >= cfg.unknown_word_share:
                return decline("words", unknown.words)
            words_known = plan.lang == "vi" and unknown.syllables_known
            off_field = vocabulary.outside_the_field(plan, index.document_frequency)
            if off_field is not None:
                return decline("field", off_field)
        elif vocabulary_read and names_covered and plan.understood is None:
            off_field = vocabulary.beside_a_partner(plan, index, cfg.unknown_word_share)
            if off_field is not None:
                return decline("field", off_field)
        if plan.asks_day is not None:  # 'Hôm nay Hà Nội có mưa không?': only an article of that day could say
            day = self._today() + dt.timedelta(days=plan.asks_day)
            if summary.last is None or summary.last < PartialDate(day.year, day.month, day.day):
                return decline("time", [day.isoformat()])
        query = self._embedder.embed_queries([plan.embed_text])[0] if cfg.use_dense else None
        candidates = retrieve(index, plan, query, cfg.use_dense, cfg.use_lexical)
        candidates = filters.about_ministry(filters.about_partners(candidates, plan.partners), plan.names_ministry)
        people = plan.vietnamese_names()
        anyone = candidates
        candidates = filters.naming_people(index, candidates, people)  # 'Did To Lam … go to Israel?'
        if plan.visits:  # 'đoàn sang Indonesia': not Indonesia's visits here
            visited = [partner_name(p, plan.lang) for p in sorted(plan.visits)]
            travelled = filters.abroad(index, candidates, plan.visits)
            about_visited = [c for c in candidates if c.article.main_partners & plan.visits]
            if about_visited and not any(c.article.main_partners & plan.visits for c in travelled):
                return decline("visit", visited)
            if not about_visited and any(c.article.main_partners & plan.visits for c in anyone):
                # the articles about the partner name none of the persons asked: none reports their trip
                # there ('When did To Lam visit Singapore?' took Interpol's centre in Singapore for one)
                return decline("visit_by", [*visited, *(" ".join(s.title() for s in p) for p in people)])
            candidates = travelled
        elif plan.asks_destination:  # 'Bộ trưởng đã thăm những nước nào?': the trips, not the visits here
            candidates = filters.abroad(index, candidates, frozenset(), anywhere=True)
        timely = filters.within_time(candidates, plan.time, plan.asks_plan)
        if plan.time is not None and not timely:
            return decline("time", [plan.time.label()])
        eligible = filters.with_ordinals(timely, plan.ordinals)
        unreported = bool(eligible) and decide.no_signing_reported(index, plan, eligible)
        ranked = rank.rank_sentences(index, plan, query, eligible, cfg)
        unreported_reason = "unreported"
        if unreported:
            # no signing reported: what the articles say of one (proposed, planned) is shown as such;
            # where they say nothing of one, what they do report of that partner or time, if anything
            # answers well enough ('Has Vietnam signed anything with Brunei?': what the two sides agreed)
            scope = [partner_name(p, plan.lang) for p in sorted(plan.partners)] or [plan.time.label()]
            mentions = decide.signing_mentions(index, plan, ranked)
            instead = [] if mentions else decide.reported_instead(index, plan, ranked)
            if not mentions and not decide.confident(instead, plan, cfg):
                return decline("unreported", scope)
            ranked, unreported_reason = mentions or instead, "unreported" if mentions else "unreported_instead"
        # a partner named only in passing: its mentions are shown whatever their score, framed as such
        passing = not unreported and bool(ranked) and decide.in_passing(eligible, plan)
        framed = passing or unreported
        if not framed and not decide.confident(ranked, plan, cfg, words_known):
            return decline("weak", top=ranked[0][0].score if ranked else 0.0)
        if not framed and decide.count_unstated(ranked, plan):
            return decline("count", top=ranked[0][0].score)
        ranked = decide.about_the_countries_asked(index, plan, ranked)
        quotes = quoting.Quotes(index, cfg.display_chars)
        chosen = decide.select(ranked, plan, k, cfg, quotes.repeats)
        if not chosen:  # an answer always quotes; nothing left to quote is nothing found
            return decline("weak", top=ranked[0][0].score)
        passages = [self._passage(index, plan, cand, choice, quotes.shown(cand, choice)) for cand, choice in chosen]
        best = ranked[0]
        answer = Answer(plan.question, plan.lang, True, passages, top_score=best[0].score, coverage=best[1].coverage)
        answer.more_articles = max(0, decide.listed_articles(ranked, plan, cfg) - len({p.doc for p in passages}))
        if passing:
            answer.answerable, answer.decline_reason = False, "passing"
            answer.missing = [partner_name(p, plan.lang) for p in sorted(plan.partners)]
        elif unreported:
            answer.answerable, answer.decline_reason, answer.missing = False, unreported_reason, scope
        return answer

    @staticmethod
    def _passage(
        index: LoadedIndex, plan: QueryPlan, cand: Candidate, choice: rank.SentenceChoice, shown: str
    ) -> Passage:
        record, article = cand.passage, cand.article

        def earlier() -> list[PassageRecord]:  # the article's passages before this one, if it has sections
            if not index.has_headings(record.doc):
                return []
            return [p for p in index.passages(index.rows_of([record.doc])).values() if p.start < record.start]

        date, as_written = event_date(plan, record, article, choice.start, choice.end, earlier)
        if date is None and as_written is None:  # an undated article: its lead's day, as written
            lead = index.passages(index.rows_of([record.doc])[:1])
            as_written = next((lead_as_written(p) for p in lead.values()), None)
        best = record.text[choice.start : choice.end]
        return Passage(
            doc=record.doc,
            title=article.title,
            url=article.url,
            date=date,
            date_as_written=as_written,
            article_date=article.date,
            event_dates=list(record.event_dates),
            text=between_photo_credits(shown, best),
            best_sentence=best,
            score=cand.score,
            chunk_id=record.chunk_id,
            lang=record.lang,
        )


# Vietnam's time (UTC+7 all year): the articles' dates, and most askers' 'hôm nay', are its days
HOME_TIMEZONE = dt.timezone(dt.timedelta(hours=7))


def home_today() -> dt.date:
    return dt.datetime.now(HOME_TIMEZONE).date()


def _summarise(index: LoadedIndex) -> CorpusSummary:
    """What an answer's decline and /help say about the corpus; a generation never changes, so once."""
    dated = sorted(a.date for a in index.articles.values() if a.date is not None and a.date.year is not None)
    counts: dict[str, int] = {}  # articles naming the partner
    about: dict[str, int] = {}  # articles about it (title or lead): they come first in what is listed
    for article in index.articles.values():
        for p in article.partners:
            counts[p] = counts.get(p, 0) + 1
        for p in article.main_partners:
            about[p] = about.get(p, 0) + 1
    return CorpusSummary(
        len(index.articles),
        index.passage_count,
        dated[0] if dated else None,
        dated[-1] if dated else None,
        sorted(counts, key=lambda p: (-about.get(p, 0), -counts[p], p)),
        index.embedder_identity,
        index.manifest.get("created", ""),
        dict(index.manifest.get("skipped", {})),
    )
