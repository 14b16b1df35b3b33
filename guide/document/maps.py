"""Route maps: a scene computed from a route, laid out for one box, drawn once for the PDF and the PNG.

map_scene() puts the route, the paths around it and the named paths on a local plane in metres. layout_map()
places everything for one box and one type size: a marker (pictogram) at each end of the route, a label beside
each marker, the north arrow, the scale bar and the street names, each in the first of its candidate positions
that is inside the frame and clear of the route and of everything placed before it (a street name that fits
nowhere is left out). draw_map() draws a layout with ReportLab; write_png() draws it on a one-page PDF and
rasterises that with PDFium, so the PNG is the same drawing; a drawing is rasterised once (PNG_CACHE, kept on disk).
The route is shown by pattern (a thick line with white dashes) as well as by colour (standard-edition issue,
item 3).
"""

from __future__ import annotations

import hashlib
import io
import math
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..cache import cache_dir, write_whole
from ..data.geometry import local_metres
from .pictograms import draw_pictogram

__all__ = ["MapScene", "StreetLine", "Box", "Placed", "MapLayout", "map_scene", "layout_map", "draw_map",
           "draw_symbol", "write_png", "write_drawing_png", "PNG_CACHE", "PngCache", "START_PICTOGRAMS",
           "END_PICTOGRAM", "SYMBOLS", "ROUTE_COLOUR", "CONTEXT_COLOUR", "MARKER", "LABEL", "NORTH_ARROW", "SCALE_BAR",
           "STREET_NAME"]

ROUTE_COLOUR = (0, 63, 138)  # dark blue, 10:1 against white
CONTEXT_COLOUR = (120, 120, 120)
START_PICTOGRAMS = ("bus", "tram", "stop", "parking")  # what a route may start from ("stop": of a vehicle not known)
END_PICTOGRAM = "door"
LEGEND_LETTER = 12  # pt: the N of a legend's north arrow is text like any other, never under 12 pt
SYMBOLS = ("route-line", "other-paths", "north-arrow", "scale-bar")  # map symbols a legend shows beside pictograms
MARKER, LABEL, NORTH_ARROW, SCALE_BAR, STREET_NAME = "marker", "label", "north arrow", "scale bar", "street name"

MIN_SPAN = 30.0  # metres: the least a map shows across
MARGIN = 0.14  # around the route, as a share of its larger side
ASPECTS = (0.55, 1.0)  # the least and the most height of a map, as a share of its width
NICE_LENGTHS = (10, 20, 25, 50, 100, 200, 250, 500, 1000)  # metres a scale bar may show
# sizes as shares of the type size
MARKER_SIZE, ROUTE_WIDTH, GAP, LEADING, BASELINE = 2.6, 0.6, 0.2, 1.25, 0.27
CONTEXT_WIDTH, FRAME_WIDTH = 2.0, 1.0  # points


# the scene ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class StreetLine:
    """A named path near the route (an edge of the network, not a crossing), in the scene's metres."""

    name: str
    line: tuple  # ((x, y), …)
    walked: bool = False  # the route goes along it


@dataclass(frozen=True)
class MapScene:
    """One route's map on a local plane in metres: x east, y north, 0 at the middle of the area shown."""

    route: tuple  # ((x, y), …) from the start to the entrance
    context: tuple  # the other paths nearby, as lines
    streets: tuple  # StreetLine
    half_width: float  # metres from the middle to the left and right edges
    half_height: float
    start_label: str
    end_label: str
    start_pictogram: str  # one of START_PICTOGRAMS
    scale_metres: int
    scale_label: str  # the scale bar's length in words of the guide's language: "50 metrów"

    @property
    def aspect(self) -> float:
        """Height over width, between ASPECTS[0] and ASPECTS[1]."""
        return self.half_height / self.half_width


def map_scene(route, network_edges, start_label: str, end_label: str, *, metres: Callable[[int], str],
              start_pictogram: str, street_name: Callable[[str], str] = str) -> MapScene:
    """The map of one route with the paths around it. metres(n) writes a length in the guide's language and
    street_name(name) a path's name as the map shows it; start_pictogram is one of START_PICTOGRAMS."""
    if start_pictogram not in START_PICTOGRAMS:
        raise ValueError(f"A map starts at one of {', '.join(START_PICTOGRAMS)}, not {start_pictogram!r}")
    to_metres, _ = local_metres(route.coords[0])
    points = [to_metres(p) for p in route.coords]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    margin = MARGIN * max(max(xs) - min(xs), max(ys) - min(ys), MIN_SPAN)
    half_width = max(max(xs) - min(xs), MIN_SPAN) / 2 + margin
    half_height = (max(ys) - min(ys)) / 2 + margin
    half_width = max(half_width, half_height / ASPECTS[1])
    half_height = max(half_height, half_width * ASPECTS[0])
    middle = ((max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2)

    def local(point):
        x, y = to_metres(point)
        return x - middle[0], y - middle[1]

    def nearby(line) -> bool:
        return any(abs(x) <= 1.2 * half_width and abs(y) <= 1.2 * half_height for x, y in line)

    lines = [(edge, tuple(local(p) for p in edge.coords)) for edge in network_edges]
    context = tuple(line for _, line in lines if nearby(line))
    walked = {leg.edge_id for leg in route.legs}  # the streets the route follows are named first, longest first
    named = sorted(((edge, line) for edge, line in lines  # not a crossing's name
                    if edge.attrs.get("name") and edge.kind != "crossing" and nearby(line)),
                   key=lambda pair: (pair[0].id not in walked, -pair[0].attrs.get("length", 0.0)))
    streets = tuple(StreetLine(street_name(edge.attrs["name"]), line, edge.id in walked) for edge, line in named)
    scale = max((n for n in NICE_LENGTHS if n <= half_width / 2), default=NICE_LENGTHS[0])  # at most ¼ of the width
    return MapScene(tuple(local(p) for p in route.coords), context, streets, half_width, half_height, start_label,
                    end_label, start_pictogram, scale, metres(scale))


# the layout -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Box:
    """A rectangle given by its centre and half sizes, turned by angle degrees anticlockwise about its centre."""

    x: float
    y: float
    half_width: float
    half_height: float
    angle: float = 0.0

    def corners(self, grow: float = 0.0) -> tuple:
        """The corners, anticlockwise from the box's own lower left; grow widens every side."""
        cos, sin = math.cos(math.radians(self.angle)), math.sin(math.radians(self.angle))
        w, h = self.half_width + grow, self.half_height + grow
        return tuple((self.x + dx * cos - dy * sin, self.y + dx * sin + dy * cos)
                     for dx, dy in ((-w, -h), (w, -h), (w, h), (-w, h)))


@dataclass(frozen=True)
class Placed:
    """One thing drawn on a map and the box it takes: a MARKER (its pictogram), a LABEL or STREET_NAME (its
    lines of text), the NORTH_ARROW or the SCALE_BAR."""

    kind: str
    box: Box
    lines: tuple = ()
    pictogram: str = ""


def _projection(width: float, height: float, metre: float):
    """From a scene's metres to points in a width × height box, metre points a metre."""
    return lambda point: (width / 2 + point[0] * metre, height / 2 + point[1] * metre)


@dataclass(frozen=True)
class MapLayout:
    """A scene laid out in a width × height box (points, 0 at the lower left): what draw_map draws and the tests
    measure. The route ends at the edges of its markers."""

    scene: MapScene
    width: float
    height: float
    font_size: float
    metre: float  # points per metre
    route: tuple  # ((x, y), …)
    route_width: float
    context: tuple
    placed: tuple  # Placed, in drawing order

    def at(self, point) -> tuple:
        """Where a point of the scene (metres) is on the map (points)."""
        return _projection(self.width, self.height, self.metre)(point)


def layout_map(scene: MapScene, width: float, height: float, font_size: float,
               text_width: Callable[[str, float, bool], float]) -> MapLayout:
    """Place everything of a scene in a width × height box with type of font_size; text_width(text, size, bold)
    measures a line of text."""
    metre = min(width / (2 * scene.half_width), height / (2 * scene.half_height))
    at = _projection(width, height, metre)

    gap, route_width = font_size * GAP, font_size * ROUTE_WIDTH
    route = [at(p) for p in scene.route]
    half = font_size * MARKER_SIZE / 2
    markers = [Placed(MARKER, Box(*route[0], half, half), pictogram=scene.start_pictogram),
               Placed(MARKER, Box(*route[-1], half, half), pictogram=END_PICTOGRAM)]
    shown = _between_markers(route, markers[0].box, markers[-1].box, gap / 2, route_width / 2)
    space = _Space(width, height, gap)
    space.take(*_bands(shown, route_width / 2), *[m.box for m in markers])
    paths = [band for line in scene.context for band in _bands([at(p) for p in line], CONTEXT_WIDTH / 2, ends=True)]

    def text_box(lines, bold) -> tuple:
        return (max(text_width(line, font_size, bold) for line in lines) / 2 + gap,
                len(lines) * font_size * LEADING / 2 + gap)

    placed = list(markers)
    named: set = set()

    def place_streets(streets) -> None:
        """Each street's name once, along the longest stretch where it fits; none where nothing fits."""
        for street in streets:
            if street.name in named:
                continue
            size = text_box((street.name,), False)
            line = [at(p) for p in street.line]
            candidates = [((street.name,), box) for start, end in sorted(zip(line, line[1:]),
                                                                         key=lambda s: -math.dist(*s))
                          for box in _along(start, end, *size, route_width / 2 + gap + 1)]  # longest stretch first; 1 pt more
                          # than the gap, so a name along the route is not refused for touching it
            found = space.first_free(candidates, hard=paths)
            if found:
                placed.append(space.take(Placed(STREET_NAME, found[1], found[0])))
                named.add(street.name)

    place_streets(street for street in scene.streets if street.walked)  # first: the name the steps say
    for marker, label in zip(markers, (scene.start_label, scene.end_label)):
        others = [Box(m.box.x, m.box.y, half + font_size, half + font_size) for m in markers if m is not marker]
        candidates = [(lines, box) for distance in (gap, gap + font_size) for lines in _wrappings(label)
                      for box in _beside(marker.box, *text_box(lines, True), distance)]
        lines, box = space.first_free(candidates, hard=others, soft=paths) or space.least_crowded(candidates)
        placed.append(space.take(Placed(LABEL, box, lines)))
    arrow = (font_size * 0.75, font_size * 1.6)
    scale = (max(scene.scale_metres * metre, text_width(scene.scale_label, font_size, False)) / 2 + gap,
             font_size * LEADING / 2 + font_size * 0.3 + gap)
    for kind, size, top_first in ((NORTH_ARROW, arrow, True), (SCALE_BAR, scale, False)):
        candidates = [((), box) for box in _along_frame(width, height, *size, gap, top_first=top_first)]
        _, box = space.first_free(candidates, soft=paths) or space.least_crowded(candidates)
        placed.append(space.take(Placed(kind, box)))
    place_streets(street for street in scene.streets if not street.walked)
    return MapLayout(scene, width, height, font_size, metre, tuple(shown), route_width, tuple(
        tuple(at(p) for p in line) for line in scene.context), tuple(placed))


class _Space:
    """The frame and what is taken in it so far; a box is free when it is inside the frame and clear (by gap) of
    everything taken."""

    def __init__(self, width: float, height: float, gap: float):
        self.width, self.height, self.gap = width, height, gap
        self.taken: list = []  # Box

    def take(self, *things):
        """Mark boxes (or the boxes of Placed things) as taken; returns the last thing."""
        self.taken += [thing.box if isinstance(thing, Placed) else thing for thing in things]
        return things[-1]

    def inside(self, box: Box) -> bool:
        edge = FRAME_WIDTH + self.gap
        return all(edge <= x <= self.width - edge and edge <= y <= self.height - edge for x, y in box.corners())

    def clashes(self, box: Box, boxes) -> int:
        """How many of boxes this box, grown by the gap, overlaps."""
        corners = box.corners(self.gap)
        return sum(1 for other in boxes if _overlap(corners, other.corners()))

    def meets(self, box: Box, boxes) -> bool:
        """Whether this box, grown by the gap, overlaps any of boxes (clashes() > 0, stopping at the first)."""
        corners = box.corners(self.gap)
        return any(_overlap(corners, other.corners()) for other in boxes)

    def first_free(self, candidates, *, hard=(), soft=()):
        """The first (lines, box) inside the frame and clear of the taken boxes and of hard, preferring one that is
        clear of soft too (the paths); None when there is none. Candidates are tried in order until one is clear of
        everything: the same choice as measuring them all, without measuring the ones after it."""
        blocking = self.taken + list(hard)
        first = None
        for candidate in candidates:
            if self.inside(candidate[1]) and not self.meets(candidate[1], blocking):
                if not self.meets(candidate[1], soft):
                    return candidate
                if first is None:
                    first = candidate
        return first

    def least_crowded(self, candidates):
        """The candidate inside the frame (if any is) that meets the fewest taken boxes, for what must be shown
        when no place is free."""
        return min(candidates, key=lambda c: (not self.inside(c[1]), self.clashes(c[1], self.taken)))


def _overlap(a, b) -> bool:
    """Whether two convex polygons overlap (touching does not): no edge of either separates them."""
    for polygon in (a, b):
        for (x0, y0), (x1, y1) in zip(polygon, polygon[1:] + polygon[:1]):
            nx, ny = y0 - y1, x1 - x0
            pa, pb = [nx * x + ny * y for x, y in a], [nx * x + ny * y for x, y in b]
            if max(pa) <= min(pb) or max(pb) <= min(pa):
                return False
    return True


def _bands(points: list, half: float, *, ends: bool = False) -> list:
    """The boxes a line of width 2 × half through points covers: each segment, longer by half at every joint
    (where the line turns round), and at the two ends only if they are round (ends)."""
    boxes = []
    for index, (a, b) in enumerate(zip(points, points[1:])):
        length = math.dist(a, b)
        if length == 0:
            continue
        before = half if index > 0 or ends else 0.0
        after = half if index < len(points) - 2 or ends else 0.0
        ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
        shift = (after - before) / 2
        boxes.append(Box((a[0] + b[0]) / 2 + ux * shift, (a[1] + b[1]) / 2 + uy * shift, (length + before + after) / 2,
                         half, math.degrees(math.atan2(uy, ux))))
    return boxes


def _between_markers(route: list, start: Box, end: Box, gap: float, half_width: float) -> list:
    """The route, as a line half_width wide each side with flat ends, from where it leaves the start marker to
    where it reaches the end marker, its ends' corners gap away from both."""
    def leave(points, box):
        for index, (a, b) in enumerate(zip(points, points[1:])):
            length = math.dist(a, b)
            if length == 0:
                continue
            # a flat end's corners stand half_width × the other axis's share of the direction beside the line
            reach = (box.half_width + gap + half_width * abs(b[1] - a[1]) / length,
                     box.half_height + gap + half_width * abs(b[0] - a[0]) / length)
            if abs(b[0] - box.x) > reach[0] or abs(b[1] - box.y) > reach[1]:  # a is inside, b outside: cut there
                t = min((math.copysign(r, d) - (p - c)) / d for p, d, c, r in
                        ((a[0], b[0] - a[0], box.x, reach[0]), (a[1], b[1] - a[1], box.y, reach[1])) if d)
                return [(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)] + points[index + 1:]
        return []
    return leave(leave(route, start)[::-1], end)[::-1]


def _wrappings(text: str) -> list:
    """A label on one line, and broken into two lines at the space nearest its middle (before a bracket if any)."""
    spaces = [i for i, c in enumerate(text) if c == " "]
    if not spaces:
        return [(text,)]
    brackets = [i for i in spaces if text[i + 1:i + 2] == "("]
    cut = min(brackets or spaces, key=lambda i: abs(i - len(text) / 2))
    return [(text,), (text[:cut], text[cut + 1:])]


def _beside(marker: Box, half_width: float, half_height: float, distance: float) -> list:
    """Boxes beside a marker, distance from it: above and below (centred, or flush with either side of it), right
    and left (centred, or flush with its top or bottom), then the four corners."""
    r = marker.half_width
    x, y = marker.x, marker.y
    above, below = y + r + distance + half_height, y - r - distance - half_height
    right, left = x + r + distance + half_width, x - r - distance - half_width
    flush_x = (x, x - r + half_width, x + r - half_width)
    flush_y = (y, y + r - half_height, y - r + half_height)
    return ([Box(cx, cy, half_width, half_height) for cy in (above, below) for cx in flush_x] +
            [Box(cx, cy, half_width, half_height) for cx in (right, left) for cy in flush_y] +
            [Box(cx, cy, half_width, half_height) for cy in (above, below) for cx in (right, left)])


def _along_frame(width: float, height: float, half_width: float, half_height: float, gap: float, *,
                 top_first: bool) -> list:
    """Boxes along the inside of the frame: the four corners (the top ones first, or the bottom ones), then at
    every half of the box's height along the top, bottom, left and right edges."""
    edge = FRAME_WIDTH + gap * 2
    left, right = edge + half_width, width - edge - half_width
    bottom, top = edge + half_height, height - edge - half_height
    rows = (top, bottom) if top_first else (bottom, top)
    corners = [(x, y) for y in rows for x in (right, left)]
    step = half_height
    xs = [right - k * step for k in range(int((right - left) / step) + 1)]
    ys = [top - k * step for k in range(int((top - bottom) / step) + 1)]
    sides = [(x, y) for y in rows for x in xs] + [(x, y) for x in (right, left) for y in ys]
    return [Box(x, y, half_width, half_height) for x, y in corners + sides]


def _along(start, end, half_width: float, half_height: float, offset: float) -> list:
    """Boxes of a street name beside a straight stretch of a path, upright, offset from its middle line: at its
    middle, then nearer its ends, above the stretch and below it (a stretch shorter than the name: at its middle,
    the name reaching past its ends)."""
    length = math.dist(start, end)
    if length < 1:
        return []
    angle = math.degrees(math.atan2(end[1] - start[1], end[0] - start[0]))
    upright = angle - 180 if angle > 90 else angle + 180 if angle <= -90 else angle
    ux, uy = (end[0] - start[0]) / length, (end[1] - start[1]) / length
    nx, ny = -math.sin(math.radians(upright)), math.cos(math.radians(upright))
    boxes = []
    for share in (0.5, 0.3, 0.7, 0.1, 0.9, 0.0, 1.0) if length >= 2 * half_width else (0.5,):
        along = half_width + share * (length - 2 * half_width)
        for side in (1, -1):
            shift = side * (offset + half_height)
            boxes.append(Box(start[0] + ux * along + nx * shift, start[1] + uy * along + ny * shift, half_width,
                             half_height, upright))
    return boxes


# the drawing ----------------------------------------------------------------------------------------------

def _rgb(colour) -> tuple:
    return tuple(c / 255 for c in colour)


def _line(canvas, points):
    path = canvas.beginPath()
    path.moveTo(*points[0])
    for point in points[1:]:
        path.lineTo(*point)
    return path


def _route(canvas, points, width: float) -> None:
    """The route's pattern: a thick blue line with white dashes, ending flat."""
    if len(points) < 2:
        return
    path = _line(canvas, points)
    canvas.setLineCap(0)
    canvas.setLineJoin(1)
    canvas.setStrokeColorRGB(*_rgb(ROUTE_COLOUR))
    canvas.setLineWidth(width)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.setStrokeColorRGB(1, 1, 1)
    canvas.setLineWidth(width * 0.3)
    canvas.setDash(width * 0.8, width * 0.8)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.setDash()


def _ground(canvas, box: Box) -> None:
    """White under a box, so nothing drawn before shows through it; leaves the canvas turned to the box."""
    canvas.translate(box.x, box.y)
    canvas.rotate(box.angle)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(-box.half_width, -box.half_height, 2 * box.half_width, 2 * box.half_height, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)


def _text(canvas, item: Placed, font: str, size: float) -> None:
    """Lines of text centred in their box, on white."""
    canvas.saveState()
    _ground(canvas, item.box)
    canvas.setFont(font, size)
    top = len(item.lines) * size * LEADING / 2
    for number, line in enumerate(item.lines, start=1):
        canvas.drawCentredString(0, top - number * size * LEADING + size * BASELINE, line)
    canvas.restoreState()


def _north_arrow(canvas, box: Box, font: str, letter: float) -> None:
    """A black arrow pointing up with the letter N (letter points high) under it, filling the box."""
    canvas.saveState()
    _ground(canvas, box)
    w, h = box.half_width, box.half_height
    arrow = _line(canvas, [(0, h), (-w, h - 2.2 * w), (w, h - 2.2 * w)])
    arrow.close()
    canvas.drawPath(arrow, stroke=0, fill=1)
    canvas.setFont(font, letter)
    canvas.drawCentredString(0, -h + letter * BASELINE, "N")
    canvas.restoreState()


def _scale_bar(canvas, box: Box, length: float, label: str, font: str, size: float) -> None:
    """The label with a bar of the scale's length under it, at the box's left."""
    canvas.saveState()
    _ground(canvas, box)
    left, bottom = -box.half_width + size * GAP, -box.half_height + size * GAP
    canvas.setStrokeColorRGB(0, 0, 0)
    canvas.setLineCap(0)
    canvas.setLineWidth(size * 0.2)
    canvas.line(left, bottom + size * 0.1, left + length, bottom + size * 0.1)
    canvas.setLineWidth(size * 0.1)
    for x in (left, left + length):
        canvas.line(x, bottom, x, bottom + size * 0.3)
    canvas.setFont(font, size)
    canvas.drawString(left, bottom + size * 0.3 + size * BASELINE, label)
    canvas.restoreState()


def _marker(canvas, item: Placed) -> None:
    """A pictogram of the shared set on white, filling its box."""
    box = item.box
    canvas.setFillColorRGB(1, 1, 1)
    size = 2 * box.half_width
    canvas.roundRect(box.x - box.half_width, box.y - box.half_height, size, size, size * 0.14, stroke=0, fill=1)
    draw_pictogram(canvas, item.pictogram, box.x - box.half_width, box.y - box.half_height, size)


def draw_map(canvas, layout: MapLayout, font: str, bold_font: str) -> None:
    """Draw a laid-out map with its lower left corner at the canvas's origin: the frame, the paths, the route, then
    everything placed (labels and the north arrow's N in bold_font)."""
    w, h, size = layout.width, layout.height, layout.font_size
    canvas.saveState()
    canvas.setStrokeColorRGB(0, 0, 0)
    canvas.setLineWidth(FRAME_WIDTH)
    canvas.rect(FRAME_WIDTH / 2, FRAME_WIDTH / 2, w - FRAME_WIDTH, h - FRAME_WIDTH)
    frame = canvas.beginPath()
    frame.rect(0, 0, w, h)
    canvas.clipPath(frame, stroke=0, fill=0)
    canvas.setStrokeColorRGB(*_rgb(CONTEXT_COLOUR))
    canvas.setLineWidth(CONTEXT_WIDTH)
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    for line in layout.context:
        canvas.drawPath(_line(canvas, line), stroke=1, fill=0)
    _route(canvas, layout.route, layout.route_width)
    for item in layout.placed:
        if item.kind == MARKER:
            _marker(canvas, item)
        elif item.kind == NORTH_ARROW:
            _north_arrow(canvas, item.box, bold_font, size)
        elif item.kind == SCALE_BAR:
            _scale_bar(canvas, item.box, layout.scene.scale_metres * layout.metre, layout.scene.scale_label, font,
                       size)
        else:
            _text(canvas, item, bold_font if item.kind == LABEL else font, size)
    canvas.restoreState()


def draw_symbol(canvas, symbol: str, x: float, y: float, size: float) -> None:
    """One of SYMBOLS as the map draws it, in a size × size square with its lower left at (x, y), for a legend."""
    canvas.saveState()
    middle = y + size / 2
    if symbol == "route-line":
        _route(canvas, [(x, middle), (x + size, middle)], size * 0.25)
    elif symbol == "other-paths":
        canvas.setStrokeColorRGB(*_rgb(CONTEXT_COLOUR))
        canvas.setLineWidth(size * 0.06)
        canvas.setLineCap(1)
        canvas.line(x, middle, x + size, middle)
        canvas.line(x + size * 0.6, y, x + size * 0.6, y + size)
    elif symbol == "north-arrow":
        _north_arrow(canvas, Box(x + size / 2, middle, size * 0.25, size / 2), canvas._fontname,
                     max(size * 0.4, LEGEND_LETTER))
    elif symbol == "scale-bar":
        canvas.setStrokeColorRGB(0, 0, 0)
        canvas.setLineWidth(size * 0.08)
        canvas.line(x, middle, x + size, middle)
        canvas.setLineWidth(size * 0.04)
        for end in (x + size * 0.02, x + size * 0.98):
            canvas.line(end, middle - size * 0.02, end, middle + size * 0.15)
    else:
        raise ValueError(f"No map symbol {symbol!r}; the symbols are {', '.join(SYMBOLS)}")
    canvas.restoreState()


def write_png(path, layout: MapLayout, font: str, bold_font: str, scale: float = 2.0) -> None:
    """The laid-out map as a PNG of scale pixels per point."""
    write_drawing_png(path, layout.width, layout.height, lambda canvas: draw_map(canvas, layout, font, bold_font),
                      font, scale)


def write_drawing_png(path, width: float, height: float, draw: Callable, font: str, scale: float = 2.0) -> None:
    """A drawing of width × height points as a PNG of scale pixels per point: drawn on a one-page PDF by draw(canvas),
    rasterised by PDFium (anti-aliased). The same drawing at the same scale is rasterised and encoded once
    (PNG_CACHE): every edition, language, pass and build that shows it gets the same bytes."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), invariant=1, initialFontName=font)
    draw(canvas)
    canvas.showPage()
    canvas.save()
    Path(path).write_bytes(PNG_CACHE.png(buffer.getvalue(), scale))


class PngCache:
    """One-page PDF drawings rasterised to PNG bytes, keyed by a digest of the PDF (written invariant, so the same
    drawing gives the same PDF), the scale, how it is rasterised (RASTER_FORMAT) and the versions of PDFium, Pillow
    and zlib. Encoding a PNG with optimize=True is the dear part of a map; a drawing seen again (another pass,
    edition, language or build) costs a digest.

    In memory: at most limit bytes of PNG, the least recently used dropped first. On disk, in folder (by default
    the user's cache, $WROMIK_MAP_CACHE or ~/.cache/wromik/maps): one file per drawing named by its key and the
    digest of its bytes, checked when read and written whole or not at all; a folder that cannot be written only
    costs time. encodes counts the PNGs rasterised and encoded."""

    def __init__(self, limit: int = 64 * 2**20, folder: Path | None = None):
        self.limit, self.size, self.encodes, self.folder = limit, 0, 0, folder
        self._pngs: OrderedDict = OrderedDict()

    def png(self, pdf: bytes, scale: float) -> bytes:
        key = self._key(pdf, scale)
        if key in self._pngs:
            self._pngs.move_to_end(key)
            return self._pngs[key]
        png = self._stored(key)
        if png is None:
            png = _rasterise(pdf, scale)
            self.encodes += 1
            self._store(key, png)
        self._pngs[key] = png
        self.size += len(png)
        while self.size > self.limit and len(self._pngs) > 1:
            self.size -= len(self._pngs.popitem(last=False)[1])
        return png

    def clear(self) -> None:
        """Forget the PNGs held in memory and the count (the files on disk stay)."""
        self._pngs.clear()
        self.size = self.encodes = 0

    @staticmethod
    def _key(pdf: bytes, scale: float) -> str:
        import PIL
        import pypdfium2
        from PIL import features

        made_by = [RASTER_FORMAT, float(scale), pypdfium2.PYPDFIUM_INFO, pypdfium2.PDFIUM_INFO, PIL.__version__,
                   features.version("zlib")]
        return hashlib.sha256(hashlib.sha256(pdf).digest() + repr(made_by).encode()).hexdigest()[:32]

    def _disk(self) -> Path | None:
        """The folder on disk, or None where there is none (no home folder and no cache set)."""
        try:
            return self.folder or cache_dir("maps", "WROMIK_MAP_CACHE")
        except RuntimeError:
            return None

    def _stored(self, key: str) -> bytes | None:
        folder = self._disk()
        for path in sorted(folder.glob(f"{key}-*.png")) if folder else ():
            try:
                png = path.read_bytes()
            except OSError:
                continue
            if path.stem.endswith("-" + hashlib.sha256(png).hexdigest()[:16]):
                return png
        return None

    def _store(self, key: str, png: bytes) -> None:
        folder = self._disk()
        if folder is None:
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
            write_whole(folder / f"{key}-{hashlib.sha256(png).hexdigest()[:16]}.png", png)
        except OSError:
            pass  # the cache only saves time


RASTER_FORMAT = "wromik-map-png-1"  # what _rasterise makes (PDFium's default rendering, RGB, optimize=True): change
# it with _rasterise, so that no PNG made the old way is taken from the cache on disk


def _rasterise(pdf: bytes, scale: float) -> bytes:
    """The PDF's first page rasterised by PDFium as an RGB PNG, optimised."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        buffer = io.BytesIO()
        document[0].render(scale=scale).to_pil().convert("RGB").save(buffer, format="PNG", optimize=True)
        return buffer.getvalue()
    finally:
        document.close()


PNG_CACHE = PngCache()
