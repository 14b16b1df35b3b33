"""Recording (guide/speech/recording.py): real espeak-ng speech, and where each clip lies read back from the PCM."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
from array import array

import pytest
from mutagen.mp3 import MP3

from guide.data.text import original, plain
from guide.speech.loudness import FRAME_SAMPLES, mp3_frames, silence
from guide.speech.recording import LEAD_IN, LEAD_OUT, Part, Recorder, Utterance
from guide.speech.voices import RATE, ClipCache, engine_for

CHAPTERS = [  # the first in two parts
    [Utterance("How to listen", 0.7, key="how", opens=True), Utterance("Every chapter is one file.", 0.45, key="files"),
     Utterance("Moving around", 0.7, key="moving", opens=True), Utterance("Skip to the next chapter at any time.", 1.0)],
    [Utterance("The office", 0.7, key="office", opens=True), Utterance("The door opens by itself.", 0.45)],
]


def _recorder(cache, lang: str, original_lang: str | None = None, said: list | None = None) -> Recorder:
    return Recorder(engine="espeak-ng", lang=lang, original_lang=original_lang, cache_dir=cache, fallback=False,
                    progress=(said if said is not None else []).append)


def _sample(seconds: float) -> int:
    """The sample a time falls on, checking that it falls on one."""
    assert seconds * RATE == pytest.approx(round(seconds * RATE), abs=1e-6), seconds
    return round(seconds * RATE)


def _samples(pcm: bytes) -> int:
    return len(pcm) // 2


def _whole(chapters: list) -> list:
    """Each chapter as one part."""
    return [Part(tuple(utterances)) for utterances in chapters]


def _speech(raw: bytes, clip) -> bytes:
    return raw[2 * _sample(clip.begin):2 * _sample(clip.end)]


def test_every_clip_lies_where_its_speech_is_in_order_with_its_pause_and_the_file_adds_up(tmp_path):
    said = []
    takes = _recorder(tmp_path / "cache", "en", said=said).record(_whole(CHAPTERS), tmp_path)
    cache = ClipCache(tmp_path / "cache", engine_for("espeak-ng", "en"))
    assert [take.raw.name for take in takes] == ["0001.raw", "0002.raw"]
    for take, utterances in zip(takes, CHAPTERS):
        raw = take.raw.read_bytes()
        assert [(c.key, c.text) for c in take.clips] == [(u.key, u.text) for u in utterances]
        assert take.spoken == len(utterances)
        assert _sample(take.clips[0].begin) == _samples(silence(LEAD_IN))
        assert not any(raw[:2 * _sample(take.clips[0].begin)])
        for clip, following, utterance in zip(take.clips, (*take.clips[1:], None), utterances):
            speech = cache.clip(utterance.text)
            assert _sample(clip.end) - _sample(clip.begin) == _samples(speech)
            assert _speech(raw, clip) == speech
            gap_end = _sample(following.begin) if following else _sample(take.lead_out)
            assert gap_end - _sample(clip.end) >= _samples(silence(utterance.pause))
            assert not any(raw[2 * _sample(clip.end):2 * gap_end]), "the pause is silent"
        assert _samples(raw) - _sample(take.lead_out) == _samples(silence(LEAD_OUT))
        assert not any(raw[2 * _sample(take.lead_out):])
        assert _samples(raw) == _samples(silence(LEAD_IN)) + _samples(silence(LEAD_OUT)) + sum(
            _samples(cache.clip(u.text)) + _samples(silence(u.pause)) for u in utterances)
    assert said == ["Speech (espeak-ng, en-gb): 6 clips synthesised, 0 from the cache."]
    said.clear()
    (tmp_path / "again").mkdir()
    again = _recorder(tmp_path / "cache", "en", said=said).record(_whole(CHAPTERS), tmp_path / "again")
    assert said == ["Speech (espeak-ng, en-gb): 0 clips synthesised, 6 from the cache."]
    assert [take.clips for take in again] == [take.clips for take in takes]


@pytest.mark.parametrize("lang, before", [("uk", "Вийдіть на зупинці"), ("en", "Get off at")])
def test_a_marked_passage_is_spoken_in_the_original_languages_voice(tmp_path, lang, before):
    text = f"{before} {original('Plac Grunwaldzki')}."
    recorder = _recorder(tmp_path / "cache", lang, "pl")
    take, = recorder.record([Part((Utterance(text, 0.45, key="stop"),))], tmp_path)
    clip, = take.clips
    assert (recorder.engine.voice, recorder.original_engine.voice) == (engine_for("espeak-ng", lang).voice, "pl")
    own, names = (ClipCache(tmp_path / "cache", engine_for("espeak-ng", voice)) for voice in (lang, "pl"))
    two_voices = own.clip(before) + names.clip("Plac Grunwaldzki")
    assert _sample(clip.end) - _sample(clip.begin) == _samples(two_voices)
    assert _speech(take.raw.read_bytes(), clip) == two_voices
    assert _samples(own.clip(plain(text))) != _samples(two_voices), "one voice for all would be noticed"


def test_a_pause_mark_is_silence_between_two_clips(tmp_path):
    from guide.data.text import PAUSE
    from guide.speech.recording import WITHIN_SENTENCE
    take, = _recorder(tmp_path / "cache", "en").record([Part((Utterance(f"Phone 71 22 300,{PAUSE} 71 22 301.", 0.45),))],
                                                       tmp_path)
    clip, = take.clips
    cache = ClipCache(tmp_path / "cache", engine_for("espeak-ng", "en"))
    first, second = cache.clip("Phone 71 22 300,"), cache.clip("71 22 301.")
    assert _speech(take.raw.read_bytes(), clip) == first + silence(WITHIN_SENTENCE) + second


def _chapters_said(said: list) -> tuple:
    """From the recorder's last message: chapters joined, parts encoded, parts in those chapters, chapters cached."""
    found = re.fullmatch(r"Chapters: (\d+) joined from their parts \((\d+) of (\d+) parts recorded and encoded\), "
                         r"(\d+) from the cache\.", said[-1])
    return tuple(map(int, found.groups()))


def test_chapters_are_their_parts_joined_each_encoded_once_and_a_damaged_file_is_made_again(tmp_path):
    """The part and chapter caches: the second build encodes nothing; a chapter is its parts' MP3s byte for byte; a
    chapter whose MP3 was changed is joined again, a part whose MP3 was changed is encoded again, both the same."""
    said, cache = [], tmp_path / "cache"
    made = _recorder(cache, "en", said=said).recordings(CHAPTERS, ["one", "two"])
    assert _chapters_said(said) == (2, 3, 3, 0)
    first = [recording.mp3.read_bytes() for recording in made]
    parts = {p.read_bytes() for p in (cache / "parts").glob("*.mp3")}
    assert len(parts) == 3 and {first[1]} < parts and not any(first[0] == p for p in parts)
    assert any(first[0].startswith(p) and first[0][len(p):] in parts for p in parts)
    again = _recorder(cache, "en", said=said).recordings(CHAPTERS, ["one", "two"])
    assert _chapters_said(said) == (0, 0, 0, 2)
    assert again == made
    for path in (made[0].mp3, next(p for p in (cache / "parts").glob("*.mp3") if p.read_bytes() == first[1])):
        with open(path, "r+b") as damaged:
            damaged.seek(400)
            damaged.write(b"\0" * 16)
    remade = _recorder(cache, "en", said=said).recordings(CHAPTERS, ["one", "two"])
    assert _chapters_said(said) == (1, 0, 2, 1)  # the first joined again; the second still whole in the cache
    shutil.rmtree(cache / "chapters")
    remade = _recorder(cache, "en", said=said).recordings(CHAPTERS, ["one", "two"])
    assert _chapters_said(said) == (2, 1, 3, 0)  # the damaged part encoded again
    assert [recording.mp3.read_bytes() for recording in remade] == first
    assert remade == made
    for folder in ("chapters", "parts"):
        assert not [p for p in (cache / folder).iterdir() if p.suffix not in (".mp3", ".json")]


def test_a_changed_utterance_makes_only_its_part_again(tmp_path):
    said, cache = [], tmp_path / "cache"
    made = _recorder(cache, "en", said=said).recordings(CHAPTERS, ["one", "two"])
    changed = [CHAPTERS[0][:3] + [Utterance("Repeat a step at any time.", 1.0)], CHAPTERS[1]]
    remade = _recorder(cache, "en", said=said).recordings(changed, ["one", "two"])
    assert said[-2] == "Speech (espeak-ng, en-gb): 1 clips synthesised, 1 from the cache."
    assert _chapters_said(said) == (1, 1, 2, 1)
    unchanged = remade[0].clips[:3]
    assert unchanged == made[0].clips[:3] and remade[1] == made[1]
    old, new = made[0].mp3.read_bytes(), remade[0].mp3.read_bytes()
    assert old != new and len(new) > 9000 and new[:len(new) // 4] == old[:len(new) // 4]  # its first part as it was


def test_each_clip_lies_to_the_sample_where_its_speech_is_in_the_decoded_chapter(tmp_path):
    """Decoded as a player decodes it (ffmpeg), the joined chapter holds each utterance's speech exactly where its
    clip says: the speech from the clip cache lines up with the decoded samples best at no shift; the file's length
    as ffprobe and mutagen read it is the recording's; and silence lies between the clips."""
    recording = _recorder(tmp_path / "cache", "en").recordings(CHAPTERS, ["one", "two"])[0]
    decoded = subprocess.run(["ffmpeg", "-v", "error", "-i", str(recording.mp3), "-f", "s16le", "-ac", "1", "-ar",
                              str(RATE), "pipe:1"], capture_output=True, check=True).stdout
    samples = array("h", decoded)
    cache = ClipCache(tmp_path / "cache", engine_for("espeak-ng", "en"))
    assert len(samples) == round(recording.seconds * RATE)
    duration = float(subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                                     str(recording.mp3)], capture_output=True, text=True, check=True).stdout)
    assert abs(duration - recording.seconds) < 0.01 and abs(MP3(recording.mp3).info.length - recording.seconds) < 0.01
    for clip, utterance in zip(recording.clips, CHAPTERS[0]):
        speech = array("h", cache.clip(utterance.text))[:4096]
        begin = _sample(clip.begin)
        assert begin - round(clip.begin * RATE) == 0
        fit = {shift: _likeness(samples[begin + shift:begin + shift + len(speech)], speech) for shift in range(-40, 41)}
        assert max(fit, key=fit.get) == 0 and fit[0] > 0.9, (utterance.text, max(fit, key=fit.get), fit[0])
    quiet = samples[_sample(recording.clips[1].end) + 400:_sample(recording.clips[2].begin) - 400]
    assert len(quiet) > RATE // 3 and max(map(abs, quiet)) < 200  # across the join of the two parts


def _likeness(heard, spoken) -> float:
    """How alike two runs of samples are, whatever their loudness: 1 for the same shape."""
    dot = sum(a * b for a, b in zip(heard, spoken))
    return dot / math.sqrt(sum(a * a for a in heard) * sum(b * b for b in spoken) or 1)


def test_mp3_frames_counts_whole_frames_and_refuses_a_cut_file(tmp_path):
    recording = _recorder(tmp_path / "cache", "en").recordings(CHAPTERS[1:], ["two"])[0]
    data = recording.mp3.read_bytes()
    assert mp3_frames(data) * FRAME_SAMPLES == round(recording.seconds * RATE)
    for broken in (data[:-100], data[:1000] + data[1001:], b"ID3" + data):
        with pytest.raises(ValueError):
            mp3_frames(broken)
