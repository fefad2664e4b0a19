"""Optional LLM rewording of an extractive answer, from the cited clauses only. The reply is kept only if it cites
the clauses it uses, states nothing they do not, leaks no prompt and links nowhere; otherwise the extractive answer
stands (`llm_fallback`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

from ingest.models import Clause
from ingest.registry import AgencyRegistry, EnglishAgencyMatcher
from policyqa.prompts import PROMPTS_DIR, load_prompt
from service.answering.generator import Generator
from service.answering.types import Answer
from service.answering.verify import unsupported

MAX_REPLY_CHARS = 8000


class Rewriter:
    def __init__(self, generator: Generator, registry: AgencyRegistry, timeout_s: float,
                 prompts_dir: Path = PROMPTS_DIR, english: EnglishAgencyMatcher | None = None) -> None:
        self.generator, self.registry, self.timeout_s = generator, registry, timeout_s
        self.english = english or EnglishAgencyMatcher(registry)
        self.prompts = {lang: load_prompt(f"answer_{lang}", {"question", "clauses", "draft"}, prompts_dir)
                        for lang in ("zh", "en")}
        self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="llm")

    def prompt(self, question: str, answer: Answer) -> str:
        cited = [e.clause for e in answer.cited[:6]]
        return self.prompts[answer.lang].render(question=question, clauses=clause_blocks(cited, answer.lang),
                                                draft=answer.text)

    def rewrite(self, question: str, answer: Answer) -> Answer:
        fallback = replace(answer, llm_fallback=True)
        prompt = self.prompt(question, answer)
        try:
            text = self._pool.submit(self.generator.generate, prompt).result(timeout=self.timeout_s).strip()
        except Exception:  # noqa: BLE001 - timeouts, upstream 5xx, garbage: all fall back to the extractive answer
            return fallback
        return self.accept(text, answer) or fallback

    def stream(self, question: str, answer: Answer) -> Iterator[str]:
        """The model's reply to the rewording prompt, as it comes (for the stream route, which verifies the whole
        reply with `accept` at the end and replaces it with the extractive answer if it fails). Raises on upstream
        errors; the caller bounds the time."""
        stream = getattr(self.generator, "stream", None)
        prompt = self.prompt(question, answer)
        if stream is None:  # a generator that cannot stream gives its reply in one piece
            yield self.generator.generate(prompt)
            return
        total = 0
        for piece in stream(prompt):
            total += len(piece)
            if total > MAX_REPLY_CHARS:
                raise ValueError("the model's reply is too long")
            yield piece

    def accept(self, text: str, answer: Answer) -> Answer | None:
        """The rewritten answer if `text` passes verification, else None."""
        if not text or "NOT_IN_NOTICES" in text or len(text) > MAX_REPLY_CHARS:
            return None
        cited = [e.clause for e in answer.cited[:6]]
        cited_ids = {c.clause_id for c in cited}
        refs = set(re.findall(r"\[([\w\-/.]+)\]", text))
        evidence = [c for c in cited if c.clause_id in refs]
        if not refs or refs - cited_ids or _leaks(text, self.prompts[answer.lang].template):
            return None
        if unsupported(text, evidence, self.registry, english=self.english):
            return None
        return replace(answer, text=text, generator=self.generator.name)


def clause_blocks(cited: list[Clause], lang: str) -> str:
    return "\n\n".join(
        f"[{c.clause_id}] {c.doc_number} task {c.task_no if c.task_no is not None else '-'} — {c.section}\n{c.text}"
        + (f"\nEN: {c.text_en}" if c.text_en and lang == "en" else "")
        + "\nUnits: "
        + "; ".join(f"{u.role}: {u.en} ({u.zh})" if lang == "en" else f"{u.role}: {u.zh}" for u in c.units)
        for c in cited
    )


def _leaks(text: str, template: str) -> bool:
    """Whether a reply repeats any instruction fragment (10+ characters) of the prompt template."""
    fragments = re.split(r"[，。：:；;,.!！?？\n]|^\s*-\s*", template, flags=re.M)
    return any(len(f.strip()) >= 10 and "{" not in f and f.strip() in text for f in fragments)
