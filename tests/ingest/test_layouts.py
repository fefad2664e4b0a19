"""Layouts and annotation forms of the notice family that the real fixtures do not print, on small notices written
for the test: State Council opinions with body tasks, the first-listed-is-lead rule worded several ways, comma-
separated labelled annotations, annex tables with any columns, a cover letter's 附件 line."""

from __future__ import annotations

from ingest.models import ParsedNotice
from ingest.parser import parse_notice


def roles(notice: ParsedNotice) -> list[dict[str, list[str]]]:
    out = []
    for c in notice.clauses:
        if c.kind == "task":
            by: dict[str, list[str]] = {}
            for u in c.units:
                by.setdefault(u.role, []).append(u.zh)
            out.append(by)
    return out


OPINION = """国务院关于进一步优化外商投资环境加大吸引外商投资力度的意见
国发〔2023〕11号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
为进一步优化外商投资环境，提出以下意见。
一、更好统筹国内国际两个大局
（一）深化重点领域开放。鼓励外商投资企业在华设立研发中心。（商务部、科技部、工业和信息化部负责。列第一位者为牵头单位）
（二）拓宽外商投资渠道。支持符合条件的外资机构参与试点。（人民银行、金融监管总局按职责分工负责）
二、加强外商投资促进
（三）完善引资工作机制。加强部门协同。（国家发展改革委牵头，商务部、外交部配合）
（四）强化服务保障。外交部指导各地做好服务。（外交部指导，各地区负责）
国务院
2023年7月25日
（此件公开发布）
"""


def test_opinion_with_tasks_in_the_body_signed_at_the_end() -> None:
    n = parse_notice(OPINION, "gf.txt")
    d = n.document
    assert (d.doc_number, d.issuer, d.issued_on) == ("国发〔2023〕11号", "国务院", "2023年7月25日")
    assert d.title == "国务院关于进一步优化外商投资环境加大吸引外商投资力度的意见"  # printed before the 文号
    assert d.n_tasks == 4
    assert roles(n) == [
        {"lead": ["商务部"], "responsible": ["商务部", "科技部", "工业和信息化部"]},
        {"responsible": ["人民银行", "金融监管总局"]},
        {"lead": ["国家发展改革委"], "cooperate": ["商务部", "外交部"]},
        {"guide": ["外交部"], "responsible": ["各地区"]},
    ]
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [c.task_no for c in tasks] == [1, 2, 3, 4] and tasks[2].label == "（三）"
    assert "负责" not in tasks[0].text and tasks[0].text.endswith("研发中心。")
    closing = next(c for c in n.clauses if c.clause_id.endswith("/s"))
    assert closing.kind == "meta" and "此件公开发布" in closing.text


def test_rule_stated_once_holds_for_every_task() -> None:
    text = """穗府办〔2024〕3号
广州市人民政府办公厅关于印发广州市优化营商环境工作方案的通知
各区人民政府，市政府各部门：
现将《广州市优化营商环境工作方案》印发给你们，请认真组织实施。各项任务中排在第一位的部门为牵头部门。
广州市人民政府办公厅
2024年2月1日
广州市优化营商环境工作方案
一、重点任务
1.推行证照分离改革。（市市场监管局、市政务服务数据管理局、各区政府负责）
2.优化纳税服务。（市税务局负责）
11.121人才梯队项目。重点培养青年人才。（牵头单位：市人力资源社会保障局，配合单位：市教育局、各区、县级市）
"""
    n = parse_notice(text, "gz.txt")
    assert n.document.title == "广州市优化营商环境工作方案" and n.document.issuer == "广州市人民政府办公厅"
    assert [c.task_no for c in n.clauses if c.kind == "task"] == [1, 2, 11]
    assert roles(n) == [
        {"lead": ["市市场监管局"], "responsible": ["市市场监管局", "市政务服务数据管理局", "各区政府"]},
        {"responsible": ["市税务局"]},
        {"lead": ["市人力资源社会保障局"], "cooperate": ["市教育局", "各区、县级市"]},
    ]


def test_cover_letter_attachment_line_is_not_the_annex() -> None:
    text = """宁商发〔2024〕2号
关于印发重点任务清单的通知
各区商务局：
现将重点任务清单印发给你们。
附件：1.重点任务清单
2.联系人名单
南京市商务局
2024年3月1日
重点任务清单
一、任务
（一）建设开放平台。推动外资集聚。（牵头单位：市商务局，配合单位：市发改委、各区）
"""
    n = parse_notice(text, "list.txt")
    assert n.document.issuer == "南京市商务局" and n.document.issued_on == "2024年3月1日"
    assert roles(n) == [{"lead": ["市商务局"], "cooperate": ["市发改委", "各区"]}]
    assert "附件：1.重点任务清单" in n.clauses[0].text  # the cover letter, kept as front matter


ANNEX_TABLE = "\n".join([
    "国办发〔2022〕35号",
    "国务院办公厅关于复制推广营商环境创新试点改革举措的通知",
    "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
    "经国务院同意，现将有关事项通知如下。",
    "一、复制推广的改革举措",
    "在全国范围内复制推广一批改革举措。",
    "国务院办公厅",
    "2022年9月28日",
    "附件",
    "首批在全国复制推广的营商环境创新试点改革举措清单",
    "序号\t改革举措\t主要内容\t指导部门\t推广范围",
    "一、进一步破除区域分割和地方保护等不合理限制（2项）\t\t\t\t",
    "1\t开展“一照多址”改革\t在住所以外开展经营活动的，可办理经营场所备案。\t市场监管总局\t全国",
    "2\t便利企业分支机构办理登记\t企业申请办理分支机构登记，可通过网上办理。\t市场监管总局、税务总局\t全国",
    "序号\t改革举措\t主要内容\t指导部门\t推广范围",
    "3\t推行企业年报“多报合一”\t整合年报事项。\t市场监管总局、人力资源社会保障部、海关总署\t各自由贸易试验区",
])


def test_annex_table_keeps_every_column() -> None:
    n = parse_notice(ANNEX_TABLE, "gbf.txt")
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [c.task_no for c in tasks] == [1, 2, 3]
    assert tasks[0].text == "开展“一照多址”改革：在住所以外开展经营活动的，可办理经营场所备案。"
    assert tasks[0].fields == {"主要内容": "在住所以外开展经营活动的，可办理经营场所备案。", "推广范围": "全国"}
    assert [u.zh for u in tasks[2].units if u.role == "guide"] == ["市场监管总局", "人力资源社会保障部", "海关总署"]
    assert tasks[2].fields["推广范围"] == "各自由贸易试验区"
    assert n.document.issued_on == "2022年9月28日" and n.document.issuer == "国务院办公厅"


def test_one_cell_per_line_table_with_deadline_and_first_listed_note() -> None:
    text = "\n".join([
        "浙政办发〔2023〕9号", "重点任务分工表", "（列第一位的为牵头单位）",
        "序号", "重点任务", "责任单位", "完成时限",
        "1", "建设数字政府。", "省大数据局、省委网信办", "2023年底前",
        "2", "优化营商环境。", "省发展改革委", "持续推进",
    ])
    n = parse_notice(text, "zj.txt")
    assert roles(n) == [{"lead": ["省大数据局"], "responsible": ["省大数据局", "省委网信办"]},
                        {"responsible": ["省发展改革委"]}]
    assert [c.fields for c in n.clauses if c.kind == "task"] == [{"完成时限": "2023年底前"}, {"完成时限": "持续推进"}]


def test_given_number_and_title_win_and_a_missing_one_falls_back_to_the_file_name() -> None:
    text = "各区人民政府：\n为做好工作，提出如下意见。\n一、加强领导\n（一）健全机制。建立工作专班。（市发改委负责）\n"
    plain = parse_notice(text, "copy.txt")
    assert plain.document.doc_number == "copy.txt" and plain.document.title == "copy.txt"
    assert any("文号" in w for w in plain.warnings) and any("title" in w for w in plain.warnings)
    given = parse_notice(text, "copy.txt", "穗府〔2024〕1号", title="关于加强领导的意见")
    assert (given.document.doc_number, given.document.title) == ("穗府〔2024〕1号", "关于加强领导的意见")
    assert given.clauses[-1].clause_id == given.document.doc_key + "/t1"


def test_asides_are_not_annotations() -> None:
    text = ("粤府〔2024〕5号\n各地级以上市人民政府：\n一、总则\n"
            "（一）在职职工总数30人（含）以下的企业暂免征收（即征收所属期为2024年度）。\n")
    n = parse_notice(text, "a.txt")
    assert n.document.n_tasks == 0
    assert n.clauses[-1].text.endswith("（即征收所属期为2024年度）。")


def test_a_page_that_prints_its_title_only_in_its_metadata() -> None:
    from ingest.parser import parse_reading
    from ingest.readers import read_notice

    page = ("<html><head><title>国务院办公厅关于印发全国一体化政务服务平台建设方案的通知_政策_中国政府网</title>"
            "</head><body>"
            "<table><tr><td>发文字号：</td><td>国办发〔2024〕8号</td><td>成文日期：</td><td>2024年1月5日</td></tr></table>"
            "<div id='content'><p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>"
            "<p>一、总体要求</p><p>（一）建设统一平台。推进政务服务一网通办，提升企业和群众办事体验。（国务院办公厅牵头，"
            "各地区各部门按职责分工负责）</p></div></body></html>").encode()
    n = parse_reading(read_notice(page, "page.html"), "page.html")
    d = n.document
    assert (d.doc_number, d.issued_on) == ("国办发〔2024〕8号", "2024年1月5日")
    assert d.title == "全国一体化政务服务平台建设方案"  # from <title>, the site's name dropped
    assert roles(n) == [{"lead": ["国务院办公厅"], "responsible": ["各地区各部门"]}]


def test_more_verbs_and_a_numbered_table_headed_bianhao() -> None:
    text = "\n".join([
        "穗府办函〔2024〕12号", "各区人民政府，市政府各部门：", "一、重点任务",
        "（一）优化审批服务。推行告知承诺制。（市政务服务数据管理局会同市司法局负责）",
        "（二）强化要素保障。保障用地需求。（市规划和自然资源局牵头，各区政府落实）",
        "附件", "编号\t主要任务\t责任单位",
        "1\t建设数字政府平台，推进一网通办，形成一批示范场景。\t市政务服务数据管理局",
    ])
    n = parse_notice(text, "gz2.txt")
    body = [c for c in n.clauses if c.kind == "body" and c.units]
    assert [[(u.zh, u.role) for u in c.units] for c in body] == [
        [("市政务服务数据管理局", "lead"), ("市司法局", "cooperate")],
        [("市规划和自然资源局", "lead"), ("各区政府", "responsible")],
    ]
    assert roles(n) == [{"responsible": ["市政务服务数据管理局"]}]  # the table's rows are the tasks


def test_a_title_of_the_form_x_guanyu_names_its_issuer_when_nothing_else_does() -> None:
    from ingest.header import title_issuer

    assert title_issuer("东莞市人民政府关于贯彻落实《若干政策措施》的实施意见") == "东莞市人民政府"
    two = title_issuer("中共甲市委办公厅 甲市人民政府办公厅关于印发方案的通知")
    assert two == "中共甲市委办公厅、甲市人民政府办公厅"
    assert title_issuer("关于推进党建创新工程的实施意见") == ""  # names no body
    assert title_issuer("进一步深化改革关于若干问题的意见") == ""  # not an organ's name


WORK_REPORT = """国务院关于落实《政府工作报告》重点工作分工的意见
国发〔2030〕6号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
一、重点工作
（一）稳定经济运行。保持宏观政策连续性。（国家发展改革委牵头，财政部、人民银行按职责分工负责，年内持续推进）
（二）降低企业成本。城镇土地使用税税额标准下调。（责任单位：税务总局、财政部，排在首位的为牵头单位，下同）
（三）深化简政放权。下放一批行政许可事项。（牵头单位：市场监管总局；责任单位：司法部、各省级人民政府，6月底完成）
（四）保障重点群体就业。（国务院各部门分别负责，长期坚持）
国务院
2030年3月1日
"""


def test_a_deadline_or_a_note_after_the_units_is_not_a_unit() -> None:
    n = parse_notice(WORK_REPORT, "gf.txt")
    assert n.document.n_tasks == 4
    assert roles(n) == [
        {"lead": ["国家发展改革委"], "responsible": ["财政部", "人民银行"]},
        {"lead": ["税务总局"], "responsible": ["税务总局", "财政部"]},  # 首位 is 第一位
        {"lead": ["市场监管总局"], "responsible": ["司法部", "各省级人民政府"]},
        {"responsible": ["国务院各部门"]},
    ]


def test_a_text_copys_pipe_table_and_names_printed_run_together() -> None:
    text = "\n".join([
        "西政办发〔2030〕2号", "分工方案",
        "序号 | 部署任务 | 落实措施 | 牵头单位 | 责任单位 | 完成时限 |",
        "一、全链条优化审批 | ||||||",
        "1 | 编制行政许可事项清单。 | 9月底前公布市级清单。 | 市行政审批局市司法局 | 市级相关单位,各区县政府 | "
        "2030年9月底 |",
    ])
    n = parse_notice(text, "xa.txt")
    assert roles(n) == [{"lead": ["市行政审批局", "市司法局"], "responsible": ["市级相关单位", "各区县政府"]}]
    task = next(c for c in n.clauses if c.kind == "task")
    assert task.fields["完成时限"] == "2030年9月底" and task.fields["落实措施"] == "9月底前公布市级清单。"


def test_a_mirror_sites_pinyin_reading_aid_is_taken_out() -> None:
    from ingest.readers.registry import read_notice

    data = ("州政發(fā)〔2030〕5號\n一、任務\n"
            "（一）加快推進(jìn)。（牽頭單位：州發改委；責任單位：湘西經(jīng)開區管委會）\n")
    reading = read_notice(data.encode("utf-8"), "mirror.txt")
    text = reading.text()
    assert "州政发〔2030〕5号" in text and "湘西经开区管委会" in text and "(jīng)" not in text


def test_an_items_closing_sentence_can_assign_it_in_prose() -> None:
    text = """国务院办公厅关于落实若干意见有关政策措施分工的通知
国办函〔2030〕31号
国务院各部委、各直属机构：
一、工作分工
（一）关于“确保谷物基本自给”的问题，由发展改革委会同中央农办、农业部、财政部等部门研究提出落实意见。
（二）关于“严守耕地保护红线”的问题，由国土资源部负责落实。
（三）关于加强统筹的问题。日常工作由办公厅负责。
"""
    n = parse_notice(text, "gbh.txt")
    assert roles(n) == [{"lead": ["发展改革委"], "cooperate": ["中央农办", "农业部", "财政部"]},
                        {"responsible": ["国土资源部"]}]  # a duty named mid-sentence is not an assignment
    first = next(c for c in n.clauses if c.kind == "task")
    assert first.text.endswith("研究提出落实意见。") and first.printed == first.text
    assert first.fields["annotation"].startswith("由发展改革委会同")


def test_a_page_copys_breadcrumb_and_metadata_block_are_neither_title_nor_issuer() -> None:
    text = "\n".join([
        "本站支持IPV6", "首页>政府信息公开>政策文件>市政府文件", "",
        "咸阳市人民政府关于落实《政府工作报告》重点工作部门分工的意见", "",
        "时间: 2030-04-22 11:00:00", "来源:", "【字体: 打印",
        "索引号 126104007700221260/2030-00662 主题分类 政务督查",
        "文号 咸政发〔2030〕4号 发布机构 市政府办公室",
        "公开日期 2030-04-22 11:00:00 有效性", "主题词", "",
        "咸政发〔2030〕4号", "", "各县市区人民政府，市人民政府各工作部门：",
        "一、重点工作", "（一）稳定经济增长。（市发改委负责）",
    ])
    d = parse_notice(text, "xy.txt").document
    assert d.doc_number == "咸政发〔2030〕4号"
    assert d.title == "咸阳市人民政府关于落实《政府工作报告》重点工作部门分工的意见"
    assert d.issuer == "咸阳市人民政府"


def test_a_metadata_table_flattened_without_colons_gives_the_number_and_the_cover_letter_its_signature() -> None:
    """A page prints its metadata as a table flattened to text ("文    号 X"), and the cover letter numbers its own
    points 一、二、 before its signature and date; the plan's own 一、 follows."""
    text = "\n".join([
        "县人民政府办公室关于印发2030年重点工作责任分解方案的通知", "",
        "2030-01-05 10:00 县人民政府办公室",
        "索 引 号 MB0000/2030-001 发文日期 2030-01-03",
        "发布机构 县人民政府办公室 文    号 某政办〔2030〕1号",
        "分   类 政务公开 有 效 性 有效", "",
        "各乡镇人民政府，县人民政府各部门：",
        "现将方案印发给你们，并就有关事项通知如下：",
        "一、各责任单位要制订工作方案，于2030年1月15日前报县人民政府办公室。",
        "二、县绩效考评机构要将目标任务纳入考核。",
        "某县人民政府办公室", "2030年1月3日", "",
        "2030年重点工作责任分解方案",
        "一、主要预期目标",
        "（一）地区生产总值增长7%以上",
        "责任单位：县发展和改革局",
    ])
    n = parse_notice(text, "cover.txt")
    d = n.document
    assert (d.doc_number, d.issuer, d.issued_on) == ("某政办〔2030〕1号", "某县人民政府办公室", "2030年1月3日")
    assert d.notice_title == "县人民政府办公室关于印发2030年重点工作责任分解方案的通知"
    assert roles(n) == [{"responsible": ["县发展和改革局"]}]
    assert any("2030年1月15日前" in c.text for c in n.clauses if c.kind == "body")  # the cover letter is kept


def test_a_number_run_into_the_title_is_not_part_of_it() -> None:
    text = "\n".join([
        "某政办发〔2030〕30号某市人民政府办公室关于印发《某市2030年重点任务》的通知", "某政办发〔2030〕30号",
        "各镇人民政府，市政府各部门：", "《某市2030年重点任务》已经市政府同意，现印发给你们。",
        "某市人民政府办公室", "2030年8月15日", "某市2030年重点任务",
        "1.完善实验室体系。（责任单位：市科技局）",
    ])
    d = parse_notice(text, "t.txt").document
    assert d.notice_title == "某市人民政府办公室关于印发《某市2030年重点任务》的通知"
    assert d.title == "某市2030年重点任务"


def test_a_table_printed_with_spaces_between_cells_keeps_every_cell() -> None:
    """A web table copied as text: cells separated by spaces, a cell of two units wrapped onto lines of its own,
    the header's 主要责任单位 (main responsibility) the lead beside 协同配合单位."""
    text = "\n".join([
        "名称: 某区2030年重点工作任务分解表 文号:", "发布机构: 某区政府(办公室)", "发文日期: 2030-03-28",
        "某区2030年重点工作任务分解表",
        "序号 重点工作任务 主要责任单位 协同配合单位",
        "一、主要预期目标",
        "1 地区生产总值增长6%左右。 区发改委 区政府各部门,各乡镇人民政府、街道办事处。",
        "2 一般公共预算收入增长5%左右。 区财政局",
        "区税务局",
        "区政府有关部门。",
        "3 社会消费品零售总额增长8%左右。 区商务局",
    ])
    n = parse_notice(text, "table.txt")
    assert roles(n) == [
        {"lead": ["区发改委"], "cooperate": ["区政府各部门", "各乡镇人民政府", "街道办事处"]},
        {"lead": ["区财政局", "区税务局"], "cooperate": ["区政府有关部门"]},
        {"lead": ["区商务局"]},
    ]
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [c.task_no for c in tasks] == [1, 2, 3] and tasks[1].text == "一般公共预算收入增长5%左右。"
    assert tasks[0].section.startswith("一、主要预期目标")
    d = n.document
    assert (d.title, d.issuer, d.issued_on) == ("某区2030年重点工作任务分解表", "某区政府(办公室)", "2030-03-28")


def test_a_list_closed_by_deng_bumen_ends_at_the_last_name() -> None:
    n = parse_notice("\n".join([
        "某区稳增长措施", "一、加快项目审批",
        "1.压缩审批时限。(区发改局牵头,区财政局、区水务局等部门配合)",
    ]), "deng.txt")
    assert roles(n) == [{"lead": ["区发改局"], "cooperate": ["区财政局", "区水务局"]}]


def test_a_notice_flattened_onto_one_line_gets_its_lines_back() -> None:
    """A copy that lost its line breaks: title, 文号 and every item run together with spaces between them."""
    text = ("某省人民政府 关于明确2030年重点工作责任单位的通知 某政〔2030〕5号 现将重点工作任务予以分解并明确责任单位。"
            "各责任单位要尽快制定具体落实方案。 一、提振市场信心 (一)促进消费增长。 "
            "1.把恢复和扩大消费摆在优先位置。(省商务厅、财政厅等相关部门按职责分工负责) "
            "2.落实好提振市场信心90条措施。(省发展改革委牵头,省商务厅等相关部门按职责分工负责) "
            "3.激活房地产市场。(省住房城乡建设厅负责)")
    n = parse_notice(text, "flat.txt")
    d = n.document
    assert (d.doc_number, d.title) == ("某政〔2030〕5号", "某省人民政府关于明确2030年重点工作责任单位的通知")
    assert roles(n) == [{"responsible": ["省商务厅", "财政厅"]},
                        {"lead": ["省发展改革委"], "responsible": ["省商务厅"]},
                        {"responsible": ["省住房城乡建设厅"]}]


def test_a_table_copied_one_cell_per_line_with_bars_keeps_officials_and_deadlines_as_fields() -> None:
    lines = ["2030年开发区重点工作及责任清单", "序号 |", "重点工作 |", "责任领导 |", "责任单位 |", "完成时限 |"]
    for no, work, person, unit in ((1, "优化重点项目直通车工作机制。", "张三", "招商工作部、安商工作部"),
                                   (2, "盘活存量土地400亩。", "李四", "改革办")):
        lines += [f"{no} |", f"{work} |", f"{person} |", f"{unit} |", "全年 |"]
    n = parse_notice("\n".join(lines), "bars.txt")
    assert roles(n) == [{"responsible": ["招商工作部", "安商工作部"]}, {"responsible": ["改革办"]}]
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert tasks[0].fields == {"责任领导": "张三", "完成时限": "全年"} and tasks[1].text == "盘活存量土地400亩。"
    assert n.document.title == "2030年开发区重点工作及责任清单"


def test_an_official_named_on_a_line_of_its_own_is_a_field_and_not_the_task() -> None:
    n = parse_notice("\n".join([
        "某省人民政府关于印发2030年重点工作分工方案的通知", "各市人民政府：", "现印发给你们。", "某省人民政府",
        "2030年2月5日",
        "2030年重点工作分工方案", "一、主要预期目标", "1.地区生产总值增长5.5%左右。", "牵头领导:王 健",
        "牵头单位:省发展改革委", "责任单位:省工业和信息化厅、省商务厅等,各市人民政府",
        "2.一般公共预算收入增长5%。", "牵头领导:王利波", "牵头单位:省财政厅", "责任单位:省税务局",
    ]), "people.txt")
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [c.text for c in tasks] == ["地区生产总值增长5.5%左右。", "一般公共预算收入增长5%。"]
    assert roles(n) == [{"lead": ["省发展改革委"], "responsible": ["省工业和信息化厅", "省商务厅", "各市人民政府"]},
                        {"lead": ["省财政厅"], "responsible": ["省税务局"]}]
    assert tasks[0].fields["牵头领导"] == "王 健"


def test_the_plans_title_above_its_preamble_is_the_title() -> None:
    n = parse_notice("\n".join([
        "某县小康攻坚重点工作责任分工方案", "为贯彻落实指导意见，现提出如下分工方案。", "一、加快基础设施建设",
        "1、加快国省道升级改造。（省交通运输厅负责）",
    ]), "plan.txt")
    assert n.document.title == "某县小康攻坚重点工作责任分工方案"


def test_lead_verbs_the_first_unit_rule_worded_by_unit_and_a_deadline_line() -> None:
    n = parse_notice("\n".join([
        "某市人民政府关于印发2030年重点工作任务分解意见的通知", "各区人民政府：", "现印发给你们。", "二○三○年四月六日",
        "2030年重点工作任务分解意见", "一、工业经济方面",
        "1.调整优化工业经济结构。(市经信委牵头落实)",
        "2.加强稀土资源保护。(市经信委、市国土资源局牵头落实)",
        "二、营商环境",
        "(一)推进完善PPP长效机制。", "责任单位:市发改委、市财政局(第一责任单位为牵头单位,下同)", "时限要求:持续推进",
        "(二)严格落实招投标政策。", "责任单位:市建设局、市住房局", "时限要求:2030年底前",
    ]), "verbs.txt")
    assert roles(n) == [{"lead": ["市经信委"]}, {"lead": ["市经信委", "市国土资源局"]},
                        {"lead": ["市发改委"], "responsible": ["市发改委", "市财政局"]},
                        {"lead": ["市建设局"], "responsible": ["市建设局", "市住房局"]}]
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert tasks[2].fields["时限要求"] == "持续推进" and tasks[3].fields["时限要求"] == "2030年底前"
    assert n.document.issuer == "某市人民政府"  # no signature: the title names it


def test_places_printed_bare_before_a_shared_government_are_units() -> None:
    n = parse_notice("一、推进基础设施建设\n"
                     "1.推进民航基础设施建设。(哈尔滨机场扩建指挥部、哈尔滨、黑河、绥芬河市政府负责)\n", "shared.txt")
    assert roles(n) == [{"responsible": ["哈尔滨机场扩建指挥部", "哈尔滨", "黑河", "绥芬河市政府"]}]


def test_a_wiki_copys_infobox_and_a_title_in_book_marks_are_not_the_title() -> None:
    wiki = parse_notice("\n".join([
        "某省促进经济稳增长的若干措施", "", "今年以来，经济下行压力加大，省政府决定采取若干措施。", "基本介绍",
        "  • 中文名:某省促进经济稳增长的若干措施", "  • 外文名:Some measures", "政策全文", "一、推进重大基础设施建设",
        "1.抓住铁路建设机遇。(省发改委负责)",
    ]), "wiki.txt")
    assert wiki.document.title == "某省促进经济稳增长的若干措施"
    marked = parse_notice("《关于稳定经济增长的具体实施细则》\n为贯彻落实省政府精神，制定如下实施细则。\n"
                          "一、落实财税支持政策\n"
                          "1.积极争取省级专项资金。(责任单位:市工信局、市财政局)\n", "marked.txt")
    assert marked.document.title == "关于稳定经济增长的具体实施细则"


def test_a_title_issuer_without_a_place_gives_way_to_the_pages_publishing_body() -> None:
    d = parse_notice("\n".join([
        "发布机构: 某区政府办公室", "区人民政府办公室关于印发2030年区政府重点工作责任分解的通知", "各街办：",
        "现印发给你们。",
        "2030年6月28日", "2030年区政府重点工作责任分解", "1、提高政治站位。[牵头单位:区卫健局;责任单位:各街办]",
    ]), "noplace.txt").document
    assert d.issuer == "某区政府办公室"


def test_a_portals_bracketed_metadata_list_gives_the_issuing_group_and_date() -> None:
    text = """  1. [主题分类] 综合政务
  2. [发文机构] 某市营商环境建设领导小组
  3. [成文日期] 2021-03-02
  4. [发文字号] 〔〕
  5. [发布日期] 2021-03-05

某市优化营商环境重点任务分工

一、提升政务服务效能
1.推行企业开办一日办结。
牵头单位:市市场监管局
责任单位:市税务局、市公安局
"""
    n = parse_notice(text, "x.txt")
    d = n.document
    assert d.issuer == "某市营商环境建设领导小组" and d.issued_on == "2021-03-02"
    assert d.title == "某市优化营商环境重点任务分工" and d.doc_number == "x.txt"
    assert roles(n) == [{"lead": ["市市场监管局"], "responsible": ["市税务局", "市公安局"]}]


def test_a_copy_starting_at_its_cover_letter_takes_the_title_the_letter_sends() -> None:
    text = """《某省数字经济2026年工作要点》已经省领导同意，现印发给你们，请认真抓好贯彻落实。
为加快数字经济发展，制定本工作要点。
1.发展算力产业。加快培育算力硬件制造产业。(责任单位:省大数据局、省工业和信息化厅)
"""
    n = parse_notice(text, "y.txt")
    assert n.document.title == "某省数字经济2026年工作要点"
    assert roles(n) == [{"responsible": ["省大数据局", "省工业和信息化厅"]}]


def test_a_news_copy_names_the_issuer_and_title_in_its_lead() -> None:
    text = """地区生产总值增长5%左右
近日,某区人民政府办公室发布《2023年区政府工作报告重点工作目标任务分解》方案,均明确牵头单位与责任单位。
小编带你了解目标任务分解
一、主要预期指标
1.地区生产总值增长5%左右。
牵头单位:区发改委
责任单位:各产业主管部门
"""
    d = parse_notice(text, "z.txt").document
    assert d.issuer == "某区人民政府办公室"
    assert d.title == "2023年区政府工作报告重点工作目标任务分解"


def test_targets_printed_in_a_row_each_with_its_lead_are_tasks_of_their_own() -> None:
    text = """某市人民政府关于分解落实规划纲要主要目标和任务的通知
一、主要目标
1.主要指标的责任部门。
常住人口控制在1150万人左右。(市公安局、市统计局牵头)万元地区生产总值能源消耗降低20%。(市经委牵头)耕地保有量保持稳定。
(市国土房管局牵头)主要污染物排放总量减少10%。(市环保局牵头)
"""
    n = parse_notice(text, "t.txt")
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [c.text[:6] for c in tasks] == ["常住人口控制", "万元地区生产", "耕地保有量保", "主要污染物排"]
    assert roles(n) == [{"lead": ["市公安局", "市统计局"]}, {"lead": ["市经委"]}, {"lead": ["市国土房管局"]},
                        {"lead": ["市环保局"]}]


def test_a_projects_labelled_lines_and_a_label_typed_with_a_semicolon() -> None:
    text = """某县人民政府督查室关于开展专项督查的通知
一、重点督办事项
1.实施改厨、改厕等工程。(责任单位;住建局、各乡镇场)
2.新建防渗渠4公里。由县农业农村局、财政局负责监督。
项目责任领导:张三(县人大常委会四级调研员)
项目责任单位:洛克乡、水利局
项目责任人:李四、王五
项目实施时间:2026年1月-2026年10月
"""
    n = parse_notice(text, "p.txt")
    assert n.document.issuer == "某县人民政府督查室"
    assert roles(n) == [{"responsible": ["住建局", "各乡镇场"]}, {"responsible": ["洛克乡", "水利局"]}]
    fields = [c.fields for c in n.clauses if c.kind == "task"][1]
    assert fields["项目责任领导"] == "张三(县人大常委会四级调研员)" and fields["项目责任人"] == "李四、王五"
    assert fields["项目实施时间"] == "2026年1月-2026年10月"


def test_a_departments_task_list_with_lead_and_cooperating_lines_under_a_page_source() -> None:
    text = """县卫健委2021年政府工作报告任务分解

文章来源:某县卫生健康委员会 浏览量: 发表时间:2021-05-07 10:49 责任编辑:政务公开

1.加快发展健康、养老、育幼等服务业。

牵头责任单位:县卫健委、县民政局

主要协作单位:各乡镇人民政府、经济开发区管委会,县政府有关部门

2.加强重大公共卫生安全风险源头防控,切实保障人民群众生命安全

牵头责任单位:县卫健委
"""
    n = parse_notice(text, "w.txt")
    assert n.document.title == "县卫健委2021年政府工作报告任务分解" and n.document.issuer == "某县卫生健康委员会"
    assert roles(n) == [{"lead": ["县卫健委", "县民政局"],
                         "cooperate": ["各乡镇人民政府", "经济开发区管委会", "县政府有关部门"]}, {"lead": ["县卫健委"]}]


def test_several_annotated_tasks_in_one_headed_item_naming_officials_and_a_standing_note() -> None:
    text = """某省人民政府关于重点工作部门分工的意见
某政发〔2016〕1号
省直有关单位:
  一、努力保持经济平稳健康发展
  (一)增强创新驱动发展能力。推进自主创新示范区建设(分管副省长、协管副秘书长负责,省科技厅牵头。明确牵头部门的,其他有关部门配合,不逐一列出,下同)。落实企业研发费用加计扣除政策(分管副省长负责,省科技厅、省财政厅、省税务局等负责。列第一位的为牵头部门,其他部门和单位按职责分工负责,下同),建设一批众创空间(分管副省长负责,省科技厅牵头)。
"""
    n = parse_notice(text, "h.txt")
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [c.label for c in tasks] == ["(一)", "", ""]
    assert [c.text[:6] for c in tasks] == ["增强创新驱动", "落实企业研发", "建设一批众创"]
    assert roles(n) == [{"lead": ["省科技厅"]},
                        {"lead": ["省科技厅"], "responsible": ["省科技厅", "省财政厅", "省税务局"]},
                        {"lead": ["省科技厅"]}]


def test_headings_that_name_the_lead_unit_for_the_items_beneath_them() -> None:
    text = """【发布单位】某省
【发布文号】某政发[2008]8号
【发布日期】2008-02-03
【失效日期】

某省人民政府关于印发2008年省人民政府工作目标责任分解的通知

(某政发[2008]8号)

各市人民政府,省人民政府各委、厅:
现将2008年省人民政府工作目标责任分解安排如下:
一、张某某省长负责的工作
全面负责省人民政府工作任务的落实。
(一)省监察厅牵头的工作
加强行政监察工作,全面落实党风廉政建设责任制。
(二)省编办牵头的工作
1.深化行政管理体制改革,优化政府机构设置。
2.积极稳妥地推进乡镇机构改革。
协同单位:省财政厅、省人事厅。
二、李某某副省长负责的工作
(一)省发展改革委、省统计局负责的工作
做好经济运行监测。
"""
    n = parse_notice(text, "sx.txt")
    d = n.document
    # The 文号 under the title, not the one in the page's metadata list above it, marks where the title is.
    assert (d.doc_number, d.title, d.issuer) == ("某政发[2008]8号", "2008年省人民政府工作目标责任分解", "某省人民政府")
    assert d.issued_on == "2008-02-03"  # no signing date printed: the day the page says it published it
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [c.label for c in tasks] == ["(一)", "1", "2", "(一)"]
    # The governor's heading names an official, not a unit: the paragraph under it is no task.
    assert roles(n) == [{"lead": ["省监察厅"]}, {"lead": ["省编办"]},
                        {"lead": ["省编办"], "cooperate": ["省财政厅", "省人事厅"]},
                        {"responsible": ["省发展改革委", "省统计局"]}]


def test_main_responsible_units_lead_only_beside_a_column_of_cooperating_units() -> None:
    from ingest.annex import roles_of

    assert roles_of(["序号", "工作任务", "主要责任单位"]) == [None, None, "responsible"]
    assert roles_of(["序号", "工作任务", "主要责任单位", "协同配合单位"]) == [None, None, "lead", "cooperate"]


def test_a_flattened_table_keeps_its_spanning_group_row_as_the_section() -> None:
    text = """某市人民政府关于下达2011年政府工作任务的通知
某府〔2011〕57号
各县级市人民政府:
现将2011年政府工作任务下达给你们。
某市人民政府
二○一一年三月十七日
某市2011年政府工作任务分解表

序号

名称

工作任务

主要责任单位

经济社会发展主要预期目标分解(2项)

1

地区生产总值

地区生产总值增长12%

市发改委、统计局

2

消费

社会消费品零售总额增长17%

市商务局
"""
    n = parse_notice(text, "sz.txt")
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [(c.section, c.text, c.fields.get("名称")) for c in tasks] == [
        ("经济社会发展主要预期目标分解(2项)", "地区生产总值增长12%", "地区生产总值"),
        ("经济社会发展主要预期目标分解(2项)", "社会消费品零售总额增长17%", "消费")]
    assert roles(n) == [{"responsible": ["市发改委", "统计局"]}, {"responsible": ["市商务局"]}]


def test_page_labels_printed_empty_before_another_label_on_the_line() -> None:
    from ingest.pagefields import page_fields

    fields = page_fields(["发文机构:  发文文号:  某政办发〔2020〕14号",
                          "发文日期:  2020年05月21日 发布日期:  2020-05-26 14:04"])
    assert fields["文号"] == "某政办发〔2020〕14号" and fields["发文机构"] == ""
    assert fields["发文日期"] == "2020年05月21日"


def test_a_flattened_table_without_row_numbers_under_a_notice_that_opens_with_its_title() -> None:
    text = """某区人民政府办公室关于对2008年区政府重点工作进行督查的通知

  4、各责任单位在2009年1月底前上报重点工作实施情况年终报告。

  特此通知。

  附件:
  2008年度区政府重点工作责任单位表

序号

重点工作内容

责任单位

配合单位

一、关于优化经济结构

(1)加快发展现代服务业。

第三产业增加值占地区生产总值的比重再提高1%。

经委

发改委

继续推进新城商贸圈建设。

经委

夏阳街道、新城公司

(2)大力发展先进制造业。

推进科技小巨人企业培育。

科委
"""
    n = parse_notice(text, "qp.txt")
    # The block before the table is the annex's title; the notice's own is the line it opens with.
    assert n.document.title == "某区人民政府办公室关于对2008年区政府重点工作进行督查的通知"
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [c.text for c in tasks] == ["第三产业增加值占地区生产总值的比重再提高1%。", "继续推进新城商贸圈建设。",
                                       "推进科技小巨人企业培育。"]
    assert tasks[2].section == "一、关于优化经济结构 / （2）大力发展先进制造业"
    assert [(c.task_no, c.label) for c in tasks] == [(1, ""), (2, ""), (3, "")]  # numbered by place, none printed
    # 责任单位 beside a 配合单位 column: the units responsible lead the cooperating ones.
    assert roles(n) == [{"lead": ["经委"], "cooperate": ["发改委"]},
                        {"lead": ["经委"], "cooperate": ["夏阳街道", "新城公司"]}, {"lead": ["科委"]}]


def test_a_cover_letter_whose_table_cannot_be_read_is_kept_with_a_warning() -> None:
    text = """各街道,区各办局:
为确保全面实现《政府工作报告》提出的经济社会发展目标,经区政府研究决定,对主要目标任务和重点工作进行了责任分解。现将相关分解落实方案印发给你们,请各牵头单位和配合单位高度重视,确保目标任务顺利完成。
附件:1. 主要目标任务责任分解表
某区人民政府
2024年3月11日
(此件公开发布)
附件1
主要目标任务责任分解表
"""
    n = parse_notice(text, "zl.txt")
    assert n.document.issuer == "某区人民政府" and any("only the cover letter" in w for w in n.warnings)
    assert any("责任分解" in c.text for c in n.clauses)


def test_a_flattened_table_with_units_one_per_line_and_a_row_under_a_merged_number() -> None:
    text = """某县人民政府办公室关于对2016年民生实事进行重点督办的通知
来源:信息公开办
发布日期:2016-03-01
点击数:人次

某府办〔2016〕20号

各乡镇人民政府:
    现将2016年“民生实事”目标任务分解下达。

                               某县人民政府办公室
                                       2016年2月26日

附件

2016年民生实事目标任务分解表

序号

民生实事

责任单位

完成时限

1

启动建设城区段综合治理工程。

县水务局

县住建局

12月底前

2

开工建设县老年养护楼。

县民政局

5月底前动工

开工建设老年大学。

12月底前

3

新建2座人行天桥。

县住建局

9月投入使用

分享到:
"""
    n = parse_notice(text, "dz.txt")
    # 点击数 is the page's metadata, not the title printed above it
    assert n.document.title == "某县人民政府办公室关于对2016年民生实事进行重点督办的通知"
    tasks = [c for c in n.clauses if c.kind == "task"]
    # No column is headed 任务/内容: the column after 序号 that holds neither units nor a date is the task's words.
    assert [c.text for c in tasks] == ["启动建设城区段综合治理工程。", "开工建设县老年养护楼。", "开工建设老年大学。",
                                       "新建2座人行天桥。"]
    # A unit cell printed one unit per line is one cell; the row under a merged 序号 shares the unit cell above it.
    assert roles(n) == [{"responsible": ["县水务局", "县住建局"]}, {"responsible": ["县民政局"]},
                        {"responsible": ["县民政局"]}, {"responsible": ["县住建局"]}]
    # the page's 分享到 ends the table
    assert [c.fields["完成时限"] for c in tasks] == ["12月底前", "5月底前动工", "12月底前", "9月投入使用"]


def test_an_autonomous_regions_notice_without_an_issuer_is_the_regions() -> None:
    text = """内蒙古自治区2023年推动产业高质量发展政策清单 内政发〔2023〕3号
一、推进农牧业优质高效转型
1.实施耕地保护与建设行动。对呼伦贝尔市、通辽市、赤峰市实施黑土地保护性耕作给予支持。(责任单位:自治区农牧厅、发展改革委、财政厅)
2.安排资金支持种业振兴。(责任单位:自治区农牧厅、财政厅)
"""
    from ingest.knowledge import enrich

    d = enrich(parse_notice(text, "nmg.txt")).document
    # Units of a region (自治区…厅) place the notice at the region the title names, not a city its tasks name.
    assert d.jurisdiction == "内蒙古自治区" and d.jurisdiction_en == "Inner Mongolia"


def test_flattened_rows_with_many_unit_lines_a_closing_deadline_and_a_merged_deadline_cell() -> None:
    from ingest.annex import parse_annex

    lines = """序号

重点工作

责任单位

完成时限

1

推进县城污水管网改造。

县发展和改革局

县财政局

县住房和城乡建设局

县生态环境局

县水务局

12月底前完成。

2

新建城区公园一座。

县林业局

6月底前

建设社区口袋公园。

县住建局
""".split("\n")
    rows = parse_annex(lines, 0)
    assert [r.text for r in rows] == ["推进县城污水管网改造。", "新建城区公园一座。", "建设社区口袋公园。"]
    # five unit lines are one cell however long it grows; a deadline ending in 。 is the row's, not a new row
    assert [u.zh for u in rows[0].units] == ["县发展和改革局", "县财政局", "县住房和城乡建设局", "县生态环境局",
                                             "县水务局"]
    assert rows[0].fields == {"完成时限": "12月底前完成。"}
    # a row under a merged 序号 and 完成时限 cell: its own unit line is its unit, the deadline is the row's above
    assert [u.zh for u in rows[2].units] == ["县住建局"] and rows[2].fields == {"完成时限": "6月底前"}


def test_an_annex_that_lists_its_tasks_with_unbracketed_labelled_roles_is_read() -> None:
    text = """某市人民政府关于印发2020年目标任务分解方案的通知
某政发〔2020〕3号
各县（市）区人民政府：
现将分解方案印发给你们，请认真组织实施。
附件：2020年目标任务分解方案
某市人民政府
2020年1月18日
（此件公开发布）
附件
2020年目标任务分解方案
1.地区生产总值增长6%以上。牵头单位:市发改委;责任单位:各县(市)区政府
2.一般公共预算收入增长2.5%。牵头单位:市财政局;责任单位:各县(市)区政府
"""
    n = parse_notice(text, "xz.txt")
    assert [c.task_no for c in n.clauses if c.kind == "task"] == [1, 2]
    assert roles(n) == [{"lead": ["市发改委"], "responsible": ["各县(市)区政府"]},
                        {"lead": ["市财政局"], "responsible": ["各县(市)区政府"]}]
    assert next(c for c in n.clauses if c.task_no == 1).text == "地区生产总值增长6%以上。"


def test_a_bracketed_line_of_bodies_alone_names_the_responsible_units_and_a_level_word_covers_a_list() -> None:
    text = """某政发[2011]21号
各市(县)和各区人民政府：
现将方案印发给你们。
一、目标分解
1、地区生产总值增长11.5%。
(市发改委、财政局,某市国税局)
2、城镇登记失业率控制在3.5%以内。
(市人保局,各市(县)、区政府)
3、居民消费价格指数控制在省定范围内（含江北）。
"""
    n = parse_notice(text, "wx.txt")
    assert roles(n)[:2] == [{"responsible": ["市发改委", "财政局", "某市国税局"]},
                            {"responsible": ["市人保局", "各市(县)、区政府"]}]
    assert not next(c for c in n.clauses if c.text.startswith("居民消费")).units  # a place aside is no unit


def test_lines_of_a_lead_a_cooperating_unit_and_a_leader_under_an_item_numbered_with_a_small_stop() -> None:
    text = """某省人民政府关于2022年重点工作及责任分解的通知
一、确保完成全年主要预期目标
1﹒全省生产总值增长7%以上。
牵头负责领导:刘某。
牵头责任单位:省发展改革委。
协同责任单位:省政府各部门、各直属机构。
"""
    n = parse_notice(text, "ah.txt")
    task = next(c for c in n.clauses if c.kind == "task")
    assert task.task_no == 1 and task.text.startswith("全省生产总值")
    assert roles(n) == [{"lead": ["省发展改革委"], "cooperate": ["省政府各部门", "各直属机构"]}]
    assert task.fields.get("牵头负责领导") == "刘某"


def test_a_gazette_prints_the_date_under_a_title_whose_issuer_line_is_a_page_bullet() -> None:
    text = """某市人民政府公报
  • 成文日期 2019-02-28
  •   某市人民政府
      关于2019年重点办好10件实事的通知
      (2019年1月29日)
      某政发〔2019〕1号
      各区、市人民政府:
      市政府决定办好10件实事。现就有关事项通知如下:
      一、促进城乡就业创业
      (一)实现城镇新增就业30万人。(责任单位:市人力资源社会保障局、市财政局)
"""
    n = parse_notice(text, "qd.txt")
    d = n.document
    assert d.doc_number == "某政发〔2019〕1号" and d.issued_on == "2019年1月29日"
    assert d.notice_title == "某市人民政府关于2019年重点办好10件实事的通知" and d.issuer == "某市人民政府"


def test_a_portal_metadata_block_with_a_policy_number_label_is_not_the_title() -> None:
    text = """市政府关于印发2020年分解方案的通知0
政策
发布部门:市人民政府办公室
发布时间:2020年01月28日
政策文号:某政发〔2020〕3号
市政府关于印发2020年分解方案的通知
某政发〔2020〕3号
各县(市)区人民政府:
现将分解方案印发给你们。
一、目标
（一）地区生产总值增长6%以上。（牵头单位：市发改委）
"""
    d = parse_notice(text, "p.txt").document
    assert d.notice_title == "市政府关于印发2020年分解方案的通知" and d.doc_number == "某政发〔2020〕3号"


def test_a_news_lede_after_a_byline_names_the_issuer_and_a_title_without_book_marks() -> None:
    text = """某报讯据某省人民政府网消息,近日,某省人民政府发布关于年重点工作及责任分解的通知。
通知称,各项工作明确牵头责任单位。
一、确保完成全年主要预期目标
1﹒全省生产总值增长7%以上。
牵头责任单位:省发展改革委。
"""
    d = parse_notice(text, "ah.txt").document
    assert d.issuer == "某省人民政府" and d.notice_title == "关于年重点工作及责任分解的通知"


def test_an_annex_list_after_a_signed_cover_letter_leaves_the_signature_out() -> None:
    text = """某市人民政府关于印发重点任务清单的通知
某政发〔2019〕2号
各区人民政府：
现将重点任务清单印发给你们。
附件：1.重点任务清单
2.任务分工表
某市人民政府
2019年1月29日
附件
重点任务清单
1.地区生产总值增长6%以上。牵头单位:市发改委;责任单位:各区政府
"""
    n = parse_notice(text, "q.txt")
    assert roles(n) == [{"lead": ["市发改委"], "responsible": ["各区政府"]}]
    assert not any("2019年1月29日" in c.text or "任务分工表" in c.text for c in n.clauses if c.kind == "body")


def test_roles_said_in_a_sentence_of_their_own_under_the_item() -> None:
    """"此项工作由A主办，B、C协办。" printed on the line after an item: 主办 leads, 协办 cooperates."""
    text = """某市人民政府关于贯彻落实民心工程的实施意见
（一）建立完善医疗救助体系。将救助基金规模扩大到2000万元以上。
此项工作由市卫生局主办,市民政局、劳动和社会保障局协办。
（二）提高医疗服务水平。加强对医疗服务与药品价格的监督管理。
此项工作由市卫生局主办，市食品药品监督管理局、工商局协办。
"""
    n = parse_notice(text, "sz.txt")
    assert roles(n) == [{"lead": ["市卫生局"], "cooperate": ["市民政局", "劳动和社会保障局"]},
                        {"lead": ["市卫生局"], "cooperate": ["市食品药品监督管理局", "工商局"]}]


def test_roles_that_open_the_paragraph_under_a_numbered_heading() -> None:
    """"1、X项目" then "由某副市长负责，A牵头，B配合，尽快……": the heading names the task, the official is no unit."""
    text = """1、城市轨道交通项目
由某某副市长负责,市建设局牵头,市发改委配合,进一步修改完善项目建设方案,尽快使项目进入正式报批程序。
2、大气污染防治对策研究项目
由某某副市长负责,市环保局牵头,相关部门配合,尽快完成项目报批的前期准备工作。
"""
    n = parse_notice(text, "lz.txt")
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [c.label for c in tasks] == ["1", "2"] and tasks[0].text.startswith("城市轨道交通项目。由某某副市长负责")
    assert roles(n) == [{"lead": ["市建设局"], "cooperate": ["市发改委"]},
                        {"lead": ["市环保局"], "cooperate": ["相关部门"]}]


def test_a_table_copied_one_cell_per_line_with_the_role_in_the_unit_cell() -> None:
    """No 序号 column: the column names are not the title, and "A、B分别牵头落实" under a row's text is its units."""
    text = """某市2017年政务公开工作要点实施方案
目标
任务
主要内容
责任单位
一、以政务公开助力稳增长
(一)加强预期引导
加强就业创业政策信息公开,深入解读政策背景。
市人社局牵头落实
加强金融政策信息公开,通过政策通报会等方式加大宣传。
市金融办、人民银行某市中心支行分别牵头落实
"""
    n = parse_notice(text, "wf.txt")
    assert n.document.title == "某市2017年政务公开工作要点实施方案"
    assert not any("主要内容" in c.text for c in n.clauses)  # the column names are no clause either
    assert roles(n) == [{"lead": ["市人社局"]}, {"lead": ["市金融办", "人民银行某市中心支行"]}]


def test_a_sites_banner_above_the_title_is_not_part_of_it() -> None:
    text = """法搜网--中国法律信息搜索网
中共某市委、某市人民政府关于贯彻落实民心工程的实施意见
（一）建立完善医疗救助体系。将救助基金规模扩大。（市卫生局牵头）
"""
    d = parse_notice(text, "b.txt").document
    assert d.title == "中共某市委、某市人民政府关于贯彻落实民心工程的实施意见"


def test_an_item_continued_by_sub_items_and_closed_by_its_annotation() -> None:
    """"（一）X工程。……" then bulleted sub-items, then a sentence carrying the annotation: one task, item (一)."""
    text = """某市都市圈建设2019年工作计划
一、基础设施互联互通
(一)道路畅通工程。加快建设都市圈快速通道,推进构建道路交通运输体系。
全面规划都市圈快速通道路网,
?2019年建成典农河至沙湖旅游公路;
?加快建设东线公路等项目;
进一步规范道路限高、限宽等交通设施,保障道路安全畅通。(自治区交通运输厅牵头,自治区发展改革委、甲市人民政府配合)
"""
    n = parse_notice(text, "nx.txt")
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [c.label for c in tasks] == ["(一)"] and tasks[0].text.startswith("道路畅通工程。")
    assert "旅游公路" in tasks[0].text and "限高" in tasks[0].text
    assert roles(n) == [{"lead": ["自治区交通运输厅"], "cooperate": ["自治区发展改革委", "甲市人民政府"]}]


def test_a_news_lead_saying_a_website_published_the_notice_leaves_the_issuer_to_its_title() -> None:
    text = ("某网的最新消息:今天,某自治區人民政府網站發布了《自治區人民政府辦公廳關于印發工作計劃的通知》。\n"
            "一、基礎設施互聯互通\n(一)道路暢通工程。加快建設快速通道。(自治區交通運輸廳牽頭)\n")
    d = parse_notice(text, "nx.txt").document
    assert d.notice_title == "自治區人民政府辦公廳關于印發工作計劃的通知"
    assert d.issuer == "自治區人民政府辦公廳"


def test_an_open_item_is_closed_by_the_next_heading_and_a_heading_is_no_unit_cell() -> None:
    """A later heading's paragraph is its own task, not the continuation of an earlier item left open; a heading
    line that reads like a unit cell ("（二）市发改委负责") is a heading; "由于…" is a cause, not an assignment."""
    text = """（一）道路畅通工程。实施主干道改造。
（二）公交优先工程
加快公交专用道建设。（市交通局牵头，市公安局配合）
"""
    n = parse_notice(text, "a.txt")
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert len(tasks) == 1 and not tasks[0].text.startswith("道路畅通工程"), [c.text for c in tasks]
    text = """1.加快建设市民中心。（市住建局牵头）
（二）市发改委负责
由于各部门配合，工作进展顺利。
"""
    n = parse_notice(text, "b.txt")
    assert roles(n) == [{"lead": ["市住建局"]}]


def test_a_heading_over_one_annotated_paragraph_names_that_task() -> None:
    """"一、推进重大项目建设" then one paragraph closed by its annotation: the heading is the task's name and label.
    Under a heading over several annotated paragraphs, each paragraph is a task of the heading's section."""
    text = """一、推进重大项目建设
建立健全领导联系重点项目制度，形成项目推进全程服务机制。(省发展改革委、财政厅牵头;国土资源厅,各州、市人民政府配合)
二、加强城市基础设施投入
支持城市重大基础设施建设。(省住房城乡建设厅牵头)
加快棚户区改造。(省住房城乡建设厅牵头)
"""
    n = parse_notice(text, "a.txt")
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [c.label for c in tasks] == ["一", "", ""], [(c.label, c.text[:12]) for c in tasks]
    assert tasks[0].text.startswith("推进重大项目建设。建立健全") and tasks[1].text.startswith("支持城市")
    assert roles(n)[0] == {"lead": ["省发展改革委", "财政厅"], "cooperate": ["国土资源厅", "各州、市人民政府"]}


def test_an_annotation_naming_bodies_by_verb_then_a_labelled_list_keeps_both() -> None:
    """〔A、B等按职责分工负责。责任单位：C、D。以下均需…不再列出。〕: the bodies of the first sentence and the labelled
    ones are all responsible; the standing note names no unit."""
    text = ("1.加强生态环境准入管理。项目审批要严格落实产业政策。〔市生态环境局、发展改革委、水利局等按职责分工负责。"
            "责任单位:各县(市、区)人民政府、各开发园区管委。以下均需各县(市、区)人民政府、各开发园区管委落实,不再列出。〕\n")
    n = parse_notice(text, "a.txt")
    assert roles(n) == [{"responsible": ["市生态环境局", "发展改革委", "水利局", "各县(市、区)人民政府",
                                         "各开发园区管委"]}]


def test_a_gazette_number_printed_beside_its_date_and_a_goal_heading_over_its_paragraphs() -> None:
    """"川府发〔2011〕8号 二○一一年三月十七日" on one line gives both; "一、A，B" states a goal in parts and heads a
    section, so the annotated paragraph under it is a task of its own; a 工作成果 line is a field of the item."""
    text = """四川省人民政府
关于落实《政府工作报告》重点工作部门分工的意见
川府发〔2011〕8号 二○一一年三月十七日
省政府各部门、各直属机构:
现提出如下意见:
一、努力扩大内需,促进经济平稳较快发展
认真落实中央积极的财政政策。加大对民生的投入。(财政厅牵头)
二、重点规划衔接
1. 做好重大规划的有效衔接。
工作成果:规划有序衔接。
责任单位:市发展改革委
"""
    n = parse_notice(text, "sc.txt")
    d = n.document
    assert (d.doc_number, d.issued_on) == ("川府发〔2011〕8号", "二○一一年三月十七日")
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert tasks[0].text.startswith("认真落实") and tasks[0].label == "", [(c.label, c.text[:10]) for c in tasks]
    assert tasks[1].text.startswith("做好重大规划") and tasks[1].fields.get("工作成果") == "规划有序衔接"
    assert roles(n) == [{"lead": ["财政厅"]}, {"responsible": ["市发展改革委"]}]


def test_a_division_of_work_line_a_bare_list_under_the_first_listed_rule_and_helping_another_body() -> None:
    """"部门分工：A牵头，B、C配合。" on its own line assigns the item above it; "（A、B、C。排名第一的为牵头
    单位，下同）" lists bodies (a depot among them) under the rule that the first leads; "（A配合B落实）": B leads, A
    helps."""
    text = """二、主要目标
1.城乡居民收入增长7%以上。
分管领导:张某
部门分工:市发展改革委牵头,各区、各部门配合。
2.粮食产量稳定在100万吨。(市发改委、市农委、各区政府、中储粮某某直属库。排名第一的为牵头单位,下同)
3.建立考核制度。将指标纳入政绩考核。(市人事局配合市委有关部门落实)
"""
    n = parse_notice(text, "a.txt")
    assert roles(n) == [{"lead": ["市发展改革委"], "cooperate": ["各区", "各部门"]},
                        {"lead": ["市发改委"], "responsible": ["市发改委", "市农委", "各区政府", "中储粮某某直属库"]},
                        {"lead": ["市委有关部门"], "cooperate": ["市人事局"]}]


def test_a_heading_among_headings_over_several_tasks_does_not_name_its_one_task() -> None:
    """"3. 建立考核制度" over one annotated paragraph, after "1." and "2." each over several: a heading like them, so
    the paragraph is the task (no label), as its siblings' paragraphs are."""
    text = """一、约束性指标
1. 指标的责任部门
耕地保有量保持在400万公顷。(省国土资源厅负责)
用水量降低20%。(省水利厅负责)
2. 建立公报制度
每年公布耕地保有量情况。(省国土资源厅、统计局负责)
每年公布能耗降低情况。(省经贸委负责)
3. 建立考核制度
将约束性指标纳入政绩考核。(省人事厅负责)
"""
    tasks = [c for c in parse_notice(text, "a.txt").clauses if c.kind == "task"]
    assert [c.label for c in tasks] == [""] * 5 and tasks[-1].text.startswith("将约束性指标纳入政绩考核")


def test_a_title_line_carrying_its_number_in_brackets_is_the_notices_title() -> None:
    text = """广东省人民政府关于印发2021年重点任务分工方案的通知 (粤府〔2021〕22号)
发布文号 | 粤府〔2021〕22号 |
各地级以上市人民政府,省政府各部门:
《2021年重点任务分工方案》已经省政府同意,现印发给你们,请认真贯彻执行。
广东省人民政府
2021年3月21日
2021年重点任务分工方案
一、主要目标
1.地区生产总值增长6%以上。(省发展改革委牵头)
"""
    d = parse_notice(text, "a.txt").document
    assert d.doc_number == "粤府〔2021〕22号" and d.notice_title == "广东省人民政府关于印发2021年重点任务分工方案的通知"


def test_a_portal_column_name_before_the_title_and_a_chain_of_levels_in_one_collective() -> None:
    """Round 17: a city portal prints its column in 【】 before the notice's title; "各县、市、区政府" is every county,
    city and district government, one collective, not 各县、市 and 区政府."""
    text = """【重点工作分解】甲市人民政府关于2030年市政府重点工作及责任分解的通知
发布时间:2030-02-03 17:29
各县、市、区人民政府，市政府各部门：
现将2030年重点工作分解如下。
一、主要预期目标
1. 地区生产总值增长8%以上。
牵头负责领导:张三。
牵头责任单位:市发展改革委。
协同责任单位:市经信局、市商务局等,各县、市、区政府。
"""
    n = parse_notice(text, "jia.txt")
    assert n.document.notice_title == "甲市人民政府关于2030年市政府重点工作及责任分解的通知"
    assert n.document.issuer == "甲市人民政府"
    assert roles(n) == [{"lead": ["市发展改革委"], "cooperate": ["市经信局", "市商务局", "各县、市、区政府"]}]


def test_round_18_layouts() -> None:
    """Round 18: the first-listed rule said after the list in the same sentence ("A、B等负责,列第一位者为
    牵头单位,下同"); a copy with no title but its cover letter's "现将《X》印发给你们", the plan's title printed
    again in book-title marks; a deadline labelled inside the annotation's bracket; a page's metadata table row is
    not a title."""
    text = """公开范围 | 面向社会 | 公开时限 | 长期公开 |
各县(区)人民政府，市各委办局：
现将《甲市营商环境服务承诺清单(2030年版)》印发给你们，请认真贯彻执行。
甲市人民政府
2030年4月18日
(此件公开发布)
《甲市营商环境服务承诺清单》(2030年版)
一、政策环境
(一)建立就业联动机制。把稳定就业作为下限。(市发展改革委、市财政局、市统计局等负责,列第一位者为牵头单位,下同)
(二)发展吸纳就业能力强的产业。重点发展电子商务。(市商务局、市经济和信息化委等负责)
(三)落实企业家参与涉企政策制定。充分听取企业意见。〔责任单位:市政府办公室、市司法局,完成时限:全年〕
"""
    n = parse_notice(text, "jia.txt")
    assert n.document.title == "甲市营商环境服务承诺清单(2030年版)"
    assert n.document.issuer == "甲市人民政府"
    assert roles(n) == [
        {"lead": ["市发展改革委"], "responsible": ["市发展改革委", "市财政局", "市统计局"]},
        {"lead": ["市商务局"], "responsible": ["市商务局", "市经济和信息化委"]},
        {"lead": ["市政府办公室"], "responsible": ["市政府办公室", "市司法局"]},  # 下同: the rule holds below
    ]
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert tasks[2].fields.get("完成时限") == "全年"


def test_round_19_layouts() -> None:
    """Round 19: a double-spaced copy signed by two bodies on lines of their own and dated by month alone; a page's
    counters run into the field before them ("信息来源: 甲市教育局阅读次数:"); an annotation naming sections of a
    bureau (责任科室); a table printing no row numbers whose content column holds the task's words and whose task
    column names it."""
    letter = """甲市新闻网 >> 新闻频道

  中共甲县县委甲县人民政府关于开展2030年为民办实事工作的通知

  各乡镇党委、政府,县直各单位:

  现将《2030年为民办实事工作计划》印发给你们,请认真组织实施。

  中共甲县县委

  甲县人民政府

  2030年2月

  2030年为民办实事工作计划

  一、人居环境提升工程

  (1)实施老旧小区改造提升。改造西侧片区老旧小区。

  主办单位:县城投公司,协办单位:住建局、凤城镇。
"""
    n = parse_notice(letter, "jia.txt")
    assert n.document.issuer == "中共甲县县委、甲县人民政府"
    assert n.document.issued_on == "2030年2月"
    assert roles(n) == [{"lead": ["县城投公司"], "cooperate": ["住建局", "凤城镇"]}]

    page = """关于印发《甲市教育局2030年工作要点》的通知

发布时间:2030-03-28 09:33信息来源: 甲市教育局阅读次数:编辑:张三 字体:【

各县市区教育局:

现将《甲市教育局2030年工作要点》印发给你们,请结合实际认真贯彻落实。

甲市教育局2030年工作要点

一、加强党的全面领导

1.加强思想理论武装。深化多形式、分层次、全覆盖的学习培训。(责任科室:组干科、机关党委)
"""
    n = parse_notice(page, "jia.txt")
    assert n.document.issuer == "甲市教育局"
    assert roles(n) == [{"responsible": ["组干科", "机关党委"]}]

    table = """一、工作要点
1.深入推进政策解读。对政策文件进行全面解读。
二、重点工作任务分解
重点任务 | 工作内容 | 负责科室 |
政策解读 | 对政策文件进行全面解读,创新解读形式。 | 各责任科室 |
政务服务 | 注重政务服务办理流程信息发布 | 综合科 |
"""
    n = parse_notice(table, "jia.txt")
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [(c.task_no, c.label, c.text[:6], c.fields.get("重点任务")) for c in tasks] == [
        (1, "", "对政策文件进", "政策解读"), (2, "", "注重政务服务", "政务服务")]
    assert roles(n) == [{"responsible": ["各责任科室"]}, {"responsible": ["综合科"]}]


def test_round_20_layouts() -> None:
    """Round 20: a web table copied one cell per line with a lone "|" opening each row; an annotation naming towns
    with a bracket of its own (各乡镇(街道)); a page's metadata giving the 文号 as 文件编号; a notice run onto one line
    whose items print their labelled parts after spaces, a unit list ending where a flattened table starts."""
    cells = ["|", "甲县2030年民生实事项目清单 |", "||||", "|", "序号 |", "项目名称 |", "2030年建设内容 |",
             "年度投资金额 (万元) |", "责任单位 |", "|", "1 |", "城北小学门前道路建设项目 |", "建成甲路延伸段道路。 |",
             "300 |", "住建局 |",
             "|", "2 |", "高标准农田建设项目 |", "实施田块整治500亩。 |", "4930 |", "农业农村局 |"]
    table = "甲县人民政府\n关于印发甲县2030年民生实事项目的通知\n附件:\n" + "\n".join(cells) + "\n"
    n = parse_notice(table, "jia.txt")
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [(c.task_no, c.text[:4], c.fields.get("年度投资金额(万元)")) for c in tasks] == [
        (1, "建成甲路", "300"), (2, "实施田块", "4930")]
    assert roles(n) == [{"responsible": ["住建局"]}, {"responsible": ["农业农村局"]}]

    body = """一、擦亮工作名片
(一)高水平推进"一件事一次办",丰富应用场景。(县行政审批服务局牵头,县直相关单位和各乡镇(街道)按职责分工负责)
"""
    n = parse_notice(body, "jia.txt")
    assert roles(n) == [{"lead": ["县行政审批服务局"], "responsible": ["县直相关单位和各乡镇(街道)"]}]

    page = """当前位置:首页 > 信息公开 >
索引号:  330522/2030-01775 发文时间:  2030-02-24
文件编号:  甲政办发〔2030〕7号 发布机构:  甲县政府办公室
甲县人民政府办公室关于印发2030年重点工作责任分解的通知

各乡镇人民政府:

现将《2030年重点工作责任分解》印发给你们,请认真贯彻执行。

甲县人民政府办公室

2030年2月24日

一、县长牵头重点工作

1.财政总收入与经济增长基本同步。

责任单位:县财政局。
"""
    n = parse_notice(page, "jia.txt")
    assert n.document.doc_number == "甲政办发〔2030〕7号"
    assert roles(n) == [{"responsible": ["县财政局"]}]

    flat = ("2030年市政府民生实事项目共有42项任务,各责任单位高度重视,实事项目总体进展情况良好。现将进展情况予以公示。 "
            "1.轨道交通1号线投入试运营。 牵头领导:张三 责任单位:市轨道交通指挥部 项目责任人:李四 "
            "实际完成情况:已于5月通车。 "
            "2.新增安装300套视频采集设备。 牵头领导:王五 责任单位:市公安局 项目责任人:赵六 配合单位:市城管局、市财政局 "
            "实际完成情况:已完成55%。 3.新辟公交线路10条。 牵头领导:王五 责任单位:市交通委 项目责任人:钱七 "
            "配合单位:市公安局、市城管局,各区政府 甲区 乙区、丙区 合计 新辟线路年度目标 2 5 7")
    n = parse_notice(flat, "jia.txt")
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [c.fields.get("牵头领导") for c in tasks] == ["张三", "王五", "王五"]
    assert tasks[0].fields.get("实际完成情况") == "已于5月通车"
    assert roles(n) == [{"responsible": ["市轨道交通指挥部"]},
                        {"responsible": ["市公安局"], "cooperate": ["市城管局", "市财政局"]},
                        {"responsible": ["市交通委"], "cooperate": ["市公安局", "市城管局", "各区政府"]}]


def test_round_21_layouts() -> None:
    """Round 21: a heading carrying its section's lead in brackets; a 文号 printed only after the title on the title's
    line; a site's name a blank line above a title that opens with its whole issuer."""
    text = """甲市乙区人民政府关于印发若干政策举措的通知
各街道办事处:
现将《若干政策举措》印发给你们,请认真贯彻执行。
甲市乙区人民政府
2030年4月1日
一、强化科技创新(区科技局牵头)
(一)支持企业研发。对研发投入大的企业给予奖励。
(二)培育高新技术企业。新认定的给予奖励。
二、扩大有效投资(区发改局牵头)
三、稳定就业。做好高校毕业生就业工作。(区人社局负责)
"""
    n = parse_notice(text, "yi.txt")
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [(c.label, c.text[:4]) for c in tasks] == [("(一)", "支持企业"), ("(二)", "培育高新"), ("二", "扩大有效"),
                                                      ("三", "稳定就业")]
    assert roles(n) == [{"lead": ["区科技局"]}, {"lead": ["区科技局"]}, {"lead": ["区发改局"]},
                        {"responsible": ["区人社局"]}]
    assert tasks[2].section == "二、扩大有效投资" and tasks[2].fields.get("annotation") == "(区发改局牵头)"

    titled = """当前位置: 首页 > 政务公开 > 政策汇编

甲市人民政府关于印发甲市降低企业成本若干措施的通知(甲府〔2030〕31号)

来源:甲市新闻网发表日期:2030-09-04 15:05
各县(市、区)人民政府:
  现将《甲市降低企业成本若干措施》印发给你们,请认真贯彻执行。
                               甲市人民政府
                               2030年8月16日
"""
    d = parse_notice(titled, "jia.txt").document
    assert (d.doc_number, d.notice_title) == ("甲府〔2030〕31号", "甲市人民政府关于印发甲市降低企业成本若干措施的通知")

    site = """甲市文化产业政策服务平台

甲市人民政府办公厅关于印发2030年工作任务责任分解方案的通知

各区人民政府:
现将《2030年工作任务责任分解方案》印发给你们。
"""
    title = parse_notice(site, "jia.txt").document.notice_title
    assert title == "甲市人民政府办公厅关于印发2030年工作任务责任分解方案的通知"
    wrapped = """甲市节能减排工作领导小组
办公室关于印发甲市降碳工作实施方案的通知
各县(市、区)人民政府:
现将《甲市降碳工作实施方案》印发给你们。
"""
    title = parse_notice(wrapped, "jia.txt").document.notice_title
    assert title == "甲市节能减排工作领导小组办公室关于印发甲市降碳工作实施方案的通知"


def test_round_22_layouts() -> None:
    """Round 22: a page's metadata table ("… |" cells) above a notice run together on one line, the title in a cell
    of its own, the salutation, signature and date inside that line; the first-listed rule said as 首位单位为牵头单位
    inside the first annotation, with 下同."""
    text = ("索引号: | 0000/2030-1 | 成文日期: | 2030-04-18 |\n"
            "文件编号: | 甲政办发〔2030〕16号 | 组配分类: | 政府工作报告 |\n"
            "发布机构: | 县政府办公室 | 有效性: |\n"
            "甲县人民政府办公室关于印发2030年重点工作责任分解的通知 |\n||\n|\n||\n"
            "各镇人民政府,县政府各部门、直属各单位: 《2030年重点工作责任分解》已经县政府讨论确定,"
            "现印发给你们,请认真贯彻执行。 各级各部门要高度重视,确保按时完成既定的目标任务。"
            " 甲县人民政府办公室 2030年4月18日 (此件公开发布) 2030年重点工作责任分解"
            " 一、张三县长牵头重点工作 1.全县生产总值增长7.5%左右;一般公共预算收入增长8.5%。"
            " 责任单位:县发改局(首位单位为牵头单位,下同)、县财政局、县税务局"
            " 2.严控“三公”经费和会议费、培训费。 责任单位:县财政局、县审计局"
            " 二、李四副县长牵头重点工作 1.坚持县政府常务会议集体学法。 责任单位:县司法局\n")
    n = parse_notice(text, "jia.txt")
    d = n.document
    assert d.doc_number == "甲政办发〔2030〕16号"
    assert d.notice_title == "甲县人民政府办公室关于印发2030年重点工作责任分解的通知"
    assert (d.issuer, d.issued_on) == ("甲县人民政府办公室", "2030年4月18日")
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [(c.label, c.text[:6]) for c in tasks] == [("1", "全县生产总值"), ("2", "严控“三公”"), ("1", "坚持县政府常")]
    assert roles(n) == [{"lead": ["县发改局"], "responsible": ["县发改局", "县财政局", "县税务局"]},
                        {"lead": ["县财政局"], "responsible": ["县财政局", "县审计局"]},
                        {"responsible": ["县司法局"]}]  # a leader named in a heading (张三县长牵头) is no unit


def test_an_annex_title_wrapped_before_the_annex_is_kept_whole() -> None:
    text = """甲市人民政府关于印发甲市行动方案的通知

各区人民政府：

现将《甲市行动方案》印发给你们，请认真贯彻执行。

一、总体要求

（一）发展目标。到2030年，数字贸易规模达到100亿美元。

附件：甲市行动方案（2030—2035年）

任务清单

附件

甲市行动方案（2030—2035年）任务清单

序号	任务内容	责任单位
1	推动云计算服务发展。	市发改委
"""
    n = parse_notice(text, "jia.txt")
    closing = [c.text for c in n.clauses if c.clause_id.endswith("/s")]
    assert closing == ["附件：甲市行动方案（2030—2035年）任务清单"], closing


def test_round_23_layouts() -> None:
    """Round 23: a copy opening at its cover letter, which sends the plan with its inner titles in angle brackets
    (《…<乙省政府工作报告>…》) while the plan's heading prints them in book-title marks: the heading is the title."""
    text = """各开发区管委会,各镇人民政府、街道办事处,市政府各部门:
经市政府研究同意,现将《甲市关于贯彻落实2030年<乙省政府工作报告><甲市政府工作报告>任务分解和责任分工方案》印发给你们,请认真贯彻落实。
甲市人民政府
2030年3月17日
(此件公开发布)
甲市关于贯彻落实2030年《乙省政府工作报告》《甲市政府工作报告》任务分解和责任分工方案
一、经济社会发展主要目标
1.地区生产总值增长6.5%以上。
牵头领导:张三
牵头单位:市发展和改革局
责任单位:各有关部门,各开发区、镇(街道)
"""
    n = parse_notice(text, "jia.txt")
    assert n.document.title == "甲市关于贯彻落实2030年《乙省政府工作报告》《甲市政府工作报告》任务分解和责任分工方案"
    assert n.document.issuer == "甲市人民政府"
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [c.text for c in tasks] == ["地区生产总值增长6.5%以上。"]
    assert roles(n) == [{"lead": ["市发展和改革局"], "responsible": ["各有关部门", "各开发区", "镇(街道)"]}]
    # an annotation printing its deadline after the units, without a label: a field, not a unit
    text = """甲州人民政府关于印发甲州2030年工作计划的通知
一、提升政务服务效能
1.加大简政放权力度。承接好省下放行政许可事项。(牵头单位:州行政审批服务局;责任单位:州司法局、各县市人民政府,6月底完成)
"""
    task = [c for c in parse_notice(text, "jia.txt").clauses if c.kind == "task"][0]
    assert task.fields.get("完成时限") == "6月底完成"
    assert [u.zh for u in task.units] == ["州行政审批服务局", "州司法局", "各县市人民政府"]


def test_round_24_layouts() -> None:
    """Round 24: a copy cut off inside its last task's roles, the bracket never closed, keeps every label printed;
    a red header spliced into the cover letter where a page broke names the issuer when it prints the notice's own
    文号 prefix (and only then)."""
    text = """甲政发〔2030〕26号
各市人民政府:
二、主要任务
(一)提高市场开放程度。全面实施市场准入负面清单制度,除法律法规明令禁止的范围外一律开放。(牵头单位:省发展改革委;责任单位:省编办、省环保厅、"""
    assert roles(parse_notice(text, "jia.txt")) == [{"lead": ["省发展改革委"], "responsible": ["省编办", "省环保厅"]}]
    letter = """甲政 [2030] 20号
各县(市、区)人民政府,市人民政府各部门:
现将2030年重点工作任务予以分解并明确到各责任单位。对有明确时间节点的重{header}大工作实行专项督查。
一、抓好常态化疫情防控
1.坚持“外防输入、内防反弹”总体防控策略,完善常态化疫情防控举措。
责任单位:市卫生健康委、各县(市、区)政府
"""
    assert parse_notice(letter.format(header="甲城市人民政府文件甲政〔2030〕21号"), "jia.txt").document.issuer == \
        "甲城市人民政府"
    assert parse_notice(letter.format(header="乙城市人民政府文件乙政〔2030〕21号"), "jia.txt").document.issuer == ""
    # a sentence after an annotated task naming a person who answers for it and the divisions that carry it out
    plan = """甲厅关于落实2030年主要目标任务分工的通知
(一)我厅牵头的工作任务
1、单位地区生产总值能耗下降5%(牵头单位:区经济和信息化委、环保厅)。由张三总工负责,污染物排放总量控制处落实。
2、继续抓好水土流失治理工程(牵头单位:区环保厅)。由李四、王五副厅长分别负责,环境监测处和农村环境监督管理处分别落实。
3、加快改造传统产业。加强技
"""
    assert roles(parse_notice(plan, "jia.txt")) == [
        {"lead": ["区经济和信息化委", "环保厅"], "responsible": ["污染物排放总量控制处"]},
        {"lead": ["区环保厅"], "responsible": ["环境监测处", "农村环境监督管理处"]},
        {}]  # the copy is cut off inside its third task: a task still, its units not printed


def test_round_25_layouts() -> None:
    """Round 25: a copy cut off inside its second item, after one annotated task, keeps that item as a task."""
    text = """甲县人民政府关于印发2030年重要工作事项责任分工的通知
一、稳增长
1.全面实施行政许可事项清单管理。(市政府办公室牵头,市级各有关部门按职责分工负责)
2.持续深化相对集中行政许可权改革。依托行政许可事项清单,全面梳理规范改革事项划转目录。(市政府办公室、市"""
    tasks = [c for c in parse_notice(text, "jia.txt").clauses if c.kind == "task"]
    assert [c.task_no for c in tasks] == [1, 2]


MERGED_LINE_TABLE = """某县2021年重点任务清单
考核项目

序号

考核指标

考核内容

单位

年度目标

责任部门

评分部门

产业发展

1

稳定粮食生产

粮食播种面积

万亩

0.5

县农业农村局

县发展改革局

市农业农村局

2

生猪存栏

万头

0

县农业农村局

市农业农村局

3

水产品产量

万吨

42

县海洋与渔业局

市海洋渔业局

4

粮食安全责任制

-

良好以上

县经济和信息化局

市商务局
"""


def test_a_flattened_table_whose_merged_cells_print_once_is_read_from_the_right() -> None:
    """Merged cells (考核项目, 考核指标) printed only in the first row they cover leave the other rows short; each row
    is read from its right, a units column taking every line of names; a target printed 0 or 42 is no row number."""
    n = parse_notice(MERGED_LINE_TABLE, "merged.txt")
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [(c.task_no, c.text) for c in tasks] == [(1, "粮食播种面积"), (2, "生猪存栏"), (3, "水产品产量"),
                                                    (4, "粮食安全责任制")]
    assert [[u.zh for u in c.units] for c in tasks] == [["县农业农村局", "县发展改革局"], ["县农业农村局"],
                                                        ["县海洋与渔业局"], ["县经济和信息化局"]]
    assert tasks[0].fields["考核指标"] == "稳定粮食生产" and tasks[0].fields["评分部门"] == "市农业农村局"
    assert tasks[2].fields["年度目标"] == "42" and tasks[3].fields["单位"] == "-"


def test_units_a_space_apart_and_a_unit_cut_to_one_character() -> None:
    from ingest.text import split_units

    assert split_units("县教体局 各相关乡镇政府") == ["县教体局", "各相关乡镇政府"]
    assert split_units("市发展 改革委") == ["市发展改革委"]  # a name wrapped over a space is one name
    assert split_units("市统计局、市") == ["市统计局"]  # the copy breaks off after 市


def test_a_date_padded_with_question_marks_and_a_title_printed_as_a_file_name() -> None:
    text = ("2021年重点工作分解表.docx\n各乡镇人民政府，市直各部门：\n现将重点工作分解如下。\n市人民政府办公室\n"
            "2021年11月22日????????\n一、主要目标\n1.地区生产总值增长10%。（牵头单位：市发改局）\n")
    d = parse_notice(text, "t.txt").document
    assert d.issued_on == "2021年11月22日" and d.title == "2021年重点工作分解表"


def test_a_heading_naming_the_lead_with_a_count_and_a_copy_titled_by_its_annex() -> None:
    text = ("县直各有关单位：\n现将任务清单印发给你们，请抓好落实。\n附件：1.2025年县政府工作报告任务清单\n"
            "县人民政府办公室\n"
            "2025年5月18日\n附件1\n2025年县政府工作报告任务清单\n一、县农业农村局牵头工作（3项）\n1.建设养殖基地。\n"
            "2.打造生产基地。\n3.加强基础设施")
    n = parse_notice(text, "q.txt")
    assert n.document.title == "2025年县政府工作报告任务清单"  # no title of its own: the annex's printed one
    # every item beneath the heading is the unit's, the one the copy cuts off too
    assert roles(n) == [{"lead": ["县农业农村局"]}] * 3


def test_a_pages_continuation_mark_is_no_title() -> None:
    text = ("[接上页] （一）资金组。负责资金的协调和管理。 牵头单位：自治区财政厅 配合单位：自治区民政厅\n"
            "（二）宣传组。负责宣传报道工作。 牵头单位：自治区党委宣传部\n")
    n = parse_notice(text, "p2.txt")
    assert n.document.title == "p2.txt"
    assert roles(n) == [{"lead": ["自治区财政厅"], "cooperate": ["自治区民政厅"]}, {"lead": ["自治区党委宣传部"]}]


def test_a_notice_run_together_on_one_line_with_nothing_between_its_parts() -> None:
    text = ("某省人民政府办公厅关于印发某省教育规划任务分工方案的通知某政办〔2011〕113号"
            "各设区市人民政府,省人民政府各部门:"
            "经省政府同意,现将任务分工方案印发给你们,请认真贯彻执行。各地要结合实际,确保各项目标任务落到实处。"
            "二○一一年五月六日某省教育规划任务分工为贯彻落实规划纲要,现提出如下任务分工。一、普及学前教育(一)提高学前"
            "教育普及水平1.完善成本分担机制,对低保家庭幼儿入园保教费实行补助。(财政厅、教育厅。列在首位的为牵头部门或单位,"
            "有关部门和单位按职责分工负责,下同)2.制订办园标准,严格准入制度。(教育厅、物价局)3.优先保证幼儿园建设用地。"
            "(住房和城乡建设厅、国土资源厅)")
    n = parse_notice(text, "fj.txt")
    d = n.document
    assert d.doc_number == "某政办〔2011〕113号" and d.issued_on == "二○一一年五月六日"
    assert d.notice_title == "某省人民政府办公厅关于印发某省教育规划任务分工方案的通知"
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [c.text[:6] for c in tasks] == ["完善成本分担", "制订办园标准", "优先保证幼儿"]
    # the rule stated in the first bracket (下同) makes the bare lists after it units, the first one leading
    assert [r["lead"] for r in roles(n)] == [["财政厅"], ["教育厅"], ["住房和城乡建设厅"]]
    assert roles(n)[2]["responsible"] == ["住房和城乡建设厅", "国土资源厅"]


def test_a_table_printed_under_a_numbered_heading_is_in_its_section() -> None:
    text = ("某市人民政府办公室关于印发重点工作责任分解的通知\n各县(市、区)人民政府：\n现印发给你们，请认真贯彻执行。\n"
            "某市人民政府办公室\n2022年5月10日\n重点工作责任分解\n一、未来五年主要工作任务\n序号\n主要工作任务\n责任单位\n"
            "1\n地区生产总值突破1万亿元。\n市发展改革委\n2\n规上工业总产值突破2万亿元。\n市经信局\n")
    n = parse_notice(text, "t.txt")
    assert [(c.section, c.units[0].zh) for c in n.clauses if c.kind == "task"] == [
        ("一、未来五年主要工作任务", "市发展改革委"), ("一、未来五年主要工作任务", "市经信局")]


def test_titles_a_news_lead_a_site_label_an_annex_line_and_a_sharing_site_name() -> None:
    lead = ("日前,江城印发《江城打赢蓝天保卫战实施方案(2019-2020年)》。全文如下:\n"
            "江城打赢蓝天保卫战实施方案(2019-2020年)\n"
            "为改善空气质量,制定本方案。\n一、主要任务\n1.制定实施准入清单。(市生态环境局牵头,市自然资源局参与)\n")
    d = parse_notice(lead, "a.txt").document
    assert d.title == "江城打赢蓝天保卫战实施方案(2019-2020年)" and d.issuer == ""  # a place published it, no organ
    labelled = ("某区高新技术企业奖励政策:关于深入实施创新强区战略的若干政策意见\n为加快发展,提出如下意见。\n"
                "一、推进集群制造\n1.培育产业集群。\n牵头单位:区经信局\n")
    assert parse_notice(labelled, "b.txt").document.title == "关于深入实施创新强区战略的若干政策意见"
    annexed = ("2024年重点工作目标任务分解表\n附件\n2024年重点工作目标任务分解表\n序号\n目标与任务\n牵头责任单位\n"
               "1\n新增托位400个。\n县教育局\n")
    assert parse_notice(annexed, "c.txt").document.title == "2024年重点工作目标任务分解表"
    shared = ("资源描述:\n\n《某区深化文明社区建设责任分解表》由会员上传分享,免费在线阅读,更多相关内容在应用文档\n"
              "一、总体要求\n1.建设服务窗口。(区民政局负责)\n")
    assert parse_notice(shared, "d.txt").document.title == "某区深化文明社区建设责任分解表"


def test_round_30_joint_issuers_a_gazette_date_and_a_comma_closing_a_collective() -> None:
    """Two organs of one place on a line above a title wrapped over lines, the date alone in brackets under it, and
    a bracket whose collective (各县、区) a comma closes before the city's own bureau."""
    text = ("中共江城市委 江城市人民政府\n关于进一步激发民营企业创业热情\n推进民营经济\n高质量发展的实施意见\n"
            "(2021年7月10日)\n"
            "为贯彻落实省委精神,提出如下实施意见。\n一、激发民营企业创新活力\n"
            "1. 搭建创意平台。每季度召开创意会。(各县、区,市商务外事局、市发展改革委等按职责分工负责)\n")
    n = parse_notice(text, "bb.txt")
    d = n.document
    assert d.issuer == "中共江城市委、江城市人民政府" and d.issued_on == "2021年7月10日"
    assert d.title.endswith("关于进一步激发民营企业创业热情推进民营经济高质量发展的实施意见")
    assert roles(n) == [{"responsible": ["各县、区", "市商务外事局", "市发展改革委"]}]
    from ingest.text import split_units

    assert split_units("各区、县级市,市发改委") == ["各区、县级市", "市发改委"]
    assert split_units("各县、区政府") == ["各县、区政府"]  # levels enumerated with 、 stay one collective


def test_round_30_a_sites_menu_and_headline_before_a_run_together_body() -> None:
    """A region filter printed one name a line, then the site's headline "X发布Y": no line of the menu is the
    title, and the headline names the bureau that published it."""
    menu = "\n".join(["全国", "全国", "直辖市", "北京", "上海", "华东", "山东", "江苏", "港澳台", "香港"])
    text = (menu + "\n某市经信局发布进一步推进民营经济高质量发展的实施细则\n"
            "为深入贯彻落实省委、省政府关于进一步激发民营企业创业热情的若干意见,牢固树立服务理念,推进民营经济高质量发展,"
            "结合本市实际,制定本实施细则。 一、总体目标 深入实施民营经济上台阶计划,民营经济总量、质量同步提升。"
            "到“十四五”末,民营经济实体数量达到25万户,规模以上工业企业数量达到1500家以上,民营经济占GDP的比重达到60%以上,"
            "对经济社会贡献大幅度提升。 "
            "二、主要任务 (一)激发创意热情 1.搭建创意平台。每季度举办创意会。(市商务局,各县区、开发园区按职责分工负责)")
    n = parse_notice(text, "mas.txt")
    assert n.document.title == "进一步推进民营经济高质量发展的实施细则" and n.document.issuer == "某市经信局"
    assert roles(n) == [{"responsible": ["市商务局", "各县区", "开发园区"]}]


def test_round_30_a_two_row_header_and_rows_that_leave_empty_cells_out() -> None:
    """A piped table with a second header row of sub-columns and rows printing more cells than the header names:
    the sub-header is no section, and a units column holding a number takes the first cell of names after it."""
    text = ("序号 | 项目名称 | 建设内容 | 总投资 | 2022年计划 | 完成情况 | 责任单位 | 备注 | |||\n"
            "投资 | 形象进度 | 完成投资 | % | ||||\n"
            "1 | 护眼灯光工程 | 对全县70所中小学校教室照明进行护眼灯光提升 | 1800 | 1800 | 建成 | 1800 | 100 | "
            "县教育局 | ||\n"
            "2 | 电梯加装工程 | 为7个敬老院加装电梯10台 | 600 | 600 | 建成 | 600 | 100.0 | "
            "县民政局 各相关乡镇街道 | ||\n")
    n = parse_notice(text, "nh.txt")
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [c.section for c in tasks] == ["", ""]
    assert roles(n) == [{"responsible": ["县教育局"]}, {"responsible": ["县民政局", "各相关乡镇街道"]}]


def test_round_30_a_table_read_into_no_rows_is_kept_as_text() -> None:
    """A lead paragraph ending "具体如下:" addresses no one (no salutation), and a one-cell-per-line table whose
    merged group cells the parser cannot read into rows is still stored, as the notice's text."""
    cells = ["序号 |", "牵头单位 |", "项目数量 |", "项目名称 |", "业主单位 |", "本月进展情况 |", "||",
             "一 |", "区住建局 |", "民生实事项目(1个) |", "(一)打通断头路专项行动 |", "1.文化中心北路 |", "区城投 |",
             "已完工 |", "|", "2.乐业路 |", "区城管局 |", "已完工 |", "|||||"]
    text = "2024年度民生实事项目进度表\n2024年,民生实事项目共10个,共7个牵头单位。具体如下:\n" + "\n".join(cells) + "\n"
    n = parse_notice(text, "xj.txt")
    body = " ".join(f"{c.section} {c.text}" for c in n.clauses if c.kind == "body")
    assert "共10个" in body and "文化中心北路" in body and "乐业路" in body and "|" not in body


def test_round_31_units_listed_with_commas_in_a_cell_and_a_label_for_the_division_of_work() -> None:
    """A one-cell-per-line table whose unit cell lists names with a comma (市住建局,各县(区)政府、…) is a cell of
    names, not prose; "（任务分工：A牵头，B按职责分工负责）" labels the division of work, and A leads."""
    table = ("某市清洁城市环境活动实施方案\n序号\n|\n工作任务\n|\n负责部门\n|\n时间进度\n|\n|\n"
             "1\n|\n完善城市管理体制\n|\n"
             "市委编办、市住建局\n|\n2个月完成\n|\n|\n2\n|\n完善城市工作机制\n|\n市住建局,各县(区)政府、市直园区管委会\n|\n"
             "2016 年底前\n|\n|\n")
    n = parse_notice(table, "sn.txt")
    assert roles(n) == [{"responsible": ["市委编办", "市住建局"]},
                        {"responsible": ["市住建局", "各县(区)政府", "市直园区管委会"]}]
    assert [c.fields.get("时间进度") for c in n.clauses if c.kind == "task"] == ["2个月完成", "2016年底前"]
    division = ("某省防灾减灾救灾工作要点\n一、健全责任体系\n(一)强化统筹协调。健全完善各级减灾委工作机制。"
                "(任务分工:各级减灾办牵头,相关部门按职责分工负责)\n")
    assert roles(parse_notice(division, "jx.txt")) == [{"lead": ["各级减灾办"], "responsible": ["相关部门"]}]


def test_a_sub_header_is_no_section_row_and_drifting_units_stay_in_their_column() -> None:
    """A section row under the header (一 | 民生保障) is not taken for a second header row; a header repeated on the
    next page brings its second row again; a drifting row's units are never another units column's cell; clauses
    joined by commas are prose, not names."""
    from ingest.annex import _sub_header, _unit_like

    assert not _sub_header(["一", "民生保障", ""]) and not _sub_header(["(一)", "民生保障"])
    assert _sub_header(["投资", "形象进度", "%"])
    assert not _unit_like("打造示范区,建设先行区") and not _unit_like("覆盖全市,辐射全省")
    assert _unit_like("市某局,各县(区)政府、某园区管委会")
    text = ("序号 | 项目名称 | 建设内容 | 计划 | 完成 | 责任单位 | |\n"
            "投资 | 形象进度 | |\n"
            "1 | 甲工程 | 对全县教室照明进行护眼灯光提升改造 | 1800 | 建成 | 100 | 县教育局 | |\n"
            "序号 | 项目名称 | 建设内容 | 计划 | 完成 | 责任单位 | |\n"
            "投资 | 形象进度 | |\n"
            "2 | 乙工程 | 为全县敬老院加装电梯十台并投入使用 | 600 | 建成 | 100.0 | 县民政局 | |\n")
    n = parse_notice(text, "p.txt")
    assert [c.section for c in n.clauses if c.kind == "task"] == ["", ""]
    assert roles(n) == [{"responsible": ["县教育局"]}, {"responsible": ["县民政局"]}]
    two = ("序号 | 工作任务 | 牵头单位 | 配合单位 | 备注\n"
           "1 | 推进校舍改造工程建设并按期投入使用 | 县教育局牵头;各乡镇落实 | 县财政局 | 年底 | 无\n")
    assert roles(parse_notice(two, "q.txt"))[0].get("lead") != ["县财政局"]


def test_round_32_sentences_led_by_a_body_a_disclaimer_a_title_printing_its_issuer_and_participants() -> None:
    """A report's paragraph of sentences each opening "X牵头，负责…" is a list of tasks led by X (the roles are no words
    of the task); a site's copyright and disclaimer block after the text is no part of the notice; "X印发Y的通知"
    names its issuer as "X关于…" does; 参加 ("take part") names cooperating units."""
    report = ("发布时间:2016-12-02\n为确保全市安全生产形势稳定,集中开展专项整治行动。\n"
              "市安全监管局牵头,负责组织开展对危险化学品领域的专项整治工作。市公安局牵头,负责组织开展对道路交通领域的专项"
              "整治工作。市住房和城乡建设局牵头,负责组织开展对建筑施工领域的专项整治工作。\n"
              "某网版权与免责声明\n1、未经本网许可,任何人不得使用本网作品。\n2、本网转载的稿件不代表本网观点。\n")
    n = parse_notice(report, "k.txt")
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [c.text[:10] for c in tasks] == ["负责组织开展对危险化", "负责组织开展对道路交", "负责组织开展对建筑施"]
    assert roles(n) == [{"lead": ["市安全监管局"]}, {"lead": ["市公安局"]}, {"lead": ["市住房和城乡建设局"]}]
    assert n.document.title == "k.txt"  # the disclaimer's heading is no title
    from ingest.header import title_issuer

    assert title_issuer("某市人民政府办公室印发2010年市政府工作要点的通知") == "某市人民政府办公室"
    text = ("某市人民政府关于进一步做好就业创业工作的意见\n各县(市、区)人民政府,市政府各部门: 为做好就业创业工作,"
            "现提出以下意见: 一、深入实施就业优先战略 1.坚持就业优先发展战略。"
            "各级政府要把稳定和扩大就业作为优先选项予以充分考虑和评估,促进就业与产业转型升级的良性互动。"
            "(市发展改革委、市人力资源社会保障局牵头,市教育局、市财政局参加)")
    assert roles(parse_notice(text, "j.txt")) == [{"lead": ["市发展改革委", "市人力资源社会保障局"],
                                                  "cooperate": ["市教育局", "市财政局"]}]


def test_round_33_unlabelled_closing_duties_roles_inside_a_sentence_and_a_glued_signature() -> None:
    """Round 33's layouts. A paragraph's last sentence naming bodies and a verb, with no bracket or label ("…。A、B负责
    落实"), is its annotation and closes it, so the next paragraph is a task of its own; an item's roles printed
    after a comma inside its first sentence ("X,牵头部门:Y。remark") are its annotation, the remark stays its text;
    a newspaper's copy signed after a space at the end of the last line names the issuer; a field's value ends where
    the line's next label starts."""
    text = ("某市人民政府办公室关于做好政务公开工作的通知\n某政办〔2016〕9号\n各县区人民政府,市政府各部门:\n"
            "现提出如下要求。\n一、推进权力运行公开\n"
            "(一)推进行政决策公开。决策前公开决策草案。广泛听取公众意见。市政府办公室、各县(市)区政府负责落实\n"
            "进一步推进审计结果公开,及时发布审计公告。市审计局牵头落实\n")
    n = parse_notice(text, "a.txt")
    assert roles(n) == [{"responsible": ["市政府办公室", "各县(市)区政府"]}, {"lead": ["市审计局"]}]
    assert [c.text for c in n.clauses if c.kind == "task"][1] == "进一步推进审计结果公开,及时发布审计公告。"

    report = ("为推进民生工程,现将进度通报如下:\n一、部分项目进展情况\n"
              "1、农村道路畅通工程,牵头部门:市交通局。建设进度相对较慢的为甲县。\n"
              "2、棚户区改造,牵头部门:市住建委。新开工进度较慢的为开发区。 某某市民生办\n")
    n = parse_notice(report, "b.txt")
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert roles(n) == [{"lead": ["市交通局"]}, {"lead": ["市住建委"]}]
    assert tasks[0].text == "农村道路畅通工程。建设进度相对较慢的为甲县。"
    assert tasks[1].text == "棚户区改造。新开工进度较慢的为开发区。"  # the signature is no part of it
    assert n.document.issuer == "某某市民生办"

    listed = ("某市人民政府办公室关于印发重点工作任务的通知\n某政办发〔2008〕31号\n各镇人民政府,市府各部门:\n"
              "现印发给你们。\n一、突出工业转型升级\n1.加大招商引资力度。\n责任领导:张三;责任单位:外贸局、发改局;配合单位:民政局。\n")
    task = next(c for c in parse_notice(listed, "c.txt").clauses if c.kind == "task")
    assert task.fields["责任领导"] == "张三"
    assert roles(parse_notice(listed, "c.txt")) == [
        {"responsible": ["外贸局", "发改局"], "cooperate": ["民政局"]}]


def test_round_33_a_table_cell_over_several_numbered_lines_and_colonless_page_metadata() -> None:
    """A one-cell-per-line table whose last cell runs over numbered points ("1.…" "2.…") keeps them in that cell: a
    point is no row sharing the one above; a portal's metadata printed label, space, value (生成日期 2022-10-10) is
    no part of the title under it."""
    text = ("索引号 001/2022-1\n组配分类 市政府工作报告 发布机构 市政府办公室\n生成日期 2022-10-10 公开方式 主动公开\n"
            "2022年重点工作前三季度完成情况\n\n序号\n\n工作内容\n\n牵头单位\n\n三季度进展情况\n\n"
            "1\n\n一般公共预算收入增长7%。\n\n市财政局\n\n前三季度收入增长4.3%。\n\n"
            "2\n\n加强政府投资预算管理。\n\n市财政局\n\n1.下达预算资金1530万元。\n\n2.专项排查招投标情况。\n\n"
            "3\n\n推进国资国企改革。\n\n市国资委\n\n1.印发监督管理规则。\n\n2.完成办法起草。\n")
    n = parse_notice(text, "d.txt")
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [c.task_no for c in tasks] == [1, 2, 3]
    assert roles(n) == [{"lead": ["市财政局"]}, {"lead": ["市财政局"]}, {"lead": ["市国资委"]}]
    assert "专项排查" in tasks[1].fields["三季度进展情况"]
    assert n.document.title == "2022年重点工作前三季度完成情况"


def test_round_34_a_starred_lead_dropped_empty_cells_a_wrapped_header_and_a_dated_public_aside() -> None:
    """Round 34's layouts. In a one-cell-per-line table the unit marked with a star leads ("区政府办公室*、区财政局");
    a row whose empty cells the copy dropped is read from the right when its one units column is the last; a header
    cell wrapped onto two lines ("区本级" / "任务数") that no row fills is one column; a row one cell short whose units
    come a column early left out the cell after its words; "2024年2月4日(此件主动公开)" is the signing date."""
    text = ("2023年区政府工作报告重点工作责任分解\n发布日期:2023-03-22 来源:区府办\n\n序号\n\n重点工作\n\n"
            "区本级\n\n任务数\n\n责任单位\n\n1\n\n地区生产总值增长6.5%。\n\n\n区发改局\n\n2\n\n固定资产投资增长10.0%左右。\n\n5%\n\n区发改局\n\n"
            "3\n\n争取省市财政专项资金。\n\n9亿元\n\n区政府办公室*、区财政局\n\n4\n\n新增重大项目。\n\n190个\n\n区发改局\n")
    n = parse_notice(text, "e.txt")
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert roles(n) == [{"responsible": ["区发改局"]}, {"responsible": ["区发改局"]},
                        {"lead": ["区政府办公室"], "responsible": ["区政府办公室", "区财政局"]},
                        {"responsible": ["区发改局"]}]
    assert tasks[0].fields == {} and tasks[2].fields == {"区本级任务数": "9亿元"}

    shifted = ("2023年重点民生实事项目推进情况\n序号 |\n主要任务 |\n全年目标任务 |\n分管领导 |\n牵头单位 |\n"
               "协同单位 |\n推进情况 |\n是否达序 |\n说明 |\n1 |\n优化提升50条背街后巷交通组织。 |\n张三 |\n城管局 |\n"
               "市政局、相关街道 |\n"
               "已进场施工,完成60%。 |\n是 |\n||\n2 |\n新增达标小区210个。 |\n张三 |\n城管局 |\n环卫处 |\n"
               "建成38个厢房。 |\n否 |\n合同滞后了2个月。 |\n3 |\n建设中转站。 |\n李四 |\n城管局 |\n各街道 |\n"
               "已建成中转站7个。 |\n是 |\n||\n")
    n = parse_notice(shifted, "f.txt")
    assert roles(n) == [{"lead": ["城管局"], "cooperate": ["市政局", "相关街道"]},
                        {"lead": ["城管局"], "cooperate": ["环卫处"]}, {"lead": ["城管局"], "cooperate": ["各街道"]}]
    assert next(c for c in n.clauses if c.kind == "task").fields["分管领导"] == "张三"

    from ingest.header import date_of, is_date

    assert is_date("  2024年2月4日(此件主动公开)") and date_of("2024年2月4日（此件公开发布）") == "2024年2月4日"


def test_round_35_quoted_duties_a_number_after_the_title_and_a_first_sub_item_on_its_items_line() -> None:
    """Round 35's layouts. A report quoting the duties it names bodies for ("如县发改局负责的“…”") lists tasks; a
    mirror's title followed by its 文号 in brackets, and a site's line running the title, 文号 and date together,
    name the notice; an item's title sentence followed on its line by its first sub-item "(1)" is the heading over
    it; "牵头负责" leads; the metadata label 文件名称 names the title."""
    report = ("2024年第五次县政府常务会议确定事项落实情况的通报\n\n时间:2024-06-18 来源:某县人民政府办公室\n"
              "文件名称 2024年第五次县政府常务会议确定事项落实情况的通报\n"
              "公开责任部门 某县政府办公室 公开形式: 主动公开\n"
              "现通报如下。\n二、工作要求\n需要加快推进落实事项3件,如县发改局负责的“严格落实全县重点项目前期工作计划。”"
              "截至目前已完成30个;县自然资源局、县水利局负责的“紧盯国债项目6月底前开工。”\n")
    n = parse_notice(report, "g.txt")
    assert [c.text for c in n.clauses if c.kind == "task"] == ["严格落实全县重点项目前期工作计划。",
                                                               "紧盯国债项目6月底前开工。"]
    assert roles(n) == [{"responsible": ["县发改局"]}, {"responsible": ["县自然资源局", "县水利局"]}]
    assert n.document.title == "2024年第五次县政府常务会议确定事项落实情况的通报"

    mirror = ("某市人民政府关于创优营商环境的实施意见(某政〔2017〕101号)\n为优化营商环境,提出如下意见。\n"
              "一、持续减少审批事项\n1.深化商事制度改革。(1)全面落实“多证合一”改革。按照能整合的尽量整合的原则推进。(市工商质监局牵头负责)\n"
              "(2)完善企业登记全程电子化。推行网上申请。(市工商质监局牵头负责)\n")
    n = parse_notice(mirror, "h.txt")
    assert n.document.doc_number == "某政〔2017〕101号" and n.document.title == "某市人民政府关于创优营商环境的实施意见"
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [c.text[:6] for c in tasks] == ["全面落实“多", "完善企业登记"]
    assert roles(n) == [{"lead": ["市工商质监局"]}, {"lead": ["市工商质监局"]}]

    site = ("某部办公厅关于印发《某部2018年政务公开工作要点》的通知\n"
            "某部办公厅关于印发《某部2018年政务公开工作要点》的通知 某办〔2018〕19号 2018年6月8日 "
            "发布机关:某部办公厅 |\n"
            "部机关各司局:\n现印发给你们。\n某部办公厅\n2018年6月8日\n一、加强公开\n1.把公开透明作为基本要求。(办公厅牵头)\n")
    d = parse_notice(site, "i.txt").document
    assert d.doc_number == "某办〔2018〕19号"
    assert d.notice_title == "某部办公厅关于印发《某部2018年政务公开工作要点》的通知"


def test_the_round_rules_leave_ordinary_layouts_alone() -> None:
    """What a review of rounds 33–35 found the new rules could misread, read as before: a bracket's own labels after
    a comma; a line wrapped after "X牵头" and going on with ",Y配合。"; a table whose 备注 column every row leaves
    empty (its 目标 and 完成时限 are no one wrapped header); a unit in bold; a unit a flattened row prints last, after
    a space (no signature: it names no place); a 转发 title printing another notice's 文号 in its words."""
    text = ("某市人民政府办公室关于做好工作的通知\n某政办〔2016〕9号\n各县区人民政府:\n现提出如下要求。\n一、推进公开\n"
            "(一)推进重点工程。加快建设。市交通局牵头\n,市财政局配合。\n"
            "(二)加快建设（牵头单位：市发改委，配合单位：市财政局），确保年底前完成。\n")
    assert roles(parse_notice(text, "a.txt")) == [{"lead": ["市交通局"], "cooperate": ["市财政局"]},
                                                  {"lead": ["市发改委"], "cooperate": ["市财政局"]}]
    table = ("重点工作任务\n\n序号\n\n任务\n\n目标\n\n完成时限\n\n责任单位\n\n备注\n\n"
             "1\n\n推进园区建设。\n\n建成3个\n\n2024年底\n\n"
             "**县住建局**\n\n2\n\n改造老旧小区。\n\n完成10个\n\n2024年6月\n\n县住建局\n\n3\n\n加强管理。\n\n全覆盖\n\n"
             "2024年底\n\n县城管局\n")
    n = parse_notice(table, "b.txt")
    assert roles(n) == [{"responsible": ["县住建局"]}, {"responsible": ["县住建局"]}, {"responsible": ["县城管局"]}]
    assert next(c for c in n.clauses if c.kind == "task").fields == {"目标": "建成3个", "完成时限": "2024年底"}
    flat = "某县重点工作\n一、工业\n1.加快园区建设。新增规上企业20家。 县工信局\n"
    n = parse_notice(flat, "c.txt")
    assert n.document.issuer != "县工信局"

    from ingest.header import placed_signer

    assert placed_signer("某某市民生办") and not placed_signer("市工信局") and not placed_signer("区府办")


def test_round_36_spaced_labels_a_pages_orphan_notes_and_a_source_without_its_place() -> None:
    """Round 36's layouts. A label spaced out to a longer one's width ("责 任 人:") is the label; a page cut from its
    notice that opens on the notes of an item printed on the page before holds no task there; a page's 来源 naming
    its body without the place ("县农业农村局") is the body the title names in full."""
    page = ("责 任 人:王某\n责任单位:市工商局\n15、推进城乡环卫一体化,完成54条小街小巷整治。\n责 任 人:叶某\n"
            "责任单位:市建设规划局\n16、完成“康庄工程”建设,全市等级公路通村率达90%。\n责 任 人:李某、金某\n"
            "责任单位:市交通局、市水利局")
    n = parse_notice(page, "p2.txt")
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [(c.task_no, c.text[:6]) for c in tasks] == [(15, "推进城乡环卫"), (16, "完成“康庄工")]
    assert roles(n) == [{"responsible": ["市建设规划局"]}, {"responsible": ["市交通局", "市水利局"]}]
    assert [c.fields.get("责任人") for c in tasks] == ["叶某", "李某、金某"]

    catalogue = ("某某县农业农村局涉农补贴领域基层政务公开标准目录\n\n"
                 "发布日期:2022-12-01    浏览量:次    来源:县农业农村局\n为做好涉农补贴信息公开,制定本目录。\n")
    assert parse_notice(catalogue, "c.txt").document.issuer == "某某县农业农村局"



def test_round_37_circled_items_and_a_departments_rows_picked_from_a_longer_list() -> None:
    """Round 37's layouts. An item four levels deep is numbered ①, ② under "(1)" and is a task of its own; a
    department's report copying its rows of the government's list one cell per line skips numbers (6, then 52):
    each number followed by a task's words starts a row."""
    plan = ("一、工作任务\n(一)实施民生工程\n1.城乡居民增收工程\n(1)增加城镇居民收入\n"
            "①以就业促增收,增加城镇居民工资性收入。全面落实就业优先政策。"
            "(牵头部门:州人力资源和社会保障局;责任单位:各县市人民政府)\n"
            "②以创业促增收。支持返乡创业。(牵头部门:州农业农村局)\n")
    n = parse_notice(plan, "p.txt")
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [c.text[:6] for c in tasks] == ["以就业促增收", "以创业促增收"]
    assert roles(n) == [{"lead": ["州人力资源和社会保障局"], "responsible": ["各县市人民政府"]},
                        {"lead": ["州农业农村局"]}]

    report = ("某局2023年11月承担政府重点工作完成情况\n\n"
              "序号\n\n目标任务\n\n牵头责任单位\n\n计划完成时间\n\n目前完成情况\n\n"
              "6\n\n农村常住居民人均可支配收入与经济增长同步。\n\n经管站\n\n2023年底\n\n三季度绝对数16285元,增幅7.4%\n\n"
              "52\n\n建成高标准农田8.3万亩,确保粮食总产稳定在120万吨以上。\n\n农田建设管理股\n\n2023年底\n\n正在施工中,整体进度70%。\n\n"
              "53\n\n加快推动农业规模化经营,全县土地流转率达60%。\n\n经管站\n\n2023年底\n\n已累计完成改革试验面积31.7万亩。\n")
    n = parse_notice(report, "r.txt")
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [(c.task_no, c.text[:6]) for c in tasks] == [(6, "农村常住居民"), (52, "建成高标准农"), (53, "加快推动农业")]
    assert roles(n) == [{"lead": ["经管站"]}, {"lead": ["农田建设管理股"]}, {"lead": ["经管站"]}]


def test_round_38_people_answering_for_items_a_catalogues_date_and_a_unit_cell_that_is_no_title() -> None:
    """Round 38's layouts. A bureau's plan whose items close on the people answering for them ("(牵头责任人:X,
    具体责任人:A、B)") holds a task per item, the people its fields, never units; a disclosure catalogue's
    生成日期 is the notice's date; a progress table's unit cell printed on its own line is no title."""
    plan = ("某某县文旅局关于落实2021年重点工作任务的实施方案\n\n"
            "  • 生成日期:2021-03-22\n"
            "三、工作任务\n(一)加强图书馆建设,实施数字化升级改造。\n"
            "全年计划完成乡镇文化分馆8家。(牵头责任人:涂某,具体责任人:王某、张某)\n"
            "(二)启动旅游度假区建设。\n1.完善度假区服务配套设施。完善接待中心。(牵头责任人:徐某,具体责任人:严某)\n"
            "2.启动精准扶贫项目建设。完成土地征收。\n")
    n = parse_notice(plan, "p.txt")
    tasks = [c for c in n.clauses if c.kind == "task"]
    assert [c.text[:6] for c in tasks] == ["全年计划完成", "完善度假区服"]
    assert [c.units for c in tasks] == [(), ()]
    people = [(c.fields["牵头责任人"], c.fields["具体责任人"]) for c in tasks]
    assert people == [("涂某", "王某、张某"), ("徐某", "严某")]
    assert n.document.issued_on == "2021-03-22"
    # a bracket of one person's post is an aside, not an assignment
    aside = parse_notice("一、工作任务\n1.召开动员会议。(县长讲话)\n", "a.txt")
    assert not [c for c in aside.clauses if c.kind == "task"]

    from ingest.header import title_like

    assert not title_like("区教育局,各平台、镇街") and title_like("某区教育局关于做好教育惠民工作的通知")


def test_round_40_a_title_under_the_pages_metadata_a_title_wrapped_before_its_kind_and_no_district_in_a_verb() -> None:
    """Round 40's layouts. A page printing its 文号 only in its metadata list has the notice's title below that list,
    above the salutation (a "正文内容" label between them is the page's); a title opened with 关于 and wrapped before
    "…的通知" is one title; "现将区人民政府…" in a cover letter names no district 现将区."""
    page = ("• 索引号:0001/2024-1\n  • 文件编号:某政发〔2024〕4号\n  • 主题分类:区府办文件\n  • 成文日期:2024-02-07\n"
            "  • 政策原文:\n  • 政策解读:\n正文内容\n某某区人民政府办公室关于印发2024年重点工作责任分解的通知\n"
            "发布日期:2024-02-07 16:17 来源:区政府办公室\n\n各镇(乡)人民政府、街道办事处:\n"
            "现将《2024年重点工作责任分解》印发给你们。\n\n一、区长牵头重点工作\n1.地区生产总值增长6%左右。\n"
            "责任单位:区发改局\n")
    d = parse_notice(page, "p.txt").document
    assert d.doc_number == "某政发〔2024〕4号"
    assert d.notice_title == "某某区人民政府办公室关于印发2024年重点工作责任分解的通知"
    wrapped = ("某政办发〔2011〕15号\n\n关于印发区政府二〇一一年政府工作报告\n\n任务分解的通知\n\n"
               "各镇人民政府、街道办事处:现将区人民政府2011年工作任务及责任予以分解,请认真落实。\n\n"
               "一、主要预期目标\n1.城镇登记失业率控制在4%以内。(区劳动保障局)\n")
    n = parse_notice(wrapped, "w.txt")
    assert n.document.notice_title == "关于印发区政府二〇一一年政府工作报告任务分解的通知"

    from ingest.jurisdiction import scope_of_text

    assert scope_of_text("", "现将区人民政府2011年工作任务及责任予以分解", ["区劳动保障局"]).main is None


def test_round_41_a_pages_dateline_under_the_number_is_no_title() -> None:
    """Round 41: "2026年01月30日来源:市政府办公厅" printed under the 文号 is the page's dateline; the notice's title is
    the line above the 文号."""
    page = ("当前位置 :首页 > 政务公开 > 市政府文件\n某某市人民政府关于印发2026年重点工作分工方案的通知\n"
            "某政发〔2026〕1号\n"
            "2026年01月30日来源:市政府办公厅\n[字体: ] 打印\n\n各区人民政府,市政府各部门:\n"
            "现将《2026年重点工作分工方案》印发给你们。\n\n  某某市人民政府\n\n  2026年1月25日\n\n"
            "2026年重点工作分工方案\n\n一、重点工作\n1.稳定经济增长。\n牵头单位:市发展改革委\n")
    d = parse_notice(page, "p.txt").document
    assert d.notice_title == "某某市人民政府关于印发2026年重点工作分工方案的通知" and d.issued_on == "2026年1月25日"


def test_round_42_units_working_on_it_by_division_and_an_organ_of_each_place_listed() -> None:
    """Round 42: "(两市市委宣传部牵头,两市市委组织部、市委党校分工负责)" closes a task (分工负责: each by its share; a
    party school is a body); "海东市、兰州市、临夏州发展改革部门" is that department of each of the three places."""
    from ingest.text import split_units

    plan = ("一、弘扬传承红色文化\n1.组织开展红色文化论坛等系列活动。"
            "(两市市委宣传部牵头,两市市委组织部、文化和旅游局分工负责)\n"
            "2.将红色精神列入党校教学内容。(两市市委组织部、市委党校分工负责)\n")
    tasks = [c for c in parse_notice(plan, "p.txt").clauses if c.kind == "task"]
    assert [[(u.zh, u.role) for u in c.units] for c in tasks] == [
        [("两市市委宣传部", "lead"), ("两市市委组织部", "responsible"), ("文化和旅游局", "responsible")],
        [("两市市委组织部", "responsible"), ("市委党校", "responsible")]]
    assert split_units("海东市、兰州市、临夏州发展改革部门") == [
        "海东市发展改革部门", "兰州市发展改革部门", "临夏州发展改革部门"]
    assert split_units("苏州市、无锡市") == ["苏州市", "无锡市"]
    assert split_units("市发改委、市财政局") == ["市发改委", "市财政局"]
