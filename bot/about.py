"""/start, /help, /about: what the articles cover, with example questions drawn from the live index."""

from __future__ import annotations

from html import escape

from bot.i18n import t
from retrieval.search import Searcher
from retrieval.wording import partner_label

MAX_PARTNERS = 15


def example_questions(searcher: Searcher, lang: str, count: int = 2) -> list[str]:
    """Questions the index can answer: a partner and year of each of the newest articles, partners distinct."""
    articles = sorted(
        (a for a in searcher.index.articles.values() if a.partners),
        key=lambda a: (a.date is not None, a.date.sort_key() if a.date else (0, 0, 0)),
        reverse=True,
    )
    seen: set[str] = set()
    questions: list[str] = []
    for article in articles:
        partner = next((p for p in sorted(article.partners) if p not in seen), None)
        if partner is None:
            continue
        seen.add(partner)
        name = partner_label(partner, lang)
        if article.date is not None and article.date.year is not None:
            questions.append(t("example_partner_year", lang, partner=name, year=article.date.year))
        else:
            questions.append(t("example_partner", lang, partner=name))
        if len(questions) == count:
            break
    return questions


def about_html(searcher: Searcher, lang: str, username: str) -> str:
    summary = searcher.summary()
    if summary.first and summary.last:
        span = f"{summary.first.iso()} – {summary.last.iso()}"
    else:
        span = t("nothing_indexed", lang)
    partners = ", ".join(partner_label(p, lang) for p in summary.partners[:MAX_PARTNERS])
    if len(summary.partners) > MAX_PARTNERS:
        partners += ", …"
    examples = "\n".join(f"• {escape(q)}" for q in example_questions(searcher, lang))
    return t(
        "help",
        lang,
        articles=summary.articles,
        span=escape(span),
        partners=escape(partners or t("nothing_indexed", lang)),
        examples=examples,
        username=escape(username),
    )


def usage_example(searcher: Searcher, lang: str) -> str:
    """One example question for a usage hint (a generic one when the index is empty)."""
    found = example_questions(searcher, lang, 1)
    return found[0] if found else t("example_partner", lang, partner=partner_label("LA", lang))
