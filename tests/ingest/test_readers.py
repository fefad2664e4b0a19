"""Readers by format: each real fixture is read into the same lines-and-rows structure; formats we do not read are
refused with their name."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from ingest.readers import read_notice, reader_for
from ingest.readers.script import is_traditional
from policyqa.errors import IngestError, UnsupportedFormatError

FIXTURES = Path(__file__).parents[1] / "fixtures" / "notices"


def read(name: str):  # type: ignore[no-untyped-def]
    return read_notice((FIXTURES / name).read_bytes(), name)


def test_gov_cn_page_main_content_and_metadata_table() -> None:
    r = read("gov-gbf-2018-123.html")
    assert r.format == "html"
    assert r.lines[:3] == ("国务院办公厅关于推进", "政务新媒体健康有序发展的意见", "国办发〔2018〕123号")
    assert r.lines[-3:] == ("国务院办公厅", "2018年12月7日", "（此件公开发布）")
    assert not any("扫一扫" in ln or "索 引 号" in ln for ln in r.lines)  # page furniture left out
    assert r.fields["发文字号"] == "国办发〔2018〕123号" and r.fields["成文日期"] == "2018年12月07日"
    assert r.fields["发文机关"] == "国务院办公厅"
    assert r.title == "国务院办公厅关于推进政务新媒体健康有序发展的意见"


def test_html_line_breaks_and_fragment_pages() -> None:
    r = read("gov-gbf-1996-25.html")
    assert r.lines[:3] == ("国务院办公厅、中央军委办公厅", "关于加强对侵华日军遗弃化学武器", "调查和管理工作的通知")
    assert r.lines[-1] == "一九九六年六月二十九日"
    g = read("gz-rencai-2012-reprint.html")
    assert g.title == "关于推进人才集聚工程的实施意见" and g.lines[1] == "一、总体目标"
    assert sum(1 for ln in g.lines if "（牵头单位：" in ln) == 44


def test_html_tables_become_rows_with_spans_on_the_grid() -> None:
    page = ("<html><body><p>关于印发重点任务分工方案的通知，请各单位认真贯彻落实，确保各项任务落到实处。</p><table>"
            "<tr><th>分类</th><th>序号</th><th>重点任务</th><th>牵头单位</th></tr>"
            "<tr><td rowspan='2'>营商环境</td><td>1</td><td>推行证照分离<br>改革全覆盖</td><td>市市场监管局</td></tr>"
            "<tr><td>2</td><td>优化纳税服务</td><td>市税务局</td></tr>"
            "<tr><td colspan='4'>二、开放平台</td></tr></table></body></html>").encode()
    r = read_notice(page, "t.html")
    rows = [ln for ln in r.lines if isinstance(ln, tuple)]
    assert rows == [("分类", "序号", "重点任务", "牵头单位"),
                    ("营商环境", "1", "推行证照分离改革全覆盖", "市市场监管局"),
                    ("营商环境", "2", "优化纳税服务", "市税务局"), ("二、开放平台", "", "", "")]
    assert "\t" in r.text()


def test_docx_paragraphs_and_a_merged_table() -> None:
    r = read("ld-zrfj-2023-word.docx")
    assert r.format == "docx" and r.lines[0] == "2023年莲都区政府工作报告重点工作责任分解"
    rows = [ln for ln in r.lines if isinstance(ln, tuple)]
    assert rows[0] == ("分类", "序号", "事项", "责任单位", "牵头单位") and len(rows) == 14
    assert {row[0] for row in rows[1:]} == {"发展目标"}  # the vertically merged cell repeats
    assert rows[9][2] == "研究与试验发展（R&D）经费投入强度达到2.6%。"


def test_pdf_tables_and_wrapped_lines() -> None:
    r = read("ld-zrfj-2023-print.pdf")
    rows = [ln for ln in r.lines if isinstance(ln, tuple)]
    assert len(rows) == 14 and rows[1][:3] == ("发展目标", "1", "地区生产总值增长6.5%以上。")
    assert rows[13][4] == "区生态环境分局"  # a cell wrapped over two lines is one name again
    s = read("sc-fgw-liutong-2022.pdf")
    assert s.lines[2:5] == ("四川省发展和改革委员会", "2022年10月18日", "四川省“十四五”现代流通体系建设实施方案")
    assert s.lines[-1].startswith("（二）优化市场准入环境") and s.lines[-1].endswith("〔责任单位：省市场监管局〕")


@pytest.mark.slow  # LibreOffice starts for ~2 s
def test_legacy_doc_through_libreoffice() -> None:
    r = read("yc-yingji-2017.doc")
    assert r.format == "doc"
    assert r.lines[-1] == "（责任单位：市直各有关单位、各县（市、区）人民政府、各开发区管委会）"


def test_gb18030_and_traditional_text() -> None:
    assert read("dg-dongfu-2021-54-gb18030.txt").format == "text (gb18030)"
    t = read("dg-dongfu-2021-54-zh-hant.txt")
    assert t.lines[0] == "东府〔2021〕54号" and "市残联、市财政局、市税务局负责" in t.text()
    assert any("Traditional" in w for w in t.warnings)
    assert not is_traditional((FIXTURES / "gz-rencai-2012-reprint.html").read_text(encoding="utf-8"))


def test_content_not_suffix_picks_the_reader() -> None:
    html = (FIXTURES / "gov-gbf-2018-123.html").read_bytes()
    assert reader_for(html, "saved.txt").format == "html"
    quoting = "宁测发〔2024〕1号\n关于防范<script>和<p>标签注入的通知\n".encode()
    assert reader_for(quoting, "notice.txt").format == "text"
    docx = (FIXTURES / "ld-zrfj-2023-word.docx").read_bytes()
    assert reader_for(docx, "attachment.doc").format == "docx"


def _zip(names: list[str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n in names:
            z.writestr(n, "<x/>")
    return buf.getvalue()


_EMPTY_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
              b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
              b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (_zip(["[Content_Types].xml", "xl/workbook.xml"]), "tasks.xlsx", "Excel workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "Workbook".encode("utf-16-le"), "tasks.xls",
         r"Excel workbook \(.xls\) is not a notice format"),
        (_zip(["notes.txt"]), "bundle.zip", "zip archive"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "scan.png", "PNG image"),
        (_EMPTY_PDF, "scan.pdf", "scanned PDF with no text layer"),
        (b"%PDF-1.4 truncated", "broken.pdf", "PDF that cannot be opened"),
    ],
)
def test_formats_we_do_not_read_are_named(data: bytes, name: str, message: str) -> None:
    with pytest.raises(UnsupportedFormatError, match=message):
        read_notice(data, name)


def test_html_without_chinese_is_refused() -> None:
    with pytest.raises(IngestError, match="almost no Chinese"):
        read_notice(b"<html><body><p>An English memo.</p></body></html>", "memo.html")
