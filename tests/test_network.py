"""The routable graph: an entrance or a stop drawn beside a path lies on it, so routes end at the door."""

from __future__ import annotations

import pytest

from guide.data.model import Address, Contacts, Edge, Entrance, Fact, Inside, Location, Network, Node, Place, Phone
from guide.data.network import graph_of
from guide.data.profiles import load_profiles
from guide.routing.routes import plan_place

LAT0, LON0 = 51.1, 17.0
METRE_LAT, METRE_LON = 1 / 110540, 1 / (111320 * 0.6293)  # cos(51.1°)


def _at(east: float, north: float) -> tuple:
    return LON0 + east * METRE_LON, LAT0 + north * METRE_LAT


def _place(place_id: str, node: str) -> Place:
    return Place(id=place_id, name={"pl": "Biuro"}, short_name="Biuro", kind="office",
                  address=Address("ul. Testowa 1", None, "Testowo"), location=Location(*reversed(_at(5, 90)), True),
                  contacts=Contacts((Phone("71 00 00 000"),), None, None, "test", None), hours=None, description={},
                  services=(), entrances=(Entrance("a", node, {"pl": "Wejście"}, {"steps": Fact(0, "test")}),),
                  inside=Inside({"floor": Fact(0, "test")}), file="test")


def _guide(entrance_east: float, *, reverse: bool = False, doors: tuple = (90,)):
    """A stop, a 100 m pavement north to a corner (drawn either way), and entrance spurs drawn from the corner
    back south to each of doors (metres north), entrance_east metres beside the pavement; a place per door."""
    points = {"stop": _at(0, 0), "corner": _at(0, 100)}
    nodes = {"stop": Node("stop", "stop", *points["stop"], name="Przystanek"),
             "corner": Node("corner", "corner", *points["corner"])}
    ends = ("corner", "stop") if reverse else ("stop", "corner")
    edges = [Edge("pavement", "footway", *ends, tuple(points[e] for e in ends), {"length": 100.0})]
    for north in doors:
        door = _at(entrance_east, north)
        nodes[f"door{north}"] = Node(f"door{north}", "entrance", *door, name="Wejście")
        edges.append(Edge(f"spur{north}", "footway", "corner", f"door{north}", (points["corner"], door),
                          {"length": round(((entrance_east ** 2) + (100 - north) ** 2) ** 0.5, 1)}))
    places = [_place(f"place{north}", f"door{north}") for north in doors]
    return graph_of(Network(nodes, tuple(edges)), places), places[0]


def test_a_pavement_drawn_either_way_and_several_doors_along_it_are_all_joined():
    for reverse in (False, True):
        graph, _ = _guide(0.0, reverse=reverse, doors=(90, 80))
        places = [_place("place90", "door90"), _place("place80", "door80")]
        for place, north in zip(places, (90, 80)):
            route = plan_place(graph, place, load_profiles()["pedestrian"])[0]
            assert not [s for s in route.steps if s.turn == "u_turn"], (reverse, north)
            assert route.length_m == pytest.approx(north, abs=1), (reverse, north)


@pytest.mark.parametrize("beside", [0.0, 2.5])
def test_an_entrance_beside_the_path_is_reached_without_walking_past_it(beside):
    graph, place = _guide(beside)
    route = plan_place(graph, place, load_profiles()["pedestrian"])[0]
    assert not [step for step in route.steps if step.turn == "u_turn"]
    assert 89 <= route.length_m <= 90 + beside + 1  # not 100 m past the door and 10 m back
    walks = [step for step in route.steps if step.action == "walk"]
    assert len(walks) == 1 and walks[0].distance_m == 90  # the link to the door is part of the one walk


def test_an_entrance_well_away_from_the_path_keeps_its_own_path():
    graph, place = _guide(20.0)  # 20 m aside: the spur is a real path of its own
    route = plan_place(graph, place, load_profiles()["pedestrian"])[0]
    assert route.length_m == pytest.approx(100 + (20 ** 2 + 100) ** 0.5, abs=0.5)


def test_no_route_of_the_wroclaw_guide_turns_back(wroclaw_model):
    """Every route, every profile: no U-turn (the network forces none), and a route starts where it is."""
    turns = [(place, profile, route.origin) for (place, profile), routes in wroclaw_model.routes.items()
             for route in routes for step in route.steps if step.turn == "u_turn"]
    assert not turns


def test_the_sides_of_a_pavement_turn_round_when_it_is_walked_the_other_way():
    points = {"a": _at(0, 0), "b": _at(0, 100)}
    nodes = {n: Node(n, "corner", *p) for n, p in points.items()}
    edges = (Edge("pavement", "footway", "a", "b", (points["a"], points["b"]),
                  {"length": 100.0, "road_side": "right", "building_line": "left"}),)
    graph = graph_of(Network(nodes, edges), [])
    forward, backward = graph.edges["a", "b", "pavement>"]["attrs"], graph.edges["b", "a", "pavement<"]["attrs"]
    assert (forward["road_side"], forward["building_line"]) == ("right", "left")
    assert (backward["road_side"], backward["building_line"]) == ("left", "right")
