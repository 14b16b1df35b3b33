"""Validation of guide data: a corpus of bad inputs, each with its precise message and no traceback."""

from __future__ import annotations

import os
import re

import pytest

from guide import DataError, load_guide
from conftest import ROOT, WROCLAW, edit_network, edit_text, run_measured, run_wromik

PLACE = "places/test-place.yaml"


def _move(fid, dlon, dlat):
    def change(features, _):
        geometry = features[fid]["geometry"]
        geometry["coordinates"] = [geometry["coordinates"][0] + dlon, geometry["coordinates"][1] + dlat]
    return change


def _set(fid, **props):
    def change(features, _):
        features[fid]["properties"].update(props)
    return change


def _drop(*fids):
    def change(_, collection):
        collection["features"] = [f for f in collection["features"] if f["properties"]["id"] not in fids]
    return change


def _add_node(nid, kind="corner", coords=(17.0105, 51.1105)):
    def change(_, collection):
        collection["features"].append({"type": "Feature", "geometry": {"type": "Point", "coordinates": list(coords)},
                                       "properties": {"id": nid, "kind": kind}})
    return change


def _place(old, new):
    return lambda root: edit_text(root / PLACE, old, new)


def _guide(old, new):
    return lambda root: edit_text(root / "guide.yaml", old, new)


def _net(change):
    return lambda root: edit_network(root, change)


def _write(name, data: bytes):
    return lambda root: (root / name).write_bytes(data)


def _replace(name, make):
    """Delete a file and make(path) something else in its place (a FIFO, a link)."""
    def change(root):
        (root / name).unlink()
        make(root / name)
    return change


# (case id, how to break the tiny guide, file named, place named, message)
CASES = [
    ("sign-language-in-an-unknown-way", _place("    lift: true\n", "    lift: true\n    sign_language: sometimes\n"),
     f"{PLACE}:", "inside.facts.sign_language", "Expected true, false or one of on_site, remote, appointment"),
    ("comma-inside-a-fact-block", _place("door_width: 100", "door_width: {value: 100, source: pomiar, 2024}"),
     f"{PLACE}:42", "facts.door_width[2024]", "received 2024, which a comma inside { … } made into a key"),
    ("pjm-video-not-a-web-address", _place("url: https://example.org/pjm/biuro-testowe", "url: example.org/pjm"),
     f"{PLACE}:", "place 'test-place'.pjm_video.url", "Expected a web address like https://example.org/page"),
    ("pjm-video-other-sign-language", _place("language: pjm", "language: asl"), f"{PLACE}:",
     "pjm_video.language", "Expected one of pjm (Polish Sign Language"),
    ("pjm-video-without-signer", _place("  signer: Anna Przykładowa\n", ""), f"{PLACE}:", "pjm_video",
     "Expected the required key 'signer'"),
    ("download-page-not-a-web-address", _guide("download_page: https://example.org/maly-przewodnik/",
                                                "download_page: www.example.org"), "guide.yaml:", "download_page",
     "Expected a web address like https://example.org/page but received 'www.example.org'"),
    ("paper-as-thick-as-a-book", _guide("download_page:", "paper: {text: 3}\ndownload_page:"), "guide.yaml:",
     "paper.text", "Expected a number from 0.03 to 1 mm but received 3"),
    ("broken-yaml", _guide("languages: [pl]", "languages: [pl"), "guide.yaml:", "YAML syntax", "is not valid YAML"),
    ("tab-indented-yaml", _place("  email: biuro", "\temail: biuro"), f"{PLACE}:11", "YAML syntax",
     "a tab character indents this line"),
    ("broken-geojson", _write("network.geojson", b'{"type": "FeatureCollection", "features": [\n{"type": }'),
     "network.geojson:2", "JSON syntax", "is not valid GeoJSON"),
    ("unknown-node-reference", _place("node: front-door", "node: no-such-door"), f"{PLACE}:27",
     "(entrance 'front').node", "no node has id 'no-such-door'"),
    ("dangling-edge", _net(_set("to-front", to="ghost-node")), "network.geojson", "edge 'to-front'",
     "(dangling edge)"),
    ("duplicate-node-id", _net(_set("corner-e", id="corner-w")), "network.geojson", "feature 'corner-w'",
     "Expected a unique id but 'corner-w'"),
    ("duplicate-place-id", lambda root: (root / "places/copy.yaml").write_text(
        (root / PLACE).read_text(encoding="utf-8").replace("node: front-door", "node: other").replace(
            "node: side-door", "node: other2"), encoding="utf-8"),
     "places/test-place.yaml", "place 'test-place'", "Expected a unique place id"),
    ("duplicate-yaml-key", _place("hours: Mo-Fr 08:00-15:00", "hours: Mo-Fr 08:00-15:00\nhours: Mo 08:00-10:00"),
     f"{PLACE}:15", "hours", "appears twice"),
    ("duplicate-entrance-id", _place("  - id: side", "  - id: front"), PLACE, "entrances",
     "Expected unique entrance ids but 'front'"),
    ("negative-steps", _place("steps: 4", "steps: -3"), f"{PLACE}:", "entrances[0] (entrance 'front').facts.steps",
     "Expected a whole number from 0 to 200 steps, or true (there are steps, their number unknown) but received -3"),
    ("absurd-door-width", _place("door_width: 100", "door_width: 5000"), f"{PLACE}:",
     "(entrance 'side').facts.door_width", "Expected a whole number from 40 to 400 cm but received 5000"),
    ("absurd-incline", _net(_set("a-walk", incline=95)), "network.geojson", "feature 'a-walk'.incline",
     "Expected a number from -40 to 40 % but received 95"),
    ("negative-length", _net(_set("a-walk", length=-12)), "network.geojson", "feature 'a-walk'.length",
     "Expected a number from 0.5 to 5000 m but received -12"),
    ("node-outside-city", _net(_move("corner-w", 0.5, 0)), "network.geojson", "node 'corner-w'",
     "Expected coordinates inside Testowo"),
    ("place-outside-city", _place("lat: 51.1100", "lat: 17.0100"), PLACE, "place 'test-place'.location",
     "Expected coordinates inside Testowo"),
    ("unknown-profile", _guide("walking_aid, blind]", "walking_aid, jetpack]"), "guide.yaml:", "profiles[3]",
     "Expected one of pedestrian, manual_wheelchair, powered_wheelchair, walking_aid, blind but received 'jetpack'"),
    ("unknown-language", _guide("languages: [pl]", "languages: [pl, xx]"), "guide.yaml:", "languages[1]",
     "Expected one of en, pl, uk (the languages wromik has a language pack for; see 'Adding a language' in the README) "
     "but received 'xx'"),
    ("text-in-foreign-language", _place("name: Biuro testowe", "name: {pl: Biuro testowe, de: Testbüro}"), PLACE,
     "place 'test-place'.name.de", "Expected one of the guide's languages (pl) but received 'de'"),
    ("missing-required-text", _guide("introduction: Krótki wstęp do przewodnika testowego.", ""), "guide.yaml", "",
     "Expected the required key 'introduction' but received none"),
    ("markup-in-name", _place("name: Biuro testowe", "name: Biuro <b>testowe</b>"), PLACE,
     "place 'test-place'.name.pl", "Expected plain text but received markup '<b>'"),
    ("html-entity-in-name", _place("name: Biuro testowe", "name: Biuro A &amp; B"), PLACE,
     "place 'test-place'.name.pl", "Expected plain text but received the HTML entity '&amp;'"),
    ("straight-quotes-in-name", _place("name: Biuro testowe", "name: 'Fundacja \"Promyk\"'"), PLACE,
     "place 'test-place'.name.pl", "Expected Polish quotation marks „…” but received straight quotes"),
    ("bad-opening-hours", _place("hours: Mo-Fr 08:00-15:00", "hours: Mon-Fri 8-15"), f"{PLACE}:", "hours",
     "Expected opening hours like 'Mo-Fr 07:30-15:30; Th 08:00-16:30' but received 'Mon-Fri 8-15'"),
    ("hours-close-before-open", _place("hours: Mo-Fr 08:00-15:00", "hours: Mo-Fr 15:00-08:00"), PLACE, "hours",
     "opens before it closes"),
    ("bad-phone", _place("number: 71 00 00 101", "number: 12345"), PLACE, "contacts.phones[0].number",
     "Expected a 9-digit Polish phone number like '71 78 22 300' but received '12345'"),
    ("impossible-date", _place("  verified: 2026-01-10\nhours", "  verified: 2026-02-30\nhours"), PLACE,
     "contacts.verified", "Expected a date like 2024-05-31 (or 2024-05, or 2024) but received '2026-02-30'"),
    ("misspelt-fact", _place("steps: 4", "stpes: 4"), PLACE, "facts.stpes",
     "Expected one of the known facts but received the unknown key 'stpes'"),
    ("boolean-in-words", _place("ramp: false", "ramp: nie"), PLACE, "facts.ramp",
     "Expected true or false but received 'nie'"),
    ("fact-without-source", _place("      source: fixture\n      verified: 2026-01-10\n      steps: 4",
                                    "      steps: 4"), PLACE, "(entrance 'front').facts.steps",
     "Expected a source for this fact but received none"),
    ("stop-not-in-gtfs", _net(_set("stop-a", stop_id="999")), "network.geojson", "node 'stop-a'",
     "Expected stop_id to name a stop in stops.csv but received '999'"),
    ("stop-moved-from-real-position", _net(_move("stop-a", 0.003, 0)), "network.geojson", "node 'stop-a'",
     "Expected the stop node at the real position of 'Przystanek A'"),
    ("edge-not-snapped", _net(_move("corner-w", 0.0005, 0)), "network.geojson", "edge 'a-walk'",
     "Expected the line's last point on node 'corner-w'"),
    ("entrance-on-wrong-kind", _place("node: front-door", "node: pavement"), f"{PLACE}:27", "(entrance 'front').node",
     "Expected a node of kind 'entrance' but 'pavement' is a 'corner'"),
    ("isolated-node", _net(_add_node("lonely")), "network.geojson", "node 'lonely'", "no edge reaches it"),
    ("place-cut-off", _net(_drop("a-cross", "b-cross", "parking-side", "parking")), "network.geojson",
     "place 'test-place'", "Expected a path from a transit stop"),
    ("polygon-geometry", _net(lambda f, _: f["a-walk"].update(geometry={"type": "Polygon", "coordinates": []})),
     "network.geojson", "feature 'a-walk'", "Expected a Point (node) or LineString (edge) geometry but received 'Polygon'"),
    ("unknown-edge-kind", _net(_set("a-walk", kind="escalator")), "network.geojson", "feature 'a-walk'.kind",
     "Expected one of footway, crossing, ramp, steps, lift but received 'escalator'"),
    ("not-utf8", _write(PLACE, "id: test-place\nname: Biuro Łódź\n".encode("cp1250")), PLACE, "file",
     "Expected UTF-8 text"),
    ("stops-without-columns", _write("stops.csv", b"id,name\n1,A\n"), "stops.csv:1", "header",
     "Expected GTFS columns stop_id, stop_name, stop_lat, stop_lon"),
    # hostile input: files that are empty, not files, too big, too deep, or that expand without end
    ("empty-guide-yaml", _write("guide.yaml", b""), "guide.yaml", "file", "but the file is empty"),
    ("empty-place-file", _write(PLACE, b""), PLACE, "file", "Expected a place (id:, name:, address:, "
     "entrances:…) but the file is empty"),
    ("place-file-of-comments", _write(PLACE, b"# to do\n"), PLACE, "file", "but the file holds only comments"),
    ("place-file-is-a-fifo", _replace(PLACE, os.mkfifo), PLACE, "file",
     "(a regular file) but received a named pipe (FIFO)"),
    ("place-file-links-to-dev-zero", _replace(PLACE, lambda path: path.symlink_to("/dev/zero")), PLACE, "file",
     "(a regular file) but received a device"),
    ("place-file-links-out", _replace(PLACE, lambda path: path.symlink_to(ROOT / "tests/fixtures/tiny" / PLACE)),
     PLACE, "file", "inside the data folder but it is a link to"),
    ("place-file-over-10-mb", _write(PLACE, b"id: test-place\n" + b"# padding\n" * 1_100_000), PLACE, "file",
     "Expected at most 10 MB but the file has 10.5 MB"),
    ("merge-key-bomb", _write("guide.yaml", "".join(
        [f"a{i}: &a{i} {{<<: [*a{i - 1}, *a{i - 1}], k{i}: {i}}}\n" for i in range(1, 30)]).replace(
        "[*a0, *a0]", "{x: 1}").encode()), "guide.yaml:", "YAML structure",
     "merge keys (<<) expand it to more than 200,000 values"),
    ("alias-bomb", _write("guide.yaml", ("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 10))).encode()), "guide.yaml:",
     "YAML structure", "expand it to more than 200,000 values"),
    ("yaml-nested-50000-deep", _write("guide.yaml", b"a: " + b"[" * 50_000 + b"]" * 50_000 + b"\n"), "guide.yaml:1",
     "YAML structure", "blocks nest more than 50 levels deep"),
    ("json-nested-100000-deep", _write("network.geojson", b"[" * 100_000 + b"]" * 100_000), "network.geojson",
     "JSON structure", "the brackets nest thousands of levels deep"),
    ("infinite-coordinate", lambda root: edit_text(root / "network.geojson", "17.0", "Infinity, 17.0"),
     "network.geojson", "JSON syntax", "Expected finite numbers but received Infinity"),
    ("overflowing-coordinate", lambda root: edit_text(root / "network.geojson", "17.0", "1e999, 17.0"),
     "network.geojson", "feature ", "Expected coordinates as [longitude, latitude] numbers but received"),
    ("line-of-a-million-points", _net(lambda f, _: f["a-walk"]["geometry"].update(
        coordinates=[[17.0072, 51.1104]] * 1_000_000)), "network.geojson", "feature 'a-walk'",
     "Expected a path line of at most 5,000 points but received 1,000,000"),
    ("raw-escape-byte-in-yaml", _place("name: Biuro testowe", "name: Biuro\x1b[31m testowe"), f"{PLACE}:2", "file",
     "Expected printable text but line 2 holds a control character (U+001B)"),
    # text that would break XML, hide what it says, or vanish from the PDF
    ("control-character", _place("name: Biuro testowe", 'name: "Biuro\\x01 testowe"'), f"{PLACE}:2",
     "place 'test-place'.name.pl", "Expected printable text but received a control character (U+0001)"),
    ("nul-character", _place("name: Biuro testowe", 'name: "Biuro\\0 testowe"'), f"{PLACE}:2",
     "place 'test-place'.name.pl", "a control character (U+0000)"),
    ("lone-surrogate", _place("name: Biuro testowe", 'name: "Biuro \\ud800 testowe"'), f"{PLACE}:2",
     "place 'test-place'.name.pl", "a lone surrogate (half of a broken character) (U+D800)"),
    ("non-character", _place("name: Biuro testowe", 'name: "Biuro \\uffff testowe"'), f"{PLACE}:2",
     "place 'test-place'.name.pl", "a Unicode non-character (U+FFFF)"),
    ("bidi-override", _place("name: Biuro testowe", 'name: "Biuro \\u202e testowe"'), f"{PLACE}:2",
     "place 'test-place'.name.pl", "a bidirectional override (U+202E RIGHT-TO-LEFT OVERRIDE)"),
    ("emoji", _place("name: Biuro testowe", "name: Biuro testowe \U0001F68C"), f"{PLACE}:2",
     "place 'test-place'.name.pl", "Expected characters the guide's font (DejaVu Sans) can print and screen readers can read but received "
     "'\U0001F68C' (U+1F68C BUS)"),
    ("emoji-beyond-u-ffff", _place("name: Biuro testowe", "name: Biuro testowe \U0001F600"), f"{PLACE}:2",
     "place 'test-place'.name.pl", "'\U0001F600' (U+1F600 GRINNING FACE)"),
    ("control-character-in-email", _place("email: biuro@example.org", 'email: "biuro\\x1b@example.org"'), PLACE,
     "contacts.email", "a control character (U+001B)"),
    ("control-character-in-street-name", _net(_set("a-walk", name="ul. Testowa\x07")), "network.geojson",
     "feature 'a-walk'.name", "a control character (U+0007)"),
    ("bbox-latitude-first", _guide("bbox: [17.00, 51.10, 17.02, 51.12]", "bbox: [51.10, 17.00, 51.12, 17.02]"),
     "guide.yaml:9", "city.bbox", "which puts latitude first"),
    ("colon-in-unquoted-text", _place("name: Biuro testowe", "name: Biuro: parter"), f"{PLACE}:2", "YAML syntax",
     "a second ': ' on this line makes its text look like a new key"),
    ("quote-never-closed", _place("name: Biuro testowe", 'name: "Biuro testowe'), f"{PLACE}:2", "YAML syntax",
     "a quote opened on this line is never closed"),
    ("unknown-place-kind", _place("kind: office", "kind: museum"), f"{PLACE}:4", "place 'test-place'.kind",
     "Expected one of office, health, culture, library, education, sport, transport, shop"),
    ("guide-kind-like-unknown-kind", lambda root: (root / "guide.yaml").open("a", encoding="utf-8").write(
        "kinds:\n  pharmacy: chemist\n"), "guide.yaml", "kinds.pharmacy.like", "Expected one of office, health"),
    ("guide-kind-renames-a-pack-kind", lambda root: (root / "guide.yaml").open("a", encoding="utf-8").write(
        "kinds:\n  office: health\n"), "guide.yaml", "kinds.office", "is a kind every guide has"),
    ("guide-kind-word-misspelt", lambda root: (root / "guide.yaml").open("a", encoding="utf-8").write(
        "kinds:\n  pharmacy: {like: health, words: {pl: {destnation: apteka}}}\n"), "guide.yaml",
     "kinds.pharmacy.words.pl", "destnation"),
    ("guide-kind-with-half-its-words", lambda root: (root / "guide.yaml").open("a", encoding="utf-8").write(
        "kinds:\n  punkt: {like: health, words: {pl: {destination: punkt opieki}}}\n"), "guide.yaml",
     "kinds.punkt.words.pl", "Expected to_destination beside destination but received only destination"),
    ("place-file-ending-in-yml", lambda root: (root / "places" / "drugie.yml").write_text("id: drugie\n"),
     "places/drugie.yml", "file", "Expected a place file ending in .yaml but received 'drugie.yml'"),
    ("old-offices-folder", lambda root: (root / "places").rename(root / "offices"), "offices", "offices",
     "Expected the place files in a folder named places/ but received a folder named offices/"),
    ("control-character-in-stop-name", lambda root: edit_text(root / "stops.csv", "Przystanek A", "Przystanek\x0bA"),
     "stops.csv:2", "stop '1'", "a control character (U+000B)"),
]


CASES_BY_ID = [(case[0], case[1]) for case in CASES]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_bad_input_gives_its_precise_message_and_no_traceback(tiny, case):
    _, breaks, file_named, place_named, message = case
    breaks(tiny)
    result = run_wromik("check", tiny, check_exit=1)
    assert "Traceback" not in result.stderr
    hits = [p for p in result.stderr.split("\n") if message in p]
    assert hits, result.stderr
    line = hits[0]
    assert file_named in line, line
    assert place_named in line, line
    assert "How to fix:" in result.stderr.split(line, 1)[1].split("\n")[1]


def test_an_empty_place_file_is_blamed_not_the_network(tiny):
    (tiny / PLACE).write_bytes(b"")
    result = run_wromik("check", tiny, check_exit=1)
    assert "The guide data has 1 problem:" in result.stderr and "network.geojson" not in result.stderr


def test_the_same_entrance_node_twice_names_both_lines(tiny):
    edit_text(tiny / PLACE, "node: side-door", "node: front-door")
    result = run_wromik("check", tiny, check_exit=1)
    assert re.search(rf"{PLACE}:\d+: place 'test-place' \(entrance 'side'\)\.node: .* is also used by "
                     rf"place 'test-place' \(.*{PLACE}:27\)", result.stderr), result.stderr


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 25


def test_every_problem_is_reported_in_one_run(tiny):
    edit_text(tiny / PLACE, "steps: 4", "steps: -3")
    edit_text(tiny / "guide.yaml", "walking_aid, blind]", "walking_aid, jetpack]")
    edit_network(tiny, _set("a-walk", incline=95))
    with pytest.raises(DataError) as caught:
        load_guide(tiny)
    messages = " | ".join(p.message for p in caught.value.problems)
    assert "received -3" in messages and "'jetpack'" in messages and "received 95" in messages
    assert str(caught.value).startswith("The guide data has 3 problems")


def test_yaml_problems_name_the_line(tiny):
    edit_text(tiny / PLACE, "steps: 4", "steps: -3")
    with pytest.raises(DataError) as caught:
        load_guide(tiny)
    (problem,) = caught.value.problems
    line = (tiny / PLACE).read_text(encoding="utf-8").splitlines().index("      steps: -3") + 1
    assert problem.line == line


def test_an_ampersand_is_plain_text_and_survives(tiny):
    edit_text(tiny / PLACE, "name: Biuro testowe", "name: Biuro A & B")
    data = load_guide(tiny)
    assert data.places[0].name == {"pl": "Biuro A & B"}


def test_a_clock_time_is_not_read_as_a_number(tiny):
    edit_text(tiny / PLACE, "hours: Mo-Fr 08:00-15:00", "hours: 7:30")
    with pytest.raises(DataError) as caught:
        load_guide(tiny)
    assert "but received '7:30'" in caught.value.problems[0].message


def test_missing_attributes_stay_unknown(tiny):
    data = load_guide(tiny)
    front, side = data.places[0].entrances
    assert front.fact("door_width").value is None and not front.fact("door_width").known
    assert side.fact("door_width").value == 100 and side.fact("door_width").source == "fixture"
    edge = next(e for e in data.network.edges if e.id == "to-front")
    assert "kerb_from" not in edge.attrs and "smoothness" not in edge.attrs


def test_length_comes_from_the_geometry_when_absent(tiny):
    data = load_guide(tiny)
    edge = next(e for e in data.network.edges if e.id == "a-walk")
    assert 165 <= edge.attrs["length"] <= 175  # drawn 170 m long


def test_the_default_wroclaw_data_is_valid_and_complete():
    data = load_guide(WROCLAW)
    assert len(data.places) == 13
    streets = {o.address.street for o in data.places}
    for street in ("ul. Strzegomska 6", "ul. Namysłowska 8", "pl. Solidarności 1/3/5", "ul. Braniborska 6/8",
                   "ul. Średzka 42", "ul. Nowowiejska 102", "ul. Oficerska 9A", "ul. Kniaziewicza 29",
                   "ul. Kamieńskiego 190", "pl. św. Macieja 4", "ul. Zachodnia 6", "pl. Legionów 4-5",
                   "ul. Swobodna 8a"):
        assert street in streets
    hq = next(o for o in data.places if o.id == "strzegomska-6")
    assert [p.number for p in hq.contacts.phones][:4] == ["71 78 22 300", "71 78 22 301", "71 78 22 302", "71 78 22 303"]
    assert hq.hours.days["Mo"] == (("07:30", "15:30"),)
    a, b = hq.entrances
    assert a.fact("steps").value == 8 and a.fact("ramp").value is False
    assert b.fact("ramp").value is True and hq.inside.fact("lift").value is True
    nowowiejska = next(o for o in data.places if o.id == "nowowiejska-102")
    front, rear = nowowiejska.entrances
    assert front.fact("accessible").value is False
    assert rear.fact("locked").value is True and rear.fact("intercom").value is False


def test_default_stops_sit_at_their_real_gtfs_coordinates():
    from guide.data.geometry import distance_m
    data = load_guide(WROCLAW)
    stop_nodes = [n for n in data.network.nodes.values() if n.kind == "stop"]
    assert len(stop_nodes) >= 13
    for node in stop_nodes:
        stop = data.stops[node.stop_id]
        assert distance_m(node.lon, node.lat, stop.lon, stop.lat) < 1, node.id


def test_every_default_fact_has_a_source():
    data = load_guide(WROCLAW)
    for place in data.places:
        facts = [f for e in place.entrances for f in e.facts.values()] + list(place.inside.facts.values())
        assert all(f.source for f in facts), place.id
        assert re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", place.contacts.verified or "2000") is not None


def test_a_merge_key_bomb_is_refused_without_filling_the_memory(tiny):
    """1 KB of YAML that merge keys expand to 2^29 values: refused, the process staying under 200 MB
    (before the limit it took 5.9 GB; how fast it is refused is measured in bench/input_limits.py)."""
    dict(CASES_BY_ID)["merge-key-bomb"](tiny)
    assert (tiny / "guide.yaml").stat().st_size < 1100
    code, stderr, _, megabytes = run_measured("check", tiny)
    assert code == 1 and "expand it to more than 200,000 values" in stderr
    assert megabytes < 200


def test_an_empty_fact_is_no_data_not_a_crash(tiny, tmp_path):
    edit_text(tiny / PLACE, "steps: 4", "steps:")
    run_wromik("check", tiny, check_exit=0)
    result = run_wromik("build", tiny, "--out", tmp_path / "out", "--edition", "standard", check_exit=0)
    assert "internal error" not in result.stderr


def test_a_phone_number_without_spaces_is_grouped_so_that_it_is_read_digit_group_by_group(tiny):
    from guide.language.pl import spoken
    edit_text(tiny / PLACE, "number: 71 00 00 101", "number: '717822300'")
    place = load_guide(tiny).places[0]
    assert place.contacts.phones[0].number == "717 822 300"
    said = spoken(f"Zadzwoń: {place.contacts.phones[0].number}.")
    assert "milion" not in said and said.count(",") >= 2, said


def test_a_kind_with_a_wrong_like_is_blamed_once_not_also_in_each_of_its_places(tiny):
    with (tiny / "guide.yaml").open("a", encoding="utf-8") as file:
        file.write("kinds:\n  pharmacy: {like: helth}\n")
    edit_text(tiny / PLACE, "kind: office", "kind: pharmacy")
    result = run_wromik("check", tiny, check_exit=1)
    assert "The guide data has 1 problem:" in result.stderr and "Did you mean 'health'?" in result.stderr, result.stderr
