"""Quantities a question names, and whether a clause prints them in either language's way of writing numbers."""

from __future__ import annotations

import pytest

from service.answering.quantities import asked_quantities, cn_value, states_quantity


@pytest.mark.parametrize(("text", "expected"), [
    ("Who trains the 200 family-education instructors?", (200.0,)),
    ("who handles the 300,000 new jobs in task 7", (300000.0,)),
    ("第3项 5G 2023年 12月底前 新建食堂100所 增长3.8% 1.5万人", (100.0, 3.8, 15000.0)),
    ("the 10 projects of 青政发〔2019〕1号", (10.0,)),
    ("1.5 million people", (1500000.0,)),
    ("the 1st item, G20, COVID-19, item 4 and the “633” programme", ()),
    ("who leads measure 1 and point 3 of section 2, or 任务5", ()),
    ("the winter 2016–17 campaign and the 2021-22 season", ()),
])
def test_asked_quantities_leave_out_years_dates_ordinals_codes_and_names(text: str, expected: tuple) -> None:
    assert asked_quantities(text, []) == expected


def test_a_span_already_understood_is_not_a_quantity() -> None:
    text = "Who leads task 12 of the plan?"
    assert asked_quantities(text, [(text.index("12"), text.index("12") + 2)]) == ()


@pytest.mark.parametrize(("run", "value"), [("一百", 100), ("百", 100), ("两千五百", 2500), ("三十万", 300000),
                                            ("十二", 12), ("一亿二千万", 120000000), ("五亿", 500000000)])
def test_chinese_numerals(run: str, value: int) -> None:
    assert cn_value(run) == value


def test_a_clause_states_a_quantity_in_its_own_notation() -> None:
    assert states_quantity(300000, "城镇新增就业30万人") and states_quantity(100, "百名高端外国专家引进项目")
    assert states_quantity(100, "新建标准化食堂100所") and not states_quantity(200, "新建标准化食堂100所")
