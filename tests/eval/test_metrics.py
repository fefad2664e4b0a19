"""Metric functions on hand-made results: a pass, each kind of failure, abstention counting."""

from __future__ import annotations

import pytest

from eval.metrics import citation_at, english_enough, retrieval_metrics, score_row, summarize

D = "宁政发〔2023〕51号"


def same(expected: str, unit: dict) -> bool:
    return unit["zh"] == expected


def resp(**kw):  # type: ignore[no-untyped-def]
    base = {"answer": "Lead: Nanjing Municipal Bureau of Science and Technology (市科技局).", "lang": "en",
            "abstained": False, "citations": [{"doc_number": D, "task_no": 93}], "units": [{"zh": "市科技局"}]}
    return base | kw


GOLD = {"id": "g1", "lang": "en", "kind": "lead", "question": "?", "abstain": False,
        "cite": [[[D, 93]]], "agencies": ["市科技局"], "keys": ["Science|科技"]}


def test_a_passing_row() -> None:
    r = score_row(GOLD, resp(), 12.0, same)
    assert r.passed and set(r.checks) == {"answered", "citation", "agencies", "keys", "english"}


@pytest.mark.parametrize(
    ("override", "failed"),
    [
        ({"abstained": True}, "answered"),
        ({"citations": [{"doc_number": D, "task_no": 1}] * 3 + [{"doc_number": D, "task_no": 93}]}, "citation"),
        ({"units": [{"zh": "市公安局"}]}, "agencies"),
        ({"answer": "Lead: Nanjing Municipal Bureau of Commerce."}, "keys"),
        ({"lang": "zh"}, "english"),
        ({"answer": "牵头单位：市科技局（南京市科学技术局）负责该项 Science"}, "english"),
    ],
)
def test_each_kind_of_failure(override: dict, failed: str) -> None:
    r = score_row(GOLD, resp(**override), 1.0, same)
    assert not r.passed and not r.checks[failed]


def test_alternatives_and_doc_only_citations() -> None:
    gold = GOLD | {"cite": [[[D, 7], [D, 93]], [["宁委办发〔2022〕13号", None]]]}
    ok = resp(citations=[{"doc_number": D, "task_no": 93}, {"doc_number": "宁委办发〔2022〕13号", "task_no": None}])
    assert score_row(gold, ok, 1, same).checks["citation"]
    assert not score_row(gold, resp(), 1, same).checks["citation"]


def test_agency_task_lists_may_cite_beyond_the_top_three() -> None:
    gold = GOLD | {"kind": "agency_tasks", "cite": [[[D, 93]]]}
    long = resp(citations=[{"doc_number": D, "task_no": n} for n in (1, 2, 3, 93)])
    assert score_row(gold, long, 1, same).checks["citation"]


def test_a_gold_requiring_four_citations_reads_four() -> None:
    gold = GOLD | {"kind": "reverse", "cite": [[[D, n]] for n in (1, 2, 3, 93)]}
    four = resp(citations=[{"doc_number": D, "task_no": n} for n in (1, 2, 3, 93)])
    assert score_row(gold, four, 1, same).checks["citation"]
    late = resp(citations=[{"doc_number": D, "task_no": n} for n in (1, 2, 3, 4, 93)])
    assert not score_row(gold, late, 1, same).checks["citation"]


def test_a_quote_matches_whatever_the_width_of_its_punctuation() -> None:
    # a web copy prints ASCII punctuation where the document prints full-width: the same clause
    gold = GOLD | {"cite": [[[D, 5, "责任单位：立山经济开发区，各街道"]]]}
    quote = "增长8%左右。责任单位:立山经济开发区,各街道,税务局"
    web = resp(citations=[{"doc_number": D, "task_no": 5, "quote": quote}])
    assert score_row(gold, web, 1, same).checks["citation"]
    other = resp(citations=[{"doc_number": D, "task_no": 5, "quote": "责任单位:立山经济开发区"}])
    assert not score_row(gold, other, 1, same).checks["citation"]


def test_abstention_counting() -> None:
    golds = [GOLD, GOLD | {"id": "g2", "abstain": True}, GOLD | {"id": "g3", "abstain": True}]
    results = [
        score_row(golds[0], resp(abstained=True), 1, same),  # false abstention
        score_row(golds[1], resp(abstained=True), 1, same),  # true abstention
        score_row(golds[2], resp(), 1, same),  # missed abstention
    ]
    s = summarize(golds, results)
    assert s["abstention_precision"] == 0.5 and s["abstention_recall"] == 0.5
    assert s["answer_accuracy"] == pytest.approx(1 / 3) and s["n"] == 3


def test_summary_slices_and_latency() -> None:
    golds = [GOLD, GOLD | {"id": "g2", "lang": "zh"}]
    results = [score_row(golds[0], resp(), 10, same), score_row(golds[1], resp(units=[]), 30, same)]
    s = summarize(golds, results)
    assert s["by_lang"] == {"en": 1.0, "zh": 0.0} and s["latency_p50_ms"] == 20 and s["citation_at_1"] == 1.0


def test_citation_at_k_and_retrieval_metrics() -> None:
    assert citation_at(GOLD, [(D, 1), (D, 93)], 1) is False
    assert citation_at(GOLD, [(D, 1), (D, 93)], 3) is True
    assert citation_at(GOLD | {"abstain": True}, [], 3) is None
    m = retrieval_metrics([[(D, 93)], [(D, 2), (D, 93)], [(D, 5)]], [[[D, 93]]] * 3, k=3)
    assert m["recall_at_3"] == pytest.approx(2 / 3) and m["mrr"] == pytest.approx((1 + 0.5) / 3)


def test_english_enough() -> None:
    assert english_enough("Lead: Nanjing Municipal Bureau of Science and Technology (市科技局).")
    assert not english_enough("牵头单位：市科技局")
