"""The original article layouts, bad files, and chunk boundaries."""

from __future__ import annotations

import itertools

import pytest

from retrieval.articles import ArticleError, load_articles, parse_article
from retrieval.chunking import MAX_CHARS, chunk_article
from retrieval.dates import PartialDate
from retrieval.text import between_photo_credits, sentence_spans
from tests.conftest import SEEDS


def seed(name_prefix: str):
    path = next(SEEDS.glob(f"{name_prefix}*.txt"))
    return parse_article(path.name, path.read_bytes())


def test_date_prefix_format_day_and_month_precision():
    assert seed("000").date == PartialDate(2025, 12, 3)
    assert seed("000").body.startswith("Ngày 3/12, tại Hà Nội")
    assert seed("001").date == PartialDate(2023, 12)  # month precision kept, no day invented
    # its first two paragraphs are photo captions ('… Ảnh: Phạm Kiên - TTXVN'); a caption is never a title
    assert seed("001").title.startswith("Tại hội đàm, Bộ trưởng Tô Lâm khẳng định")


def test_title_with_timestamp_format():
    article = seed("002")
    assert article.date == PartialDate(2025, 5, 31)
    assert article.title == "Việt Nam – Liên bang Nga đẩy mạnh hợp tác phòng, chống tội phạm"


def test_url_separator_title_format_has_no_date():
    article = seed("003")
    assert article.url.startswith("http://www.vietnamplus.vn/")
    assert article.title == "Việt Nam-Belarus hợp tác phòng chống tội phạm công nghệ cao"
    assert article.date is None
    assert not article.body.rstrip().endswith("---")


def test_plain_text_without_date_and_crlf_bom():
    raw = "\ufeffBộ Công an và Lào ký kết hợp tác.\r\nHai bên nhất trí tăng cường trao đổi.\r\n".encode()
    article = parse_article("plain.txt", raw)
    assert article.date is None and "\r" not in article.text
    assert article.title == "Bộ Công an và Lào ký kết hợp tác."


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty"),
        (b"\x00\x01binary\x00", "binary"),
        ("Hợp tác an ninh".encode("utf-16"), "binary"),
        (b"Caf\xe9 h\xf4m nay an ninh h\xe0 n\xf4i th\xe0nh ph\xf4", "UTF-8"),
        (b" date 2025-01-01 Tin.\n", "too little text"),
        (
            "<html><body><h1>Hợp tác an ninh</h1><p>Chiều 22/11, Bộ trưởng tiếp đoàn Interpol.</p></body></html>".encode(),
            "HTML",
        ),
    ],
)
def test_bad_files_are_rejected_with_a_reason(raw, reason):
    with pytest.raises(ArticleError, match=reason):
        parse_article("bad.txt", raw)


def test_bad_files_are_skipped_and_the_rest_load(tmp_path):
    (tmp_path / "good.txt").write_text(" date 2024-01-02 Bộ Công an hợp tác với Lào trong nhiều lĩnh vực.", "utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00")
    result = load_articles(tmp_path)
    assert [a.doc for a in result.articles] == ["good.txt"]
    assert "bad.txt" in result.skipped


def test_chunks_never_cut_sentences_and_stay_bounded():
    for path in sorted(SEEDS.glob("*.txt")):
        article = parse_article(path.name, path.read_bytes())
        body_sentences = {(s + article.body_start, e + article.body_start) for s, e in sentence_spans(article.body)}
        starts = {s for s, _ in body_sentences}
        ends = {e for _, e in body_sentences}
        for chunk in chunk_article(article):
            assert chunk.text == article.text[chunk.start : chunk.end]
            assert chunk.start in starts and chunk.end in ends
            assert len(chunk.text) <= MAX_CHARS or len(sentence_spans(chunk.text)) == 1
            assert "Ảnh:" not in chunk.embed_text


def test_long_paragraph_becomes_overlapping_windows():
    article = seed("003")  # one long paragraph
    chunks = chunk_article(article)
    assert len(chunks) >= 3
    assert any(a.end > b.start for a, b in itertools.pairwise(chunks))  # windows share sentences
    covered = {i for c in chunks for i in range(c.start, c.end)}
    assert all(s + article.body_start in covered for s, _ in sentence_spans(article.body))  # nothing lost


def test_chunk_ids_are_stable():
    assert [c.chunk_id for c in chunk_article(seed("004"))] == [c.chunk_id for c in chunk_article(seed("004"))]


def test_a_separator_line_divides_passages_and_is_in_none():
    body = "\n\n".join(
        [
            "Sáng 4/6, hai bên khai mạc hội nghị.",
            "***",
            "Chiều 5/6, hai bên ký thỏa thuận.",
            "-----",
            "Ngày 6/6, bế mạc.",
        ]
    )
    article = parse_article("a.txt", f"Hội nghị Interpol tại Đà Nẵng\n\n{body}\n".encode())
    texts = [c.text for c in chunk_article(article)]
    assert texts == ["Sáng 4/6, hai bên khai mạc hội nghị.", "Chiều 5/6, hai bên ký thỏa thuận.", "Ngày 6/6, bế mạc."]


def test_a_quote_interrupted_by_a_photo_credit_shows_its_answers_part_verbatim():
    """Seed 003 glues '… ký thỏa thuận hợp tác giữa hai bên. (Ảnh: Doãn Tấn/TTXVN) Chiều 21/10, …' on one
    line: cutting the credit out of the quote joined a caption to the lead, in no article's words."""
    text = "Hai bộ trưởng ký thỏa thuận. (Ảnh: Doãn Tấn/TTXVN) Chiều 21/10, hai bên hội đàm. Hai bên nhất trí."
    assert (
        between_photo_credits(text, "Chiều 21/10, hai bên hội đàm.")
        == "Chiều 21/10, hai bên hội đàm. Hai bên nhất trí."
    )
    assert between_photo_credits(text, "Hai bộ trưởng ký thỏa thuận.") == "Hai bộ trưởng ký thỏa thuận."
    caption = "Ảnh: Bộ trưởng và Đại sứ tại buổi tiếp. Ảnh: TTXVN\nHai bên hội đàm."
    assert between_photo_credits(caption, "Hai bên hội đàm.") == "Hai bên hội đàm."
    assert between_photo_credits("Không có ảnh.", "Không có ảnh.") == "Không có ảnh."
