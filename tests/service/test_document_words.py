"""Words that only say which kind of document a question is about, and the English an answer uses for a notice
printed with no English title."""

from __future__ import annotations

import pytest

from service.answering.compose import genre_en
from service.answering.lexicon import is_doc_words


@pytest.mark.parametrize(("surface", "zh"), [("方案", True), ("分工方案", True), ("实施意见", True), ("工作方案", True),
                                             ("plan", False), ("task-division plan", False),
                                             ("implementing opinions", False), ("work plan", False)])
def test_kinds_of_document_are_document_words(surface: str, zh: bool) -> None:
    assert is_doc_words(surface, zh)


@pytest.mark.parametrize(("surface", "zh"), [("实施", True), ("数字贸易", True), ("重点工作", True),
                                             ("action", False), ("digital trade plan", False), ("planning", False)])
def test_topics_are_not(surface: str, zh: bool) -> None:
    assert not is_doc_words(surface, zh)


@pytest.mark.parametrize(("title", "kind"), [
    ("东莞市人民政府关于贯彻落实《广东省进一步稳定和扩大就业若干政策措施》的实施意见", "implementing opinions"),
    ("全国深化“放管服”改革优化营商环境电视电话会议重点任务分工方案", "task-division plan"),
    ("南京市推进服务业扩大开放综合试点工作方案（2023—2025年）", "work plan"),
    ("2023年莲都区政府工作报告重点工作责任分解", "responsibility breakdown"),
    ("关于加强对侵华日军遗弃化学武器调查和管理工作的通知", "notice"),
    ("某某事项", "notice"),
])
def test_a_titles_ending_says_what_kind_of_document_it_is(title: str, kind: str) -> None:
    assert genre_en(title) == kind


def test_a_figure_the_question_quotes_counts_where_it_is_printed_as_such() -> None:
    from service.answering.evidence import quoted_figures

    question = "Until when does the temporary 50% cut in 2021 apply?"
    assert quoted_figures(question, "2021年5月1日至2022年4月30日实施阶段性下调工伤保险费率50%的政策") == 1
    assert quoted_figures(question, "原政策实施至2021年4月30日") == 0  # a year is not a quoted figure
    assert quoted_figures(question, "下调150%") == 0 and quoted_figures("the 50 items", "50%") == 0


@pytest.mark.parametrize(("label", "number"), [("1", 1), ("1.", 1), ("（一）", 1), ("(3)", 3), ("十二、", 12),
                                               ("", None), ("A", None)])
def test_a_tasks_printed_label_gives_its_number(label: str, number: int | None) -> None:
    from service.answering.answerer import _printed_number

    assert _printed_number(label) == number


def test_a_chinese_texts_glossary_terms_in_english_longest_first_in_printed_order() -> None:
    from service.answering.compose import terms_en

    found = terms_en("固定资产投资增长15%左右，医保基金规范使用。")
    # the three longest of the four the glossary knows (左右 "around" is left out), in printed order
    assert found == " [fixed-asset investment; growth; medical insurance fund]"
    two = terms_en("固定资产投资增长15%左右，医保基金规范使用。", most=2)
    assert two == " [fixed-asset investment; medical insurance fund]"
    assert terms_en("努力实现各项目标。") == ""
    # Asked for, the general dictionary fills in what the glossary leaves: a gist of a Chinese-only task.
    assert terms_en("激活房地产市场", most=2, general=True) == " [activate; real estate]"  # longest first, in order


@pytest.mark.parametrize(("text", "stated"), [
    ("规划明确了9项具体建设任务和7项重点建设项目，分解如下。", "9项具体建设任务和7项重点建设项目"),
    ("形成104项改革试点任务。", "104项改革试点任务"),
    ("提出十二项重点工作、三项保障措施。", "十二项重点工作、三项保障措施"),
    ("第3项任务由市商务局牵头。", None),  # an ordinal names one task, it counts nothing
    ("各项工作有序推进。", None),
])
def test_a_notices_own_count_of_what_it_sets_out(text: str, stated: str | None) -> None:
    from service.answering.handlers.document import _COUNTS

    m = _COUNTS.search(text)
    assert (m.group(0) if m else None) == stated


def test_how_many_tasks_quotes_the_notices_own_count_beside_the_stored_one(real_engine) -> None:  # type: ignore[no-untyped-def]
    from service.answering.types import Query

    a = real_engine.answerer.answer(Query("How many tasks does the services opening-up pilot plan have?"))
    assert "104 tasks" in a.text and "“104项改革试点任务”" in a.text, a.text


@pytest.mark.parametrize(("text", "run"), [
    ("Under Xialu district's 2020 key-work breakdown, which bureau", "key-work breakdown"),
    ("in the task-division plan, who", "task-division plan"),
    ("Who leads the QFLP pilot?", None), ("the key pilot zone", None)])
def test_a_run_of_kind_words_ending_in_a_document_word_names_a_kind(text: str, run: str | None) -> None:
    from service.answering.lexicon import DOC_KIND_RUN_EN

    m = DOC_KIND_RUN_EN.search(text)
    assert (m.group(0) if m else None) == run


def test_the_words_naming_a_notices_kind_are_not_the_questions_topic(real_engine) -> None:  # type: ignore[no-untyped-def]
    q = "Under 宁政发〔2023〕51号's key-work plan, who leads the reopening of primary and secondary schools?"
    part = real_engine.answerer.understanding.understand(q).parts[0]
    assert part.constraints.doc_numbers and not {"key", "work", "plan"} & {t.surface for t in part.focus}, part.focus


def test_a_number_printed_in_a_question_is_a_stored_notice_or_one_cited() -> None:
    from service.answering.handlers.cited import cited_numbers

    def stored() -> list[str]:
        return ["宁政发〔2023〕51号"]

    got = cited_numbers("实施方案里提到的商资发〔2022〕209号是个什么文件？", stored)
    assert got == [("实施方案里提到的商资发", "2022", "209")]
    assert cited_numbers("宁政发[2023]51号是什么文件？", stored) == []  # stored, printed with other brackets

    def never() -> list[str]:
        raise AssertionError("the stored numbers are listed only for a question printing one")

    assert cited_numbers("Who leads the QFLP pilot?", never) == []


def test_what_a_notice_cites_by_number_is_what_it_prints_for_it(real_engine) -> None:  # type: ignore[no-untyped-def]
    from service.answering.types import Query

    a = real_engine.answerer.answer(Query("What is 商资发〔2022〕209号?"))
    assert not a.abstained and "总体方案" in a.text and a.cited[0].clause.doc_number == "宁政发〔2023〕51号", a.text
    zh = real_engine.answerer.answer(Query("国函〔2022〕135号是什么？"))
    assert "国务院关于同意在沈阳等6个城市开展服务业扩大开放综合试点的批复" in zh.text, zh.text
    # a number no stored notice is or cites: said so, not answered from another notice
    none = real_engine.answerer.answer(Query("国发〔2099〕9号是什么？"))
    assert none.abstained and none.reason == "document" and "国发〔2099〕9号" in none.text, none.text


@pytest.mark.parametrize(("question", "asks_issuer"), [
    ("Which Xi'an (西安) government bureau published the rules?", True),
    ("Which Deqing County office issued the work points?", True),
    ("Which office issued the plan?", True),
    ("Which measures has the commission issued for small businesses?", False),  # measures it issued, not who
    ("Which tasks that the office issued are due in June?", False),
])
def test_an_organ_word_after_a_place_asks_who_issued(question: str, asks_issuer: bool) -> None:
    from service.answering.lexicon import DOC_ATTRIBUTES

    english = dict((name, en) for name, _, en in DOC_ATTRIBUTES)
    assert bool(english["issuer"].search(question)) is asks_issuer


def test_work_points_name_a_kind_of_notice_and_key_points_of_a_reform_do_not() -> None:
    from service.answering.lexicon import DOC_WORDS_EN

    assert DOC_WORDS_EN.search("the 2022 government information disclosure work points")
    assert not DOC_WORDS_EN.search("What are the key points of the reform?")


@pytest.mark.parametrize("question", [
    "What's the official doc number on the city government notice that rolled out the services pilot plan?",
    "Quick one - what's the 文号 on the city government notice that rolled out the services pilot plan?",
])
def test_doc_number_and_the_chinese_word_in_an_english_question_ask_for_the_number(
        real_engine, question: str) -> None:  # type: ignore[no-untyped-def]
    part = real_engine.answerer.understanding.understand(question).parts[0]
    assert part.answer_type == "document" and part.doc_attribute == "number", part


@pytest.mark.parametrize(("name", "english"), [
    ("三季度进展情况", "Progress (三季度)"), ("1-10月推进情况", "Progress (1-10月)"), ("完成时限", "Deadline"),
    ("某某栏", None)])
def test_a_fields_name_ending_in_a_known_one_is_that_field_for_the_period_it_names(name: str,
                                                                                    english: str | None) -> None:
    from service.answering.wording import field_en

    assert field_en(name) == english


def test_a_time_honoured_brand_is_no_document_number(real_engine) -> None:  # type: ignore[no-untyped-def]
    """字号 inside 老字号 is no 文号: an English question naming China's time-honoured brands asks about them."""
    part = real_engine.answerer.understanding.understand(
        "Which bureau supports China time-honored brands (中华老字号) opening flagship stores?").parts[0]
    assert part.doc_attribute is None, part
