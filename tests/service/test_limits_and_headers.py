"""Bad input gets a 4xx with a useful detail before any embedding work; headers, CORS and admin auth."""

from __future__ import annotations

import pytest

from tests.conftest import make_client


class CountingEmbedder:
    """Wraps the engine's embedder to prove refused requests never reach it."""

    def __init__(self, inner) -> None:  # type: ignore[no-untyped-def]
        self.inner, self.calls = inner, 0
        self.id, self.dim, self.prefixes = inner.id, inner.dim, inner.prefixes

    def embed(self, texts, kind):  # type: ignore[no-untyped-def]
        self.calls += 1
        return self.inner.embed(texts, kind)


@pytest.fixture(scope="module")
def counted(hash_settings, hash_engine):  # type: ignore[no-untyped-def]
    """An engine of its own whose embedder counts calls (the shared session engine is never patched)."""
    from index.embedders import HashEmbedder
    from service.engine import load_engine

    counting = CountingEmbedder(HashEmbedder())
    engine = load_engine(hash_settings.model_copy(update={"query_cache_size": 0}), embedder=counting,
                         analyzer=hash_engine.analyzer)
    return engine, counting


def test_counting_engine_counts(hash_settings, counted) -> None:  # type: ignore[no-untyped-def]
    engine, counting = counted
    before = counting.calls
    with make_client(hash_settings, engine) as c:
        assert c.post("/v1/ask", json={"question": "Who leads the QFLP pilot?"}).status_code == 200
    assert counting.calls > before  # so a zero below means the request really never reached the model


@pytest.mark.parametrize(
    ("body", "status", "detail"),
    [
        ({"question": ""}, 422, "at least 1 character"),
        ({"question": "   \n\t "}, 422, "blank"),
        ({"question": "问" * 1001}, 422, "limit is 1000"),
        ({"question": 42}, 422, "valid string"),
        ({"question": ["a"]}, 422, "valid string"),
        ({"question": "QFLP", "top_k": 0}, 422, "greater than or equal to 1"),
        ({"question": "QFLP", "top_k": 10**9}, 422, "less than or equal"),
        ({"question": "QFLP", "top_k": 500}, 422, "top_k must be between 1 and 20"),
        ({"question": "QFLP", "lang": "fr"}, 422, "'auto', 'zh' or 'en'"),
        ({"question": "QFLP", "extra": 1}, 422, "Extra inputs"),
        ({}, 422, "Field required"),
    ],
)
def test_bad_ask_bodies(hash_settings, counted, body, status, detail) -> None:  # type: ignore[no-untyped-def]
    engine, counting = counted
    before = counting.calls
    with make_client(hash_settings, engine) as c:
        r = c.post("/v1/ask", json=body)
    assert r.status_code == status
    assert detail in str(r.json()["detail"])
    assert counting.calls == before


@pytest.mark.parametrize(
    ("raw", "ctype"),
    [(b"{not json", "application/json"), (b"\xff\xfe\xfa", "application/json"), (b"question=hi", "text/plain")],
)
def test_malformed_bodies(client, raw: bytes, ctype: str) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/v1/ask", content=raw, headers={"content-type": ctype})
    assert 400 <= r.status_code < 500 and r.json()["detail"]


def test_security_headers_on_demo_and_widget(client) -> None:  # type: ignore[no-untyped-def]
    for path in ("/", "/widget.js", "/widget.css", "/v1/documents"):
        r = client.get(path)
        assert r.status_code == 200
        assert r.headers["x-content-type-options"] == "nosniff"
        assert "default-src 'self'" in r.headers["content-security-policy"]
        assert "script-src 'self'" in r.headers["content-security-policy"]
    assert client.get("/widget.js").headers["content-type"].startswith("text/javascript")


def test_cors_allowlist_only(hash_settings, hash_engine) -> None:  # type: ignore[no-untyped-def]
    with make_client(hash_settings, hash_engine, cors_origins=["https://desk.example.gov.cn"]) as c:
        preflight = {"Origin": "https://desk.example.gov.cn", "Access-Control-Request-Method": "POST"}
        ok = c.options("/v1/ask", headers=preflight)
        assert ok.headers.get("access-control-allow-origin") == "https://desk.example.gov.cn"
        bad = c.options("/v1/ask", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
        assert "access-control-allow-origin" not in bad.headers
        admin = c.post("/v1/admin/reindex", headers={"Origin": "https://desk.example.gov.cn"})
        assert "access-control-allow-origin" not in admin.headers


def test_no_cors_by_default(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/v1/documents", headers={"Origin": "https://anywhere.example"})
    assert "access-control-allow-origin" not in r.headers


def test_wildcard_cors_is_refused() -> None:
    from pydantic import ValidationError

    from policyqa.settings import Settings

    with pytest.raises(ValidationError, match="explicitly"):
        Settings(cors_origins=["*"])
    with pytest.raises(ValidationError, match="16 characters"):
        Settings(admin_key="short")


def _admin_routes(app) -> list:  # type: ignore[no-untyped-def]
    from service.main import iter_routes

    return [r for r in iter_routes(app.routes) if getattr(r, "path", "").startswith("/v1/admin")]


def test_every_admin_route_refuses_without_the_key(hash_settings, hash_engine) -> None:  # type: ignore[no-untyped-def]
    key = "k" * 32
    with make_client(hash_settings, hash_engine, admin_key=key) as c:
        routes = _admin_routes(c.app)
        assert {r.path for r in routes} >= {"/v1/admin/reindex", "/v1/admin/ingest"}
        for route in routes:
            for method in route.methods:
                assert c.request(method, route.path).status_code == 401
                wrong = c.request(method, route.path, headers={"Authorization": "Bearer " + "x" * 32})
                assert wrong.status_code == 401
                basic = c.request(method, route.path, headers={"Authorization": f"Basic {key}"})
                assert basic.status_code == 401
    with make_client(hash_settings, hash_engine) as c:  # no key configured: disabled
        for route in _admin_routes(c.app):
            for method in route.methods:
                r = c.request(method, route.path, headers={"Authorization": "Bearer "})
                assert r.status_code == 403 and "disabled" in r.json()["detail"]


def test_500s_are_generic(hash_settings, hash_engine) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    from fastapi.testclient import TestClient

    from service.main import create_app

    class Boom:
        def answer(self, req):  # type: ignore[no-untyped-def]
            raise RuntimeError("secret path /etc/policyqa and key sk-123")

    broken = dataclasses.replace(hash_engine, answerer=Boom())  # a copy: the session engine is untouched
    with TestClient(create_app(hash_settings, engine_factory=lambda _s: broken), raise_server_exceptions=False) as c:
        r = c.post("/v1/ask", json={"question": "QFLP"})
    assert r.status_code == 500 and r.json() == {"detail": "internal error"}
    assert "secret" not in r.text and "Traceback" not in r.text


def test_the_token_cap_asks_the_tokenizer_only_when_the_length_cannot_settle_it() -> None:
    import unicodedata

    from service.cost import tokens_over_cap

    class Counting:
        calls = 0

        def count_tokens(self, text: str) -> int:
            Counting.calls += 1
            return len(unicodedata.normalize("NFKC", text)) // 2

    e = Counting()
    assert tokens_over_cap(e, "Who leads the QFLP pilot?", 128) is None and Counting.calls == 0
    assert tokens_over_cap(e, "x" * 200, 128) is None and Counting.calls == 1  # counted: 100 tokens, under
    assert tokens_over_cap(e, "x" * 300, 128) == 150
    # NFKC expands this ligature to 18 characters: its length in the raw text does not bound its tokens.
    assert tokens_over_cap(e, "\ufdfa" * 20, 128) == 180 and Counting.calls == 3


def test_no_text_has_more_model_tokens_than_characters_plus_the_overhead() -> None:
    """The bound tokens_over_cap relies on, checked on the embedded model's own tokenizer with hostile texts."""
    import unicodedata

    from index.embedders import make_embedder
    from service.cost import _MODEL_OVERHEAD

    e = make_embedder("e5-small-q4")
    texts = ["Who leads the QFLP pilot?", "外籍人才创业工作许可由哪个部门牵头？", "\ufdfa" * 5, "\u337f" * 10, " " * 50,
             "a  b   c", "\u200b" * 30, "\U0001f600" * 10, "x" * 100, "。" * 40, "Ａｂｃ１２３", "e\u0301" * 20,
             "\U00020000" * 10, "ǅǈǋ" * 10, "!?" * 30]
    for t in texts:
        assert e.count_tokens(t) <= max(len(t), len(unicodedata.normalize("NFKC", t))) + _MODEL_OVERHEAD, t
