"""How an answer is worded in Vietnamese or English: leads, date labels, sources, declines.

Shared by the terminal output and the Telegram renderer, so both say the same thing. An article
is always named by its headline and date (and URL when known), never by its file name.
"""

from __future__ import annotations

from retrieval.dates import PartialDate
from retrieval.partners import all_partners, partner_name
from retrieval.search import Answer, CorpusSummary, Passage
from retrieval.stopwords import GREETING_PHRASES, THANKS_PHRASES
from retrieval.text import fold, words

WORDS: dict[str, dict[str, str]] = {
    "no_year": {"vi": "{day}, không rõ năm", "en": "{day}, year not stated"},
    "no_date": {"vi": "không rõ ngày", "en": "date unknown"},
    "published": {"vi": "đăng {date}", "en": "published {date}"},
    "lead": {
        "vi": "Các bài báo nói về điều này trong {n} đoạn trích ({docs} bài){quoted_in}:",
        "en": "The articles address this in {n} passage{ns} from {docs} article{ds}{quoted_in}:",
    },
    # said when a quote's language is not the asker's: quotes keep the article's own words
    "quoted_in_vi": {"vi": "", "en": " (quoted in Vietnamese)"},
    "quoted_in_en": {"vi": " (trích nguyên văn tiếng Anh)", "en": ""},
    "quoted_in_both": {
        "vi": " (trích nguyên văn, có đoạn tiếng Anh)",
        "en": " (quoted as written, some in Vietnamese)",
    },
    "more_articles": {
        "vi": "; còn {m} bài khác, hãy hỏi hẹp hơn về thời gian hoặc nêu đối tác để xem",
        "en": "; {m} more article{ms} match, narrow the time or name a partner to see {them}",
    },
    "passing": {
        "vi": "Không bài nào viết về {missing}; chỉ có {n} đoạn nhắc đến thoáng qua:",
        "en": "No article is about {missing}; {n} passage{ns} mention{s} it only in passing:",
    },
    "coverage": {
        "vi": "Các bài báo ({articles} bài{span}) nói về hợp tác với: {partners}.",
        "en": "The articles ({articles}{span}) cover cooperation with: {partners}.",
    },
    "empty": {"vi": "Hãy gửi một câu hỏi.", "en": "Please send a question."},
    # how a follow-up was completed, or a misspelled partner's name read
    "understood": {"vi": "Hiểu là: {what}", "en": "Taken as: {what}"},
    "missing_partner": {"vi": "Các bài báo không nhắc đến {missing}.", "en": "The articles do not mention {missing}."},
    "outside_field": {
        "vi": "Các bài báo nói về hợp tác an ninh, không nói về: {missing}.",
        "en": "The articles are about security cooperation, not about: {missing}.",
    },
    "missing_time": {
        "vi": "Các bài báo không có thông tin phù hợp cho thời gian {missing}.",
        "en": "The articles have nothing matching for {missing}.",
    },
    "chitchat": {
        "vi": "Tôi chỉ trả lời câu hỏi về hợp tác an ninh trong các bài báo.",
        "en": "I only answer questions about security cooperation in the articles.",
    },
    "chitchat_thanks": {
        "vi": "Không có gì! Cứ hỏi tiếp về hợp tác an ninh trong các bài báo.",
        "en": "You're welcome! Ask me anything else about security cooperation in the articles.",
    },
    "chitchat_hello": {
        "vi": "Xin chào! Tôi trả lời câu hỏi về hợp tác an ninh, trích nguyên văn các bài báo kèm ngày và nguồn.",
        "en": "Hello! I answer questions about security cooperation, quoting the articles with date and source.",
    },
    "weak": {"vi": "Các bài báo không trả lời câu hỏi này.", "en": "The articles do not answer this question."},
    "count": {"vi": "Các bài báo không nêu con số này.", "en": "The articles do not state that number."},
    "no_visit": {
        "vi": "Các bài báo không đưa tin về chuyến đi sang {missing}; các cuộc gặp với {missing} mà chúng nêu diễn ra tại Việt Nam.",
        "en": "The articles report no trip to {missing}; the meetings with {missing} they report took place in Vietnam.",
    },
    "no_visit_by": {
        "vi": "Các bài báo không đưa tin về chuyến đi sang {missing} của {who}.",
        "en": "The articles report no trip to {missing} by {who}.",
    },
    "unreported": {
        "vi": "Các bài báo về {missing} không đưa tin về việc ký kết văn bản nào.",
        "en": "The articles on {missing} report no signing.",
    },
    # ... though some passages speak of one: proposed, planned, or of documents signed at a time unsaid
    "unreported_mentions": {
        "vi": "Các bài báo về {missing} không đưa tin về việc ký kết; {n} đoạn nhắc đến việc ký kết được đề nghị, dự kiến hoặc đã ký trước đó:",
        "en": "The articles on {missing} report no signing; {n} passage{ns} mention{s} one proposed, planned or signed earlier:",
    },
    # ... nor of one proposed: what they report instead
    "unreported_instead": {
        "vi": "Các bài báo về {missing} không đưa tin về việc ký kết văn bản nào. Những gì các bài báo nêu:",
        "en": "The articles on {missing} report no signing. What they do report:",
    },
    "hint": {
        "vi": "Thử hỏi cụ thể hơn: tên nước, cơ quan, văn bản hoặc thời gian.",
        "en": "Try naming a country, an agency, a document or a time.",
    },
}


def word(key: str, lang: str, **values: object) -> str:
    variants = WORDS[key]
    return variants.get(lang, variants["en"]).format(**values)


def partner_label(key_or_name: str, lang: str) -> str:
    """A partner in `lang`: keys ('BY', 'ASEAN') via partner_name; a display name in either language too."""
    partners = all_partners()
    if key_or_name in partners:
        return partner_name(key_or_name, lang)
    folded = fold(key_or_name)
    for partner in partners.values():
        if folded in (fold(partner.vi), fold(partner.en)):
            return partner_name(partner.key, lang)
    return key_or_name


def date_label(passage: Passage, lang: str) -> str:
    if passage.date is not None:
        return passage.date.iso() or ""
    if passage.date_as_written:
        return word("no_year", lang, day=passage.date_as_written)
    return word("no_date", lang)


def published_label(passage: Passage, lang: str) -> str | None:
    """'published 2025-05-30' when the article's date differs from the date the passage is about."""
    published = passage.article_date.iso() if passage.article_date else None
    if not published or published == (passage.date.iso() if passage.date else None):
        return None
    return word("published", lang, date=published)


def source_label(passage: Passage, lang: str) -> str:
    """Plain-text source: date (publication date beside it when it differs) · headline · URL."""
    dated = date_label(passage, lang)
    if published := published_label(passage, lang):
        dated += f" ({published})"
    return " · ".join(part for part in (dated, passage.title, passage.url) if part)


def lead(answer: Answer) -> str:
    n = len(answer.passages)
    ns = "s" if n != 1 else ""
    if answer.decline_reason in ("passing", "unreported", "unreported_instead"):  # 'passage(s) mention(s)'
        key = {"passing": "passing", "unreported": "unreported_mentions"}.get(
            answer.decline_reason, "unreported_instead"
        )
        return word(key, answer.lang, missing=", ".join(answer.missing), n=n, ns=ns, s="" if ns else "s")
    docs = len({p.doc for p in answer.passages})
    langs = {p.lang for p in answer.passages}
    quoted_in = word(f"quoted_in_{langs.pop()}" if len(langs) == 1 else "quoted_in_both", answer.lang)
    more = answer.more_articles
    if more:
        quoted_in += word(
            "more_articles", answer.lang, m=more, ms="s" if more != 1 else "", them="them" if more != 1 else "it"
        )
    return word("lead", answer.lang, n=n, ns=ns, docs=docs, ds="s" if docs != 1 else "", quoted_in=quoted_in)


def coverage_line(summary: CorpusSummary, lang: str) -> str:
    """What the articles do cover: count, time span, partners (in `lang`)."""
    span = _span(summary.first, summary.last)
    partners = ", ".join(partner_label(p, lang) for p in summary.partners[:12]) or "—"
    return word("coverage", lang, articles=summary.articles, span=f", {span}" if span else "", partners=partners)


def _span(first: PartialDate | None, last: PartialDate | None) -> str:
    if first is None or last is None:
        return ""
    return first.iso() if first == last else f"{first.iso()} – {last.iso()}"


def _small_talk_key(question: str) -> str:
    """Thanks get 'you're welcome', a greeting a greeting back; other small talk the plain reply."""
    folded = f" {' '.join(words(question))} "
    if any(f" {phrase} " in folded for phrase in THANKS_PHRASES):
        return "chitchat_thanks"
    if any(f" {phrase} " in folded for phrase in GREETING_PHRASES):
        return "chitchat_hello"
    return "chitchat"


def decline(answer: Answer, summary: CorpusSummary) -> str:
    lang = answer.lang
    if answer.decline_reason == "empty":
        return word("empty", lang)
    missing = ", ".join(partner_label(m, lang) for m in answer.missing)
    if answer.decline_reason in ("partner", "names", "words"):
        head = word("missing_partner", lang, missing=missing)
    elif answer.decline_reason == "field":
        head = word("outside_field", lang, missing=missing)
    elif answer.decline_reason == "time":
        head = word("missing_time", lang, missing=missing)
    elif answer.decline_reason in ("unreported", "unreported_instead"):
        head = word("unreported", lang, missing=missing)
    elif answer.decline_reason == "count":
        head = word("count", lang)
    elif answer.decline_reason == "visit":
        head = word("no_visit", lang, missing=missing)
    elif answer.decline_reason == "visit_by":  # the place, then the persons
        place, *people = answer.missing
        head = word("no_visit_by", lang, missing=partner_label(place, lang), who=", ".join(people))
    elif answer.decline_reason == "chitchat":
        head = word(_small_talk_key(answer.question), lang)
    else:
        head = word("weak", lang)
    if answer.decline_reason in ("visit", "visit_by", "unreported", "unreported_instead"):
        return head  # about a partner the articles cover, as asked: what else they cover is beside it
    return f"{head}\n{coverage_line(summary, lang)}\n{word('hint', lang)}"


def plain_text(answer: Answer, summary: CorpusSummary) -> str:
    """The terminal rendering: lead, then each passage with its source and the quote."""
    if not answer.passages:
        return decline(answer, summary)
    lines = [word("understood", answer.lang, what=answer.understood), ""] if answer.understood else []
    lines += [lead(answer), ""]
    for i, p in enumerate(answer.passages, 1):
        lines.append(f"[{i}] {source_label(p, answer.lang)}")
        quote = p.text.replace(p.best_sentence, f"**{p.best_sentence}**", 1)
        lines.extend(f"    > {line}" for line in quote.split("\n") if line.strip())
        lines.append("")
    return "\n".join(lines).rstrip()
