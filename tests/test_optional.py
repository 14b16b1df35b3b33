"""Everything the data may leave out is left out well: a guide without a phone, an e-mail, a website, a download
page, a postcode, opening hours or services builds in every edition, says nothing empty, and its print files pass
preflight."""

from __future__ import annotations

import re
import subprocess

import pytest
import yaml

from conftest import run_wromik

PLACE = "places/test-place.yaml"
EMPTY = re.compile(r"\bNone\b|\bnull\b|: ?[,.;]|\(\s*\)|,\s*,")  # what a missing value leaves behind


def _drop(path, *keys) -> None:
    """Remove a key (a dotted path, e.g. contacts.phones) from a YAML file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in keys:
        *parents, last = key.split(".")
        block = data
        for parent in parents:
            block = block[parent]
        assert last in block, key  # the fixture has the field: removing it is a real change
        del block[last]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _texts(out) -> dict:
    """Every PDF's text and the transcript, by file name."""
    texts = {pdf.name: subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                      check=True).stdout for pdf in sorted(out.rglob("*.pdf"))}
    texts.update({path.name: path.read_text(encoding="utf-8") for path in out.rglob("transkrypcja-polski.txt")})
    return texts


def _empty_values(texts: dict) -> list:
    return [f"{name}: …{text[max(0, m.start() - 50):m.end() + 20]}…" for name, text in texts.items()
            for m in EMPTY.finditer(text)]


GUIDE_FIELDS = ["contacts.phones", "contacts.email", "download_page", "glossary"]
PLACE_FIELDS = ["address.postcode", "contacts.phones", "contacts.email", "hours", "services", "pjm_video"]


@pytest.mark.parametrize("file, key", [("guide.yaml", k) for k in GUIDE_FIELDS] + [(PLACE, k) for k in PLACE_FIELDS],
                         ids=lambda value: str(value))
def test_each_optional_field_left_out_builds_without_an_empty_value(tiny, tmp_path, file, key):
    _drop(tiny / file, key)
    out = tmp_path / "out"
    run_wromik("build", tiny, "--out", out, "--edition", "standard", "--edition", "easy-read", "--edition", "print",
               check_exit=0)
    texts = _texts(out)
    assert len(texts) == 4, sorted(texts)
    assert not _empty_values(texts)
    if key == "glossary":  # no word list: no empty chapter, no promise of one, no contents line
        assert not any(re.search(r"Słowniczek|słowniczek|słowniczku", text) for text in texts.values()), texts.keys()


def test_a_guide_with_every_optional_field_left_out_builds_every_edition(tiny, tmp_path):
    _drop(tiny / "guide.yaml", *GUIDE_FIELDS)
    _drop(tiny / PLACE, *PLACE_FIELDS)
    out = tmp_path / "out"
    run_wromik("build", tiny, "--out", out, check_exit=0)
    texts = _texts(out)
    assert {"wromik-standard-polski.pdf", "wromik-latwy-tekst-polski.pdf", "wromik-druk-polski.pdf", "transkrypcja-polski.txt"} <= set(texts)
    assert not _empty_values(texts)
    standard = " ".join(texts["wromik-standard-polski.pdf"].split())
    assert "Brak danych o godzinach otwarcia." in standard  # said, not left blank
    assert "Adres: ul. Testowa 1, Testowo." in standard  # no postcode, no gap where it was
    back_cover = " ".join(texts["wromik-druk-polski.pdf"].split("\f")[-2].split())
    assert "można dostać u wydawcy" in " ".join(texts["wromik-druk-polski.pdf"].split())  # where the other editions are
    assert "Kontakt" not in back_cover and "Telefon" not in back_cover  # no contacts: no empty list
    result = run_wromik("preflight", *sorted(out.rglob("wromik-druk*.pdf")), check_exit=0)
    assert result.stdout.count("passes PX-01") == 2
