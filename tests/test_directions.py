"""Route steps as structured data: bearings, turns, rounding, and steps of a real route."""

from __future__ import annotations

import re

import pytest

from guide.routing.directions import compass, round_distance, turn_between
from guide.data.geometry import bearing
from conftest import TINY


def _office_step(step) -> str:
    from guide.language import kind_words
    from guide.language.pl import describe_step
    return describe_step(step, kind=kind_words("pl", "office"))


@pytest.mark.parametrize("a, b, expected", [
    ((17.0, 51.0), (17.0, 51.1), 0), ((17.0, 51.0), (17.1, 51.0), 90),
    ((17.0, 51.0), (17.0, 50.9), 180), ((17.0, 51.0), (16.9, 51.0), 270),
])
def test_bearing(a, b, expected):
    assert bearing(a, b) == pytest.approx(expected, abs=0.1)


@pytest.mark.parametrize("before, after, turn", [
    (0, 5, "straight"), (0, 30, "slight_right"), (0, 90, "right"), (0, 270, "left"), (350, 80, "right"),
    (90, 240, "sharp_right"), (90, 265, "u_turn"), (10, 330, "slight_left"),
])
def test_turns_from_bearing_changes(before, after, turn):
    assert turn_between(before, after) == turn


@pytest.mark.parametrize("metres, said", [(3.4, 3), (12, 10), (13, 15), (147, 150), (1234, 1250), (0.2, 1)])
def test_distances_rounded_for_people(metres, said):
    assert round_distance(metres) == said


def test_compass_points():
    assert [compass(d) for d in (0, 44, 90, 200, 300)] == ["north", "north_east", "east", "south", "north_west"]


def test_steps_of_a_route_turn_cross_and_arrive():
    from guide import load_guide, load_profiles
    from guide.data.network import build_graph
    from guide.routing.routes import plan_place
    data = load_guide(TINY)
    blind = load_profiles()["blind"]
    route = next(r for r in plan_place(build_graph(data), data.places[0], blind) if r.origin == "stop-a")
    actions = [(s.action, s.turn) for s in route.steps]
    assert actions[0] == ("depart", None) and route.steps[0].heading == "east"
    assert ("cross", "right") in actions
    assert actions[-1] == ("arrive", None) and route.steps[-1].name == {"pl": "Wejście frontowe"}
    cross = next(s for s in route.steps if s.action == "cross")
    assert cross.crossing == {"traffic_lights": True, "sound_signal": True, "tactile_paving": True}
    assert cross.distance_m == 15 and "kerb:1" in cross.warnings
    turning = [s for s in route.steps if s.turn not in (None, "straight") and s.action == "walk"]
    assert turning and all(s.cue_before_m == 5 for s in turning)  # blind users hear the turn early
    assert sum(s.distance_m for s in route.steps) == pytest.approx(route.length_m, abs=15)


def test_a_landmark_node_is_named_in_the_step_that_reaches_it(tiny):
    from conftest import edit_network
    from guide import load_guide, load_profiles
    from guide.data.network import build_graph
    from guide.routing.routes import plan_place
    edit_network(tiny, lambda features, _: features["corner-w"]["properties"].update(kind="landmark", name="kiosk"))
    data = load_guide(tiny)
    route = next(r for r in plan_place(build_graph(data), data.places[0], load_profiles()["blind"])
                 if r.origin == "stop-a")
    walk = route.steps[1]
    assert walk.action == "walk" and walk.landmark == "kiosk" and walk.name == "ul. Testowa"


def _cue_gaps(route, describe) -> list:
    """What a blind walker is not told on a route although the data has it: the warning before each decision
    point, each known crossing signal, and the side of the road where a pavement records it."""
    gaps = []
    for index, step in enumerate(route.steps):
        text = describe(step)
        if (step.action == "cross" or step.turn not in (None, "straight")) and not step.cue_before_m:
            gaps.append((index, "no warning before the decision point"))
        for key, words in (("sound_signal", "dźwięk"), ("tactile_paving", "ścieżk")):
            if step.action == "cross" and (step.crossing or {}).get(key) is not None and words not in text:
                gaps.append((index, f"{key} known but not told"))
    sides = [leg for leg in route.legs if leg.kind == "footway" and leg.attrs.get("road_side")]
    if sides and not any("jezdni" in describe(step) for step in route.steps):
        gaps.append((None, "road side known but never told"))
    return gaps


def test_every_wroclaw_route_sets_off_by_road_and_goal_not_by_compass(wroclaw_model):
    describe_step = _office_step
    starts = [describe_step(route.steps[0]) for routes in wroclaw_model.routes.values() for route in routes
              if route.steps]
    assert len(starts) > 50
    for text in starts:
        first_instruction = text.split(". ", 1)[1]  # after "Start: <place>."
        assert not first_instruction.startswith("Kierunek"), text
        assert "Stań tak, aby jezdnia" in text or re.search(r"Idź (w stronę|chodnikiem wzdłuż) \w", text), text
        assert "Kierunek" not in text or text.index("Kierunek") > text.index("Idź "), text


def test_every_blind_route_of_wroclaw_tells_the_cues_its_data_has(wroclaw_model):
    describe_step = _office_step
    blind = [route for (place, profile), routes in wroclaw_model.routes.items() if profile == "blind"
             for route in routes if route.status != "no_route"]
    assert blind and sum(route.crossings for route in blind) > 5
    assert {str(r.origin): _cue_gaps(r, describe_step) for r in blind if _cue_gaps(r, describe_step)} == {}


def test_the_cue_check_finds_a_route_without_its_cues(wroclaw_model):
    from dataclasses import replace
    describe_step = _office_step
    route = next(r for (o, p), routes in wroclaw_model.routes.items() if p == "blind" for r in routes if r.crossings)
    silent = replace(route, steps=tuple(replace(s, cue_before_m=None, crossing={}) for s in route.steps))
    assert any("decision point" in reason for _, reason in _cue_gaps(silent, describe_step))
