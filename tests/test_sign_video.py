"""Polish Sign Language (PJM) videos: a place's pjm_video is a QR code with the short address beside the sign-language
pictogram in the PDFs, and the recording says that it exists and where (the tiny guide's place has one)."""

from __future__ import annotations

import re
import subprocess

import pikepdf
import pytest
import yaml
import zxingcpp
from PIL import Image

from conftest import TINY, run_wromik

URL = "https://example.org/pjm/biuro-testowe"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("pjm")
    run_wromik("build", TINY, "--out", out, "--edition", "standard", "--edition", "print", "--edition", "easy-read",
               "--edition", "audio", check_exit=0)
    return out / "pl"


def _pages_with_codes(pdf, tmp_path) -> dict:
    """Page number -> texts of the QR codes zxing-cpp reads on it, from pages rendered at 150 dpi."""
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "page")], check=True)
    found: dict = {}
    for png in sorted(tmp_path.glob("page-*.png")):
        codes = [code.text for code in zxingcpp.read_barcodes(Image.open(png))]
        if codes:
            found[int(png.stem.rsplit("-", 1)[1])] = codes
    return found


def _page_text(pdf, page: int) -> str:
    result = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True,
                            text=True, check=True)
    return " ".join(result.stdout.split())


def test_the_fixture_has_the_video_the_tests_look_for():
    place = yaml.safe_load((TINY / "places" / "test-place.yaml").read_text(encoding="utf-8"))
    assert place["pjm_video"]["url"] == URL and place["pjm_video"]["language"] == "pjm"


@pytest.mark.parametrize("name", ["wromik-standard-polski.pdf", "wromik-druk-polski.pdf", "wromik-latwy-tekst-polski.pdf"])
def test_the_pdfs_show_the_video_as_a_qr_code_beside_its_address(built, tmp_path, name):
    pdf = built / name
    pages = [page for page, codes in _pages_with_codes(pdf, tmp_path).items() if URL in codes]
    assert len(pages) == 1, pages  # once: in the place's chapter
    text = _page_text(pdf, pages[0])
    assert "example.org/pjm/biuro-testowe" in text and "języku migowym" in text
    assert "Testowa 1" in text  # the chapter of the place the video is about
    if name != "wromik-latwy-tekst-polski.pdf":
        assert "Tłumaczenie miga Anna Przykładowa, data nagrania: 12 stycznia 2026." in text


def test_a_screen_reader_hears_the_sentences_and_the_link_and_on_paper_the_qr_codes_alt_text(built):
    structure = subprocess.run(["pdfinfo", "-struct-text", str(built / "wromik-standard-polski.pdf")], capture_output=True,
                               text=True, check=True).stdout
    assert "Informacje o tym miejscu w polskim języku migowym (PJM): nagranie" in structure
    links = re.findall(r'Link \(inline\)\n\s+"([^"]+)"', structure)  # the contents' entries, and the video
    assert [link for link in links if "nagranie" in link] == ["Otwórz nagranie: example.org/pjm/biuro-testowe"]
    with pikepdf.open(built / "wromik-druk-polski.pdf") as pdf:
        figures = [str(obj.Alt) for obj in pdf.objects if isinstance(obj, pikepdf.Dictionary)
                   and obj.get("/S") == pikepdf.Name.Figure and "/Alt" in obj]
    assert f"Kod QR z adresem {URL}" in figures


@pytest.mark.parametrize("name", ["wromik-standard-polski.pdf", "wromik-latwy-tekst-polski.pdf"])
def test_on_screen_the_video_is_a_tagged_link_and_the_file_stays_pdf_ua1(built, verapdf, name):
    with pikepdf.open(built / name) as pdf:
        links = [(annot.A.URI, str(annot.Contents)) for page in pdf.pages for annot in page.obj.get("/Annots", [])
                 if "/A" in annot and annot.A.get("/S") == pikepdf.Name.URI]
    assert links == [(URL, "Otwórz nagranie: example.org/pjm/biuro-testowe")]
    code, report = verapdf(built / name)
    assert code == 0 and "compliant\t0" in report, report


def test_the_transcript_says_that_the_video_exists_and_on_which_site(built):
    transcript = (built / "audio" / "transkrypcja-polski.txt").read_text(encoding="utf-8")
    chapter = transcript.split("## Testowa jeden: Biuro testowe", 1)[1].split("\n# ", 1)[0]
    assert chapter.count("w polskim języku migowym, PJM") == 2  # at its start, and again with the contacts at its end
    assert "Informacje o tym miejscu w polskim języku migowym, PJM: nagranie wideo na stronie " \
           "example.org/pjm/biuro-testowe." in chapter  # the transcript writes the address as a reader reads it
    assert "Tłumaczenie miga Anna Przykładowa, data nagrania: dwunastego stycznia dwa tysiące dwudziestego szóstego " \
           "roku." in chapter


def test_a_guide_without_videos_shows_no_sign_language_block(tiny, tmp_path):
    place = tiny / "places" / "test-place.yaml"
    place.write_text(place.read_text(encoding="utf-8").split("# This place explained")[0], encoding="utf-8")
    run_wromik("build", tiny, "--out", tmp_path / "out", "--edition", "standard", check_exit=0)
    pdf = tmp_path / "out" / "pl" / "wromik-standard-polski.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "migowym (PJM)" not in text and "example.org/pjm" not in text
