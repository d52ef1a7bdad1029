"""Signed, or only meant to be: the modality of a signing a sentence reports.

News of the field reports signings done ('hai bên đã ký kết Bản ghi nhớ', 'the two sides signed')
and signings proposed or planned ('đề nghị hai bên sớm ký kết …', 'nhằm sớm ký kết các văn kiện',
'proposed that the ministries sign …'). Both write the verb, so a question about what was signed
matched both alike. Vietnamese marks an unrealised event with words before the verb in its clause
(sẽ 'will', sớm 'soon', tiến tới 'towards', nhằm 'in order to', đề nghị 'propose', …) and a realised
one with đã; English with a modal or 'to' before the base form, or a verb of proposing.

A signing is also only described, not reported, when the verb follows the document it qualifies
inside a clause that is about something else, and does not date it: 'triển khai hiệu quả các văn
bản hợp tác đã ký' (implementing the documents signed), 'trên cơ sở Ý định thư được ký kết'. Dated
('Bản ghi nhớ ký tháng 11/2022 tại Minsk'), it still tells what was signed and when. Vietnamese and
English both put the object after the verb when they report an act ('hai bên đã ký kết Ý định
thư'); a document before the verb, and not opening its clause (where it would be the subject of a
passive report: 'Bản ghi nhớ đã được ký kết ngày 3/12'), heads a relative clause.

English's present perfect ('The two countries have already signed several legal documents') tells
a signing done but not when: undated, it answers what was signed, not what was signed in a time.
"""

from __future__ import annotations

import functools
import re

from retrieval.glossary import DOCUMENT_KINDS
from retrieval.text import normalize, sentence_spans

# words before the verb, in its clause, that make the signing one not (yet) done
_INTENDED_VI = (
    r"sẽ|sớm|chưa|tiến tới|hướng tới|nhằm|đề nghị|đề xuất|mong muốn|chuẩn bị|dự kiến|thúc đẩy|đàm phán|xem xét"
)
_INTENDED_EN = (
    r"will|would|shall|should|could|can|may|(?-i:to)|towards?|propos\w*|plan\w*|intend\w*|hop\w*|aim\w*|agree\w* to"
)
# not 'Thư ký' (secretary), nor 'mở ký' (a convention opened for signature: 'Lễ mở ký Công ước Hà Nội'
# is a ceremony many states attend, not a signing between two of them)
_SIGN_VI = re.compile(r"(?<!\w)(?<!thư )(?<!mở )ký(?: kết)?(?!\w)", re.IGNORECASE)
_SIGN_EN = re.compile(r"\bsign(?:s|ed|ing)?\b", re.IGNORECASE)
# 'conclude' is English's formal verb for making a treaty ('the pact their countries had just
# concluded'), but only with the document in its clause: talks and visits conclude too
_CONCLUDE_EN = re.compile(r"\bconclud(?:e|es|ed|ing)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:.!?()“”\"]")
_INTENDED = re.compile(rf"(?<!\w)(?:{_INTENDED_VI}|{_INTENDED_EN})(?!\w)", re.IGNORECASE)
_BE_BEFORE = re.compile(r"\bbe\s+$", re.IGNORECASE)  # 'will be signed', 'to be signed'
_DONE_BEFORE = re.compile(r"(?<!\w)(?:đã|vừa|đã được)\s*$", re.IGNORECASE)


_DOCUMENT_EN = r"agreements?|memorand(?:um|a)|treat(?:y|ies)|plans?|documents?|protocols?|mous?|letters? of intent"
_DOCUMENT_IN_CLAUSE = re.compile(rf"\b(?:{_DOCUMENT_EN}|pacts?|accords?|conventions?|deals?)\b", re.IGNORECASE)
# a document, up to four words qualifying it, and the auxiliary of a relative clause, right before the verb
# (in both tone placements: 'thỏa thuận', 'thoả thuận')
_DOCUMENT_BEFORE = re.compile(
    rf"(?<!\w)(?:{'|'.join(re.escape(kind) for kind in sorted({*DOCUMENT_KINDS, *map(normalize, DOCUMENT_KINDS)}))}"
    rf"|{_DOCUMENT_EN})(?!\w)"
    r"(?:\s+[\w-]+){0,4}?"
    r"\s+(?:(?:đã|được|vừa|đã được|that|which|that were|which were|that was|which was)\s+)?$",
    re.IGNORECASE,
)
_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "these", "those", "các", "những", "bản"])
_MAIN_CLAUSE_AUXILIARIES = re.compile(r"\b(?:has|have|had|been|is|are|was|were)\b", re.IGNORECASE)
_DATED = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}\s*/\s*\d{1,2}\b")  # a year, a day/month


@functools.lru_cache(maxsize=32768)  # the same sentences are read question after question
def _signing_verbs(text: str) -> tuple[re.Match[str], ...]:
    """Where `text` writes the signing verb, in either language ('ký kết', 'signed', 'concluded' a
    treaty; not 'Thư ký')."""
    concluded = [m for m in _CONCLUDE_EN.finditer(text) if _DOCUMENT_IN_CLAUSE.search(_clause_around(text, m))]
    return (*_SIGN_VI.finditer(text), *_SIGN_EN.finditer(text), *concluded)


def _clause_around(text: str, verb: re.Match[str]) -> str:
    return _CLAUSE_BREAK.split(text[: verb.start()])[-1] + " " + _CLAUSE_BREAK.split(text[verb.end() :])[0]


def writes_signing(sentence: str) -> bool:
    """Does `sentence` write the signing verb ('ký kết', 'signed'), not only inside another word ('Thư
    ký') or a ceremony's name ('Lễ mở ký Công ước': a convention opened for signature)?"""
    return bool(_signing_verbs(sentence))


@functools.lru_cache(maxsize=32768)  # sentences are read again question after question
def signing_not_reported(sentence: str) -> bool:
    """Does `sentence` write the signing verb, and each time as an act not yet done or as a
    description of a document signed before ('các văn bản hợp tác đã ký')?"""
    verbs = _signing_verbs(sentence)
    return bool(verbs) and all(_intended(sentence, m) or _described(sentence, m) for m in verbs)


def _described(sentence: str, verb: re.Match[str]) -> bool:
    clause = _CLAUSE_BREAK.split(sentence[: verb.start()])[-1]
    document = _DOCUMENT_BEFORE.search(clause)
    if document is None or _MAIN_CLAUSE_AUXILIARIES.search(document.group()):  # 'The agreement has been signed'
        return False
    if _DATED.search(_CLAUSE_BREAK.split(sentence[verb.end() :])[0]):  # 'Bản ghi nhớ ký năm 2017': when it was
        return False
    opening = [w for w in clause[: document.start()].split() if w.lower() not in _DETERMINERS]
    return bool(opening)  # a clause opening with the document is its passive report


# English's present perfect: 'have already signed', 'has signed' (not 'had been signed to')
_PERFECT_BEFORE = re.compile(r"\b(?:have|has)(?:\s+(?:already|also|now|recently|so far|since))*\s+$", re.IGNORECASE)


@functools.lru_cache(maxsize=32768)  # sentences are read again question after question
def signed_at_no_time(sentence: str) -> bool:
    """Does `sentence` write the signing verb only in English's present perfect and date no signing
    ('The two countries have already signed several legal documents')? The perfect tells a signing
    done, not when: a 2024 report saying it dates no signing in 2024."""
    verbs = _signing_verbs(sentence)
    return bool(verbs) and all(
        _PERFECT_BEFORE.search(sentence[: m.start()]) and not _DATED.search(_clause_around(sentence, m)) for m in verbs
    )


@functools.lru_cache(maxsize=32768)  # sentences are read again question after question
def signing_only_intended(sentence: str) -> bool:
    """Does `sentence` write the signing verb, and each time as an act not yet done?"""
    verbs = _signing_verbs(sentence)
    return bool(verbs) and all(_intended(sentence, m) for m in verbs)


def _intended(sentence: str, verb: re.Match[str]) -> bool:
    before = sentence[: verb.start()]
    if _DONE_BEFORE.search(before):
        return False
    if verb.group().lower() == "signed" and not _BE_BEFORE.search(before):  # 'signed', 'has been signed'
        return False
    clause = _CLAUSE_BREAK.split(before)[-1]
    return _INTENDED.search(clause) is not None


def asks_done(question: str) -> bool:
    """Does the question ask about a signing done ('Việt Nam ký gì với Belarus?', 'What did they
    sign?'), not one planned or proposed ('… sẽ ký gì?', 'What did he propose to sign?')?"""
    return writes_signing(question) and not signing_only_intended(question)


def reports_signing(text: str) -> bool:
    """Does some sentence of `text` report a signing done, not only one proposed or planned, nor only
    describe documents signed at some time it does not say ('triển khai các văn kiện đã ký')?"""
    sentences = (text[start:end] for start, end in sentence_spans(text))
    return any(writes_signing(sentence) and not signing_not_reported(sentence) for sentence in sentences)
