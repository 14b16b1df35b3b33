"""The facts of Polish accessibility statements, told honestly in every edition.

Entrance facts stair_climber, platform_lift, advance_notice and steps: true (steps, count unknown); inside facts
staff_come_down and steps_inside: true; facts whose sources disagree (a list of fact blocks); and easy-read
versions of notes. Two copies of the tiny guide are built once each with every edition: the words are read back
from the standard, print and easy-read PDFs (their tagged text), the audio transcript and routes.geojson. The
routing, `check` and `check --easy-read` cases that need no build run on the data alone.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import TINY, edit_text, run_wromik, struct_texts

PLACE = Path("places") / "test-place.yaml"
EDITIONS = {"standard": "wromik-standard-polski.pdf", "print": "wromik-druk-polski.pdf", "easy-read": "wromik-latwy-tekst-polski.pdf",
            "audio": "audio/transkrypcja-polski.txt"}


def _copy(base: Path, edits: list, *, powered: bool = False) -> Path:
    """A copy of the tiny guide with edits [(old, new)] to its place file; powered: the powered wheelchair's
    profile added to the guide."""
    root = base / "tiny"
    shutil.copytree(TINY, root)
    for old, new in edits:
        edit_text(root / PLACE, old, new)
    if powered:
        edit_text(root / "guide.yaml", "profiles: [pedestrian, manual_wheelchair,",
                  "profiles: [pedestrian, manual_wheelchair, powered_wheelchair,")
    return root


def _built(tmp_path_factory, name: str, edits: list, **options) -> dict:
    """Every edition of an edited tiny guide, built once: edition -> its words (whitespace made single), and
    "routes" -> the routes.geojson features by (profile, origin)."""
    base = tmp_path_factory.mktemp(name)
    root = _copy(base, edits, **options)
    run_wromik("build", root, "--out", base / "out", check_exit=0)
    out = base / "out" / "pl"
    texts = {edition: " ".join(" ".join(text for _, text in struct_texts(out / file)).split())
             for edition, file in EDITIONS.items() if file.endswith(".pdf")}
    texts["audio"] = " ".join((out / EDITIONS["audio"]).read_text(encoding="utf-8").split())
    features = json.loads((out / "routes.geojson").read_text(encoding="utf-8"))["features"]
    texts["routes"] = {(f["properties"]["profile"], f["properties"]["origin"]): f["properties"] for f in features}
    return texts


# The front entrance: 4 steps with a stair climber, the accessible way in needs 24 hours' notice; the side entrance:
# steps nobody counted and no ramp; inside: the office on the 1st floor, no lift, staff come down, steps inside.
AIDS = [("      steps: 4\n", "      steps: 4\n      stair_climber: true\n      advance_notice: 24\n      door_width: 100\n"
         "      threshold: 0\n"),
        ("      ramp: true\n", "      steps: true\n"),
        ("    lift: true\n", "    lift: false\n    staff_come_down: true\n    steps_inside: true\n")]

# The front entrance's steps from two sources, written older first, the newer with a note; the side entrance: a
# platform lift beside 2 steps, notice needed (how long unknown), and notes with their easy-read version; inside:
# the sources disagree about the lift.
SOURCES = [("      steps: 4\n", "      steps:\n        - {value: 0, source: OSM, verified: 2021}\n"
            "        - {value: 3, source: deklaracja 2023, verified: 2023-05, note: Schody są strome i wąskie.,\n"
            "           easy_read: Schody są strome.}\n"),
           ("      ramp: true\n", "      platform_lift: true\n      steps: 2\n      advance_notice: true\n"),
           ("      threshold: 0\n", "      threshold: 0\n    notes: Podnośnik uruchamia pracownik portierni.\n"
            "    easy_read: Podnośnik włącza pracownik.\n"),
           ("    lift: true\n", "    lift: [{value: false, source: OSM, verified: 2021},\n"
            "           {value: true, source: deklaracja 2023, verified: 2023-05}]\n")]


@pytest.fixture(scope="module")
def aids(tmp_path_factory) -> dict:
    return _built(tmp_path_factory, "facts-aids", AIDS, powered=True)


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> dict:
    return _built(tmp_path_factory, "facts-sources", SOURCES)


STANDARD_AIDS = [
    "Schodołaz przy schodach, obsługiwany przez pracownika: tak.",
    "4 stopnie z poręczą, schodołaz przy schodach (obsługuje go pracownik)",
    "schody pokonasz na schodołazie z pomocą pracownika: zadzwoń przed wizytą",
    "schody: 4 stopnie (Wejście frontowe): jest tam schodołaz, ale nie przewiezie ciężkiego wózka elektrycznego",
    "Dostępne wejście wymaga uprzedzenia: zadzwoń co najmniej 24 godziny przed wizytą.",
    "to wejście wymaga uprzedzenia: zadzwoń co najmniej 24 godziny przed wizytą",
    "Pracownik przyjdzie do wejścia, gdy nie możesz dojść do biura: tak.",
    "Biuro jest na 1. piętrze. W budynku nie ma windy. Na drodze do biura: schody. Pracownik zejdzie do Ciebie do "
    "wejścia.", "Zadzwoń przed wizytą: 71 00 00 101.",
    "Schody: są, liczba stopni nieznana.", "Stopnie w drodze do biura: są, liczba stopni nieznana.",
    "schody: liczba nieznana (Wejście boczne)",
]
EXPECTED_AIDS = {
    "standard": STANDARD_AIDS, "print": STANDARD_AIDS,
    "easy-read": [
        "Przy schodach jest schodołaz. Obsługuje go pracownik.",  # the entrance
        "Przy schodach jest schodołaz. Pracownik wwiezie Cię nim po schodach.",  # the manual wheelchair's route
        "Na drodze są schody. Schodołaz nie uniesie wózka z silnikiem.",  # the powered wheelchair's: why not
        "Zadzwoń co najmniej 24 godziny przed wizytą.",
        "Nie ma windy. Pracownik zejdzie do Ciebie na dół. Zadzwoń przed wizytą: 71 00 00 101.",
        "Pracownik może przyjść do Ciebie do wejścia.",
        "Są schody. Nie znamy liczby stopni.", "W budynku są schody. Nie znamy liczby stopni.",
    ],
    "audio": [
        "Schodołaz przy schodach, obsługiwany przez pracownika: tak.",
        "schody pokonasz na schodołazie z pomocą pracownika: zadzwoń przed wizytą",
        "schody: cztery stopnie, Wejście frontowe: jest tam schodołaz, ale nie przewiezie ciężkiego wózka "
        "elektrycznego.",
        "Dostępne wejście wymaga uprzedzenia: zadzwoń co najmniej dwadzieścia cztery godziny przed wizytą.",
        "Pracownik zejdzie do Ciebie do wejścia.",
        "Zadzwoń przed wizytą: siedemdziesiąt jeden, zero zero, zero zero, sto jeden.",
        "Schody: są, liczba stopni nieznana.", "Stopnie w drodze do biura: są, liczba stopni nieznana.",
        "schody: liczba nieznana, Wejście boczne.",
    ],
}
STANDARD_SOURCES = [
    "Schody: źródła się różnią: 3 stopnie (deklaracja 2023; sprawdzono: 2023-05); 0 stopni (OSM; sprawdzono: "
    "2021). Schody są strome i wąskie.",
    "Winda: źródła się różnią: tak (deklaracja 2023; sprawdzono: 2023-05); nie (OSM; sprawdzono: 2021).",
    "Trasa zależy od danych, których nikt jeszcze nie sprawdził: winda (źródła się różnią).",
    "Podnośnik platformowy przy schodach: tak.",
    "2 stopnie, podnośnik platformowy przy schodach",
    "schody pokonasz podnośnikiem platformowym; to wejście wymaga uprzedzenia: zadzwoń przed wizytą.",
    "Dostępne wejście wymaga uprzedzenia: zadzwoń przed wizytą.",
    "Podnośnik uruchamia pracownik portierni.", "Winda jest na prawo od wejścia bocznego.",
]
EXPECTED_SOURCES = {
    "standard": STANDARD_SOURCES, "print": STANDARD_SOURCES,
    "easy-read": [
        "Są schody: 3 stopnie. Są poręcze. Schody są strome. Nie wiemy tego na pewno.",  # the newer source's value
        "Jest winda. Nie wiemy tego na pewno.",
        "Przy schodach jest podnośnik. Możesz nim wjechać wózkiem.",  # the entrance
        "Przy schodach jest podnośnik. Wjedź nim na górę.",  # the manual wheelchair's route
        "Zadzwoń przed wizytą.",
        "Podnośnik włącza pracownik.", "Winda jest na prawo od bocznych drzwi.",  # the notes, in easy-read
    ],
    "audio": [
        "Schody: źródła się różnią: trzy stopnie, deklaracja dwa tysiące dwadzieścia trzy; sprawdzono: maj dwa "
        "tysiące dwudziestego trzeciego roku; zero stopni, OSM; sprawdzono: dwa tysiące dwadzieścia jeden. Schody są strome i "
        "wąskie.",
        "Winda: źródła się różnią: tak, deklaracja dwa tysiące dwadzieścia trzy;",
        "Trasa zależy od danych, których nikt jeszcze nie sprawdził: winda, źródła się różnią.",
        "Podnośnik platformowy przy schodach: tak.", "schody pokonasz podnośnikiem platformowym",
        "Dostępne wejście wymaga uprzedzenia: zadzwoń przed wizytą.", "Podnośnik uruchamia pracownik portierni.",
    ],
}


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_every_edition_tells_the_stair_climber_the_notice_staff_coming_down_and_uncounted_steps(aids, edition):
    missing = [said for said in EXPECTED_AIDS[edition] if said not in aids[edition]]
    assert not missing, missing


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_every_edition_tells_disagreeing_sources_the_platform_lift_and_the_notes(sources, edition):
    missing = [said for said in EXPECTED_SOURCES[edition] if said not in sources[edition]]
    assert not missing, missing


def test_the_newer_source_comes_first_and_easy_read_gives_only_its_value(sources):
    for edition in ("standard", "print"):
        text = sources[edition]
        assert text.index("3 stopnie (deklaracja 2023") < text.index("0 stopni (OSM")  # written older first
    assert "Nie ma schodów." not in sources["easy-read"]  # the older source's value


def test_a_stair_climber_carries_a_manual_wheelchair_but_not_a_powered_one(aids):
    routes = aids["routes"]
    manual = routes[("manual_wheelchair", "stop-a")]
    assert (manual["status"], manual["entrance"]) == ("ok", "front")
    assert {"stair_climber", "advance_notice:24"} <= set(manual["warnings"])
    assert {"kind": "call", "phone": "71 00 00 101"} in manual["alternatives"]  # staff must be told: call first
    powered = routes[("powered_wheelchair", "stop-a")]
    assert powered["status"] == "no_route" and powered["entrance"] is None
    front = next(b for b in powered["barriers"] if b["entrance"] == "front")
    assert (front["attribute"], front["value"], front["reason"]) == ("steps", 4, "stair_climber")
    assert "nie przewiezie ciężkiego wózka elektrycznego" in front["text"]


def test_steps_nobody_counted_block_wheelchairs_and_name_the_barrier(aids):
    side = [b for b in aids["routes"][("powered_wheelchair", "stop-a")]["barriers"] if b["entrance"] == "side"]
    assert [(b["attribute"], b["value"], b["text"]) for b in side] == [
        ("steps", "?", "schody: liczba nieznana (Wejście boczne)")]


def test_advance_notice_warns_only_those_who_need_the_accessible_way_in(aids):
    routes = aids["routes"]
    assert routes[("pedestrian", "stop-a")]["entrance"] == "front"
    assert not [w for w in routes[("pedestrian", "stop-a")]["warnings"] if w.startswith("advance_notice")]
    assert "advance_notice:24" in routes[("manual_wheelchair", "parking")]["warnings"]


def test_staff_coming_down_replaces_the_missing_lift_on_the_way_inside(aids):
    routes = aids["routes"]
    manual = routes[("manual_wheelchair", "stop-a")]["inside"]
    assert manual["barriers"] == [] and manual["unknowns"] == []
    assert manual["steps"][-1]["action"] == "staff_come_down"
    call = [a for a in routes[("manual_wheelchair", "stop-a")]["alternatives"] if a["kind"] == "call"]
    assert call == [{"kind": "call", "phone": "71 00 00 101"}]  # whom to call is said once, after the route
    assert routes[("pedestrian", "stop-a")]["inside"]["steps"][-1]["action"] == "room"  # walks up the stairs


def test_a_platform_lift_lets_wheelchairs_pass_the_steps(sources):
    manual = sources["routes"][("manual_wheelchair", "stop-a")]
    assert manual["status"] != "no_route" and manual["entrance"] == "side" and manual["barriers"] == []
    assert {"platform_lift", "advance_notice"} <= set(manual["warnings"])


def test_an_inside_fact_whose_sources_disagree_makes_the_route_unverified(sources):
    manual = sources["routes"][("manual_wheelchair", "stop-a")]
    assert manual["status"] == "unverified"
    assert manual["inside"]["unknowns"] == ["lift"] and manual["inside"]["disputed"] == ["lift"]
    assert sources["routes"][("blind", "stop-a")]["status"] == "ok"  # needs no lift: the dispute does not matter


# Without a build ------------------------------------------------------------------------------------------------

def _routes(root: Path, profile: str) -> dict:
    from guide import load_guide, load_profiles
    from guide.data.network import build_graph
    from guide.routing.routes import plan_place
    data = load_guide(root)
    return {r.origin: r for r in plan_place(build_graph(data), data.places[0], load_profiles()[profile])}


def test_an_entrance_fact_whose_sources_disagree_is_unknown_never_fine(tmp_path):
    steps = "      steps: [{value: 0, source: OSM, verified: 2021}, {value: 3, source: deklaracja, verified: 2023-05}]\n"
    root = _copy(tmp_path, [("      ramp: true\n", steps)])
    route = _routes(root, "manual_wheelchair")["stop-a"]
    assert (route.status, route.entrance) == ("unverified", "side")
    assert [(u.attribute, u.disputed) for u in route.unknowns] == [("steps", True)] and route.disputed == ("steps",)
    assert _routes(root, "pedestrian")["parking"].status == "ok"  # steps cost a pedestrian nothing to speak of


def test_sources_that_agree_are_a_known_fact(tmp_path):
    steps = "      steps: [{value: 3, source: OSM, verified: 2021}, {value: 3, source: deklaracja, verified: 2023-05}]\n"
    root = _copy(tmp_path, [("      ramp: true\n", steps)])
    from guide import load_guide
    fact = load_guide(root).places[0].entrance("side").fact("steps")
    assert (fact.value, fact.disputed, [f.source for f in fact.sources]) == (3, False, ["deklaracja", "OSM"])
    route = _routes(root, "manual_wheelchair")["stop-a"]
    assert route.status == "no_route" and ("steps", 3) in [(b.barrier.attribute, b.barrier.value) for b in route.barriers]


def test_there_are_steps_and_one_step_are_sources_that_disagree_not_an_unknown_lost(tmp_path):
    steps = "      steps: [{value: true, source: OSM, verified: 2021}, {value: 1, source: deklaracja, verified: 2023}]\n"
    root = _copy(tmp_path, [("      ramp: true\n", steps)])
    from guide import load_guide
    fact = load_guide(root).places[0].entrance("side").fact("steps")
    assert fact.disputed and fact.value is None and fact.values == (1, True)


def test_steps_true_with_no_aid_is_a_barrier_and_steps_false_is_none(tmp_path):
    root = _copy(tmp_path, [("      ramp: true\n", "      steps: true\n")])
    route = _routes(root, "manual_wheelchair")["stop-a"]
    assert route.status == "no_route"
    assert ("steps", "?", "side") in [(b.barrier.attribute, b.barrier.value, b.entrance) for b in route.barriers]
    edit_text(root / PLACE, "      steps: true\n", "      steps: false\n")
    from guide import load_guide
    assert load_guide(root).places[0].entrance("side").fact("steps").value == 0
    assert _routes(root, "manual_wheelchair")["stop-a"].status == "ok"


@pytest.mark.parametrize("written, where, message, fix", [
    ("[{value: 3, source: A, verified: 2023-05}, 4]", "facts.steps[1]",
     "Expected a fact block with value: and source: but received 4", "Give each source its own block"),
    ("[{value: 3, source: A}, {value: 0}]", "facts.steps[1]",
     "Expected source: in each fact block of the list but received none", "Give each source its own block"),
    ("[{value: 3, source: A}, {value: -2, source: B}]", "facts.steps[1]",
     "Expected a whole number from 0 to 200 steps, or true (there are steps, their number unknown) but received -2",
     "Write a whole number between 0 and 200 steps"),
    ("[{value: 3, source: A}, {value: 0, source: B, checked: 2021}]", "facts.steps[1].checked",
     "Expected value, source, verified, note or easy_read but received 'checked'", "A fact block holds only"),
    ("[]", "facts.steps", "Expected a list of at least one fact block but received an empty list",
     "Give each source its own block"),
])
def test_check_names_a_malformed_source_in_a_list_precisely(tmp_path, written, where, message, fix):
    root = _copy(tmp_path, [("      steps: 4\n", f"      steps: {written}\n")])
    result = run_wromik("check", root, check_exit=1)
    assert "Traceback" not in result.stderr
    line = next((line for line in result.stderr.splitlines() if message in line), None)
    assert line, result.stderr
    assert re.search(rf"test-place\.yaml:32: place 'test-place'\.entrances\[0\] \(entrance 'front'\)\.{re.escape(where)}:",
                     line), line
    assert f"How to fix: {fix}" in result.stderr.split(line, 1)[1].splitlines()[1]


def test_check_names_an_advance_notice_that_is_not_hours(tmp_path):
    root = _copy(tmp_path, [("      steps: 4\n", "      steps: 4\n      advance_notice: soon\n")])
    result = run_wromik("check", root, check_exit=1)
    assert "facts.advance_notice: Expected a whole number from 0 to 720 hours, or true (notice is needed, how long " \
           "before unknown) but received 'soon'" in result.stderr


def test_check_easy_read_reports_every_shown_note_without_an_easy_version(tmp_path):
    root = _copy(tmp_path, [
        ("      steps: 4\n", "      steps: {value: 4, note: Do kasy nie wjedziesz wózkiem.}\n"
                             "      tactile_paving: {value: true, note: Ścieżka kończy się przed drzwiami.}\n"),
        ("      threshold: 0\n", "      threshold: 0\n    notes: Drzwi otwiera portier.\n")])
    assert run_wromik("check", root).returncode == 0  # the notes themselves are fine
    result = run_wromik("check", "--easy-read", root, check_exit=1)
    found = [line for line in result.stderr.splitlines() if "Expected an easy-read version" in line]
    assert len(found) == 2, result.stderr  # the easy-read edition never shows tactile paving: its note is not asked for
    assert found[0].endswith("test-place.yaml:32: place 'test-place'.entrances[0] (entrance 'front').facts.steps.note: "
                             "Expected an easy-read version (easy_read:) of the note „Do kasy nie wjedziesz wózkiem.” "
                             "but received none")
    assert found[1].endswith("test-place.yaml:45: place 'test-place'.entrances[1] (entrance 'side').notes: Expected an "
                             "easy-read version (easy_read:) of the note „Drzwi otwiera portier.” but received none")
    assert "How to fix: Add easy_read: to the fact's block beside note:" in result.stderr
    refused = run_wromik("build", root, "--out", tmp_path / "out", "--edition", "easy-read", check_exit=1)
    assert "Expected an easy-read version" in refused.stderr and not (tmp_path / "out").exists()


def test_an_easy_read_note_is_checked_like_every_easy_read_text(tmp_path):
    root = _copy(tmp_path, [("      steps: 4\n", "      steps: {value: 4, note: Strome schody., easy_read: 'Schody są "
                                                 "strome, ponieważ budynek jest stary.'}\n")])
    result = run_wromik("check", "--easy-read", root, check_exit=1)
    assert "facts.steps.easy_read: ER-03: Expected a sentence without a subordinate clause but received „ponieważ”" \
           in result.stderr


def test_wroclaw_notes_all_have_easy_read_versions():
    from conftest import WROCLAW
    from guide import load_guide
    places = load_guide(WROCLAW).places
    blocks = [e for p in places for e in p.entrances] + [p.inside for p in places]
    assert [b for b in blocks if b.notes and b.easy_read is None] == []
    assert run_wromik("check", "--easy-read", WROCLAW).returncode == 0
