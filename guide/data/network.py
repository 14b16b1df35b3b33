"""The path network as a networkx graph, and the checks that need the whole graph.

Each GeoJSON edge becomes two directed edges (incline, kerbs and sides oriented for travel), and each
place entrance becomes a door edge from its entrance node to the place's own node, so that
"the best entrance" is simply the cheapest way into the place node.
"""

from __future__ import annotations

import itertools
import math

import networkx as nx

from ..errors import Problem
from .geometry import distance_m, local_metres
from .model import Edge, GuideData, Network, Node

__all__ = ["build_graph", "check_graph", "place_node", "readings", "nearby_origins", "MAX_STOP_DISTANCE", "MAX_PARKING_DISTANCE"]

MAX_STOP_DISTANCE = 1200  # metres from the place to a stop the guide routes from
MAX_PARKING_DISTANCE = 500
MAX_STOPS = 3
MAX_ENTRANCE_DISTANCE = 300
ALONGSIDE = 3.0  # metres: an entrance or start this close to a pavement beside it lies on that pavement


def place_node(place_id: str) -> str:
    return f"place:{place_id}"


def build_graph(data: GuideData) -> nx.MultiDiGraph:
    """The routable graph of a guide's network and place doors."""
    return graph_of(data.network, data.places)


def graph_of(network: Network, places) -> nx.MultiDiGraph:
    """The graph; graph.graph holds two indexes: "origins" (stop and parking node ids) and "landmarks" (id -> name)."""
    graph = nx.MultiDiGraph(origins=[], landmarks={})
    nodes = dict(network.nodes)
    ends = {e.node for place in places for e in place.entrances} | {
        n.id for n in nodes.values() if n.kind in ("stop", "parking")}
    edges = _joined(Network(nodes, network.edges), ends)
    for node in nodes.values():
        graph.add_node(node.id, kind=node.kind, lon=node.lon, lat=node.lat, name=node.name, stop_id=node.stop_id)
        if node.kind in ("stop", "parking"):
            graph.graph["origins"].append(node.id)
        elif node.kind == "landmark" and node.name:
            graph.graph["landmarks"][node.id] = node.name
    for edge in edges:
        forward = dict(edge.attrs, kerb_start=edge.attrs.get("kerb_from"), kerb_end=edge.attrs.get("kerb_to"))
        backward = dict(forward, kerb_start=forward["kerb_end"], kerb_end=forward["kerb_start"])
        for side in ("road_side", "building_line"):  # drawn from → to; walked the other way, left is right
            if side in edge.attrs:
                backward[side] = {"left": "right", "right": "left"}[edge.attrs[side]]
        if "incline" in edge.attrs:
            backward["incline"] = -edge.attrs["incline"]
        graph.add_edge(edge.start, edge.end, key=f"{edge.id}>", id=edge.id, kind=edge.kind, attrs=forward,
                       coords=edge.coords)
        graph.add_edge(edge.end, edge.start, key=f"{edge.id}<", id=edge.id, kind=edge.kind, attrs=backward,
                       coords=tuple(reversed(edge.coords)))
    for place in places:
        target = place_node(place.id)
        graph.add_node(target, kind="place", lon=place.location.lon, lat=place.location.lat, name=place.short_name,
                       stop_id=None)
        for entrance in place.entrances:
            if entrance.node not in graph:
                continue
            facts = {name: fact.value for name, fact in entrance.facts.items() if fact.known}
            attrs = _door_attrs(facts)
            disputed = {name: fact.values for name, fact in entrance.facts.items() if fact.disputed}
            if disputed:  # the sources disagree: the door as each of them tells it (see access.assess)
                attrs["disputed"] = tuple(disputed)
                attrs["readings"] = tuple(_door_attrs(dict(facts, **reading)) for reading in readings(disputed))
            node = graph.nodes[entrance.node]
            graph.add_edge(entrance.node, target, key=f"door:{entrance.id}", id=f"{place.id}/{entrance.id}",
                           kind="door", entrance=entrance.id, attrs=attrs, coords=((node["lon"], node["lat"]),))
    return graph


def readings(disputed: dict) -> list:
    """Every way the disagreeing sources can be read: one dict per combination of their values."""
    names = list(disputed)
    return [dict(zip(names, values)) for values in itertools.product(*(disputed[name] for name in names))]


def _door_attrs(facts: dict) -> dict:
    """A door edge's attributes from an entrance's known facts (name -> value)."""
    width = facts.get("door_width")
    attrs = {"length": 0.0, "steps": facts.get("steps"), "ramp": facts.get("ramp"),
             "ramp_incline": facts.get("ramp_incline"), "handrail": facts.get("handrail"),
             "width": width / 100 if width is not None else None, "kerb_start": facts.get("threshold"),
             "locked": facts.get("locked"), "bell": facts.get("bell"), "intercom": facts.get("intercom"),
             "accessible": facts.get("accessible"), "platform_lift": facts.get("platform_lift"),
             "stair_climber": facts.get("stair_climber"), "advance_notice": facts.get("advance_notice")}
    return {k: v for k, v in attrs.items() if v is not None}


def _joined(network: Network, ends: set) -> tuple:
    """The network's edges with every entrance or start that is drawn as a spur to a node N beyond it, beside a
    pavement that leads to N, joined to that pavement where it passes: the pavement is cut there and a link
    (marked "link") leads to the entrance, so no route walks past the door to N and turns back."""
    touching: dict = {}
    for edge in network.edges:
        touching.setdefault(edge.start, []).append(edge)
        touching.setdefault(edge.end, []).append(edge)
    cuts: dict = {}  # edge id -> [(metres along, point, end node id, spur)]
    for end in sorted(ends):
        if len(touching.get(end, ())) != 1:
            continue
        spur = touching[end][0]
        joint, node = spur.end if spur.start == end else spur.start, network.nodes[end]
        for edge in touching[joint]:
            found = _passing(edge.coords, (node.lon, node.lat)) if edge is not spur and edge.kind == "footway" else None
            if found:
                cuts.setdefault(edge.id, []).append((*found, end, spur))
    edges = []
    for edge in network.edges:
        if edge.id not in cuts:
            edges.append(edge)
            continue
        edges += _cut(edge, sorted(cuts[edge.id], key=lambda cut: cut[0]), network.nodes)
    return edges


def _passing(coords, point) -> tuple | None:
    """Where a line passes within ALONGSIDE metres of point, away from its ends: (metres along the line,
    the point on the line), or None."""
    to_metres, to_degrees = local_metres(point)
    local = [to_metres(p) for p in coords]
    along = 0.0
    for (ax, ay), (bx, by) in zip(local, local[1:]):
        dx, dy = bx - ax, by - ay
        span = math.hypot(dx, dy)
        if span:
            t = max(0.0, min(1.0, -(ax * dx + ay * dy) / span ** 2))
            px, py = ax + t * dx, ay + t * dy
            at = along + t * span
            if math.hypot(px, py) <= ALONGSIDE and ALONGSIDE <= at <= _total(local) - ALONGSIDE:
                return at, to_degrees(px, py)
        along += span
    return None


def _total(local) -> float:
    return sum(math.hypot(bx - ax, by - ay) for (ax, ay), (bx, by) in zip(local, local[1:]))


def _cut(edge: Edge, cuts: list, nodes: dict) -> list:
    """The edge cut at each (metres along, point, end, spur), in order, with a link from each cut to its end."""
    to_metres, _ = local_metres(edge.coords[0])
    local = [to_metres(p) for p in edge.coords]
    marks = [0.0]
    for (ax, ay), (bx, by) in zip(local, local[1:]):
        marks.append(marks[-1] + math.hypot(bx - ax, by - ay))
    scale = edge.attrs.get("length", marks[-1]) / max(marks[-1], 0.01)  # the drawn length may be corrected
    parts, start, coords, done = [], edge.start, [edge.coords[0]], 0.0
    vertices = list(zip(marks[1:], edge.coords[1:]))
    for at, point, end, spur in cuts:
        while vertices and vertices[0][0] < at:
            coords.append(vertices.pop(0)[1])
        middle = f"{edge.id}~{end}"
        nodes[middle] = Node(middle, "corner", *point)
        parts.append(_part(edge, start, middle, coords + [point], (at - done) * scale, first=not parts, last=False))
        lateral = distance_m(*point, nodes[end].lon, nodes[end].lat)
        parts.append(Edge(spur.id, spur.kind, middle, end, (point, (nodes[end].lon, nodes[end].lat)),
                          dict(spur.attrs, length=round(lateral, 1), link=True)))
        start, coords, done = middle, [point], at
    coords += [p for _, p in vertices]
    parts.append(_part(edge, start, edge.end, coords, (marks[-1] - done) * scale, first=not parts, last=True))
    return parts


def _part(edge: Edge, start: str, end: str, coords: list, length: float, *, first: bool, last: bool) -> Edge:
    """A piece of a cut edge: the kerbs stay at the edge's own ends."""
    attrs = dict(edge.attrs, length=round(length, 1))
    if not first:
        attrs.pop("kerb_from", None)
    if not last:
        attrs.pop("kerb_to", None)
    return Edge(edge.id, edge.kind, start, end, tuple(coords), attrs)


def nearby_origins(graph: nx.MultiDiGraph, lon: float, lat: float) -> list:
    """Stops and disabled parking within reach of a place, nearest first."""
    candidates = []
    for node_id in graph.graph["origins"]:
        node = graph.nodes[node_id]
        distance = distance_m(lon, lat, node["lon"], node["lat"])
        if distance <= (MAX_STOP_DISTANCE if node["kind"] == "stop" else MAX_PARKING_DISTANCE):
            candidates.append((distance, node_id))
    return [node_id for _, node_id in sorted(candidates)]


def check_graph(data: GuideData, graph: nx.MultiDiGraph, problems: list, *, network_file: str) -> None:
    """Problems only the whole graph shows: isolated nodes, far entrances, places no stop reaches."""
    net_file = network_file
    for node_id, node in graph.nodes(data=True):
        if node["kind"] != "place" and graph.degree(node_id) == 0:
            problems.append(Problem(net_file, f"node '{node_id}'", "Expected the node to be joined to the network but "
                                    "no edge reaches it", "Draw an edge to it, or delete the node."))
    undirected = graph.to_undirected(as_view=True)
    for place in data.places:
        for entrance in place.entrances:
            node = graph.nodes[entrance.node]
            far = distance_m(place.location.lon, place.location.lat, node["lon"], node["lat"])
            if far > MAX_ENTRANCE_DISTANCE:
                problems.append(Problem(place.file, f"place '{place.id}' (entrance '{entrance.id}').node",
                                        f"Expected the entrance within {MAX_ENTRANCE_DISTANCE} m of the place but node "
                                        f"'{entrance.node}' is {round(far)} m away",
                                        "Check the entrance's node id and the place's location."))
        target = place_node(place.id)
        reachable = nx.node_connected_component(undirected, target)
        origins = [o for o in nearby_origins(graph, place.location.lon, place.location.lat)
                   if graph.nodes[o]["kind"] == "stop"]
        if not any(origin in reachable for origin in origins):
            problems.append(Problem(net_file, f"place '{place.id}'", f"Expected a path from a transit stop within "
                                    f"{MAX_STOP_DISTANCE} m to an entrance of {place.short_name} but none exists",
                                    "Draw footway edges from the nearest stop node to the place's entrance node."))

