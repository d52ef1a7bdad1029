"""Stage 1, analyse: what a question asks — language, partners, time, lexical terms, names, kind.

English questions reach Vietnamese articles through the multilingual dense model; on the lexical
side they contribute what is shared across languages (names, acronyms and numbers, the Vietnamese
names of the partners they mention) and the Vietnamese words of the field's terms they use
('signed' -> 'ký', retrieval.glossary). Other English words are absent from Vietnamese text and
say nothing about whether an article answers.

A question that names no partner, time or topic of its own ('And when was that?', 'còn với Nga
thì sao?') is completed from the previous question's context, when one is given.

Vietnamese typed without diacritics is given back the articles' own spellings for the dense model
(retrieval.diacritics), and a Vietnamese question's lexical terms are words, not syllables
(retrieval.segmentation), as the passages' are.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import asdict, dataclass, field, replace

from bm25s.stopwords import STOPWORDS_EN_PLUS

from retrieval import glossary
from retrieval.dates import PartialDate, TimeFilter, question_day, question_time, without_time
from retrieval.diacritics import SpellingLookup, restore
from retrieval.lang import could_be_vietnamese, detect_language
from retrieval.ministry import ministry_words, names_ministry, without_ministry, without_parties
from retrieval.ordinals import ordinals
from retrieval.partners import (
    all_partners,
    home_words,
    partner_name,
    partners_in_question,
    travelled_to,
    travels_to_the_asked,
)
from retrieval.segmentation import NAME_TAG, NOUN_TAGS, tagged_words, word_terms
from retrieval.stopwords import (
    ABOUT_THE_BOT,
    CALENDAR_WORDS,
    EN_STOPWORDS,
    EN_TIME_DEICTICS,
    GENERIC_EVENT_WORDS,
    PERSON_NOUNS,
    PHATIC_OPENERS,
    PHATIC_PHRASES,
    PHATIC_REMARK_WORDS,
    PRONOUNS,
    QUESTION_WORDS,
    VI_STOPWORDS,
    VI_TIME_DEICTICS,
)
from retrieval.text import fold, normalize, word_as_terms, words

# 'when' cues (folded): the date in the answering sentence is then the answer itself.
WHEN_CUES = (
    "when",
    "what year",
    "which year",
    "what date",
    "since when",
    "khi nao",
    "nam nao",
    "bao gio",
    "luc nao",
    "thoi gian nao",
    "thoi diem nao",
    "dip nao",
    "ngay nao",
    "thang nao",
    "what time",
    "what day",
    "which day",
    "which month",
    "what month",
    # 'mấy' after a unit of time asks which one: 'tháng mấy' (which month), 'ngày mấy', 'năm mấy'
    "thang may",
    "ngay may",
    "nam may",
)
# Cues of a question about what is to come: the future and the words of planning, in both languages
# ('sẽ' only as written: folded, it is also the 'sẻ' of 'chia sẻ')
PLAN_CUES = re.compile(
    r"(?<!\w)(?:will|shall|going to|plans? to|planned to|intends? to|expected to|sẽ|dự kiến|dự định|du kien|du dinh)"
    r"(?!\w)"
)
# Cues (folded) of a question asking when a period began ('Since when had they not met?', 'từ khi
# nào'): its answer is the date a sentence looks back to ('the first meeting … since 2016')
SINCE_CUES = (
    "since when", "since what", "since which", "tu khi nao", "tu bao gio", "tu nam nao", "tu luc nao",
    "tu thoi diem nao", "ke tu khi nao", "ke tu nam nao",
)  # fmt: skip
# Cues of a question asking for a quantity (folded): its time is the period counted ('How many victims
# … in 2024?'), and the answer's date is the event that reported the count.
QUANTITY_CUES = ("how many", "how much", "bao nhieu")
# ... and 'mấy' ('trong mấy lĩnh vực?': how many, of a few), as written: folded it is also 'máy', 'may'
FEW_CUE = re.compile(r"(?<!\w)(?<!ngày )(?<!tháng )(?<!năm )mấy(?!\w)")  # not 'tháng mấy' (which month)
# Cues of a question about the most recent occurrence, or the present (folded): the newest article answers it.
LATEST_CUES = (
    "gan nhat",
    "gan day nhat",
    "moi nhat",
    "moi day nhat",
    "lan cuoi",
    "latest",
    "newest",
    "most recent",
    "most recently",
    "last time",
    # the present ('Bộ trưởng hiện nay là ai?', 'the current minister'): as of the newest article
    "hien nay",
    "hien tai",
    "current",
    "currently",
    "now",
    # ... or recent ('Bộ Công an gần đây làm gì?', 'What did the ministry do recently?')
    "gan day",
    "recently",
    "lately",
)
# English 'last' of the most recent one ('the last meeting', 'When did they last meet?'), unless it
# opens a span of time ('last year', 'the last two years', 'last December') or means 'finally'
LAST_AS_LATEST = re.compile(
    r"(?<!\bat )\blast\b(?!\s+(?:\d+|two|three|four|five|few|several|couple|years?|months?|weeks?|days?|decades?|"
    + "|".join(sorted(CALENDAR_WORDS))
    + r")\b)"
)
# Cues of a question that asks for every matching item: quantifiers and plural markers.
LIST_CUES = (
    "nhung van ban",
    "nhung thoa thuan",
    "cac van ban",
    "cac thoa thuan",
    "nhung gi",
    "liet ke",
    "tat ca",
    "all",
    "list",
    "every",
)
# Words that say nothing about the topic: function words and deictic time words of both languages.
NOT_TOPIC = VI_STOPWORDS | EN_STOPWORDS | VI_TIME_DEICTICS | EN_TIME_DEICTICS | CALENDAR_WORDS | PRONOUNS
# A plural asked for: 'which agreements', 'what meetings'; 'những văn kiện nào', 'các thỏa thuận gì' (folded)
# (an auxiliary ends the phrase: 'What position does …', 'What did the two ministers discuss?' ask no list)
_AUXILIARY = r"(?!(?:do|does|did|is|are|was|were|has|have|had|will|would|can)\b)"
PLURAL_QUESTION = re.compile(
    rf"\b(?:which|what)\s+(?:{_AUXILIARY}\w+\s+){{0,3}}{_AUXILIARY}\w{{3,}}(?<!s)s\b"
    r"|\b(?:nhung|cac)\s+(?:\w+\s+){1,4}(?:nao|gi)\b"
)
# ... unless what is asked for are aspects of one event: its areas, issues, topics, kinds of crime
# ('Which crimes did … agree to fight?', 'những lĩnh vực ưu tiên nào'). One article answers those; read
# as a list of articles, the question was answered with every article naming the partner, by date
ASPECT_NOUNS = re.compile(
    r"\b(?:linh vuc|mang|khia canh|van de|noi dung|loai|toi pham"
    r"|areas?|fields?|sectors?|aspects?|issues?|topics?|types?|kinds?|crimes?|matters?)\b"
)
# the English wh-words of a person (folded), and 'which'/'what' before a noun for one
PERSON_WH = re.compile(r"\b(?:who|whom|whose)\b")
PERSON_WHICH = re.compile(
    rf"\b(?:which|what)\s+(?:{_AUXILIARY}\w+\s+){{0,3}}(?:{'|'.join(sorted(n for n in PERSON_NOUNS if ' ' not in n))})s?\b"
)
# a country asked for (folded): 'Which country …?', 'What nations …?', 'Nước nào …?', '… quốc gia nào?'
COUNTRY_ASKED = re.compile(
    r"\b(?:which|what)\s+(?:\w+\s+)?(?:country|countries|nations?)\b|\b(?:nuoc|quoc gia)\s+nao\b"
)
MAX_FOLLOW_UP_TOPIC_WORDS = 2  # 'ai ký?', 'who signed it?': at most this many topic words of its own


@dataclass(frozen=True)
class QueryPlan:
    question: str  # as asked (normalised)
    lang: str  # 'vi' or 'en': the language of the reply
    without_diacritics: bool  # Vietnamese typed in ASCII
    partners: frozenset[str]  # partner keys the question names
    time: TimeFilter | None
    terms: tuple[str, ...]  # folded unigrams and bigrams for BM25 and sentence matching
    names: tuple[str, ...]  # folded names, acronyms and numbers the answer should contain
    asks_when: bool
    asks_list: bool
    chitchat: bool
    embed_text: str  # what the dense model reads (the question, completed when it is a follow-up)
    understood: str | None = None  # how a follow-up was completed, in the reply's language
    topic_words: tuple[str, ...] = field(default=())
    ordinals: frozenset[int] = frozenset()  # 'lần thứ 5', 'the third': which occurrence is asked about
    people: tuple[tuple[str, ...], ...] = ()  # the persons it names, each as folded syllables ('to', 'lam')
    names_ministry: bool = False  # the question names the Ministry of Public Security (retrieval.ministry)
    asks_latest: bool = False  # 'lần gần nhất', 'the most recent': the newest matching event
    # 'What did the ministry do with Laos in 2026?': only who and when, and the event itself is the answer
    asks_what_happened: bool = False
    # 'What happened in 2019?', 'Bộ Công an làm gì năm 2019?': only a time, and every article of it is the answer
    asks_time_only: bool = False
    asks_quantity: bool = False  # 'How many …?', 'bao nhiêu …?': a count, dated by the event reporting it
    # 'How many officers will … train in 2024?', '… sẽ đào tạo …': a plan, whose time may come after
    # the article that reports it
    asks_plan: bool = False
    asks_since: bool = False  # asks when a period began: a date looked back to answers (SINCE_CUES)
    asks_who: bool = False  # asks for a person: 'Who …?', 'Ai …?', 'Which minister …?', '… lãnh đạo nào?'
    asks_country: bool = False  # asks for a country: 'Which country …?', 'Nước nào …?', '… quốc gia nào?'
    # 'Who is Volfovich Aleksandr Grigorievich?', 'Ông Volfovich là ai?': the folded words of the name
    # asked about, whom an article introduces with their full title where it first names them
    identity: tuple[str, ...] = ()
    asks_day: int | None = None  # 'hôm nay' 0, 'yesterday' -1: a day relative to the day it is asked
    translated: frozenset[str] = frozenset()  # an English question's Vietnamese words, for BM25 (retrieval.glossary)
    # its glossary terms as such ('@sign'): an English question's, for sentences in both languages; a
    # Vietnamese question's, for the BM25 score of English passages (which write them in English)
    field_terms: frozenset[str] = frozenset()
    predicates: frozenset[str] = frozenset()  # the one it asks about as a verb ('What did … sign?'): what to report
    english_words: tuple[str, ...] = ()  # an English question's other content words, which only English passages write
    # what a list enumerates, as a field term ('Which ambassadors …?', 'những đại sứ nào': '@ambassador')
    kind_listed: frozenset[str] = frozenset()
    # the partners it says someone travelled to ('đoàn sang Indonesia', 'visit Cuba'): not their visits here
    visits: frozenset[str] = frozenset()
    # it asks where someone travelled ('Bộ trưởng đã thăm những nước nào?'): not the visits here
    asks_destination: bool = False

    def terms_shared_with(self, lang: str) -> frozenset[str]:
        """The question's terms that an article in `lang`, the other language, can contain: its names,
        acronyms and numbers, and the partners' names as `lang` writes them (an English article has
        'Netherlands', never 'Hà Lan')."""
        own_names = _partner_tokens(self.partners, self.lang)
        own = {t for name in own_names for t in name} | set(_partner_terms(self.partners, self.lang))
        return frozenset(t for t in self.names if t not in own) | frozenset(_partner_terms(self.partners, lang))

    def asks_an_act(self) -> bool:
        """Does it ask about an act (signing, receiving, visiting), not about what was said
        (glossary.SAYING_VERBS, which articles write in many other verbs)?"""
        return any(term.lstrip("@") not in glossary.SAYING_VERBS for term in self.predicates)

    def vietnamese_names(self) -> tuple[tuple[str, ...], ...]:
        """The persons an English question names in Vietnamese syllables ('To Lam', 'Luong Tam Quang'):
        folded, those syllables are common words too ('làm', 'tâm'), which no lexical match tells
        from the name. Other runs of capitals name bodies and events as often ('General Assembly',
        'Bộ Nội vụ' in a Vietnamese question), which only an article in its own language writes."""
        if self.lang != "en":
            return ()
        names = []
        for person in self.people:  # its Vietnamese stretch: 'Deputy' is no part of 'Deputy … Nguyen Chi Vinh'
            for vietnamese, run in itertools.groupby(person, key=could_be_vietnamese):
                syllables = tuple(run)
                if vietnamese and len(syllables) >= 2:
                    names.append(syllables)
        return tuple(names)

    def names_person_asked(self, sentence: str) -> bool:
        """Does `sentence` name the person a 'Who is …?' question asks about (all of `identity`)?"""
        return bool(self.identity) and set(self.identity) <= set(words(sentence))

    def context(self) -> dict:
        """What a follow-up question may borrow from this one (JSON-serialisable)."""
        return {
            "question": self.embed_text,
            "partners": sorted(self.partners),
            "time": asdict(self.time) if self.time else None,
            "terms": list(self.terms),
            "names": list(self.names),
        }


def analyse(
    question: str,
    newest: PartialDate | None = None,
    follow_up: dict | None = None,
    spellings: SpellingLookup | None = None,
) -> QueryPlan:
    """The plan of a question; `newest` anchors 'last year', `follow_up` is a previous plan's context(),
    `spellings` (the index) restores the diacritics of Vietnamese typed without them for the dense model."""
    text = normalize(question.strip())
    lang = detect_language(text)
    folded = fold(text)
    tokens = words(text)
    partners = frozenset(partners_in_question(text))
    time = question_time(text, newest)
    partner_tokens = _partner_tokens(partners)
    topic = tuple(t for t in tokens if t not in NOT_TOPIC and not t.isdigit())
    # the time ('vào tháng 12/2025') is asked through the time filter, not through words a passage shares
    lexical_text = without_time(text) if time is not None else text
    lexical_tokens = words(lexical_text)
    names = _names(lexical_text, lang)
    translated: list[str] = []
    if lang == "en":
        # a capitalised title or the ministry's English name ('Minister', 'Ambassador', 'Ministry of
        # Public Security') is a word of the field, not a name: it stands in its Vietnamese words, and
        # as a name only English articles could hold it, which ranked them above the Vietnamese ones
        common = glossary.english_term_words(lexical_text) | ministry_words(fold(lexical_text))
        names = tuple(n for n in names if n not in common)
        # language-neutral evidence: names, acronyms, numbers, and partners' names in both languages;
        # and the Vietnamese words of the field's English terms ('signed' -> 'ký'), for Vietnamese passages
        translated = glossary.vietnamese_terms(lexical_text)
        terms = list(names) + _partner_terms(partners) + translated
        # its other content words ('asked', 'support'), which only an English passage can write
        counted = set(names) | common | {x for n in partner_tokens for x in n}
        english_words = [
            t
            for t in lexical_tokens
            if t not in NOT_TOPIC and t not in STOPWORDS_EN_PLUS and not t.isdigit() and t not in counted
        ]
    else:
        content = [t for t in lexical_tokens if t not in VI_STOPWORDS and not _is_year(t)]
        bigrams = [
            f"{a}_{b}" for a, b in itertools.pairwise(lexical_tokens) if a not in VI_STOPWORDS or b not in VI_STOPWORDS
        ]
        terms = content + bigrams + _partner_terms(partners)  # 'Úc' finds the English articles' 'Australia'
        english_words = []
    latest = _names_a_cue(folded, LATEST_CUES) or (lang == "en" and bool(LAST_AS_LATEST.search(folded)))
    what_happened = _asks_what_happened(lexical_text, time, partners, partner_tokens) or (
        # 'Tin mới nhất là gì?', 'What's the latest news?': what the newest articles report
        latest
        and time is None
        and not partners
        and _asks_what_happened(_without_latest(lexical_text), None, partners, partner_tokens, True)
    )
    time_only = what_happened and not partners and time is not None
    destination = travels_to_the_asked(text)
    # 'Where did To Lam travel in 2023?' asks for each trip of the time, as 'which countries' does
    listed = _asks_list(folded) or destination
    plan = QueryPlan(
        question=text,
        lang=lang,
        without_diacritics=lang == "vi" and text.isascii(),
        partners=partners,
        visits=travelled_to(text, partners),
        asks_destination=destination,
        time=time,
        terms=tuple(dict.fromkeys(terms)),
        translated=frozenset(translated),
        english_words=tuple(dict.fromkeys(english_words)),
        field_terms=glossary.english_terms(lexical_text) if lang == "en" else frozenset(),
        predicates=glossary.english_predicates(lexical_text) if lang == "en" else frozenset(),
        names=names,
        asks_when=_asks_when(folded),
        asks_quantity=_names_a_cue(folded, QUANTITY_CUES) or bool(FEW_CUE.search(text.lower())),
        identity=_identity_asked(text),
        asks_day=question_day(text),
        asks_plan=bool(PLAN_CUES.search(text.lower())),
        asks_since=_names_a_cue(folded, SINCE_CUES),
        asks_list=listed or time_only,
        kind_listed=_kind_listed(folded, lang) if listed else frozenset(),
        asks_what_happened=what_happened,
        asks_time_only=time_only,
        chitchat=_is_chitchat(folded, topic, partners, time),
        embed_text=lexical_text,
        topic_words=tuple(t for t in topic if t not in {x for n in partner_tokens for x in n}),
        ordinals=ordinals(text),
        people=people_named(text, lang),
        names_ministry=names_ministry(text),
        asks_latest=latest,
    )
    if follow_up and _is_follow_up(plan):
        plan = replace(_complete(plan, follow_up), chitchat=False)
    if plan.without_diacritics and spellings is not None:
        plan = replace(plan, embed_text=_capitalise_partners(restore(plan.embed_text, spellings), plan.partners))
    plan = replace(plan, asks_who=_asks_who(plan), asks_country=bool(COUNTRY_ASKED.search(folded)))
    if lang == "vi":  # matched as words, as the passages are indexed
        plan = replace(plan, terms=tuple(word_terms(plan.terms, plan.embed_text)))
        plan = replace(plan, predicates=glossary.vietnamese_predicates(plan.embed_text, plan.terms))
        # its glossary terms, which an English passage writes in English ('ký' -> 'signed'); the
        # ministry's name is no question of policing ('Bộ Công an' is not 'công an', the police)
        outside = f" {' '.join(words(without_ministry(folded)))} "
        own = [t for t in plan.terms if f" {t.replace('_', ' ')} " in outside]
        spelled = None if plan.without_diacritics else text
        plan = replace(plan, field_terms=glossary.field_terms_written(own, spelled))
    return plan


def _asks_who(plan: QueryPlan) -> bool:
    """Does the question ask for a person? In English by its wh-word or the noun after 'which'; in
    Vietnamese by 'ai' (not of 'Ai Cập') or by the noun that heads the phrase 'nào' closes, as pyvi
    tags it ('với Bộ trưởng Bộ Nội vụ Nga nào' asks for a minister; 'ký văn bản nào' for a document)."""
    folded = fold(plan.embed_text).lower()
    if plan.lang == "en":
        return bool(PERSON_WH.search(folded) or PERSON_WHICH.search(folded))
    if re.search(r"\bai\b(?! cap\b)", folded):
        return True
    tagged = tagged_words(plan.embed_text)
    for at, (word, _) in enumerate(tagged):
        if fold(word).lower() != "nao":
            continue
        head = at
        while head > 0 and tagged[head - 1][1] in NOUN_TAGS:
            head -= 1
        if head < at and fold(tagged[head][0]).lower() in PERSON_NOUNS:
            return True
    return False


def _names_a_cue(folded: str, cues: tuple[str, ...]) -> bool:
    """Does the folded question hold one of `cues` as whole words?"""
    return any(re.search(rf"\b{cue}\b", folded) for cue in cues)


def _asks_when(folded: str) -> bool:
    """Does the question ask for a time ('When did …', 'Who met whom, and when?', 'khi nào', 'in what
    year')?"""
    if any(not glossary.opens_time_clause(folded, m.start()) for m in re.finditer(r"\bwhen\b", folded)):
        return True
    # the 'Nam' of 'Việt Nam' is no year: '… tại Việt Nam nào …' asks which programme in Vietnam
    return _names_a_cue(re.sub(r"\bviet nam\b", "vietnam", folded), tuple(c for c in WHEN_CUES if c != "when"))


def _kind_listed(folded: str, lang: str) -> frozenset[str]:
    """The field term of the noun a list question enumerates (glossary.kind_listed), if it names one."""
    plural = PLURAL_QUESTION.search(folded)
    if plural is None:
        return frozenset()
    phrase = plural.group(0).split()
    return glossary.kind_listed(" ".join(phrase if lang == "en" else phrase[1:-1]), lang)


def _asks_list(folded: str) -> bool:
    """Does the question ask for every matching item ('all agreements', 'những văn bản nào', 'which
    meetings'), not for aspects of one event ('which crimes', 'những lĩnh vực nào')?"""
    if _names_a_cue(folded, LIST_CUES):
        return True
    plural = PLURAL_QUESTION.search(folded)
    return plural is not None and not ASPECT_NOUNS.search(plural.group(0))


def _without_latest(text: str) -> str:
    """Folded `text` without its words for the most recent ('What is the latest news?': 'what is the news?')."""
    folded = fold(text)
    for cue in LATEST_CUES:
        folded = re.sub(rf"\b{cue}\b", " ", folded)
    return folded


def _asks_what_happened(
    untimed: str,
    time: TimeFilter | None,
    partners: frozenset[str],
    partner_tokens: list[tuple[str, ...]],
    latest: bool = False,
) -> bool:
    """Does the question, its time phrase taken out (`untimed`), name nothing but a time or partners
    (or, `latest`, the most recent), the ministry and what happened ('What did the ministry do with
    Laos in 2026?', 'Năm 2019 có sự kiện gì?', 'Tin mới nhất là gì?')? What happened is then what the
    article reports: its lead says it, and any other of its sentences matches such a question only by
    the names every sentence of the article shares."""
    if time is None and not partners and not latest:
        return False
    rest = set(words(without_parties(fold(untimed)))) - home_words()  # 'What did Vietnam do in 2019?'
    rest -= {t for name in partner_tokens for t in name}
    rest = {w for w in rest if not partners_in_question(w.title()) & partners}  # 'Spanish', as written
    return all(w in GENERIC_EVENT_WORDS or w in NOT_TOPIC or w.isdigit() for w in rest)


_WHO_IS = re.compile(r"^\s*who\s+(?:is|was)\s+(?P<name>.+?)\s*\??\s*$", re.IGNORECASE)
_IS_WHO = re.compile(r"^\s*(?:ông|bà|ngài)?\s*(?P<name>.+?)\s+là\s+ai\s*\??\s*$", re.IGNORECASE)
_HONORIFICS = frozenset(["mr", "mrs", "ms", "dr", "general", "gen"])


def _identity_asked(text: str) -> tuple[str, ...]:
    """The folded words of the person a question asks to identify ('Who is Volfovich Aleksandr
    Grigorievich?', 'Ông Volfovich là ai?'): a name, every word of it capitalised."""
    match = _WHO_IS.match(text) or _IS_WHO.match(text)
    if match is None:
        return ()
    name = [w for w in re.findall(r"[^\W\d_][\w'.-]*", match.group("name")) if fold(w) not in _HONORIFICS]
    if not name or not all(w[0].isupper() for w in name):
        return ()
    return tuple(fold(w) for w in name)


def _is_year(token: str) -> bool:
    return token.isdigit() and len(token) == 4


def _partner_tokens(partners: frozenset[str], lang: str | None = None) -> list[tuple[str, ...]]:
    """Folded tokens of every name of the partners asked about, in `lang` or in both languages."""
    known = all_partners()
    return [
        tuple(words(name))
        for key in partners
        for name in (
            *(known[key].vi_names if lang in (None, "vi") else ()),
            *(known[key].en_names if lang in (None, "en") else ()),
        )
    ]


def _capitalise_partners(text: str, partners: frozenset[str]) -> str:
    """'với anh' -> 'với Anh' once the question is known to name the United Kingdom: typed without
    capitals or diacritics, a partner's name reads as a common word to the dense model."""
    spelled = sorted(
        ((words(n), n) for n in {n for key in partners for n in all_partners()[key].vi_names} if words(n)),
        key=lambda pair: (-len(pair[0]), pair[1]),
    )  # longest first: 'Nam Phi' before a one-syllable name; then by spelling, not by the set's order
    found = list(re.finditer(r"\w+", text))
    folded = [fold(m.group()) for m in found]
    replaced: list[tuple[int, int, str]] = []
    i = 0
    while i < len(found):
        match = next(((parts, n) for parts, n in spelled if folded[i : i + len(parts)] == parts), None)
        if match:
            replaced.append((found[i].start(), found[i + len(match[0]) - 1].end(), match[1]))
        i += len(match[0]) if match else 1
    for start, end, name in reversed(replaced):
        text = text[:start] + name + text[end:]
    return text


@functools.lru_cache(maxsize=1024)  # asked for every sentence ranked
def partner_name_terms(partners: frozenset[str]) -> frozenset[str]:
    """The terms that name `partners`, in either language ('nam_phi', 'south', 'africa')."""
    tokens = {t for name in _partner_tokens(partners) for t in name}
    return frozenset(tokens) | frozenset(_partner_terms(partners))


def _partner_terms(partners: frozenset[str], lang: str | None = None) -> list[str]:
    """Lexical terms of the partners' names: a one-syllable name ('Nga') itself, a longer one only as
    its syllable pairs: the syllables of 'Bê-la-rút' or 'Thụy Điển' alone are other words ('là', 'diễn')."""
    return [term for name in _partner_tokens(partners, lang) for term in word_as_terms(name)]


def people_named(text: str, lang: str) -> tuple[tuple[str, ...], ...]:
    """The persons `text` names, each as its folded syllables in order: in Vietnamese a run of pyvi's
    proper nouns ('Nguyễn Tấn Dũng'), in English of capitalised words ('Tran Dai Quang'), either of two
    syllables or more that name no partner nor Vietnam, nor the ministry, nor, in English, a title
    ('Minister')."""
    places = home_words() | partner_name_terms(frozenset(partners_in_question(text)))
    if lang == "en":
        places |= ministry_words(fold(text)) | glossary.english_term_words(text)
        found = [re.sub(r"['’]s$", "", t) for t in re.findall(r"[\w’'-]+", text)]  # 'Nguyen Chi Vinh's
        # the capital that opens a sentence marks no name: 'Did To Lam …', but 'Luong Tam Quang met …'
        tokens = [(t, t[:1].isupper() and not (i == 0 and fold(t) in EN_STOPWORDS)) for i, t in enumerate(found)]
    else:
        tokens = [(word, tag == NAME_TAG) for word, tag in tagged_words(text)]
    runs = itertools.groupby(tokens, key=lambda token: token[1])  # the names, and the words between them
    people = (tuple(w for t, _ in run for w in words(t) if w not in places) for named, run in runs if named)
    # pyvi tags 'Bộ Công an' a proper noun too: the ministry is no person
    return tuple(s for s in people if len(set(s)) >= 2 and not names_ministry(" ".join(s)))


def _names(text: str, lang: str) -> tuple[str, ...]:
    """Capitalised words inside the sentence, acronyms and numbers (not years): what an answer names;
    in a Vietnamese question also a word no Vietnamese syllable spells ('unodc', 'interpol'), which
    typed in lower case names as much, and an English article writes too."""
    raw = re.findall(r"[\w'’-]+", text)
    stop = EN_STOPWORDS if lang == "en" else VI_STOPWORDS
    found = []
    for i, token in enumerate(raw):
        token = re.sub(r"['’]s$", "", token)
        folded = fold(token)
        if token.isdigit():
            if len(token) != 4:
                found.append(folded)
            continue
        capitalised = (i > 0 and token[:1].isupper()) or (token.isupper() and len(token) > 1)
        if lang == "en" and i + 1 < len(raw) and token[:1].isupper() and raw[i + 1][:1].isupper():
            # in English, a capitalised function word before a capitalised Vietnamese syllable, itself
            # one, is a Vietnamese name's ('To Lam', 'Do Muoi'); and the opening capital is a name's when
            # a capitalised word follows ('Luong Tam Quang went where?'), unless a function word ('Did Vietnam')
            vietnamese = could_be_vietnamese(folded) and could_be_vietnamese(fold(raw[i + 1]))
            if vietnamese or (i == 0 and folded not in stop):
                found.extend(words(token))
                continue
        foreign = lang != "en" and token.isascii() and token.isalpha() and not could_be_vietnamese(folded)
        if (capitalised or foreign) and folded not in stop and folded not in CALENDAR_WORDS:
            found.extend(words(token))
    return tuple(dict.fromkeys(found))


def _is_phatic(folded: str) -> bool:
    """Only greetings, thanks, small talk and function words: 'cảm ơn bạn', 'xin chào', 'hello!'."""
    text = rest = " " + " ".join(re.findall(r"\w+", folded)) + " "
    for phrase in sorted(PHATIC_PHRASES, key=len, reverse=True):
        rest = rest.replace(f" {phrase} ", " ")
    return rest != text and not [w for w in rest.split() if w not in NOT_TOPIC]


def _is_chitchat(folded: str, topic: tuple[str, ...], partners: frozenset[str], time: TimeFilter | None) -> bool:
    """Greetings, thanks and small talk: only phatic phrases, a phatic phrase and a short remark that
    asks nothing ('Thanks a lot', 'Cảm ơn, rất hữu ích'), or nothing the question is about but the bot
    and its articles ('help', 'How many articles do you have?')."""
    about_something = [t for t in topic if t not in ABOUT_THE_BOT]
    return not partners and time is None and (_is_phatic(folded) or _is_phatic_remark(folded) or not about_something)


def _is_phatic_remark(folded: str) -> bool:
    if "?" in folded:
        return False
    tokens = re.findall(r"\w+", folded)
    for phrase in PHATIC_OPENERS:
        if tokens[: len(phrase.split())] == phrase.split():
            rest = tokens[len(phrase.split()) :]
            return len(rest) <= PHATIC_REMARK_WORDS and not QUESTION_WORDS & set(rest)
    return False


def _is_follow_up(plan: QueryPlan) -> bool:
    """Names no topic of its own ('And when was that?', 'còn với Nga thì sao?') and is not small talk."""
    return (
        not _is_phatic(fold(plan.question))
        and len(plan.topic_words) <= MAX_FOLLOW_UP_TOPIC_WORDS
        and not (plan.names and not plan.partners)
    )


def _complete(plan: QueryPlan, previous: dict) -> QueryPlan:
    """Borrow the partners, time and topic the question leaves out from the previous question."""
    partners = plan.partners or frozenset(previous.get("partners") or ())
    time = plan.time
    if time is None and previous.get("time"):
        stored = previous["time"]  # a list [year, month, end_year] in contexts saved by older versions
        time = TimeFilter(*stored) if isinstance(stored, list) else TimeFilter(**stored)
    topic = str(previous.get("question", ""))
    terms = tuple(dict.fromkeys((*plan.terms, *previous.get("terms", ()))))
    if plan.partners:  # a new partner replaces the old one: drop the old partner's names from the terms
        old = set(_partner_terms(frozenset(previous.get("partners") or ())))
        terms = tuple(t for t in terms if t not in old)
    pieces = [partner_name(p, plan.lang) for p in sorted(partners)]
    if time is not None:
        pieces.append(time.label(month_first=True))
    understood = ", ".join(pieces) or None
    return replace(
        plan,
        partners=partners,
        time=time,
        terms=terms,
        names=tuple(dict.fromkeys((*plan.names, *previous.get("names", ())))),
        embed_text=f"{topic} {plan.question}".strip(),
        understood=understood or _shorten(topic),
    )


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: text.rfind(" ", 0, limit)] + "…"
