"""How an answer is worded in Vietnamese or English: leads, date labels, declines.

Shared by the terminal output and the Telegram renderer, so both say the same thing.
"""

from __future__ import annotations

from retrieval.dates import PartialDate
from retrieval.lexicon import vietnamese_name
from retrieval.search import Answer, CorpusSummary, Passage


def date_label(passage: Passage, lang: str) -> str:
    if passage.date is not None:
        return passage.date.iso() or ""
    if passage.date_as_written:
        return f"{passage.date_as_written}, " + ("không rõ năm" if lang == "vi" else "year not stated")
    return "không rõ ngày" if lang == "vi" else "date unknown"


def lead(answer: Answer) -> str:
    n = len(answer.passages)
    docs = len({p.doc for p in answer.passages})
    if answer.lang == "vi":
        return f"Các bài báo nói về điều này trong {n} đoạn trích ({docs} bài):"
    return f"The articles address this in {n} passage{'s' if n != 1 else ''} from {docs} article{'s' if docs != 1 else ''} (quoted in Vietnamese):"


def coverage_line(summary: CorpusSummary, lang: str) -> str:
    """What the articles do cover: count, time span, partners."""
    span = _span(summary.first, summary.last)
    if lang == "vi":
        partners = ", ".join(vietnamese_name(p) for p in summary.partners[:12]) or "—"
        return f"Các bài báo ({summary.articles} bài{', ' + span if span else ''}) nói về hợp tác với: {partners}."
    partners = ", ".join(summary.partners[:12]) or "—"
    return f"The articles ({summary.articles}{', ' + span if span else ''}) cover cooperation with: {partners}."


def _span(first: PartialDate | None, last: PartialDate | None) -> str:
    if first is None or last is None:
        return ""
    return first.iso() if first == last else f"{first.iso()} – {last.iso()}"


def decline(answer: Answer, summary: CorpusSummary) -> str:
    vi = answer.lang == "vi"
    missing = ", ".join(answer.missing)
    if answer.decline_reason == "empty":
        return "Hãy gửi một câu hỏi." if vi else "Please send a question."
    if answer.decline_reason in ("partner", "names"):
        head = f"Các bài báo không nhắc đến {missing}." if vi else f"The articles do not mention {missing}."
    elif answer.decline_reason == "time":
        head = (
            f"Các bài báo không có thông tin phù hợp cho thời gian {missing}."
            if vi
            else f"The articles have nothing matching for {missing}."
        )
    else:
        head = "Các bài báo không trả lời câu hỏi này." if vi else "The articles do not answer this question."
    hint = (
        "Thử hỏi cụ thể hơn: tên nước, cơ quan, văn bản hoặc thời gian."
        if vi
        else "Try naming a country, an agency, a document or a time."
    )
    return f"{head}\n{coverage_line(summary, answer.lang)}\n{hint}"


def plain_text(answer: Answer, summary: CorpusSummary) -> str:
    """The terminal rendering: lead, then each passage with date, title, source and the quote."""
    if not answer.answerable:
        return decline(answer, summary)
    lines = [lead(answer), ""]
    for i, p in enumerate(answer.passages, 1):
        source = p.url or p.doc
        lines.append(f"[{i}] {date_label(p, answer.lang)} · {p.title} · {source}")
        quote = p.text.replace(p.best_sentence, f"**{p.best_sentence}**", 1)
        lines.extend(f"    > {line}" for line in quote.split("\n") if line.strip())
        lines.append("")
    return "\n".join(lines).rstrip()
