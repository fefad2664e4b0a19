"""Bodies a clause gives a duty in its own words (no annotation): the sentence patterns, and the sentence chosen."""

from __future__ import annotations

import pytest

from service.answering.inline import inline_agencies


@pytest.mark.parametrize(("text", "names", "role"), [
    ("对已发现的化学武器，其技术处理由军队各级防化业务部门负责。", ("军队各级防化业务部门",), "responsible"),
    ("国务院办公厅是全国政务新媒体工作的主管单位，各地办公厅是本地区的主管单位。", ("国务院办公厅",), "responsible"),
    ("实施过程中遇到的问题，请径向省发展改革委反映。", ("省发展改革委",), "responsible"),
    ("市政府督查室要将重点工作完成情况作为重点督查内容。", ("市政府督查室",), "responsible"),
    ("相关工作由外交部和总参谋部统一归口管理。", ("外交部", "总参谋部"), "responsible"),
    ("建立工作机制，由市领导小组办公室牵头，各部门配合。", ("市领导小组办公室",), "lead"),
])
def test_a_body_given_a_duty_in_the_text_is_found(text: str, names: tuple[str, ...], role: str) -> None:
    found = inline_agencies(text)
    assert found and found[0].names == names and found[0].role == role


def test_a_sentence_without_a_body_given_a_duty_names_none() -> None:
    assert inline_agencies("到2022年，建成以中国政府网为龙头的政务新媒体矩阵体系。加强人才培养。") == []


def test_the_sentence_holding_the_question_words_comes_first() -> None:
    text = "各牵头单位要及时向市政府报告完成情况。市政府督查室要将完成情况作为重点督查内容。"
    found = inline_agencies(text, lambda s: 1.0 if "督查" in s else 0.0)
    assert found[0].names == ("市政府督查室",)


def test_a_body_given_another_duty_in_the_same_paragraph_does_not_answer() -> None:
    from service.answering.decide import inline_answer
    from service.answering.terms import Term
    from service.answering.types import Part

    paragraph = "各牵头单位要按时报送进展。市政府督查室要将完成情况作为重点督查内容。"
    asked = Part("负面清单管理由哪些单位负责？", "agency", "responsible",
                 focus=(Term("负面清单", zh=("负面清单",)), Term("管理", zh=("管理",))))
    assert inline_answer(asked, paragraph) is None
    supervised = Part("哪个部门督查完成情况？", "agency", "responsible",
                      focus=(Term("督查", zh=("督查",)), Term("完成", zh=("完成",))))
    assert inline_answer(supervised, paragraph) is not None
