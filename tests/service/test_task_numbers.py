"""Tasks named by number in a question: well-formed numerals only, never the number inside a 文号 or a count."""

from __future__ import annotations

import pytest

from service.answering.docrefs import task_numbers


@pytest.mark.parametrize(("question", "numbers"), [
    ("第17项任务由谁牵头？", (17,)),
    ("第十二项任务由谁牵头？", (12,)),
    ("第二十一项由谁负责？", (21,)),
    ("任务17由谁牵头？", (17,)),
    ("Who leads task 17 and item 3?", (17, 3)),
    ("第一三项任务由谁牵头？", ()),  # not a numeral: no task, and no error
    ("某府发(2023)51号任务17由谁牵头？", (17,)),  # 51 is the 文号's
    ("今年要完成任务10项", ()),  # a count
    ("工作要点第(一)项要求编写什么目录？", (1,)),  # an item numbered (一), called as printed
    ("《条例》第3条怎么规定？", ()),  # a law's article, not a task
])
def test_task_numbers(question: str, numbers: tuple[int, ...]) -> None:
    assert task_numbers(question)[0] == numbers


def test_a_question_that_only_quotes_a_number_is_chinese(real_engine) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import SO_NO, ask

    r = ask(real_engine.answerer, f"{SO_NO}？")
    assert r.lang == "zh"


def test_a_wh_question_is_not_yes_or_no_for_its_later_clauses(real_engine) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import ask

    r = ask(real_engine.answerer, "How, if at all, does the services pilot support foreign-invested hospitals?")
    assert not r.answer.startswith(("Yes", "No")), r.answer
