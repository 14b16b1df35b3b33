"""Accessible routing over the tiny guide and the whole default Wrocław data (RT-1 … RT-5)."""

from __future__ import annotations

import pytest

from guide import load_guide, load_profiles
from guide.routing.access import assess
from guide.data.network import build_graph
from guide.routing.routes import plan_place
from conftest import TINY, WROCLAW, edit_text

PROFILES = load_profiles()


def _routes(root, place_id, profile_id):
    data = load_guide(root)
    place = next(o for o in data.places if o.id == place_id)
    return {r.origin: r for r in plan_place(build_graph(data), place, PROFILES[profile_id])}


def test_profiles_are_data_with_the_standard_limits():
    manual = PROFILES["manual_wheelchair"]
    assert (manual.limit("uphill"), manual.limit("downhill"), manual.limit("kerb"), manual.limit("width")) == (6, 10, 2, 0.9)
    assert manual.limit("steps") == "forbid" and "gravel" in manual.limits["surfaces"]
    powered = PROFILES["powered_wheelchair"]
    assert (powered.limit("uphill"), powered.limit("kerb")) == (12, 3)
    assert PROFILES["walking_aid"].limit("steps") == "cost" and PROFILES["walking_aid"].limit("uphill") == 14
    assert set(PROFILES) == {"pedestrian", "manual_wheelchair", "powered_wheelchair", "walking_aid", "blind"}


@pytest.mark.parametrize("attrs, attribute, value, limit", [
    ({"incline": 7.0}, "incline", 7.0, 6),
    ({"incline": -11.0}, "incline", -11.0, -10),
    ({"kerb_start": 4}, "kerb", 4, 2),
    ({"width": 0.8}, "width", 0.8, 0.9),
    ({"surface": "gravel"}, "surface", "gravel", "paved"),
])
def test_an_edge_over_a_limit_is_a_barrier_with_its_value(attrs, attribute, value, limit):
    base = {"length": 10, "incline": 0, "width": 2, "surface": "asphalt", "kerb_start": 0, "kerb_end": 0}
    result = assess("footway", dict(base, **attrs), PROFILES["manual_wheelchair"])
    assert [(b.attribute, b.value, b.limit) for b in result.barriers] == [(attribute, value, limit)]


def test_steps_block_wheelchairs_and_cost_walking_aid_users():
    steps = {"length": 3, "step_count": 5, "handrail": True}
    assert assess("steps", steps, PROFILES["manual_wheelchair"]).barriers[0].value == 5
    walking = assess("steps", steps, PROFILES["walking_aid"])
    assert walking.passable and walking.seconds == pytest.approx(3 / 0.7 + 5 * 6)


def test_unknown_is_not_fine_it_is_costed_and_reported():
    known = assess("footway", {"length": 10, "incline": 0, "width": 2, "surface": "asphalt"}, PROFILES["manual_wheelchair"])
    unknown = assess("footway", {"length": 10}, PROFILES["manual_wheelchair"])
    assert not known.unknowns
    assert {u.attribute for u in unknown.unknowns} == {"incline", "width", "surface"}
    assert unknown.seconds > known.seconds + 300


def test_crossings_and_lifts_cost_time():
    pedestrian = PROFILES["pedestrian"]
    assert assess("crossing", {"length": 12}, pedestrian).seconds == pytest.approx(12 / 1.2 + 30)
    assert assess("lift", {"length": 2}, pedestrian).seconds == pytest.approx(2 / 1.2 + 45)


def test_wheelchair_goes_to_the_side_door_with_the_ramp():
    routes = _routes(TINY, "test-place", "manual_wheelchair")
    assert routes["stop-a"].status == "ok" and routes["stop-a"].entrance == "side"
    assert routes["parking"].entrance == "side"


def test_pedestrian_takes_the_nearer_front_door():
    assert _routes(TINY, "test-place", "pedestrian")["stop-a"].entrance == "front"


def test_no_route_names_the_barrier_its_value_and_the_alternatives():
    route = _routes(TINY, "test-place", "manual_wheelchair")["stop-b"]
    assert route.status == "no_route" and route.entrance is None
    found = {(b.barrier.attribute, b.barrier.value, b.barrier.limit, b.edge_id) for b in route.barriers}
    assert ("kerb", 5, 2, "b-cross") in found
    assert ("steps", 4, 0, "test-place/front") in found
    kinds = [(a.kind, a.origin or a.phone) for a in route.alternatives]
    assert ("origin", "stop-a") in kinds and ("call", "71 00 00 101") in kinds


def test_door_to_desk_takes_the_lift(tiny):
    route = _routes(tiny, "test-place", "manual_wheelchair")["stop-a"]
    actions = [s.action for s in route.inside.steps]
    assert actions == ["enter", "lift_up", "room"] and route.inside.steps[-1].name == "12"
    assert route.inside.facilities["accessible_toilet"].value is True


def test_door_to_desk_without_a_lift_is_a_barrier(tiny):
    edit_text(tiny / "places/test-place.yaml", "lift: true", "lift: false")
    wheelchair = _routes(tiny, "test-place", "manual_wheelchair")["stop-a"]
    assert [b.attribute for b in wheelchair.inside.barriers] == ["lift"]
    assert any(a.kind == "call" for a in wheelchair.alternatives)
    assert not _routes(tiny, "test-place", "blind")["stop-a"].inside.barriers


def test_a_route_on_unknown_data_says_so(tiny):
    edit_text(tiny / "places/test-place.yaml", "      door_width: 100\n", "")
    route = _routes(tiny, "test-place", "manual_wheelchair")["stop-a"]
    assert route.status == "unverified"
    assert ("door_width", "test-place/side") in {(u.attribute, u.edge_id) for u in route.unknowns}


def test_routing_is_pure_same_input_same_routes():
    first = _routes(TINY, "test-place", "blind")
    second = _routes(TINY, "test-place", "blind")
    assert first == second


# The whole default data set

def test_every_place_and_profile_has_routes(wroclaw_model):
    for place in wroclaw_model.data.places:
        for profile in wroclaw_model.profiles:
            routes = wroclaw_model.routes_for(place.id, profile)
            assert 1 <= len([r for r in routes if r.origin_kind == "stop"]) <= 3, (place.id, profile)


def test_no_wheelchair_route_uses_steps_high_kerbs_or_steep_slopes(wroclaw_model):
    checked = 0
    for profile_id in ("manual_wheelchair", "powered_wheelchair"):
        profile = wroclaw_model.profiles[profile_id]
        for routes in (v for (o, p), v in wroclaw_model.routes.items() if p == profile_id):
            for route in routes:
                if route.status == "no_route":
                    continue
                for leg in route.legs:
                    checked += 1
                    assert leg.kind != "steps", (route.place, leg.edge_id)
                    for end in ("kerb_start", "kerb_end"):
                        assert (leg.attrs.get(end) or 0) <= profile.limit("kerb"), (route.place, leg.edge_id)
                    incline = leg.attrs.get("incline") or 0
                    assert -profile.limit("downhill") <= incline <= profile.limit("uphill"), (route.place, leg.edge_id)
                    if leg.kind == "door":
                        assert leg.attrs.get("ramp") or not leg.attrs.get("steps"), (route.place, leg.edge_id)
    assert checked > 100


def test_strzegomska_6_wheelchair_uses_entrance_b_walking_may_use_a(wroclaw_model):
    wheelchair = wroclaw_model.routes_for("strzegomska-6", "manual_wheelchair")
    assert wheelchair and {r.entrance for r in wheelchair} == {"b"}
    walking = wroclaw_model.routes_for("strzegomska-6", "walking_aid")
    assert "a" in {r.entrance for r in walking}
    room_barriers = {b.attribute: b.value for b in wheelchair[0].inside.barriers}
    assert room_barriers == {"room_door_width": 80, "room_threshold": 10}


def test_some_place_has_no_accessible_route_and_says_why(wroclaw_model):
    routes = wroclaw_model.routes_for("nowowiejska-102", "manual_wheelchair")
    assert routes and all(r.status == "no_route" for r in routes)
    reasons = {(b.entrance, b.barrier.attribute) for r in routes for b in r.barriers}
    assert {("frontowe", "accessible"), ("tylne", "locked")} <= reasons
    assert all(any(a.kind == "call" and a.phone for a in r.alternatives) for r in routes)


def test_a_door_names_its_own_facts_when_they_block_or_are_unknown():
    wheelchair = load_profiles()["manual_wheelchair"]
    narrow = assess("door", {"width": 0.7, "kerb_start": 5, "ramp": True}, wheelchair)
    assert {b.attribute for b in narrow.barriers} == {"door_width", "threshold"}
    unknown = assess("door", {"ramp": True}, wheelchair)
    assert {u.attribute for u in unknown.unknowns} >= {"door_width", "threshold"}
    assert {u.attribute for u in assess("footway", {"incline": 0, "surface": "asphalt"}, wheelchair).unknowns} >= {"width"}
