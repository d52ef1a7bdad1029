"""Which language a question is in: 'vi' or 'en'.

langdetect (seeded, so it is deterministic) misreads Vietnamese typed without diacritics, so a
rule comes first: text with Vietnamese letters is Vietnamese; ASCII text whose words are mostly
well-formed Vietnamese syllables, and not English function words, is Vietnamese too. A partner's
name that only one language writes that way (CLDR: 'Campuchia', 'Ấn Độ' / 'Cambodia', 'India')
counts as a word of that language, so 'Campuchia' or 'to lam tham an do' alone read right.
"""

from __future__ import annotations

import re
import threading

from retrieval.partners import name_languages
from retrieval.stopwords import EN_STOPWORDS
from retrieval.text import fold

_VI_LETTERS = re.compile(r"[ăâđêôơưạảãàáặẳẵằắậẩẫầấẹẻẽèéệểễềếịỉĩìíọỏõòóộổỗồốợởỡờớụủũùúựửữừứỵỷỹỳý]", re.I)
# onset + vowel nucleus + coda of a Vietnamese syllable, written without diacritics
_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(uye|uya|uyu|oai|oay|uay|uoi|uou|ieu|yeu|oeo|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|ua|ue|ui|uo|uu|uy|ye|[aeiouy])"
    r"(ch|ng|nh|[cmnpt])?$"
)


def could_be_vietnamese(folded: str) -> bool:
    """Could a folded token be a Vietnamese syllable written without diacritics (onset, nucleus,
    coda)? 'unodc' and 'interpol' cannot; 'vang' can."""
    return bool(_SYLLABLE.match(folded))


_VI_FUNCTION_WORDS = frozenset(
    [
        "va",
        "voi",
        "cua",
        "cac",
        "nhung",
        "la",
        "gi",
        "nao",
        "ai",
        "khi",
        "dau",
        "bao",
        "nhieu",
        "duoc",
        "da",
        "se",
        "dang",
        "ve",
        "tai",
        "tu",
        "den",
        "cho",
        "trong",
        "nam",
        "thang",
        "ngay",
        "hop",
        "tac",
        "ky",
        "ket",
        "bo",
        "cong",
        "an",
        "truong",
        "viet",
        # greetings and thanks of chat ('cảm ơn bạn', 'chào'), so short messages are read right
        "cam",
        "chao",
        "ban",
        "khoe",
    ]
)
# 'cảm ơn', 'xin chào', 'tạm biệt' typed without diacritics: 'on' would otherwise count as English
_VI_CHAT_PHRASE = re.compile(r"\b(?:cam on|cam to|xin chao|tam biet)\b")
# English chat words that are not function words but are well-formed Vietnamese syllables ('hi')
_EN_CHAT_WORDS = frozenset(["hi", "hey", "hello", "thanks", "thank", "bye", "goodbye"])
_detect_lock = threading.Lock()
_seeded = False


def detect_language(text: str) -> str:
    """'vi' or 'en' (the two languages the bot answers in)."""
    if _VI_LETTERS.search(text):
        return "en" if _english_around_names(text) else "vi"
    tokens = re.findall(r"[a-z]+", fold(text))
    if not tokens:
        return "vi"
    if _VI_CHAT_PHRASE.search(" ".join(tokens)):
        return "vi"
    names = name_languages(tokens)
    in_names = {i for start, end, _ in names for i in range(start, end)}
    rest = [t for i, t in enumerate(tokens) if i not in in_names]
    vi_name_tokens = sum(end - start for start, end, lang in names if lang == "vi")
    syllables = vi_name_tokens + sum(1 for t in rest if _SYLLABLE.match(t) and t not in EN_STOPWORDS)
    vi_words = sum(1 for *_, lang in names if lang == "vi") + sum(1 for t in rest if t in _VI_FUNCTION_WORDS)
    en_words = sum(1 for *_, lang in names if lang == "en") + sum(
        1 for t in rest if t in EN_STOPWORDS or t in _EN_CHAT_WORDS
    )
    if syllables / len(tokens) >= 0.6 and vi_words >= en_words:
        return "vi"
    if en_words > 0:
        return "en"
    return _langdetect(text)


def _english_around_names(text: str) -> bool:
    """An English question quoting a Vietnamese name as written ('Who is Tô Lâm?', 'What did Lương Tam
    Quang sign?'): Vietnamese letters only in capitalised words, English function words around them
    and no Vietnamese one."""
    words = re.findall(r"\w+", text)
    if any(_VI_LETTERS.search(w) and not w[:1].isupper() for w in words):
        return False
    rest = [fold(w) for w in words if not _VI_LETTERS.search(w)]
    return any(w in EN_STOPWORDS for w in rest) and not any(w in _VI_FUNCTION_WORDS for w in rest)


def load_detector() -> None:
    """Load langdetect's language profiles now (about 0.3 s) rather than in the first question that needs them."""
    _langdetect("warm up")


def _langdetect(text: str) -> str:
    global _seeded
    from langdetect import DetectorFactory, LangDetectException, detect

    with _detect_lock:
        if not _seeded:
            DetectorFactory.seed = 0  # langdetect is random unless seeded
            _seeded = True
        try:
            return "vi" if detect(text) == "vi" else "en"
        except LangDetectException:
            return "en"


def text_language(text: str) -> str:
    """'vi' or 'en' for an article: Vietnamese when a good share of its words carry Vietnamese letters.

    A share, not a single letter: English articles quote Vietnamese names ('Tô Lâm').
    """
    sample = text[:3000]
    tokens = re.findall(r"\w+", sample)
    if not tokens:
        return "vi"
    marked = sum(1 for t in tokens if _VI_LETTERS.search(t))
    return "vi" if marked / len(tokens) >= 0.3 else "en"  # Vietnamese prose: over half its words
