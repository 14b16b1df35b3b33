"""wromik new: the README's "Start a guide for your city", followed as written, gives a guide that passes check and
builds every edition, names the new city and nothing of Wrocław."""

from __future__ import annotations

import re
import shlex
import subprocess

import yaml

from conftest import ROOT, run_wromik


def _readme_commands() -> list:
    """The wromik commands of the README's section, in order."""
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("### Start a guide for your city", 1)[1]
    block = section.split("```sh", 1)[1].split("```", 1)[0]
    return [shlex.split(line)[1:] for line in block.splitlines() if line.startswith(".venv/bin/wromik ")]


def test_the_readme_section_followed_as_written_builds_a_guide_for_another_city(tmp_path):
    commands = _readme_commands()
    assert [c[0] for c in commands] == ["new", "check", "build"]
    for command in commands:
        run_wromik(*command, cwd=tmp_path, check_exit=0)
    output = tmp_path / "output-gdynia" / "pl"
    names = {p.name for p in output.rglob("*") if p.is_file()}
    assert {"wromik-standard-polski.pdf", "wromik-latwy-tekst-polski.pdf", "wromik-druk-polski.pdf", "transkrypcja-polski.txt"} <= names
    text = subprocess.run(["pdftotext", str(output / "wromik-standard-polski.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout + (output / "audio" / "transkrypcja-polski.txt").read_text(encoding="utf-8")
    assert "Gdynia" in text and "Przystanek przykładowy" in text
    assert not re.search("Wrocław|MOPS|Mops", text)
    assert run_wromik("check", "--easy-read", tmp_path / "guides" / "gdynia", check_exit=0).returncode == 0


def test_new_never_writes_into_a_folder_that_holds_files_and_names_a_bad_bbox(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", encoding="utf-8")
    result = run_wromik("new", tmp_path / "mine", "--city", "Gdynia", "--bbox", "18.45,54.45,18.60,54.57",
                        check_exit=2)
    assert "not an empty folder" in result.stderr and "Traceback" not in result.stderr
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["notes.txt"]
    result = run_wromik("new", tmp_path / "new", "--city", "Gdynia", "--bbox", "18.60,54.45,18.45,54.57", check_exit=2)
    assert "west < east" in result.stderr and not (tmp_path / "new").exists()
    result = run_wromik("new", tmp_path / "new", "--city", "Gdynia", "--bbox", "54.45,18.45,54.57,18.60", check_exit=2)
    assert "latitude first" in result.stderr and "--bbox 18.45,54.45,18.6,54.57" in result.stderr
    assert not (tmp_path / "new").exists()


def test_a_city_name_with_a_colon_and_quotes_stays_valid_yaml(tmp_path):
    run_wromik("new", tmp_path / "g", "--city", "Nowe Miasto: „Stare”", "--bbox", "18.45,54.45,18.60,54.57",
               check_exit=0)
    run_wromik("check", tmp_path / "g", check_exit=0)
    guide = yaml.safe_load((tmp_path / "g" / "guide.yaml").read_text(encoding="utf-8"))
    assert guide["city"]["name"] == "Nowe Miasto: „Stare”" and guide["title"].endswith("Nowe Miasto: „Stare”")


def test_check_and_build_warn_of_every_placeholder_left_and_stop_when_all_are_filled_in(tmp_path):
    run_wromik("new", tmp_path / "g", "--city", "Gdynia", "--bbox", "18.45,54.45,18.60,54.57", check_exit=0)
    warnings = [line for line in run_wromik("check", tmp_path / "g", check_exit=0).stderr.splitlines()
                if line.startswith("Warning: ")]
    files = {line.split(":")[1].strip() for line in warnings}
    assert files == {"guide.yaml", "places/pierwsze-miejsce.yaml"}, warnings
    assert len(warnings) >= 5 and all("do uzupełnienia" in line and "fill it in" in line for line in warnings)
    for path in (tmp_path / "g").rglob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("do uzupełnienia", "sprawdzone"), encoding="utf-8")
    assert "Warning" not in run_wromik("check", tmp_path / "g", check_exit=0).stderr
