"""kill -9 at random points in 50 reindexes always leaves a loadable index (the old one or the new one)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from index.analyzer import Analyzer
from index.embedders import HashEmbedder
from index.retriever import load_retriever
from ingest.store import ClauseStore
from tests.conftest import build_store_and_index

REBUILD = (
    "from policyqa.settings import Settings; from index.builder import ensure_index; "
    "ensure_index(Settings(), force=True)"
)


@pytest.mark.slow
def test_kill_9_during_reindex_leaves_a_loadable_index(tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = build_store_and_index(tmp_path / "var", "hash")
    store = ClauseStore(settings.db_path)
    clauses, corpus = store.clauses(), store.corpus_hash()
    analyzer = Analyzer()
    env = os.environ | {"POLICYQA_DATA_DIR": str(settings.data_dir), "POLICYQA_EMBEDDER": "hash"}
    rng = random.Random(7)
    killed = 0
    for _ in range(50):
        proc = subprocess.Popen([sys.executable, "-c", REBUILD], env=env)
        time.sleep(rng.uniform(0.2, 2.5))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait()
        r = load_retriever(settings.index_root, clauses, HashEmbedder(), analyzer, corpus)
        assert r.search("外籍人才创业工作许可", k=1)[0].clause.task_no == 93
    assert killed >= 10  # the kills really landed mid-build
