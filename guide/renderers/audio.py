"""The audio-described edition: the guide spoken, in chapters (MP3 per chapter, a playlist, one MP3 with
ID3 chapters, and a DAISY 2.02 fileset), with the transcript of what is said (standards AU-01 … AU-06)."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from dataclasses import replace
from pathlib import Path

from ..speech.loudness import check_levels, encode_at_target, tag
from ..speech.daisy import write_daisy
from ..speech.recording import Recorder, Utterance
from ..speech.script import compose_script
from ..errors import BuildError
from ..speech.voices import default_cache_dir, run_program
from ..document.nodes import plain
from . import Renderer

__all__ = ["AudioRenderer"]

AFTER_TITLE, BETWEEN_SENTENCES, BETWEEN_SECTIONS = 0.7, 0.45, 1.0  # seconds of silence


class AudioRenderer(Renderer):
    """The standard guide document spoken: speech through a speech engine and a clip cache, one loudness for all."""

    name = "audio"
    media_type = "audio/mpeg"
    description = "audio/: the spoken guide in chapters (MP3, playlist, chaptered MP3), daisy/: DAISY 2.02, transcript"

    def prepare(self) -> None:
        """The recorder: the document's voice, and the guide's first language's for the passages in it (names)."""
        document = self.document
        self.recorder = Recorder(engine=self.options.get("speech_engine") or "espeak-ng", lang=self.lang,
                                 original_lang=document.original_lang if document.original_locale else None,
                                 cache_dir=Path(self.options.get("speech_cache") or default_cache_dir()),
                                 fallback=bool(self.options.get("speech_fallback")), progress=self.say)

    def write(self) -> None:
        script = compose_script(self.document)
        self.output_path(f"audio/{self.file_name('transcript')}", "text/plain").write_text(script.transcript(), encoding="utf-8")
        scratch = Path(tempfile.mkdtemp(prefix=".audio-", dir=self.out_dir))  # in the staging folder, never published
        try:
            takes = self.recorder.record([_utterances(chapter) for chapter in script.chapters], scratch)
            files = [self.output_path(f"audio/{number:02d}-{chapter.key}.mp3")
                     for number, chapter in enumerate(script.chapters, start=1)]
            names = [f"„{chapter.title}” ({path.name})" for chapter, path in zip(script.chapters, files)]
            self._check_placed(takes, names)
            check_levels(names, encode_at_target([take.raw for take in takes], files))
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
        self.output_path(f"audio/{self.file_name('playlist')}", "audio/x-mpegurl").write_text("\n".join(playlist) + "\n", encoding="utf-8")
        self._daisy(files, durations, script, takes)

    @staticmethod
    def _check_placed(takes: list, names: list) -> None:
        """Every title and sentence of every chapter was placed as a checked clip."""
        for name, take in zip(names, takes):
            if take.spoken != len(take.clips):
                raise BuildError(f"The chapter {name} has speech for {take.spoken} of the {len(take.clips)} titles and "
                                 "sentences in its transcript. Nothing was published. Fix: build again with an empty "
                                 "speech cache (--speech-cache NEW_DIR); if it happens again, report it.")

    def _whole(self, files: list, durations: list, script, language: str) -> None:
        """The chapter MP3s joined frame for frame (so the lengths add up), with an ID3 chapter per chapter."""
        path = self.output_path(f"audio/{self.file_name('recording')}")
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

    def _daisy(self, files: list, durations: list, script, takes: list) -> None:
        folder = self.output_path("daisy/ncc.html", "text/html").parent
        entries = []
        for number, (chapter, path, duration, take) in enumerate(zip(script.chapters, files, durations, takes),
                                                                 start=1):
            audio = f"{number:02d}.mp3"
            os.link(path, self.output_path(f"daisy/{audio}"))
            entries.append({"title": chapter.title, "audio": audio, "seconds": duration, "sections": _sections(take)})
        document = self.document
        identifier = f"wromik-{uuid.uuid5(uuid.NAMESPACE_URL, script.title + document.edition_date)}"
        for name in write_daisy(folder, title=script.title, publisher=document.publisher, date=document.edition_date,
                                lang=self.lang, narrator=f"{self.recorder.engine.name} ({self.recorder.engine.voice})",
                                identifier=identifier, chapters=entries):
            if name.endswith(".smil"):
                self.output_path(f"daisy/{name}", "application/smil+xml")


def _utterances(chapter) -> list:
    """A chapter as it is said: each section's title (keyed by its plain text), then its sentences; a pause after
    each, a longer one after every section but the last."""
    said = []
    for index, section in enumerate(chapter.sections):
        said.append(Utterance(section.title, AFTER_TITLE, key=plain(section.title)))
        said += [Utterance(sentence, BETWEEN_SENTENCES) for sentence in section.sentences]
        if index + 1 < len(chapter.sections):
            said[-1] = replace(said[-1], pause=said[-1].pause + BETWEEN_SECTIONS)
    return said


def _sections(take) -> list:
    """Each section's (title, begin s, end s) in its chapter's file: from its title's clip to the next section's
    title, the last one's to the lead-out."""
    titles = [clip for clip in take.clips if clip.key is not None]
    ends = [clip.begin for clip in titles[1:]] + [take.lead_out]
    return [(clip.key, clip.begin, end) for clip, end in zip(titles, ends)]


def _duration(path: Path) -> float:
    """An MP3's length as players and ffprobe report it."""
    result = run_program(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)],
                         doing=f"measure {path}")
    return float(result.stdout.strip())
