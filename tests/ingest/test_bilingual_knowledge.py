"""The agency registry, the glossary, and the English renderings of every bundled clause."""

from __future__ import annotations

import json
import re

import pytest

from ingest.glossary import default_glossary
from ingest.models import ParsedNotice
from ingest.registry import AgencyRegistry, EnglishAgencyMatcher, default_registry
from ingest.translate import numbers_and_acronyms


def test_every_agency_string_resolves(dt2022: ParsedNotice, so2023: ParsedNotice) -> None:
    registry = default_registry()
    unresolved = {u.zh for p in (dt2022, so2023) for c in p.clauses for u in c.units if registry.resolve(u.zh) is None}
    assert unresolved == set()
    assert not [w for p in (dt2022, so2023) for w in p.warnings if "registry" in w]
    assert all(u.id and u.en for p in (dt2022, so2023) for c in p.clauses for u in c.units)


def test_registry_is_consistent() -> None:
    from ingest.registry import registry_path

    raw = json.loads(registry_path().read_text(encoding="utf-8"))
    ids = [a["id"] for a in raw["agencies"]]
    assert len(ids) == len(set(ids))
    names = [n for a in raw["agencies"] for n in [a["zh"], *a["aliases"]]]
    assert len(names) == len(set(names)), "a printed name may belong to one agency only"
    for a in raw["agencies"]:
        assert a["en"] and re.search(r"[A-Za-z]", a["en"]) and a["level"] in {
            "national", "provincial", "municipal", "district", "state-owned enterprise", "zone"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("人行南京分行营管部", "人民银行南京分行营管部"), ("人行南京分行营管部", "人行南京营管部"),
        ("外汇局江苏省分局", "江苏外管局"), ("市金融监管局", "市金融局"), ("大数据集团", "市大数据集团"),
        ("软件谷", "中国（南京）软件谷"), ("市场监管局", "市市场监管局"), ("各区", "各区政府"),
        ("南京通管办", "南京通管办（联系省通管局）"), ("江苏银保监局", "省银保监局"),
        ("禄口机场海关", "南京禄口机场海关"),
    ],
)
def test_aliases_resolve_to_one_agency(a: str, b: str) -> None:
    r = default_registry()
    assert r.resolve(a) is not None and r.resolve(a) == r.resolve(b)


@pytest.mark.parametrize(
    ("a", "b"), [("人行南京分行", "人行南京分行营管部"), ("市大数据局", "市大数据集团"), ("南京海关", "金陵海关")]
)
def test_possibly_different_bodies_stay_apart(a: str, b: str) -> None:
    r = default_registry()
    assert r.resolve(a) != r.resolve(b)


def test_english_agency_names_in_questions() -> None:
    m = EnglishAgencyMatcher(default_registry())
    assert [a.zh for a in m.find("Which tasks does the Nanjing Science and Technology Bureau lead?")] == ["市科技局"]
    assert [a.zh for a in m.find("What does the provincial science and technology department guide?")] == ["省科技厅"]
    assert m.find("Who leads the pilot for foreign talent in the services sector?") == []  # topics are not agencies


def test_registry_rejects_unknown_names() -> None:
    assert AgencyRegistry([]).resolve("市商务局") is None


def test_glossary_expands_both_ways() -> None:
    g = default_glossary()
    assert len(g.terms) >= 150
    zh, en = g.expand("Who leads the QFLP pilot?")
    assert "合格境外有限合伙人" in zh
    zh, en = g.expand("本外币合一银行结算账户体系试点由谁牵头？")
    assert any("foreign currency" in e for e in en)
    zh, en = g.expand("what is on the negative list")
    assert "负面清单" in zh


def test_every_bundled_clause_has_an_english_rendering(dt2022: ParsedNotice, so2023: ParsedNotice) -> None:
    for p in (dt2022, so2023):
        assert p.document.title_en
        missing = [c.clause_id for c in p.clauses if not c.text_en]
        assert missing == []


def test_renderings_keep_every_number_and_acronym(dt2022: ParsedNotice, so2023: ParsedNotice) -> None:
    problems = []
    for p in (dt2022, so2023):
        for c in p.clauses:
            en = c.text_en or ""
            for item in numbers_and_acronyms(c.text):
                if item not in en:
                    problems.append((c.clause_id, item))
    assert problems == []


def test_renderings_file_ids_match_clauses(dt2022: ParsedNotice, so2023: ParsedNotice) -> None:
    from ingest.knowledge import load_renderings

    for p in (dt2022, so2023):
        ids = set(load_renderings(p.document.doc_key)) - {"title"}
        assert ids == {c.clause_id for c in p.clauses}
