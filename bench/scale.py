"""Benchmark: every edition of a synthetic guide of N places, built cold (a new output folder and an empty speech
cache) by the real command line. Prints the wall time and the peak memory of each stage and of the whole build.

The guide is the Wrocław data cloned: copy k of its network, stops and places lies k × 0.07° (about 7.8 km) north
of the real one, with new ids, so each place keeps its real routes and texts (13 places are the Wrocław guide
itself). Peak memory is measured two ways: the largest sum of the resident memory (RSS) of the build's whole
process tree, sampled every 50 ms, and the largest single process (getrusage RUSAGE_CHILDREN, exact).
Target (issue "Any city, any place", part 7): 100 places in under 1 GiB. Measured on the 2-core machine: 13 places
59 s and 247 MiB (1827 MiB when the audio was held in memory), 100 places (15.9 h of recording) 450 s and 351 MiB.

Run: .venv/bin/python bench/scale.py --places 13     (or --places 100; --edition audio for one edition)
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "routes" / "wroclaw"
SHIFT = 0.07  # degrees of latitude between copies: more than the network's own extent (0.057°)


def synthetic_guide(target: Path, places: int) -> None:
    """A guide of `places` places: the source's places, network and stops, copied and shifted north as needed."""
    sources = sorted((SOURCE / "places").glob("*.yaml"))
    copies = -(-places // len(sources))
    network = json.loads((SOURCE / "network.geojson").read_text(encoding="utf-8"))
    with open(SOURCE / "stops.csv", newline="", encoding="utf-8") as handle:
        stops = list(csv.DictReader(handle))
    used = {f["properties"]["stop_id"] for f in network["features"] if f["properties"].get("stop_id")}
    (target / "places").mkdir(parents=True)
    features, rows = [], list(stops)
    for copy in range(copies):
        rename = (lambda name: name) if copy == 0 else (lambda name, n=copy + 1: f"{name}-k{n}")
        rows += [{**row, "stop_id": rename(row["stop_id"]), "stop_lat": f"{float(row['stop_lat']) + copy * SHIFT:.10f}"}
                 for row in stops if copy and row["stop_id"] in used]
        doors = set()
        for source in sources[:places - copy * len(sources)]:
            place = yaml.safe_load(source.read_text(encoding="utf-8"))
            doors |= {rename(entrance["node"]) for entrance in place.get("entrances") or ()}
            if not copy:  # the real place, as it is
                shutil.copy(source, target / "places" / source.name)
                continue
            place["id"], place["location"]["lat"] = rename(place["id"]), place["location"]["lat"] + copy * SHIFT
            place["name"], place["short_name"] = f"{place['name']} ({copy + 1})", f"{place['short_name']} ({copy + 1})"
            for entrance in place.get("entrances") or ():
                entrance["node"] = rename(entrance["node"])
            (target / "places" / f"{place['id']}.yaml").write_text(
                yaml.safe_dump(place, allow_unicode=True, sort_keys=False), encoding="utf-8")
        features += [_shifted(feature, copy, rename, doors) for feature in network["features"]]
    (target / "network.geojson").write_text(json.dumps({**network, "features": features}, ensure_ascii=False),
                                            encoding="utf-8")
    with open(target / "stops.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(stops[0]))
        writer.writeheader()
        writer.writerows(rows)
    if copies == 1:
        shutil.copy(SOURCE / "guide.yaml", target / "guide.yaml")
        return
    info = yaml.safe_load((SOURCE / "guide.yaml").read_text(encoding="utf-8"))
    info["city"]["bbox"][3] += (copies - 1) * SHIFT
    (target / "guide.yaml").write_text(yaml.safe_dump(info, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _shifted(feature: dict, copy: int, rename, doors: set) -> dict:
    """A copy of a network feature; an entrance of a place left out of the copy becomes a corner."""
    geometry = feature["geometry"]
    move = lambda point: [point[0], point[1] + copy * SHIFT]  # noqa: E731
    coordinates = (move(geometry["coordinates"]) if geometry["type"] == "Point"
                   else [move(point) for point in geometry["coordinates"]])
    properties = {key: rename(value) if key in ("id", "from", "to", "stop_id") else value
                  for key, value in feature["properties"].items()}
    if properties["kind"] == "entrance" and properties["id"] not in doors:
        properties["kind"] = "corner"
    return {**feature, "geometry": {**geometry, "coordinates": coordinates}, "properties": properties}


def _tree_rss(root: int) -> int:
    """The resident memory of a process and all its descendants, in bytes (0 once it is gone)."""
    parents, rss = {}, {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        rss[int(entry.name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    tree, grown = {root}, True
    while grown:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        grown = bool(more)
    return sum(rss.get(pid, 0) for pid in tree)


def measured_build(data: Path, out: Path, cache: Path, editions: list) -> dict:
    """Run `wromik build` and watch it: wall time and peak tree memory per stage (as its progress lines name them)."""
    command = [sys.executable, "-m", "guide", "build", str(data), "--out", str(out), "--speech-cache", str(cache)]
    command += [arg for edition in editions for arg in ("--edition", edition)]
    env = dict(os.environ, PYTHONPATH=str(ROOT), SOURCE_DATE_EPOCH="1767225600")
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stages = [["data, routes and documents", start, 0]]  # [name, started, peak bytes]
    log: list = []

    def read() -> None:
        for line in child.stderr:
            log.append(line.rstrip("\n"))
            if line.startswith("Writing the "):
                stages.append([line.split(" edition")[0][len("Writing the "):], time.perf_counter(), 0])
            elif line.startswith("Published "):
                stages.append(["verify and publish", time.perf_counter(), 0])

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        while child.poll() is None:
            stage = stages[-1]
            stage[2] = max(stage[2], _tree_rss(child.pid))
            time.sleep(0.05)
    finally:
        if child.poll() is None:  # the benchmark was stopped
            child.kill()
    reader.join()
    end = time.perf_counter()
    if child.returncode:
        sys.exit("The build failed:\n" + "\n".join(log[-20:]))
    times = [(name, (stages[i + 1][1] if i + 1 < len(stages) else end) - began, peak)
             for i, (name, began, peak) in enumerate(stages)]
    return {"seconds": end - start, "stages": times, "peak_tree": max(peak for *_, peak in stages),
            "peak_process": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024, "log": log}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--places", type=int, default=13)
    parser.add_argument("--edition", action="append", default=[], help="only this edition (repeatable)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wromik-scale-") as scratch:
        scratch = Path(scratch)
        synthetic_guide(scratch / "guide", args.places)
        result = measured_build(scratch / "guide", scratch / "out", scratch / "cache", args.edition)
        whole = scratch / "out" / "pl" / "audio" / "wromik-calosc-polski.mp3"
        recording = ""
        if whole.exists():
            length = float(subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of",
                                           "csv=p=0", str(whole)], capture_output=True, text=True).stdout)
            recording = f", {length / 3600:.2f} h of recording"
    mib = 1 << 20
    print(f"{args.places} places, editions: {', '.join(args.edition) or 'all'}{recording}")
    for line in result["log"]:
        if line.startswith(("Data valid", "Speech (")):
            print(f"  {line}")
    for name, seconds, peak in result["stages"]:
        print(f"  {name:<28} {seconds:7.1f} s   peak {peak / mib:6.0f} MiB (process tree)")
    print(f"total: {result['seconds']:.1f} s; peak memory {result['peak_tree'] / mib:.0f} MiB for the process tree "
          f"(sampled), {result['peak_process'] / mib:.0f} MiB for the largest single process; target < 1024 MiB")


if __name__ == "__main__":
    main()
