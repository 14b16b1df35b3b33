"""Route maps: one scene computed from a route, drawn as PDF vectors or as a PNG.

The route is shown by pattern (a thick line with white dashes) as well as by colour; start and end
carry pictograms; every map has a scale bar and a north arrow (standard-edition issue, item 3).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

from .pictograms import draw_pictogram

__all__ = ["MapScene", "map_scene", "draw_pdf", "write_png"]

ROUTE_COLOUR = (0, 63, 138)  # dark blue, 10:1 against white
CONTEXT_COLOUR = (120, 120, 120)
INK = (0, 0, 0)
MARGIN = 0.08


@dataclass(frozen=True)
class MapScene:
    """Geometry in a unit square (x right, y up), ready for any backend."""

    route: tuple  # ((x, y), …)
    context: tuple  # tuple of polylines
    start: tuple
    end: tuple
    start_label: str
    end_label: str
    start_pictogram: str  # "bus" for a stop, "parking" for a car park
    scale_metres: int
    scale_fraction: float  # of the width
    scale_label: str  # the scale bar's length in words of the guide's language: "50 metrów"


def _projector(points):
    lat0 = sum(lat for _, lat in points) / len(points)
    kx = 111320 * math.cos(math.radians(lat0))
    xs = [lon * kx for lon, _ in points]
    ys = [lat * 111320 for _, lat in points]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 60.0)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    usable = 1 - 2 * MARGIN

    def project(point):
        lon, lat = point
        return (0.5 + (lon * kx - cx) / span * usable, 0.5 + (lat * 111320 - cy) / span * usable)
    return project, span / usable


def map_scene(route, network_edges, start_label: str, end_label: str, *, metres: Callable[[int], str]) -> MapScene:
    """The map of one route with the network paths around it; metres(n) writes a length in the guide's language."""
    points = route.coords
    project, metres_across = _projector(points)
    context = []
    for edge in network_edges:
        line = [project(p) for p in edge.coords]
        if any(-0.2 <= x <= 1.2 and -0.2 <= y <= 1.2 for x, y in line):
            context.append(tuple(line))
    nice = [10, 20, 25, 50, 100, 200, 250, 500, 1000]
    scale = max((n for n in nice if n <= metres_across / 4), default=10)
    return MapScene(tuple(project(p) for p in points), tuple(context), project(points[0]), project(points[-1]),
                    start_label, end_label, "parking" if route.origin_kind == "parking" else "bus", scale,
                    scale / metres_across, metres(scale))


def _marker(canvas, pictogram_id: str, x: float, y: float, size: float) -> None:
    """A pictogram from the shared set on a white ground, centred on (x, y)."""
    canvas.setFillColorRGB(1, 1, 1)
    canvas.roundRect(x - size / 2, y - size / 2, size, size, size * 0.14, stroke=0, fill=1)
    draw_pictogram(canvas, pictogram_id, x - size / 2, y - size / 2, size)


def draw_pdf(canvas, width: float, height: float, scene: MapScene, font: str, font_size: float = 11) -> None:
    """Draw the scene with ReportLab vectors into a width × height box at the origin."""
    side = min(width, height)
    ox = (width - side) / 2

    def at(point):
        return ox + point[0] * side, point[1] * side

    canvas.setStrokeColorRGB(0, 0, 0)
    canvas.setLineWidth(1)
    canvas.rect(ox, 0, side, side)
    frame = canvas.beginPath()
    frame.rect(ox, 0, side, side)
    canvas.clipPath(frame, stroke=0, fill=0)
    canvas.setStrokeColorRGB(*[c / 255 for c in CONTEXT_COLOUR])
    canvas.setLineWidth(2)
    canvas.setLineCap(1)
    for line in scene.context:
        path = canvas.beginPath()
        path.moveTo(*at(line[0]))
        for point in line[1:]:
            path.lineTo(*at(point))
        canvas.drawPath(path, stroke=1, fill=0)
    route = canvas.beginPath()
    route.moveTo(*at(scene.route[0]))
    for point in scene.route[1:]:
        route.lineTo(*at(point))
    canvas.setStrokeColorRGB(*[c / 255 for c in ROUTE_COLOUR])
    canvas.setLineWidth(7)
    canvas.drawPath(route, stroke=1, fill=0)
    canvas.setStrokeColorRGB(1, 1, 1)
    canvas.setLineWidth(2)
    canvas.setDash(6, 6)
    canvas.drawPath(route, stroke=1, fill=0)
    canvas.setDash()
    size = side * 0.1
    _marker(canvas, scene.start_pictogram, *at(scene.start), size)
    _marker(canvas, "door", *at(scene.end), size)
    canvas.setFont(font, font_size)
    canvas.setFillColorRGB(0, 0, 0)
    for point, label in ((scene.start, scene.start_label), (scene.end, scene.end_label)):
        x, y = at(point)
        text_width = canvas.stringWidth(label, font, font_size)
        tx = max(min(x - text_width / 2, ox + side - text_width - 4), ox + 4)
        ty = y + size * 0.65 if y + size * 0.65 + font_size + 1 < side else y - size * 0.65 - font_size
        canvas.setFillColorRGB(1, 1, 1)
        canvas.rect(tx - 2, ty - font_size * 0.27, text_width + 4, font_size * 1.27, stroke=0, fill=1)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.drawString(tx, ty, label)
    bar = scene.scale_fraction * side
    label = scene.scale_label
    width = max(bar, canvas.stringWidth(label, font, font_size))
    markers = [at(scene.start), at(scene.end)]
    sx = max((ox + 10, ox + side - 10 - width), key=lambda x: min(math.dist((x + width / 2, 18), m) for m in markers))
    canvas.setLineWidth(3)
    canvas.setStrokeColorRGB(0, 0, 0)
    canvas.line(sx, 12, sx + bar, 12)
    canvas.drawString(sx, 18, label)
    ny = side - 27 - font_size
    nx = max((ox + side - 18, ox + 18), key=lambda x: min(math.dist((x, ny), m) for m in markers))
    arrow = canvas.beginPath()
    arrow.moveTo(nx, ny + 24)
    arrow.lineTo(nx - 7, ny + 4)
    arrow.lineTo(nx + 7, ny + 4)
    arrow.close()
    canvas.drawPath(arrow, stroke=0, fill=1)
    canvas.drawCentredString(nx, ny - font_size * 0.9, "N")


def write_png(path, scene: MapScene, font_path: str, size: int = 900) -> None:
    """The same map as a PNG (for the download page)."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (size, size), "white")
    draw = ImageDraw.Draw(image)

    def at(point):
        return point[0] * size, (1 - point[1]) * size

    draw.rectangle((0, 0, size - 1, size - 1), outline=INK, width=2)
    for line in scene.context:
        draw.line([at(p) for p in line], fill=CONTEXT_COLOUR, width=5, joint="curve")
    points = [at(p) for p in scene.route]
    draw.line(points, fill=ROUTE_COLOUR, width=18, joint="curve")
    for a, b in zip(points, points[1:]):  # white dashes: the route's pattern
        length = math.dist(a, b)
        steps = int(length // 16)
        for k in range(0, steps, 2):
            p0 = (a[0] + (b[0] - a[0]) * k / max(steps, 1), a[1] + (b[1] - a[1]) * k / max(steps, 1))
            p1 = (a[0] + (b[0] - a[0]) * (k + 1) / max(steps, 1), a[1] + (b[1] - a[1]) * (k + 1) / max(steps, 1))
            draw.line([p0, p1], fill="white", width=5)
    font = ImageFont.truetype(font_path, 28)
    marker = size * 0.08
    for point, label, square in ((scene.start, scene.start_label, True), (scene.end, scene.end_label, False)):
        x, y = at(point)
        box = (x - marker / 2, y - marker / 2, x + marker / 2, y + marker / 2)
        (draw.rounded_rectangle(box, radius=marker * 0.18, fill=INK) if square else draw.ellipse(box, fill=INK))
        draw.rectangle((x - marker * 0.18, y - marker * 0.3, x + marker * 0.18, y + marker * 0.28), fill="white")
        width = draw.textlength(label, font=font)
        tx = min(max(x - width / 2, 6), size - width - 6)
        ty = y - marker * 0.65 - 34 if y - marker * 0.65 - 34 > 0 else y + marker * 0.65
        draw.rectangle((tx - 3, ty - 2, tx + width + 3, ty + 32), fill="white")
        draw.text((tx, ty), label, fill=INK, font=font)
    bar = scene.scale_fraction * size
    draw.line([(20, size - 24), (20 + bar, size - 24)], fill=INK, width=6)
    draw.text((20, size - 64), scene.scale_label, fill=INK, font=font)
    nx = size - 36
    draw.polygon([(nx, 20), (nx - 14, 60), (nx + 14, 60)], fill=INK)
    draw.text((nx - 9, 64), "N", fill=INK, font=font)
    image.save(path, format="PNG", optimize=True)
