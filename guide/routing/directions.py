"""Route steps as structured data, computed from geometry (RT-6): turns from bearings, people-rounded
distances, landmarks, crossing types and warnings. Phrasing per language happens elsewhere."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..data.geometry import bearing

__all__ = ["Step", "steps_for", "turn_between", "round_distance", "compass"]

NEAR_M = 60  # metres: a crossing, landmark or street this near the start is something to head for


@dataclass(frozen=True)
class Step:
    """One instruction. action: depart, walk, ramp, steps, cross, lift, arrive, enter, stairs_up and lift_up (to the
    floor in count, below ground too), room, staff_come_down."""

    action: str
    distance_m: int = 0
    turn: str | None = None  # straight, slight_left, left, sharp_left, slight_right, right, sharp_right, u_turn
    heading: str | None = None  # compass point when departing (told after the orientation, never alone)
    towards: tuple | None = None  # when departing: (kind, name) of what the walk heads for: crossing, street, landmark, place
    road_side: str | None = None  # left or right: where the road runs, in the direction of travel
    building_line: str | None = None  # left or right: a wall or building line to follow
    crossings: int | None = None  # when departing: crossings on the route; when crossing: this one's number
    turns: int | None = None  # when departing: turns on the route
    name: str | None = None  # the path's or place's name
    landmark: str | None = None
    count: int | None = None  # number of steps, or the floor number
    crossing: dict | None = None  # traffic_lights, sound_signal, tactile_paving: True, False or None (no data)
    incline: float | None = None
    warnings: tuple = ()  # codes such as "unknown:kerb", "kerb:3", "steep:7.5", "no_handrail", "stair_climber",
    # "advance_notice:24", "barrier:lift"
    cue_before_m: int | None = None  # for blind users: say the turn this many metres before it
    position: tuple | None = None  # (lon, lat) where the step begins
    facts: dict = field(default_factory=dict)  # extra structured data (door facts, room, …)

    def to_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v not in (None, (), {}, [])}


def turn_between(before: float, after: float) -> str:
    """Name the turn from one bearing to the next."""
    delta = (after - before + 540) % 360 - 180  # -180..180, positive = right
    size = abs(delta)
    side = "right" if delta > 0 else "left"
    if size < 20:
        return "straight"
    if size < 45:
        return f"slight_{side}"
    if size < 135:
        return side
    if size < 170:
        return f"sharp_{side}"
    return "u_turn"


def compass(degrees: float) -> str:
    points = ("north", "north_east", "east", "south_east", "south", "south_west", "west", "north_west")
    return points[int((degrees + 22.5) % 360 // 45)]


def round_distance(metres: float) -> int:
    """Distances as people say them: 7, 15, 40, 120, 350, 1250."""
    if metres < 10:
        return max(1, round(metres))
    if metres < 100:
        return int(5 * round(metres / 5))
    if metres < 1000:
        return int(10 * round(metres / 10))
    return int(50 * round(metres / 50))


def _first_bearing(coords) -> float | None:
    for a, b in zip(coords, coords[1:]):
        if a != b:
            return bearing(a, b)
    return None


def _last_bearing(coords) -> float | None:
    pairs = list(zip(coords, coords[1:]))
    for a, b in reversed(pairs):
        if a != b:
            return bearing(a, b)
    return None


def _warnings(leg, profile) -> list:
    attrs, warnings = leg.attrs, [f"unknown:{u.attribute}" for u in leg.assessment.unknowns]
    for end in ("kerb_start", "kerb_end"):
        if attrs.get(end):
            warnings.append(f"kerb:{attrs[end]:g}")
    incline = attrs.get("incline")
    if incline is not None and abs(incline) >= 5:
        warnings.append(f"steep:{incline:g}")
    if leg.kind == "steps" and attrs.get("handrail") is False:
        warnings.append("no_handrail")
    if attrs.get("open_area"):
        warnings.append("open_area")
    if leg.kind == "crossing" and profile.cost("no_sound") and attrs.get("sound_signal") is False:
        warnings.append("no_sound_signal")
    if leg.kind == "crossing" and profile.cost("no_tactile") and attrs.get("tactile_paving") is False:
        warnings.append("no_tactile_paving")
    warnings += [f"barrier:{b.attribute}" for b in leg.assessment.barriers]
    return list(dict.fromkeys(warnings))


def _towards(legs, destination: str, node_names: dict) -> tuple:
    """What the first walk heads for, to set off in the right direction: the first crossing, a landmark or the
    next street within reach; else the street walked along; else the destination itself."""
    first, walked = None, 0.0
    for leg in legs:
        first = first or leg.attrs.get("name")
        landmark = leg.attrs.get("landmark") or node_names.get(leg.end)
        if walked <= NEAR_M and leg.kind == "crossing":
            return "crossing", leg.attrs.get("name")
        if walked <= NEAR_M and landmark:
            return "landmark", landmark
        if walked <= NEAR_M and leg.attrs.get("name") and leg.attrs["name"] != first:
            return "street", leg.attrs["name"]
        walked += leg.attrs.get("length", 0.0)
    return ("along", first) if first else ("place", destination)


def steps_for(legs, profile, *, origin_name: str, origin_kind: str, destination: str, node_names: dict) -> list:
    """Turn the street part of a route (a list of routing.Leg) into Steps, ending at the door."""
    street = [leg for leg in legs if leg.kind != "door"]
    if not street:
        return []
    steps: list[Step] = [Step("depart", name=origin_name, position=street[0].coords[0],
                              facts={"origin_kind": origin_kind})]
    previous_bearing = None
    current: dict | None = None

    def flush():
        if current:
            steps.append(Step(**{k: v for k, v in current.items() if not k.startswith("_")},
                              distance_m=round_distance(current["_length"])))

    for leg in street:
        start_bearing, end_bearing = _first_bearing(leg.coords), _last_bearing(leg.coords)
        turn = turn_between(previous_bearing, start_bearing) if None not in (previous_bearing, start_bearing) else None
        action = {"footway": "walk", "crossing": "cross"}.get(leg.kind, leg.kind)
        name = leg.attrs.get("name")
        landmark = leg.attrs.get("landmark") or node_names.get(leg.end)
        link = leg.attrs.get("link")  # from a pavement to a door or stop beside it: part of the walk
        mergeable = (current is not None and action == "walk" and current["action"] == "walk"
                     and (link or current.get("name") == name and turn in ("straight", "slight_left", "slight_right")))
        if mergeable:
            current["_length"] += leg.attrs.get("length", 0.0)
            current["landmark"] = landmark or current.get("landmark")
            current["warnings"] = tuple(dict.fromkeys(current["warnings"] + tuple(_warnings(leg, profile))))
            for side in ("road_side", "building_line"):
                current[side] = current[side] or leg.attrs.get(side)
        else:
            flush()
            turned = turn if steps[-1].action != "depart" else None
            decision = turned not in (None, "straight") or action == "cross"  # where a blind walker must act
            current = {
                "action": action, "turn": turned, "name": name,
                "landmark": landmark, "position": leg.coords[0], "warnings": tuple(_warnings(leg, profile)),
                "_length": leg.attrs.get("length", 0.0),
                "cue_before_m": profile.cue_before if decision else None,
                "incline": leg.attrs.get("incline") if leg.kind == "ramp" else None,
                "count": leg.attrs.get("step_count") if leg.kind == "steps" else None,
                "crossing": {k: leg.attrs.get(k) for k in ("traffic_lights", "sound_signal", "tactile_paving")}
                if leg.kind == "crossing" else None,
                "road_side": leg.attrs.get("road_side") if action == "walk" else None,
                "building_line": leg.attrs.get("building_line") if action == "walk" else None,
            }
        previous_bearing = end_bearing if end_bearing is not None else previous_bearing
    flush()
    return _oriented(steps, street, destination, node_names)


def _oriented(steps: list, street: list, destination: str, node_names: dict) -> list:
    """The departure told as a person can use it: the side of the road and what to head for, the compass point
    only after them; the crossings numbered and, with the turns, counted."""
    crossings = [i for i, step in enumerate(steps) if step.action == "cross"]
    for number, index in enumerate(crossings if len(crossings) > 1 else (), start=1):
        steps[index] = replace(steps[index], crossings=number)
    heading = _first_bearing(street[0].coords)
    first_walk = next((step for step in steps[1:] if step.action == "walk"), None)
    steps[0] = replace(steps[0], heading=compass(heading) if heading is not None else None,
                       towards=_towards(street, destination, node_names),
                       road_side=first_walk.road_side if first_walk is steps[1] else None,
                       crossings=len(crossings),
                       turns=sum(step.turn not in (None, "straight") for step in steps[1:]))
    return steps
