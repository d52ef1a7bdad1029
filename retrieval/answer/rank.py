"""Stage 4, rank sentences: the sentence of each candidate passage that answers, and the final order.

A sentence scores by its calibrated dense similarity to the question (its vector was computed at
index time) and the idf-weighted share of the question's terms and names it contains. A passage
ranks by its own score plus its best sentence's.

The question's names and partners that an article writes count as contained in each of its
sentences: the article establishes who met whom, and its later sentences refer back to them ('Ông
đề nghị phía Ba Lan …', 'Hai bên nhất trí …'), so that the sentence holding what the question asks
beyond them can outrank the lead that only names them. For the same reason a sentence is at least as
similar to the question, densely, as its article's lead (config.context_lift), unless the question
asks who: then the answer must name the person itself.

The verb a question asks about ('What did … sign?', 'ký văn bản gì') must be in its answer: in an
article that writes it, a sentence that does not loses config.predicate_penalty (and its passage
config.passage_predicate_penalty, when it is the passage's best), and a signing only proposed or
only described ('các văn bản đã ký', retrieval.modality) does not count as one. The answer to
'when' names a date: for a 'when' question, in an article that dates some of its sentences, a
sentence that names none loses config.when_penalty; for 'how many', one that writes no number (a
date's aside) loses config.quantity_penalty (and its passage config.passage_quantity_penalty); for
'who', one that names no one the question does not loses config.who_penalty; for 'which
country', one naming no country it does not (nor in an article about one) config.country_penalty.
Some questions take a fixed sentence instead of the best-scoring one: a question naming only who and
when takes the first sentence reporting the event; 'Who is …?' takes the first sentence naming the person. A section
heading or a photo caption is never the answer.

For a Vietnamese question, terms are matched as words, not syllables: a syllable found only inside
a longer word ('ký' of 'Thư ký') counts neither in the question (analyse) nor in a sentence, while
the two-syllable term ('thu_ky') still does (see retrieval.segmentation). English has no such
compounds.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from retrieval import glossary, modality
from retrieval.answer.analyse import QueryPlan, partner_name_terms
from retrieval.answer.config import RankingConfig
from retrieval.answer.dating import event_date, states_a_number, states_a_time
from retrieval.answer.retrieve import Candidate, calibrated
from retrieval.headers import is_caption
from retrieval.partners import home_words, is_country, partners_in_text
from retrieval.store import LoadedIndex
from retrieval.text import has_photo_credit, opens_with_heading, syllables_and_pairs
from retrieval.text import words as words_of

SIGNING_TERMS = frozenset(("@sign", *glossary.term_words("@sign")))  # 'ký', 'ký kết', 'signed'


@dataclass(frozen=True)
class SentenceChoice:
    start: int  # span in the passage text
    end: int
    score: float
    dense: float
    coverage: float
    lacks_verb: bool = False  # does not write the verb the question asks about, where its article does
    reports_act: bool = False  # writes the verb the question asks about, as an act done ('đã ký', not 'sẽ ký')
    lacks_number: bool = False  # writes no number but a date's, for a 'how many' question
    lacks_date: bool = False  # names no date of its own, for a 'when' question whose article dates one


def idf(index: LoadedIndex, term: str) -> float:
    """BM25's idf of a folded term; a term no passage contains gets the highest value."""
    return idf_of_count(index, index.document_frequency.get(term, 0))


def idf_of_count(index: LoadedIndex, passages_holding: int) -> float:
    n = max(index.passage_count, 1)
    return math.log(1 + (n - passages_holding + 0.5) / (passages_holding + 0.5))


def term_weights(index: LoadedIndex, plan: QueryPlan) -> dict[str, float]:
    """Terms and names of the question that the corpus knows, weighted by rarity; an English field
    term ('@sign') weighs what its Vietnamese words weigh on average (the same notion, as rare), and
    an English question's other words as rare as the most frequent of their forms ('asked' for 'ask')."""
    weights = {t: idf(index, t) for t in (*plan.terms, *plan.names) if t in index.document_frequency}
    for term in plan.field_terms if plan.lang == "en" else ():  # a Vietnamese question's are its own words
        vietnamese = [idf(index, t) for t in glossary.term_words(term)]
        weights[term] = sum(vietnamese) / len(vietnamese)
    for word in plan.english_words:
        if (holding := index.english_forms().frequency(word)) and word not in weights:
            weights[word] = idf_of_count(index, holding)
    return weights


def weights_in(lang: str, weights: dict[str, float], plan: QueryPlan) -> dict[str, float]:
    """The weighted terms of a Vietnamese question that a passage in `lang` can contain: all of them in
    Vietnamese; in English only its names, numbers and partners' English names ('ma túy' is 'drugs'
    there, 'Hà Lan' is 'Netherlands'). Counted against every Vietnamese word, a question about an
    English article fell below the answer threshold and was declined. Its field terms in English
    ('@drug': 'drugs') serve BM25 only (retrieve): counted in English sentences too, they declined
    'Việt Nam và Hà Lan hợp tác về ma túy như thế nào?', whose English article speaks of crime, and
    gained nothing on the fit sets that the passage scores had not.

    An English question's terms are names, numbers, partners' names and the Vietnamese words of its
    field terms (retrieval.glossary). Those Vietnamese words serve BM25 only: in sentences of either
    language each field term ('@sign') is one term, written in any of its words ('ký' or 'ký kết',
    'signed'), so that a sentence saying 'đã ký' has signed as much as one saying 'ký kết' (dev-qa en
    S@1 0.583 -> 0.667, tune unchanged). Also dropping the partners' English names for Vietnamese
    passages moved tune and dev-qa both ways (en R@3 0.975 -> 0.990, dev-qa en A@3 0.75 -> 0.67), so
    they are kept. Its other words, in any of their forms (plan.english_words), count for English
    passages only: 'He asked the ambassador to support …' answers 'What did he ask him to support?',
    which the lead naming everyone outscored without them."""
    if plan.lang == "en":  # its field terms stand for their Vietnamese words in both languages
        # and 'Vietnam', rare in the corpus as an English word, is 'Việt Nam' in a Vietnamese passage:
        # a name nearly all of them hold (idf about 0.2), where counted as 'vietnam' it weighed a third
        # of some questions and none of their Vietnamese sentences could hold it
        dropped = plan.translated | (home_words() | set(plan.english_words) if lang != "en" else frozenset())
        return {t: w for t, w in weights.items() if t not in dropped}
    if lang == plan.lang:
        return weights
    shared = plan.terms_shared_with(lang)
    return {t: w for t, w in weights.items() if t in shared}


def coverage(
    text: str,
    weights: dict[str, float],
    compound_tails: frozenset[str] = frozenset(),
    implied: frozenset[str] = frozenset(),
    denied: frozenset[str] = frozenset(),
) -> float:
    """Share of the question's (idf-weighted) terms that `text` contains, not counting the
    syllables it has only inside longer words, counting the `implied` terms as contained and the
    `denied` ones as not."""
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    syllables, pairs = syllables_and_pairs(text)
    present = ((syllables - compound_tails) | pairs | implied) - denied
    return sum(w for t, w in weights.items() if t in present) / total


def passage_scores(candidates: list[Candidate], plan: QueryPlan, config: RankingConfig) -> None:
    lexical_weight = config.ascii_lexical_weight if plan.without_diacritics else config.lexical_weight
    for c in candidates:
        c.score = config.dense_weight * c.dense + lexical_weight * c.lexical


def rank_sentences(
    index: LoadedIndex,
    plan: QueryPlan,
    query: np.ndarray | None,
    candidates: list[Candidate],
    config: RankingConfig,
) -> list[tuple[Candidate, SentenceChoice]]:
    """The best-scoring passages with their answering sentence, best first."""
    passage_scores(candidates, plan, config)
    by_score = sorted(candidates, key=lambda c: -c.score)
    shortlist = by_score[: config.ranked_passages]
    # 'the most recent …', a list in a time: the best passage of each of their articles is ranked,
    # however it scores (an article in the other language scores lower, matching only by names)
    ranked_docs = {c.passage.doc for c in shortlist if c.each_article}
    for c in by_score[config.ranked_passages :]:
        if c.each_article and c.passage.doc not in ranked_docs:
            shortlist.append(c)
            ranked_docs.add(c.passage.doc)
    if plan.asks_what_happened:  # 'What happened in 2025?': and each asked article's first passage, which reports it
        first: dict[str, Candidate] = {}
        for c in candidates:
            asked = c.each_article if not plan.partners else bool(c.article.main_partners & plan.partners)
            if asked and (c.passage.doc not in first or c.passage.start < first[c.passage.doc].passage.start):
                first[c.passage.doc] = c
        listed = {id(c) for c in shortlist}
        shortlist += [c for c in first.values() if id(c) not in listed]
    weights = term_weights(index, plan)
    by_language = {lang: weights_in(lang, weights, plan) for lang in {c.passage.lang for c in shortlist}}
    by_word = plan.lang == "vi"  # the plan's terms are already words (analyse)
    identifying = frozenset(plan.names) | partner_name_terms(plan.partners)
    ranked = []
    verbs = _predicates_written(index, plan, shortlist)
    asks_act = plan.asks_an_act()
    # articles that date some sentence of their own: in those, a 'when' answer is one of them
    dated = {c.passage.doc for c in shortlist if states_a_time(plan, c.passage, 0, len(c.passage.text))}
    leads = _lead_similarities(index, plan, query, shortlist, config)
    for cand in shortlist:
        established = _established(index, plan, cand, identifying)
        predicates = verbs.get(cand.passage.doc, frozenset())
        choice = best_sentence(
            index,
            plan,
            query,
            cand,
            by_language[cand.passage.lang],
            config,
            by_word,
            established,
            predicates,
            plan.asks_when and not plan.asks_quantity and cand.passage.doc in dated,
            plan.asks_quantity,
            leads.get(cand.passage.doc),
        )
        cand.score = config.passage_weight * cand.score + choice.score
        if choice.lacks_verb:
            cand.score -= config.act_passage_penalty if asks_act else config.passage_predicate_penalty
        if choice.lacks_number:
            cand.score -= config.passage_quantity_penalty
        if choice.lacks_date:
            cand.score -= config.passage_when_penalty
        ranked.append((cand, choice))
    ranked.sort(key=lambda pair: -pair[0].score)
    return ranked


def best_sentence(
    index: LoadedIndex,
    plan: QueryPlan,
    query: np.ndarray | None,
    cand: Candidate,
    weights: dict[str, float],
    config: RankingConfig,
    by_word: bool = False,
    established: frozenset[str] = frozenset(),
    predicates: frozenset[str] = frozenset(),
    needs_date: bool = False,
    needs_number: bool = False,
    lead_z: float | None = None,
) -> SentenceChoice:
    """The passage's sentence that best answers; one that does not write the verb the question asks
    about (`predicates`: '@sign' of 'What did … sign?', where its article writes it) loses
    config.predicate_penalty; with `needs_date` ('when', where its article dates a sentence) one
    that names no date loses config.when_penalty, and with `needs_number` ('how many') one that writes
    no number loses config.quantity_penalty. With `lead_z` (its article's lead's dense similarity) each
    sentence's is raised towards it (config.context_lift)."""
    rows, spans = index.sentences_of(cand.row)
    text = cand.passage.text
    if len(rows) == 0:
        return SentenceChoice(0, len(text), 0.0, 0.0, coverage(text, weights))
    if query is not None and config.use_dense:
        stats = index.languages[cand.passage.lang]
        dense = calibrated(index.sentence_vectors[rows] @ query, query, stats.sentence_mean, stats.sentence_cov)
        if lead_z is not None:  # read after the lead that says who met whom: as similar as it, or its share
            dense = dense + config.context_lift * np.maximum(0.0, lead_z - dense)
    else:
        dense = np.zeros(len(rows), dtype=np.float32)
    vietnamese = cand.passage.lang == "vi"
    tails = (
        index.compound_tails(rows)
        if by_word or (vietnamese and (plan.field_terms or predicates))
        else [frozenset()] * len(rows)
    )
    held = _terms_held(
        index,
        plan,
        text,
        spans.tolist(),
        tails,
        _partner_terms_by_section(index, plan, cand, rows),
        established,
        weights,
        vietnamese,
    )
    best: SentenceChoice | None = None
    # a section heading ('Làm việc với Ban Thư ký ASEANAPOL') names what its section reports, in the
    # question's own words, and answers nothing: the sentences under it do
    heading_end = text.find("\n") if len(rows) > 1 and opens_with_heading(text) else -1
    # ... and a photo caption ('Ảnh: Bộ trưởng … và Đại sứ … tại buổi tiếp.') describes a picture in the
    # names of the event, not the event: never the answer, unless the passage holds nothing else; so
    # is the sentence a credit follows ('… ký thỏa thuận hợp tác giữa hai bên. (Ảnh: Doãn Tấn/TTXVN)')
    bounds = spans.tolist()
    following = [start for start, _ in bounds[1:]] + [len(text)]
    captions = [
        is_caption(text[a:b]) or has_photo_credit(text[b:c]) for (a, b), c in zip(bounds, following, strict=True)
    ]
    for (start, end), z, inside_words, (implied, denied), caption in zip(
        bounds, dense.tolist(), tails, held, captions, strict=True
    ):
        if end <= heading_end or (caption and not all(captions)):
            continue
        share = coverage(text[start:end], weights, inside_words, implied, denied)
        score = config.sentence_dense_weight * z + config.sentence_lexical_weight * share
        lacks_verb = (
            bool(predicates) and not _verbs_written(predicates, text[start:end], inside_words, vietnamese) - denied
        )
        if lacks_verb:  # says nothing of the verb asked about
            score -= config.predicate_penalty
        lacks_date = needs_date and not states_a_time(plan, cand.passage, start, end)
        if lacks_date:
            score -= config.when_penalty
        if plan.asks_who and not _names_someone(text[start:end], plan):  # 'Who …?' is answered by a name
            score -= config.who_penalty
        if plan.asks_country and not _names_a_country(text[start:end], cand, plan):  # 'Nước nào …?': by a country
            score -= config.country_penalty
        lacks_number = needs_number and not states_a_number(cand.passage, start, end)
        if lacks_number:
            score -= config.quantity_penalty
        choice = SentenceChoice(
            start, end, score, z, share, lacks_verb, bool(predicates) and not lacks_verb, lacks_number, lacks_date
        )
        if plan.names_person_asked(text[start:end]):
            # 'Who is …?': the first sentence naming the person, where news gives the full title
            return choice
        if plan.asks_what_happened and _reports_event(plan, cand, start, end):
            # 'What happened in 2019?': the first sentence reporting an event (of that time), as a news
            # paragraph, like its lead, opens with what happened; its words match nothing asked
            return choice
        if best is None or score > best.score:
            best = choice
    return best


def _terms_held(
    index: LoadedIndex,
    plan: QueryPlan,
    text: str,
    spans: list[tuple[int, int]],
    tails: list[frozenset[str]],
    sections: list[tuple[frozenset[str], frozenset[str]]],
    established: frozenset[str],
    weights: dict[str, float],
    vietnamese: bool,
) -> list[tuple[frozenset[str], frozenset[str]]]:
    """For each sentence, (the question's terms it counts as holding beyond the words it writes, those
    it counts as not holding whatever it writes): its section's partners (`sections`), what its
    article established, a document of any kind for a generic word for one ('ký những văn bản gì?'),
    the field terms it writes in any of their words, an English question's other words it writes in
    any of their forms; and no signing where it only intends one."""
    generic = glossary.generic_document_terms() & weights.keys() if vietnamese and plan.lang == "vi" else frozenset()
    done = modality.asks_done(plan.embed_text)
    # '… những văn kiện nào được ký từ trước?' asks for documents described as signed, which count
    described = done and modality.signing_not_reported(plan.embed_text)
    held = []
    english_forms = {w: index.english_forms().forms(w) for w in plan.english_words}
    for (start, end), inside, (implied, denied) in zip(spans, tails, sections, strict=True):
        sentence = text[start:end]
        implied |= established
        if generic and glossary.names_a_document(sentence, inside):
            implied |= generic
        if english_forms and not vietnamese:  # 'asked' for 'ask'
            written = set(words_of(sentence))
            implied |= {word for word, forms in english_forms.items() if not forms.isdisjoint(written)}
        if plan.field_terms and plan.lang == "en":  # its field terms as the sentence writes them, in either language
            implied |= _written(plan.field_terms, sentence, inside, vietnamese)
        if done and (
            modality.signing_only_intended(sentence)
            or (not described and modality.signing_not_reported(sentence))
            or (plan.time is not None and modality.signed_at_no_time(sentence))
        ):  # proposed or planned, only a document's description, or at no time a window asked for can hold
            denied |= SIGNING_TERMS
        held.append((implied, denied))
    return held


def _predicates_written(index: LoadedIndex, plan: QueryPlan, shortlist: list[Candidate]) -> dict[str, frozenset[str]]:
    """For each article, the question's verbs (plan.predicates) that a sentence of its ranked passages
    writes as a word ('ký' of 'Thư ký' is none). Only there do they tell its sentences apart: an
    article that reports the talks without the verb asked ('discuss') is not worse for it than one
    that writes it about something else."""
    written: dict[str, frozenset[str]] = {}
    if not plan.predicates:
        return written
    for cand in shortlist:
        rows, spans = index.sentences_of(cand.row)
        vietnamese = cand.passage.lang == "vi"
        tails = index.compound_tails(rows) if vietnamese and len(rows) else [frozenset()] * len(rows)
        found = written.get(cand.passage.doc, frozenset())
        for (start, end), inside in zip(spans.tolist(), tails, strict=True):
            found |= _verbs_written(plan.predicates, cand.passage.text[start:end], inside, vietnamese)
        written[cand.passage.doc] = found
    return written


def _lead_similarities(
    index: LoadedIndex, plan: QueryPlan, query: np.ndarray | None, shortlist: list[Candidate], config: RankingConfig
) -> dict[str, float]:
    """The calibrated dense similarity of each shortlisted article's lead sentence to the question,
    which its other sentences are raised to (config.context_lift); none for a question asking who, nor
    for an article about several partners, whose lead lists them all and whose sentences are about the
    partner of their section (see _partner_terms_by_section)."""
    if query is None or not config.use_dense or not config.context_lift or plan.asks_who:
        return {}
    found: dict[str, float] = {}
    for lang, stats in index.languages.items():
        docs = sorted({c.passage.doc for c in shortlist if c.passage.lang == lang and len(c.article.main_partners) < 2})
        rows = {doc: row for doc in docs if (row := index.lead_sentence_row(doc)) is not None}
        if rows:
            cosines = index.sentence_vectors[list(rows.values())] @ query
            z = calibrated(cosines, query, stats.sentence_mean, stats.sentence_cov)
            found.update(zip(rows, z.tolist(), strict=True))
    return found


def _names_someone(sentence: str, plan: QueryPlan) -> bool:
    """Does the sentence write a capitalised word, after its first, that the question does not? Both
    languages capitalise names and the titles before them ('Tổng Chưởng lý Palitha Fernando'); a
    sentence without one names no one the question does not already ('hai trưởng đoàn ký …')."""
    known = set(plan.names) | set(plan.terms)
    return any(t[:1].isupper() and not set(words_of(t)) <= known for t in sentence.split()[1:])


def _names_a_country(sentence: str, cand: Candidate, plan: QueryPlan) -> bool:
    """Does the sentence, or the article it is read in, name a country the question does not?"""
    about = (cand.article.main_partners | partners_in_text(sentence, cand.passage.lang)) - plan.partners
    return any(is_country(key) for key in about)  # not 'INTERPOL', nor the UN


def _reports_event(plan: QueryPlan, cand: Candidate, start: int, end: int) -> bool:
    """Does the sentence report an event of the asked time, or, with none asked, its article's event?"""
    date, _ = event_date(plan, cand.passage, cand.article, start, end)
    if plan.time is None:
        return date is not None and date == cand.article.reported_date
    return date is not None and plan.time.contains(date)


def _established(index: LoadedIndex, plan: QueryPlan, cand: Candidate, identifying: frozenset[str]) -> frozenset[str]:
    """The question's names and partners (`identifying`) that the candidate's article writes, which
    each of its sentences counts as containing. Not the partners of an article about several: there
    a sentence is about its section's partner (see _partner_terms_by_section). On tune, English
    answer@1 0.735 -> 0.765 and dev-qa English 0.750 -> 0.833, nothing lost. A partner counts
    however the article spells it ('Ca-dắc-xtan' for Kazakhstan: retrieval.partners reads it)."""
    if len(cand.article.main_partners) >= 2:
        return (identifying - partner_name_terms(plan.partners)) & index.article_terms(cand.passage.doc)
    named = partner_name_terms(plan.partners & cand.article.partners)
    return (identifying & index.article_terms(cand.passage.doc)) | (identifying & named)


def _written(terms: frozenset[str], sentence: str, inside: frozenset[str], vietnamese: bool) -> frozenset[str]:
    """Those glossary `terms` ('@sign') that a sentence writes, in its language."""
    found = glossary.written(terms, sentence, inside) if vietnamese else glossary.written_in_english(terms, sentence)
    return _signing_as_read(found, sentence)


def _verbs_written(verbs: frozenset[str], sentence: str, inside: frozenset[str], vietnamese: bool) -> frozenset[str]:
    """Those glossary `verbs` ('@agree') that a sentence writes as verbs: in Vietnamese not as a
    capitalised word after its first, which is part of a name ('Các Tiểu vương quốc Arab Thống nhất'
    agrees on nothing); Vietnamese writes its verbs in lower case."""
    if not vietnamese:
        return _signing_as_read(glossary.written_in_english(verbs, sentence, loosely=True), sentence)
    return _signing_as_read(glossary.written(verbs, _lower_case_words(sentence), inside), sentence)


@functools.lru_cache(maxsize=32768)  # the same sentences come back question after question
def _lower_case_words(sentence: str) -> str:
    """A Vietnamese sentence with its capitalised words after the first blanked out (names, not verbs)."""
    tokens = sentence.split()
    return " ".join(t if i == 0 or not t[:1].isupper() else "," for i, t in enumerate(tokens))


def _signing_as_read(terms: frozenset[str], sentence: str) -> frozenset[str]:
    """`terms` written by `sentence`, with signing only where retrieval.modality reads one: not in 'Lễ
    mở ký Công ước' (a convention opened for signature), whose 'ký' the glossary finds."""
    return terms - {"@sign"} if "@sign" in terms and not modality.writes_signing(sentence) else terms


def _partner_terms_by_section(
    index: LoadedIndex, plan: QueryPlan, cand: Candidate, rows: np.ndarray
) -> list[tuple[frozenset[str], frozenset[str]]]:
    """For each sentence, (the asked partners' names it counts as naming, those it counts as not).

    In an article about several partners (its title or lead names two or more), a sentence is about
    the partners of its section (retrieval.sections): one of the section about an asked partner
    names it ('Hai bên đã phối hợp xử lý …' after 'Tại buổi tiếp … Nam Phi'), and one outside it
    does not, though it may list the partner among others ('… với lãnh đạo Mozambique, Azerbaijan,
    Iran, Nam Phi'). Only for the asked partners the article is about: a partner it names only in
    passing has no section, and that mention is all it says of it. In an article about one partner,
    every sentence would name it, which only erases the preference for the sentences that name it
    (tune: one English answer@1 lost)."""
    asked = plan.partners & cand.article.main_partners
    if not asked or len(cand.article.main_partners) < 2:
        return [(frozenset(), frozenset())] * len(rows)
    names = partner_name_terms(asked)
    return [
        (names, frozenset()) if section & asked else (frozenset(), names) for section in index.section_partners(rows)
    ]
