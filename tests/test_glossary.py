"""English questions reach the Vietnamese words of their field ('signed' -> 'ký') without losing
English articles, and an English question outside the field is declined."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from retrieval.answer.analyse import analyse
from retrieval.answer.config import RankingConfig
from retrieval.answer.rank import best_sentence, coverage, term_weights, weights_in
from retrieval.answer.retrieve import retrieve
from retrieval.answer.vocabulary import outside_the_field
from retrieval.glossary import (
    english_predicates,
    english_terms,
    vietnamese_predicates,
    vietnamese_terms,
    written,
    written_in_english,
)
from retrieval.search import Searcher
from retrieval.wording import decline
from tests.fakes import FakeEmbedder, fake_searcher

SIGNING = (
    " date 2023-12-06 Ngày 6/12, tại Hà Nội, Bộ trưởng Bộ Công an hội đàm với Thư ký Hội đồng An ninh Belarus"
    " Volfovich Aleksandr. Hai bên khẳng định tình hữu nghị truyền thống giữa hai nước luôn được vun đắp."
    " Ngay sau hội đàm, hai bên ký kết Kế hoạch hợp tác với Belarus giai đoạn 2024 - 2026.\n"
)
SPANISH = (
    " date 2024-10-22 MADRID - A delegation of Vietnam's Ministry"
    " of Public Security met Spain's Secretary of State for Security on Tuesday to discuss cooperation.\n"
)
SIGNINGS_VI = (
    " date 2024-10-20 Ngày 20/10, Bộ trưởng tiếp đoàn Nga; hai bên ký kết Bản ghi nhớ,"
    " ký Kế hoạch và gặp gỡ, tiếp xúc nhiều lần.\n"
)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What did Vietnam sign with Belarus?", {"ky", "ky_ket"}),
        ("Which memorandum was signed?", {"ban_ghi", "ghi_nho", "ky", "ky_ket"}),
        ("Who received the delegation?", {"tiep", "doan"}),
        (
            "Which drug crimes did they discuss?",
            {"ma_tuy", "toi_pham", "trao_doi", "doi_ve", "thao_luan", "doi_y", "y_kien", "ban_ve"},
        ),
    ],
)
def test_the_fields_english_terms_bring_their_vietnamese_words(question: str, expected: set[str]):
    assert set(vietnamese_terms(question)) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What did Vietnam's police ministry and Ireland sign in October 2025?", {"@sign"}),
        ("What topics were discussed at the dialogue?", {"@discuss"}),
        ("Which areas did the minister propose cooperating on?", {"@propose"}),  # its first verb, not its complement
        ("Where did To Lam lay a wreath during his April 2023 visit to India?", set()),  # a noun
        ("Which memorandum was concluded during Marcos's visit?", set()),  # after a possessive, a noun
        ("When were the talks held?", set()),
        ("Whom did the minister hold talks with in New Delhi?", {"@talk"}),  # a light verb and its act
        ("Who co-chaired the consultation with UNODC?", {"@chair"}),
        ("Whom did the minister receive or hold talks with in 2025?", {"@receive", "@talk"}),  # either answers
        ("Besides meeting the minister, whom did he visit?", {"@visit"}),  # the verb set aside is not asked
        ("Since when had they not met?", set()),  # negated: no meeting is asked for
        ("Who co-chaired the 12th annual vice-ministerial meeting?", {"@chair"}),  # not the -ing noun
        ("What were the two ministers discussing?", {"@discuss"}),  # progressive: a verb
        ("Who headed Sri Lanka's team in the talks?", {"@head"}),  # the act asked about is heading it
        ("Who led the Lao delegation?", {"@led"}),
        ("What did the minister ask Kazakhstan to speed up?", {"@ask"}),
        ("What did To Lam hope France would keep funding?", {"@hope"}),
        ("Which Cuban head of state did To Lam call on?", {"@call on"}),  # 'head' is a noun before 'of'
        ("When did the 30th ASEANAPOL conference in Phnom Penh close?", {"@close"}),
        ("Which new areas will the two ministries extend their agreement to?", {"@extend"}),
        ("What did the minister stress about drug crime?", {"@stress"}),
        # a verb in a clause of time says which event: the main clause's verb is asked about
        ("What agreement did To Lam want Spain to negotiate when he received the ambassador?", {"@negotiate"}),
        ("Which agreements did he name when he received the ambassador?", set()),
    ],
)
def test_an_english_question_asks_about_its_first_verb_of_the_field(question: str, expected: set[str]):
    assert english_predicates(question) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Bộ Công an ký văn bản gì với Belarus?", {"@sign"}),
        ("Việt Nam và Indonesia đang triển khai những văn kiện nào?", {"@implement"}),
        ("Tại hội đàm ở Astana, hai bên nhắc lại những văn kiện nào được ký?", {"@sign"}),  # 'tại hội đàm': a noun
        ("Ai là Thư ký Hội đồng An ninh Nga?", set()),  # 'ký' of 'Thư ký' signs nothing
        ("Năm 2016 Bộ Công an có hoạt động hợp tác nào với Thái Lan?", set()),  # cooperation is the field
        ("Ngoài gặp Bộ trưởng Lào, Bộ trưởng còn đến thăm đâu?", {"@visit"}),  # 'ngoài': besides
        ("Phiên tham vấn lần thứ nhất do ai đồng chủ trì?", {"@chair"}),  # 'tham vấn' is no 'thăm'
        # 'kỳ' is no 'ký'; the phrase before the comma says when, the main clause's verb is asked
        ("Bế mạc kỳ họp, các nước thành viên thống nhất những lĩnh vực nào?", {"@agree"}),
        ("Hôm khai mạc đối thoại với Úc, ai tiếp ông Marc Ablong?", {"@receive"}),  # 'hôm': a noun
        ("Hội nghị ASEANAPOL lần thứ 30 khép lại ngày nào?", {"@close"}),
        ("Bộ trưởng Lương Tam Quang chúc mừng ông Vilay về điều gì?", {"@congratulate"}),
        ("Lễ ký diễn ra ở đâu?", set()),  # a classifier before a verb makes it a noun: 'lễ ký', 'hôm khai mạc'
        # pyvi runs the verb into the name as one word; the verb is still a word of its own
        ("Bộ trưởng Tô Lâm hội đàm với Chủ tịch Ủy ban An ninh quốc gia Brunei ở đâu?", {"@talk"}),
    ],
)
def test_a_vietnamese_question_asks_about_its_first_verb_of_the_field(question: str, expected: set[str]):
    assert vietnamese_predicates(question, analyse(question).terms) == expected


IRELAND = (
    " date 2025-10-20 Ngày 20/10, Bộ trưởng Bộ Công an hội đàm với Bộ trưởng Tư pháp Ireland.\n"
    "Bộ trưởng cảm ơn Cảnh sát Ireland đã hỗ trợ công dân Việt Nam, Ireland và Việt Nam hợp tác chặt chẽ.\n"
    "Kết thúc hội đàm, hai bên đã ký Bản ghi nhớ về phòng, chống mua bán người.\n"
)


def test_a_sentence_without_the_verb_asked_about_does_not_answer(tmp_path: Path):
    # the thanks repeat the question's names and police; only the signing reports what it asks
    searcher = fake_searcher({"ie.txt": IRELAND}, tmp_path)
    answer = searcher.ask("What did Vietnam's police ministry and Ireland's police sign?")
    assert "đã ký Bản ghi nhớ" in answer.passages[0].best_sentence


SRI_LANKA = (
    " date 2014-03-13 Sáng 12/3, tại Hà Nội, đoàn đàm phán của Việt Nam và Sri Lanka đã làm việc về dự thảo Hiệp"
    " định dẫn độ.\nĐoàn bạn do Tổng Chưởng lý Palitha Fernando dẫn đầu, gồm đại diện Bộ Tư pháp.\n"
)


def test_who_headed_a_delegation_is_answered_by_the_sentence_saying_who_led_it(tmp_path: Path):
    # the lead names the talks, the partner and the treaty; only the next sentence says who led
    answer = fake_searcher({"lk.txt": SRI_LANKA}, tmp_path).ask("Who headed Sri Lanka's team in the extradition talks?")
    assert "dẫn đầu" in answer.passages[0].best_sentence


def test_meeting_someone_is_a_call_a_reception_or_talks():
    assert written({"@meet"}, "Bộ trưởng có các cuộc hội đàm song phương với Thư ký Hội đồng An ninh.") == {"@meet"}
    assert written({"@meet"}, "Hai bên trao đổi về tình hình khu vực.") == set()


def test_exchanging_staff_is_no_discussion():
    # 'trao đổi' discusses when it is 'về' something; with an object it exchanges ('trao đổi cán bộ')
    assert written({"@discuss"}, "Hai bên trao đổi về tình hình khu vực.") == {"@discuss"}
    assert written({"@discuss"}, "Hai bên mở rộng đào tạo, trao đổi cán bộ.") == set()


def test_a_longer_word_is_not_its_shorter_term():
    assert vietnamese_terms("Did they reach an agreement?")[:2] == ["thoa_thuan", "hiep_dinh"]  # not 'agree'
    assert "nhat_tri" not in vietnamese_terms("Did they reach an agreement?")
    assert vietnamese_terms("Who was the signatory?") == []  # not 'sign'


SLOVAKIA_EXTENSION = (
    " date 2025-09-29 Ngày 29/9, tại Bratislava, Bộ trưởng Bộ Công an hội đàm với Bộ trưởng Nội vụ Slovakia về"
    " hợp tác cảnh sát.\nHai bên nhắc tới quan hệ hữu nghị truyền thống giữa hai nước.\n"
    "Hai bên ký văn bản khởi động đàm phán mở rộng thỏa thuận hợp tác hiện có sang các lĩnh vực mới là giám định"
    " kỹ thuật hình sự.\n"
)


def test_the_fields_frequent_words_reach_the_vietnamese_sentence_that_writes_them(tmp_path: Path):
    # the lead names the partner, the interior ministry, the police and the cooperation; only the last
    # sentence writes what is asked: extending ('mở rộng') into new areas ('lĩnh vực')
    searcher = fake_searcher({"sk.txt": SLOVAKIA_EXTENSION}, tmp_path)
    answer = searcher.ask("Which new areas will Vietnam and Slovakia's interior ministry extend police cooperation to?")
    assert "mở rộng thỏa thuận" in answer.passages[0].best_sentence


def test_an_english_question_quotes_the_vietnamese_sentence_its_verb_asks_about(tmp_path: Path):
    answer = fake_searcher({"by.txt": SIGNING}, tmp_path).ask("What did Vietnam sign with Belarus in 2023?")
    assert "ký kết Kế hoạch" in answer.passages[0].best_sentence


def test_a_partner_counts_in_every_sentence_of_an_article_however_it_spells_it(tmp_path: Path):
    from retrieval.answer.analyse import partner_name_terms
    from retrieval.answer.rank import _established

    # the article writes 'Ca-dắc-xtan', never 'Kazakhstan': its sentences name the partner all the same
    spelled = (
        " date 2025-04-23 Ngày 23/4, tại Astana, Thứ trưởng Bộ Công an hội đàm với Bộ trưởng Nội vụ Ca-dắc-xtan.\n"
        "Hai bên nhất trí tăng cường hợp tác phòng, chống khủng bố, tội phạm ma túy và tội phạm mạng.\n"
    )
    searcher = fake_searcher({"kz.txt": spelled}, tmp_path)
    plan = analyse("Which crimes did Vietnam and Kazakhstan agree to fight?")
    candidate = retrieve(searcher.index, plan, None, use_dense=False)[0]
    identifying = frozenset(plan.names) | partner_name_terms(plan.partners)
    assert "kazakhstan" in _established(searcher.index, plan, candidate, identifying)


def test_vietnamese_words_of_an_english_question_do_not_outweigh_an_english_article(tmp_path: Path):
    """An English passage is matched without them and compared with its own language's best: their
    BM25 weight would otherwise make the Vietnamese article the lexical best, and the English one,
    which answers, a small share of it."""
    searcher = fake_searcher({"es.txt": SPANISH, "ru.txt": SIGNINGS_VI}, tmp_path)
    plan = analyse("Which meetings with Spanish partners did the ministry hold in October 2024?")
    assert plan.translated
    shares = {c.passage.doc: c.lexical for c in retrieve(searcher.index, plan, None, use_dense=False)}
    assert shares["es.txt"] == 1.0 and shares["ru.txt"] == 1.0
    answer = searcher.ask("Which meetings with Spanish partners did the ministry hold in October 2024?")
    assert answer.answerable and answer.passages[0].doc == "es.txt"


def test_an_english_question_outside_the_field_is_declined_naming_its_words(tmp_path: Path):
    searcher = fake_searcher({"by.txt": SIGNING}, tmp_path)
    recipe = analyse("Give me a recipe for spring rolls.")
    assert outside_the_field(recipe, searcher.index.document_frequency) == ["recipe", "spring", "rolls"]
    # a name the articles write, a partner or a term of the field keeps a question in it
    for question in ("Who is Volfovich?", "What about Belarus?", "Which plans were signed?", "What happened in 2019?"):
        assert outside_the_field(analyse(question), searcher.index.document_frequency) is None
    # and so does the ministry, by its name or as 'the ministry' alone, but not another ministry
    for question in ("What did the Ministry of Public Security do?", "What did the ministry do?"):
        assert outside_the_field(analyse(question), searcher.index.document_frequency) is None
    assert outside_the_field(analyse("What does the ministry of education do?"), searcher.index.document_frequency)
    # so is a Vietnamese one, whose words the articles may all write ('Mua điện thoại nào tốt nhất?')
    assert outside_the_field(analyse("Công thức nấu phở?"), searcher.index.document_frequency) == [
        "Công thức",
        "nấu",
        "phở",
    ]
    for question in ("Hai bên ký gì?", "Bộ Công an làm gì?", "Kế hoạch hợp tác gồm những gì?", "Việt Nam và Belarus?"):
        assert outside_the_field(analyse(question), searcher.index.document_frequency) is None
    # the field's frequent words are anyone's: they keep no question in it
    for question in ("Recommend an online course on data science.", "How is the global economy doing?"):
        assert outside_the_field(analyse(question), searcher.index.document_frequency)
    # and the searcher declines it, naming those words, once the articles are many enough to judge by
    judging = Searcher(
        searcher.index, FakeEmbedder(), RankingConfig(answer_threshold=-100.0, vocabulary_min_syllables=0)
    )
    recipe_answer = judging.ask("Give me a recipe for spring rolls.")
    assert not recipe_answer.answerable and recipe_answer.decline_reason == "field"
    assert recipe_answer.missing == ["recipe", "spring", "rolls"]
    assert "not about: recipe, spring, rolls" in decline(recipe_answer, judging.summary())
    assert judging.ask("Who is Volfovich?").answerable


def test_an_english_sentence_counts_the_field_terms_it_writes_in_english(tmp_path: Path):
    """Matched only on names, every sentence of an English article naming the partner would cover
    an English question whole, and outrank the Vietnamese sentence that answers it."""
    english = (
        " date 2025-02-25 HANOI - The minister received Kazakhstan's anti-corruption chief. Kazakhstan values its"
        " ties with Vietnam. Both sides agreed to fight drug crimes and money laundering together.\n"
    )
    searcher = fake_searcher({"kz.txt": english}, tmp_path)
    plan = analyse("Which crimes did Vietnam and Kazakhstan agree to fight together?")
    assert {"@crime", "@agree"} <= plan.field_terms
    index = searcher.index
    weights = weights_in("en", term_weights(index, plan), plan)
    assert "@crime" in weights and not plan.translated & set(weights)
    candidates = retrieve(index, plan, None, use_dense=False)
    choice = best_sentence(index, plan, None, candidates[0], weights, RankingConfig())
    assert candidates[0].passage.text[choice.start : choice.end].startswith("Both sides agreed to fight drug crimes")


def test_a_term_of_the_field_counts_once_whichever_of_its_vietnamese_words_a_sentence_writes(tmp_path: Path):
    """'sign' is 'ký' or 'ký kết': a sentence saying 'đã ký' has signed as much as one saying 'ký kết',
    and a secretary ('Thư ký') has signed nothing."""
    sentences = [
        "Hai Bộ trưởng đã ký Bản ghi nhớ với Nhật Bản.",
        "Hai Bộ trưởng ký kết Bản ghi nhớ với Nhật Bản.",
        "Thư ký Bộ trưởng đón đoàn Nhật Bản tại sân bay.",
    ]
    japan = " date 2019-11-12 " + " ".join(sentences) + "\n"
    searcher = fake_searcher({"jp.txt": japan}, tmp_path)
    plan = analyse("What did Vietnam sign with Japan?")
    assert plan.field_terms == {"@sign"} and {"ky", "ky_ket"} <= plan.translated
    index = searcher.index
    weights = weights_in("vi", term_weights(index, plan), plan)
    assert "@sign" in weights and not plan.translated & weights.keys()
    candidate = retrieve(index, plan, None, use_dense=False)[0]
    rows, spans = index.sentences_of(candidate.row)
    shares = {}
    for (start, end), inside in zip(spans.tolist(), index.compound_tails(rows), strict=True):
        text = candidate.passage.text[start:end]
        shares[text] = coverage(text, weights, inside, written(plan.field_terms, text, inside))
    signed, concluded, secretary = (shares[s] for s in sentences)
    assert signed == concluded > secretary


@pytest.mark.parametrize(
    "sentence",
    [
        "Hai bên trao đổi Bản ghi nhớ về an ninh mạng.",
        "Hai bộ trưởng thông qua Ý định thư hợp tác.",
        "Nghị định thư sửa đổi có hiệu lực từ năm sau.",
        "Các văn kiện hợp tác được chuẩn bị kỹ.",
        "Hiệp định về dẫn độ đang được thực hiện.",
    ],
)
def test_an_agreement_in_english_is_any_instrument_the_vietnamese_names_by_its_kind(sentence: str):
    """English news calls a memorandum, a letter of intent or a protocol an agreement; Vietnamese
    names each kind, and 'thỏa thuận' only one of them."""
    assert written({"@agreement"}, sentence) == {"@agreement"}
    assert written({"@agreement"}, "Hai bên nhất trí tăng cường trao đổi đoàn.") == frozenset()


def test_a_generic_word_for_a_document_is_answered_by_the_document_a_sentence_names(tmp_path: Path):
    """'ký những văn bản gì?' asks which documents: a sentence naming one ('Bản ghi nhớ') holds what
    the generic word stands for, and the signing, so it covers more of the question than one that
    only repeats the generic word."""
    poland = (
        " date 2025-10-27 Hai bên rà soát các văn bản hợp tác giữa hai bộ."
        " Ngay sau đó, hai bộ ký kết Bản ghi nhớ về an ninh mạng.\n"
    )
    index = fake_searcher({"pl.txt": poland}, tmp_path).index
    plan = analyse("Bộ Công an ký những văn bản gì?")
    weights = weights_in("vi", term_weights(index, plan), plan)
    candidate = retrieve(index, plan, None, use_dense=False)[0]
    choice = best_sentence(index, plan, None, candidate, weights, RankingConfig(), by_word=True)
    assert candidate.passage.text[choice.start : choice.end].startswith("Ngay sau đó, hai bộ ký kết Bản ghi nhớ")


def test_vietnam_in_an_english_question_is_no_word_a_vietnamese_passage_lacks():
    plan = analyse("What did Vietnam sign with Japan?")
    weights = {t: 1.0 for t in (*plan.terms, *plan.names, *plan.field_terms)}
    assert "vietnam" in weights_in("en", weights, plan)  # an English passage writes it as the question does
    assert "vietnam" not in weights_in("vi", weights, plan)  # 'Việt Nam', in nearly every Vietnamese passage


def test_an_english_sentence_writes_a_term_through_its_synonym():
    # 'propose' and 'suggest' share their Vietnamese words: either verb proposes
    sentence = "For 2011 she suggested simpler approval procedures for projects."
    assert written_in_english({"@propose"}, sentence) == {"@propose"}
    assert written_in_english({"@sign", "@agree"}, sentence) == frozenset()
    # read loosely, as a verb asked about: 'met' reports the talks ('hội đàm') a question asks about,
    # which 'meet' renders too; not a signing
    met = "Año met Vietnam's Minister of Public Security To Lam on 29 January 2024."
    assert written_in_english({"@talk"}, met) == frozenset()
    assert written_in_english({"@talk", "@sign"}, met, loosely=True) == {"@talk"}


@pytest.mark.parametrize(
    ("question", "present", "absent"),
    [
        ("Bộ Công an đề nghị Tây Ban Nha đàm phán thỏa thuận gì?", {"@propose", "@negotiate", "@agreement"}, set()),
        ("Bộ trưởng hội đàm với ai?", {"@talk"}, {"@meet"}),  # the narrowest term writing 'hội đàm'
        ("Bộ Công an hợp tác gì với Lào?", {"@cooperation"}, {"@police"}),  # the ministry's name is no police
        ("Ai là Thư ký Hội đồng An ninh Nga?", {"@security council"}, {"@sign"}),  # 'ký' of 'Thư ký'
    ],
)
def test_a_vietnamese_question_has_the_field_terms_an_english_passage_writes_in_english(question, present, absent):
    terms = analyse(question).field_terms
    assert present <= terms
    assert not absent & terms


SPAIN_VI = (
    " date 2024-10-22 Ngày 22/10, tại Madrid, Bộ trưởng Bộ Công an hội đàm với Tổng Bí thư Đảng Cộng sản Tây Ban Nha."
    " Hai bên điểm lại quan hệ truyền thống giữa Việt Nam và Tây Ban Nha.\n"
)
SPAIN_EN = (
    " date 2024-04-15 HANOI - Minister To Lam received the new Spanish ambassador on April 15. He welcomed her to"
    " Vietnam.\nHe also asked both sides to negotiate and sign an agreement on preventing crime between the"
    " ministry and Spain's Ministry of the Interior.\n"
)


def test_an_english_passage_scores_the_field_terms_a_vietnamese_question_asks_in_english(tmp_path: Path):
    # the Vietnamese article names Spain and the minister; only the English one writes what was asked
    # about (asking, negotiating, signing an agreement), which BM25 counts in its English words
    searcher = fake_searcher({"es_vi.txt": SPAIN_VI, "es_en.txt": SPAIN_EN}, tmp_path)
    plan = analyse("To Lam de nghi Bo Noi vu Tay Ban Nha dam phan ky thoa thuan gi?")
    assert {"@propose", "@negotiate", "@agreement"} <= plan.field_terms

    def english_share(plan) -> float:
        shares = {c.passage.doc: c.lexical for c in retrieve(searcher.index, plan, None, use_dense=False)}
        return max(share for doc, share in shares.items() if doc == "es_en.txt")

    assert english_share(plan) > english_share(replace(plan, field_terms=frozenset()))


@pytest.mark.parametrize(
    ("sentence", "receives"),
    [
        ("To Lam on November 11 welcomed Kees van Baar, the new Ambassador of the Netherlands.", True),
        ("He welcomed the new Ambassador to his post.", True),
        ("The minister welcomed the proposal.", False),  # approving of something, not receiving someone
        ("The minister welcomed South Africa's decision.", False),
        ("Which ambassadors did the minister welcome?", False),
    ],
)
def test_welcoming_a_person_is_receiving_them(sentence: str, receives: bool):
    """'welcomed Kees van Baar, the new Ambassador' reports a reception: a list of the ambassadors the
    minister received left that article out."""
    assert ("@receive" in english_terms(sentence)) is receives
