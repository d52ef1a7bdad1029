"""The fitted numbers of the answer path, in one place.

Fitted with `python -m retrieval eval` on the `tune` split of ../shared/dev2/qa.jsonl together with
../shared/dev-qa.jsonl (seeds + dev2 articles indexed together); the `check` split was only
reported, never used to choose a value. Each comment says what the number trades off.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RankingConfig:
    # passage score = dense_weight * calibrated dense z + lexical_weight * BM25 (share of the best)
    dense_weight: float = 1.0
    lexical_weight: float = 2.0
    # Vietnamese typed without diacritics: the dense model reads it poorly, so BM25 counts more
    ascii_lexical_weight: float = 3.0
    # final score = passage_weight * passage score + sentence score, where the sentence score is
    # sentence_dense_weight * calibrated sentence z + sentence_lexical_weight * idf-weighted term coverage
    sentence_dense_weight: float = 1.0
    sentence_lexical_weight: float = 4.0
    passage_weight: float = 1.0
    # taken from the sentence score of a sentence that does not write the verb an English question
    # asks about ('What did … sign?': no signing in it; glossary.english_predicates), in an article
    # that writes it elsewhere. On tune English answer@1 rises from 0.853 (0) to 0.912 (1.5 to 2.5)
    # and 0.941 (3.0 to 6.0); dev-qa and the rest of tune do not change. Refitted with
    # passage_predicate_penalty below, on all fit sets and on dev-qa over the seeds alone (see there)
    predicate_penalty: float = 3.0
    # ... and taken again from the final score of a passage whose best sentence lacks the verb: a
    # lead that names everyone asked about outscored, as a passage, the later one that reports the
    # act asked about. With synthetic-3 and -4 added, English answer@1 (synthetic-3, synthetic-4):
    #   predicate 3.0 + passage 0: .909 .786 | 3.5 + 0: .932 .810 | 3.0 + 1.0 and 3.5 + 0.5: .932 .833
    # tune and dev-qa are the same in all of them, but dev-qa's Vietnamese over the seeds alone falls
    # (0.889 -> 0.778) at 3.5 + 1.0, and over seeds + dev2 at 5.5 + 0 or 3.5 + 2.0: 3.0 + 1.0 kept
    passage_predicate_penalty: float = 1.0
    # ... and instead this much when the verb asked about is an act (signing, receiving, visiting,
    # chairing: not glossary.SAYING_VERBS, which articles write with many other verbs): a lead naming
    # everyone asked about still outranked the later passage saying 'He also asked both sides to
    # negotiate and sign …'. Fitted with synthetic-6 added; A@1 gains over 1.0: +3 at 3.0 and 4.0
    # (synthetic-3 en, vi-nodiac, synthetic-6 en), +4 at 5.0 and 6.0 (synthetic-4), where synthetic-6
    # A@3 and synthetic-4 R@3 lose one each; 10.0 loses one. At 3.0 for the saying verbs too, dev-qa's
    # d028 is lost ('được Belarus đề xuất' answered by 'bày tỏ tin tưởng …')
    act_passage_penalty: float = 3.0
    # taken from the sentence score of a sentence that names no date of its own, for a 'when'
    # question: the answer to 'when' is a time, and a sentence dated only by its context (the lead's
    # day) answers the question's other words but not it. synthetic-1 English answer@1 0.667 (0 and
    # 0.5) -> 0.750 (1 to 4); tune, dev-qa and synthetic-3 unchanged at 1 and 2. The least of the best
    when_penalty: float = 1.0
    # ... and taken again from the final score of a passage whose best sentence names no date, as for
    # 'how many': 'When did To Lam visit India?' led with 'Trong chuyến thăm, Bộ trưởng Tô Lâm chào xã
    # giao …', above the lead '… thăm Ấn Độ trong hai ngày 9 - 10/4'. On the fit sets 1, 2 and 3 move
    # no answer@1 nor date (the first passage's date of a 'when' question included); at 2 and 3 one
    # unanswerable more is declined (synthetic-8 h007): 2, as for 'how many'
    passage_when_penalty: float = 2.0
    # taken from the sentence score, for a 'how many' question, of a sentence that writes no number
    # but a date's (the answer counts). synthetic-3 English answer@1 0.909 (0) -> 0.932 (1 to 3); the
    # rest unchanged. The least of the best
    quantity_penalty: float = 1.0
    # ... and taken again from the final score of a passage whose best sentence writes no number: the
    # lead that names the memorandum outscored, as a passage, the one saying 'hợp tác trong 8 lĩnh
    # vực'. synthetic-5 Vietnamese answer@1 0.846 (0, 1) -> 0.923 (2, 3); the rest unchanged. The least
    passage_quantity_penalty: float = 2.0
    # taken from the sentence score, for a question asking who (QueryPlan.asks_who), of a sentence that
    # names no one: no capitalised word beyond the question's own ('hai trưởng đoàn ký biên bản' beside
    # 'Đoàn bạn do Tổng Chưởng lý Palitha Fernando dẫn đầu'). A@1 over 0 on all fit sets: +0 at 0.5, +2
    # at 1, +3 at 2 and 3 (synthetic-8, -9 and -10 one each), where synthetic-4 loses one R@3; held
    # unchanged. The least of the best
    who_penalty: float = 2.0
    # ... and, for a question asking for a country (QueryPlan.asks_country), of a sentence that names
    # none the question does not, in itself or as its article's partner: 'Nước nào nhận cờ đăng cai kỳ
    # họp … Interpol tiếp theo?' was answered by the lead of the Hanoi session, not by '… trao cờ
    # Interpol cho trưởng đoàn Italy'. A@1 over 0 on all fit sets: +1 at 0.5, +2 at 1.0 to 5.0
    # (synthetic-3 c116, synthetic-10 m074); held and seeds alone unchanged. The least of the best
    country_penalty: float = 1.0
    ranked_passages: int = 15  # passages whose sentences are scored
    # decline below this final score of the best passage: on tune (with dev-qa) every answerable
    # question scored at least 4.75 and the unanswerable ones that reach this stage at least 8.0; kept
    # near the answerable end, because the partner, time and ordinal filters decline most questions
    # the articles do not cover, and a wrong decline hides an answer
    answer_threshold: float = 4.5
    # show further passages scoring at least this share of the best (one passage is often enough);
    # on tune 0.75 and 0.85 tie, and 0.75 lets a second article that answers too be seen
    relevance_ratio: float = 0.75
    # a question asking for a list ('which agreements…') shows every article scoring this share of the
    # best; 0.5 and 0.6 were within one question of each other on tune (0.7 and 0.8 lower)
    list_relevance_ratio: float = 0.5
    # ... and of an article whose best answering sentence holds at least this share of the best
    # coverage of the question's terms among the passages scoring that share (session 29: of any
    # ranked passage, one scoring too low to be shown could exclude every article; not for the list
    # of a time alone, which every
    # article of the time answers): of 53 fit and held questions expecting several articles, R@3
    # 41.1 (0) -> 42.3 (0.5), 43.2 (0.6), 41.7 (0.7), R@5 unchanged up to 0.6, the share of listed
    # articles expected 0.78 -> 0.84; over all fit sets at 0.6 answer@1 +1 (without diacritics), held
    # English +3 and one R@3 lost; tune answer@1, dev-qa and the seeds alone unchanged
    list_coverage_ratio: float = 0.6
    # decline a Vietnamese question when at least this share of its content words is in no article
    # (answer/vocabulary.py). On tune and dev-qa no answerable question has more than 0.07; the
    # off-topic questions of tests/questions/off_topic.jsonl ('off-topic-fit') written in Vietnamese
    # with diacritics have 0.25 or more, but one
    unknown_word_share: float = 0.25
    # ... and only once the Vietnamese articles hold this many syllables: in a few hundred, a common
    # word's absence says nothing (the five seed articles hold about 5,500)
    vocabulary_min_syllables: int = 2000
    display_chars: int = 700  # the quoted window of whole sentences around the answering one
    # a sentence's calibrated dense similarity is raised by this share of its shortfall from its
    # article's lead's: read after the lead that says who met whom, where and when, 'Hai bên ký văn bản
    # …' is about them, though the model, reading it alone, finds it far from a question naming them
    # (z -1.0, the lead's 4.2). Not for a question asking who (QueryPlan.asks_who): its answer names the
    # person itself, and the lead's names would lift every sentence to answering. A@1 over 0 on all fit
    # sets: +0 at 0.5, +1 at 0.75, +2 at 1.0, +3 at 1.0 with asks_who, which also keeps dev-qa's
    # Vietnamese over the seeds alone at 0.889 (0.778 without it)
    context_lift: float = 1.0
    use_dense: bool = True
    use_lexical: bool = True
