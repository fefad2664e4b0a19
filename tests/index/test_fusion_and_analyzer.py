"""Pure pieces of retrieval: reciprocal-rank fusion, tokenising, expansion, Traditional Chinese."""

from __future__ import annotations

import pytest

from index.analyzer import Analyzer, is_chinese
from index.fusion import rrf


def test_rrf_rewards_agreement_and_rank() -> None:
    scores = rrf([["a", "b", "c"], ["b", "a", "d"]], k=60)
    assert scores["a"] == scores["b"] == pytest.approx(1 / 61 + 1 / 62)
    assert scores["a"] > scores["c"] > 0 and scores["d"] == pytest.approx(1 / 63)


def test_rrf_weights() -> None:
    scores = rrf([["a", "b"], ["b", "a"]], weights=[1.0, 0.0], k=1)
    assert scores["a"] > scores["b"]
    with pytest.raises(ValueError):
        rrf([["a"]], weights=[1.0, 2.0])


def test_rrf_empty() -> None:
    assert rrf([[], []]) == {}


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def test_language_detection() -> None:
    assert is_chinese("外籍人才创业工作许可由哪个部门牵头？")
    assert not is_chinese("Who leads the QFLP pilot?")
    assert not is_chinese("Who is 市科技局 in English and what does the bureau lead?")


def test_english_question_expands_to_chinese_terms(analyzer: Analyzer) -> None:
    q = analyzer.prepare("Who leads the QFLP pilot?")
    assert q.lang == "en"
    assert "合格境外有限合伙人" in q.zh_terms and "合格境外有限合伙人" in q.tokens
    assert "合格境外有限合伙人" in q.dense_text
    # the role words it asks with are searched as words, not read by the model: every task prints one
    assert "牵头单位" in q.zh_terms and "牵头" not in q.dense_text


def test_tokens_are_kept_per_text_and_handed_out_afresh(analyzer: Analyzer) -> None:
    text = "推进外籍人才创业工作许可试点。"
    first = analyzer.tokens(text)
    first.append("changed by a caller")
    assert analyzer.tokens(text) == analyzer._tokenize(text) and "changed by a caller" not in analyzer.tokens(text)


def test_chinese_question_expands_to_english_forms_and_aliases(analyzer: Analyzer) -> None:
    q = analyzer.prepare("市金融局牵头的本外币合一银行结算账户试点")
    assert any("foreign currency" in e for e in q.en_terms)
    assert "市金融监管局" in q.zh_terms  # alias of 市金融局 in the registry
    assert [a.id for a in q.agencies] == ["nj-finance-reg"]


def test_traditional_chinese_is_normalised(analyzer: Analyzer) -> None:
    trad = analyzer.prepare("外籍人才創業工作許可由哪個部門牽頭？")
    simp = analyzer.prepare("外籍人才创业工作许可由哪个部门牵头？")
    assert trad.text == simp.text and trad.tokens == simp.tokens


def test_tokens_drop_stopwords_and_punctuation(analyzer: Analyzer) -> None:
    toks = analyzer.tokens("Who leads the pilots? 外籍人才的工作许可。")
    assert "the" not in toks and "?" not in toks and "的" not in toks
    assert "pilot" in toks and "工作许可" in toks


def test_a_clause_is_indexed_under_the_words_inside_its_long_chinese_words_too() -> None:
    a = Analyzer()
    text = "完善外籍人员子女入学机制，允许中小学按规定接收外籍人员子女入学。"
    assert "外籍人员子女" in a.tokens(text) and "子女" not in a.tokens(text)  # one word in the glossary
    indexed = a.index_tokens(text)
    assert {"外籍人员子女", "子女", "外籍", "小学"} <= set(indexed)
    assert indexed[: len(a.tokens(text))] == a.tokens(text)  # the words themselves first, as printed
