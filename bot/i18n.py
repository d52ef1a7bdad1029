"""Every fixed string the bot sends, in Vietnamese and English, and how a reply's language is chosen.

One table, so a string cannot exist in one language only (a test checks both are present).
Quotes from the articles stay Vietnamese; everything around them follows the reply's language.
"""

from __future__ import annotations

from retrieval.lang import detect_language

LANGS = ("vi", "en")

TEXTS: dict[str, dict[str, str]] = {
    # ---- help / about ------------------------------------------------------------------------
    "help": {
        "vi": (
            "Tôi trả lời câu hỏi về hợp tác an ninh giữa Bộ Công an Việt Nam và các đối tác nước ngoài "
            "bằng cách trích nguyên văn các đoạn báo, kèm ngày và nguồn.\n\n"
            "Tôi đang có <b>{articles}</b> bài báo ({span}), về hợp tác với: {partners}.\n\n"
            "Cứ gửi câu hỏi, có dấu hoặc không dấu, tiếng Việt hoặc tiếng Anh. Ví dụ:\n{examples}\n\n"
            "Hỏi tiếp được: «còn năm 2019 thì sao?». /new để bắt đầu chủ đề mới.\n"
            "Trong nhóm: /ask câu hỏi, hoặc nhắc @{username}. Ở bất kỳ đâu: gõ @{username} câu hỏi."
        ),
        "en": (
            "I answer questions about security cooperation between Vietnam's Ministry of Public Security "
            "and its foreign partners by quoting the news articles verbatim (in Vietnamese), with date and source.\n\n"
            "I know <b>{articles}</b> articles ({span}), about cooperation with: {partners}.\n\n"
            "Just send a question, in English or Vietnamese (diacritics optional). Examples:\n{examples}\n\n"
            "Follow-ups work: “and in 2019?”. /new starts a new topic.\n"
            "In groups: /ask question, or mention @{username}. Anywhere: type @{username} question."
        ),
    },
    "example_partner_year": {
        "vi": "{partner} và Việt Nam đã hợp tác gì năm {year}?",
        "en": "What did Vietnam and {partner} agree on in {year}?",
    },
    "example_partner": {
        "vi": "Việt Nam hợp tác gì với {partner}?",
        "en": "How does Vietnam cooperate with {partner}?",
    },
    "nothing_indexed": {"vi": "chưa có", "en": "none yet"},
    "usage": {
        "vi": "Hãy viết câu hỏi sau lệnh, ví dụ: /ask {example}",
        "en": "Write your question after the command, e.g. /ask {example}",
    },
    "new_topic": {
        "vi": "Được rồi, câu hỏi tiếp theo sẽ là một chủ đề mới.",
        "en": "OK, your next question starts a new topic.",
    },
    # ---- limits ------------------------------------------------------------------------------
    "too_long": {
        "vi": "Câu hỏi dài quá ({length} ký tự, tối đa {limit}). Hãy hỏi ngắn gọn hơn.",
        "en": "That question is too long ({length} characters, at most {limit}). Please shorten it.",
    },
    "rate_limited": {
        "vi": "Bạn hỏi nhanh quá. Tôi sẽ trả lời tiếp sau khoảng {seconds} giây.",
        "en": "You're asking faster than I can keep up. I'll answer again in about {seconds} seconds.",
    },
    # ---- admin -------------------------------------------------------------------------------
    "not_admin": {
        "vi": "Xin lỗi, lệnh này chỉ dành cho quản trị viên.",
        "en": "Sorry, this command is for administrators only.",
    },
    "upload_not_admin": {
        "vi": "Cảm ơn bạn, nhưng chỉ quản trị viên mới thêm được bài báo. Hãy gửi câu hỏi bằng văn bản.",
        "en": "Thanks, but only administrators can add articles. Please send your question as text.",
    },
    "reindex_started": {"vi": "Đang cập nhật chỉ mục…", "en": "Re-indexing…"},
    "reindex_progress": {
        "vi": "Đang cập nhật chỉ mục… đã nhúng {done}/{total} đoạn.",
        "en": "Re-indexing… {done}/{total} passages embedded.",
    },
    "reindex_busy": {
        "vi": "Một lần cập nhật chỉ mục đang chạy; hãy đợi nó xong.",
        "en": "A re-index is already running; please wait for it to finish.",
    },
    "reindex_done": {
        "vi": "Đã cập nhật chỉ mục: {articles} bài, {chunks} đoạn, {new} đoạn mới được nhúng, {seconds} giây.",
        "en": "Index updated: {articles} articles, {chunks} passages, {new} newly embedded, {seconds} s.",
    },
    "reindex_failed": {
        "vi": "Cập nhật chỉ mục thất bại ({error}). Chỉ mục cũ vẫn đang phục vụ.",
        "en": "Re-index failed ({error}). The previous index is still serving.",
    },
    "skipped_files": {"vi": "Bỏ qua: {files}", "en": "Skipped: {files}"},
    "upload_ok": {
        "vi": "Đã thêm bài «{title}» ({date}): {chunks} đoạn mới.",
        "en": "Added the article “{title}” ({date}): {chunks} new passages.",
    },
    "upload_replaced": {
        "vi": "Đã thay bài cùng tên bằng «{title}» ({date}): chỉ mục có {total} đoạn.",
        "en": "Replaced the article of the same name with “{title}” ({date}): the index has {total} passages.",
    },
    "upload_duplicate": {
        "vi": "Bài này đã có: «{title}» ({date}). Không thêm lần nữa.",
        "en": "This article is already there: “{title}” ({date}). Not added again.",
    },
    "upload_rejected": {"vi": "Không nhận tệp này: {reason}.", "en": "File not accepted: {reason}."},
    "upload_not_txt": {"vi": "chỉ nhận tệp .txt", "en": "only .txt files are accepted"},
    "upload_too_large": {"vi": "tệp lớn hơn {limit} byte", "en": "the file is larger than {limit} bytes"},
    "upload_download_failed": {"vi": "không tải được tệp", "en": "the file could not be downloaded"},
    "upload_empty": {"vi": "tệp rỗng", "en": "the file is empty"},
    "upload_binary": {"vi": "tệp nhị phân, không phải văn bản", "en": "the file is binary, not text"},
    "upload_not_utf8": {"vi": "tệp không phải văn bản UTF-8", "en": "the file is not UTF-8 text"},
    "upload_too_little": {
        "vi": "tệp có quá ít chữ để là một bài báo",
        "en": "the file has too little text to be an article",
    },
    "upload_no_body": {"vi": "tệp có phần đầu nhưng không có nội dung", "en": "the file has a header but no body"},
    "upload_html": {
        "vi": "tệp là một trang HTML, không phải văn bản thuần; hãy lưu bài dưới dạng văn bản (.txt)",
        "en": "the file is an HTML page, not plain text; save the article as text (.txt)",
    },
    "upload_unreadable": {"vi": "không đọc được tệp như một bài báo", "en": "the file cannot be read as an article"},
    "stats": {
        "vi": (
            "Bài báo: {articles}\nĐoạn: {chunks}\nChỉ mục tạo lúc: {created} ({age} phút trước)\nMô hình: {embedder}\n"
            "Câu hỏi đã trả lời từ khi khởi động: {answered}\nThời gian trả lời p50/p95: {p50} / {p95} ms"
        ),
        "en": (
            "Articles: {articles}\nPassages: {chunks}\nIndex built: {created} ({age} min ago)\nEmbedder: {embedder}\n"
            "Questions answered since start: {answered}\nAnswer time p50/p95: {p50} / {p95} ms"
        ),
    },
    # ---- everything else ---------------------------------------------------------------------
    "unknown_command": {
        "vi": "Tôi không biết lệnh này. Gõ /help để xem cách dùng.",
        "en": "I don't know that command. Send /help to see what I can do.",
    },
    "error": {
        "vi": "Xin lỗi, đã có lỗi xảy ra. Hãy thử lại sau.",
        "en": "Sorry, something went wrong. Please try again later.",
    },
    "not_text": {"vi": "Hãy gửi câu hỏi bằng văn bản.", "en": "Please send your question as text."},
    "inline_help_title": {"vi": "Hỏi về hợp tác an ninh", "en": "Ask about security cooperation"},
    "inline_help_text": {
        "vi": "Gõ câu hỏi sau tên bot, ví dụ: @{username} {example}",
        "en": "Type a question after the bot's name, e.g. @{username} {example}",
    },
    "inline_nothing": {"vi": "Không tìm thấy trong các bài báo", "en": "Nothing in the articles"},
    # ---- command menu (setMyCommands) --------------------------------------------------------
    "cmd_ask": {"vi": "Hỏi về hợp tác an ninh", "en": "Ask about security cooperation"},
    "cmd_help": {"vi": "Cách dùng và các bài báo đang có", "en": "How to use the bot, what the articles cover"},
    "cmd_about": {"vi": "Các bài báo nói về gì", "en": "What the articles cover"},
    "cmd_new": {"vi": "Bắt đầu chủ đề mới", "en": "Start a new topic"},
}

# Commands shown in Telegram's menu, in this order (descriptions come from the table above).
MENU = ("ask", "help", "about", "new")


def t(key: str, lang: str, **values: object) -> str:
    """The string `key` in `lang` ('vi' or 'en'), formatted; values are inserted as given (escape first)."""
    variants = TEXTS[key]
    return variants.get(lang, variants["en"]).format(**values)


def user_language(language_code: str | None) -> str:
    """'vi' for Vietnamese Telegram clients, else 'en'."""
    return "vi" if (language_code or "").lower().startswith("vi") else "en"


def reply_language(text: str | None, language_code: str | None) -> str:
    """The question's language; for text with no words in it (emoji, '???', digits) the client's."""
    if text and any(ch.isalpha() for ch in text):
        return detect_language(text)
    return user_language(language_code)
