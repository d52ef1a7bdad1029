"""Quality on a question set, by split and language: are the right articles, sentences and dates shown?

A QA line: {"id", "lang", "question", "answerable", "docs", "phrases", "date", "split"}.
- R@k: share of the expected articles with a passage among the first k.
- A@k (answer@k): a passage among the first k is from an expected article and contains an expected
  phrase (the sentence that answers), compared after tone-mark canonicalisation. A passage's text
  is its quote: whole sentences of the article around the sentence it highlights.
- S@1: stricter, the first passage's highlighted sentence itself contains an expected phrase.
- date: the date shown for the answering passage (the first passage that contains an expected
  phrase, else the first from an expected article) agrees with the expected event date to its
  precision; where no date is expected, right unless an undated article is shown with a year its
  text does not state (an invented one).
- declined: unanswerable questions declined; wrongly_declined: answerable questions declined.
Rows: each split by language and in all; with more than one split, also each language over all splits
(all/en …), which is how one run tells whether a mode wins in a language.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from retrieval.search import Answer, Searcher
from retrieval.text import normalize

CUTOFFS = (1, 3, 5)


@dataclass
class QAItem:
    qid: str
    lang: str
    question: str
    answerable: bool
    docs: list[str]
    phrases: list[str]
    date: str | None
    split: str = "all"


def load_qa(path: Path) -> list[QAItem]:
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            items.append(
                QAItem(
                    raw.get("id", str(n)),
                    raw.get("lang", "?"),
                    raw["question"],
                    bool(raw.get("answerable", True)),
                    list(raw.get("docs", [])),
                    list(raw.get("phrases", [])),
                    raw.get("date"),
                    raw.get("split", path.stem),
                )
            )
        except (json.JSONDecodeError, KeyError) as exc:
            raise ValueError(f"{path}:{n}: not a QA line ({exc})") from None
    return items


def doc_recall(answer: Answer, item: QAItem, k: int) -> float:
    """Share of the expected articles that have a passage in the top k."""
    found = {p.doc for p in answer.passages[:k]}
    return len(found & set(item.docs)) / len(item.docs)


def _contains_phrase(passage_text: str, item: QAItem) -> bool:
    text = normalize(passage_text)
    return any(normalize(ph) in text for ph in item.phrases)


def phrase_hit(answer: Answer, item: QAItem, k: int) -> bool:
    return any(p.doc in item.docs and _contains_phrase(p.text, item) for p in answer.passages[:k])


def sentence_hit(answer: Answer, item: QAItem) -> bool:
    first = answer.passages[0] if answer.passages else None
    return first is not None and first.doc in item.docs and _contains_phrase(first.best_sentence, item)


def reciprocal_rank(answer: Answer, item: QAItem) -> float:
    for rank, p in enumerate(answer.passages, 1):
        if p.doc in item.docs:
            return 1 / rank
    return 0.0


def date_correct(answer: Answer, item: QAItem, article_text: Callable[[str], str] = lambda doc: "") -> bool:
    """Is the shown date of the answering passage the expected one? `article_text(doc)` is the
    article's text, which tells a year the article states from one that was invented."""
    relevant = [p for p in answer.passages if p.doc in item.docs]
    if not relevant:
        return False
    answering = next((p for p in relevant if _contains_phrase(p.text, item)), relevant[0])
    shown = answering.date.iso() if answering.date else None
    if item.date is None:
        # no single date expected: what must hold is that no year is invented for an undated
        # article; one its text states ('… vào tháng 9/2019, hai bên đã hội đàm') is not invented
        if answering.article_date is not None or answering.date is None:
            return True
        return answering.date.year is not None and str(answering.date.year) in article_text(answering.doc)
    return shown is not None and (shown.startswith(item.date) or item.date.startswith(shown))


def evaluate(searcher: Searcher, items: list[QAItem], k_max: int = 5) -> dict:
    def article_text(doc: str) -> str:
        found = searcher.index.article_body(doc)
        return found[1] if found else ""

    groups: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    failures = []
    for item in items:
        answer = searcher.ask(item.question, k=k_max)
        buckets = [groups[f"{item.split}/{item.lang}"], groups[f"{item.split}/all"], groups[f"all/{item.lang}"]]
        if not item.answerable:
            for bucket in buckets:
                bucket["declined"].append(float(not answer.answerable))
            if answer.answerable:
                failures.append(
                    f"{item.qid} [{item.split}/{item.lang}] {item.question!r}: answered an unanswerable question"
                )
            continue
        scores = {"wrongly_declined": float(not answer.answerable), "MRR": reciprocal_rank(answer, item)}
        for k in CUTOFFS:
            scores[f"R@{k}"] = doc_recall(answer, item, k)
        scores["A@1"] = float(phrase_hit(answer, item, 1))
        scores["A@3"] = float(phrase_hit(answer, item, 3))
        scores["S@1"] = float(sentence_hit(answer, item))
        scores["date"] = float(date_correct(answer, item, article_text))
        for bucket in buckets:
            bucket["seconds"].append(answer.seconds)
            for name, value in scores.items():
                bucket[name].append(value)
        if scores["R@3"] < 1 or not scores["date"] or not scores["A@1"]:
            got = [(p.doc[:3], p.date.iso() if p.date else None) for p in answer.passages[:3]]
            first = answer.passages[0].best_sentence[:90] if answer.passages else ""
            failures.append(
                f"{item.qid} [{item.split}/{item.lang}] {item.question!r}: want {[d[:3] for d in item.docs]} "
                f"{item.date}, got {got} A@1={scores['A@1']:.0f}"
                + (f" (declined: {answer.decline_reason})" if not answer.answerable else f" «{first}»")
            )
    if len({item.split for item in items}) < 2:  # the totals over splits would repeat the one split's rows
        groups = {name: metrics for name, metrics in groups.items() if not name.startswith("all/")}
    table = {}
    for name, metrics in sorted(groups.items()):
        table[name] = {metric: sum(vals) / len(vals) for metric, vals in metrics.items() if vals}
        table[name]["n"] = max(len(metrics.get("R@1", [])) + len(metrics.get("declined", [])), 0)
    return {"metrics": table, "failures": failures}


COLUMNS = ["n", "R@1", "R@3", "A@1", "A@3", "S@1", "MRR", "date", "declined", "wrongly_declined"]


def format_table(result: dict, title: str = "") -> str:
    widths = [max(9, len(c) + 1) for c in COLUMNS]  # a name wider than its numbers keeps a space before it
    label = max([16, *(len(name) + 1 for name in result["metrics"])])
    lines = [title] if title else []
    lines.append(f"{'split/lang':<{label}}" + "".join(f"{c:>{w}}" for c, w in zip(COLUMNS, widths, strict=True)))
    for lang, metrics in result["metrics"].items():
        cells = []
        for c, w in zip(COLUMNS, widths, strict=True):
            v = metrics.get(c)
            cells.append(f"{'-':>{w}}" if v is None else (f"{v:>{w}.0f}" if c == "n" else f"{v:>{w}.3f}"))
        lines.append(f"{lang:<{label}}" + "".join(cells))
    return "\n".join(lines)
