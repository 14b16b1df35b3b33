"""Route steps as structured data: bearings, turns, rounding, and steps of a real route."""

from __future__ import annotations

import pytest

from guide.routing.directions import compass, round_distance, turn_between
from guide.data.geometry import bearing
from conftest import TINY


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
    from guide.routing.routes import plan_office
    data = load_guide(TINY)
    blind = load_profiles()["blind"]
    route = next(r for r in plan_office(build_graph(data), data.offices[0], blind) if r.origin == "stop-a")
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
    from guide.routing.routes import plan_office
    edit_network(tiny, lambda features, _: features["corner-w"]["properties"].update(kind="landmark", name="kiosk"))
    data = load_guide(tiny)
    route = next(r for r in plan_office(build_graph(data), data.offices[0], load_profiles()["blind"])
                 if r.origin == "stop-a")
    walk = route.steps[1]
    assert walk.action == "walk" and walk.landmark == "kiosk" and walk.name == "ul. Testowa"
