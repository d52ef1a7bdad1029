"""Quotes are cut from the article around the answering sentence, across passage boundaries, and
the quotes of one answer never repeat each other (retrieval/answer/quoting.py)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from retrieval.answer.quoting import Quote, body_sentences, clipped, quote, section, shown_already
from retrieval.search import Searcher
from retrieval.text import sentence_spans
from tests.fakes import fake_searcher

SENTENCE = st.from_regex(r"[A-Z][a-z]{1,8}( [a-z]{1,8}){0,12}\.", fullmatch=True)
PARAGRAPHS = st.lists(st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=6)


def _body_and_answer(paragraphs: list[str], pick: int) -> tuple[str, tuple[int, int]]:
    body = "\n\n".join(paragraphs)
    spans = sentence_spans(body)
    return body, spans[pick % len(spans)]


@given(PARAGRAPHS, st.integers(0, 50), st.integers(40, 400))
def test_a_quote_is_whole_sentences_around_the_answer_within_the_limit(paragraphs, pick, limit):
    body, (start, end) = _body_and_answer(paragraphs, pick)
    found = quote("a", sentence_spans(body), start, end, limit)
    assert found.start <= start and end <= found.end
    assert found.end - found.start <= max(limit, end - start)
    starts = {s for s, _ in sentence_spans(body)}
    ends = {e for _, e in sentence_spans(body)}
    assert found.start in starts | {start} and found.end in ends | {end}


@given(PARAGRAPHS, st.integers(0, 50), st.integers(0, 50), st.integers(40, 300))
def test_a_second_quote_of_an_article_shows_nothing_the_first_shows(paragraphs, first_pick, second_pick, limit):
    body, (a_start, a_end) = _body_and_answer(paragraphs, first_pick)
    _, (b_start, b_end) = _body_and_answer(paragraphs, second_pick)
    first = quote("a", sentence_spans(body), a_start, a_end, limit)
    second = quote("a", sentence_spans(body), b_start, b_end, limit)
    if shown_already(second, [first]):
        assert first.start <= b_start and b_end <= first.end
        return
    kept = clipped(second, [first])
    assert kept.start <= b_start and b_end <= kept.end  # the answering sentence stays
    assert kept.end <= first.start or first.end <= kept.start  # and nothing is shown twice


@given(PARAGRAPHS, PARAGRAPHS, st.integers(0, 50), st.integers(40, 2000))
def test_a_quote_never_crosses_a_separator_line(before, after, pick, limit):
    first, second = "\n\n".join(before), "\n\n".join(after)
    body = f"{first}\n***\n{second}"
    start, end = sentence_spans(second)[pick % len(sentence_spans(second))]
    start, end = start + len(first) + 5, end + len(first) + 5
    found = quote("a", section(body_sentences(body), start), start, end, limit)
    assert "***" not in body[found.start : found.end] and found.start >= len(first) + 5


def test_quotes_of_other_articles_are_never_clipped():
    other = Quote("b", 0, 100, 10, 20)
    mine = Quote("a", 0, 100, 10, 20)
    assert not shown_already(mine, [other])
    assert clipped(mine, [other]) == mine


LEAD = (
    "Ngày 20/12/2016, tại Bangkok, Bộ trưởng Bộ Công an và Tổng Tư lệnh Cảnh sát Hoàng gia Thái Lan đồng chủ trì "
    "Đối thoại cấp cao lần thứ nhất giữa hai lực lượng về phòng, chống tội phạm và các vấn đề an ninh khu vực."
)
FOLLOWING = (
    "Hai bên trao đổi về hợp tác chống tội phạm xuyên quốc gia, tội phạm ma tuý và tội phạm môi trường, "
    "đồng thời thống nhất các biện pháp trao đổi thông tin và đào tạo cán bộ trong thời gian tới."
)
CLOSING = (
    "Nhân dịp này, Bộ trưởng ký biên bản hợp tác với Cảnh sát Hoàng gia Thái Lan và mời phía bạn "
    "sang Việt Nam dự phiên đối thoại lần thứ hai vào năm sau tại Hà Nội theo kế hoạch."
)


def _searcher(tmp_path: Path) -> Searcher:
    return fake_searcher({"thai.txt": f" date 2016-12-20 {LEAD}\n\n{FOLLOWING}\n\n{CLOSING}"}, tmp_path)


def test_a_lead_is_quoted_with_the_paragraph_that_goes_on_from_it(tmp_path: Path):
    answer = _searcher(tmp_path).ask("Đối thoại cấp cao lần thứ nhất với Cảnh sát Hoàng gia Thái Lan ở Bangkok")
    top = answer.passages[0]
    assert top.best_sentence == LEAD
    assert top.text.startswith(LEAD) and FOLLOWING in top.text  # the next passage's paragraph, verbatim
    shown = [p.text for p in answer.passages]
    for i, text in enumerate(shown):  # no sentence is quoted twice in one answer
        for other in shown[i + 1 :]:
            assert not any(s.strip() in other for s in text.split("\n\n") if s.strip())
