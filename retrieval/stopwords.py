"""Word lists: function words that carry no topic, in Vietnamese (folded) and English, and phatic phrases.

Data only, kept apart from the code that uses it. Function words are a closed class in both
languages, so a fixed list is the linguistic fact itself, not a fit to particular questions.
"""

from __future__ import annotations

# Vietnamese function words and question words, folded ('gì' -> 'gi', 'những' -> 'nhung').
VI_STOPWORDS = frozenset(
    """
    a ai ay bao bay bi boi cac cai can chi cho chua co con cua cung da de den deu do duoc gi gio hay khi khong
    la lai len luc ma moi mot muon nao nay neu nhieu nhu nhung no nua o ong ra rang rat roi sao se tai the
    theo thi tren trong tu tung va vao ve vi voi vua xin biet dau nhe
    """.split()
)

# English function words and question words.
EN_STOPWORDS = frozenset(
    """
    a an the of to in on at for with by from about into over after before between and or but not no is are was
    were be been being do does did done has have had having will would shall should can could may might must
    what which who whom whose when where why how that this these those it its they them their there here as
    than then so such any anything some something all both each other more most much many vietnam's country's
    i you he she we me my your his her our us please tell show give list find s also only just very up out if
    whether ever yet
    """.split()
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
)
