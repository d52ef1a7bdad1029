"""The ministry every answer is about: Vietnam's Ministry of Public Security (Bộ Công an).

The articles report its cooperation; an article that never names it (the Ministry of Defence
meeting Kazakhstan's defence minister) can be close in wording to a question about it and still not
answer it. The ministry is named by its forces' word ('công an': Bộ Công an, Công an nhân dân,
lực lượng Công an) or, in English, 'public security', or by its initials (BCA: Bộ Công an). These
are the ministry's own names, the subject of the product, not a list fitted to questions.
"""

from __future__ import annotations

import re

from retrieval.text import fold

_NAMES = re.compile(r"\b(?:cong an|public security|bca)\b")


def names_ministry(text: str) -> bool:
    """Does `text` name the Ministry of Public Security or its forces (any case, with or without diacritics)?"""
    return bool(_NAMES.search(fold(text)))


# the ministry as a question names it, 'the ministry' alone included: what is left says what is asked
_AS_ASKED = re.compile(
    r"\b(?:(?:the )?ministry(?: of public security)?|public security(?: ministry)?|(?:bo )?cong an|bca|mps)\b"
)


def ministry_words(folded: str) -> frozenset[str]:
    """The words with which folded `folded` names the ministry ('ministry', 'public', 'security')."""
    return frozenset(word for match in _AS_ASKED.finditer(folded) for word in match.group().split())


def without_ministry(folded: str) -> str:
    """Folded `folded` text without the ministry's names ('What did the ministry do?' -> 'What did do?')."""
    return _AS_ASKED.sub(" ", folded)


# the parties to the meetings the articles report, named generically: the minister, the partner and
# its counterpart body ('Singapore's Ministry of Home Affairs', 'Bộ Nội vụ'), 'both sides', 'together'.
# Such words say who met, not what happened between them
_PARTIES = re.compile(
    r"\b(?:ministers?|ministries|home affairs|interior|partners?|counterparts?|both sides|together"
    r"|bo truong|doi tac|hai ben|noi vu)\b"
)


def without_parties(folded: str) -> str:
    """Folded text without the ministry's names nor the generic names of the parties to its meetings
    ('What did the minister do with partners?' -> 'What did do with?')."""
    return _PARTIES.sub(" ", without_ministry(folded))
