"""Ctrl-C while pages are being fetched: the command stops at once (it does not wait for the
pages under way to time out), says it was interrupted, writes no report and leaves no half-kept
page in the fetch cache. A local server that never answers in time stands for a slow site."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from .webserver import Site, serving

MAKE_REPORT = Path(sys.executable).parent / "make-report"


def test_ctrl_c_while_fetching_stops_at_once(tmp_path: Path) -> None:
    # Each page takes 60 s to answer; the default read timeout is 20 s: a run that waited for
    # the pages under way would still be running when the 15 s given to it below are over.
    with serving(Site(slow_seconds=60)) as site:
        links = [site.url(f"/slow{n}") for n in range(6)]
        env = {**os.environ, "TGREPORT_CACHE_DIR": str(tmp_path / "cache")}
        for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
            env.pop(name, None)
        target = tmp_path / "digest.pdf"
        with subprocess.Popen([str(MAKE_REPORT), *links, "-o", str(target)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, env=env) as proc:
            try:
                while not site.requests and proc.poll() is None:  # the fetching has begun
                    time.sleep(0.02)
                proc.send_signal(signal.SIGINT)
                code = proc.wait(timeout=15)
            finally:
                if proc.poll() is None:
                    proc.kill()
            err = proc.stderr.read() if proc.stderr else ""
    assert code == -signal.SIGINT, err  # ended by the signal, once it said so (see __main__)
    assert "interrupted" in err and "Traceback" not in err
    assert not target.exists()
    kept = tmp_path / "cache" / "pages"
    assert not kept.exists() or not [p for p in kept.iterdir() if p.name.startswith(".tmp")]
