"""wromik preflight: passes a good print file and rejects each broken one with rule, page and object."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zlib

import pikepdf
import pytest

from conftest import ROOT, TINY, run_wromik

MM = 72 / 25.4


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    """The tiny guide's print edition: a valid PDF/X-4 booklet to break in one way at a time."""
    out = tmp_path_factory.mktemp("preflight") / "output"
    run_wromik("build", TINY, "--out", out, "--edition", "print", env=dict(os.environ, SOURCE_DATE_EPOCH="1767225600"),
               check_exit=0)
    return out / "pl" / "wromik-druk-polski.pdf"


def _draw(pdf, page, content: bytes, **resources) -> None:
    """Append content to a page, with extra resources (e.g. XObject={...}) merged into its own."""
    for kind, entries in resources.items():
        target = page.obj.Resources.get(f"/{kind}")
        if target is None:
            page.obj.Resources[f"/{kind}"] = target = pikepdf.Dictionary()
        for name, value in entries.items():
            target[name] = value
    page.contents_add(pdf.make_stream(content))


def _image(pdf, width: int, height: int, space: str, channels: int):
    return pdf.make_stream(zlib.compress(bytes(width * height * channels)), Type=pikepdf.Name.XObject,
                           Subtype=pikepdf.Name.Image, Width=width, Height=height, BitsPerComponent=8,
                           ColorSpace=pikepdf.Name(space), Filter=pikepdf.Name.FlateDecode)


def rgb_image(pdf):
    _draw(pdf, pdf.pages[1], b"q 60 0 0 60 150 300 cm /Photo Do Q", XObject={"/Photo": _image(pdf, 400, 400, "/DeviceRGB", 3)})


def low_resolution_image(pdf):
    _draw(pdf, pdf.pages[1], b"q 200 0 0 200 120 300 cm /Scan Do Q",
          XObject={"/Scan": _image(pdf, 100, 100, "/DeviceCMYK", 4)})


def rg_operator(pdf):
    _draw(pdf, pdf.pages[2], b"q 1 0 0 rg 100 100 50 50 re f Q")


def rgb_colour_space(pdf):
    _draw(pdf, pdf.pages[1], b"q /DeviceRGB cs 0 1 0 sc 100 100 50 50 re f 0 1 0 sc 10 10 5 5 re f Q")


def no_bleed(pdf):
    for page in pdf.pages:
        page.obj.BleedBox = page.obj.TrimBox


def no_output_intent(pdf):
    del pdf.Root.OutputIntents


def unembedded_font(pdf):
    helvetica = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                     BaseFont=pikepdf.Name.Helvetica))
    _draw(pdf, pdf.pages[1], b"BT /Helv 12 Tf 150 300 Td (Hallo) Tj ET", Font={"/Helv": helvetica})


def page_count_not_a_multiple_of_4(pdf):
    del pdf.pages[-1]


def link_annotation(pdf):
    pdf.pages[1].obj.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[100, 100, 200, 120],
        A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("https://example.org"))))]))


def text_at_the_trim(pdf):
    page = pdf.pages[1]
    font = next(iter(page.obj.Resources.Font.keys()))
    x = float(page.obj.TrimBox[0]) + 2 * MM
    _draw(pdf, page, f"BT {font} 11 Tf 0 0 0 1 k {x:.2f} 300 Td (Trim) Tj ET".encode())


def rich_black_text(pdf):
    page = pdf.pages[1]
    font = next(iter(page.obj.Resources.Font.keys()))
    _draw(pdf, page, f"BT {font} 11 Tf 0.6 0.5 0.5 1 k 150 300 Td (Black) Tj ET".encode())


def no_pdfx_metadata(pdf):
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        del meta["pdfxid:GTS_PDFXVersion"]
    del pdf.trailer.Info.Trapped


def a_hundred_pages_saddle_stitched(pdf):
    first = pdf.pages[0].obj
    while len(pdf.pages) < 100:
        page = pdf.add_blank_page(page_size=(float(first.MediaBox[2]), float(first.MediaBox[3])))
        page.obj.TrimBox, page.obj.BleedBox = first.TrimBox, first.BleedBox


def xmp_trapped_disagrees(pdf):
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["pdf:Trapped"] = "True"


def trapped_is_not_a_pdf_name(pdf):
    pdf.trailer.Info.Trapped = pikepdf.Name("/False_")  # what pikepdf.Name.False_ writes


BROKEN = {
    rgb_image: ["PX-03 page 2, image /Photo: An RGB image (400 × 400 px)."],
    low_resolution_image: ["PX-04 page 2, image /Scan: Expected at least 300 ppi but received 36 ppi."],
    rg_operator: ["PX-03 page 3, page content, operator rg: RGB colours, for example 1 0 0 rg."],
    rgb_colour_space: ["PX-03 page 2, page content, operator sc: RGB colours, for example 0 1 0 sc."],
    no_bleed: ["PX-02 pages 1–", "/BleedBox: Expected 3 mm bleed on every side but received 0.0, 0.0, 0.0, 0.0 mm"],
    no_output_intent: ["PX-01 Catalog /OutputIntents: Expected one GTS_PDFX output intent but received 0."],
    unembedded_font: ["PX-04 page 2, font /Helv (/Helvetica): The font is not embedded."],
    page_count_not_a_multiple_of_4: ["PX-05 page count: Expected a multiple of 4 pages", "Add 1 blank page(s)"],
    link_annotation: ["PX-04 page 2, annotation /Link: Print files must not have annotations or links."],
    text_at_the_trim: ["PX-02 page 2, text in font", "2 character(s) lie closer than 5 mm to the trim edge",
                       "„Tr”"],  # "im" lies beyond 5 mm
    rich_black_text: ["PX-03 page 2, text in font", "Black text in several inks (C60% M50% Y50% K100%)",
                      "Fix: Set black text in 100 % K only."],
    no_pdfx_metadata: ["PX-01 XMP pdfxid:GTS_PDFXVersion: Expected PDF/X-4 but received nothing.",
                       "PX-01 Info /Trapped: Expected /True or /False but received nothing."],
    trapped_is_not_a_pdf_name: ["PX-01 Info /Trapped: Expected /True or /False but received /False_."],
    a_hundred_pages_saddle_stitched: ["a saddle-stitched booklet of 100 pages: 1 finding(s).",
                                      "PX-05 page count: Expected at most 64 pages for a saddle-stitched booklet but "
                                      "received 100", "Bind it as a perfect-bound guide with a separate cover"],
    xmp_trapped_disagrees: ["PX-01 XMP pdf:Trapped: Expected False, as the Info dictionary says, but received True."],
}


def test_the_good_print_file_passes(good):
    result = run_wromik("preflight", good, check_exit=0)
    assert "a saddle-stitched booklet of 20 pages: passes PX-01 … PX-05" in result.stdout


@pytest.mark.parametrize("breakage", BROKEN, ids=lambda f: f.__name__)
def test_each_broken_file_is_rejected_with_rule_page_and_object(good, tmp_path, breakage):
    broken = tmp_path / f"{breakage.__name__}.pdf"
    with pikepdf.open(good) as pdf:
        breakage(pdf)
        pdf.save(broken)
    result = run_wromik("preflight", broken, check_exit=1)
    for expected in BROKEN[breakage]:
        assert expected in result.stdout, result.stdout
    assert "Traceback" not in result.stderr


def _cover_for_another_block(pdf):
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["{https://ns.wromik.invalid/print/1.0/}blockPages"] = str(120)


def _cover_two_mm_narrower(pdf):
    page = pdf.pages[0].obj
    for name in ("/MediaBox", "/BleedBox", "/TrimBox"):
        box = [float(v) for v in page[name]]
        page[name] = pikepdf.Array([box[0], box[1], box[2] - 2 * MM, box[3]])


@pytest.mark.parametrize("breakage", [_cover_for_another_block, _cover_two_mm_narrower], ids=lambda f: f.__name__)
def test_a_cover_whose_spine_does_not_fit_its_block_is_rejected(printed, tmp_path, breakage):
    """The Wrocław guide's cover: its spine is right for its 0.1 mm paper and 0.3 mm board until it is changed."""
    cover = printed.with_name("wromik-druk-okladka-polski.pdf")
    result = run_wromik("preflight", cover, check_exit=0)
    spine = float(re.search(r"spine ([\d.]+) mm for (\d+) pages", result.stdout).group(1))
    broken = tmp_path / "cover.pdf"
    with pikepdf.open(cover) as pdf:
        breakage(pdf)
        pdf.save(broken)
    result = run_wromik("preflight", broken, check_exit=1)
    found = re.search(r"PX-05 page 1, cover spine: Expected a spine of ([\d.]+) mm \((\d+) pages on 0.1 mm paper, "
                      r"a 0.3 mm cover\) but the cover's spine is ([\d.]+) mm", result.stdout)
    assert found, result.stdout
    expected, pages, measured = float(found.group(1)), int(found.group(2)), float(found.group(3))
    if breakage is _cover_for_another_block:
        assert (pages, expected, measured) == (120, pytest.approx(6.6), pytest.approx(spine))
    else:
        assert (expected, measured) == (pytest.approx(spine), pytest.approx(spine - 2, abs=0.01))


def test_total_ink_over_300_percent_is_rejected(good, tmp_path):
    broken = tmp_path / "ink.pdf"
    with pikepdf.open(good) as pdf:
        _draw(pdf, pdf.pages[1], b"q 1 1 1 0.5 k 100 100 50 50 re f Q")
        pdf.save(broken)
    result = run_wromik("preflight", broken, check_exit=1)
    assert "PX-03 page 2, page content, operator k: Total ink 350% is above 300 %." in result.stdout


def test_every_problem_is_reported_in_one_run(good, tmp_path):
    broken = tmp_path / "many.pdf"
    with pikepdf.open(good) as pdf:
        for breakage in (rgb_image, rg_operator, no_output_intent, unembedded_font, page_count_not_a_multiple_of_4):
            breakage(pdf)
        pdf.save(broken)
    result = run_wromik("preflight", broken, check_exit=1)
    assert {"PX-01", "PX-03", "PX-04", "PX-05"} <= set(result.stdout.split())


def _preflight(*files, hang_guard: int = 120) -> subprocess.CompletedProcess:
    """wromik preflight through the real CLI, killed after hang_guard seconds (a guard against hangs, not a timing)."""
    return subprocess.run([sys.executable, "-m", "guide", "preflight", *map(str, files)], cwd=ROOT,
                          capture_output=True, text=True, timeout=hang_guard)


def test_files_that_cannot_be_read_are_named_and_the_others_still_checked(good, tmp_path):
    text = tmp_path / "notes.pdf"
    text.write_text("not a PDF", encoding="utf-8")
    result = _preflight(text, tmp_path / "missing.pdf", good)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{text}: not a PDF" in result.stdout and "Fix:" in result.stdout
    assert f"{tmp_path / 'missing.pdf'}: no such file." in result.stdout
    assert f"{good}: a saddle-stitched booklet of 20 pages: passes PX-01 … PX-05" in result.stdout
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_an_encrypted_file_fails_px01(good, tmp_path):
    locked = tmp_path / "no-printing.pdf"
    with pikepdf.open(good) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(owner="x", user="", allow=pikepdf.Permissions(
            print_lowres=False, print_highres=False)))
    result = run_wromik("preflight", locked, check_exit=1)
    assert "PX-01 Encrypt dictionary: The file is encrypted" in result.stdout, result.stdout
    assert "printing is forbidden" in result.stdout
    assert "Fix: Save the PDF without a password or security settings (PDF/X forbids encryption)." in result.stdout


def test_a_password_protected_file_is_named_and_the_next_file_still_checked(good, tmp_path):
    secret = tmp_path / "secret.pdf"
    with pikepdf.open(good) as pdf:
        pdf.save(secret, encryption=pikepdf.Encryption(owner="x", user="open sesame"))
    result = _preflight(secret, good)
    assert result.returncode == 1, result.stdout + result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith(f"{secret}:"))
    assert "needs a password to open" in line and "Fix: Save the PDF without a password" in line, line
    assert f"{good}: a saddle-stitched booklet of 20 pages: passes PX-01 … PX-05" in result.stdout
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def _flate_bomb(pdf) -> None:
    """Append a page content stream of 1 GiB of `q Q` operators, about 1 MB after zlib level 9 (1000 : 1)."""
    packer, operators = zlib.compressobj(9), b"q Q " * (16 << 20)
    packed = b"".join(packer.compress(operators) for _ in range(16)) + packer.flush()
    pdf.pages[1].contents_add(pdf.make_stream(packed, Filter=pikepdf.Name.FlateDecode))


def test_a_flate_bomb_is_stopped_with_a_clear_message_and_the_next_file_checked(good, tmp_path):
    bomb = tmp_path / "bomb.pdf"
    with pikepdf.open(good) as pdf:
        _flate_bomb(pdf)
        pdf.save(bomb)
    assert bomb.stat().st_size < 2_000_000
    result = _preflight(bomb, good)  # before the limits this ran for more than 10 minutes
    assert result.returncode == 1, result.stdout + result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith(f"{bomb}:"))
    assert "decodes to more than 256 MB; the file was not checked further." in line, line
    assert "Fix: Re-export the PDF" in line
    assert f"{good}: a saddle-stitched booklet of 20 pages: passes PX-01 … PX-05" in result.stdout
    assert "Traceback" not in result.stderr


def test_a_named_pipe_is_refused_without_hanging(good, tmp_path):
    fifo = tmp_path / "fifo.pdf"
    os.mkfifo(fifo)
    result = _preflight(fifo, good, hang_guard=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{fifo}: is not a regular file (a pipe or a device), so it was not read." in result.stdout
    assert f"{good}: a saddle-stitched booklet of 20 pages: passes" in result.stdout


def test_a_form_that_draws_itself_is_checked_once(good, tmp_path):
    pdf = pikepdf.open(good)
    form = pdf.make_stream(b"/Me Do", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 10, 10])
    form.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Me=form))
    _draw(pdf, pdf.pages[1], b"q /Me Do Q", XObject={"/Me": form})
    looped = tmp_path / "looped.pdf"
    pdf.save(looped)
    result = _preflight(looped)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "internal error" not in result.stdout + result.stderr and f"{looped}: a saddle-stitched booklet of 20 pages: passes" in result.stdout


def test_files_checked_side_by_side_give_each_files_findings_in_order_and_a_damaged_one_is_named(good, tmp_path):
    """preflight_each (the build's own check of its print files) in worker processes finds per file what preflight
    finds alone, in the files' order; a file that cannot be checked stops it with its own error."""
    from guide.pdf.preflight import PreflightError, preflight, preflight_each
    broken = tmp_path / "broken.pdf"
    with pikepdf.open(good) as pdf:
        rg_operator(pdf)
        unembedded_font(pdf)
        pdf.save(broken)
    files = [broken, good, broken]
    checked = preflight_each(files)
    assert checked == [preflight(path) for path in files]
    assert checked[1] == [] and {f.rule for f in checked[0]} == {"PX-03", "PX-04"}
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(good.read_bytes()[:5000])
    with pytest.raises(PreflightError) as error:
        preflight_each([good, damaged])
    assert error.value.path == damaged and "not a PDF that can be read" in error.value.message
