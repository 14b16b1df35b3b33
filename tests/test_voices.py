"""Speech engines and the clip cache (AU-06). espeak-ng runs for real; for gTTS only its HTTP layer is faked
(requests' transport adapter), because Google's servers cannot be reached here."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import subprocess
from array import array
from pathlib import Path

import pytest
import requests

from guide.data.text import PAUSE
from guide.speech.loudness import TARGET_LUFS, loudness_of_files, silence
from guide.build import build
from guide.cli import main
from guide.errors import BuildError, SpeechError
from guide.speech.voices import RATE, ClipCache, engine_for, speech_problem

from conftest import TINY, run_wromik, spoken_script, with_gain


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
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".output")] == [".output.wromik-lock"]  # no stage


def test_gtts_failure_falls_back_to_espeak_ng_with_a_warning_when_asked(google, tmp_path):
    google.mode = 429
    said = []
    manifest = build(TINY, tmp_path / "output", editions=["audio"], progress=said.append,
                     options={"speech_engine": "gtts", "speech_fallback": True, "speech_cache": str(tmp_path / "cache")})
    warning = next(line for line in said if line.startswith("Warning:"))
    assert "429" in warning and "Falling back to espeak-ng" in warning
    assert any("Speech (espeak-ng, pl)" in line for line in said)
    assert any(a["path"] == "pl/audio/wromik-calosc-polski.mp3" for a in manifest["artifacts"])
    assert google.calls == 1  # gTTS was asked once, then left alone


# The clip cache checks itself (AU-06): a damaged clip is spoken again, a clip that is not speech is refused.

@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """The tiny guide's audio edition built from an empty private clip cache: (output folder, cache folder)."""
    root = tmp_path_factory.mktemp("clean")
    said = _build(root / "out", root / "cache")
    assert not any(line.startswith("Warning") for line in said), said
    return root / "out", root / "cache"


def _build(out: Path, cache: Path) -> list:
    said: list = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1767225600")
        build(TINY, out, editions=["audio"], options={"speech_cache": str(cache)}, progress=said.append)
    return said


def _place_sentence() -> str:
    """A sentence of the place chapter (the third), which every reader of the tiny guide hears."""
    return spoken_script(TINY).chapters[2].sections[0].sentences[0]


def _damage(how: str, whole: bytes) -> bytes:
    if how == "truncated":
        return whole[:len(whole) // 2 + 1]  # an odd length: every later sample would be shifted into noise
    if how == "emptied":
        return b""
    flipped = bytearray(whole)  # the right length, wrong samples
    for offset in range(ClipCache.HEADER.size + 2000, ClipCache.HEADER.size + 2400):
        flipped[offset] ^= 0xFF
    return bytes(flipped)


@pytest.mark.parametrize("how, reason", [("truncated", r"truncated: \d+ of \d+ bytes"), ("emptied", "empty: 0 bytes"),
                                         ("flipped", "checksum mismatch")])
def test_a_damaged_clip_in_the_cache_is_spoken_again_and_the_recording_is_as_from_a_clean_cache(clean, tmp_path, how,
                                                                                                   reason):
    reference, cache = clean[0], tmp_path / "cache"
    shutil.copytree(clean[1], cache, ignore=shutil.ignore_patterns("chapters", "parts"))  # made from the clips again
    clip = ClipCache(cache, engine_for("espeak-ng", "pl")).path(_place_sentence())
    whole = clip.read_bytes()
    damaged = _damage(how, whole)
    assert len(damaged) == len(whole) if how == "flipped" else len(damaged) < len(whole)
    clip.write_bytes(damaged)
    said = _build(tmp_path / "out", cache)
    warnings = [line for line in said if line.startswith("Warning")]
    assert len(warnings) == 1 and re.fullmatch(rf"Warning: the speech cache clip {re.escape(str(clip))} was damaged "
                                               rf"\({reason}.*\); spoken again\.", warnings[0]), warnings
    assert any(re.match(r"Speech \(espeak-ng, pl\): 1 clips synthesised, \d+ from the cache", line) for line in said)
    assert clip.read_bytes() == whole  # spoken again and stored whole
    chapters = sorted((tmp_path / "out" / "pl" / "audio").glob("[0-9][0-9]-*.mp3"))
    assert len(chapters) == 6
    levels, _whole = loudness_of_files(chapters)
    assert all(abs(level - TARGET_LUFS) <= 1.0 for level in levels), levels  # not silence then noise
    assert _files(tmp_path / "out" / "pl") == _files(reference / "pl")  # byte for byte as from a clean cache


def test_a_noise_clip_with_a_valid_checksum_is_stopped_by_the_chapter_check_and_nothing_is_published(clean, tmp_path):
    """What the cache cannot notice (every clip of a chapter whole but noise) the loudness of the chapters does."""
    cache, out = tmp_path / "cache", tmp_path / "out"
    shutil.copytree(clean[1], cache, ignore=shutil.ignore_patterns("chapters", "parts"))  # made from the clips again
    shutil.copytree(clean[0], out)
    before = _files(out)
    clips = ClipCache(cache, engine_for("espeak-ng", "pl"))
    place = spoken_script(TINY).chapters[2]
    for text in {part.strip() for section in place.sections for t in (section.title, *section.sentences)
                 for part in t.split(PAUSE) if part.strip()}:
        path = clips.path(text)
        noise = os.urandom(path.stat().st_size - ClipCache.HEADER.size)
        header = ClipCache.HEADER.pack(ClipCache.MAGIC, len(noise) // 2, hashlib.sha256(noise).digest())
        path.write_bytes(header + noise)
    with pytest.raises(BuildError) as failure:
        _build(out, cache)
    message = str(failure.value)
    # the place's chapter, measured at the gain of the others; the healthy chapters are not named
    assert re.search(r"the chapter „Testowa jeden: Biuro testowe” \(03-place-test-place.mp3\) measures -?\d+\.\d LUFS "
                     r"\(too loud: noise rather than speech\)", message), message
    assert "Wprowadzenie" not in message and "Metryczka" not in message
    assert "Nothing was published" in message and "--speech-cache" in message
    assert _files(out) == before


def test_a_clip_of_speech_passes_the_check_and_silence_or_a_cut_clip_does_not():
    espeak = engine_for("espeak-ng", "pl")
    short, long = "Tak.", "Od poniedziałku do piątku biuro jest otwarte od ósmej do piętnastej trzydzieści."
    for text in (short, "Nie.", long):
        assert speech_problem(espeak.synthesise(text), text) is None, text
    speech = espeak.synthesise(long)
    assert speech_problem(b"", long) == "it is empty"
    assert "odd number of bytes" in speech_problem(speech[:-1], long)
    assert speech_problem(silence(3.0), long) == "it is silent (no sound at all)"
    quiet = with_gain(speech, -45)  # real speech at about −50 dBFS: a broken engine, a muted voice
    assert max(map(abs, array("h", quiet))) > 0
    assert re.fullmatch(r"it is silent \(loudest sample -\d+ dBFS; speech reaches above -40 dBFS\)",
                        speech_problem(quiet, long))
    middle = len(speech) // 4 * 2
    cut = speech[middle:middle + 2 * (RATE // 10)]  # a tenth of a second out of a sentence of five
    assert speech_problem(cut, long) == ("it is too short for its text (100 ms for 80 characters; speech takes at "
                                         "least 1600 ms)")


def test_espeak_ng_speaking_nothing_is_refused_naming_the_engine_and_the_sentence(tmp_path):
    """A 'sentence' of punctuation only: espeak-ng really gives a clip of pure silence for it."""
    cache = ClipCache(tmp_path / "cache", engine_for("espeak-ng", "pl"))
    with pytest.raises(SpeechError) as failure:
        cache.clip("(((( ))))")
    message = str(failure.value)
    assert message.startswith("espeak-ng (pl) gave no usable speech for „(((( ))))”: it is silent")
    assert "Fix: reinstall it (apt-get install --reinstall espeak-ng" in message and "reword the sentence" in message
    assert not cache.path("(((( ))))").exists() and cache.synthesised == 0


def test_clips_are_stored_with_their_length_and_checksum_and_old_pcm_files_are_ignored(tmp_path):
    cache = ClipCache(tmp_path, engine_for("espeak-ng", "pl"))
    path = cache.path("Tak.")
    assert path.suffix == ".clip" and path.parent.name == path.stem[:2]
    old = path.with_suffix(".pcm")
    old.parent.mkdir()
    old.write_bytes(bytes(100))  # a clip of the old format: not read
    pcm = cache.clip("Tak.")
    stored = path.read_bytes()
    assert stored[:8] == ClipCache.MAGIC and stored[ClipCache.HEADER.size:] == pcm
    assert int.from_bytes(stored[8:16], "little") == len(pcm) // 2
    assert ClipCache(tmp_path, engine_for("espeak-ng", "pl")).clip("Tak.") == pcm
    assert sorted(p.name for p in path.parent.iterdir()) == sorted([path.name, old.name])  # no temporary files left


def test_every_kind_of_damage_to_a_stored_clip_is_noticed_and_the_clip_spoken_again(tmp_path):
    said: list = []
    cache = ClipCache(tmp_path, engine_for("espeak-ng", "pl"), warn=said.append)
    pcm = cache.clip("Tak.")
    path, whole = cache.path("Tak."), cache.path("Tak.").read_bytes()
    empty = ClipCache.HEADER.pack(ClipCache.MAGIC, 0, hashlib.sha256(b"").digest())
    damages = {"empty: 0 bytes": b"", "truncated: 20 of at least 48 bytes": whole[:20],
               f"truncated: {len(whole) - 1} of {len(whole)} bytes": whole[:-1],
               f"too long: {len(whole) + 2} of {len(whole)} bytes": whole + b"\0\0",
               "not a wromik clip: its header is wrong": b"RIFF" + whole[4:],
               "checksum mismatch: its samples were changed": whole[:-2] + bytes([whole[-2] ^ 1, whole[-1]]),
               "empty: no samples": empty}
    for reason, damaged in damages.items():
        path.write_bytes(damaged)
        said.clear()
        assert cache.clip("Tak.") == pcm and path.read_bytes() == whole
        assert said == [f"Warning: the speech cache clip {path} was damaged ({reason}); spoken again."]
    assert (cache.synthesised, cache.reused) == (1 + len(damages), 0)


@pytest.mark.parametrize("where", ["file.txt/cache", "file.txt"])
def test_an_unwritable_speech_cache_folder_stops_the_build_with_a_plain_message(tmp_path, where):
    (tmp_path / "file.txt").write_text("not a folder")
    cache = tmp_path / where
    result = run_wromik("build", TINY, "--out", tmp_path / "out", "--edition", "audio", "--speech-cache", cache)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert f"The speech cache folder {cache} cannot be written (" in result.stderr
    assert "is a file, not a folder" in result.stderr and f"move the file {tmp_path / 'file.txt'} away" in result.stderr
    assert "choose another folder with --speech-cache DIR or WROMIK_SPEECH_CACHE." in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder all the same")
def test_a_read_only_speech_cache_folder_stops_the_build_with_a_plain_message(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o555)
    result = run_wromik("build", TINY, "--out", tmp_path / "out", "--edition", "audio", "--speech-cache", cache)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (f"The speech cache folder {cache} cannot be written (permission denied). Fix: give write access to it, "
            "or choose another folder with --speech-cache DIR or WROMIK_SPEECH_CACHE.") in result.stderr


@pytest.mark.parametrize("present, missing", [([], "espeak-ng"), (["espeak-ng"], "ffmpeg")])
def test_a_missing_program_is_named_with_how_to_install_it(clean, tmp_path, present, missing):
    path = tmp_path / "bin"
    path.mkdir()
    for program in present:
        (path / program).symlink_to(shutil.which(program))
    result = run_wromik("build", TINY, "--out", tmp_path / "out", "--edition", "audio", "--speech-cache", clean[1],
                        env=dict(os.environ, PATH=str(path)))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert f"The program {missing} is not installed" in result.stderr
    assert f"apt-get install {missing}" in result.stderr and "make guide" in result.stderr
