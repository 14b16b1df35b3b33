"""Accessible routing on the path graph: pure functions, no I/O (RT-1 … RT-5).

For each place and profile, the best route from each nearby stop or parking to the place's
best entrance for that profile; when none exists, the blocking barriers and the alternatives;
then door to desk.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import networkx as nx

from .access import Assessment, Barrier, assess, settled
from .directions import Step, steps_for
from ..data.model import Place
from ..data.network import MAX_STOPS, nearby_origins, place_node, readings
from ..data.profiles import Profile

__all__ = ["Leg", "BarrierAt", "UnknownAt", "Alternative", "InsideRoute", "Route", "plan_place", "inside_route"]

MAX_SECONDS = 3600  # routes longer than an hour's travel are not "nearby"
CALL_AHEAD = ("stair_climber", "advance_notice", "staff_come_down")  # warnings that ask to call before the visit
BARRIER_PENALTY = 900  # seconds per barrier when looking for the least-bad path (RT-3 explanations)


@dataclass(frozen=True)
class Leg:
    """One directed edge of a route, assessed for the profile."""

    edge_id: str
    kind: str
    start: str
    end: str
    attrs: dict
    coords: tuple
    assessment: Assessment
    entrance: str | None = None


@dataclass(frozen=True)
class BarrierAt:
    barrier: Barrier
    edge_id: str
    kind: str
    position: tuple
    name: str | None = None
    entrance: str | None = None


@dataclass(frozen=True)
class UnknownAt:
    attribute: str
    edge_id: str
    position: tuple
    disputed: bool = False  # the sources disagree about it


@dataclass(frozen=True)
class Alternative:
    """What to do instead: another stop or parking (origin), or call ahead (phone)."""

    kind: str  # "origin" or "call"
    origin: str | None = None
    origin_name: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class InsideRoute:
    """Door to desk (RT-4)."""

    steps: tuple
    barriers: tuple  # Barrier
    unknowns: tuple  # attribute names
    facilities: dict  # facility -> Fact
    disputed: tuple = ()  # the unknowns that are facts whose sources disagree


@dataclass(frozen=True)
class Route:
    place: str
    profile: str
    origin: str
    origin_name: str
    origin_kind: str
    status: str  # ok, unverified (depends on unknown data) or no_route
    entrance: str | None
    legs: tuple
    length_m: float
    duration_s: float
    crossings: int
    barriers: tuple = ()
    unknowns: tuple = ()
    alternatives: tuple = ()
    steps: tuple = ()
    inside: InsideRoute | None = None
    warnings: tuple = field(default=())

    @property
    def missing_data(self) -> tuple:
        """Every attribute this route depends on that nobody has checked, outside and inside, once each."""
        inside = self.inside.unknowns if self.inside else ()
        return tuple(dict.fromkeys([u.attribute for u in self.unknowns] + list(inside)))

    @property
    def disputed(self) -> tuple:
        """The missing data that is there but disputed: facts whose sources disagree."""
        inside = self.inside.disputed if self.inside else ()
        return tuple(dict.fromkeys([u.attribute for u in self.unknowns if u.disputed] + list(inside)))

    @property
    def calls_ahead(self) -> bool:
        """The route asks the reader to call before the visit (staff must bring a stair climber, come down…)."""
        steps = self.steps + (self.inside.steps if self.inside else ())
        return any(w.partition(":")[0] in CALL_AHEAD for step in steps for w in step.warnings)

    @property
    def coords(self) -> list:
        points: list = []
        for leg in self.legs:
            for point in leg.coords:
                if not points or points[-1] != point:
                    points.append(point)
        return points


class _Weigher:
    """Edge weights for one profile, assessed lazily and remembered."""

    def __init__(self, graph: nx.MultiDiGraph, profile: Profile):
        self.graph, self.profile, self.memo = graph, profile, {}

    def assessment(self, u, v, key) -> Assessment:
        found = self.memo.get((u, v, key))
        if found is None:
            data = self.graph.edges[u, v, key]
            found = self.memo[(u, v, key)] = assess(data["kind"], data["attrs"], self.profile)
        return found

    def best_key(self, u, v, relaxed: bool):
        best = None
        for key in self.graph[u][v]:
            found = self.assessment(u, v, key)
            if found.barriers and not relaxed:
                continue
            cost = found.seconds + BARRIER_PENALTY * len(found.barriers)
            if best is None or cost < best[0]:
                best = (cost, key)
        return best

    def strict(self, u, v, _data):
        best = self.best_key(u, v, relaxed=False)
        return None if best is None else best[0]

    def relaxed(self, u, v, _data):
        return self.best_key(u, v, relaxed=True)[0]


def _legs(graph, weigher: _Weigher, path, relaxed: bool) -> tuple:
    legs = []
    for u, v in zip(path, path[1:]):
        _, key = weigher.best_key(u, v, relaxed)
        data = graph.edges[u, v, key]
        legs.append(Leg(data["id"], data["kind"], u, v, data["attrs"], data["coords"], weigher.assessment(u, v, key),
                        data.get("entrance")))
    return tuple(legs)


def _duration(legs, profile: Profile) -> float:
    """Travel time as told to the reader (RT-5): walking, waiting at crossings and lifts, climbing steps;
    without the penalties that only steer the route choice."""
    seconds = 0.0
    for leg in legs:
        seconds += leg.attrs.get("length", 0.0) / profile.speed
        if leg.kind in ("crossing", "lift"):
            seconds += profile.cost(leg.kind)
        elif leg.kind == "steps":
            seconds += (leg.attrs.get("step_count") or 1) * profile.cost("step")
    return seconds


def plan_place(graph: nx.MultiDiGraph, place: Place, profile: Profile) -> list:
    """Every route to one place for one profile: one per nearby stop or parking, with explanations."""
    weigher = _Weigher(graph, profile)
    target = place_node(place.id)
    routes, names = [], set()
    for origin in nearby_origins(graph, place.location.lon, place.location.lat):
        node = graph.nodes[origin]
        if node["kind"] == "stop" and (node["name"] in names or len(names) >= MAX_STOPS):
            continue
        route = _route_from(graph, weigher, origin, target, place, profile)
        if route is None:
            continue  # not linked to this place by any path
        routes.append(route)
        if node["kind"] == "stop":
            names.add(node["name"])
    usable = [r for r in routes if r.status != "no_route"]
    phone = place.contacts.phones[0].number if place.contacts.phones else None
    finished = []
    for route in routes:
        alternatives = []
        inside_blocked = route.inside is not None and route.inside.barriers
        if route.status == "no_route":
            alternatives += [Alternative("origin", r.origin, r.origin_name) for r in usable]
        if route.status == "no_route" or inside_blocked or route.status == "unverified" or route.calls_ahead:
            alternatives.append(Alternative("call", phone=phone))
        finished.append(replace(route, alternatives=tuple(alternatives)))
    return finished


def _route_from(graph, weigher: _Weigher, origin, target, place: Place, profile: Profile) -> Route | None:
    relaxed = False
    try:
        _, path = nx.single_source_dijkstra(graph, origin, target, cutoff=MAX_SECONDS, weight=weigher.strict)
    except nx.NetworkXNoPath:
        relaxed = True
        try:
            _, path = nx.single_source_dijkstra(graph, origin, target, weight=weigher.relaxed)
        except nx.NetworkXNoPath:
            return None
    legs = _legs(graph, weigher, path, relaxed)
    barriers, unknowns = [], []
    for leg in legs:
        position = leg.coords[len(leg.coords) // 2]
        name = leg.attrs.get("name") or graph.nodes[leg.start].get("name")
        barriers += [BarrierAt(b, leg.edge_id, leg.kind, position, name, leg.entrance) for b in leg.assessment.barriers]
        unknowns += [UnknownAt(u.attribute, leg.edge_id, position, u.disputed) for u in leg.assessment.unknowns]
    if relaxed:
        barriers += _other_doors(graph, weigher, target, legs)
    entrance = legs[-1].entrance if legs and legs[-1].kind == "door" else None
    origin_node = graph.nodes[origin]
    steps = steps_for(legs, profile, origin_name=origin_node["name"] or origin, origin_kind=origin_node["kind"],
                      destination=place.short_name,
                      node_names=graph.graph["landmarks"])
    inside = None
    if entrance and not relaxed:
        door = place.entrance(entrance)
        steps.append(Step("arrive", name=dict(door.name), position=legs[-1].coords[0],
                          facts={k: f.value for k, f in door.facts.items() if f.known},
                          warnings=legs[-1].assessment.warnings))
        inside = inside_route(place, profile)
    status = "no_route" if relaxed else ("unverified" if unknowns else "ok")
    if inside and inside.unknowns and status == "ok":
        status = "unverified"
    return Route(place=place.id, profile=profile.id, origin=origin, origin_name=origin_node["name"] or origin,
                 origin_kind=origin_node["kind"], status=status, entrance=entrance if not relaxed else None,
                 legs=legs, length_m=round(sum(leg.attrs.get("length", 0.0) for leg in legs), 1),
                 duration_s=round(_duration(legs, profile)), crossings=sum(leg.kind == "crossing" for leg in legs),
                 barriers=tuple(barriers) if relaxed else (), unknowns=tuple(dict.fromkeys(unknowns)),
                 steps=tuple(steps), inside=inside)


def _other_doors(graph, weigher: _Weigher, target, legs) -> list:
    """Why each other entrance of the place is closed to the profile (RT-3: no entrance works)."""
    used = legs[-1].entrance if legs and legs[-1].kind == "door" else None
    found = []
    for entrance_node, _, key, data in graph.in_edges(target, keys=True, data=True):
        if data.get("entrance") == used:
            continue
        for barrier in weigher.assessment(entrance_node, target, key).barriers:
            found.append(BarrierAt(barrier, data["id"], "door", data["coords"][0], graph.nodes[entrance_node]["name"],
                                   data["entrance"]))
    return found


def inside_route(place: Place, profile: Profile) -> InsideRoute:
    """From the door to the desk: floors, lift, steps and the room's door (RT-4). Facts whose sources disagree
    are read each way: when the readings differ for the profile, the route depends on them (never fine)."""
    facts = {name: fact.value for name, fact in place.inside.facts.items() if fact.known}
    disputed = {name: fact.values for name, fact in place.inside.facts.items() if fact.disputed}
    outcomes = [_inside(dict(facts, **reading), place, profile) for reading in readings(disputed)]
    best, differ = settled(outcomes, lambda inside: (inside.barriers, inside.unknowns))
    if not differ:
        return best
    names = tuple(disputed)
    return replace(best, unknowns=best.unknowns + names, disputed=names)


def _inside(facts: dict, place: Place, profile: Profile) -> InsideRoute:
    """The way inside by the inside's known facts (name -> value)."""
    steps, barriers, unknowns = [Step("enter", name=place.short_name)], [], []
    floor, lift = facts.get("floor"), facts.get("lift")
    if floor is None:
        if profile.needs_lift:
            unknowns.append("floor")
    elif floor != 0:
        if lift:
            steps.append(Step("lift_up", count=floor))
        elif profile.needs_lift:
            if lift is None:
                unknowns.append("lift")
            else:
                barriers.append(Barrier("lift", False, True, ""))
            steps.append(Step("stairs_up", count=floor, warnings=("no_lift",) if lift is False else ("unknown:lift",)))
        else:
            steps.append(Step("stairs_up", count=floor))
    inner_steps = facts.get("steps_inside")
    if inner_steps and profile.limit("steps") == "forbid":
        barriers.append(Barrier("steps", "?" if inner_steps is True else inner_steps, 0, "steps"))
    width, threshold = facts.get("room_door_width"), facts.get("room_threshold")
    if profile.limit("width") is not None and width is not None and width / 100 < profile.limit("width"):
        barriers.append(Barrier("room_door_width", width, round(profile.limit("width") * 100), "cm"))
    if profile.limit("kerb") is not None and threshold is not None and threshold > profile.limit("kerb"):
        barriers.append(Barrier("room_threshold", threshold, profile.limit("kerb"), "cm"))
    facilities = {name: place.inside.fact(name) for name in ("accessible_toilet", "induction_loop", "sign_language",
                                                            "guide_dogs", "seating")}
    blocked = barriers or {"floor", "lift"} & set(unknowns)
    if blocked and facts.get("staff_come_down") and profile.needs_lift:  # staff serve the reader at the entrance
        told = tuple(f"barrier:{b.attribute}" for b in barriers) + tuple(f"unknown:{u}" for u in unknowns)
        steps = [steps[0], Step("staff_come_down", count=floor, warnings=("staff_come_down", *told))]
        # the number to call is the route's call-ahead alternative, told once after the route
        return InsideRoute(tuple(steps), (), (), facilities)
    steps.append(Step("room", name=facts.get("room"), count=floor,
                      warnings=tuple(f"barrier:{b.attribute}" for b in barriers)))
    return InsideRoute(tuple(steps), tuple(barriers), tuple(unknowns), facilities)
