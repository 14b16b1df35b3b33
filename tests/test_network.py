"""The routable graph: an entrance or a stop drawn beside a path lies on it, so routes end at the door."""

from __future__ import annotations

import pytest

from guide.data.model import Address, Contacts, Edge, Entrance, Fact, Inside, Location, Network, Node, Office, Phone
from guide.data.network import graph_of
from guide.data.profiles import load_profiles
from guide.routing.routes import plan_office

LAT0, LON0 = 51.1, 17.0
METRE_LAT, METRE_LON = 1 / 110540, 1 / (111320 * 0.6293)  # cos(51.1°)


def _at(east: float, north: float) -> tuple:
    return LON0 + east * METRE_LON, LAT0 + north * METRE_LAT


def _guide(entrance_east: float):
    """A stop, a 100 m pavement north to a corner, and an entrance spur drawn from the corner back south to
    90 m, entrance_east metres beside the pavement."""
    points = {"stop": _at(0, 0), "corner": _at(0, 100), "door": _at(entrance_east, 90)}
    nodes = {"stop": Node("stop", "stop", *points["stop"], name="Przystanek"),
             "corner": Node("corner", "corner", *points["corner"]),
             "door": Node("door", "entrance", *points["door"], name="Wejście")}
    edges = (Edge("pavement", "footway", "stop", "corner", (points["stop"], points["corner"]), {"length": 100.0}),
             Edge("spur", "footway", "corner", "door", (points["corner"], points["door"]),
                  {"length": round(((entrance_east ** 2) + 100) ** 0.5, 1)}))
    office = Office(id="office", name={"pl": "Biuro"}, short_name="Biuro", kind="field_office",
                    address=Address("ul. Testowa 1", None, "Testowo"), location=Location(*reversed(_at(5, 90)), True),
                    contacts=Contacts((Phone("71 00 00 000"),), None, None, "test", None), hours=None, description={},
                    services=(), entrances=(Entrance("a", "door", {"pl": "Wejście"}, {"steps": Fact(0, "test")}),),
                    inside=Inside({"floor": Fact(0, "test")}), file="test")
    return graph_of(Network(nodes, edges), [office]), office


@pytest.mark.parametrize("beside", [0.0, 2.5])
def test_an_entrance_beside_the_path_is_reached_without_walking_past_it(beside):
    graph, office = _guide(beside)
    route = plan_office(graph, office, load_profiles()["pedestrian"])[0]
    assert not [step for step in route.steps if step.turn == "u_turn"]
    assert 89 <= route.length_m <= 90 + beside + 1  # not 100 m past the door and 10 m back
    walks = [step for step in route.steps if step.action == "walk"]
    assert len(walks) == 1 and walks[0].distance_m == 90  # the link to the door is part of the one walk


def test_an_entrance_well_away_from_the_path_keeps_its_own_path():
    graph, office = _guide(20.0)  # 20 m aside: the spur is a real path of its own
    route = plan_office(graph, office, load_profiles()["pedestrian"])[0]
    assert route.length_m == pytest.approx(100 + (20 ** 2 + 100) ** 0.5, abs=0.5)


def test_no_route_of_the_wroclaw_guide_turns_back(wroclaw_model):
    """Every route, every profile: no U-turn (the network forces none), and a route starts where it is."""
    turns = [(office, profile, route.origin) for (office, profile), routes in wroclaw_model.routes.items()
             for route in routes for step in route.steps if step.turn == "u_turn"]
    assert not turns
