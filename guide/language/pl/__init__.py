"""Polish: phrasing of steps, facts and hours for each register, speech normalisation, easy-read rules,
and the gettext catalog messages.po for the fixed words (headings, labels)."""

from .. import translator
from .easyphrasing import (EasyLine, barrier_sentence, entrance_lines, hours_lines, inside_lines, route_lines,
                           short_entrance_name)
from .phrasing import (describe_barrier, describe_map, describe_status, describe_stop, describe_step, describe_unknown,
                       fact_sentences, opening_hours, plural, quantity, service_hours, warning_notes, written_date)
from .readability import check_guide, display_name, expand_name, readability_report, sentences
from .spoken import ordinal, said, spoken

__all__ = ["PDF_LANG", "SPEECH_CODE", "gettext", "plural", "quantity", "written_date", "opening_hours",
           "service_hours", "describe_step", "describe_barrier", "describe_unknown", "describe_status", "describe_map",
           "warning_notes", "fact_sentences", "EasyLine", "route_lines", "entrance_lines", "inside_lines",
           "hours_lines", "barrier_sentence", "short_entrance_name", "expand_name", "sentences", "check_guide",
           "readability_report", "said", "spoken", "ordinal", "display_name", "describe_stop", "PLACEHOLDER", "FILE_NAMES"]

PDF_LANG = "pl-PL"  # the PDF's /Lang
SPEECH_CODE = "pol"  # ISO 639-2, for ID3 tags
PLACEHOLDER = "do uzupełnienia"  # marks what the starter guide (wromik new) leaves to be filled in
# The editions' files (guide.language.FILE_KEYS), in ASCII, each naming the language, so that the files of several
# languages can share a folder
FILE_NAMES = {"standard": "wromik-standard-polski.pdf", "easy-read": "wromik-latwy-tekst-polski.pdf",
              "print": "wromik-druk-polski.pdf", "print-cover": "wromik-druk-okladka-polski.pdf",
              "print-imposed": "wromik-druk-skladka-A4-polski.pdf", "recording": "wromik-calosc-polski.mp3",
              "web": "strona-polski", "web-easy-read": "strona-latwy-tekst-polski",
              "epub": "wromik-standard-polski.epub", "epub-easy-read": "wromik-latwy-tekst-polski.epub",
              "transcript": "transkrypcja-polski.txt", "playlist": "wromik-polski.m3u8"}
gettext = translator("pl")
