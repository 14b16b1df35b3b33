"""wromik new: a minimal valid guide for another city (one place, one stop, one path) that builds as it is.

The files are the language pack's starter templates (guide/language/<code>/starter/), filled in with the city,
its boundary box and the date; the place sits in the box's middle, the stop 150 m west of it, the entrance 10 m
south. Nothing is written into a folder that already holds files.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from .clock import source_date
from .data.geometry import latitude_first, local_metres
from .errors import UsageError
from .language import pack

__all__ = ["new_guide", "placeholders"]

def new_guide(folder, *, city: str, bbox: tuple, publisher: str | None = None, lang: str = "pl") -> list:
    """Write the starter guide into folder (new or empty); return the files written."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise UsageError(f"{folder} already exists and is not an empty folder; wromik new writes only into a new "
                         "or empty folder. Give another folder name.")
    west, south, east, north = _checked_bbox(bbox)
    lat, lon = (south + north) / 2, (west + east) / 2
    _to_metres, to_degrees = local_metres((lon, lat))
    stop, door = to_degrees(-150, 0), to_degrees(0, -10)  # the stop 150 m west of the place, the door 10 m south
    quoted = json.dumps(city, ensure_ascii=False)  # a YAML string, whatever the name holds
    fields = {"city": quoted, "city_in_text": quoted[1:-1],
              "publisher": json.dumps(publisher or pack(lang).gettext("Publisher (to be filled in)"),
                                      ensure_ascii=False),
              "today": source_date().date().isoformat(), "west": west, "south": south, "east": east, "north": north,
              "lat": f"{lat:.7f}", "lon": f"{lon:.7f}", "stop_lat": f"{stop[1]:.7f}", "stop_lon": f"{stop[0]:.7f}",
              "door_lat": f"{door[1]:.7f}", "door_lon": f"{door[0]:.7f}"}
    templates = resources.files("guide.language").joinpath(lang, "starter")
    written = []
    for template, relative in _walk(templates, ""):
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(template.read_text(encoding="utf-8").format(**fields), encoding="utf-8")
        written.append(target)
    return written


def _walk(folder, prefix: str):
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_dir():
            yield from _walk(entry, f"{prefix}{entry.name}/")
        else:
            yield entry, f"{prefix}{entry.name}"


def _checked_bbox(bbox) -> tuple:
    try:
        west, south, east, north = (float(v) for v in bbox)
    except (TypeError, ValueError):
        raise UsageError(f"Expected --bbox as four numbers west,south,east,north but received {bbox!r}. "
                         "For example --bbox 18.45,54.45,18.60,54.57 (degrees, WGS84).") from None
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise UsageError(f"Expected --bbox as west,south,east,north with west < east and south < north, in degrees, "
                         f"but received {west:g},{south:g},{east:g},{north:g}.")
    if latitude_first((west, south, east, north)):
        raise UsageError(f"Expected --bbox with longitude first (west,south,east,north) but received "
                         f"{west:g},{south:g},{east:g},{north:g}, which puts latitude first. "
                         f"Write --bbox {south:g},{west:g},{north:g},{east:g}.")
    return west, south, east, north


def placeholders(root: Path, languages) -> list:
    """Where a guide's data still holds a starter placeholder, as warnings: 'guide.yaml:16: still says …'."""
    markers = [pack(lang).PLACEHOLDER for lang in languages]
    found = []
    for path in [root / "guide.yaml", *sorted((root / "places").glob("*.yaml"))]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            marker = next((m for m in markers if m in line and not line.lstrip().startswith("#")), None)
            if marker:
                found.append(f"{path.relative_to(root)}:{number}: still says '{marker}' (a placeholder that wromik new "
                             f"wrote): fill it in before you publish the guide.")
    return found
