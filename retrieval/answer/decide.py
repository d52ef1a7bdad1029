"""Stage 5, decide: answer or decline, and which passages to show.

The decision rests on the final score of the best passage (calibrated dense similarities of the
passage and of its answering sentence, plus lexical coverage), with one threshold fitted on
`tune` (see config.py). Which passages to show: the best one, and others only when they score
close to it; a question that asks for a list gets the best passage of every matching article,
in date order.
"""

from __future__ import annotations

from retrieval.answer.analyse import QueryPlan
from retrieval.answer.config import RankingConfig
from retrieval.answer.rank import SentenceChoice
from retrieval.answer.retrieve import Candidate

Ranked = list[tuple[Candidate, SentenceChoice]]


def confident(ranked: Ranked, config: RankingConfig) -> bool:
    return bool(ranked) and ranked[0][0].score >= config.answer_threshold


def select(ranked: Ranked, plan: QueryPlan, k: int, config: RankingConfig) -> Ranked:
    """The passages to show: relevant ones only, never two overlapping ones of one article."""
    best = ranked[0][0].score
    floor = best * config.relevance_ratio if best > 0 else best
    if plan.asks_list:
        floor = best * config.list_relevance_ratio if best > 0 else best
        per_article: dict[str, tuple[Candidate, SentenceChoice]] = {}
        for cand, choice in ranked:
            if cand.score >= floor:
                per_article.setdefault(cand.passage.doc, (cand, choice))
        chosen = list(per_article.values())[: max(k, 5)]
        return sorted(chosen, key=lambda pair: _date_key(pair[0]))
    relevant = [(cand, choice) for cand, choice in ranked if cand.score >= floor]
    # the best passage of each article first, so a question several articles answer sees each of them
    firsts = list({cand.passage.doc: (cand, choice) for cand, choice in reversed(relevant)}.values())[::-1]
    firsts.sort(key=lambda pair: -pair[0].score)
    chosen: Ranked = []
    for cand, choice in firsts + relevant:
        if len(chosen) == k:
            break
        if any(cand is other or _overlaps(cand, other) for other, _ in chosen):
            continue
        chosen.append((cand, choice))
    return chosen


def _date_key(cand: Candidate) -> tuple[int, int, int]:
    date = cand.article.event_date or cand.article.date
    return date.sort_key() if date else (9999, 0, 0)


def _overlaps(a: Candidate, b: Candidate) -> bool:
    if a.passage.doc != b.passage.doc:
        return False
    shared = min(a.passage.end, b.passage.end) - max(a.passage.start, b.passage.start)
    return shared > 0
