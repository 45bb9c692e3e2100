"""Requests at a fixed rate, evenly spaced over a fixed number of connections (an open loop).

wrk keeps every connection busy, so its latency is the queue it builds
itself; tools that limit their rate by a count per second (autocannon) or a
ticker per connection started at the same instant (hey) send in bursts, so
theirs is the queue of the burst. Here each of `connections` keep-alive
connections sends one request every `connections / rate` seconds, the
connections offset from one another, so requests arrive every `1 / rate`
seconds, as wrk2 sends them. A request is timed from when it was due, not
from when it went out, so a late answer counts against the requests it
delayed too (coordinated omission corrected).
"""
from __future__ import annotations

import asyncio
import time
from urllib.parse import urlsplit


def post(url: str, body: str, content_type: str, rate: int, connections: int, seconds: float) -> dict:
    """POST `body` to `url` at `rate` requests a second for `seconds`: the rate reached, latency percentiles
    in ms, and how many answers were not 200."""
    return asyncio.run(_run(url, body.encode(), content_type, rate, connections, seconds))


async def _run(url, body, content_type, rate, connections, seconds):
    parts = urlsplit(url)
    request = (f"POST {parts.path or '/'} HTTP/1.1\r\nHost: {parts.netloc}\r\nContent-Type: {content_type}\r\n"
               f"Content-Length: {len(body)}\r\n\r\n").encode() + body
    interval = connections / rate
    start = time.perf_counter() + 0.2
    results: list[tuple[float, int]] = []
    await asyncio.gather(*(_connection(parts.hostname, parts.port, request, start + i * interval / connections,
                                       interval, start + seconds, results) for i in range(connections)))
    latencies = sorted(ms for ms, _ in results)
    at = lambda share: round(latencies[min(len(latencies) - 1, int(len(latencies) * share))], 1)  # noqa: E731
    return {"rate": len(results) / seconds, "p50": at(0.5), "p90": at(0.9), "p99": at(0.99),
            "max": round(latencies[-1], 1), "not_200": sum(status != 200 for _, status in results)}


async def _connection(host, port, request, first, interval, end, results):
    reader, writer = await asyncio.open_connection(host, port)
    try:
        due = first
        while due < end:
            wait = due - time.perf_counter()
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                writer.write(request)
                status = await _answer(reader)
            except (asyncio.IncompleteReadError, ConnectionError):
                # The server closed the connection (a gunicorn worker restarting after max_requests):
                # a new one, as a browser would open, and the request again, still timed from when it was due.
                writer.close()
                reader, writer = await asyncio.open_connection(host, port)
                writer.write(request)
                status = await _answer(reader)
            results.append(((time.perf_counter() - due) * 1000, status))
            due += interval
    finally:
        writer.close()


async def _answer(reader) -> int:
    """Read one response (with Content-Length, as gunicorn sends this site's answers); its status."""
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
    length = next(int(line.split(":", 1)[1]) for line in head if line.lower().startswith("content-length:"))
    await reader.readexactly(length)
    return int(head[0].split()[1])
