"""Fast unit tests of the bot's pure parts: rendering, language choice, catalogue, flood gate, mentions, follow-ups."""

from __future__ import annotations

import re

import pytest

from bot import followup
from bot.admin import reason_key
from bot.i18n import TEXTS, reply_language
from bot.limits import FloodGate, Verdict
from bot.mentions import strip_mentions
from bot.render import MAX_TEXT, answer_messages, passage_html
from retrieval.articles import ArticleError, parse_article
from retrieval.dates import PartialDate
from retrieval.search import Answer, CorpusSummary, Passage
from retrieval.wording import WORDS, plain_text
from tests.test_bot import assert_clean_html

SUMMARY = CorpusSummary(5, 40, PartialDate(2019, 1, 1), PartialDate(2025, 12, 3), ["BY", "RU", "LA"], "e", "now")


def passage(i: int, sentences: int = 5, *, url: str | None = None, best: str | None = None) -> Passage:
    text = " ".join(f"Câu số {i}.{n} nói về hợp tác <an ninh> & phòng chống tội phạm." for n in range(sentences))
    return Passage(
        doc=f"00{i}_2278884fd88fbdc4.txt",
        title=f"Tiêu đề bài {i} <b>",
        url=url,
        date=PartialDate(2023, 12, i % 28 + 1),
        date_as_written=None,
        article_date=PartialDate(2023, 12, 30),
        event_dates=[],
        text=text,
        best_sentence=best if best is not None else f"Câu số {i}.2 nói về hợp tác <an ninh> & phòng chống tội phạm.",
        score=1.0,
        chunk_id=f"c{i}",
    )


def answer(passages: list[Passage], lang: str = "vi", understood: str | None = None) -> Answer:
    return Answer("q?", lang, True, passages, understood=understood)


@pytest.mark.parametrize("limit", [300, 500, 1200, MAX_TEXT])
def test_long_answers_split_at_passages_without_empty_or_unbalanced_tags(limit):
    messages = answer_messages(
        answer([passage(i, 40) for i in range(1, 8)], understood="Belarus, 2023"), SUMMARY, limit
    )
    assert messages[0].startswith("<i>Hiểu là: Belarus, 2023</i>")
    for body in messages:
        assert len(body) <= limit
        assert_clean_html(body)
        assert "<blockquote></blockquote>" not in body
    joined = "\n".join(messages)
    assert all(f"[{i}]" in joined for i in range(1, 8))  # no passage lost, each whole in one message
    assert all(m.count("<blockquote>") == m.count("</blockquote>") for m in messages)


def test_passage_shows_date_publication_headline_url_and_bold_sentence_never_the_file():
    html = passage_html(passage(3, url="https://cand.com.vn/a?x=1&y=2"), 1, "en")
    assert "<b>[1] 2023-12-04</b> (published 2023-12-30)" in html
    assert '<a href="https://cand.com.vn/a?x=1&amp;y=2">Tiêu đề bài 3 &lt;b&gt;</a>' in html
    assert "<b>Câu số 3.2 nói về hợp tác &lt;an ninh&gt; &amp; phòng chống tội phạm.</b>" in html
    assert ".txt" not in html
    assert_clean_html(html)


def test_a_passage_too_long_for_any_message_is_cut_not_emptied():
    huge = passage(1, 1, best="x" * 5000)
    huge.text = huge.best_sentence
    html = passage_html(huge, 1, "vi", budget=400)
    assert len(html) <= 400 and "<blockquote><b>x" in html and html.endswith("…</b></blockquote>")
    assert_clean_html(html)


def test_plain_text_names_headline_date_and_url_never_the_file_name():
    text = plain_text(answer([passage(1, url="https://x.vn/1"), passage(2)]), SUMMARY)
    assert "Tiêu đề bài 1 <b> · https://x.vn/1" in text and "2023-12-02 (đăng 2023-12-30)" in text
    assert not re.search(r"\d{3}_[0-9a-f]{16}\.txt", text)


@pytest.mark.parametrize(
    ("asker", "quote_langs", "said", "not_said"),
    [
        ("en", ["vi", "vi"], "(quoted in Vietnamese)", None),
        ("en", ["en"], "from 1 article:", "Vietnamese"),
        ("en", ["en", "vi"], "some in Vietnamese", "(quoted in Vietnamese)"),
        ("vi", ["vi"], "(1 bài):", "tiếng Anh"),
        ("vi", ["en"], "tiếng Anh", None),
    ],
)
def test_the_lead_names_the_quotes_language_only_when_it_is_not_the_askers(asker, quote_langs, said, not_said):
    passages = [passage(i) for i in range(1, len(quote_langs) + 1)]
    for p, lang in zip(passages, quote_langs, strict=True):
        p.lang = lang
    first_line = plain_text(answer(passages, asker), SUMMARY).splitlines()[0]
    assert said in first_line
    assert not_said is None or not_said not in first_line


@pytest.mark.parametrize(
    ("asker", "more", "said"),
    [
        ("en", 2, "; 2 more articles match, narrow the time or name a partner to see them:"),
        ("en", 1, "; 1 more article match"),
        ("vi", 3, "; còn 3 bài khác"),
        ("vi", 0, "(1 bài):"),
    ],
)
def test_a_list_says_how_many_more_articles_match_than_it_shows(asker, more, said):
    listed = answer([passage(1)], asker)
    listed.more_articles = more
    assert said in plain_text(listed, SUMMARY).splitlines()[0]


def test_a_partner_named_only_in_passing_is_said_so_and_its_mentions_quoted():
    mention = passage(1, best="Các đối tác Australia, Trung Quốc, Hàn Quốc, Nhật Bản có mặt.")
    mention.text += " " + mention.best_sentence
    passing = Answer("q?", "vi", False, [mention], "passing", ["Nhật Bản"])
    [vi] = answer_messages(passing, SUMMARY)
    assert vi.startswith("<b>Không bài nào viết về Nhật Bản") and "<b>Các đối tác Australia" in vi
    passing.lang, passing.missing = "en", ["Japan"]
    text = plain_text(passing, SUMMARY)
    assert text.startswith("No article is about Japan; 1 passage mentions it only in passing:")
    assert "**Các đối tác Australia" in text and "do not mention" not in text


def test_an_inline_reply_about_a_partner_named_in_passing_says_so_and_quotes_it():
    from bot.inline import results_for

    mention = passage(1, best="Các đối tác Australia, Trung Quốc, Hàn Quốc, Nhật Bản có mặt.")
    mention.text += " " + mention.best_sentence
    [result] = results_for(Answer("q?", "en", False, [mention], "passing", ["Japan"]), SUMMARY)
    assert result.title.startswith("No article is about Japan")
    assert "Nhật Bản có mặt" in result.input_message_content.message_text
    [none] = results_for(Answer("q?", "en", False, [], "partner", ["Japan"]), SUMMARY)
    assert none.title == "Nothing in the articles"


def test_decline_names_partners_in_the_reply_language():
    declined = Answer("q", "vi", False, [], "partner", ["JP"])
    [vi] = answer_messages(declined, SUMMARY)
    assert "không nhắc đến Nhật Bản" in vi and "Nga" in vi and "Russia" not in vi
    declined.lang = "en"
    [en] = answer_messages(declined, SUMMARY)
    assert "do not mention Japan" in en and "Russia" in en and "Laos" in en


@pytest.mark.parametrize("table", [TEXTS, WORDS])
def test_every_string_exists_in_both_languages_with_the_same_fields(table):
    for key, variants in table.items():
        assert set(variants) == {"vi", "en"}, key
        fields = [set(re.findall(r"{(\w+)", v)) for v in variants.values()]
        assert fields[0] <= fields[1], key  # English may add plural endings


@pytest.mark.parametrize(
    ("text", "code", "lang"),
    [
        ("???", "en", "en"),
        ("😀", "en-US", "en"),
        ("123", "vi", "vi"),
        ("!!", None, "en"),
        ("Belarus ký gì?", "en", "vi"),
    ],
)
def test_reply_language(text, code, lang):
    assert reply_language(text, code) == lang


def test_flood_gate_notices_once_per_window():
    now = [0.0]
    gate = FloodGate(3, 10, clock=lambda: now[0])
    verdicts = [gate.check(1)[0] for _ in range(8)]
    assert verdicts == [Verdict.ALLOW] * 3 + [Verdict.NOTIFY] + [Verdict.SILENT] * 4
    assert gate.check(2)[0] is Verdict.ALLOW  # per user
    now[0] = 10.5
    assert gate.check(1)[0] is Verdict.ALLOW
    assert [gate.check(1)[0] for _ in range(3)] == [Verdict.ALLOW, Verdict.ALLOW, Verdict.NOTIFY]


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("@SecNewsBot, Belarus ký gì năm 2023?", "Belarus ký gì năm 2023?"),
        ("@secnewsbot: ai ký?", "ai ký?"),
        ("Belarus ký gì năm 2023 @SecNewsBot", "Belarus ký gì năm 2023"),
        ("Hỏi @SecNewsBot — Lào?", "Hỏi Lào?"),
        ("@SecNewsBot", ""),
        ("@SecNewsBot!!!", ""),
        ("@SecNewsBotter hi", "@SecNewsBotter hi"),
    ],
)
def test_strip_mentions(text, question):
    assert strip_mentions(text, "SecNewsBot") == question


def test_follow_up_store_expires_and_forgets():
    chat: dict = {}
    followup.remember(chat, 1, {"partners": ["BY"]})
    followup.remember(chat, 2, {"partners": ["LA"]})
    assert followup.recall(chat, 1, ttl=600) == {"partners": ["BY"]}
    followup.forget(chat, 1)
    assert followup.recall(chat, 1, ttl=600) is None
    chat[followup.KEY][2]["at"] -= 601
    assert followup.recall(chat, 2, ttl=600) is None and 2 not in chat[followup.KEY]
    followup.remember(chat, 3, {})  # nothing to remember
    assert 3 not in chat[followup.KEY]
    assert followup.recall(None, 1, ttl=600) is None


def test_token_and_webhook_secret_are_redacted_from_log_lines():
    import logging

    from bot.logs import RedactToken

    redact = RedactToken("123:tok")
    redact.add("s3cret")
    record = logging.LogRecord(
        "x", logging.DEBUG, "f", 1, "url %s params %s", ("/bot123:tok/x", {"secret_token": "s3cret"}), None
    )
    redact.filter(record)
    assert record.getMessage() == "url /bot<token>/x params {'secret_token': '<secret>'}"


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\x00\x01binary\x00",
        b"Caf\xe9 h\xf4m nay an ninh h\xe0 n\xf4i th\xe0nh ph\xf4",
        b" date 2025-01-01 Tin.\n",
        "<html><body><p>Hợp tác an ninh</p><p>Chiều 22/11, Bộ trưởng tiếp đoàn Interpol.</p></body></html>".encode(),
    ],
)
def test_every_rejected_file_gets_its_own_reason_in_the_admins_language(raw):
    with pytest.raises(ArticleError) as rejected:
        parse_article("bad.txt", raw)
    key = reason_key(rejected.value)
    assert key != "upload_unreadable"  # the generic fallback would hide what is wrong
    assert TEXTS[key]["vi"] != TEXTS[key]["en"]
