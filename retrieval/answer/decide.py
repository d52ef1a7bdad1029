"""Stage 5, decide: answer or decline, and which passages to show.

A question about a signing done with a partner or in a time is declined when no article found for
them reports one (retrieval.modality), quoting what they say of one (proposed, planned) or else what
they report of that partner or time. Otherwise the decision rests on the final score of the best
passage (calibrated dense similarities of the passage and of its answering sentence, plus lexical
coverage), with one threshold fitted on `tune` (see config.py); a 'how many' question whose best
answer writes no count is declined too. Which passages to show: the best one, and others only when
they score close to it (and, for a question about an act the best one reports, only those reporting
it too); a question that asks for a list gets the best passage of every matching article, in date
order, one asking an act of a partner at no time every article reporting it, one that asks for the
most recent sees the newest of them first, and one that names several partners sees an article
about each.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from retrieval import glossary, modality
from retrieval.answer.analyse import QueryPlan
from retrieval.answer.config import RankingConfig
from retrieval.answer.dating import states_a_number
from retrieval.answer.filters import in_time
from retrieval.answer.rank import SentenceChoice
from retrieval.answer.retrieve import Candidate
from retrieval.partners import is_country, named_only_in_lists, partners_in_text
from retrieval.store import LoadedIndex, PassageRecord
from retrieval.text import normalize, words

Ranked = list[tuple[Candidate, SentenceChoice]]
# does the first (passage, answering sentence) show nothing new once the second is shown?
Repeats = Callable[[tuple[Candidate, SentenceChoice], tuple[Candidate, SentenceChoice]], bool]
LIST_MAX = 5  # a list answer shows at least this many articles when that many match
RESTATED_SHARE = 0.7  # of the shorter answering sentence's words, for a passage to only repeat another


def confident(ranked: Ranked, plan: QueryPlan, config: RankingConfig, words_known: bool = False) -> bool:
    """Answer when the best passage scores above the threshold, or when the question asks for the
    list of what happened in a time ('Bộ Công an đã gặp những đối tác nào trong năm 2024?'): the
    passages left by the time filter are that list, however little their wording shares with the
    question's. That needs `words_known`, every syllable of the question written by the articles, if
    not every word ('đối tác' they write only apart; answer/vocabulary.py), which only a Vietnamese
    question can show: 'Which smartphones have the best camera this year?' asks for a list in a time
    too."""
    if not ranked:
        return False
    time_list = plan.asks_list and plan.time is not None and not plan.partners and (words_known or plan.asks_time_only)
    return time_list or ranked[0][0].score >= config.answer_threshold


# Numerals written as words (a closed class): a count may be one ('ký ba văn kiện', 'two memoranda').
# Not 'năm' (five, but mostly 'year') nor folded forms ('sáu' folds to 'sau', after)
NUMERAL_WORDS = frozenset(
    [
        "một", "hai", "ba", "bốn", "tư", "sáu", "bảy", "tám", "chín", "mười", "mươi", "chục", "trăm", "nghìn",
        "ngàn", "triệu", "tỷ", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "dozen",
    ]
)  # fmt: skip

# 'hai bên', 'hai nước': the two parties of the talks, which no 'how many' question counts
_THE_TWO_PARTIES = re.compile(r"\bhai (?:bên|nước|phía|bộ)\b")


def count_unstated(ranked: Ranked, plan: QueryPlan) -> bool:
    """Does the best answer to a 'how many' question state no count? Its passage writes no number but
    a date's (the count may follow the answering sentence: '… đề nghị sớm ký kết Hiệp định. Hiện hai
    bên có 3 văn bản hợp tác.'), and its answering sentence no numeral word but the two parties of the
    talks ('hai bên', 'hai nước'). The articles then do not state it: 'How many fugitives has
    Kazakhstan extradited to Vietnam so far?' found the talks about extradition, which count none."""
    if not plan.asks_quantity or plan.asks_list or not ranked:
        return False
    cand, choice = ranked[0]
    if states_a_number(cand.passage, 0, len(cand.passage.text)):
        return False
    sentence = _THE_TWO_PARTIES.sub(" ", normalize(cand.passage.text[choice.start : choice.end]).lower())
    return not NUMERAL_WORDS & set(re.findall(r"\w+", sentence))


def no_signing_reported(index: LoadedIndex, plan: QueryPlan, eligible: list[Candidate]) -> bool:
    """Does the question ask what was signed, or when, with a partner or in a time ('When did … sign an
    extradition treaty with Egypt?') where nothing the articles found say of that partner and time
    reports a signing? None can then say. Every passage of those articles is read (the candidates
    first, which mostly settle it), but only what is about the partner: a passage naming it or of an
    article about it; in an article about several partners, only the sentences of the partner's own
    section (a signing with another partner of a roundup, or in a list naming it in passing, is none
    with it). A count ('đã ký bao nhiêu văn bản') can be stated without a signing: 'Hiện hai bên có
    10 văn bản hợp tác'."""
    if not (plan.partners or plan.time) or plan.asks_quantity or not modality.asks_done(plan.embed_text):
        return False
    if any(_reports_signing_about(index, plan, c.passage) for c in eligible):
        return False
    read = {c.row for c in eligible}
    rows = [int(r) for r in index.rows_of({c.passage.doc for c in eligible}) if int(r) not in read]
    return not any(_reports_signing_about(index, plan, record) for record in index.passages(rows).values())


def _reports_signing_about(index: LoadedIndex, plan: QueryPlan, record: PassageRecord) -> bool:
    """Does the passage report a signing in the asked time, with the asked partner (see above)?"""
    article = index.articles[record.doc]
    if plan.time is not None and not in_time(record, article, plan.time):
        return False
    if not plan.partners or (
        len(article.main_partners) < 2 and (record.partners | article.main_partners) & plan.partners
    ):
        return modality.reports_signing(record.text)
    if not plan.partners & article.main_partners:
        return False
    return any(  # a roundup: the partner's section only
        modality.reports_signing(record.text[a:b])
        for (a, b), section in _sentence_sections(index, record.row)
        if section & plan.partners
    )


def _sentence_sections(index: LoadedIndex, row: int) -> list[tuple[tuple[int, int], frozenset[str]]]:
    """Each sentence of a passage, as its span in the passage, with the partners of its section (the
    section's partner in a roundup, retrieval.sections)."""
    rows, spans = index.sentences_of(row)
    return list(zip(map(tuple, spans.tolist()), index.section_partners(rows), strict=True))


def signing_mentions(index: LoadedIndex, plan: QueryPlan, ranked: Ranked) -> Ranked:
    """Where no article reports a signing asked about (`no_signing_reported`), the passages whose
    answering sentence still speaks of one with the asked partner: proposed, planned, or of documents
    signed at some time it does not say ('đề nghị hai bên sớm ký kết Hiệp định …'). They answer 'Did
    … sign …?' better than a bare decline. In an article about several partners, only a sentence of
    the asked partner's section speaks of it."""
    return [
        (cand, choice)
        for cand, choice in ranked
        if modality.writes_signing(cand.passage.text[choice.start : choice.end])
        and in_partners_section(index, plan, cand, choice)
    ]


def reported_instead(index: LoadedIndex, plan: QueryPlan, ranked: Ranked) -> Ranked:
    """Where no article reports a signing asked about nor speaks of one, what they do report of the
    asked partner or time: the passages whose answering sentence writes no signing (one shown under
    'no signing reported' would be another partner's, or of a time unsaid) and, in an article about
    several partners, lies in the asked partner's section."""
    return [
        (cand, choice)
        for cand, choice in ranked
        if not modality.writes_signing(cand.passage.text[choice.start : choice.end])
        and in_partners_section(index, plan, cand, choice)
    ]


def about_the_countries_asked(index: LoadedIndex, plan: QueryPlan, ranked: Ranked) -> Ranked:
    """The answers whose sentence is about the countries asked: in an article about several, one of
    their sections ('Has Vietnam signed anything with Mozambique?' is not answered by the Azerbaijan
    section's agreement). All of them where none is. Not for an organisation asked: an ASEANAPOL
    meeting's report names its members paragraph by paragraph, which are no sections of its own."""
    if not plan.partners or not all(is_country(key) for key in plan.partners):
        return ranked
    return [pair for pair in ranked if in_partners_section(index, plan, *pair)] or ranked


def in_partners_section(index: LoadedIndex, plan: QueryPlan, cand: Candidate, choice: SentenceChoice) -> bool:
    """Is the answering sentence about the asked partners: any sentence is, but in an article about
    several partners, only one of an asked partner's section."""
    if not plan.partners or len(cand.article.main_partners) < 2:
        return True
    sections = _sentence_sections(index, cand.row)
    section = next((found for (a, b), found in sections if a <= choice.start < b), frozenset())
    return bool(section & plan.partners)


def in_passing(candidates: list[Candidate], plan: QueryPlan) -> bool:
    """Are the asked partners named only in passing: only within enumerations of partners ('các đối
    tác đối thoại Australia, Trung Quốc, Hàn Quốc, Nhật Bản, New Zealand … có mặt tại hội nghị'),
    in the passages and in the titles alike? Such a quote does not say what the ministry did with
    that partner ('Did the ministry sign anything with Japan?'), though the mention is worth showing.
    A lead that lists the partners met one by one ('… với lãnh đạo Mozambique, Azerbaijan, Iran,
    Nam Phi') goes on to name each of them alone, so they are not in passing."""
    if not plan.partners:
        return False
    titles = {c.article.title: c.article.lang for c in candidates}
    named = [(text, key) for text, lang in titles.items() for key in plan.partners & partners_in_text(text, lang)]
    named += [(c.passage.text, key) for c in candidates for key in plan.partners & c.passage.partners]
    return bool(named) and all(named_only_in_lists(text, key) for text, key in named)


def select(ranked: Ranked, plan: QueryPlan, k: int, config: RankingConfig, repeats: Repeats | None = None) -> Ranked:
    """The passages to show: relevant ones only, never one that `repeats` one chosen before it (by
    default, two overlapping passages of one article), nor one whose answering sentence only
    restates another's."""
    repeats = repeats or _overlaps
    relevant = _relevant(ranked, plan, config)
    per_article = _per_article(ranked, relevant, plan)
    if plan.asks_list:
        listed = sorted(list(per_article.values())[: max(k, LIST_MAX)], key=lambda pair: _date_key(pair[0]))
        # fewer articles than passages asked for: after them, the other relevant passages, as for any
        # question ('… những cuộc gặp cấp cao nào với Kazakhstan': two articles, a meeting further on)
        return _fill(listed, relevant, k, repeats)
    if plan.asks_latest:  # of the articles that answer, the newest first
        per_article = dict(sorted(per_article.items(), key=lambda item: _newest_first(item[1][0])))
    # the best passage of each article first, so a question several articles answer sees each of them
    chosen = _fill([], [*per_article.values(), *relevant], k, repeats)
    return _each_partner_asked(chosen, ranked, plan, k, config)


def _per_article(ranked: Ranked, relevant: Ranked, plan: QueryPlan) -> dict[str, tuple[Candidate, SentenceChoice]]:
    """The articles to show, best first, each with the passage that stands for it (its best one, unless
    the question asks for what happened, who someone is, or a list of acts)."""
    per_article: dict[str, tuple[Candidate, SentenceChoice]] = {}
    for cand, choice in relevant:
        per_article.setdefault(cand.passage.doc, (cand, choice))
    if plan.asks_what_happened or plan.identity:
        # asked only who and when, with its first passage reporting the event, which says what happened
        # (its words match nothing in the question); asked who someone is, with its first passage naming
        # them, where news gives the full title: whatever these score beside its others
        for cand, choice in ranked:
            doc = cand.passage.doc
            earlier = doc in per_article and cand.passage.start < per_article[doc][0].passage.start
            if earlier and (not plan.identity or plan.names_person_asked(cand.passage.text[choice.start : choice.end])):
                per_article[doc] = (cand, choice)  # a key keeps its place in the dict when its value changes
    if plan.asks_list and plan.predicates:
        # 'Which agreements did … sign in 2025?' lists the articles reporting the act asked about, each
        # by its best passage that does; one that only proposes a signing ('he proposed that … sign')
        # reports none
        acts: dict[str, tuple[Candidate, SentenceChoice]] = {}
        for cand, choice in relevant:
            if choice.reports_act:
                acts.setdefault(cand.passage.doc, (cand, choice))
        if acts:
            per_article = {doc: acts[doc] for doc in per_article if doc in acts}
    if plan.asks_time_only:  # the time's own articles before those that only mention it
        per_article = dict(sorted(per_article.items(), key=lambda item: not _reported_in_time(item[1][0], plan)))
    return per_article


def _fill(chosen: Ranked, more: Ranked, k: int, repeats: Repeats) -> Ranked:
    """`chosen`, then those of `more` in order that show something new, up to `k` passages."""
    chosen = list(chosen)
    for cand, choice in more:
        if len(chosen) >= k:
            break
        if not any(
            cand is other
            or repeats((cand, choice), (other, other_choice))
            or _restates(cand, choice, other, other_choice)
            for other, other_choice in chosen
        ):
            chosen.append((cand, choice))
    return chosen


def listed_articles(ranked: Ranked, plan: QueryPlan, config: RankingConfig) -> int:
    """How many articles a question asking for a list matches: those `select` lists, which shows at
    most LIST_MAX of them (not every relevant article: 'Which agreements did … sign?' lists only those
    reporting a signing)."""
    return len(_per_article(ranked, _relevant(ranked, plan, config), plan)) if plan.asks_list else 0


def _relevant(ranked: Ranked, plan: QueryPlan, config: RankingConfig) -> Ranked:
    """The passages scoring close enough to the best to be shown (for a list, of articles whose best
    answering sentence also holds enough of what the best article's holds of the question), those
    reporting the act asked of a partner as a list's would be, and those a list must show."""
    # the newest of several occurrences is one of a list: 'the latest' shows what a list would
    ratio = config.list_relevance_ratio if plan.asks_list or plan.asks_latest else config.relevance_ratio
    floors = _floors(ranked, ratio, per_language=plan.asks_list)
    # a list is of the articles that write what it asks ('nâng quan hệ lên Đối tác toàn diện'), not
    # of those scoring near them for the words of any meeting; the list of a time alone ('Năm 2018 Bộ
    # Công an làm việc với những đối tác nào?') asks for every article of that time, whatever it writes
    time_list = plan.time is not None and not plan.partners
    article_coverage: dict[str, float] = {}
    for cand, choice in ranked:
        doc = cand.passage.doc
        article_coverage[doc] = max(article_coverage.get(doc, 0.0), choice.coverage)
    least_coverage = 0.0
    if plan.asks_list and ranked and not time_list:  # of the best passage among those scoring enough
        shown = [choice.coverage for c, choice in ranked if c.score >= floors[c.passage.lang]]
        least_coverage = config.list_coverage_ratio * max(shown, default=0.0)
    close = [
        (cand, choice)
        for cand, choice in ranked
        if cand.score >= floors[cand.passage.lang] and article_coverage[cand.passage.doc] >= least_coverage
    ]
    # a list of people by title or of documents shows answering sentences that name one, when some
    # of those do ('Which ambassadors did the minister receive?' is not answered by his courtesy calls abroad)
    if plan.asks_list and plan.kind_listed:
        close = [pair for pair in close if _names_kind_listed(*pair, plan)] or close
    # ... and one act ('Bộ trưởng Tô Lâm tiếp Đại sứ Tây Ban Nha khi nào?'), whose best answer reports
    # it, shows only passages that do: not the minister's trip to Spain, which scored near it
    if not plan.asks_list and ranked and ranked[0][1].reports_act and plan.asks_an_act():
        close = [pair for pair in close if pair[1].reports_act]
    kept = {id(cand) for cand, _ in close}
    if _asks_an_act_of_partners(plan) and ranked:  # each of several signings with the partner answers
        floor = config.list_relevance_ratio * ranked[0][0].score  # as an article of a list would
        kept |= {
            id(cand)
            for cand, choice in ranked
            if choice.reports_act and cand.score >= floor and cand.article.main_partners & plan.partners
        }
    return [(cand, choice) for cand, choice in ranked if id(cand) in kept or _listed(cand, plan)]


def _asks_an_act_of_partners(plan: QueryPlan) -> bool:
    """Does the question ask what was done with a partner, at no time it names ('What did Vietnam sign
    with the UK?', 'Bộ trưởng tiếp Đại sứ … khi nào?')? Each article about the partner reporting the act
    (signing, receiving, visiting: not glossary.SAYING_VERBS) answers it, though it is no list: the
    2018 memorandum and the 2025 action plan signed with the UK are two answers, and the second,
    scoring below config.relevance_ratio of the first, was not shown."""
    return plan.asks_an_act() and bool(plan.partners) and plan.time is None and not plan.asks_list


def _names_kind_listed(cand: Candidate, choice: SentenceChoice, plan: QueryPlan) -> bool:
    """Does the answering sentence name the kind of thing a list asks for (QueryPlan.kind_listed)?"""
    sentence = cand.passage.text[choice.start : choice.end]
    return glossary.writes_kind(plan.kind_listed, sentence, cand.passage.lang)


def _each_partner_asked(chosen: Ranked, ranked: Ranked, plan: QueryPlan, k: int, config: RankingConfig) -> Ranked:
    """A question naming several partners ('… với Australia và Ấn Độ?') is answered for each of them:
    when no chosen passage's article is about an asked partner (its title or lead names it), the best
    passage of an article about that partner joins, in place of the lowest-scoring ones, if it scores
    at least the share of the best that a list answer needs."""
    if len(plan.partners) < 2 or not chosen:
        return chosen
    best = ranked[0][0].score
    floor = best * config.list_relevance_ratio if best > 0 else best
    covered = set().union(*(cand.article.main_partners for cand, _ in chosen))
    joining: Ranked = []
    for partner in sorted(plan.partners - covered):
        for cand, choice in ranked:
            if partner in covered or cand.score < floor:
                break
            if partner in cand.article.main_partners:
                joining.append((cand, choice))
                covered |= cand.article.main_partners
    if not joining:
        return chosen
    kept = chosen[: max(1, k - len(joining))]
    order = (lambda pair: _newest_first(pair[0])) if plan.asks_latest else (lambda pair: -pair[0].score)
    return sorted([*kept, *joining], key=order)


def _floors(ranked: Ranked, ratio: float, per_language: bool) -> dict[str, float]:
    """The least score a shown passage needs, by article language: a share of the best score, or,
    for a list, of the best in the passage's own language, since an article in the other language
    matches the question's words only by its names and scores lower for it."""
    best_overall = ranked[0][0].score
    floors: dict[str, float] = {}
    for cand, _ in ranked:
        best = cand.score if per_language else best_overall
        floors.setdefault(cand.passage.lang, best * ratio if best > 0 else best)
    return floors


def _listed(cand: Candidate, plan: QueryPlan) -> bool:
    """A list question about a partner in a time lists every article about that partner (named in its
    title or lead) that the partner and time filters kept, however its wording scores; so does one
    naming nothing but partners ('Kazakhstan', 'What happened with Kazakhstan?'), whose article in the
    other language matches it only by the partner's name; and the latest news ('Tin mới nhất là gì?')
    is the newest articles, whatever their wording."""
    if plan.asks_latest and plan.asks_what_happened and not plan.partners and plan.time is None:
        return cand.each_article
    if plan.asks_what_happened and plan.partners and cand.article.main_partners & plan.partners:
        return True
    return (
        plan.asks_list
        and plan.time is not None
        and (plan.asks_time_only or bool(cand.article.main_partners & plan.partners))
    )


def _reported_in_time(cand: Candidate, plan: QueryPlan) -> bool:
    return plan.time is not None and plan.time.contains(cand.article.reported_date)


def _date_key(cand: Candidate) -> tuple[int, int, int]:
    date = cand.article.reported_date
    return date.sort_key() if date else (9999, 0, 0)


def _newest_first(cand: Candidate) -> tuple[int, int, int]:
    date = cand.article.reported_date
    year, month, day = date.sort_key() if date and date.year is not None else (-1, 0, 0)  # undated last
    return (-year, -month, -day)


def _overlaps(a_pair: tuple[Candidate, SentenceChoice], b_pair: tuple[Candidate, SentenceChoice]) -> bool:
    a, b = a_pair[0], b_pair[0]
    if a.passage.doc != b.passage.doc:
        return False
    shared = min(a.passage.end, b.passage.end) - max(a.passage.start, b.passage.start)
    return shared > 0


def _restates(a: Candidate, a_choice: SentenceChoice, b: Candidate, b_choice: SentenceChoice) -> bool:
    """An article saying the same thing twice (a photo caption and the closing sentence both report
    the signing): answering sentences sharing most of their words show nothing new the second time,
    unless the second holds more of what the question asks (the signing after a greeting that names
    the same people)."""
    if a.passage.doc != b.passage.doc or a_choice.coverage > b_choice.coverage:
        return False
    a_words = set(words(a.passage.text[a_choice.start : a_choice.end]))
    b_words = set(words(b.passage.text[b_choice.start : b_choice.end]))
    return len(a_words & b_words) >= RESTATED_SHARE * min(len(a_words), len(b_words)) > 0
