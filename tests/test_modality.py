"""A signing done is told from one proposed or planned, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.answer.analyse import analyse
from retrieval.answer.config import RankingConfig
from retrieval.answer.rank import best_sentence, term_weights, weights_in
from retrieval.answer.retrieve import retrieve
from retrieval.modality import (
    asks_done,
    reports_signing,
    signed_at_no_time,
    signing_not_reported,
    signing_only_intended,
)
from retrieval.wording import decline, plain_text
from tests.fakes import fake_searcher


@pytest.mark.parametrize(
    ("sentence", "intended"),
    [
        ("Bộ trưởng đề nghị hai bên sớm ký kết Bản ghi nhớ về phòng, chống ma túy.", True),
        ("Hai bên đang trao đổi nhằm sớm ký kết các văn kiện hợp tác.", True),
        ("Hai bên thống nhất sẽ đẩy nhanh hoàn thiện và ký kết các hiệp định.", True),
        ("Bản ghi nhớ chưa được ký.", True),
        ("He proposed that the two ministries work out and sign crime-prevention agreements.", True),
        ("The memorandum will be signed next year.", True),
        ("The two sides share information, and move towards signing agreements on crime prevention.", True),
        ("Ngay sau hội đàm, hai bên ký kết Kế hoạch hợp tác giai đoạn 2024 - 2026.", False),
        ("Hai bên nhất trí sẽ triển khai hiệu quả các văn kiện đã ký.", False),  # 'đã ký': done
        ("Hiệp định được ký kết năm 2018 vẫn đang được thực hiện.", False),
        ("Hai bên ký văn bản khởi động đàm phán mở rộng thỏa thuận.", False),  # the talks are to come
        ("The two sides signed a memorandum on combating organised crime.", False),
        ("The agreement has been signed by both ministers.", False),
        ("Thư ký Hội đồng An ninh dẫn đầu đoàn.", False),  # a secretary signs nothing
    ],
)
def test_a_signing_proposed_or_planned_is_not_one_done(sentence: str, intended: bool):
    assert signing_only_intended(sentence) is intended


@pytest.mark.parametrize(
    ("sentence", "not_reported"),
    [
        ("Triển khai hiệu quả các văn bản hợp tác đã ký, nhất là Ý định thư.", True),  # the documents signed
        ("Trên cơ sở Ý định thư được ký kết, hai bên sẽ mở rộng hợp tác.", True),
        ("Trên nền các thoả thuận đã ký, quan hệ phát triển tốt.", True),  # the old tone placement, 'thoả'
        ("They reviewed the agreements signed by the ministries.", True),
        ("Hai bên nhắc lại Bản ghi nhớ ký năm 2017 giữa hai bộ.", False),  # dated: when it was signed
        ("Bộ trưởng đề nghị hai bên sớm ký kết Hiệp định dẫn độ.", True),  # intended
        ("Kết thúc hội đàm, hai bên đã ký kết Ý định thư.", False),
        ("Bản ghi nhớ về hợp tác đã được ký kết ngày 3/12.", False),  # a passive report opens its clause
        ("The agreement has been signed by both ministers.", False),
        ("The two sides signed a memorandum.", False),
    ],
)
def test_a_document_described_as_signed_is_no_signing_reported(sentence: str, not_reported: bool):
    assert signing_not_reported(sentence) is not_reported


def test_what_was_signed_is_answered_by_the_signing_not_a_document_described_as_signed(tmp_path: Path):
    belarus = (
        " date 2025-12-03 Ngày 3/12, tại Hà Nội, Bộ trưởng Bộ Công an hội đàm với Thư ký Hội đồng An ninh Belarus.\n"
        "Hai bên nhất trí triển khai hiệu quả các văn bản hợp tác đã ký giữa Bộ Công an Việt Nam và Belarus.\n"
        "Kết thúc hội đàm, Bộ Công an Việt Nam và Belarus đã ký kết Ý định thư hợp tác.\n"
    )
    searcher = fake_searcher({"by.txt": belarus}, tmp_path)
    answer = searcher.ask("Bộ Công an Việt Nam ký văn bản hợp tác gì với Belarus?")
    assert answer.passages[0].best_sentence.startswith("Kết thúc hội đàm")
    # ... unless the question asks for the documents signed before
    earlier = searcher.ask("Hai bên triển khai những văn bản hợp tác nào đã ký giữa Bộ Công an Việt Nam và Belarus?")
    assert earlier.passages[0].best_sentence.startswith("Hai bên nhất trí")


@pytest.mark.parametrize(
    ("sentence", "undated"),
    [
        ("The two countries have already signed several legal documents, including an Agreement on Extradition.", True),
        ("Vietnam has signed an extradition treaty with Spain.", True),
        ("The two countries have signed an extradition treaty in 2015.", False),  # it says when
        ("The two ministers signed the memorandum on 21 November.", False),  # a report of the signing
        ("Hai bên đã ký kết Bản ghi nhớ.", False),
    ],
)
def test_a_signing_in_the_english_perfect_is_one_at_no_time(sentence: str, undated: bool):
    assert signed_at_no_time(sentence) is undated


def test_a_signing_in_a_time_is_not_answered_by_a_perfect_that_says_no_time(tmp_path: Path):
    spain = (
        " date 2024-04-15 On April 15, 2024, Minister To Lam received the Spanish Ambassador in Hanoi.\n"
        "The two countries have already signed several legal documents, including an Agreement on Extradition.\n"
        "On April 16, 2024, the two ministries signed a memorandum on drug crime.\n"
    )
    searcher = fake_searcher({"es.txt": spain}, tmp_path)
    answer = searcher.ask("What did Vietnam sign with Spain in 2024?")
    assert answer.passages[0].best_sentence.startswith("On April 16, 2024")
    # asked without a time, what has been signed is an answer too
    assert signed_at_no_time(searcher.ask("What has Vietnam signed with Spain?").passages[0].best_sentence)


@pytest.mark.parametrize(
    ("question", "done"),
    [
        ("Việt Nam ký gì với Belarus năm 2023?", True),
        ("Bộ Công an đã ký những văn bản gì?", True),
        ("What did Vietnam sign with Belarus?", True),
        ("When did they sign an agreement to fight crime?", True),
        ("When did General To Lam sign an extradition treaty?", True),  # 'To' is his name, not 'to sign'
        ("Việt Nam sẽ ký gì với Nga?", False),
        ("What did the minister propose to sign?", False),
        ("Who is the secretary of the Security Council?", False),
    ],
)
def test_a_question_asks_about_a_signing_done_unless_it_asks_about_one_planned(question: str, done: bool):
    assert asks_done(question) is done


def test_what_was_signed_is_answered_by_the_signing_not_the_proposal(tmp_path: Path):
    russia = (
        " date 2025-05-29 Bộ trưởng đề nghị Việt Nam và Nga sớm ký Bản ghi nhớ về ma túy."
        " Việt Nam và Nga đã ký Kế hoạch hợp tác giai đoạn 2025 - 2027.\n"
    )
    index = fake_searcher({"ru.txt": russia}, tmp_path).index

    def answering_sentence(question: str) -> str:  # by the question's terms alone: no dense similarity
        plan = analyse(question)
        candidate = retrieve(index, plan, None, use_dense=False)[0]
        weights = weights_in("vi", term_weights(index, plan), plan)
        choice = best_sentence(index, plan, None, candidate, weights, RankingConfig(), by_word=plan.lang == "vi")
        return candidate.passage.text[choice.start : choice.end]

    assert answering_sentence("Việt Nam ký gì với Nga?").startswith("Việt Nam và Nga đã ký")
    assert answering_sentence("What did Vietnam sign with Russia?").startswith("Việt Nam và Nga đã ký")
    assert answering_sentence("Việt Nam sẽ ký gì với Nga?").startswith("Bộ trưởng đề nghị")


def test_a_convention_opened_for_signature_holds_no_signing_an_english_question_asks_about(tmp_path: Path):
    # 'signing' is a noun here: no verb is asked about, and the signing counts as one of the question's
    # terms; the ceremony's 'Lễ mở ký Công ước' holds none, so the sentence that signs answers
    poland = (
        " date 2025-10-27 Ngày 27/10, Phó Thủ tướng Ba Lan sang Hà Nội dự Lễ mở ký Công ước Hà Nội."
        " Hai bộ ký kết Bản ghi nhớ với Ba Lan về an ninh mạng.\n"
    )
    index = fake_searcher({"pl.txt": poland}, tmp_path).index
    plan = analyse("What signing took place when Poland's deputy prime minister came for the convention?")
    assert "@sign" in plan.field_terms and not plan.predicates
    candidate = retrieve(index, plan, None, use_dense=False)[0]
    weights = weights_in("vi", term_weights(index, plan), plan)
    choice = best_sentence(index, plan, None, candidate, weights, RankingConfig())
    assert candidate.passage.text[choice.start : choice.end].startswith("Hai bộ ký kết")


def test_a_signing_is_reported_only_where_a_sentence_tells_one_done():
    assert reports_signing("Hai bên điểm lại quan hệ. Kết thúc hội đàm, hai bên đã ký Bản ghi nhớ.")
    assert reports_signing("The two ministers signed a memorandum.")
    assert not reports_signing("Bộ trưởng đề nghị hai bên sớm ký kết Hiệp định dẫn độ.")
    assert not reports_signing("Thư ký Hội đồng An ninh dẫn đầu đoàn.")
    assert not reports_signing("Hai bên nhất trí triển khai hiệu quả các văn kiện đã ký.")  # which, and when?
    assert reports_signing("Hai bên nhắc lại Bản ghi nhớ ký năm 2017.")
    # a convention opened for signature to all states is no signing between two of them
    assert not reports_signing("Nhân dịp Lễ mở ký Công ước Hà Nội, Bộ trưởng tiếp Bộ trưởng Tư pháp Nam Phi.")
    # English concludes a treaty, and talks too: only the first signs one
    assert reports_signing("Both sides praised the maritime pact their countries had just concluded.")
    assert reports_signing("The two sides concluded an extradition treaty in 2019.")
    assert not reports_signing("The talks concluded with a dinner.")
    assert not reports_signing("They hope to conclude an agreement soon.")


PHILIPPINES = (
    " date 2024-01-29 HANOI - The Philippine National Security Adviser met Vietnam's Minister of Public Security.\n\n"
    "Both sides praised the maritime pact their countries had just concluded, the Memorandum of Understanding"
    " on Maritime Security.\n\nThe two sides agreed to increase exchanges at all levels.\n"
)


def test_a_treaty_concluded_in_english_is_a_signing_reported(tmp_path: Path):
    searcher = fake_searcher({"ph.txt": PHILIPPINES}, tmp_path)
    answer = searcher.ask("What did Vietnam and the Philippines sign?")
    assert answer.answerable and "had just concluded" in answer.passages[0].best_sentence


EGYPT = (
    " date 2023-06-20 Ngày 20/6, tại Cairo, Bộ trưởng Bộ Công an Tô Lâm hội đàm với Bộ trưởng Nội vụ Ai Cập Mahmoud Tawfik.\n"
    "Hai bên đề nghị sớm ký kết Hiệp định dẫn độ. Hiện hai bên có 3 văn bản hợp tác.\n"
)
BELARUS = " date 2023-12-06 Ngày 6/12, Bộ trưởng Tô Lâm và Thư ký Hội đồng An ninh Belarus ký kết Kế hoạch hợp tác.\n"
# a roundup: its signing is Azerbaijan's, in Azerbaijan's section; Laos is one of its partners too
ROUNDUP = (
    " date 2025-10-26 Ngày 26/10, Bộ trưởng Bộ Công an tiếp xúc song phương với lãnh đạo Azerbaijan và Lào.\n\n"
    "Tại buổi tiếp Giám đốc An ninh quốc gia Azerbaijan, hai bên đã ký kết Thỏa thuận hợp tác.\n\n"
    "Tại buổi tiếp Bộ trưởng Bộ An ninh Lào, hai bên trao đổi về tình hình khu vực.\n"
)


@pytest.mark.parametrize(
    ("question", "unreported"),
    [
        ("When did General To Lam sign an extradition treaty with Egypt?", True),
        ("Bộ Công an đã ký văn bản gì với Ai Cập?", True),
        ("What did the ministry sign in June 2023?", True),  # a time: that time's articles report none
        ("Bộ Công an và Ai Cập đã ký bao nhiêu văn bản?", False),  # a count can be stated without one
        ("What did the minister propose to sign with Egypt?", False),  # a signing to come
        ("What did Vietnam sign with Belarus?", False),
    ],
)
def test_a_signing_no_article_of_the_partner_or_time_reports_is_declined(tmp_path: Path, question, unreported):
    searcher = fake_searcher({"eg.txt": EGYPT, "by.txt": BELARUS}, tmp_path)
    answer = searcher.ask(question)
    assert (answer.decline_reason or "").startswith("unreported") is unreported
    assert answer.answerable is not unreported


def test_a_signing_with_another_partner_of_a_roundup_is_none_with_the_partner_asked(tmp_path: Path):
    searcher = fake_searcher({"roundup.txt": ROUNDUP}, tmp_path)
    assert searcher.ask("Bộ Công an đã ký văn bản gì với Lào?").decline_reason.startswith("unreported")
    assert searcher.ask("Bộ Công an đã ký văn bản gì với Azerbaijan?").answerable


def test_a_signing_declined_as_unreported_names_the_partner_in_the_askers_language(tmp_path: Path):
    searcher = fake_searcher({"eg.txt": EGYPT}, tmp_path)
    english = searcher.ask("When did General To Lam sign an extradition treaty with Egypt?")
    assert decline(english, searcher.summary()).startswith("The articles on Egypt report no signing.")
    vietnamese = searcher.ask("Bộ Công an đã ký văn bản gì với Ai Cập?")
    assert decline(vietnamese, searcher.summary()).startswith("Các bài báo về Ai Cập không đưa tin")


def test_a_signing_only_proposed_is_quoted_under_a_lead_saying_none_is_reported(tmp_path: Path):
    searcher = fake_searcher({"eg.txt": EGYPT, "roundup.txt": ROUNDUP}, tmp_path)
    egypt = searcher.ask("Did Vietnam sign an extradition treaty with Egypt?")
    assert not egypt.answerable and egypt.decline_reason == "unreported"
    assert [p.best_sentence for p in egypt.passages] == ["Hai bên đề nghị sớm ký kết Hiệp định dẫn độ."]
    shown = plain_text(egypt, searcher.summary())
    assert shown.startswith("The articles on Egypt report no signing; 1 passage mentions one proposed")
    # the roundup's signing is Azerbaijan's, in its own section: nothing speaks of one with Laos
    laos = searcher.ask("Bộ Công an đã ký văn bản gì với Lào?")
    assert laos.decline_reason == "unreported" and laos.passages == []


BRUNEI = (
    " date 2020-02-14 Ngày 14/2, Bộ trưởng Tô Lâm hội đàm với Bộ trưởng Quốc phòng thứ hai Brunei.\n\n"
    "Hai bên thống nhất tăng cường trao đổi thông tin về khủng bố và tội phạm công nghệ cao.\n"
)


def test_with_no_signing_reported_or_spoken_of_what_the_articles_report_of_the_partner_is_shown(tmp_path: Path):
    searcher = fake_searcher({"bn.txt": BRUNEI, "roundup.txt": ROUNDUP}, tmp_path)
    # (the roundup's signing with Azerbaijan, shown for Laos, is the test above)
    brunei = searcher.ask("Has Vietnam signed anything with Brunei?")
    assert not brunei.answerable and brunei.decline_reason == "unreported_instead"
    assert brunei.passages and {p.doc for p in brunei.passages} == {"bn.txt"}
    assert plain_text(brunei, searcher.summary()).startswith(
        "The articles on Brunei report no signing. What they do report:"
    )


def test_a_list_of_signings_lists_the_articles_reporting_one_not_those_only_proposing_one(tmp_path: Path):
    signed = " date 2025-03-05 Ngày 5/3/2025, Bộ Công an và Bộ Nội vụ Hungary đã ký Bản ghi nhớ về hợp tác.\n"
    proposed = (
        " date 2025-04-06 Ngày 6/4/2025, Bộ trưởng Bộ Công an đề nghị Bộ Nội vụ Chile sớm ký kết Bản ghi nhớ"
        " về hợp tác.\n"
    )
    searcher = fake_searcher({"hu.txt": signed, "cl.txt": proposed}, tmp_path)
    for question in ["Bộ Công an đã ký những văn bản nào năm 2025?", "Which agreements did the ministry sign in 2025?"]:
        assert [p.doc for p in searcher.ask(question).passages] == ["hu.txt"]


def test_a_signing_with_another_country_of_a_roundup_answers_nothing_of_the_country_asked(tmp_path: Path):
    from retrieval.answer.decide import about_the_countries_asked
    from retrieval.answer.rank import rank_sentences

    filler = " Hai bên trao đổi về tình hình khu vực và nhất trí tăng cường hợp tác trong nhiều lĩnh vực." * 3
    roundup = (
        " date 2025-10-26 Bộ trưởng tiếp lãnh đạo Mozambique và Azerbaijan\n\n"
        "Ngày 26/10, Bộ trưởng Bộ Công an tiếp xúc song phương với lãnh đạo Mozambique và Azerbaijan.\n\n"
        "Tại buổi tiếp Bộ trưởng Nội vụ Mozambique, Bộ trưởng nêu rõ hai bên đã ký kết Hiệp định về dẫn độ"
        f" năm 2019.{filler}\n\n"
        f"Tại buổi tiếp Giám đốc An ninh quốc gia Azerbaijan, hai bên đã ký kết Thỏa thuận hợp tác an ninh.{filler}\n"
    )
    searcher = fake_searcher({"roundup.txt": roundup}, tmp_path)
    index = searcher.index
    plan = analyse("Has Vietnam signed anything with Mozambique?")
    candidates = retrieve(index, plan, None, use_dense=False)
    ranked = rank_sentences(index, plan, None, candidates, RankingConfig(use_dense=False))

    def answers(pairs) -> list[str]:
        return [c.passage.text[choice.start : choice.end] for c, choice in pairs]

    assert any("Thỏa thuận hợp tác an ninh" in s for s in answers(ranked))  # Azerbaijan's section ranks too
    kept = answers(about_the_countries_asked(index, plan, ranked))
    assert any("Hiệp định về dẫn độ" in s for s in kept)
    assert not any("Thỏa thuận hợp tác an ninh" in s for s in kept)
    # an organisation asked is no country whose section a report keeps
    asean = analyse("What did ASEANAPOL and Vietnam sign?")
    assert about_the_countries_asked(index, asean, ranked) == ranked
