"""Answering over notices from other issuers, printed without English renderings, stored beside the bundled ones:
English questions reach them, document questions find the notice their words describe (or none), bodies named in
a clause's text answer "who", a year may be the notice's own, and citations quote the printed annotation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eval.metrics import english_enough
from tests.conftest import NOTICES, ask, build_store_and_index

pytestmark = pytest.mark.model
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "notices"
OTHERS = ("gov-gbf-2018-123.html", "gov-gbf-1996-25.html", "dg-dongfu-2021-54-gb18030.txt", "ld-zrfj-2023.txt",
          "ls-lilizhengfa-2023-2.docx", "gd-yuefuban-2023-5-reprint.txt", "gbf-2020-43-reprint.txt",
          "cd-caizhengban-2023-1.txt", "bzqc-zrfj-2025.txt", "hsx-kaifaqu-zrqd-2025.txt", "ha-yuzheng-2023-5-flat.txt",
          "ha-shishi-xize-2022.txt", "cq-yuzhong-2023-fenjie.txt", "bj-zwgk-fengong-2016.txt",
          "bj-zwgk-yaodian-2017.txt", "yc-xiangcun-2026.txt", "tj-shiyiwu-fengong.txt", "tc-tongzhengbanfa-2020-14.txt",
          "sz-sufu-2011-57.txt", "dz-minsheng-shishi-2016.txt", "sd-luzhengbanzi-2023-5-zh-hant.txt",
          "qd-qingzhengfa-2019-1.txt", "wx-xizhengfa-2011-21.txt", "sz-minxin-shixiang-p5.txt", "lz-duijie-fgw-p4.txt",
          "qp-zhongdian-ducha-2008.txt", "yn-wenzengzhang-2017.txt", "hlj-wenzengzhang-zh-hant.txt",
          "pds-pingzhengban-2013-11.txt", "gd-yuefu-2021-22.txt", "zz-liangshi-zeren-zh-hant.txt",
          "js-shiyiwu-fengong-p2.txt", "cc-changfubanfa-2012-19.txt", "cz-zhongdian-zrfj-2020.txt",
          "gz-suifuban-2006-19.txt", "xy-fangguanfu-2022-zh-hant.txt", "linan-minsheng-shishi-2022.txt",
          "sq-wuxin-chengnuo-2024.txt", "jn-gangcheng-fangguanfu-2021.txt", "wh-jiaoyuju-yaodian-2024.txt",
          "yangxian-yangzhengfa-2024-8-zh-hant.txt", "hengnan-gongkaibanhan-2021-3-zh-hant.txt",
          "nb-minsheng-shishi-2014.txt", "wuhan-shengbaogao-fenjie-2018.txt", "shaanxi-gzbg-fengong-2015-news.txt",
          "haiyan-zrfj-2022.txt", "lishan-zrfj-2023.txt", "gbh-2014-31-zh-hant.txt",
          "xiangxi-zhouzhengfa-2020-5-pinyin-zh-hant.txt", "jy-jiazhengbanfa-2021-5.txt",
          "wucheng-gaozhiliang-2025-news.txt", "hn-yiqing-tizhen-2022-zh-hant.txt", "sjz-shizhengbanhan-2020-28.txt",
          "yl-jiangtan-fangan-2024.txt", "xuchang-xuzheng-2020-20.txt", "xianan-zrfj-2023.txt",
          "hubei-ezhengfa-2018-26-zh-hant.txt", "fangxian-yingshang-2023.txt", "guichi-shian-yaodian-2020.txt",
          "shapingba-gzbg-mubiao-2022.txt", "jx-jishui-minsheng-shishi.txt", "zj-shengsi-xczx-2021.txt",
          "hb-jianli-zdgz-2022.txt", "lueyang-wenlv-2019-table.txt", "jx-poyuwandu-fengong-2017.txt",
          "jiaxing-jiazhengbanfa-2022-23.txt", "gx-anzhifang-2008-p2.txt", "qinxian-renwu-qingdan-2025.txt",
          "fj-minzhengban-2011-113.txt", "maanshan-minying-xize-2021.txt", "bengbu-minying-shishi-2021.txt",
          "deqing-zwgk-yaodian-2022.txt", "yingkou-yingzhengban-2016-95.txt",
          "luan-minsheng-gongcheng-2017-news-gb18030.txt", "chizhou-chizheng-2017-101-mirror.txt",
          "ziyang-changwuhui-ducha-2024.txt", "chongchuan-minsheng-jindu-2023-rows.txt", "taizhou-zerenren-p2.txt",
          "xianning-mubiao-fenjie-2024-wlj.txt", "huaiyuan-nongyeju-jindu-2023-11.txt",
          "huarong-wenlvju-zhongdian-2021.txt", "fengyang-zhaijidi-guagou-zhengqiu.txt",
          "zhenhai-zhengbanfa-2011-15.txt", "haishu-zrfj-2024.txt", "xinmi-zhengban-2021-6.txt",
          "shenyang-zhongdian-fengong-2026.txt", "heilongjiang-zerenfengong-2013.txt")


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from service.engine import load_engine

    notices = tmp_path_factory.mktemp("notices")
    for f in NOTICES.iterdir():
        if f.is_file():
            shutil.copy(f, notices / f.name)
    for name in OTHERS:
        shutil.copy(FIXTURES / name, notices / name)
    settings = build_store_and_index(tmp_path_factory.mktemp("others") / "var", "e5-small-q4", notices)
    return load_engine(settings)


def _ask(engine, question: str):  # type: ignore[no-untyped-def]
    return ask(engine.answerer, question)


def test_a_body_named_in_the_text_answers_who(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "谁是全国政务新媒体工作的主管单位？")
    assert not r.abstained and r.citations[0].doc_number == "国办发〔2018〕123号"
    assert "国务院办公厅" in [u.zh for u in r.units]


def test_a_body_named_in_the_text_is_named_in_english_where_the_registry_knows_it(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "Who is the competent body for government new media work nationwide?")
    assert not r.abstained and "State Council General Office (国务院办公厅)" in r.answer, r.answer
    assert [u.en for u in r.units if u.zh == "国务院办公厅"] == ["State Council General Office"]


def test_an_english_question_reaches_a_notice_printed_only_in_chinese(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "Who is responsible for the technical handling of abandoned chemical weapons found so far?")
    assert not r.abstained and r.citations[0].doc_number == "国办发〔1996〕25号", r.answer
    assert r.lang == "en" and "军队各级防化业务部门" in [u.zh for u in r.units]


def test_a_document_question_finds_the_notice_its_words_describe(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "What is the document number and signing date of the opinion on government new media?")
    assert not r.abstained and "国办发〔2018〕123号" in r.answer and "December 7, 2018" in r.answer
    assert [u.zh for u in r.units if u.role == "issuer"] == ["国务院办公厅"]


@pytest.mark.parametrize("question", ["What is the document number of the Shanghai free trade zone plan?",
                                      "上海自贸区总体方案的文号是什么？"])
def test_a_document_question_about_a_notice_not_stored_is_refused(engine, question: str) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, question)
    assert r.abstained and not r.citations, r.answer


def test_a_year_printed_in_the_notices_own_number_or_date_holds(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "1996年的通知中，日军遗弃化学武器的技术处理由谁负责？")
    assert not r.abstained and r.citations[0].doc_number == "国办发〔1996〕25号", r.answer


def test_a_body_task_citation_quotes_its_printed_annotation(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "残疾人就业保障金的措施由哪些部门负责？")
    assert not r.abstained and r.citations[0].doc_number == "东府〔2021〕54号"
    assert r.citations[0].quote.endswith("负责）") or r.citations[0].quote.endswith("负责)")


def test_a_second_document_question_is_about_the_same_notice(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "国办发〔1996〕25号由哪些机关联合发出？落款日期是什么？")
    assert not r.abstained and "一九九六年六月二十九日" in r.answer
    assert {c.doc_number for c in r.citations} == {"国办发〔1996〕25号"}
    assert [u.zh for u in r.units if u.role == "issuer"] == ["国务院办公厅", "中央军委办公厅"]
    # The date and the issuers are printed in the signature block: it is cited, so the asker can check them there.
    assert any("一九九六年六月二十九日" in c.quote for c in r.citations[:3]), [c.quote[:40] for c in r.citations]


def test_an_english_answer_says_what_a_notice_without_an_english_title_is(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "What document number is printed on the Dongguan employment opinion?")
    assert not r.abstained and "东府〔2021〕54号" in r.answer, r.answer
    assert "the Dongguan implementing opinions" in r.answer and "(no English title)" in r.answer
    assert english_enough(r.answer), r.answer


def test_words_that_name_a_notice_choose_it_rather_than_narrow_its_tasks(engine) -> None:  # type: ignore[no-untyped-def]
    # 政府工作报告 is in the Liandu notice's title (and Haishu's), in none of their tasks: it says which notices, not
    # which tasks.
    r = _ask(engine, "区发改局在政府工作报告重点工作责任分解中牵头哪些任务？")
    assert not r.abstained and r.intent == "agency_tasks", r.answer
    cited = {c.doc_number for c in r.citations}
    assert cited and cited <= {"ld-zrfj-2023.txt", "海政发〔2024〕4号"}, r.answer


def test_a_place_named_in_an_english_question_searches_that_places_notices(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "Which Dongguan bodies are in charge of the employment security fund for the disabled?")
    assert not r.abstained and (r.citations[0].doc_number, r.citations[0].task_no) == ("东府〔2021〕54号", 2), r.answer
    assert "市残联" in [u.zh for u in r.units]


def test_a_name_two_districts_print_means_the_one_of_the_notice_or_place_asked_about(
        engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "立山区的区发改局牵头哪些任务？")
    assert not r.abstained and {c.doc_number for c in r.citations} == {"鞍立政发〔2023〕2号"}, r.answer
    r = _ask(engine, "For which 2023 targets is 区发改局 the lead unit in the Lishan district plan?")
    assert r.intent == "agency_tasks" and [c.task_no for c in r.citations] == [1, 3, 6], r.answer
    assert "Lishan District Development and Reform Bureau" in r.answer
    assert "[fixed-asset investment" in r.answer  # a Chinese-only task's glossary terms first, in English beside it
    r = _ask(engine, "莲都区的区发改局牵头哪些任务？")
    assert not r.abstained and {c.doc_number for c in r.citations} == {"ld-zrfj-2023.txt"}, r.answer


def test_a_cover_letters_sentences_answer_too(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "实施过程中遇到问题应径向哪个部门反映？")
    assert not r.abstained and r.citations[0].doc_number == "粤府办〔2023〕5号", r.answer
    assert r.citations[0].section == "印发通知" and "省发展改革委" in r.answer


def test_the_level_word_after_a_places_english_name_is_the_place_not_the_topic(engine) -> None:  # type: ignore[no-untyped-def]
    question = "Under Dongguan city's opinion, who handles the employment security fund for the disabled?"
    part = engine.answerer.understanding.understand(question).parts[0]
    assert [p.text for p in part.constraints.places] == ["Dongguan"]
    assert not any("city" in t.surface.lower() for t in part.focus), [t.surface for t in part.focus]


def test_an_english_answer_over_chinese_shows_the_askers_words_in_the_quote(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "Until when does Dongguan apply the temporary 50% cut in work-injury insurance rates?")
    assert not r.abstained and (r.citations[0].doc_number, r.citations[0].task_no) == ("东府〔2021〕54号", 1), r.answer
    assert "2022年4月30日" in r.answer  # the sentence printing the quoted 50%, not the earlier cut's end
    assert "工伤保险 = work-injury insurance" in r.answer, r.answer


def test_a_part_that_points_back_is_about_the_previous_parts_matter(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "政务新媒体的工作目标定在哪一年？届时要形成什么格局？")
    assert not r.abstained and "2022" in r.answer, r.answer
    assert {c.doc_number for c in r.citations} == {"国办发〔2018〕123号"}, r.answer  # both parts, one notice


def test_a_sentence_that_points_back_is_read_with_the_one_before_it(engine) -> None:  # type: ignore[no-untyped-def]
    # "因此，这项工作由外交部和总参谋部统一归口管理": its matter (abandoned chemical weapons) is the sentence before.
    r = _ask(engine, "国办发〔1996〕25号中，遗弃化学武器问题由哪些部门统一归口管理？")
    assert not r.abstained and {"外交部", "总参谋部"} <= {u.zh for u in r.units}, r.answer
    r = _ask(engine, "Under 国办发〔1996〕25号, which bodies centrally manage the work on abandoned chemical weapons?")
    assert not r.abstained and {"外交部", "总参谋部"} <= {u.zh for u in r.units}, r.answer
    assert "归口管理" in r.answer  # the sentence naming them is the quote


def test_a_task_asked_for_by_its_printed_number_under_a_heading(engine) -> None:  # type: ignore[no-untyped-def]
    # The reprint numbers its second task "1." under a heading: "measure 1 on …" is that one, told by its words.
    r = _ask(engine, "In the task-division plan, who leads measure 1 on summarising the experience of channelling "
                     "fiscal funds directly to the grassroots?")
    assert not r.abstained and (r.citations[0].doc_number, r.citations[0].task_no) == ("gbf-2020-43-reprint.txt", 2)
    assert [u.zh for u in r.units if u.role == "lead"] == ["财政部"], r.answer


def test_a_kind_of_document_named_in_full_is_where_to_look_not_the_topic(
        engine) -> None:  # type: ignore[no-untyped-def]
    understand = engine.answerer.understanding.understand
    part = understand("In the implementing opinions, who handles the disabled fund?").parts[0]
    assert part.answer_type == "agency" and not any("opinion" in t.surface for t in part.focus)
    doc = understand("When was the task-division plan signed?").parts[0]
    assert doc.answer_type == "document" and any("task-division" in t.surface for t in doc.focus)


def test_who_leads_a_target_the_table_does_not_set_is_not_answered_from_another_target(engine) -> None:  # type: ignore[no-untyped-def]
    """Two things asked about ("foreign trade", "imports and exports") that no clause holds: a row sharing only
    "growth target" with the question is another target, not the answer."""
    r = _ask(engine, "Which bureau leads Qiaocheng's 2025 growth target for foreign trade imports and exports?")
    assert r.abstained, r.answer
    r = _ask(engine, "Which bureau leads Qiaocheng's 2025 growth target for retail sales of consumer goods?")
    assert not r.abstained and "区商务局" in [u.zh for u in r.units if u.role == "lead"], r.answer


def test_by_when_asks_for_a_date_and_is_not_a_word_the_clause_must_print(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "蔡甸区的责任单位最迟哪天要把工作方案报区政府办公室？")
    assert not r.abstained and "2023年1月15日" in r.answer, r.answer


def test_a_hyphenated_phrase_is_looked_up_whole_and_a_tasks_deadline_column_is_given(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "Which units handle the development zone's through-train service for key projects, and by when?")
    assert not r.abstained and r.citations[0].doc_number == "hsx-kaifaqu-zrqd-2025.txt", r.answer
    assert {"招商工作部", "安商工作部"} <= {u.zh for u in r.units} and "Deadline (完成时限): 全年." in r.answer


def test_which_month_asks_for_a_date_and_a_target_without_one_does_not_answer(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "谯城区社会消费品零售总额增长目标要在哪个月底前完成？")
    assert r.abstained, r.answer


def test_which_of_a_notices_measures_an_agency_has_is_a_list_in_english(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "Which of Henan's 2023 tasks name 省商务厅?")
    assert not r.abstained and r.intent == "agency_tasks", r.answer
    assert len(r.citations) >= 2 and english_enough(r.answer), r.answer


def test_the_notice_a_reverse_lookup_names_by_its_title_words_is_where_to_look(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "淮安这份稳定经济增长的实施细则中，市工信局被列为哪些措施的责任单位？")
    assert not r.abstained and r.intent == "agency_tasks", r.answer
    assert {(c.doc_number, c.task_no) for c in r.citations} == {("ha-shishi-xize-2022.txt", 1),
                                                                 ("ha-shishi-xize-2022.txt", 2)}


def test_a_value_asked_of_the_task_an_agency_leads_needs_that_agency_on_the_task(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "谯城区区发改委牵头的地区生产总值增长目标是多少？")
    assert not r.abstained and "6.5%" in r.answer, r.answer
    r = _ask(engine, "谯城区区商务局牵头的地区生产总值增长目标是多少？")  # 区商务局 leads retail sales, not GDP
    assert r.abstained, r.answer


def test_a_thing_the_notice_prints_apart_from_any_task_is_not_answered_by_a_task_sharing_its_last_word(
        engine) -> None:  # type: ignore[no-untyped-def]
    # The news copy lists 城镇居民人均可支配收入 among its targets but assigns it to no unit here; the task on
    # 一般公共预算收入 shares 收入 and 增长 and ranks first. Its units are not the answer.
    r = _ask(engine, "渝中区城镇居民人均可支配收入要增长多少，哪个单位牵头？")
    assert r.abstained, r.answer
    r = _ask(engine, "渝中区一般公共预算收入增长目标由哪个单位牵头？")
    assert not r.abstained and "区财政局" in [u.zh for u in r.units if u.role == "lead"], r.answer


def test_a_tasks_deadline_field_answers_when_it_is_due(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "实行重大行政决策预公开制度要在什么时候之前完成？")
    assert not r.abstained and (r.citations[0].doc_number, r.citations[0].task_no) == ("bj-zwgk-fengong-2016.txt", 3)
    assert "2017年底" in r.answer, r.answer


def test_the_task_naming_the_compound_asked_about_is_preferred(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "Which unit leads the fixed-asset investment target in Yuzhong District's 2023 breakdown?")
    assert not r.abstained and (r.citations[0].doc_number, r.citations[0].task_no) == ("cq-yuzhong-2023-fenjie.txt", 3)
    assert "区发改委" in [u.zh for u in r.units if u.role == "lead"], r.answer


def test_words_of_the_notices_title_name_the_notice_not_the_matter(engine) -> None:  # type: ignore[no-untyped-def]
    # "key points" is 工作要点, in the notice's title and in none of its tasks.
    r = _ask(engine, "Under Beijing's 2017 open-government key points, how often are press conferences on the economy "
                     "to be held?")
    assert not r.abstained and r.citations[0].doc_number == "bj-zwgk-yaodian-2017.txt", r.answer
    assert "每季度" in r.answer, r.answer
    r = _ask(engine, "What does the Beijing statistics bureau have to do under the city's 2017 key points?")
    assert not r.abstained and r.citations[0].doc_number == "bj-zwgk-yaodian-2017.txt", r.answer
    assert "1 task:" in r.answer, r.answer


def test_a_township_no_notice_prints_is_refused_not_answered_from_its_namesake_project(
        engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "Which units are responsible for the Luoke township canal project in Yecheng?")
    assert not r.abstained and r.citations[0].doc_number == "yc-xiangcun-2026.txt", r.answer
    assert "洛克乡" in [u.zh for u in r.units] and "Luoke Township (洛克乡)" in r.answer, r.answer
    r = _ask(engine, "Which units are responsible for the Bulake township canal project in Yecheng?")
    assert r.abstained and r.reason == "place", r.answer


def test_a_later_part_pointing_back_asks_about_the_earlier_parts_matter(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "How much is Tianjin's total emission of major pollutants to be cut, and who leads that target?")
    assert not r.abstained and {(c.doc_number, c.task_no) for c in r.citations} == {("tj-shiyiwu-fengong.txt", 5)}
    assert "市环保局" in [u.zh for u in r.units] and "10%" in r.answer, r.answer


def test_a_glossary_terms_other_printed_form_names_the_notice(engine) -> None:  # type: ignore[no-untyped-def]
    # 十一五 is printed as 第十一个五年规划 in the opening of a copy with no title.
    r = _ask(engine, "天津市经委在十一五分工中牵头哪些任务？")
    assert not r.abstained and [(c.doc_number, c.task_no) for c in r.citations] == [
        ("tj-shiyiwu-fengong.txt", 2), ("tj-shiyiwu-fengong.txt", 3)], r.answer


def test_a_district_named_in_english_is_the_stored_notices_place(engine) -> None:  # type: ignore[no-untyped-def]
    # No place-name table lists 渝中; the stored notice issued for it gives its English name. Caidian's notice
    # states a GDP target too: it is not Yuzhong's.
    r = _ask(engine, "What is Yuzhong's GDP growth target for 2023?")
    assert not r.abstained and r.citations[0].doc_number == "cq-yuzhong-2023-fenjie.txt", r.answer
    assert "5%" in r.answer, r.answer


def test_a_question_for_the_official_in_charge_needs_one_named(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "叶城县宗朗乡种植业基地配套建设项目由哪位县领导负责？")
    assert not r.abstained and (r.citations[0].doc_number, r.citations[0].task_no) == ("yc-xiangcun-2026.txt", 2)
    assert "阿布力肯" in r.answer, r.answer
    # Tianjin's targets name the bureaus that lead them, no official: the bureaus are not the answer.
    r = _ask(engine, "Which city leader is in charge of Tianjin's target for cutting water use per unit of industrial "
                     "value added?")
    assert r.abstained, r.answer


def test_a_name_one_city_prints_and_another_uses_as_an_alias_means_the_named_citys(engine) -> None:  # type: ignore[no-untyped-def]
    # 市发展改革委 is an alias of a curated city's 市发改委 and the printed name of Tongchuan's: the question names
    # Tongchuan.
    r = _ask(engine, "铜川2020年这份分工意见里，市发展改革委要对哪几项年度指标负责？")
    assert not r.abstained and r.intent == "agency_tasks"
    assert {(c.doc_number, c.task_no) for c in r.citations} == {("铜政办发〔2020〕14号", n) for n in (1, 3, 9, 10)}


def test_a_stored_places_english_name_beats_a_namesake(engine) -> None:  # type: ignore[no-untyped-def]
    # "Tongchuan" is 潼川 in the place tables, 铜川 in the stored notice; "which bureau answers for it" points back.
    r = _ask(engine, "What ceiling did Tongchuan set for its surveyed urban unemployment rate in 2020, and which "
                     "bureau answers for it?")
    assert not r.abstained and r.citations[0].doc_number == "铜政办发〔2020〕14号" and r.citations[0].task_no == 8
    assert "5%" in r.answer and "市人社局" in [u.zh for u in r.units]


def test_an_informal_english_name_placed_by_a_possessive(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "Which of Suzhou's 2011 headline targets list the municipal commerce bureau as a responsible "
                     "unit?")
    assert r.intent == "agency_tasks" and english_enough(r.answer)
    assert {(c.doc_number, c.task_no) for c in r.citations} == {("苏府〔2011〕57号", n) for n in (6, 7, 8)}


def test_a_count_and_who_owns_that_target(engine) -> None:  # type: ignore[no-untyped-def]
    # "households" is counted in 户; "which bureau owns that target" points back to the part before it.
    r = _ask(engine, "How many households does Dazhu plan to cover with shanty-town renovation in 2016, and which "
                     "bureau owns that target?")
    assert not r.abstained and {(c.doc_number, c.task_no) for c in r.citations} == {("竹府办〔2016〕20号", 9)}
    assert "2836" in r.answer and "县住建局" in [u.zh for u in r.units]


def test_a_value_answer_gives_the_tables_other_columns_and_a_when_part_asks_of_the_same_task(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "大竹县今年打算建几座人行天桥？时间要求是什么，谁负责？")
    assert {(c.doc_number, c.task_no) for c in r.citations} == {("竹府办〔2016〕20号", 2)}
    assert "完成时限：9月投入使用" in r.answer and "县住建局" in r.answer


def test_a_reverse_lookup_in_a_notice_named_by_a_run_of_its_title(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "大竹县2016年民生实事里，县代建中心参与了哪几个项目？")
    assert r.intent == "agency_tasks"
    assert {(c.doc_number, c.task_no) for c in r.citations} == {("竹府办〔2016〕20号", n) for n in (3, 6, 8)}
    r = _ask(engine, "山东绿色低碳高质量发展先行区2023年重点任务里，全国重点实验室力争达到多少家？牵头的是哪个部门？")
    assert not r.abstained and [(c.doc_number, c.task_no) for c in r.citations] == [("鲁政办字〔2023〕5号", 2)]
    assert "25家" in r.answer and "省科技厅" in r.answer


def test_who_handles_a_matter_the_task_does_not_hold_is_refused(engine) -> None:  # type: ignore[no-untyped-def]
    # The labs task holds 实验室 and 重点, not the special funds asked about (专项资金 after 的).
    r = _ask(engine, "山东2023年重点工作任务里，新建省实验室的专项资金由哪个部门负责拨付？")
    assert r.abstained, r.answer


@pytest.mark.parametrize(("question", "task"), [
    ("Who is responsible for building the 100 standardized canteens in Qingdao's 2019 projects?", 4),
    ("Who is responsible for building the 300 new canteens in Qingdao's 2019 projects?", None),
    ("青岛2019年实事里,新建200所标准化食堂由哪些单位负责?", None),
])
def test_a_quantity_the_question_names_must_be_the_clauses(engine, question: str, task: int | None) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, question)
    if task is None:
        assert r.abstained, r.answer
    else:
        assert not r.abstained and (r.citations[0].doc_number, r.citations[0].task_no) == ("青政发〔2019〕1号", task)


def test_which_practical_project_an_agency_has_is_a_reverse_lookup(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "青政发〔2019〕1号里,市住房城乡建设局负责的是哪一项实事?")
    assert r.intent == "agency_tasks" and [(c.doc_number, c.task_no) for c in r.citations] == [("青政发〔2019〕1号", 3)]


def test_a_units_short_name_in_a_list_is_the_agency_the_list_names_in_full(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "锡政发[2011]21号里,市经信委负责哪几项任务?")
    assert {c.task_no for c in r.citations} == {2, 3}  # task 3 prints "(市环保局、发改委、经信委)"
    assert "市经信委" in {u.zh for u in r.units}


def test_a_notice_that_prints_no_place_is_not_ruled_out_by_one(engine) -> None:  # type: ignore[no-untyped-def]
    """The Yecheng list prints its county only inside project names: a question naming its region still reaches it."""
    r = _ask(engine, "新疆维吾尔自治区那个洛克乡种植业基地项目本次安排了多少资金？")
    assert not r.abstained and r.citations[0].doc_number == "yc-xiangcun-2026.txt", r.answer


def test_a_name_spelled_out_in_brackets_is_read_whole() -> None:
    from ingest.models import Clause
    from service.answering.terms import clause_text

    c = Clause(clause_id="x-1", doc_number="x", doc_title="", section="", kind="task", task_no=1,
               text="2017年开工建设鄱(阳)余(干)高等级公路。", units=(), line_start=1, line_end=1)
    assert "鄱阳余干" in clause_text(c)


def test_where_a_question_looks_is_not_what_it_asks_about(engine) -> None:  # type: ignore[no-untyped-def]
    part = engine.answerer.understanding.understand("鄱阳到余干那条高等级公路，方案里说哪一年动工？").parts[0]
    assert "方案" not in [t.surface for t in part.focus]
    said = engine.answerer.understanding.understand("通知对公共海外仓有什么要求？").parts[0]
    assert "通知" not in [t.surface for t in said.focus] and "海外仓" in [t.surface for t in said.focus]
    assert "市场准入负面清单" in [t.surface for t in engine.answerer.understanding.understand(
        "市场准入负面清单中的事项由谁牵头？").parts[0].focus]


def test_zhuban_and_xieban_are_roles_not_topics(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "市民政局在深圳民心工程的实施意见里协办什么工作？")
    assert [(c.doc_number, c.task_no) for c in r.citations] == [("sz-minxin-shixiang-p5.txt", 1)], r.answer
    assert "协办" not in r.answer.split("：")[0]


def test_a_clause_the_dense_side_puts_far_below_does_not_win_on_common_words(engine) -> None:  # type: ignore[no-untyped-def]
    """Task 3 holds "urban" (城市污水) and a filing (申报); task 4 is the urban rail transit project itself."""
    r = _ask(engine, "Which bureau leads Lanzhou's urban rail transit project?")
    assert (r.citations[0].doc_number, r.citations[0].task_no) == ("lz-duijie-fgw-p4.txt", 4), r.answer
    assert "市建设局" in [u.zh for u in r.units if u.role == "lead"]


def test_a_place_named_in_pinyin_is_the_one_the_notices_print_so(engine) -> None:  # type: ignore[no-untyped-def]
    """"Hongqiao" is the 虹桥 of Qingpu's 新虹桥生态商务区, not another 洪桥 a gazetteer knows."""
    part = engine.answerer.understanding.understand(
        "Which Qingpu body pushes ahead the new Hongqiao ecological business district?").parts[0]
    assert "虹桥" in [p.zh for p in part.constraints.places]


def test_a_notice_described_by_title_words_that_other_places_notices_hold_may_be_one_printing_no_place(
        engine) -> None:  # type: ignore[no-untyped-def]
    """"云南省…稳增长的意见": the stored notice whose title holds those words is Heilongjiang's; a copy that prints no
    title and no place may be the one asked about, and answers only when its clause holds the matter (being first
    among a few notices makes no clause sure)."""
    r = _ask(engine, "云南省稳增长的意见中，重大项目建设由哪些部门牵头？")
    assert not r.abstained and r.citations[0].doc_number == "yn-wenzengzhang-2017.txt", r.answer
    assert {"省发展改革委", "财政厅"} <= {u.zh for u in r.units if u.role == "lead"}, r.answer
    assert _ask(engine, "云南省稳增长的意见中，城市轨道交通建设由哪个部门牵头？").abstained
    # the words describing such a notice ("新形势下") are not what its clause must print; the matter's words are
    from service.answering.decide import _asked_matter
    from service.answering.terms import Term
    from service.answering.types import Part

    part = Part("内江市进一步做好新形势下就业创业工作的实施意见中，“发展吸纳就业能力强的产业”一项由哪个单位牵头？",
                "agency", focus=(Term("新形势下", zh=("新形势下",)), Term("产业", zh=("产业",))))
    assert [t.surface for t in _asked_matter(part)] == ["产业"]


def test_a_government_named_before_work_report_names_the_report_not_a_body_asked_about(
        engine) -> None:  # type: ignore[no-untyped-def]
    part = engine.answerer.understanding.understand(
        "In the breakdown of the city government work report, which bureau leads help for coal and steel?").parts[0]
    assert part.constraints.agencies == (), part.constraints.agencies
    r = _ask(engine, "Under Ping Zheng Ban [2013] No. 11, the breakdown of the city government work report, which "
                     "bureau leads the help for traditional industries such as coal, power, chemicals and steel?")
    assert not r.abstained and r.citations[0].doc_number == "平政办〔2013〕11号", r.answer
    assert [u.zh for u in r.units if u.role == "lead"] == ["市工业和信息化局"], r.answer


def test_a_place_named_apart_from_an_agency_that_holds_it_is_still_the_notices_place(
        engine) -> None:  # type: ignore[no-untyped-def]
    """"云南省…意见中，国家开发银行云南省分行配合哪些工作": 云南省 names where the notice is, though the bank's name
    holds it too; the title words that matched another province's notice name a notice, they narrow no task list."""
    r = _ask(engine, "云南省稳增长的意见里，国家开发银行云南省分行要配合哪些工作？")
    assert not r.abstained and [(c.doc_number, c.task_no) for c in r.citations] == [("yn-wenzengzhang-2017.txt", 1)]


@pytest.mark.parametrize("question, doc, unit", [
    ("株洲市人民政府关于落实粮食安全省长责任制的实施意见里，增强粮食安全意识这一条谁牵头？",
     "zz-liangshi-zeren-zh-hant.txt", "市发改委"),
    ("江苏省政府落实十一五规划纲要的工作分工里，公布耕地保有量情况由哪些部门负责？",
     "js-shiyiwu-fengong-p2.txt",
     "省国土资源厅")])
def test_an_issuer_opening_its_notices_title_names_the_notice_not_a_body(engine, question, doc, unit) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, question)
    assert not r.abstained and r.citations[0].doc_number == doc and unit in r.answer, r.answer


def test_a_tasks_field_lines_answer_what_they_name(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "广东2021年省政府工作报告重点任务分工方案里，地区生产总值增长目标由哪位省领导分管？")
    assert not r.abstained and r.citations[0].doc_number == "粤府〔2021〕22号" and "林克庆" in r.answer, r.answer


def test_a_task_holding_only_its_sections_words_is_not_the_one_asked_about(engine) -> None:  # type: ignore[no-untyped-def]
    # Under （一）约束性指标 every task holds 约束性指标; the energy-intensity target is not among the printed ones.
    r = _ask(engine, "长春市十二五规划纲要的工作分工中，单位地区生产总值能耗降低这个约束性指标由哪个部门牵头？")
    assert r.abstained, r.answer
    r = _ask(engine, "长春市十二五规划纲要的工作分工中，耕地保有量这个约束性指标由哪个部门牵头？")
    assert not r.abstained and r.citations[0].doc_number == "长府办发〔2012〕19号" and "市国土局" in r.answer, r.answer


def test_a_name_printed_in_the_named_notices_title_is_no_agency_asked_about(engine) -> None:  # type: ignore[no-untyped-def]
    """"滁州…2020年市政府重点工作及责任分解": 市政府 is a word of the title, not Nanjing's city government."""
    r = _ask(engine, "滁州市2020年市政府重点工作及责任分解里，地区生产总值增长8%以上这一项的协同责任单位有哪些？")
    assert not r.abstained and (r.citations[0].doc_number, r.citations[0].task_no) == ("cz-zhongdian-zrfj-2020.txt", 1)
    assert {"市商务局", "各县、市、区政府"} <= {u.zh for u in r.units if u.role == "cooperate"}
    part = engine.answerer.understanding.understand("Under Chuzhou's 2020 notice on the city government's key work, "
                                                    "how many key tasks are there?").parts[0]
    # "city government" is Chuzhou's, which no task lists
    assert not part.constraints.agencies and not part.subjects


def test_a_bodys_name_after_another_places_name_is_that_places(engine) -> None:  # type: ignore[no-untyped-def]
    """"苏州市政府" holds 市政府, the alias of the bundled notices' city government; it is Suzhou's, and 苏州 is a
    place the question names. A later question naming no place is asked of the same place."""
    asked = "苏州市政府2011年一共下达了多少项工作任务？动态管理具体由哪个部门牵头？"
    q = engine.answerer.understanding.understand(asked)
    assert [p.key for p in q.parts[0].constraints.places] == ["苏州"]
    assert all(a.jurisdiction != "南京市" for p in q.parts for a in (*p.constraints.agencies, *p.subjects))
    assert [p.key for p in q.parts[1].constraints.places] == ["苏州"]
    r = _ask(engine, asked)
    assert not r.abstained and {c.doc_number for c in r.citations} == {"苏府〔2011〕57号"}, r.answer
    assert "35" in r.answer and "市发改委" in [u.zh for u in r.units]


def test_a_part_ending_on_it_asks_about_the_matter_before_it(engine) -> None:  # type: ignore[no-untyped-def]
    """"…, and which bodies support it?": the same task, asked for another role; the words of the notice's English
    description (general office, key work items) name the notice, they are not a topic the task must print."""
    r = _ask(engine, "In the Guangzhou general office's 2006 notice on key work items from the government work report, "
                     "which commission leads the petrochemical bases in the east and at Nansha, and which bodies "
                     "support it?")
    first = r.citations[0] if r.citations else None
    assert first and (first.doc_number, first.task_no) == ("穗府办〔2006〕19号", 2), r.answer
    assert "市发改委" in [u.zh for u in r.units if u.role == "lead"]
    assert {"黄埔区政府", "南沙区政府"} <= {u.zh for u in r.units if u.role == "cooperate"}


def test_which_leader_reads_a_fuze_lingdao_field(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "滁州市2020年重点工作中，固定资产投资增长10%以上由哪位市领导牵头负责？")
    assert not r.abstained and (r.citations[0].doc_number, r.citations[0].task_no) == ("cz-zhongdian-zrfj-2020.txt", 3)
    assert "金力" in r.answer


def test_before_what_time_a_list_is_published_is_a_deadline_not_the_notices_date(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "行政许可事项清单要在什么时间前编制并公布？")
    assert not r.abstained and r.citations[0].doc_number == "xy-fangguanfu-2022-zh-hant.txt", r.answer
    assert "2022年10月" in r.answer


def test_the_number_of_a_notice_that_prints_none_is_not_its_file_name(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "钢城区深化放管服改革优化营商环境2021年重点任务分工方案的发文字号是多少？")
    assert r.abstained and "未印有文号" in r.answer, r.answer
    assert "文号是jn-gangcheng" not in r.answer


def test_a_district_named_for_a_notice_that_prints_no_place_may_be_its_own(engine) -> None:  # type: ignore[no-untyped-def]
    """The Lin'an list prints its issuer as 区政府 and no place name: a question naming 临安区 may mean it."""
    r = _ask(engine, "临安区2022年民生实事里，新增中小学、幼儿园公办学位的项目由哪个单位负责？")
    assert not r.abstained and r.citations[0].doc_number == "linan-minsheng-shishi-2022.txt", r.answer
    assert "教育局" in [u.zh for u in r.units]


def test_first_among_a_named_notices_few_clauses_is_no_sign_it_answers(engine) -> None:  # type: ignore[no-untyped-def]
    """A notice of one task: the task ranks first for any question naming the notice, so it must hold the
    question's matter (政策解读 is not in it)."""
    r = _ask(engine, "宿迁市营商环境“五心”服务承诺清单(2024年版)里，营商环境政策解读培训由哪些单位负责？")
    assert r.abstained, r.answer
    r = _ask(engine, "宿迁市营商环境“五心”服务承诺清单(2024年版)里，企业家参与涉企政策制定由哪些单位负责？")
    assert not r.abstained and "市数据局" in [u.zh for u in r.units], r.answer


def test_an_issuer_before_where_to_look_names_the_notices_matter_not_a_body_asked_about(engine) -> None:  # type: ignore[no-untyped-def]
    """"区政府民生实事项目中，…由哪个单位负责": 区政府 is the Lin'an list's issuer as printed, saying where to look."""
    r = _ask(engine, "区政府民生实事项目中，新建婴幼儿照护服务成长驿站由哪个单位负责？")
    assert not r.abstained and r.citations[0].doc_number == "linan-minsheng-shishi-2022.txt", r.answer
    assert "卫生健康局" in [u.zh for u in r.units if u.role == "lead"]


def test_how_much_a_part_takes_up_asks_for_a_share(engine) -> None:  # type: ignore[no-untyped-def]
    """"…托位里普惠性托位要占多少": a share; a clause printing only the number of places does not state it."""
    r = _ask(engine, "临安区民生实事新增的婴幼儿照护服务托位中，普惠性托位要占多少？")
    assert r.abstained, r.answer


def test_an_issuer_before_its_work_points_names_the_notice(engine) -> None:  # type: ignore[no-untyped-def]
    # "芜湖市教育局…工作要点": the issuer names its notice (a 要点 is a document), not a body asked about; 科室 asks for
    # the bodies as 单位 does; the notice prints no date, so its title's year is the year that names it.
    r = _ask(engine, "芜湖市教育局2024年工作要点里，加强思想理论武装由哪些科室负责？")
    assert not r.abstained and r.citations[0].doc_number == "wh-jiaoyuju-yaodian-2024.txt", r.answer
    assert "组干科" in r.answer and "机关党委" in r.answer


def test_a_copy_without_a_date_says_when_its_page_posted_it(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "When was the Wuhu education bureau's 2024 work points notice issued?")
    assert "No date is printed" in r.answer and "March 28, 2024" in r.answer, r.answer


def test_an_ascii_comma_in_a_chinese_question_parts_it(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "谯城区这份重点工作任务分解表是哪天发文的,发布机构是谁?")
    assert not r.abstained and "谯城区政府" in r.answer and "2025" in r.answer, r.answer


def test_the_body_a_document_question_names_issued_the_notice(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "On what date did the State Council General Office sign its task-division plan?")
    assert r.citations[0].doc_number == "gbf-2020-43-reprint.txt" and "November 1, 2020" in r.answer, r.answer


def test_an_english_answer_names_a_tables_columns_in_english(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "Which department handles Yang County's 2024 rural road safety protection project?")
    assert "Project name (项目名称)" in r.answer and "Annual investment (10,000 yuan)" in r.answer, r.answer
    assert english_enough(r.answer)


def test_a_township_printed_only_in_a_column_is_no_unheard_place(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "What is the 2024 investment for the high-standard farmland project in Xiecun town, Yang County?")
    assert not r.abstained and "4930" in r.answer, r.answer


def test_words_after_a_quoted_name_are_a_particular_of_it(engine) -> None:  # type: ignore[no-untyped-def]
    assert _ask(engine, "衡南县推进“一件事一次办”综合窗设置由哪个单位牵头？").abstained
    r = _ask(engine, "衡南县高水平推进“一件事一次办”由哪个单位牵头？")
    assert not r.abstained and "县行政审批服务局" in r.answer, r.answer


def test_a_quotation_is_one_piece_of_a_question(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "宁波2014年民生实事“新辟公交线路10条,优化调整20条”的责任单位是哪个?")
    assert (r.citations[0].doc_number, r.citations[0].task_no) == ("nb-minsheng-shishi-2014.txt", 3), r.answer
    assert "市交通委" in r.answer


def test_the_list_a_cue_follows_is_the_one_split(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "衡南县印发政务服务和政务公开两个工作要点的通知,文号和落款日期分别是什么?")
    assert {c.doc_number for c in r.citations} == {"清公开办函〔2021〕3号"} and "2021年7月2日" in r.answer, r.answer


def test_a_person_field_asked_for_is_no_matter_and_no_lead(engine) -> None:  # type: ignore[no-untyped-def]
    # 牵头领导 (the city leader over the project) is printed beside the units; it asks no lead unit and no topic
    r = _ask(engine, "宁波2014年市政府民生实事项目中,“新辟公交线路10条,优化调整20条”的责任单位是哪个?牵头领导是谁?")
    assert [c.task_no for c in r.citations] == [3], r.answer
    assert "责任单位：市交通委" in r.answer and "牵头领导：王仁洲" in r.answer, r.answer


def test_a_quote_cut_short_by_an_ellipsis_is_its_pieces(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "武汉市责任分解方案中“规范政府举债行为……依法处置隐性债务”这项由哪个单位牵头?")
    assert not r.abstained and r.citations[0].task_no == 1 and "市财政局" in r.answer, r.answer


def test_a_province_named_beside_its_city_is_the_citys(engine) -> None:  # type: ignore[no-untyped-def]
    # the Wuhan notice prints no 湖北; named beside Wuhan, Hubei is Wuhan's province
    r = _ask(engine, "In Wuhan's breakdown of the Hubei provincial government work report, which bureau leads "
                     "regulating government borrowing and dealing with hidden debt?")
    assert not r.abstained and r.citations[0].doc_number == "wuhan-shengbaogao-fenjie-2018.txt", r.answer
    assert "市财政局" in r.answer


def test_a_place_names_its_untitled_notice_and_english_before_a_bracketed_name_is_that_body(engine) -> None:  # type: ignore[no-untyped-def]
    # a newspaper's copy with no title or issuer, naming 陕西 in its headline; "the provincial development and reform
    # commission (省发改委)" is one body, its words no topic; "the government work report" describes the notice
    r = _ask(engine, "Of the key work in Shaanxi's government work report, which tasks is the provincial "
                     "development and reform commission (省发改委) responsible for?")
    assert not r.abstained and [c.task_no for c in r.citations] == [1, 2], r.answer
    r = _ask(engine, "陕西省政府《政府工作报告》重点工作分工中,大力培育新型农业经营主体由哪个部门牵头?")
    assert not r.abstained and r.citations[0].task_no == 3 and "省农业厅" in r.answer, r.answer


def test_a_city_named_beside_its_district_is_the_districts(engine) -> None:  # type: ignore[no-untyped-def]
    # the Lishan notice is issued by 立山区人民政府 and prints 鞍山市立山区 above it: Anshan is Lishan's city
    r = _ask(engine, "In the 2023 key-work plan of Lishan District in Anshan, which bureau leads growing total retail "
                     "sales of consumer goods?")
    first = r.citations[0] if r.citations else None
    assert not r.abstained and first and (first.doc_number, first.task_no) == ("鞍立政发〔2023〕2号", 4), r.answer
    assert "区商务局" in r.answer
    # a city the notice does not print beside its district is another place
    r = _ask(engine, "In the 2023 key-work plan of Lishan District in Wuhan, which bureau leads growing total retail "
                     "sales of consumer goods?")
    assert r.abstained or r.citations[0].doc_number != "鞍立政发〔2023〕2号", r.answer


def test_a_target_is_the_task_and_gdp_is_printed_as_生产总值(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "Which Haiyan County department leads the goal of increasing GDP by about 7.5% in 2022?")
    first = r.citations[0] if r.citations else None
    assert not r.abstained and first and (first.doc_number, first.task_no) == ("盐政办发〔2022〕16号", 1), r.answer
    assert "县发改局" in r.answer


def test_another_notices_title_words_stay_the_topic(engine) -> None:  # type: ignore[no-untyped-def]
    # 民生实事项目 titles other cities' notices; asked of Haiyan's work-report breakdown, whose stored copy holds
    # no such list, it is the matter the question asks about, and no clause holds it
    r = _ask(engine, "In Haiyan County's 2022 work-report breakdown, which unit handles the people's livelihood "
                     "projects (民生实事项目)?")
    assert r.abstained, r.answer


def test_a_growth_rate_is_printed_as_its_figure(engine) -> None:  # type: ignore[no-untyped-def]
    # "地区生产总值增长5%左右" states the growth rate (增长率) without the word for it
    r = _ask(engine, "What GDP growth rate has Yuzhong District set for 2023?")
    assert not r.abstained and r.citations[0].doc_number == "cq-yuzhong-2023-fenjie.txt" and "5%" in r.answer, r.answer


def _first_cited(r) -> tuple[str, int | None] | None:  # type: ignore[no-untyped-def]
    return (r.citations[0].doc_number, r.citations[0].task_no) if r.citations else None


def test_the_body_that_issued_a_notice_names_it(engine) -> None:  # type: ignore[no-untyped-def]
    # the State Council General Office issued the division of labour; it is listed on no task of it
    r = _ask(engine, "Under the State Council General Office's 2014 division of labour for the No. 1 central document "
                     "on rural reform, which ministry is in charge of holding the farmland protection red line?")
    assert not r.abstained and _first_cited(r) == ("国办函〔2014〕31号", 2) and "国土资源部" in r.answer, r.answer
    # 国办 is the State Council General Office's short name: the notice's issuer, not a matter its tasks print
    r = _ask(engine, "在国办这份农村改革政策措施分工通知里，农业部参与了哪些事项？")
    assert {(c.doc_number, c.task_no) for c in r.citations} == {("国办函〔2014〕31号", 1), ("国办函〔2014〕31号", 2)}, \
        r.answer


def test_a_deadline_printed_in_the_annotation_answers_when(engine) -> None:  # type: ignore[no-untyped-def]
    # （牵头单位:…;责任单位:…,6月底完成）: the month is the deadline, printed without a label
    r = _ask(engine, "湘西州2020年优化营商环境工作计划中，“加大简政放权力度”这项任务要求什么时候完成？")
    assert not r.abstained and "6月底" in r.answer, r.answer


def test_a_target_none_of_whose_terms_a_task_prints_is_not_asked_of_it(engine) -> None:  # type: ignore[no-untyped-def]
    # Jiayu's 2021 targets list industry, GDP, budget revenue…, no residents' income: sharing 增长 and 目标 with the
    # question does not make the industrial target's lead the income target's
    r = _ask(engine, "嘉鱼县2021年城乡居民人均可支配收入增长目标由哪些单位牵头?")
    assert r.abstained, r.answer
    r = _ask(engine, "嘉鱼县2021年规模以上工业增加值增长目标由哪个单位牵头?")
    assert not r.abstained and "县科经局" in r.answer, r.answer


def test_an_opening_phrase_describing_the_notice_names_it(engine) -> None:  # type: ignore[no-untyped-def]
    # "In Zhuzhou's implementing opinion on the governor responsibility system for grain security, …": words the
    # clause does not print ("governor", "system") describe the notice the place has, not the matter asked
    r = _ask(engine, "In Zhuzhou's implementing opinion on the governor responsibility system for grain security, "
                     "which task names the Zhuzhou depot of Sinograin among its responsible units?")
    assert not r.abstained and _first_cited(r) == ("zz-liangshi-zeren-zh-hant.txt", 1), r.answer


def test_a_body_named_in_a_clauses_text_gets_an_english_name_if_one_can_be_made(engine) -> None:  # type: ignore[no-untyped-def]
    # 外交部 is named by no task's units; its English name is made as ingest makes one. 总参谋部's would be pinyin
    # ("Zongcanmou"), no name at all: it stays as printed
    r = _ask(engine, "Under 国办发〔1996〕25号, which bodies centrally manage the work on chemical weapons "
                     "abandoned by the Japanese army?")
    assert "Ministry of Foreign Affairs (外交部)" in r.answer and "总参谋部" in r.answer, r.answer
    assert "Zongcanmou" not in r.answer


def test_who_issued_a_task_division_and_its_written_date_are_document_facts(engine) -> None:  # type: ignore[no-untyped-def]
    # "key task division" (重点任务分工) is a kind of document; "its written date" is its 成文日期
    r = _ask(engine, "Which body issued Beijing's open-government key task division for 2016-2020, and what is its "
                     "written date?")
    assert "北京市政务公开领导小组" in r.answer and "2016-06-08" in r.answer, r.answer


def test_a_count_is_the_figure_printed_with_the_measure_word_asked_for(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "宁波2014年的民生实事要新投放公共自行车多少辆？")
    assert not r.abstained and "通知所载数值：3000辆" in r.answer
    # an ordinal asked (第几版) is one printed with its measure word, in characters too
    r = _ask(engine, "海南这份疫情防控和经济恢复方案要严格实施第几版防控方案？")
    assert not r.abstained and "第九版" in r.answer


def test_a_notice_printing_no_place_may_be_the_one_a_place_named_means(engine) -> None:  # type: ignore[no-untyped-def]
    # The Pingdingshan copy prints neither its city nor a title; another place-less notice sharing the words
    # "政府工作报告…任务分解" does not rule it out.
    r = _ask(engine, "平顶山市2013年政府工作报告任务分解里，平煤神马己二酸项目建设由哪个单位牵头？")
    assert not r.abstained and r.citations[0].doc_number == "平政办〔2013〕11号"
    assert "市发改委" in [u.zh for u in r.units]


def test_the_words_naming_a_notice_are_neither_its_matter_nor_what_is_asked(engine) -> None:  # type: ignore[no-untyped-def]
    # the title's 目标 asks for no value, and its run printed in the cover letter is no phrase a task must print
    r = _ask(engine, "玉林市降碳目标工作实施方案中，加强生态环境准入管理这一项的责任单位有哪些？")
    assert not r.abstained and "市生态环境局" in [u.zh for u in r.units]
    r = _ask(engine, "石家庄2020年政务公开工作要点第(一)项要求组织编写什么目录？")
    assert not r.abstained and "机构职能目录" in r.answer


def test_a_place_no_notice_is_issued_for_means_the_notices_printing_none(engine) -> None:  # type: ignore[no-untyped-def]
    # Xian'an prints no issuer: its bare 区发改局 is the one meant, not another district's; and the bureau's
    # targets are a list of its tasks
    r = _ask(engine, "咸安区2023年重点工作任务责任分解方案中，区发改局牵头的主要预期目标有哪些？")
    assert not r.abstained and {c.doc_number for c in r.citations} == {"xianan-zrfj-2023.txt"}
    assert len(r.citations) >= 3
    # a province said beside a county locates it: the county's measures are meant, not the province's opinion
    r = _ask(engine, "In Fang County's (Hubei) 2023 measures to optimise the business environment, which agencies "
                     "lead the commitment-based system for government services?")
    assert not r.abstained and r.citations[0].doc_number == "fangxian-yingshang-2023.txt"


def test_an_issuer_found_in_a_spliced_red_header_places_the_notice(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "许昌市2020年政府工作报告重点工作任务分解中，市卫生健康委作为责任单位承担了哪几项任务？")
    assert not r.abstained and {c.task_no for c in r.citations} >= {1, 2}
    r = _ask(engine, "许昌市的重点工作任务分解要求各责任单位什么时候向市政府报告进展？")
    assert not r.abstained and "每季度末" in r.answer


def test_the_task_about_the_matter_naming_no_unit_is_not_answered_by_another(engine) -> None:  # type: ignore[no-untyped-def]
    # Xuchang's third task (emergency command, disease control) is cut off before its units: its neighbours' units
    # are no answer to who leads it
    r = _ask(engine, "In Xuchang's 2020 task breakdown of the government work report, which unit leads the work on "
                     "improving the emergency command and disease prevention and control system?")
    assert r.abstained, r.answer


def test_item_n_is_the_task_printed_n_not_the_nth_task_counted(engine) -> None:  # type: ignore[no-untyped-def]
    # Items 1-6 are the tasks printed under "1." each with its own bracket; "2." is the seventh, cut off by the copy
    # before its units: "item 2" asks of that one, and no unit of another task is its answer.
    r = _ask(engine, "In Guichi District's 2020 food safety key work arrangements, which unit is responsible for the "
                     "special action on reducing pesticide and veterinary drug use (item 2)?")
    assert r.abstained
    assert "区农业农村局" not in [u.zh for u in r.units]


def test_a_reverse_lookup_reads_the_table_its_question_names_among_two(engine) -> None:  # type: ignore[no-untyped-def]
    # Two flattened tables, one after the other: the targets (序号/预期目标/责任单位), then the tasks
    # (序号/工作任务/牵头单位/配合单位)
    r = _ask(engine, "沙坪坝区2022年区政府工作报告经济社会发展预期目标任务分解表中，"
                     "区发展改革委负责哪几项预期目标？")
    assert not r.abstained
    cited = {(c.doc_number, c.task_no) for c in r.citations}
    assert cited == {("shapingba-gzbg-mubiao-2022.txt", n) for n in (1, 2, 10)}


def test_units_a_space_apart_in_a_cell_are_each_a_units_tasks(engine) -> None:  # type: ignore[no-untyped-def]
    """"县教体局 各相关乡镇政府" is two units: the bureau's tasks are rows 1 and 3, not a body no row names."""
    r = _ask(engine, "吉水县10件民生实事任务分解表中,县教体局负责哪几项民生实事?")
    assert not r.abstained and {c.task_no for c in r.citations} >= {1, 3}, r.answer


def test_an_item_quoted_whole_needs_no_phrase_describing_its_notice(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "宁波2014年市政府民生实事项目中,“新辟公交线路10条,优化调整20条”的责任单位是哪个?")
    assert not r.abstained and (r.citations[0].doc_number, r.citations[0].task_no) == (
        "nb-minsheng-shishi-2014.txt", 3), r.answer
    assert "市交通委" in r.answer


def test_a_merged_cell_tables_row_answers_with_its_own_units_and_target(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "嵊泗县乡村振兴任务清单中，水产品产量由哪个县级部门负责？")
    assert not r.abstained and r.citations[0].task_no == 9, r.answer
    assert "县农业农村局" in r.answer and "42" in r.answer, r.answer


def test_a_reverse_lookup_names_the_tables_heading_and_a_later_part_keeps_the_notice_named(
        engine) -> None:  # type: ignore[no-untyped-def]
    """"负责哪项未来五年主要工作任务" lists the agency's rows of the table printed under that heading; a second part
    naming no notice is asked of the one the first names (the date of 嘉政办发〔2022〕23号, then its meeting),
    not answered from another notice's approval sentence."""
    r = _ask(engine, "嘉兴市2022年政府工作报告重点工作责任分解(嘉政办发〔2022〕23号)中,"
                     "市发展改革委负责哪项未来五年主要工作任务?")
    assert not r.abstained and {(c.doc_number, c.task_no) for c in r.citations} == {("嘉政办发〔2022〕23号", 1)}
    r = _ask(engine, "On what date was the Jiaxing notice 嘉政办发〔2022〕23号 written, and by which meeting were the "
                     "two breakdowns approved?")
    assert "2022-05-10" in r.answer and {c.doc_number for c in r.citations} == {"嘉政办发〔2022〕23号"}, r.answer


def test_an_autonomous_regions_units_are_named_as_its_own(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "In Guangxi's plan for transitional housing in the Sichuan earthquake zone, which unit leads the "
                     "funding coordination group?")
    assert not r.abstained and r.citations[0].task_no == 1, r.answer
    named = r.answer.split("Clause")[0]
    assert "Guangxi Autonomous Region Finance Department (自治区财政厅)" in named and "Sichuan" not in named


def test_a_heading_naming_the_lead_answers_for_its_items(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "沁县2025年县政府工作报告任务清单中，打造食用菌酵素生产基地由哪个单位牵头？")
    assert not r.abstained and r.citations[0].task_no == 2 and "县示范区管委会" in r.answer, r.answer


def test_how_a_notice_marks_its_lead_is_its_printed_rule(engine) -> None:  # type: ignore[no-untyped-def]
    """The rule a notice prints inside its first annotation ("列在首位的为牵头部门或单位…下同") answers how its lead is
    told apart; "好几个部门" is no question of its own."""
    r = _ask(engine, "闽政办〔2011〕113号里每项任务后面列了好几个部门，怎么区分哪个是牵头部门？")
    assert not r.abstained and "列在首位的为牵头部门" in r.answer and "1." not in r.answer, r.answer
    r = _ask(engine, "In Fujian's education task division plan (闽政办〔2011〕113号), how is the lead department "
                     "identified among the departments listed after each task?")
    assert not r.abstained and "列在首位的为牵头部门" in r.answer, r.answer


def test_which_meeting_approved_a_notice_is_its_approval(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "By which meeting was 嘉政办发〔2022〕23号 approved?")
    assert not r.abstained and r.citations[0].doc_number == "嘉政办发〔2022〕23号", r.answer
    assert "the 1st executive meeting of the 9th People's Government (九届人民政府1次常务会议)" in r.answer, r.answer


def test_a_place_heading_a_body_no_registry_knows_is_the_place_asked_about(engine) -> None:  # type: ignore[no-untyped-def]
    """"Which Lanzhou bureau…": the bureau is Lanzhou's, so a Nanjing task is no answer (it had been one, by
    convention, its first-listed district leading)."""
    question = "Which Lanzhou bureau leads the work on the national new-materials base?"
    part = engine.answerer.understanding.understand(question).parts[0]
    assert [p.zh for p in part.constraints.places] == ["兰州市"]
    r = _ask(engine, question)
    assert r.abstained or all(c.doc_number == "lz-duijie-fgw-p4.txt" for c in r.citations), r.answer


def test_a_first_hit_scoring_at_the_floor_is_no_sure_match(engine) -> None:  # type: ignore[no-untyped-def]
    """A question holding a quarter of its words in the first hit is answered when the model is sure of the match;
    the best of a poor lot (cosines at the unrelated-question floor) is not sure: a county's library task is no
    answer about its hospital's inpatient block, nor a disability fund about foreign experts' relocation subsidy."""
    for question in ("Which Dazhu county department is responsible for building the new inpatient block of the county "
                     "people's hospital in 2016?",
                     "Under 东府〔2021〕54号, which Dongguan bureau pays the relocation subsidy to foreign experts "
                     "hired by local firms?"):
        r = _ask(engine, question)
        assert r.abstained, r.answer
    # a paraphrase the model is sure of is still answered from its few printed words
    r = _ask(engine, "Who leads getting online doctor visits reimbursed by public health insurance?")
    cited = (r.citations[0].doc_number, r.citations[0].task_no) if r.citations else None
    assert not r.abstained and cited == ("宁政发〔2023〕51号", 35), r.answer


def test_a_verb_jieba_takes_for_a_place_does_not_send_a_question_to_placeless_notices(engine) -> None:  # type: ignore[no-untyped-def]
    """"沁县…新建城区公办幼儿园": 新建 (new construction) is no place no notice is issued for, so the question is
    Qinxian's alone; its copy lacks the annex, and another county's kindergarten task is no answer."""
    r = _ask(engine, "沁县2025年十五件民盼实事任务分解中,新建城区公办幼儿园这件实事由哪个单位负责?")
    assert r.abstained or all(c.doc_number.startswith("qinxian") for c in r.citations), r.answer


def test_a_bureau_named_after_its_place_asks_who_published_and_a_hyphenated_description_names_the_notice(
        engine) -> None:  # type: ignore[no-untyped-def]
    """"Which Ma'anshan government bureau published…" asks for the issuer (a headline named it, "X经信局发布Y");
    "rules for stimulating private-enterprise entrepreneurship" describes the notice, so "private enterprise" is
    no thing the target clause must print, and the counts are answered from it."""
    r = _ask(engine, "Which Ma'anshan (马鞍山) government bureau published the implementing rules on stimulating "
                     "private-enterprise entrepreneurship?")
    assert not r.abstained and "马鞍山市经信局" in r.answer, r.answer
    r = _ask(engine, "According to Ma'anshan's implementing rules for stimulating private-enterprise "
                     "entrepreneurship, how many private economic entities should the city have by the end of the "
                     "14th Five-Year Plan, and what share of GDP should the private economy reach?")
    assert not r.abstained and "25万" in r.answer and "60%" in r.answer, r.answer


def test_joint_issuers_printed_above_the_title_and_a_gazette_date_are_the_notices(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "Which bodies issued Bengbu's implementing opinions on stimulating private-enterprise "
                     "entrepreneurship, and on what date?")
    assert not r.abstained and "中共蚌埠市委" in r.answer and "蚌埠市人民政府" in r.answer, r.answer
    assert "2021年7月10日" in r.answer or "July 10, 2021" in r.answer or "10 July 2021" in r.answer, r.answer


def test_work_points_name_a_kind_of_notice(engine) -> None:  # type: ignore[no-untyped-def]
    """"Deqing County's 2022 government information disclosure work points" (工作要点) names a notice: which office
    issued it is a document fact, not a question about the office that leads some task."""
    r = _ask(engine, "Which office issued Deqing County's 2022 government information disclosure work points?")
    assert not r.abstained and "德清县人民政府办公室" in r.answer, r.answer


def test_unlabelled_closing_duties_and_roles_inside_a_sentence_are_answered(engine) -> None:  # type: ignore[no-untyped-def]
    """Round 33: "…。市审计局牵头落实" closing a paragraph, and "棚户区改造,牵头部门:市住建委。" inside an item's
    sentence, name who leads; a question about an item the notice does not hold (权责清单公开) is refused though every
    item prints 推进 and 公开."""
    r = _ask(engine, "营政办〔2016〕95号中,审计结果公开由哪个单位牵头落实?")
    assert not r.abstained and "市审计局" in r.answer, r.answer
    r = _ask(engine, "In Lu'an's 2017 livelihood-project progress bulletin, which department leads shantytown "
                     "redevelopment (棚户区改造)?")
    assert not r.abstained and "市住建委" in r.answer, r.answer
    r = _ask(engine, "营政办〔2016〕95号中,推进权责清单公开由哪些单位负责落实?")
    assert r.abstained, r.answer


def test_a_mirrors_bracketed_number_and_a_bulletins_quoted_duties_are_answered(engine) -> None:  # type: ignore[no-untyped-def]
    """Round 35: a mirror prints its 文号 in brackets after the title, and its first sub-item on the item's line; a
    bulletin quotes the duties it names bodies for ("县自然资源局、县水利局、县农业农村局负责的“…”")."""
    r = _ask(engine, "池政〔2017〕101号中,全面落实“多证合一、一照一码”改革由哪个单位牵头负责?")
    assert not r.abstained and "市工商质监局" in r.answer and r.citations[0].doc_number == "池政〔2017〕101号", r.answer
    r = _ask(engine, "紫阳县2024年第五次县政府常务会议确定事项落实情况的通报中,"
                     "紧盯超长期国债项目6月底前开工的事项由哪些单位负责?")
    assert not r.abstained and all(u in r.answer for u in ("县自然资源局", "县水利局", "县农业农村局")), r.answer


def test_a_figure_in_prose_is_said_of_the_body_its_sentence_names(engine) -> None:  # type: ignore[no-untyped-def]
    """"截至目前,县自然资源局负责国债项目5个,开工2个": asked of 县自然资源局 it is the answer; asked of 县水利局 (named
    elsewhere in the paragraph) it states nothing, and the answer says so rather than giving another body's figure."""
    doc = "紫阳县2024年第五次县政府常务会议确定事项落实情况的通报中,"
    r = _ask(engine, doc + "县自然资源局负责的国债项目截至目前开工了几个?")
    assert not r.abstained and "2个" in r.answer, r.answer
    r = _ask(engine, doc + "县水利局负责的超长期国债项目截至目前开工了几个?")
    assert r.abstained, r.answer


def test_a_body_the_notices_title_names_names_the_notice(
        engine) -> None:  # type: ignore[no-untyped-def]
    """"2023年区政府重点民生实事项目推进情况中，…由哪个单位牵头": 区政府 is in the notice's title, how the asker
    names the notice, not a unit the task must name."""
    r = _ask(engine, "崇川区2023年区政府重点民生实事项目推进情况(1-11月)中,"
                     "新增四分类“三定一督”达标小区210个由哪个单位牵头?")
    assert not r.abstained and "城管局" in r.answer, r.answer


def test_a_page_cut_from_its_notice_answers_by_its_printed_item_numbers(engine) -> None:  # type: ignore[no-untyped-def]
    """Round 36: a page that opens on the notes of an item printed before it, its items each followed by a spaced-out
    label ("责 任 人:") and their units: the person and the units are the item's, cited by its printed number."""
    r = _ask(engine, "台州市政府工作报告目标任务分解中,完成“康庄工程”建设一项的责任人是谁?")
    first = r.citations[0] if r.citations else None
    assert not r.abstained and first and first.task_no == 16 and "叶阿东" in r.answer, r.answer


def test_a_headerless_pages_city_comes_from_its_zones_committee(engine) -> None:  # type: ignore[no-untyped-def]
    """Round 37: a page printing no issuer, its units 市… and "咸宁高新区管委会", is Xianning's: asked in English
    with a route between two cities in the matter, its task answers; a project it does not print (a power plant's
    third phase named by its owner and place) is refused, not answered from the nearest target."""
    r = _ask(engine, "In Xianning's 2024 breakdown of the government work report, which municipal bureau leads the "
                     "'project tackling year' that is to open the Xianning–Jiujiang expressway to traffic?")
    assert not r.abstained and "市交通运输局" in r.answer, r.answer
    r = _ask(engine, "咸宁市2024年政府工作报告重点工作中,加快推进华润蒲圻电厂三期建设一项由哪个单位牵头?")
    assert r.abstained, r.answer


def test_an_issuer_naming_its_report_keeps_its_place(engine) -> None:  # type: ignore[no-untyped-def]
    """Round 37: "怀远县农业农村局承担的政府重点工作中…": the bureau names its report, and its county is where to look;
    an item beyond the stored copy is refused, not answered from another province's notice."""
    r = _ask(engine, "怀远县农业农村局承担的政府重点工作中,加快绿色食品产业发展一项由哪个股室牵头?")
    assert r.abstained, r.answer



def test_a_later_part_asking_when_of_a_refused_part_is_refused_with_it(engine) -> None:  # type: ignore[no-untyped-def]
    """"…由哪个股室牵头?计划何时完成?": the second part asks when of the first part's matter; where the notices do not
    hold that matter, neither part is answered from another item's date."""
    r = _ask(engine, "怀远县农业农村局承担的政府重点工作中,加快绿色食品产业发展一项由哪个股室牵头?计划何时完成?")
    assert r.abstained and not r.citations, r.answer
    r = _ask(engine, "怀远县农业农村局承担的政府重点工作中,农村常住居民人均可支配收入与经济增长同步一项由哪个股室牵头?"
                     "计划何时完成?")
    assert not r.abstained and {c.task_no for c in r.citations} == {6}, r.answer


def test_a_task_naming_only_the_people_answering_for_it_answers_who(engine) -> None:  # type: ignore[no-untyped-def]
    """Round 38: a bureau's plan whose items close on "(牵头责任人:X,具体责任人:Y)": who leads is the person its
    fields name (the clause names no unit, and the answer says so); an English question naming a spot inside the
    county ("the Yushan tourist resort", a city's name elsewhere) stays with the county's notice."""
    r = _ask(engine, "华容县文旅广电局关于落实2021年县政府重点工作任务的实施方案中,"
                     "完善禹山旅游度假区红色城堡服务配套设施一项的具体责任人是谁?")
    assert not r.abstained and "严霞" in r.answer and r.citations[0].task_no == 2, r.answer
    r = _ask(engine, "Under the Huarong County (华容县) culture and tourism bureau's 2021 key-task plan, who leads the "
                     "improvement of the service facilities at the Red Castle of the Yushan tourist resort?")
    assert not r.abstained and "徐勋红" in r.answer and not r.units, r.answer


def test_a_place_named_inside_a_longer_ones_english_name_is_not_it(engine) -> None:  # type: ignore[no-untyped-def]
    """"Lueyang County" does not name a notice of "Yang County" (洋县) because its English ends in it; "which
    section" asks for a body as "which department" does."""
    r = _ask(engine, "In Lueyang County's culture and tourism work task table, which section is responsible for the "
                     "target of receiving 1.4 million tourist visits and 680 million yuan of tourism revenue?")
    assert r.abstained and not any(c.doc_number.startswith("洋") for c in r.citations), r.answer


def test_a_notice_printing_no_place_is_found_by_the_year_its_title_spells(engine) -> None:  # type: ignore[no-untyped-def]
    """A district's 2011 breakdown prints neither its district nor a year in figures (二〇一一年): a question naming
    both is answered from it, not from another placeless notice dated 2023 whose task shares the words."""
    r = _ask(engine, "镇海区2011年政府工作报告任务分解里，城镇登记失业率的目标是多少？哪个单位负责？")
    assert not r.abstained and r.citations[0].doc_number == "镇政办发〔2011〕15号", r.answer
    assert "4%" in r.answer and "区劳动保障局" in [u.zh for u in r.units]
    # a matter that notice does not hold is not answered from another place's notice
    r = _ask(engine, "镇海区2011年政府工作报告任务分解里，农村生活污水治理由哪个单位牵头？")
    assert r.abstained, r.answer


def test_a_file_number_is_the_document_number(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "海曙区2024年政府工作报告重点工作责任分解的通知，文件编号是多少？")
    assert not r.abstained and "海政发〔2024〕4号" in r.answer, r.answer


def test_an_english_question_naming_its_place_in_chinese_asks_every_document_fact_it_names(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "What is the document number of the Shenyang (沈阳) notice on the 2026 division of key work, and "
                     "on what date was it signed?")
    assert "沈政发〔2026〕1号" in r.answer and "2026年1月25日" in r.answer, r.answer


def test_a_city_named_by_its_usual_english_spelling_is_the_one_the_notice_prints(engine) -> None:  # type: ignore[no-untyped-def]
    r = _ask(engine, "In Heilongjiang's 2013 responsibility division, who leads the key projects such as Qiqihar's "
                     "railway freight wagons?")
    assert not r.abstained and "省工信委" in [u.zh for u in r.units], r.answer
