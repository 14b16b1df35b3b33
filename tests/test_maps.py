"""Maps that read at a glance and headings never left at a page foot (issue 13, part 4): every map of the Wrocław
guide measured on its own geometry (the boxes the drawing is made from), and the real PDFs and PNGs read back."""

from __future__ import annotations

import hashlib
import math
import re
import subprocess
from dataclasses import replace

import pikepdf
import pytest
from PIL import Image, ImageChops, ImageDraw
from reportlab.pdfgen.canvas import Canvas

from guide.build import build
from guide.document.maps import (END_PICTOGRAM, FRAME_WIDTH, LABEL, MARKER, NORTH_ARROW, PNG_CACHE, SCALE_BAR,
                                 START_PICTOGRAMS, STREET_NAME, SYMBOLS, ASPECTS)
from guide.document.nodes import Figure, Legend
from guide.document.pictograms import draw_pictogram
from guide.language.pl.readability import words
from guide.renderers.easy_read import EasyReadPdfRenderer
from guide.renderers.print_ready import PrintPdfRenderer
from guide.renderers.standard import StandardPdfRenderer

from conftest import TINY, struct_texts, trilingual_copy

PIXELS = 4  # per point, where overlaps are measured
EDITIONS = {"standard": StandardPdfRenderer, "easy_read": EasyReadPdfRenderer, "printed": PrintPdfRenderer}
HEADING = re.compile(r"H[1-6]")


def _renderer(cls, documents, tmp_path):
    renderer = cls(documents, tmp_path, "pl")
    renderer.prepare()
    return renderer


@pytest.fixture(scope="module", params=list(EDITIONS), ids=str)
def edition(request, wroclaw_documents, tmp_path_factory):
    """(fixture name of the edition's PDF, its renderer, every map it shows as (figure, layout))."""
    renderer = _renderer(EDITIONS[request.param], wroclaw_documents, tmp_path_factory.mktemp("maps"))
    return request.param, renderer, [(figure, renderer.map_layout(figure)) for figure in renderer.shown_figures()]


# the maps' own geometry ------------------------------------------------------------------------------------

def _name(item) -> str:
    return f"{item.kind} '{' / '.join(item.lines) or item.pictogram}'"


def _mask(layout, draw) -> Image.Image:
    mask = Image.new("1", (math.ceil(layout.width * PIXELS), math.ceil(layout.height * PIXELS)))
    draw(ImageDraw.Draw(mask))
    return mask


def _pixels(layout, points) -> list:
    return [(x * PIXELS, (layout.height - y) * PIXELS) for x, y in points]


def map_problems(layout) -> list:
    """Every overlap of two things placed on a map, or of one with the route, and every one the frame cuts,
    found by rasterising their boxes and the route's line (not with the layout's own arithmetic)."""
    route = _mask(layout, lambda draw: draw.line(_pixels(layout, layout.route), fill=1, joint="curve",
                                                 width=round(layout.route_width * PIXELS)))
    shapes = [(_name(item), _mask(layout, lambda draw, item=item: draw.polygon(
        _pixels(layout, item.box.corners()), fill=1))) for item in layout.placed]
    problems = []
    for index, (name, mask) in enumerate(shapes):
        for other, other_mask in shapes[index + 1:] + [("the route", route)]:
            if ImageChops.logical_and(mask, other_mask).getbbox():
                problems.append(f"{name} overlaps {other}")
    edge = FRAME_WIDTH
    for item in layout.placed:
        if not all(edge <= x <= layout.width - edge and edge <= y <= layout.height - edge
                   for x, y in item.box.corners()):
            problems.append(f"the frame cuts {_name(item)}")
    return problems


def test_nothing_on_a_map_overlaps_another_thing_the_route_or_the_frame(edition):
    _, _, layouts = edition
    assert len(layouts) > 10
    problems = [f"{figure.name}: {problem}" for figure, layout in layouts for problem in map_problems(layout)]
    assert not problems, "\n".join(problems)
    for figure, layout in layouts:  # and nothing a reader needs was left out to get there
        kinds = [item.kind for item in layout.placed]
        assert [kinds.count(kind) for kind in (MARKER, LABEL, NORTH_ARROW, SCALE_BAR)] == [2, 2, 1, 1], figure.name
        labels = [" ".join(item.lines) for item in layout.placed if item.kind == LABEL]
        assert labels == [layout.scene.start_label, layout.scene.end_label]


def test_the_overlap_check_finds_a_label_on_the_route_an_arrow_on_a_label_and_a_bar_cut_by_the_frame(edition):
    _, _, layouts = edition
    layout = layouts[0][1]
    label = next(i for i, item in enumerate(layout.placed) if item.kind == LABEL)
    arrow = next(i for i, item in enumerate(layout.placed) if item.kind == NORTH_ARROW)
    scale = next(i for i, item in enumerate(layout.placed) if item.kind == SCALE_BAR)
    middle = layout.route[len(layout.route) // 2]

    def moved(index, x, y):
        placed = list(layout.placed)
        placed[index] = replace(placed[index], box=replace(placed[index].box, x=x, y=y))
        return replace(layout, placed=tuple(placed))

    assert map_problems(layout) == []
    assert f"{_name(layout.placed[label])} overlaps the route" in map_problems(moved(label, *middle))
    on_label = moved(arrow, layout.placed[label].box.x, layout.placed[label].box.y)
    assert f"{_name(layout.placed[label])} overlaps {_name(layout.placed[arrow])}" in map_problems(on_label)
    assert f"the frame cuts {_name(layout.placed[scale])}" in map_problems(moved(scale, 0, layout.placed[scale].box.y))


def test_maps_take_the_text_width_and_a_height_from_the_routes_shape(edition, request):
    name, renderer, layouts = edition
    for figure, layout in layouts:
        assert layout.width == renderer.frame_width
        assert ASPECTS[0] <= layout.height / layout.width <= ASPECTS[1]
    with pikepdf.open(request.getfixturevalue(name)) as pdf:  # and the PDF draws exactly these maps
        boxes = [[float(v) for v in element.A.BBox] for element in _elements_of(pdf)
                 if element.S == pikepdf.Name.Figure and str(element.get("/Alt", "")).startswith("Mapa trasy")]
    assert [(x1 - x0, y1 - y0) for x0, y0, x1, y1 in boxes] == [
        (pytest.approx(layout.width, abs=0.02), pytest.approx(layout.height, abs=0.02)) for _, layout in layouts]


def test_street_names_run_along_the_named_paths(edition):
    _, _, layouts = edition
    names = [(layout, item) for _, layout in layouts for item in layout.placed if item.kind == STREET_NAME]
    assert len(names) >= len(layouts) / 2
    for layout, item in names:
        box = item.box
        lines = [[layout.at(p) for p in street.line] for street in layout.scene.streets if street.name == item.lines[0]]
        beside = []
        for line in lines:
            for (x0, y0), (x1, y1) in zip(line, line[1:]):
                length = math.dist((x0, y0), (x1, y1))
                turn = (math.degrees(math.atan2(y1 - y0, x1 - x0)) - box.angle) % 180
                along = ((box.x - x0) * (x1 - x0) + (box.y - y0) * (y1 - y0)) / length
                across = abs((box.x - x0) * (y1 - y0) - (box.y - y0) * (x1 - x0)) / length
                beside.append(min(turn, 180 - turn) < 1 and 0 <= along <= length and across < 2 * layout.font_size)
        assert any(beside), (layout.scene.start_label, item.lines)


def test_a_map_names_the_street_its_route_goes_along(edition):
    """The name the steps say ("wzdłuż ulicy Strzegomskiej") is on the map."""
    _, _, layouts = edition
    walking = [layout for _, layout in layouts if any(street.walked for street in layout.scene.streets)]
    assert len(walking) >= len(layouts) / 2
    for layout in walking:
        walked = {street.name for street in layout.scene.streets if street.walked}
        placed = {item.lines[0] for item in layout.placed if item.kind == STREET_NAME}
        assert walked & placed, (layout.scene.start_label, walked, placed)


# the PNG maps ----------------------------------------------------------------------------------------------

def _reference(pid: str, pixels: int, folder) -> Image.Image:
    """A pictogram of the set drawn alone and rasterised by poppler, pixels square."""
    pdf = folder / f"{pid}.pdf"
    canvas = Canvas(str(pdf), pagesize=(100, 100))
    draw_pictogram(canvas, pid, 0, 0, 100)
    canvas.save()
    subprocess.run(["pdftoppm", "-png", "-singlefile", "-scale-to", str(pixels), str(pdf), str(folder / pid)],
                   check=True)
    return Image.open(folder / f"{pid}.png").convert("L")


def test_png_maps_show_the_real_pictograms_cleanly_rasterised(standard, wroclaw_documents, tmp_path):
    renderer = _renderer(StandardPdfRenderer, wroclaw_documents, tmp_path)
    side = 48
    references = {pid: _reference(pid, side, tmp_path) for pid in (*START_PICTOGRAMS, END_PICTOGRAM)}
    seen = set()
    for figure in renderer.shown_figures():
        layout = renderer.map_layout(figure)
        image = Image.open(standard.parent / "maps" / f"{figure.name}.png").convert("L")
        scale = image.width / layout.width
        for marker in (item for item in layout.placed if item.kind == MARKER):
            box = marker.box
            crop = image.crop((round((box.x - box.half_width) * scale), round((layout.height - box.y - box.half_height)
                                                                              * scale),
                               round((box.x + box.half_width) * scale), round((layout.height - box.y + box.half_height)
                                                                              * scale)))
            pixels = list(crop.get_flattened_data())
            assert 0.1 < sum(p < 100 for p in pixels) / len(pixels) < 0.7, (figure.name, marker.pictogram)  # no blob
            assert sum(40 < p < 215 for p in pixels) > len(pixels) * 0.02  # smooth, anti-aliased edges
            small = crop.resize((side, side), Image.LANCZOS)
            difference = {pid: sum(map(abs, ImageChops.difference(small, reference).get_flattened_data())) / side ** 2
                          for pid, reference in references.items()}
            nearest, second = sorted(difference, key=difference.get)[:2]
            assert nearest == marker.pictogram, (figure.name, difference)  # and clearly nearer than any other:
            assert difference[nearest] < 0.7 * difference[second], (figure.name, difference)
            seen.add(marker.pictogram)
    assert {"bus", "parking", "door"} <= seen


# the real PDFs ---------------------------------------------------------------------------------------------

def _text_sizes(page) -> list:
    """The size every piece of text on a page is drawn at: the font size times the scale of the text and graphics
    matrices, so text turned along a street counts at its real size."""
    def times(m, n):
        a, b, c, d, e, f = m
        return (a * n[0] + b * n[2], a * n[1] + b * n[3], c * n[0] + d * n[2], c * n[1] + d * n[3],
                e * n[0] + f * n[2] + n[4], e * n[1] + f * n[3] + n[5])

    identity = (1, 0, 0, 1, 0, 0)
    sizes, saved, ctm, tm, font_size = [], [], identity, identity, 0.0
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        assert op != "Do", "a form XObject's text would not be measured"
        if op == "q":
            saved.append(ctm)
        elif op == "Q":
            ctm = saved.pop()
        elif op == "cm":
            ctm = times(tuple(float(v) for v in operands), ctm)
        elif op == "BT":
            tm = identity
        elif op == "Tm":
            tm = tuple(float(v) for v in operands)
        elif op == "Tf":
            font_size = float(operands[1])
        elif op in ("Tj", "TJ", "'", '"'):
            a, b, c, d, _, _ = times(tm, ctm)
            sizes.append(font_size * math.sqrt(abs(a * d - b * c)))
    return sizes


def test_no_glyph_in_the_standard_edition_is_under_12_pt(standard):
    with pikepdf.open(standard) as pdf:
        sizes = [size for page in pdf.pages for size in _text_sizes(page)]
    assert len(sizes) > 1000
    assert min(sizes) >= 12 - 1e-6, sorted(sizes)[:10]


def test_the_glyph_sizes_count_text_turned_on_a_map_at_its_real_size(tmp_path):
    pdf = tmp_path / "turned.pdf"
    canvas = Canvas(str(pdf), pagesize=(200, 200))
    canvas.translate(100, 100)
    canvas.rotate(30)
    canvas.scale(0.5, 0.5)
    canvas.setFont("Helvetica", 20)
    canvas.drawString(0, 0, "ul. Strzegomska")
    canvas.save()
    with pikepdf.open(pdf) as opened:
        assert _text_sizes(opened.pages[0]) == [pytest.approx(10)]


def _elements_of(pdf):
    """Every structure element, in the tree's (reading) order."""
    stack = [pdf.Root.StructTreeRoot]
    while stack:
        node = stack.pop()
        if "/S" in node:
            yield node
        kids = node.get("/K")
        kids = kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
        stack.extend(reversed([kid for kid in kids if isinstance(kid, pikepdf.Dictionary) and "/S" in kid]))


def marked_elements(path) -> list:
    """(type, alt, [(page, mcid), …]) of every structure element with marked content of its own, in reading
    order; pages count from 1, and within a page the MCIDs follow the drawing."""
    with pikepdf.open(path) as pdf:
        pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages, start=1)}
        found = []
        for element in _elements_of(pdf):
            kids = element.get("/K")
            kids = kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
            marks = [(pages[kid.Pg.objgen], int(kid.MCID)) for kid in kids
                     if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == pikepdf.Name.MCR]
            if marks:
                found.append((str(element.S)[1:], str(element.get("/Alt", "")), marks))
    return found


def stranded_headings(elements) -> list:
    """(heading, page) of every heading whose first line of content starts on a later page."""
    return [(kind, marks[-1][0]) for (kind, _, marks), (_, _, after) in zip(elements, elements[1:])
            if HEADING.fullmatch(kind) and after[0][0] != marks[-1][0]]


def misplaced_maps(elements) -> list:
    """(alt, page) of every route map that is neither on its route's heading's page nor right after the route's
    text (drawn after all of it, at most a page later)."""
    problems = []
    for index, (kind, alt, marks) in enumerate(elements):
        if kind != "Figure" or not alt.startswith("Mapa trasy"):
            continue
        start = max(i for i in range(index) if HEADING.fullmatch(elements[i][0]))
        end = next((i for i in range(index + 1, len(elements)) if HEADING.fullmatch(elements[i][0])), len(elements))
        last = max(mark for _, _, others in elements[start:index] + elements[index + 1:end] for mark in others)
        if marks[0][0] != elements[start][2][-1][0] and not (marks[0] > last and marks[0][0] <= last[0] + 1):
            problems.append((alt, marks[0][0]))
    return problems


@pytest.mark.parametrize("name", list(EDITIONS))
def test_no_heading_ends_a_page_and_each_map_is_with_its_route(name, request):
    elements = marked_elements(request.getfixturevalue(name))
    assert sum(1 for kind, _, _ in elements if HEADING.fullmatch(kind)) > 50
    assert stranded_headings(elements) == []
    assert sum(1 for kind, alt, _ in elements if alt.startswith("Mapa trasy")) > 10
    assert misplaced_maps(elements) == []


def test_the_page_checks_find_a_stranded_heading_and_a_map_before_its_steps():
    heading_at_foot = [("H3", "", [(3, 9)]), ("P", "", [(4, 0)]), ("Figure", "Mapa trasy z A", [(4, 1)])]
    assert stranded_headings(heading_at_foot) == [("H3", 3)]
    map_then_steps = [("H3", "", [(3, 8)]), ("P", "", [(3, 9)]), ("Figure", "Mapa trasy z A", [(4, 0)]),
                      ("Lbl", "", [(4, 1)]), ("P", "", [(4, 2)]), ("H3", "", [(4, 3)])]
    assert stranded_headings(map_then_steps) == [] and misplaced_maps(map_then_steps) == [("Mapa trasy z A", 4)]
    steps_then_map = map_then_steps[:2] + [("Figure", "Mapa trasy z A", [(4, 3)])] + map_then_steps[3:5]
    assert misplaced_maps(steps_then_map) == []


# the legend ------------------------------------------------------------------------------------------------

def test_the_easy_read_edition_explains_the_map_in_short_sentences(easy_read, wroclaw_documents):
    document = wroclaw_documents.get("pl", "easy-read")
    legend = next(block for section in document.walk() for block in section.blocks if isinstance(block, Legend)
                  and set(SYMBOLS) <= {item.pictogram for item in block.items})
    on_maps = {block.scene.start_pictogram for section in document.walk() for block in section.blocks
               if isinstance(block, Figure)} | {END_PICTOGRAM}
    assert on_maps <= {item.pictogram for item in legend.items}
    sentences = [sentence for item in legend.items for sentence in item.sentences]
    assert all(len(words(sentence)) <= 8 for sentence in sentences), sentences
    texts = {text for _, text in struct_texts(easy_read)}
    assert set(sentences) <= texts  # each sentence on its own line, beside its picture


def test_each_distinct_png_is_rasterised_and_encoded_once_a_build(tmp_path, monkeypatch):
    """A real build of the tiny guide in three languages, its PDF and web editions: every PNG drawn by the maps
    module (maps, pictograms) encoded once however many files show it; a second build in the same process encodes
    none and writes the same bytes."""
    def drawn_pngs(out) -> dict:  # the QR codes (segno) and photos (Pillow) are written elsewhere
        return {path.relative_to(out): hashlib.sha256(path.read_bytes()).hexdigest()
                for path in out.rglob("*.png") if path.parent.name in ("maps", "pictograms")}

    data = trilingual_copy(tmp_path / "tiny")
    monkeypatch.setenv("WROMIK_MAP_CACHE", str(tmp_path / "empty-map-cache"))
    PNG_CACHE.clear()
    build(data, tmp_path / "first", editions=["standard", "html"])
    first = drawn_pngs(tmp_path / "first")
    assert {path.parts[0] for path in first} == {"pl", "uk", "en"}
    assert {path.parent.name for path in first} == {"maps", "pictograms"}
    assert PNG_CACHE.encodes == len(set(first.values())) < len(first)  # the pictograms of three languages: once
    encodes = PNG_CACHE.encodes
    build(data, tmp_path / "again", editions=["standard"])
    again = drawn_pngs(tmp_path / "again")
    assert again and PNG_CACHE.encodes == encodes
    assert again == {path: digest for path, digest in first.items() if path in again}


def test_a_later_build_takes_its_pngs_from_the_map_cache_on_disk_and_makes_a_damaged_one_again(tmp_path, monkeypatch):
    """A new process (the memory forgotten) encodes no PNG the cache on disk holds, with the same bytes; a cached
    file that was damaged is not used but made again; a cache folder that cannot be written only costs time."""
    def drawn_pngs(out) -> dict:
        return {path.relative_to(out): path.read_bytes() for path in out.rglob("*.png")
                if path.parent.name in ("maps", "pictograms")}

    cache = tmp_path / "map-cache"
    monkeypatch.setenv("WROMIK_MAP_CACHE", str(cache))
    PNG_CACHE.clear()
    build(TINY, tmp_path / "first", editions=["standard"])
    first, made = drawn_pngs(tmp_path / "first"), PNG_CACHE.encodes
    stored = sorted(cache.glob("*.png"))
    assert made and len(stored) == made
    PNG_CACHE.clear()
    damaged = stored[0]
    damaged.write_bytes(damaged.read_bytes()[:-40])
    build(TINY, tmp_path / "again", editions=["standard"])
    assert PNG_CACHE.encodes == 1  # the damaged one alone
    assert drawn_pngs(tmp_path / "again") == first
    PNG_CACHE.clear()
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("not a folder")
    monkeypatch.setenv("WROMIK_MAP_CACHE", str(blocked / "maps"))
    build(TINY, tmp_path / "unwritable", editions=["standard"])
    assert PNG_CACHE.encodes == made and drawn_pngs(tmp_path / "unwritable") == first


