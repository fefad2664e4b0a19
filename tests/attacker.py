"""A hostile client in its own process, as it would be in life: `lanes` keep-alive connections from 127.0.0.9
that send `question` (numbered, so no cache helps) as fast as the server answers, ignoring Retry-After and pausing
only 50 ms after a 429. Prints {status: count} as JSON when `seconds` have passed or on SIGTERM.

It speaks HTTP/1.1 over raw asyncio streams rather than through httpx: on a 2-core test machine the attacker's own
client CPU (a few ms a request in httpx, ~100 requests a second) came out of the server's share, which a client on
another machine would not take.

    python tests/attacker.py URL SECONDS LANES QUESTION
"""

from __future__ import annotations

import asyncio
import json
import signal
import sys
from urllib.parse import urlsplit


async def lane(host: str, port: int, question: str, stop: asyncio.Event, tally: dict[int, int], k: int) -> None:
    reader, writer = await asyncio.open_connection(host, port, local_addr=("127.0.0.9", 0))
    i = 0
    try:
        while not stop.is_set():
            i += 1
            body = json.dumps({"question": f"{question}（第{k}-{i}问）"}, ensure_ascii=False).encode()
            writer.write(b"POST /v1/ask HTTP/1.1\r\nHost: %b:%d\r\nContent-Type: application/json\r\n"
                         b"Content-Length: %d\r\n\r\n%b" % (host.encode(), port, len(body), body))
            status_line = await reader.readline()
            headers = await reader.readuntil(b"\r\n\r\n")
            length = next(int(h.split(b":")[1]) for h in headers.split(b"\r\n")
                          if h.lower().startswith(b"content-length:"))
            await reader.readexactly(length)
            status = int(status_line.split()[1])
            tally[status] = tally.get(status, 0) + 1
            if status == 429:
                await asyncio.sleep(0.05)
    finally:
        writer.close()


async def attack(url: str, seconds: float, lanes: int, question: str) -> dict[int, int]:
    parts = urlsplit(url)
    tally: dict[int, int] = {}
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.call_later(seconds, stop.set)
    await asyncio.gather(*(lane(parts.hostname or "127.0.0.1", parts.port or 80, question, stop, tally, k)
                           for k in range(lanes)))
    return tally


if __name__ == "__main__":
    url, seconds, lanes, question = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    print(json.dumps(asyncio.run(attack(url, seconds, lanes, question))))
