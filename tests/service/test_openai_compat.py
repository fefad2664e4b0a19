"""The chat endpoint as OpenAI clients use it: the official `openai` SDK (models, content parts, usage, errors)
and LangChain's ChatOpenAI keeping the citations; plus /v1/ask naming unknown doc_numbers."""

from __future__ import annotations

import openai
import pytest

from tests.conftest import SO_NO


@pytest.fixture
def sdk(client):  # type: ignore[no-untyped-def]
    return openai.OpenAI(base_url="http://testserver/v1", api_key="unused", http_client=client, max_retries=0)


def test_models_are_listed(sdk) -> None:  # type: ignore[no-untyped-def]
    assert [m.id for m in sdk.models.list()] == ["policyqa"]


def test_content_as_parts_is_read_and_usage_is_counted(sdk) -> None:  # type: ignore[no-untyped-def]
    r = sdk.chat.completions.create(model="policyqa", messages=[
        {"role": "user", "content": [{"type": "text", "text": "外籍人才创业工作许可由哪个部门牵头？"}]}])
    assert "市科技局" in (r.choices[0].message.content or "")
    assert r.usage is not None and r.usage.prompt_tokens > 0 and r.usage.completion_tokens > 0
    assert r.usage.total_tokens == r.usage.prompt_tokens + r.usage.completion_tokens


def test_streamed_usage_comes_last_when_asked(sdk) -> None:  # type: ignore[no-untyped-def]
    chunks = list(sdk.chat.completions.create(model="policyqa", stream=True, stream_options={"include_usage": True},
                                              messages=[{"role": "user", "content": "市司法局牵头哪些任务？"}]))
    assert chunks[-1].choices == [] and chunks[-1].usage is not None and chunks[-1].usage.total_tokens > 0
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)


def test_errors_have_openai_shape(sdk) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(openai.UnprocessableEntityError) as e:
        sdk.chat.completions.create(model="policyqa", n=2, messages=[{"role": "user", "content": "问题"}])
    assert e.value.body["type"] == "invalid_request_error" and e.value.body["param"] == "n"  # type: ignore[index]
    with pytest.raises(openai.NotFoundError):
        sdk.models.retrieve("gpt-4")


def test_langchain_keeps_the_citations(client) -> None:  # type: ignore[no-untyped-def]
    import json

    from langchain_openai import ChatOpenAI

    llm = ChatOpenAI(model="policyqa", base_url="http://testserver/v1", api_key="unused",  # type: ignore[arg-type]
                     http_client=client, max_retries=0, include_response_headers=True)
    msg = llm.invoke("外籍人才创业工作许可由哪个部门牵头？")
    cites = json.loads(msg.response_metadata["headers"]["x-policyqa-citations"])
    assert cites and cites[0]["doc_number"] == SO_NO and cites[0]["task_no"] == 93
    assert "市科技局" in str(msg.content)
    assert f"出处：\n[1] {SO_NO} 第93项任务" in str(msg.content)  # numbered sources in the content itself
    streamed = "".join(str(c.content) for c in llm.stream("Who leads the QFLP pilot?"))
    assert "\n\nSources:\n[1] " in streamed


def test_unknown_doc_numbers_are_named_in_a_422(client) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/v1/ask", json={"question": "Who leads it?", "doc_numbers": ["沪府发〔2020〕1号", SO_NO]})
    assert r.status_code == 422 and "沪府发〔2020〕1号" in r.json()["detail"] and SO_NO not in r.json()["detail"][:40]
