"""Importing transit stops from a GTFS feed into a guide's stops.csv.

The feed is a folder, a .zip file or a lone stops.txt. The stops inside the city's bbox are kept. When the
feed has routes.txt, trips.txt and stop_times.txt, each stop also gets the vehicle types and the line
numbers of the trips that call there, and a parent station those of its platforms. stop_times.txt is read
row by row, so the memory needed grows with the feed's trips and stops, not with its timetable rows.
"""

from __future__ import annotations

import csv
import io
import os
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError, Problem
from .dataset import VEHICLES, read_stops_csv, shown_path, stops_from_text
from .files import decode_text, read_data_text, regular_file, size_limit, within_limit
from .model import Stop
from .yamlfile import read_yaml

__all__ = ["import_stops", "ImportedStops", "vehicle_of_route_type", "natural_order"]

COLUMNS = ("stop_id", "stop_code", "stop_name", "stop_lat", "stop_lon", "vehicle", "lines")
TIMETABLE = ("routes.txt", "trips.txt", "stop_times.txt")
# GTFS route_type → the guide's vehicle word; None: a mode the guide has no word for (aerial lift, funicular…)
BASIC_ROUTE_TYPES = {0: "tram", 1: "metro", 2: "train", 3: "bus", 4: "ferry", 5: "tram", 6: None, 7: None,
                     11: "trolleybus", 12: None}
EXTENDED_ROUTE_TYPES = {100: "train", 200: "bus", 300: "train", 400: "metro", 500: "metro", 600: "metro", 700: "bus",
                        800: "trolleybus", 900: "tram", 1000: "ferry", 1100: None, 1200: "ferry", 1300: None,
                        1400: None, 1500: None, 1600: None, 1700: None}  # by hundreds: 100–199 railway, …
NO_BREAK_SPACE = "\u00a0"  # joins the words of a line name, as the lines column is separated by spaces
MAX_ROW_PROBLEMS = 20  # per feed file: files from different downloads would otherwise list every row
FEED_FIX = "Use the GTFS feed as published, with all its files from the same download."


@dataclass(frozen=True)
class ImportedStops:
    """What an import wrote: how many stops, and how many of them have vehicles or lines from the timetable."""

    stops: int
    served: int
    timetable: bool  # the feed had routes, trips and stop times


def import_stops(feed_path: Path, data_dir: Path) -> ImportedStops:
    """Write the feed's stops inside the guide's city bbox to data_dir/stops.csv, with their vehicle types and lines
    from the feed's timetable; where the timetable says nothing, the vehicle and lines already written stay."""
    problems: list[Problem] = []
    feed_path, data_dir = Path(feed_path), Path(data_dir)
    bbox = _city_bbox(data_dir, problems)
    target = data_dir / "stops.csv"
    previous = _previous_stops(target, problems)
    stops, service = {}, None
    with _Feed(feed_path) as feed:
        if feed.open(problems):
            stops = feed.stops(problems)
            service = _service(feed, stops, problems) if stops else None
    if problems:
        raise DataError(problems)
    west, south, east, north = bbox
    inside = [stop for stop in stops.values() if west <= stop.lon <= east and south <= stop.lat <= north]
    if not inside:
        raise DataError([Problem(shown_path(feed_path), "file", f"Expected stops inside the city bbox {bbox} but "
                                 "none of the feed's stops lies there", "Check that this is the right city's GTFS feed.")])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    served = 0
    for stop in inside:
        vehicles, lines = (service or {}).get(stop.id) or _hand_written(previous.get(stop.id))
        served += bool(service and stop.id in service)
        writer.writerow((stop.id, stop.code, stop.name, f"{stop.lat:.10f}", f"{stop.lon:.10f}",
                         " ".join(vehicles), " ".join(lines)))
    partial = data_dir / ".stops.csv.partial"
    try:
        partial.write_text(buffer.getvalue(), encoding="utf-8")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)  # nothing half-written stays in the data folder
    return ImportedStops(len(inside), served, service is not None)


def vehicle_of_route_type(route_type: str) -> str | None:
    """The vehicle word of a GTFS route_type (basic 0–12, extended 100–1799), or None for a mode the guide has no
    word for; ValueError when the value is no GTFS route type."""
    number = int(route_type)
    table, key = (BASIC_ROUTE_TYPES, number) if number < 100 else (EXTENDED_ROUTE_TYPES, number // 100 * 100)
    if key not in table:
        raise ValueError(route_type)
    return table[key]


def natural_order(line: str) -> tuple:
    """Sort key for line numbers as people read them: 2, 10, 33, then A, N (numbers by value, then letters)."""
    parts = tuple((0, int(part)) if part.isdigit() else (1, part.casefold()) for part in re.findall(r"\d+|\D+", line))
    return parts, line


def _hand_written(stop: Stop | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return (stop.vehicles, stop.lines) if stop else ((), ())


def _previous_stops(target: Path, problems: list) -> dict:
    """The stops already in stops.csv, whose vehicle and lines stay where the new feed says nothing."""
    if not os.path.lexists(target):
        return {}
    found: list[Problem] = []
    stops = read_stops_csv(target, found, shown_as=shown_path(target), root=target.parent)
    problems += [Problem(p.file, p.where, p.message, f"{p.fix} Or delete stops.csv, then import again.", p.line)
                 for p in found]
    return stops


def _service(feed: _Feed, stops: dict, problems: list) -> dict | None:
    """Each served stop's (vehicles, lines) from routes → trips → stop_times; None when the feed has no timetable."""
    present = [name for name in TIMETABLE if feed.has(name)]
    if not present:
        return None
    if len(present) < len(TIMETABLE):
        missing = [name for name in TIMETABLE if name not in present]
        problems.append(Problem(feed.shown(missing[0]), "file", f"Expected {', '.join(TIMETABLE)} together but the "
                                f"feed lacks {', '.join(missing)}", FEED_FIX))
        return None
    routes = _routes(feed, problems)
    trips = _trips(feed, routes, problems)
    calls = _calls(feed, trips, stops, problems)
    for child, parent in feed.parent_station.items():
        if parent in stops and child in calls:
            calls.setdefault(parent, set()).update(calls[child])
    service = {}
    for stop_id, route_ids in calls.items():
        words = {routes[route_id][0] for route_id in route_ids}
        lines = {routes[route_id][1] for route_id in route_ids}
        service[stop_id] = (tuple(v for v in VEHICLES if v in words), tuple(sorted(lines, key=natural_order)))
    return service


def _routes(feed: _Feed, problems: list) -> dict:
    """route_id → (vehicle word or None, line name) from routes.txt; None for a route already reported."""
    routes = {}
    rows = _RowProblems(feed.shown("routes.txt"))
    columns = ("route_id", "route_type", "route_short_name", "route_long_name")
    for line, (route_id, route_type, short_name, long_name) in feed.rows("routes.txt", columns, 2, problems):
        where = f"route '{route_id}'"
        name = NO_BREAK_SPACE.join((short_name or long_name).split())
        routes[route_id] = None  # until the row proves good: its trips are then not reported again
        try:
            vehicle = vehicle_of_route_type(route_type)
        except ValueError:
            rows.add(where, f"Expected a GTFS route_type (0–7, 11, 12, or 100–1799) but received {route_type!r}",
                     FEED_FIX, line)
            continue
        if not route_id or not name:
            rows.add(where, "Expected a route_id and a route_short_name or route_long_name", FEED_FIX, line)
            continue
        routes[route_id] = (vehicle, name)
    rows.report(problems)
    return routes


def _trips(feed: _Feed, routes: dict, problems: list) -> dict:
    """trip_id → route_id from trips.txt; None for a trip whose route or row is reported."""
    trips = {}
    rows = _RowProblems(feed.shown("trips.txt"))
    for line, (trip_id, route_id) in feed.rows("trips.txt", ("trip_id", "route_id"), 2, problems):
        if route_id not in routes:
            rows.add(f"trip '{trip_id}'", f"Expected route_id to name a route in routes.txt but received {route_id!r}",
                     FEED_FIX, line)
        trips[trip_id] = route_id if routes.get(route_id) else None
    rows.report(problems)
    return trips


def _calls(feed: _Feed, trips: dict, stops: dict, problems: list) -> dict:
    """stop_id → the route_ids of the trips that call there, read row by row from stop_times.txt."""
    calls: dict[str, set] = {}
    rows = _RowProblems(feed.shown("stop_times.txt"))
    for line, (trip_id, stop_id) in feed.rows("stop_times.txt", ("trip_id", "stop_id"), 2, problems):
        route_id = trips.get(trip_id)
        if trip_id not in trips:
            rows.add(f"trip '{trip_id}'", f"Expected trip_id to name a trip in trips.txt but received {trip_id!r}",
                     FEED_FIX, line)
        elif route_id is None:
            continue  # its trip or route is reported already
        elif stop_id not in stops:
            rows.add(f"stop '{stop_id}'", f"Expected stop_id to name a stop in stops.txt but received {stop_id!r}",
                     FEED_FIX, line)
        else:
            calls.setdefault(stop_id, set()).add(route_id)
    rows.report(problems)
    return calls


class _RowProblems:
    """One feed file's row problems: the first MAX_ROW_PROBLEMS in full, the rest counted."""

    def __init__(self, shown: str):
        self.shown, self.listed, self.total = shown, [], 0

    def add(self, where: str, message: str, fix: str, line: int) -> None:
        self.total += 1
        if len(self.listed) < MAX_ROW_PROBLEMS:
            self.listed.append(Problem(self.shown, where, message, fix, line))

    def report(self, problems: list) -> None:
        problems += self.listed
        if self.total > len(self.listed):
            problems.append(Problem(self.shown, "file", f"Expected valid rows but {self.total} rows have problems; "
                                    f"the first {len(self.listed)} are listed", FEED_FIX))


class _Feed:
    """The files of a GTFS feed given as a folder, a .zip file or a lone stops.txt; a context that closes the zip."""

    def __init__(self, path: Path):
        self.path = path
        self.archive: zipfile.ZipFile | None = None
        self.lone_stops = False
        self.parent_station: dict[str, str] = {}  # stop_id → its station (the platforms of a GTFS station)

    def __enter__(self) -> _Feed:
        return self

    def __exit__(self, *exc) -> None:
        if self.archive is not None:
            self.archive.close()

    def open(self, problems: list) -> bool:
        """True when the feed can be read; otherwise False with the problem recorded (missing, a broken zip…)."""
        shown = shown_path(self.path)
        if not os.path.lexists(self.path):
            problems.append(Problem(shown, "file", "Expected the transit stops file but found none",
                                    "Give the path of the GTFS feed: its folder, its .zip file or its stops.txt."))
            return False
        if self.path.is_dir():
            return True
        if regular_file(self.path, shown, problems, what="a GTFS feed") is None:
            return False
        if not zipfile.is_zipfile(self.path):
            if self.path.suffix.lower() == ".zip":
                problems.append(Problem(shown, "file", "Expected a GTFS .zip file but it is not a zip archive",
                                        "Download the feed again; a web page may have been saved instead of the file."))
                return False
            self.lone_stops = True
            return True
        try:
            self.archive = zipfile.ZipFile(self.path)
        except (OSError, zipfile.BadZipFile) as error:
            problems.append(Problem(shown, "file", f"Expected a GTFS .zip file but it cannot be read: {error}",
                                    "Download the feed again; the file may be incomplete."))
            return False
        return True

    def has(self, name: str) -> bool:
        if self.lone_stops:
            return False
        if self.archive is not None:
            return name in self.archive.namelist()
        return os.path.lexists(self.path / name)

    def shown(self, name: str) -> str:
        return shown_path(self.path) if self.lone_stops else f"{shown_path(self.path)}/{name}"

    def stops(self, problems: list) -> dict:
        """The feed's stops by id; also notes which stop is a platform of which parent station."""
        if self.lone_stops:
            return read_stops_csv(self.path, problems, shown_as=shown_path(self.path), root=None)
        if not self.has("stops.txt"):
            problems.append(Problem(self.shown("stops.txt"), "file", "Expected the feed's stops.txt but found none",
                                    "Give the folder or .zip file of a GTFS feed; stops.txt is at its top level."))
            return {}
        text = self._text("stops.txt", problems)
        if text is None:
            return {}
        stops = stops_from_text(text, problems, shown_as=self.shown("stops.txt"))
        self.parent_station = {row["stop_id"]: row["parent_station"] for row in csv.DictReader(io.StringIO(text, newline=""))
                               if row.get("stop_id") and row.get("parent_station")}
        return stops

    def rows(self, name: str, columns: tuple[str, ...], required: int, problems: list) -> Iterator[tuple[int, list]]:
        """The file's rows one by one as (line, values of columns); the first required columns must be in the
        header, the others read as '' when absent."""
        shown, line = self.shown(name), 1
        try:
            handle = self._open(name, problems)
            if handle is None:
                return
            with handle:
                reader = csv.reader(handle)
                header = [column.strip() for column in next(reader, [])]
                missing = [column for column in columns[:required] if column not in header]
                if missing:
                    problems.append(Problem(shown, "header", f"Expected the GTFS columns {', '.join(columns[:required])} "
                                            f"but the header lacks {', '.join(missing)}", FEED_FIX, 1))
                    return
                places = [header.index(column) if column in header else None for column in columns]
                for row in reader:
                    line = reader.line_num
                    if row:
                        yield line, [row[i].strip() if i is not None and i < len(row) else "" for i in places]
        except UnicodeDecodeError:
            problems.append(Problem(shown, "file", f"Expected UTF-8 text but the file has an invalid byte after line {line}",
                                    "Save the file as UTF-8, or download the feed again."))
        except (csv.Error, OSError, zipfile.BadZipFile, RuntimeError, NotImplementedError) as error:
            problems.append(Problem(shown, "file", f"Expected a CSV file but it could not be read: {error}", FEED_FIX))

    def _open(self, name: str, problems: list) -> io.TextIOBase | None:
        if self.archive is not None:
            return io.TextIOWrapper(self.archive.open(name), encoding="utf-8-sig", newline="")
        path = self.path / name
        if regular_file(path, self.shown(name), problems, what=f"the feed's {name}") is None:
            return None
        return open(path, encoding="utf-8-sig", newline="")

    def _text(self, name: str, problems: list) -> str | None:
        what, shown = f"the feed's {name}", self.shown(name)
        if self.archive is None:
            return read_data_text(self.path / name, shown, problems, root=None, what=what, encoding="utf-8-sig")
        limit = size_limit(name)
        if not within_limit(self.archive.getinfo(name).file_size, limit, shown, problems):
            return None
        try:
            with self.archive.open(name) as member:
                raw = member.read(limit + 1)
        except (OSError, zipfile.BadZipFile, RuntimeError, NotImplementedError) as error:
            problems.append(Problem(shown, "file", f"Expected {what} but it cannot be read from the zip: {error}",
                                    "Download the feed again; the file may be incomplete."))
            return None
        return decode_text(raw, shown, problems, what=what, encoding="utf-8-sig")


def _city_bbox(data_dir: Path, problems: list):
    guide_file = data_dir / "guide.yaml"
    if not guide_file.is_file():
        problems.append(Problem(shown_path(guide_file), "file", "Expected guide.yaml in the data directory but found none",
                                "Give the guide's data directory, for example routes/wroclaw."))
        return None
    data = read_yaml(guide_file, shown_path(guide_file), problems, root=data_dir, what="the guide's settings")
    try:
        west, south, east, north = (float(v) for v in data["city"]["bbox"])
        return west, south, east, north
    except (TypeError, KeyError, ValueError):
        if data is not None:
            problems.append(Problem(shown_path(guide_file), "city.bbox", "Expected city.bbox as [west, south, east, north]"
                                    " but it is missing or malformed", "Add the city's bounding box to guide.yaml."))
        return None
