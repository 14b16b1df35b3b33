"""The guide's data model: what was read and validated, before any routing or rendering."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "Texts", "EasyText", "GlossaryEntry", "Fact", "Hours", "Phone", "Contacts", "Service", "Entrance", "Inside", "Address",
    "Location", "Place", "PlaceKind", "PLACE_KINDS", "KIND_WORDS", "City", "SignVideo", "Photo", "Paper", "GuideInfo",
    "Stop", "Node", "Edge", "Network", "GuideData",
]

class Texts(dict):
    """A text per language code ({"pl": "…", "uk": "…"}), and where it is written (file, field, line) for reports.
    After translation (guide.data.translations) it has every language of the guide; `translated` holds, per
    language taken from a catalog, that catalog entry (a Translation), and `missing` the languages shown in the
    original because no translation was found."""

    def __init__(self, texts=(), *, file: str | None = None, where: str | None = None, line: int | None = None):
        super().__init__(texts)
        self.file, self.where, self.line = file, where, line
        self.translated: dict = {}
        self.missing: set = set()



@dataclass(frozen=True)
class EasyText:
    """An easy-read text per language (rules ER-03 … ER-07) and where it is written, for the checker's reports."""

    texts: Texts
    file: str
    where: str
    line: int | None = None


@dataclass(frozen=True)
class GlossaryEntry:
    """A difficult word, its meaning in the standard edition and its easy-read explanation."""

    term: Texts
    meaning: Texts
    easy_read: EasyText | None = None


DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


@dataclass(frozen=True)
class Fact:
    """One fact about a place; value None means "no data", never "fine".

    A fact written as a list of fact blocks keeps every block in sources, newest first (never checked last);
    when their values disagree the fact is disputed: its value is None and the rest is the newest block's."""

    value: object
    source: str | None = None
    verified: str | None = None  # ISO date, possibly reduced: "2021", "2021-06", "2021-06-30"
    note: Texts = field(default_factory=dict)
    easy_read: EasyText | None = None  # the note in easy-read
    sources: tuple = ()  # Fact per source, newest first, when the fact was written as a list
    line: int | None = field(default=None, compare=False)  # where the fact is written, for the checker's reports

    @property
    def known(self) -> bool:
        return self.value is not None

    @property
    def disputed(self) -> bool:
        """The sources give different values: for routing the fact is unknown."""
        return len(self.values) > 1

    @property
    def values(self) -> tuple:
        """The distinct values the sources give, newest first ('true' and '1' step are not the same: one says there
        are steps, the other how many)."""
        if not self.sources:
            return (self.value,)
        return tuple(value for _type, value in dict.fromkeys((type(f.value), f.value) for f in self.sources))

    @property
    def newest(self) -> "Fact":
        """The newest source's fact (the fact itself when it has one source)."""
        return self.sources[0] if self.sources else self


UNKNOWN = Fact(None)


@dataclass(frozen=True)
class Hours:
    """Opening hours in OpenStreetMap syntax ("Mo-Fr 07:30-15:30"), parsed per day."""

    spec: str
    days: dict  # "Mo" -> tuple of ("07:30", "15:30") pairs; a missing day is closed
    note: Texts = field(default_factory=dict)


@dataclass(frozen=True)
class Phone:
    number: str  # digits grouped for reading, e.g. "71 78 22 300"
    label: Texts = field(default_factory=dict)

    @property
    def digits(self) -> str:
        return "".join(ch for ch in self.number if ch.isdigit())


@dataclass(frozen=True)
class Contacts:
    phones: tuple
    email: str | None
    website: str | None
    source: str | None
    verified: str | None


@dataclass(frozen=True)
class SignVideo:
    """A recording of a section's text in a sign language: where to watch it, who signs, when it was recorded."""

    url: str
    signer: str
    recorded: str  # ISO date, possibly reduced
    language: str = "pjm"  # Polish Sign Language (polski język migowy)


@dataclass(frozen=True)
class Photo:
    """A photo of what a section describes (a door, a corridor), checked when it was read: a JPEG or PNG inside the
    data folder that Pillow decodes whole."""

    file: str  # as the data writes it, relative to the data folder: photos/wejscie-boczne.jpg
    path: Path  # where it is on disk (inside the data folder)
    alt: Texts  # what the photo shows, per language: its alternative text
    source: str  # who took it and under which licence
    date: str  # when it was taken: ISO date, possibly reduced
    size: tuple  # (width, height) in pixels, upright (as its EXIF orientation turns it)
    line: int | None = field(default=None, compare=False)  # the line of file: in the data, for messages


@dataclass(frozen=True)
class Service:
    id: str
    name: Texts
    description: Texts
    hours: Hours | None
    phones: tuple
    easy_read: EasyText | None = None
    pictogram: str | None = None  # what the easy-read edition shows beside it (a shipped pictogram's id)
    sign_video: SignVideo | None = None


@dataclass(frozen=True)
class Entrance:
    id: str
    node: str  # id of the entrance node in network.geojson
    name: Texts
    facts: dict  # attribute -> Fact (steps, ramp, door_width, threshold, …)
    notes: Texts = field(default_factory=dict)
    line: int | None = field(default=None, compare=False)  # the line of node: in the place file, for errors
    photos: tuple = ()  # Photo: the entrance as a visitor sees it
    easy_read: EasyText | None = None  # the notes in easy-read
    notes_line: int | None = field(default=None, compare=False)

    def fact(self, name: str) -> Fact:
        return self.facts.get(name, UNKNOWN)


@dataclass(frozen=True)
class Inside:
    facts: dict  # attribute -> Fact (floor, room, lift, accessible_toilet, …)
    notes: Texts = field(default_factory=dict)
    photos: tuple = ()  # Photo: the way from the door to the place
    easy_read: EasyText | None = None  # the notes in easy-read
    notes_line: int | None = field(default=None, compare=False)

    def fact(self, name: str) -> Fact:
        return self.facts.get(name, UNKNOWN)


@dataclass(frozen=True)
class Address:
    street: str
    postcode: str | None
    city: str

    def __str__(self) -> str:
        return f"{self.street}, {self.postcode + ' ' if self.postcode else ''}{self.city}"


@dataclass(frozen=True)
class Location:
    lat: float
    lon: float
    approximate: bool


# The kinds of place every language pack has words for (guide/language/<code>/kinds.yaml), in the order a guide
# lists them unless its guide.yaml orders its own kinds first.
PLACE_KINDS = ("office", "health", "culture", "library", "education", "sport", "transport", "shop")
# What a kind's words say: where a visitor goes inside, the phrase "to" it, a numbered room, the phrase "to" a
# room, and the heading of the place's services in the standard and in the easy-read register.
KIND_WORDS = ("destination", "to_destination", "room", "to_room", "services", "easy_services")


@dataclass(frozen=True)
class PlaceKind:
    """A kind of place a guide defines (guide.yaml kinds:): it speaks like one of PLACE_KINDS, with its own words
    per language where given."""

    id: str
    like: str
    words: dict = field(default_factory=dict)  # language -> {word (one of KIND_WORDS) -> text}


@dataclass(frozen=True)
class Place:
    id: str
    name: Texts
    short_name: str
    kind: str
    address: Address
    location: Location
    contacts: Contacts
    hours: Hours | None
    description: Texts
    services: tuple
    entrances: tuple
    inside: Inside
    file: str
    easy_read: EasyText | None = None
    sign_video: SignVideo | None = None
    photos: tuple = ()  # Photo: the building from outside

    def entrance(self, entrance_id: str) -> Entrance:
        """The entrance with this id: the one lookup every edition uses."""
        return next(e for e in self.entrances if e.id == entrance_id)


@dataclass(frozen=True)
class City:
    name: str
    bbox: tuple  # (west, south, east, north) in degrees


@dataclass(frozen=True)
class Paper:
    """The thickness of one leaf of each paper, in millimetres: it sets the binding's spine and creep."""

    text: float = 0.1  # the inner pages: 90-100 g/m² matt offset paper
    cover: float = 0.3  # the cover of a perfect-bound guide: 250-300 g/m² board
    office: float = 0.1  # the office printer's paper: 80 g/m² copier paper


@dataclass(frozen=True)
class GuideInfo:
    title: Texts
    publisher: str
    edition_date: str
    languages: tuple
    profiles: tuple
    city: City
    contacts: Contacts
    introduction: Texts
    sources: tuple = ()  # {"name", "url", "retrieved"} dicts
    glossary: tuple = ()  # GlossaryEntry, in the order of the word list
    easy_read_introduction: EasyText | None = None
    subject: Texts = field(default_factory=dict)  # what the guide is about, in a line (the PDF's subject)
    scope: Texts = field(default_factory=dict)  # which places the guide describes and what it says of each
    easy_read_scope: EasyText | None = None
    download_page: str | None = None  # where every edition can be downloaded; the website when not given
    paper: Paper = field(default_factory=Paper)
    sign_video: SignVideo | None = None  # the introduction in a sign language
    kinds: tuple = ()  # PlaceKind: the guide's own kinds of place, in the order its places are listed


@dataclass(frozen=True)
class Stop:
    id: str
    code: str
    name: str
    lat: float
    lon: float
    vehicles: tuple[str, ...] = ()  # tram, bus, trolleybus, metro, train, ferry; empty when unknown
    lines: tuple[str, ...] = ()  # the line numbers that call here; empty when unknown


@dataclass(frozen=True)
class Node:
    id: str
    kind: str  # stop, entrance, crossing, corner, landmark, parking
    lon: float
    lat: float
    name: str | None = None
    stop_id: str | None = None


@dataclass(frozen=True)
class Edge:
    id: str
    kind: str  # footway, crossing, ramp, steps, lift
    start: str
    end: str
    coords: tuple  # ((lon, lat), …) from start to end
    attrs: dict  # length, incline, surface, … ; a missing key means "unknown"


@dataclass(frozen=True)
class Network:
    nodes: dict  # id -> Node
    edges: tuple


@dataclass(frozen=True)
class GuideData:
    root: Path
    info: GuideInfo
    places: tuple
    network: Network
    stops: dict  # GTFS stop_id -> Stop
