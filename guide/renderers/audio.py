"""The audio-described edition: the guide spoken, in chapters (MP3 per chapter, a playlist, one MP3 with
ID3 chapters, and a DAISY 2.02 fileset), with the transcript of what is said (standards AU-01 … AU-06)."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from ..speech.loudness import (ENCODING_LOSS, TARGET_LUFS, amplify, check_chapters, encode_mp3, loudness_of_file, normalise,
                     seconds, silence, tag)
from ..speech.daisy import write_daisy
from ..speech.script import compose_script
from ..errors import BuildError, SpeechError
from ..speech.voices import ClipCache, default_cache_dir, engine_for, run_program
from . import Renderer

__all__ = ["AudioRenderer"]

LEAD_IN, LEAD_OUT = 0.5, 1.5  # silence at the start and the end of every file (AU-05)
AFTER_TITLE, BETWEEN_SENTENCES, BETWEEN_SECTIONS = 0.7, 0.45, 1.0


class AudioRenderer(Renderer):
    """The standard guide document spoken: speech through a speech engine and a clip cache, one loudness for all."""

    name = "audio"
    media_type = "audio/mpeg"
    description = "audio/: the spoken guide in chapters (MP3, playlist, chaptered MP3), daisy/: DAISY 2.02, transcript"
    fallback_engine = "espeak-ng"

    def prepare(self) -> None:
        self.engine = engine_for(self.options.get("speech_engine") or "espeak-ng", self.lang)
        self.cache_dir = Path(self.options.get("speech_cache") or default_cache_dir())

    def write(self) -> None:
        script = compose_script(self.document)
        chapters = self._speak(script)
        self.output_path("audio/transkrypcja.txt", "text/plain").write_text(script.transcript(), encoding="utf-8")
        programme = normalise(b"".join(pcm for pcm, *_ in chapters), TARGET_LUFS + ENCODING_LOSS)
        files, durations = self._encode(script, chapters, programme)
        level = loudness_of_file(self.output_path("audio/wromik-calosc.mp3"))
        if abs(level - TARGET_LUFS) > 0.5:  # the MP3 is what listeners get: measure it, and make up once if needed
            files, durations = self._encode(script, chapters, amplify(programme, TARGET_LUFS - level))
        self._check(script, chapters, files)
        playlist = ["#EXTM3U", f"#PLAYLIST:{script.title}"]
        for chapter, path, duration in zip(script.chapters, files, durations):
            playlist += [f"#EXTINF:{round(duration)},{chapter.title}", path.name]
        self.output_path("audio/wromik.m3u8", "audio/x-mpegurl").write_text("\n".join(playlist) + "\n", encoding="utf-8")
        self._daisy(files, durations, script, chapters)

    def _encode(self, script, chapters: list, programme: bytes) -> tuple:
        """One tagged MP3 per chapter, cut from the one normalised programme, and the whole; their lengths."""
        language = self.document.language.SPEECH_CODE
        files, offset = [], 0
        for number, (chapter, (pcm, *_)) in enumerate(zip(script.chapters, chapters), start=1):
            path = self.output_path(f"audio/{number:02d}-{chapter.key}.mp3")
            encode_mp3(programme[offset:offset + len(pcm)], path)
            tag(path, title=chapter.title, artist=self.document.publisher, album=script.title, language=language,
                track=f"{number}/{len(chapters)}")
            files.append(path)
            offset += len(pcm)
        durations = [_duration(path) for path in files]
        self._whole(files, durations, script, language)
        return files, durations

    def _check(self, script, chapters: list, files: list) -> None:
        """Before anything is published: every title and sentence of every chapter was placed as a checked clip,
        and every chapter file is at the target loudness (a damaged clip gives silence or noise)."""
        names = [f"„{chapter.title}” ({path.name})" for chapter, path in zip(script.chapters, files)]
        for name, chapter, (_, _, placed) in zip(names, script.chapters, chapters):
            written = sum(1 + len(section.sentences) for section in chapter.sections)
            if placed != written:
                raise BuildError(f"The chapter {name} has speech for {placed} of the {written} titles and sentences "
                                 "in its transcript. Nothing was published. Fix: build again with an empty speech "
                                 "cache (--speech-cache NEW_DIR); if it happens again, report it.")
        check_chapters(list(zip(names, files)))

    def _speak(self, script) -> list:
        """Each chapter's PCM, where each of its sections starts and ends (seconds), and how many clips it has."""
        try:
            return self._synthesise(script)
        except SpeechError as error:
            if self.engine.name == self.fallback_engine:
                raise SpeechError(f"{error} The build stopped and the output folder is unchanged.") from None
            if not self.options.get("speech_fallback"):
                raise SpeechError(f"{error} The build stopped and the output folder is unchanged. Build offline with "
                                  f"--speech-engine {self.fallback_engine}, or add --speech-fallback to use "
                                  f"{self.fallback_engine} whenever {self.engine.name} fails.") from None
            self.say(f"Warning: {error} Falling back to {self.fallback_engine} for the whole recording.")
            self.engine = engine_for(self.fallback_engine, self.lang)
            return self._synthesise(script)

    def _synthesise(self, script) -> list:
        cache = ClipCache(self.cache_dir, self.engine, warn=self.say)
        chapters = []
        for chapter in script.chapters:
            parts, marks, position, placed = [silence(LEAD_IN)], [], LEAD_IN, 0
            for index, section in enumerate(chapter.sections):
                begin = position
                clips = [cache.clip(text) for text in (section.title, *section.sentences)]  # each one checked
                placed += sum(1 for clip in clips if clip)
                pieces = [clips[0], silence(AFTER_TITLE)]
                for clip in clips[1:]:
                    pieces += [clip, silence(BETWEEN_SENTENCES)]
                if index + 1 < len(chapter.sections):
                    pieces.append(silence(BETWEEN_SECTIONS))
                parts += pieces
                position += sum(seconds(p) for p in pieces)
                marks.append((section.title, begin, position))
            parts.append(silence(LEAD_OUT))
            chapters.append((b"".join(parts), marks, placed))
        self.say(f"Speech ({self.engine.name}, {self.engine.voice}): {cache.synthesised} clips synthesised, "
                 f"{cache.reused} from the cache.")
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


def _duration(path: Path) -> float:
    """An MP3's length as players and ffprobe report it."""
    result = run_program(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)],
                         doing=f"measure {path}")
    return float(result.stdout.strip())
