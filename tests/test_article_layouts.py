"""Real article layouts: the date and headline of every dev and seed article, each header form,
and the trailing matter that must stay out of the body."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.articles import find_duplicate, load_articles, parse_article
from retrieval.config import PROJECT_ROOT
from retrieval.dates import PartialDate as D
from retrieval.headers import dateline_date, find_date

DEV2 = PROJECT_ROOT.parent / "shared" / "dev2" / "articles"
SEEDS = PROJECT_ROOT / "seeds"

# File name prefix -> (publication date as the file shows it, or None; the headline's start).
# Read by hand from each file; a dateline date ('(TTXVN) - Chiều 22-6-2015, …') counts when the
# header has none, a day and month without a year ('Chiều 27/8') does not.
DEV2_EXPECTED: dict[str, tuple[D | None, str]] = {
    "201": (D(2010, 5, 26), "Việt Nam hoàn thành vai trò Chủ tịch ASEANAPOL lần thứ 29"),
    "202": (D(2011, 2, 2), "Public Security Ministry and UNODC review cooperation on drugs and crime"),
    "203": (D(2011, 10, 31), "Hà Nội đón kỳ họp Đại hội đồng Interpol lần thứ 80"),
    "204": (None, "Bộ trưởng Trần Đại Quang đón đoàn cấp cao Singapore"),
    "205": (D(2013, 4, 3), "Hợp tác an ninh Việt Nam - Liên bang Nga"),
    "206": (D(2015, 11, 10), "Làm sâu sắc quan hệ Bộ Công an Việt Nam - Bộ Nội vụ Singapore"),
    "207": (D(2016, 12, 20), "Việt Nam - Thái Lan mở cơ chế Đối thoại cấp cao về an ninh"),
    "208": (D(2017, 7, 6), "Tổng Thư ký Interpol Jürgen Stock làm việc tại Việt Nam"),
    "209": (D(2018, 2, 22), "Tăng cường hợp tác công nghệ cao Việt Nam - Israel"),
    "210": (D(2018, 10, 16), "Việt Nam - Mông Cổ thúc đẩy hợp tác phòng, chống tội phạm"),
    "211": (D(2018, 11, 22), "Việt Nam và Anh ký Bản ghi nhớ hợp tác phòng, chống mua bán người"),
    "212": (D(2019, 12, 2), "Đối thoại An ninh cấp Thứ trưởng Việt Nam - Australia lần thứ hai"),
    "213": (D(2020, 2, 13), "Việt Nam - Malaysia đẩy mạnh đấu tranh phòng, chống tội phạm xuyên quốc gia"),
    "214": (D(2021, 3, 16), "Thư ký Hội đồng An ninh Nga mang lô vaccine Sputnik V sang Việt Nam"),
    "215": (D(2022, 10, 15), "Bộ trưởng Tô Lâm thăm chính thức Cuba"),
    "216": (D(2022, 11, 9), "Tăng cường hợp tác giữa các cơ quan thực thi pháp luật Việt Nam và Pháp"),
    "217": (D(2023, 4, 10), "Việt Nam và Ấn Độ nhất trí thúc đẩy hợp tác an ninh chiến lược"),
    "218": (D(2023, 5, 29), "Khai mạc Đối thoại cấp cao Việt Nam - Thái Lan lần thứ 2"),
    "219": (None, "Hợp tác Việt Nam - Italy trong lĩnh vực thực thi pháp luật"),
    "220": (D(2024, 2, 1), "Philippine security adviser and Vietnam's public security minister hold talks"),
    "221": (D(2024, 8, 23), "Nâng cao hiệu quả hợp tác với Indonesia về an ninh và thực thi pháp luật"),
    "222": (D(2024, 10, 9), "Việt Nam - Singapore thúc đẩy hợp tác phòng, chống tội phạm xuyên quốc gia"),
    "223": (D(2025, 2, 26), "Vietnam, Kazakhstan to step up cooperation against corruption-related crime"),
    "224": (D(2025, 4, 1), "Việt Nam - Anh ký Kế hoạch hành động chung phòng, chống mua bán người"),
    "225": (D(2025, 4, 9), "Bộ Công an tăng cường hợp tác với Cơ quan An ninh quốc gia Uzbekistan"),
    "226": (D(2026, 2, 5), "Bộ Công an Việt Nam - Lào tăng cường hợp tác phòng, chống tội phạm"),
    "227": (None, "Thứ trưởng Lê Quý Vương tiếp Cố vấn Bộ trưởng Ngoại giao"),
    "228": (None, "Việt Nam và Cộng hoà Czech hợp tác chống tội phạm ma tuý"),
    "229": (D(2025, 5, 6), "Thúc đẩy quan hệ hợp tác quốc phòng Việt Nam - Kazakhstan"),
    "230": (None, "Hợp tác Việt Nam - I-xra-en"),
    "301": (D(2014, 3, 12), "Việt Nam – Xri Lan-ca đàm phán hai hiệp định về dẫn độ"),
    "302": (D(2015, 6, 22), "Bộ trưởng Trần Đại Quang hội đàm với Phó Thủ tướng, Bộ trưởng Nội vụ Bulgaria"),
    "303": (D(2017, 3, 7), "Việt Nam và Slovakia ký thỏa thuận hợp tác đấu tranh phòng, chống tội phạm"),
    "304": (None, "Bộ Công an Việt Nam và Cảnh sát New Zealand ký thoả thuận mới"),
    "305": (None, "Việt Nam - Brunei thống nhất đẩy mạnh hợp tác phòng, chống tội phạm"),
    "306": (D(2022, 11, 11), "Vietnam, Netherlands to tighten cooperation in fighting crime"),
    "307": (D(2023, 12, 5), "Bộ trưởng Tô Lâm thăm và làm việc tại Ai Cập"),
    "308": (D(2024, 4, 15), "Minister To Lam receives new Spanish Ambassador"),
    "309": (None, "Bộ trưởng Tô Lâm tiếp Đại sứ Saudi Arabia"),
    "310": (D(2024, 10, 29), "Mở rộng quan hệ hợp tác giữa Bộ Công an Việt Nam và Bộ Nội vụ UAE"),
    "311": (D(2024, 10, 29), "Bộ trưởng Lương Tam Quang thăm, làm việc tại Tây Ban Nha"),
    "312": (D(2025, 9, 30), "Hợp tác an ninh, quốc phòng tiếp tục là trụ cột trong quan hệ Việt Nam - Slovakia"),
    "313": (D(2025, 10, 14), "Thúc đẩy hợp tác công nghiệp an ninh, quốc phòng Việt Nam - Thổ Nhĩ Kỳ"),
    "314": (D(2025, 10, 27), "Việt Nam - Ba Lan thúc đẩy hợp tác an ninh mạng"),
}
SEEDS_EXPECTED: dict[str, tuple[D | None, str]] = {
    "000": (D(2025, 12, 3), "Ngày 3/12, tại Hà Nội, Đại tướng Lương Tam Quang"),  # no headline: the lead
    "001": (D(2023, 12), "Tại hội đàm, Bộ trưởng Tô Lâm khẳng định"),  # month precision; captions skipped
    "002": (D(2025, 5, 31), "Việt Nam – Liên bang Nga đẩy mạnh hợp tác phòng, chống tội phạm"),
    "003": (None, "Việt Nam-Belarus hợp tác phòng chống tội phạm công nghệ cao"),
    "004": (D(2025, 10, 26), "Đại tướng Lương Tam Quang, Bộ trưởng Bộ Công an đã tiếp xúc song phương"),
}


def _path(folder: Path, prefix: str) -> Path:
    if not folder.is_dir():
        pytest.skip(f"{folder} is not present")
    return next(folder.glob(f"{prefix}_*.txt"))


@pytest.mark.parametrize(
    ("folder", "prefix", "date", "title"),
    [(DEV2, k, *v) for k, v in DEV2_EXPECTED.items()] + [(SEEDS, k, *v) for k, v in SEEDS_EXPECTED.items()],
    ids=[f"dev2-{k}" for k in DEV2_EXPECTED] + [f"seed-{k}" for k in SEEDS_EXPECTED],
)
def test_real_article_date_and_title(folder: Path, prefix: str, date: D | None, title: str):
    path = _path(folder, prefix)
    article = parse_article(path.name, path.read_bytes())
    assert article.date == date
    assert article.title.startswith(title)
    assert "Ảnh:" not in article.title and len(article.title) <= 220


def test_every_dev_article_is_covered_and_loads():
    if not DEV2.is_dir():
        pytest.skip(f"{DEV2} is not present")
    names = sorted(p.name[:3] for p in DEV2.glob("*.txt"))
    assert names == sorted(DEV2_EXPECTED)
    result = load_articles(DEV2)
    assert not result.skipped and len(result.articles) == len(DEV2_EXPECTED)


def test_dev_bodies_keep_no_trailing_matter():
    if not DEV2.is_dir():
        pytest.skip(f"{DEV2} is not present")
    for article in load_articles(DEV2).articles:
        last = article.body.rstrip().rsplit("\n", 1)[-1]
        for junk in ("Tags:", "Tin liên quan", "Ảnh:", "Theo TTXVN", "(TTXVN)", "(CAND)"):
            assert not last.startswith(junk) and not last.endswith(junk), (article.doc, last)
        assert "Tin liên quan" not in article.body


# ---- header forms --------------------------------------------------------------------------------

BODY = (
    "Chiều nay, tại Hà Nội, Bộ trưởng Bộ Công an tiếp đoàn đại biểu cấp cao của Bộ Nội vụ nước bạn.\n\n"
    "Hai bên nhất trí tăng cường trao đổi thông tin, vì hoà bình và phối hợp phòng, chống tội phạm xuyên quốc gia.\n"
)
TITLE = "Việt Nam và Lào tăng cường hợp tác an ninh"


def parse(text: str):
    return parse_article("t.txt", text.encode("utf-8"))


@pytest.mark.parametrize(
    ("stamp", "date"),
    [
        ("16/05/2018", D(2018, 5, 16)),
        ("6/5/2018", D(2018, 5, 6)),
        ("16-05-2018", D(2018, 5, 16)),
        ("16-05-2018 - 06:37", D(2018, 5, 16)),
        ("16/05/2018 06:37 GMT+7", D(2018, 5, 16)),
        ("Thứ tư, 16/05/2018 06:37", D(2018, 5, 16)),
        ("Thứ Ba, 10/11/2015, 07:15 (GMT+7)", D(2015, 11, 10)),
        ("Chủ nhật, 3/12/2023", D(2023, 12, 3)),
        ("T2, 03/04/2023 20:18", D(2023, 4, 3)),
        ("CN, 3/12/2023", D(2023, 12, 3)),
        ("Trí Trung-Thứ hai, ngày 03/04/2023 20:18 GMT+7", D(2023, 4, 3)),
        ("ngày 3 tháng 12 năm 2025", D(2025, 12, 3)),
        ("Cập nhật: 06:48 | 26/05/2010", D(2010, 5, 26)),
        ("Cập nhật lúc 2/1/2024 9:05 GMT+7", D(2024, 1, 2)),
        ("Đăng lúc 08:30 ngày 12/07/2024", D(2024, 7, 12)),
        ("Published: February 2, 2011", D(2011, 2, 2)),
        ("Published July 12, 2024", D(2024, 7, 12)),
        ("Updated July 12, 2024", D(2024, 7, 12)),
        ("Updated 12 Jul 2024 09:15", D(2024, 7, 12)),
        ("12 Jul 2024 09:15", D(2024, 7, 12)),
        ("2024-07-12T09:15:00+07:00", D(2024, 7, 12)),
        ("posted at 09:15 12/07/2024", D(2024, 7, 12)),
        ("Cập nhật: tháng 3/2023", D(2023, 3)),
    ],
)
def test_header_date_forms_after_the_title(stamp: str, date: D):
    article = parse(f"{TITLE}\n{stamp}\n\n{BODY}")
    assert article.date == date
    assert article.title == TITLE
    assert article.body.startswith("Chiều nay")


def test_date_line_before_the_title():
    article = parse(f"Thứ tư, 16/05/2018 06:37\n{TITLE}\n{BODY}")
    assert (article.date, article.title) == (D(2018, 5, 16), TITLE)


def test_title_ending_with_its_timestamp():
    article = parse(f"{TITLE} 31/05/2025 08:05\n\n{BODY}")
    assert (article.date, article.title) == (D(2025, 5, 31), TITLE)


def test_a_year_ending_the_title_is_its_subject_not_its_date():
    title = "Bộ Công an Việt Nam và Bộ An ninh Lào ký Kế hoạch hợp tác năm 2024"
    article = parse(f"{title}\n\nNgày 15/3/2024, tại Viêng Chăn, hai Bộ trưởng đã hội đàm.\n\n{BODY}")
    assert (article.title, article.date) == (title, D(2024, 3, 15))


def test_an_author_line_under_the_date_is_a_byline():
    article = parse(f"{TITLE}\nCập nhật: 2023-11-07 15:20\nTác giả: Minh Châu\n\n{BODY}")
    assert article.date == D(2023, 11, 7) and not article.body.startswith("Tác giả")


def test_date_prefix_keeps_its_precision():
    assert parse(f" date 2025-12-03 {BODY}").date == D(2025, 12, 3)
    assert parse(f" date 2023-03 {BODY}").date == D(2023, 3)  # never a day invented
    assert parse(f" date 2023-13 {BODY}").date is None  # impossible month: no date rather than a wrong one


def test_url_and_separators_around_the_title():
    article = parse(f"https://example.vn/tin/123.html\n-----\n{TITLE}\n-----\n{BODY}-----\n")
    assert (article.url, article.title, article.date) == ("https://example.vn/tin/123.html", TITLE, None)
    assert article.body.rstrip().endswith("xuyên quốc gia.")


@pytest.mark.parametrize(
    ("lead", "date"),
    [
        ("(TTXVN) - Chiều 22-6-2015, trong ngày đầu chuyến thăm,", D(2015, 6, 22)),
        ("(VOV) - Ngày 20/12/2016, tại thủ đô Bangkok,", D(2016, 12, 20)),
        ("Sáng 31/10/2011, kỳ họp khai mạc tại Hà Nội,", D(2011, 10, 31)),
        ("HANOI - On the afternoon of April 15, 2024, the minister", D(2024, 4, 15)),
        ("Chiều 27/8, Bộ Công an tổ chức lễ đón,", None),  # no year written: none invented
        ("Nhân dịp hội nghị vào tháng 9/2019, hai bên ký kết,", None),  # a date inside, not a dateline
    ],
)
def test_dateline_opening_the_body(lead: str, date: D | None):
    assert dateline_date(lead + " hai bên hội đàm.") == date
    assert parse(f"{TITLE}\n\n{lead} hai bên hội đàm về hợp tác.\n\n{BODY}").date == date


def test_header_date_wins_over_the_dateline():
    article = parse(f"{TITLE}\n07-03-2017 - 10:05\n\nNgày 6/3/2017, hai bên ký kết.\n{BODY}")
    assert (article.date, article.date_from_lead) == (D(2017, 3, 7), False)
    # with none in the header, the dateline dates the article, as the day its report begins
    lead_only = parse(f"{TITLE}\n\n(TTXVN) - Ngày 6/3/2017, hai bên ký kết.\n{BODY}")
    assert (lead_only.date, lead_only.date_from_lead) == (D(2017, 3, 6), True)


def test_find_date_rejects_what_the_text_does_not_write():
    assert find_date("Hôm nay 2024") is None  # dateparser's 'today' is not in the text
    assert find_date("30/02/2024") is None
    assert find_date("Hợp tác an ninh Việt Nam - Lào") is None
    assert find_date("Phiên họp năm 1850") is None


def test_caption_or_byline_is_never_the_title():
    article = parse(f"Ảnh: Phạm Kiên - TTXVN\n{TITLE}\n\n{BODY}")
    assert article.title == TITLE
    article = parse(f"Quang cảnh buổi hội đàm. Ảnh: Phạm Kiên - TTXVN\n\n{BODY}")
    assert article.title.startswith("Chiều nay, tại Hà Nội")


def test_long_lead_title_is_cut_politely():
    lead = (
        "Tại hội đàm, " + "hai bên nhất trí tăng cường hợp tác trên nhiều lĩnh vực quan trọng, " * 4 + "rồi kết thúc."
    )
    title = parse(f"{lead}\n{BODY}").title
    assert title.endswith("…") and len(title) <= 142 and not title[:-1].endswith(" ")


# ---- trailing matter -----------------------------------------------------------------------------


def test_labelled_header_fields():
    article = parse(f"Title: {TITLE}\nURL: https://example.vn/tin/123.html\nPublished: May 16, 2018\n\n{BODY}")
    assert (article.title, article.url, article.date) == (TITLE, "https://example.vn/tin/123.html", D(2018, 5, 16))
    assert article.body.startswith(BODY.strip()[:20])


def test_a_byline_carries_the_publication_date():
    article = parse(f"{TITLE}\nBy Minh Anh | November 23, 2026 | 10:15 am\n\n{BODY}")
    assert (article.title, article.date) == (TITLE, D(2026, 11, 23))
    assert article.body.startswith(BODY.strip()[:20])


def test_source_url_after_the_story_is_the_url_and_not_body():
    article = parse(f"{TITLE}\n16/05/2018\n\n{BODY}\nNguồn: https://bocongan.gov.vn/tin/1\n")
    assert article.url == "https://bocongan.gov.vn/tin/1"
    assert article.body.rstrip().endswith("xuyên quốc gia.")
    listed = parse(f"{TITLE}\n\n{BODY}\nTin liên quan:\nhttps://example.vn/khac.html\n")
    assert listed.url is None  # a related article's link is not this article's


@pytest.mark.parametrize(
    "tail",
    [
        "Minh Anh (TTXVN)",
        "Theo VOV",
        "PV (TTXVN)",
        "VNA",
        "Hoàng Lâm",
        "Ảnh: Bộ trưởng tiếp đoàn tại trụ sở Bộ Công an.",
        "Tags: Lào, an ninh, Bộ Công an",
        "Từ khóa: hợp tác, an ninh",
        "Chia sẻ | In bài",
        "Tin liên quan:\n- Việt Nam - Campuchia ký kết hợp tác\n- Bộ trưởng tiếp Đại sứ Nhật Bản.",
        "Bài liên quan\nMột bài khác rất dài về hợp tác an ninh giữa các nước trong khu vực.",
        "Related\n- Vietnam, Laos sign security deal.",
        "Ảnh: Phạm Kiên - TTXVN\nTheo TTXVN\n\nTags: Lào\n-----",
        "Minh Đức\n\nThẻ: ASEANAPOL, Bộ Công an, hợp tác quốc tế",
    ],
)
def test_trailing_matter_stays_out_of_the_body(tail: str):
    article = parse(f"{TITLE}\n16/05/2018\n\n{BODY}\n{tail}\n")
    assert article.body.rstrip().endswith("xuyên quốc gia.")
    assert article.text[article.body_end :].strip() == tail.strip()


def test_a_sentence_starting_like_a_related_heading_stays():
    sentence = "Tin liên quan đến đường dây buôn người được hai bên chia sẻ thường xuyên trong năm qua."
    article = parse(f"{TITLE}\n\n{BODY}{sentence}\n")
    assert article.body.rstrip().endswith("trong năm qua.")


def test_a_last_sentence_is_not_mistaken_for_a_byline():
    article = parse(f"{TITLE}\n\n{BODY}Các đại biểu chụp ảnh lưu niệm.\n")
    assert article.body.rstrip().endswith("chụp ảnh lưu niệm.")


def test_an_unexpected_parser_error_skips_only_that_file(tmp_path: Path, monkeypatch, caplog):
    import retrieval.articles as articles

    real = articles.analyse_header

    def flaky(text: str):
        if "boom" in text:
            raise RuntimeError("parser bug")
        return real(text)

    monkeypatch.setattr(articles, "analyse_header", flaky)
    (tmp_path / "a.txt").write_text(f"{TITLE}\n\n{BODY}", "utf-8")
    (tmp_path / "b.txt").write_text(f"boom {TITLE}\n\nMột bài khác hẳn về hợp tác an ninh mạng.", "utf-8")
    result = load_articles(tmp_path)
    assert [a.doc for a in result.articles] == ["a.txt"]
    assert "RuntimeError" in result.skipped["b.txt"] and "parser bug" in result.skipped["b.txt"]
    assert any("b.txt" in r.getMessage() for r in caplog.records if r.levelname == "WARNING")


# ---- identity by content -------------------------------------------------------------------------


def test_same_story_under_two_names_is_loaded_once(tmp_path: Path):
    (tmp_path / "a.txt").write_text(f"{TITLE}\n16/05/2018\n\n{BODY}", "utf-8")
    # another site's copy: other header, CRLF, extra spaces, other case, and the other tone placement
    body = BODY.replace(" ", "  ").replace("Chiều nay", "CHIỀU NAY").replace("hoà", "hòa")
    copy = f"https://example.vn/x\n-----\n{TITLE}\n-----\n{body}Theo TTXVN\n"
    (tmp_path / "b.txt").write_bytes(copy.replace("\n", "\r\n").encode("utf-8-sig"))
    result = load_articles(tmp_path)
    assert [a.doc for a in result.articles] == ["a.txt"]
    assert result.skipped == {"b.txt": "duplicate of a.txt"}
    assert find_duplicate(tmp_path, copy.encode("utf-8"), "new.txt") == "a.txt"
    assert find_duplicate(tmp_path, copy.encode("utf-8"), "a.txt") == "b.txt"  # itself is not a duplicate
    assert find_duplicate(tmp_path, f"{TITLE}\n\nMột bài hoàn toàn khác về an ninh mạng.".encode(), "n.txt") is None


def test_mixed_precision_dates_load_and_sort(tmp_path: Path):
    for name, stamp in [("a", "2023"), ("b", "2023-03-06"), ("c", "2023-03"), ("d", None)]:
        head = f" date {stamp} " if stamp else ""
        (tmp_path / f"{name}.txt").write_text(f"{head}Bài {name}: {BODY}", "utf-8")
    articles = load_articles(tmp_path).articles
    assert len(articles) == 4
    dated = sorted(a.date for a in articles if a.date is not None)
    assert dated == [D(2023), D(2023, 3), D(2023, 3, 6)]
