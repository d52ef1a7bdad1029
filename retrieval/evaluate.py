"""Quality on a question set: Recall@1/3/5 and MRR by language, dates, declines.

A QA line: {"id", "lang", "question", "answerable", "docs", "phrases", "date"}. A document counts
as found at rank r when a passage from it is at rank r; a phrase hit also needs the passage text
to contain one of the expected phrases. `date` is right when the top passage from an expected
article carries a date that agrees with the expected one to its precision; where no date is
expected, it is right unless a date was shown for an article that has none.
"""

from __future__ import annotations

import json
from collections import defaultdict
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
                )
            )
        except (json.JSONDecodeError, KeyError) as exc:
            raise ValueError(f"{path}:{n}: not a QA line ({exc})") from None
    return items


def doc_recall(answer: Answer, item: QAItem, k: int) -> float:
    """Share of the expected articles that have a passage in the top k."""
    found = {p.doc for p in answer.passages[:k]}
    return len(found & set(item.docs)) / len(item.docs)


def phrase_hit(answer: Answer, item: QAItem, k: int) -> bool:
    phrases = [normalize(p) for p in item.phrases]
    return any(p.doc in item.docs and any(ph in normalize(p.text) for ph in phrases) for p in answer.passages[:k])


def reciprocal_rank(answer: Answer, item: QAItem) -> float:
    for rank, p in enumerate(answer.passages, 1):
        if p.doc in item.docs:
            return 1 / rank
    return 0.0


def date_correct(answer: Answer, item: QAItem) -> bool:
    relevant = [p for p in answer.passages if p.doc in item.docs]
    if not relevant:
        return False
    shown = relevant[0].date.iso() if relevant[0].date else None
    if item.date is None:
        # no single date expected: what must hold is that no year is invented for an undated article
        return relevant[0].article_date is not None or shown is None
    return shown is not None and (shown.startswith(item.date) or item.date.startswith(shown))


def evaluate(searcher: Searcher, items: list[QAItem], k_max: int = 5) -> dict:
    per_lang: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    failures = []
    for item in items:
        answer = searcher.ask(item.question, k=k_max)
        bucket = per_lang[item.lang]
        bucket["seconds"].append(answer.seconds)
        if not item.answerable:
            bucket["declined"].append(float(not answer.answerable))
            if answer.answerable:
                failures.append(f"{item.qid}: answered an unanswerable question")
            continue
        bucket["wrongly_declined"].append(float(not answer.answerable))
        for k in CUTOFFS:
            bucket[f"R@{k}"].append(doc_recall(answer, item, k))
            bucket[f"P@{k}"].append(float(phrase_hit(answer, item, k)))
        bucket["MRR"].append(reciprocal_rank(answer, item))
        bucket["date"].append(float(date_correct(answer, item)))
        if doc_recall(answer, item, 3) < 1 or not date_correct(answer, item):
            got = [(p.doc[:3], p.date.iso() if p.date else None) for p in answer.passages[:3]]
            failures.append(
                f"{item.qid} [{item.lang}] {item.question!r}: want {item.docs} {item.date}, got {got}"
                + ("" if answer.answerable else f" (declined: {answer.decline_reason})")
            )
    table = {}
    for lang, metrics in sorted(per_lang.items()):
        table[lang] = {name: sum(vals) / len(vals) for name, vals in metrics.items() if vals}
        table[lang]["n"] = max(len(v) for v in metrics.values())
    overall: dict[str, list[float]] = defaultdict(list)
    for metrics in per_lang.values():
        for name, vals in metrics.items():
            overall[name].extend(vals)
    table["all"] = {name: sum(v) / len(v) for name, v in overall.items() if v}
    table["all"]["n"] = len(items)
    return {"metrics": table, "failures": failures}


COLUMNS = ["n", "R@1", "R@3", "R@5", "P@3", "MRR", "date", "declined", "wrongly_declined"]


def format_table(result: dict, title: str = "") -> str:
    lines = [title] if title else []
    lines.append(f"{'lang':<10}" + "".join(f"{c:>17}" for c in COLUMNS))
    for lang, metrics in result["metrics"].items():
        cells = []
        for c in COLUMNS:
            v = metrics.get(c)
            cells.append(f"{'-':>17}" if v is None else (f"{v:>17.0f}" if c == "n" else f"{v:>17.3f}"))
        lines.append(f"{lang:<10}" + "".join(cells))
    return "\n".join(lines)
