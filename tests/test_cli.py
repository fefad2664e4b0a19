"""The `policyqa` CLI end to end (hash embedder: no model load)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from policyqa.cli import app
from policyqa.settings import Settings
from tests.conftest import NOTICES

runner = CliRunner()


def test_ingest_then_documents(settings: Settings) -> None:
    r = runner.invoke(app, ["ingest", str(NOTICES)])
    assert r.exit_code == 0, r.output
    assert "宁政发〔2023〕51号" in r.output and "104" in r.output and "added" in r.output
    assert "Built index" in r.output
    again = runner.invoke(app, ["ingest", str(NOTICES)])
    assert again.exit_code == 0 and "unchanged" in again.output and "up to date" in again.output
    docs = runner.invoke(app, ["documents", "--json"])
    assert docs.exit_code == 0 and "宁委办发〔2022〕13号" in docs.output
    table = runner.invoke(app, ["documents"], env={"COLUMNS": "80"})  # a narrow terminal cuts titles, not 文号
    assert table.exit_code == 0 and "宁委办发〔2022〕13号" in table.output and "宁政发〔2023〕51号" in table.output


def test_ingest_errors_exit_nonzero_with_one_line(settings: Settings, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    r = runner.invoke(app, ["ingest", str(bad)])
    assert r.exit_code == 1
    assert "bad.txt: file is empty" in r.output
    missing = runner.invoke(app, ["ingest", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1 and "no such file" in missing.output


def test_worker_listener_is_tcp_so_accepted_sockets_get_nodelay() -> None:
    """uvicorn#3149: with --workers, a listener bound with proto 0 leaves Nagle on (40 ms per keep-alive request)."""
    import asyncio
    import socket

    import uvicorn

    from service.server import tcp_listener

    listener = tcp_listener(uvicorn.Config("service.main:create_app", factory=True, host="127.0.0.1", port=0))
    assert listener.proto == socket.IPPROTO_TCP

    async def accepted_nodelay() -> int:
        got: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        class Probe(asyncio.Protocol):
            def connection_made(self, transport):  # type: ignore[no-untyped-def]
                got.set_result(transport.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
                transport.close()

        server = await asyncio.get_running_loop().create_server(Probe, sock=listener)
        _, writer = await asyncio.open_connection(*listener.getsockname()[:2])
        value = await asyncio.wait_for(got, 5)
        writer.close()
        server.close()
        return value

    assert asyncio.run(accepted_nodelay()) != 0
