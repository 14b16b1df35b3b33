"""The path network as a networkx graph, and the checks that need the whole graph.

Each GeoJSON edge becomes two directed edges (incline and kerbs oriented for travel), and each
office entrance becomes a door edge from its entrance node to the office's own node, so that
"the best entrance" is simply the cheapest way into the office node.
"""

from __future__ import annotations

import math

import networkx as nx

from ..errors import Problem
from .geometry import distance_m
from .model import GuideData, Network

__all__ = ["build_graph", "check_graph", "office_node", "nearby_origins", "MAX_STOP_DISTANCE", "MAX_PARKING_DISTANCE"]

MAX_STOP_DISTANCE = 1200  # metres from the office to a stop the guide routes from
MAX_PARKING_DISTANCE = 500
MAX_STOPS = 3
MAX_ENTRANCE_DISTANCE = 300
ALONGSIDE = 3.0  # metres: a spur's end this close to a path beside it lies on that path


def office_node(office_id: str) -> str:
    return f"office:{office_id}"


def build_graph(data: GuideData) -> nx.MultiDiGraph:
    """The routable graph of a guide's network and office doors."""
    return graph_of(data.network, data.offices)


def graph_of(network: Network, offices) -> nx.MultiDiGraph:
    """The graph; graph.graph holds two indexes: "origins" (stop and parking node ids) and "landmarks" (id -> name)."""
    graph = nx.MultiDiGraph(origins=[], landmarks={})
    for node in network.nodes.values():
        graph.add_node(node.id, kind=node.kind, lon=node.lon, lat=node.lat, name=node.name, stop_id=node.stop_id)
        if node.kind in ("stop", "parking"):
            graph.graph["origins"].append(node.id)
        elif node.kind == "landmark" and node.name:
            graph.graph["landmarks"][node.id] = node.name
    for edge in network.edges:
        forward = dict(edge.attrs, kerb_start=edge.attrs.get("kerb_from"), kerb_end=edge.attrs.get("kerb_to"))
        backward = dict(forward, kerb_start=forward["kerb_end"], kerb_end=forward["kerb_start"])
        if "incline" in edge.attrs:
            backward["incline"] = -edge.attrs["incline"]
        graph.add_edge(edge.start, edge.end, key=f"{edge.id}>", id=edge.id, kind=edge.kind, attrs=forward,
                       coords=edge.coords)
        graph.add_edge(edge.end, edge.start, key=f"{edge.id}<", id=edge.id, kind=edge.kind, attrs=backward,
                       coords=tuple(reversed(edge.coords)))
    ends = {e.node for office in offices for e in office.entrances} | set(graph.graph["origins"])
    for node_id in sorted(ends & set(graph.nodes)):
        _attach_alongside(graph, node_id)
    for office in offices:
        target = office_node(office.id)
        graph.add_node(target, kind="office", lon=office.location.lon, lat=office.location.lat, name=office.short_name,
                       stop_id=None)
        for entrance in office.entrances:
            if entrance.node not in graph:
                continue
            facts = {name: fact.value for name, fact in entrance.facts.items() if fact.known}
            width = facts.get("door_width")
            attrs = {"length": 0.0, "steps": facts.get("steps"), "ramp": facts.get("ramp"),
                     "ramp_incline": facts.get("ramp_incline"), "handrail": facts.get("handrail"),
                     "width": width / 100 if width is not None else None, "kerb_start": facts.get("threshold"),
                     "locked": facts.get("locked"), "bell": facts.get("bell"), "intercom": facts.get("intercom"),
                     "accessible": facts.get("accessible")}
            node = graph.nodes[entrance.node]
            graph.add_edge(entrance.node, target, key=f"door:{entrance.id}", id=f"{office.id}/{entrance.id}",
                           kind="door", entrance=entrance.id, attrs={k: v for k, v in attrs.items() if v is not None},
                           coords=((node["lon"], node["lat"]),))
    return graph


def _attach_alongside(graph: nx.MultiDiGraph, node_id: str) -> None:
    """An entrance or a start drawn as a spur to a node N beyond it, beside paths that lead to N, lies on those
    paths: each is split where it passes the entrance, so no route walks past the door to N and turns back."""
    spurs = {(u, v): d for u, v, d in graph.out_edges(node_id, data=True)}
    if len(spurs) != 1:
        return
    (_, joint), spur = next(iter(spurs.items()))
    here = (graph.nodes[node_id]["lon"], graph.nodes[node_id]["lat"])
    for far, _, key, data in list(graph.in_edges(joint, keys=True, data=True)):
        if far == node_id or data["kind"] != "footway" or not key.endswith(">"):
            continue
        split = _split_point(data["coords"], here)
        if split is None:
            continue
        index, point, lateral = split
        back = f"{data['id']}<"
        reverse = graph.get_edge_data(joint, far, back)
        middle = f"{data['id']}~{node_id}"
        graph.add_node(middle, kind="corner", lon=point[0], lat=point[1], name=None, stop_id=None)
        head, tail = data["coords"][:index] + (point,), (point,) + data["coords"][index:]
        whole = data["attrs"].get("length") or _length(data["coords"])
        first = whole * _length(head) / max(_length(data["coords"]), 0.01)
        graph.remove_edge(far, joint, key)
        graph.add_edge(far, middle, key=f"{data['id']}>", id=data["id"], kind=data["kind"], coords=head,
                       attrs=dict(data["attrs"], length=round(first, 1), kerb_end=None))
        graph.add_edge(middle, joint, key=f"{data['id']}>", id=data["id"], kind=data["kind"], coords=tail,
                       attrs=dict(data["attrs"], length=round(whole - first, 1), kerb_start=None))
        if reverse is not None:
            graph.remove_edge(joint, far, back)
            graph.add_edge(joint, middle, key=back, id=data["id"], kind=data["kind"], coords=tuple(reversed(tail)),
                           attrs=dict(reverse["attrs"], length=round(whole - first, 1), kerb_end=None))
            graph.add_edge(middle, far, key=back, id=data["id"], kind=data["kind"], coords=tuple(reversed(head)),
                           attrs=dict(reverse["attrs"], length=round(first, 1), kerb_start=None))
        link = dict(spur["attrs"], length=round(lateral, 1))
        graph.add_edge(middle, node_id, key=f"{spur['id']}>", id=spur["id"], kind=spur["kind"], attrs=link,
                       coords=(point, here))
        graph.add_edge(node_id, middle, key=f"{spur['id']}<", id=spur["id"], kind=spur["kind"], attrs=link,
                       coords=(here, point))


def _length(coords) -> float:
    return sum(distance_m(*a, *b) for a, b in zip(coords, coords[1:]))


def _split_point(coords, point) -> tuple | None:
    """Where a polyline passes within ALONGSIDE metres of point, away from its ends: (index of the vertex after
    the split, the split point, the distance to it), or None."""
    lat0 = math.radians(point[1])
    scale = (111320 * math.cos(lat0), 110540)
    local = [((lon - point[0]) * scale[0], (lat - point[1]) * scale[1]) for lon, lat in coords]
    for index, ((ax, ay), (bx, by)) in enumerate(zip(local, local[1:]), start=1):
        dx, dy = bx - ax, by - ay
        span = dx * dx + dy * dy
        if span == 0:
            continue
        t = max(0.0, min(1.0, -(ax * dx + ay * dy) / span))
        px, py = ax + t * dx, ay + t * dy
        lateral = math.hypot(px, py)
        near_end = math.hypot(px - local[0][0], py - local[0][1]) < ALONGSIDE or \
            math.hypot(px - local[-1][0], py - local[-1][1]) < ALONGSIDE
        if lateral <= ALONGSIDE and not near_end:
            return index, (point[0] + px / scale[0], point[1] + py / scale[1]), lateral
    return None


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
    """Problems only the whole graph shows: isolated nodes, far entrances, offices no stop reaches."""
    net_file = network_file
    for node_id, node in graph.nodes(data=True):
        if node["kind"] != "office" and graph.degree(node_id) == 0:
            problems.append(Problem(net_file, f"node '{node_id}'", "Expected the node to be joined to the network but "
                                    "no edge reaches it", "Draw an edge to it, or delete the node."))
    undirected = graph.to_undirected(as_view=True)
    for office in data.offices:
        for entrance in office.entrances:
            node = graph.nodes[entrance.node]
            far = distance_m(office.location.lon, office.location.lat, node["lon"], node["lat"])
            if far > MAX_ENTRANCE_DISTANCE:
                problems.append(Problem(office.file, f"office '{office.id}' (entrance '{entrance.id}').node",
                                        f"Expected the entrance within {MAX_ENTRANCE_DISTANCE} m of the office but node "
                                        f"'{entrance.node}' is {round(far)} m away",
                                        "Check the entrance's node id and the office's location."))
        target = office_node(office.id)
        reachable = nx.node_connected_component(undirected, target)
        origins = [o for o in nearby_origins(graph, office.location.lon, office.location.lat)
                   if graph.nodes[o]["kind"] == "stop"]
        if not any(origin in reachable for origin in origins):
            problems.append(Problem(net_file, f"office '{office.id}'", f"Expected a path from a transit stop within "
                                    f"{MAX_STOP_DISTANCE} m to an entrance of {office.short_name} but none exists",
                                    "Draw footway edges from the nearest stop node to the office's entrance node."))

