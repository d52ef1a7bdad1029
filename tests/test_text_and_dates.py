"""Normalisation, folding, sentences, and date parsing / resolution."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.dates import PartialDate, find_event_dates, question_time
from retrieval.diacritics import SpellingCounts, restore
from retrieval.lang import detect_language
from retrieval.text import fold, normalize, sentence_spans, strip_photo_credits, words


@pytest.mark.parametrize(("a", "b"), [("hòa", "hoà"), ("thúy", "thuý"), ("Ủy", "Uỷ"), ("tuý", "túy"), ("khỏe", "khoẻ")])
def test_tone_mark_placements_normalise_to_one_form(a, b):
    assert normalize(a) == normalize(b)
    assert normalize(f"Cộng {a} xã hội") == normalize(f"Cộng {b} xã hội")


@pytest.mark.parametrize("name", ["Año", "España", "Peña Nieto", "São Paulo"])
def test_a_foreign_names_marks_stay_where_they_are(name: str):
    # a tilde on a consonant is no Vietnamese tone: 'Año' is not 'Ãno'
    assert normalize(name) == unicodedata.normalize("NFC", name)


def test_distinct_words_stay_distinct():
    assert normalize("người") != normalize("ngươi") and normalize("quốc") == "quốc"


def test_folding_removes_all_diacritics():
    assert fold("Hợp tác với Belarus, Đại tướng") == "hop tac voi belarus, dai tuong"
    assert words("hop tac voi Belarus") == words("hợp tác với Belarus")


@given(st.text(max_size=60))
def test_folding_leaves_no_nonspacing_mark_and_is_idempotent(text):
    folded = fold(text)
    assert not any(unicodedata.category(c) == "Mn" for c in unicodedata.normalize("NFD", folded))
    assert fold(folded) == folded


def test_sentences_keep_initials_and_split_on_stops():
    text = "Bộ trưởng Mmamiloko T. Kubayi phát biểu. Hai bên thống nhất./. Ảnh: TTXVN"
    sentences = [text[s:e] for s, e in sentence_spans(text)]
    assert sentences[0] == "Bộ trưởng Mmamiloko T. Kubayi phát biểu."
    assert sentences[1] == "Hai bên thống nhất./."
    chained = "Đoàn do Đại tướng A.V. Bortnikov, Giám đốc FSB, dẫn đầu. Hai bên hội đàm."
    first, _ = sentence_spans(chained)
    assert chained[first[0] : first[1]] == "Đoàn do Đại tướng A.V. Bortnikov, Giám đốc FSB, dẫn đầu."
    titled = "Deputy Minister Lt. Gen. Le Quoc Hung met Dr. Smith. They signed a memorandum."
    assert (
        next(titled[s:e] for s, e in sentence_spans(titled)) == "Deputy Minister Lt. Gen. Le Quoc Hung met Dr. Smith."
    )
    glued = "Hai bên ký thỏa thuận. (Ảnh: Doãn Tấn/TTXVN) Chiều 21/10, tại Hà Nội, hai bên hội đàm."
    assert [glued[s:e] for s, e in sentence_spans(glued)][-1] == "Chiều 21/10, tại Hà Nội, hai bên hội đàm."


def test_photo_credits_are_stripped_but_captions_stay():
    assert strip_photo_credits("Quang cảnh buổi hội đàm. Ảnh: Phạm Kiên - TTXVN") == "Quang cảnh buổi hội đàm."
    assert strip_photo_credits("ký thỏa thuận. (Ảnh: Doãn Tấn/TTXVN) Chiều 21/10") == "ký thỏa thuận. Chiều 21/10"


def labels(text: str, article: PartialDate | None) -> list[str]:
    return [e.label() for e in find_event_dates(normalize(text), article)]


def test_day_month_resolves_against_article_year():
    article = PartialDate(2025, 12, 3)
    assert labels("Ngày 3/12, tại Hà Nội", article) == ["2025-12-03"]
    assert labels("diễn ra ngày 2/12", article) == ["2025-12-02"]
    assert labels("ngày 29-5, tại Moskva", PartialDate(2025, 5, 31)) == ["2025-05-29"]


def test_day_month_without_article_year_is_not_guessed():
    [event] = find_event_dates("Chiều 21/10, tại Hà Nội", None)
    assert event.date.year is None and event.label() == "21/10"


def test_months_years_ranges_and_periods():
    article = PartialDate(2023, 12)
    assert labels("ký tháng 11/2022 tại Minsk", article) == ["2022-11"]
    # the month and year joined by a dash, as some papers write them, keep their own year
    assert labels("quan hệ Đối tác chiến lược (tháng 9-2013)", article) == ["2013-09"]
    assert labels("đã ký kết năm 2018", article) == ["2018"]
    assert labels("từ ngày 6 - 9/12/2023", article) == ["2023-12-06"]
    # a range written with a word names its first day too, as the dash form does
    assert labels("từ ngày 4 đến 6/6/2015", article) == ["2015-06-04"]
    # ... and with the day and month joined by a dash, as in the single day 'Ngày 13-2'
    assert labels("thăm, làm việc tại Malaysia từ ngày 12 đến 13-2", PartialDate(2020, 2, 13)) == ["2020-02-12"]
    assert labels("từ ngày 12 đến 13-2-2020", article) == ["2020-02-12"]
    [period] = find_event_dates("giai đoạn 2024 - 2026", article)
    assert period.kind == "period" and period.covers(2025) and not period.covers(2027)
    assert labels("thiết lập quan hệ ngoại giao (1973)", article) == ["1973"]


def test_impossible_dates_are_ignored():
    assert labels("ngày 31/2 và tháng 13/2020", PartialDate(2020)) == []


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Việt Nam ký gì với Belarus năm 2023?", (2023, None)),
        ("tháng 12/2025", (2025, 12)),
        ("What was signed in December 2023?", (2023, 12)),
        ("ky ket nam 2024", (2024, None)),
        ("thu tuong tham viet nam thang 12 2023", (2023, 12)),
        ("giai doan 2024 2026", None),
        ("Who is he?", None),
    ],
)
def test_time_in_questions(question, expected):
    found = question_time(question)
    assert (found.year, found.month) == expected if expected else found is None


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Bộ Công an ký gì?", "vi"),
        ("ke hoach hop tac voi Belarus giai doan 2024 2026", "vi"),
        ("bo cong an ky ket voi phap nam 2024", "vi"),
        ("Who did Luong Tam Quang meet in Moscow?", "en"),
        ("Cooperation between Vietnam and Belarus's KGB on high-tech crime", "en"),
        # short questions: a partner's name only one language writes that way decides
        ("Campuchia", "vi"),
        ("to lam tham an do", "vi"),
        ("Cambodia", "en"),
        ("hi", "en"),
    ],
)
def test_language_detection_including_vietnamese_without_diacritics(question, lang):
    assert detect_language(question) == lang


def test_dates_of_mixed_precision_have_a_total_order():
    from retrieval.dates import PartialDate

    dates = [PartialDate(2023, 3, 6), PartialDate(2023), PartialDate(None, 10, 21), PartialDate(2023, 3)]
    assert sorted(dates) == [
        PartialDate(None, 10, 21),
        PartialDate(2023),
        PartialDate(2023, 3),
        PartialDate(2023, 3, 6),
    ]
    assert max(dates) == PartialDate(2023, 3, 6)


# ---- diacritics restored from the articles' own spellings ----------------------------------------

SPELLINGS_TEXT = (
    "Hai bên ký kết Kế hoạch hợp tác. Thư ký Hội đồng An ninh Belarus sang thăm. "
    "Kỳ họp thứ hai bàn về phòng, chống tội phạm ma túy. Bộ Công an ký Bản ghi nhớ."
)


def _spellings() -> SpellingCounts:
    counts = SpellingCounts()
    counts.add(SPELLINGS_TEXT)
    return counts


def test_diacritics_are_restored_by_context_not_by_syllable_alone():
    counts = _spellings()
    # 'ky' is ký before 'ket' and after 'thu', kỳ before 'hop': the neighbours decide
    assert restore("bo cong an ky ket ke hoach voi thu ky hoi dong", counts) == (
        "bộ công an ký kết kế hoạch voi thư ký hội đồng"  # 'voi' is not in the articles: kept as typed
    )
    # spelled as the articles do, tone marks placed canonically (the articles' 'túy' matches as 'tuý')
    assert restore("Ky hop thu hai ve toi pham ma tuy?", counts) == normalize("Kỳ họp thứ hai về tội phạm ma túy?")


@given(st.text(alphabet=st.sampled_from(list("abcdeghiklmnopqrstuvy ?,.0123456789ĐđáàBKT")), max_size=60))
@settings(max_examples=200, deadline=None)
def test_restoring_diacritics_changes_nothing_but_diacritics(typed):
    restored = restore(typed, _spellings())
    assert fold(restored) == fold(typed)
    assert restore(SPELLINGS_TEXT, _spellings()) == SPELLINGS_TEXT  # text with its diacritics is left alone
