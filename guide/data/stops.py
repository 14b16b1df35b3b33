"""Importing transit stops from a GTFS stops.txt into a guide's stops.csv."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from .dataset import read_stops_csv, shown_path
from ..errors import DataError, Problem
from .yamlfile import read_yaml

__all__ = ["import_stops"]

COLUMNS = ("stop_id", "stop_code", "stop_name", "stop_lat", "stop_lon")


def import_stops(gtfs_file: Path, data_dir: Path) -> int:
    """Copy the stops inside the guide's city bbox into data_dir/stops.csv; return how many."""
    problems: list = []
    gtfs_file, data_dir = Path(gtfs_file), Path(data_dir)
    stops = read_stops_csv(gtfs_file, problems, shown_as=shown_path(gtfs_file), root=None,
                           missing_fix="Give the path of the GTFS feed's stops.txt file.")
    bbox = _city_bbox(data_dir, problems)
    if problems:
        raise DataError(problems)
    west, south, east, north = bbox
    inside = [stop for stop in stops.values() if west <= stop.lon <= east and south <= stop.lat <= north]
    if not inside:
        raise DataError([Problem(shown_path(gtfs_file), "file", f"Expected stops inside the city bbox {bbox} but "
                                 "none of the file's stops lies there", "Check that this is the right city's GTFS feed.")])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for stop in inside:
        writer.writerow((stop.id, stop.code, stop.name, f"{stop.lat:.10f}", f"{stop.lon:.10f}"))
    target = data_dir / "stops.csv"
    partial = data_dir / ".stops.csv.partial"
    try:
        partial.write_text(buffer.getvalue(), encoding="utf-8")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)  # nothing half-written stays in the data folder
    return len(inside)


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
