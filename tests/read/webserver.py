"""A small news site on 127.0.0.1 for the fetching tests and benchmark: no test reaches the internet.

Pages are served by path; misbehaving paths answer slowly, with 404 or 500, redirect in a loop,
or send a body that never ends. Every request is recorded (path, User-Agent, when it started).
"""

from __future__ import annotations

import html
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def article_page(number: int, title: str | None = None) -> bytes:
    """A news page as sites serve it: headline, time stamp, a sapo and a few paragraphs."""
    title = title or f"Hội nghị tổng kết công tác tuyên giáo số {number} tại Hà Nội"
    paragraphs = [
        f"(Chinhphu.vn) - Sáng 6-1, tại Hà Nội, Ban Tuyên giáo tổ chức hội nghị số {number} "
        "tổng kết công tác năm 2020, triển khai nhiệm vụ năm 2021.",
        f"Đồng chí Nguyễn Văn {chr(0x41 + number % 26)}, Trưởng ban, trình bày báo cáo thứ {number} về "
        "công tác tuyên truyền, giáo dục chính trị tư tưởng trong năm qua.",
        "Hội nghị đã thảo luận, thống nhất các giải pháp trọng tâm, bảo đảm công tác tuyên giáo "
        f"đi trước mở đường, đồng hành cùng nhiệm vụ chính trị của từng đơn vị ({number}).",
    ]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head><body>"
        '<nav><a href="/">Trang chủ</a></nav><article>'
        f"<h1>{html.escape(title)}</h1><p>21:38 07/01/2021</p>{body}"
        "</article></body></html>"
    ).encode()


@dataclass
class Request:
    path: str
    user_agent: str
    started: float  # time.monotonic()


@dataclass
class Site:
    """What the server serves, and what it was asked."""

    pages: dict[str, bytes] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    slow_seconds: float = 3.0
    fail_first: dict[str, int] = field(default_factory=dict)  # path → 500s before it answers
    redirects: dict[str, str] = field(default_factory=dict)  # path → Location
    kinds: dict[str, str] = field(default_factory=dict)  # path → Content-Type, when not an HTML page
    in_flight: int = 0
    most_in_flight: int = 0  # requests being answered at once, at the most
    lock: threading.Lock = field(default_factory=threading.Lock)
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path

    def asked(self, path: str) -> int:
        with self.lock:
            return sum(1 for r in self.requests if r.path == path)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            with site.lock:
                site.in_flight += 1
                site.most_in_flight = max(site.most_in_flight, site.in_flight)
            try:
                self._answer()
            finally:
                with site.lock:
                    site.in_flight -= 1

        def _answer(self) -> None:
            path = self.path
            with site.lock:
                site.requests.append(Request(path, self.headers.get("User-Agent", ""), time.monotonic()))
                failing = site.fail_first.get(path, 0)
                if failing:
                    site.fail_first[path] = failing - 1
            if failing:
                return self._send(500, b"<p>Server error</p>")
            if path in site.redirects:
                return self._redirect(site.redirects[path])
            if path in site.pages:
                return self._send(200, site.pages[path], site.kinds.get(path, "text/html; charset=utf-8"))
            if path.startswith("/slow"):
                time.sleep(site.slow_seconds)
                return self._send(200, article_page(0))
            if path.startswith("/loop"):
                return self._redirect("/loop2" if path == "/loop1" else "/loop1")
            if path.startswith("/moved"):
                return self._redirect(path.replace("/moved", "", 1))
            if path.startswith("/error"):
                return self._send(500, b"<p>Server error</p>")
            if path.startswith("/endless"):
                return self._endless()
            if path.startswith("/picture"):
                return self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png")
            return self._send(404, b"<p>Not found</p>")

        def _send(self, status: int, body: bytes, kind: str = "text/html; charset=utf-8") -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _redirect(self, target: str) -> None:
            self.send_response(302)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _endless(self) -> None:
            # No length, no end: only the client's size cap stops it.
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<p>" + "Tin tức không bao giờ hết. ".encode() * 100 + b"</p>\n"
            try:
                while True:
                    self.wfile.write(chunk)
            except OSError:  # the client hung up, as it should
                pass
            self.close_connection = True

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that hangs up early (the size cap, a timeout) is what the tests ask for.
        pass


@contextmanager
def serving(site: Site | None = None, host: str = "127.0.0.1") -> Iterator[Site]:
    """`site` served on `host` at a free port, in a thread, until the block ends."""
    site = site or Site()
    server = _Server((host, 0), _handler(site))
    site.base = f"http://{host}:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
