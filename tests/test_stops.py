"""Transit stops: importing a GTFS feed's stops with their vehicle types and lines, and reading stops.csv.

The real feed is tests/fixtures/gtfs/vbb-havelbus (see its README.md). The expected lines were checked by
reading the feed by hand: a stop's trips in stop_times.txt, their routes in trips.txt, the routes' short names
and types in routes.txt.
"""

from __future__ import annotations

import csv
import shutil
import zipfile

import pytest

from guide import DataError, load_guide
from guide.data.dataset import read_stops_csv
from guide.data.stops import import_stops, natural_order, vehicle_of_route_type
from conftest import ROOT, run_measured, run_wromik

VBB = ROOT / "tests" / "fixtures" / "gtfs" / "vbb-havelbus"


@pytest.fixture
def guide_dir(tmp_path):
    """A guide data folder with no stops.csv yet, whose city bbox holds the VBB sample (Havelland, west of Berlin);
    the import reads only the bbox from guide.yaml."""
    target = tmp_path / "guide"
    target.mkdir()
    (target / "guide.yaml").write_text("city:\n  name: Havelland\n  bbox: [12.8, 52.3, 13.3, 52.7]\n", encoding="utf-8")
    return target


@pytest.fixture
def feed(tmp_path):
    """An editable copy of the real VBB sample feed."""
    return shutil.copytree(VBB, tmp_path / "feed")


def written_rows(guide) -> dict:
    with (guide / "stops.csv").open(encoding="utf-8", newline="") as handle:
        return {row["stop_id"]: row for row in csv.DictReader(handle)}


def test_the_real_feed_gives_each_stop_its_vehicle_and_lines(guide_dir):
    imported = import_stops(VBB, guide_dir)
    rows = written_rows(guide_dir)
    assert (imported.stops, imported.served, imported.timetable) == (211, 211, True)
    ruppiner = rows["100000711101"]
    assert ruppiner["stop_name"] == "Falkensee, Ruppiner Str."
    assert (ruppiner["vehicle"], ruppiner["lines"]) == ("bus", "651 652 653")  # routes 1921_3, 1922_700, 1923_700…
    assert (rows["100000711102"]["vehicle"], rows["100000711102"]["lines"]) == ("bus", "652")
    assert (rows["100000437501"]["vehicle"], rows["100000437501"]["lines"]) == ("bus", "650")  # route_type 700
    assert {row["vehicle"] for row in rows.values()} == {"bus"}  # the sample's routes are all of type 3 or 700
    stops = read_stops_csv(guide_dir / "stops.csv", [], shown_as="stops.csv", root=guide_dir)  # it reads back
    assert (stops["100000711101"].vehicles, stops["100000711101"].lines) == (("bus",), ("651", "652", "653"))


def test_a_zipped_feed_imports_like_its_folder(guide_dir, tmp_path):
    import_stops(VBB, guide_dir)
    from_folder = (guide_dir / "stops.csv").read_text(encoding="utf-8")
    archive = tmp_path / "vbb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for member in VBB.glob("*.txt"):
            zipped.write(member, member.name)
    (guide_dir / "stops.csv").unlink()
    result = run_wromik("import-stops", archive, guide_dir, check_exit=0)
    assert "Imported 211 stops" in result.stdout and "211 of them with vehicle types and lines" in result.stdout
    assert (guide_dir / "stops.csv").read_text(encoding="utf-8") == from_folder


def test_a_lone_stops_txt_still_imports_its_stops(guide_dir):
    result = run_wromik("import-stops", VBB / "stops.txt", guide_dir, check_exit=0)
    assert "Imported 211 stops" in result.stdout and "give its folder or .zip file" in result.stdout
    rows = written_rows(guide_dir)
    assert rows["100000711101"]["stop_name"] == "Falkensee, Ruppiner Str."
    assert {(row["vehicle"], row["lines"]) for row in rows.values()} == {("", "")}


def test_reimporting_stops_without_a_timetable_keeps_the_vehicles_and_lines_written(guide_dir):
    import_stops(VBB, guide_dir)
    imported = import_stops(VBB / "stops.txt", guide_dir)
    assert (imported.served, imported.timetable) == (0, False)
    assert written_rows(guide_dir)["100000711101"]["lines"] == "651 652 653"


def test_a_parent_station_gets_the_lines_of_its_platforms(guide_dir, feed):
    """The sample's platforms name their parent stations, but the sample lacks the station rows: add one."""
    with (feed / "stops.txt").open("a", encoding="utf-8") as stops:
        stops.write('900000210115,,"Falkensee, Am Gutspark",,52.563013,13.095885,1,,,"",""\n')
    import_stops(feed, guide_dir)
    rows = written_rows(guide_dir)
    assert rows["100000711201"]["lines"] == "651 653" and rows["100000711203"]["lines"] == "652"  # two platforms
    assert (rows["900000210115"]["vehicle"], rows["900000210115"]["lines"]) == ("bus", "651 652 653")


FEED_PROBLEMS = [
    ("trip-of-unknown-route", "trips.txt", "no-such-route,1,999,\"Falkensee\",,0,,19,,\n", 29, "trip '999'",
     "Expected route_id to name a route in routes.txt but received 'no-such-route'"),
    ("unknown-route-type", "routes.txt", "1924_8,92,654,\"\",8,\"\",\"\",\"\"\n", 8, "route '1924_8'",
     "Expected a GTFS route_type (0–7, 11, 12, or 100–1799) but received '8'"),
    ("call-at-unknown-stop", "stop_times.txt", "146389748,06:50:00,06:50:00,no-such-stop,30,0,0,\"\"\n", 715,
     "stop 'no-such-stop'", "Expected stop_id to name a stop in stops.txt but received 'no-such-stop'"),
]


@pytest.mark.parametrize("case", FEED_PROBLEMS, ids=[case[0] for case in FEED_PROBLEMS])
def test_a_broken_feed_row_is_one_clear_problem_and_nothing_is_written(guide_dir, feed, case):
    _, file_name, row, line, where, message = case
    with (feed / file_name).open("a", encoding="utf-8") as table:
        table.write(row)
    with pytest.raises(DataError) as caught:
        import_stops(feed, guide_dir)
    [problem] = caught.value.problems
    assert (problem.file.endswith(f"feed/{file_name}"), problem.line, problem.where) == (True, line, where)
    assert problem.message == message and "Use the GTFS feed as published" in problem.fix
    assert [path.name for path in guide_dir.iterdir()] == ["guide.yaml"]


def test_a_trip_of_an_unknown_route_is_named_once_not_at_each_of_its_stops(guide_dir, feed):
    trips = (feed / "trips.txt").read_text(encoding="utf-8")
    (feed / "trips.txt").write_text(trips.replace("1923_700,3,146389748,", "1924_700,3,146389748,"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        import_stops(feed, guide_dir)
    assert [(p.line, p.where, p.message) for p in caught.value.problems] == [
        (2, "trip '146389748'", "Expected route_id to name a route in routes.txt but received '1924_700'")]


def test_a_feed_with_stop_times_but_no_trips_is_one_clear_problem(guide_dir, feed):
    (feed / "trips.txt").unlink()
    result = run_wromik("import-stops", feed, guide_dir, check_exit=1)
    assert "feed/trips.txt: file: Expected routes.txt, trips.txt, stop_times.txt together but the feed lacks " \
           "trips.txt" in result.stderr
    assert "The guide data has 1 problem" in result.stderr and "Traceback" not in result.stderr


def test_a_file_named_zip_that_is_no_zip_is_refused(guide_dir, tmp_path):
    page = tmp_path / "feed.zip"
    page.write_text("<html>Not found</html>", encoding="utf-8")
    result = run_wromik("import-stops", page, guide_dir, check_exit=1)
    assert "feed.zip: file: Expected a GTFS .zip file but it is not a zip archive" in result.stderr


def test_memory_does_not_grow_with_the_timetable(guide_dir, tmp_path):
    """stop_times.txt is read row by row: 2,000,000 rows take no more memory than 2 rows."""
    def feed_with(calls: int):
        folder = tmp_path / f"feed-{calls}"
        folder.mkdir()
        (folder / "stops.txt").write_text("stop_id,stop_name,stop_lat,stop_lon\n"
                                          "s1,Falkensee,52.56,13.09\ns2,Wustermark,52.55,12.92\n", encoding="utf-8")
        (folder / "routes.txt").write_text("route_id,route_short_name,route_type\nr1,1,0\nr2,2,3\n", encoding="utf-8")
        (folder / "trips.txt").write_text("route_id,trip_id\nr1,t1\nr2,t2\n", encoding="utf-8")
        with (folder / "stop_times.txt").open("w", encoding="utf-8") as times:
            times.write("trip_id,stop_id\n")
            times.writelines("t1,s1\nt2,s2\n" for _ in range(calls // 2))
        return folder

    small_code, _, _, small_mb = run_measured("import-stops", feed_with(2), guide_dir)
    large_code, _, _, large_mb = run_measured("import-stops", feed_with(2_000_000), guide_dir)
    assert (small_code, large_code) == (0, 0)
    assert large_mb - small_mb < 15, (small_mb, large_mb)  # the rows kept as lists take about 600 MB
    assert written_rows(guide_dir)["s1"]["vehicle"] == "tram"


def test_a_coordinator_may_write_vehicles_and_lines_by_hand(tiny):
    (tiny / "stops.csv").write_text("stop_id,stop_code,stop_name,stop_lat,stop_lon,vehicle,lines\n"
                                    "1,100,Przystanek A,51.1103593,17.0071383,bus tram,N 10 2\n"
                                    "2,200,Przystanek B,51.1103593,17.0121462,,\n", encoding="utf-8")
    stops = load_guide(tiny).stops
    assert (stops["1"].vehicles, stops["1"].lines) == (("tram", "bus"), ("N", "10", "2"))
    assert (stops["2"].vehicles, stops["2"].lines) == ((), ())


@pytest.mark.parametrize("vehicle, lines, message", [
    ("tramwaj", "3", "Expected vehicle types from tram, bus, trolleybus, metro, train, ferry but received 'tramwaj'"),
    ("tram", "3,10", "Expected line numbers separated by spaces but received '3,10'"),
])
def test_a_wrong_hand_written_value_is_one_clear_problem(tiny, vehicle, lines, message):
    """The stop stays known, so the network's stop node is not blamed as well."""
    (tiny / "stops.csv").write_text("stop_id,stop_code,stop_name,stop_lat,stop_lon,vehicle,lines\n"
                                    f"1,100,Przystanek A,51.1103593,17.0071383,{vehicle},\"{lines}\"\n"
                                    "2,200,Przystanek B,51.1103593,17.0121462,,\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_guide(tiny)
    [problem] = caught.value.problems
    assert str(problem).startswith(f"{tiny / 'stops.csv'}:2: stop '1': {message}")
    assert "How to fix: " in str(problem) and "for example" in problem.fix


@pytest.mark.parametrize("route_type, vehicle", [
    ("0", "tram"), ("1", "metro"), ("2", "train"), ("3", "bus"), ("4", "ferry"), ("11", "trolleybus"),
    ("6", None), ("109", "train"), ("401", "metro"), ("700", "bus"), ("715", "bus"), ("800", "trolleybus"),
    ("900", "tram"), ("1000", "ferry"), ("1200", "ferry"), ("1300", None),
])
def test_gtfs_route_types_name_their_vehicle(route_type, vehicle):
    assert vehicle_of_route_type(route_type) == vehicle


@pytest.mark.parametrize("route_type", ["8", "-1", "99", "1800", "bus", "3.0", ""])
def test_a_value_that_is_no_route_type_is_refused(route_type):
    with pytest.raises(ValueError):
        vehicle_of_route_type(route_type)


def test_lines_sort_as_people_read_them():
    assert sorted(["N", "33", "A", "10", "2", "0L", "0"], key=natural_order) == ["0", "0L", "2", "10", "33", "A", "N"]
