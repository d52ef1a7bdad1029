"""Partners: the countries and organisations an article or a question names, in Vietnamese or English.

Country names come from CLDR (Babel's territory names in `vi` and `en`), so every country is known
in both languages without a hand-typed gazetteer. On top of CLDR sit two short lists that CLDR
cannot give: the names the Vietnamese press uses beside the official one ('Mỹ', 'Liên bang Nga'),
and the international organisations the ministry works with.

A partner is identified by a key (ISO 3166 code, or the organisation's acronym) and shown with
`partner_name(key, lang)`. A Vietnamese name of one syllable ('Nga', 'Lào', 'Pháp', 'Đức') is also
an ordinary word or a given name, so it counts only when used as a name (see `_is_name_use`).
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from retrieval import transliteration
from retrieval.text import fold, normalize

# Names in common press use that CLDR does not list (key -> Vietnamese aliases, English aliases).
PRESS_ALIASES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "US": (("Mỹ", "Hoa Kỳ"), ("US", "USA", "U.S.", "America", "United States of America")),
    "RU": (("Liên bang Nga", "LB Nga"), ("Russian Federation",)),
    "GB": (("Anh", "nước Anh", "Anh Quốc"), ("UK", "Britain", "Great Britain", "England")),
    "AU": (("Úc", "Ô-xtrây-li-a"), ()),
    "JP": (("Nhật",), ()),
    "KR": (("Hàn", "HQ"), ("Korea", "Republic of Korea")),
    "CN": (("TQ",), ()),  # the initials Vietnamese writes for Trung Quốc, as LHQ for Liên Hợp Quốc
    "IT": (("Italia", "Ý"), ()),
    "DE": (("CHLB Đức",), ()),
    "CZ": (("Cộng hòa Séc", "CH Séc", "Czech"), ("Czech Republic", "Czech")),
    "IL": (("I-xra-en",), ()),
    "TR": ((), ("Turkey",)),
    "NL": ((), ("Holland",)),
    "MM": ((), ("Burma",)),
    "LA": ((), ("Lao PDR",)),
    "AE": (("UAE", "Các Tiểu vương quốc Ả Rập Thống nhất"), ("UAE",)),
    "LK": (("Xri Lan-ca",), ()),
    "SG": (("Xin-ga-po",), ()),
    "BY": (("Bê-la-rút",), ()),
    "CU": (("La Habana",), ()),
    "EU": (("EU", "Liên minh châu Âu"), ("EU",)),
    "UN": (("LHQ", "Liên Hợp Quốc"), ("UN",)),
}
# What English adds to a country's name, less its last letters, to form the demonym: Slovak(ia),
# Russia-n, Hungar(y)-ian, Chin(a)-ese, Swed(en)-ish, Pakistan-i, Norw(ay)-egian. The bare
# shortening ('Slovak', 'Czech') is also a given name ('Roman' Golovchenko is no Romanian), so it
# counts only where CLDR names it as an official language of that country (see _official_languages)
# or where it is the singular of a plural name ('Philippine' of 'Philippines')
DEMONYM_ENDINGS = frozenset(["", "n", "an", "ian", "ean", "ese", "ish", "i", "ic", "egian"])
# Demonyms that English does not form by adding a suffix to the country's name.
IRREGULAR_DEMONYMS: dict[str, str] = {
    "british": "GB",
    "dutch": "NL",
    "french": "FR",
    "spanish": "ES",
    "swiss": "CH",
    "filipino": "PH",
    "lao": "LA",
    "thai": "TH",
    "danish": "DK",
    "finnish": "FI",
    "polish": "PL",
    "turkish": "TR",
    "czech": "CZ",
    "greek": "GR",
    "irish": "IE",
    "norwegian": "NO",
    "swedish": "SE",
    "chinese": "CN",
    "vietnamese": "VN",
    # the -stan countries drop it: Kazakh(stan)
    "kazakh": "KZ",
    "uzbek": "UZ",
    "kyrgyz": "KG",
    "tajik": "TJ",
    "turkmen": "TM",
    "afghan": "AF",
}
# International organisations: key -> (Vietnamese names, English names).
ORGANISATIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ASEAN": (("ASEAN",), ("ASEAN",)),
    "ASEANAPOL": (("ASEANAPOL",), ("ASEANAPOL",)),
    "INTERPOL": (("INTERPOL", "Interpol"), ("INTERPOL", "Interpol")),
    "EUROPOL": (("Europol", "EUROPOL"), ("Europol", "EUROPOL")),
    "UNODC": (("UNODC",), ("UNODC",)),
}
HOME = "VN"  # the ministry's own country is never a partner
# Where the ministry receives its guests: the capital and the largest city, in both languages (folded)
HOME_CITIES = ("ha noi", "hanoi", "ho chi minh", "tp.hcm", "tphcm")
# English verbs of going, in their forms, that take a destination ('went to', 'went where')
_GOING = r"go|goes|going|gone|went|fly|flies|flew|flown|head|heads|headed"
# Going to a partner ('đoàn sang Indonesia', 'thăm Cuba', 'a visit to Laos', 'visited Egypt'), folded:
# a verb or preposition of travel right before the partner's name
_TRAVEL_TO = (
    r"(?:sang|tham|den|toi|di|visit(?:ed|ing|s)?(?: to)?|trip to|travel(?:l?ed|l?ing|s)? to"
    rf"|(?:{_GOING}|flying) to)"
)
# Words before a one-syllable name that show a country is meant: 'với Nga', 'nước Pháp', 'phía Lào'.
NAME_CUES = frozenset(
    [
        "voi",
        "nuoc",
        "cua",
        "va",
        "tai",
        "sang",
        "den",
        "tham",
        "phia",
        "ban",
        "hoa",
        "bo",
        "giua",
        "bang",
        "vu",
        "quoc",
        "sat",
        "ninh",
        "gia",
        "nam",
        "su",  # 'đại sứ Đức'
    ]
)
# Words after a one-syllable name that make it an ordinary compound: 'pháp luật', 'Ý định', 'lao động'.
COMPOUND_AFTER = {
    "phap": {"luat", "ly", "che", "quyen", "dinh", "nhan", "dien", "lenh"},
    "y": {"dinh", "kien", "nghia", "thuc", "chi", "tuong", "te"},
    "ao": {"giap", "mua", "dai", "quan"},
    "duc": {"tinh"},
    "lao": {"dong", "dao"},
    "nga": {"ba", "nghieng", "xuong"},
    "my": {"thuat", "pham", "man"},
    "nhat": {"tri", "dinh", "la", "the", "quan", "thiet"},
    "uc": {"che"},
    "anh": {"huong", "sang", "em", "chi", "hung"},
    "han": {"che", "muc", "quoc"},
}


@dataclass(frozen=True)
class Partner:
    key: str
    vi: str  # display names
    en: str
    vi_names: tuple[str, ...]  # every Vietnamese name, normalised
    en_names: tuple[str, ...]


def _cldr_partners() -> list[Partner]:
    from babel import Locale

    vi_names, en_names = Locale("vi").territories, Locale("en").territories
    partners = []
    for key, en in en_names.items():
        if not (len(key) == 2 and key.isalpha() and key.isupper()) or key in (HOME, "ZZ", "EZ", "QO"):
            continue
        vi = vi_names.get(key, en)
        vi_alias, en_alias = PRESS_ALIASES.get(key, ((), ()))
        vi_forms = tuple(normalize(n) for n in (*_forms(vi), *vi_alias))
        partners.append(
            Partner(key, vi, en, tuple(dict.fromkeys(vi_forms)), tuple(dict.fromkeys((*_forms(en), *en_alias))))
        )
    for key, (vi_list, en_list) in ORGANISATIONS.items():
        partners.append(Partner(key, vi_list[0], en_list[0], tuple(normalize(n) for n in vi_list), en_list))
    return partners


@functools.cache
def is_country(key: str) -> bool:
    """Is the partner a country: a territory CLDR gives a population and languages, which its
    groupings ('UN', 'EU') and the organisations ('INTERPOL') are not?"""
    from babel.core import get_global

    return key in get_global("territory_languages")


def _forms(cldr_name: str) -> tuple[str, ...]:
    """A CLDR name and, for 'Myanmar (Miến Điện)' / 'Myanmar (Burma)', each of the two names it joins:
    the press writes one of them."""
    joined = re.fullmatch(r"(.+?) \((.+)\)", cldr_name)
    return (cldr_name, joined.group(1), joined.group(2)) if joined else (cldr_name,)


@functools.cache
def home_words() -> frozenset[str]:
    """Folded words of the ministry's own country's names in both languages ('viet', 'nam', 'vietnam')."""
    from babel import Locale

    return frozenset(w for lang in ("vi", "en") for w in fold(Locale(lang).territories[HOME]).split())


@functools.cache
def all_partners() -> dict[str, Partner]:
    return {p.key: p for p in _cldr_partners()}


def partner_name(key: str, lang: str) -> str:
    """How a partner is written in a reply in `lang` ('vi' or 'en')."""
    partner = all_partners().get(key)
    if partner is None:
        return key
    return partner.vi if lang == "vi" else partner.en


def partner_names(keys: Iterable[str], lang: str) -> list[str]:
    return [partner_name(k, lang) for k in keys]


def _one_syllable(folded_name: str) -> bool:
    return " " not in folded_name and "-" not in folded_name and len(folded_name) <= 5


# ---- in article text ------------------------------------------------------------------------------


@functools.cache
def _text_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """(pattern of one-word names, case-sensitive; pattern of longer names, on lower-cased text; owner).

    Longer names are unambiguous whatever their case ('Tiểu vương quốc' / 'Tiểu Vương quốc'); a
    one-word name is a name only when capitalised (and see `_is_name_use`).
    """
    owner: dict[str, str] = {}
    for p in all_partners().values():
        for name in (*p.vi_names, *p.en_names):
            key = name if _one_word(name) else name.lower()
            owner.setdefault(key, p.key)

    def pattern(names: list[str]) -> re.Pattern[str]:
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")

    single = pattern([n for n in owner if _one_word(n)])
    longer = pattern([n for n in owner if not _one_word(n)])
    return single, longer, owner


def _one_word(name: str) -> bool:
    return not re.search(r"[\s-]", name)


@functools.lru_cache(maxsize=8192)
def _mentions(text: str) -> tuple[tuple[str, int, int], ...]:
    """(key, start, end) of each partner name in normalised `text`, in order. Kept for the texts read
    again: an answer reads the titles and passages of its candidates, which the next answer mostly
    reads too."""
    single, longer, owner = _text_patterns()
    found = [(owner[m.group(0)], m.start(), m.end()) for m in single.finditer(text) if _is_name_use(text, m)]
    found += [(owner[m.group(0)], m.start(), m.end()) for m in longer.finditer(text.lower())]
    found += _spelled_mentions(text, found)
    found.sort(key=lambda mention: (mention[1], -mention[2]))  # by start, the longer of two first
    outermost: list[tuple[str, int, int]] = []
    for mention in found:  # 'Hàn' inside 'Hàn Quốc' is the same name
        if not outermost or mention[1] >= outermost[-1][2]:
            outermost.append(mention)
    return tuple(outermost)


def _spelled_mentions(text: str, named: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Partners written by sound in Vietnamese syllables ('Ca-dắc-xtan'), where no name is found."""
    spelled = []
    for spelling, start, end in transliteration.spelled_names(text):
        if any(s < end and start < e for _, s, e in named):
            continue
        key = _spelled_partner(spelling)
        if key is not None:
            spelled.append((key, start, end))
    return spelled


@functools.lru_cache(maxsize=4096)
def _spelled_partner(spelling: str) -> str | None:
    return transliteration.closest(spelling, _english_keys())


@functools.cache
def _english_keys() -> dict[str, str]:
    """Phonetic keys of the partners' English names (retrieval.transliteration) -> partner key."""
    keys: dict[str, str] = {}
    for p in all_partners().values():
        for name in p.en_names:
            keys.setdefault(transliteration.english_key(name), p.key)
    return keys


# what stands between two names of one enumeration ('Australia, Trung Quốc, Hàn Quốc và Nhật Bản')
_LIST_JOINER = re.compile(r"\s*(?:,|;|,?\s*và|,?\s*and)\s*")
LIST_MIN = 3  # names in a row that make an enumeration


@functools.lru_cache(maxsize=8192)  # asked of the same passages and titles question after question
def named_only_in_lists(text: str, key: str) -> bool:
    """Does `text` name the partner only inside enumerations of LIST_MIN or more partners (and at least once)?"""
    text = normalize(text)  # the mentions' offsets are in the normalised text: what lies between is read there too
    mentions = _mentions(text)
    runs: list[list[str]] = []
    previous_end = None
    for found, start, end in mentions:
        joined = previous_end is not None and _LIST_JOINER.fullmatch(text[previous_end:start]) is not None
        if joined:
            runs[-1].append(found)
        else:
            runs.append([found])
        previous_end = end
    with_key = [run for run in runs if key in run]
    return bool(with_key) and all(len(run) >= LIST_MIN for run in with_key)


def partners_in_text(text: str, lang: str = "vi") -> set[str]:
    """Keys of the partners an article names, in either language; in English text demonyms count too
    ('the Swedish police chief')."""
    return set(_partners_named(text, lang))


@functools.lru_cache(maxsize=8192)  # the same titles and passages are read question after question
def _partners_named(text: str, lang: str) -> frozenset[str]:
    text = normalize(text)
    found = {key for key, _, _ in _mentions(text)}
    if lang == "en":
        for word in set(re.findall(r"\b[A-Z][a-z]{3,}\b", text)):
            key = _demonym(word, word.lower())
            if key:
                found.add(key)
    found.discard(HOME)
    return frozenset(found)


def _is_name_use(text: str, m: re.Match[str]) -> bool:
    folded = fold(m.group(0))
    if not _one_syllable(folded) or (m.group(0).isupper() and len(m.group(0)) > 1):
        return True
    following = fold(text[m.end() : m.end() + 12]).split()
    if following and following[0] in COMPOUND_AFTER.get(folded, ()):
        return False
    # after a capitalised word it is part of a person's name ('Minh Đức', 'Thị Nga'), unless a cue precedes
    previous = text[max(0, m.start() - 15) : m.start()].split()
    if not previous or not previous[-1][-1:].isalnum():  # after punctuation: a list or a new clause
        return True
    return not (previous[-1][:1].isupper() and fold(previous[-1]) not in NAME_CUES)


# ---- in questions -------------------------------------------------------------------------------


@functools.cache
def _question_names() -> tuple[dict[tuple[str, ...], str], int]:
    """Folded name as a token tuple -> key, for names of every partner in both languages."""
    table: dict[tuple[str, ...], str] = {}
    for p in all_partners().values():
        for name in (*p.en_names, *p.vi_names):
            tokens = tuple(_tokens(fold(name)))
            if tokens:
                table.setdefault(tokens, p.key)
    return table, max(len(t) for t in table)


@functools.cache
def _names_by_language() -> tuple[dict[tuple[str, ...], str], int]:
    """Folded partner names as token tuples -> 'vi' or 'en', for the names only one of the two
    languages writes ('campuchia', 'an do' / 'cambodia', 'sweden'); 'belarus', 'cuba' are left out."""
    vi = {tuple(_tokens(fold(n))) for p in all_partners().values() for n in p.vi_names}
    en = {tuple(_tokens(fold(n))) for p in all_partners().values() for n in p.en_names}
    table = {**{t: "vi" for t in vi - en if t}, **{t: "en" for t in en - vi if t}}
    return table, max(len(t) for t in table)


def name_languages(tokens: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, 'vi' or 'en') of the partner names among folded word tokens that only one of the
    two languages writes that way, longest first: evidence of the language a short question is in."""
    table, longest = _names_by_language()
    return [(start, end, lang) for start, end, lang in _longest_names(tokens, table, longest) if lang is not None]


def _longest_names(
    tokens: list[str],
    table: dict[tuple[str, ...], str],
    longest: int,
    accept: Callable[[int, int], bool] = lambda start, n: True,
) -> list[tuple[int, int, str | None]]:
    """Walk `tokens` left to right, taking the longest run of tokens that `table` names and that
    `accept`s (given its start and length): (start, end, value) for each, (i, i + 1, None) for a
    token in no name."""
    spans: list[tuple[int, int, str | None]] = []
    i = 0
    while i < len(tokens):
        n = next(
            (
                n
                for n in range(min(longest, len(tokens) - i), 0, -1)
                if tuple(tokens[i : i + n]) in table and accept(i, n)
            ),
            0,
        )
        spans.append((i, i + n, table[tuple(tokens[i : i + n])]) if n else (i, i + 1, None))
        i += max(n, 1)
    return spans


def _tokens(folded: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:\.[a-z])*\.?", folded.replace("-", " "))


def partners_in_question(question: str) -> set[str]:
    """Keys of the partners a question names, in either language, with or without diacritics."""
    spaced = question.replace("-", " ")
    matches = list(re.finditer(r"[\w.]+", spaced))
    raw = [m.group() for m in matches]
    folded = [fold(t).rstrip(".") for t in raw]
    # does the word follow the one before it with nothing but spaces between ('Havana, Cuba' does not)?
    joined = [i > 0 and not spaced[matches[i - 1].end() : m.start()].strip() for i, m in enumerate(matches)]
    table, longest = _question_names()
    found: set[str] = set()
    for start, _, key in _longest_names(
        folded, table, longest, lambda i, n: n > 1 or _names_partner(raw, folded, joined, i)
    ):
        key = key or _demonym(raw[start], folded[start])  # 'Russian', 'Slovak': no name, but a demonym
        if key:
            found.add(key)
    found |= {key for key, _, _ in _spelled_mentions(normalize(question), [])}  # 'hợp tác với Ca-dắc-xtan'
    found.discard(HOME)
    return found


def _names_partner(raw: list[str], folded: list[str], joined: list[bool], i: int) -> bool:
    """A one-word match is a name unless it is a one-syllable Vietnamese word used as a word, or
    a syllable of a person's name (`joined`: each word follows the one before it with only spaces)."""
    word = folded[i]
    if not _one_syllable(word) or (raw[i].isupper() and len(word) > 1):
        return True
    if i + 1 < len(folded) and folded[i + 1] in COMPOUND_AFTER.get(word, ()):
        return False
    # capitalised, but not after another capitalised word: 'Minh Đức', 'Thị Nga' are people
    capitalised = raw[i][:1].isupper() and not (joined[i] and raw[i - 1][:1].isupper())
    # ... and a message of that one word names the partner whatever its case ('lào', 'nga'): what else
    # would it ask of the articles?
    return capitalised or (i > 0 and folded[i - 1] in NAME_CUES) or len(folded) == 1


@functools.cache
def _single_word_names() -> dict[str, str]:
    """English one-word country names (folded) -> key, for demonyms formed by a suffix."""
    return {fold(p.en): p.key for p in all_partners().values() if " " not in p.en and len(p.en) >= 4}


@functools.lru_cache(maxsize=4096)  # each word is compared with every country's name
def _demonym(raw: str, folded: str) -> str | None:
    """'Russian' -> RU, 'Hungarian' -> HU, 'Slovak' -> SK: an English demonym is the country's name,
    less at most two final letters, plus one of the usual endings ('Hung' is not one)."""
    if not raw[:1].isupper():
        return None
    if folded in IRREGULAR_DEMONYMS:
        return IRREGULAR_DEMONYMS[folded]
    if len(folded) < 4:
        return None
    best = None
    for name, key in _single_word_names().items():
        shared = next(  # letters the word shares with the name, from the start
            (i for i, (a, b) in enumerate(zip(folded, name, strict=False)) if a != b), min(len(folded), len(name))
        )
        ending = folded[shared:]
        if (
            shared >= max(4, len(name) - 2)
            and ending in DEMONYM_ENDINGS
            and (ending or name == f"{folded}s" or folded in _official_languages(key))
            and (best is None or len(name) > len(best[0]))
        ):
            best = (name, key)
    return best[1] if best else None


@functools.cache
def _official_languages(key: str) -> frozenset[str]:
    """English names (folded) of a country's official languages in CLDR: 'slovak' for SK, 'romanian' for RO."""
    from babel import Locale
    from babel.languages import get_official_languages

    names = Locale("en").languages
    return frozenset(fold(names[code]) for code in get_official_languages(key, de_facto=True) if code in names)


# ---- misspelled names -------------------------------------------------------------------------------

TYPO_MIN_CHARS = 5  # shorter words are too often one letter off some country's name
# difflib's similarity ratio: one letter added, dropped or changed in a name of seven letters or more
# ('Belarous', 'Belarut', 'Campuchea'); one changed in a five- or six-letter name ('Chain'/'China') is not
TYPO_SIMILARITY = 0.85


@functools.lru_cache(maxsize=8)
def _typo_targets(candidates: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """Folded one-word names of the candidates -> (key, display name in the name's language); the
    candidates are the corpus's partners, the same for every question of one index generation."""
    names: dict[str, tuple[str, str]] = {}
    known = all_partners()
    for key in candidates:
        if key in known:
            partner = known[key]
            for names_of, shown in ((partner.vi_names, partner.vi), (partner.en_names, partner.en)):
                for name in names_of:
                    if " " not in name and len(name) >= TYPO_MIN_CHARS:
                        names.setdefault(fold(name), (key, shown))
    return names


def misspelling_of(folded: str, known: Iterable[str]) -> str | None:
    """The word of `known` (folded) that `folded` misspells by about a letter, if any: only words of
    TYPO_MIN_CHARS or more, and only words with the same first letter (a typo seldom changes it)."""
    if len(folded) < TYPO_MIN_CHARS:
        return None
    alike = [word for word in known if word[:1] == folded[:1]]
    close = difflib.get_close_matches(folded, alike, n=1, cutoff=TYPO_SIMILARITY)
    return close[0] if close else None


def correct_partner_names(
    question: str, candidates: Iterable[str], is_word: Callable[[str], bool]
) -> tuple[str, list[str]]:
    """The question with a misspelled one-word name of a candidate partner replaced by that name, and
    the keys replaced: 'Belarous' -> 'Belarus', 'campuchea' -> 'Campuchia'. Only a word that `is_word`
    (the articles' vocabulary, folded) does not know, that is no demonym ('Israeli' names Israel as
    written) and that starts with the name's first letter (a typo seldom changes it) is corrected."""
    names = _typo_targets(tuple(candidates))
    replaced: list[str] = []

    def replace(m: re.Match[str]) -> str:
        folded = fold(m.group())
        if folded in names or is_word(folded) or _demonym(m.group(), folded):  # a name, a word, 'Israeli'
            return m.group()
        close = misspelling_of(folded, names)
        if close is None:
            return m.group()
        key, name = names[close]
        replaced.append(key)
        return name

    corrected = re.sub(r"[^\W\d_]+", replace, question)
    return corrected, list(dict.fromkeys(replaced))


def travelled_to(question: str, keys: Iterable[str]) -> frozenset[str]:
    """Those of the partners `keys` that the question says someone travelled to ('ai dẫn đầu đoàn Bộ
    Công an sang Indonesia?', 'When did To Lam visit Cuba?'); not one it names otherwise ('Đại sứ
    Indonesia', 'người Việt ở Slovakia')."""
    folded = _folded_words(question)
    known = all_partners()
    found = set()
    for key in keys:
        if key not in known:
            continue
        names = {" ".join(_tokens(fold(n).lower())) for n in (*known[key].vi_names, *known[key].en_names)}
        if any(re.search(rf"\b{_TRAVEL_TO} {re.escape(n)}\b", folded) for n in names if n):
            found.add(key)
    return frozenset(found)


# A trip whose destination is what is asked: the country questioned is the travel verb's object
# ('thăm những nước nào', 'sang nước nào', 'visited which countries', 'to which countries'), or is
# questioned before an auxiliary, as English questions an object ('Which countries did To Lam visit?'
# and not 'Which countries' ministers visited Vietnam?', whose countries are the travellers)
_ASKED_PLACE = r"(?:(?:nhung|cac) )?(?:nuoc|quoc gia) nao|(?:which|what) (?:\w+ )?(?:country|countries|nations?)"
_DESTINATION_ASKED = re.compile(
    rf"\b(?:(?:sang|tham|den|toi|di)(?: tham| lam viec tai)? (?:{_ASKED_PLACE})\b"
    rf"|{_TRAVEL_TO} (?:{_ASKED_PLACE})\b"
    r"|to (?:which|what) (?:\w+ )?(?:country|countries|nations?)\b"
    r"|(?:which|what) (?:\w+ )?(?:country|countries|nations?) (?:did|does|do|has|have|had|will) (?:\w+ ){1,6}?"
    r"(?:visit\w*|travel\w*|go|gone|went|fly|flown|flew)\b"
    r"|where (?:did|does|do|has|have|had|will) (?:\w+ ){1,6}?(?:visit\w*|travel\w*|go|gone|went|fly|flown|flew)\b)"
)


# ... or asks it after the verb, as a question may in either language ('Luong Tam Quang went where in
# 2025?', 'Bộ trưởng đi đâu năm 2025?'); read with diacritics, since 'đâu' (where) folds to 'đầu' (first)
_DESTINATION_IN_PLACE = re.compile(
    rf"\b(?:(?:visit|travel)\w*|{_GOING}) where\b"
    r"|(?<!\w)(?:đi|sang|đến|tới|thăm)(?: thăm)? (?:những )?(?:đâu|nơi nào)(?!\w)",
    re.IGNORECASE,
)


def travels_to_the_asked(question: str) -> bool:
    """Does the question ask where someone travelled ('Bộ trưởng đã thăm những nước nào năm 2024?',
    'Which countries did Luong Tam Quang visit in 2024?', 'Where did To Lam travel in 2023?')?"""
    return bool(
        _DESTINATION_ASKED.search(_folded_words(question))
        or _DESTINATION_IN_PLACE.search(" ".join(normalize(question).split()))
    )


def _folded_words(question: str) -> str:
    """The question's words, folded and in lower case, one space apart: what the travel patterns read."""
    return " ".join(_tokens(fold(normalize(question)).lower()))


# An event here: in one of HOME_CITIES, or its visitor came to Vietnam, or to the ministry's
# headquarters ('đón chính thức … tại trụ sở Bộ Công an. Ông Patrushev sang Việt Nam hai ngày …')
_HELD_HERE = re.compile(
    rf"\b(?:{'|'.join(re.escape(city) for city in HOME_CITIES)}|{_TRAVEL_TO} (?:viet nam|vietnam)|tru so bo cong an)\b"
)


def held_at_home(lead: str) -> bool:
    """Does an article's lead place its event in Vietnam ('Chiều 23/8, tại Hà Nội, …', 'HANOI - …',
    '… received … in Hanoi', '… sang Việt Nam')? Then a partner's people came to the ministry, not
    the reverse."""
    return bool(_HELD_HERE.search(re.sub(r"\s+", " ", fold(normalize(lead)).lower())))
