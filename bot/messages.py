"""What the bot says, in Vietnamese and English. Quotes from the articles stay Vietnamese."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "help": {
        "vi": (
            "Tôi trả lời câu hỏi về hợp tác an ninh giữa Bộ Công an Việt Nam và các đối tác nước ngoài, "
            "bằng cách trích nguyên văn các đoạn báo, kèm ngày và nguồn.\n\n"
            "Tôi đang có <b>{articles}</b> bài báo ({span}).\n\n"
            "Cứ gửi câu hỏi, có dấu hoặc không dấu, tiếng Việt hoặc tiếng Anh. Ví dụ:\n"
            "• Việt Nam ký gì với Belarus năm 2023?\n"
            "• hop tac voi nam phi ve dong vat hoang da\n"
            "• Who did the minister meet in Moscow?\n\n"
            "Trong nhóm: /ask câu hỏi, hoặc nhắc @{username}. Ở bất kỳ đâu: gõ @{username} câu hỏi."
        ),
        "en": (
            "I answer questions about security cooperation between Vietnam's Ministry of Public Security "
            "and its foreign partners by quoting the news articles verbatim (in Vietnamese), with date and source.\n\n"
            "I know <b>{articles}</b> articles ({span}).\n\n"
            "Just send a question, in English or Vietnamese (diacritics optional). Examples:\n"
            "• What did Vietnam sign with Belarus in 2023?\n"
            "• Who did the minister meet in Moscow?\n"
            "• hop tac voi nam phi ve dong vat hoang da\n\n"
            "In groups: /ask question, or mention @{username}. Anywhere: type @{username} question."
        ),
    },
    "ask_usage": {"vi": "Cách dùng: /ask câu hỏi của bạn", "en": "Usage: /ask your question"},
    "too_long": {
        "vi": "Câu hỏi dài quá ({length} ký tự, tối đa {limit}). Hãy hỏi ngắn gọn hơn.",
        "en": "That question is too long ({length} characters, at most {limit}). Please shorten it.",
    },
    "rate_limited": {
        "vi": "Bạn hỏi nhanh quá. Hãy thử lại sau {seconds} giây.",
        "en": "You're asking faster than I can keep up. Please try again in {seconds} seconds.",
    },
    "not_admin": {
        "vi": "Xin lỗi, lệnh này chỉ dành cho quản trị viên.",
        "en": "Sorry, this command is for administrators only.",
    },
    "reindex_started": {"vi": "Đang cập nhật chỉ mục…", "en": "Re-indexing…"},
    "reindex_busy": {
        "vi": "Một lần cập nhật chỉ mục đang chạy; hãy đợi nó xong.",
        "en": "A re-index is already running; please wait for it to finish.",
    },
    "reindex_done": {
        "vi": "Đã cập nhật chỉ mục: {articles} bài, {chunks} đoạn, {new} đoạn mới được nhúng, {seconds:.1f} giây.",
        "en": "Index updated: {articles} articles, {chunks} passages, {new} newly embedded, {seconds:.1f} s.",
    },
    "reindex_failed": {
        "vi": "Cập nhật chỉ mục thất bại: {error}. Chỉ mục cũ vẫn đang phục vụ.",
        "en": "Re-index failed: {error}. The previous index is still serving.",
    },
    "skipped_files": {"vi": "Bỏ qua: {files}", "en": "Skipped: {files}"},
    "upload_ok": {
        "vi": "Đã thêm bài {name}: {chunks} đoạn mới. Ngày của bài: {date}.",
        "en": "Added article {name}: {chunks} new passages. Article date: {date}.",
    },
    "no_date": {"vi": "không tìm thấy", "en": "none found"},
    "upload_rejected": {"vi": "Không nhận tệp này: {reason}.", "en": "File not accepted: {reason}."},
    "upload_not_txt": {"vi": "chỉ nhận tệp .txt", "en": "only .txt files are accepted"},
    "upload_too_large": {"vi": "tệp lớn hơn {limit} byte", "en": "the file is larger than {limit} bytes"},
    "upload_download_failed": {"vi": "không tải được tệp", "en": "the file could not be downloaded"},
    "unknown_command": {
        "vi": "Tôi không biết lệnh này. Gõ /help để xem cách dùng.",
        "en": "I don't know that command. Send /help to see what I can do.",
    },
    "error": {
        "vi": "Xin lỗi, đã có lỗi xảy ra. Hãy thử lại sau.",
        "en": "Sorry, something went wrong. Please try again later.",
    },
    "not_text": {
        "vi": "Hãy gửi câu hỏi bằng văn bản.",
        "en": "Please send your question as text.",
    },
    "stats": {
        "vi": (
            "Bài báo: {articles}\nĐoạn: {chunks}\nChỉ mục tạo lúc: {created} ({age})\nMô hình: {embedder}\n"
            "Câu hỏi đã trả lời từ khi khởi động: {answered}\nThời gian trả lời p50/p95: {p50} / {p95} ms"
        ),
        "en": (
            "Articles: {articles}\nPassages: {chunks}\nIndex built: {created} ({age})\nEmbedder: {embedder}\n"
            "Questions answered since start: {answered}\nAnswer time p50/p95: {p50} / {p95} ms"
        ),
    },
    "inline_help_title": {"vi": "Hỏi về hợp tác an ninh", "en": "Ask about security cooperation"},
    "inline_help_text": {
        "vi": "Gõ câu hỏi sau tên bot, ví dụ: @{username} Việt Nam ký gì với Belarus?",
        "en": "Type a question after the bot's name, e.g. @{username} What did Vietnam sign with Belarus?",
    },
    "inline_nothing": {"vi": "Không tìm thấy trong các bài báo", "en": "Nothing in the articles"},
}


def text(key: str, lang: str, **values: object) -> str:
    variants = TEXTS[key]
    return variants.get(lang, variants["en"]).format(**values)


def user_language(language_code: str | None) -> str:
    """'vi' for Vietnamese Telegram clients, else 'en'."""
    return "vi" if (language_code or "").lower().startswith("vi") else "en"
