"""Labelled metadata printed around a notice on web pages and their copies: "发文字号：国办发〔2018〕123号",
"来源: 丽水市政府", the gov.cn metadata table. Header evidence where the notice text itself prints less."""

from __future__ import annotations

import re
from collections.abc import Sequence

FIELD_LABELS = (
    "索引号", "主题分类", "发文机关", "发文机构", "发布机构", "成文日期", "标题", "名称", "发文字号", "文号",
    "发布日期", "发布时间", "信息来源", "来源", "主题词", "文件编号", "发文单位", "公文种类", "作者", "编辑",
    "浏览次数", "时间", "所属机构", "文件分类", "有效性", "生效日期", "发布人", "发文日期", "分类", "文章来源",
    "浏览量", "发表时间", "责任编辑", "发文文号", "发布文号", "发布单位", "文件来源", "所属类别", "失效日期",
    "公文时效", "点击数", "点击量", "点击率", "阅读数", "阅读量", "阅读次数", "访问量", "访问次数", "政策文号",
    "发布部门", "字体", "组配分类", "废止日期", "信息名称", "发文序号", "文件名称", "公开责任部门", "公开目录",
    "公开形式", "公开日期", "内容概述", "生成日期")
# Labels some portals use for a field another label names: "发文文号" and "【发布文号】" are the 文号.
_SAME_AS = {"发文文号": "文号", "发布文号": "文号", "政策文号": "文号", "文件编号": "文号", "发文序号": "文号",
            "发布单位": "发布机构", "发布部门": "发布机构", "信息名称": "标题", "文件名称": "标题",
            "文件来源": "来源"}
_LABELS = "|".join("".join(f"{ch}[ \u3000]*" for ch in lab[:-1]) + lab[-1]
                   for lab in sorted(FIELD_LABELS, key=len, reverse=True))
# "发文字号：…", or a label in brackets as some portals print their metadata list: "[发文机构] 北京市…", "【来源】…".
# A page's counters and controls end the value before them even run together with it ("芜湖市教育局阅读次数:"); other
# labels must not be a word's tail ("资金来源:").
_RUN_ON = "阅读次数|阅读数|阅读量|浏览次数|浏览量|点击数|点击量|访问量|访问次数|字体"
_LABEL = re.compile(r"(?:(?<![\u4e00-\u9fff])(" + _LABELS + r")|(" + _RUN_ON + r"))\s*[：:]|[\[【](" + _LABELS
                    + r")[\]】]")
# A metadata table flattened to text without colons: "发布机构 区人民政府办公室 文    号 蔡政办〔2023〕1号".
_BARE_LABEL = re.compile(r"(?:^|(?<=\s))(" + _LABELS + r")[ \u3000\t]+")


def page_fields(lines: Sequence[str | tuple[str, ...]]) -> dict[str, str]:
    """Labelled metadata printed around a notice ("发文字号：国办发〔2018〕123号", "来源: 丽水市政府", a gov.cn
    metadata table), label -> value (first occurrence; an empty value is kept as empty)."""
    fields: dict[str, str] = {}
    for ln in lines:
        s = ln if isinstance(ln, str) else "\t".join(ln)
        matches = list(_LABEL.finditer(s))
        if not matches:
            # Without colons a label is only taken on a line that starts with one and holds two: a row of the table.
            bare = list(_BARE_LABEL.finditer(s.strip()))
            s = s.strip()
            matches = bare if len(bare) >= 2 and bare[0].start() == 0 else []
        for k, m in enumerate(matches):
            end = matches[k + 1].start() if k + 1 < len(matches) else len(s)
            label = re.sub(r"[ \u3000]", "", m.group(1) or m.group(2) or m.group(3))
            value = re.sub(r"\s+", " ", s[m.end():end].replace("\t", " ")).strip(" /|")
            fields.setdefault(_SAME_AS.get(label, label), value)
    return fields
