"""The audio-described edition: the guide spoken, in chapters (MP3 per chapter, a playlist, one MP3 with
ID3 chapters, and a DAISY 2.02 fileset), with the transcript of what is said (standards AU-01 … AU-06)."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from pathlib import Path

from ..speech.loudness import (ENCODING_LOSS, TARGET_LUFS, check_levels, encode_mp3, loudness_of_files,
                               normalising_gain, seconds, silence, tag)
from ..speech.daisy import write_daisy
from ..speech.script import compose_script
from ..errors import BuildError, SpeechError
from ..speech.voices import ClipCache, default_cache_dir, engine_for, run_program
from ..document.nodes import plain, spans
from . import Renderer

__all__ = ["AudioRenderer"]

LEAD_IN, LEAD_OUT = 0.5, 1.5  # silence at the start and the end of every file (AU-05)
AFTER_TITLE, BETWEEN_SENTENCES, BETWEEN_SECTIONS = 0.7, 0.45, 1.0
SETTLE = 0.5  # LU: how far the whole recording's MP3s may measure from TARGET_LUFS before they are made again


class AudioRenderer(Renderer):
    """The standard guide document spoken: speech through a speech engine and a clip cache, one loudness for all."""

    name = "audio"
    media_type = "audio/mpeg"
    description = "audio/: the spoken guide in chapters (MP3, playlist, chaptered MP3), daisy/: DAISY 2.02, transcript"
    fallback_engine = "espeak-ng"

    def prepare(self) -> None:
        self.use_engine(self.options.get("speech_engine") or "espeak-ng")
        self.cache_dir = Path(self.options.get("speech_cache") or default_cache_dir())

    def use_engine(self, name: str) -> None:
        """Speak with this engine: in the document's voice, and the passages in the guide's first language (names)
        in that language's voice."""
        self.engine = engine_for(name, self.lang)
        self.original_engine = engine_for(name, self.document.original_lang) if self.document.original_locale \
            else None

    def write(self) -> None:
        script = compose_script(self.document)
        self.output_path("audio/transkrypcja.txt", "text/plain").write_text(script.transcript(), encoding="utf-8")
        scratch = Path(tempfile.mkdtemp(prefix=".audio-", dir=self.out_dir))  # in the staging folder, never published
        try:
            chapters = self._speak(script, scratch)
            files = [self.output_path(f"audio/{number:02d}-{chapter.key}.mp3")
                     for number, chapter in enumerate(script.chapters, start=1)]
            names = [f"„{chapter.title}” ({path.name})" for chapter, path in zip(script.chapters, files)]
            self._check_placed(script, chapters, names)
            check_levels(names, self._encode([raw for raw, *_ in chapters], files))
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        language = self.document.language.SPEECH_CODE
        for number, (chapter, path) in enumerate(zip(script.chapters, files), start=1):
            tag(path, title=chapter.title, artist=self.document.publisher, album=script.title, language=language,
                track=f"{number}/{len(files)}")
        durations = [_duration(path) for path in files]
        self._whole(files, durations, script, language)
        playlist = ["#EXTM3U", f"#PLAYLIST:{script.title}"]
        for chapter, path, duration in zip(script.chapters, files, durations):
            playlist += [f"#EXTINF:{round(duration)},{chapter.title}", path.name]
        self.output_path("audio/wromik.m3u8", "audio/x-mpegurl").write_text("\n".join(playlist) + "\n", encoding="utf-8")
        self._daisy(files, durations, script, chapters)

    @staticmethod
    def _encode(raws: list, files: list) -> list:
        """Every chapter's MP3 from its samples, all with the one gain that brings the whole recording to
        TARGET_LUFS; each chapter's loudness. The MP3s are what listeners get: they are measured, and made again
        once, the gain corrected, if the whole is more than SETTLE off (the encoding lost more than ENCODING_LOSS)."""
        gain = normalising_gain(raws, TARGET_LUFS + ENCODING_LOSS)
        for _ in range(2):
            encode_mp3(list(zip(raws, files)), gain)
            levels, level = loudness_of_files(files)
            if abs(level - TARGET_LUFS) <= SETTLE:
                break
            gain += TARGET_LUFS - level
        return levels

    def _check_placed(self, script, chapters: list, names: list) -> None:
        """Every title and sentence of every chapter was placed as a checked clip."""
        for name, chapter, (_, _, placed) in zip(names, script.chapters, chapters):
            written = sum(1 + len(section.sentences) for section in chapter.sections)
            if placed != written:
                raise BuildError(f"The chapter {name} has speech for {placed} of the {written} titles and sentences "
                                 "in its transcript. Nothing was published. Fix: build again with an empty speech "
                                 "cache (--speech-cache NEW_DIR); if it happens again, report it.")

    def _speak(self, script, scratch: Path) -> list:
        """Each chapter's raw PCM file in scratch, where each of its sections starts and ends (seconds), and how many
        clips it has."""
        try:
            return self._synthesise(script, scratch)
        except SpeechError as error:
            if self.engine.name == self.fallback_engine:
                raise SpeechError(f"{error} The build stopped and the output folder is unchanged.") from None
            if not self.options.get("speech_fallback"):
                raise SpeechError(f"{error} The build stopped and the output folder is unchanged. Build offline with "
                                  f"--speech-engine {self.fallback_engine}, or add --speech-fallback to use "
                                  f"{self.fallback_engine} whenever {self.engine.name} fails.") from None
            self.say(f"Warning: {error} Falling back to {self.fallback_engine} for the whole recording.")
            self.use_engine(self.fallback_engine)
            return self._synthesise(script, scratch)

    def _synthesise(self, script, scratch: Path) -> list:
        """Clip after clip straight to its chapter's file, so memory holds one clip at a time."""
        cache = ClipCache(self.cache_dir, self.engine, warn=self.say)
        names = ClipCache(self.cache_dir, self.original_engine, warn=self.say) if self.original_engine else None
        chapters = []
        for number, chapter in enumerate(script.chapters, start=1):
            raw, marks, position, placed = scratch / f"{number:02d}.raw", [], LEAD_IN, 0
            with open(raw, "wb") as sink:
                sink.write(silence(LEAD_IN))
                for index, section in enumerate(chapter.sections):
                    length, pauses = 0.0, [AFTER_TITLE] + [BETWEEN_SENTENCES] * len(section.sentences)
                    for text, pause in zip((section.title, *section.sentences), pauses):
                        clip = _clip(text, cache, names)  # checked
                        placed += bool(clip)
                        for piece in (clip, silence(pause)):
                            sink.write(piece)
                            length += seconds(piece)
                    if index + 1 < len(chapter.sections):
                        sink.write(silence(BETWEEN_SECTIONS))
                        length += seconds(silence(BETWEEN_SECTIONS))
                    marks.append((plain(section.title), position, position + length))
                    position += length
                sink.write(silence(LEAD_OUT))
            chapters.append((raw, marks, placed))
        voices = self.engine.voice + (f", names: {self.original_engine.voice}" if names else "")
        self.say(f"Speech ({self.engine.name}, {voices}): {cache.synthesised + (names.synthesised if names else 0)} "
                 f"clips synthesised, {cache.reused + (names.reused if names else 0)} from the cache.")
        return chapters

    def _whole(self, files: list, durations: list, script, language: str) -> None:
        """The chapter MP3s joined frame for frame (so the lengths add up), with an ID3 chapter per chapter."""
        path = self.output_path("audio/wromik-calosc.mp3")
        listing = path.with_name(".chapters.txt")
        listing.write_text("".join(f"file '{f.name}'\n" for f in files), encoding="utf-8")
        try:
            run_program(["ffmpeg", "-nostdin", "-v", "error", "-f", "concat", "-safe", "0", "-i", str(listing), "-c",
                         "copy", "-map_metadata", "-1", "-fflags", "+bitexact", "-id3v2_version", "0", "-y", str(path)],
                        doing="join the chapters")
        finally:
            listing.unlink()
        marks, start = [], 0.0
        for chapter, duration in zip(script.chapters, durations):
            marks.append((chapter.title, start, start + duration))
            start += duration
        tag(path, title=script.title, artist=self.document.publisher, album=script.title, language=language,
            chapters=marks)

    def _daisy(self, files: list, durations: list, script, chapters: list) -> None:
        folder = self.output_path("daisy/ncc.html", "text/html").parent
        entries = []
        for number, (chapter, path, duration, (_, marks, _)) in enumerate(
                zip(script.chapters, files, durations, chapters), start=1):
            audio = f"{number:02d}.mp3"
            os.link(path, self.output_path(f"daisy/{audio}"))
            entries.append({"title": chapter.title, "audio": audio, "seconds": duration, "sections": marks})
        document = self.document
        identifier = f"wromik-{uuid.uuid5(uuid.NAMESPACE_URL, script.title + document.edition_date)}"
        for name in write_daisy(folder, title=script.title, publisher=document.publisher, date=document.edition_date,
                                lang=self.lang, narrator=f"{self.engine.name} ({self.engine.voice})",
                                identifier=identifier, chapters=entries):
            if name.endswith(".smil"):
                self.output_path(f"daisy/{name}", "application/smil+xml")


def _clip(text: str, cache: ClipCache, names: ClipCache | None) -> bytes:
    """The speech of a sentence; its passages in the guide's first language in that language's voice (names)."""
    pieces = [(piece.strip(), marked) for piece, marked in spans(text) if any(c.isalnum() for c in piece)]
    if names is None or not any(marked for _, marked in pieces):
        return cache.clip(plain(text))
    return b"".join((names if marked else cache).clip(piece) for piece, marked in pieces)


def _duration(path: Path) -> float:
    """An MP3's length as players and ffprobe report it."""
    result = run_program(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)],
                         doing=f"measure {path}")
    return float(result.stdout.strip())
