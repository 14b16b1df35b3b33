"""The audio edition, measured with ffprobe, ffmpeg's EBU R128 filter, mutagen and an XML parser (AU-03 … AU-06)."""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import xml.etree.ElementTree as ET

import pytest
from mutagen.id3 import ID3, CTOCFlags

from guide.speech.loudness import CHAPTER_TOLERANCE, TARGET_LUFS, check_levels, loudness_of_files
from guide.errors import BuildError

from conftest import (TINY, daisy_clips, ebu_r128, edit_text, run_measured, run_wromik, spoken_script, wav_file,
                      with_gain)

EPOCH = dict(SOURCE_DATE_EPOCH="1767225600")


@pytest.fixture(scope="module")
def audio(tmp_path_factory):
    out = tmp_path_factory.mktemp("audio") / "output"
    run_wromik("build", TINY, "--out", out, "--edition", "audio", env=dict(os.environ, **EPOCH), check_exit=0)
    return out / "pl"


def _probe(path) -> dict:
    raw = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration,bit_rate:stream=codec_name,"
                          "channels,sample_rate", "-of", "json", str(path)], capture_output=True, text=True, check=True)
    return json.loads(raw.stdout)


def _chapters(audio) -> list:
    return [line[2:] for line in (audio / "audio" / "transkrypcja-polski.txt").read_text(encoding="utf-8").splitlines()
            if line.startswith("# ")]


def _chapter_files(audio) -> list:
    return sorted(p for p in (audio / "audio").glob("[0-9][0-9]-*.mp3"))


def test_ffprobe_decodes_every_mp3_and_the_chapters_add_up_to_the_whole(audio):
    files = _chapter_files(audio)
    assert len(files) == len(_chapters(audio)) == 6
    for path in files + [audio / "audio" / "wromik-calosc-polski.mp3"] + sorted((audio / "daisy").glob("*.mp3")):
        decoded = subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-f", "null", "-"], capture_output=True,
                                 text=True)
        assert decoded.returncode == 0 and not decoded.stderr, (path, decoded.stderr)
        probe = _probe(path)
        stream = probe["streams"][0]
        assert float(probe["format"]["duration"]) > 0
        assert (stream["codec_name"], stream["channels"], stream["sample_rate"]) == ("mp3", 1, "22050")
        assert int(probe["format"]["bit_rate"]) >= 64000
    total = sum(float(_probe(p)["format"]["duration"]) for p in files)
    whole = float(_probe(audio / "audio" / "wromik-calosc-polski.mp3")["format"]["duration"])
    assert abs(total - whole) < 1.0


def test_loudness_is_minus_18_lufs_and_true_peak_at_most_minus_1_5_dbtp(audio):
    integrated, peak = ebu_r128(audio / "audio" / "wromik-calosc-polski.mp3")
    assert -19 <= integrated <= -17, integrated
    assert peak <= -1.5, peak


def test_silence_at_the_start_and_the_end(audio):
    """sox: 0.5–1 s of silence before the first word and 1–3 s after the last (AU-05)."""
    whole = str(audio / "audio" / "wromik-calosc-polski.mp3")
    length = float(subprocess.run(["soxi", "-D", whole], capture_output=True, text=True, check=True).stdout)

    def leading_silence(*effects) -> float:
        trimmed = subprocess.run(["sox", whole, "-n", *effects, "silence", "1", "0.01", "-50d", "stat"],
                                 capture_output=True, text=True).stderr
        return length - float(re.search(r"Length \(seconds\):\s+([\d.]+)", trimmed).group(1))

    assert 0.5 <= leading_silence() <= 1.0
    assert 1.0 <= leading_silence("reverse") <= 3.0


def _sections(audio) -> list:
    return [line[3:] for line in (audio / "audio" / "transkrypcja-polski.txt").read_text(encoding="utf-8").splitlines()
            if line.startswith("## ")]


def test_id3_chapters_go_down_to_each_route_and_ffprobe_lists_them_as_mutagen_does(audio):
    """A CTOC per place with a CHAP per route; ffmpeg-based players see every CHAP (it lost the last of 17 when the
    tags were ID3v2.4)."""
    whole = audio / "audio" / "wromik-calosc-polski.mp3"
    tags = ID3(whole)
    frames = {frame.element_id: frame for frame in tags.getall("CHAP") + tags.getall("CTOC")}
    title = lambda frame: frame.sub_frames.getall("TIT2")[0].text[0]  # noqa: E731
    top, = [frame for frame in tags.getall("CTOC") if frame.flags & CTOCFlags.TOP_LEVEL]
    assert [title(frames[element]) for element in top.child_element_ids] == _chapters(audio)
    places = [frames[element] for element in top.child_element_ids if element.startswith("toc")]
    assert len(places) == 1
    place = _chapters(audio)[2]
    routes = [title(frames[element]).removeprefix(f"{place}: ") for element in places[0].child_element_ids[1:]]
    assert routes == [s for s in _sections(audio) if s.startswith("Trasa ")] + ["Kontakt"]  # and what follows them
    chapters = sorted(tags.getall("CHAP"), key=lambda frame: frame.start_time)
    duration = float(_probe(whole)["format"]["duration"])
    assert chapters[0].start_time == 0 and abs(chapters[-1].end_time / 1000 - duration) < 0.1
    assert all(a.end_time == b.start_time for a, b in zip(chapters, chapters[1:]))
    listed = json.loads(subprocess.run(["ffprobe", "-v", "error", "-show_chapters", "-of", "json", str(whole)],
                                       capture_output=True, text=True, check=True).stdout)["chapters"]
    assert len(listed) == len(chapters) == 5 + 1 + 6
    # ffmpeg lists the frames in the order they are in the file, so they are written in the order of time
    assert [(c["tags"]["title"], round(float(c["start_time"]) * 1000), round(float(c["end_time"]) * 1000))
            for c in listed] == [(title(c), c.start_time, c.end_time) for c in chapters]
    assert tags["TIT2"].text[0] == "Mały przewodnik testowy" and tags["TLAN"].text[0] == "pol"
    assert tags["TPE1"].text[0] == "MOPS Test"
    for path, name in zip(_chapter_files(audio), _chapters(audio)):
        assert ID3(path)["TIT2"].text[0] == name


def test_daisy_takes_a_listener_to_the_third_step_of_a_route_and_plays_exactly_that_step(audio):
    """Navigate the NCC like a DAISY player: the route's h2, then its third h3; its SMIL clip begins where the clip
    cache's speech says the step's first sentence begins and ends where the next thing said begins."""
    from guide.data.text import PAUSE
    from guide.speech.loudness import ENCODER_DELAY, FRAME_SAMPLES, silence
    from guide.speech.recording import LEAD_IN, LEAD_OUT, WITHIN_SENTENCE
    from guide.speech.voices import ClipCache, default_cache_dir, engine_for
    from guide.renderers.audio import AFTER_TITLE, BETWEEN_SECTIONS, BETWEEN_SENTENCES
    daisy = audio / "daisy"
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    body = list(ET.parse(daisy / "ncc.html").getroot().find("x:body", ns))
    route = next(i for i, h in enumerate(body) if h.tag.endswith("h2") and h.find("x:a", ns).text.startswith("Trasa dwa"))
    steps = [h for h in body[route + 1:] if h.tag.endswith("h3")][:3]
    assert [h.find("x:a", ns).text for h in steps] == ["Krok pierwszy", "Krok drugi", "Krok trzeci"]
    assert all(h.tag.endswith("h3") for h in body[route + 1:body.index(steps[2]) + 1])
    smil_name, par_id = steps[2].find("x:a", ns).get("href").split("#")
    par, = [p for p in ET.parse(daisy / smil_name).getroot().iter("par") if p.get("id") == par_id]
    assert par.find("text").get("src") == f"ncc.html#{steps[2].get('id')}"
    begin, end = (float(par.find("audio").get(k)[4:-1]) for k in ("clip-begin", "clip-end"))

    chapter = next(c for c in spoken_script(TINY).chapters if c.title == "Testowa jeden: Biuro testowe")
    cache = ClipCache(default_cache_dir(), engine_for("espeak-ng", "pl"))
    pause = lambda seconds: len(silence(seconds)) // 2  # noqa: E731
    length = lambda text: sum(len(cache.clip(part.strip())) // 2 for part in text.split(PAUSE)) \
        + pause(WITHIN_SENTENCE) * text.count(PAUSE)  # noqa: E731
    # (text, begin, end) of everything said, from the cached clips. Each section is a part of its own, encoded alone:
    # its frames begin where the previous part's end, its first sample ENCODER_DELAY into them, and libmp3lame makes
    # ceil((n + 1152) / 576) frames of n samples (576 samples of its own delay, the rest padding to whole frames).
    said, start = [], 0
    for number, section in enumerate(chapter.sections):
        at = pause(LEAD_IN) if number == 0 else 0  # samples into the part
        for text, after in [(section.title, AFTER_TITLE)] + [(s, BETWEEN_SENTENCES) for s in section.sentences]:
            said.append((text, (start + ENCODER_DELAY + at) / 22050, (start + ENCODER_DELAY + at + length(text)) / 22050))
            at += length(text) + pause(after + (BETWEEN_SECTIONS if text == section.sentences[-1] and
                                                number + 1 < len(chapter.sections) else 0))
        at += pause(LEAD_OUT) if number + 1 == len(chapter.sections) else 0
        start += math.ceil((at + 1152) / FRAME_SAMPLES) * FRAME_SAMPLES
        if section.title.startswith("Trasa dwa"):
            step = section.steps[2]
            first = len(said) - len(section.sentences) + step.first
            expected = said[first:first + step.end - step.first]
    following = said[said.index(expected[-1]) + 1]
    assert expected[0][0] == "Krok trzeci." and len(expected) >= 2
    assert abs(begin - expected[0][1]) < 0.002, (begin, expected[0])
    assert abs(end - following[1]) < 0.002, (end, following)
    speech = subprocess.run(["ffmpeg", "-hide_banner", "-nostats", "-i", str(daisy / par.find("audio").get("src")), "-ss", str(begin),
                             "-to", str(end), "-af", "volumedetect", "-f", "null", "-"], capture_output=True, text=True)
    assert float(re.search(r"mean_volume: (-?[\d.]+) dB", speech.stderr).group(1)) > -45


def test_playlist_lists_every_chapter_file(audio):
    lines = (audio / "audio" / "wromik-polski.m3u8").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "#EXTM3U"
    files = [line for line in lines if not line.startswith("#")]
    assert files == [p.name for p in _chapter_files(audio)]
    titles = [line.split(",", 1)[1] for line in lines if line.startswith("#EXTINF:")]
    assert titles == _chapters(audio)


def test_daisy_ncc_parses_and_every_heading_links_to_a_clip_inside_its_mp3(audio):
    daisy = audio / "daisy"
    ncc = ET.parse(daisy / "ncc.html").getroot()
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    meta = {m.get("name"): m.get("content") for m in ncc.iterfind(".//x:meta", ns) if m.get("name")}
    assert meta["dc:format"] == "Daisy 2.02" and meta["dc:language"] == "pl"
    assert meta["dc:title"] == "Mały przewodnik testowy" and re.fullmatch(r"\d\d:\d\d:\d\d", meta["ncc:totalTime"])
    headings = [h for h in ncc.find("x:body", ns) if re.fullmatch(r"\{.*\}h[1-6]", h.tag)]
    assert len(headings) == int(meta["ncc:tocItems"]) > len(_chapters(audio))
    assert [h.find("x:a", ns).text for h in headings if h.tag.endswith("h1")][1:] == _chapters(audio)[1:]
    assert daisy_clips(daisy) == len(headings)


def test_a_rebuild_after_an_hours_change_synthesises_only_the_changed_sentences(tiny, tmp_path):
    cache = tmp_path / "cache"
    first = run_wromik("build", tiny, "--out", tmp_path / "out", "--edition", "audio", "--speech-cache", cache,
                       check_exit=0)
    before = spoken_script(tiny)
    edit_text(tiny / "places" / "test-place.yaml", "Mo-Fr 08:00", "Mo-Fr 09:15")
    after = spoken_script(tiny)
    said = lambda script: {t for c in script.chapters for s in c.sections for t in (s.title, *s.sentences)}  # noqa: E731
    changed = said(after) - said(before)
    assert changed and all("dziewiątej piętnaście" in s for s in changed)
    second = run_wromik("build", tiny, "--out", tmp_path / "out", "--edition", "audio", "--speech-cache", cache,
                        check_exit=0)
    synthesised = [int(re.search(r"(\d+) clips synthesised", r.stderr).group(1)) for r in (first, second)]
    assert synthesised[0] > 50 and synthesised[1] == len(changed)
    pattern = r"Chapters: (\d+) joined from their parts \((\d+) of (\d+) parts recorded and encoded\), (\d+) from the cache"
    encoded = [re.search(pattern, r.stderr).groups() for r in (first, second)]
    assert encoded[0][:2] == ("6", encoded[0][2]) and int(encoded[0][1]) > 6 and encoded[0][3] == "0"
    # only the place's chapter, where the hours are said, and in it only the part that says them
    assert encoded[1][0] == "1" and encoded[1][1] == "1" and int(encoded[1][2]) > 5 and encoded[1][3] == "5"
    transcript = (tmp_path / "out" / "pl" / "audio" / "transkrypcja-polski.txt").read_text(encoding="utf-8")
    assert "dziewiątej piętnaście" in transcript and "od ósmej do" not in transcript
    files = sorted((tmp_path / "out" / "pl" / "audio").glob("[0-9][0-9]-*.mp3"))
    total = sum(float(_probe(p)["format"]["duration"]) for p in files)
    assert abs(total - float(_probe(tmp_path / "out" / "pl" / "audio" / "wromik-calosc-polski.mp3")["format"]["duration"])) < 1
    fresh = run_wromik("build", tiny, "--out", tmp_path / "fresh", "--edition", "audio", "--speech-cache",
                       tmp_path / "empty", check_exit=0)
    assert re.search(r"Chapters: 6 joined from their parts \((\d+) of \1 parts recorded", fresh.stderr)
    for path in files:  # a chapter from the cache is the chapter made afresh
        assert path.read_bytes() == (tmp_path / "fresh" / "pl" / "audio" / path.name).read_bytes(), path.name


def test_the_chapter_check_passes_real_chapters_and_stops_a_silent_or_a_noisy_one(audio, tmp_path):
    """A damaged clip made the old recordings silent, then noise: chapters at −50 and −4 LUFS (AU-03)."""
    files = _chapter_files(audio)
    levels, _whole = loudness_of_files(files)  # the published MP3s, as a build measures them
    check_levels([path.name for path in files], levels)
    assert len(levels) == 6 and all(abs(level - TARGET_LUFS) <= CHAPTER_TOLERANCE / 2 for level in levels), levels
    speech = subprocess.run(["ffmpeg", "-v", "error", "-i", str(files[2]), "-f", "s16le", "-ac", "1", "-ar", "22050",
                             "pipe:1"], capture_output=True, check=True).stdout
    # ffmpeg's volume filter: the same speech much quieter, and much louder
    wavs = [wav_file(tmp_path / f"{name}.wav", pcm) for name, pcm in
            [("normalised", speech), ("silent", with_gain(speech, -32)), ("noisy", with_gain(speech, 20))]]
    normalised, quiet, loud = loudness_of_files(wavs)[0]
    assert abs(normalised - levels[2]) < 0.5 and quiet < -48 and loud > -6
    for name, level, sounds in [("silent", quiet, "too quiet"), ("noisy", loud, "too loud")]:
        with pytest.raises(BuildError) as failure:
            check_levels(["normalised", name], [normalised, level])
        message = str(failure.value)
        assert re.search(rf"the chapter {name} measures -\d+\.\d LUFS \({sounds}", message), message
        assert "normalised" not in message and "Nothing was published" in message and "Fix:" in message


def test_memory_does_not_grow_with_the_length_of_the_recording(tiny, tmp_path):
    """The audio is worked on chapter by chapter from files: 40 minutes more of speech (one sentence said 400 times,
    so synthesised once) take no more memory: 133 MB for both. When the whole programme was held in memory, the
    two builds took 363 and 881 MB."""
    code, stderr, _, short = run_measured("build", tiny, "--out", tmp_path / "short", "--edition", "audio",
                                          timeout=300)
    assert code == 0, stderr
    sentence = "To zdanie powtarza się tutaj, aby nagranie tego biura było bardzo długie."
    edit_text(tiny / "places" / "test-place.yaml", "services:\n", "services:\n" + "".join(
        f"  - id: dluga-{n}\n    name: Porada {n}\n    description: {' '.join([sentence] * 40)}\n" for n in range(10)))
    code, stderr, _, long = run_measured("build", tiny, "--out", tmp_path / "long", "--edition", "audio", timeout=300)
    assert code == 0, stderr
    sizes = [sum(p.stat().st_size for p in (tmp_path / out / "pl" / "audio").glob("[0-9][0-9]-*.mp3"))
             for out in ("short", "long")]
    assert sizes[1] > 2.5 * sizes[0], sizes  # 64 kbit/s: the recording really is that much longer
    assert long < short + 40, (short, long)


def test_daisy_plays_every_moment_of_a_chapter_once_and_names_a_branch_of_steps(tmp_path):
    """Steps in two branches (inside the building, per group): what is said between them (which groups) is played
    with the next step and names it; the clips of a chapter follow one another with no gap and no overlap."""
    from guide.renderers.audio import _parts
    from guide.speech.recording import Clip, Recording
    from guide.speech.script import Chapter, Section, Step
    sentences = ["Krok pierwszy.", "Idź.", "W budynku, grupy: Pieszy:", "Krok drugi.", "Schody.",
                 "W budynku, grupy: Osoba na wózku:", "Krok drugi.", "Winda.", "Zadzwoń przed wizytą."]
    route = Section("Trasa jeden", tuple(sentences), "Trasa jeden", tuple(sentences),
                    (Step("Krok pierwszy", 0, 2), Step("Krok drugi", 3, 5), Step("Krok drugi", 6, 8)))
    chapter = Chapter("place", "Biuro", (Section("Biuro", ("Adres.",), "Biuro", ("Adres.",)), route))
    clips = tuple(Clip(None, text, 1.0 + 2 * n, 2.5 + 2 * n) for n, text in enumerate(["Biuro", "Adres.", "Trasa jeden",
                                                                                      *sentences]))
    headings = _parts(chapter, Recording(tmp_path / "x.mp3", clips, 25.0, 26.5, -21.0), "Uwagi do trasy")
    assert [(h.level, h.title, h.begin, h.end, h.mark) for h in headings] == [
        (1, "Biuro", 1.0, 5.0, "Biuro"), (2, "Trasa jeden", 5.0, 7.0, "Trasa jeden"),
        (3, "Krok pierwszy", 7.0, 11.0, None), (3, "Krok drugi: W budynku, grupy: Pieszy", 11.0, 17.0, None),
        (3, "Krok drugi: W budynku, grupy: Osoba na wózku", 17.0, 23.0, None), (3, "Uwagi do trasy", 23.0, 25.0, None)]
