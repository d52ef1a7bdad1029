"""Foreign names spelled by sound in Vietnamese syllables ('Ca-dắc-xtan') are read as their partner."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrieval import transliteration
from retrieval.partners import named_only_in_lists, partners_in_question, partners_in_text
from tests.fakes import fake_searcher


@pytest.mark.parametrize(
    ("spelling", "key"),
    [
        ("Ca-dắc-xtan", "KZ"),
        ("U-dơ-bê-ki-xtan", "UZ"),
        ("Bê-la-rút", "BY"),
        ("Xri Lan-ca", "LK"),
        ("I-xra-en", "IL"),
        ("Bun-ga-ri", "BG"),  # not Hungary: no Vietnamese syllable ends in 'l'
        ("Hung-ga-ri", "HU"),
        ("Mô-dăm-bích", "MZ"),
        ("Tát-gi-ki-xtan", "TJ"),
        ("Cô-lôm-bi-a", "CO"),
        ("Ru-an-đa", "RW"),
    ],
)
def test_a_country_spelled_by_sound_is_that_country(spelling: str, key: str):
    assert partners_in_text(f"Hội đàm giữa Bộ Công an Việt Nam và Bộ Nội vụ {spelling}.", "vi") == {key}


@pytest.mark.parametrize(
    "name",
    [
        "Tom-bo Ba-lin",
        "Ri-vlin",
        "Li-bơ-man",
        "Vla-đi-mia Pu-tin",
        "Ni-cô-lai Pa-tru-sép",
        "Ma-ni-la",
        "Xi-ga-rét",
        "Mát-xcơ-va",
        "Oa-sinh-tơn",
        "Bu-ca-rét",
        "Bra-xi-li-a",
    ],
)
def test_people_and_cities_spelled_by_sound_are_no_partner(name: str):
    assert partners_in_text(f"Bộ trưởng đã tiếp ông {name} tại trụ sở.", "vi") == set()


def test_a_question_naming_a_spelled_partner_is_about_it():
    assert partners_in_question("Bộ Công an hợp tác gì với Ca-dắc-xtan?") == {"KZ"}


def test_a_spelled_partner_counts_in_an_enumeration_like_any_name():
    text = "Đại diện Ca-dắc-xtan, Lào, Campuchia và Thái Lan dự hội nghị."
    assert named_only_in_lists(text, "KZ")


def test_keys_follow_the_sounds_the_letters_write():
    assert transliteration.vietnamese_key("Ca-dắc-xtan") == transliteration.english_key("Kazakhstan")
    assert transliteration.vietnamese_key("Phi-líp-pin") == "filipin"  # 'ph' is /f/, no tone marks
    assert transliteration.vietnamese_key("Đa-ni") != transliteration.vietnamese_key("Da-ni")  # 'đ' is /d/, 'd' /z/


@given(st.text(alphabet="abcdeghiklmnopqrstuvxyăâđêôơư", min_size=1, max_size=12))
def test_a_spelling_is_read_the_same_whatever_its_hyphens_and_tone_marks(letters: str):
    split = "-".join(letters[i : i + 3] for i in range(0, len(letters), 3))
    with_tones = "".join(c + "\u0301" if c in "aeiou" else c for c in letters)  # acute accents (NFD)
    assert transliteration.vietnamese_key(split) == transliteration.vietnamese_key(letters)
    assert transliteration.vietnamese_key(with_tones) == transliteration.vietnamese_key(letters)


def test_an_english_question_reaches_the_article_that_spells_the_partner_by_sound(tmp_path: Path):
    kazakhstan = (
        "Việt Nam - Ca-dắc-xtan tăng cường hợp tác\n\n date 2015-04-23 Ngày 23/4, tại Astana, Bộ trưởng Bộ Công an"
        " hội đàm với Bộ trưởng Nội vụ Ca-dắc-xtan. Hai bên ký Kế hoạch hợp tác phòng, chống tội phạm ma túy.\n"
    )
    belarus = (
        "Việt Nam - Belarus hợp tác\n\n date 2016-05-10 Ngày 10/5, tại Hà Nội, Bộ trưởng Bộ Công an tiếp Bộ"
        " trưởng Nội vụ Belarus. Hai bên ký Bản ghi nhớ hợp tác.\n"
    )
    searcher = fake_searcher({"kz.txt": kazakhstan, "by.txt": belarus}, tmp_path)
    answer = searcher.ask("What did Vietnam sign with Kazakhstan?")
    assert answer.answerable and [p.doc for p in answer.passages] == ["kz.txt"]
