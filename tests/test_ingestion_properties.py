"""Property-based ingestion tests: articles built from random layouts, date forms, encodings and
junk lines parse to the planted date and title, and no input makes parsing or loading crash."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retrieval.articles import ArticleError, load_articles, parse_article
from retrieval.dates import PartialDate

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

WEEKDAYS_VI = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]
WEEKDAYS_SHORT = ["T2", "T3", "T4", "T5", "T6", "T7", "CN"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
MONTHS_EN += ["November", "December"]
TITLE_WORDS = [
    "Việt Nam",
    "Lào",
    "hợp tác",
    "an ninh",
    "Bộ Công an",
    "tăng cường",
    "phòng, chống",
    "tội phạm",
    "đối thoại",
    "cấp cao",
    "xuyên quốc gia",
    "ký kết",
    "thỏa thuận",
    "security",
    "cooperation",
    "talks",
    "Hanoi",
]
LEAD = "Tại Hà Nội, Bộ trưởng Bộ Công an đã tiếp đoàn đại biểu cấp cao của Bộ Nội vụ nước bạn đang thăm Việt Nam."
MORE = [
    "Hai bên nhất trí tăng cường trao đổi thông tin về tội phạm xuyên quốc gia.",
    "Bộ trưởng nhắc lại chuyến thăm hồi tháng 5/2017 và Hiệp định ký năm 2013.",  # dates inside the body
    "The two sides agreed to meet again on March 3, 2019 in Vientiane.",
    "Quan hệ hai nước được nâng lên Đối tác chiến lược vào ngày 12/9/2016.",
]
TAILS = [
    "Theo TTXVN",
    "Minh Anh (TTXVN)",
    "Ảnh: Phạm Kiên - TTXVN",
    "Tags: an ninh, hợp tác, 2024",
    "Chia sẻ | In bài",
    "Tin liên quan:\n- Bài khác ngày 12/12/2012\n- Một bài nữa",
    "-----",
]
HEADER_JUNK = ["Ảnh: Quang cảnh hội đàm", "Chính trị > Đối ngoại", "-----"]


def _two(n: int) -> str:
    return f"{n:02d}"


def _time(draw) -> str:
    return f"{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}"


@st.composite
def day_stamps(draw, day: dt.date) -> str:
    """One way a site writes a publication day (and maybe a time)."""
    d, m, y = day.day, day.month, day.year
    t = _time(draw)
    numeric = draw(
        st.sampled_from([f"{_two(d)}/{_two(m)}/{y}", f"{d}/{m}/{y}", f"{_two(d)}-{_two(m)}-{y}", f"{d}-{m}-{y}"])
    )
    forms = [
        numeric,
        f"{numeric} {t}",
        f"{numeric} - {t}",
        f"{numeric} {t} GMT+7",
        f"{WEEKDAYS_VI[day.weekday()]}, {numeric} {t}",
        f"{WEEKDAYS_VI[day.weekday()].title()}, {numeric}, {t} (GMT+7)",
        f"{WEEKDAYS_SHORT[day.weekday()]}, {numeric} {t}",
        f"Trí Trung-{WEEKDAYS_VI[day.weekday()]}, ngày {_two(d)}/{_two(m)}/{y} {t} GMT+7",
        f"ngày {d} tháng {m} năm {y}",
        f"Cập nhật: {t} | {_two(d)}/{_two(m)}/{y}",
        f"Cập nhật: {numeric}",
        f"Đăng lúc {t} ngày {numeric}",
        f"Published: {MONTHS_EN[m - 1]} {d}, {y}",
        f"Updated {MONTHS_EN[m - 1]} {d}, {y}",
        f"{_two(d)} {MONTHS_EN[m - 1][:3]} {y} {t}",
        f"Updated {_two(d)} {MONTHS_EN[m - 1][:3]} {y} {t}",
        f"{y}-{_two(m)}-{_two(d)}T{t}:00+07:00",
        f"Posted at {t} {_two(d)}/{_two(m)}/{y}",
    ]
    return draw(st.sampled_from(forms))


@st.composite
def planted_articles(draw) -> tuple[bytes, PartialDate | None, str | None]:
    """(file bytes, planted date, planted headline or None when the layout has none)."""
    day = draw(st.dates(dt.date(1995, 1, 1), dt.date(2034, 12, 31)))
    date: PartialDate | None = PartialDate(day.year, day.month, day.day)
    words = draw(st.lists(st.sampled_from(TITLE_WORDS), min_size=3, max_size=10))
    title: str | None = " ".join(words)
    title = title[0].upper() + title[1:]
    body = "\n\n".join([LEAD, *draw(st.lists(st.sampled_from(MORE), max_size=4))])
    layout = draw(st.sampled_from(["title-date", "date-title", "stamped-title", "url", "prefix", "dateline", "none"]))
    junk = draw(st.lists(st.sampled_from(HEADER_JUNK), max_size=1))
    if layout == "title-date":
        head = [title, *junk, draw(day_stamps(day))]
    elif layout == "date-title":
        head = [draw(day_stamps(day)), title, *junk]
    elif layout == "stamped-title":
        head = [f"{title} {_two(day.day)}/{_two(day.month)}/{day.year} {_time(draw)}", *junk]
    elif layout == "url":
        stamp = draw(st.sampled_from([[], [draw(day_stamps(day))]]))
        date = date if stamp else None
        head = ["https://baomoi.example.vn/tin/123.epi", "-----", title, "-----", *stamp]
    elif layout == "prefix":
        precision = draw(st.sampled_from([1, 2, 3]))
        date = PartialDate(*[day.year, day.month, day.day][:precision])
        head, title = [f" date {date.iso()} {LEAD}"], None
        body = body[len(LEAD) :].lstrip("\n") or MORE[0]
    elif layout == "dateline":
        head = [title, *junk]
        opening = draw(st.sampled_from(["(TTXVN) - Chiều", "Sáng", "Ngày", "(VOV) - Tối"]))
        body = f"{opening} {day.day}-{day.month}-{day.year}, {LEAD[0].lower()}{LEAD[1:]}\n\n{body}"
    else:
        head, date = [title, *junk], None
    tail = draw(st.lists(st.sampled_from(TAILS), max_size=3))
    text = "\n".join(head) + "\n\n" + body + ("\n\n" + "\n".join(tail) if tail else "") + "\n"
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    raw = text.encode("utf-8-sig" if draw(st.booleans()) else "utf-8")
    return raw, date, title


@FAST
@given(planted_articles())
def test_planted_date_and_title_are_found(case):
    raw, date, title = case
    article = parse_article("planted.txt", raw)
    assert article.date == date
    if title is not None:
        assert article.title == title
    body = article.body
    assert body.startswith(("Tại Hà Nội", "(TTXVN)", "(VOV)", "Sáng", "Ngày", "Hai bên", "Bộ trưởng", "The two"))
    assert not any(body.rstrip().endswith(t.rsplit("\n", 1)[-1]) for t in TAILS)
    assert "\r" not in article.text and "\ufeff" not in article.text


@FAST
@given(st.one_of(st.binary(max_size=400), st.text(max_size=400).map(lambda s: s.encode("utf-8"))))
def test_parse_raises_only_article_errors(raw: bytes):
    try:
        article = parse_article("x.txt", raw)
    except ArticleError:
        return
    assert 0 <= article.body_start < article.body_end <= len(article.text)
    assert article.title and article.content_key


@FAST
@given(
    st.dictionaries(
        st.text("abcdefghijklmnopqrstuvwxyz0123456789_-", min_size=1, max_size=12),
        st.one_of(
            st.binary(max_size=300),
            st.text(max_size=300).map(lambda s: s.encode("utf-8")),
            planted_articles().map(lambda c: c[0]),
        ),
        max_size=6,
    )
)
def test_loading_a_folder_of_junk_never_raises(tmp_path_factory, files: dict[str, bytes]):
    folder: Path = tmp_path_factory.mktemp("junk")
    good = f"Tin an ninh\n\n{LEAD}\n".encode()
    (folder / "good.txt").write_bytes(good)
    for name, raw in files.items():
        (folder / f"{name}.txt").write_bytes(raw)
    result = load_articles(folder)
    names = {a.doc for a in result.articles} | set(result.skipped)
    assert names == {p.name for p in folder.glob("*.txt")}
    assert "good.txt" in {a.doc for a in result.articles} or result.skipped.get("good.txt", "").startswith("duplicate")
