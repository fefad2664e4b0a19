"""The admin upload takes every format `policyqa ingest` reads, told by content, and names the ones it does not."""

from __future__ import annotations

import pytest

from tests.conftest import make_client
from tests.ingest.real_notices import FIXTURES

KEY = "k" * 32
pytestmark = pytest.mark.slow  # each test builds an app over a copied store and index


@pytest.fixture
def admin(tmp_path):  # type: ignore[no-untyped-def]
    from tests.conftest import build_store_and_index

    settings = build_store_and_index(tmp_path / "var", "hash").model_copy(
        update={"admin_key": KEY, "rate_limit_per_minute": 1_000_000})
    with make_client(settings, None) as c:
        c.headers["Authorization"] = f"Bearer {KEY}"
        yield c


def test_docx_upload_with_a_generic_type_is_read_and_searchable(admin) -> None:  # type: ignore[no-untyped-def]
    data = (FIXTURES / "ls-lilizhengfa-2023-2.docx").read_bytes()
    r = admin.post("/v1/admin/ingest", files={"file": ("notice.bin", data, "application/octet-stream")})
    assert r.status_code == 200, r.text
    assert r.json()["doc_number"] == "鞍立政发〔2023〕2号" and r.json()["tasks"] == 6
    tasks = admin.get("/v1/tasks", params={"doc_number": "鞍立政发〔2023〕2号"}).json()["tasks"]
    assert [u["zh"] for u in tasks[0]["units"]] == ["区发改局", "立山经济开发区", "全区经济运行各专班"]
    assert all(u["en"] for t in tasks for u in t["units"])  # generated names: no unit is dropped


def test_upload_without_a_number_takes_the_given_one(admin) -> None:  # type: ignore[no-untyped-def]
    data = (FIXTURES / "sc-fgw-liutong-2022.pdf").read_bytes()
    r = admin.post("/v1/admin/ingest", files={"file": ("plan.pdf", data, "application/pdf")},
                   data={"doc_number": "川发改〔2022〕600号"})
    assert r.status_code == 200, r.text
    assert r.json()["tasks"] == 2
    docs = {d["doc_number"]: d for d in admin.get("/v1/documents").json()["documents"]}
    assert docs["川发改〔2022〕600号"]["title"] == "四川省“十四五”现代流通体系建设实施方案"


def test_unread_formats_are_415_naming_the_format(admin) -> None:  # type: ignore[no-untyped-def]
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    r = admin.post("/v1/admin/ingest", files={"file": ("scan.txt", png, "text/plain")})
    assert r.status_code == 415 and "PNG image" in r.json()["detail"]
