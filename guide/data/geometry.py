"""Distances and bearings on the Earth's surface, for points given as longitude and latitude."""

from __future__ import annotations

import math

__all__ = ["distance_m", "bearing", "polyline_length", "local_metres", "latitude_first"]


def distance_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371008.8 * math.asin(math.sqrt(a))


def bearing(a: tuple, b: tuple) -> float:
    """Initial compass bearing in degrees from point a to point b, both (lon, lat)."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    dlon = lon2 - lon1
    x = math.sin(dlon) * math.cos(lat2)
    y = math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(dlon)
    return (math.degrees(math.atan2(x, y)) + 360) % 360


def polyline_length(coords) -> float:
    """The length in metres of a line through (lon, lat) points."""
    return sum(distance_m(*a, *b) for a, b in zip(coords, coords[1:]))


def local_metres(origin: tuple):
    """Two functions for a small area around origin (lon, lat): to metres east and north of it, and back."""
    east, north = 111320 * math.cos(math.radians(origin[1])), 111320

    def to_metres(point):
        return (point[0] - origin[0]) * east, (point[1] - origin[1]) * north

    def to_degrees(x, y):
        return origin[0] + x / east, origin[1] + y / north
    return to_metres, to_degrees


def _in_poland(west: float, south: float, east: float, north: float) -> bool:
    return 14.0 <= west < east <= 24.2 and 49.0 <= south < north <= 54.9


def latitude_first(bbox: tuple) -> bool:
    """Whether a [west, south, east, north] box was written latitude first: outside Poland as given, inside it
    with each pair swapped (the guide's postcodes and phone numbers are Polish)."""
    west, south, east, north = bbox
    return not _in_poland(west, south, east, north) and _in_poland(south, west, north, east)
