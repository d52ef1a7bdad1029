"""The Vietnamese terms of security-cooperation news for the English words that ask about them.

The bundled model relates an English question to a Vietnamese passage as a whole, but not an
English word to the Vietnamese word that answers it: for 'What did Vietnam sign with Belarus?' it
prefers a sentence about friendship to 'Ngay sau hội đàm, … ký kết Kế hoạch hợp tác …'. No library
or package ships an English-Vietnamese lexicon offline, so this is a hand list of the field's own
vocabulary: what is signed, what is fought, who meets whom, and the field's frequent words. It is
written from the domain, not from the questions. Read the other way, it gives the English words in
which an English article writes a Vietnamese question's terms ('ký' -> 'signed').

The nearest Vietnamese words to an English word under the bundled model were tried instead (its
vectors of single words, over the articles' words): right for 'new' -> 'mới' or 'weapons' -> 'vũ khí',
but as often wrong ('hold' -> 'hướng', 'level' -> 'lên', 'areas' -> 'địa phương'), and English
answer@1 on the fit sets fell by 2 to 4 questions at every similarity cut tried.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection

from retrieval.segmentation import tagged_words, word_spans
from retrieval.stopwords import PERSON_NOUNS
from retrieval.text import fold, normalize, syllables_and_pairs, word_as_terms, words

# The kinds of document the sides sign, as Vietnamese names them: what a generic word for a document
# ('văn bản', 'văn kiện', 'document') stands for in a question ('ký những văn bản gì?')
DOCUMENT_KINDS = (
    "thỏa thuận",
    "hiệp định",
    "bản ghi nhớ",
    "ý định thư",
    "nghị định thư",
    "kế hoạch",
    "công ước",
    "văn kiện",
    "văn bản",
)
GENERIC_DOCUMENT_WORDS = ("văn bản", "văn kiện")

# English term (lower case, the base form of its last word) -> Vietnamese terms that write it: the
# field's own terms, which put a question in the field (vocabulary.outside_the_field)
FIELD_TERMS: dict[str, tuple[str, ...]] = {
    # documents and what is done with them
    "sign": ("ký", "ký kết"),
    # English calls any instrument two sides sign an agreement; Vietnamese names it by its kind
    "agreement": ("thỏa thuận", "hiệp định", "bản ghi nhớ", "ý định thư", "nghị định thư", "văn kiện"),
    "treaty": ("hiệp định",),
    "memorandum": ("bản ghi nhớ",),
    "mou": ("bản ghi nhớ",),
    "letter of intent": ("ý định thư",),
    "protocol": ("nghị định thư",),
    "plan": ("kế hoạch",),
    "document": DOCUMENT_KINDS,
    "implement": ("triển khai", "thực hiện"),
    # meetings
    "talk": ("hội đàm",),
    "receive": ("tiếp",),
    # meeting someone: a call, a reception or talks ('có các cuộc hội đàm song phương với …')
    "meet": ("gặp", "hội kiến", "tiếp", "hội đàm"),
    "met": ("gặp", "hội kiến", "tiếp", "hội đàm"),
    "meeting": ("gặp", "hội kiến", "cuộc gặp"),
    "visit": ("thăm", "chuyến thăm"),
    "delegation": ("đoàn",),
    # who heads a delegation: 'Đoàn … do Bộ trưởng … dẫn đầu', 'trưởng đoàn'
    "lead": ("dẫn đầu", "trưởng đoàn"),
    "led": ("dẫn đầu", "trưởng đoàn"),
    "head": ("dẫn đầu", "trưởng đoàn"),
    "dialogue": ("đối thoại",),
    "conference": ("hội nghị",),
    "consultation": ("tham vấn",),
    "chair": ("chủ trì", "đồng chủ trì"),  # 'co-chaired' too
    "negotiate": ("đàm phán",),
    "farewell": ("chào từ biệt",),
    "courtesy call": ("chào xã giao",),
    # a call on a leader; on a monarch, an audience ('yết kiến'); and the host's side of it, receiving
    # the caller ('Bộ trưởng tiếp Đại sứ …' is the ambassador calling on the minister)
    "call on": ("đến chào", "chào xã giao", "yết kiến", "tiếp"),
    # a conference or session opens and closes
    "open": ("khai mạc",),
    "close": ("bế mạc", "khép lại"),
    # what the sides say and do
    "agree": ("nhất trí", "thống nhất"),
    "propose": ("đề nghị", "đề xuất"),
    "suggest": ("đề nghị", "đề xuất"),
    "discuss": ("trao đổi về", "thảo luận", "trao đổi ý kiến", "bàn về"),
    "exchange": ("trao đổi",),
    "share": ("chia sẻ",),
    "hope": ("mong", "mong muốn"),  # 'mong Pháp duy trì học bổng', 'bày tỏ mong muốn'
    # asking a partner for something is proposing it, in Vietnamese ('đề nghị phía Hà Lan hỗ trợ …')
    "ask": ("đề nghị", "đề xuất"),
    "thank": ("cảm ơn",),
    "welcome": ("hoan nghênh", "chào mừng"),
    "invite": ("mời",),
    "train": ("đào tạo", "huấn luyện", "tập huấn"),
    "training": ("đào tạo", "huấn luyện", "tập huấn"),
    "establish": ("thiết lập",),
    "upgrade": ("nâng cấp",),
    "anniversary": ("kỷ niệm",),
    "diplomatic relation": ("quan hệ ngoại giao",),
    "strategic partnership": ("đối tác chiến lược",),
    "comprehensive": ("toàn diện",),
    "cooperation": ("hợp tác",),
    "cooperate": ("hợp tác",),
    "result": ("kết quả",),
    # crimes
    "crime": ("tội phạm",),
    "criminal": ("tội phạm",),
    "drug": ("ma túy",),
    "narcotic": ("ma túy",),
    "trafficking": ("mua bán người",),
    "smuggling": ("buôn lậu",),
    "money laundering": ("rửa tiền",),
    "terrorism": ("khủng bố",),
    "cybercrime": ("tội phạm mạng", "công nghệ cao"),
    "high-tech crime": ("công nghệ cao",),
    "cybersecurity": ("an ninh mạng",),
    "cyber security": ("an ninh mạng",),
    "fraud": ("lừa đảo",),
    "scam": ("lừa đảo",),
    "corruption": ("tham nhũng",),
    "transnational": ("xuyên quốc gia",),
    "illegal migration": ("di cư trái phép",),
    "fugitive": ("truy nã",),
    "extradition": ("dẫn độ",),
    "mutual legal assistance": ("tương trợ tư pháp",),
    "sentenced person": ("người bị kết án",),
    "prisoner": ("người bị kết án",),
    "weapon": ("vũ khí",),
    # who and what
    "police": ("cảnh sát", "công an"),
    "minister": ("bộ trưởng",),
    "deputy minister": ("thứ trưởng",),
    "ambassador": ("đại sứ",),
    "security council": ("hội đồng an ninh",),
    "interior": ("nội vụ",),
    "home affairs": ("nội vụ",),
    "justice": ("tư pháp",),
    "intelligence": ("tình báo",),
    "border": ("biên giới",),
    "immigration": ("xuất nhập cảnh",),
    "law enforcement": ("thực thi pháp luật",),
    "citizen": ("công dân",),
    "equipment": ("trang thiết bị",),
    "technology": ("công nghệ",),
    "security industry": ("công nghiệp an ninh",),
    "academy": ("học viện",),
    "scholarship": ("học bổng",),
    "peacekeeping": ("gìn giữ hòa bình",),
}

# ... and its frequent words: the two-syllable words that six or more of the articles developed on
# write (seeds, ../shared/dev2, eval/synthetic), where one English word renders them in one sense.
# They are anyone's words too ('online', 'economy'): they match, but put no question in the field.
# English words of many senses are left out: 'work', 'force' ('in force'), 'foreign', 'delegate',
# 'law', 'partner', 'relations' each matched sentences in another sense and cost answers on the fit sets
FREQUENT_WORDS: dict[str, tuple[str, ...]] = {
    # an agreement's scope: 'mở rộng thỏa thuận … sang các lĩnh vực mới'
    "extend": ("mở rộng",),
    "expand": ("mở rộng",),
    "broaden": ("mở rộng",),
    "area": ("lĩnh vực", "khu vực"),
    "field": ("lĩnh vực",),
    "sector": ("lĩnh vực",),
    "priority": ("ưu tiên",),
    "mechanism": ("cơ chế",),
    "bilateral": ("song phương",),
    "multilateral": ("đa phương",),
    "online": ("trực tuyến",),
    # meetings
    "trip": ("chuyến thăm", "chuyến công tác"),
    "official visit": ("thăm chính thức",),
    "sideline": ("bên lề",),
    "host": ("đăng cai",),
    # what the sides say and do
    "congratulate": ("chúc mừng",),
    "appreciate": ("đánh giá cao",),
    "praise": ("đánh giá cao",),
    "affirm": ("khẳng định",),
    "stress": ("nhấn mạnh",),
    "emphasize": ("nhấn mạnh",),
    "emphasise": ("nhấn mạnh",),
    "commit": ("cam kết",),
    "pledge": ("cam kết",),
    "strengthen": ("tăng cường", "củng cố"),
    "promote": ("thúc đẩy", "đẩy mạnh"),
    "boost": ("thúc đẩy", "đẩy mạnh"),
    "maintain": ("duy trì",),
    "coordinate": ("phối hợp",),
    "coordination": ("phối hợp",),
    "protect": ("bảo vệ",),
    "protection": ("bảo vệ",),
    "friendship": ("hữu nghị",),
    "traditional": ("truyền thống",),
    "non-traditional": ("phi truyền thống",),
    "international": ("quốc tế",),
    "regional": ("khu vực",),
    "region": ("khu vực",),
    "global": ("toàn cầu",),
    "situation": ("tình hình",),
    "experience": ("kinh nghiệm",),
    "information": ("thông tin",),
    "data": ("dữ liệu",),
    "research": ("nghiên cứu",),
    "capacity": ("năng lực",),
    "education": ("giáo dục",),
    # the fields beside security that meetings name ('hợp tác kinh tế, di cư lao động')
    "defence": ("quốc phòng",),
    "defense": ("quốc phòng",),
    "economic": ("kinh tế",),
    "economy": ("kinh tế",),
    "trade": ("thương mại",),
    "investment": ("đầu tư",),
    "labour": ("lao động",),
    "labor": ("lao động",),
    "tourism": ("du lịch",),
    "tourist": ("du lịch",),
    "culture": ("văn hóa",),
    "cultural": ("văn hóa",),
    # crime and its work
    "fight": ("đấu tranh", "phòng, chống"),
    "combat": ("đấu tranh", "phòng, chống"),
    "prevent": ("phòng ngừa", "phòng, chống"),
    "prevention": ("phòng ngừa", "phòng, chống"),
    "investigate": ("điều tra",),
    "investigation": ("điều tra",),
    "verify": ("xác minh",),
    "verification": ("xác minh",),
    "victim": ("nạn nhân",),
    "rescue": ("giải cứu", "cứu hộ", "cứu nạn"),
    "firefighting": ("chữa cháy",),
    "transfer": ("chuyển giao",),
    # who and what
    "leader": ("lãnh đạo",),
    "leadership": ("lãnh đạo",),
    "community": ("cộng đồng",),
    "capital": ("thủ đô",),
}
EN_TO_VI: dict[str, tuple[str, ...]] = {**FIELD_TERMS, **FREQUENT_WORDS}


# The glossary's verbs: in a question ('What did … sign?', 'What topics were discussed?') the verb is
# what the answer must report; the names around it only say which event. Not 'cooperate' ('hợp
# tác'): the relation every article is about, which names the field, not an act ('hoạt động hợp tác')
VERBS = frozenset(
    [
        "sign", "implement", "talk", "receive", "meet", "met", "visit", "agree", "propose", "suggest", "discuss",
        "exchange", "share", "thank", "welcome", "invite", "train", "establish", "upgrade", "chair", "lead", "led",
        "head", "negotiate", "hope", "ask", "call on", "open", "close",
        "extend", "expand", "broaden", "investigate", "transfer", "verify", "rescue", "commit", "pledge",
        "congratulate", "strengthen", "promote", "boost", "maintain", "appreciate", "praise", "affirm", "stress",
        "emphasize", "emphasise", "protect", "coordinate",
    ]
)  # fmt: skip
# ... those that report what someone said: articles write them with many other verbs ('bày tỏ', 'mong
# muốn', 'nhấn mạnh'), so a sentence without the glossary's word may still report it; the rest are acts
SAYING_VERBS = frozenset(
    [
        "ask", "hope", "agree", "propose", "suggest", "discuss", "exchange", "share", "thank", "welcome", "invite",
        "commit", "pledge", "congratulate", "appreciate", "praise", "affirm", "stress", "emphasize", "emphasise",
    ]
)  # fmt: skip
# a word before one of them that makes it a noun ('his April 2023 visit', 'the talks')
_NOUN_MARKERS = frozenset(["the", "a", "an", "this", "that", "his", "her", "its", "their", "our", "first", "last"])
# ... or that negates it ('Since when had they not met?' asks for no meeting), or sets it aside
# ('Besides meeting the minister, where did he go?' asks about the rest)
_NEGATIONS = frozenset(["not", "never", "besides"])
_HOLD = frozenset(["hold", "holds", "held", "holding"])
# an -ing form is a verb only in the progressive, after a form of 'be' ('What are they discussing?');
# else it is a noun or a participle ('the 12th annual ministerial meeting', 'training courses')
_BE = frozenset(["is", "are", "was", "were", "be", "been", "being", "am"])


# English interrogatives other than 'when': after one of them, 'when' (or 'while') opens a clause of
# time ('Which agreements did he name when he received the ambassador?'), not the question
_OTHER_WH = re.compile(r"\b(?:what|which|who|whom|whose|where|how|why)\b")
_TIME_CLAUSE = re.compile(r"\b(?:when|while)\b")


def opens_time_clause(lowered: str, at: int) -> bool:
    """Does the 'when' or 'while' at offset `at` of a lower-cased English question open a clause of
    time? It does after another question word, unless 'and' or a comma joins it as a question of its
    own ('Who met whom, and when?')."""
    before = lowered[:at]
    return bool(_OTHER_WH.search(before)) and not re.search(r"(?:,|\band)\s*$", before)


def english_predicates(question: str) -> frozenset[str]:
    """The glossary term ('@sign') of the verb an English question asks about: its first glossary verb
    written as one ('sign', 'signed', 'discussed'), not as a noun ('the talks', 'his 2023 visit'); a
    later one is its complement ('propose cooperating'), unless 'or' joins it to the first ('receive or
    hold talks with': either answers)."""
    lowered = question.lower()
    # a verb in a clause of time says which event, not what is asked of it ('What agreement did he
    # ask them to negotiate when he received the ambassador?' asks about negotiating, not receiving)
    clause = next((m.start() for m in _TIME_CLAUSE.finditer(lowered) if opens_time_clause(lowered, m.start())), None)
    found = []
    for english, pattern, _ in _patterns():
        if english not in VERBS:
            continue
        for match in pattern.finditer(lowered[:clause]):
            before = lowered[: match.start()].split()[-1:]
            # 'held talks', 'hold meetings': a light verb whose object names the act ('talked', 'met')
            plural = match.group(0).endswith("s") and not english.endswith("s") and not (before and before[0] in _HOLD)
            # a determiner, a negation, or a possessive ("Marcos's visit"), before it: a noun
            marked = before and (before[0] in _NOUN_MARKERS | _NEGATIONS or before[0].endswith(("n't", "'s", "’s")))
            gerund = match.group(0).endswith("ing") and not _BE & set(lowered[: match.start()].split())
            # 'head of state', 'the signing of': a word of the field before 'of' is a noun
            of = lowered[match.end() :].split()[:1] == ["of"]
            if not plural and not marked and not gerund and not of and not (before and before[0].isdigit()):
                found.append((match.start(), match.end(), f"@{english}"))
    if not found:
        return frozenset()
    found.sort()
    asked = [found[0]]
    for verb in found[1:]:
        between = lowered[asked[-1][1] : verb[0]].split()
        if between[:1] == ["or"] and len(between) <= 2:  # 'or', and perhaps a light verb ('or hold')
            asked.append(verb)
    return frozenset(term for _, _, term in asked)


# Words before a Vietnamese verb that make it a noun: classifiers ('cuộc hội đàm', 'chuyến thăm', 'việc
# ký kết', 'lễ ký', 'hôm khai mạc', 'ngày ký') and prepositions ('tại hội đàm', 'sau khi hội đàm'),
# folded; and 'ngoài' (besides: 'ngoài gặp Bộ trưởng, … còn đến thăm đâu?' asks about the rest)
_VI_NOUN_MARKERS = frozenset(
    ["cuoc", "buoi", "chuyen", "viec", "su", "le", "hom", "ngay", "tai", "trong", "sau", "truoc", "khi", "nhan", "ngoai"]
)  # fmt: skip


def vietnamese_predicates(question: str, words_of_question: Collection[str]) -> frozenset[str]:
    """The glossary term ('@sign') of the verb a Vietnamese question asks about: the first of the
    glossary verbs' Vietnamese words that the question writes as a word (`words_of_question`, its
    lexical terms as words: 'ký' of 'Thư ký' is none), and as a verb, not a noun ('tại hội đàm'); whole
    words only ('thăm' is no visit in 'Phiên tham vấn', a consultation), and as spelled where the
    question writes its diacritics ('kỳ họp', a session, signs nothing)."""
    question = normalize(question)
    folded = fold(question)  # as long as `question`: the word spans hold in both
    marked = folded != question.lower()  # written with diacritics: compare them too
    spans = word_spans(question)
    starts, ends = {s for s, _ in spans}, {e for _, e in spans}
    found = []
    for english in VERBS:
        for word in EN_TO_VI[english]:
            if not set(_lexical(word)) <= set(words_of_question):
                continue
            spelled = normalize(word).lower() if marked else fold(word)
            for match in re.finditer(rf"\b{re.escape(spelled)}\b", question.lower() if marked else folded):
                if match.start() not in starts or match.end() not in ends:
                    continue
                before = folded[: match.start()].split()[-1:]
                if not (before and before[0] in _VI_NOUN_MARKERS):
                    # the longest word there, and of the terms writing it the narrowest ('hội đàm': talks,
                    # not any meeting)
                    found.append((match.start(), -len(word), len(EN_TO_VI[english]), f"@{english}"))
    # a phrase that opens the question with its verb or a preposition and ends at a comma says when
    # ('Bế mạc kỳ họp, các nước thống nhất …', 'Sau lễ ký, …'): the main clause's verb is the one asked
    # about, where it writes one (not so after a subject: 'Bộ Công an hội đàm, đàm phán với ai?')
    comma = folded.find(",")
    opening = folded.split()[:1]
    fronted = any(at == 0 for at, *_ in found) or (opening and opening[0] in _VI_NOUN_MARKERS)
    if comma >= 0 and fronted and any(at > comma for at, *_ in found):
        found = [f for f in found if f[0] > comma]
    return frozenset([min(found)[-1]]) if found else frozenset()


@functools.cache
def _patterns() -> list[tuple[str, re.Pattern[str], tuple[str, ...]]]:
    """(English term, its pattern, its Vietnamese terms): the pattern takes the last word with the
    regular endings ('signed', 'talks')."""
    patterns = []
    for english, vietnamese in EN_TO_VI.items():
        *head, last = english.split()
        stem = re.escape(last[:-1]) if last.endswith("e") else re.escape(last)
        tail = rf"{stem}(?:e|es|ed|ing)?" if last.endswith("e") else rf"{stem}(?:s|es|ed|ing)?"
        phrase = r"\s+".join([*(re.escape(w) for w in head), tail])
        patterns.append((english, re.compile(rf"\b{phrase}\b"), vietnamese))
    return patterns


# Welcoming a person is receiving them ('To Lam on November 11 welcomed Kees van Baar, the new
# Ambassador'); welcoming anything else is approving of it ('welcomed the proposal'). A person is a
# full name (two capitalised words, a particle between them, not a possessive: 'South Africa's
# decision' is none) or a title
_WELCOMES_SOMEONE = re.compile(
    r"\bwelcom(?:e|es|ed|ing)\s+(?:the\s+)?(?:new\s+)?"
    r"(?:[A-Z][\w-]+\s+(?:(?:van|von|de|der|bin|al)\s+)?[A-Z][\w-]+\b(?![’']s)"
    r"|(?:Ambassador|Minister|President|Secretary|Chairman|Chairwoman|Director|General)\b)"
)


@functools.lru_cache(maxsize=32768)  # the same English sentences come back question after question
def english_terms(text: str) -> frozenset[str]:
    """The glossary's English terms that `text` uses, each as one term ('@sign' for 'signed'; '@receive'
    for 'welcomed' a person)."""
    lowered = text.lower()
    found = {f"@{english}" for english, pattern, _ in _patterns() if pattern.search(lowered)}
    if _WELCOMES_SOMEONE.search(text):
        found.add("@receive")
    return frozenset(found)


def names_the_field(text: str) -> bool:
    """Does English `text` use one of the field's own terms (FIELD_TERMS), not only its frequent words?"""
    return of_the_field(english_terms(text))


def of_the_field(terms: Collection[str]) -> bool:
    """Is one of the glossary `terms` ('@sign', '@online') one of the field's own (FIELD_TERMS)?"""
    return any(term.lstrip("@") in FIELD_TERMS for term in terms)


def written_in_english(terms: Collection[str], text: str, loosely: bool = False) -> frozenset[str]:
    """Those glossary `terms` ('@propose') that English `text` uses, itself or through a synonym: a term
    with the same Vietnamese words ('suggested' proposes, as 'đề nghị' renders both); `loosely`, one
    sharing a Vietnamese word with it, as a verb asked about is read: 'Año met … To Lam on 29 January'
    reports the talks ('hội đàm') a Vietnamese question asks about, since 'meet' renders 'hội đàm' too."""
    used = {EN_TO_VI[t.lstrip("@")] for t in english_terms(text)}
    if loosely:
        shared = {word for vietnamese in used for word in vietnamese}
        return frozenset(t for t in terms if shared.intersection(EN_TO_VI.get(t.lstrip("@"), ())))
    return frozenset(t for t in terms if EN_TO_VI.get(t.lstrip("@")) in used)


def written(english_terms: Collection[str], text: str, inside_words: frozenset[str] = frozenset()) -> frozenset[str]:
    """Those of `english_terms` that Vietnamese `text` writes in any of their Vietnamese words
    ('@establish' in '… thiết lập quan hệ …'), not counting syllables it has only inside longer
    words (`inside_words`: 'ký' of 'Thư ký' is no signing)."""
    return _written(frozenset(english_terms), text, inside_words)


@functools.lru_cache(maxsize=32768)  # the same sentences are read for the same terms question after question
def _written(english_terms: frozenset[str], text: str, inside_words: frozenset[str]) -> frozenset[str]:
    syllables, pairs = syllables_and_pairs(text)
    present = (syllables - inside_words) | pairs
    return frozenset(term for term in english_terms if any(word <= present for word in _vietnamese_words(term)))


@functools.cache
def _vietnamese_words(term: str) -> tuple[frozenset[str], ...]:
    """Each Vietnamese word of a glossary term ('@sign'), as the set of lexical terms it takes."""
    return tuple(frozenset(_lexical(word)) for word in EN_TO_VI.get(term.lstrip("@"), ()))


def vietnamese_words(term: str) -> tuple[tuple[str, ...], ...]:
    """Each Vietnamese word of a glossary term ('@agreement': 'thỏa thuận', 'hiệp định', …) as the
    lexical terms of the index it takes ('thoa_thuan'; 'ban_ghi', 'ghi_nho')."""
    return tuple(_lexical(word) for word in EN_TO_VI.get(term.lstrip("@"), ()))


def kind_listed(phrase: str, lang: str) -> frozenset[str]:
    """The field term ('@ambassador') of the noun a list question enumerates, from the folded phrase
    that asks for it: an English plural after 'which'/'what' ('which foreign ambassadors': its last
    word), or the Vietnamese words after 'những'/'các' ('đại sứ' of 'những đại sứ nước nào': its first
    words). Only the field's own terms (FIELD_TERMS), whose words name one notion in both languages;
    any kind of document stands for every kind ('which agreements' lists memoranda too)."""
    found: set[str]
    if lang == "en":
        tail = phrase.split()[-2:]
        found = {t for t in english_terms(" ".join(tail)) if t in english_terms(tail[-1]) or " " in t}
    else:
        opening = f"{phrase} "
        found = {
            f"@{english}"
            for english, vietnamese in FIELD_TERMS.items()
            if any(opening.startswith(f"{fold(word).lower()} ") for word in vietnamese)
        }
    found = {t for t in found if t.lstrip("@") in FIELD_TERMS}
    documents = {t for t in found if set(FIELD_TERMS[t.lstrip("@")]) <= set(DOCUMENT_KINDS)}
    if documents:
        return frozenset({"@document"})
    # people by their title, the narrowest ('which deputy ministers': not '@minister'); not events,
    # which news reports in too many words to require one ('which meetings' lists talks and working
    # sessions, which write no 'cuộc gặp')
    people = {t for t in found if t.split()[-1].lstrip("@") in PERSON_NOUNS}
    return frozenset(t for t in people if not any(o != t and o.endswith(f" {t.lstrip('@')}") for o in people))


def writes_kind(kind: Collection[str], text: str, lang: str) -> bool:
    """Does a passage in `lang` write one of the field terms `kind` (kind_listed), in its own words? An
    English word counts when it shares a Vietnamese word with one of them ('memorandum' is a document)."""
    if lang != "en" and "@document" in kind:  # by its syllables, as any other field term
        return bool(written(kind, text))
    if lang != "en":  # a title as a word of its own: not the 'đại sứ' of 'Đại sứ quán' (an embassy)
        return any(_as_a_word(word, text) for term in kind for word in EN_TO_VI.get(term.lstrip("@"), ()))
    return bool(written_in_english(kind, text, loosely=True))


@functools.lru_cache(maxsize=8192)  # pyvi reads a sentence in about a millisecond; the same ones come back
def _as_a_word(word: str, text: str) -> bool:
    """Does Vietnamese `text` write `word` other than inside a longer word (pyvi's words: 'Đại sứ
    quán', an embassy, is no 'đại sứ')?"""
    pattern = _as_spelled(word)
    written_times = len(pattern.findall(normalize(text).lower()))
    if not written_times:
        return False
    size = len(word.split())
    inside = sum(len(pattern.findall(w.lower())) for w, _ in tagged_words(normalize(text)) if len(w.split()) > size)
    return written_times > inside


@functools.cache
def _as_spelled(word: str) -> re.Pattern[str]:
    """A Vietnamese word, with its diacritics, as a whole word of normalised lower-case text."""
    return re.compile(rf"(?<!\w){re.escape(normalize(word).lower())}(?!\w)")


def names_a_document(text: str, inside_words: frozenset[str] = frozenset()) -> bool:
    """Does Vietnamese `text` name a document of any kind ('ký kết Bản ghi nhớ …')?"""
    return bool(written(("@document",), text, inside_words))


@functools.cache
def generic_document_terms() -> frozenset[str]:
    """The lexical terms a Vietnamese question has for its generic words for a document ('van', 'van_ban')."""
    return frozenset(t for word in GENERIC_DOCUMENT_WORDS for t in (*words(fold(word)), *_lexical(word)))


def term_words(term: str) -> list[str]:
    """The lexical terms of the Vietnamese words of one glossary term ('@sign' -> 'ky', 'ky_ket')."""
    return list(dict.fromkeys(t for word in EN_TO_VI.get(term.lstrip("@"), ()) for t in _lexical(word)))


@functools.cache
def _lexical(word: str) -> tuple[str, ...]:
    """A Vietnamese word as the index's terms (retrieval.text.word_as_terms)."""
    return tuple(word_as_terms(words(fold(word))))


def english_term_words(text: str) -> frozenset[str]:
    """The folded words of `text` that spell one of the glossary's English terms ('minister' and
    'ambassador' of 'Minister … received Ambassador …'), whatever their case."""
    lowered = text.lower()
    return frozenset(
        word for _, pattern, _ in _patterns() for match in pattern.finditer(lowered) for word in words(match.group())
    )


def field_terms_written(words_of_question: Collection[str], spelled: str | None = None) -> frozenset[str]:
    """The glossary terms ('@sign') whose Vietnamese words a Vietnamese question writes (its lexical
    terms as words), each word as its narrowest term ('hội đàm': talks, not any meeting; 'đề nghị':
    proposing, which asking and suggesting share). Given the question as `spelled` with its
    diacritics, a word counts only as spelled there: the 'kỳ' of 'kỳ họp' or 'Hoa Kỳ' folds to the
    'ký' of signing, and is none."""
    present = set(words_of_question)
    lowered = normalize(spelled).lower() if spelled is not None else None
    narrowest: dict[str, tuple[int, str]] = {}
    for english, vietnamese in EN_TO_VI.items():
        for word in vietnamese:
            wider = word in narrowest and narrowest[word][0] <= len(vietnamese)
            if lowered is not None and not _as_spelled(word).search(lowered):
                continue
            if set(_lexical(word)) <= present and not wider:
                narrowest[word] = (len(vietnamese), f"@{english}")
    return frozenset(term for _, term in narrowest.values())


def vietnamese_terms(question: str) -> list[str]:
    """The lexical terms (folded unigrams, or syllable pairs of longer words, as the index holds them)
    of the Vietnamese words for the English terms `question` uses."""
    text = question.lower()
    terms: list[str] = []
    for _, pattern, vietnamese in _patterns():
        if pattern.search(text):
            for word in vietnamese:
                terms += _lexical(word)
    return list(dict.fromkeys(terms))
