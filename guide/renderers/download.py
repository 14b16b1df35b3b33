"""The download page: output/index.html lists every file of the guide per language, with its format, size and pages
or length, a player for each chapter of the recording, the sign-language videos, and when and from what the guide
was made. It is written by every build, after the editions, from the manifest's entries and the guide documents, in
the look of the web edition (its page template and style sheet). No JavaScript.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from babel.dates import format_datetime
from babel.units import format_unit
from markupsafe import Markup, escape
from mutagen.mp3 import MP3

from ..document import nodes
from ..document.builder import Documents
from . import Artifact
from .html import TEMPLATES, inline, page_template

__all__ = ["DOWNLOAD", "PAGE", "About", "write_download_page", "size_text", "duration_text"]

DOWNLOAD = "download"  # the edition of the page and its style sheet in the manifest: rewritten by every build
PAGE = "index.html"
STYLE = "style.css"
_CHAPTER = re.compile(r"audio/\d+-[^/]+\.mp3")  # a chapter of the recording, under its language's folder


@dataclass(frozen=True)
class About:
    """Where the guide came from, as the page says it: the build's moment, the data folder's name and a digest of
    its files, wromik's version."""

    moment: dt.datetime
    data_folder: str
    data_digest: str
    version: str


@dataclass(frozen=True)
class _Kind:
    """A kind of file the page lists: its place under the language's folder (a folder ends in '/': it is opened at
    its entry page, or without one its files are linked as numbered pictures), what it is in plain words, and its
    format."""

    place: str
    label: str
    format: str
    entry: str = ""


@dataclass(frozen=True)
class _Listing:
    """A line of the page: what it is, where its link goes, and the manifest entries of its files."""

    label: str
    format: str
    link: str
    files: tuple
    web: bool = False  # a folder of web pages: its pages are counted
    pictures: bool = False  # a folder of pictures (maps): each is linked, numbered


def _kinds(names: dict, _) -> tuple:
    """The files the page lists, in its order: names are the language pack's FILE_NAMES, _ its gettext."""
    return (_Kind(names["standard"], _("Standard PDF for screen readers"), "PDF/UA"),
            _Kind(names["easy-read"], _("Easy-read PDF: large type, short sentences, pictograms"), "PDF/UA"),
            _Kind(f"{names['web']}/", _("Web pages"), "HTML", "index.html"),
            _Kind(f"{names['web-easy-read']}/", _("Easy-read web pages"), "HTML", "index.html"),
            _Kind(names["epub"], _("EPUB 3 e-book with text and audio in sync"), "EPUB 3"),
            _Kind(names["epub-easy-read"], _("Easy-read EPUB 3 e-book"), "EPUB 3"),
            _Kind(f"audio/{names['recording']}", _("The whole recording as one MP3 file with chapters"), "MP3"),
            _Kind("daisy/", _("DAISY talking book (open ncc.html in a DAISY player)"), "DAISY 2.02", "ncc.html"),
            _Kind(f"audio/{names['transcript']}", _("Transcript of the recording"), "TXT"),
            _Kind(f"audio/{names['playlist']}", _("Playlist of the recording's chapters"), "M3U8"),
            _Kind(names["print"], _("PDF for the print shop (PDF/X-4)"), "PDF/X-4"),
            _Kind(names["print-cover"], _("The cover for the print shop, on one sheet (PDF/X-4)"), "PDF/X-4"),
            _Kind(names["print-imposed"], _("Booklet for an office printer: A4 sheets, two pages on each"), "PDF"),
            _Kind("maps/", _("Route maps as pictures (PNG)"), "PNG"),
            _Kind("routes.geojson", _("Route data (GeoJSON)"), "GeoJSON"))


def write_download_page(documents: Documents, stage: Path, entries: list, about: About, lang: str) -> list:
    """Write index.html and its style sheet into the staging folder; lang is the guide's first language, the page's.
    entries are the manifest's entries of every other file the build publishes. Returns the artifacts written."""
    return _DownloadPage(documents, Path(stage), entries, about, lang).write()


class _DownloadPage:
    def __init__(self, documents: Documents, stage: Path, entries: list, about: About, lang: str):
        self.documents, self.stage, self.entries, self.about = documents, stage, entries, about
        self.document = documents.get(lang)

    def write(self) -> list:
        document, _ = self.document, self.document.gettext
        languages = list(document.languages) + sorted({e["lang"] for e in self.entries} - set(document.languages))
        sections = [self.language_section(lang) for lang in languages if any(e["lang"] == lang for e in self.entries)]
        title = nodes.plain(document.title)
        body = Markup("\n").join([Markup('<h1 id="title">{}</h1>').format(inline(document, document.title)),
                                  Markup("<p>{}</p>").format(_("Every edition of the guide, to download, to listen to "
                                                               "or to read on the web.")),
                                  self.language_links(languages), *sections, self.about_section()])
        html = page_template().render(
            lang=document.lang, title=title, page_title=_("Download the guide"), index=False, register=DOWNLOAD,
            body=body, skip=_("Skip to the content"), languages=[], other=None, previous=None, next=None,
            publisher=nodes.plain(document.publisher),
            edition=_("Edition of {date}.", date=document.language.written_date(document.edition_date)), download=None)
        (self.stage / PAGE).write_text(html, encoding="utf-8")
        (self.stage / STYLE).write_bytes((TEMPLATES / STYLE).read_bytes())
        return [Artifact(PAGE, DOWNLOAD, "", "text/html"), Artifact(STYLE, DOWNLOAD, "", "text/css")]

    def language_links(self, languages: list) -> Markup:
        """Links to each language's part of the page, when there is more than one."""
        if len(languages) < 2:
            return Markup("")
        links = Markup("\n").join(Markup('<li><a href="#{0}" lang="{0}" xml:lang="{0}" hreflang="{0}">{1}</a></li>')
                                  .format(lang, nodes.language_name(lang)) for lang in languages)
        return Markup('<nav aria-label="{}">\n<ul class="languages">\n{}\n</ul>\n</nav>').format(
            self.document.gettext("Language"), links)

    # a language's part ----------------------------------------------------------------------------------------

    def language_section(self, lang: str) -> Markup:
        """The files of one language, its recording chapter by chapter and its sign-language videos, in that
        language (a language the guide no longer has is described in the page's)."""
        document = self.documents.get(lang) if lang in self.document.languages else None
        words = document or self.document
        _ = words.gettext
        files = {e["path"][len(lang) + 1:]: e for e in self.entries if e["lang"] == lang}
        listings, chapters = self.listings(lang, files, words)
        parts = [Markup('<h2 id="{}">{}</h2>').format(lang, nodes.language_name(lang)),
                 Markup('<h3 id="{}-files">{}</h3>').format(lang, _("Files")),
                 Markup('<ul class="files">\n{}\n</ul>').format(
                     Markup("\n").join(self.listing(listing, words) for listing in listings))]
        if chapters:
            parts.append(self.chapters(lang, chapters, files, words))
        videos = _sign_videos(document) if document else []
        if videos:
            items = Markup("\n").join(Markup('<li><p><a href="{}">{}</a></p>\n{}</li>').format(
                video.url, inline(document, chapter.title),
                Markup("").join(Markup("<p>{}</p>").format(inline(document, s)) for s in video.sentences))
                for chapter, video in videos)
            parts.append(Markup('<h3 id="{0}-videos">{1}</h3>\n<ul class="files">\n{2}\n</ul>').format(
                lang, _("Videos in Polish Sign Language (PJM)"), items))
        return Markup('<section class="language" lang="{0}" xml:lang="{0}" aria-labelledby="{0}">\n{1}\n</section>'
                      ).format(lang, Markup("\n").join(parts))

    def listings(self, lang: str, files: dict, words) -> tuple:
        """(the lines of the file list, the chapter MP3s' entries): each file of the language once, a folder
        (web pages, DAISY) as one line opened at its entry page, files of no known kind by their names."""
        remaining, listings = dict(files), []
        for kind in _kinds(words.language.FILE_NAMES, words.gettext):
            if kind.place.endswith("/"):
                inside = {place: e for place, e in remaining.items() if place.startswith(kind.place)}
                if not inside or (kind.entry and kind.place + kind.entry not in inside):
                    continue
                listings.append(_Listing(kind.label, kind.format, f"{lang}/{kind.place}{kind.entry}",
                                         tuple(inside.values()), web=kind.entry == "index.html", pictures=not kind.entry))
                for place in inside:
                    del remaining[place]
            elif kind.place in remaining:
                listings.append(_Listing(kind.label, kind.format, f"{lang}/{kind.place}", (remaining.pop(kind.place),)))
        chapters = [remaining.pop(place) for place in sorted(remaining) if _CHAPTER.fullmatch(place)]
        listings += [_Listing(words.gettext("Other file: {name}", name=place), place.rsplit(".", 1)[-1].upper(),
                              entry["path"], (entry,)) for place, entry in sorted(remaining.items())]
        return listings, chapters

    def listing(self, listing: _Listing, words) -> Markup:
        """One line of the file list: its link, then its format, size and pages or length, in the words of a
        document."""
        _ = words.gettext
        paths = [self.stage / entry["path"] for entry in listing.files]
        details = [_("Format: {format}.", format=listing.format),
                   _("Size: {size}.", size=size_text(sum(e["bytes"] for e in listing.files), words.lang))]
        recordings = [path for path in paths if path.suffix == ".mp3"]
        if recordings:
            details.append(_("Length: {duration}.", duration=duration_text(sum(map(_seconds, recordings)), words.lang)))
        elif listing.web or paths[0].suffix == ".pdf":
            count = sum(path.suffix == ".html" for path in paths) if listing.web else _pdf_pages(paths[0])
            details.append(_("Pages: {count}.", count=count))
        if listing.pictures:
            details.append(_("Maps: {count}.", count=len(paths)))
            links = Markup(" ").join(Markup('<li><a href="{}" type="{}">{}</a></li>').format(
                entry["path"], entry["media_type"], _("Map {number}", number=number))
                for number, entry in enumerate(listing.files, start=1))
            return Markup('<li><p>{}</p>\n<p class="details">{}</p>\n<ul class="pictures">{}</ul></li>').format(
                listing.label, " ".join(details), links)
        media_type = listing.files[0]["media_type"] if len(listing.files) == 1 else "text/html"
        return Markup('<li><p><a href="{}" type="{}">{}</a></p>\n<p class="details">{}</p></li>').format(
            listing.link, media_type, listing.label, " ".join(details))

    def chapters(self, lang: str, chapters: list, files: dict, words) -> Markup:
        """The recording chapter by chapter: its title (the document's, else the playlist's) and a player."""
        _ = words.gettext
        titles = {s.key: inline(words, s.title) for s in words.sections if nodes.shown_in(s, "audio")} \
            if words.lang == lang else {}
        playlist = files.get(f"audio/{words.language.FILE_NAMES['playlist']}")
        listed = _playlist_titles(self.stage / playlist["path"]) if playlist else {}
        items = []
        for entry in chapters:
            name = entry["path"].rsplit("/", 1)[-1]
            key = name.split("-", 1)[1].removesuffix(".mp3")
            title = titles.get(key) or listed.get(name) or name
            length = duration_text(_seconds(self.stage / entry["path"]), words.lang)
            items.append(Markup('<li><p>{0} <span class="details">({1})</span></p>\n'
                                '<audio controls="controls" preload="none" src="{2}" aria-label="{4}"></audio>\n'
                                '<p><a href="{2}" type="audio/mpeg">{3}<span class="visually-hidden">: {0}</span>'
                                '</a></p></li>').format(title, length, entry["path"], _("Download the chapter (MP3)"),
                                                        escape(title).striptags()))
        return Markup('<h3 id="{0}-chapters">{1}</h3>\n<ol class="chapters">\n{2}\n</ol>').format(
            lang, _("Listen chapter by chapter"), Markup("\n").join(items))

    def about_section(self) -> Markup:
        """When and from what the guide was made."""
        document, about, _ = self.document, self.about, self.document.gettext
        said = [_("Edition of {date}.", date=document.language.written_date(document.edition_date)),
                _("Made on {moment}.", moment=format_datetime(about.moment, "long", tzinfo=dt.timezone.utc,
                                                              locale=document.lang)),
                _("From the data in the folder {folder} (digest {digest}).", folder=about.data_folder,
                  digest=about.data_digest),
                _("Made with wromik {version}.", version=about.version)]
        return Markup('<section aria-labelledby="about">\n<h2 id="about">{}</h2>\n<ul>\n{}\n</ul>\n</section>').format(
            _("About this edition"), Markup("\n").join(Markup("<li>{}</li>").format(s) for s in said))


def size_text(size: int, lang: str) -> str:
    """A file's size as a reader reads it, in the language's number format, kept on one line: '312 kB', '1,3 MB'."""
    if size < 1_000_000:
        said = format_unit(max(1, round(size / 1000)), "digital-kilobyte", length="short", locale=lang)
    else:
        said = format_unit(round(size / 1_000_000, 1), "digital-megabyte", length="short", locale=lang)
    return said.replace(" ", "\u00a0")


def duration_text(seconds: float, lang: str) -> str:
    """A length in hours, minutes and seconds, in words of the language: '3 minuty 25 sekund'."""
    whole = round(seconds)
    parts = [(whole // 3600, "hour"), (whole // 60 % 60, "minute"), (whole % 60, "second")]
    said = [format_unit(value, f"duration-{unit}", length="long", locale=lang) for value, unit in parts if value]
    return " ".join(said) or format_unit(0, "duration-second", length="long", locale=lang)


def _seconds(path: Path) -> float:
    return MP3(path).info.length


def _pdf_pages(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def _playlist_titles(path: Path) -> dict:
    """File name -> title of each chapter in an M3U playlist (its #EXTINF lines)."""
    titles, title = {}, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#EXTINF:"):
            title = line.split(",", 1)[1] if "," in line else None
        elif line and not line.startswith("#"):
            if title:
                titles[line] = title
            title = None
    return titles


def _sign_videos(document) -> list:
    """(chapter, SignVideo) of every sign-language video in a document, each address once, in reading order."""
    found: dict = {}
    for chapter in document.sections:
        for section in chapter.walk():
            for block in section.blocks:
                if isinstance(block, nodes.SignVideo) and block.url not in found:
                    found[block.url] = (chapter, block)
    return list(found.values())
