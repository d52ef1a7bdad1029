"""Question analysis: partners asked about (ambiguous Vietnamese names), English expansion."""

from __future__ import annotations

import pytest

from retrieval.lexicon import partners_in_question, partners_in_text
from retrieval.query import analyse
from retrieval.text import normalize


@pytest.mark.parametrize(
    ("question", "partners"),
    [
        ("Did the ministry sign anything with Japan's police?", {"Japan"}),
        ("bo cong an ky ket voi phap", {"France"}),
        ("Hợp tác với Pháp năm 2024", {"France"}),
        ("hợp tác về pháp luật với Lào", {"Laos"}),
        ("Ý định thư ký với Belarus", {"Belarus"}),
        ("Phía Nga đánh giá cao", {"Russia"}),
    ],
)
def test_partners_named_in_questions(question, partners):
    assert partners_in_question(question) == partners


def test_person_names_and_photo_credits_are_not_countries():
    assert partners_in_text(normalize("Bộ trưởng và Thư ký. Ảnh: Minh Đức")) == set()
    assert partners_in_text(normalize("hợp tác với Bộ Nội vụ Đức")) == {"Germany"}


def test_english_question_is_expanded_into_vietnamese_terms():
    plan = analyse("Which memorandum on drug crime did Vietnam propose with Russia?")
    assert plan.lang == "en"
    assert {"ban_ghi", "ghi_nho", "toi_pham", "nga", "lien_bang"} <= set(plan.terms)
