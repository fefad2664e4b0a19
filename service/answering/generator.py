"""Optional LLM rewriting through an OpenAI-compatible endpoint. LangChain stays inside this one module."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from policyqa.settings import Settings


class Generator(Protocol):
    name: str

    def generate(self, prompt: str) -> str:
        """Return the model's reply to a fully rendered prompt. May raise on upstream errors."""
        ...

    def stream(self, prompt: str) -> Iterator[str]:
        """The reply as it is generated, piece by piece. May raise on upstream errors."""
        ...


class LangChainGenerator:
    def __init__(self, base_url: str, model: str, api_key: str, timeout: float) -> None:
        from langchain_openai import ChatOpenAI

        self.name = f"llm:{model}"
        self._llm = ChatOpenAI(
            base_url=base_url, model=model, api_key=api_key or "not-needed",  # type: ignore[arg-type]
            timeout=timeout, max_retries=0, temperature=0,
        )

    def generate(self, prompt: str) -> str:
        from langchain_core.messages import HumanMessage

        reply = self._llm.invoke([HumanMessage(content=prompt)])
        content = reply.content
        return content if isinstance(content, str) else "".join(str(p) for p in content)

    def stream(self, prompt: str) -> Iterator[str]:
        from langchain_core.messages import HumanMessage

        for chunk in self._llm.stream([HumanMessage(content=prompt)]):
            content = chunk.content
            text = content if isinstance(content, str) else "".join(str(p) for p in content)
            if text:
                yield text


def make_generator(settings: Settings) -> Generator:
    return LangChainGenerator(settings.llm_base_url, settings.llm_model, settings.llm_api_key, settings.llm_timeout_s)
