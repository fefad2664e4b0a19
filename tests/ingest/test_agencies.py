"""Agencies of any issuer: every unit keeps an agency, bare names resolve to a curated record only in its own
place, others get generated English names that are stored, exported, corrected and imported; curated names win."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.agency_review import export_agencies, import_agencies, registry_for_store
from ingest.dictionary import abbreviated, is_english_word
from ingest.knowledge import enrich
from ingest.pipeline import ingest_file
from ingest.registry import EnglishAgencyMatcher, default_registry
from ingest.store import ClauseStore
from policyqa.errors import PolicyQAError
from tests.conftest import DT_2022
from tests.ingest.real_notices import FIXTURES, parse_fixture

GZ = FIXTURES / "gz-rencai-2012-reprint.expect.json"


@pytest.fixture(scope="module")
def guangzhou():  # type: ignore[no-untyped-def]
    return enrich(parse_fixture(GZ)[1])


def test_a_guangzhou_notice_names_guangzhou_bodies(guangzhou) -> None:  # type: ignore[no-untyped-def]
    d = guangzhou.document
    assert (d.jurisdiction, d.jurisdiction_en) == ("广州市", "Guangzhou")  # from the text: no issuer is printed
    units = {u.zh: u for c in guangzhou.clauses for u in c.units}
    org = units["市委组织部"]
    assert org.en == "Organization Department of the CPC Guangzhou Municipal Committee"
    assert org.id and org.id.startswith("gen-guangzhou-") and org.id != default_registry().resolve("市委组织部").id
    assert units["市教育局"].en == "Guangzhou Municipal Education Bureau"
    assert units["市人力资源和社会保障局"].en == "Guangzhou Municipal Human Resources and Social Security Bureau"
    assert all(u.id and u.en for c in guangzhou.clauses for u in c.units)  # no unit is dropped or left bare
    made = {a.zh: a for a in guangzhou.agencies}
    assert made["市委组织部"].generated and made["市委组织部"].jurisdiction == "广州市"


def test_the_bundled_notices_still_resolve_to_curated_records() -> None:
    from tests.conftest import parse_file

    notice = parse_file(DT_2022)
    assert notice.document.jurisdiction_en == "Nanjing" and notice.agencies == []
    assert all(u.id and not u.id.startswith("gen-") for c in notice.clauses for u in c.units)


@pytest.mark.parametrize(("fixture", "name", "english"), [
    ("lishui-zrfj-2023", "市发改委", "Lishui Municipal Development and Reform Commission"),
    ("ld-zrfj-2023", "区发改局", "Liandu District Development and Reform Bureau"),
    ("ld-zrfj-2023", "莲都经开区管委会", "Liandu Economic Development Zone Administrative Committee"),
    ("sc-fgw-liutong-2022", "省市场监管局", "Sichuan Provincial Administration for Market Regulation"),
    ("gbf-2020-43-reprint", "财政部", "Ministry of Finance"),
    ("dg-dongfu-2021-54-gb18030", "市残联", "Dongguan Municipal Disabled Persons' Federation"),
    ("yc-xiangcun-2026", "洛克乡", "Luoke Township"),
    ("fy-ducha-renju", "城市管理执法大队", "Fuyu Urban Management and Law Enforcement Brigade"),
    ("cq-yuzhong-2023-fenjie", "区规资局", "Yuzhong District Planning and Natural Resources Bureau"),
    ("cq-yuzhong-2023-fenjie", "区属各重点国企", "District-owned All Key State-owned Enterprises"),
    ("qd-qingzhengfa-2019-1", "青岛高新区管委", "Qingdao High-tech Zone Administrative Committee"),
    # No issuer printed: the city is the one a unit's name starts with (无锡国税局)
    ("wx-xizhengfa-2011-21", "市人保局", "Wuxi Municipal Human Resources and Social Security Bureau"),
])
def test_generated_names(fixture: str, name: str, english: str) -> None:
    notice = enrich(parse_fixture(FIXTURES / f"{fixture}.expect.json")[1])
    assert {u.zh: u.en for c in notice.clauses for u in c.units}[name] == english


def test_store_export_review_import_and_curated_wins(tmp_path: Path) -> None:
    store = ClauseStore(tmp_path / "db.sqlite3")
    ingest_file(store, FIXTURES / "gz-rencai-2012-reprint.html", enrich=enrich)
    ingest_file(store, DT_2022, enrich=enrich)
    registry = registry_for_store(store)
    gz_org = next(a for a in registry.agencies if a.zh == "市委组织部" and a.generated)
    assert registry.resolve("市委组织部").jurisdiction == "南京市"  # curated first for a bare lookup
    assert registry.resolve_in("市委组织部", ("广州市",)) == gz_org
    out = tmp_path / "agencies.json"
    n = export_agencies(store, out)
    rows = json.loads(out.read_text(encoding="utf-8"))["agencies"]
    assert n == len(rows) > 10 and all(r["generated"] and not r["reviewed"] for r in rows)
    row = next(r for r in rows if r["id"] == gz_org.id)
    assert row["used_in"] == ["gz-rencai-2012-reprint.html"]
    row["en"], row["reviewed"] = "Organization Department of the CPC Guangzhou Municipal Committee (reviewed)", True
    out.write_text(json.dumps({"agencies": rows}, ensure_ascii=False), encoding="utf-8")
    assert import_agencies(store, out) == 1
    units = [u for c in store.clauses("gz-rencai-2012-reprint.html") for u in c.units if u.id == gz_org.id]
    assert units and all(u.en.endswith("(reviewed)") for u in units)  # stored units take the reviewed name
    ingest_file(store, FIXTURES / "gz-rencai-2012-reprint.html",
                enrich=lambda p: enrich(p, registry=registry_for_store(store)))
    units = [u for c in store.clauses("gz-rencai-2012-reprint.html") for u in c.units if u.id == gz_org.id]
    assert units and all(u.en.endswith("(reviewed)") for u in units)  # re-ingest keeps it, no regenerated name
    assert registry_for_store(store).resolve_in("市委组织部", ("江苏省", "南京市")).id == "nj-org"  # curated wins


def test_a_notice_naming_its_province_without_sheng_does_not_lend_its_relative_names(tmp_path: Path) -> None:
    """A notice printing no issuer names 省工业和信息化厅 and its province only as 贵州 (数智贵州, 贵州大数据集团): the
    body is Guizhou's. A later Liaoning notice's 省工业和信息化厅 is Liaoning's own, whatever was stored first: its
    tasks are found by Liaoning's agency."""
    store = ClauseStore(tmp_path / "db.sqlite3")
    ingest_file(store, FIXTURES / "gz-shuzhi-2026-yaodian.txt", enrich=enrich)
    ingest_file(store, FIXTURES / "ln-liaozhengfa-2024-3.txt",
                enrich=lambda p: enrich(p, registry=registry_for_store(store)))
    registry = registry_for_store(store)
    guizhou = registry.resolve_in("省工业和信息化厅", ("贵州省",))
    liaoning = registry.resolve_in("省工业和信息化厅", ("辽宁省",))
    assert guizhou is not None and guizhou.jurisdiction == "贵州省"
    assert liaoning is not None and liaoning != guizhou and liaoning.jurisdiction == "辽宁省"
    units = [u for c in store.clauses("辽政发〔2024〕3号") for u in c.units if u.zh == "省工业和信息化厅"]
    assert units and all(u.id == liaoning.id for u in units)


def test_a_bare_name_a_placeless_notice_stored_first_is_still_the_placed_notices_own(tmp_path: Path) -> None:
    """住建局 in a notice printing no place, stored first, is no place's; the 住建局 of a county's notice ingested after
    it (or re-ingested over it) is that county's, as it is when the county's notice is stored first."""
    from ingest.pipeline import ingest_bytes

    placeless = "关于做好2030年城市更新工作的通知\n各有关单位：\n一、推进老旧小区改造。（住建局牵头）\n".encode()
    county = ("洋县人民政府关于印发2030年民生实事项目的通知\n各镇人民政府：\n"
              "一、改造老旧小区20个。（住建局牵头，财政局配合）\n").encode()
    for k, order in enumerate((((placeless, "a.txt"), (county, "b.txt")), ((county, "b.txt"), (placeless, "a.txt")))):
        store = ClauseStore(tmp_path / f"db{k}.sqlite3")
        for data, name in order:
            ingest_bytes(store, data, name, enrich=lambda p, s=store: enrich(p, registry=registry_for_store(s)))
        ids = {d.doc_number: {u.id for c in store.clauses(d.doc_number) for u in c.units if u.zh == "住建局"}
               for d in store.documents()}
        county_ids = next(v for k, v in ids.items() if "民生实事" in (store.document(k).title or ""))
        registry = registry_for_store(store)
        assert [registry.by_id[i].jurisdiction for i in county_ids] == ["洋县"], ids


def test_import_refuses_a_file_from_another_store(tmp_path: Path) -> None:
    store = ClauseStore(tmp_path / "db.sqlite3")
    bad = tmp_path / "x.json"
    bad.write_text(json.dumps({"agencies": [{"id": "gen-elsewhere-1", "en": "X"}]}), encoding="utf-8")
    with pytest.raises(PolicyQAError, match="not in this store"):
        import_agencies(store, bad)
    bad.write_text("[]", encoding="utf-8")
    with pytest.raises(PolicyQAError, match="not an agencies export"):
        import_agencies(store, bad)


@pytest.mark.parametrize(("text", "zh"), [
    ("the DRC", "市发改委"), ("the industry & IT bureau", "市工信局"), ("the HR bureau", "市人社局"),
    ("the tourism bureau", "市文旅局"), ("the market regulator", "市市场监管局"), ("the police", "市公安局"),
    ("the provincial police", "省公安厅"), ("the rensheju", "市人社局"), ("the S&T bureau", "市科技局"),
    ("the city's tax people", "市税务局"), ("the commerce officials", "市商务局"),
    # the short Chinese name put into English word by word (医保 "medical insurance"), not only the official name
    ("the city's medical insurance bureau", "市医保局"), ("the judicial bureau", "市司法局"),
    # the initials of the national body a city's sub-council is named after
    ("the CCPIT", "市贸促会"),
])
def test_informal_english_names_are_generated(text: str, zh: str) -> None:
    matcher = EnglishAgencyMatcher(default_registry())
    assert [a.zh for _, _, a in matcher.spans(f"Which tasks does {text} lead?")] == [zh]


def test_no_generated_name_is_a_word_or_someone_elses_abbreviation() -> None:
    registry = default_registry()
    assert "ipo" not in registry.resolve("省知识产权局").informal_en  # an initial public offering first
    one_word = {(n, a.zh) for a in registry.agencies for n in a.informal_en if " " not in n and len(n) <= 5}
    # an abbreviation of the body itself is its name: CCPIT (中国国际贸易促进委员会) for 市贸促会
    own = {(n, zh) for n, zh in one_word if any(len(set(h) & set(zh) - set("市省区县")) >= 2 for h in abbreviated(n))}
    assert ("ccpit", "市贸促会") in own
    assert one_word and not {n for n, zh in one_word - own if is_english_word(n)} - {"police", "customs"}


@pytest.mark.parametrize(("issuer", "english"), [
    ("运城市人民政府办公厅", "General Office of the Yuncheng Municipal People's Government"),
    ("浙江省人民政府办公厅", "General Office of the Zhejiang Provincial People's Government"),
    ("鞍山市立山区人民政府", "Lishan District People's Government"),
    ("中共广州市委", "CPC Guangzhou Municipal Committee"),
    ("市政府督查室", "Inspection Office of the Yuncheng Municipal People's Government"),
])
def test_governments_committees_and_their_offices_get_their_official_english_forms(issuer: str,
                                                                                   english: str) -> None:
    from ingest.agency_names import english_name
    from ingest.jurisdiction import Place, Scope

    scope = Scope((Place("山西省", "Shanxi", "province"), Place("运城市", "Yuncheng", "city")))
    if "立山" in issuer:
        scope = Scope((Place("鞍山市", "Anshan", "city"), Place("立山区", "Lishan District", "district")))
    elif "浙江" in issuer:
        scope = Scope((Place("浙江省", "Zhejiang", "province"),))
    elif "广州" in issuer:
        scope = Scope((Place("广州市", "Guangzhou", "city"),))
    assert english_name(issuer, scope, default_registry())[0] == english


def test_an_issuer_the_registry_lacks_is_stored_with_an_english_name() -> None:
    from service.answering.handlers.document import issuer_in

    enriched = enrich(parse_fixture(FIXTURES / "yc-yingji-2017.expect.json")[1])
    made = {a.zh: a for a in enriched.agencies}
    office = made["运城市人民政府办公厅"]
    assert office.en == "General Office of the Yuncheng Municipal People's Government" and office.generated
    registry = default_registry().with_agencies(list(made.values()))
    assert issuer_in(enriched.document, "en", registry) == f"{office.en} (运城市人民政府办公厅)"
    assert issuer_in(enriched.document, "zh", registry) == "运城市人民政府办公厅"


def test_an_informal_english_name_two_cities_share_means_the_one_of_the_city_named(tmp_path: Path) -> None:
    store = ClauseStore(tmp_path / "db.sqlite3")
    ingest_file(store, FIXTURES / "xm-xiafuban-2019-10.txt", enrich=enrich)
    ingest_file(store, FIXTURES / "lishui-zrfj-2023.txt", enrich=enrich)
    matcher = EnglishAgencyMatcher(registry_for_store(store))
    assert [a.jurisdiction for a in matcher.find("Which Xiamen measures fall to the city Construction Bureau?")] == \
        ["厦门市"]
    assert matcher.find("Which measures fall to the city Construction Bureau?") == []  # neither, unnamed


def test_a_chinese_city_is_known_by_its_simplified_name() -> None:
    from index.analyzer import Analyzer
    from ingest.places import Gazetteer

    found = Gazetteer(Analyzer().jieba).find("Projects in Suifenhe")
    assert [(p.zh, p.kind) for p in found] == [("绥芬河", "city")]  # geonames lists 綏芬河 first


def test_a_city_known_by_a_spelling_other_than_its_pinyin_has_its_chinese_name() -> None:
    """Harbin and Qiqihar are 哈尔滨 and 齐齐哈尔 (pinyin haerbin, qiqihaer: geonames lists those spellings too); a
    city's other names (宝安 for Shenzhen) are not its name."""
    from index.analyzer import Analyzer
    from ingest.places import Gazetteer

    found = Gazetteer(Analyzer().jieba).find("Gas turbines in Harbin, freight wagons in Qiqihar, and Shenzhen's port")
    assert [p.zh for p in found] == ["哈尔滨", "齐齐哈尔", "深圳"]


def test_a_place_heading_an_organ_word_is_named_but_not_one_heading_another_bodys_name() -> None:
    from index.analyzer import Analyzer
    from ingest.places import Gazetteer

    gazetteer = Gazetteer(Analyzer().jieba)
    assert [p.zh for p in gazetteer.find("Which Lanzhou bureau leads it?")] == ["兰州"]  # the bureau is Lanzhou's
    assert [p.zh for p in gazetteer.find("Which Lanzhou Municipal office leads it?")] == ["兰州"]
    assert gazetteer.find("Is the Shanghai Stock Exchange named?") == []  # a body of its own, not the place's organ
    assert gazetteer.find("the Lanzhou bureau", skip=[(4, 18)]) == []  # a known agency's name covers it


def test_a_word_jieba_tags_as_a_place_is_none_where_the_dictionary_knows_it_as_a_word() -> None:
    from index.analyzer import Analyzer
    from ingest.places import Gazetteer

    gazetteer = Gazetteer(Analyzer().jieba)
    assert [p.zh for p in gazetteer.find("沁县新建城区公办幼儿园由谁负责")] == ["沁县"]  # new construction
    assert gazetteer.find("新建3所幼儿园") == []
    assert [p.zh for p in gazetteer.find("南昌市新建区政府")] == ["南昌市", "新建"]  # its level word makes it one
    gazetteer.know([("新建区", "Xinjian District")])
    assert [p.zh for p in gazetteer.find("新建3所幼儿园")] == ["新建"]  # a stored notice is issued for it


def test_a_name_found_after_an_ampersand_or_doubled_space_is_placed_where_the_question_prints_it() -> None:
    matcher = EnglishAgencyMatcher(default_registry())
    text = "Our R&D team  needs the S&T bureau, who leads?"
    (start, end, agency), = matcher.spans(text)
    assert text[start:end] == "S&T bureau" and agency.zh == "市科技局"


def test_a_level_word_printed_once_covers_the_names_listed_after_it() -> None:
    # "(市发改委、农委、人保局,…)": 人保局 is the 市人保局 the notice names elsewhere
    notice = enrich(parse_fixture(FIXTURES / "wx-xizhengfa-2011-21.expect.json")[1])
    ids = {u.zh: u.id for c in notice.clauses for u in c.units}
    assert ids["人保局"] == ids["市人保局"] and ids["经信委"] == ids["市经信委"]
    assert {u.zh for c in notice.clauses for u in c.units} >= {"人保局", "市人保局"}  # stored as printed


def test_a_level_word_is_a_real_level_prefix_and_a_city_comes_from_an_organs_name_only() -> None:
    from ingest.jurisdiction import scope_of_text
    from ingest.knowledge import _with_level
    from ingest.models import Unit

    units = tuple(Unit(n, "responsible") for n in ("区发改局", "市场监管局", "商务局"))
    assert _with_level(units, 2, {"区商务局", "市商务局"}, lambda n: False) == "区商务局"  # 市场 is no level word
    assert scope_of_text("", "", ["中山大学", "市发改委"]).main is None  # a university, not 中山市's organ
    assert scope_of_text("", "", ["无锡国税局", "市发改委"]).main.zh == "无锡市"  # type: ignore[union-attr]
    # a city the gazetteer lacks but jieba knows for a place, at the head of a zone's committee
    assert scope_of_text("", "", ["市发改委", "咸宁高新区管委会"]).main.zh == "咸宁市"  # type: ignore[union-attr]
    assert scope_of_text("", "", ["市发改委", "新城区管委会"]).main is None  # a district's committee names no city
    # a newspaper's copy naming its province without 省 (陕西《政府工作报告》部门分工确定), not one inside a word
    assert scope_of_text("", "陕西《政府工作报告》部门分工确定", ["省发改委", "省农业厅"]).main.zh == "陕西省"  # type: ignore[union-attr]
    assert scope_of_text("", "上海南站改造工程", ["省发改委"]).main is None


def test_an_autonomous_regions_office_names_no_place_and_its_region_comes_from_the_text() -> None:
    """自治区人民政府办公厅 is no place called 自治区; the region is the one the text names (every province-level
    division is known, 宁夏回族自治区 too, which pycountry's zh_CN catalogue leaves untranslated)."""
    from ingest.jurisdiction import _provinces, scope_of_issuer, scope_of_text

    assert len(_provinces()) == 34 and scope_of_issuer("自治区人民政府办公厅") is None
    scope = scope_of_text("自治区人民政府办公厅关于印发工作计划的通知", "今天,宁夏回族自治区人民政府网站发布了",
                          ["自治区交通运输厅", "自治区发展改革委", "银川市"])
    assert scope.main is not None and (scope.main.zh, scope.main.en) == ("宁夏回族自治区", "Ningxia")


def test_an_autonomous_regions_units_belong_to_the_region_not_the_province_it_aids() -> None:
    """A Guangxi plan for housing in the Sichuan earthquake zone names 四川 more often than 广西: its 自治区 units are
    Guangxi's (a province is no autonomous region), and are named as the Autonomous Region's in English."""
    from ingest.agency_names import english_name
    from ingest.jurisdiction import scope_of_text
    from ingest.registry import default_registry

    text = "支援四川地震灾区过渡安置房建设。协调广西区内的生产厂家。落实入川物资运输。四川灾区人民。"
    scope = scope_of_text("", text, ["自治区财政厅", "自治区建设厅", "广西军区"])
    assert scope.main is not None and scope.main.zh == "广西壮族自治区"
    assert english_name("自治区财政厅", scope, default_registry())[0] == "Guangxi Autonomous Region Finance Department"


def test_no_place_is_read_out_of_words_that_only_look_like_one() -> None:
    """A notice printing no issuer and no place gets none: 新城区管委会 is a district's body, not the city 新城's;
    关于对县…, 现将县… and 经济开发区 name no county. A county the text does name is found."""
    from ingest.jurisdiction import scope_of_text

    county = ["县发改局", "县财政局"]
    text = ("县人民政府办公室关于对县政府工作报告确定的目标任务进行分解的通知。现将县政府工作报告目标任务分解如下。"
            "嘉鱼经济开发区、各镇人民政府")
    assert scope_of_text("", text, county).places == ()
    assert scope_of_text("", "推进新城市建设。", ["市发改委", "市财政局", "新城区管委会"]).places == ()
    found = scope_of_text("", "嘉鱼县人民政府办公室印发。嘉鱼县各镇人民政府", county).places
    assert [p.zh for p in found] == ["嘉鱼县"]


def test_a_misspelt_name_is_corrected_but_another_bodys_name_is_not() -> None:
    registry = default_registry()
    found = [a.zh for _, _, a in registry.spans_in_text("市商物局牵头哪些任务？", typos=True)]
    assert found == ["市商务局"]
    # 体育 (sport) is a word of its own: 市体育局 is a body the notices do not list, not 市教育局 misspelt
    assert registry.spans_in_text("市体育局牵头哪些任务？", typos=True) == []


def test_a_district_government_is_called_by_its_place_alone() -> None:
    from ingest.aliases import english_aliases

    assert "yuhuatai" in english_aliases("Yuhuatai District Government", "district", ("Nanjing",), "雨花台区")
    # a bureau is never called by its place alone
    commerce = english_aliases("Nanjing Municipal Bureau of Commerce", "municipal", ("Nanjing",), "市商务局")
    assert "nanjing" not in commerce
    assert "jiangning" in english_aliases("Jiangning District Government", "district", ("Nanjing",), "江宁区")
    # "Lishui" is also 丽水市, a city of its own: the district 溧水区 is not called by it alone
    assert "lishui" not in english_aliases("Lishui District Government", "district", ("Nanjing",), "溧水区")


@pytest.mark.parametrize(("zh", "english"), [("外交部", "Ministry of Foreign Affairs"),
                                             ("国土资源部", "Ministry of Land and Resources")])
def test_a_curated_character_never_cuts_a_word_of_a_generated_name(zh: str, english: str) -> None:
    # 外 is the core of a curated 市外办 (Foreign Affairs); 外交部 is not 外 + 交 ("hand over")
    from ingest.agency_names import english_name
    from ingest.jurisdiction import scope_of

    registry = default_registry()
    scope = scope_of("国务院办公厅", [], "国务院办公厅关于印发分工方案的通知", "", [zh], registry.within)
    assert english_name(zh, scope, registry)[0] == english


def test_a_collective_of_levels_is_named_by_its_levels_not_spelled_out_in_pinyin() -> None:
    from ingest.agency_names import english_name
    from ingest.jurisdiction import scope_of_issuer
    from ingest.registry import default_registry

    registry, scope = default_registry(), scope_of_issuer("株洲市人民政府")
    assert scope is not None

    def en(zh: str) -> str:
        return english_name(zh, scope, registry)[0]

    assert en("各县(市、区)人民政府") == en("各县市区人民政府") == "All County, City and District People's Governments"
    assert en("各乡、镇人民政府") == "All Township and Town People's Governments"
    assert en("各相关乡镇政府") == "All Relevant Township and Town Governments"
    assert en("各县市区") == "All Counties, Cities and Districts"
    assert en("各区、县级市人民政府") == "All District and County-level City People's Governments"


def test_a_pinyin_name_with_an_apostrophe_is_one_place_however_it_is_typed() -> None:
    """"Ma'anshan" is 马鞍山, not "Ma" and Anshan (鞍山); the straight apostrophe, the curly one and none name it."""
    from index.analyzer import Analyzer
    from ingest.places import Gazetteer

    gazetteer = Gazetteer(Analyzer().jieba)
    for typed in ("Ma'anshan", "Ma’anshan", "Maanshan"):
        assert [p.zh for p in gazetteer.find(f"Which {typed} bureau published the rules?")] == ["马鞍山"], typed
    assert [p.zh for p in gazetteer.find("Xi'an and Anshan")] == ["西安", "鞍山"]
    gazetteer.know([("马鞍山市", "Ma’anshan")])  # a stored notice's English name, with its curly apostrophe
    assert [p.zh for p in gazetteer.find("Which Ma'anshan bureau published the rules?")] == ["马鞍山市"]
