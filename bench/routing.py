"""Benchmark: route every place for every profile on a synthetic 100,000-node city.

Target (issue 2): ≤ 10 s and ≤ 1 GiB peak memory on the 2-core machine.
Run: make bench   (or .venv/bin/python bench/routing.py [--nodes N])
"""

from __future__ import annotations

import argparse
import math
import random
import resource
import time

from guide.data.model import Address, Contacts, Edge, Entrance, Fact, Inside, Location, Network, Node, Place, Phone
from guide.data.network import graph_of
from guide.data.profiles import load_profiles
from guide.routing.routes import plan_place

SPACING_M = 40.0
LAT0, LON0 = 51.0, 16.8
SURFACES = ["asphalt"] * 6 + ["paving_stones"] * 3 + ["sett", "gravel", "cobblestone"]


def _point(i: int, j: int) -> tuple:
    return (LON0 + i * SPACING_M / (111320 * math.cos(math.radians(LAT0))), LAT0 + j * SPACING_M / 111320)


def synthetic_city(nodes: int, places: int, seed: int = 7):
    """A grid street network with random, partly unknown accessibility attributes."""
    rng = random.Random(seed)
    side = int(math.sqrt(nodes))
    network_nodes, edges = {}, []
    for i in range(side):
        for j in range(side):
            kind = "stop" if (i % 8 == 0 and j % 8 == 0) else "corner"
            lon, lat = _point(i, j)
            network_nodes[f"n{i}-{j}"] = Node(f"n{i}-{j}", kind, lon, lat, name=f"Przystanek {i}/{j}"
                                              if kind == "stop" else None, stop_id=f"{i}-{j}" if kind == "stop" else None)
    for i in range(side):
        for j in range(side):
            for di, dj in ((1, 0), (0, 1)):
                if i + di >= side or j + dj >= side:
                    continue
                a, b = f"n{i}-{j}", f"n{i + di}-{j + dj}"
                kind = rng.choices(["footway", "crossing", "steps", "ramp"], [80, 14, 3, 3])[0]
                attrs = {"length": SPACING_M}
                for key, make in (("incline", lambda: round(rng.gauss(0, 3), 1)), ("width", lambda: rng.choice([0.8, 1.5, 2.5])),
                                  ("surface", lambda: rng.choice(SURFACES)), ("kerb_from", lambda: rng.choice([0, 1, 2, 4, 8])),
                                  ("kerb_to", lambda: rng.choice([0, 1, 2, 4, 8])), ("traffic_lights", lambda: rng.random() < .6),
                                  ("sound_signal", lambda: rng.random() < .4), ("step_count", lambda: rng.randint(1, 12))):
                    if rng.random() < 0.8:  # 20 % of attributes are unknown
                        attrs[key] = make()
                coords = ((network_nodes[a].lon, network_nodes[a].lat), (network_nodes[b].lon, network_nodes[b].lat))
                edges.append(Edge(f"e{a}-{b}", kind, a, b, coords, attrs))
    place_list = []
    for k in range(places):
        i, j = rng.randrange(5, side - 5), rng.randrange(5, side - 5)
        entrances = []
        for name, (di, dj) in (("a", (0, 0)), ("b", (1, 0))):
            node_id = f"n{i + di}-{j + dj}"
            old = network_nodes[node_id]
            network_nodes[node_id] = Node(node_id, "entrance", old.lon, old.lat, f"Wejście {name}")
            facts = {"steps": Fact(rng.choice([0, 3, 8]), "bench"), "ramp": Fact(rng.random() < .5, "bench")}
            entrances.append(Entrance(name, node_id, {"pl": f"Wejście {name}"}, facts))
        lon, lat = _point(i, j)
        place_list.append(Place(
            id=f"place-{k}", name={"pl": f"Biuro {k}"}, short_name=f"Biuro {k}", kind="office",
            address=Address(f"ul. Syntetyczna {k}", None, "Benchmark"), location=Location(lat, lon, True),
            contacts=Contacts((Phone("71 00 00 000"),), None, None, "bench", None), hours=None, description={},
            services=(), entrances=tuple(entrances), inside=Inside({"floor": Fact(1, "bench"), "lift": Fact(True, "bench")}),
            file="bench"))
    return Network(network_nodes, tuple(edges)), place_list


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--places", type=int, default=13)
    args = parser.parse_args()
    start = time.perf_counter()
    network, places = synthetic_city(args.nodes, args.places)
    made = time.perf_counter()
    graph = graph_of(network, places)
    built = time.perf_counter()
    profiles = load_profiles()
    routes = [r for place in places for profile in profiles.values() for r in plan_place(graph, place, profile)]
    routed = time.perf_counter()
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    statuses = {s: sum(r.status == s for r in routes) for s in ("ok", "unverified", "no_route")}
    print(f"graph: {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} directed edges")
    print(f"synthetic data: {made - start:.2f} s; graph build: {built - made:.2f} s")
    print(f"routing {len(places)} places x {len(profiles)} profiles = {len(routes)} routes {statuses}: "
          f"{routed - built:.2f} s")
    print(f"graph build + routing: {routed - made:.2f} s (target <= 10 s); peak memory {peak_mib:.0f} MiB "
          f"(target <= 1024 MiB)")


if __name__ == "__main__":
    main()
