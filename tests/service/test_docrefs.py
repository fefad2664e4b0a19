"""Which stored notices a question names: by 文号, by year, by title words, by place; several only when each is
named by words of its own."""

from __future__ import annotations

from index.analyzer import Analyzer
from ingest.models import Document
from service.answering.docrefs import DocumentRefs


def doc(number: str, title: str, issuer: str, issued_on: str, place: str = "", place_en: str = "") -> Document:
    return Document(number, title, title, issuer, issued_on, None, number, jurisdiction=place, jurisdiction_en=place_en)


def refs(*docs: Document) -> DocumentRefs:
    return DocumentRefs(list(docs), Analyzer())


def test_two_notices_each_named_by_words_of_its_own_are_both_named() -> None:
    r = refs(doc("甲发〔2022〕1号", "数字贸易发展行动方案", "甲市人民政府", "2022年3月2日"),
             doc("甲发〔2023〕2号", "服务业扩大开放综合试点工作实施方案", "甲市人民政府", "2023年6月3日"))
    found = r.find("跨境数据流动在2022年数字贸易方案和2023年服务业开放方案里分别由谁负责？")
    assert set(found.named) == {"甲发〔2022〕1号", "甲发〔2023〕2号"}


def test_notices_sharing_the_words_of_the_one_named_are_not_named_with_it() -> None:
    r = refs(doc("hz.txt", "2020年政府工作报告重点工作责任分解", "杭州市人民政府办公厅", "2020年5月20日", "杭州市",
                 "Hangzhou"),
             doc("ld.txt", "2023年莲都区政府工作报告重点工作责任分解", "莲都区人民政府办公室", "2023年3月1日", "莲都区",
                 "Liandu District"),
             doc("ls.txt", "市政府工作报告重点工作责任分解(2023年)", "丽水市政府", "2023年3月9日", "丽水市", "Lishui"))
    found = r.find("杭州市2020年政府工作报告重点工作责任分解中，如何确定牵头单位？")
    assert found.doc_numbers == ("hz.txt",) and found.named == ()


def test_which_banks_wants_a_named_bank_and_a_clause_naming_none_does_not_answer() -> None:
    from ingest.places import Gazetteer
    from service.answering.asks import asked_details, states_particular

    tags = Gazetteer(Analyzer().jieba).tags
    asks = asked_details("Which specific banks take part in the account pilot?", False, [])
    assert asks.particulars == ("named:银行",)
    assert not states_particular("named:银行", "支持银行探索创新真实性审核方式", "", tags)
    assert not states_particular("named:银行", "支持商业银行开展跨境业务", "", tags)  # a kind of bank
    assert states_particular("named:银行", "支持中国银行南京分行开展试点", "", tags)
    school = asked_details("支持中心设在南京哪所学校？", True, []).particulars
    assert school == ("named:学校",) and states_particular(school[0], "依托南京理工大学建设支持中心", "", tags)


def test_a_few_words_may_say_what_kind_of_one_is_wanted() -> None:
    from ingest.places import Gazetteer
    from service.answering.asks import asked_details, states_particular

    tags = Gazetteer(Analyzer().jieba).tags
    assert asked_details("Which foreign telecom operators run the VPN joint ventures?", False, []).particulars == (
        "named:运营商",)
    assert asked_details("试点由哪几家外资商业银行承担？", True, []).particulars == ("named:银行",)
    assert asked_details("哪个部门的企业服务做得好？", True, []).particulars == ()  # the asking is about a body
    assert not states_particular("named:运营商", "吸引海外电信运营商设立合资公司", "", tags)
    assert states_particular("named:运营商", "支持中国电信建设国际数据专用通道", "", tags)


def test_taking_charge_is_not_asking_for_a_charge() -> None:
    from service.answering.asks import asked_details

    assert asked_details("Can architects take overall charge of projects?", False, []).particulars == ()
    assert asked_details("Who is in charge of it?", False, []).particulars == ()
    assert asked_details("What charges apply to the data exchange?", False, []).particulars == ("费用",)


def test_which_companies_may_apply_asks_who_is_eligible_not_for_a_name() -> None:
    from service.answering.asks import asked_details

    assert "named:企业" not in asked_details("哪些企业可以申请研发补贴？", True, []).particulars
    assert "named:公司" not in asked_details("Which companies are eligible for the subsidy?", False, []).particulars
    assert "named:公司" in asked_details("Which company runs the data exchange?", False, []).particulars


def test_an_abbreviation_inside_a_word_of_the_question_names_no_notice() -> None:
    r = refs(doc("zr.txt", "2023年政府工作报告重点工作责任分解", "某区人民政府办公室", "2023年3月1日"),
             doc("sm.txt", "数字贸易发展行动方案", "甲市人民政府", "2022年3月2日"),
             doc("fw.txt", "服务业扩大开放综合试点工作实施方案", "甲市人民政府", "2023年6月3日"))
    # 责分 (责任分解) is inside 职责|分工: the question names no notice, and its words stay its topic.
    assert r.find("除牵头单位外还有哪些单位按职责分工负责？").doc_numbers == ()
    assert r.find("数贸方案由谁牵头？").doc_numbers == ("sm.txt",)  # 数贸 is a whole abbreviation


def test_a_role_set_aside_is_not_the_role_asked_for() -> None:
    from service.answering.lexicon import detect_role

    assert detect_role("除牵头单位外还有哪些单位按职责分工负责？", True) == "responsible"
    assert detect_role("Besides the lead unit, which departments are responsible?", False) == "responsible"
    assert detect_role("哪个单位牵头？", True) == "lead"


def test_a_place_named_again_by_its_bare_name_and_joined_function_characters_are_no_topic(
        hash_engine) -> None:  # type: ignore[no-untyped-def]
    u = hash_engine.answerer.understanding
    focus = {str(t) for p in u.understand("丽水市重点工作中，丽水机场通航保障由哪个部门牵头？").parts for t in p.focus}
    assert "丽水" not in focus and {"机场", "通航", "保障"} <= focus
    focus = {str(t) for p in u.understand("在应急预案演练中要推进什么形式的演练？").parts for t in p.focus}
    assert "中要" not in focus and "演练" in focus


def test_a_place_named_names_its_notice_over_another_notices_title_words() -> None:
    r = refs(doc("xl.txt", "2020年区政府重点工作责任分解", "下陆区政府办公室", "2020年6月28日", "下陆区",
                 "Xialu District"),
             doc("cd.txt", "2023年主要目标任务责任分解方案", "蔡甸区人民政府办公室", "2023年1月3日", "蔡甸区",
                 "Caidian District"),
             doc("hz.txt", "2020年政府工作报告重点工作责任分解", "杭州市人民政府办公厅", "2020年5月20日", "杭州市",
                 "Hangzhou"))
    assert r.find("蔡甸区的工作方案要报给区政府办公室吗？").doc_numbers == ("cd.txt",)


def test_a_place_a_stored_notice_is_issued_for_is_a_place_whatever_jieba_tags_it() -> None:
    from ingest.places import Gazetteer

    g = Gazetteer(Analyzer().jieba)
    assert [p.zh for p in g.find("滕州这份2023年重点任务里有几项？")] == []  # jieba takes 滕州 for a person's name
    g.know([("滕州市", "Tengzhou")])
    assert [p.zh for p in g.find("滕州这份2023年重点任务里有几项？")] == ["滕州"]
    assert [p.zh for p in g.find("滕州市人民政府办公室印发")] == []  # the first word of an organisation's name


def test_a_run_of_a_title_quoted_without_a_word_for_a_document_names_the_notice_quoting_most_of_it() -> None:
    r = refs(doc("鲁发〔2023〕5号", "山东省建设绿色低碳高质量发展先行区2023年重点工作任务", "山东省人民政府办公厅",
                 "2023年1月19日"),
             doc("滕发〔2023〕30号", "滕州市深化新旧动能转换推动绿色低碳高质量发展2023年重点任务",
                 "滕州市人民政府办公室", "2023年6月1日"),
             doc("甲发〔2022〕1号", "数字贸易发展行动方案", "甲市人民政府", "2022年3月2日"))
    q = "山东绿色低碳高质量发展先行区2023年重点任务里，全国重点实验室力争达到多少家？"
    found = r.find(q)
    assert found.doc_numbers == ("鲁发〔2023〕5号",) and found.named == ()
    assert any(q[a:b].startswith("绿色低碳高质量发展先行区") for a, b in found.spans)


def test_a_title_word_said_twice_names_the_notice_only_beside_the_word_for_a_document() -> None:
    from dataclasses import replace

    r = refs(replace(doc("甲发〔2022〕1号", "数字贸易发展行动方案", "甲市人民政府", "2022年3月2日"),
                     title_en="Digital Trade Development Action Plan"),
             replace(doc("甲发〔2023〕2号", "服务业扩大开放综合试点工作实施方案", "甲市人民政府", "2023年6月3日"),
                     title_en="Implementation Plan for the Comprehensive Pilot for Opening up the Services Sector"))
    q = "Does the digital trade plan say the city will seek the PBoC digital currency pilot?"
    found = r.find(q)
    assert found.doc_numbers == ("甲发〔2022〕1号",)
    blanked = {q[a:b].lower() for a, b in found.spans}
    assert q.lower().count("digital") == 2 and q.lower().index("digital currency") not in [a for a, _ in found.spans]
    assert "digital" in blanked


def test_the_matter_of_a_who_question_is_what_follows_its_last_de() -> None:
    from service.answering.terms import Term
    from service.answering.understand import _head_terms

    focus = [Term("实验室", zh=("实验室",)), Term("专项资金", zh=("专项资金",)), Term("拨付", zh=("拨付",))]
    assert [t.surface for t in _head_terms("新建省实验室的专项资金由哪个部门负责拨付？", focus)] == ["专项资金"]
    # …的省级指导部门: what follows 的 is the body asked for, not a matter
    assert _head_terms("国家中医药服务出口基地建设的省级指导部门有哪些？", [Term("建设", zh=("建设",))]) == []
    assert _head_terms("外籍人才创业工作许可由哪个部门牵头？", focus) == []


def test_a_notice_called_by_its_serial_number_alone() -> None:
    """"51号文", "document No. 13": the one stored notice with that number; a number two notices share names neither."""
    r = refs(doc("甲委办发〔2022〕13号", "数字贸易发展行动方案", "甲市委办公厅", "2022年3月2日"),
             doc("甲政发〔2023〕51号", "服务业扩大开放综合试点工作实施方案", "甲市人民政府", "2023年6月3日"),
             doc("乙政发〔2023〕7号", "重点工作分解", "乙市人民政府", "2023年1月3日"),
             doc("丙政发〔2021〕7号", "重点任务清单", "丙市人民政府", "2021年1月3日"))
    question = "外资企业权益受损，51号文有没有投诉渠道？"
    found = r.find(question)
    assert found.doc_numbers == ("甲政发〔2023〕51号",) and "51号文" in "".join(question[a:b] for a, b in found.spans)
    assert r.find("What does document No. 13 say about data trading?").doc_numbers == ("甲委办发〔2022〕13号",)
    assert r.find("7号文里谁牵头？").doc_numbers == ()
    assert r.find("完成任务51项").doc_numbers == ()


def test_a_serial_number_inside_a_printed_number_or_a_word_names_no_notice() -> None:
    r = refs(doc("甲政发〔2023〕51号", "服务业扩大开放综合试点工作实施方案", "甲市人民政府", "2023年6月3日"),
             doc("乙政发〔2023〕3号", "重点工作分解", "乙市人民政府", "2023年1月3日"))
    assert r.find("国发〔2020〕51号文讲了什么？").doc_numbers == ()
    assert r.find("住在3号文化路的企业怎么办？").doc_numbers == ()


def test_a_place_named_outweighs_however_many_words_another_title_shares() -> None:
    # A title opening with the bare 县人民政府办公室 shares most words of the question; the place names the notice.
    r = refs(doc("嘉政办发〔2021〕5号", "县人民政府办公室关于对县《政府工作报告》确定的2021年重点工作责任分解的通知",
                 "县人民政府办公室", "2021年5月12日"),
             doc("长政办发〔2023〕7号", "2023年政府工作报告重点工作责任分解", "长兴县人民政府办公室", "2023年2月24日",
                 "长兴县", "Changxing County"))
    found = r.find("长兴县人民政府办公室这份印发2023年重点工作责任分解的通知,落款日期是哪天?")
    assert found.doc_numbers == ("长政办发〔2023〕7号",)
    # … but a 文号 printed in the question still names its notice wherever the question says it is from
    assert "嘉政办发〔2021〕5号" in r.find("长兴县的干部问：嘉政办发〔2021〕5号这份通知是哪天印发的？").doc_numbers


def test_a_province_saying_where_a_smaller_place_is_names_no_notice_of_its_own() -> None:
    r = refs(doc("甲政发〔2018〕26号", "省人民政府关于进一步优化营商环境的若干意见", "省人民政府", "2018年5月1日",
                 "湖北省", "Hubei"),
             doc("fang.txt", "房县2023年降成本优化营商环境若干措施", "", ""))
    assert r.find("In Fang County's (Hubei) 2023 measures to optimise the business environment, who leads?")\
        .doc_numbers != ("甲政发〔2018〕26号",)
    assert r.find("湖北房县2023年优化营商环境措施里由谁牵头？").doc_numbers != ("甲政发〔2018〕26号",)
    assert r.find("湖北省优化营商环境的若干意见由谁印发？").doc_numbers == ("甲政发〔2018〕26号",)


def test_a_salutation_follows_the_title_as_the_notice_prints_it_not_the_pages_breadcrumb() -> None:
    from service.answering.handlers.document import addressees

    title = "甲市卫生健康委关于印发2030年全市卫生健康工作要点的通知"
    text = (f"当前位置: 首页 >政务公开 >本局文件{title} • 时间:2030-05-04 08:58:16 • 发布:甲市卫生健康委"
            f"甲卫健发〔2030〕1号{title}各区县卫生健康局(新区社发中心),委属各单位,委机关各处室: 现将要点下发。")
    assert addressees(text, (title,)) == "各区县卫生健康局(新区社发中心),委属各单位,委机关各处室"


def test_an_english_place_name_is_a_whole_word_not_the_end_of_a_longer_one() -> None:
    r = refs(doc("洋政发〔2024〕8号", "洋县2024年十大民生实事项目", "洋县人民政府", "2024年3月1日", "洋县",
                 "Yang County"),
             doc("lueyang.txt", "文化旅游工作任务表", "", ""))
    assert "洋政发〔2024〕8号" not in r.find("In Lueyang County's culture and tourism work task table, who leads?")\
        .doc_numbers
    assert r.find("In Yang County's 2024 livelihood projects plan, who leads the school sports grounds?")\
        .doc_numbers == ("洋政发〔2024〕8号",)
