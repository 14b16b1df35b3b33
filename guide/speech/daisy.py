"""A DAISY 2.02 audio-only fileset: ncc.html (the navigation centre) and one SMIL file per chapter
(standard AU-04). Chapters are h1 headings, their sections h2, a route's steps h3; each heading links to a SMIL par
whose audio clip lies in the chapter's MP3, one after another."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, select_autoescape

__all__ = ["Heading", "write_daisy"]


@dataclass(frozen=True)
class Heading:
    """A point a listener can move to: its level (1 a chapter, 2 a section, 3 a step), its name, and where its
    audio lies in the chapter's file (s)."""
    level: int
    title: str
    begin: float
    end: float
    mark: str | None = None  # the title of the whole-file MP3's chapter mark that begins here, if one does

_ENV = Environment(autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True,
                   keep_trailing_newline=True)

_NCC = _ENV.from_string("""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="{{ lang }}" xml:lang="{{ lang }}">
<head>
<title>{{ title }}</title>
<meta http-equiv="Content-type" content="text/html; charset=utf-8" />
<meta name="dc:title" content="{{ title }}" />
<meta name="dc:creator" content="{{ publisher }}" />
<meta name="dc:publisher" content="{{ publisher }}" />
<meta name="dc:date" content="{{ date }}" />
<meta name="dc:identifier" content="{{ identifier }}" />
<meta name="dc:language" content="{{ lang }}" />
<meta name="dc:format" content="Daisy 2.02" />
<meta name="ncc:charset" content="utf-8" />
<meta name="ncc:generator" content="wromik" />
<meta name="ncc:narrator" content="{{ narrator }}" />
<meta name="ncc:multimediaType" content="audioNcc" />
<meta name="ncc:setInfo" content="1 of 1" />
<meta name="ncc:tocItems" content="{{ toc_items }}" />
<meta name="ncc:totalTime" content="{{ total }}" />
<meta name="ncc:files" content="{{ files }}" />
<meta name="ncc:depth" content="{{ depth }}" />
<meta name="ncc:pageNormal" content="0" />
<meta name="ncc:pageFront" content="0" />
<meta name="ncc:pageSpecial" content="0" />
<meta name="ncc:maxPageNormal" content="0" />
</head>
<body>
{% for chapter in chapters %}
{% for section in chapter.sections %}
{% set first = loop.first and chapter.number == 1 %}
<h{{ section.level }}{% if first %} class="title"{% endif %} id="{{ section.id }}"><a href="{{ chapter.smil }}#{{ section.par }}">{{ title if first else section.title }}</a></h{{ section.level }}>
{% endfor %}
{% endfor %}
</body>
</html>
""")

_SMIL = _ENV.from_string("""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE smil PUBLIC "-//W3C//DTD SMIL 1.0//EN" "http://www.w3.org/TR/REC-smil/SMIL10.dtd">
<smil>
<head>
<meta name="dc:format" content="Daisy 2.02" />
<meta name="dc:title" content="{{ chapter.title }}" />
<meta name="dc:identifier" content="{{ identifier }}" />
<meta name="ncc:generator" content="wromik" />
<meta name="ncc:totalElapsedTime" content="{{ chapter.elapsed }}" />
<meta name="ncc:timeInThisSmil" content="{{ chapter.length }}" />
<layout>
<region id="txtView" />
</layout>
</head>
<body>
<seq dur="{{ '%.3f' % chapter.seconds }}s">
{% for section in chapter.sections %}
<par endsync="last" id="{{ section.par }}">
<text src="ncc.html#{{ section.id }}" id="{{ section.text }}" />
<audio src="{{ chapter.audio }}" clip-begin="npt={{ '%.3f' % section.begin }}s" clip-end="npt={{ '%.3f' % section.end }}s" id="{{ section.clip }}" />
</par>
{% endfor %}
</seq>
</body>
</smil>
""")


def _clock(seconds: float) -> str:
    """hh:mm:ss, as DAISY's time metadata wants it."""
    whole = round(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def write_daisy(folder: Path, *, title: str, publisher: str, date: str, lang: str, narrator: str, identifier: str,
                chapters: list) -> list:
    """Write ncc.html and the SMIL files; chapters are dicts with title, audio (file name), seconds and headings
    (Heading). Returns the file names written."""
    elapsed, prepared = 0.0, []
    for number, chapter in enumerate(chapters, start=1):
        sections = [{"title": h.title, "level": h.level, "begin": h.begin, "end": h.end, "id": f"h{number:02d}_{index}",
                     "par": f"p{index}", "text": f"t{index}", "clip": f"a{index}"}
                    for index, h in enumerate(chapter["headings"], start=1)]
        prepared.append({**chapter, "number": number, "smil": f"{number:02d}.smil", "sections": sections,
                         "elapsed": _clock(elapsed), "length": _clock(chapter["seconds"])})
        elapsed += chapter["seconds"]
    names = ["ncc.html"]
    for chapter in prepared:
        (folder / chapter["smil"]).write_text(_SMIL.render(chapter=chapter, identifier=identifier), encoding="utf-8")
        names.append(chapter["smil"])
    audio = [c["audio"] for c in prepared]
    (folder / "ncc.html").write_text(_NCC.render(
        title=title, publisher=publisher, date=date, lang=lang, narrator=narrator, identifier=identifier,
        toc_items=sum(len(c["sections"]) for c in prepared), total=_clock(elapsed),
        files=len(names) + len(audio), chapters=prepared,
        depth=max(h["level"] for c in prepared for h in c["sections"])), encoding="utf-8")
    return names
