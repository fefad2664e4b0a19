"""Golden tests on real notices from other issuers (tests/fixtures/notices): every printed task found in order,
units by role exactly as printed, header fields and task-table fields as in the hand-checked expectations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest.real_notices import ROLES, expectations, parse_fixture, score

EXPECTATIONS = expectations()
# Copies the parser does not read yet, each with why (round 25, 2026-12-06): they must keep failing until fixed, then
# leave this list.
KNOWN_MISSES = {
    "huzhou-weijianfa-2023-1": "a work-points copy cut off inside its first item, before any unit is printed: with no "
                               "unit anywhere, its numbered items are not known to be tasks",
    "js-zhonglou-minsheng-2021-docx": "a document-sharing site's text of a .docx table run together with no separator "
                                      "between cells or rows: row numbers, words, a leader's name and units in one "
                                      "line",
    "kaifu-wenming-shequ-2016-doc": "the same site's text of a table run together with its cover letter, the viewer's "
                                    "page markers (1、 2、 3、) splitting words",
    "chaozhou-lantian-2019-news": "a copy cut off inside an item's bracket after a role phrase the parser does not "
                                  "read (A、B、C牵头督导,D、E、…): the units listed after it carry no role word",
    # round 30 (2026-12-07)
    "ninghai-minsheng-xiangmu-2022-zh-hant": "a two-row header whose merged cells' spans the copy lost, and rows with "
                                             "their empty cells left out: every task and unit is read, but the other "
                                             "cells cannot be put under their sub-columns",
    "xinjian-minsheng-jindu-2024": "a table whose group number, lead unit and count are printed once over a group "
                                   "of rows, parent projects over numbered sub-projects: stored as text, not as "
                                   "tasks",
    # round 31
    "chengdu-lajifenlei-fengong-docx": "a document-sharing site's text of a .docx table run together, each row's "
                                       "number glued to its words and the viewer's page markers (1、 2、) splitting "
                                       "a unit's name, as Zhonglou's and Kaifu's",
    # round 36
    "jiange-zwgk-mulu-2022": "a publication catalogue's table one cell per line under a two-row header, its multi-line "
                             "cells and its rows' empty tick cells left out: the body that publishes (公开主体) is not "
                             "read as a unit",
    # round 37
    "huaiyuan-nongyeju-jindu-2023-11": "a progress table one cell per line whose rows print a unit over two lines, a "
                                       "stray cell, or none for an empty one: every row and lead is read, but one "
                                       "row's second unit and the rows' later cells fall under the wrong columns",
    # round 38
    "qu-jiaoyu-huimin-jindu-2020": "a one-row progress table whose header cells (实事内容工作任务责任单位进展情况"
                                   "一季度…) are run together with the row's first two cells on one line: the task "
                                   "is not told from the header, only its unit cell (no longer taken for the title) "
                                   "and progress paragraph stand on lines of their own",
    # round 39
    "chizhou-xinfang-zwgk-qingdan": "a one-cell-per-line table whose header prints no 序号 column (the rows do, after "
                                    "a group cell printed once per group), its cells separated by lines holding only "
                                    "'|': no header is found, so no row is read",
    # round 42
    "haidong-lanxi-renwu-2020": "a person line whose label lost its first characters in the copy ('人:' for "
                                "'责任人:'): its units and task are read, the person is not known for a field",
}
# The .doc fixture goes through LibreOffice (~2 s): slow, like the other tests that start a program.
CASES = [pytest.param(e, marks=pytest.mark.slow) if e.name.startswith("yc-yingji") else
         pytest.param(e, marks=pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[n]))
         if (n := e.name.removesuffix(".expect.json")) in KNOWN_MISSES else e for e in EXPECTATIONS]


@pytest.mark.slow
def test_there_are_enough_fixtures() -> None:
    """At least 8 notices from 4 issuers in 3 formats (the issue's floor); the README lists them."""
    files = [parse_fixture(e)[0]["file"] for e in EXPECTATIONS]
    assert len(files) >= 18
    assert {Path(f).suffix for f in files} >= {".txt", ".html", ".docx", ".pdf", ".doc"}


@pytest.mark.parametrize("expect", CASES, ids=[e.name.removesuffix(".expect.json") for e in EXPECTATIONS])
def test_notice_matches_its_expectation(expect: Path) -> None:
    s = score(expect)
    assert s.problems == []
    assert (s.found, s.roles_exact, s.fields_right, s.extra) == (s.printed, s.printed, s.printed, 0)
    assert s.header_right == s.header_total


@pytest.mark.slow
def test_totals_meet_the_targets() -> None:
    scores = [score(e) for e in EXPECTATIONS if e.name.removesuffix(".expect.json") not in KNOWN_MISSES]
    printed = sum(s.printed for s in scores)
    assert printed >= 140
    assert sum(s.found for s in scores) == printed  # every printed task found
    assert sum(s.roles_exact for s in scores) / printed >= 0.98
    assert all(s.header_right == 4 for s in scores)


def test_scoring_notices_a_wrong_unit(monkeypatch: pytest.MonkeyPatch) -> None:
    """The scorer itself can fail: drop one unit from a parsed task and the fixture no longer scores exact."""
    import tests.ingest.real_notices as rn

    real = rn.parse_reading

    def lossy(*a, **kw):  # type: ignore[no-untyped-def]
        from dataclasses import replace

        notice = real(*a, **kw)
        k = next(i for i, c in enumerate(notice.clauses) if c.kind == "task")
        notice.clauses[k] = replace(notice.clauses[k], units=notice.clauses[k].units[1:])
        return notice

    monkeypatch.setattr(rn, "parse_reading", lossy)
    s = rn.score(next(e for e in EXPECTATIONS if e.name.startswith("gz-rencai")))
    assert s.roles_exact == s.printed - 1 and s.problems
    assert set(ROLES) == {"lead", "cooperate", "guide", "responsible"}
