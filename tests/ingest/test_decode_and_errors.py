"""Encodings, bad files, unstructured text, and a property test that arbitrary text never crashes the parser."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.decode import decode_notice
from ingest.parser import parse_notice
from policyqa.errors import IngestError
from tests.conftest import DT_2022, SO_2023


@pytest.mark.parametrize("path", [DT_2022, SO_2023])
def test_gb18030_copy_parses_to_the_same_clauses(path) -> None:  # type: ignore[no-untyped-def]
    utf8 = path.read_bytes()
    gb = utf8.decode("utf-8").encode("gb18030")
    assert gb != utf8
    a_text, a_enc = decode_notice(utf8)
    b_text, b_enc = decode_notice(gb)
    assert (a_enc, b_enc) == ("utf-8", "gb18030")
    assert parse_notice(a_text).clauses == parse_notice(b_text).clauses


def test_utf8_bom_and_crlf() -> None:
    raw = DT_2022.read_bytes().decode("utf-8").replace("\n", "\r\n").encode("utf-8-sig")
    text, enc = decode_notice(raw)
    assert enc == "utf-8" and "\r" not in text and not text.startswith("\ufeff")
    assert len(parse_notice(text).content) == 123  # with the cover letter


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (b"\xff\xfe\xfd\xfc" * 200, "not valid UTF-8 or GB18030"),
        (b"hello world, this is an English memo without Chinese text. " * 20, "Chinese"),
    ],
)
def test_bad_files_get_a_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(IngestError, match=message):
        decode_notice(data, "bad.txt")


def test_notice_without_document_number_is_stored_under_its_file_name_unless_given() -> None:
    text = ("关于加强数字贸易的若干意见\n\n一、总体要求\n\n"
            "（一）指导思想。坚持创新驱动，推动数字贸易高质量发展。（责任单位：市商务局）\n")
    fallback = parse_notice(text, "memo.txt")
    assert fallback.document.doc_number == "memo.txt" and "文号" in fallback.warnings[0]
    assert fallback.document.title == "关于加强数字贸易的若干意见"
    parsed = parse_notice(text, "memo.txt", doc_number="宁商发〔2024〕1号")
    assert parsed.document.doc_number == "宁商发〔2024〕1号"
    assert [u.zh for u in parsed.content[0].units] == ["市商务局"]


def test_unstructured_text_falls_back_to_paragraph_clauses_with_a_warning() -> None:
    text = "宁政办发〔2024〕9号\n\n这是第一段说明文字，没有任何标题结构。\n\n这是第二段文字，也没有编号。\n"
    parsed = parse_notice(text, "plain.txt")
    assert [c.text for c in parsed.content] == [
        "这是第一段说明文字，没有任何标题结构。", "这是第二段文字，也没有编号。"]
    assert any("paragraph clauses" in w for w in parsed.warnings)


def test_same_family_notice_with_lead_and_cooperate_columns() -> None:
    """Another notice of the family: 牵头单位/配合单位 table columns map to roles by header name."""
    text = "\n".join(
        [
            "苏商发〔2024〕7号",
            "",
            "关于印发《示范方案》的通知",
            "",
            "各单位：",
            "",
            "示范方案",
            "",
            "一、重点任务",
            "",
            "（一）开放平台。建设开放平台，推动外资集聚。（牵头单位：市商务局；配合单位：市发改委、各区）",
            "",
            "附件",
            "",
            "序号\t任务内容\t牵头单位\t配合单位",
            "1\t建设开放平台，推动外资集聚，形成一批示范项目。\t市商务局\t市发改委、各区",
            "2\t完善跨境数据流动安全评估机制，开展试点。\t市委网信办\t",
        ]
    )
    parsed = parse_notice(text, "other.txt")
    body, t1, t2 = parsed.content
    assert [(u.zh, u.role) for u in body.units] == [
        ("市商务局", "lead"), ("市发改委", "cooperate"), ("各区", "cooperate")]
    assert body.section == "一、重点任务 / （一）开放平台"
    assert (t1.task_no, [(u.zh, u.role) for u in t1.units]) == (
        1, [("市商务局", "lead"), ("市发改委", "cooperate"), ("各区", "cooperate")])
    assert t1.section == body.section  # placed by its body paragraph
    assert [(u.zh, u.role) for u in t2.units] == [("市委网信办", "lead")]


_weird = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",))
    | st.sampled_from(list("\u200b\u200f\u202e\t\n（）一、1.附件序号")),
    max_size=3000,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_weird)
def test_arbitrary_text_never_crashes_the_parser(text: str) -> None:
    try:
        parse_notice(text, "fuzz.txt")
    except IngestError:
        pass


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=4000))
def test_arbitrary_bytes_never_crash_the_decoder(data: bytes) -> None:
    try:
        decode_notice(data, "fuzz.bin")
    except IngestError:
        pass


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=40_000))
def test_truncated_notices_never_crash(cut: int) -> None:
    text = SO_2023.read_text(encoding="utf-8")[:cut]
    try:
        parse_notice(text, "cut.txt")
    except IngestError:
        pass
