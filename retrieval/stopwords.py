"""Word lists: function words that carry no topic, in Vietnamese (folded) and English, and phatic phrases.

Data only, kept apart from the code that uses it. Function words are a closed class in both
languages, so a fixed list is the linguistic fact itself, not a fit to particular questions.
"""

from __future__ import annotations

# Vietnamese function words and question words, folded ('gì' -> 'gi', 'những' -> 'nhung').
VI_STOPWORDS = frozenset(
    [
        "a",
        "ai",
        "ay",
        "bao",
        "bay",
        "bi",
        "boi",
        "cac",
        "cai",
        "can",
        "chi",
        "cho",
        "chua",
        "co",
        "con",
        "cua",
        "cung",
        "da",
        "de",
        "den",
        "deu",
        "do",
        "duoc",
        "gi",
        "gio",
        "hay",
        "khi",
        "khong",
        "la",
        "lai",
        "len",
        "luc",
        "ma",
        "moi",
        "mot",
        "muon",
        "nao",
        "nay",
        "neu",
        "nhieu",
        "nhu",
        "nhung",
        "no",
        "nua",
        "o",
        "ong",
        "ra",
        "rang",
        "rat",
        "roi",
        "sao",
        "se",
        "tai",
        "the",
        "theo",
        "thi",
        "tren",
        "trong",
        "tu",
        "tung",
        "va",
        "vao",
        "ve",
        "vi",
        "voi",
        "vua",
        "xin",
        "biet",
        "dau",
        "nhe",
    ]
)

# Deictic words of time ('hôm nay' = today): the time filter's job, never a topic.
VI_TIME_DEICTICS = frozenset(["hom", "nay", "mai", "qua", "nam_nay", "hom_nay"])
EN_TIME_DEICTICS = frozenset(["today", "tomorrow", "yesterday", "now", "tonight"])

# Month and weekday names (folded): time, never a topic or a name.
CALENDAR_WORDS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)

# Nouns for a person or the holder of an office (folded, both languages; English also as plurals): a
# question that asks 'which' or 'nào' of one asks who ('Which minister …?', '… gặp lãnh đạo nào?')
PERSON_NOUNS = frozenset(
    [
        "person",
        "people",
        "official",
        "officer",
        "leader",
        "chief",
        "head",
        "minister",
        "ambassador",
        "secretary",
        "director",
        "president",
        "general",
        "guest",
        "counterpart",
        "nguoi",
        "vi",
        "ong",
        "ba",
        "quan chuc",
        "lanh dao",
        "bo truong",
        "thu truong",
        "dai su",
        "tuong",
        "khach",
    ]
)

# Personal pronouns of conversation ('bạn', 'tôi'): addressing the bot is not a topic.
PRONOUNS = frozenset(["ban", "toi", "minh", "you", "i", "me"])
# Generic words for what happened: light verbs ('làm', 'do', 'diễn ra', 'happen') and nouns for any
# event or news ('sự kiện', 'hoạt động', 'tin tức', 'events', 'news'); and the words for a meeting,
# the event every article of the field reports ('gặp', 'tiếp xúc', 'meet', 'hold', 'contacts'). A
# question made of these and a time ('What happened in 2019?', 'Năm 2019 có sự kiện gì?') asks for
# everything in that time; with a partner ('What meetings were held with Singapore?'), for its events.
GENERIC_EVENT_WORDS = frozenset(
    [
        "lam", "dien", "ra", "xay", "hoat", "dong", "su", "kien", "tin", "tuc", "viec", "nhung",
        "happen", "happened", "happens", "happening", "do", "did", "does", "done", "doing",
        "event", "events", "news", "activity", "activities", "anything", "something", "going",
        "gap", "go", "tiep", "xuc", "meet", "met", "meeting", "meetings", "hold", "held", "contact", "contacts",
    ]
)  # fmt: skip
# Verbs of saying and mentioning (folded, syllables joined by spaces): in a question about the articles
# ('… được nhắc đến thế nào?', 'bài báo đề cập gì?') they refer to the articles, not to the subject.
VI_REPORTING_VERBS = frozenset(["nhac", "nhac den", "nhac toi", "de cap", "noi", "noi den", "ke", "viet", "dua tin"])

# English function words and question words.
EN_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "about",
        "into",
        "over",
        "after",
        "before",
        "between",
        "and",
        "or",
        "but",
        "not",
        "no",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "do",
        "does",
        "did",
        "done",
        "has",
        "have",
        "had",
        "having",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "how",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "they",
        "them",
        "their",
        "there",
        "here",
        "as",
        "than",
        "then",
        "so",
        "such",
        "any",
        "anything",
        "some",
        "something",
        "all",
        "both",
        "each",
        "other",
        "more",
        "most",
        "much",
        "many",
        "vietnam's",
        "country's",
        "i",
        "you",
        "he",
        "she",
        "we",
        "me",
        "my",
        "your",
        "his",
        "her",
        "our",
        "us",
        "please",
        "tell",
        "show",
        "give",
        "list",
        "find",
        "s",
        "also",
        "only",
        "just",
        "very",
        "up",
        "out",
        "if",
        "whether",
        "ever",
        "yet",
    ]
)

# Greetings, thanks, farewells and small talk (folded): a message made only of these is chit-chat.
PHATIC_PHRASES = (
    "xin chao",
    "chao ban",
    "chao",
    "cam on",
    "cam on ban",
    "cam on nhieu",
    "tam biet",
    "ban khoe khong",
    "khoe khong",
    "ban la ai",
    "hello",
    "hi",
    "hey",
    "good morning",
    "good evening",
    "thanks",
    "thank you",
    "thank you very much",
    "bye",
    "goodbye",
    "how are you",
    "who are you",
    "ok",
    "okay",
    "tks",
    "thx",
)
# Words about the bot itself and its articles (folded): a message of only these and function words
# ('help', 'Which partners do the articles cover?', 'Có bao nhiêu bài báo?') asks what the chit-chat
# reply tells, the articles' count, span and partners, not something the articles report
ABOUT_THE_BOT = frozenset(
    [
        *("help", "article", "articles", "cover", "covers", "covered", "partner", "partners", "source", "sources"),
        *("bai", "tro", "giup", "nguon"),  # bài (báo), trợ giúp, nguồn; not 'báo', which folds to 'bảo'
    ]
)
# thanks, which a chit-chat reply answers with "you're welcome"
THANKS_PHRASES = ("cam on", "thanks", "thank you", "tks", "thx")
# a thanks or a greeting followed by a few words is still one ('Thanks a lot', 'Cảm ơn, rất hữu ích'),
# unless those words ask something; 'ok', 'hi', 'chào' open too many other things to count here
PHATIC_OPENERS = (*THANKS_PHRASES, "xin chao", "tam biet", "hello", "goodbye")
GREETING_PHRASES = ("xin chao", "chao", "hello", "hi", "hey", "good morning", "good evening")
# the two languages' question words (folded)
QUESTION_WORDS = frozenset(
    [
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "which",
        "why",
        "how",
        "ai",
        "gi",
        "nao",
        "dau",
        "sao",
        "bao",
        "nhieu",
    ]
)
PHATIC_REMARK_WORDS = 3  # words after the thanks or greeting, at most
