"""Golden tests on both bundled notices: task counts, units by role as printed, sections, metadata."""

from __future__ import annotations

import re

from ingest.models import ParsedNotice
from tests.conftest import DT_2022, DT_NO, SO_2023, SO_NO


def tasks(p: ParsedNotice) -> dict[int, object]:
    return {c.task_no: c for c in p.clauses if c.kind == "task" and c.task_no is not None}


def roles(clause, role: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [u.zh for u in clause.units if u.role == role]


def split(cell: str) -> list[str]:
    return [u for u in re.split(r"[、，]", re.sub(r"\s+", "", cell)) if u]


# --- independent readings of the printed tables (deliberately simpler than the parser) -------------------------


def printed_2023_table() -> dict[int, dict[str, list[str]]]:
    lines = SO_2023.read_text(encoding="utf-8").split("\n")
    out: dict[int, dict[str, list[str]]] = {}
    for i, line in enumerate(lines):
        s = line.strip()
        if s.isdigit() and i > 70 and lines[i + 1].startswith("\t") and len(lines[i + 1].strip()) > 8:
            guide, lead, coop = (lines[i + k].strip() for k in (2, 3, 4))
            out[int(s)] = {"guide": split(guide), "lead": split(lead), "cooperate": split(coop)}
    return out


def printed_2022_table() -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for line in DT_2022.read_text(encoding="utf-8").split("\n"):
        cells = line.split("\t")
        if len(cells) == 4 and cells[1].strip().isdigit():
            out[int(cells[1])] = split(cells[3])
    return out


def test_2023_every_task_matches_the_printed_table(so2023: ParsedNotice) -> None:
    printed = printed_2023_table()
    got = tasks(so2023)
    assert sorted(got) == list(range(1, 105)) == sorted(printed)
    for no, expected in printed.items():
        for role in ("guide", "lead", "cooperate"):
            assert roles(got[no], role) == expected[role], (no, role)


def test_2022_every_numbered_task_matches_the_printed_table(dt2022: ParsedNotice) -> None:
    printed = printed_2022_table()
    got = tasks(dt2022)
    assert sorted(got) == list(range(1, 81)) + list(range(83, 90)) == sorted(printed)
    for no, expected in printed.items():
        assert roles(got[no], "responsible") == expected, no
        assert {u.role for u in got[no].units} == {"responsible"}


def test_2022_annex_keeps_the_two_rows_that_lost_their_numbers(dt2022: ParsedNotice) -> None:
    rows = [c for c in dt2022.clauses if c.kind == "task"]
    assert len(rows) == 89
    orphans = [c for c in rows if c.task_no is None]
    assert len(orphans) == 2
    assert orphans[0].text.startswith("建立同商务部、省商务厅的定期汇报沟通机制")
    assert orphans[0].section == "五、保障机制 / （一）健全工作机制，强化组织保障"
    assert roles(orphans[0], "responsible") == ["市商务局"]
    assert orphans[1].text.startswith("统筹市区两级商务、工信、发改")
    assert orphans[1].section == "五、保障机制 / （二）完善政策措施，强化资金保障"


def test_issue_examples(dt2022: ParsedNotice, so2023: ParsedNotice) -> None:
    t93 = tasks(so2023)[93]
    assert roles(t93, "lead") == ["市科技局"]
    assert roles(t93, "cooperate") == ["市公安局", "市外办"]
    assert roles(t93, "guide") == ["省科技厅", "省公安厅", "省外办"]
    t8 = tasks(dt2022)[8]
    assert roles(t8, "responsible") == ["市金融监管局", "外汇局江苏省分局", "人行南京分行营管部", "江北新区"]
    assert "QFLP" in t8.text and t8.section == "二、重点领域 / （二）数字金融"


def test_task_100_single_unit_column_is_lead(so2023: ParsedNotice) -> None:
    t100 = tasks(so2023)[100]
    assert roles(t100, "lead") == ["市大数据局", "市大数据集团"]
    assert roles(t100, "guide") == [] and roles(t100, "cooperate") == []


def test_unit_names_as_printed(dt2022: ParsedNotice, so2023: ParsedNotice) -> None:
    t = tasks(so2023)
    assert roles(t[39], "lead") == ["南京通管办（联系省通管局）"]
    assert "市委组织部（市委人才办）" in [u.zh for c in so2023.clauses for u in c.units]
    d = tasks(dt2022)
    assert roles(d[68], "responsible") == ["市委网信办", "南京通管办", "江北新区"]  # split on ，
    assert "新生圩海关" in roles(d[76], "responsible")  # page-layout space removed
    assert roles(d[42], "responsible").count("市工信局") == 2  # printed twice; kept as printed
    assert "中国（南京）软件谷" in roles(d[21], "responsible")


def test_sections(dt2022: ParsedNotice, so2023: ParsedNotice) -> None:
    t = tasks(so2023)
    assert t[1].section == "一、推动服务业重点行业领域深化改革扩大开放 / （一）充分竞争性服务业"
    assert t[93].section == "五、加强服务业开放发展的要素保障 / （十五）优化人才服务"
    assert t[104].section == "五、加强服务业开放发展的要素保障 / （十七）防控化解金融风险"
    d = tasks(dt2022)
    assert d[40].section.endswith("/ 1.加快建设数字贸易新基建")
    assert d[13].section == "二、重点领域 / （四）跨境电子商务"
    assert d[89].section == "五、保障机制 / （四）构建统计体系，强化数据保障"


def test_body_clauses_and_their_annotations(dt2022: ParsedNotice, so2023: ParsedNotice) -> None:
    body = {c.section: c for c in dt2022.clauses if c.kind == "body"}
    fin = body["二、重点领域 / （二）数字金融"]
    assert roles(fin, "responsible") == [
        "江北新区", "市商务局", "市金融监管局", "外汇局江苏省分局", "人行南京分行营管部"]
    assert "责任单位" not in fin.text and fin.text.endswith("集聚高地。")  # joined across the page break
    gov = body["四、主要任务 / （四）健全治理体系，形成数字贸易制度创新策源地 / 2.加强数字安全治理"]
    assert roles(gov, "responsible") == ["市委网信办", "南京通管办", "各区", "江北新区"]  # annotation on its own line
    data = body["二、重点领域 / （六）数据服务"]
    assert "中国（南京）软件谷" in roles(data, "responsible")  # 〔〕 brackets
    assert sum(1 for c in dt2022.clauses if c.kind == "body" and c.units) == 26
    goals = [c for c in so2023.clauses if c.section == "一、总体要求 / （三）工作目标"]
    assert len(goals) == 1 and "104项改革试点任务" in goals[0].text


def test_document_metadata(dt2022: ParsedNotice, so2023: ParsedNotice) -> None:
    d = dt2022.document
    assert d.doc_number == DT_NO
    assert d.title == "南京市数字贸易发展行动方案（2022—2025年）"
    assert d.issuer == "中共南京市委办公厅、南京市人民政府办公厅"
    assert d.issued_on == "2022年3月2日" and d.period == "2022—2025"
    assert (d.n_tasks, d.n_clauses) == (89, len(dt2022.clauses))
    s = so2023.document
    assert s.doc_number == SO_NO
    assert s.title == "南京市服务业扩大开放综合试点工作实施方案"
    assert s.issuer == "南京市人民政府" and s.issued_on == "2023年6月3日" and s.period is None
    assert s.n_tasks == 104


def test_trailer_and_cover_letter_are_kept_apart_as_front_matter(so2023: ParsedNotice, dt2022: ParsedNotice) -> None:
    """The cover letter and the 抄送/印发 trailer are never task text; they are kept as `meta` clauses so that
    document facts (issuer, date, printing office) can be quoted from where they are printed. The cover letter's
    sentences are also one body clause of their own (section 印发通知): "who approved it" is asked too."""
    for p in (so2023, dt2022):
        for c in p.content:
            assert "抄送" not in c.text and ("印发给你们" not in c.text or c.section == "印发通知")
        cover = [c for c in p.content if c.section == "印发通知"]
        assert len(cover) == 1 and cover[0].kind == "body" and cover[0].text.endswith("认真贯彻落实。")
    assert "已经市委、市政府同意" in next(c for c in dt2022.content if c.section == "印发通知").text
    front = [c for c in so2023.clauses if c.kind == "meta"]
    assert [c.clause_id.rsplit("/", 1)[1] for c in front] == ["h", "s", "e"]
    assert "印发给你们" in front[0].text and "宁政发〔2023〕51号" in front[0].text
    assert front[1].text == "附件：南京市服务业扩大开放综合试点任务分工"  # the annexes it lists: "what is attached?"
    assert front[2].text.startswith("抄送") and "2023年6月5日印发" in front[2].text


def test_clause_ids_are_unique_and_stable(dt2022: ParsedNotice) -> None:
    from tests.conftest import parse_file

    ids = [c.clause_id for c in dt2022.clauses]
    assert len(ids) == len(set(ids))
    assert ids == [c.clause_id for c in parse_file(DT_2022).clauses]
    assert tasks(dt2022)[8].clause_id.endswith("/t8")


def test_text_is_whitespace_normalised(dt2022: ParsedNotice) -> None:
    for c in dt2022.clauses:
        assert "  " not in c.text and "\t" not in c.text and "**" not in c.text
    assert "到2025年" in next(c.text for c in dt2022.clauses if c.section == "一、总体要求 / （二）发展目标")
