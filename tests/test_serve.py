"""wromik serve: the output folder on 127.0.0.1 with the guide's media types, stopped cleanly by Ctrl+C, and a clear
message for a folder wromik did not build."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import urllib.request

from conftest import ROOT, run_wromik


def test_serve_shows_the_built_guide_and_stops_cleanly_on_ctrl_c(tmp_path):
    out = tmp_path / "output"
    (out / "pl" / "audio").mkdir(parents=True)
    (out / "index.html").write_text("<!DOCTYPE html><p>strona</p>\n", encoding="utf-8")
    (out / "pl" / "audio" / "01-intro.mp3").write_bytes(b"ID3 not really an mp3")
    (out / "manifest.json").write_text(json.dumps({"generator": "wromik", "artifacts": [
        {"path": "index.html", "sha256": "0"}, {"path": "pl/audio/01-intro.mp3", "sha256": "0"}]}), encoding="utf-8")
    server = subprocess.Popen([sys.executable, "-m", "guide", "serve", "--out", str(out), "--port", "0"], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        assert line.startswith(f"Serving {out} at http://127.0.0.1:"), line
        address = line.split(" at ", 1)[1].strip()
        with urllib.request.urlopen(address, timeout=10) as page:
            assert page.headers["Content-Type"] == "text/html; charset=utf-8"
            assert "<p>strona</p>" in page.read().decode("utf-8")
        with urllib.request.urlopen(address + "pl/audio/01-intro.mp3", timeout=10) as recording:
            assert recording.headers["Content-Type"] == "audio/mpeg"
            assert recording.read() == b"ID3 not really an mp3"
    finally:
        server.send_signal(signal.SIGINT)
        stdout, stderr = server.communicate(timeout=10)
    assert server.returncode == 0, stderr
    assert f"Stopped serving {out} (SIGINT)." in stderr
    assert "Traceback" not in stderr


def test_serve_refuses_a_folder_without_a_manifest(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<p>mine</p>\n", encoding="utf-8")
    result = run_wromik("serve", "--out", tmp_path / "site", "--port", "0", timeout=30)
    assert result.returncode == 2
    assert "is not a wromik output folder (it has no wromik manifest.json)" in result.stderr
    assert "run `wromik build --out" in result.stderr and "Traceback" not in result.stderr
    missing = run_wromik("serve", "--out", tmp_path / "nothing", timeout=30)
    assert missing.returncode == 2 and "run `wromik build --out" in missing.stderr


def test_serve_refuses_a_port_that_is_taken(tmp_path):
    import socket
    out = tmp_path / "output"
    out.mkdir()
    (out / "manifest.json").write_text(json.dumps({"artifacts": []}), encoding="utf-8")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = run_wromik("serve", "--out", out, "--port", taken.getsockname()[1], timeout=30)
    assert result.returncode == 2 and "is in use by another program" in result.stderr
