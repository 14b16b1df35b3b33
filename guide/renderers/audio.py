"""The audio-described edition: the guide spoken, in chapters (MP3 per chapter, a playlist, one MP3 with
ID3 chapters, and a DAISY 2.02 fileset), with the transcript of what is said (standards AU-01 … AU-06)."""

from __future__ import annotations

import os
import shutil
import uuid
from dataclasses import replace
from pathlib import Path

from ..speech.loudness import tag
from ..speech.daisy import Heading, write_daisy
from ..speech.recording import Recorder, Utterance
from ..speech.script import compose_script
from ..speech.voices import default_cache_dir
from ..document.nodes import plain
from . import Renderer

__all__ = ["AudioRenderer", "recorder"]

AFTER_TITLE, BETWEEN_SENTENCES, BETWEEN_SECTIONS = 0.7, 0.45, 1.0  # seconds of silence


class AudioRenderer(Renderer):
    """The standard guide document spoken: speech through a speech engine and a clip cache, one loudness for all."""

    name = "audio"
    media_type = "audio/mpeg"
    description = "audio/: the spoken guide in chapters (MP3, playlist, chaptered MP3), daisy/: DAISY 2.02, transcript"

    def prepare(self) -> None:
        self.recorder = recorder(self)

    def write(self) -> None:
        script = compose_script(self.document)
        self.output_path(f"audio/{self.file_name('transcript')}", "text/plain").write_text(script.transcript(), encoding="utf-8")
        files = [self.output_path(f"audio/{number:02d}-{chapter.key}.mp3")
                 for number, chapter in enumerate(script.chapters, start=1)]
        recordings = self.recorder.recordings([_utterances(chapter) for chapter in script.chapters],
                                              [f"„{chapter.title}” ({path.name})" for chapter, path in zip(script.chapters, files)])
        language = self.document.language.SPEECH_CODE
        for number, (chapter, path, recording) in enumerate(zip(script.chapters, files, recordings), start=1):
            shutil.copyfile(recording.mp3, path)
            tag(path, title=chapter.title, artist=self.document.publisher, album=script.title, language=language,
                track=f"{number}/{len(files)}")
        notes = self.document.gettext("Notes on the route")
        parts = [_parts(chapter, recording, notes) for chapter, recording in zip(script.chapters, recordings)]
        self._whole(recordings, parts, script, language)
        playlist = ["#EXTM3U", f"#PLAYLIST:{script.title}"]
        for chapter, path, recording in zip(script.chapters, files, recordings):
            playlist += [f"#EXTINF:{round(recording.seconds)},{chapter.title}", path.name]
        self.output_path(f"audio/{self.file_name('playlist')}", "audio/x-mpegurl").write_text("\n".join(playlist) + "\n", encoding="utf-8")
        self._daisy(files, recordings, parts, script)

    def _whole(self, recordings: list, parts: list, script, language: str) -> None:
        """The chapters' frames joined (so the lengths add up to the frame), with ID3 chapters: one per chapter, and a
        place's chapter split at each route, grouped under a table of contents of its own."""
        path = self.output_path(f"audio/{self.file_name('recording')}")
        with open(path, "wb") as whole:
            for recording in recordings:  # the untagged MP3s of the chapter cache
                with open(recording.mp3, "rb") as chapter:
                    shutil.copyfileobj(chapter, whole)
        marks, start = [], 0.0
        for chapter, recording, headings in zip(script.chapters, recordings, parts):
            marked = [h for h in headings if h.mark]
            bounds = [0.0] + [h.begin for h in marked[1:]] + [recording.seconds]
            marks.append((chapter.title, [(h.mark, start + begin, start + end)
                                          for h, begin, end in zip(marked, bounds, bounds[1:])]))
            start += recording.seconds
        tag(path, title=script.title, artist=self.document.publisher, album=script.title, language=language,
            chapters=marks)

    def _daisy(self, files: list, recordings: list, parts: list, script) -> None:
        folder = self.output_path("daisy/ncc.html", "text/html").parent
        entries = []
        for number, (chapter, path, recording, headings) in enumerate(zip(script.chapters, files, recordings, parts),
                                                                      start=1):
            audio = f"{number:02d}.mp3"
            os.link(path, self.output_path(f"daisy/{audio}"))
            entries.append({"title": chapter.title, "audio": audio, "seconds": recording.seconds, "headings": headings})
        document = self.document
        identifier = f"wromik-{uuid.uuid5(uuid.NAMESPACE_URL, script.title + document.edition_date)}"
        for name in write_daisy(folder, title=script.title, publisher=document.publisher, date=document.edition_date,
                                lang=self.lang, narrator=f"{self.recorder.engine.name} ({self.recorder.engine.voice})",
                                identifier=identifier, chapters=entries):
            if name.endswith(".smil"):
                self.output_path(f"daisy/{name}", "application/smil+xml")


def recorder(renderer: Renderer) -> Recorder:
    """A renderer's recorder: the speech engine, cache and fallback of its options, the document's voice, and the
    guide's first language's for the passages in it (names)."""
    document, options = renderer.document, renderer.options
    return Recorder(engine=options.get("speech_engine") or "espeak-ng", lang=renderer.lang,
                    original_lang=document.original_lang if document.original_locale else None,
                    cache_dir=Path(options.get("speech_cache") or default_cache_dir()),
                    fallback=bool(options.get("speech_fallback")), progress=renderer.say)


def _utterances(chapter) -> list:
    """A chapter as it is said: each section's title, which opens a part, then its sentences; a pause after each, a
    longer one after every section but the last."""
    said = []
    for index, section in enumerate(chapter.sections):
        said.append(Utterance(section.title, AFTER_TITLE, opens=True))
        said += [Utterance(sentence, BETWEEN_SENTENCES) for sentence in section.sentences]
        if index + 1 < len(chapter.sections):
            said[-1] = replace(said[-1], pause=said[-1].pause + BETWEEN_SECTIONS)
    return said


def _parts(chapter, recording, notes: str) -> list:
    """The headings a listener moves between in a chapter, each with where its audio lies (s): the chapter, then each
    section from its title; a route's steps each from its first sentence to where the next thing said begins (what
    is said between two steps, such as which groups a branch of the steps is for, goes with the next step and names
    it), and what a route says after its steps as a part of its own (notes). The whole file's chapter marks begin at
    the chapter and at every section from its first route on (a section past the routes named with the chapter)."""
    starts = [clip.begin for clip in recording.clips] + [recording.lead_out]
    headings, title, routes = [], 0, False  # title: the index of the section title's utterance
    for section in chapter.sections:
        first = title + 1  # the index of its first sentence's utterance
        end = first + len(section.sentences)
        routes = routes or bool(section.steps)
        name = plain(section.title)
        head_end = first + section.steps[0].first if section.steps else end
        mark = (name if section.steps else f"{chapter.title}: {name}") if routes else None
        headings.append(Heading(2, name, starts[title], starts[head_end], mark))
        previous = section.steps[0].first if section.steps else 0
        for step in section.steps:
            between = " ".join(section.written[previous:step.first]).rstrip(" :.")
            headings.append(Heading(3, f"{step.title}: {between}" if between else step.title,
                                    starts[first + previous], starts[first + step.end]))
            previous = step.end
        if section.steps and previous < len(section.sentences):
            headings.append(Heading(3, notes, starts[first + previous], starts[end]))
        title = end
    return [replace(headings[0], level=1, title=chapter.title, mark=chapter.title), *headings[1:]]
