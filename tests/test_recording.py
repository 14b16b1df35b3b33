"""Recording (guide/speech/recording.py): real espeak-ng speech, and where each clip lies read back from the PCM."""

from __future__ import annotations

import pytest

from guide.data.text import original, plain
from guide.speech.loudness import silence
from guide.speech.recording import LEAD_IN, LEAD_OUT, Recorder, Utterance
from guide.speech.voices import RATE, ClipCache, engine_for

CHAPTERS = [
    [Utterance("How to listen", 0.7, key="how"), Utterance("Every chapter is one file.", 0.45, key="files"),
     Utterance("Skip to the next chapter at any time.", 1.0)],
    [Utterance("The office", 0.7, key="office"), Utterance("The door opens by itself.", 0.45)],
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


def _speech(raw: bytes, clip) -> bytes:
    return raw[2 * _sample(clip.begin):2 * _sample(clip.end)]


def test_every_clip_lies_where_its_speech_is_in_order_with_its_pause_and_the_file_adds_up(tmp_path):
    said = []
    takes = _recorder(tmp_path / "cache", "en", said=said).record(CHAPTERS, tmp_path)
    cache = ClipCache(tmp_path / "cache", engine_for("espeak-ng", "en"))
    assert [take.raw.name for take in takes] == ["01.raw", "02.raw"]
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
    assert said == ["Speech (espeak-ng, en-gb): 5 clips synthesised, 0 from the cache."]
    said.clear()
    (tmp_path / "again").mkdir()
    again = _recorder(tmp_path / "cache", "en", said=said).record(CHAPTERS, tmp_path / "again")
    assert said == ["Speech (espeak-ng, en-gb): 0 clips synthesised, 5 from the cache."]
    assert [take.clips for take in again] == [take.clips for take in takes]


@pytest.mark.parametrize("lang, before", [("uk", "Вийдіть на зупинці"), ("en", "Get off at")])
def test_a_marked_passage_is_spoken_in_the_original_languages_voice(tmp_path, lang, before):
    text = f"{before} {original('Plac Grunwaldzki')}."
    recorder = _recorder(tmp_path / "cache", lang, "pl")
    take, = recorder.record([[Utterance(text, 0.45, key="stop")]], tmp_path)
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
    take, = _recorder(tmp_path / "cache", "en").record([[Utterance(f"Phone 71 22 300,{PAUSE} 71 22 301.", 0.45)]],
                                                       tmp_path)
    clip, = take.clips
    cache = ClipCache(tmp_path / "cache", engine_for("espeak-ng", "en"))
    first, second = cache.clip("Phone 71 22 300,"), cache.clip("71 22 301.")
    assert _speech(take.raw.read_bytes(), clip) == first + silence(WITHIN_SENTENCE) + second


def test_chapters_are_encoded_once_and_a_damaged_one_is_made_again(tmp_path):
    """The chapter cache: the second build encodes nothing; a chapter whose MP3 was changed is made again, the same."""
    said = []
    made = _recorder(tmp_path / "cache", "en", said=said).recordings(CHAPTERS, ["one", "two"])
    assert said[-1] == "Chapters: 2 recorded and encoded, 0 from the cache."
    first = [recording.mp3.read_bytes() for recording in made]
    again = _recorder(tmp_path / "cache", "en", said=said).recordings(CHAPTERS, ["one", "two"])
    assert said[-1] == "Chapters: 0 recorded and encoded, 2 from the cache."
    assert again == made
    with open(made[1].mp3, "r+b") as damaged:
        damaged.seek(400)
        damaged.write(b"\0" * 16)
    remade = _recorder(tmp_path / "cache", "en", said=said).recordings(CHAPTERS, ["one", "two"])
    assert said[-1] == "Chapters: 1 recorded and encoded, 1 from the cache."
    assert [recording.mp3.read_bytes() for recording in remade] == first
    assert not [p for p in (tmp_path / "cache" / "chapters").iterdir() if p.suffix not in (".mp3", ".json")]


def test_a_changed_utterance_makes_only_its_chapter_again(tmp_path):
    said = []
    _recorder(tmp_path / "cache", "en", said=said).recordings(CHAPTERS, ["one", "two"])
    changed = [CHAPTERS[0], [CHAPTERS[1][0], Utterance("The door is heavy.", 0.45)]]
    _recorder(tmp_path / "cache", "en", said=said).recordings(changed, ["one", "two"])
    assert said[-2:] == ["Speech (espeak-ng, en-gb): 1 clips synthesised, 1 from the cache.",
                         "Chapters: 1 recorded and encoded, 1 from the cache."]
