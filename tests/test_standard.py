"""The standard edition: PDF/UA-1 by veraPDF, screen-reader text, fonts, rendering, maps, reproducibility."""

from __future__ import annotations

import math
import re
import subprocess

import pikepdf
from PIL import Image

from guide.document.builder import StandardBuilder
from guide.document.nodes import Figure
from guide.document.maps import ROUTE_COLOUR
from guide.document.pictograms import pictograms
from guide.renderers.standard import StandardPdfRenderer


def _struct_text(pdf) -> str:
    """The text a screen reader gets from the structure tree, pieces joined exactly as tagged."""
    raw = subprocess.run(["pdfinfo", "-struct-text", str(pdf)], capture_output=True, text=True, check=True).stdout
    pieces = re.findall(r'^\s*"(.*)"\s*$', raw, flags=re.M)
    return "".join(pieces)


def test_reportlab_runs_on_its_c_accelerator():
    """ReportLab's number formatting, string widths and escapes come from rl_accel's C functions, not from the
    Python fallbacks it uses when the package is missing (a slower standard edition, the same bytes)."""
    from reportlab.lib import rl_accel
    from reportlab.pdfbase import pdfdoc, ttfonts
    from reportlab.pdfgen import canvas

    assert not rl_accel._py_funcs, f"Python fallbacks in use: {sorted(rl_accel._py_funcs)} (pip install rl_accel)"
    c = rl_accel._c_funcs
    assert {"fp_str", "instanceStringWidthTTF", "escapePDF", "unicode2T1"} <= set(c)
    # the modules that write the PDF and measure DejaVu Sans hold the C functions themselves
    assert canvas.fp_str is pdfdoc.fp_str is c["fp_str"] and c["fp_str"].__module__ == "_rl_accel"
    assert ttfonts.instanceStringWidthTTF is c["instanceStringWidthTTF"] and pdfdoc.escapePDF is c["escapePDF"]
    assert c["fp_str"](0.5, 12, 1e-9) == ".5 12 0"  # the numbers as the Python fallback writes them


def test_verapdf_pdf_ua1_compliant_with_zero_failed_rules(standard, verapdf):
    code, report = verapdf(standard)
    assert code == 0, report
    assert report.splitlines()[0].endswith("\tcompliant\t0")


def test_verapdf_rejects_a_figure_without_alt(standard, verapdf, tmp_path):
    broken = tmp_path / "broken.pdf"
    with pikepdf.open(standard) as pdf:
        stack = [pdf.Root.StructTreeRoot]
        while stack:
            node = stack.pop()
            if isinstance(node, pikepdf.Dictionary) and node.get("/S") == pikepdf.Name.Figure:
                del node["/Alt"]
                break
            kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
            if isinstance(kids, pikepdf.Array):
                stack.extend(k for k in kids if isinstance(k, pikepdf.Dictionary))
        pdf.save(broken)
    code, report = verapdf(broken)
    assert code == 1 and "non-compliant" in report.splitlines()[0]
    assert re.search(r"^\s+7\.3-1\t1\t", report, flags=re.M), report


def test_screen_reader_text_has_every_place_and_step_in_order(standard, wroclaw_model):
    builder = StandardBuilder(wroclaw_model, "pl")
    text = _struct_text(standard)
    position = 0
    for place in wroclaw_model.data.places:
        heading = f"{place.short_name}: {place.name['pl']}"
        found = text.find(heading, position)
        assert found >= 0, heading
        position = found
        assert str(place.address) in text[position:]
        for shared in wroclaw_model.shared_routes(place.id):  # each distinct route once, its steps in order
            if shared.route.status == "no_route":  # its barriers are listed instead of steps
                continue
            for index in range(len(shared.route.steps)):
                sentence = builder.shared_step(shared, index, builder.kind(place))
                found = text.find(sentence, position)
                assert found >= 0, sentence
                position = found


def test_no_words_glued_at_line_breaks(standard, wroclaw_model):
    text = _struct_text(standard)
    intro = wroclaw_model.data.info.introduction["pl"]
    assert intro in text  # a long paragraph broken over many lines, every space kept
    assert "wejścia.Jeśli" not in text and "budynku.Dla" not in text


def test_every_font_is_embedded(standard):
    out = subprocess.run(["pdffonts", str(standard)], capture_output=True, text=True, check=True).stdout
    rows = out.strip().splitlines()[2:]
    assert rows and all(re.search(r"\byes\s+yes\s+yes\b", row) for row in rows), out
    assert not any("Helvetica" in row for row in rows)


def test_pdftoppm_renders_every_page(standard, tmp_path):
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(standard)], capture_output=True,
                                                              text=True, check=True).stdout).group(1))
    result = subprocess.run(["pdftoppm", "-r", "15", "-png", str(standard), str(tmp_path / "page")],
                            capture_output=True, text=True)
    assert result.returncode == 0 and "Error" not in result.stderr, result.stderr
    assert len(list(tmp_path.glob("page-*.png"))) == pages > 50


def test_document_metadata_language_title_and_outline(standard):
    with pikepdf.open(standard) as pdf:
        assert str(pdf.Root.Lang) == "pl-PL" and pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True and pdf.Root.PageMode == pikepdf.Name.UseOutlines
        with pdf.open_metadata() as meta:
            assert meta["pdfuaid:part"] == "1" and "WROMIK" in meta["dc:title"]
        assert len(pdf.open_outline().root) >= 16


def test_strzegomska_wheelchair_map_shows_the_route_to_ramp_entrance_b(standard, wroclaw_model, wroclaw_documents,
                                                                       tmp_path):
    route = next(r for r in wroclaw_model.routes_for("strzegomska-6", "manual_wheelchair") if r.origin == "stop-2727")
    assert route.entrance == "b"
    b_node = wroclaw_model.data.network.nodes["strzegomska-6-b"]
    assert route.coords[-1] == (b_node.lon, b_node.lat)
    number = next(n for n, shared in enumerate(wroclaw_model.shared_routes("strzegomska-6"), start=1)
                  if any(r is route for r in shared.routes))
    renderer = StandardPdfRenderer(wroclaw_documents, tmp_path, "pl")
    renderer.prepare()
    figure = next(f for f in renderer.shown_figures() if f.name == f"route-strzegomska-6-{number}")  # like its section
    layout = renderer.map_layout(figure)
    image = Image.open(standard.parent / "maps" / f"{figure.name}.png").convert("RGB")
    scale = image.width / layout.width
    door = next(p for p in layout.placed if p.pictogram == "door")
    # the route's colour runs right up to entrance B's marker
    assert math.dist(layout.route[-1], (door.box.x, door.box.y)) < door.box.half_width * 1.5
    (x, y), (ex, ey) = [(px * scale, (layout.height - py) * scale) for px, py in layout.route[-2:]]
    samples = [image.getpixel((int(x + (ex - x) * k / 40), int(y + (ey - y) * k / 40))) for k in range(2, 39)]
    blue = [p for p in samples if sum(abs(a - b) for a, b in zip(p, ROUTE_COLOUR)) < 60]
    white = [p for p in samples if p == (255, 255, 255)]
    assert len(blue) >= 6 and len(white) >= 2, samples  # colour and the dashed pattern


def test_map_figures_have_alt_text_naming_start_and_entrance(standard, wroclaw_documents):
    from guide.document.nodes import Legend
    map_legend = [item.text.rstrip(".") for section in wroclaw_documents.get("pl").walk() if section.key == "how-to-maps"
                  for block in section.blocks if isinstance(block, Legend) for item in block.items]
    assert len(map_legend) >= 8
    raw = subprocess.run(["pdfinfo", "-struct", str(standard)], capture_output=True, text=True, check=True).stdout
    # a map per distinct route, the map legend's symbols, and the pictogram legend with its crossed-out example
    assert raw.count("Figure") == 21 + len(map_legend) + len(pictograms()) + 1
    with pikepdf.open(standard) as pdf:
        alts = []
        stack = [pdf.Root.StructTreeRoot]
        while stack:
            node = stack.pop()
            if node.get("/S") == pikepdf.Name.Figure:
                alts.append(str(node.Alt))
            kids = node.get("/K")
            if isinstance(kids, pikepdf.Array):
                stack.extend(k for k in kids if isinstance(k, pikepdf.Dictionary) and "/S" in k)
    legend = sorted([p.alt_text("pl") for p in pictograms().values()] + ["Przekreślony obrazek znaczy: tego nie ma"]
                    + map_legend)
    assert sorted(alt for alt in alts if not alt.startswith("Mapa trasy z ")) == legend
    assert any("pl. Strzegomski (Muzeum Współczesne) do wejścia: Wejście B" in alt for alt in alts)


def test_every_map_has_a_long_description_for_listening(wroclaw_documents):
    figures = [b for s in wroclaw_documents.get("pl").walk() for b in s.blocks if isinstance(b, Figure)]
    assert figures
    for figure in figures:
        long = " ".join(figure.description)
        assert figure.alt.startswith("Mapa trasy z ") and len(long) > len(figure.alt)
        assert "Północ jest u góry mapy." in long


def _walk(node):
    """Every structure element under node, in document order."""
    kids = node.get("/K")
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from _walk(kid)


def _luminance(rgb) -> float:
    channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def _content_text_styles(pdf) -> list:
    """(font size, fill RGB) of every text-showing operator in tagged content outside Figures."""
    found = []
    for page in pdf.pages:
        marks, states = [], [((0.0, 0.0, 0.0), None)]
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            fill, size = states[-1]
            if op == "BDC" or op == "BMC":
                marks.append(str(operands[0]))
            elif op == "EMC":
                marks.pop()
            elif op == "q":
                states.append(states[-1])
            elif op == "Q":
                states.pop()
            elif op == "rg":
                states[-1] = (tuple(float(v) for v in operands), size)
            elif op == "g":
                states[-1] = ((float(operands[0]),) * 3, size)
            elif op == "Tf":
                states[-1] = (fill, float(operands[1]))
            elif op in ("Tj", "TJ", "'", '"'):
                if marks and not {"/Artifact", "/Figure"} & set(marks):
                    found.append((size, fill))
                assert marks, f"text outside marked content on page {page.index + 1}"
    return found


def test_body_text_is_at_least_12_pt_with_contrast_over_7(standard):
    with pikepdf.open(standard) as pdf:
        styles = _content_text_styles(pdf)
    assert len(styles) > 1000
    assert min(size for size, _ in styles) >= 12
    for _, fill in set(styles):
        assert (1.05) / (_luminance(fill) + 0.05) >= 7, fill  # against the white page


def test_headings_start_at_h1_and_never_skip_a_level(standard):
    with pikepdf.open(standard) as pdf:
        levels = [int(str(e.S)[2]) for e in _walk(pdf.Root.StructTreeRoot) if re.fullmatch(r"/H[1-6]", str(e.S))]
    assert levels[0] == 1 and set(levels) == {1, 2, 3}
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:]))


def test_table_headers_have_scope_and_links_have_contents(standard):
    with pikepdf.open(standard) as pdf:
        elements = list(_walk(pdf.Root.StructTreeRoot))
        headers = [e for e in elements if e.S == pikepdf.Name.TH]
        assert headers and all(str(e.A.Scope) in ("/Column", "/Row") for e in headers)
        assert {str(e.A.Scope) for e in headers} == {"/Column", "/Row"}
        links = [e for e in elements if e.S == pikepdf.Name.Link]
        annotations = [a for page in pdf.pages for a in page.obj.get("/Annots", [])]
        assert len(links) == len(annotations) >= 16
        for annotation in annotations:
            assert "/StructParent" in annotation and str(annotation.Contents).count(", strona ") == 1
        for link in links:
            assert any(isinstance(k, pikepdf.Dictionary) and k.get("/Type") == pikepdf.Name.OBJR for k in link.K)
        assert all(page.obj.Tabs == pikepdf.Name.S for page in pdf.pages if "/Annots" in page.obj)
