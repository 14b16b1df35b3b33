"""Read and validate a guide's data directory (routes/<city>/) into a GuideData model.

Every file is read and every problem collected before one DataError is raised.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
from pathlib import Path

from . import schema as s
from ..errors import DataError, Problem
from ..media import pictogram_catalogue
from .files import read_data_text
from .geometry import distance_m, latitude_first, polyline_length
from .model import (Address, City, Contacts, Edge, Entrance, GlossaryEntry, GuideData, GuideInfo, Inside, Location, Network, Node,
                    Place, PlaceKind, PLACE_KINDS, KIND_WORDS, Paper, Phone, Service, SignVideo, Stop)
from .network import build_graph, check_graph
from .photos import PhotoChecker
from .profiles import load_profiles
from .translations import read_catalogs, translate
from .yamlfile import line_of, read_yaml

__all__ = ["load_guide", "summary", "read_stops_csv", "stops_from_text", "shown_path", "KNOWN_LANGUAGES", "NODE_KINDS", "EDGE_KINDS",
           "VEHICLES"]

KNOWN_LANGUAGES = ("pl", "uk", "en")
NODE_KINDS = ("stop", "entrance", "crossing", "corner", "landmark", "parking")
EDGE_KINDS = ("footway", "crossing", "ramp", "steps", "lift")
SIDES = ("left", "right")  # road_side and building_line: seen walking from the edge's `from` node to its `to` node
VEHICLES = ("tram", "bus", "trolleybus", "metro", "train", "ferry")  # the words of stops.csv's vehicle column
SIGN_LANGUAGE = ("on_site", "remote", "appointment")  # how sign language is offered: staff, an online interpreter, booked
SURFACES = ("asphalt", "paving_stones", "concrete", "concrete:plates", "sett", "cobblestone", "unhewn_cobblestone",
            "compacted", "fine_gravel", "gravel", "dirt", "grass", "sand", "mud", "metal", "wood", "tiles")
SMOOTHNESS = ("excellent", "good", "intermediate", "bad", "very_bad", "horrible", "very_horrible", "impassable")
STOP_MATCH_M = 25  # a stop node must sit this close to the GTFS position of its stop
ENDPOINT_MATCH_M = 10  # an edge's line must start and end this close to its nodes
MAX_LINE_POINTS = 5000  # an edge joins two neighbouring nodes; OSM's longest ways have 2000 points

_STEPS = s.IntegerOrTrue(0, 200, "steps", "there are steps, their number unknown")
ENTRANCE_FACTS = {
    "accessible": s.Boolean(), "steps": _STEPS, "ramp": s.Boolean(),
    "ramp_incline": s.Number(0, 30, "%"), "handrail": s.Boolean(), "door_width": s.Integer(40, 400, "cm"),
    "threshold": s.Integer(0, 50, "cm"), "automatic_door": s.Boolean(), "bell": s.Boolean(), "intercom": s.Boolean(),
    "audio_beacon": s.Boolean(), "locked": s.Boolean(), "tactile_paving": s.Boolean(),
    "contrast_marking": s.Boolean(), "disabled_parking": s.Integer(0, 100, "bays"),
    "platform_lift": s.Boolean(),  # a platform lift beside the steps
    "stair_climber": s.Boolean(),  # a stair climber that staff operate at the steps
    "advance_notice": s.IntegerOrTrue(0, 720, "hours", "notice is needed, how long before unknown"),
}
INSIDE_FACTS = {
    "floor": s.Integer(-3, 40), "room": s.PlainText(max_length=40), "lift": s.Boolean(),
    "stairs_handrail": s.Boolean(), "steps_inside": _STEPS, "room_door_width": s.Integer(40, 400, "cm"),
    "room_threshold": s.Integer(0, 50, "cm"), "accessible_toilet": s.Boolean(), "induction_loop": s.Boolean(),
    "sign_language": s.BooleanOr(SIGN_LANGUAGE), "guide_dogs": s.Boolean(), "seating": s.Boolean(),
    "staff_come_down": s.Boolean(),  # staff come to the entrance when the desk cannot be reached
}


def load_guide(root: Path, *, languages: tuple = KNOWN_LANGUAGES) -> GuideData:
    """Read, validate and cross-check a data directory; raise DataError listing every problem. languages are
    those the guide may be written in (the ones wromik has a language pack for)."""
    root = Path(root)
    problems: list[Problem] = []
    if not os.path.lexists(root / "guide.yaml"):
        raise DataError([Problem(str(root), "guide.yaml", "Expected a guide data directory with guide.yaml but found none",
                                 "Give the folder that holds guide.yaml, for example routes/wroclaw.")])
    info = _read_info(root, problems, languages)
    languages = info.languages if info else ("pl",)
    stops = read_stops_csv(root / "stops.csv", problems, shown_as=shown_path(root / "stops.csv"), root=root)
    kinds = PLACE_KINDS + tuple(k.id for k in info.kinds) if info else None
    places, all_read = _read_places(root, languages, kinds, problems)
    network = _read_network(root, problems)
    catalogs = read_catalogs(root, languages, problems, shown=shown_path)
    if info and network:
        _check_places(root, info, places, network, stops, problems, all_places_read=all_read)
    if problems:
        raise DataError(problems)
    order = [k.id for k in info.kinds] + list(PLACE_KINDS)  # the guide's own kinds first, in its order
    places.sort(key=lambda place: (order.index(place.kind), place.short_name.casefold()))
    data = GuideData(root=root, info=info, places=tuple(places), network=network, stops=stops)
    check_graph(data, build_graph(data), problems, network_file=shown_path(root / "network.geojson"))
    if problems:
        raise DataError(problems)
    translate(data, catalogs)
    return data


def summary(data: GuideData) -> str:
    """What a valid guide holds, in a line: '13 places, 86 nodes, 73 edges, 2166 stops'."""
    counts = [(len(data.places), "place"), (len(data.network.nodes), "node"), (len(data.network.edges), "edge"),
              (len(data.stops), "stop")]
    return ", ".join(f"{n} {noun}{'s' * (n != 1)}" for n, noun in counts)


def shown_path(path: Path) -> str:
    """The path as the coordinator sees it: relative to the working directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _contacts(languages):
    return {"phones": s.ListOf(_PhoneEntry(languages)), "email": s.Email(), "website": s.WebAddress(),
            "source": s.PlainText(max_length=300), "verified": s.IsoDate()}


class _PhoneEntry(s.Checker):
    expected = "a phone number, or a block with number: and label:"

    def __init__(self, languages):
        self.languages = languages

    def check(self, value, at):
        if not isinstance(value, dict):
            value = {"number": value}
        fields = {"number": s.PhoneNumber(), "label": s.Texts(self.languages)}
        checked = s.check_block(value, fields, at, required=("number",))
        if checked is None or "number" not in checked:
            return s.INVALID
        return Phone(checked["number"], checked.get("label", {}))


def _make_contacts(block: dict) -> Contacts:
    return Contacts(tuple(block.get("phones", ())), block.get("email"), block.get("website"), block.get("source"),
                    block.get("verified"))


def _read_info(root: Path, problems, writable: tuple) -> GuideInfo | None:
    shown_as = shown_path(root / "guide.yaml")
    data = read_yaml(root / "guide.yaml", shown_as, problems, root=root, what="the guide's settings (title, city…)")
    if data is None:
        return None
    at = s.Where(shown_as, "", None, problems)
    raw_languages = data.get("languages") if isinstance(data, dict) else None
    language = s.Choice(writable, why=" (the languages wromik has a language pack for; see 'Adding a language' "
                                      "in the README)")
    languages = s.ListOf(language, min_items=1).check(raw_languages, at.child("languages", data))
    if languages is s.INVALID or not languages:  # the texts are then checked in the languages that can be written
        languages = [lang for lang in raw_languages if lang in writable] if isinstance(raw_languages, list) else []
        languages = languages or ["pl"]
    fields = {
        "title": s.Texts(languages), "publisher": s.PlainText(max_length=200), "edition_date": s.IsoDate(),
        "languages": s.ListOf(language, min_items=1),
        "profiles": s.ListOf(s.Choice(tuple(load_profiles())), min_items=1),
        "city": _CityChecker(), "contacts": _Block(_contacts(languages), required=("source",)),
        "subject": s.Texts(languages, max_length=200), "scope": s.Texts(languages),
        "introduction": s.Texts(languages),
        "easy_read": _Block({"introduction": s.EasyTexts(languages), "scope": s.EasyTexts(languages)}),
        "glossary": s.ListOf(_Block({"term": s.Texts(languages), "meaning": s.Texts(languages),
                                     "easy_read": s.EasyTexts(languages)}, required=("term", "meaning"))),
        "sources": s.ListOf(_Block(
            {"name": s.PlainText(max_length=300), "url": s.WebAddress(), "retrieved": s.IsoDate()},
            required=("name",))),
        "download_page": s.WebAddress(), "paper": _PaperChecker(), "pjm_video": _SignVideoChecker(),
        "kinds": _KindsChecker(languages),
    }
    required = ("title", "publisher", "edition_date", "languages", "profiles", "city", "contacts", "introduction")
    values = s.check_block(data, fields, at, required=required)
    if values is None or any(key not in values for key in required):
        return None
    return GuideInfo(title=values["title"], publisher=values["publisher"], edition_date=values["edition_date"],
                     languages=tuple(languages), profiles=tuple(values["profiles"]), city=values["city"],
                     contacts=_make_contacts(values["contacts"]), introduction=values["introduction"],
                     sources=tuple(values.get("sources", ())),
                     glossary=tuple(GlossaryEntry(g["term"], g["meaning"], g.get("easy_read"))
                                    for g in values.get("glossary", ())),
                     easy_read_introduction=values.get("easy_read", {}).get("introduction"),
                     subject=values.get("subject") or values["title"], scope=values.get("scope", {}),
                     easy_read_scope=values.get("easy_read", {}).get("scope"),
                     download_page=values.get("download_page") or values["contacts"].get("website"),
                     paper=values.get("paper", Paper()), sign_video=values.get("pjm_video"),
                     kinds=values.get("kinds", ()))


class _Block(s.Checker):
    """A nested block of fields, checked with check_block."""

    expected = "a block of keys"

    def __init__(self, fields, required=()):
        self.fields, self.required = fields, required

    def check(self, value, at):
        values = s.check_block(value, self.fields, at, required=self.required)
        return s.INVALID if values is None or any(k not in values for k in self.required) else values


class _PaperChecker(s.Checker):
    expected = "a block with the thickness of one leaf in mm: text:, cover:, office:"

    def check(self, value, at):
        thickness = s.Number(0.03, 1.0, "mm")
        values = s.check_block(value, {"text": thickness, "cover": thickness, "office": thickness}, at)
        return s.INVALID if values is None else Paper(**values)


class _KindName(s.Identifier):
    expected = "a kind's name of lowercase letters, digits, '-' and '_' (like 'field_office')"
    fix = "Use only a-z, 0-9, '-' and '_', for example 'pharmacy'."
    pattern = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")


class _KindsChecker(s.Checker):
    """kinds: the guide's own kinds of place, in the order its places are listed; each speaks like one of the
    kinds every guide has, with its own words per language where given."""

    expected = "a block of kinds, each 'name: office' or a block with like: and words:"

    def __init__(self, languages):
        self.languages = languages

    def check(self, value, at):
        if not isinstance(value, dict) or not value:
            return self.wrong(value, at, "Write one line per kind, for example 'pharmacy: health'.")
        words = _Block({lang: _Block({word: s.PlainText(max_length=60) for word in KIND_WORDS})
                        for lang in self.languages})
        kinds = []
        for name, raw in value.items():
            where = at.child(name, value)
            if _KindName().check(name, where) is s.INVALID:
                continue
            if name in PLACE_KINDS:
                where.report(f"Expected a new kind's name but '{name}' is a kind every guide has",
                             "Leave it out (places can use it as it is) or give your kind another name.")
                continue
            values = s.check_block({"like": raw} if isinstance(raw, str) else raw,
                                   {"like": s.Choice(PLACE_KINDS), "words": words}, where, required=("like",))
            if values is None:
                continue
            for lang, given in values.get("words", {}).items():
                for one, other in (("destination", "to_destination"), ("room", "to_room")):
                    if (one in given) != (other in given):  # 'apteka' beside the kind's 'do rejestracji'
                        missing, present = (other, one) if one in given else (one, other)
                        where.child("words").child(lang).report(
                            f"Expected {missing} beside {present} but received only {present}",
                            f"Add '{missing}: …' so that both say the same place.")
            # a kind whose like: is wrong still names a kind: its places are not blamed for it as well
            kinds.append(PlaceKind(name, values.get("like"), values.get("words", {})))
        return tuple(kinds)


class _SignVideoChecker(s.Checker):
    """pjm_video: a recording in Polish Sign Language of the section it belongs to."""

    expected = "a block with url:, signer:, recorded: and language: pjm"

    def check(self, value, at):
        fields = {"url": s.WebAddress(), "signer": s.PlainText(max_length=100), "recorded": s.IsoDate(),
                  "language": s.Choice(("pjm",), why=" (Polish Sign Language; other sign languages are not supported "
                                                   "yet)")}
        values = s.check_block(value, fields, at, required=("url", "signer", "recorded", "language"))
        if values is None or len(values) < len(fields):
            return s.INVALID
        return SignVideo(values["url"], values["signer"], values["recorded"], values["language"])


class _CityChecker(s.Checker):
    expected = "a city block with name: and bbox: [west, south, east, north]"

    def check(self, value, at):
        values = s.check_block(value, {"name": s.PlainText(max_length=100), "bbox": s.ListOf(s.Number(-180, 180))},
                               at, required=("name", "bbox"))
        if not values or "bbox" not in values or "name" not in values:
            return s.INVALID
        west, south, east, north = (values["bbox"] + [0, 0, 0, 0])[:4]
        if len(values["bbox"]) != 4 or west >= east or south >= north:
            return at.child("bbox").report(f"Expected bbox as [west, south, east, north] but received {values['bbox']}",
                                           "Give four numbers: west lon, south lat, east lon, north lat.")
        if latitude_first((west, south, east, north)):
            return at.child("bbox", value).report(
                f"Expected bbox as [west, south, east, north] (longitude first) but received {values['bbox']}, "
                "which puts latitude first", f"Write it as [{south}, {west}, {north}, {east}].")
        return City(values["name"], (west, south, east, north))



def _read_places(root: Path, languages, kinds: tuple | None, problems) -> tuple[list[Place], bool]:
    """The places, and whether every place file could be read."""
    folder = root / "places"
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not files and (root / "offices").is_dir():
        problems.append(Problem(shown_path(root / "offices"), "offices", "Expected the place files in a folder named "
                                "places/ but received a folder named offices/", "Rename the folder offices/ to places/."))
    elif not files:
        problems.append(Problem(shown_path(folder), "places", "Expected at least one place file (*.yaml) but found none",
                                "Add one YAML file per place under places/ (see the README's coordinator guide)."))
    for path in sorted(folder.iterdir()) if folder.is_dir() else ():
        if path.suffix.lower() in (".yml", ".yaml") and path.suffix != ".yaml":
            problems.append(Problem(shown_path(path), "file", f"Expected a place file ending in .yaml but received "
                                    f"'{path.name}', which the guide would leave out", f"Rename it to {path.stem}.yaml."))
    places, seen, all_read = [], {}, True
    for path in files:
        shown_as = shown_path(path)
        data = read_yaml(path, shown_as, problems, root=root, what="a place (id:, name:, address:, entrances:…)")
        place = None if data is None else _read_place(data, shown_as, languages, kinds, problems, root)
        if place is None:
            all_read = False
            continue
        if place.id in seen:
            problems.append(Problem(shown_as, f"place '{place.id}'", f"Expected a unique place id but '{place.id}' "
                                    f"is also used in {seen[place.id]}", "Give each place its own id.", data.line))
            continue
        seen[place.id] = shown_as
        places.append(place)
    return places, all_read


def _read_place(data, shown_as: str, languages, kinds: tuple | None, problems, root: Path) -> Place | None:
    at = s.Where(shown_as, "", None, problems)
    place_id = data.get("id") if isinstance(data, dict) else None
    if isinstance(place_id, str):
        at = s.Where(shown_as, f"place '{place_id}'", None, problems)
    service_fields = {"id": s.Identifier(), "name": s.Texts(languages), "description": s.Texts(languages),
                      "hours": s.OpeningHours(), "hours_note": s.Texts(languages),
                      "phones": s.ListOf(_PhoneEntry(languages)), "easy_read": s.EasyTexts(languages),
                      "pictogram": s.Choice(tuple(pictogram_catalogue())), "pjm_video": _SignVideoChecker()}
    fields = {
        "id": s.Identifier(), "name": s.Texts(languages), "short_name": s.PlainText(max_length=60),
        "kind": s.Choice(kinds, why=" (the kinds every guide has, and those its guide.yaml kinds: adds)")
        if kinds else _KindName(),
        "address": _Block({"street": s.PlainText(max_length=100), "postcode": _Postcode(),
                           "city": s.PlainText(max_length=60)}, required=("street", "city")),
        "location": _Block({"lat": s.Number(-90, 90), "lon": s.Number(-180, 180), "approximate": s.Boolean(),
                            "source": s.PlainText(max_length=300)}, required=("lat", "lon", "approximate", "source")),
        "contacts": _Block(_contacts(languages), required=("source",)),
        "hours": s.OpeningHours(), "hours_note": s.Texts(languages),
        "description": s.Texts(languages), "easy_read": s.EasyTexts(languages),
        "services": s.ListOf(_Block(service_fields, required=("id", "name"))),
        "entrances": s.ListOf(_EntranceChecker(languages, root), min_items=1),
        "inside": _InsideChecker(languages, root), "pjm_video": _SignVideoChecker(),
        "photos": s.ListOf(PhotoChecker(languages, root)),
    }
    required = ("id", "name", "short_name", "kind", "address", "location", "contacts", "description", "entrances", "inside")
    values = s.check_block(data, fields, at, required=required)
    if values is None or any(key not in values for key in required):
        return None
    entrance_ids = [e.id for e in values["entrances"]]
    for dup in {e for e in entrance_ids if entrance_ids.count(e) > 1}:
        at.child("entrances", data).report(f"Expected unique entrance ids but '{dup}' is used twice",
                                           "Give each entrance its own id (a, b, front, rear…).")
    services = []
    for service in values.get("services", []):
        hours = service.get("hours")
        if hours and "hours_note" in service:
            hours = type(hours)(hours.spec, hours.days, service["hours_note"])
        services.append(Service(service["id"], service["name"], service.get("description", {}), hours,
                                tuple(service.get("phones", ())), service.get("easy_read"), service.get("pictogram"),
                                service.get("pjm_video")))
    hours = values.get("hours")
    if hours and "hours_note" in values:
        hours = type(hours)(hours.spec, hours.days, values["hours_note"])
    address, location = values["address"], values["location"]
    return Place(id=values["id"], name=values["name"], short_name=values["short_name"], kind=values["kind"],
                  address=Address(address["street"], address.get("postcode"), address["city"]),
                  location=Location(location["lat"], location["lon"], location["approximate"]),
                  contacts=_make_contacts(values["contacts"]), hours=hours, description=values["description"],
                  services=tuple(services), entrances=tuple(values["entrances"]), inside=values["inside"], file=shown_as,
                  easy_read=values.get("easy_read"), sign_video=values.get("pjm_video"),
                  photos=tuple(values.get("photos", ())))


class _Postcode(s.Checker):
    expected = "a Polish postcode like '53-611'"
    fix = "Write two digits, a hyphen and three digits."

    def check(self, value, at):
        return value if isinstance(value, str) and re.fullmatch(r"\d{2}-\d{3}", value) else self.wrong(value, at)


class _EntranceChecker(s.Checker):
    expected = "an entrance block with id:, node:, name: and facts:"

    def __init__(self, languages, root: Path):
        self.languages, self.root = languages, root

    def check(self, value, at):
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            at = s.Where(at.file, f"{at.where} (entrance '{value['id']}')", at.line, at.problems)
        fields = {"id": s.Identifier(), "node": s.Identifier(), "name": s.Texts(self.languages),
                  "notes": s.Texts(self.languages), "easy_read": _easy_notes(self.languages),
                  "facts": _FactsChecker(ENTRANCE_FACTS, self.languages),
                  "photos": s.ListOf(PhotoChecker(self.languages, self.root))}
        values = s.check_block(value, fields, at, required=("id", "node", "name"))
        if values is None or any(k not in values for k in ("id", "node", "name")):
            return s.INVALID
        return Entrance(values["id"], values["node"], values["name"], values.get("facts", {}), values.get("notes", {}),
                        line_of(value, "node"), tuple(values.get("photos", ())), values.get("easy_read"),
                        line_of(value, "notes"))


def _easy_notes(languages) -> s.EasyTexts:
    """easy_read: beside notes: the notes in easy-read (in the guide's first language at least)."""
    return s.EasyTexts(languages)


class _FactsChecker(s.Checker):
    expected = "a block of facts"

    def __init__(self, fields, languages):
        self.fields, self.languages = fields, languages

    def check(self, value, at):
        return s.check_facts(value, self.fields, at, self.languages)


class _InsideChecker(s.Checker):
    expected = "an inside block with facts:, notes: and photos:"

    def __init__(self, languages, root: Path):
        self.languages, self.root = languages, root

    def check(self, value, at):
        fields = {"facts": _FactsChecker(INSIDE_FACTS, self.languages),
                  "notes": s.Texts(self.languages), "easy_read": _easy_notes(self.languages),
                  "photos": s.ListOf(PhotoChecker(self.languages, self.root))}
        values = s.check_block(value, fields, at)
        if values is None:
            return s.INVALID
        return Inside(values.get("facts", {}), values.get("notes", {}), tuple(values.get("photos", ())),
                      values.get("easy_read"), line_of(value, "notes"))


def read_stops_csv(path: Path, problems, *, shown_as: str, root: Path | None,
                   missing_fix: str = "Run 'wromik import-stops' with the city's GTFS feed.") -> dict:
    """Read a stops file (GTFS stops.txt columns, and the optional vehicle and lines) into Stops by id."""
    if not os.path.lexists(path):
        problems.append(Problem(shown_as, "file", "Expected the transit stops file but found none", missing_fix))
        return {}
    text = read_data_text(path, shown_as, problems, root=root, what="the transit stops (GTFS CSV)",
                          encoding="utf-8-sig")
    return stops_from_text(text, problems, shown_as=shown_as) if text is not None else {}


def stops_from_text(text: str, problems, *, shown_as: str) -> dict:
    """The Stops by id in the text of a stops file; every problem is added to problems."""
    stops = {}
    try:
        with io.StringIO(text, newline="") as handle:
            reader = csv.DictReader(handle)
            missing = {"stop_id", "stop_name", "stop_lat", "stop_lon"} - set(reader.fieldnames or ())
            if missing:
                problems.append(Problem(shown_as, "header", f"Expected GTFS columns stop_id, stop_name, stop_lat, stop_lon "
                                        f"but the header lacks {', '.join(sorted(missing))}",
                                        "Use a GTFS stops.txt file, unchanged, as the input.", 1))
                return {}
            for row in reader:
                line = reader.line_num
                where = f"stop '{row.get('stop_id')}'"
                try:
                    lat, lon = float(row["stop_lat"]), float(row["stop_lon"])
                except (TypeError, ValueError):
                    problems.append(Problem(shown_as, where, f"Expected decimal coordinates but received "
                                            f"{row.get('stop_lat')!r}, {row.get('stop_lon')!r}",
                                            "Fix the stop_lat and stop_lon columns (decimal degrees with a point).", line))
                    continue
                if not row["stop_id"] or not row["stop_name"] or not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    problems.append(Problem(shown_as, where, "Expected a stop id, a name and coordinates in range",
                                            "Fill in stop_id and stop_name, and check the coordinates.", line))
                    continue
                if not s.safe_text(row["stop_id"] + row["stop_name"], s.Where(shown_as, where, line, problems)):
                    continue
                if row["stop_id"] in stops:
                    problems.append(Problem(shown_as, where, f"Expected unique stop ids but '{row['stop_id']}' repeats",
                                            "Remove the duplicate row.", line))
                    continue
                vehicles, lines = _vehicles_and_lines(row, s.Where(shown_as, where, line, problems))
                stops[row["stop_id"]] = Stop(row["stop_id"], row.get("stop_code") or "", " ".join(row["stop_name"].split()),
                                             lat, lon, vehicles=vehicles, lines=lines)
    except csv.Error as error:
        problems.append(Problem(shown_as, "file", f"Expected a UTF-8 CSV file but it could not be read: {error}",
                                "Save the file as UTF-8 CSV with commas."))
    return stops


def _vehicles_and_lines(row: dict, at: s.Where) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A stop row's optional vehicle types (in the order of VEHICLES) and line numbers (as written); both empty when
    a problem is reported, so the stop itself stays known. Both columns are separated by spaces (a line name with
    spaces has no-break spaces in it)."""
    vehicle, lines = row.get("vehicle") or "", row.get("lines") or ""
    if not s.safe_text(vehicle + lines, at):
        return (), ()
    words = [word for word in vehicle.split(" ") if word]
    unknown = [word for word in words if word not in VEHICLES]
    if unknown:
        at.report(f"Expected vehicle types from {', '.join(VEHICLES)} but received {s.shown(' '.join(unknown))}",
                  "Write the vehicle types in English, separated by spaces (for example: tram bus), "
                  "or leave the vehicle column empty if you do not know them.")
        return (), ()
    numbers = [number for number in lines.split(" ") if number]
    listed = [number for number in numbers if "," in number or ";" in number]
    if listed:
        at.report(f"Expected line numbers separated by spaces but received {s.shown(listed[0])}",
                  "Separate the line numbers with spaces, for example: 3 10 20.")
        return (), ()
    return tuple(v for v in VEHICLES if v in words), tuple(dict.fromkeys(numbers))


def _node_fields():
    return {"id": s.Identifier(), "kind": s.Choice(NODE_KINDS), "name": s.PlainText(max_length=120),
            "stop_id": s.PlainText(max_length=40), "source": s.PlainText(max_length=300), "verified": s.IsoDate()}


def _edge_fields():
    return {
        "id": s.Identifier(), "kind": s.Choice(EDGE_KINDS), "from": s.Identifier(), "to": s.Identifier(),
        "name": s.PlainText(max_length=120), "length": s.Number(0.5, 5000, "m"), "incline": s.Number(-40, 40, "%"),
        "surface": s.Choice(SURFACES), "smoothness": s.Choice(SMOOTHNESS), "width": s.Number(0.3, 60, "m"),
        "kerb_from": s.Number(0, 60, "cm"), "kerb_to": s.Number(0, 60, "cm"), "step_count": s.Integer(1, 500, "steps"),
        "handrail": s.Boolean(), "traffic_lights": s.Boolean(), "sound_signal": s.Boolean(),
        "tactile_paving": s.Boolean(), "landmark": s.PlainText(max_length=120), "open_area": s.Boolean(),
        "road_side": s.Choice(SIDES), "building_line": s.Choice(SIDES),
        "source": s.PlainText(max_length=300), "verified": s.IsoDate(),
    }


def _read_network(root: Path, problems) -> Network | None:
    path = root / "network.geojson"
    shown_as = shown_path(path)
    if not os.path.lexists(path):
        problems.append(Problem(shown_as, "file", "Expected the path network file but found none",
                                "Create network.geojson (for example in QGIS) with nodes and edges."))
        return None
    text = read_data_text(path, shown_as, problems, root=root, what="the path network (GeoJSON)")
    if text is None:
        return None
    try:
        collection = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        problems.append(Problem(shown_as, "JSON syntax", f"The file is not valid GeoJSON: {error.msg}",
                                "Check commas and brackets near this line, or re-export the layer from QGIS.", error.lineno))
        return None
    except ValueError as error:
        problems.append(Problem(shown_as, "JSON syntax", f"Expected finite numbers but received {error}",
                                "Replace NaN and Infinity with real numbers, or re-export the layer from QGIS."))
        return None
    except RecursionError:
        problems.append(Problem(shown_as, "JSON structure", "Expected GeoJSON but the brackets nest thousands of "
                                "levels deep", "Re-export the layer from QGIS as GeoJSON."))
        return None
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection" \
            or not isinstance(collection.get("features"), list):
        problems.append(Problem(shown_as, "file", "Expected a GeoJSON FeatureCollection but received something else",
                                "Export the layer from QGIS as GeoJSON."))
        return None
    nodes, edges, ids = {}, [], {}
    for index, feature in enumerate(collection["features"]):
        props = feature.get("properties") if isinstance(feature, dict) else None
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        fid = props.get("id") if isinstance(props, dict) else None
        at = s.Where(shown_as, f"feature '{fid}'" if fid else f"feature #{index + 1}", None, problems)
        gtype = geometry.get("type") if isinstance(geometry, dict) else None
        if gtype == "Point":
            node = _read_node(props, geometry, at)
            item = node
        elif gtype == "LineString":
            item = _read_edge(props, geometry, at)
        else:
            at.report(f"Expected a Point (node) or LineString (edge) geometry but received {s.shown(gtype)}",
                      "Draw nodes as points and paths as lines; split multi-part lines into single lines.")
            continue
        if item is None:
            continue
        if item.id in ids:
            at.report(f"Expected a unique id but '{item.id}' is also used by feature #{ids[item.id]}",
                      "Give every node and edge its own id.")
            continue
        ids[item.id] = index + 1
        if isinstance(item, Node):
            nodes[item.id] = item
        else:
            edges.append(item)
    for edge in edges:
        at = s.Where(shown_as, f"edge '{edge.id}'", None, problems)
        for end_key, node_id, point in (("from", edge.start, edge.coords[0]), ("to", edge.end, edge.coords[-1])):
            node = nodes.get(node_id)
            if node is None:
                at.report(f"Expected '{end_key}' to name an existing node but no node has id '{node_id}' (dangling edge)",
                          "Correct the node id, or add the missing node.")
            elif distance_m(node.lon, node.lat, *point) > ENDPOINT_MATCH_M:
                far = round(distance_m(node.lon, node.lat, *point))
                at.report(f"Expected the line's {'first' if end_key == 'from' else 'last'} point on node '{node_id}' "
                          f"but it is {far} m away", "Snap the line's end to the node (QGIS snapping), or fix the node id.")
    return Network(nodes, tuple(edges))


def _refuse_constant(name: str):
    raise ValueError(name)


def _position(geometry, at: s.Where, count=None):
    coords = geometry.get("coordinates")
    points = [coords] if count == 1 else coords
    if isinstance(points, list) and len(points) > MAX_LINE_POINTS:
        at.report(f"Expected a path line of at most {MAX_LINE_POINTS:,} points but received {len(points):,}",
                  "Simplify the line in QGIS (Vector → Geometry Tools → Simplify), or split it at its crossings.")
        return None
    ok = isinstance(points, list) and len(points) >= (count or 2) and all(
        isinstance(p, list) and len(p) >= 2
        and all(isinstance(c, (int, float)) and not isinstance(c, bool) and math.isfinite(c) for c in p[:2])
        for p in points)
    if not ok:
        at.report(f"Expected coordinates as [longitude, latitude] numbers but received {s.shown(coords)}",
                  "Redraw the feature, or re-export the layer from QGIS (EPSG:4326).")
        return None
    return tuple((float(p[0]), float(p[1])) for p in points)


def _read_node(props, geometry, at) -> Node | None:
    values = s.check_block(props, _node_fields(), at, required=("id", "kind"))
    coords = _position(geometry, at, count=1)
    if values is None or coords is None or "id" not in values or "kind" not in values:
        return None
    if values["kind"] == "stop" and "stop_id" not in values:
        return at.report("Expected a stop_id on a stop node but received none",
                         "Add stop_id with the GTFS stop_id from stops.csv.") and None
    (lon, lat), = coords
    return Node(values["id"], values["kind"], lon, lat, values.get("name"), values.get("stop_id"))


def _read_edge(props, geometry, at) -> Edge | None:
    values = s.check_block(props, _edge_fields(), at, required=("id", "kind", "from", "to"))
    coords = _position(geometry, at)
    if values is None or coords is None or any(k not in values for k in ("id", "kind", "from", "to")):
        return None
    if values["from"] == values["to"]:
        return at.report(f"Expected an edge between two different nodes but both ends are '{values['from']}'",
                         "Connect the line to two different nodes.") and None
    attrs = {k: v for k, v in values.items() if k not in ("id", "kind", "from", "to")}
    geometric = polyline_length(coords)
    if "length" not in attrs:
        attrs["length"] = max(round(geometric, 1), 0.5)
    return Edge(values["id"], values["kind"], values["from"], values["to"], coords, attrs)


def _check_places(root, info: GuideInfo, places, network: Network, stops: dict, problems, *,
                  all_places_read: bool) -> None:
    """Cross-check places against each other; entrances left unclaimed are reported only when every place
    file could be read (otherwise the unreadable file is the cause, and it is named already)."""
    west, south, east, north = info.city.bbox
    net_file = shown_path(root / "network.geojson")

    def outside(lon, lat):
        return not (west <= lon <= east and south <= lat <= north)

    fix_coords = (f"Check that longitude and latitude are not swapped and the point is in {info.city.name} "
                  f"(bbox {west}, {south}, {east}, {north} in guide.yaml).")
    for node in network.nodes.values():
        if outside(node.lon, node.lat):
            problems.append(Problem(net_file, f"node '{node.id}'", f"Expected coordinates inside {info.city.name} "
                                    f"but received lon {node.lon}, lat {node.lat}", fix_coords))
        if node.kind == "stop":
            stop = stops.get(node.stop_id)
            if stop is None:
                problems.append(Problem(net_file, f"node '{node.id}'", f"Expected stop_id to name a stop in stops.csv "
                                        f"but received '{node.stop_id}'", "Use a stop_id from stops.csv, or re-import stops."))
            elif distance_m(node.lon, node.lat, stop.lon, stop.lat) > STOP_MATCH_M:
                far = round(distance_m(node.lon, node.lat, stop.lon, stop.lat))
                problems.append(Problem(net_file, f"node '{node.id}'", f"Expected the stop node at the real position of "
                                        f"'{stop.name}' but it is {far} m away",
                                        f"Move the node to {stop.lat:.6f}, {stop.lon:.6f} (from stops.csv)."))
    for edge in network.edges:
        if any(outside(lon, lat) for lon, lat in edge.coords):
            problems.append(Problem(net_file, f"edge '{edge.id}'", f"Expected coordinates inside {info.city.name} "
                                    "but part of the line lies outside", fix_coords))
    claimed = {}
    for place in places:
        if outside(place.location.lon, place.location.lat):
            problems.append(Problem(place.file, f"place '{place.id}'.location", f"Expected coordinates inside "
                                    f"{info.city.name} but received lat {place.location.lat}, lon {place.location.lon}",
                                    fix_coords))
        for entrance in place.entrances:
            where = f"place '{place.id}' (entrance '{entrance.id}').node"
            node = network.nodes.get(entrance.node)
            if node is None:
                problems.append(Problem(place.file, where, f"Expected the id of an entrance node in network.geojson but "
                                        f"no node has id '{entrance.node}'", "Use the id of the entrance's point in QGIS.", entrance.line))
            elif node.kind != "entrance":
                problems.append(Problem(place.file, where, f"Expected a node of kind 'entrance' but '{entrance.node}' is "
                                        f"a '{node.kind}'", "Point to the entrance node, or set its kind to entrance.", entrance.line))
            elif entrance.node in claimed:
                problems.append(Problem(place.file, where, f"Expected each entrance node to belong to one entrance but "
                                        f"'{entrance.node}' is also used by {claimed[entrance.node]}",
                                        "Give each entrance its own node.", entrance.line))
            else:
                claimed[entrance.node] = f"place '{place.id}' ({place.file}:{entrance.line})"
    for node in network.nodes.values():
        if all_places_read and node.kind == "entrance" and node.id not in claimed:
            problems.append(Problem(net_file, f"node '{node.id}'", "Expected every entrance node to belong to a place "
                                    "entrance but no place names it", "Add the entrance to its place file (node: "
                                    f"{node.id}), or change the node's kind."))
