"""English: phrasing of steps, facts and hours for each register, speech normalisation, easy-read rules,
and the gettext catalog messages.po for the fixed words (headings, labels). Names from the data (streets,
stops, places, addresses) stay in the guide's original language, marked with original()."""

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

PDF_LANG = "en-GB"  # the PDF's /Lang
SPEECH_CODE = "eng"  # ISO 639-2, for ID3 tags
PLACEHOLDER = "to be filled in"  # marks what the starter guide (wromik new) leaves to be filled in
# The editions' files (guide.language.FILE_KEYS), each naming the language
FILE_NAMES = {"standard": "wromik-standard-english.pdf", "easy-read": "wromik-easy-read-english.pdf",
              "print": "wromik-print-english.pdf", "print-cover": "wromik-print-cover-english.pdf",
              "print-imposed": "wromik-print-booklet-A4-english.pdf", "recording": "wromik-complete-english.mp3",
              "web": "web-english", "web-easy-read": "web-easy-read-english",
              "epub": "wromik-standard-english.epub", "epub-easy-read": "wromik-easy-read-english.epub",
              "transcript": "transcript-english.txt", "playlist": "wromik-english.m3u8"}
gettext = translator("en")
