"""Photos in a guide's data: a place, an entrance or the inside of a building may show what its text describes.

Each photo is a JPEG or PNG file inside the data folder, with an alternative text in every language of the guide,
a source (who took it, under which licence) and the date it was taken. Every photo is opened, verified and decoded
whole with Pillow when the data is read, so a photo that is missing, a link out of the data folder, corrupt, of
another format or a decompression bomb is named by `wromik check`, never met while an edition is written.
"""

from __future__ import annotations

import difflib
import os
import re
import warnings
from pathlib import Path, PurePosixPath

from PIL import Image, UnidentifiedImageError

from . import schema as s
from .files import MB, inside_folder, regular_file, within_limit
from .model import Photo
from .yamlfile import line_of

__all__ = ["PhotoChecker", "every_photo", "MAX_PHOTO_BYTES", "MAX_PHOTO_PIXELS", "MIN_PHOTO_SIDE", "ALT_LENGTH",
           "PHOTO_FORMATS"]

MAX_PHOTO_BYTES = 20 * MB  # a camera's full-size JPEG has 5-15 MB
MAX_PHOTO_PIXELS = 40_000_000  # 40 megapixels: more than any phone; decoded, 120 MB of memory
MIN_PHOTO_SIDE = 100  # pixels on the shorter side: below it a photo shows nothing
ALT_LENGTH = (10, 300)  # characters: a description of what the photo shows, in a sentence or two
PHOTO_FORMATS = ("JPEG", "PNG")  # what every edition can embed as it is (PDF) and every print shop takes
_ORIENTATION = 0x0112  # EXIF: how the camera was held; 5-8 turn the picture by a quarter
_CAMERA_NAME = re.compile(r"(img|dsc[nf]?|pxl|gopr|mvimg|p|photo|image|zdj\w?cie|foto)[ _-]?\d[\w-]*", re.IGNORECASE)
_FILE_NAME = re.compile(r"\S+\.(jpe?g|png|gif|webp|heic|heif|tiff?|bmp)", re.IGNORECASE)


def every_photo(data) -> list:
    """Every photo of a guide (GuideData), each file once, in the order of the places and their sections."""
    found = {}
    for place in data.places:
        for photo in (*place.photos, *(p for e in place.entrances for p in e.photos), *place.inside.photos):
            found.setdefault(photo.file, photo)
    return list(found.values())


class PhotoChecker(s.Checker):
    """One photo: file:, alt:, source: and date:."""

    expected = "a photo block with file:, alt:, source: and date:"

    def __init__(self, languages, root: Path):
        self.languages, self.root = tuple(languages), Path(root)

    def check(self, value, at):
        fields = {"file": _PhotoFile(self.root), "alt": _AltTexts(self.languages), "source": s.PlainText(max_length=300),
                  "date": s.IsoDate()}
        required = tuple(fields)
        values = s.check_block(value, fields, at, required=required)
        if values is None or any(key not in values for key in required):
            return s.INVALID
        file, path, size = values["file"]
        if not _alt_names_the_file(values["alt"], file, at.child("alt", value), value["alt"]):
            return s.INVALID
        return Photo(file, path, values["alt"], values["source"], values["date"], size, line_of(value, "file"))


class _AltTexts(s.Texts):
    """The alternative text of a photo in every language: what it shows, in 10 to 300 characters."""

    expected = "a description of what the photo shows, or one per language (pl:, uk:, en:)"

    def check(self, value, at):
        texts = super().check(value, at)
        if texts is s.INVALID:
            return texts
        low, high = ALT_LENGTH
        for lang, text in list(texts.items()):
            where = at.child(lang, value) if isinstance(value, dict) else at
            if _looks_like_a_file_name(text):
                where.report(f"Expected a description of what the photo shows but received a file name: "
                             f"{s.shown(text)}", _DESCRIBE)
                del texts[lang]
            elif not low <= len(text) <= high:
                where.report(f"Expected a description of what the photo shows in {low} to {high} characters but "
                             f"received {len(text)} characters: {s.shown(text)}",
                             _DESCRIBE if len(text) < low else
                             "Keep to what the photo shows; facts about the place belong in facts: and notes:.")
                del texts[lang]
        if len(texts) < len(self.languages):
            return s.INVALID
        return texts


_DESCRIBE = ("Say in a sentence or two what a visitor sees in the photo and what matters in it, for example: the side "
             "door, with a ramp on the left and a bell at 90 cm.")


def _looks_like_a_file_name(text: str) -> bool:
    """A file name (wejscie.jpg) or a camera's name for a picture (IMG_1234, DSC01234), with or without a full stop."""
    bare = text.strip().rstrip(".").strip()
    return bool(_FILE_NAME.fullmatch(bare) or _CAMERA_NAME.fullmatch(bare))


def _alt_names_the_file(texts: dict, file: str, at: s.Where, raw) -> bool:
    """False, with a problem reported, when an alternative text is only the photo's own file name, with or without
    its extension (wejscie-boczne), which a screen reader would read out instead of a description."""
    name = PurePosixPath(file)
    names = {name.name.casefold(), name.stem.casefold(), re.sub(r"[-_]+", " ", name.stem).casefold()}
    for lang, text in texts.items():
        if text.strip().rstrip(".").strip().casefold() in names:
            where = at.child(lang, raw) if isinstance(raw, dict) else at
            where.report(f"Expected a description of what the photo shows but received its file name: "
                         f"{s.shown(text)}", _DESCRIBE)
            return False
    return True


class _PhotoFile(s.Checker):
    """The photo's file: a JPEG or PNG inside the data folder, which Pillow opens, verifies and decodes whole.
    Its value is (the path as written, the path on disk, its upright size in pixels)."""

    expected = "the path of a JPEG or PNG photo inside the data folder, like photos/wejscie-boczne.jpg"

    def __init__(self, root: Path):
        self.root = root

    def check(self, value, at):
        if not isinstance(value, str) or not value.strip():
            return self.wrong(value, at, "Write the path of the photo from the data folder, for example "
                                         "photos/wejscie-boczne.jpg.")
        if not s.safe_text(value, at):
            return s.INVALID
        value = value.strip()
        written = PurePosixPath(value)
        if "\\" in value:
            return at.report(f"Expected a path with forward slashes, like photos/wejscie.jpg, but received "
                             f"{s.shown(value)}", "Write / between the folder and the file name.")
        if written.is_absolute() or value.startswith("~"):
            return at.report(f"Expected a path inside the data folder, like photos/wejscie-boczne.jpg, but received "
                             f"the path {s.shown(value)}, which starts outside it",
                             "Copy the photo into the data folder (for example into photos/) and write its path "
                             "from there.")
        if ".." in written.parts:
            return at.report(f"Expected a path inside the data folder but received {s.shown(value)}, which climbs out "
                             "of it with '..'", "Copy the photo into the data folder (for example into photos/) and "
                             "write its path from there.")
        path = self.root / written
        if not os.path.lexists(path):
            parent, root = path.parent.resolve(), self.root.resolve()
            names = sorted(os.listdir(parent)) if parent.is_dir() and (parent == root or root in parent.parents) else []
            close = difflib.get_close_matches(written.name, names, n=1, cutoff=0.75)
            hint = f"Did you mean '{close[0]}'? " if close else ""
            return at.report(f"Expected a photo file at {s.shown(value)} in the data folder but found none",
                             f"{hint}Put the photo into the data folder (for example photos/wejscie-boczne.jpg), or "
                             "correct its name: capital letters and Polish letters count.")
        found: list = []
        info = None
        if inside_folder(path, self.root, value, found, what="a photo"):
            info = regular_file(path, value, found, what="a photo",
                                fix="Put the photo itself there: an ordinary JPEG or PNG file.")
        if info is not None:
            within_limit(info.st_size, MAX_PHOTO_BYTES, value, found,
                         fix="Save the photo smaller: 2000 pixels on the longer side is plenty for print "
                             "(in most editors: Export or Save for web, JPEG, quality 85).")
        for problem in found:
            at.report(problem.message, problem.fix)
        if found:
            return s.INVALID
        size = self._decoded_size(path, value, at)
        return s.INVALID if size is None else (value, path, size)

    @staticmethod
    def _decoded_size(path: Path, value: str, at: s.Where) -> tuple | None:
        """The photo's upright size in pixels, after Pillow has read its header, verified it and decoded it whole;
        None with a problem reported when it cannot or must not be."""
        resave = ("Open the photo in an image editor and save it again as JPEG (or PNG), or copy it from the camera "
                  "again.")
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                with Image.open(path) as image:
                    kind, (width, height) = image.format, image.size
                    if kind not in PHOTO_FORMATS:
                        return at.report(f"Expected a JPEG or PNG photo but received a {kind} image "
                                         f"({s.shown(value)})", "Open the photo in an image editor, save it as JPEG "
                                         "(a photo) or PNG (a drawing), and write the new file's name here.") and None
                    if width * height > MAX_PHOTO_PIXELS:
                        return at.report(f"Expected a photo of at most {MAX_PHOTO_PIXELS // 1_000_000} megapixels but "
                                         f"received {width} × {height} pixels ({width * height / 1e6:.0f} megapixels)",
                                         "Make the photo smaller: 2000 pixels on the longer side is plenty for "
                                         "print.") and None
                    image.verify()
                with Image.open(path) as image:  # verify() leaves the image unusable: open it again to decode it
                    image.load()
                    turned = image.getexif().get(_ORIENTATION) in (5, 6, 7, 8)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            return at.report(f"Expected a photo of at most {MAX_PHOTO_PIXELS // 1_000_000} megapixels but received an "
                             f"image Pillow refuses as a decompression bomb ({error})",
                             f"Make the photo smaller, or replace the file: it may be damaged or made to attack. "
                             f"{resave}") and None
        except UnidentifiedImageError:
            return at.report(f"Expected a JPEG or PNG photo but received a file that is not an image Pillow can read "
                             f"({s.shown(value)})",
                             f"Check that this is the photo. {resave}") and None
        except (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError) as error:
            return at.report(f"Expected a whole JPEG or PNG photo but received a file that cannot be decoded ({error})",
                             resave) and None
        if min(width, height) < MIN_PHOTO_SIDE:
            return at.report(f"Expected a photo at least {MIN_PHOTO_SIDE} pixels on each side but received {width} × "
                             f"{height} pixels", "Use the photo as the camera took it, not a thumbnail.") and None
        return (height, width) if turned else (width, height)
