"""The wromik command line: every subcommand, exit codes, and python -m guide."""

from __future__ import annotations

import csv
import shutil

import pytest

from conftest import SHARED_STOPS, TINY, WROCLAW, run_wromik


def test_check_valid_data_exits_0():
    result = run_wromik("check", WROCLAW, check_exit=0)
    assert "valid (13 places" in result.stdout


def test_usage_error_exits_2():
    result = run_wromik("build", "--no-such-option", check_exit=2)
    assert "usage: wromik" in result.stderr


def test_unknown_profile_lists_the_known_ones():
    result = run_wromik("route", "strzegomska-6", "--profile", "jetpack", check_exit=2)
    assert "Unknown profile 'jetpack'. Known profiles: pedestrian, manual_wheelchair" in result.stderr


def test_unknown_place_lists_the_known_ones():
    result = run_wromik("route", "nowhere-1", "--profile", "blind", check_exit=2)
    assert "Unknown place 'nowhere-1'. Known places: strzegomska-6" in result.stderr


def test_profiles_lists_every_profile_with_limits():
    out = run_wromik("profiles", check_exit=0).stdout
    assert "manual_wheelchair" in out and "uphill 6, downhill 10, kerb 2, width 0.9, steps forbid" in out
    assert len(out.strip().splitlines()) == 5


def test_route_strzegomska_wheelchair_leads_to_entrance_b():
    out = run_wromik("route", "strzegomska-6", "--profile", "manual_wheelchair", check_exit=0).stdout
    assert "entrance b" in out and "entrance a" not in out
    assert "Jesteś przy wejściu: Wejście B (z pochylnią, przy windzie). Pochylnia" in out
    assert "szerokość drzwi wewnętrznych 80 cm, a potrzeba co najmniej 90 cm" in out
    assert "call before the visit: 71 78 22 300" in out


def test_route_for_walking_may_use_entrance_a_and_from_selects_one_stop():
    out = run_wromik("route", "strzegomska-6", "--profile", "walking_aid", "--from",
                     "pl. Strzegomski (Muzeum Współczesne)", check_exit=0).stdout
    assert out.count("From ") == 1 and "entrance a" in out
    assert "8 stopni z poręczą" in out


def test_route_explains_a_missing_route():
    out = run_wromik("route", "nowowiejska-102", "--profile", "manual_wheelchair", check_exit=0).stdout
    assert "brak dostępnej trasy" in out
    assert "drzwi zamknięte, bez dzwonka i domofonu (Wejście tylne)" in out


def test_python_dash_m_guide_works_like_wromik():
    assert run_wromik("--help", check_exit=0).stdout.startswith("usage: wromik")


@pytest.mark.skipif(not SHARED_STOPS.is_file(), reason="../shared/ (real Wrocław GTFS) is not beside this checkout")
def test_import_stops_reads_real_gtfs(tmp_path):
    data = tmp_path / "guide"
    shutil.copytree(TINY, data)
    shutil.copy(WROCLAW / "guide.yaml", data / "guide.yaml")  # Wrocław's bbox
    result = run_wromik("import-stops", SHARED_STOPS, data, check_exit=0)
    with (data / "stops.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert f"Imported {len(rows)} stops" in result.stdout
    assert 2000 < len(rows) < 2426  # the feed's suburban stops outside the city bbox are left out
    by_id = {r["stop_id"]: r for r in rows}
    assert by_id["2727"]["stop_name"] == "pl. Strzegomski (Muzeum Współczesne)"
    assert abs(float(by_id["2727"]["stop_lat"]) - 51.11292789) < 1e-7


def test_import_stops_rejects_a_broken_file(tmp_path):
    bad = tmp_path / "stops.txt"
    bad.write_text("stop_id,stop_name,stop_lat,stop_lon\n1,A,fifty,17\n", encoding="utf-8")
    result = run_wromik("import-stops", bad, TINY, check_exit=1)
    assert "stops.txt:2: stop '1': Expected decimal coordinates but received 'fifty', '17'" in result.stderr
    assert "Traceback" not in result.stderr


def test_import_stops_names_a_missing_file(tmp_path):
    result = run_wromik("import-stops", tmp_path / "nope.txt", TINY, check_exit=1)
    assert "nope.txt: file: Expected the transit stops file but found none" in result.stderr
    assert "Give the path of the GTFS feed: its folder, its .zip file or its stops.txt." in result.stderr


def test_route_takes_the_data_folder_like_every_other_command(tiny):
    """The same positional DATA_DIR as build, check and import-stops; without it, the default guide."""
    out = run_wromik("route", tiny, "test-place", "--profile", "manual_wheelchair", check_exit=0).stdout
    assert "Testowa" in out and "Strzegomska" not in out
    result = run_wromik("route", tiny, "strzegomska-6", "--profile", "blind", check_exit=2)
    assert "strzegomska-6" in result.stderr and "test-place" in result.stderr  # names the places it does have
