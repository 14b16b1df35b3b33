"""Speech engines and the clip cache (AU-06). espeak-ng runs for real; for gTTS only its HTTP layer is faked
(requests' transport adapter), because Google's servers cannot be reached here."""

from __future__ import annotations

import base64
import subprocess

import pytest
import requests

from guide.build import build
from guide.cli import main
from guide.errors import SpeechError
from guide.voices import RATE, ClipCache, engine_for

from conftest import TINY


def _response(request, status: int, body: bytes = b"") -> requests.Response:
    response = requests.Response()
    response.status_code, response._content, response.request, response.url = status, body, request, request.url
    response.reason = {200: "OK", 429: "Too Many Requests"}[status]
    return response


@pytest.fixture
def google(monkeypatch):
    """Replace the network under requests: set .mode to 'offline', 429 or an MP3's bytes to answer with."""
    class Google:
        mode = "offline"
        calls = 0

    def send(adapter, request, **kwargs):
        Google.calls += 1
        if Google.mode == "offline":
            raise requests.ConnectionError("Failed to resolve 'translate.google.com'")
        if Google.mode == 429:
            return _response(request, 429)
        audio = base64.b64encode(Google.mode).decode()
        return _response(request, 200, f')]}}\'\n\n[["wrb.fr","jQ1olc","[\\"{audio}\\"]",null,null,null,"generic"]]'
                         .encode())
    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", send)
    return Google


def _files(folder) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_espeak_ng_speaks_polish_offline():
    pcm = engine_for("espeak-ng", "pl").synthesise("Dzień dobry. Biuro jest na parterze.")
    assert len(pcm) > RATE * 2 * 1.0 and any(pcm[::101])  # over a second of sound, not silence


def test_the_cache_key_covers_text_language_engine_voice_and_version(tmp_path):
    polish, english = ClipCache(tmp_path, engine_for("espeak-ng", "pl")), ClipCache(tmp_path, engine_for("espeak-ng", "en"))
    online = ClipCache(tmp_path, engine_for("gtts", "pl"))
    keys = {polish.key("Dzień dobry"), polish.key("Dzień dobry."), english.key("Dzień dobry"), online.key("Dzień dobry")}
    assert len(keys) == 4
    assert polish.identity == ("pl", "espeak-ng", "pl", engine_for("espeak-ng", "pl").version())
    assert polish.identity[3].startswith("eSpeak NG text-to-speech: ")


def test_gtts_through_the_faked_http_layer_gives_speech(google, tmp_path):
    wav = tmp_path / "hello.wav"
    subprocess.run(["espeak-ng", "-v", "pl", "-w", str(wav), "Dzień dobry"], check=True)
    mp3 = subprocess.run(["ffmpeg", "-v", "error", "-i", str(wav), "-f", "mp3", "pipe:1"], capture_output=True,
                         check=True).stdout
    google.mode = mp3
    pcm = engine_for("gtts", "pl").synthesise("Dzień dobry")
    assert google.calls == 1 and len(pcm) > RATE * 2 * 0.3


@pytest.mark.parametrize("mode, reason", [("offline", "Failed to connect"), (429, "429 (Too Many Requests)")])
def test_gtts_failure_stops_the_build_with_a_clear_message_and_leaves_output_alone(google, tmp_path, capsys, mode,
                                                                                     reason):
    out = tmp_path / "output"
    build(TINY, out, editions=["routes"])
    before = _files(out)
    google.mode = mode
    code = main(["build", str(TINY), "--out", str(out), "--edition", "audio", "--speech-engine", "gtts",
                 "--speech-cache", str(tmp_path / "cache")])
    error = capsys.readouterr().err
    assert code == 1 and "Traceback" not in error
    assert "gTTS could not synthesise speech" in error and reason in error
    assert "--speech-engine espeak-ng" in error and "--speech-fallback" in error
    assert _files(out) == before  # nothing partial: the earlier output is exactly as it was
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".output")] == []


def test_gtts_failure_falls_back_to_espeak_ng_with_a_warning_when_asked(google, tmp_path):
    google.mode = 429
    said = []
    manifest = build(TINY, tmp_path / "output", editions=["audio"], progress=said.append,
                     options={"speech_engine": "gtts", "speech_fallback": True, "speech_cache": str(tmp_path / "cache")})
    warning = next(line for line in said if line.startswith("Warning:"))
    assert "429" in warning and "Falling back to espeak-ng" in warning
    assert any("Speech (espeak-ng, pl)" in line for line in said)
    assert any(a["path"] == "pl/audio/wromik-calosc.mp3" for a in manifest["artifacts"])
    assert google.calls == 1  # gTTS was asked once, then left alone
